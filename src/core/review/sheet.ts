/** A small accumulator for an inserted sheet's content (cells, merges, widths, formats), producing a PlanSheet. */
import type { ConditionalFormat, Hyperlink, PlanCell, PlanSheet } from "./plan";
import { printable } from "../grid/printable";

export class SheetBuilder {
  private cells = new Map<string, PlanCell>();
  private merges: PlanSheet["merges"] = [];
  private formats: ConditionalFormat[] = [];
  private heights: PlanSheet["rowHeights"] = [];
  frozen = { rows: 0, cols: 0 };
  autoFilter?: string;
  print?: PlanSheet["print"];
  /** Next free row (0-based). */
  row = 0;

  constructor(
    readonly name: string,
    private widths: number[],
    private tabColor?: string
  ) {}

  /** A text value is shown as `printable` makes it (a control character of a user's label never reaches the sheet); links and formulas are kept as given. */
  set(
    row: number,
    col: number,
    value: PlanCell["value"],
    style?: string,
    extra: { formula?: string; hyperlink?: Hyperlink } = {}
  ): void {
    const cell: PlanCell = {
      row,
      col,
      value: typeof value === "string" ? printable(value) : value,
      ...(style ? { style } : {}),
      ...(extra.formula ? { formula: extra.formula } : {}),
      ...(extra.hyperlink ? { hyperlink: extra.hyperlink } : {}),
    };
    this.cells.set(`${row}:${col}`, cell);
  }

  /** Writes a row of values starting at column 0 (undefined skips a cell) and advances. */
  line(
    values: Array<PlanCell["value"] | undefined>,
    style?: string | Array<string | undefined>
  ): number {
    const r = this.row++;
    values.forEach((v, c) => {
      if (v === undefined) return;
      this.set(r, c, v, Array.isArray(style) ? style[c] : style);
    });
    return r;
  }

  merge(r0: number, c0: number, r1: number, c1: number): void {
    this.merges.push({ r0, c0, r1, c1 });
  }
  /**
   * Sets a row's height to fit its wrapped cells (`cols`), estimated from text width (a CJK character takes two
   * character units) and column width: engines do not agree on re-measuring rows on load, so the plan says it.
   * Estimated on the safe side, as rendered (LibreOffice, Noto CJK): a wrapped line takes about 15.4 pt and wrapping at
   * word and punctuation boundaries leaves part of each line unused, so a line holds ~90 % of the column and the row
   * gets 16 pt a line plus 2 — a 3-line 说明 is never cut.
   */
  fitHeight(row: number, cols: number[], lineHeight = 16): void {
    let lines = 1;
    for (const c of cols) {
      const v = this.cells.get(`${row}:${c}`)?.value;
      if (v === null || v === undefined) continue;
      const merged = this.merges.find((m) => m.r0 === row && m.c0 === c);
      const width =
        (merged
          ? this.widths.slice(merged.c0, merged.c1 + 1).reduce((a, b) => a + b, 0)
          : (this.widths[c] ?? 10)) - 2;
      // A line break in the text starts a new line however short the line before it.
      let n = 0;
      for (const part of String(v).split("\n"))
        n += Math.max(1, Math.ceil(textWidth(part) / Math.max(1, width * 0.9)));
      lines = Math.max(lines, n);
    }
    if (lines > 1) this.height(row, Math.min(409, lines * lineHeight + 2));
  }
  /** Height in points of rows r0..r1 as built so far (15, Excel's default, for a row without a set height). */
  heightOf(r0: number, r1: number): number {
    const set = new Map(this.heights.map((h) => [h.row, h.height]));
    let sum = 0;
    for (let r = r0; r <= r1; r++) sum += set.get(r) ?? 15;
    return sum;
  }
  height(row: number, height: number): void {
    this.heights.push({ row, height });
  }
  format(cf: ConditionalFormat): void {
    this.formats.push(cf);
  }

  build(): PlanSheet {
    const cells = [...this.cells.values()].sort((a, b) => a.row - b.row || a.col - b.col);
    return {
      name: this.name,
      ...(this.tabColor ? { tabColor: this.tabColor } : {}),
      columns: this.widths.map((width, col) => ({ col, width })),
      rowHeights: this.heights,
      cells,
      merges: this.merges,
      conditionalFormats: this.formats,
      frozen: this.frozen,
      ...(this.autoFilter ? { autoFilter: this.autoFilter } : {}),
      ...(this.print ? { print: this.print } : {}),
    };
  }
}

/**
 * Estimated width of a text in Excel character units: a CJK or full-width character takes two (2.15), others `latin`
 * (1.1: on the safe side for row heights; a unit is the width of "0", most letters are narrower).
 */
export function textWidth(s: string, latin = 1.1): number {
  let w = 0;
  for (const ch of s) w += /[\u2E80-\uFFEF]/.test(ch) ? 2.15 : latin;
  return w;
}

/** Latin characters in `fitText`: as wide as "0" at most (file names are mostly lower-case letters and digits). */
export const FIT_LATIN = 0.95;

/**
 * A text shortened to fit `width` character units on one line, its middle replaced by "…" (a file name keeps its
 * start and its ending, ".reviewed.xlsx"). For link cells: LibreOffice never wraps a hyperlink, so a long one would be
 * cut at the column's edge.
 */
export function fitText(s: string, width: number): string {
  if (textWidth(s, FIT_LATIN) <= width) return s;
  const chars = [...s];
  let head = 0;
  let tail = 0;
  let w = textWidth("…", FIT_LATIN);
  // Take characters alternately from the end (two) and the start (one) while they fit.
  for (let turn = 0; head + tail < chars.length; turn++) {
    const fromEnd = turn % 3 !== 2;
    const ch = fromEnd ? chars[chars.length - 1 - tail] : chars[head];
    const cw = textWidth(ch, FIT_LATIN);
    if (w + cw > width) break;
    w += cw;
    if (fromEnd) tail++;
    else head++;
  }
  return `${chars.slice(0, head).join("")}…${chars.slice(chars.length - tail).join("")}`;
}

/**
 * A review time (ISO 8601, as the hosts stamp it) as reviewers read it: Beijing time (UTC+8, the one time zone of
 * the users), "2026-11-30 10:45:02（北京时间）". Text that is not a time is shown as it is.
 */
export function reviewTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return `${new Date(t + 8 * 3600 * 1000).toISOString().slice(0, 19).replace("T", " ")}（北京时间）`;
}
