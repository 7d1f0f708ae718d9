/** Splitting a sheet into table regions: each starts at a title (and its label line), ends before the next. */
import type { TableKind } from "../model/schema";
import { GridView } from "./view";
import { classifyTitle, TABLE_LABEL } from "./kinds";
import { isUnitNote, readMeta, yearOfTitle, type Meta } from "./meta";
import { norm } from "../grid/text";

export interface Region {
  r0: number;
  r1: number;
  kind: TableKind;
  title: string;
  label?: string;
  /** Row of the title (or r0 - 1 when the table has none). */
  titleRow: number;
  /** Grid columns c0…c1 of a table printed beside another on its sheet (the whole width when absent). */
  cols?: [number, number];
  /** No title and no telling sheet name: the kind was read from the header's words alone (untitled.ts). */
  byHeader?: boolean;
  /**
   * No title but a line saying only 续表 / （续表一） above its header: the kind is the table read before's, which the
   * part must fit (importer.ts `placeContinuation`).
   */
  afterMarker?: boolean;
  /** Titled by the sheet's page header (page-title.ts): the meta it prints, read before the cells' as a title's lines are. */
  pageMeta?: Meta;
  /**
   * Titled in its cells, the unit its sheet's page header prints (page-title.ts pageHeaderAdds): taken when the cells
   * print none (importer.ts parseRegion).
   */
  pageUnit?: Meta;
  /** Titled in its cells, the 表号 its sheet's page header prints (a sheet of one table): taken when the cells print none. */
  pageLabel?: string;
}

/** Cells of row r that are table titles (two or more: tables printed side by side). */
function titleCells(v: GridView, r: number): number[] {
  // Every title names a 表: a line with no such word (most lines) is passed over without classifying its cells.
  return v
    .lineCells(r)
    .filter(([, t]) => t.includes("表") && classifyTitle(t))
    .map(([c]) => c);
}

/** Rows that carry a title: few cells (a few per table when titles stand side by side), no numbers, one names a budget table. */
function titleAt(
  v: GridView,
  r: number
): { kind: TableKind; title: string; label?: string } | undefined {
  // A title typed into every cell of its unmerged line counts once (lineCells), as its merge would.
  const cells = v.lineCells(r);
  if (cells.length === 0 || (cells.length > 3 && (cells.length > 6 || titleCells(v, r).length < 2)))
    return undefined;
  if (cells.some(([c]) => v.isNumber(r, c))) return undefined;
  let label: string | undefined;
  for (const [, t] of cells) if (TABLE_LABEL.test(t) && TABLE_LABEL.exec(t)![0] === t) label = t;
  for (const [c, t] of cells) {
    const hit = classifyTitle(titleLines(v.text(r, c)) ?? t);
    if (hit) return { ...hit, label: hit.label ?? label };
  }
  return undefined;
}

/**
 * A title cell holding its meta lines too (a PDF converter's one cell for the page head: 北京市审计局2025年部门收支总表 ⏎
 * 部门名称：北京市审计局    单位：万元): the title is its other lines, joined (a title broken over two lines is one title).
 * Undefined when the cell has no such line. The meta lines are read as meta by the importer (lineMeta, line by line).
 */
function titleLines(raw: string): string | undefined {
  const lines = raw.split(/\r?\n/).filter((l) => l.trim() !== "");
  if (lines.length < 2) return undefined;
  const meta = (l: string) => {
    const m = readMeta(l);
    return m.department !== undefined || m.unit !== undefined;
  };
  const rest = lines.filter((l) => !meta(l));
  return rest.length > 0 && rest.length < lines.length ? norm(rest.join("")) : undefined;
}

/**
 * The head of a title broken over two lines by a converter (北京市审计局2025年 ⏎ 部门收支总表): the line above the
 * title, one text cell ending in the budget year (部门 and year, or the year alone), when the title itself prints no
 * year. Its text, or undefined.
 */
function titleHead(v: GridView, r: number, title: string): string | undefined {
  if (r < 0 || yearOfTitle(title) !== undefined) return undefined;
  const cells = v.lineCells(r);
  if (cells.length !== 1 || v.isDatum(r, cells[0][0])) return undefined;
  const t = cells[0][1];
  return /(20\d{2})年度?$/.test(t) && !/[:：表]/.test(t) && t.length <= 40 ? t : undefined;
}

/**
 * A sheet's numbering code: digits joined by dashes, after a few letters at most (团1-1, 101002-2, 001003-1, A-3 never:
 * digits first). A 单位's sheets are often exported named so, and print the name again above their title.
 */
const SHEET_CODE = /^[\p{Script=Han}A-Za-z]{0,4}\d{1,8}(?:[-－—–_.．]\d{1,3})+$/u;

/**
 * A line holding only the sheet's own label (tester33 T33-10 / T33-19): one short text cell that is the sheet's name or
 * a sheet-numbering code, as a 单位's sheets print above their title (团1-1, 101002-2). Like a 表1 label it is no
 * content of its own; a note or a sentence above a title is not one.
 */
export function sheetLabel(v: GridView, r: number): boolean {
  const cells = v.lineCells(r);
  if (cells.length !== 1 || typeof v.grid.values[r]?.[cells[0][0]] === "number") return false;
  const bare = cells[0][1].replace(/\s+/g, "");
  if (bare.length === 0 || bare.length > 20) return false;
  return bare === norm(v.grid.sheet).replace(/\s+/g, "") || SHEET_CODE.test(bare);
}

/** A line holding only a table label (or one label per table, when tables stand side by side): the first. */
function labelOnly(v: GridView, r: number): string | undefined {
  const cells = v.lineCells(r);
  if (cells.length === 0 || cells.length > 3) return undefined;
  // 表6（续）, 续表6: the label of a table's continuation.
  const isLabel = (t: string) => {
    const bare = t.replace(/^续表|[(（]续[)）]$|续表?$/g, "");
    return TABLE_LABEL.exec(bare)?.[0] === bare;
  };
  return cells.every(([, t]) => isLabel(t)) ? cells[0][1] : undefined;
}

/**
 * A line holding the table's label and its unit (a head printed as “表1                单位：万元” over the title): in
 * one cell, the label then the unit note; or the label in one cell and the unit (部门, 年度) note in others. The label;
 * undefined for any other line. The unit is read from it as from any line above the title (importer.ts).
 */
function labelLine(v: GridView, r: number): string | undefined {
  const cells = v.lineCells(r);
  if (cells.length === 0 || cells.length > 3 || cells.some(([c]) => v.isDatum(r, c))) return;
  const meta = (t: string) => {
    const m = readMeta(t);
    return m.unit !== undefined || m.department !== undefined || m.year !== undefined;
  };
  if (cells.length === 1) {
    const t = cells[0][1];
    const label = TABLE_LABEL.exec(t)?.[0];
    return label && isUnitNote(t.slice(label.length)) ? label : undefined;
  }
  const [first, ...rest] = cells;
  return isTableLabel(first[1]) &&
    rest.every(([, t]) => meta(t)) &&
    rest.some(([, t]) => readMeta(t).unit)
    ? first[1]
    : undefined;
}

/** A row of a table of contents: one of its cells names a table (its other cells: label, page, 是否空表 …). */
function namesTable(v: GridView, r: number): string | undefined {
  const cells = v.cells(r);
  if (
    cells.length === 0 ||
    cells.length > 6 ||
    cells.some(([c]) => v.isNumber(r, c) && !/^\d{1,3}$/.test(v.norm(r, c)))
  )
    return undefined;
  for (const [, t] of cells) {
    const hit = classifyTitle(t);
    if (hit) return hit.title;
  }
  return undefined;
}

/** Runs of three or more consecutive rows that each name a table: a 目录, not tables. */
function contentsRuns(v: GridView): Array<{ r0: number; r1: number; titles: string[] }> {
  const runs: Array<{ r0: number; r1: number; titles: string[] }> = [];
  let cur: { r0: number; r1: number; titles: string[] } | undefined;
  for (let r = 0; r <= v.rows; r++) {
    const t = r < v.rows ? namesTable(v, r) : undefined;
    if (t) {
      if (cur && cur.r1 === r - 1) {
        cur.r1 = r;
        cur.titles.push(t);
      } else {
        if (cur && cur.titles.length >= 3) runs.push(cur);
        cur = { r0: r, r1: r, titles: [t] };
      }
    }
  }
  if (cur && cur.titles.length >= 3) runs.push(cur);
  // A 目录 printed right above the first table, no blank line between: its last "entry" is that table's title when the
  // line under it opens a table (a 部门 / 单位 / 预算年度 line, or a header of several cells) — a 目录 ends with a blank line, a
  // page or a note, never with a table's meta line.
  for (const run of runs) {
    const next = run.r1 + 1;
    if (next >= v.rows || v.cells(next).length === 0) continue;
    const cells = v.lineCells(next);
    const opensTable =
      cells.length >= 2 ||
      cells.some(([, t]) => {
        const m = readMeta(t);
        return m.department !== undefined || m.unit !== undefined || m.year !== undefined;
      });
    if (!opensTable) continue;
    run.r1--;
    run.titles.pop();
  }
  return runs.filter((run) => run.titles.length >= 3);
}

export interface Contents {
  r0: number;
  r1: number;
  titles: string[];
}

/**
 * Tables printed side by side (三公 beside 机关运行经费, two small tables on one page): the title line of a region holds
 * two or more titles. The sheet's columns are cut before each further title — after the last column left of it that
 * is empty on every line of the region (the gap between the tables), else at the title itself — and each band is read
 * as a sheet of its own (its own titles, labels, headers and tables below). One wide table (a 收支总表's 收入 | 支出
 * halves, a 三公 table's 上年 | 本年 | 增减 bands, a spacer column) has one title, and is never cut. Undefined when a
 * band would hold no table.
 */
function sideBySide(v: GridView, reg: Region, lower?: number): Region[] | undefined {
  // A title printed lower on the right (staggered: `lower`, its column) stands beside this line's titles.
  const titles = [...titleCells(v, reg.titleRow), ...(lower !== undefined ? [lower] : [])].sort(
    (a, b) => a - b
  );
  if (titles.length < 2) return undefined;
  // Only titles (and their labels or unit notes) on that line: a sentence naming two tables in a list is no title line.
  const isLabel = (t: string) => TABLE_LABEL.exec(t)?.[0] === t || /^(金额)?单位[:：]/.test(t);
  if (v.lineCells(reg.titleRow).some(([c, t]) => !titles.includes(c) && !isLabel(t)))
    return undefined;
  const emptyCol = (c: number) => {
    for (let r = reg.r0; r <= reg.r1; r++) if (!v.isEmpty(r, c)) return false;
    return true;
  };
  const starts = [0];
  for (let i = 1; i < titles.length; i++) {
    let cut = titles[i];
    for (let c = titles[i] - 1; c > titles[i - 1]; c--)
      if (emptyCol(c)) {
        cut = c + 1;
        break;
      }
    starts.push(cut);
  }
  const out: Region[] = [];
  for (let i = 0; i < starts.length; i++) {
    const cols: [number, number] = [
      starts[i],
      i + 1 < starts.length ? starts[i + 1] - 1 : v.cols - 1,
    ];
    const found = findRegions(v.band(cols[0], cols[1]), reg.r0, reg.r1).regions;
    if (!found.length) return undefined;
    out.push(...found.map((f) => ({ ...f, cols })));
  }
  return out;
}

/**
 * A table's title printed a line or a few lower than the title at row r and right of it (tables side by side whose
 * titles sit on different lines): a title cell on one of the next STAGGER lines, right of every cell of line r, with
 * nothing but table labels above it on those lines at or right of its column (the table on the right starts there).
 * Its row and column; undefined when none.
 */
function staggeredTitle(v: GridView, r: number, hi: number): { r: number; c: number } | undefined {
  // The other table's label may stand on this line already (表号 on the line above its title).
  const here = v.cells(r).filter(([, t]) => !isTableLabel(t));
  if (!here.length) return undefined;
  const right = Math.max(...here.map(([c]) => c));
  for (let k = r + 1; k <= Math.min(hi, r + STAGGER); k++) {
    for (const c of titleCells(v, k)) {
      if (c <= right) continue;
      let clear = true;
      for (let j = r; j < k && clear; j++)
        clear = v.cells(j).every(([x, t]) => x < c || isTableLabel(t));
      if (clear) return { r: k, c };
    }
  }
  return undefined;
}
const isTableLabel = (t: string) => TABLE_LABEL.exec(t)?.[0] === t;
/** A heading numbered like a list item: 1.收支总表, 3、支出总表, 十一．项目支出表. */
const NUMBERED = /^\s*(\d+|[一二三四五六七八九十]+)\s*[.、．]/;

/** How many lines lower a title beside another may start (a label line, a unit line, a header line). */
const STAGGER = 3;

export function findRegions(
  v: GridView,
  lo = 0,
  hi = v.rows - 1
): { regions: Region[]; leading?: { r0: number; r1: number }; contents: Contents[] } {
  const starts: Array<Region & { start: number }> = [];
  const contents = lo === 0 && hi === v.rows - 1 ? contentsRuns(v) : [];
  const inContents = (r: number) => contents.some((c) => r >= c.r0 && r <= c.r1);
  // Titles printed lower beside an earlier one (staggeredTitle): their row → column; the earlier region is cut there.
  const staggered = new Map<number, { r: number; c: number }>();
  const beside = new Set<number>();
  for (let r = lo; r <= hi; r++) {
    if (inContents(r) || beside.has(r)) continue;
    const hit = titleAt(v, r);
    if (!hit) continue;
    if (!v.bandCols) {
      const low = staggeredTitle(v, r, hi);
      if (low) {
        staggered.set(r, low);
        beside.add(low.r);
      }
    }
    // A title directly under another title's label is the same table; a subtitle line is not a new table.
    let start = r;
    let label = hit.label;
    const head = r > lo ? titleHead(v, r - 1, hit.title) : undefined;
    if (head) {
      hit.title = `${head}${hit.title}`;
      start = r - 1;
    }
    for (let k = start - 1; k >= Math.max(lo, start - 2); k--) {
      const l = labelOnly(v, k) ?? labelLine(v, k);
      if (l) {
        start = k;
        label = label ?? l;
        break;
      }
      if (v.cells(k).length > 0) break;
    }
    const prev = starts[starts.length - 1];
    if (
      prev &&
      prev.titleRow === r - 1 &&
      prev.kind === hit.kind &&
      hit.kind !== "performance_target"
    ) {
      // Two title lines of one table: a heading naming it (3.支出总表, 表3 支出总表: an HTML page's <h3>) over its full
      // title (…2025年部门支出总表), whose year and 部门 are the table's — then the second line is the title.
      if (
        prev.label !== undefined ||
        NUMBERED.test(prev.title) ||
        (yearOfTitle(hit.title) !== undefined && yearOfTitle(prev.title) === undefined)
      ) {
        prev.title = hit.title;
        prev.titleRow = r;
        prev.label ??= hit.label;
      }
      continue;
    }
    starts.push({ r0: start, r1: hi, kind: hit.kind, title: hit.title, label, titleRow: r, start });
  }
  for (let i = 0; i < starts.length - 1; i++) starts[i].r1 = starts[i + 1].r0 - 1;
  // A table ends before a 目录 that follows it.
  for (const s of starts)
    for (const c of contents) if (c.r0 > s.titleRow && c.r0 <= s.r1) s.r1 = c.r0 - 1;
  const leadingEnd = starts.length ? starts[0].r0 - 1 : lo - 1;
  let leading: { r0: number; r1: number } | undefined;
  for (let r = lo; r <= leadingEnd; r++)
    if (v.cells(r).length > 0) leading = { r0: leading?.r0 ?? r, r1: r };
  const regions = starts.flatMap(
    ({ start: _s, ...rest }) =>
      (v.bandCols ? undefined : sideBySide(v, rest, staggered.get(rest.titleRow)?.c)) ?? [rest]
  );
  return { regions, leading, contents };
}
