/**
 * Protection the user set (newcomer10 NC10-6): a sheet protected against editing keeps its content as it is — no
 * marks, no notes (only the password could take them off again; the add-in leaves such sheets alone too) — and is
 * named; a workbook whose structure is locked gets its review sheets as a workbook of their own (inserted sheets could
 * be removed again only with the password).
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { promises as fs } from "fs";
import { samplePath } from "../helpers";
import { PackageShapeError } from "../../src/hosts/xlsx/package-review";
import { reviewBytes } from "./helpers";

const SHEETS = /^xl\/worksheets\/sheet\d+\.xml$/;
const PROTECTION = '<sheetProtection password="CC1A" sheet="1" objects="1" scenarios="1"/>';

/** The sample with every worksheet protected (after sheetData, as the schema orders it), or its structure locked. */
async function protectedSample(how: "sheets" | "structure"): Promise<Uint8Array> {
  const files = unzipSync(await fs.readFile(samplePath("jishan-2024")));
  for (const name of Object.keys(files)) {
    const xml = strFromU8(files[name]);
    if (how === "sheets" && SHEETS.test(name)) {
      const at = xml.indexOf("</sheetData>") + "</sheetData>".length;
      files[name] = strToU8(xml.slice(0, at) + PROTECTION + xml.slice(at));
    }
    if (how === "structure" && name === "xl/workbook.xml")
      files[name] = strToU8(
        xml.replace(/<bookViews|<sheets/, (m) => `<workbookProtection lockStructure="1"/>${m}`)
      );
  }
  return zipSync(files);
}

test("protected sheets keep their content: no marks, no notes, named; the review sheets are still inserted", async () => {
  const input = await protectedSample("sheets");
  const r = await reviewBytes(input);
  const before = unzipSync(input);
  const after = unzipSync(r.bytes);
  expect(r.protectedSheets.length).toBeGreaterThan(0);
  for (const name of Object.keys(before).filter((n) => SHEETS.test(n))) {
    const strip = (x: string) => x.replace(/\stabSelected="(?:1|true)"/g, "");
    expect([name, strip(strFromU8(after[name]))]).toEqual([name, strip(strFromU8(before[name]))]);
  }
  expect(Object.keys(after).filter((n) => /comments/.test(n))).toEqual([]);
  const wb = strFromU8(after["xl/workbook.xml"]);
  expect(wb).toMatch(/<sheet name="审核结果"/);
});

test("a workbook whose structure is locked is not given sheets: the writer declines and says why", async () => {
  await expect(reviewBytes(await protectedSample("structure"))).rejects.toThrow(PackageShapeError);
  await expect(reviewBytes(await protectedSample("structure"))).rejects.toThrow(/工作簿结构受保护/);
});
