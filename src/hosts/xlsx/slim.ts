/**
 * Before exceljs parses a workbook: sheet parts over a few MiB lose their cells that hold nothing (a style only,
 * `<c r="A5" s="1"/>`, or `<c r="A5" s="1"></c>`) and the rows left empty (a row with only `ht`, `customHeight`,
 * `hidden`, an outline level or a style, and no cell that holds something). Excel writes one such cell for every
 * position formatting ever touched — a million styled empty rows, whole formatted columns — and exceljs builds an
 * object for each (exceljs PR #420: out of memory). Values, formulas, inline strings, merges, hidden rows with
 * content and every other part are kept as they are; the file on disk is never touched.
 *
 * Cost: a large part is inflated by Node's zlib (native, in a worker thread, chunk by chunk) while a byte scan drops
 * what holds nothing, skipping runs of empty rows with native searches; the 46 MB of a million styled rows is never
 * one buffer nor one string. fflate's pure-JS inflate plus a scan that made a subarray per tag took ~1 s for that
 * part; this takes ~0.1 s, most of it zlib (figures: `npm run bench`, "slimming").
 */
import { createInflateRaw } from "zlib";
import {
  Unzip,
  unzipSync,
  zipSync,
  strFromU8,
  strToU8,
  type UnzipDecoder,
  type AsyncFlateStreamHandler,
} from "fflate";

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

/** The most bytes of one undecided row carried from chunk to chunk (a row of 16,384 styled cells is ~0.5 MiB). */
const MAX_UNDECIDED = 8 * 1024 * 1024;

const OTHER = 0;
const CELL = 1;
const ROW = 2;
/** A cell's value, formula or inline string (`<v>`, `<f>`, `<is>`): what makes a cell hold something. */
const VALUE = 3;
const V = 0x76;
const F = 0x66;
const I = 0x69;
const S = 0x73;

/**
 * Byte strings searched natively to skip a run of empty rows at once: every whole row before the row holding the next
 * value (`<v>`, `</v>`), formula (`<f …`, `</f>`) or inline string (`<is>`) is empty. Each starts with a byte that is
 * rare in empty rows (`v`, `f`, `i`, `D`), so the search runs at memchr speed; one starting with `<` would stop at
 * every tag. Absent outside Node (a browser bundle of this host).
 */
const NEEDLES =
  typeof Buffer === "undefined"
    ? undefined
    : {
        values: ["v>", "v ", "f>", "f ", "is>"].map((x) => Buffer.from(x)),
        row: Buffer.from("<row"),
        data: Buffer.from("Data"),
        sheet: Buffer.from("</sheet"),
      };

/** Which element the tag whose name starts at `k` is, by its local name (`<x:row …` is a row). */
function tagKind(b: Uint8Array, k: number, end: number): number {
  let start = k;
  while (k < end) {
    const x = b[k];
    if (x <= 0x20 || x === SLASH || x === GT) break;
    if (x === COLON) start = k + 1;
    k++;
  }
  const n = k - start;
  if (n === 1) {
    const x = b[start];
    return x === C ? CELL : x === V || x === F ? VALUE : OTHER;
  }
  if (n === 2 && b[start] === I && b[start + 1] === S) return VALUE;
  if (n === 3 && b[start] === R && b[start + 1] === O && b[start + 2] === W) return ROW;
  return OTHER;
}

/** Where `needle` next starts in b at or after `from`; b's length when nowhere. */
function find(b: Buffer, needle: Buffer, from: number): number {
  const at = b.indexOf(needle, from);
  return at < 0 ? b.length : at;
}

/** Where `</sheetData` next starts in b at or after `from` (found by its rare `D`); b's length when nowhere. */
function sheetDataEnd(b: Buffer, from: number): number {
  const { data, sheet } = NEEDLES!;
  for (let at = b.indexOf(data, from); at >= 0; at = b.indexOf(data, at + 1)) {
    const start = at - sheet.length;
    if (start >= from && b.compare(sheet, 0, sheet.length, start, at) === 0) return start;
  }
  return b.length;
}

/**
 * Slims one sheet part chunk by chunk, on the bytes (nothing decoded): cells without a `<v>`, `<f>` or `<is>` child
 * and rows without such a cell are dropped (whitespace between dropped rows goes with them). What is kept is copied
 * in runs, not tag by tag; a run of empty rows is skipped at once by a native search for the next value (unprefixed
 * XML, as Excel writes it; `x:`-prefixed parts are scanned tag by tag). State between chunks is only "nothing
 * pending": bytes whose fate is not known yet (an unfinished tag, a row not yet known to hold something, a cell
 * `<c …>` before its value) are carried into the next chunk and scanned again.
 */
export class SheetSlimmer {
  private out = new Uint8Array(1 << 16);
  private len = 0;
  /** Carried bytes sit at the front of `joined`, where the next chunk is appended (one buffer reused, no garbage per chunk). */
  private joined = new Uint8Array(0);
  private carried = 0;
  /** Where the last scan stopped (see scan). */
  private pend = 0;
  private rowAt = -1;
  private cellAt = -1;
  private cutAt = -1;
  /** Whether the part's elements are unprefixed (`<sheetData>`): then runs of empty rows are skipped natively; undefined until seen. */
  private unprefixed: boolean | undefined;

  private ensure(n: number) {
    if (this.len + n <= this.out.length) return;
    const grown = new Uint8Array(Math.max(this.out.length * 2, this.len + n));
    grown.set(this.out.subarray(0, this.len));
    this.out = grown;
  }

  /** Appends b[from, to). Short runs are copied by hand: a native call per row costs more than the bytes. */
  private copy(b: Uint8Array, from: number, to: number) {
    const n = to - from;
    if (n <= 0) return;
    this.ensure(n);
    if (n < 64) {
      const out = this.out;
      let at = this.len;
      for (let k = from; k < to; k++) out[at++] = b[k];
    } else this.out.set(b.subarray(from, to), this.len);
    this.len += n;
  }

  push(chunk: Uint8Array, final: boolean) {
    let b = chunk;
    if (this.carried) {
      const n = this.carried + chunk.length;
      if (n > this.joined.length) {
        const grown = new Uint8Array(Math.max(n, this.joined.length * 2));
        grown.set(this.joined.subarray(0, this.carried));
        this.joined = grown;
      }
      this.joined.set(chunk, this.carried);
      b = this.joined.subarray(0, n);
      this.carried = 0;
    }
    this.scan(b);
    const { pend, rowAt, cellAt, cutAt } = this;
    const end = b.length;
    if (final) {
      // A row or cell never closed (a damaged part): kept as it is, for exceljs to judge.
      this.copy(b, pend, end);
      return;
    }
    if (rowAt >= 0 && end - rowAt > MAX_UNDECIDED) {
      // A row that never ends (a damaged part) would be carried and rescanned forever: keep it as it is.
      this.copy(b, pend, end);
      return;
    }
    const keepFrom = rowAt >= 0 ? rowAt : cellAt >= 0 ? cellAt : cutAt >= 0 ? cutAt : end;
    this.copy(b, pend, keepFrom);
    const n = end - keepFrom;
    if (n > 0) {
      if (b.buffer === this.joined.buffer) this.joined.copyWithin(0, keepFrom, end);
      else {
        if (n > this.joined.length) this.joined = new Uint8Array(Math.max(n, 1 << 16));
        this.joined.set(b.subarray(keepFrom, end));
      }
      this.carried = n;
    }
  }

  /**
   * Copies what is kept of b and leaves in pend / rowAt / cellAt / cutAt what is not decided at its end. Kept apart
   * from push so the optimised loop never meets the rarely run end-of-chunk code (V8 would deoptimise it each chunk).
   */
  private scan(b: Uint8Array) {
    const end = b.length;
    const nb = NEEDLES && this.skipper(b);
    /** Start of the kept run not copied yet. */
    let pend = 0;
    /** A row opened and nothing kept in it yet: its tag [rowAt, rowEnd); -1 when none. */
    let rowAt = -1;
    let rowEnd = 0;
    /** A `<c …>` whose value has not been seen: where it starts; -1 when none. */
    let cellAt = -1;
    /** An unfinished tag at the chunk's end. */
    let cutAt = -1;
    /** The next of each value needle, and of `</sheetData`, at or after where each was last searched from (end: none in b). */
    const valueAt = NEEDLES ? NEEDLES.values.map(() => -1) : [];
    let sdAt = -1;
    let i = 0;
    while (i < end) {
      let lt = i;
      while (lt < end && b[lt] !== LT) lt++;
      if (lt >= end) break;
      let gt = lt + 1;
      while (gt < end && b[gt] !== GT) gt++;
      if (gt >= end) {
        cutAt = lt;
        break;
      }
      const closing = b[lt + 1] === SLASH;
      const selfClosing = b[gt - 1] === SLASH;
      const kind = tagKind(b, closing ? lt + 2 : lt + 1, gt);
      i = gt + 1;
      if (kind === CELL && !closing && cellAt < 0) {
        if (selfClosing) {
          // A cell holding nothing but a style.
          if (rowAt < 0) {
            this.copy(b, pend, lt);
            pend = i;
          }
        } else cellAt = lt;
      } else if (kind === CELL && closing && cellAt >= 0) {
        // `<c …></c>`, or a cell with children other than a value: nothing inside.
        if (rowAt < 0) {
          this.copy(b, pend, cellAt);
          pend = i;
        }
        cellAt = -1;
      } else if (cellAt >= 0) {
        if (kind === VALUE && !closing) {
          // The cell holds something: kept from its start, and its row from the row's tag.
          if (rowAt >= 0) {
            // The run before the row and the row's tag are contiguous; what was dropped after the tag stays out.
            this.copy(b, pend, rowEnd);
            pend = cellAt;
            rowAt = -1;
          }
          cellAt = -1;
        }
      } else if (kind === ROW && !closing && rowAt < 0) {
        if (nb) {
          // Every whole row before the one holding the next value (or before </sheetData>) is empty: skip them at once.
          let mark = end;
          for (let k = 0; k < valueAt.length; k++) {
            if (valueAt[k] < lt) valueAt[k] = find(nb, NEEDLES!.values[k], lt);
            if (valueAt[k] < mark) mark = valueAt[k];
          }
          if (sdAt < lt) sdAt = sheetDataEnd(nb, lt);
          const to = sdAt < mark ? sdAt : nb.lastIndexOf(NEEDLES!.row, mark - 1);
          if (to > lt) {
            this.copy(b, pend, lt);
            pend = to;
            i = to;
            continue;
          }
        }
        if (selfClosing) {
          this.copy(b, pend, lt);
          pend = i;
        } else {
          rowAt = lt;
          rowEnd = i;
        }
      } else if (kind === ROW && closing && rowAt >= 0) {
        // The row held nothing: it goes, with the run before it kept.
        this.copy(b, pend, rowAt);
        pend = i;
        rowAt = -1;
      }
      // Anything else is passed on: inside an undecided row it goes with the row if the row holds nothing.
    }
    this.pend = pend;
    this.rowAt = rowAt;
    this.cellAt = cellAt;
    this.cutAt = cutAt;
  }

  /** b as a Buffer for native searches when the part is known to be unprefixed, else undefined. */
  private skipper(b: Uint8Array): Buffer | undefined {
    const nb = Buffer.from(b.buffer, b.byteOffset, b.length);
    if (this.unprefixed === undefined) {
      const at = nb.indexOf("sheetData");
      if (at > 0) this.unprefixed = nb[at - 1] === LT;
    }
    return this.unprefixed ? nb : undefined;
  }

  result(): Uint8Array {
    return this.out.slice(0, this.len);
  }
}

/** Collects an entry's compressed bytes as they are (fflate then only walks the zip's structure). */
class Raw implements UnzipDecoder {
  static compression = 8;
  ondata: AsyncFlateStreamHandler = () => undefined;
  push(chunk: Uint8Array, final: boolean) {
    this.ondata(null, chunk as Parameters<AsyncFlateStreamHandler>[1], final);
  }
}

/** Inflates a raw deflate stream with Node's zlib, handing each output chunk to `sink` as it comes. */
function inflateInto(parts: Uint8Array[], sink: (chunk: Uint8Array) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const z = createInflateRaw({ chunkSize: 256 * 1024 });
    z.on("data", (c: Buffer) => sink(new Uint8Array(c.buffer, c.byteOffset, c.length)));
    z.on("end", resolve);
    z.on("error", reject);
    for (const p of parts) z.write(p);
    z.end();
  });
}

/** Names of the sheet parts large enough to slim, from the zip's directory (nothing inflated). */
function largeSheetParts(buf: Uint8Array): Map<string, number> {
  const large = new Map<string, number>();
  unzipSync(buf, {
    filter: (f) => {
      if (
        SHEET_PART.test(f.name) &&
        f.originalSize > SLIM_ABOVE &&
        (f.compression === 8 || f.compression === 0)
      )
        large.set(f.name, f.compression);
      return false;
    },
  });
  return large;
}

/**
 * The workbook's bytes with large sheet parts slimmed (the package stored uncompressed, since exceljs inflates it
 * again at once), or undefined when no part is large or the zip cannot be read here (exceljs then reads the
 * original and reports what is wrong) — also where Node's zlib is absent (a browser bundle of this host).
 */
export async function slimWorkbook(buf: Uint8Array): Promise<Uint8Array | undefined> {
  try {
    const large = largeSheetParts(buf);
    if (!large.size) return undefined;
    const compressed = new Map<string, Uint8Array[]>();
    const uz = new Unzip();
    uz.register(Raw);
    uz.onfile = (file) => {
      if (!large.has(file.name)) return; // skipped without inflating
      const parts: Uint8Array[] = [];
      compressed.set(file.name, parts);
      file.ondata = (err, chunk) => {
        if (!err) parts.push(chunk.slice());
      };
      file.start();
    };
    const PIECE = 1 << 20;
    for (let at = 0; at < buf.length; at += PIECE)
      uz.push(buf.subarray(at, Math.min(buf.length, at + PIECE)), at + PIECE >= buf.length);
    const files: Record<string, Uint8Array> = unzipSync(buf, { filter: (f) => !large.has(f.name) });
    for (const [name, method] of large) {
      const parts = compressed.get(name);
      if (!parts) return undefined;
      const slim = new SheetSlimmer();
      let first = true;
      let utf16 = false;
      const sink = (c: Uint8Array) => {
        if (first && c.length && (c[0] === 0xff || c[0] === 0xfe || c[1] === 0)) utf16 = true;
        first = false;
        if (!utf16) slim.push(c, false);
      };
      if (method === 8) await inflateInto(parts, sink);
      else for (const p of parts) sink(p);
      if (utf16) return undefined;
      slim.push(new Uint8Array(0), true);
      files[name] = slim.result();
    }
    return zipSync(files, { level: 0 });
  } catch {
    return undefined;
  }
}

/** Removes value-less cells and then empty rows from worksheet XML (prefixed namespaces too: `<x:c …/>`). */
export function stripEmptyCells(xml: string): string {
  const s = new SheetSlimmer();
  s.push(strToU8(xml), true);
  return strFromU8(s.result());
}
