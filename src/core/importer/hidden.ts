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

/** A print area as SheetGrid holds it (printAreaA1's shape) → its range (0-based, inclusive; whole rows "1:20" / whole columns "A:E" unbounded the other way). */
function areaOf(a1: string): { r0: number; c0: number; r1: number; c1: number } | undefined {
  const cols = /^([A-Z]+):([A-Z]+)$/i.exec(a1);
  if (cols) return { r0: 0, r1: Infinity, c0: columnIndex(cols[1]), c1: columnIndex(cols[2]) };
  const rows = /^(\d+):(\d+)$/.exec(a1);
  if (rows) return { r0: Number(rows[1]) - 1, r1: Number(rows[2]) - 1, c0: 0, c1: Infinity };
  try {
    return parseRef(a1);
  } catch {
    return undefined; // a print area this reader cannot place: nothing is said of it
  }
}

/**
 * Sets `outsidePrintArea` on the rows and amounts of each table that lie outside its sheet's print area (打印区域):
 * Excel prints and exports to PDF only the print area, so those figures are not published (a print area left from
 * last year's shorter sheet: newcomer15 NC15-9). The table keeps the area's text for the message.
 */
export function markOutsidePrintArea(tables: Table[], grids: SheetGrid[]): void {
  const bySheet = new Map<
    string,
    { text: string; areas: NonNullable<ReturnType<typeof areaOf>>[] }
  >();
  for (const g of grids) {
    const areas = (g.printArea ?? []).map(areaOf);
    if (areas.length && areas.every((a) => a))
      bySheet.set(g.sheet, { text: g.printArea!.join(","), areas: areas.map((a) => a!) });
  }
  if (!bySheet.size) return;
  for (const t of tables) {
    const p = bySheet.get(t.sheet);
    if (!p) continue;
    const inside = (r: number, c: number) =>
      p.areas.some((a) => r >= a.r0 && r <= a.r1 && c >= a.c0 && c <= a.c1);
    let outside = false;
    for (const r of t.rows) {
      const label = parseRef(r.labelCell);
      if (!p.areas.some((a) => label.r0 >= a.r0 && label.r0 <= a.r1)) {
        r.outsidePrintArea = true;
        outside = true;
      }
      for (const a of Object.values(r.amounts)) {
        const at = parseRef(a.cell);
        if (!inside(at.r0, at.c0)) {
          a.outsidePrintArea = true;
          outside = true;
        }
      }
    }
    if (outside) t.printArea = p.text;
  }
}
