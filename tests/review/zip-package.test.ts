/**
 * The package writer's zip (src/hosts/xlsx/zip.ts): parts the review leaves alone keep their compressed bytes, CRC and
 * date; edited parts are deflated natively with CRC and sizes in the local header; stored entries, large pictures and
 * data descriptors in the input are taken; a zip whose directory is odd falls back to inflating everything (or a
 * PackageShapeError), never a crash or a lost part.
 */
import { promises as fs } from "fs";
import * as zlib from "zlib";
import CRC32 from "crc-32";
import { Zip, ZipPassThrough, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { samplePath } from "../helpers";
import { mulberry32 } from "../../bench/localization";
import { PackageShapeError, reviewPackage } from "../../src/hosts/xlsx/package-review";
import {
  readZipEntries,
  writeZip,
  deflateEntry,
  dosTime,
  inflateEntry,
  withZipComment,
  zipComment,
  type ZipEntry,
} from "../../src/hosts/xlsx/zip";
import { load, reviewBytes } from "./helpers";

const REVIEW = ["审核结果", "预算汇总"];
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
const u32 = (b: Uint8Array, at: number) =>
  new DataView(b.buffer, b.byteOffset, b.byteLength).getUint32(at, true);
const dataOf = (e: ZipEntry) => (e.method === 8 ? zlib.inflateRawSync(e.raw) : e.raw);
const u16 = (b: Uint8Array, at: number) =>
  new DataView(b.buffer, b.byteOffset, b.byteLength).getUint16(at, true);

/** Every entry of a written zip: CRC-32 of its inflated data as recorded, no data descriptor, sizes in the local header. */
function expectSound(bytes: Uint8Array) {
  const entries = readZipEntries(bytes);
  expect(entries).toBeDefined(); // the reader checks each local header against the central directory
  for (const e of entries!) {
    const data = dataOf(e);
    expect(data.length).toBe(e.size);
    expect(CRC32.buf(data) >>> 0).toBe(e.crc);
  }
  for (let at = 0; u32(bytes, at) === 0x04034b50;) {
    expect(u16(bytes, at + 6) & 8).toBe(0);
    at += 30 + u16(bytes, at + 26) + u16(bytes, at + 28) + u32(bytes, at + 18);
  }
  expect(Object.keys(unzipSync(bytes)).sort()).toEqual(entries!.map((e) => e.name).sort());
  return entries!;
}

/** The sample repacked by fflate with `extra` parts; `stored` names are written uncompressed (method 0). */
async function repack(extra: Record<string, Uint8Array>, stored: string[]) {
  const files = unzipSync(new Uint8Array(await fs.readFile(samplePath("jishan-2024"))));
  const z: Zippable = {};
  for (const [n, b] of Object.entries({ ...files, ...extra }))
    z[n] = stored.includes(n) ? [b, { level: 0 }] : b;
  return zipSync(z, { level: 6 });
}

test("untouched parts keep their compressed bytes, CRC and date; only what the review edits is deflated again", async () => {
  const input = new Uint8Array(await fs.readFile(samplePath("xingxian-2023")));
  const reviewed = await reviewBytes(input);
  const before = new Map(readZipEntries(input)!.map((e) => [e.name, e]));
  const after = expectSound(reviewed.bytes);
  expect(after[0].name).toBe("[Content_Types].xml");
  let kept = 0;
  for (const e of after) {
    const o = before.get(e.name);
    if (!o) continue;
    const changed = !same(dataOf(e), dataOf(o));
    if (changed) continue;
    // The same content is the same entry: not re-compressed (a part read but not changed included).
    expect([e.method, e.crc, e.size, e.dosTime]).toEqual([o.method, o.crc, o.size, o.dosTime]);
    expect(same(e.raw, o.raw)).toBe(true);
    kept++;
  }
  for (const n of ["xl/theme/theme1.xml", "docProps/app.xml", "xl/sharedStrings.xml"])
    if (before.has(n))
      expect(same(after.find((e) => e.name === n)!.raw, before.get(n)!.raw)).toBe(true);
  expect(kept).toBeGreaterThan(3);
  // A re-review reads its own output: what it does not change again (e.g. the themes) is still copied as is.
  const again = await reviewBytes(reviewed.bytes);
  const second = new Map(expectSound(again.bytes).map((e) => [e.name, e]));
  for (const e of after)
    if (e.name.startsWith("docProps/") || e.name.startsWith("xl/theme/"))
      expect(same(second.get(e.name)!.raw, e.raw)).toBe(true);
});

test("a stored (method 0) part and a large incompressible picture are copied as stored; the output opens", async () => {
  const random = mulberry32(7);
  const picture = Uint8Array.from({ length: 3 * 1024 * 1024 }, () => Math.floor(random() * 256));
  const input = await repack({ "xl/media/image1.png": picture }, [
    "xl/media/image1.png",
    "docProps/core.xml",
  ]);
  const methods = new Map(readZipEntries(input)!.map((e) => [e.name, e.method]));
  expect(methods.get("docProps/core.xml")).toBe(0);
  expect(methods.get("xl/media/image1.png")).toBe(0);
  const reviewed = await reviewBytes(input);
  const out = new Map(expectSound(reviewed.bytes).map((e) => [e.name, e]));
  expect(out.get("xl/media/image1.png")!.method).toBe(0);
  expect(same(out.get("xl/media/image1.png")!.raw, picture)).toBe(true);
  expect(out.get("docProps/core.xml")!.method).toBe(0);
  expect((await load(reviewed.bytes)).worksheets.map((w) => w.name).slice(0, 2)).toEqual(REVIEW);
});

test("an input written with data descriptors (a streaming zip writer) is read from its directory; the output has none", async () => {
  const files = unzipSync(new Uint8Array(await fs.readFile(samplePath("jincheng-chengqu-2025"))));
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, c) => {
    if (err) throw err;
    chunks.push(c);
  });
  for (const [n, b] of Object.entries(files)) {
    const f = new ZipPassThrough(n);
    zip.add(f);
    f.push(b, true);
  }
  zip.end();
  const input = new Uint8Array(Buffer.concat(chunks));
  expect(u16(input, 6) & 8).toBe(8);
  expect(readZipEntries(input)).toBeDefined();
  const reviewed = await reviewBytes(input);
  expectSound(reviewed.bytes);
  expect((await load(reviewed.bytes)).worksheets.map((w) => w.name).slice(0, 2)).toEqual(REVIEW);
});

describe("a zip whose directory is odd falls back to inflating every part: no crash, no part lost", () => {
  let input: Uint8Array;
  beforeAll(async () => {
    input = new Uint8Array(await fs.readFile(samplePath("jishan-2024")));
  });
  /** The central-directory header and local header offsets of part `name` in `b`. */
  const headersOf = (b: Uint8Array, name: string) => {
    for (
      let at = u32(b, b.length - 22 + 16);
      u32(b, at) === 0x02014b50;
      at += 46 + u16(b, at + 28) + u16(b, at + 30) + u16(b, at + 32)
    )
      if (Buffer.from(b.subarray(at + 46, at + 46 + u16(b, at + 28))).toString() === name)
        return { central: at, local: u32(b, at + 42) };
    throw new Error(`no ${name}`);
  };
  const PART = "docProps/app.xml";

  const cases: Array<[string, (b: Uint8Array) => void]> = [
    [
      "a data descriptor whose sizes disagree with the directory",
      (b) => {
        // Flag bit 3 on a local header, whose data is followed by the next header, not a matching descriptor.
        b[headersOf(b, PART).local + 6] |= 8;
      },
    ],
    [
      "a local header whose CRC disagrees with the directory",
      (b) => {
        b[headersOf(b, PART).local + 14] ^= 0xff;
      },
    ],
    [
      "a non-ASCII name without the UTF-8 flag",
      (b) => {
        const { central, local } = headersOf(b, PART);
        // The last name byte in both headers (the names still agree, as fflate reads them).
        b[central + 46 + u16(b, central + 28) - 1] = 0xe9;
        b[local + 30 + u16(b, local + 26) - 1] = 0xe9;
      },
    ],
  ];
  test.each(cases)("%s", async (_, damage) => {
    const odd = new Uint8Array(input);
    damage(odd);
    expect(readZipEntries(odd)).toBeUndefined();
    const parts = unzipSync(odd);
    const plan = (await reviewBytes(input)).plan;
    const out = reviewPackage(odd, plan).bytes;
    const written = unzipSync(out);
    // Every part is still there (a renamed one under its name as fflate reads it), the untouched ones unchanged.
    for (const n of Object.keys(parts)) expect(n in written).toBe(true);
    for (const n of Object.keys(parts))
      if (!/^(\[Content_Types\]|xl\/(workbook|styles|_rels\/workbook)|xl\/worksheets\/)/.test(n))
        expect(same(written[n], parts[n])).toBe(true);
    expect(same(written["xl/theme/theme1.xml"], parts["xl/theme/theme1.xml"])).toBe(true);
    expectSound(out);
  });

  test("an encrypted-flagged or truncated directory gives PackageShapeError, not a crash", () => {
    const enc = new Uint8Array(input);
    enc[headersOf(enc, PART).central + 8] |= 1;
    expect(readZipEntries(enc)).toBeUndefined();
    const cut = input.subarray(0, input.length - 30);
    expect(readZipEntries(cut)).toBeUndefined();
    for (const b of [cut, strToU8("PK\u0003\u0004 not a zip")]) {
      let error: unknown;
      try {
        reviewPackage(b, { marks: [], sheets: [], styles: {} });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(PackageShapeError);
    }
  });
});

test("writeZip and readZipEntries round-trip: names (UTF-8 too), methods, empty entries; fflate reads the result", () => {
  const t = dosTime(new Date(2026, 10, 30, 3, 4, 6));
  const entries: ZipEntry[] = [
    deflateEntry("[Content_Types].xml", strToU8("<Types/>"), 6, t),
    {
      name: "xl/media/图片.bin",
      method: 0,
      crc: CRC32.buf(strToU8("abc")) >>> 0,
      size: 3,
      raw: strToU8("abc"),
      dosTime: t,
    },
    deflateEntry("empty.xml", new Uint8Array(0), 6, t),
  ];
  const bytes = writeZip(entries);
  const back = expectSound(bytes);
  expect(back.map((e) => [e.name, e.method, e.size, e.dosTime])).toEqual(
    entries.map((e) => [e.name, e.method, e.size, t])
  );
  const files = unzipSync(bytes);
  expect(Buffer.from(files["xl/media/图片.bin"]).toString()).toBe("abc");
  expect(files["empty.xml"].length).toBe(0);
});

test("an archive comment (clear's tag) is read back; the parts read as before; a zip without one has none", () => {
  const t = dosTime(new Date(2026, 10, 30, 3, 4, 6));
  const plain = writeZip([deflateEntry("a.xml", strToU8("<a/>"), 6, t)]);
  expect(zipComment(plain)).toBeUndefined();
  const tagged = withZipComment(plain, "budget-review clear");
  expect(zipComment(tagged)).toBe("budget-review clear");
  expect(readZipEntries(tagged)!.map((e) => e.name)).toEqual(["a.xml"]);
  expect(Buffer.from(unzipSync(tagged)["a.xml"]).toString()).toBe("<a/>");
  // Bytes after the comment (a truncated or appended file): no comment of ours.
  expect(zipComment(Buffer.concat([tagged, Buffer.from("x")]))).toBeUndefined();
  expect(() => withZipComment(tagged, "again")).toThrow(RangeError);
});

test("an entry that inflates past the size its directory records stops there: an error, not the whole bomb in memory", () => {
  const big = new Uint8Array(8 * 1024 * 1024);
  const e = deflateEntry("xl/worksheets/sheet1.xml", big, 6, 0);
  expect(e.raw.length).toBeLessThan(64 * 1024);
  // Node stops inflating past maxOutputLength (RangeError); an inflate to the end and a size check would not.
  let code: unknown;
  try {
    inflateEntry({ ...e, size: 1000 });
  } catch (err) {
    code = (err as { code?: string }).code;
  }
  expect(code).toBe("ERR_BUFFER_TOO_LARGE");
  expect(inflateEntry(e).length).toBe(big.length);
});
