/**
 * Before exceljs parses a workbook: sheet parts over a few MiB lose their cells that hold nothing (a style only,
 * `<c r="A5" s="1"/>`) and the rows left empty. Excel writes one such cell for every position formatting ever
 * touched — a million styled empty rows, whole formatted columns — and exceljs builds an object for each
 * (exceljs PR #420: out of memory). Values, formulas, merges, hidden rows with content and every other part are
 * kept as they are; the file on disk is never touched.
 */
import { strFromU8, strToU8, Unzip, UnzipInflate, unzipSync, zipSync } from "fflate";

/** Sheet XML above this size (uncompressed) is slimmed; ordinary budget sheets are far below it. */
const SLIM_ABOVE = 4 * 1024 * 1024;
const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/i;

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const COLON = 0x3a;

const C = 0x63;
const R = 0x72;
const O = 0x6f;
const W = 0x77;
/** Which element a tag at i is, by its local name ("<x:row …" is a row): 1 a cell (c), 2 a row, 0 anything else. */
function tagKind(b: Uint8Array, i: number, end: number, closing: boolean): number {
  let k = i + (closing ? 2 : 1);
  let start = k;
  while (k < end && b[k] > 0x20 && b[k] !== SLASH && b[k] !== GT) {
    if (b[k] === COLON) start = k + 1;
    k++;
  }
  const n = k - start;
  if (n === 1 && b[start] === C) return 1;
  if (n === 3 && b[start] === R && b[start + 1] === O && b[start + 2] === W) return 2;
  return 0;
}

/**
 * Slims one sheet part as it is inflated, chunk by chunk, on the bytes (no decoding): self-closing `<c …/>`
 * elements are dropped, and rows left without content. A tag split across chunks waits for the next chunk.
 */
class StreamingSlimmer {
  private out = new Uint8Array(1 << 16);
  private len = 0;
  private carry: Uint8Array = new Uint8Array(0);
  /** Output position where the open row started, and whether anything was written inside it. */
  private rowStart = -1;
  private rowHasContent = false;

  private write(x: Uint8Array) {
    if (this.len + x.length > this.out.length) {
      const grown = new Uint8Array(Math.max(this.out.length * 2, this.len + x.length));
      grown.set(this.out.subarray(0, this.len));
      this.out = grown;
    }
    this.out.set(x, this.len);
    this.len += x.length;
  }

  push(chunk: Uint8Array, final: boolean) {
    let b = chunk;
    if (this.carry.length) {
      b = new Uint8Array(this.carry.length + chunk.length);
      b.set(this.carry);
      b.set(chunk, this.carry.length);
    }
    let i = 0;
    while (i < b.length) {
      const lt = b.indexOf(LT, i);
      const textEnd = lt < 0 ? b.length : lt;
      if (textEnd > i) {
        const text = b.subarray(i, textEnd);
        if (this.rowStart >= 0 && text.some((x) => x > 0x20)) this.rowHasContent = true;
        this.write(text);
      }
      if (lt < 0) {
        i = b.length;
        break;
      }
      const gt = b.indexOf(GT, lt);
      if (gt < 0) break; // an unfinished tag: wait for the next chunk
      const tag = b.subarray(lt, gt + 1);
      const selfClosing = b[gt - 1] === SLASH;
      const closing = b[lt + 1] === SLASH;
      const kind = tagKind(b, lt, gt, closing);
      i = gt + 1;
      if (kind === 1 && selfClosing && !closing) continue; // a cell holding nothing but a style
      if (kind === 2 && !closing) {
        if (selfClosing) continue; // an empty row
        this.rowStart = this.len;
        this.rowHasContent = false;
        this.write(tag);
        continue;
      }
      if (kind === 2 && closing) {
        if (this.rowStart >= 0 && !this.rowHasContent) this.len = this.rowStart; // the row held only empty cells
        else this.write(tag);
        this.rowStart = -1;
        continue;
      }
      if (this.rowStart >= 0) this.rowHasContent = true;
      this.write(tag);
    }
    this.carry = b.slice(i);
    if (final && this.carry.length) {
      this.write(this.carry);
      this.carry = new Uint8Array(0);
    }
  }
  result(): Uint8Array {
    return this.out.slice(0, this.len);
  }
}

/**
 * The workbook's bytes with large sheet parts slimmed (stored uncompressed), or undefined when no part is large
 * or the zip cannot be read here (exceljs then reads the original and reports what is wrong).
 */
export function slimWorkbook(buf: Uint8Array): Uint8Array | undefined {
  const large = new Set<string>();
  try {
    // The filter sees each entry's sizes from the zip directory; nothing is inflated here.
    unzipSync(buf, {
      filter: (f) => {
        if (SHEET_PART.test(f.name) && f.originalSize > SLIM_ABOVE) large.add(f.name);
        return false;
      },
    });
    if (!large.size) return undefined;
    const files: Record<string, Uint8Array> = {};
    let failed: Error | undefined;
    const uz = new Unzip();
    uz.register(UnzipInflate);
    uz.onfile = (file) => {
      const slim = large.has(file.name) ? new StreamingSlimmer() : undefined;
      const parts: Uint8Array[] = [];
      let first = true;
      file.ondata = (err, chunk, final) => {
        if (err) failed = err;
        else if (slim && first && (chunk[0] === 0xff || chunk[0] === 0xfe)) failed = new Error("UTF-16");
        else if (slim) slim.push(chunk, final);
        else parts.push(chunk);
        first = false;
        if (final && !failed) files[file.name] = slim ? slim.result() : concat(parts);
      };
      file.start();
    };
    // Fed in pieces so each part is inflated (and a large one slimmed) chunk by chunk, never whole.
    const PIECE = 256 * 1024;
    for (let at = 0; at < buf.length; at += PIECE) uz.push(buf.subarray(at, Math.min(buf.length, at + PIECE)), at + PIECE >= buf.length);
    if (failed || Object.keys(files).length === 0) return undefined;
    return zipSync(files, { level: 0 });
  } catch {
    return undefined;
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Removes value-less cells and then empty rows from worksheet XML (prefixed namespaces too: `<x:c …/>`). */
export function stripEmptyCells(xml: string): string {
  const s = new StreamingSlimmer();
  s.push(strToU8(xml), true);
  return strFromU8(s.result());
}
