/** Header lines around a table: 部门名称：… / 单位：万元 / 预算年度：2024 / (2024年度). */
import type { Unit } from "../model/schema";
import { norm } from "../grid/text";

const UNIT_WORD = /^(万元|元|千元|亿元)$/;

export interface Meta {
  department?: string;
  /** The department as the cell prints it (full-width brackets kept: 某县教育局（本级）), for quoting. */
  departmentText?: string;
  /** The cell the department was read from (set by the importer). */
  departmentCell?: string;
  unit?: Unit;
  unitText?: string;
  /** The cell the unit was read from (set by the importer). */
  unitCell?: string;
  year?: number;
  /** The cell the year was read from (set by the importer). */
  yearCell?: string;
  /** A date the line prints (编制日期：2024年12月20日, 填报日期：2024-12-20): when the table was made, never a column. */
  date?: string;
}

/**
 * A date printed beside the 部门 / 单位 line, captioned (编制日期, 填报日期, 制表日期, 打印日期, 日期, 时间) or bare:
 * 2024年12月20日, 2024-12-20, 2024/12/20, 2024.12.20, with a time after it or not.
 */
const DATE_TEXT =
  /(?:(?:编制|填报|填表|制表|打印|报送|报出)?(?:日期|时间)[:：]?)?(20\d{2}(?:年\d{1,2}月\d{1,2}日|[-/.]\d{1,2}[-/.]\d{1,2})(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?)$/
    .source;
const DATE = new RegExp(`^${DATE_TEXT}`);
/** The same date after a name on one line (编制单位：湖北省审计厅 2026年1月20日, … 编制日期：2026年1月20日). */
const DATE_AFTER = new RegExp(DATE_TEXT);

const UNIT_NOTE =
  /(?:金额单位|计量单位|单位)[:：]?[(（]?(?:人民币)?(万元|千元|亿元|元)[)）]?(?:[(（][^()（）]*[)）])?[;；。]?$/
    .source;
/** A unit note ending a text (部门名称：XX 单位：万元, 金额单位：元（保留两位小数）): group 1 the unit. */
const UNIT_AT_END = new RegExp(UNIT_NOTE);
const UNIT_ALONE = new RegExp(`^${UNIT_NOTE}`);

/** Is the text a unit note and nothing else (单位：万元, 金额单位：元)? */
export const isUnitNote = (text: string): boolean => UNIT_ALONE.test(norm(text));

/**
 * The label of a second field on a 部门 line (预算年度：, 年度：, 金额单位：, 单位：, 编制日期：…), with its colon: where the
 * department's name ends. (A unit note at the end is also cut without its colon: 单位万元.)
 */
const NEXT_FIELD =
  /(?:预算年度|年度|金额单位|计量单位|单位|(?:编制|填报|填表|制表|打印|报送|报出)?日期|时间|部门名称|单位名称|编制部门|编制单位|预算单位|预算部门|填报单位|主管部门)[:：]/;

/**
 * The part of a cell's text that normalizes to `normed` (norm widens nothing back: “（本级）” reads “(本级)”), so a
 * message quotes the name as printed; `normed` itself when no part does.
 */
export function printedSpan(cellText: string, normed: string): string {
  const raw = cellText.trim();
  if (raw.length <= 200)
    for (let s = 0; s < raw.length; s++) {
      if (!norm(raw.slice(s)).includes(normed)) break;
      for (let e = s + 1; e <= raw.length; e++)
        if (norm(raw.slice(s, e)) === normed) return raw.slice(s, e);
    }
  return normed;
}

/** Reads one cell's text for meta information; returns what it found (possibly nothing). */
export function readMeta(cellText: string): Meta {
  const t = norm(cellText);
  const out: Meta = {};
  // A note may follow in brackets: 金额单位：元（保留两位小数）.
  const unit = UNIT_AT_END.exec(t) ?? /^[(（](万元|元)[)）]$/.exec(t);
  if (unit) {
    out.unit = unit[1] as Unit;
    out.unitText = cellText.trim();
  }
  const dept =
    /^(?:部门名称|单位名称|编制部门|编制单位|预算单位|预算部门|部门|单位|填报单位|主管部门)[:：](.+)$/.exec(
      t
    );
  if (dept) {
    let name = dept[1];
    // "编制部门：某县某局  预算年度：2025年" in one cell (tester29 T29-5): the name ends where a second field's label
    // starts; that field is read on its own (its year, unit or date).
    const next = NEXT_FIELD.exec(name);
    if (next && next.index > 1) {
      const rest = name.slice(next.index);
      name = name.slice(0, next.index);
      const more = readMeta(rest);
      const y = /^(?:预算)?年度[:：](20\d{2})/.exec(rest);
      if (y) out.year = Number(y[1]);
      else if (more.year) out.year = more.year;
      if (more.date) out.date = more.date;
    }
    // "部门名称：XX 单位：万元" in one cell; a date after the name (or before the unit) is when the table was made.
    const unitAfter = (n: string) =>
      n.replace(
        /(金额)?单位[:：]?(人民币)?(万元|千元|亿元|元)(?:[(（][^()（）]*[)）])?[;；。]?$/,
        ""
      );
    name = unitAfter(name);
    const dated = DATE_AFTER.exec(name);
    if (dated && dated.index > 1) {
      out.date = dated[1];
      name = unitAfter(name.slice(0, dated.index));
    }
    // "编制单位：XX局 2025年度 单位：万元" in one cell: the year is not part of the name.
    const y = /[(（]?(20\d{2})年度?(预算)?[)）]?$/.exec(name);
    if (y && y.index > 1) {
      out.year = Number(y[1]);
      name = name.slice(0, y.index);
    }
    if (!UNIT_WORD.test(name) && name.length > 1) {
      out.department = name;
      out.departmentText = printedSpan(cellText, name);
    }
  }
  const date = DATE.exec(t);
  if (date) out.date ??= date[1];
  const year = /预算年度[:：]?(\d{4})/.exec(t) ?? /^[(（](\d{4})年度?[)）]$/.exec(t);
  if (year) out.year = Number(year[1]);
  return out;
}

/**
 * The lines of one cell, a name wrapped in it joined again (tester35 T35-12: 部门名称：湖南 ⏎ 省某县农业农村局 is one
 * name, not 湖南): a line holding no meta of its own — no field label, unit, year or date, no digit, not a title
 * (…表) — continues the line before it when that line names a 部门 / 单位 and ends with it.
 */
export function nameWrapped(lines: string[]): string[] {
  const out: string[] = [];
  for (const l of lines) {
    const prev = out[out.length - 1];
    const continues =
      prev !== undefined &&
      readMeta(prev).department !== undefined &&
      !NEXT_FIELD.test(norm(prev).replace(/^[^:：]*[:：]/, "")) &&
      !/\d|表$|[:：]/.test(norm(l)) &&
      Object.keys(readMeta(l)).length === 0;
    if (continues) out[out.length - 1] = prev + l.trim();
    else out.push(l);
  }
  return out;
}

/** A cell holding only the caption of a name (部门名称：), the name itself in the next cell. */
export const META_LABEL_ONLY =
  /^(部门名称|单位名称|编制部门|编制单位|预算单位|预算部门|部门|单位|填报单位|主管部门|(编制|填报|填表|制表|打印|报送|报出)?日期)[:：]$/;

/** A line holding only the year (2025年度, （2025年）): the budget year, above the header (never a column caption). */
export const YEAR_LINE = /^[(（]?(20\d{2})年(度)?[)）]?$/;

/**
 * Meta of each cell of a line, [column, meta]: a caption-only cell (部门名称：) is read with the cell after it, which
 * is then part of it (its meta is empty but it is `consumed`).
 */
export function lineMeta(
  cells: Array<[number, string]>,
  bareYear = false
): Array<{ c: number; meta: Meta; consumed?: boolean }> {
  const out: Array<{ c: number; meta: Meta; consumed?: boolean }> = [];
  for (let i = 0; i < cells.length; i++) {
    const [c, t] = cells[i];
    if (META_LABEL_ONLY.test(norm(t)) && i + 1 < cells.length) {
      out.push(
        { c, meta: readMeta(t + cells[i + 1][1]) },
        { c: cells[i + 1][0], meta: {}, consumed: true }
      );
      i++;
      continue;
    }
    const meta = readMeta(t);
    const y = bareYear ? YEAR_LINE.exec(norm(t)) : null;
    if (y) meta.year ??= Number(y[1]);
    out.push({ c, meta });
  }
  return out;
}

export function yearOfTitle(title: string): number | undefined {
  const m = /(20\d{2})(?:年|年度)?/.exec(norm(title));
  return m ? Number(m[1]) : undefined;
}

/** 不含上年结转 in a title narrows the table's scope. */
export function titleExcludesCarryover(title: string): boolean {
  return /不含上年结转|不含结转/.test(norm(title));
}

/** Unit given inside a header caption: 预算数（万元）, 项目资金（元）. */
export function unitInCaption(caption: string): Unit | undefined {
  const m = /[(（](万元|千元|亿元|元)[)）]/.exec(norm(caption));
  return m ? (m[1] as Unit) : undefined;
}
