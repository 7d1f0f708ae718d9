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

  constructor(readonly name: string, private widths: number[], private tabColor?: string) {}

  /** A text value is shown as `printable` makes it (a control character of a user's label never reaches the sheet); links and formulas are kept as given. */
  set(row: number, col: number, value: PlanCell["value"], style?: string, extra: { formula?: string; hyperlink?: Hyperlink } = {}): void {
    const cell: PlanCell = { row, col, value: typeof value === "string" ? printable(value) : value, ...(style ? { style } : {}), ...(extra.formula ? { formula: extra.formula } : {}), ...(extra.hyperlink ? { hyperlink: extra.hyperlink } : {}) };
    this.cells.set(`${row}:${col}`, cell);
  }

  /** Writes a row of values starting at column 0 (undefined skips a cell) and advances. */
  line(values: Array<PlanCell["value"] | undefined>, style?: string | Array<string | undefined>): number {
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
   */
  fitHeight(row: number, cols: number[], lineHeight = 15): void {
    let lines = 1;
    for (const c of cols) {
      const v = this.cells.get(`${row}:${c}`)?.value;
      if (v === null || v === undefined) continue;
      const w = [...String(v)].reduce((s, ch) => s + (/[\u2E80-\uFFEF]/.test(ch) ? 2.15 : 1.1), 0);
      const merged = this.merges.find((m) => m.r0 === row && m.c0 === c);
      const width = (merged ? this.widths.slice(merged.c0, merged.c1 + 1).reduce((a, b) => a + b, 0) : this.widths[c] ?? 10) - 2;
      lines = Math.max(lines, Math.ceil(w / Math.max(1, width)));
    }
    if (lines > 1) this.height(row, Math.min(409, lines * lineHeight));
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
 * A review time (ISO 8601, as the hosts stamp it) as reviewers read it: Beijing time (UTC+8, the one time zone of
 * the users), "2026-11-30 10:45:02（北京时间）". Text that is not a time is shown as it is.
 */
export function reviewTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return `${new Date(t + 8 * 3600 * 1000).toISOString().slice(0, 19).replace("T", " ")}（北京时间）`;
}
