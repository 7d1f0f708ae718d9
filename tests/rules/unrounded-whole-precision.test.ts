/**
 * A workbook whose every table is typed in whole 万元 without number formats (General) — tester33 T33-5, tester32
 * T32-16. Rounding tolerance only where the workbook shows rounding: when every sum adds up exactly, nothing was
 * rounded and a line 1 万元 off is an 错误 (it was a 尾差 at ±0.5 a figure); when the figures were rounded before they
 * were typed (sums missing by a unit here and there), each keeps ±0.5 and the misses stay 尾差.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { SheetGrid } from "../../src/core/grid/grid";
import { mutate } from "../../bench/localization";
import { STYLES, buildVariant, wholeWorkbook } from "../fixtures/variants";
import { serious } from "../helpers";

const check = (grids: SheetGrid[]) => checkReport(importWorkbook(grids), { localize: false });
const money = (grids: SheetGrid[]) =>
  importWorkbook(grids)
    .tables.filter((t) => t.kind !== "performance_target" && t.kind !== "assets")
    .flatMap((t) => t.rows.flatMap((r) => Object.entries(r.amounts)))
    .filter(([k, a]) => !a.blank && !k.startsWith("ratio") && !/[%％]/.test(a.text))
    .map(([, a]) => a);

const cases = STYLES.filter((s) => !s.textAmounts && s.unit === "万元").map(
  (s) => [s.name, s] as const
);

describe.each(cases)("variant %s: every table in whole 万元, General", (_n, style) => {
  const plain = buildVariant(style).grids;
  const exact = wholeWorkbook(plain);
  const report = importWorkbook(exact);
  // A 项 of the 一般公共预算支出表 (else the 支出总表) printed 1 万元 more, its 款 kept.
  const t =
    report.tables.find((x) => x.kind === "general_budget_expenditure") ??
    report.tables.find((x) => x.kind === "expenditure_summary")!;
  const line = t.rows.find(
    (r) => r.code?.length === 7 && !r.partial && r.amounts.total && !r.amounts.total.blank
  )!;

  test("the sums add up exactly: read exactly, no finding; a 项 1 万元 over its 款 is an 错误", () => {
    expect(money(exact).every((a) => a.decimals >= 2)).toBe(true);
    expect(serious(check(exact).findings)).toEqual([]);
    const cell = line.amounts.total.cell;
    const found = check(mutate(exact, cell, 1)).findings;
    expect(found.filter((f) => f.cells.includes(cell)).map((f) => f.severity)).toContain("error");
    expect(found.filter((f) => f.severity === "rounding")).toEqual([]);
  });

  test("two lines 1 万元 off in two tables are 错误 too", () => {
    const other = report.tables.find(
      (x) => x !== t && (x.kind === "expenditure_summary" || x.kind === "income_summary")
    );
    const second = other?.rows.find(
      (r) => r.code?.length === 3 && r.amounts.total && !r.amounts.total.blank
    );
    const cells = [line.amounts.total.cell, ...(second ? [second.amounts.total.cell] : [])];
    const found = check(cells.reduce((g, c) => mutate(g, c, 1), exact)).findings;
    for (const cell of cells)
      expect(found.filter((f) => f.cells.includes(cell)).map((f) => f.severity)).toContain("error");
  });

  test("rounded before typed (sums miss here and there): ±0.5 a figure, the misses 尾差", () => {
    const rounded = wholeWorkbook(plain, true);
    expect(money(rounded).every((a) => a.decimals === 0)).toBe(true);
    const found = check(rounded).findings;
    expect(found.filter((f) => f.severity === "rounding").length).toBeGreaterThan(0);
    expect(serious(found)).toEqual([]);
  });
});
