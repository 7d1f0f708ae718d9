/**
 * tester29 T29-9: a finding comparing tables printed in different units names the units — its own figure with its
 * unit, the other table's figure as printed with its unit and converted ("14.00万元 小于 … 150000.00元（合 15.00万元）"),
 * and the 审核结果 sheet's 表 column says the unit its 应为 / 实为 / 差额 are in. Before: both figures in the finding
 * table's unit, no unit word — a reviewer looked for 15.00 in a 元 table. Same-unit findings keep their words exactly.
 * Every generated template, the 三公 table in the other unit (元 beside 万元 tables, and 万元 beside 元 ones), its
 * 公务用车运行费 printed 1 万元 below the 基本支出经济分类表's.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { buildReviewPlan } from "../../src/core/review/build";
import { STYLES, buildVariant, type Style } from "../fixtures/variants";
import { firstOf, sumOutcome, term } from "../../src/core/rules/helpers";
import type { Report } from "../../src/core/model/schema";

const SEED = {
  threePublicColumn: { header: "pair" as const, wrong: { line: "running" as const, by: -1 } },
};

function check(style: Style) {
  const { grids } = buildVariant(style, SEED);
  const report = importWorkbook(grids);
  const result = checkReport(report, { localize: false });
  const f = result.findings.find((x) => x.rule === "cross.three-public-economic");
  return { grids, report, result, f };
}

/**
 * The shared message builder (sumOutcome) on the two tables' 公务用车运行费 figures: the 三公 table's line against the
 * 基本支出经济分类表's line of that name.
 */
function sumMessage(report: Report): string | undefined {
  const t10 = firstOf(report, "three_public")!;
  const t6 = firstOf(report, "basic_expenditure_economic")!;
  const r10 = t10.rows.find((r) => r.key === "vehicle_operation")!;
  const r6 = t6.rows.find((r) => /公务用车运行维护费/.test(r.label))!;
  const o = sumOutcome({
    rule: "test",
    severity: "error",
    total: term(t10, r10.amounts.general ?? r10.amounts.total),
    parts: [term(t6, r6.amounts.total)],
    subject: "甲",
    against: "乙",
  });
  return o.status === "fail" ? o.finding.message : undefined;
}

const other = (u: "元" | "万元"): "元" | "万元" => (u === "元" ? "万元" : "元");

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const mixed = { ...style, threePublicUnit: other(style.unit) };

  test("三公 table in the other unit: both figures with their units, the other table's as printed", () => {
    const { f } = check(mixed);
    expect(f).toBeDefined();
    const [mine, theirs] =
      mixed.threePublicUnit === "万元"
        ? ["14.00万元", "150000.00元（合 15.00万元）"]
        : ["140000.00元", "15.00万元（合 150000.00元）"];
    expect(f!.message).toMatch(
      new RegExp(`「公务用车运行费」${mine} 小于.+同名科目 ${theirs.replace(/[（）.]/g, "\\$&")}$`)
    );
    expect(f!.unit).toBe(mixed.threePublicUnit);
  });

  test("one unit throughout (元): the words as before, no unit word", () => {
    const { f } = check({ ...style, unit: "元", threePublicUnit: "元" });
    expect(f).toBeDefined();
    expect(f!.message).toMatch(/「公务用车运行费」140000\.00 小于.+同名科目 150000\.00$/);
    expect(f!.unit).toBeUndefined();
  });

  test("the shared builder (sumOutcome): units named only across units", () => {
    expect(sumMessage(check(mixed).report)).toMatch(
      mixed.threePublicUnit === "万元"
        ? /^甲 14\.00万元 ≠ 乙 150000\.00元（合 15\.00万元）（差 -1\.00万元，/
        : /^甲 140000\.00元 ≠ 乙 15\.00万元（合 150000\.00元）（差 -10000\.00元，/
    );
    expect(sumMessage(check({ ...style, unit: "元", threePublicUnit: "元" }).report)).toMatch(
      /^甲 140000\.00 ≠ 乙 150000\.00（差 -10000\.00元，/
    );
  });

  test("审核结果: the 表 column says the unit of a mixed finding's figures", () => {
    const { grids, report, result, f } = check(mixed);
    const plan = buildReviewPlan({
      report,
      result,
      grids,
      file: "x.xlsx",
      reviewedAt: "2026-11-29T20:00:00Z",
      productVersion: "9.9.9",
    });
    const s = plan.sheets[0];
    const header = s.cells.find((c) => c.col === 1 && c.value === "级别" && c.style === "header")!;
    const row = s.cells.find(
      (c) => c.row > header.row && c.col === 5 && c.value === f!.message
    )!.row;
    const at = (col: number) => s.cells.find((c) => c.row === row && c.col === col)?.value;
    expect(String(at(3))).toContain(`（金额单位：${mixed.threePublicUnit}）`);
    expect(at(6)).toBe(f!.expected);
    expect(at(6)).toBe(mixed.threePublicUnit === "万元" ? 15 : 150000);
  });
});
