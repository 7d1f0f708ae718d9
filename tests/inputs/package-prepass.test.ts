/**
 * The read pre-pass (normalisePackage, src/hosts/xlsx/package.ts) inflates only what it reads: a part's first bytes
 * tell its encoding and root element, whole parts are inflated only when they need normalising (or are relationships
 * and the workbook). What it hands exceljs keeps the untouched parts as their compressed entries; a part that does
 * not inflate is still named as a damaged zip.
 */
import { promises as fs } from "fs";
import path from "path";
import * as zlib from "zlib";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { samplePath } from "../helpers";
import { mulberry32 } from "../../bench/localization";
import { normalisePackage } from "../../src/hosts/xlsx/package";
import { readXlsxBuffer, WorkbookReadError } from "../../src/hosts/xlsx/read";
import { readZipEntries } from "../../src/hosts/xlsx/zip";

const bad = (name: string) => path.join(__dirname, "..", "fixtures", "bad-inputs", name);
const valuesOf = (grids: Awaited<ReturnType<typeof readXlsxBuffer>>["grids"]) =>
  grids.map((g) => [g.sheet, g.values]);

test("a package that needs nothing is handed over as it is (the same bytes)", async () => {
  const input = new Uint8Array(await fs.readFile(samplePath("jishan-2024")));
  expect(normalisePackage(input).bytes).toBe(input);
});

test("a prefixed package: the parts rewritten are stored, every other part keeps its compressed entry", async () => {
  const input = new Uint8Array(await fs.readFile(bad("48-prefixed-namespace.xlsx")));
  const out = normalisePackage(input).bytes;
  expect(out).not.toBe(input);
  const before = new Map(readZipEntries(input)!.map((e) => [e.name, e]));
  const after = readZipEntries(out)!;
  expect(after.map((e) => e.name)).toEqual([...before.keys()]);
  let copied = 0;
  for (const e of after) {
    const o = before.get(e.name)!;
    const data = e.method === 8 ? zlib.inflateRawSync(e.raw) : e.raw;
    if (
      /^<\?xml[^>]*>\s*<x:/.test(strFromU8(o.method === 8 ? zlib.inflateRawSync(o.raw) : o.raw))
    ) {
      expect(e.method).toBe(0);
      expect(strFromU8(data)).not.toMatch(/<x:/);
    } else if (Buffer.from(e.raw).equals(Buffer.from(o.raw)) && e.crc === o.crc) copied++;
  }
  expect(copied).toBeGreaterThan(0);
});

test("a prefixed root after a long comment (past the bytes read first) is still found and normalised", async () => {
  const files = unzipSync(new Uint8Array(await fs.readFile(bad("48-prefixed-namespace.xlsx"))));
  const random = mulberry32(11);
  // Incompressible text: its first compressed bytes decode to the comment only.
  const noise = Array.from({ length: 6000 }, () =>
    String.fromCharCode(0x4e00 + Math.floor(random() * 0x5000))
  ).join("");
  for (const n of Object.keys(files))
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(n))
      files[n] = strToU8(strFromU8(files[n]).replace(/\?>/, `?><!--${noise}-->`));
  const input = zipSync(files, { level: 6 });
  const out = normalisePackage(input).bytes;
  for (const [n, b] of Object.entries(unzipSync(out)))
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(n)) expect(strFromU8(b)).not.toMatch(/<x:worksheet/);
  const grids = (await readXlsxBuffer(input)).grids;
  expect(valuesOf(grids)).toEqual(
    valuesOf(
      (await readXlsxBuffer(new Uint8Array(await fs.readFile(bad("48-prefixed-namespace.xlsx")))))
        .grids
    )
  );
});

test("a part whose compressed data is damaged (one the pre-pass does not read included): named, not a crash", async () => {
  const input = new Uint8Array(await fs.readFile(samplePath("jishan-2024")));
  const codes: string[] = [];
  for (const name of ["xl/theme/theme1.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet2.xml"]) {
    const e = readZipEntries(input)!.find((x) => x.name === name);
    if (!e) continue;
    const b = new Uint8Array(input);
    // Overwrite the middle of the part's deflate stream with an invalid block header (BTYPE 11).
    b.fill(
      0xff,
      e.raw.byteOffset + (e.raw.length >> 1),
      e.raw.byteOffset + (e.raw.length >> 1) + 16
    );
    let error: unknown;
    try {
      await readXlsxBuffer(b);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(WorkbookReadError);
    // Damage that no longer inflates names the zip; damage that inflates to something else names the part.
    const { code, message } = error as WorkbookReadError;
    codes.push(code);
    if (code === "corrupt") expect(message).toMatch(/压缩结构已损坏/);
    else expect([code, message]).toEqual(["xml_broken", expect.stringContaining(name)]);
  }
  // The theme is not read by the pre-pass: exceljs trips on it, and the damaged zip is still what is named.
  expect(codes[0]).toBe("corrupt");
});
