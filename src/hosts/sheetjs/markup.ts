/**
 * Workbooks written as markup text, which many 财政 systems' “导出 Excel” produce and name .xls: an HTML page holding
 * the tables (Excel opens it as one sheet) and the “XML 电子表格 2003” (SpreadsheetML, urn:schemas-microsoft-com:
 * office:spreadsheet). Both are read by SheetJS (src/hosts/sheetjs/read.ts) once this module has decoded the text —
 * SheetJS alone reads the bytes as UTF-8 and garbles a GBK or UTF-16 export.
 *
 * An HTML page is laid out close to how Excel lays it out when it opens one: a single sheet, every heading or
 * paragraph with text before, between and after the tables one row in column A, each table's rows in order (colspan /
 * rowspan as merges). Blank paragraphs and line breaks take no row here (Excel and LibreOffice give them one, which
 * this layout does not reproduce): a cited row can sit a few rows lower in Excel (newcomer13 NC13-8).
 */

export type MarkupKind = "html" | "xml2003";

/** The text's encoding: a byte-order mark, else the page's own `charset=` / `encoding=`, else UTF-8 if valid, else GB18030. */
export function decodeMarkup(buf: Uint8Array): string {
  if (buf[0] === 0xff && buf[1] === 0xfe)
    return new TextDecoder("utf-16le").decode(buf.subarray(2));
  if (buf[0] === 0xfe && buf[1] === 0xff)
    return new TextDecoder("utf-16be").decode(buf.subarray(2));
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
    return new TextDecoder("utf-8").decode(buf.subarray(3));
  // The declaration is ASCII in every encoding a Chinese export uses (GB2312 / GBK / GB18030 / Big5 / UTF-8).
  const head = new TextDecoder("latin1").decode(buf.subarray(0, 4096));
  const declared = /(?:charset|encoding)\s*=\s*["']?([\w-]+)/i.exec(head)?.[1].toLowerCase();
  if (declared && declared !== "utf-8" && declared !== "utf8") {
    // GB2312 and GBK pages often hold characters beyond their charset: GB18030 decodes all of them.
    const label = /^(gb2312|gbk|gb_2312-80|x-gbk|cp936|ms936)$/.test(declared)
      ? "gb18030"
      : declared;
    try {
      return new TextDecoder(label).decode(buf);
    } catch {
      // An encoding Node does not know: fall through to the guess.
    }
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(buf);
  } catch {
    return new TextDecoder("gb18030").decode(buf);
  }
}

/**
 * What markup the bytes hold, from the first 4 KiB of text (a comment or XML declaration may come first): an HTML page
 * with at least one table, or SpreadsheetML; undefined for anything else.
 */
export function markupKind(buf: Uint8Array): MarkupKind | undefined {
  const first = buf[0];
  // Text only: a markup file starts with "<", a BOM or white space.
  if (![0x3c, 0xef, 0xff, 0xfe, 0x20, 0x09, 0x0a, 0x0d].includes(first)) return undefined;
  const head = decodeMarkup(buf.subarray(0, 4096)).replace(/^\ufeff/, "");
  if (!head.trimStart().startsWith("<")) return undefined;
  if (/urn:schemas-microsoft-com:office:spreadsheet/i.test(head) && /<(ss:)?Workbook\b/i.test(head))
    return "xml2003";
  const markup = head.replace(/<!--[\s\S]*?-->|<\?xml[^>]*>/g, "").trimStart();
  // A page without a table holds nothing to review: the .xlsx host then names it a web page, with what to do.
  if (/^<(!doctype html|html|head|body|table|meta|style|title)\b/i.test(markup))
    return /<table\b/i.test(decodeMarkup(buf)) ? "html" : undefined;
  return undefined;
}

/** One piece of an HTML page in order: a table's markup, or the text of a block outside the tables (one row). */
export type PagePiece = { table: string } | { text: string };

const ENTITIES: Record<string, string> = {
  nbsp: " ",
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  ensp: " ",
  emsp: "　",
};

/** A fragment's text: tags dropped, entities decoded, runs of white space one space (as a browser shows it). */
function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
      e[0] === "#"
        ? String.fromCodePoint(
            e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
          )
        : (ENTITIES[e.toLowerCase()] ?? m)
    )
    .replace(/[ \t\r\n\f]+/g, " ")
    .trim();
}

/** Block-level boundaries outside tables: each starts a new row, as Excel's HTML import does. */
const BLOCK = /<\/?(?:p|div|h[1-6]|br|li|tr|caption|center|pre|blockquote|hr)\b[^>]*>/gi;

/**
 * The page's tables and the text blocks around them, in document order (the head, scripts and styles left out).
 * A table nested in a table stays inside its outer table's markup.
 */
export function pagePieces(html: string): PagePiece[] {
  const body = html
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<(head|script|style|xml)\b[\s\S]*?<\/\1\s*>/gi, "");
  const pieces: PagePiece[] = [];
  const text = (s: string) => {
    for (const block of s.split(BLOCK)) {
      const t = plainText(block);
      if (t) pieces.push({ text: t });
    }
  };
  const open = /<table\b/gi;
  let at = 0;
  let m: RegExpExecArray | null;
  while ((m = open.exec(body))) {
    text(body.slice(at, m.index));
    // Find the matching </table>, counting nested tables.
    const tag = /<(\/?)table\b[^>]*>/gi;
    tag.lastIndex = m.index;
    let depth = 0;
    let end = body.length;
    let t: RegExpExecArray | null;
    while ((t = tag.exec(body))) {
      depth += t[1] ? -1 : 1;
      if (depth === 0) {
        end = tag.lastIndex;
        break;
      }
    }
    pieces.push({ table: body.slice(m.index, end) });
    at = open.lastIndex = end;
  }
  text(body.slice(at));
  return pieces;
}

/** The sheet name Excel gives the page: the name an Excel web export declares (<x:Name>), else the file's name. */
export function pageSheetName(html: string, fileName?: string): string {
  const declared = /<x:Name>([^<]+)<\/x:Name>/i.exec(html)?.[1];
  const base = fileName?.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "");
  // Excel's sheet names: at most 31 characters, none of : \ / ? * [ ].
  return (plainText(declared ?? base ?? "") || "Sheet1").replace(/[:\\/?*[\]]/g, "_").slice(0, 31);
}

/**
 * The number format Excel gives a number it reads from a page's text, so the figure shows and rounds as printed:
 * 1,234.00 → #,##0.00, 300.0 → 0.0, 12.5% → 0.0%, 2010101 → 0; undefined for text that is no plain number (SheetJS
 * read it otherwise: dates, currency, fractions keep General).
 */
export function numberFormatOfText(text: string): string | undefined {
  const m = /^\s*[-+(]?\s*\d{1,3}((?:,\d{3})*|\d*)(?:\.(\d+))?\s*\)?\s*(%?)\s*$/.exec(text);
  if (!m) return undefined;
  const grouped = m[1].includes(",");
  const decimals = m[2]?.length ?? 0;
  return `${grouped ? "#,##0" : "0"}${decimals ? "." + "0".repeat(decimals) : ""}${m[3]}`;
}
