/** Read access to one grid: normalised text, numbers, merge-aware captions and sheet addresses. */
import { gridRowOf, sheetColOf, sheetRowOf, type SheetGrid } from "../grid/grid";
import { cellRef, rangeA1 } from "../grid/address";
import { isPageMark, norm } from "../grid/text";
import { parseAmount, type ParsedAmount } from "../grid/amount";

export class GridView {
  readonly rows: number;
  readonly cols: number;
  /** For each cell inside a merge (not its top-left), the top-left cell. */
  private readonly mergeAnchor = new Map<number, number>();
  /** Normalised texts and non-empty cells per row, computed once (the importer asks for them many times). */
  private readonly normCache = new Map<number, string>();
  private readonly cellsCache = new Map<number, Array<[number, string]>>();

  /** Grid columns read as content: all, or the main block when long empty runs of columns split the sheet. */
  private readonly contentCols: number[];
  /** Grid columns of the other blocks (stray content far to the side of the tables). */
  readonly strayCols: number[];

  /**
   * `band`: only grid columns c0…c1 are content — one of two tables printed side by side on the sheet (region.ts);
   * every other reading (merges, addresses) stays the sheet's.
   */
  constructor(
    readonly grid: SheetGrid,
    readonly bandCols?: readonly [number, number]
  ) {
    this.rows = grid.values.length;
    this.cols = grid.values.reduce((m, r) => Math.max(m, r.length), 0);
    ({ main: this.contentCols, stray: this.strayCols } = columnBlocks(grid, this.cols));
    if (bandCols) {
      this.contentCols = this.contentCols.filter((c) => c >= bandCols[0] && c <= bandCols[1]);
      this.strayCols = [];
    }
    for (const m of grid.merges)
      for (let r = m.r0; r <= m.r1; r++)
        for (let c = m.c0; c <= m.c1; c++)
          if (r !== m.r0 || c !== m.c0) this.mergeAnchor.set(r * 65536 + c, m.r0 * 65536 + m.c0);
  }

  /** The same sheet seen through grid columns c0…c1 only (a table printed beside another). */
  band(c0: number, c1: number): GridView {
    return new GridView(this.grid, [c0, c1]);
  }
  raw(r: number, c: number) {
    return this.grid.values[r]?.[c] ?? "";
  }
  /**
   * Displayed text, trimmed of nothing (indentation matters). A page number (第 1 页，共 12 页, - 1 -) converted from
   * the PDF into any column reads as empty: it is no line of the table.
   */
  text(r: number, c: number): string {
    const t = this.grid.text[r]?.[c];
    if (t !== undefined && t !== "") return isPageMark(t) ? "" : t;
    // The grid's own cell (not this.raw: a view reading some cells elsewhere maps the column once, in text itself).
    const v = this.grid.values[r]?.[c] ?? "";
    return v === null || v === undefined
      ? ""
      : typeof v === "string" && isPageMark(v)
        ? ""
        : String(v);
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
    return parseAmount(
      this.grid.values[r]?.[c] ?? "",
      this.grid.text[r]?.[c],
      this.grid.numberFormat[r]?.[c]
    );
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
  /** Printed text that stands for "nothing" in an amount cell (—, -, /, 无). */
  isBlankMark(r: number, c: number): boolean {
    const a = this.amount(r, c);
    return !!a && a.value === null && a.fromText && !a.invalid && !this.isEmpty(r, c);
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
      for (const c of this.contentCols) {
        const t = this.norm(r, c);
        if (t !== "") out.push([c, t]);
      }
      this.cellsCache.set(r, out);
    }
    return out;
  }
  /**
   * Non-empty cells of a row as printed lines read them: a run of adjacent cells repeating the same text is its first
   * cell only — a merge undone with its text filled into every cell (WPS 取消合并 → 拆分并填充内容, an export writing a
   * merged title into each cell it spans) reads as the merge did. For lines of text (titles, labels), never figures.
   */
  lineCells(r: number): Array<[number, string]> {
    // Content columns are one run of grid columns (columnBlocks, band): adjacent cells are c and c + 1.
    const cells = this.cells(r);
    return cells.filter(
      ([c, t], i) => i === 0 || t !== cells[i - 1][1] || c !== cells[i - 1][0] + 1
    );
  }
  /** Sheet reference of one cell, e.g. '预算公开表3'!C6. */
  ref(r: number, c: number): string {
    return cellRef(this.grid.sheet, sheetRowOf(this.grid, r), sheetColOf(this.grid, c));
  }
  /** A1 range (no sheet) in sheet coordinates. */
  range(r0: number, c0: number, r1: number, c1: number): string {
    return rangeA1(
      sheetRowOf(this.grid, r0),
      sheetColOf(this.grid, c0),
      sheetRowOf(this.grid, r1),
      sheetColOf(this.grid, c1)
    );
  }
  /** 1-based sheet row of grid row r. */
  sheetRow(r: number): number {
    return sheetRowOf(this.grid, r) + 1;
  }
  /** 0-based sheet column of grid column c. */
  sheetCol(c: number): number {
    return sheetColOf(this.grid, c);
  }
  /**
   * Grid row of a 1-based sheet row (-1 when the grid does not hold it): a table line's own row. Several grid rows
   * holding one sheet row are a borrowed header standing at a bare part's first line, then that line
   * (bare-pages.ts underBorrowedHeader), or one cell's lines read as lines (merged-lines.ts): the last of them, the
   * part's line and never a header row (its first line's indentation was read from the header, 0: taken for the
   * part's total, so the sums never tied it to its table).
   */
  gridRow(sheetRow1: number): number {
    let r = gridRowOf(this.grid, sheetRow1 - 1);
    const rows = this.grid.sheetRows;
    if (rows && r >= 0) while (r + 1 < rows.length && rows[r + 1] === rows[r]) r++;
    return r;
  }
}

/**
 * Splits the grid's columns at skipped runs (sheetCols jumps): the block holding the most non-empty cells is the
 * content, the others are stray cells (a lone value at XFD1 beside a table).
 */
function columnBlocks(g: SheetGrid, cols: number): { main: number[]; stray: number[] } {
  const all = Array.from({ length: cols }, (_, c) => c);
  if (!g.sheetCols) return { main: all, stray: [] };
  const blocks: number[][] = [];
  all.forEach((c) => {
    if (c === 0 || g.sheetCols![c] - g.sheetCols![c - 1] > 1) blocks.push([]);
    blocks[blocks.length - 1].push(c);
  });
  if (blocks.length < 2) return { main: all, stray: [] };
  const filled = (cs: number[]) =>
    g.values.reduce(
      (n, row) =>
        n + cs.filter((c) => row[c] !== "" && row[c] !== null && row[c] !== undefined).length,
      0
    );
  const counts = blocks.map(filled);
  const best = counts.indexOf(Math.max(...counts));
  return { main: blocks[best], stray: blocks.filter((_, i) => i !== best).flat() };
}
