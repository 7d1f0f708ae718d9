/**
 * Column widths → the model: an amount whose formatted number is wider than its column prints as #### in Excel, in
 * LibreOffice and in the PDF either exports, so the published table shows no figure there (a column narrowed to fit
 * the page, or figures in 元 that grew past the width last year's 万元 needed: newcomer15 NC15-10).
 */
import { gridColOf, gridRowOf, type SheetGrid } from "../grid/grid";
import { parseRef } from "../grid/address";
import { hashesWhenNarrow, printsAsHashes } from "../grid/width";
import type { Table } from "../model/schema";

/** Sets `hashes` on the amounts of each table that print as #### at their sheet's column widths (grid.colWidths). */
export function markHashes(tables: Table[], grids: SheetGrid[]): void {
  const bySheet = new Map(grids.filter((g) => g.colWidths?.length).map((g) => [g.sheet, g]));
  if (!bySheet.size) return;
  for (const t of tables) {
    const g = bySheet.get(t.sheet);
    if (!g) continue;
    const widths = g.colWidths!;
    const anchors = new Map(g.merges.map((m) => [m.r0 * 65536 + m.c0, m]));
    for (const r of t.rows)
      for (const k in r.amounts) {
        const a = r.amounts[k];
        if (a.hidden || a.blank) continue;
        const p = parseRef(a.cell);
        const gr = gridRowOf(g, p.r0);
        const gc = gridColOf(g, p.c0);
        if (gr < 0 || gc < 0 || typeof g.values[gr]?.[gc] !== "number") continue;
        if (!hashesWhenNarrow(g.numberFormat[gr][gc])) continue;
        const m = anchors.get(gr * 65536 + gc);
        let width = 0;
        for (let c = gc; c <= (m ? m.c1 : gc); c++) width += widths[c] ?? 0;
        if (widths[gc] !== undefined && printsAsHashes(g.text[gr][gc], width)) a.hashes = true;
      }
  }
}
