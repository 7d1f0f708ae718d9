/**
 * tester34 T34-7: a 项目支出绩效目标表 printed as ONE list (四川 表4-1, 重庆, 广东 省直): 项目名称 | 年度资金总额 (or 资金 /
 * 金额) | 年度绩效目标 (or none) | 一级指标 | 二级指标 | 三级指标 | 指标值, one block of indicator lines per project, the project's
 * cells merged down, 指标值 numeric (3000, 95, 2026, 100). It was read as one form whose project was the caption
 * “年度资金总额”: a 错误 “没有对应的绩效目标表” for every project of the 项目支出表 on a clean workbook, and a wrong
 * amount never found. In every template: the list is read as a 项目绩效目标一览表 (one line per project, its amount from
 * the block's first line, 指标值 never money); clean → no 错误 / 警告 on projects; one project's amount wrong → that
 * one 错误, at its cell.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { checkedProjectLines } from "../../src/core/rules/projects";
import type { CellValue, Merge, SheetGrid } from "../../src/core/grid/grid";
import { UNIT_FACTOR, type Report } from "../../src/core/model/schema";
import { STYLES, buildVariant, toGrid } from "../fixtures/variants";

/**
 * The projects of the 项目支出表 as read: name and amount in 万元 (a name on several lines — 本年 and 上年结转 — at
 * their sum, as a list prints it).
 */
function projectsOf(report: Report): Array<[string, number]> {
  const sums = new Map<string, number>();
  for (const l of checkedProjectLines(report)) {
    const a = l.row.amounts.total;
    if (!a || a.value === null) continue;
    const wan = (a.value * UNIT_FACTOR[l.table.unit]) / 10000;
    sums.set(l.name, Math.round(((sums.get(l.name) ?? 0) + wan) * 100) / 100);
  }
  return [...sums];
}

const INDICATORS: CellValue[][] = [
  ["产出指标", "数量指标", "覆盖学校数（所）", 3000],
  ["产出指标", "质量指标", "系统可用率（%）", 95],
  ["时效指标", "时效指标", "完成年度", 2026],
  ["满意度指标", "服务对象满意度指标", "满意度（%）", 100],
];

/**
 * The list on a sheet 表12: title, 单位：万元, the header, then per project its indicator lines, 项目名称 | amount |
 * 年度绩效目标 merged down the block (`merged`), else printed on the block's first line only. `wrong`: that project's
 * amount printed `by` off.
 */
function performanceList(
  projects: Array<[string, number]>,
  amount: string,
  merged: boolean,
  wrong?: string,
  by = 0,
  target = true,
  indicators = ["一级指标", "二级指标", "三级指标", "指标值"]
): SheetGrid {
  const cut = (cells: CellValue[]) => (target ? cells : cells.filter((_, c) => c !== 2));
  const rows: CellValue[][] = [
    ["2025年项目支出绩效目标表"],
    ["", "", "", "", "", "", "单位：万元"],
    cut(["项目名称", amount, "年度绩效目标", ...indicators]),
  ];
  const merges: Merge[] = [];
  for (const [name, a] of projects) {
    const r0 = rows.length;
    INDICATORS.forEach((ind, i) =>
      rows.push(
        cut(
          i
            ? ["", "", "", ...ind]
            : [
                name,
                name === wrong ? Math.round((a + by) * 100) / 100 : a,
                `按期完成${name}`,
                ...ind,
              ]
        )
      )
    );
    if (merged)
      for (const c of target ? [0, 1, 2] : [0, 1])
        merges.push({ r0, c0: c, r1: r0 + INDICATORS.length - 1, c1: c });
  }
  return toGrid("表12", rows, merges);
}

const PROJECT_RULES = /^projects\.(performance|annual)/;
const serious = (report: Report) =>
  checkReport(report, { localize: false })
    .findings.filter((f) => PROJECT_RULES.test(f.rule) && f.severity !== "info")
    .map((f) => `${f.rule} ${f.severity} ${f.cells[0]}`);

const AMOUNTS = ["年度资金总额", "资金", "金额", "年度资金总额（万元）"];
const cases = STYLES.flatMap((s) => AMOUNTS.map((a) => [s.name, a, s] as const));

describe.each(cases)("variant %s, amount caption %s", (_n, amount, style) => {
  const { grids } = buildVariant(style);
  const projects = projectsOf(importWorkbook(grids));
  test.each([
    [true, true],
    [false, true],
    [true, false],
  ])(
    "merged %s, 年度绩效目标 column %s: read as a list of the projects; clean → no 错误 / 警告; one amount 270 off → that 错误 at its cell",
    (merged, target) => {
      expect(projects.length).toBeGreaterThan(0);
      const report = importWorkbook([
        ...grids,
        performanceList(projects, amount, merged, undefined, 0, target),
      ]);
      const list = report.tables.filter((t) => t.sheet === "表12");
      expect(list.map((t) => t.kind)).toEqual(["performance_list"]);
      expect(
        list[0].rows
          .filter((r) => r.amounts.total && !r.amounts.total.blank)
          .map((r) => [r.label, r.amounts.total.value])
      ).toEqual(projects);
      expect(serious(report)).toEqual([]);
      const [name] = projects[0];
      const wrong = importWorkbook([
        ...grids,
        performanceList(projects, amount, merged, name, -270, target),
      ]);
      expect(serious(wrong)).toEqual(["projects.performance-list error 表12!B4"]);
    }
  );
});

/**
 * Lists whose header prints no 目标 / 指标 caption (note34 list34 leftover): 项目名称 | 年度资金总额 | 实施期资金总额, one
 * line per project (a 绩效 form's two money lines as columns); indicator columns captioned 一级 | 二级 | 三级 | 指标值, or
 * 指标名称 | 指标值, or 绩效标准 | 度量单位. Each read as a 项目绩效目标一览表 — never a form of project “年度资金总额”,
 * never a 错误 per project of the 项目支出表; one amount wrong → that 错误 at its cell.
 */
const BARE: Array<[string, string[]]> = [
  ["一级 | 二级 | 三级 | 指标值", ["一级", "二级", "三级", "指标值"]],
  ["类别 | 子类 | 指标名称 | 指标值", ["类别", "子类", "指标名称", "指标值"]],
  ["分类 | 内容 | 绩效标准 | 度量单位", ["分类", "内容", "绩效标准", "度量单位"]],
];
describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const { grids } = buildVariant(style);
  const projects = projectsOf(importWorkbook(grids));
  const amountsOnly = (wrong?: string) =>
    toGrid(
      "表12",
      [
        ["2025年项目支出绩效目标表"],
        ["", "", "单位：万元"],
        ["项目名称", "年度资金总额", "实施期资金总额"],
        ...projects.map(([n, a]): CellValue[] => [
          n,
          n === wrong ? Math.round((a - 270) * 100) / 100 : a,
          a,
        ]),
      ],
      []
    );
  const read = (report: Report) => {
    const list = report.tables.filter((t) => t.sheet === "表12");
    expect(list.map((t) => t.kind)).toEqual(["performance_list"]);
    expect(
      list[0].rows
        .filter((r) => r.amounts.total && !r.amounts.total.blank)
        .map((r) => [r.label, r.amounts.total.value])
    ).toEqual(projects);
  };

  test("项目名称 | 年度资金总额 | 实施期资金总额: a list of the projects, clean → nothing; one amount off → that 错误", () => {
    const report = importWorkbook([...grids, amountsOnly()]);
    expect(report.tables.filter((t) => t.form?.project === "年度资金总额")).toEqual([]);
    read(report);
    expect(serious(report)).toEqual([]);
    expect(report.unrecognized.filter((u) => u.sheet === "表12")).toEqual([]);
    const wrong = importWorkbook([...grids, amountsOnly(projects[0][0])]);
    expect(serious(wrong)).toEqual(["projects.performance-list error 表12!B4"]);
  });

  test.each(BARE)("indicators captioned %s: a list of the projects", (_c, indicators) => {
    const report = importWorkbook([
      ...grids,
      performanceList(projects, "年度资金总额", true, undefined, 0, false, indicators),
    ]);
    read(report);
    expect(serious(report)).toEqual([]);
    const wrong = importWorkbook([
      ...grids,
      performanceList(projects, "年度资金总额", true, projects[0][0], -270, false, indicators),
    ]);
    expect(serious(wrong)).toEqual(["projects.performance-list error 表12!B4"]);
  });

  test("a 绩效 table whose 项目名称 heads one money column only (项目名称 | 年度资金总额): still no form of project “年度资金总额”", () => {
    const odd = toGrid(
      "表12",
      [
        ["2025年项目支出绩效目标表"],
        ["", "单位：万元"],
        ["项目名称", "年度资金总额"],
        ...projects.map(([n, a]): CellValue[] => [n, a]),
      ],
      []
    );
    const report = importWorkbook([...grids, odd]);
    expect(report.tables.filter((t) => t.form?.project === "年度资金总额")).toEqual([]);
    expect(serious(report)).toEqual([]);
  });
});
