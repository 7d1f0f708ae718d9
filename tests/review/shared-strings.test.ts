/**
 * tester27 T27-2: a reviewed copy re-saved by LibreOffice keeps one shared string table for every sheet, the review
 * sheets' texts included. Clearing (or re-reviewing) it takes those strings off with the sheets — the cleared copy no
 * longer carries the findings — and renumbers the user's text cells, whose texts stay exactly as they were.
 */
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { unzipSync, strFromU8 } from "fflate";
import { samplePath } from "../helpers";
import type ExcelJS from "exceljs";
import { clearedBytes, libreofficeConvert, load, reviewBytes } from "./helpers";

jest.setTimeout(240000);
const REVIEW = ["审核结果", "预算汇总"];
/** Every cell's value (texts, numbers, formulas) of the user's sheets, by sheet and address. */
function values(wb: ExcelJS.Workbook): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const ws of wb.worksheets)
    if (!REVIEW.includes(ws.name))
      ws.eachRow((row) => row.eachCell((cell) => (out[`${ws.name}!${cell.address}`] = cell.value)));
  return out;
}
const sst = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)["xl/sharedStrings.xml"]);

let dir: string;
let saved: Uint8Array;
let messages: string[];
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "sst-"));
  const reviewed = await reviewBytes(new Uint8Array(await fs.readFile(samplePath("jishan-2024"))));
  messages = reviewed.result.findings.map((f) => f.message);
  await fs.writeFile(path.join(dir, "reviewed.xlsx"), reviewed.bytes);
  await fs.mkdir(path.join(dir, "lo"));
  const { out } = await libreofficeConvert(
    path.join(dir, "reviewed.xlsx"),
    "xlsx",
    path.join(dir, "lo")
  );
  saved = new Uint8Array(await fs.readFile(out));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

test("the LibreOffice-saved copy holds the review's texts in its shared strings (the premise)", () => {
  expect(messages.length).toBeGreaterThan(0);
  expect(messages.some((m) => sst(saved).includes(m.slice(0, 12)))).toBe(true);
});

test("cleared, its shared strings hold none of the review's texts; every cell of the user's sheets reads as before", async () => {
  const cleared = clearedBytes(saved);
  expect(cleared.cleared.sheets).toBe(2);
  const text = sst(cleared.bytes);
  expect(text).not.toContain("预算审核");
  for (const m of messages) expect(text).not.toContain(m.slice(0, 12));
  const count = (s: string) => (s.match(/<si\b/g) ?? []).length;
  expect(count(text)).toBeLessThan(count(sst(saved)));
  expect(Number(/uniqueCount="(\d+)"/.exec(text)?.[1])).toBe(count(text));
  expect(values(await load(cleared.bytes))).toEqual(values(await load(saved)));
});
