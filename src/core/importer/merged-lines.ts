/**
 * Two (or more) table lines converted into one sheet row: a PDF table printed without horizontal rules lets the
 * converter take the lines as one row, each cell holding its lines' values one under the other ("2010801\n2010804",
 * "行政运行\n审计业务", "2338.24\n834.05"). Read as it is, the row has an unreadable code and unreadable figures and is
 * taken for an extra 一级 line. When every filled cell of the row holds the same number of lines, and at least two of
 * its cells hold only figures, the row is read as that many lines, each with the values of its line in every cell —
 * they cite the same sheet row (sheetRows), so a finding on either line points at the cells as printed.
 * A row whose cells disagree on the count (one line's cell left blank) cannot be split safely and is read as before.
 */
import { sheetRowOf, type CellValue, type SheetGrid } from "../grid/grid";
import { parseAmount } from "../grid/amount";

/** The most lines one converted row is split into (more is not a table row). */
const MAX_LINES = 5;

const linesOf = (s: string) =>
  s
    .split(/\r\n|\r|\n/)
    .map((x) => x.trim())
    .filter((x) => x !== "");

/** How many lines row r holds in every filled cell (≥ 2), or 0 when it is not a row of lines merged into one. */
function mergedLines(g: SheetGrid, r: number): number {
  const row = g.values[r] ?? [];
  let n = 0;
  let figures = 0;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (v === "" || v === null || v === undefined) continue;
    if (typeof v !== "string") return 0;
    const lines = linesOf(v);
    if (lines.length < 2 || lines.length > MAX_LINES || (n && lines.length !== n)) return 0;
    n = lines.length;
    if (lines.every((l) => parseAmount(l, l, "General")?.value != null)) figures++;
  }
  return figures >= 2 ? n : 0;
}

/** The grid with each row of merged lines read as its lines (the grid itself when there is none). */
export function splitMergedLines(g: SheetGrid): SheetGrid {
  const counts = g.values.map((_, r) => mergedLines(g, r));
  if (counts.every((n) => n === 0)) return g;
  const values: CellValue[][] = [];
  const text: string[][] = [];
  const numberFormat: string[][] = [];
  const sheetRows: number[] = [];
  /** New index of each old row's first line. */
  const at: number[] = [];
  g.values.forEach((row, r) => {
    at.push(values.length);
    const n = counts[r] || 1;
    for (let k = 0; k < n; k++) {
      const pick = (x: CellValue) =>
        counts[r] && typeof x === "string" ? (linesOf(x)[k] ?? "") : x;
      values.push(row.map(pick));
      text.push((g.text[r] ?? []).map((t, c) => (counts[r] ? String(pick(row[c]) ?? "") : t)));
      numberFormat.push([...(g.numberFormat[r] ?? [])]);
      sheetRows.push(sheetRowOf(g, r));
    }
  });
  const last = (r: number) => at[r] + Math.max(1, counts[r]) - 1;
  return {
    ...g,
    values,
    text,
    numberFormat,
    sheetRows,
    merges: g.merges.map((m) => ({
      ...m,
      r0: at[m.r0] ?? m.r0,
      r1: at[m.r1] !== undefined ? last(m.r1) : m.r1,
    })),
    hiddenRows: g.hiddenRows?.flatMap((r) =>
      Array.from({ length: Math.max(1, counts[r] ?? 0) }, (_, k) => (at[r] ?? r) + k)
    ),
  };
}
