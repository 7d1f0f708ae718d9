/**
 * 财政部's 部门整体支出绩效目标申报表 (newcomer11 NC11-12; the form 山东 / 河北 / 中央部门 print): 年度预算申请（万元）|
 * 资金总额 | 按收入性质分 over 一般公共预算 | 政府性基金 | 其他资金 | 按支出性质分 over 基本支出 | 项目支出, one line of
 * figures. Before, it was 未识别 (部门整体绩效目标表缺少任务名称与预算金额) and a wrong 资金总额 passed with 未发现问题.
 * For every generated template, the form filled from the workbook's own tables: read, nothing more reported; a
 * 资金总额 10 万元 high, or a 基本支出 10 万元 high, found at its cell by cross.department-performance.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Report } from "../../src/core/model/schema";
import { STYLES, YEAR, buildVariant, toGrid } from "../fixtures/variants";
import { kinds } from "../helpers";

const r2 = (x: number) => Math.round(x * 100) / 100;
/** The form's sheet, its figures (万元) those of the workbook's 收支总表 / 支出总表, plus `bump` on one of them. */
function form(rep: Report, bump: { total?: number; basic?: number } = {}) {
  const wan = (t: { unit: string }, x: number | null | undefined) =>
    Math.round(((x ?? 0) / (t.unit === "元" ? 10000 : 1)) * 100) / 100;
  const t1 = rep.tables.find((t) => t.kind === "income_expenditure_summary")!;
  const cur = t1.rows.find((r) => r.key === "current_expenditure_total" && r.side !== "income")!;
  const t3 = rep.tables.find((t) => t.kind === "expenditure_summary")!;
  const tot3 = t3.rows.find((r) => r.key === "total")!;
  const t4 = rep.tables.find((t) => t.kind === "fiscal_appropriation_summary")!;
  const cur4 = t4.rows.find((r) => r.key === "current_expenditure_total" && r.side !== "income");
  const total = wan(t1, cur.amounts.total.value);
  const fiscal = cur4 ? wan(t4, cur4.amounts.total.value) : total;
  const basic = wan(t3, tot3.amounts.basic.value);
  const project = wan(t3, tot3.amounts.project.value);
  return toGrid(
    "部门整体绩效目标",
    [
      [`${YEAR}年部门整体支出绩效目标申报表`],
      [`（${YEAR}年度）`],
      ["部门名称", "清河县财政局"],
      ["年度预算申请（万元）", "资金总额", "按收入性质分", "", "", "按支出性质分", ""],
      ["", "", "一般公共预算", "政府性基金", "其他资金", "基本支出", "项目支出"],
      [
        "",
        total + (bump.total ?? 0),
        fiscal,
        "",
        r2(total - fiscal) || "",
        basic + (bump.basic ?? 0),
        project,
      ],
      ["部门职能职责概述", "负责全县财政收支管理"],
      ["年度总体目标", "保障重点支出"],
    ],
    [
      { r0: 0, c0: 0, r1: 0, c1: 6 },
      { r0: 3, c0: 2, r1: 3, c1: 4 },
      { r0: 3, c0: 5, r1: 3, c1: 6 },
      { r0: 3, c0: 0, r1: 5, c1: 0 },
      { r0: 3, c0: 1, r1: 4, c1: 1 },
    ]
  );
}

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const v = buildVariant(style);
  const plain = importWorkbook(v.grids);
  const plainKinds = kinds(checkReport(plain));

  test("the 申报表 is read (资金总额, sources, 基本支出 / 项目支出); nothing more is reported", () => {
    const rep = importWorkbook([...v.grids, form(plain)]);
    expect(rep.unrecognized.filter((u) => u.sheet === "部门整体绩效目标")).toEqual([]);
    const t = rep.tables.find((x) => x.kind === "department_performance")!;
    expect(t.columns.map((c) => c.key)).toEqual([
      "total",
      "general",
      "gov_fund",
      "other",
      "basic",
      "project",
    ]);
    expect(t.empty).toBe(false);
    expect(kinds(checkReport(rep))).toEqual(plainKinds);
  });

  test.each([
    ["资金总额", { total: 10 }, "B6"],
    ["基本支出", { basic: 10 }, "F6"],
  ] as const)("%s 10 万元 high: found at its cell", (_w, bump, cell) => {
    const rep = importWorkbook([...v.grids, form(plain, bump)]);
    const found = checkReport(rep).findings.filter(
      (f) => f.rule === "cross.department-performance" && f.severity === "error"
    );
    expect(found.map((f) => f.cells[0])).toEqual([`部门整体绩效目标!${cell}`]);
  });
});

/**
 * The 部门整体支出绩效目标表 printing its money down the form, each figure beside its caption (tester34 T34-12b, 北京's
 * form): 年度预算申请 | 资金总额 | figure, then | 其中：一般公共预算 | figure, | 政府性基金预算 | 0, then 年度总体目标 and
 * 一级 / 二级 / 三级指标. Before, “[未识别] … 部门整体绩效目标表缺少任务名称与预算金额”: read a defect of the department.
 */
function besideForm(rep: Report, bump = 0) {
  const t1 = rep.tables.find((t) => t.kind === "income_expenditure_summary")!;
  const cur = t1.rows.find((r) => r.key === "current_expenditure_total" && r.side !== "income")!;
  const wan = (t: { unit: string }, x: number | null | undefined) =>
    r2((x ?? 0) / (t.unit === "元" ? 10000 : 1));
  const total = wan(t1, cur.amounts.total.value);
  const t4 = rep.tables.find((t) => t.kind === "fiscal_appropriation_summary")!;
  const cur4 = t4.rows.find((r) => r.key === "current_expenditure_total" && r.side !== "income");
  const general = cur4 ? wan(t4, cur4.amounts.total.value) : total;
  return toGrid(
    "部门整体绩效",
    [
      [`${YEAR}年部门整体支出绩效目标表`, "", "", ""],
      ["单位：万元", "", "", ""],
      ["部门（单位）名称", "清河县财政局", "", ""],
      ["年度预算申请", "资金总额", r2(total + bump), ""],
      ["", "其中：一般公共预算", general, ""],
      ["", "政府性基金预算", 0, ""],
      ["年度总体目标", "保障重点支出", "", ""],
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ["产出指标", "数量指标", "保障人数（人）", 120],
      ["效益指标", "社会效益指标", "群众满意度（%）", 95],
    ],
    [{ r0: 0, c0: 0, r1: 0, c1: 3 }]
  );
}

describe.each(STYLES.map((s) => [s.name, s] as const))(
  "variant %s, figures beside their captions",
  (_n, style) => {
    const v = buildVariant(style);
    const plain = importWorkbook(v.grids);

    test("read as the 部门整体绩效目标 (not 未识别); its 资金总额 checked against 收支总表's 本年支出合计, nothing reported", () => {
      const rep = importWorkbook([...v.grids, besideForm(plain)]);
      expect(rep.unrecognized.filter((u) => u.sheet === "部门整体绩效")).toEqual([]);
      const t = rep.tables.find((x) => x.kind === "department_performance")!;
      // Its 其中 lines are read as the 资金总额's sources when they add up to it (else only the total).
      expect(t.columns[0].key).toBe("total");
      const res = checkReport(rep);
      expect(
        res.perRule.find((r) => r.id === "cross.department-performance")!.checked
      ).toBeGreaterThan(0);
      expect(kinds(res)).toEqual(kinds(checkReport(plain)));
    });

    test("资金总额 10 万元 high: found at its cell", () => {
      const rep = importWorkbook([...v.grids, besideForm(plain, 10)]);
      const found = checkReport(rep).findings.filter(
        (f) => f.rule === "cross.department-performance" && f.severity === "error"
      );
      expect(found.map((f) => f.cells[0])).toContain("部门整体绩效!C4");
    });
  }
);
