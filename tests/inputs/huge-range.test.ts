/**
 * Huge used ranges (field case 12, bad input 20, generated variants of every sample): a styled cell at
 * XFD1048576, a million styled empty rows, a lone value at A1048576 or XFD1. The grids hold the cells that have
 * something (their size is the clean workbook's, give or take the skipped runs); the findings are the clean
 * workbook's, plus one 提示 naming a stray value.
 */
import { promises as fs } from "fs";
import path from "path";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { MAX_EMPTY_RUN, type SheetGrid } from "../../src/core/grid/grid";
import { quoteSheet } from "../../src/core/grid/address";
import { stripEmptyCells } from "../../src/hosts/xlsx/slim";
import type { Finding } from "../../src/core/rules/rule";
import { samplePath, SAMPLES } from "../helpers";
import { addCell, editSheet, styledEmptyRows } from "../fixtures/xlsx-parts";

const fixture = (p: string) => fs.readFile(path.join(__dirname, "..", "fixtures", p));
async function review(bytes: Uint8Array) {
  const { grids } = await readXlsxBuffer(bytes);
  const report = importWorkbook(grids);
  return { grids, report, findings: checkReport(report).findings };
}
const key = (f: Finding) => `${f.rule}|${f.severity}|${f.cells.join(",")}|${f.message}`;
const cellsOf = (g: SheetGrid) => g.values.length * (g.values[0]?.length ?? 0);
/** Every grid at most its clean twin's size plus the skipped runs' allowance around one stray cell. */
function expectSmall(grids: SheetGrid[], clean: SheetGrid[]) {
  grids.forEach((g, i) => {
    const c = clean[i];
    expect(g.values.length).toBeLessThanOrEqual(c.values.length + MAX_EMPTY_RUN + 1);
    expect(g.values[0]?.length ?? 0).toBeLessThanOrEqual(
      (c.values[0]?.length ?? 0) + MAX_EMPTY_RUN + 1
    );
    expect(g.text.length).toBe(g.values.length);
  });
}

test("stripEmptyCells drops style-only cells and the rows left empty, keeps values, formulas and prefixed XML", () => {
  const xml =
    '<sheetData><row r="1" spans="1:2"><c r="A1" s="3"/><c r="B1" t="s"><v>0</v></c></row><row r="2"><c r="A2" s="1"/></row><row r="3"/><x:row r="4"><x:c r="A4" s="2"/></x:row><row r="5" hidden="1"><c r="C5"><f>SUM(A1:B1)</f></c></row></sheetData>';
  expect(stripEmptyCells(xml)).toBe(
    '<sheetData><row r="1" spans="1:2"><c r="B1" t="s"><v>0</v></c></row><row r="5" hidden="1"><c r="C5"><f>SUM(A1:B1)</f></c></row></sheetData>'
  );
});

describe("field case 12 and bad input 20", () => {
  let clean: Awaited<ReturnType<typeof review>>;
  let cleanBytes: Uint8Array;
  beforeAll(async () => {
    cleanBytes = await fixture("field-cases/12-huge-used-range.clean.xlsx");
    clean = await review(cleanBytes);
  });

  test("(b) one styled cell at XFD1048576: the clean result, grids of the clean size", async () => {
    const b = await review(await fixture("field-cases/12-huge-used-range.b.xlsx"));
    expect(clean.findings).toEqual([]);
    expect(b.findings).toEqual([]);
    expect(b.report.tables.map((t) => t.range)).toEqual(clean.report.tables.map((t) => t.range));
    expectSmall(b.grids, clean.grids);
    expect(b.grids.map(cellsOf)).toEqual(clean.grids.map(cellsOf));
  });

  test("(a) a million styled empty rows under 预算公开表3 (generated as the field case describes): the clean result", async () => {
    const bytes = editSheet(cleanBytes, "预算公开表3", (xml) => styledEmptyRows(xml, 23, 1048576));
    expect(bytes.length).toBeGreaterThan(1_000_000);
    const a = await review(bytes);
    expect(a.findings).toEqual([]);
    expect(a.grids.map(cellsOf)).toEqual(clean.grids.map(cellsOf));
  });

  test("bad input 20: a lone value at A1048576 is named once (提示), everything else is the sample's", async () => {
    const sample = await review(await fs.readFile(samplePath("jishan-2024")));
    const bottom = await review(await fixture("bad-inputs/20-bottom-row.xlsx"));
    expectSmall(bottom.grids, sample.grids);
    const extra = bottom.findings.filter((f) => !sample.findings.some((g) => key(g) === key(f)));
    expect(extra.map((f) => [f.rule, f.severity, f.cells])).toEqual([
      ["printed.stray-content", "info", ["预算公开表1!A1048576"]],
    ]);
    expect(sample.findings.filter((g) => !bottom.findings.some((f) => key(f) === key(g)))).toEqual(
      []
    );
    expect(bottom.report.tables.map((t) => t.range)).toEqual(
      sample.report.tables.map((t) => t.range)
    );
  });
});

describe.each(SAMPLES.map((s) => [s]))("%s", (name) => {
  let bytes: Uint8Array;
  let base: Awaited<ReturnType<typeof review>>;
  beforeAll(async () => {
    bytes = await fs.readFile(samplePath(name));
    base = await review(bytes);
  });

  test("styled cells at XFD1048576 on every sheet: the sample's findings and grid sizes", async () => {
    let v = bytes;
    for (const g of base.grids)
      v = editSheet(v, g.sheet, (xml) => addCell(xml, 1048575, 16383, ""));
    const r = await review(v);
    expect(r.findings.map(key)).toEqual(base.findings.map(key));
    expect(r.grids.map(cellsOf)).toEqual(base.grids.map(cellsOf));
  });

  test.each([
    ["A1048576", 1048575, 0],
    ["XFD1", 0, 16383],
    ["XFD1048576", 1048575, 16383],
  ])(
    "a lone value at %s on each table's sheet: the sample's findings plus one 提示 there",
    async (ref, r0, c0) => {
      const sheets = [...new Set(base.report.tables.map((t) => t.sheet))];
      for (const sheet of sheets.slice(0, 4)) {
        const r = await review(editSheet(bytes, sheet, (xml) => addCell(xml, r0, c0, "<v>1</v>")));
        const added = r.findings.filter((f) => !base.findings.some((g) => key(g) === key(f)));
        expect(added.map((f) => [f.rule, f.severity, f.cells])).toEqual([
          ["printed.stray-content", "info", [`${quoteSheet(sheet)}!${ref}`]],
        ]);
        expect(r.findings.length).toBe(base.findings.length + 1);
        expect(r.report.tables.map((t) => [t.kind, t.range])).toEqual(
          base.report.tables.map((t) => [t.kind, t.range])
        );
        expectSmall(r.grids, base.grids);
      }
    }
  );
});
