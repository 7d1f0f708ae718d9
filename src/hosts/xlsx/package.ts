/**
 * A pre-pass over the file's bytes before exceljs reads it: tells what the file is (OOXML workbook, OpenDocument,
 * legacy .xls, an encrypted workbook, a truncated or damaged zip, a Word file …) in one Chinese sentence, and
 * normalises what Excel opens but exceljs 4.4.0 falls over on — `x:`-prefixed XML (.NET Open XML SDK), UTF-16 parts,
 * chart sheets, absolute relationship targets, duplicate sheet names. The cells are all the review needs; the user's
 * file is never modified (this works on a copy in memory).
 */
import * as zlib from "zlib";
import { strFromU8, strToU8, unzipSync, type Unzipped } from "fflate";
import * as CFB from "cfb";
import { SaxesParser } from "saxes";
import { WorkbookReadError } from "./errors";
import { describeNotWorkbook } from "./not-workbook";
import { dirOf, relativeTarget, resolveTarget, unescapeXml, type Rel } from "./parts";
import { dosTime, inflateEntry, readZipEntries, storedEntry, writeZip, type ZipEntry } from "./zip";

const NS = {
  main: [
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",
  ],
  rels: "http://schemas.openxmlformats.org/package/2006/relationships",
  types: "http://schemas.openxmlformats.org/package/2006/content-types",
};
const REL_CHARTSHEET = /\/chartsheet$/;
const REL_SHARED_STRINGS = /\/sharedStrings$/;
const REL_OFFICE_DOCUMENT = /\/officeDocument$/;

export interface NormalisedPackage {
  /** The bytes for exceljs (the input itself when nothing needed normalising). */
  bytes: Uint8Array;
  /** Chinese sentences about what was repaired and may matter to the reviewer. */
  notices: string[];
  /** Sheet names as listed in the workbook (after renaming duplicates), for naming a broken part. */
  sheets: Array<{ name: string; part: string }>;
  /**
   * The workbook asks to be recalculated when opened (<calcPr fullCalcOnLoad="1">, as Apache POI's
   * setForceFormulaRecalculation and scripts write it): Excel shows its formulas' new results, not the stored ones.
   */
  recalcOnLoad?: boolean;
}

export function isCfb(b: Uint8Array) {
  return b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
}
export function isZip(b: Uint8Array) {
  return (
    b.length >= 4 &&
    b[0] === 0x50 &&
    b[1] === 0x4b &&
    (b[2] === 3 || b[2] === 5) &&
    (b[3] === 4 || b[3] === 6)
  );
}

/** A legacy Compound File: an encrypted OOXML workbook, an Excel 97-2003 workbook, or another Office file. */
export function describeCfb(b: Uint8Array): WorkbookReadError {
  let names: string[];
  try {
    names = CFB.read(Buffer.from(b), { type: "buffer" }).FullPaths.map(
      (p) => p.replace(/\/$/, "").split("/").pop() ?? ""
    );
  } catch (e) {
    return new WorkbookReadError(
      "corrupt",
      "文件是 Office 旧版复合文档格式，但结构已损坏，无法读取",
      e
    );
  }
  const has = (n: string) => names.some((x) => x.toLowerCase() === n.toLowerCase());
  if (has("EncryptionInfo") || has("EncryptedPackage"))
    return new WorkbookReadError(
      "encrypted",
      "工作簿设置了打开密码（已加密），请在 Excel 中用密码打开，在“文件 › 信息 › 保护工作簿 › 用密码进行加密”中清除密码并保存后再审核"
    );
  if (has("Workbook") || has("Book"))
    return new WorkbookReadError(
      "legacy_xls",
      "这是旧版 Excel 97-2003 工作簿（.xls），请在 Excel 或 WPS 中打开后另存为“Excel 工作簿（.xlsx）”再审核"
    );
  if (has("WordDocument"))
    return new WorkbookReadError("not_xlsx", "这是 Word 文档，不是 Excel 工作簿");
  if (has("PowerPoint Document"))
    return new WorkbookReadError("not_xlsx", "这是 PowerPoint 演示文稿，不是 Excel 工作簿");
  return new WorkbookReadError("not_xlsx", "文件是 Office 旧版复合文档，但不是 Excel 工作簿");
}

/** The end-of-central-directory record sits in the last 64 KiB + 22 bytes; without it the zip was cut short. */
function hasEndOfCentralDirectory(b: Uint8Array): boolean {
  for (let i = b.length - 22; i >= Math.max(0, b.length - 65557); i--)
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 5 && b[i + 3] === 6) return true;
  return false;
}

/** XML bytes → text: UTF-8 (with or without BOM) or UTF-16 (BOM, or '<' followed by a zero byte). */
function decodeXml(b: Uint8Array): { text: string; recoded: boolean } {
  if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0x3c && b[1] === 0)))
    return { text: new TextDecoder("utf-16le").decode(b), recoded: true };
  if (b.length >= 2 && ((b[0] === 0xfe && b[1] === 0xff) || (b[0] === 0 && b[1] === 0x3c)))
    return { text: new TextDecoder("utf-16be").decode(b), recoded: true };
  return { text: strFromU8(b), recoded: false };
}

/** The root element's prefix when it is bound to a namespace the readers expect as the default one. */
function rootPrefix(xml: string): string | undefined {
  const root = /<([A-Za-z_][\w.-]*):[A-Za-z_][\w.-]*[\s/>]/.exec(
    xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, "")
  );
  if (!root) return undefined;
  const p = root[1];
  const ns = new RegExp(`xmlns:${p}\\s*=\\s*["']([^"']+)["']`).exec(xml)?.[1];
  return ns && (NS.main.includes(ns) || ns === NS.rels || ns === NS.types) ? p : undefined;
}

/** `<x:worksheet xmlns:x="…main">…</x:worksheet>` → the same document with the main namespace as the default one. */
function unprefix(xml: string, p: string): string {
  const esc = p.replace(/[.-]/g, "\\$&");
  let out = xml.replace(new RegExp(`<(/?)${esc}:`, "g"), "<$1");
  const hasDefault = /<[A-Za-z_][\w.-]*[^>]*\sxmlns\s*=/.test(out.slice(0, 4000));
  out = out.replace(
    new RegExp(`\\sxmlns:${esc}(\\s*=\\s*["'][^"']*["'])`),
    hasDefault ? "" : " xmlns$1"
  );
  return out;
}

/** The part a .rels file describes: xl/_rels/workbook.xml.rels → xl/workbook.xml; _rels/.rels → the package root. */
function sourceOfRels(relsPart: string): string {
  return relsPart.replace(/_rels\/([^/]*)\.rels$/, "$1");
}

function readRels(xml: string): Rel[] {
  const out: Rel[] = [];
  for (const m of xml.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const attr = (n: string) =>
      new RegExp(`\\b${n}\\s*=\\s*"([^"]*)"|\\b${n}\\s*=\\s*'([^']*)'`).exec(m[1]);
    const get = (n: string) => {
      const a = attr(n);
      return a ? (a[1] ?? a[2]) : "";
    };
    out.push({
      id: get("Id"),
      type: get("Type"),
      target: get("Target"),
      external: /External/i.test(get("TargetMode")),
    });
  }
  return out;
}

const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

const CORRUPT = "文件的压缩结构已损坏，无法读取，请用 Excel 打开修复后另存";
/** Compressed bytes inflated to read a part's start (its encoding and root element's name; XML compresses 5–20 : 1). */
const HEAD = 256;

/**
 * The package's parts, each inflated by Node's zlib only when asked for (from the zip's central directory); a zip the
 * directory reader does not take (zip64, data descriptors that disagree …, see zip.ts) is inflated whole by fflate.
 */
export class PackageParts {
  private data = new Map<string, Uint8Array>();
  private constructor(private entries: Map<string, ZipEntry | undefined>) {}
  static of(input: Uint8Array): PackageParts {
    const entries = readZipEntries(input);
    if (entries) return new PackageParts(new Map(entries.map((e) => [e.name, e])));
    let files: Unzipped;
    try {
      files = unzipSync(input);
    } catch (e) {
      throw new WorkbookReadError("corrupt", CORRUPT, e);
    }
    const parts = new PackageParts(new Map(Object.keys(files).map((n) => [n, undefined])));
    for (const [n, b] of Object.entries(files)) parts.data.set(n, b);
    return parts;
  }
  names(): string[] {
    return [...this.entries.keys()];
  }
  has(p: string): boolean {
    return this.entries.has(p);
  }
  /** The part's bytes, undefined when absent; throws WorkbookReadError when it does not inflate. */
  get(p: string): Uint8Array | undefined {
    let b = this.data.get(p);
    if (b) return b;
    const e = this.entries.get(p);
    if (!e) return undefined;
    try {
      b = inflateEntry(e);
    } catch (err) {
      throw new WorkbookReadError("corrupt", CORRUPT, err);
    }
    this.data.set(p, b);
    return b;
  }
  /** The part's first bytes (at least a few KiB unless the part is shorter; all of it once inflated). */
  head(p: string): Uint8Array | undefined {
    const e = this.entries.get(p);
    if (this.data.has(p) || !e || e.method !== 8 || e.raw.length <= HEAD) return this.get(p);
    try {
      // Z_SYNC_FLUSH: what the first compressed bytes decode to, without asking for the rest of the stream.
      return zlib.inflateRawSync(e.raw.subarray(0, HEAD), {
        finishFlush: zlib.constants.Z_SYNC_FLUSH,
      });
    } catch {
      return this.get(p);
    }
  }
  delete(p: string) {
    this.entries.delete(p);
    this.data.delete(p);
  }
  /**
   * The package with `text` parts replacing theirs (stored uncompressed: exceljs inflates at once what it reads),
   * the other parts copied as their compressed entries.
   */
  bytes(text: Map<string, string>): Uint8Array {
    const now = dosTime(new Date());
    return writeZip(
      this.names().map((p) => {
        const t = text.get(p);
        const e = this.entries.get(p);
        if (t === undefined && e) return e;
        return storedEntry(p, t === undefined ? this.get(p)! : strToU8(t), now);
      })
    );
  }
}

/** Recognises the file and opens its package; throws WorkbookReadError naming the cause. */
export function openPackage(input: Uint8Array): PackageParts {
  if (isCfb(input)) throw describeCfb(input);
  if (input.length === 0)
    throw new WorkbookReadError(
      "not_xlsx",
      "文件是空的（0 字节），没有可读的内容：请重新获取原文件"
    );
  if (!isZip(input)) throw describeNotWorkbook(input);
  if (!hasEndOfCentralDirectory(input))
    throw new WorkbookReadError(
      "truncated",
      "文件不完整（可能在下载或复制时被截断），无法读取，请重新获取原文件"
    );
  const files = PackageParts.of(input);
  const m = files.get("mimetype");
  const mimetype = m ? strFromU8(m).trim() : "";
  if (mimetype.startsWith("application/vnd.oasis.opendocument.spreadsheet"))
    throw new WorkbookReadError(
      "opendocument",
      "这是 OpenDocument 电子表格（.ods），请在 WPS、LibreOffice 或 Excel 中打开，另存为“Excel 工作簿（.xlsx）”后再审核"
    );
  if (mimetype.startsWith("application/vnd.oasis.opendocument"))
    throw new WorkbookReadError("opendocument", "这是 OpenDocument 文档，不是电子表格，无法审核");
  return files;
}

/** Whether the first element of an XML part's start is unprefixed (`<worksheet …`): then rootPrefix has nothing to do. */
function unprefixedRoot(head: string): boolean {
  const rest = head
    .replace(/^\ufeff/, "")
    .replace(/^(\s*(<\?[\s\S]*?\?>|<!--[\s\S]*?-->))*\s*/, "");
  return /^<[A-Za-z_][\w.-]*[\s/>]/.test(rest);
}

/**
 * Normalises an OOXML package for exceljs: see the module comment. Returns the input bytes untouched when nothing
 * needed normalising.
 */
export function normalisePackage(
  input: Uint8Array,
  opts: { cellsOnly?: boolean } = {}
): NormalisedPackage {
  const files = openPackage(input);
  const notices: string[] = [];
  let changed = false;
  const text = new Map<string, string>();
  const xmlPart = (p: string) => /\.(xml|rels|vml)$/i.test(p);
  for (const p of files.names()) {
    if (!xmlPart(p)) continue;
    // Most parts are UTF-8 with an unprefixed root: their first bytes tell, the rest is not inflated here.
    const head = files.head(p)!;
    if (
      !(head.length >= 2 && (head[0] === 0xff || head[0] === 0xfe || head[1] === 0)) &&
      unprefixedRoot(strFromU8(head))
    )
      continue;
    const decoded = decodeXml(files.get(p)!);
    const recoded = decoded.recoded;
    let t = decoded.text;
    if (recoded)
      t = t.replace(/^(\ufeff)?(<\?xml[^>]*?encoding\s*=\s*["'])[^"']*(["'])/i, "$2UTF-8$3");
    const prefix = rootPrefix(t);
    if (prefix) t = unprefix(t, prefix);
    if (recoded || prefix) {
      text.set(p, t);
      changed = true;
    }
  }
  const get = (p: string): string | undefined => {
    const t = text.get(p);
    if (t !== undefined) return t;
    const b = files.get(p);
    return b ? strFromU8(b) : undefined;
  };
  const set = (p: string, t: string) => {
    text.set(p, t);
    changed = true;
  };

  const rootRels = readRels(get("_rels/.rels") ?? "");
  const wbTarget = rootRels.find((r) => REL_OFFICE_DOCUMENT.test(r.type));
  const wbPart = wbTarget ? resolveTarget("", wbTarget.target) : "xl/workbook.xml";
  if (!files.has(wbPart)) {
    if (files.has("word/document.xml"))
      throw new WorkbookReadError("not_xlsx", "这是 Word 文档（.docx），不是 Excel 工作簿");
    if (files.has("ppt/presentation.xml"))
      throw new WorkbookReadError(
        "not_xlsx",
        "这是 PowerPoint 演示文稿（.pptx），不是 Excel 工作簿"
      );
    throw new WorkbookReadError(
      "not_xlsx",
      `是压缩包，但不是 Excel 工作簿（缺少工作簿部件 ${wbPart}）`
    );
  }
  if (wbPart !== "xl/workbook.xml")
    throw new WorkbookReadError(
      "not_xlsx",
      `工作簿部件位于非标准位置（${wbPart}），请在 Excel 中打开后另存为 .xlsx`
    );

  // Absolute relationship targets (/xl/…) → relative ones, as exceljs resolves them.
  for (const p of files.names()) {
    if (!/\.rels$/i.test(p)) continue;
    const xml = get(p)!;
    let fixed = false;
    const out = xml.replace(
      /(<Relationship\b[^>]*?\bTarget\s*=\s*")(\/[^"]*)(")/g,
      (m, a: string, t: string, z: string) => {
        if (/TargetMode\s*=\s*"External"/i.test(m)) return m;
        fixed = true;
        return (
          a +
          (p === "_rels/.rels" ? t.slice(1) : relativeTarget(dirOf(sourceOfRels(p)), t.slice(1))) +
          z
        );
      }
    );
    if (fixed) set(p, out);
  }

  const wbRelsPart = "xl/_rels/workbook.xml.rels";
  const rels = readRels(get(wbRelsPart) ?? "");
  let wb = get(wbPart)!;
  const sheets: NormalisedPackage["sheets"] = [];
  const seen = new Map<string, number>();
  const dropped = new Set<string>();
  wb = wb.replace(/<sheet\b([^>]*?)\/?>(?:\s*<\/sheet>)?/g, (el, attrs: string) => {
    const nameM = /\bname\s*=\s*"([^"]*)"/.exec(attrs);
    const idM = /\br:id\s*=\s*"([^"]*)"|\b[\w.-]+:id\s*=\s*"([^"]*)"/.exec(attrs);
    const name = unescapeXml(nameM?.[1] ?? "");
    const rel = rels.find((r) => r.id === (idM?.[1] ?? idM?.[2]));
    // Chart sheets hold no cells; exceljs 4.4.0 cannot read them (nor their drawings).
    if (rel && REL_CHARTSHEET.test(rel.type)) {
      dropped.add(resolveTarget(sourceOfRels(wbRelsPart), rel.target));
      changed = true;
      return "";
    }
    const part = rel ? resolveTarget(sourceOfRels(wbRelsPart), rel.target) : "";
    if (!rel || !files.has(part))
      throw new WorkbookReadError(
        "sheet_missing",
        `工作表“${name}”的数据部件${part ? `（${part}）` : ""}在文件中缺失，文件已损坏：请用 Excel 打开修复后另存，或重新导出`
      );
    // Excel compares sheet names case-insensitively and repairs duplicates on opening.
    const key = name.toLowerCase();
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n === 1) {
      sheets.push({ name, part });
      return el;
    }
    let fresh = `${name} (${n})`;
    while (seen.has(fresh.toLowerCase()))
      fresh = `${name} (${n}-${Math.random().toString(36).slice(2, 5)})`;
    seen.set(fresh.toLowerCase(), 1);
    sheets.push({ name: fresh, part });
    notices.push(
      `工作簿中有两张名为“${name}”的工作表（Excel 打开时会自动修复），第二张按“${fresh}”审核，请在文件中改名`
    );
    changed = true;
    return el.replace(/\bname\s*=\s*"[^"]*"/, `name="${escapeXml(fresh)}"`);
  });
  if (wb !== get(wbPart)) set(wbPart, wb);

  // Text cells (t="s") index the shared-string part: without it every label of the workbook is gone, and the file
  // would read as "not a budget" (tester30 T30-5). Excel itself refuses it until repaired.
  const sstRel = rels.find((r) => REL_SHARED_STRINGS.test(r.type));
  const sstPart = sstRel ? resolveTarget(sourceOfRels(wbRelsPart), sstRel.target) : "";
  if (!sstPart || !files.has(sstPart)) {
    const user = sheets.find((x) => /<c\b[^>]*\bt\s*=\s*"s"/.test(get(x.part) ?? ""));
    if (user)
      throw new WorkbookReadError(
        "sheet_missing",
        `共享字符串部件${sstPart ? `（${sstPart}）` : ""}在文件中缺失，工作表“${user.name}”等的文字全部丢失，文件已损坏：请用 Excel 打开修复后另存，或重新导出`
      );
  }

  // The parts only a dropped chart sheet uses, and with cellsOnly every drawing (charts, pictures, comment shapes).
  for (const part of [...dropped]) {
    const relsPart = part.replace(/([^/]*)$/, "_rels/$1.rels");
    for (const r of readRels(get(relsPart) ?? ""))
      if (!r.external) dropped.add(resolveTarget(sourceOfRels(relsPart), r.target));
    dropped.add(relsPart);
  }
  if (opts.cellsOnly) {
    for (const p of files.names()) {
      if (/^xl\/(drawings|charts|media)\//.test(p)) dropped.add(p);
      // Notes (comments) in a folder of their own, as openpyxl writes them (xl/comments/comment1.xml): exceljs 4.4.0
      // cannot match them to their sheet (exceljs #2797). The cells need no notes; the reviewed copy is written from
      // the package itself, the user's notes kept (package-review.ts).
      if (/^xl\/worksheets\/_rels\/[^/]+\.rels$/.test(p)) {
        const t = get(p)!;
        const kept = t.replace(/<Relationship\b[^>]*\/>/g, (r) => {
          if (!/\/(comments|vmlDrawing)"/.test(r)) return r;
          const target = /\bTarget\s*=\s*"([^"]*)"/.exec(r)?.[1];
          if (target && !/TargetMode\s*=\s*"External"/i.test(r))
            dropped.add(resolveTarget(sourceOfRels(p), target));
          return "";
        });
        if (kept !== t) set(p, kept);
      }
      if (/^xl\/worksheets\/[^/]+\.xml$/.test(p)) {
        const t = get(p)!;
        const stripped = t.replace(
          /<(drawing|legacyDrawing|legacyDrawingHF|picture)\b[^>]*\/>/g,
          ""
        );
        if (stripped !== t) set(p, stripped);
      }
    }
  }
  for (const p of dropped) {
    if (files.has(p)) {
      files.delete(p);
      text.delete(p);
      changed = true;
    }
  }

  const recalcOnLoad = /<(?:\w+:)?calcPr\b[^>]*\sfullCalcOnLoad\s*=\s*"(?:1|true)"/.test(wb);
  if (!changed) return { bytes: input, notices, sheets, recalcOnLoad };
  return { bytes: files.bytes(text), notices, sheets, recalcOnLoad };
}

/**
 * After exceljs failed: finds the XML part that is not well-formed and names it (the sheet's name when it is a
 * worksheet). Returns undefined when every part parses; throws WorkbookReadError (corrupt) when a part does not
 * inflate (the pre-pass inflates only the parts it reads).
 */
export function brokenPart(
  input: Uint8Array,
  sheets: NormalisedPackage["sheets"]
): { part: string; sheet?: string; error: string } | undefined {
  let files: Unzipped;
  try {
    files = unzipSync(input);
  } catch (e) {
    throw new WorkbookReadError("corrupt", CORRUPT, e);
  }
  const order = Object.keys(files)
    .filter((p) => /\.(xml|rels)$/i.test(p))
    .sort(
      (a, b) =>
        Number(!sheets.some((s) => s.part === a)) - Number(!sheets.some((s) => s.part === b))
    );
  for (const p of order) {
    const parser = new SaxesParser({ xmlns: false });
    let error: string | undefined;
    parser.on("error", (e) => {
      error ??= e.message;
    });
    try {
      parser.write(decodeXml(files[p]).text).close();
    } catch (e) {
      error ??= (e as Error).message;
    }
    if (error) return { part: p, sheet: sheets.find((s) => s.part === p)?.name, error };
  }
  return undefined;
}
