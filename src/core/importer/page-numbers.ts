/**
 * Bare page numbers in a table's body: a PDF's centred footer (“2”, no 第…页 around it) converted onto a row of its own,
 * under whatever column it stood over — often an amount column, where it was read as a nameless line of 2.00 (newcomer13
 * NC13-7: two false 错误 at a 「（无名称行）」). The worded forms (第 1 页, - 2 -, Page 1 of 2) are page marks wherever
 * they stand (grid/text.ts isPageMark); a bare number is one only by its place.
 */
import type { GridView } from "./view";

/** A page number as printed alone: a whole number from 1 to 999, no decimals, no separators. */
const BARE_PAGE = /^[1-9]\d{0,2}$/;

/**
 * The body rows (grid rows, from `bodyRows`) that are bare page numbers: rows with one cell, in one of the amount
 * columns (`amountCols`, grid columns), a whole number 1–999 printed without decimals, between two rows that print
 * figures there, and either
 * - the table prints its figures with decimals (most of the other rows' figures show a decimal point: a lone "2" among
 *   "188.59"s is no amount of the table), the page numbers (when there are several) running 1, 2, 3 …, or
 * - there are two or more of them running on (n, n + 1, …), whatever the table's precision.
 * A nameless line printing figures the way the table does (2.00, or two figures) is a line of the table, still read.
 */
export function bodyPageNumbers(
  v: GridView,
  bodyRows: number[],
  amountCols: ReadonlySet<number>
): Set<number> {
  const figures = (r: number) => v.cells(r).filter(([c]) => amountCols.has(c) && v.isNumber(r, c));
  const candidates: Array<{ r: number; n: number }> = [];
  bodyRows.forEach((r, i) => {
    const cells = v.cells(r);
    if (cells.length !== 1 || !BARE_PAGE.test(cells[0][1]) || !figures(r).length) return;
    if (i === 0 || i === bodyRows.length - 1) return;
    if (!figures(bodyRows[i - 1]).length || !figures(bodyRows[i + 1]).length) return;
    candidates.push({ r, n: Number(cells[0][1]) });
  });
  if (!candidates.length) return new Set();
  const running = candidates.every((x, i) => i === 0 || x.n === candidates[i - 1].n + 1);
  if (!running) return new Set();
  if (candidates.length >= 2) return new Set(candidates.map((x) => x.r));
  // One alone: a page number only in a table whose figures print decimals.
  const others = bodyRows
    .filter((r) => r !== candidates[0].r)
    .flatMap((r) => figures(r).map(([, t]) => t));
  const decimal = others.filter((t) => /\.\d+$/.test(t)).length;
  return decimal * 2 > others.length ? new Set([candidates[0].r]) : new Set();
}
