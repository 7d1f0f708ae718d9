/**
 * Applying a ReviewPlan to an .xlsx / .xlsm package by editing its parts, not by re-serialising the workbook: every
 * part the review does not touch (charts, pictures, pivot tables, macros, tables, the user's sheets' cells and
 * styles …) is carried over byte for byte. What the review changes:
 * - on a marked sheet: `<conditionalFormatting>` blocks tagged by `markFormula` are added (a previous review's are
 *   removed), and notes starting with NOTE_TAG are added to cells without a note of the user's (comments part and
 *   its VML drawing, created when the sheet has none, extended when it has);
 * - the styles part gains the review's cell formats and mark fills (reused when already present: re-review does not
 *   grow it);
 * - 审核结果 and 预算汇总 are inserted as the first sheets (a previous review's are removed first); defined names
 *   scoped to a sheet follow their sheet; the workbook opens on 审核结果; calcChain.xml (a cache Excel rebuilds) is
 *   dropped when the sheets change.
 * Parts are read with regular expressions over the XML text as Excel, LibreOffice and exceljs write it (unprefixed
 * SpreadsheetML); `reviewPackage` throws PackageShapeError for a package it cannot edit safely, and the caller falls
 * back to another writer. Source: ECMA-376 Part 1, §18.3.1 (worksheet element order), §18.7 (comments), §18.8 (styles).
 */
import { strFromU8, strToU8, unzipSync } from "fflate";
import { cellA1, columnIndex } from "../../core/grid/address";
import { dirOf, relativeTarget, resolveTarget, unescapeXml, type Rel } from "./parts";
import {
  deflateEntry,
  dosTime,
  inflateEntry,
  readZipEntries,
  writeZip,
  type ZipEntry,
} from "./zip";
import {
  isMarkFormula,
  markFormula,
  markRank,
  NOTE_TAG,
  priorityWithoutMarks,
  REVIEW_SHEET_NAMES,
  SHEET_TAG,
  type CellStyle,
  type Mark,
  type PlanCell,
  type PlanSheet,
  type ReviewPlan,
} from "../../core/review/plan";

export class PackageShapeError extends Error {}

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL = {
  worksheet: `${NS_R}/worksheet`,
  comments: `${NS_R}/comments`,
  vml: `${NS_R}/vmlDrawing`,
  calcChain: `${NS_R}/calcChain`,
  styles: `${NS_R}/styles`,
  sharedStrings: `${NS_R}/sharedStrings`,
};
const CT = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
};
/** Worksheet children after conditionalFormatting (§18.3.1.99 CT_Worksheet sequence): new blocks go before the first present. */
const AFTER_CF = [
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];
/** Worksheet children after legacyDrawing. */
const AFTER_LEGACY = [
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];
const NOTE_AUTHOR = "预算审核";

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
/** Characters XML 1.0 does not allow (control characters in a label) are dropped from the text we write. */
const xmlText = (s: string) =>
  // eslint-disable-next-line no-control-regex
  esc(s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ""));
const argb = (hex: string) => `FF${hex.replace(/^#/, "").toUpperCase()}`;
/** Compiled once per attribute name (attr runs for every relationship, comment and style item read). */
const attrPatterns = new Map<string, [RegExp, RegExp]>();
const attr = (tag: string, name: string) => {
  let p = attrPatterns.get(name);
  if (!p)
    attrPatterns.set(
      name,
      (p = [new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`), new RegExp(`\\s${name}\\s*=\\s*'([^']*)'`)])
    );
  return p[0].exec(tag)?.[1] ?? p[1].exec(tag)?.[1];
};

const relsOf = (part: string) =>
  `${part.split("/").slice(0, -1).join("/")}/_rels/${part.split("/").pop()}.rels`;
/** Where the cell data of a worksheet part stands while it is edited as text: its bytes are spliced back unchanged. */
const BODY = '<sheetData r="预算审核:body"/>';
/** Worksheet parts above this size are edited around their `<sheetData>` (a million styled rows stay bytes). */
const CONDENSE_ABOVE = 64 * 1024;

function indexOfBytes(hay: Uint8Array, needle: Uint8Array, from = 0): number {
  for (
    let i = hay.indexOf(needle[0], from);
    i >= 0 && i <= hay.length - needle.length;
    i = hay.indexOf(needle[0], i + 1)
  ) {
    let k = 1;
    while (k < needle.length && hay[i + k] === needle[k]) k++;
    if (k === needle.length) return i;
  }
  return -1;
}
function lastIndexOfBytes(hay: Uint8Array, needle: Uint8Array): number {
  for (
    let i = hay.lastIndexOf(needle[0], hay.length - needle.length);
    i >= 0;
    i = i > 0 ? hay.lastIndexOf(needle[0], i - 1) : -1
  ) {
    let k = 1;
    while (k < needle.length && hay[i + k] === needle[k]) k++;
    if (k === needle.length) return i;
  }
  return -1;
}

/**
 * One part of the package: its zip entry as stored (copied as is when the review leaves the part alone), or only its
 * bytes when the package had to be read the slow way; `data` is inflated on first use.
 */
interface Part {
  entry?: ZipEntry;
  data?: Uint8Array;
}

/** Parts above this size are deflated at level 1 (a million styled rows compress well at any level, and fast). */
const FAST_ABOVE = 4 * 1024 * 1024;

/**
 * The package as text parts on demand; only edited parts are written back (as UTF-8, deflated by Node's zlib), the
 * rest as their original compressed bytes.
 */
class Pkg {
  private cache = new Map<string, string>();
  private dirty = new Map<string, string>();
  private bodies = new Map<string, Uint8Array>();
  constructor(private readonly parts: Map<string, Part>) {}
  has(p: string) {
    return this.parts.has(p) || this.dirty.has(p);
  }
  private bytesOf(p: string): Uint8Array {
    const part = this.parts.get(p);
    if (!part) throw new PackageShapeError(`缺少部件 ${p}`);
    if (!part.data) {
      try {
        part.data = inflateEntry(part.entry!);
      } catch (e) {
        throw new PackageShapeError(`部件 ${p} 无法解压：${(e as Error).message}`);
      }
    }
    const b = part.data;
    // UTF-16 parts and prefixed namespaces are read through a normalised copy; such a package is not edited here.
    if (b.length >= 2 && (b[0] === 0xff || b[0] === 0xfe || b[1] === 0))
      throw new PackageShapeError(`${p} 不是 UTF-8`);
    return b;
  }
  /** The whole part as text (for reading, never edited through this). */
  full(p: string): string {
    return strFromU8(this.bytesOf(p)).replace(/^\ufeff/, "");
  }
  /** The part as text; a large worksheet's cell data stands as BODY (edits never need to look inside it). */
  get(p: string): string {
    let t = this.dirty.get(p) ?? this.cache.get(p);
    if (t === undefined) {
      const b = this.bytesOf(p);
      const start = b.length > CONDENSE_ABOVE ? indexOfBytes(b, strToU8("<sheetData")) : -1;
      const end =
        start >= 0 && b[start + 10] !== 0x2f ? lastIndexOfBytes(b, strToU8("</sheetData>")) : -1;
      if (end > start) {
        this.bodies.set(p, b.subarray(start, end + 12));
        t =
          strFromU8(b.subarray(0, start)).replace(/^\ufeff/, "") +
          BODY +
          strFromU8(b.subarray(end + 12));
      } else t = strFromU8(b).replace(/^\ufeff/, "");
      this.cache.set(p, t);
    }
    return t;
  }
  set(p: string, t: string) {
    this.dirty.set(p, t);
  }
  remove(p: string) {
    this.parts.delete(p);
    this.cache.delete(p);
    this.dirty.delete(p);
    this.bodies.delete(p);
  }
  rels(part: string): Rel[] {
    const p = relsOf(part);
    if (!this.has(p)) return [];
    return [...this.get(p).matchAll(/<Relationship\b[^>]*>/g)].map((m) => ({
      id: attr(m[0], "Id") ?? "",
      type: attr(m[0], "Type") ?? "",
      target: unescapeXml(attr(m[0], "Target") ?? ""),
      external: attr(m[0], "TargetMode") === "External",
    }));
  }
  addRel(part: string, type: string, target: string): string {
    const p = relsOf(part);
    const xml = this.has(p)
      ? this.get(p)
      : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
    const used = new Set([...xml.matchAll(/\sId="([^"]*)"/g)].map((m) => m[1]));
    let n = used.size + 1;
    while (used.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    this.set(
      p,
      xml.replace(
        /<\/Relationships>\s*$/,
        `<Relationship Id="${id}" Type="${type}" Target="${esc(target)}"/></Relationships>`
      )
    );
    return id;
  }
  removeRel(part: string, id: string) {
    const p = relsOf(part);
    if (!this.has(p)) return;
    const xml = this.get(p).replace(new RegExp(`<Relationship\\b[^>]*\\sId="${id}"[^>]*/>`), "");
    // A relationships part left empty goes too (the review created it, or it held only what the review removed).
    if (/<Relationship\b/.test(xml)) this.set(p, xml);
    else this.remove(p);
  }
  setOverride(part: string, type: string | undefined) {
    let xml = this.get("[Content_Types].xml").replace(
      new RegExp(
        `<Override\\b[^>]*PartName="/${part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*/>`,
        "i"
      ),
      ""
    );
    if (type)
      xml = xml.replace(
        /<\/Types>\s*$/,
        `<Override PartName="/${esc(part)}" ContentType="${type}"/></Types>`
      );
    this.set("[Content_Types].xml", xml);
  }
  ensureDefault(ext: string, type: string) {
    const xml = this.get("[Content_Types].xml");
    if (!new RegExp(`<Default\\b[^>]*Extension="${ext}"`, "i").test(xml))
      this.set(
        "[Content_Types].xml",
        xml.replace(
          /<Types\b[^>]*>/,
          (m) => `${m}<Default Extension="${ext}" ContentType="${type}"/>`
        )
      );
  }
  /** Every part name, the ones written in this edit included. */
  names(): string[] {
    return [...new Set([...this.parts.keys(), ...this.dirty.keys()])];
  }
  freePart(pattern: (n: number) => string): string {
    for (let n = 1; ; n++) if (!this.has(pattern(n))) return pattern(n);
  }
  /**
   * The package's bytes: [Content_Types].xml first (as Office writes it), then the parts in their original order, new
   * ones last. A part not edited — or edited back to the text it had — keeps its original zip entry (compressed bytes,
   * CRC, date); an edited one is deflated natively (large cell data spliced back as bytes).
   */
  bytes(): Uint8Array {
    const now = dosTime(new Date());
    const entry = (p: string): ZipEntry => {
      const part = this.parts.get(p);
      const t = this.dirty.get(p);
      if (part?.entry && (t === undefined || t === this.cache.get(p))) return part.entry;
      let data: Uint8Array;
      if (t === undefined) data = part!.data!;
      else {
        const body = this.bodies.get(p);
        if (!body) data = strToU8(t);
        else {
          const at = t.indexOf(BODY);
          const head = strToU8(t.slice(0, at));
          const tail = strToU8(t.slice(at + BODY.length));
          data = new Uint8Array(head.length + body.length + tail.length);
          data.set(head);
          data.set(body, head.length);
          data.set(tail, head.length + body.length);
        }
      }
      return deflateEntry(p, data, data.length > FAST_ABOVE ? 1 : 6, now);
    };
    const names = this.names();
    const ordered = [
      ...names.filter((n) => n === "[Content_Types].xml"),
      ...names.filter((n) => n !== "[Content_Types].xml"),
    ];
    try {
      return writeZip(ordered.map(entry));
    } catch (e) {
      throw e instanceof RangeError ? new PackageShapeError(`工作簿太大（${e.message}）`) : e;
    }
  }
}

/**
 * Inserts `xml` into a worksheet before the first of its children (`before`: names in the CT_Worksheet sequence after
 * sheetData) present, else before </worksheet>. Only the worksheet's own children count: the same names occur
 * nested — an <extLst> inside a user's data-bar or icon-set <cfRule> (Excel 2010+ writes one for each), elements of a
 * <customSheetView> — and anything put there makes the sheet invalid (Excel repairs the file, dropping what it cannot
 * place). The scan starts after sheetData (the worksheet's bulk), every name in `before` coming after it.
 */
export function insertBefore(sheet: string, before: string[], xml: string): string {
  const names = new Set(before);
  const end = sheet.lastIndexOf("</worksheet>");
  if (end < 0) throw new PackageShapeError("工作表 XML 没有 </worksheet>");
  const closed = sheet.indexOf("</sheetData>");
  let from = closed >= 0 ? closed + "</sheetData>".length : 0;
  if (closed < 0) {
    const empty = /<sheetData\s*\/>/.exec(sheet);
    if (empty) from = empty.index + empty[0].length;
  }
  // Depth below <worksheet>: 0 = one of its children starts here.
  let depth = 0;
  const tag =
    /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<(\/?)([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[^>]*?(\/?)>/g;
  tag.lastIndex = from;
  for (let m = tag.exec(sheet); m && m.index < end; m = tag.exec(sheet)) {
    if (m[3] === undefined) continue;
    if (m[1]) depth--;
    else {
      if (depth === 0 && !m[2] && names.has(m[3]))
        return sheet.slice(0, m.index) + xml + sheet.slice(m.index);
      if (!m[4]) depth++;
    }
  }
  return sheet.slice(0, end) + xml + sheet.slice(end);
}

// ---------------------------------------------------------------------------------------------------------------
// Styles: cell formats for the inserted sheets, differential formats (dxf) for the marks. Reused when identical.

class Styles {
  private xml: string;
  constructor(
    private pkg: Pkg,
    private part: string
  ) {
    this.xml = pkg.get(part);
  }
  /** The index of `item` in the `<list>` collection, appended when no identical item is there. */
  private index(list: string, item: string, itemTag: string): number {
    let m = new RegExp(`<${list}\\b[^>]*?(/>|>([\\s\\S]*?)</${list}>)`).exec(this.xml);
    if (!m) {
      this.xml = this.insertList(list, `<${list} count="0"></${list}>`);
      m = new RegExp(`<${list}\\b[^>]*?(/>|>([\\s\\S]*?)</${list}>)`).exec(this.xml)!;
    }
    const body = m[2] ?? "";
    const items = splitItems(body, itemTag);
    const found = items.indexOf(item);
    if (found >= 0) return found;
    const open = /^<[^>]*?(?=\/?>)/.exec(m[0])![0].replace(/\scount="\d+"/, "");
    const rebuilt = `${open} count="${items.length + 1}">${body}${item}</${list}>`;
    this.xml = this.xml.slice(0, m.index) + rebuilt + this.xml.slice(m.index + m[0].length);
    return items.length;
  }
  /** A collection missing from the styles part, at its place in CT_Stylesheet's sequence. */
  private insertList(list: string, xml: string): string {
    const order = [
      "numFmts",
      "fonts",
      "fills",
      "borders",
      "cellStyleXfs",
      "cellXfs",
      "cellStyles",
      "dxfs",
      "tableStyles",
      "colors",
      "extLst",
    ];
    for (const next of order.slice(order.indexOf(list) + 1)) {
      const m = new RegExp(`<${next}[\\s/>]`).exec(this.xml);
      if (m) return this.xml.slice(0, m.index) + xml + this.xml.slice(m.index);
    }
    const end = this.xml.lastIndexOf("</styleSheet>");
    if (end < 0) throw new PackageShapeError("样式部件没有 </styleSheet>");
    return this.xml.slice(0, end) + xml + this.xml.slice(end);
  }
  private numFmt(code: string): number {
    const builtIn: Record<string, number> = {
      General: 0,
      "0": 1,
      "0.00": 2,
      "#,##0": 3,
      "#,##0.00": 4,
      "0%": 9,
      "0.00%": 10,
    };
    if (code in builtIn) return builtIn[code];
    const existing = [...this.xml.matchAll(/<numFmt\b[^>]*\/>/g)].map((m) => ({
      id: Number(attr(m[0], "numFmtId")),
      code: unescapeXml(attr(m[0], "formatCode") ?? ""),
    }));
    const hit = existing.find((x) => x.code === code);
    if (hit) return hit.id;
    const id = Math.max(163, ...existing.map((x) => x.id)) + 1;
    this.index("numFmts", `<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`, "numFmt");
    return id;
  }
  /** cellXfs index of a plan style. */
  /** The workbook's default font (fonts[0]): size and name of a plan font that does not give them. */
  private defaultFont(): { size: string; name: string } {
    const body = /<fonts\b[^>]*>([\s\S]*?)<\/fonts>/.exec(this.xml)?.[1] ?? "";
    const f0 = splitItems(body, "font")[0] ?? "";
    return {
      size: /<sz\b[^>]*val="([^"]*)"/.exec(f0)?.[1] ?? "11",
      name: unescapeXml(/<name\b[^>]*val="([^"]*)"/.exec(f0)?.[1] ?? "宋体"),
    };
  }
  xf(st: CellStyle): number {
    const f = st.font;
    const d = f ? this.defaultFont() : undefined;
    const font = f
      ? `<font>${f.bold ? "<b/>" : ""}${f.italic ? "<i/>" : ""}${f.underline ? '<u val="single"/>' : ""}<sz val="${f.size ?? d!.size}"/>${f.color ? `<color rgb="${argb(f.color)}"/>` : '<color theme="1"/>'}<name val="${esc(f.name ?? d!.name)}"/><charset val="134"/></font>`
      : "";
    const fontId = f ? this.index("fonts", font, "font") : 0;
    const fillId = st.fill
      ? this.index(
          "fills",
          `<fill><patternFill patternType="solid"><fgColor rgb="${argb(st.fill)}"/><bgColor indexed="64"/></patternFill></fill>`,
          "fill"
        )
      : 0;
    const b = st.border;
    const side = (name: string, s?: string) =>
      s
        ? `<${name} style="${s}">${b?.color ? `<color rgb="${argb(b.color)}"/>` : '<color indexed="64"/>'}</${name}>`
        : `<${name}/>`;
    const borderId = b
      ? this.index(
          "borders",
          `<border>${side("left", b.left)}${side("right", b.right)}${side("top", b.top)}${side("bottom", b.bottom)}<diagonal/></border>`,
          "border"
        )
      : 0;
    const numFmtId = this.numFmt(st.numberFormat ?? "General");
    const a = st.alignment;
    const align = a
      ? `<alignment${a.horizontal ? ` horizontal="${a.horizontal}"` : ""}${a.vertical ? ` vertical="${a.vertical === "middle" ? "center" : a.vertical}"` : ""}${a.wrapText ? ' wrapText="1"' : ""}${a.indent ? ` indent="${a.indent}"` : ""}/>`
      : "";
    const applies = `${numFmtId ? ' applyNumberFormat="1"' : ""}${fontId ? ' applyFont="1"' : ""}${fillId ? ' applyFill="1"' : ""}${borderId ? ' applyBorder="1"' : ""}${align ? ' applyAlignment="1"' : ""}`;
    const open = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}`;
    return this.index("cellXfs", align ? `${open}>${align}</xf>` : `${open}/>`, "xf");
  }
  /** dxfs index of a fill (and font colour) for a conditional format. */
  dxf(fill?: string, fontColor?: string): number {
    const font = fontColor ? `<font><color rgb="${argb(fontColor)}"/></font>` : "";
    const f = fill
      ? `<fill><patternFill patternType="solid"><bgColor rgb="${argb(fill)}"/></patternFill></fill>`
      : "";
    return this.index("dxfs", `<dxf>${font}${f}</dxf>`, "dxf");
  }
  save() {
    this.pkg.set(this.part, this.xml);
  }
}

/** Top-level `<tag …>…</tag>` or `<tag …/>` items of a collection body, as written (these collections do not nest). */
function splitItems(body: string, tag: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`<${tag}(?=[\\s/>])`, "g");
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) {
    const gt = body.indexOf(">", m.index);
    if (gt < 0) break;
    const end = body[gt - 1] === "/" ? gt + 1 : body.indexOf(`</${tag}>`, gt) + tag.length + 3;
    if (end < gt) break;
    out.push(body.slice(m.index, end));
    re.lastIndex = end;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The workbook: its sheets, their parts, defined names.

interface SheetEntry {
  name: string;
  sheetId: number;
  rid: string;
  part: string;
  /** The `<sheet …/>` element as written. */
  xml: string;
}

function sheetsOf(pkg: Pkg, wbPart: string): SheetEntry[] {
  const rels = pkg.rels(wbPart);
  return [...pkg.get(wbPart).matchAll(/<sheet\b[^>]*\/>/g)].map((m) => {
    const rid = attr(m[0], "r:id") ?? "";
    const rel = rels.find((r) => r.id === rid);
    return {
      name: unescapeXml(attr(m[0], "name") ?? ""),
      sheetId: Number(attr(m[0], "sheetId")),
      rid,
      part: rel ? resolveTarget(wbPart, rel.target) : "",
      xml: m[0],
    };
  });
}

/** The text of A1 on a sheet part (inline or shared string), to recognize an inserted review sheet. */
function a1Text(pkg: Pkg, part: string, shared: () => string[]): string | undefined {
  if (!pkg.has(part)) return undefined;
  const c = /<c\b[^>]*\br="A1"[^>]*?(?:\/>|>([\s\S]*?)<\/c>)/.exec(pkg.full(part));
  if (!c || !c[1]) return undefined;
  const t = attr(c[0].slice(0, c[0].indexOf(">") + 1), "t");
  if (t === "s") return shared()[Number(/<v>([^<]*)<\/v>/.exec(c[1])?.[1])];
  if (t === "inlineStr")
    return unescapeXml([...c[1].matchAll(/<t\b[^>]*>([^<]*)<\/t>/g)].map((x) => x[1]).join(""));
  if (t === "str") return unescapeXml(/<v>([^<]*)<\/v>/.exec(c[1])?.[1] ?? "");
  return undefined;
}

/** A cell of a sheet's XML: its attributes (1) and its content (2; undefined for an empty `<c …/>`). */
const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
/** A cell's attributes say it holds a shared string's index (t="s"). */
const SHARED_TYPE = /\st="s"/;
/** The shared string's index in such a cell's content. */
const SHARED_INDEX = /<v>(\d+)<\/v>/;

/** The shared-string index of every t="s" cell of a sheet's XML, in order (an index repeats as often as it is used). */
function sharedRefs(xml: string): number[] {
  const out: number[] = [];
  for (const m of xml.matchAll(CELL)) {
    if (m[2] === undefined || !SHARED_TYPE.test(m[1])) continue;
    const v = SHARED_INDEX.exec(m[2]);
    if (v) out.push(Number(v[1]));
  }
  return out;
}

/**
 * Takes out of the shared string table the strings that only the removed sheets used (`removed`: index → number of
 * uses there) and renumbers the t="s" cells of the `kept` sheets — their texts unchanged. Nothing is done when every
 * such string is also used by a kept sheet (a package this writer made: its sheets hold inline strings).
 */
function dropSharedStrings(
  pkg: Pkg,
  wbPart: string,
  kept: SheetEntry[],
  removed: Map<number, number>
): void {
  const rel = pkg.rels(wbPart).find((r) => r.type === REL.sharedStrings);
  if (!rel) return;
  const sstPart = resolveTarget(wbPart, rel.target);
  if (!pkg.has(sstPart)) return;
  const sheets = kept.filter((s) => s.part && pkg.has(s.part)).map((s) => s.part);
  // A large sheet's cells stand condensed in its text (Pkg.get): renumbering them is not done here — the strings stay.
  if (sheets.some((part) => pkg.get(part).includes(BODY))) return;
  const used = new Set<number>();
  for (const part of sheets) for (const i of sharedRefs(pkg.get(part))) used.add(i);
  const orphans = [...removed.keys()].filter((i) => !used.has(i));
  if (!orphans.length) return;
  const sst = pkg.get(sstPart);
  const open = /<sst\b[^>]*>/.exec(sst);
  const close = sst.lastIndexOf("</sst>");
  // CT_Sst holds <si> items and an optional <extLst>: rebuilt only when it holds nothing else to keep.
  if (!open || close < 0 || /<extLst\b/.test(sst)) return;
  const items = splitItems(sst.slice(open.index + open[0].length, close), "si");
  const drop = new Set(orphans.filter((i) => i < items.length));
  if (!drop.size) return;
  const map = new Map<number, number>();
  const left: string[] = [];
  items.forEach((si, i) => {
    if (drop.has(i)) return;
    map.set(i, left.length);
    left.push(si);
  });
  for (const part of sheets) {
    const xml = pkg.get(part);
    const renumbered = xml.replace(CELL, (cell, a: string, body?: string) =>
      body === undefined || !SHARED_TYPE.test(a)
        ? cell
        : cell.replace(SHARED_INDEX, (v, n: string) => `<v>${map.get(Number(n)) ?? n}</v>`)
    );
    if (renumbered !== xml) pkg.set(part, renumbered);
  }
  const uses = [...removed].filter(([i]) => drop.has(i)).reduce((n, [, k]) => n + k, 0);
  let head = open[0].replace(/\suniqueCount="\d+"/, ` uniqueCount="${left.length}"`);
  head = head.replace(
    /\scount="(\d+)"/,
    (_m, n: string) => ` count="${Math.max(0, Number(n) - uses)}"`
  );
  pkg.set(sstPart, sst.slice(0, open.index) + head + left.join("") + sst.slice(close));
}

function sharedStrings(pkg: Pkg, wbPart: string): string[] {
  const rel = pkg.rels(wbPart).find((r) => r.type === REL.sharedStrings);
  if (!rel) return [];
  const xml = pkg.get(resolveTarget(wbPart, rel.target));
  return splitItems(xml, "si").map((si) =>
    unescapeXml(
      [...si.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "").matchAll(/<t\b[^>]*>([^<]*)<\/t>/g)]
        .map((x) => x[1])
        .join("")
    )
  );
}

/** Shifts (or drops) sheet-scoped defined names when sheets are removed and inserted: `map` old index → new index or -1. */
function remapLocalSheetIds(wbXml: string, map: (i: number) => number): string {
  return wbXml.replace(
    /<definedName\b[^>]*>[\s\S]*?<\/definedName>|<definedName\b[^>]*\/>/g,
    (dn) => {
      const id = attr(dn, "localSheetId");
      if (id === undefined) return dn;
      const to = map(Number(id));
      return to < 0 ? "" : dn.replace(/\slocalSheetId="\d+"/, ` localSheetId="${to}"`);
    }
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Notes: the legacy comments part and its VML drawing.

interface NoteParts {
  comments?: { part: string; rid: string };
  vml?: { part: string; rid: string };
}

function noteParts(pkg: Pkg, sheetPart: string): NoteParts {
  const rels = pkg.rels(sheetPart);
  const c = rels.find((r) => r.type === REL.comments && !r.external);
  const sheetXml = pkg.get(sheetPart);
  const legacyId = /<legacyDrawing\b[^>]*\br:id="([^"]*)"/.exec(sheetXml)?.[1];
  const v = rels.find((r) => r.id === legacyId && r.type === REL.vml);
  return {
    comments: c ? { part: resolveTarget(sheetPart, c.target), rid: c.id } : undefined,
    vml: v ? { part: resolveTarget(sheetPart, v.target), rid: v.id } : undefined,
  };
}

function commentText(comment: string): string {
  return unescapeXml(
    [...comment.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "").matchAll(/<t\b[^>]*>([^<]*)<\/t>/g)]
      .map((x) => x[1])
      .join("")
  );
}

/** The VML shape of the note on a cell (0-based row / column). */
function vmlShape(id: number, row: number, col: number): string {
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:288pt;height:120pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>` +
    `<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${row}, 2, ${col + 6}, 15, ${row + 8}, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}

/** Drops our notes (text starting with NOTE_TAG) from a sheet; removes the parts when nothing is left in them. */
function clearNotes(pkg: Pkg, sheetPart: string): number {
  const np = noteParts(pkg, sheetPart);
  if (!np.comments) return 0;
  const xml = pkg.get(np.comments.part);
  const ours = new Set<string>();
  const kept = xml.replace(/<comment\b[^>]*>[\s\S]*?<\/comment>/g, (c) => {
    if (!commentText(c).startsWith(NOTE_TAG)) return c;
    ours.add(attr(c, "ref") ?? "");
    return "";
  });
  const left = /<comment\b/.test(kept);
  if (!ours.size) {
    // Our author left behind by an older version (its notes gone): taken off too.
    const tidy = dropNoteAuthor(xml);
    if (tidy !== xml) pkg.set(np.comments.part, tidy);
    return 0;
  }
  if (left) pkg.set(np.comments.part, dropNoteAuthor(kept));
  else {
    pkg.remove(np.comments.part);
    pkg.removeRel(sheetPart, np.comments.rid);
    pkg.setOverride(np.comments.part, undefined);
  }
  if (np.vml) {
    const cells = new Set(
      [...ours].map((ref) => {
        const m = /^([A-Z]+)(\d+)$/.exec(ref);
        return m ? `${Number(m[2]) - 1}:${columnIndex(m[1])}` : "";
      })
    );
    const vml = pkg.get(np.vml.part).replace(/<v:shape\b[^>]*>[\s\S]*?<\/v:shape>/g, (s) => {
      const note = /ObjectType="Note"/.test(s);
      const r = /<x:Row>(\d+)<\/x:Row>/.exec(s)?.[1];
      const c = /<x:Column>(\d+)<\/x:Column>/.exec(s)?.[1];
      return note && cells.has(`${r}:${c}`) ? "" : s;
    });
    if (/<v:shape\b/.test(vml)) pkg.set(np.vml.part, vml);
    else {
      pkg.remove(np.vml.part);
      pkg.removeRel(sheetPart, np.vml.rid);
      pkg.set(sheetPart, pkg.get(sheetPart).replace(/<legacyDrawing\b[^>]*\/>/, ""));
    }
  }
  return ours.size;
}

/**
 * A comments part without our author (NOTE_AUTHOR) when no comment of that author is left: the `<author>` addNotes
 * appended goes again and the later authors' ids move down by one, so the user's part reads as it did.
 */
function dropNoteAuthor(cx: string): string {
  const list = /(<authors\b[^>]*>)([\s\S]*?)<\/authors>/.exec(cx);
  if (!list) return cx;
  const items = splitItems(list[2], "author");
  const id = items.findIndex(
    (a) => unescapeXml(a.replace(/<\/?author\b[^>]*>/g, "")) === NOTE_AUTHOR
  );
  if (id < 0) return cx;
  const ids = [...cx.matchAll(/<comment\b[^>]*>/g)].map((m) => Number(attr(m[0], "authorId")));
  if (ids.includes(id)) return cx;
  let at = 0;
  for (let i = 0; i < id; i++) at = list[2].indexOf(items[i], at) + items[i].length;
  at = list[2].indexOf(items[id], at);
  const body = list[2].slice(0, at) + list[2].slice(at + items[id].length);
  const start = list.index + list[1].length;
  return (cx.slice(0, start) + body + cx.slice(start + list[2].length)).replace(
    /(<comment\b[^>]*\sauthorId=")(\d+)(?=")/g,
    (m, head: string, n: string) => (Number(n) > id ? `${head}${Number(n) - 1}` : m)
  );
}

/** The next free VML shape-id block (o:idmap data) across the package, and the next free shape id in a drawing. */
function nextIdmap(pkg: Pkg): number {
  let max = 0;
  // Parts created in this edit count too: each new drawing gets its own block of shape ids.
  for (const p of pkg.names())
    if (/\.vml$/i.test(p))
      for (const m of pkg.get(p).matchAll(/<o:idmap\b[^>]*data="([^"]*)"/g))
        for (const n of m[1].split(/[,\s]+/)) max = Math.max(max, Number(n) || 0);
  return max + 1;
}

/** Adds our notes to the cells of a sheet that hold no note of the user's; returns how many cells kept the user's note. */
function addNotes(pkg: Pkg, sheetPart: string, marks: Mark[]): number {
  let np = noteParts(pkg, sheetPart);
  const existing = new Set<string>();
  if (np.comments)
    for (const m of pkg.get(np.comments.part).matchAll(/<comment\b[^>]*>/g))
      existing.add(attr(m[0], "ref") ?? "");
  const todo = marks.filter((m) => !existing.has(m.cell));
  const kept = marks.length - todo.length;
  if (!todo.length) return kept;
  if (!np.comments) {
    const part = pkg.freePart((n) => `xl/comments${n}.xml`);
    pkg.set(
      part,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${NS_MAIN}"><authors></authors><commentList></commentList></comments>`
    );
    pkg.setOverride(part, CT.comments);
    np = {
      ...np,
      comments: {
        part,
        rid: pkg.addRel(sheetPart, REL.comments, relativeTarget(dirOf(sheetPart), part)),
      },
    };
  }
  let cx = pkg.get(np.comments!.part);
  if (!/<authors\b/.test(cx)) cx = cx.replace(/(<comments\b[^>]*>)/, "$1<authors></authors>");
  if (!/<commentList\b[^>]*>/.test(cx))
    cx = cx
      .replace(/<commentList\s*\/>/, "<commentList></commentList>")
      .replace(/<\/comments>\s*$/, (e) =>
        /<commentList\b/.test(cx) ? e : `<commentList></commentList>${e}`
      );
  const authors = splitItems(
    /<authors\b[^>]*>([\s\S]*?)<\/authors>/.exec(cx)?.[1] ?? "",
    "author"
  ).map((a) => unescapeXml(a.replace(/<\/?author>/g, "")));
  let authorId = authors.indexOf(NOTE_AUTHOR);
  if (authorId < 0) {
    authorId = authors.length;
    cx = cx
      .replace(/<authors\s*\/>/, "<authors></authors>")
      .replace("</authors>", `<author>${NOTE_AUTHOR}</author></authors>`);
  }
  const list = todo
    .map(
      (m) =>
        `<comment ref="${m.cell}" authorId="${authorId}"><text><r><rPr><sz val="9"/><rFont val="宋体"/><charset val="134"/></rPr><t xml:space="preserve">${xmlText(m.note)}</t></r></text></comment>`
    )
    .join("");
  cx = cx.replace("</commentList>", `${list}</commentList>`);
  pkg.set(np.comments!.part, cx);
  // The VML drawing Excel needs to show them.
  if (!np.vml) {
    const part = pkg.freePart((n) => `xl/drawings/vmlDrawing${n}.vml`);
    const idmap = nextIdmap(pkg);
    pkg.set(
      part,
      `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
        `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${idmap}"/></o:shapelayout>` +
        `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype></xml>`
    );
    pkg.ensureDefault("vml", CT.vml);
    const rid = pkg.addRel(sheetPart, REL.vml, relativeTarget(dirOf(sheetPart), part));
    let sx = pkg.get(sheetPart);
    if (!/<worksheet\b[^>]*\sxmlns:r="/.test(sx))
      sx = sx.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS_R}"`);
    pkg.set(sheetPart, insertBefore(sx, AFTER_LEGACY, `<legacyDrawing r:id="${rid}"/>`));
    np = { ...np, vml: { part, rid } };
  }
  let vml = pkg.get(np.vml!.part);
  if (!/_x0000_t202/.test(vml))
    vml = vml.replace(
      /<\/xml>\s*$/,
      `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype></xml>`
    );
  const block = Number(/<o:idmap\b[^>]*data="(\d+)/.exec(vml)?.[1] ?? nextIdmap(pkg));
  let id = Math.max(block * 1024, ...[...vml.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1])));
  const shapes = todo.map((m) => {
    const p = /^([A-Z]+)(\d+)$/.exec(m.cell)!;
    return vmlShape(++id, Number(p[2]) - 1, columnIndex(p[1]));
  });
  pkg.set(np.vml!.part, vml.replace(/<\/xml>\s*$/, `${shapes.join("")}</xml>`));
  return kept;
}

// ---------------------------------------------------------------------------------------------------------------
// Marks.

/**
 * The priority attribute of every rule on a sheet: `<cfRule>` blocks and the `<x14:cfRule>` of the sheet's extLst
 * (Excel 2010+ rules share the one numbering). Groups: the tag up to the number's opening quote, the number.
 */
const RULE_PRIORITY = /(<(?:[A-Za-z_][\w.-]*:)?cfRule\b[^>]*?\spriority\s*=\s*")(\d+)(?=")/g;

/**
 * Removes our conditional-format blocks from a sheet's XML and gives the user's rules back the priorities they had
 * before ours were put ahead of them (priorityWithoutMarks).
 */
function clearMarks(xml: string): { xml: string; rules: number } {
  const ours: number[] = [];
  let out = xml.replace(
    /<conditionalFormatting\b[^>]*>[\s\S]*?<\/conditionalFormatting>/g,
    (block) => {
      const formulas = [...block.matchAll(/<formula>([\s\S]*?)<\/formula>/g)].map((m) =>
        unescapeXml(m[1])
      );
      if (!formulas.length || !formulas.every(isMarkFormula)) return block;
      for (const m of block.matchAll(RULE_PRIORITY)) ours.push(Number(m[2]));
      return "";
    }
  );
  if (ours.length)
    out = out.replace(
      RULE_PRIORITY,
      (_m, head: string, p: string) => `${head}${priorityWithoutMarks(Number(p), ours)}`
    );
  return { xml: out, rules: ours.length };
}

/**
 * Our rules ahead of the user's: numbered 1…k in markRank order (one rule per severity × strength), every rule of
 * the user's shifted by k (their order kept), and written first among the sheet's blocks so that readers going by
 * document order see the same.
 */
function addMarks(xml: string, marks: Mark[], styles: Styles): string {
  const groups = new Map<string, Mark[]>();
  for (const m of [...marks].sort((a, b) => markRank(a) - markRank(b))) {
    const k = `${m.severity}:${m.strength}`;
    const g = groups.get(k);
    if (g) g.push(m);
    else groups.set(k, [m]);
  }
  const shifted = xml.replace(
    RULE_PRIORITY,
    (_m, head: string, p: string) => `${head}${Number(p) + groups.size}`
  );
  const blocks = [...groups.values()]
    .map((g, i) => {
      const dxf = styles.dxf(g[0].fill);
      return `<conditionalFormatting sqref="${g.map((m) => m.cell).join(" ")}"><cfRule type="expression" dxfId="${dxf}" priority="${i + 1}"><formula>${esc(markFormula(g[0].severity, g[0].strength))}</formula></cfRule></conditionalFormatting>`;
    })
    .join("");
  // The user's first block is a child of <worksheet> (nested rules are x14:-prefixed, in extLst).
  const first = shifted.search(/<conditionalFormatting\b/);
  if (first >= 0) return shifted.slice(0, first) + blocks + shifted.slice(first);
  return insertBefore(shifted, AFTER_CF, blocks);
}

// ---------------------------------------------------------------------------------------------------------------
// Inserted sheets.

const q = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;
const str = (s: string) => `"${s.replace(/"/g, '""')}"`;

function cellXml(c: PlanCell, s: number | undefined, sheetNames: Set<string>): string {
  const ref = cellA1(c.row, c.col);
  const sa = s ? ` s="${s}"` : "";
  let formula = c.formula;
  let value = c.value;
  if (c.hyperlink && "sheet" in c.hyperlink && sheetNames.has(c.hyperlink.sheet)) {
    // An internal link as a HYPERLINK formula: Excel and LibreOffice follow "#Sheet!A1" within the workbook.
    formula = `HYPERLINK(${str(`#${q(c.hyperlink.sheet)}!${c.hyperlink.cell}`)},${str(String(value ?? ""))})`;
    value = String(value ?? "");
  }
  if (formula !== undefined) {
    const f = `<f>${esc(formula)}</f>`;
    if (typeof value === "number" && Number.isFinite(value))
      return `<c r="${ref}"${sa}>${f}<v>${value}</v></c>`;
    if (typeof value === "boolean")
      return `<c r="${ref}"${sa} t="b">${f}<v>${value ? 1 : 0}</v></c>`;
    if (typeof value === "string")
      return `<c r="${ref}"${sa} t="str">${f}<v>${xmlText(value)}</v></c>`;
    return `<c r="${ref}"${sa}>${f}</c>`;
  }
  if (value === null || value === "") return s ? `<c r="${ref}"${sa}/>` : "";
  if (typeof value === "number")
    return Number.isFinite(value)
      ? `<c r="${ref}"${sa}><v>${value}</v></c>`
      : `<c r="${ref}"${sa}/>`;
  if (typeof value === "boolean") return `<c r="${ref}"${sa} t="b"><v>${value ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${sa} t="inlineStr"><is><t xml:space="preserve">${xmlText(value)}</t></is></c>`;
}

function sheetXml(
  s: PlanSheet,
  planStyles: ReviewPlan["styles"],
  styles: Styles,
  sheetNames: Set<string>,
  selected: boolean
): string {
  const xfOf = new Map<string, number>();
  const xf = (name?: string) => {
    if (!name || !planStyles[name]) return undefined;
    let i = xfOf.get(name);
    if (i === undefined) xfOf.set(name, (i = styles.xf(planStyles[name])));
    return i;
  };
  const rows = new Map<number, PlanCell[]>();
  for (const c of s.cells) {
    const r = rows.get(c.row);
    if (r) r.push(c);
    else rows.set(c.row, [c]);
  }
  const heights = new Map(s.rowHeights.map((h) => [h.row, h.height]));
  for (const r of heights.keys()) if (!rows.has(r)) rows.set(r, []);
  const rowNos = [...rows.keys()].sort((a, b) => a - b);
  const lastRow = Math.max(0, ...rowNos);
  const lastCol = Math.max(0, ...s.cells.map((c) => c.col), ...s.columns.map((c) => c.col));
  const data = rowNos
    .map((r) => {
      const h = heights.get(r);
      const cells = rows
        .get(r)!
        .sort((a, b) => a.col - b.col)
        .map((c) => cellXml(c, xf(c.style), sheetNames))
        .join("");
      return `<row r="${r + 1}"${h ? ` ht="${h}" customHeight="1"` : ""}>${cells}</row>`;
    })
    .join("");
  const { rows: fr, cols: fc } = s.frozen;
  const pane =
    fr || fc
      ? `<pane${fc ? ` xSplit="${fc}"` : ""}${fr ? ` ySplit="${fr}"` : ""} topLeftCell="${cellA1(fr, fc)}" activePane="${fr && fc ? "bottomRight" : fr ? "bottomLeft" : "topRight"}" state="frozen"/>`
      : "";
  const cols = s.columns.length
    ? `<cols>${[...s.columns]
        .sort((a, b) => a.col - b.col)
        .map(
          (c) => `<col min="${c.col + 1}" max="${c.col + 1}" width="${c.width}" customWidth="1"/>`
        )
        .join("")}</cols>`
    : "";
  const merges = s.merges.length
    ? `<mergeCells count="${s.merges.length}">${s.merges.map((m) => `<mergeCell ref="${cellA1(m.r0, m.c0)}:${cellA1(m.r1, m.c1)}"/>`).join("")}</mergeCells>`
    : "";
  const cfs = s.conditionalFormats
    .map((cf, i) => {
      if (cf.type === "dataBar") {
        const lo =
          cf.min !== undefined ? `<cfvo type="num" val="${cf.min}"/>` : '<cfvo type="min"/>';
        const hi =
          cf.max !== undefined ? `<cfvo type="num" val="${cf.max}"/>` : '<cfvo type="max"/>';
        return `<conditionalFormatting sqref="${cf.range}"><cfRule type="dataBar" priority="${i + 1}"><dataBar>${lo}${hi}<color rgb="${argb(cf.color)}"/></dataBar></cfRule></conditionalFormatting>`;
      }
      return `<conditionalFormatting sqref="${cf.range}"><cfRule type="expression" dxfId="${styles.dxf(cf.fill, cf.fontColor)}" priority="${i + 1}"><formula>${esc(cf.formula)}</formula></cfRule></conditionalFormatting>`;
    })
    .join("");
  const p = s.print;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}">` +
    `<sheetPr>${s.tabColor ? `<tabColor rgb="${argb(s.tabColor)}"/>` : ""}${p?.fitToWidth ? '<pageSetUpPr fitToPage="1"/>' : ""}</sheetPr>` +
    `<dimension ref="A1:${cellA1(lastRow, lastCol)}"/>` +
    `<sheetViews><sheetView showGridLines="0"${selected ? ' tabSelected="1"' : ""} workbookViewId="0">${pane}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>${data}</sheetData>` +
    (s.autoFilter ? `<autoFilter ref="${s.autoFilter}"/>` : "") +
    merges +
    cfs +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    (p
      ? `<pageSetup paperSize="9" orientation="${p.orientation}"${p.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ""}/>`
      : "") +
    `</worksheet>`
  );
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * The package's parts from its central directory (compressed bytes, nothing inflated); a zip the directory reader
 * does not take (see zip.ts) is inflated whole by fflate instead, and then every part is deflated again on writing.
 */
function packageParts(bytes: Uint8Array): Map<string, Part> {
  const entries = readZipEntries(bytes);
  if (entries) return new Map(entries.map((e) => [e.name, { entry: e }]));
  try {
    return new Map(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, { data }]));
  } catch (e) {
    throw new PackageShapeError(`不是可读的 zip：${(e as Error).message}`);
  }
}

/**
 * True when the workbook holds review sheets this product wrote (审核结果 / 预算汇总 with the product's tag in A1): a
 * reviewed copy or a separate review workbook of ours, which a new review may replace. False for anything else,
 * unreadable files included (never replaced). Reads the zip directory, the workbook part and the A1 of those sheets.
 */
export function hasReviewSheets(bytes: Uint8Array): boolean {
  try {
    const pkg = new Pkg(packageParts(bytes));
    const wbRel = [...pkg.get("_rels/.rels").matchAll(/<Relationship\b[^>]*>/g)]
      .map((m) => ({ type: attr(m[0], "Type") ?? "", target: attr(m[0], "Target") ?? "" }))
      .find((r) => /\/officeDocument$/.test(r.type));
    if (!wbRel) return false;
    const wbPart = resolveTarget("", wbRel.target);
    let shared: string[] | undefined;
    const sharedOnce = () => (shared ??= sharedStrings(pkg, wbPart));
    return sheetsOf(pkg, wbPart).some(
      (sh) =>
        (REVIEW_SHEET_NAMES as readonly string[]).includes(sh.name) &&
        (a1Text(pkg, sh.part, sharedOnce) ?? "").startsWith(SHEET_TAG)
    );
  } catch {
    return false;
  }
}

export interface PackageReviewResult {
  bytes: Uint8Array;
  /** Marked cells that kept the user's own note (and got none of ours). */
  notesKept: number;
  /** What a previous review left and this one took off. */
  cleared: { sheets: number; rules: number; notes: number };
  /**
   * Sheets protected by the user (<sheetProtection sheet="1">): left as they are, without marks or notes (only the
   * password could take them off again), as the add-in leaves them. In the workbook's order.
   */
  protectedSheets: string[];
}

/** A sheet protected against editing: its <sheetProtection> says sheet="1" (or "true"). */
const isProtected = (xml: string) => /<sheetProtection\b[^>]*\ssheet="(?:1|true)"/.test(xml);

/**
 * Applies `plan` to the package `bytes` (.xlsx or .xlsm): clears a previous review, inserts the plan's sheets first,
 * marks the cells and adds the notes. Returns the new package; the input array is not modified. A plan without
 * marks and sheets takes a previous review off. Throws PackageShapeError when the package is not one it can edit
 * (prefixed or UTF-16 XML, no workbook part …): the caller writes the review sheets separately then.
 */
export function reviewPackage(
  bytes: Uint8Array,
  plan: Pick<ReviewPlan, "marks" | "sheets" | "styles">
): PackageReviewResult {
  const pkg = new Pkg(packageParts(bytes));
  const wbRel = (
    pkg.has("_rels/.rels") ? [...pkg.get("_rels/.rels").matchAll(/<Relationship\b[^>]*>/g)] : []
  )
    .map((m) => ({
      type: attr(m[0], "Type") ?? "",
      target: attr(m[0], "Target") ?? "",
    }))
    .find((r) => /\/officeDocument$/.test(r.type));
  if (!wbRel) throw new PackageShapeError("找不到工作簿部件");
  const wbPart = resolveTarget("", wbRel.target);
  let wbXml = pkg.get(wbPart);
  if (
    !/<workbook\b[^>]*xmlns="http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main"/.test(
      wbXml
    ) ||
    !/xmlns:r="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.test(
      wbXml
    )
  )
    throw new PackageShapeError("工作簿 XML 的命名空间不是常见写法");
  // A structure locked by a password: sheets inserted now could be taken out again only with it.
  if (plan.sheets.length && /<workbookProtection\b[^>]*\slockStructure="(?:1|true)"/.test(wbXml))
    throw new PackageShapeError("工作簿结构受保护，不能插入审核表");
  const stylesRel = pkg.rels(wbPart).find((r) => r.type === REL.styles);
  if (!stylesRel) throw new PackageShapeError("工作簿没有样式部件");
  const styles = new Styles(pkg, resolveTarget(wbPart, stylesRel.target));
  const cleared = { sheets: 0, rules: 0, notes: 0 };

  // 1. A previous review's sheets.
  let shared: string[] | undefined;
  const sharedOnce = () => (shared ??= sharedStrings(pkg, wbPart));
  const before = sheetsOf(pkg, wbPart);
  const ours = before.filter(
    (s) =>
      (REVIEW_SHEET_NAMES as readonly string[]).includes(s.name) &&
      (a1Text(pkg, s.part, sharedOnce) ?? "").startsWith(SHEET_TAG)
  );
  // Shared strings only our sheets used (a copy re-saved by LibreOffice or Excel keeps one table for every sheet): taken
  // off with them, or the review's text would stay in the package of a copy whose review was cleared.
  const ourStrings = new Map<number, number>();
  for (const s of ours)
    if (s.part && pkg.has(s.part))
      for (const i of sharedRefs(pkg.full(s.part))) ourStrings.set(i, (ourStrings.get(i) ?? 0) + 1);
  for (const s of ours) {
    wbXml = wbXml.replace(s.xml, "");
    pkg.removeRel(wbPart, s.rid);
    for (const r of pkg.rels(s.part))
      if (!r.external) {
        pkg.remove(resolveTarget(s.part, r.target));
        pkg.setOverride(resolveTarget(s.part, r.target), undefined);
      }
    pkg.remove(relsOf(s.part));
    pkg.remove(s.part);
    pkg.setOverride(s.part, undefined);
    cleared.sheets++;
  }
  const kept = before.filter((s) => !ours.includes(s));
  if (ourStrings.size) dropSharedStrings(pkg, wbPart, kept, ourStrings);
  // Marks name sheets: a package whose names the reader had to change (duplicates) cannot take them here.
  if (new Set(kept.map((s) => s.name)).size !== kept.length)
    throw new PackageShapeError("工作簿中有同名工作表");
  // A sheet of the user's own that bears a review sheet's name (Excel compares names without case) is never replaced,
  // and two sheets of one name would make Excel repair the file: the review sheets go to a workbook of their own.
  const taken = plan.sheets.find((p) =>
    kept.some((s) => s.name.toLowerCase() === p.name.toLowerCase())
  );
  if (taken)
    throw new PackageShapeError(
      `原工作簿中已有名为“${taken.name}”的工作表（不是本工具生成的），审核表不能同名插入`
    );
  const missing = plan.marks.find((m) => !kept.some((s) => s.name === m.sheet));
  if (missing) throw new PackageShapeError(`找不到工作表“${missing.sheet}”`);
  const oldIndex = new Map(before.map((s, i) => [s, i]));
  const newIndexOfOld = new Map(kept.map((s, i) => [oldIndex.get(s)!, i + plan.sheets.length]));
  wbXml = remapLocalSheetIds(wbXml, (i) => newIndexOfOld.get(i) ?? -1);

  // 2. On the user's sheets: our old marks and notes off, the new ones on; tab selection moves to 审核结果.
  let notesKept = 0;
  const protectedSheets: string[] = [];
  const marksBySheet = new Map<string, Mark[]>();
  for (const m of plan.marks) {
    const same = marksBySheet.get(m.sheet);
    if (same) same.push(m);
    else marksBySheet.set(m.sheet, [m]);
  }
  for (const s of kept) {
    if (!s.part || !pkg.has(s.part)) continue;
    if (!/\/worksheets\//.test(s.part) && !/<worksheet\b/.test(pkg.get(s.part).slice(0, 2000)))
      continue;
    if (isProtected(pkg.get(s.part))) {
      if (marksBySheet.has(s.name)) protectedSheets.push(s.name);
      // Only the tab selection moves (a view setting, as clicking another tab does): never two tabs selected.
      const view = pkg.get(s.part);
      const unselected = plan.sheets.length
        ? view.replace(/(<sheetView\b[^>]*?)\stabSelected="(?:1|true)"/g, "$1")
        : view;
      if (unselected !== view) pkg.set(s.part, unselected);
      continue;
    }
    cleared.notes += clearNotes(pkg, s.part);
    const c = clearMarks(pkg.get(s.part));
    cleared.rules += c.rules;
    let xml = c.xml;
    const marks = marksBySheet.get(s.name) ?? [];
    if (marks.length && !/<worksheet\b/.test(xml))
      throw new PackageShapeError(`工作表“${s.name}”的 XML 不是常见写法`);
    if (marks.length) xml = addMarks(xml, marks, styles);
    if (plan.sheets.length)
      xml = xml.replace(/(<sheetView\b[^>]*?)\stabSelected="(?:1|true)"/g, "$1");
    if (xml !== pkg.get(s.part)) pkg.set(s.part, xml);
    if (marks.length) notesKept += addNotes(pkg, s.part, marks);
  }

  // Our sheets taken off and none put back: the workbook opens on its first sheet again (below), whose tab is the
  // selected one, as it was before the review took the selection to 审核结果.
  if (ours.length && !plan.sheets.length) {
    const worksheets = kept.filter((s) => s.part && pkg.has(s.part));
    const first = worksheets[0];
    if (
      first &&
      !worksheets.some((s) => /<sheetView\b[^>]*\stabSelected="(?:1|true)"/.test(pkg.get(s.part)))
    ) {
      // A view that says tabSelected="0" / "false" (LibreOffice writes it) gets its value changed, never a second one.
      const xml = pkg
        .get(first.part)
        .replace(/<sheetView(?=[\s>/])[^>]*>/, (tag) =>
          /\stabSelected="[^"]*"/.test(tag)
            ? tag.replace(/\stabSelected="[^"]*"/, ' tabSelected="1"')
            : tag.replace(/^<sheetView/, '<sheetView tabSelected="1"')
        );
      if (xml !== pkg.get(first.part)) pkg.set(first.part, xml);
    }
  }

  // 3. The plan's sheets, first in the workbook.
  const maxId = Math.max(0, ...kept.map((s) => s.sheetId));
  const names = new Set([...kept.map((s) => s.name), ...plan.sheets.map((s) => s.name)]);
  const added = plan.sheets.map((s, i) => {
    const part = pkg.freePart((n) => `xl/worksheets/sheet${n}.xml`);
    pkg.set(part, sheetXml(s, plan.styles, styles, names, i === 0));
    pkg.setOverride(part, CT.worksheet);
    const rid = pkg.addRel(wbPart, REL.worksheet, relativeTarget(dirOf(wbPart), part));
    return `<sheet name="${esc(s.name)}" sheetId="${maxId + i + 1}" r:id="${rid}"/>`;
  });
  if (added.length) {
    wbXml = /<sheets\s*\/>/.test(wbXml)
      ? wbXml.replace(/<sheets\s*\/>/, `<sheets>${added.join("")}</sheets>`)
      : wbXml.replace(/<sheets\b[^>]*>/, (m) => `${m}${added.join("")}`);
    // AutoFilter ranges as Excel records them (a hidden, sheet-scoped name).
    const filters = plan.sheets.flatMap((s, i) =>
      s.autoFilter
        ? [
            `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${esc(q(s.name))}!${s.autoFilter.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}</definedName>`,
          ]
        : []
    );
    if (filters.length)
      wbXml = /<definedNames\b[^>]*>/.test(wbXml)
        ? wbXml.replace(/<definedNames\b[^>]*>/, (m) => `${m}${filters.join("")}`)
        : insertAfterSheets(wbXml, `<definedNames>${filters.join("")}</definedNames>`);
  }
  if (added.length || ours.length) {
    // Open on the first sheet; the sheet order changed, so Excel's calculation chain (a cache) is rebuilt.
    wbXml = wbXml.replace(/<workbookView\b[^>]*?\/?>/, (v) =>
      v
        .replace(/\s(activeTab|firstSheet)="\d+"/g, "")
        .replace(/<workbookView/, '<workbookView activeTab="0"')
    );
    const calc = pkg.rels(wbPart).find((r) => r.type === REL.calcChain);
    if (calc) {
      const part = resolveTarget(wbPart, calc.target);
      pkg.remove(part);
      pkg.setOverride(part, undefined);
      pkg.removeRel(wbPart, calc.id);
    }
  }
  wbXml = wbXml.replace(/<definedNames>\s*<\/definedNames>/, "");
  pkg.set(wbPart, wbXml);
  styles.save();
  return { bytes: pkg.bytes(), notesKept, cleared, protectedSheets };
}

function insertAfterSheets(wbXml: string, xml: string): string {
  const end = wbXml.indexOf("</sheets>");
  if (end < 0) throw new PackageShapeError("工作簿没有 <sheets>");
  const at = end + "</sheets>".length;
  // functionGroups / externalReferences come between sheets and definedNames (§18.2.27).
  const ext = /<\/externalReferences>|<externalReferences\s*\/>/.exec(wbXml.slice(at));
  const pos = ext ? at + ext.index + ext[0].length : at;
  return wbXml.slice(0, pos) + xml + wbXml.slice(pos);
}
