/**
 * Hidden rows and columns → the model: a hidden row, column or amount is stored in the workbook but not printed
 * or published (Excel prints and exports to PDF only what is visible), so rules can check the printed form too.
 */
import { sheetColOf, sheetRowOf, type SheetGrid } from "../grid/grid";
import { columnIndex, parseRef } from "../grid/address";
import type { Table } from "../model/schema";

/** Sets `hidden` on the rows, columns and amounts of each table whose sheet row or column is hidden. */
export function markHidden(tables: Table[], grids: SheetGrid[]): void {
  const bySheet = new Map<string, { rows: Set<number>; cols: Set<number> }>();
  for (const g of grids) {
    if (!g.hiddenRows?.length && !g.hiddenCols?.length) continue;
    bySheet.set(g.sheet, {
      rows: new Set((g.hiddenRows ?? []).map((r) => sheetRowOf(g, r))),
      cols: new Set((g.hiddenCols ?? []).map((c) => sheetColOf(g, c))),
    });
  }
  if (!bySheet.size) return;
  for (const t of tables) {
    const h = bySheet.get(t.sheet);
    if (!h) continue;
    // A column printed in several groups is hidden when all of them are (the amounts say which cells are hidden).
    for (const c of t.columns)
      if ([c.col, ...(c.groupCols ?? [])].every((x) => h.cols.has(columnIndex(x)))) c.hidden = true;
    for (const r of t.rows) {
      if (h.rows.has(r.row - 1)) r.hidden = true;
      for (const a of Object.values(r.amounts)) {
        const p = parseRef(a.cell);
        if (h.rows.has(p.r0) || h.cols.has(p.c0)) a.hidden = true;
      }
    }
  }
}
