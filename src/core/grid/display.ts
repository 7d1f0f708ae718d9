/**
 * Text as Excel displays a value under the number formats budget workbooks use (0.00, #,##0.00, #,##0, 0%, General, @,
 * and 0.00E+00 — the scientific format a PDF converter or a narrow column leaves on 科目编码 cells).
 */
import type { CellValue } from "./grid";

function groupThousands(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function formatNumber(n: number, section: string): string {
  const pct = section.includes("%");
  const x = pct ? n * 100 : n;
  const m = /0\.(0+)/.exec(section);
  const decimals = m ? m[1].length : 0;
  const fixed = Math.abs(x).toFixed(decimals);
  const [i, f] = fixed.split(".");
  const grouped = /#,##0|,0/.test(section) ? groupThousands(i) : i;
  const body = f !== undefined ? `${grouped}.${f}` : grouped;
  return `${x < 0 && Number(fixed) !== 0 ? "-" : ""}${body}${pct ? "%" : ""}`;
}

/** General: up to 11 significant characters, no trailing zeros (what Excel shows in a normal-width cell). */
function general(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e11) return String(n);
  const s = String(Number(n.toPrecision(10)));
  return s.length > 11 && Math.abs(n) >= 1e11 ? n.toExponential(5).replace("e+", "E+") : s;
}

/** Literal parts of a format section as printed: "text" unquoted, \x as x, _x as a space, *x dropped. */
function literal(part: string): string {
  return part.replace(/"([^"]*)"|\\(.)|_.|\*./g, (m, q, e) =>
    q !== undefined ? q : e !== undefined ? e : m[0] === "_" ? " " : ""
  );
}

export function displayText(value: CellValue, fmt: string): string {
  if (value === null || value === "") return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  const f = (fmt || "General").trim();
  if (/^general$/i.test(f) || f === "@") return general(value);
  const sections = f.split(";");
  // With a negative section Excel prints the absolute value through it (its own "-" or parentheses).
  const negSection = value < 0 && sections[1] !== undefined;
  const section = (
    negSection ? sections[1] : value === 0 && sections[2] !== undefined ? sections[2] : sections[0]
  ).replace(/\[[^\]]*\]/g, "");
  const point = LITERAL_POINT.exec(section.trim());
  if (point) return literalPoint(negSection ? -value : value, point);
  const sci = SCIENTIFIC.exec(section.trim());
  if (sci) return scientific(negSection ? -value : value, sci);
  const core = /[#0?][#0?,]*(?:\.[#0?]+)?%?/.exec(
    section.replace(/"[^"]*"/g, (m) => "\u0000".repeat(m.length))
  );
  if (!core) return general(value);
  const number = formatNumber(negSection ? -value : value, core[0]);
  return (
    literal(section.slice(0, core.index)) +
    number +
    literal(section.slice(core.index + core[0].length))
  );
}

/**
 * A decimal point typed as a literal between digit placeholders — 0!.0000, 0"."0000, 0\.0000, with thousands-
 * scaling commas after it (0!.0,) or none: templates' way to show amounts kept in 元 as 万元. Excel prints the digits
 * of the number (÷ 1000 per trailing comma, rounded to a whole number, at least as many digits as there are 0s)
 * with the point inserted before the last ones.
 */
const LITERAL_POINT = /^([#,0]*0)(?:!\.|\\\.|"\.")(0+)(,*)$/;

function literalPoint(n: number, m: RegExpExecArray): string {
  const [, whole, frac, commas] = m;
  const scaled = Math.round(Math.abs(n) / 1000 ** commas.length);
  const zeros = (whole.match(/0/g) ?? []).length + frac.length;
  const digits = String(scaled).padStart(zeros, "0");
  const int = digits.slice(0, digits.length - frac.length);
  const body = `${whole.includes(",") ? groupThousands(int) : int}.${digits.slice(-frac.length)}`;
  return `${n < 0 && scaled !== 0 ? "-" : ""}${body}`;
}

/**
 * A scientific format: 0.00E+00 (mantissa 1 ≤ m < 10, 2 decimals, exponent with its sign and at least 2 digits), E-
 * printing the sign only when negative, ##0.0E+0 (engineering: the exponent a multiple of the integer places).
 * 201 → 2.01E+02, 2010801 → 2.01E+06 (what Excel shows; the stored value keeps every digit).
 */
const SCIENTIFIC = /^([#0?,]*[#0?])(?:\.([#0?]*))?[Ee]([+-])([#0?]+)$/;

function scientific(n: number, m: RegExpExecArray): string {
  const [, whole, frac = "", sign, expDigits] = m;
  const step = Math.max(1, whole.replace(/,/g, "").length);
  const decimals = frac.length;
  const abs = Math.abs(n);
  let exp = abs === 0 ? 0 : Math.floor(Math.floor(Math.log10(abs)) / step) * step;
  let fixed = (abs / 10 ** exp).toFixed(decimals);
  // 9.999 → 10.00: one step up (1.00E+01).
  if (Number(fixed) >= 10 ** step) {
    exp += step;
    fixed = (abs / 10 ** exp).toFixed(decimals);
  }
  const expText = String(Math.abs(exp)).padStart((expDigits.match(/0/g) ?? []).length, "0");
  const expSign = exp < 0 ? "-" : sign === "+" ? "+" : "";
  return `${n < 0 && Number(fixed) !== 0 ? "-" : ""}${fixed}E${expSign}${expText}`;
}
