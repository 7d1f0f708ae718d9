/**
 * A page of a table whose amounts a PDF converter moved one column right (an empty cell inserted before the 合计 column:
 * every figure one column further, the last beyond the header). Read as printed, every line of it breaks its row
 * identity — 99 错误 cell by cell on newcomer11's p11 — though the PDF is right. Found here by its shape: from some line
 * on, the 合计 cell is empty and the figures right of it, read one column left, add up as a line does (合计 = the
 * other columns, or twice them under a 小计 band). Those lines are read one column left, each figure still cited at
 * its own cell, and the table says so (Table.columnShift → input.column-shift, 警告).
 */
import { GridView } from "./view";

/** Lines read one column left: grid rows, from grid column `from` (the 合计 column) on. */
export interface ColumnShift {
  rows: number[];
  from: number;
}

const close = (a: number, b: number) => Math.abs(a - b) <= 0.005 + 1e-9 * Math.abs(a);

/**
 * The run of body lines (grid rows of `bodyRows`, in order) printed one column right of the amount columns
 * `amountCols` (grid columns; the first must be `totalCol`, the 合计), or undefined. `taken`: grid columns the header
 * gives a role (a figure beyond the header lands on none). The run: two or more lines with figures, each with an empty 合计 cell and figures
 * that, read one column left, make a 合计 equal to the rest (or to half of it), at least one of them printing two
 * figures; after one line or more with a 合计 of their own, and up to the table's end or such a line again.
 */
export function shiftedRun(
  v: GridView,
  bodyRows: number[],
  amountCols: number[],
  taken: ReadonlySet<number>,
  totalCol: number | undefined
): ColumnShift | undefined {
  const cols = [...amountCols].sort((a, b) => a - b);
  if (cols.length < 2 || cols.some((c, i) => i > 0 && c !== cols[i - 1] + 1)) return undefined;
  // The empty cell stands before the 合计 column, the first of the figures: a blank column before it (上年数 printed for
  // the 类 lines only) is no shift, though 合计 = 基本支出 + 项目支出 reads like one.
  if (totalCol !== cols[0]) return undefined;
  const from = cols[0];
  const last = cols[cols.length - 1];
  const read = taken.has(last + 1) ? cols.slice(1) : [...cols.slice(1), last + 1];
  const value = (r: number, c: number) => v.amount(r, c)?.value ?? null;
  const blank = (r: number, c: number) => v.isEmpty(r, c) || v.isBlankMark(r, c);
  type Kind = "own" | "shifted" | "none" | "other";
  const kind = (r: number): { kind: Kind; figures: number } => {
    if (value(r, from) !== null) return { kind: "own", figures: 1 };
    const vals = read.map((c) => value(r, c));
    const figures = vals.filter((x) => x !== null).length;
    if (!figures) return { kind: "none", figures };
    // Text (not a figure or a dash) among the amounts: not a line of figures moved.
    if (!blank(r, from) || read.some((c) => value(r, c) === null && !blank(r, c)))
      return { kind: "other", figures };
    const [total, ...rest] = vals.map((x) => x ?? 0);
    const sum = rest.reduce((s, x) => s + x, 0);
    return {
      kind: total > 0 && (close(total, sum) || close(2 * total, sum)) ? "shifted" : "other",
      figures,
    };
  };
  const kinds = bodyRows.map((r) => ({ r, ...kind(r) }));
  const start = kinds.findIndex((k) => k.kind === "shifted");
  if (start < 0 || !kinds.slice(0, start).some((k) => k.kind === "own")) return undefined;
  const run: typeof kinds = [];
  for (const k of kinds.slice(start)) {
    if (k.kind === "own") break;
    if (k.kind === "other") return undefined;
    if (k.kind === "shifted") run.push(k);
  }
  if (run.length < 2 || !run.some((k) => k.figures >= 2)) return undefined;
  return { rows: run.map((k) => k.r), from };
}

/** The grid seen with the lines of `shift` read one column left (addresses stay those of the cells read). */
export class ShiftedView extends GridView {
  private readonly moved: ReadonlySet<number>;
  constructor(
    base: GridView,
    private readonly shift: ColumnShift
  ) {
    super(base.grid, base.bandCols);
    this.moved = new Set(shift.rows);
  }
  private col(r: number, c: number): number {
    return this.moved.has(r) && c >= this.shift.from ? c + 1 : c;
  }
  override raw(r: number, c: number) {
    return super.raw(r, this.col(r, c));
  }
  override text(r: number, c: number): string {
    return super.text(r, this.col(r, c));
  }
  override amount(r: number, c: number) {
    return super.amount(r, this.col(r, c));
  }
  override ref(r: number, c: number): string {
    return super.ref(r, this.col(r, c));
  }
}
