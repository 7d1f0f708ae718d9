/**
 * The print header (页眉) of a sheet as text: Excel's header codes (ECMA-376 §18.3.1.39, the same in .xlsx, .xls and
 * Office.js) parsed into the three sections printed at the left, centre and right of every page. Some departments
 * print a table's title, 表号 and 单位 there instead of in cells (&L表1&C2025年部门收支总表&R单位：万元).
 */
import { z } from "zod";

export const PageHeaderSchema = z.object({
  left: z.string(),
  center: z.string(),
  right: z.string(),
});
/** Each section's printed text, formatting codes removed; lines separated by "\n"; "" for an empty section. */
export type PageHeader = z.infer<typeof PageHeaderSchema>;

/** Fields Excel fills in when printing: &P page, &N pages, &D date, &T time, &F file, &Z path, &A sheet, &G picture. */
const FIELDS: Record<string, (sheet: string) => string> = {
  P: () => "#",
  N: () => "#",
  D: () => "",
  T: () => "",
  F: () => "",
  Z: () => "",
  G: () => "",
  A: (sheet) => sheet,
};
/** Formatting toggles, printed as nothing: bold, italic, underline, double underline, strikethrough, super/subscript, outline, shadow. */
const TOGGLES = new Set(["B", "I", "U", "E", "S", "X", "Y", "O", "H"]);

/**
 * Parses a header string (oddHeader / firstHeader of an .xlsx, the HEADER record of an .xls, one section of
 * Office.js's leftHeader / centerHeader / rightHeader): text before any &L / &C / &R goes to the centre, as Excel
 * prints it. Removed: &"font,style", &nn font size (one space after it, which separates it from digits that follow),
 * &K colour (&KRRGGBB, &KttSnnn / &Ktt+nnn theme colours), the toggles; && is "&"; fields as FIELDS says (`sheet`
 * for &A). Undefined when nothing is printed.
 */
export function parsePageHeader(
  raw: string | undefined | null,
  sheet = ""
): PageHeader | undefined {
  if (!raw) return undefined;
  const out: PageHeader = { left: "", center: "", right: "" };
  let at: keyof PageHeader = "center";
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch !== "&") {
      out[at] += ch;
      continue;
    }
    const code = raw[i + 1];
    if (code === undefined) break;
    const upper = code.toUpperCase();
    if (code === "&") {
      out[at] += "&";
      i++;
    } else if (upper === "L" || upper === "C" || upper === "R") {
      at = upper === "L" ? "left" : upper === "C" ? "center" : "right";
      i++;
    } else if (code === '"') {
      const close = raw.indexOf('"', i + 2);
      i = close < 0 ? raw.length : close;
    } else if (/\d/.test(code)) {
      // &162025年…: a size run into a year (Excel would write &16 2025年) keeps the year.
      const digits = /^(\d+?)(?=(?:19|20)\d{2}年)|^\d+/.exec(raw.slice(i + 1))![0];
      i += digits.length;
      if (raw[i + 1] === " ") i++;
    } else if (upper === "K") {
      const theme = /^K\d\d[+\-S]\d{3}/i.exec(raw.slice(i + 1));
      const rgb = /^K[0-9A-F]{6}/i.exec(raw.slice(i + 1));
      i += (theme ?? rgb)?.[0].length ?? 1;
    } else if (FIELDS[upper]) {
      out[at] += FIELDS[upper](sheet);
      i++;
    } else if (TOGGLES.has(upper)) i++;
    else {
      out[at] += "&";
    }
  }
  return plainPageHeader(out.left, out.center, out.right);
}

/**
 * A header from its sections' printed text (no codes: an .ods master page's regions): each line trimmed, empty lines
 * dropped. Undefined when nothing is printed.
 */
export function plainPageHeader(
  left: string,
  center: string,
  right: string
): PageHeader | undefined {
  const clean = (s: string) =>
    s
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== "")
      .join("\n");
  const h = { left: clean(left), center: clean(center), right: clean(right) };
  return h.left || h.center || h.right ? h : undefined;
}

/** Office.js gives the sections apart (leftHeader, centerHeader, rightHeader), each may hold codes: one header. */
export function pageHeaderOfSections(
  left: string | undefined,
  center: string | undefined,
  right: string | undefined,
  sheet = ""
): PageHeader | undefined {
  const part = (s: string | undefined) => {
    const p = parsePageHeader(s, sheet);
    // A section's own text may switch sections itself; read as printed, it is all this section's.
    return p ? [p.left, p.center, p.right].filter((x) => x).join("\n") : "";
  };
  const h = { left: part(left), center: part(center), right: part(right) };
  return h.left || h.center || h.right ? h : undefined;
}

/**
 * The header's lines in reading order for a title: the centre first (where a title is printed), then left, then
 * right (表号 on the left, 单位 on the right).
 */
export function pageHeaderLines(h: PageHeader): string[] {
  return [h.center, h.left, h.right].flatMap((s) => (s ? s.split("\n") : []));
}
