/**
 * A 绩效目标表 whose 年度资金总额 is the project's 本年 part when the 项目支出表 prints 本年 | 上年结转 (or the project also
 * stands in a 项目支出表（上年结转）): the targets published with this year's budget are set for this year's 安排, the
 * 上年结转 money was targeted the year it was budgeted (projects.performance-coverage reads 上年结转 projects so). It was
 * an 错误 “应为 本年 + 上年结转” (newcomer12 NC12-12); now consistent. Any other figure stays an 错误, whose message names
 * the 上年结转 part. Forms in 万元 and in 元.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { CellValue, Merge, SheetGrid } from "../../src/core/grid/grid";
import type { Report } from "../../src/core/model/schema";
import { toGrid } from "../fixtures/variants";

const serious = (r: Report) =>
  checkReport(r, { skip: ["completeness"], localize: false }).findings.filter(
    (f) => f.severity === "error" || f.severity === "warning"
  );

/** [name, 本年, 上年结转] in 万元. */
const PROJECTS: Array<[string, number, number]> = [
  ["审计业务经费", 285.87, 98.18],
  ["购买中介机构审计服务", 75.5, 0],
  ["审计培训", 12.3, 4.2],
];
const r2 = (x: number) => Math.round(x * 100) / 100;

/** 项目名称 | 合计 | 本年预算 (小计 | 一般公共预算) | 上年结转 (小计 | 一般公共预算) — or 上年结转 by source only. */
function projectTable(bySource: boolean): SheetGrid {
  const sum = (k: 1 | 2) => r2(PROJECTS.reduce((s, p) => s + p[k], 0));
  const line = (n: string, a: number, c: number): CellValue[] =>
    bySource ? [n, r2(a + c), a, a, c || ""] : [n, r2(a + c), a, a, c || "", c || ""];
  const header: CellValue[][] = bySource
    ? [
        ["项目名称", "合计", "本年预算", "", "上年结转"],
        ["", "", "小计", "一般公共预算", "一般公共预算"],
      ]
    : [
        ["项目名称", "合计", "本年预算", "", "上年结转", ""],
        ["", "", "小计", "一般公共预算", "小计", "一般公共预算"],
      ];
  const merges: Merge[] = bySource
    ? [
        { r0: 2, c0: 0, r1: 3, c1: 0 },
        { r0: 2, c0: 1, r1: 3, c1: 1 },
        { r0: 2, c0: 2, r1: 2, c1: 3 },
      ]
    : [
        { r0: 2, c0: 0, r1: 3, c1: 0 },
        { r0: 2, c0: 1, r1: 3, c1: 1 },
        { r0: 2, c0: 2, r1: 2, c1: 3 },
        { r0: 2, c0: 4, r1: 2, c1: 5 },
      ];
  return toGrid(
    "表10",
    [
      ["2025年项目支出表"],
      ["单位：万元"],
      ...header,
      line("合计", sum(1), sum(2)),
      ...PROJECTS.map(([n, a, c]) => line(n, a, c)),
    ],
    merges
  );
}

/** One form per project; 年度资金总额 = `amount(project)` × scale. */
function forms(amount: (p: [string, number, number]) => number, scale: number): SheetGrid {
  const rows: CellValue[][] = [];
  const merges: Merge[] = [];
  for (const p of PROJECTS) {
    const a = r2(amount(p) * scale);
    const r0 = rows.length;
    rows.push(
      ["2025年项目支出绩效目标表"],
      ["", "", "", "", scale === 1 ? "单位：万元" : "单位：元"],
      ["项目名称", p[0]],
      ["主管部门", "市审计局", "实施单位", "市审计局"],
      ["项目资金", "年度资金总额", a],
      ["", "其中：财政拨款", a],
      ["", "其他资金", ""],
      ["年度绩效目标", `按计划完成${p[0]}`],
      ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
      ["", "产出指标", "数量指标", "完成项目数", "≥30个"],
      [],
      []
    );
    merges.push({ r0: r0 + 4, c0: 0, r1: r0 + 6, c1: 0 });
  }
  return toGrid("表11", rows, merges);
}

describe.each([["上年结转 小计 column", false]])("项目支出表 with %s", (_n, bySource) => {
  test.each([
    ["万元", 1],
    ["元", 10000],
  ])("forms in %s", (_u, scale) => {
    // 本年 part, or 本年 + 上年结转: both consistent.
    for (const amount of [
      (p: [string, number, number]) => p[1],
      (p: [string, number, number]) => p[1] + p[2],
    ])
      expect(serious(importWorkbook([projectTable(bySource), forms(amount, scale)]))).toEqual([]);
    // Anything else: the 错误 at the carried project's form, its message naming the 上年结转 part.
    const found = serious(
      importWorkbook([
        projectTable(bySource),
        forms((p) => (p === PROJECTS[0] ? p[1] + 10 : p[1]), scale),
      ])
    );
    expect(found.map((f) => f.rule)).toEqual(["projects.annual-amount"]);
    expect(found[0].cells[0]).toBe("表11!C5");
    expect(found[0].message).toMatch(/其中上年结转 98\.18/);
  });
});
