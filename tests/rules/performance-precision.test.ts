/**
 * tester29b T29B-9: 项目绩效目标表 forms printed in General (no number format: pasted values, a script, a PDF
 * conversion) with whole 万元 were compared at ±0.505 — a form printing 21 against the 项目支出表's 20.50 passed as
 * 尾差. General prints a value exactly, so such a form is read at the precision of the workbook's money tables of its
 * unit (0.00), as fixT29a reads a General table: 21 ≠ 20.50 is an 错误. A form under an explicit whole-number format
 * ("0") says it rounds to whole 万元 and keeps ±0.5. The finding names the unit of both figures ("21.00万元 ≠ 项目支出表中该项目金额 20.50万元",
 * was "21 ≠ …（20.50万元）折合 20.50"). Every generated template with forms in 万元 beside tables printing 0.00; the 元 ones (forms printing
 * whole 元 beside 元 tables) must stay as they were.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Report } from "../../src/core/model/schema";
import { STYLES, buildVariant, generalSheet } from "../fixtures/variants";
import { formsSheet, projectsOf, type FormLayout } from "../fixtures/forms";

const LAY: FormLayout = { caption: "年度资金总额", sub: "", sources: "below" };
const onForms = (r: Report) =>
  checkReport(r, { localize: false }).findings.filter(
    (f) =>
      f.severity !== "info" &&
      (f.rule.startsWith("projects.") || f.cells.some((c) => c.startsWith("表14!")))
  );

describe.each(STYLES.map((s) => [s.name, s] as const))("%s", (_name, st) => {
  const grids = buildVariant(st).grids;
  const report = importWorkbook(grids);
  const projects = projectsOf(report);
  // A project the 项目支出表 prints with cents (20.50 万元): its form printing the figure in whole 万元 is 0.5 off.
  const cents = projectsOf(report).find(([, v]) => Math.abs(v - Math.round(v)) > 0.01);

  test("forms in General, every figure right: nothing said", () => {
    const { grid } = formsSheet(st, projects, LAY);
    const general = importWorkbook(generalSheet([...grids, grid], "表14"));
    expect(general.tables.filter((t) => t.kind === "performance_target").length).toBe(
      projects.length
    );
    expect(onForms(general)).toEqual([]);
  });

  test("a whole-万元 figure in General is read at 0.00: 错误 with both units named; under “0” it stays 尾差", () => {
    // 元 templates print their projects in whole 元 (205,000.00): no figure for a whole-unit form to round.
    expect(!!cents).toBe(st.unit === "万元");
    if (!cents) return;
    const [name, v] = cents!;
    const by = Math.round(v) - v + (Math.round(v) === v ? 1 : 0);
    const { grid, amountCells } = formsSheet(st, projects, LAY, { name, by });
    const general = onForms(importWorkbook(generalSheet([...grids, grid], "表14")));
    expect(general.map((f) => [f.rule, f.severity, f.cells[0]])).toEqual([
      ["projects.annual-amount", "error", amountCells[name]],
    ]);
    const shown = (x: number) => x.toFixed(2).replace(".", "\\.");
    expect(general[0].message).toMatch(
      new RegExp(`${shown(v + by)}万元 ≠ .*表）?中该项目金额 ${shown(v)}万元（差`)
    );
    // The form's own "0" format (toGrid prints whole numbers under 100 so): printed rounded, ±0.5 — 尾差.
    const explicit = onForms(importWorkbook([...grids, grid]));
    expect(explicit.map((f) => [f.rule, f.severity, f.cells[0]])).toEqual([
      ["projects.annual-amount", "rounding", amountCells[name]],
    ]);
  });
});
