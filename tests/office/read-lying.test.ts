/**
 * The Office host on inputs that lie, through Microsoft's runtime and the in-memory bench: hidden rows and
 * columns come back as the .xlsx host reads them (one more round trip, only when some are hidden), and a huge used
 * range is probed for its content instead of read whole — Excel is never asked for a million-row range.
 */
import { promises as fs } from "fs";
import path from "path";
import { bench } from "../office-bench/runtime";
import { readWorkbookGrids } from "../../src/hosts/office/read";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { gridFromRows, sheetColOf, sheetRowOf, type SheetGrid } from "../../src/core/grid/grid";
import { columnIndex } from "../../src/core/grid/address";
import { loadSample, samplePath } from "../helpers";
import { editSheet, hideColumn, hideRows } from "../fixtures/xlsx-parts";

const fixture = (p: string) => fs.readFile(path.join(__dirname, "..", "fixtures", p));

/** Grids compared in sheet coordinates (either host may start later than A1 or skip empty runs). */
function absolute(g: SheetGrid) {
  const cells: Record<string, unknown> = {};
  g.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== "")
        cells[`${sheetRowOf(g, r)},${sheetColOf(g, c)}`] = [v, g.text[r][c], g.numberFormat[r][c]];
    })
  );
  const merges = g.merges.map((m) => [sheetRowOf(g, m.r0), sheetColOf(g, m.c0)].join(",")).sort();
  const hiddenRows = (g.hiddenRows ?? []).map((r) => sheetRowOf(g, r));
  return {
    sheet: g.sheet,
    visibility: g.visibility,
    cells,
    merges,
    hiddenRows: hiddenRows.sort((a, b) => a - b),
    hiddenCols: (g.hiddenCols ?? []).map((c) => sheetColOf(g, c)).sort((a, b) => a - b),
  };
}
const findingKeys = (grids: SheetGrid[]) =>
  checkReport(importWorkbook(grids)).findings.map(
    (f) => `${f.rule}|${f.cells.join(",")}|${f.message}`
  );

async function viaOffice(
  grids: SheetGrid[],
  opts: Parameters<typeof readWorkbookGrids>[1] = { mergedAreas: true }
) {
  const b = bench(grids);
  const res = await b.Excel.run((ctx) => readWorkbookGrids(ctx, opts));
  return { res, executor: b.executor };
}

test("field case 13: the hidden row comes back hidden; the same grids and findings as the .xlsx host; 3 round trips", async () => {
  const { grids } = await readXlsxBuffer(await fixture("field-cases/13-hidden-item-row.xlsx"));
  expect(grids.find((g) => g.sheet === "预算公开表3")!.hiddenRows?.length).toBe(1);
  const { res, executor } = await viaOffice(grids);
  expect(executor.roundTrips).toBe(3);
  expect(res.grids.map(absolute)).toEqual(grids.map(absolute));
  expect(findingKeys(res.grids)).toEqual(findingKeys(grids));
  expect(findingKeys(res.grids)[0]).toMatch(/^printed\.hidden-amounts\|预算公开表3!A11,/);
});

test("hidden rows and a hidden column on every sample: the Office host reads them as the .xlsx host does", async () => {
  const bytes = await fs.readFile(samplePath("jincheng-chengqu-2025"));
  const { report } = await loadSample("jincheng-chengqu-2025");
  const t = report.tables.find((x) => x.rows.length > 5 && x.columns.length > 2)!;
  const variant = editSheet(bytes, t.sheet, (xml) =>
    hideColumn(hideRows(xml, [t.rows[2].row, t.rows[4].row]), columnIndex(t.columns[1].col))
  );
  const { grids } = await readXlsxBuffer(variant);
  const { res, executor } = await viaOffice(grids);
  expect(executor.roundTrips).toBe(3);
  expect(res.grids.map(absolute)).toEqual(grids.map(absolute));
  expect(findingKeys(res.grids)).toEqual(findingKeys(grids));
});

test("bad input 20 (a lone value at A1048576): the content is probed, every read is bounded, 4 round trips, the .xlsx host's findings", async () => {
  const { grids } = await readXlsxBuffer(await fixture("bad-inputs/20-bottom-row.xlsx"));
  const { res, executor } = await viaOffice(grids);
  expect(executor.roundTrips).toBe(4);
  expect(Math.max(...executor.reads.map((r) => r.cells))).toBeLessThan(10_000);
  expect(executor.reads.some((r) => /1048576/.test(r.address))).toBe(true); // the stray row itself is read, alone
  expect(res.grids.map(absolute)).toEqual(grids.map(absolute));
  expect(findingKeys(res.grids)).toEqual(findingKeys(grids));
  expect(findingKeys(res.grids).filter((k) => k.startsWith("printed.stray-content"))).toHaveLength(
    1
  );
});

test("field case 12b (a styled cell at XFD1048576): formatting never widens the used range; 2 round trips, reads of the content only", async () => {
  const { grids } = await readXlsxBuffer(await fixture("field-cases/12-huge-used-range.b.xlsx"));
  const b = bench(grids);
  const s = b.wb.sheets.find((x) => x.name === "预算公开表3")!;
  s.cells.set("1048575,16383", { value: "", numberFormat: "0.00" });
  const res = await b.Excel.run((ctx) => readWorkbookGrids(ctx, { mergedAreas: true }));
  expect(b.executor.roundTrips).toBe(2);
  expect(Math.max(...b.executor.reads.map((r) => r.cells))).toBeLessThan(10_000);
  expect(findingKeys(res.grids)).toEqual(findingKeys(grids));
});

test("content past the head in rows and columns, hidden rows there, merges: read as rectangles; without ExcelApi 1.9 in blocks", async () => {
  const rows: Array<Array<string | number>> = [
    ["部门支出总表"],
    ["科目编码", "科目名称", "合计"],
    ["201", "一般公共服务支出", 10],
    ["20101", "人大事务", 10],
  ];
  const g = gridFromRows("表", rows, { merges: [{ r0: 0, c0: 0, r1: 0, c1: 2 }] });
  const b = bench([g]);
  const s = b.wb.sheets[0];
  s.cells.set("5000,1", { value: "远处的备注", numberFormat: "General" });
  s.cells.set("5001,1", { value: 7, numberFormat: "0.00" });
  s.cells.set("2,900", { value: "x", numberFormat: "General" });
  s.hiddenRows.add(5001);
  s.hiddenRows.add(3);
  const opts = { mergedAreas: true, headRows: 100, headCols: 50, blockCells: 40 };
  const res = await b.Excel.run((ctx) => readWorkbookGrids(ctx, opts));
  expect(b.executor.roundTrips).toBeGreaterThanOrEqual(4);
  expect(Math.max(...b.executor.reads.map((r) => r.cells))).toBeLessThanOrEqual(40);
  const got = res.grids[0];
  expect(absolute(got).cells).toEqual({
    "0,0": ["部门支出总表", "部门支出总表", "General"],
    "1,0": ["科目编码", "科目编码", "General"],
    "1,1": ["科目名称", "科目名称", "General"],
    "1,2": ["合计", "合计", "General"],
    "2,0": ["201", "201", "General"],
    "2,1": ["一般公共服务支出", "一般公共服务支出", "General"],
    "2,2": [10, "10.00", "0.00"],
    "3,0": ["20101", "20101", "General"],
    "3,1": ["人大事务", "人大事务", "General"],
    "3,2": [10, "10.00", "0.00"],
    "2,900": ["x", "x", "General"],
    "5000,1": ["远处的备注", "远处的备注", "General"],
    "5001,1": [7, "7.00", "0.00"],
  });
  expect(absolute(got).hiddenRows).toEqual([3, 5001]);
  expect(absolute(got).merges).toEqual(["0,0"]);
  expect(got.values.length).toBeLessThan(60);
  const report = importWorkbook(res.grids);
  expect(
    report.unrecognized
      .filter((u) => u.stray)
      .map((u) => u.cell)
      .sort()
  ).toEqual(["表!AHQ3", "表!B5001"]);

  const old = bench([g]);
  old.wb.sheets[0].cells.set("5001,1", { value: 7, numberFormat: "0.00" });
  const blocks = await old.Excel.run((ctx) =>
    readWorkbookGrids(ctx, { ...opts, specialCells: false, blockCells: 4000 })
  );
  expect(blocks.blockRead).toEqual(["表"]);
  expect(blocks.grids[0].values.length).toBe(5002);
});
