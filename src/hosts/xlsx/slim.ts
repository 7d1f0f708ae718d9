/**
 * Before exceljs parses a workbook: sheet parts over a few MiB lose their cells that hold nothing (a style only,
 * `<c r="A5" s="1"/>`) and the rows left empty. Excel writes one such cell for every position formatting ever
 * touched — a million styled empty rows, whole formatted columns — and exceljs builds an object for each
 * (exceljs PR #420: out of memory). Values, formulas, merges, hidden rows with content and every other part are
 * kept as they are; the file on disk is never touched.
 */
import { strToU8, Unzip, UnzipInflate, unzipSync, zipSync } from "fflate";

/** Sheet XML above this size (uncompressed) is slimmed; ordinary budget sheets are far below it. */
const SLIM_ABOVE = 4 * 1024 * 1024;
const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/i;

/** Removes value-less cells and then empty rows from worksheet XML (prefixed namespaces too: `<x:c …/>`). */
export function stripEmptyCells(xml: string): string {
  return xml
    .replace(/<(?:[\w.-]+:)?c\b[^>]*\/>/g, "")
    .replace(/<(?:[\w.-]+:)?row\b[^>]*\/>/g, "")
    .replace(/<((?:[\w.-]+:)?)row\b[^>]*>\s*<\/\1row>/g, "");
}

/**
 * Slims one sheet part as it is inflated, chunk by chunk, so a 60 MB part never sits in memory as one string.
 * A chunk is cut at its last "<" (no tag is split); an empty row split across a cut stays (harmless).
 */
class StreamingSlimmer {
  private readonly decoder = new TextDecoder("utf-8");
  private carry = "";
  private readonly out: string[] = [];
  push(chunk: Uint8Array, final: boolean) {
    const s = this.carry + this.decoder.decode(chunk, { stream: !final });
    const cut = final ? s.length : s.lastIndexOf("<");
    this.out.push(stripEmptyCells(s.slice(0, Math.max(0, cut))));
    this.carry = final ? "" : s.slice(Math.max(0, cut));
  }
  result(): Uint8Array {
    return strToU8(this.out.join(""));
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
    uz.push(buf, true);
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
