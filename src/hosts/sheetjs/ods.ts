/**
 * The .ods pre-pass: what SheetJS 0.20.3 does not read right from an .ods file.
 * - Leading and trailing Unicode spaces of a text: SheetJS trims every text with String.prototype.trim, which also
 *   removes the ideographic space U+3000 (and NBSP …) that templates use to indent 项目 under 单位, and the trailing
 *   space LibreOffice writes as a plain space; ODF §6.1.2 only collapses runs of XML white space. Such spaces are
 *   swapped for private-use characters before SheetJS reads the file and swapped back in its values (`restore`).
 * - The General number format: a <number:number> without `number:decimal-places` (ODF 1.2 §19.343: the decimals
 *   follow the default, as Excel's General; LibreOffice writes General so). SheetJS reads it as "0", which would
 *   show 450.05 as "450" and widen the 尾差 tolerance; such a style is emptied, which SheetJS reads as General.
 * - Which sheets are hidden (a table style with `table:display="false"`, ODF 1.2 §17.15
 *   <style:table-properties>) and which rows and columns are hidden (`table:visibility="collapse"` or `"filter"` on
 *   <table:table-row> / <table:table-column>, §19.749, counted with `table:number-rows-repeated` /
 *   `table:number-columns-repeated`). One scan over content.xml's start tags; no cell is read here (the cells are
 *   SheetJS's).
 * - Damaged compressed data: neither fflate nor SheetJS checks a zip entry's CRC-32, and SheetJS can spend seconds on
 *   the garbage a damaged deflate stream inflates to; content.xml and styles.xml are checked against the CRCs of the
 *   zip's central directory first.
 * The file is only read: the changes go to a copy in memory that only SheetJS sees.
 */
import { printAreaA1 } from "../../core/grid/address";
import { plainPageHeader, type PageHeader } from "../../core/grid/page-header";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import CRC32 from "crc-32";
import { WorkbookReadError } from "../xlsx/errors";

/** A sheet's hidden rows and columns as predicates over 0-based sheet indexes (runs may repeat a million times). */
export interface OdsSheetVisibility {
  row(r: number): boolean;
  col(c: number): boolean;
}

/** What the pre-pass reads of a sheet: hidden flag, rows and columns, print area, and the print header. */
export type OdsSheet = OdsSheetVisibility & {
  hidden: boolean;
  printArea?: string[];
  pageHeader?: PageHeader;
  /** The master page (page style) its table style names. */
  master?: string;
};

type Runs = Array<[number, number]>;
const inRuns = (runs: Runs) => (x: number) => runs.some(([a, b]) => x >= a && x < b);

const unescapeXml = (s: string) =>
  s.replace(
    /&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi,
    (m, e: string) =>
      (({ lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" }) as Record<string, string>)[
        e.toLowerCase()
      ] ??
      String.fromCodePoint(
        e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
      )
  );

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? unescapeXml(m[1] ?? m[2]) : undefined;
}

/** The white space JavaScript's trim removes and XML does not treat as white space. */
const UNICODE_SPACES = /[\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/g;
/** A paragraph's trailing space, which LibreOffice writes as a plain space (leading ones as <text:s/>). */
const TRAILING_SPACE = / (?=<\/text:p>)/g;
/** Each such space ↔ a character of the supplementary private-use plane A (U+F0000 + its code point). */
const SWAPPED = /[\u{f0020}\u{f00a0}-\u{ffeff}]/gu;
const swapOne = (ch: string) => String.fromCodePoint(0xf0000 + ch.codePointAt(0)!);
const swap = (s: string) => s.replace(UNICODE_SPACES, swapOne).replace(TRAILING_SPACE, swapOne);
const unswap = (s: string) =>
  s.replace(SWAPPED, (ch) => String.fromCodePoint(ch.codePointAt(0)! - 0xf0000));

export interface PreparedOds {
  /** The bytes for SheetJS (the input itself when no text holds such a space). */
  bytes: Uint8Array;
  /** Undoes the swap in a string SheetJS returns (values, sheet names, formulas, number formats). */
  restore: (s: string) => string;
  /** Sheet name (as in the file) → its hidden flag, rows and columns. */
  sheets: Map<string, OdsSheet>;
}

/** A General number style (see the module comment), written by LibreOffice as `<number:number number:min-integer-digits="1"/>`. */
const GENERAL_STYLE =
  /(<number:number-style\b[^>]*[^/]>)\s*<number:number\b(?![^>]*\bnumber:(?:decimal-places|grouping)=)[^>]*\/>\s*(<\/number:number-style>)/g;

/** The CRC-32 of each entry as the zip's central directory records it (APPNOTE 4.3.12); empty when it cannot be found. */
function centralCrcs(b: Uint8Array): Map<string, number> {
  const out = new Map<string, number>();
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 65557); i--)
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) return out;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  for (
    let k = 0;
    k < count && at + 46 <= b.length && view.getUint32(at, true) === 0x02014b50;
    k++
  ) {
    const nameLen = view.getUint16(at + 28, true);
    const name = strFromU8(b.subarray(at + 46, at + 46 + nameLen));
    out.set(name, view.getUint32(at + 16, true));
    at += 46 + nameLen + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

/** Throws when the package or its content.xml cannot be read (the caller names the file damaged). */
export function prepareOds(bytes: Uint8Array): PreparedOds {
  const files = unzipSync(bytes);
  const part = files["content.xml"];
  if (!part) throw new Error("content.xml missing");
  const crcs = centralCrcs(bytes);
  for (const name of ["content.xml", "styles.xml"]) {
    const want = crcs.get(name);
    if (files[name] && want !== undefined && CRC32.buf(files[name]) >>> 0 !== want)
      throw new WorkbookReadError(
        "corrupt",
        `这是 .ods（OpenDocument 电子表格）格式的工作簿，但其中的 ${name} 已损坏（校验和不符），无法读取：请重新获取原文件，或用 LibreOffice 或 WPS 打开修复后另存`
      );
  }
  const xml = strFromU8(part);
  const sheets = visibility(xml);
  const headers = files["styles.xml"] ? masterHeaders(strFromU8(files["styles.xml"])) : new Map();
  for (const [name, sheet] of sheets) {
    const h = headers.get(sheet.master ?? "Default");
    const pageHeader = h && h(name);
    if (pageHeader) sheet.pageHeader = pageHeader;
  }
  const swapSpaces =
    (new RegExp(UNICODE_SPACES.source).test(xml) || new RegExp(TRAILING_SPACE.source).test(xml)) &&
    !new RegExp(SWAPPED.source, "u").test(xml);
  let changed = false;
  const edit = (name: string, f: (t: string) => string) => {
    if (!files[name]) return;
    const before = strFromU8(files[name]);
    const after = f(before);
    if (after !== before) {
      files[name] = strToU8(after);
      changed = true;
    }
  };
  edit("content.xml", (t) => t.replace(GENERAL_STYLE, "$1$2"));
  edit("styles.xml", (t) => t.replace(GENERAL_STYLE, "$1$2"));
  if (swapSpaces) edit("content.xml", swap);
  if (!changed) return { bytes, restore: (s) => s, sheets };
  // Stored (level 0): SheetJS inflates nothing, and `mimetype` stays the first entry.
  return { bytes: zipSync(files, { level: 0 }), restore: swapSpaces ? unswap : (s) => s, sheets };
}

/** An element's content, or "" when it is self-closing or absent (`name` must be followed by space, / or >). */
const element = (xml: string, name: string) =>
  new RegExp(`<${name}(?=[\\s/>])([^>]*?)(?:/>|>([\\s\\S]*?)</${name}>)`).exec(xml);

/**
 * Master page name → its print header for a sheet (styles.xml, ODF 1.2 §16.9-16.11): the first page's
 * (style:header-first, ODF 1.3) when shown, else style:header; its style:region-left / -center / -right, or its
 * paragraphs alone as the centre. Fields as Excel's codes print them: page number and count "#", the sheet name, the
 * rest (date, time, file) nothing. A header with style:display="false" prints nothing.
 */
function masterHeaders(xml: string): Map<string, (sheet: string) => PageHeader | undefined> {
  const out = new Map<string, (sheet: string) => PageHeader | undefined>();
  const re = /<style:master-page\b([^>]*)>([\s\S]*?)<\/style:master-page>/g;
  for (let m; (m = re.exec(xml));) {
    const name = attr(m[1], "style:name");
    const shown = (e: RegExpExecArray | null) =>
      e && attr(e[1], "style:display") !== "false" && e[2] ? e[2] : undefined;
    const body = shown(element(m[2], "style:header-first")) ?? shown(element(m[2], "style:header"));
    if (!name || !body) continue;
    out.set(name, (sheet) => {
      const text = (part: string) =>
        [...part.matchAll(/<text:p\b[^>]*>([\s\S]*?)<\/text:p>/g)]
          .map(([, p]) =>
            unescapeXml(
              p
                .replace(/<text:(page-number|page-count)\b[^>]*?(\/>|>[\s\S]*?<\/text:\1>)/g, "#")
                .replace(/<text:sheet-name\b[^>]*?(\/>|>[\s\S]*?<\/text:sheet-name>)/g, () => sheet)
                .replace(/<text:(date|time|title|file-name)\b[^>]*?(\/>|>[\s\S]*?<\/text:\1>)/g, "")
                .replace(/<text:s\b[^>]*?(?:text:c="(\d+)")?[^>]*\/>/g, (_, n) =>
                  " ".repeat(Number(n ?? 1))
                )
                .replace(/<text:(tab|line-break)\b[^>]*\/>/g, (_, t) => (t === "tab" ? " " : "\n"))
                .replace(/<[^>]*>/g, "")
            )
          )
          .join("\n");
      const region = (side: string) => element(body, `style:region-${side}`)?.[2] ?? "";
      return /<style:region-/.test(body)
        ? plainPageHeader(text(region("left")), text(region("center")), text(region("right")))
        : plainPageHeader("", text(body), "");
    });
  }
  return out;
}

/**
 * SheetJS writes out every repetition of a cell (`table:number-rows-repeated` × `table:number-columns-repeated`): a
 * few bytes of content.xml can stand for a million cells of one value. Above this many cells the file is refused
 * with a Chinese sentence rather than exhausting memory (a budget workbook holds tens of thousands).
 */
export const MAX_EXPANDED_CELLS = 2_000_000;

/** Sheet name → its hidden flag, rows and columns, from content.xml; throws WorkbookReadError when cells repeat past MAX_EXPANDED_CELLS. */
function visibility(xml: string): Map<string, OdsSheet> {
  let expanded = 0;
  let rowRepeat = 1;
  let rowCells = 0;
  const hiddenStyles = new Set<string>();
  // Table style → the master page (page style) it prints with: its header is the sheet's (styles.xml).
  const masters = new Map<string, string>();
  const out = new Map<string, OdsSheet>();
  const re =
    /<(\/?)(style:style|style:table-properties|table:table-row|table:table-column|table:table-cell|table:table)(?=[\s/>])([^>]*)>/g;
  let style: string | undefined;
  let depth = 0;
  let rows: Runs = [];
  let cols: Runs = [];
  let r = 0;
  let c = 0;
  for (let m; (m = re.exec(xml));) {
    const [, close, name, rest] = m;
    const selfClosing = rest.endsWith("/");
    if (name === "style:style") {
      style = close ? undefined : attr(rest, "style:name");
      const master = close ? undefined : attr(rest, "style:master-page-name");
      if (style && master) masters.set(style, master);
    } else if (name === "style:table-properties") {
      if (style && attr(rest, "table:display") === "false") hiddenStyles.add(style);
    } else if (name === "table:table") {
      if (close) {
        depth--;
        continue;
      }
      depth++;
      if (depth !== 1 || selfClosing) {
        if (selfClosing) depth--;
        continue;
      }
      rows = [];
      cols = [];
      r = c = 0;
      const sheet = attr(rest, "table:name") ?? "";
      const styleName = attr(rest, "table:style-name");
      // table:print-ranges (ODF 1.2 §19.698): "'表'.A1:'表'.E20 …", the sheet's print area.
      const ranges = attr(rest, "table:print-ranges")
        ?.split(/\s+/)
        .map((x) => printAreaA1(x.replace(/(?:'(?:[^']|'')*'|[^.:'\s]+)?\./g, "")))
        .filter((x): x is string => !!x);
      out.set(sheet, {
        hidden: !!styleName && hiddenStyles.has(styleName),
        row: inRuns(rows),
        col: inRuns(cols),
        ...(ranges?.length ? { printArea: ranges } : {}),
        ...(styleName && masters.has(styleName) ? { master: masters.get(styleName) } : {}),
      });
    } else if (close && name === "table:table-row" && depth === 1) {
      expanded += rowRepeat * rowCells;
      if (expanded > MAX_EXPANDED_CELLS)
        throw new WorkbookReadError(
          "corrupt",
          `这是 .ods（OpenDocument 电子表格）格式的工作簿，但其中重复的单元格展开后超过 ${MAX_EXPANDED_CELLS / 10000} 万个（工作表第 ${r - rowRepeat + 1} 行起的内容重复了 ${rowRepeat} 行），无法读取：请在 LibreOffice 或 WPS 中删除多余的行列后另存，或重新导出`
        );
    } else if (!close && depth === 1) {
      const hidden = /^(collapse|filter)$/.test(attr(rest, "table:visibility") ?? "");
      if (name === "table:table-cell") {
        // A self-closing cell holds nothing SheetJS keeps (its texts and numbers are in <text:p>).
        if (!selfClosing)
          rowCells += Math.max(
            1,
            parseInt(attr(rest, "table:number-columns-repeated") ?? "1", 10) || 1
          );
      } else if (name === "table:table-row") {
        const n = Math.max(1, parseInt(attr(rest, "table:number-rows-repeated") ?? "1", 10) || 1);
        if (hidden) rows.push([r, r + n]);
        rowRepeat = n;
        rowCells = 0;
        r += n;
      } else {
        const n = Math.max(
          1,
          parseInt(attr(rest, "table:number-columns-repeated") ?? "1", 10) || 1
        );
        if (hidden) cols.push([c, c + n]);
        c += n;
      }
    }
  }
  return out;
}
