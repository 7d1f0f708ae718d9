/** Text as Excel displays a value under the number formats budget workbooks use (0.00, #,##0.00, #,##0, 0%, General, @). */
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

export function displayText(value: CellValue, fmt: string): string {
  if (value === null || value === "") return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  const f = (fmt || "General").trim();
  if (/^general$/i.test(f) || f === "@") return general(value);
  const sections = f.split(";");
  const section = value < 0 && sections[1] ? sections[1] : sections[0];
  const cleaned = section.replace(/\[[^\]]*\]/g, "").replace(/"[^"]*"/g, "").replace(/\\./g, "").replace(/_.|\*./g, "");
  if (!/[0#]/.test(cleaned)) return general(value);
  const out = formatNumber(value < 0 && sections[1] ? -value : value, cleaned);
  const literal = /"([^"]*)"/.exec(section)?.[1] ?? "";
  return literal ? `${out}${literal}` : out;
}
