/** Read access to one grid: normalised text, numbers, merge-aware captions and sheet addresses. */
import type { SheetGrid } from "../grid/grid";
import { cellRef, rangeA1 } from "../grid/address";
import { norm } from "../grid/text";
import { parseAmount, type ParsedAmount } from "../grid/amount";

export class GridView {
  readonly rows: number;
  readonly cols: number;
  /** For each cell inside a merge (not its top-left), the top-left cell. */
  private readonly mergeAnchor = new Map<number, number>();
  /** Normalised texts and non-empty cells per row, computed once (the importer asks for them many times). */
  private readonly normCache = new Map<number, string>();
  private readonly cellsCache = new Map<number, Array<[number, string]>>();

  constructor(readonly grid: SheetGrid) {
    this.rows = grid.values.length;
    this.cols = grid.values.reduce((m, r) => Math.max(m, r.length), 0);
    for (const m of grid.merges)
      for (let r = m.r0; r <= m.r1; r++)
        for (let c = m.c0; c <= m.c1; c++) if (r !== m.r0 || c !== m.c0) this.mergeAnchor.set(r * 65536 + c, m.r0 * 65536 + m.c0);
  }

  raw(r: number, c: number) {
    return this.grid.values[r]?.[c] ?? "";
  }
  /** Displayed text, trimmed of nothing (indentation matters). */
  text(r: number, c: number): string {
    const t = this.grid.text[r]?.[c];
    if (t !== undefined && t !== "") return t;
    const v = this.raw(r, c);
    return v === null || v === undefined ? "" : String(v);
  }
  norm(r: number, c: number): string {
    const k = r * 65536 + c;
    let t = this.normCache.get(k);
    if (t === undefined) {
      t = norm(this.text(r, c));
      this.normCache.set(k, t);
    }
    return t;
  }
  isEmpty(r: number, c: number): boolean {
    return this.norm(r, c) === "";
  }
  amount(r: number, c: number): ParsedAmount | undefined {
    return parseAmount(this.raw(r, c), this.grid.text[r]?.[c], this.grid.numberFormat[r]?.[c]);
  }
  isNumber(r: number, c: number): boolean {
    const a = this.amount(r, c);
    return !!a && a.value !== null;
  }
  /** A number, or a value that stands where a number belongs (an error value, TRUE/FALSE): a data cell, never a caption. */
  isDatum(r: number, c: number): boolean {
    const a = this.amount(r, c);
    return !!a && (a.value !== null || (a.invalid !== undefined && !a.fromText));
  }
  /** Text of the cell, or of the merge's top-left cell when (r,c) is covered by a merge. */
  caption(r: number, c: number): string {
    const anchor = this.mergeAnchor.get(r * 65536 + c);
    if (anchor !== undefined) return this.text(Math.floor(anchor / 65536), anchor % 65536);
    return this.text(r, c);
  }
  isMergedSlave(r: number, c: number): boolean {
    return this.mergeAnchor.has(r * 65536 + c);
  }
  /** Non-empty cells of a row: [col, normalised text]. */
  cells(r: number): Array<[number, string]> {
    let out = this.cellsCache.get(r);
    if (!out) {
      out = [];
      for (let c = 0; c < this.cols; c++) {
        const t = this.norm(r, c);
        if (t !== "") out.push([c, t]);
      }
      this.cellsCache.set(r, out);
    }
    return out;
  }
  /** Sheet reference of one cell, e.g. '预算公开表3'!C6. */
  ref(r: number, c: number): string {
    return cellRef(this.grid.sheet, r + this.grid.origin.row, c + this.grid.origin.col);
  }
  /** A1 range (no sheet) in sheet coordinates. */
  range(r0: number, c0: number, r1: number, c1: number): string {
    const o = this.grid.origin;
    return rangeA1(r0 + o.row, c0 + o.col, r1 + o.row, c1 + o.col);
  }
  sheetRow(r: number): number {
    return r + this.grid.origin.row + 1;
  }
  sheetCol(c: number): number {
    return c + this.grid.origin.col;
  }
}
