/**
 * Stray content: cells far from every table, past a long run of empty rows or columns (a lone value at
 * A1048576 or XFD1 left by a slip of the hand). They are not part of any table; the report names them, since
 * Excel would print (and a PDF would carry) every page up to them.
 */
import { MAX_EMPTY_RUN } from "../grid/grid";
import type { Unrecognized } from "../model/schema";
import type { GridView } from "./view";
import type { Region } from "./region";

function stray(v: GridView, cells: Array<[number, number]>): Unrecognized {
  const rs = cells.map(([r]) => r);
  const cs = cells.map(([, c]) => c);
  const [r, c] = cells[0];
  return {
    sheet: v.grid.sheet,
    range: v.range(Math.min(...rs), Math.min(...cs), Math.max(...rs), Math.max(...cs)),
    reason: `远离表格的零散内容（与表格相隔超过 ${MAX_EMPTY_RUN} 个空行或空列），未参与审核`,
    stray: true,
    cell: v.ref(r, c),
    text: v.text(r, c),
  };
}

/** A skipped run of empty rows lies between grid rows r - 1 and r. */
function gapBefore(v: GridView, r: number): boolean {
  return r > 0 && v.sheetRow(r) - v.sheetRow(r - 1) > 1;
}

/**
 * Ends each region at the first long empty run after its title; what follows inside the region is stray.
 * Returns the clipped regions and the stray content found.
 */
export function clipRegionsAtGaps(
  v: GridView,
  regions: Region[]
): { regions: Region[]; strays: Unrecognized[] } {
  if (!v.grid.sheetRows) return { regions, strays: [] };
  const strays: Unrecognized[] = [];
  const out = regions.map((reg) => {
    for (let r = Math.max(reg.r0, reg.titleRow) + 1; r <= reg.r1; r++) {
      if (!gapBefore(v, r)) continue;
      const cells: Array<[number, number]> = [];
      for (let k = r; k <= reg.r1; k++) for (const [c] of v.cells(k)) cells.push([k, c]);
      if (cells.length) strays.push(stray(v, cells));
      return { ...reg, r1: r - 1 };
    }
    return reg;
  });
  return { regions: out, strays };
}

/** Content in the column blocks set aside as stray by the view. */
export function strayColumns(v: GridView): Unrecognized[] {
  if (!v.strayCols.length) return [];
  const cells: Array<[number, number]> = [];
  for (let r = 0; r < v.rows; r++)
    for (const c of v.strayCols) if (v.norm(r, c) !== "") cells.push([r, c]);
  return cells.length ? [stray(v, cells)] : [];
}
