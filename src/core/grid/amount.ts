/** Reading printed amounts: numbers, numeric text ("1,705.54", " 28.88 "), blanks, and their printed precision. */
import type { CellValue } from "./grid";

export interface ParsedAmount {
  value: number | null; // null = blank
  /** Decimals as printed (from the text or the number format). */
  decimals: number;
  /** True when the cell stored text that looked like a number. */
  fromText: boolean;
}

const NUMERIC_TEXT = /^[-+−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** Decimals implied by an Excel number format such as 0.00, #,##0.00, #,##0, General. */
export function formatDecimals(fmt: string | undefined): number | undefined {
  if (!fmt || /general/i.test(fmt) || fmt === "@") return undefined;
  const section = fmt.split(";")[0];
  const m = /0\.(0+)/.exec(section);
  if (m) return m[1].length;
  if (/[0#]/.test(section)) return 0;
  return undefined;
}

function textDecimals(t: string): number {
  const i = t.indexOf(".");
  return i < 0 ? 0 : t.length - i - 1;
}

/** Parses one cell as an amount; returns undefined when it is not an amount (a label, a dash, text). */
export function parseAmount(value: CellValue, text: string | undefined, fmt: string | undefined): ParsedAmount | undefined {
  if (value === null || value === "" || value === undefined) return { value: null, decimals: 0, fromText: false };
  if (typeof value === "number") {
    const shown = (text ?? "").trim();
    const fd = formatDecimals(fmt);
    const decimals = fd ?? (NUMERIC_TEXT.test(shown.replace(/\s/g, "")) ? textDecimals(shown) : textDecimals(String(value)));
    return { value, decimals, fromText: false };
  }
  if (typeof value === "string") {
    const t = value.normalize("NFKC").replace(/[\s\u3000]/g, "").replace(/−/g, "-");
    if (t === "" ) return { value: null, decimals: 0, fromText: true };
    if (t === "-" || t === "—" || t === "--" || t === "/") return { value: null, decimals: 0, fromText: true };
    if (NUMERIC_TEXT.test(t)) return { value: Number(t.replace(/,/g, "")), decimals: textDecimals(t), fromText: true };
    return undefined;
  }
  return undefined;
}

