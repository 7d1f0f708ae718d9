/**
 * A 机关运行经费表 printed as one figure under one caption (tester33 T33-17): 2025年机关运行经费预算表 / 单位：万元 /
 * 机关运行经费 (or 机关运行经费预算数, 金额, 合计) / 2050 — no name column, no line label. Its title names the table and
 * its caption names the figure: that figure is the table's 机关运行经费, read as its total line.
 */
import type { Row, TableKind } from "../model/schema";
import { labelKey } from "../grid/text";
import { COLUMN_MARKER, OWN_NAME_TOTALS, rowKey } from "./aliases";
import type { Block } from "./header";
import { isColumnNumberRow } from "./header";
import type { GridView } from "./view";

/** The kinds whose whole content may be one figure: a table of one amount, the kind's own (机关运行经费). */
const ONE_FIGURE_KINDS: ReadonlySet<TableKind> = new Set(["operating_funds"]);

/** A caption naming the one figure: the kind's own name (机关运行经费, 机关运行经费预算数), 合计, or an amount word. */
const AMOUNT_CAPTION =
  /^(\d{4}年度?)?(本年)?(预算数?|预算金额|金额|合计|总计|数额)([(（](万元|元)[)）])?$/;

function namesTheFigure(kind: TableKind, t: string): boolean {
  const k = labelKey(t);
  return !!OWN_NAME_TOTALS[kind]?.test(k) || AMOUNT_CAPTION.test(k) || rowKey(t) === "total";
}

/** A 栏次 line between the caption and its figure (栏次, **, 1 alone): no part of the table. */
function markerLine(v: GridView, r: number): boolean {
  const cells = v.cells(r);
  if (isColumnNumberRow(v, r)) return true;
  return (
    cells.length === 1 &&
    (COLUMN_MARKER.test(cells[0][1].trim()) ||
      v.raw(r, cells[0][0]) === 1 ||
      cells[0][1].trim() === "1")
  );
}

/**
 * Where no header row was found at r: the lone caption at r and the row of its one figure, when the table (its title
 * naming a one-figure kind) prints one text cell naming the figure, then (past 栏次 lines) one row holding only a
 * figure in the caption's column, and no other figure down to `stop`. Undefined otherwise.
 */
export function loneFigureCaption(
  v: GridView,
  kind: TableKind | undefined,
  r: number,
  stop: number
): { caption: number; figure: number } | undefined {
  if (!kind || !ONE_FIGURE_KINDS.has(kind) || r > stop) return undefined;
  const head = v.cells(r);
  if (head.length !== 1 || v.isDatum(r, head[0][0])) return undefined;
  const [c, t] = head[0];
  if (!namesTheFigure(kind, t)) return undefined;
  let figure: number | undefined;
  for (let n = r + 1; n <= stop; n++) {
    const cells = v.cells(n);
    if (cells.length === 0) continue;
    if (figure === undefined) {
      if (markerLine(v, n)) continue;
      if (cells.length !== 1 || cells[0][0] !== c || !v.isDatum(n, c)) return undefined;
      figure = n;
      continue;
    }
    // After the figure: notes only (注：…), never another figure.
    if (cells.some(([k]) => v.isNumber(n, k))) return undefined;
  }
  return figure === undefined ? undefined : { caption: r, figure };
}

/**
 * A one-figure table of ONE_FIGURE_KINDS read without a name column (its lone caption over the figure, beside a 序号
 * column or not): the one amount column is the table's total and its one row of figures its total line, labelled with
 * the caption. Changes `block` (the amount's key) before the body is read; returns the fix for the rows read, or
 * undefined when the table is not of that shape.
 */
export function loneFigureBlock(
  v: GridView,
  kind: TableKind,
  blockList: Block[],
  bodyRows: number[]
): ((rows: Row[]) => void) | undefined {
  if (!ONE_FIGURE_KINDS.has(kind) || blockList.length !== 1) return undefined;
  const [b] = blockList;
  if (b.label !== undefined || b.amounts.length !== 1) return undefined;
  const a = b.amounts[0];
  if (!namesTheFigure(kind, a.label.split("/").pop() ?? "")) return undefined;
  const withFigure = bodyRows.filter((br) => v.isDatum(br, a.c));
  if (withFigure.length !== 1) return undefined;
  a.key = "total";
  const caption = a.label.split("/").pop() ?? a.label;
  return (rows) => {
    const at = v.sheetRow(withFigure[0]);
    for (const row of rows)
      if (row.row === at && row.label.trim() === "") {
        row.key = "total";
        row.label = caption;
        row.level = 0;
      }
  };
}
