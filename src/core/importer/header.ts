/** Header rows → column roles (label, code, split code, sequence, amount with a semantic key). */
import {
  EXPENDITURE_SIDES,
  THREE_PUBLIC_ITEM_OF,
  type Side,
  type TableKind,
} from "../model/schema";
import { columnLetter } from "../grid/address";
import { joinLines, labelKey, norm } from "../grid/text";
import { GridView } from "./view";
import {
  ATTRIBUTE_HEADER,
  CODE_HEADER,
  CURRENT_BAND,
  CURRENT_CAPTION,
  CODE_LIKE_HEADER,
  COLUMN_MARKER,
  HEADER_WORDS,
  LABEL_HEADER,
  LABEL_LIKE_HEADER,
  CLASSIFICATION_HEADER,
  SEQ_HEADER,
  SPLIT_CODE_HEADER,
  TEXT_HEADER,
  COUNT_HEADER,
  TOTAL_KEYS,
  UNIT_CODE_HEADER,
  columnKey,
  LATER_YEARS,
  ONE_CELL_USE_BAND,
  ONE_CELL_CARRYOVER,
  BAND_USE,
  rowKey,
  YEAR_CAPTION,
  shortSourceBeside,
} from "./aliases";
import { lineMeta, unitInCaption } from "./meta";
import type { Unit } from "../model/schema";

export type ColumnRole =
  | { role: "label"; c: number; path: string[] }
  | { role: "code"; c: number; path: string[] }
  | { role: "codePart"; c: number; part: "类" | "款" | "项"; path: string[] }
  | { role: "seq"; c: number; path: string[] }
  /** 单位编码 / 预算单位代码: identifies a unit row, never a 功能 or 经济 code. */
  | { role: "unitCode"; c: number; path: string[] }
  /** Text beside the figures (绩效目标, 项目简介, 备注, 规格型号, 实施时间 …): neither label nor amount. */
  | { role: "text"; c: number; path: string[] }
  | { role: "amount"; c: number; key: string; path: string[]; unit?: Unit };

export interface Block {
  side?: Side;
  label?: number;
  /** A second name column right after the label (经济分类表: 部门 / 政府 经济科目名称). */
  altLabel?: number;
  /** 单位名称 beside a 项目名称 label: the row's unit. */
  unitLabel?: number;
  unitCodes?: number[];
  codes: number[];
  codeParts: Array<{ c: number; part: "类" | "款" | "项" }>;
  amounts: Array<{ c: number; key: string; label: string; unit?: Unit }>;
  /**
   * One of several column groups of a one-list table printed in columns (人员经费 科目编码 | 科目名称 | 金额 beside
   * 公用经费 科目编码 | 科目名称 | 金额, the 决算-style 基本支出表): each group's lines are records of the same list, read
   * after the previous group's, with the same amount keys — never a side.
   */
  stacked?: boolean;
  /** A column group captioned 人员经费 or 公用经费 (the band over its columns): the part of 基本支出 its lines are. */
  part?: "personnel" | "public";
}

/** The band captions naming a column group's part of 基本支出 (人员经费 ‖ 公用经费 printed side by side). */
const GROUP_PARTS: ReadonlyArray<[NonNullable<Block["part"]>, RegExp]> = [
  ["personnel", /^人员(经费|支出)/],
  ["public", /^(日常)?公用(经费|支出)/],
];

/** Is row r a caption row? Text only (or a 栏次 row of 1..n), with header vocabulary. */
export function isHeaderRow(v: GridView, r: number): boolean {
  const cells = v.cells(r);
  if (cells.length === 0) return false;
  if (isColumnNumberRow(v, r)) return true;
  // A caption may be a bare year stored as a number (2025 over 预算数); any other number makes it a data row.
  const isYear = (c: number) => {
    const raw = v.raw(r, c);
    return typeof raw === "number" && Number.isInteger(raw) && raw >= 2000 && raw <= 2099;
  };
  if (cells.some(([c]) => v.isDatum(r, c) && !isYear(c))) return false;
  // …but not on a row naming a line: 合计 | 2060 | | 2060, 一、… | 2050, a 科目 code — figures that happen to lie in
  // 2000–2099 (a 政府性基金 table all 项目支出, a department without projects; tester32 T32-12).
  if (cells.some(([c]) => v.isDatum(r, c)) && cells.some(([, t]) => namesLine(t))) return false;
  // A dash or slash printed for "nothing" (—, -, /) is a body cell, never a caption: such a row is data.
  if (cells.some(([c]) => v.isBlankMark(r, c))) return false;
  if (cells.length === 1) {
    const t = cells[0][1];
    if (rowKey(t)) return false;
    return (
      LABEL_HEADER.test(labelKey(t)) ||
      CODE_HEADER.test(labelKey(t)) ||
      loneAmountCaption(v, r, cells[0][0], t)
    );
  }
  const first = cells[0][1];
  const k = rowKey(first);
  if (k && TOTAL_KEYS.has(k) && cells.length <= 2) return false;
  // An item's parts under its band, without the band's 小计 (公务用车购置及运行费 over 购置费 | 运行费): captions too.
  if (cells.every(([, t]) => THREE_PUBLIC_ITEM_OF.has(columnKey(t, []) ?? ""))) return true;
  return cells.some(([, t]) => HEADER_WORDS.test(t));
}

/** A body line's label, never a caption: a row key (合计, 机关运行经费 …), a numbered line (一、 （二）), a 科目 code. */
const NUMBERED_LINE =
  /^\s*([一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）]|\d{3}(\d{2}){0,2}\b)/;
function namesLine(t: string): boolean {
  return !!rowKey(t) || NUMBERED_LINE.test(t);
}

/**
 * The one caption of a header printing nothing over its name column: 2026年预算数 (预算数, 金额, 本年预算数 …) over the
 * figures of a one-column table (a “三公” table as 合计 / 1.因公出国（境）费 / … lines under one amount caption). A
 * header row only when a line below it (past blank and 栏次 lines, at most three) prints a name left of the caption:
 * a lone 2026年预算数 elsewhere (a subtitle, a year line) stays what it was.
 */
const LONE_AMOUNT_CAPTION = /^(\d{4}年度?)?(本年)?(预算数?|预算金额|金额)([(（](万元|元)[)）])?$/;
function loneAmountCaption(v: GridView, r: number, c: number, t: string): boolean {
  if (!LONE_AMOUNT_CAPTION.test(labelKey(t))) return false;
  for (let n = r + 1, seen = 0; n < v.rows && seen < 3; n++) {
    const cells = v.cells(n);
    if (cells.length === 0 || isColumnNumberRow(v, n)) continue;
    seen++;
    if (cells.some(([k]) => k < c && !v.isDatum(n, k) && !v.isBlankMark(n, k))) return true;
    if (cells.some(([k]) => k === c && v.isDatum(n, k))) return false;
  }
  return false;
}

/**
 * The header row after blank rows at r, when the header read so far (headerRows) goes on past them: a workbook
 * converted from a PDF puts an empty row where the PDF draws a thick rule or leaves space, between 收入 | 支出 and
 * 项目 | 预算数 too. The header goes on only to a caption row that captions a column without a caption so far (the
 * parts under a band, 预算数 beside 收入's 项目): a body line without figures (一、一般公共预算拨款收入 under 收入 | 支出)
 * writes only under captions.
 * Returns the next header row, or undefined (r is not a gap in the header). At most two blank rows.
 */
export function headerAfterGap(
  v: GridView,
  headerRows: number[],
  r: number,
  stop: number,
  c0: number,
  c1: number
): number | undefined {
  if (headerRows.length === 0 || v.cells(r).length !== 0) return undefined;
  let n = r;
  while (n <= stop && n - r < 3 && v.cells(n).length === 0) n++;
  if (n > stop || v.cells(n).length === 0 || !isHeaderRow(v, n)) return undefined;
  const rows = headerRows.filter((h) => !isColumnNumberRow(v, h));
  const open = (c: number) => rows.every((h) => v.isEmpty(h, c) || v.isMergedSlave(h, c));
  return v.cells(n).some(([c]) => c >= c0 && c <= c1 && open(c)) ? n : undefined;
}

/**
 * A 栏次 cell that says how its column is made (the 决算-form habit, kept in many 预算 templates): 1=2+3,
 * 2=3+4+5+6+7, 3=4+5. Its column number is the figure before “=”.
 */
const COLUMN_FORMULA = /^(\d{1,2})\s*[=＝]\s*\d{1,2}(\s*[+＋\-－]\s*\d{1,2})+$/;

/**
 * The 栏次 row of a table with one figure column and no marker in its name cell: 1 alone, right under a caption row
 * (text only) captioning its column. A 1 alone under a line of figures (a page number) is not one.
 */
function loneColumnNumber(v: GridView, r: number, [c, t]: [number, string]): boolean {
  if (r === 0 || !(v.raw(r, c) === 1 || t.trim() === "1")) return false;
  const above = v.cells(r - 1);
  return (
    above.length > 0 && above.every(([k]) => !v.isDatum(r - 1, k)) && v.caption(r - 1, c) !== ""
  );
}

/**
 * 栏次 row: 1 2 3 … (or 栏次 / 行次 / ** / 甲 乙 followed by numbers). The numbers rise; a gap is a column deleted
 * without renumbering (没有因公出国费 → 删栏: 1, 3, 4 …), so a row starting at 1 may skip (at most 2 at a step); a
 * cell “1=2+3” names its column by the figure before “=”, and such a cell alone makes the row a 栏次 row.
 */
export function isColumnNumberRow(v: GridView, r: number): boolean {
  const cells = v.cells(r);
  if (cells.length === 1) return loneColumnNumber(v, r, cells[0]);
  if (cells.length < 2) return false;
  // The label cells of a 栏次 row hold 栏次 / 行次 / ** / 甲 乙 … (or nothing).
  const markers = cells.filter(([, t]) => COLUMN_MARKER.test(t));
  const nums = cells.filter(([, t]) => !COLUMN_MARKER.test(t));
  const formula = (t: string) => COLUMN_FORMULA.exec(norm(t).replace(/\s+/g, ""));
  const asInt = ([c, t]: [number, string]) => {
    const raw = v.raw(r, c);
    const f = formula(t);
    return typeof raw === "number" && Number.isInteger(raw)
      ? raw
      : /^\d{1,2}$/.test(t)
        ? Number(t)
        : f
          ? Number(f[1])
          : NaN;
  };
  const vals = nums.map(asInt);
  if (nums.length < (markers.length ? 1 : 2) || vals.some((x) => !(x >= 0 && x < 100)))
    return false;
  if (vals.every((x, i) => i === 0 || x === vals[i - 1] + 1)) return true;
  const rising = vals.every((x, i) => i === 0 || (x > vals[i - 1] && x <= vals[i - 1] + 3));
  return rising && (vals[0] === 1 || nums.some(([, t]) => formula(t)));
}

/**
 * Header path per column: the captions above it, merge-aware, without repeats. A workbook rebuilt from a PDF (or
 * exported without merges) leaves a band caption (本年收入, 财政拨款收入, 上年结转结余 …) in its first column only: a
 * caption that has captions under it spans the empty cells to its right that also have captions under them.
 */
export function headerPaths(v: GridView, headerRows: number[], c0: number, c1: number): string[][] {
  const rows = headerRows.filter((r) => !isColumnNumberRow(v, r));
  const caption = rows.map((r) => {
    const out: string[] = [];
    // A caption wrapped in its cell (一般公 ⏎ 共预算) is one caption (tester35 T35-12).
    for (let c = c0; c <= c1; c++) out.push(joinLines(v.caption(r, c)).trim());
    return out;
  });
  const below = (i: number, k: number) => caption.slice(i + 1).some((row) => row[k] !== "");
  for (let i = 0; i < rows.length - 1; i++) {
    for (let k = 0; k < caption[i].length; k++) {
      if (caption[i][k] === "" || !below(i, k)) continue;
      for (
        let j = k + 1;
        j < caption[i].length &&
        caption[i][j] === "" &&
        !v.isMergedSlave(rows[i], c0 + j) &&
        below(i, j);
        j++
      )
        caption[i][j] = caption[i][k];
    }
  }
  const paths: string[][] = [];
  for (let k = 0; k <= c1 - c0; k++) {
    const path: string[] = [];
    for (let i = 0; i < rows.length; i++) {
      const t = caption[i][k];
      if (t && norm(t) !== norm(path[path.length - 1] ?? "")) path.push(t);
    }
    paths.push(path);
  }
  return oneCellBands(yearsOnTop(paths));
}

/**
 * A 支出总表 printing each band of uses as one caption in one cell — 合计 | 本年支出合计 | 基本支出 | 项目支出 |
 * 上年结转合计 | 基本支出 | 项目支出, every caption over both header lines — reads as the template spanning 本年支出 over
 * 小计 | 基本支出 | 项目支出 and 上年结转 over its own: the band's caption becomes its 合计 / 小计 under the band, the uses
 * right after it (until another caption) the band's. Before, the 上年结转合计 column had no key (col_…: the table went
 * unchecked) and its uses were a second 基本支出 / 项目支出 (basic_2 …), or, with a bare 上年结转 合计 column, the
 * 合计 was compared with this year's uses alone (a false 错误 in within.row-basic-project). Other paths unchanged.
 */
export function oneCellBands(paths: string[][]): string[][] {
  const key = (p: string[]) => (p.length === 1 ? labelKey(p[0]) : "");
  let out: string[][] | undefined;
  // The column after the last band read: a 上年结转 printed there without uses is that band's 小计.
  let after = -1;
  for (let k = 0; k < paths.length; k++) {
    const band = ONE_CELL_USE_BAND.exec(key(paths[k]));
    let j = k + 1;
    while (band && j < paths.length && BAND_USE.test(key(paths[j]))) j++;
    if (j === k + 1) {
      const carry = k === after ? ONE_CELL_CARRYOVER.exec(key(paths[k])) : null;
      if (carry) out![k] = [carry[1], carry[carry.length - 1] ?? "小计"];
      continue;
    }
    out ??= paths.slice();
    const name = band![1];
    // 本年支出合计 stays 合计 (the band's own figure either way, named as printed: 「本年支出合计」).
    out[k] = [name, band![band!.length - 1]];
    for (let i = k + 1; i < j; i++) out[i] = [name, paths[i][0]];
    after = j;
    k = j - 1;
  }
  return out ?? paths;
}

/**
 * A header printing its years UNDER the items (a “三公” table: 合计 | 因公出国（境）费 | 公务接待费 | 公务用车… each over
 * 2024年 | 2025年, 上年预算 | 本年预算, with 增减 or not) reads as one printing them on top (上年 | 本年 bands over the
 * items, the other common layout): each such column's year caption moved to the head of its path, so the item names
 * its column (abroad, reception …) in each year and last year's columns are the 上年 band's, paired with this year's by
 * the captions under the band (importer.ts priorAndChangeBands). Years under items: the last caption of two or more
 * columns under the same captions names a year or the change (YEAR_CAPTION, or a bare 2024), under two or more items.
 * Any other header's paths are returned as they are.
 */
export function yearsOnTop(paths: string[][]): string[][] {
  const leaf = (p: string[]) => labelKey(p[p.length - 1] ?? "");
  const isYear = (p: string[]) =>
    p.length > 1 && (YEAR_CAPTION.test(leaf(p)) || /^20\d{2}$/.test(leaf(p)));
  // An item: captions over two or more columns that are all years (收入 over 项目 | 上年预算数 | 2025年预算数, a side of
  // a 收支总表, is none: its 项目 column is no year).
  const over = (p: string[]) => p.slice(0, -1);
  const under = (q: string[], item: string[]) =>
    q.length > item.length && item.every((x, i) => norm(x) === norm(q[i]));
  const isItem = (item: string[]) => {
    const cols = paths.filter((q) => under(q, item));
    return cols.length >= 2 && cols.every((q) => isYear(q) && q.length === item.length + 1);
  };
  const moved = paths.map((p) => isYear(p) && isItem(over(p)));
  const items = new Set(paths.filter((_, k) => moved[k]).map((p) => over(p).map(norm).join("/")));
  if (items.size < 2) return paths;
  return paths.map((p, k) => (moved[k] ? [p[p.length - 1], ...over(p)] : p));
}

const SPLIT_PARTS = ["类", "款", "项"] as const;
/** Code column b, n columns right of code column a, under the same caption (the same path: a merged cell over both). */
const sameCode = (a: ColumnRole, b: ColumnRole, n: number) =>
  a.role === "code" &&
  b.role === "code" &&
  b.c === a.c + n &&
  a.path.length === b.path.length &&
  a.path.every((p, i) => norm(p) === norm(b.path[i]));

export function columnRoles(paths: string[][], c0: number, year?: number): ColumnRole[] {
  // Without a year in the title, a header printing two years (2024年预算数 | 2025年预算数) still tells which is prior.
  // Later years' plans (2026年计划数, 中期财政规划/2027年) say nothing of the table's own year.
  if (!year) {
    const years = paths
      .map((p) => norm(p.join("/")))
      .filter((p) => !LATER_YEARS.test(p) && !/计划|规划/.test(p))
      .flatMap((p) => [...p.matchAll(/(20\d{2})年/g)].map((m) => Number(m[1])));
    if (new Set(years).size > 1) year = Math.max(...years);
  }
  const roles: ColumnRole[] = [];
  paths.forEach((path, i) => {
    const c = c0 + i;
    if (path.length === 0) return;
    const leaf = labelKey(path[path.length - 1]).replace(
      /[(（](单位[:：])?(万元|元|千元)[)）]$/,
      ""
    );
    // 支出功能分类科目（按大类）, 单位（项目）名称: the words outside the brackets name the column.
    const bare = leaf.replace(/[(（][^()（）]*[)）]$/, "");
    const inCodeBand = path.slice(0, -1).some((p) => CODE_LIKE_HEADER.test(labelKey(p)));
    if (SEQ_HEADER.test(leaf)) roles.push({ role: "seq", c, path });
    else if (UNIT_CODE_HEADER.test(bare)) roles.push({ role: "unitCode", c, path });
    else if (CODE_HEADER.test(leaf) || CODE_LIKE_HEADER.test(bare))
      roles.push({ role: "code", c, path });
    // 类 / 款 / 项 under any band (科目编码, 支出功能分类科目, 经济分类科目, 科目, 项目 …, or none): a part of the code.
    else if (SPLIT_CODE_HEADER.test(leaf))
      roles.push({ role: "codePart", c, part: leaf as "类" | "款" | "项", path });
    else if (ATTRIBUTE_HEADER.test(bare) || TEXT_HEADER.test(bare) || COUNT_HEADER.test(bare))
      roles.push({ role: "text", c, path });
    else if (
      LABEL_HEADER.test(leaf) ||
      LABEL_HEADER.test(bare) ||
      /名称$/.test(bare) ||
      CLASSIFICATION_HEADER.test(bare) ||
      (LABEL_LIKE_HEADER.test(bare) && !/^其中/.test(norm(path[path.length - 1])))
    )
      roles.push({ role: "label", c, path });
    // Under a 科目编码 band (its captions read as one more header line, as a 合计 line taken for one): still the codes.
    else if (inCodeBand) roles.push({ role: "code", c, path });
    else {
      const key =
        columnKey(
          /^其中/.test(norm(path[path.length - 1])) ? path[path.length - 1] : leaf,
          path.slice(0, -1),
          year
        ) ?? `col_${columnLetter(c)}`;
      const unit = path.map(unitInCaption).find((u) => u) ?? undefined;
      roles.push({ role: "amount", c, key, path, unit });
    }
  });
  // One code caption merged over two or three columns (部门预算支出经济分类科目 / 科目编码 over 301 | 01, no 类 | 款 line)
  // with the 科目名称 column right after them: the code printed in parts, 类 | 款 (| 项), as under a 类 | 款 | 项 line.
  // Without a name column of its own the caption is over the code and its name (科目编码 over 201 | 一般公共服务支出).
  for (let k = 0; k < roles.length;) {
    let n = 1;
    while (k + n < roles.length && sameCode(roles[k], roles[k + n], n)) n++;
    const named = roles[k + n]?.role === "label" && roles[k + n].c === roles[k].c + n;
    if ((n === 2 || n === 3) && named)
      for (let j = 0; j < n; j++) {
        const r = roles[k + j];
        roles[k + j] = { role: "codePart", c: r.c, part: SPLIT_PARTS[j], path: r.path };
      }
    k += n;
  }
  // 本年预算数 beside 上年预算数 / 增减 (no 合计, no 上年结转): this year's figure is the table's total (on each side of a
  // 收支总表 printing both years).
  const amounts = roles.filter(
    (r): r is Extract<ColumnRole, { role: "amount" }> => r.role === "amount"
  );
  if (!amounts.some((r) => r.key === "total" || r.key.startsWith("carryover")))
    for (const r of amounts) if (r.key === "current") r.key = "total";
  // 事业 / 经营 with no band of income over them, beside sources named in full (tester35 T35-4): 事业收入, 经营收入.
  for (const r of amounts)
    if (r.key.startsWith("col_") && r.path.length === 1) {
      const key = shortSourceBeside(
        r.path[0],
        amounts.map((o) => o.key)
      );
      if (key) r.key = key;
    }
  // 本年收入's own 小计 / 合计 beside a 合计 column of the table's own (a caption alone, not a band's caption over an
  // empty cell) is this year's part of it (CURRENT_BAND); without one it stays the table's 合计 (of this year's income).
  const band = amounts.find(
    (r) =>
      r.path.length === 2 &&
      CURRENT_BAND.test(labelKey(r.path[0])) &&
      /^(小计|合计)$/.test(labelKey(r.path[1]))
  );
  const under = (r: ColumnRole, o: ColumnRole) =>
    o.path.length > r.path.length && r.path.every((p, i) => norm(p) === norm(o.path[i]));
  if (
    band &&
    amounts.some(
      (r) =>
        r !== band && r.key === "total" && r.path.length === 1 && !roles.some((o) => under(r, o))
    )
  )
    band.key = "current";
  // The same money captioned in one cell (合计 | 本年收入合计 | 一般公共预算 … | 上年结转, tester27 T27-4): beside a 合计
  // column of the table's own, 本年收入合计 / 本年收入小计 is this year's part of it, not a second 合计.
  const own = amounts.find(
    (r) => r.key === "total" && r.path.length === 1 && !CURRENT_CAPTION.test(labelKey(r.path[0]))
  );
  if (own)
    for (const r of amounts)
      if (
        r !== own &&
        r.path.length === 1 &&
        CURRENT_CAPTION.test(labelKey(r.path[0])) &&
        !amounts.some((o) => o.key === "current")
      )
        r.key = "current";
  return roles;
}

const SIDE_ORDER: Side[] = ["income", "expenditure", "expenditure_use"];

/** Kinds printed as label / amount pairs side by side (收入 | 支出 …): one block per pair. */
const TWO_SIDED: ReadonlySet<TableKind> = new Set([
  "income_expenditure_summary",
  "fiscal_appropriation_summary",
  "gov_fund_income",
  "gov_fund_expenditure",
  "state_capital",
]);

/**
 * Columns captioned like amounts but printed as words (项目类型, 实施单位, 是否政府采购, 计量单位 …): more body cells of
 * plain text than figures make it a text column. A single word among figures stays an unreadable amount.
 */
export function textColumns(
  roles: ColumnRole[],
  plainTexts: (c: number) => number,
  figures: (c: number) => number
): ColumnRole[] {
  return roles.map((r) =>
    r.role === "amount" && plainTexts(r.c) > figures(r.c)
      ? { role: "text", c: r.c, path: r.path }
      : r
  );
}

/**
 * A name column by its caption (功能科目, 功能分类科目, 支出功能分类科目 beside 项目名称) that prints codes — most of its
 * body cells a bare well-formed code (2010302) — is the code column (tester31 T31-29: a 项目支出表's 功能科目 column was
 * read as a second name column, and every per-科目 project check said it had no 功能科目). Only beside another name
 * column: a table's sole name column keeps its role (its lines are named by it).
 */
export function codeColumns(
  roles: ColumnRole[],
  codes: (c: number) => number,
  filled: (c: number) => number
): ColumnRole[] {
  const labels = roles.filter((r) => r.role === "label");
  if (labels.length < 2) return roles;
  const coded = new Set(
    labels.filter((r) => filled(r.c) >= 2 && codes(r.c) >= 0.8 * filled(r.c)).map((r) => r.c)
  );
  // Never every name column: one is left to name the lines.
  if (!coded.size || coded.size >= labels.length) return roles;
  return roles.map((r) => (coded.has(r.c) ? { role: "code", c: r.c, path: r.path } : r));
}

/**
 * Groups columns into blocks: one per label / amount pair in two-sided tables (two, three or four pairs), else one
 * block whose label is the name column that holds the row names (the most body texts), other name columns being
 * attributes (单位名称 beside 项目名称, 政府经济科目名称 beside 部门经济科目名称).
 */
export function blocks(
  roles: ColumnRole[],
  kind?: TableKind,
  bodyTexts?: (c: number) => number
): Block[] {
  const isLabelAt = (c: number) => roles.some((r) => r.role === "label" && r.c === c);
  const amountBetween = (a: number, b: number) =>
    roles.some((r) => r.role === "amount" && r.c > a && r.c < b);
  const allLabels = roles.filter((r) => r.role === "label");
  // A label column starts a new block only when amounts stand between it and the previous one.
  const labelCols = allLabels.filter((r, i) => i === 0 || amountBetween(allLabels[i - 1].c, r.c));
  const alt = (c: number) => (isLabelAt(c + 1) ? c + 1 : undefined);
  const twoSided = labelCols.length > 1 && (kind === undefined || TWO_SIDED.has(kind));
  const columnGroups =
    !twoSided && labelCols.length > 1 ? stackedGroups(roles, labelCols) : undefined;
  if (columnGroups) return columnGroups;
  if (!twoSided) {
    const b: Block = { codes: [], codeParts: [], amounts: [] };
    fill(b, roles);
    const firstAmount = Math.min(...roles.filter((r) => r.role === "amount").map((r) => r.c));
    const names = allLabels.filter((r) => r.c < firstAmount);
    const candidates = names.length ? names : allLabels.slice(0, 1);
    // The column with the most row names; on a tie, not the unit column (单位名称 beside 项目名称 is an attribute).
    const isUnit = (c: number) =>
      /单位/.test(norm(roles.find((r) => r.c === c)?.path.join("/") ?? ""));
    // bodyTexts: distinct names × 1000 + all texts; the unit column loses a tie at either scale.
    const count = (c: number) => {
      const n = bodyTexts ? bodyTexts(c) : 0;
      return n - (isUnit(c) ? (n >= 1000 ? 500 : 0.5) : 0);
    };
    const best = candidates.reduce<ColumnRole | undefined>(
      (m, r) => (!m || count(r.c) > count(m.c) ? r : m),
      undefined
    );
    b.label = best?.c;
    if (best) {
      const others = candidates.filter((r) => r.c !== best.c);
      const unit = others.find((r) => /单位/.test(norm(r.path.join("/"))));
      if (unit) b.unitLabel = unit.c;
      b.altLabel =
        others.find((r) => r.c > best.c && r !== unit)?.c ??
        (best.c === allLabels[0]?.c ? alt(best.c) : undefined);
    }
    return [b];
  }
  // A block starts at its code column when one sits right before the label column.
  const startOf = groupStarts(roles, labelCols);
  const out: Block[] = [];
  labelCols.forEach((l, i) => {
    const from = i === 0 ? -Infinity : startOf[i];
    const to = i + 1 < labelCols.length ? startOf[i + 1] : Infinity;
    const mine = roles.filter((r) => r.c >= from && r.c < to);
    const b: Block = { codes: [], codeParts: [], amounts: [], label: l.c, altLabel: alt(l.c) };
    fill(b, mine);
    const text = norm(l.path.join("/")) + "/" + mine.map((r) => norm(r.path[0] ?? "")).join("/");
    const named: Side | undefined =
      /支出/.test(norm(l.path[0] ?? "")) ||
      (/支出/.test(text) && !/收入/.test(norm(l.path[0] ?? "")))
        ? "expenditure"
        : /收入/.test(text)
          ? "income"
          : undefined;
    b.side = named ?? SIDE_ORDER[i];
    // Several expenditure pairs (by function, by 部门经济分类, by 政府经济分类): each its own side.
    if (EXPENDITURE_SIDES.includes(b.side as (typeof EXPENDITURE_SIDES)[number]))
      b.side = EXPENDITURE_SIDES.find((s) => !out.some((x) => x.side === s)) ?? b.side;
    out.push(b);
  });
  return out;
}

/** The first column of each label column's group: its code column when one sits right before the label column. */
function groupStarts(roles: ColumnRole[], labelCols: ColumnRole[]): number[] {
  return labelCols.map((l) => {
    const before = roles.find(
      (r) =>
        (r.role === "code" || r.role === "codePart") &&
        r.c < l.c &&
        r.c >= l.c - 3 &&
        !roles.some((x) => x.role === "amount" && x.c > r.c && x.c < l.c)
    );
    return before ? Math.min(before.c, l.c) : l.c;
  });
}

/**
 * A one-list table printed in column groups: every label column (after the first) starts a group with the same
 * amount captions as the first (科目编码 | 科目名称 | 金额 twice, under 人员经费 and 公用经费) and its own code column
 * when the first has one. Each group is a block whose lines are records of the one list (`stacked`); undefined for
 * any other shape (a 单位 column beside the 项目 names, amounts of other meanings right of a second name column).
 */
function stackedGroups(roles: ColumnRole[], labelCols: ColumnRole[]): Block[] | undefined {
  const starts = groupStarts(roles, labelCols);
  const groups = labelCols.map((l, i) =>
    roles.filter(
      (r) =>
        r.c >= (i === 0 ? -Infinity : starts[i]) &&
        r.c < (i + 1 < labelCols.length ? starts[i + 1] : Infinity)
    )
  );
  const shape = (g: ColumnRole[]) =>
    g
      .filter((r) => r.role !== "text" && r.role !== "seq")
      .map((r) => (r.role === "amount" ? `amount:${r.key}` : r.role))
      .join("|");
  const first = shape(groups[0]);
  if (!first.includes("amount:") || !groups.every((g) => shape(g) === first)) return undefined;
  return groups.map((g, i) => {
    const b: Block = {
      codes: [],
      codeParts: [],
      amounts: [],
      label: labelCols[i].c,
      stacked: true,
    };
    // The band over the group's own columns (a 序号 column left of the first group stands outside it).
    const own = g.filter((r) => r.role !== "text" && r.role !== "seq");
    const band = own.every((r) => r.path.length > 1) ? norm(own[0]?.path[0] ?? "") : "";
    const part = GROUP_PARTS.find(([, re]) => re.test(band))?.[0];
    if (part && own.every((r) => norm(r.path[0]) === band)) b.part = part;
    fill(b, g);
    return b;
  });
}

function fill(b: Block, roles: ColumnRole[]) {
  const seen = new Map<string, number>();
  for (const r of roles) {
    if (r.role === "code") b.codes.push(r.c);
    else if (r.role === "unitCode") (b.unitCodes ??= []).push(r.c);
    else if (r.role === "codePart") b.codeParts.push({ c: r.c, part: r.part });
    else if (r.role === "amount") {
      const n = (seen.get(r.key) ?? 0) + 1;
      seen.set(r.key, n);
      b.amounts.push({
        c: r.c,
        key: n === 1 ? r.key : `${r.key}_${n}`,
        label: r.path.join("/"),
        unit: r.unit,
      });
    }
  }
}

/** Meta-only rows (部门名称 / 单位 / 年度 lines, subtitles) above the header. */
export function isMetaRow(v: GridView, r: number): boolean {
  const cells = v.cells(r);
  if (cells.length === 0 || cells.length > 4) return false;
  const metas = lineMeta(
    cells.map(([c]) => [c, v.text(r, c)]),
    true
  );
  return metas.every(
    ({ meta: m, consumed }) => consumed || m.department || m.unit || m.year || m.date
  );
}
