/**
 * fixT29e leftover: `check --json` gives each finding's `unit`, the unit its expected / actual / difference are in
 * (docs/check-json.md). Before, the JSON had no unit and the doc said "the unit of the checked figure" — not true of a
 * ≤ / ≥ comparison across tables printed in different units, whose figures are in the unit the rule converted both to.
 * Every generated template: the 三公 table in the other unit with its 公务用车运行费 1 万元 below the 基本支出经济分类表's
 * (a mixed ≤ finding), the same in one unit (元), and a seeded 合计 (a sum in the checked table's unit).
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { CheckFileJsonSchema, toCheckJson } from "../../src/core/findings/json";
import { STYLES, buildVariant, type Style } from "../fixtures/variants";
import { mutate } from "../../bench/localization";

const SEED = {
  threePublicColumn: { header: "pair" as const, wrong: { line: "running" as const, by: -1 } },
};
const other = (u: "元" | "万元"): "元" | "万元" => (u === "元" ? "万元" : "元");

function json(style: Style, grids = buildVariant(style, SEED).grids) {
  const report = importWorkbook(grids);
  const doc = toCheckJson("x.xlsx", report, checkReport(report, { localize: false }));
  return { report, doc: CheckFileJsonSchema.parse(doc) };
}

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  test("a ≤ finding across units: unit is the one its figures were converted to", () => {
    const mixed = { ...style, threePublicUnit: other(style.unit) };
    const f = json(mixed).doc.findings.find((x) => x.rule === "cross.three-public-economic")!;
    expect(f).toBeDefined();
    expect(f.unit).toBe(mixed.threePublicUnit);
    // The figures as the message prints them, in that unit.
    expect(f.message).toContain(`${f.actual!.toFixed(2)}${f.unit}`);
  });

  test("one unit throughout: the checked table's unit; a finding without figures: null", () => {
    const { doc } = json({ ...style, unit: "元", threePublicUnit: "元" });
    const f = doc.findings.find((x) => x.rule === "cross.three-public-economic")!;
    expect(f.unit).toBe("元");
    for (const x of doc.findings)
      if (x.expected === null && x.actual === null && x.difference === null)
        expect(x.unit).toBeNull();
      else expect(x.unit).not.toBeNull();
  });

  test("a seeded 合计 in the 一般公共预算支出表: its table's unit", () => {
    const plain = buildVariant(style).grids;
    const report = importWorkbook(plain);
    const t5 = report.tables.find((t) => t.kind === "general_budget_expenditure")!;
    const cell = t5.rows.find((r) => r.level === 0)!.amounts.total.cell;
    const { doc } = json(style, mutate(plain, cell, t5.unit === "元" ? 70000 : 7));
    const at = doc.findings.filter((x) => x.cells[0] === cell && x.expected !== null);
    expect(at.length).toBeGreaterThan(0);
    for (const x of at) expect(x.unit).toBe(t5.unit);
  });
});
