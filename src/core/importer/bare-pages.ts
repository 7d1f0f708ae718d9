/**
 * A page of a table converted from a PDF without its header: the converter puts each page on a sheet of its own
 * (Adobe / WPS “每页一个工作表”) or prints the title again as a page head, but a PDF without 标题行重复 has no header on
 * its later pages — the sheet (or the part under the repeated title) starts directly with data lines. Such a part is
 * read through the header of the table read just before it (same columns), and joined to that table
 * (continuation.ts, Table.borrowsHeader).
 */
import { rangeA1 } from "../grid/address";
import { sheetColOf, sheetRowOf, type SheetGrid } from "../grid/grid";
import type { Table } from "../model/schema";
import { isHeaderRow, isMetaRow } from "./header";
import { TABLE_LABEL } from "./kinds";
import { CONTINUATION_LINE } from "./continuation";
import type { Region } from "./region";
import { GridView } from "./view";
import {
  FUNCTIONAL_CLASSES,
  FUNCTIONAL_KUAN,
  FUNCTIONAL_XIANG,
} from "../classification/functional";
import { ECONOMIC_GROUPS, ECONOMIC_ITEMS } from "../classification/economic";
import { labelKey } from "../grid/text";

/** The header a later header-less part may borrow: the grid and header rows of the table read last, and that table. */
export interface BorrowableHeader {
  grid: SheetGrid;
  rows: number[];
  /** Grid columns c0…c1 of the table (its header's span). */
  cols: [number, number];
  table: Table;
}

/** How many name-only lines (a unit's or a category's heading) may stand above a bare part's first data line. */
const MAX_HEADINGS = 2;

/**
 * The part of `reg` (its lines after its title, if any, and after any meta / 续表 / label line) as a grid under the
 * borrowed header, with the region to read from it; undefined unless that part starts with a data line (a figure, no
 * header caption) — or with at most two heading lines (one name each, no figure: a 项目支出表's unit printed above its
 * projects, the page cut right after the unit before) right above one, each left of its first figure after its name — and every
 * cell of it lies within the header's columns.
 */
export function underBorrowedHeader(
  v: GridView,
  reg: Region,
  end: number,
  head: BorrowableHeader
): { view: GridView; region: Region; range: string } | undefined {
  const g = v.grid;
  if (reg.cols || g.sheetCols || head.grid.sheetCols) return undefined;
  let k = reg.titleRow >= 0 ? reg.titleRow + 1 : reg.r0;
  // Heading lines (a name alone) read so far, above the first data line.
  const headings: Array<[number, number]> = [];
  for (; k <= end; k++) {
    const cells = v.lineCells(k);
    if (cells.length === 0) continue;
    const numeric = v.cells(k).some(([c]) => v.isNumber(k, c));
    if (numeric) break;
    if (isHeaderRow(v, k)) return undefined;
    const only = cells.length === 1 ? cells[0][1] : "";
    if (
      !headings.length &&
      (isMetaRow(v, k) || CONTINUATION_LINE.test(only) || TABLE_LABEL.exec(only)?.[0] === only)
    )
      continue;
    if (cells.length !== 1 || headings.length >= MAX_HEADINGS) return undefined;
    headings.push([k, cells[0][0]]);
  }
  if (k > end) return undefined;
  if (headings.length) {
    // Each heading names what the data line under it sums: its name left of that line's first figure after its
    // name (a 序号 left of the name is no figure).
    const cells = v.cells(k);
    const name = cells.find(([c]) => !v.isNumber(k, c))?.[0] ?? -1;
    const figure = Math.min(...cells.flatMap(([c]) => (c > name && v.isNumber(k, c) ? [c] : [])));
    if (headings.some(([, c]) => c >= figure)) return undefined;
    k = headings[0][0];
  }
  // The header's columns (both grids start at the same sheet column); the part's cells must fall within them.
  if (sheetColOf(head.grid, 0) !== sheetColOf(g, 0)) return undefined;
  const [h0, h1] = head.cols;
  let c0 = Infinity;
  let c1 = -1;
  for (let r = k; r <= end; r++)
    for (const [c] of v.cells(r)) {
      if (c < h0 || c > h1) return undefined;
      c0 = Math.min(c0, c);
      c1 = Math.max(c1, c);
    }
  const width = Math.max(
    head.grid.values.reduce((m, row) => Math.max(m, row.length), 0),
    v.cols
  );
  const fill = <T>(row: T[] | undefined, blank: T) =>
    Array.from({ length: width }, (_, c) => row?.[c] ?? blank);
  const n = head.rows.length;
  const h = head.rows[0];
  const part = Array.from({ length: end - k + 1 }, (_, i) => k + i);
  const grid: SheetGrid = {
    sheet: g.sheet,
    origin: g.origin,
    values: [
      ...head.rows.map((r) => fill(head.grid.values[r], "")),
      ...part.map((r) => g.values[r]),
    ],
    text: [...head.rows.map((r) => fill(head.grid.text[r], "")), ...part.map((r) => g.text[r])],
    numberFormat: [
      ...head.rows.map((r) => fill(head.grid.numberFormat[r], "General")),
      ...part.map((r) => g.numberFormat[r]),
    ],
    merges: [
      ...head.grid.merges
        .filter((m) => m.r0 >= h && m.r1 < h + n)
        .map((m) => ({ ...m, r0: m.r0 - h, r1: m.r1 - h })),
      ...g.merges
        .filter((m) => m.r0 >= k && m.r1 <= end)
        .map((m) => ({ ...m, r0: m.r0 - k + n, r1: m.r1 - k + n })),
    ],
    visibility: g.visibility,
    hiddenRows: g.hiddenRows?.filter((r) => r >= k && r <= end).map((r) => r - k + n),
    hiddenCols: g.hiddenCols,
    // The borrowed header rows stand at the part's first line; the part's lines keep their own sheet rows.
    sheetRows: [...head.rows.map(() => sheetRowOf(g, k)), ...part.map((r) => sheetRowOf(g, r))],
  };
  return {
    view: new GridView(grid),
    region: {
      r0: 0,
      r1: n + part.length - 1,
      kind: head.table.kind,
      title: reg.titleRow >= 0 ? reg.title : head.table.title,
      label: reg.label ?? head.table.label,
      titleRow: -1,
    },
    range: rangeA1(sheetRowOf(g, k), sheetColOf(g, c0), sheetRowOf(g, end), sheetColOf(g, c1)),
  };
}

/**
 * The part read under the borrowed header goes on from that table: its 类 / 款 / 项 codes (when the table prints
 * codes) continue the table's order — its first code's 类 not before the table's last line's. `needCodes`: both must
 * print codes (a sheet that nothing names has only its codes to say which table it goes on).
 */
export function continuesCodes(before: Table, part: Table, needCodes = false): boolean {
  const last = [...before.rows].reverse().find((r) => r.code && !r.codeFromName);
  const first = part.rows.find((r) => r.code && !r.codeFromName);
  if (!last) return !first && !needCodes;
  if (!first || first.codeSystem !== last.codeSystem) return false;
  return first.code!.slice(0, 3) >= last.code!.slice(0, 3);
}

const keys = (...tables: Array<Readonly<Record<string, string>>>) =>
  new Set(tables.flatMap((t) => Object.values(t).map(labelKey)));
const FUNCTIONAL_NAMES = keys(FUNCTIONAL_CLASSES, FUNCTIONAL_KUAN, FUNCTIONAL_XIANG);
const ECONOMIC_NAMES = keys(ECONOMIC_GROUPS, ECONOMIC_ITEMS);

/** Which classification a table's line names are: functional-only and economic-only names counted (住房公积金 is both). */
function namesOf(t: Table): "functional" | "economic" | undefined {
  let f = 0;
  let e = 0;
  for (const r of t.rows) {
    const k = labelKey(r.label);
    const [inF, inE] = [FUNCTIONAL_NAMES.has(k), ECONOMIC_NAMES.has(k)];
    if (inF && !inE) f++;
    else if (inE && !inF) e++;
  }
  return f >= 2 && !e ? "functional" : e >= 2 && !f ? "economic" : undefined;
}

/**
 * A part read under a borrowed header names lines of the other classification than its table's — 功能分类 科目
 * (卫生健康支出, 行政单位医疗 …) under a 经济分类 table or the reverse: another table's lines, whatever the sheet's name
 * says (tester29b T29B-5: a 支出总表's lines on a sheet named 表6(续) were joined to a names-only 基本支出经济分类表).
 */
export function otherClassification(before: Table, part: Table): boolean {
  const [a, b] = [namesOf(before), namesOf(part)];
  return !!a && !!b && a !== b;
}

/** A line's name that is a figure or a bare code (45.20, 2080501): no 收入 / 支出 line of a two-sided table is named so. */
const FIGURE_NAME = /^[\d\s.,，%()（）-]+$/;

/**
 * What says a part's lines are a table's own, beyond fitting its columns: both print codes of one system that go on
 * (`continuesCodes`), or both name lines of one classification (功能分类 / 经济分类 names). A part that names no table
 * (a sheet named only 续表) goes on a table other than the one just before only so (or by the sums).
 */
export function sameLines(before: Table, part: Table): boolean {
  if (continuesCodes(before, part, true)) return true;
  const a = namesOf(before);
  return !!a && a === namesOf(part);
}

/**
 * Why a part read under a borrowed header is not that table's lines, or undefined when nothing says so (the codes, when
 * both print them, go on: `continuesCodes`). Said in 未识别 when the part's sheet is named the table's continuation.
 * - A two-sided table (收入 | 支出 sides): a line named by a figure or a code — a one-sided list (科目 | 合计 | 基本支出 …)
 *   whose columns fall on both sides' name and figure columns (tester29b T29B-5: a 支出总表's lines under 表1(续)).
 * - Lines of the other classification (`otherClassification`).
 * - Codes that do not go on from the table's (only when the table or the part prints codes).
 */
export function whyNotContinues(
  before: Table,
  part: Table,
  needCodes: boolean
): string | undefined {
  const figureNamed = part.rows.some((r) => FIGURE_NAME.test(r.label.trim()));
  if (before.rows.some((r) => r.side) && figureNamed)
    return "各行的栏对不上该表收入、支出两侧（名称栏里是数字或编码，像是另一张单侧的表）";
  // A name cell holding a figure's digits (“,000.00” after a code 500 cut off 500,000.00): the figures fell in the
  // table's code and name columns — the lines of a table with fewer columns before its figures.
  if (part.rows.some((r) => r.code && /^[.,，]\d/.test(r.label.trim())))
    return "各行的栏对不上该表的栏（名称栏里是金额的数字）";
  if (otherClassification(before, part))
    return namesOf(part) === "functional"
      ? "各行是功能分类科目，该表是经济分类科目"
      : "各行是经济分类科目，该表是功能分类科目";
  const coded = (t: Table) => t.rows.some((r) => r.code && !r.codeFromName);
  if (!continuesCodes(before, part, needCodes))
    return coded(before) || coded(part) ? "编码不衔接" : "两部分都没有编码，无法由编码判断衔接";
  return undefined;
}
