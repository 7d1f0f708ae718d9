/**
 * Reading printed amounts: numbers whatever their number format (date formats included), numeric text ("1,705.54",
 * " 28.88 ", "(388.14)", "△1.80", "¥12.3", full-width digits, "2338.24万元" / "23,382,400元" with the unit kept), blanks and
 * dashes, and what is not an amount (error values, TRUE/FALSE, text with another unit, non-finite numbers) named as such.
 */
import type { CellValue } from "./grid";
import { UNSEEN } from "./text";

export interface ParsedAmount {
  value: number | null; // null = blank, or not readable (see invalid)
  /** Decimals as printed (from the text or the number format). */
  decimals: number;
  /** True when the cell stored text that looked like a number. */
  fromText: boolean;
  /**
   * True when the precision is not printed explicitly (General or a date format shows as many decimals as the value
   * has): the importer takes the table's precision instead.
   */
  implicit?: boolean;
  /** The cell holds something that is not an amount, described in Chinese (错误值 #REF!, 逻辑值 TRUE …). */
  invalid?: string;
  /** A number in a cell with a date format: read as the number, but printed as a date (45690 → 2月2日). */
  dated?: boolean;
  /** The unit typed after the number in a text cell (2338.24万元, 23382400元): the value is as printed, in that unit. */
  suffix?: "元" | "万元";
  /** A note mark printed after the number (50①, 21.00¹, 834.05*): not part of the amount. */
  mark?: string;
}

/**
 * A note mark after a figure, as PDFs print them and converters keep them in the cell: circled, parenthesised and
 * full-stop digits (①, ⑴, ⒈, ❶), superscript digits (¹²³), the asterisks (* and its full-width ＊, small ﹡, operator ∗,
 * low ⁎: a converter keeps whichever glyph the PDF's font used), ※, †, ‡, [1] / [注1] / （注1）. Matched before NFKC,
 * which would turn ① and ¹ into the digit 1 (50① → 501).
 */
const NOTE_MARK =
  /^(.*?[\d０-９])\s*((?:[①-⒛⓪-⓿❶-➓¹²³⁰⁴-⁹*＊﹡∗⁎※†‡]|[[［(（]注?\d{1,2}[\]］)）]|[[［(（]注[\]］)）])+)\s*$/;

/**
 * Minus signs as typed and as converters write them: − (U+2212) and －, and a dash right before or after the figure
 * (–0.50, —0.50, ‒0.50, 1.80–: en / em / figure dash, as PDF converters and word processors set a minus). A dash alone
 * stays a dash (BLANK_MARK: nothing).
 */
function minusSigns(t: string): string {
  return t
    .replace(/[−－]/g, "-")
    .replace(/^[‐‑‒–—―](?=[\d.(])/, "-")
    .replace(/(?<=\d)[‐‑‒–—―]$/, "-");
}

/** Beyond any budget (10^15 元): sums of such figures lose every cent, and a sum of a few can overflow. */
const MAX_AMOUNT = 1e15;

const NUMERIC_TEXT = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
/** Excel's error values (and the newer dynamic-array ones). */
const ERROR_VALUE =
  /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!)$/i;
/** Printed for "nothing": dashes, slashes, 无. */
const BLANK_MARK = /^(?:[-—–－―~～/／\\]+|无|空)$/;
/** Currency signs before the number (¥ after NFKC covers ￥). */
const CURRENCY = /^(?:[¥$]|RMB|CNY|人民币)/i;
/** The units a budget table prints in, typed after the number: read as the amount, the unit kept (ParsedAmount.suffix). */
const TABLE_UNIT_SUFFIX = /^(.*\d)(万元|万|元)$/;
/** Other unit words after the number change its magnitude beyond the table's units: 12亿元, 5千元. */
const UNIT_SUFFIX = /^([-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(亿元|亿|千元|千)$/;

/** Decimals implied by an Excel number format such as 0.00, #,##0.00, #,##0; undefined for General, text and dates. */
export function formatDecimals(fmt: string | undefined): number | undefined {
  if (!fmt || /general/i.test(fmt) || fmt === "@") return undefined;
  // Quoted literals and [colour]/[locale] parts are not digits.
  const section = fmt.split(";")[0].replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  if (isDateFormat(section)) return undefined;
  // Optional digits count too (tester29b T29B-16): "#,##0.##" prints 312.46 and 312.5 — its step is still 0.01.
  const m = /\.([0#?]+)/.exec(section);
  if (m) return m[1].length;
  if (/[0#]/.test(section)) return 0;
  return undefined;
}

/** A date or time format (y, m, d, h, s, 年月日 outside quotes): the value is still a number, printed as a date. */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const section = fmt.split(";")[0].replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /[ymdhs年月日]/i.test(section) && !/^[#0.,\s%]*$/.test(section);
}

function textDecimals(t: string): number {
  const i = t.indexOf(".");
  return i < 0 ? 0 : t.length - i - 1;
}

/** Decimals of a number as General shows it (at most 10 significant digits, as Excel's General). */
function valueDecimals(n: number): number {
  return textDecimals(String(Number(n.toPrecision(10))));
}

const shorten = (s: string) => (s.length > 20 ? s.slice(0, 20) + "…" : s);

/** Parses one cell as an amount; returns undefined when it is plain text (a label, a note), which is not an amount. */
export function parseAmount(
  value: CellValue,
  text: string | undefined,
  fmt: string | undefined
): ParsedAmount | undefined {
  if (value === null || value === "" || value === undefined)
    return { value: null, decimals: 0, fromText: false };
  if (typeof value === "boolean")
    return {
      value: null,
      decimals: 0,
      fromText: false,
      invalid: `逻辑值 ${value ? "TRUE" : "FALSE"}`,
    };
  if (typeof value === "number") {
    // A stored number that is not finite: NaN, or one too large for a double (1E+309, INF). A number cell holding
    // text (`<v>abc</v>`) is text, read by the host as such (文本“abc”).
    if (Number.isNaN(value))
      return { value: null, decimals: 0, fromText: false, invalid: "无法表示的数值（不是有限数）" };
    if (!Number.isFinite(value))
      return {
        value: null,
        decimals: 0,
        fromText: false,
        invalid: "超出可表示范围的数值（数值溢出，不是有限数）",
      };
    if (Math.abs(value) >= MAX_AMOUNT)
      return {
        value: null,
        decimals: 0,
        fromText: false,
        invalid: "超出金额范围的数值（绝对值不小于 1000 万亿）",
      };
    const fd = formatDecimals(fmt);
    if (fd !== undefined) return { value, decimals: fd, fromText: false };
    if (isDateFormat(fmt))
      return {
        value,
        decimals: valueDecimals(value),
        fromText: false,
        implicit: true,
        dated: true,
      };
    return { value, decimals: valueDecimals(value), fromText: false, implicit: true };
  }
  if (typeof value === "string") {
    const marked = NOTE_MARK.exec(value.replace(UNSEEN, ""));
    if (marked) {
      const p = parseAmount(marked[1], text, fmt);
      return p && p.value !== null && !p.invalid ? { ...p, mark: marked[2] } : p;
    }
    const t = minusSigns(value.normalize("NFKC").replace(UNSEEN, ""));
    if (t === "" || BLANK_MARK.test(t)) return { value: null, decimals: 0, fromText: true };
    if (ERROR_VALUE.test(t))
      return { value: null, decimals: 0, fromText: false, invalid: `错误值 ${t.toUpperCase()}` };
    if (/^=/.test(t))
      return {
        value: null,
        decimals: 0,
        fromText: false,
        invalid: `公式“${shorten(value.trim())}”（文件中没有计算结果）`,
      };
    // Accounting negatives (388.14) and currency signs around the number.
    let s = t;
    let sign = 1;
    // △ / ▲ before the number: the Chinese accounting mark of a decrease (增减额 △1.80 = −1.80); a trailing minus
    // (1.80-, as accounting exports and OCR write a decrease) likewise.
    const paren = /^\((.*)\)$/.exec(s) ?? /^[△▲](.*)$/.exec(s) ?? /^([\d,.]*\d)\s*-$/.exec(s);
    if (paren) {
      s = paren[1];
      sign = -1;
    }
    s = s.replace(CURRENCY, "");
    const unitWord = TABLE_UNIT_SUFFIX.exec(s);
    const suffix = unitWord ? (unitWord[2] === "元" ? "元" : "万元") : undefined;
    if (unitWord) s = unitWord[1];
    if (s.startsWith("-") && sign === -1) return undefined;
    if (NUMERIC_TEXT.test(s)) {
      const n = sign * Number(s.replace(/,/g, ""));
      if (!(Math.abs(n) < MAX_AMOUNT))
        return {
          value: null,
          decimals: 0,
          fromText: true,
          invalid: "超出金额范围的数值（绝对值不小于 1000 万亿）",
        };
      return suffix
        ? { value: n, decimals: textDecimals(s), fromText: true, suffix }
        : { value: n, decimals: textDecimals(s), fromText: true };
    }
    if (suffix) return undefined;
    const unit = UNIT_SUFFIX.exec(s);
    if (unit)
      return {
        value: null,
        decimals: 0,
        fromText: true,
        invalid: `带单位的文本“${shorten(value.trim())}”（请填写不带单位的数字）`,
      };
    if (/^[-+]?\d+(?:\.\d+)?%$/.test(s))
      return {
        value: null,
        decimals: 0,
        fromText: true,
        invalid: `百分数文本“${shorten(value.trim())}”`,
      };
    return undefined;
  }
  return undefined;
}

/**
 * A percentage printed as text (-15.00%, as PDFs and many exports print a 增减率) as the fraction Excel would store
 * (-0.15) with its decimals; undefined for any other text.
 */
export function percentText(text: string): { value: number; decimals: number } | undefined {
  const m = /^([-+]?\d+(?:\.(\d+))?)%$/.exec(
    minusSigns(text.normalize("NFKC").replace(UNSEEN, ""))
  );
  return m ? { value: Number(m[1]) / 100, decimals: (m[2]?.length ?? 0) + 2 } : undefined;
}

/**
 * A figure followed by a mark the reader does not know (11.20a, 11.20注1, 11.20#, 11.20 ⊕): text, yet printed as an
 * amount, never a name or a remark (those have words: 2024年新增, 详见说明). Its column is still an amount column, and the
 * cell is named as not an amount (input.unreadable) rather than taken for a line's name.
 */
const MARKED_FIGURE =
  /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*(?:[A-Za-z]|注|[^\p{L}\p{N}\s\-–—/.:：,，、~～])(?:[A-Za-z\d]|[^\p{L}\p{N}\s]){0,3}$/u;
export function markedFigure(text: string): boolean {
  return MARKED_FIGURE.test(text.normalize("NFKC").replace(UNSEEN, "").trim());
}

/** What an amount cell holds when it is neither a number nor blank: the text named for a finding. */
export function unreadableText(text: string): string {
  // Several lines' figures in one cell (lines a PDF converter merged into one row): said as such.
  const lines = text
    .trim()
    .split(/\r\n|\r|\n/)
    .map((x) => x.trim())
    .filter(Boolean);
  if (lines.length >= 2 && lines.every((l) => parseAmount(l, l, "General")?.value != null))
    return `文本“${shorten(lines.join("／"))}”（${lines.length}行的金额合并在一个单元格中）`;
  return `文本“${shorten(text.trim())}”`;
}
