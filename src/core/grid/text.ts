/** Label normalisation: the one place that decides when two labels are "the same". */

/**
 * Spaces of every kind and the invisible format characters (Unicode Cf: zero-width space and joiners, the
 * left-to-right / right-to-left marks, the word joiner, the byte-order mark, the soft hyphen) that text pasted from
 * web pages, PDFs and other systems carries unseen: a label or an amount is read as if they were not there.
 */
const SPACES = /[\s\u3000\u00a0\u2000-\u200b\ufeff\p{Cf}]+/gu;
/** As SPACES, for callers that strip them themselves (amounts, titles). */
export const UNSEEN = /[\s\u3000\p{Cf}]/gu;

/** NFKC (full-width → half-width), no whitespace at all (合 计 → 合计, 科目    编码 → 科目编码). */
export function norm(s: unknown): string {
  if (s === null || s === undefined) return "";
  const str = String(s);
  let n = NORMS.get(str);
  if (n === undefined) {
    // Labels repeat across tables and rules: bounded memo (cleared when full, so memory stays flat on huge sheets).
    if (NORMS.size >= 50000) NORMS.clear();
    n = str.normalize("NFKC").replace(SPACES, "");
    n = n.replace(NUMERAL_YEAR, (y) => [...y].map((d) => NUMERAL_DIGITS[d]).join(""));
    NORMS.set(str, n);
  }
  return n;
}

const NORMS = new Map<string, string>();
/**
 * A year written in Chinese numerals, digit by digit, before 年 (二〇二五年, 二零二五年度, 二○二四年): the same label as
 * 2025年, so every reader of a year (titles, cover lines, captions) sees digits.
 */
const NUMERAL_YEAR = /[〇零○一二三四五六七八九]{4}(?=年)/g;
const NUMERAL_DIGITS: Record<string, string> = {
  〇: "0",
  零: "0",
  "○": "0",
  一: "1",
  二: "2",
  三: "3",
  四: "4",
  五: "5",
  六: "6",
  七: "7",
  八: "8",
  九: "9",
};

/** Leading ordinal / numbering prefixes: 一、 （一） 1. ① 其中： */
const ORDINAL_PREFIX =
  /^(?:[（(]?[一二三四五六七八九十百]+[)）、.．]|[（(][0-9]+[)）]|[0-9]+[、.．](?![0-9])|[①-⑳]|其中[:：]?)+/;

/** A label without its numbering prefix and the usual decorations, for alias matching. */
export function labelKey(s: unknown): string {
  if (typeof s !== "string") return keyOf(norm(s));
  // Every rule asks for the key of the rows it reads: memoized like norm (bounded, cleared when full).
  let k = KEYS.get(s);
  if (k === undefined) {
    if (KEYS.size >= 50000) KEYS.clear();
    // Circled numbers (①公务用车购置费) become plain digits under NFKC: strip them first.
    KEYS.set(s, (k = keyOf(norm(s.replace(/^[\s\u3000]*[\u2460-\u2473]/, "")))));
  }
  return k;
}

const KEYS = new Map<string, string>();
const keyOf = (t: string) => t.replace(ORDINAL_PREFIX, "").replace(/[:：]$/, "");

/** The ordinal level of a label: 一、 = 1, （一） = 2, 1. = 3, (1) = 4; undefined when unnumbered. */
export function ordinalLevel(s: unknown): number | undefined {
  const t = norm(s);
  if (/^[一二三四五六七八九十]+[、.．]/.test(t)) return 1;
  if (/^[（(][一二三四五六七八九十]+[)）]/.test(t)) return 2;
  if (/^[0-9]+[、.．](?![0-9])/.test(t)) return 3;
  // (1) sits under 1、 when both are printed (Xi'an: 1、财政拨款 › (1)一般公共预算拨款).
  if (/^[（(][0-9]+[)）]/.test(t)) return 4;
  return undefined;
}

/**
 * The lines of a wrapped cell (Alt+Enter: 一般公 ⏎ 共预算, 部门名称：湖南 ⏎ 省某县农业农村局) as one text, joined with
 * no separator (tester35 T35-12), the spaces around each break dropped; a leading indent is kept.
 */
export function joinLines(s: string): string {
  return /[\r\n]/.test(s) ? s.replace(/[ \t\u3000]*(?:\r\n|\r|\n)[ \t\u3000]*/g, "") : s;
}

/** Indentation depth from leading full-width or ASCII spaces (one U+3000 or two ASCII spaces = 1). */
export function indentDepth(s: unknown): number {
  if (typeof s !== "string") return 0;
  const m = /^[ \u3000\u00a0]*/.exec(s)![0];
  let d = 0;
  for (const ch of m) d += ch === " " || ch === "\u00a0" ? 0.5 : 1;
  return Math.floor(d);
}

/**
 * A project code printed before the name ([11000025T000004100]审计事务, 110000251234 审计事务): six or more letters
 * and digits, four of them digits at least, bracketed or followed by a separator or the name itself.
 */
const PROJECT_CODE =
  /^[[【(（]?(?=[0-9A-Za-z]*\d[0-9A-Za-z]*\d[0-9A-Za-z]*\d[0-9A-Za-z]*\d)[0-9A-Za-z]{6,}[\]】)）]?[\s:：\-－_]*(?=[\u4e00-\u9fff])/;

/** A project name without the project code printed before it. */
export const withoutProjectCode = (s: string): string => s.replace(PROJECT_CODE, "");

/** Project names compared across tables: no code in front, spaces, quotes, brackets, dashes or punctuation. */
export function projectKey(s: unknown): string {
  return norm(s)
    .replace(PROJECT_CODE, "")
    .replace(/^[-－—–_·•]+/, "")
    .replace(/["'“”‘’「」『』《》<>()（）[\]【】、,，.。;；:：!！?？·\-－—–_/\\]/g, "");
}

/**
 * A page number a printed table carries (第 1 页，共 12 页 / 共 12 页 第 1 页 / 第1页/共40页 / - 1 - / —3— / Page 1 of 3):
 * converted from the PDF, it lands in whatever column the footer stood over, and is never a budget line's text.
 */
const PAGE_MARK =
  /^(?:第\d+页(?:[,，、/]?共\d+页)?|共\d+页[,，、/]?第\d+页|[-—–－]\d+[-—–－]|page\d+(?:of\d+)?)$/i;

/** True when the text is only a page number (white space ignored). */
export function isPageMark(s: string): boolean {
  // Most texts have neither 页 nor a dash or P: skip the pattern for them.
  if (!/[页\-—–－pP]/.test(s)) return false;
  return PAGE_MARK.test(s.replace(UNSEEN, ""));
}
