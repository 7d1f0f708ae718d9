/** The host-independent sheet grid: what both the .xlsx host and the Office.js host produce. */
import { z } from "zod";
import { PageHeaderSchema } from "./page-header";

export const CellValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type CellValue = z.infer<typeof CellValueSchema>;

/** A merged area in grid coordinates (indexes into values: relative to the origin when the grid skips no rows), inclusive. */
export const MergeSchema = z.object({
  r0: z.number().int(),
  c0: z.number().int(),
  r1: z.number().int(),
  c1: z.number().int(),
});
export type Merge = z.infer<typeof MergeSchema>;

export const SheetGridSchema = z.object({
  sheet: z.string(),
  /** 0-based sheet row/column of values[0][0] (the used range may not start at A1). */
  origin: z.object({ row: z.number().int().min(0), col: z.number().int().min(0) }),
  /** Raw values; "" for empty cells (as Office.js reports them). Only a merge's top-left cell holds its value. */
  values: z.array(z.array(CellValueSchema)),
  /** Text as displayed (value rendered through the number format). */
  text: z.array(z.array(z.string())),
  numberFormat: z.array(z.array(z.string())),
  merges: z.array(MergeSchema),
  visibility: z.enum(["visible", "hidden", "veryHidden"]).default("visible"),
  /** Grid rows (indexes into values) whose sheet row is hidden (hidden by hand, by a filter or a collapsed outline). */
  hiddenRows: z.array(z.number().int().min(0)).optional(),
  /** Grid columns whose sheet column is hidden. */
  hiddenCols: z.array(z.number().int().min(0)).optional(),
  /**
   * 0-based sheet row of each grid row, present only when the grid skips long empty runs (a stray value at
   * A1048576 under a 40-row table): time and memory follow the cells that hold something. Absent: origin.row + r.
   */
  sheetRows: z.array(z.number().int().min(0)).optional(),
  /** 0-based sheet column of each grid column, when the grid skips long empty runs of columns. */
  sheetCols: z.array(z.number().int().min(0)).optional(),
  /**
   * The sheet's print area (打印区域, defined name _xlnm.Print_Area), one A1 range per area in sheet coordinates
   * without the sheet ("A1:E20"), when the sheet defines one: Excel prints and exports only these cells.
   */
  printArea: z.array(z.string()).optional(),
  /**
   * Width of each grid column as Excel's 列宽 shows it: characters of the normal font's widest digit (8.43 by
   * default; a file stores it + 5/7 for the cell padding, see widthFromStored), when the host knows it. Excel prints
   * a formatted number wider than its column as ####.
   */
  colWidths: z.array(z.number().min(0)).optional(),
  /**
   * The print header (页眉) of the sheet's first page, its codes parsed (page-header.ts), when the host knows one: some
   * departments print the title, 表号 and 单位 there, the cells starting with the column header.
   */
  pageHeader: PageHeaderSchema.optional(),
  /**
   * Formula cells whose stored result is not what their formula computes from the figures the file stores (a result
   * not recalculated: a program changed the figures and saved without recalculating), with the computed number;
   * when the host can tell (the file readers: hosts/xlsx/formulas.ts markStaleFormulas).
   */
  staleFormulas: z
    .array(
      z.object({ r: z.number().int().min(0), c: z.number().int().min(0), computed: z.number() })
    )
    .optional(),
});
export type SheetGrid = z.infer<typeof SheetGridSchema>;

/** 0-based sheet row of grid row r. */
export function sheetRowOf(g: SheetGrid, r: number): number {
  return g.sheetRows
    ? (g.sheetRows[r] ?? g.sheetRows[g.sheetRows.length - 1] + (r - g.sheetRows.length + 1))
    : g.origin.row + r;
}
/** 0-based sheet column of grid column c. */
export function sheetColOf(g: SheetGrid, c: number): number {
  return g.sheetCols
    ? (g.sheetCols[c] ?? g.sheetCols[g.sheetCols.length - 1] + (c - g.sheetCols.length + 1))
    : g.origin.col + c;
}
/** Grid row of a 0-based sheet row, or -1 when the grid does not hold it. */
export function gridRowOf(g: SheetGrid, sheetRow: number): number {
  if (!g.sheetRows) return sheetRow - g.origin.row;
  return binarySearch(g.sheetRows, sheetRow);
}
/** Grid column of a 0-based sheet column, or -1. */
export function gridColOf(g: SheetGrid, sheetCol: number): number {
  if (!g.sheetCols) return sheetCol - g.origin.col;
  return binarySearch(g.sheetCols, sheetCol);
}
function binarySearch(xs: number[], x: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] === x) return mid;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Empty runs longer than this (rows or columns) are shortened to it by the hosts and separate content for the importer. */
export const MAX_EMPTY_RUN = 16;

/**
 * The grid axis that keeps every index holding something and shortens each empty run longer than maxRun to
 * maxRun: sorted indexes (ascending). Used by the hosts so a stray value a million rows down costs one row.
 */
export function compressAxis(occupied: number[], maxRun: number): number[] {
  const sorted = [...new Set(occupied)].sort((a, b) => a - b);
  const out: number[] = [];
  let prev = -1;
  for (const x of sorted) {
    const gap = x - prev - 1;
    for (let k = prev + 1; k < x && k <= prev + Math.min(gap, maxRun); k++) out.push(k);
    out.push(x);
    prev = x;
  }
  return out;
}

/** Builds a grid from a plain 2-D array (tests and generated variants): text is the value as a string. */
export function gridFromRows(
  sheet: string,
  rows: CellValue[][],
  opts: {
    merges?: Merge[];
    formats?: string[][];
    hiddenRows?: number[];
    hiddenCols?: number[];
  } = {}
): SheetGrid {
  const width = rows.reduce((m, r) => Math.max(m, r.length), 0);
  const values = rows.map((r) =>
    Array.from({ length: width }, (_, c) => (r[c] === undefined || r[c] === null ? "" : r[c]))
  );
  const numberFormat = values.map((r, ri) =>
    r.map((v, ci) => opts.formats?.[ri]?.[ci] ?? (typeof v === "number" ? "0.00" : "General"))
  );
  const text = values.map((r, ri) =>
    r.map((v, ci) =>
      typeof v === "number" && numberFormat[ri][ci] === "0.00" ? v.toFixed(2) : String(v ?? "")
    )
  );
  const grid: SheetGrid = {
    sheet,
    origin: { row: 0, col: 0 },
    values,
    text,
    numberFormat,
    merges: opts.merges ?? [],
    visibility: "visible",
  };
  if (opts.hiddenRows?.length) grid.hiddenRows = opts.hiddenRows;
  if (opts.hiddenCols?.length) grid.hiddenCols = opts.hiddenCols;
  return grid;
}

/**
 * Sheet merges → grid coordinates. On a dense axis a merge keeps its extent (it may reach past the last value,
 * as Excel reports it); on a compressed axis it is clipped to the kept rows or columns.
 */
export function mergesOnAxes(merges: Merge[], rows: number[], cols: number[]): Merge[] {
  const axis = (xs: number[]) => {
    const dense = xs[xs.length - 1] - xs[0] + 1 === xs.length;
    const at = new Map(xs.map((x, i) => [x, i]));
    return {
      anchor: (x: number) => (dense ? x - xs[0] : (at.get(x) ?? -1)),
      end: (a: number, b: number) => {
        if (dense) return b - xs[0];
        for (let x = Math.min(b, xs[xs.length - 1]); x >= a; x--) if (at.has(x)) return at.get(x)!;
        return -1;
      },
    };
  };
  const R = axis(rows);
  const C = axis(cols);
  const out: Merge[] = [];
  for (const m of merges) {
    const r0 = R.anchor(m.r0);
    const c0 = C.anchor(m.c0);
    if (r0 < 0 || c0 < 0) continue; // the anchor (which holds the value) is not in the grid
    out.push({ r0, c0, r1: Math.max(r0, R.end(m.r0, m.r1)), c1: Math.max(c0, C.end(m.c0, m.c1)) });
  }
  return out;
}
