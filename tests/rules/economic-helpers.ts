/**
 * Shared by expenditure-economic.test.ts and summary-economic-side.test.ts: the serious findings of a check, and
 * mutations of a generated workbook's cells — one figure changed, two exchanged, a whole column printed in the other
 * unit (×10,000 in a 万元 table, ÷10,000 in a 元 one).
 */
import type { SheetGrid } from "../../src/core/grid/grid";
import type { Amount, Table } from "../../src/core/model/schema";
import type { Finding } from "../../src/core/rules/rule";
import { mutate } from "../../bench/localization";
import type { Style } from "../fixtures/variants";

export const serious = (fs: Finding[]) =>
  fs.filter((f) => f.severity === "error" || f.severity === "warning");
export const said = (fs: Finding[]) => serious(fs).map((f) => `${f.rule} ${f.message}`);
/** 1 万元 as the style prints it. */
export const scaleOf = (st: Style) => (st.unit === "元" ? 10000 : 1);

/** The grids with the two figures exchanged (each cell given the other's printed value). */
export function exchange(grids: SheetGrid[], a: Amount, b: Amount): SheetGrid[] {
  const [x, y] = [a.value ?? 0, b.value ?? 0];
  return mutate(mutate(grids, a.cell, y - x), b.cell, x - y);
}

/** The grids with column `key` of table t printed in the other unit: its figures ×10,000 (万元) or ÷10,000 (元). */
export function otherUnit(grids: SheetGrid[], t: Table, key: string): SheetGrid[] {
  let g = grids;
  for (const r of t.rows) {
    const a = r.amounts[key];
    if (!a?.value) continue;
    const to = t.unit === "元" ? Math.round(a.value) / 10000 : a.value * 10000;
    g = mutate(g, a.cell, to - a.value);
  }
  return g;
}
