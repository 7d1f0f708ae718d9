/**
 * Formula results not recalculated → the model: an amount whose cell is a formula computing another number than the
 * one stored (grid.staleFormulas) carries that number (`Amount.formulaResult`), for input.stale-formula.
 */
import { gridColOf, gridRowOf, type SheetGrid } from "../grid/grid";
import { parseRef } from "../grid/address";
import type { Table } from "../model/schema";

/** Sets `formulaResult` on the amounts of each table whose formula's stored result is out of date. */
export function markStaleFormulas(tables: Table[], grids: SheetGrid[]): void {
  const bySheet = new Map(
    grids
      .filter((g) => g.staleFormulas?.length)
      .map((g) => [g.sheet, new Map(g.staleFormulas!.map((x) => [x.r * 65536 + x.c, x.computed]))])
  );
  if (!bySheet.size) return;
  const gridOf = new Map(grids.map((g) => [g.sheet, g]));
  for (const t of tables)
    for (const r of t.rows)
      for (const k in r.amounts) {
        const a = r.amounts[k];
        if (!a.cell) continue;
        const p = parseRef(a.cell);
        const stale = p.sheet === undefined ? undefined : bySheet.get(p.sheet);
        const g = stale && gridOf.get(p.sheet!);
        if (!g) continue;
        const computed = stale!.get(gridRowOf(g, p.r0) * 65536 + gridColOf(g, p.c0));
        if (computed !== undefined) a.formulaResult = computed;
      }
}
