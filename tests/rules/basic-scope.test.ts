/**
 * 基本支出经济分类表 ↔ 一般公共预算支出表 基本支出 under the tables' 资金口径 (scope.ts fundRelation): a 基本支出表
 * titled 财政拨款 (with 政府性基金 money in the department) or titled with no scope at all (基本支出预算表, in a
 * department with other money) may hold more than the 一般公共预算 基本支出 — never less. Every generated style: the
 * 基本支出表 retitled, then its 301 line (合计, one 301xx item, 人员经费) raised or lowered consistently inside the table.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { moneyOf } from "../../src/core/rules/scope";
import { totalRow } from "../../src/core/rules/helpers";
import type { SheetGrid } from "../../src/core/grid/grid";
import type { Table } from "../../src/core/model/schema";
import { STYLES, buildVariant, type Style, type VariantOptions } from "../fixtures/variants";
import { mutate } from "../../bench/localization";
import { table } from "../helpers";

const scaleOf = (st: Style) => (st.unit === "元" ? 10000 : 1);

/** The grids with the 基本支出表's title saying `scope` (财政拨款, or nothing) where it said 一般公共预算. */
function retitle(grids: SheetGrid[], sheet: string, scope: string): SheetGrid[] {
  const swap = (v: unknown) =>
    typeof v === "string" && /一般公共预算基本支出.*表/.test(v) && !/功能/.test(v)
      ? v.replace("一般公共预算基本支出", `${scope}基本支出`)
      : v;
  return grids.map((g) =>
    g.sheet !== sheet
      ? g
      : {
          ...g,
          values: g.values.map((r) => r.map(swap)) as SheetGrid["values"],
          text: g.text.map((r) => r.map(swap)) as SheetGrid["text"],
        }
  );
}

/** `delta` added to the 基本支出表's 合计, its 301 line and that line's first item, in 合计 and 人员经费 alike. */
function raise301(grids: SheetGrid[], t6: Table, delta: number): SheetGrid[] {
  const c301 = t6.rows.find((r) => r.code === "301")!;
  const item = t6.rows.find((r) => r.code?.startsWith("301") && r.code.length === 5)!;
  let g = grids;
  for (const r of [totalRow(t6)!, c301, item])
    for (const k of ["total", "personnel"])
      if (r.amounts[k]) g = mutate(g, r.amounts[k].cell, delta);
  return g;
}

const basicEconomicErrors = (grids: SheetGrid[]) =>
  checkReport(importWorkbook(grids), { localize: false }).findings.filter(
    (f) => f.rule === "cross.basic-economic" && f.severity === "error"
  );

describe.each(
  STYLES.flatMap((s) => [
    [s.name, s, "", {}] as const,
    [s.name, s, "财政拨款", { govFund: { amount: 12.5 } }] as const,
    [s.name, s, "财政拨款", {}] as const,
  ])
)("基本支出表 titled by scope, %s: “%s基本支出” %j", (_n, style, scope, opts: VariantOptions) => {
  const base = buildVariant(style, opts).grids;
  const t6 = table(importWorkbook(base), "basic_expenditure_economic");
  const grids = retitle(base, t6.sheet, scope);
  const report = importWorkbook(grids);
  const retitled = table(report, "basic_expenditure_economic");
  const money = moneyOf(report);
  // Wider only where the department has the money the title adds: 政府性基金 / 国有资本 for 财政拨款, any other money
  // for a title naming no scope.
  const wider = scope ? !!money.fiscalOther : !!(money.fiscalOther || money.nonFiscal);
  const d = 1.37 * scaleOf(style);

  test("the retitled table is still the 基本支出经济分类表, and nothing is found", () => {
    expect(retitled.title).not.toContain("一般公共预算");
    expect(retitled.title).toContain(`${scope}基本支出`);
    expect(basicEconomicErrors(grids)).toEqual([]);
  });

  test(`more 基本支出 than the 一般公共预算支出表 is ${wider ? "allowed (a wider scope)" : "an error (the same money here)"}`, () => {
    const found = basicEconomicErrors(raise301(grids, retitled, d));
    if (wider) expect(found).toEqual([]);
    else
      expect(found.some((f) => f.cells.includes(totalRow(retitled)!.amounts.total.cell))).toBe(
        true
      );
  });

  test("less 基本支出 than the 一般公共预算支出表 is an error whatever the scope", () => {
    const found = basicEconomicErrors(raise301(grids, retitled, -d));
    expect(found.some((f) => f.cells.includes(totalRow(retitled)!.amounts.total.cell))).toBe(true);
    if (wider) expect(found.every((f) => /口径较宽/.test(f.message))).toBe(true);
  });
});
