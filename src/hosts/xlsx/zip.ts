/**
 * A zip package as its entries' compressed bytes (Node host only: native zlib). The package writer copies the parts a
 * review does not change as they are — no inflate, no deflate — and deflates only the parts it writes; the read
 * pre-pass inflates only the parts it looks at.
 *
 * Why own code for the container (two small functions over APPNOTE.TXT §4.3): fflate inflates and deflates in
 * JavaScript (most of the writer's time) and its streaming `Zip` takes pre-compressed data only with a data
 * descriptor after it (flag bit 3, zeros in the local header), which stricter readers mishandle (SharpZipLib's
 * ZipInputStream under NPOI: icsharpcode/SharpZipLib#900); yauzl / yazl are asynchronous and yazl compresses itself.
 * Here every local header carries its CRC-32 and sizes, as Excel writes them.
 *
 * The reader is deliberately narrow: anything unusual (zip64, a split archive, encryption, a method other than
 * stored / deflate, a local header or data descriptor that disagrees with the central directory, entries out of
 * bounds, a duplicate or non-UTF-8 non-ASCII name) gives `undefined`, and the caller takes the slower path
 * (fflate's `unzipSync`, every part inflated) instead — never a guess.
 */
import * as zlib from "zlib";
import CRC32 from "crc-32";

/** One zip entry as stored: `raw` is the compressed data (method 8, raw deflate) or the data itself (method 0). */
export interface ZipEntry {
  name: string;
  method: 0 | 8;
  /** CRC-32 of the uncompressed data (unsigned). */
  crc: number;
  /** Uncompressed size in bytes. */
  size: number;
  raw: Uint8Array;
  /** MS-DOS date and time (APPNOTE §4.4.6: time in the low 16 bits, date in the high 16). */
  dosTime: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_DESCRIPTOR = 0x08074b50;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_DESCRIPTOR = 0x0008;
const FLAG_STRONG_ENCRYPTION = 0x0040;
const FLAG_UTF8 = 0x0800;

const crc32: (data: Uint8Array) => number =
  typeof (zlib as { crc32?: unknown }).crc32 === "function"
    ? (data) => (zlib as unknown as { crc32: (d: Uint8Array) => number }).crc32(data) >>> 0
    : (data) => CRC32.buf(data) >>> 0;

/** The end record of a zip (APPNOTE §4.3.16): its offset, the last one within a comment's reach of the end; -1 if none. */
function endRecord(b: Uint8Array): number {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--)
    if (b[i] === 0x50 && b[i + 1] === 0x4b && dv.getUint32(i, true) === SIG_END) return i;
  return -1;
}

/**
 * The entries of a zip, in central-directory order, from its central directory (sizes and CRC there, checked
 * against each local header and data descriptor); undefined for anything this reader does not handle (see module).
 */
export function readZipEntries(b: Uint8Array): ZipEntry[] | undefined {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const u16 = (at: number) => dv.getUint16(at, true);
  const u32 = (at: number) => dv.getUint32(at, true);
  const end = endRecord(b);
  if (end < 0 || end + 22 + u16(end + 20) > b.length) return undefined;
  if (end >= 20 && u32(end - 20) === SIG_ZIP64_LOCATOR) return undefined;
  const count = u16(end + 10);
  const cdSize = u32(end + 12);
  const cdOffset = u32(end + 16);
  if (u16(end + 4) !== 0 || u16(end + 6) !== 0 || u16(end + 8) !== count) return undefined; // split archive
  if (
    count === 0xffff ||
    cdSize === 0xffffffff ||
    cdOffset === 0xffffffff ||
    cdOffset + cdSize > end
  )
    return undefined;
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let at = cdOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > cdOffset + cdSize || u32(at) !== SIG_CENTRAL) return undefined;
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const dosTime = u32(at + 12);
    const crc = u32(at + 16);
    const csize = u32(at + 20);
    const size = u32(at + 24);
    const nameLen = u16(at + 28);
    const next = at + 46 + nameLen + u16(at + 30) + u16(at + 32);
    const local = u32(at + 42);
    if (next > cdOffset + cdSize || u16(at + 34) !== 0) return undefined;
    if (flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION) || (method !== 0 && method !== 8))
      return undefined;
    if (csize === 0xffffffff || size === 0xffffffff || local === 0xffffffff) return undefined;
    if (method === 0 && csize !== size) return undefined;
    const nameBytes = b.subarray(at + 46, at + 46 + nameLen);
    if (!(flags & FLAG_UTF8) && nameBytes.some((x) => x >= 0x80)) return undefined;
    const name = Buffer.from(nameBytes).toString("utf8");
    if (!name || seen.has(name)) return undefined;
    seen.add(name);
    // The local header: same name and method; its data must end before the central directory.
    if (local + 30 > cdOffset || u32(local) !== SIG_LOCAL) return undefined;
    const lflags = u16(local + 6);
    if (u16(local + 8) !== method || u16(local + 26) !== nameLen) return undefined;
    if (Buffer.compare(b.subarray(local + 30, local + 30 + nameLen), nameBytes) !== 0)
      return undefined;
    const start = local + 30 + nameLen + u16(local + 28);
    if (start + csize > cdOffset) return undefined;
    if (lflags & FLAG_DESCRIPTOR) {
      // The descriptor after the data (signature optional, APPNOTE §4.3.9) must repeat the central directory's values.
      let d = start + csize;
      if (d + 4 <= cdOffset && u32(d) === SIG_DESCRIPTOR) d += 4;
      if (d + 12 > cdOffset || u32(d) !== crc || u32(d + 4) !== csize || u32(d + 8) !== size)
        return undefined;
    } else if (u32(local + 14) !== crc || u32(local + 18) !== csize || u32(local + 22) !== size)
      return undefined;
    entries.push({ name, method, crc, size, raw: b.subarray(start, start + csize), dosTime });
    at = next;
  }
  return entries;
}

/**
 * An entry's uncompressed data (native inflate); throws when it does not inflate to the recorded size (stopping as
 * soon as it inflates past it: a zip bomb costs no more memory than its directory admits).
 */
export function inflateEntry(e: ZipEntry): Uint8Array {
  if (e.method === 0) return e.raw;
  const out = zlib.inflateRawSync(e.raw, { maxOutputLength: e.size + 1 });
  if (out.length !== e.size)
    throw new Error(`${e.name}: inflated to ${out.length} bytes, the directory says ${e.size}`);
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

/** The MS-DOS date and time of `d` (local time, as zip tools write it; 2-second resolution). */
export function dosTime(d: Date): number {
  const y = Math.min(Math.max(d.getFullYear(), 1980), 2107) - 1980;
  return (
    ((y << 25) |
      ((d.getMonth() + 1) << 21) |
      (d.getDate() << 16) |
      (d.getHours() << 11) |
      (d.getMinutes() << 5) |
      (d.getSeconds() >> 1)) >>>
    0
  );
}

/** A new entry: `data` deflated by Node's zlib at `level` (1–9; 6 is zlib's default). */
export function deflateEntry(
  name: string,
  data: Uint8Array,
  level: number,
  time: number
): ZipEntry {
  const raw = zlib.deflateRawSync(data, { level });
  return {
    name,
    method: 8,
    crc: crc32(data),
    size: data.length,
    raw: new Uint8Array(raw.buffer, raw.byteOffset, raw.length),
    dosTime: time,
  };
}

/** A new entry stored uncompressed (method 0). */
export function storedEntry(name: string, data: Uint8Array, time: number): ZipEntry {
  return { name, method: 0, crc: crc32(data), size: data.length, raw: data, dosTime: time };
}

/**
 * The zip of `entries`, in order: local headers with CRC-32 and sizes (no data descriptors, no extra fields), the
 * central directory, its end record. Throws RangeError past what a zip without zip64 holds (65,535 entries, 4 GiB).
 */
export function writeZip(entries: ZipEntry[]): Uint8Array {
  if (entries.length >= 0xffff)
    throw new RangeError("too many zip entries for a zip without zip64");
  const names = entries.map((e) => Buffer.from(e.name, "utf8"));
  let total = 22;
  for (const [i, e] of entries.entries()) total += 30 + 46 + 2 * names[i].length + e.raw.length;
  if (total > 0xffffffff) throw new RangeError("package too large for a zip without zip64");
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  const header = (at: number, e: ZipEntry, name: Uint8Array, central: number | undefined) => {
    let p = at;
    dv.setUint32(p, central === undefined ? SIG_LOCAL : SIG_CENTRAL, true);
    p += 4;
    if (central !== undefined) (dv.setUint16(p, 20, true), (p += 2)); // version made by: 2.0, MS-DOS attributes
    dv.setUint16(p, 20, true); // version needed: 2.0 (deflate)
    dv.setUint16(p + 2, name.some((x) => x >= 0x80) ? FLAG_UTF8 : 0, true);
    dv.setUint16(p + 4, e.method, true);
    dv.setUint32(p + 6, e.dosTime, true);
    dv.setUint32(p + 10, e.crc, true);
    dv.setUint32(p + 14, e.raw.length, true);
    dv.setUint32(p + 18, e.size, true);
    dv.setUint16(p + 22, name.length, true);
    dv.setUint16(p + 24, 0, true); // extra field length
    p += 26;
    if (central !== undefined) {
      // comment length, disk number, internal and external attributes: 0; then the local header's offset.
      dv.setUint32(p + 10, central, true);
      p += 14;
    }
    out.set(name, p);
    return p + name.length;
  };
  let at = 0;
  const offsets: number[] = [];
  for (const [i, e] of entries.entries()) {
    offsets.push(at);
    at = header(at, e, names[i], undefined);
    out.set(e.raw, at);
    at += e.raw.length;
  }
  const cd = at;
  for (const [i, e] of entries.entries()) at = header(at, e, names[i], offsets[i]);
  dv.setUint32(at, SIG_END, true);
  dv.setUint16(at + 8, entries.length, true);
  dv.setUint16(at + 10, entries.length, true);
  dv.setUint32(at + 12, at - cd, true);
  dv.setUint32(at + 16, cd, true);
  return out;
}

/**
 * `zip` (as writeZip wrote it: an end record without a comment) with the archive comment `text` (ASCII, APPNOTE
 * §4.3.16: the .ZIP file comment after the end record). Readers of the package's parts never see it; Excel and
 * LibreOffice drop it when they save the workbook again.
 */
export function withZipComment(zip: Uint8Array, text: string): Uint8Array {
  const end = endRecord(zip);
  const comment = Buffer.from(text, "latin1");
  if (end < 0 || end + 22 !== zip.length || comment.length > 0xffff || /[^\x20-\x7e]/.test(text))
    throw new RangeError(
      "a zip comment goes only after an end record without one, in printable ASCII"
    );
  const out = new Uint8Array(zip.length + comment.length);
  out.set(zip);
  new DataView(out.buffer).setUint16(end + 20, comment.length, true);
  out.set(comment, zip.length);
  return out;
}

/** The archive comment of a zip (latin1), or undefined when it has none (or no end record that ends the file). */
export function zipComment(b: Uint8Array): string | undefined {
  const end = endRecord(b);
  if (end < 0) return undefined;
  const length = new DataView(b.buffer, b.byteOffset, b.byteLength).getUint16(end + 20, true);
  if (!length || end + 22 + length !== b.length) return undefined;
  return Buffer.from(b.buffer, b.byteOffset + end + 22, length).toString("latin1");
}
