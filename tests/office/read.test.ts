/** The Office host's read side on the real runtime: same grids and model as the .xlsx host, two round trips. */
import { bench } from "../office-bench/runtime";
import { readWorkbookGrids } from "../../src/hosts/office/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { gridFromRows, type SheetGrid } from "../../src/core/grid/grid";
import { loadSample, SAMPLES } from "../helpers";

/** Grids compared in sheet coordinates: the Office used range (valuesOnly) may start later than A1. */
function absolute(g: SheetGrid) {
  const cells: Record<string, unknown> = {};
  g.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== "" || g.numberFormat[r][c] !== "General")
        cells[`${r + g.origin.row},${c + g.origin.col}`] = [v, g.text[r][c], g.numberFormat[r][c]];
    })
  );
  const merges = g.merges
    .map((m) =>
      [m.r0 + g.origin.row, m.c0 + g.origin.col, m.r1 + g.origin.row, m.c1 + g.origin.col].join(",")
    )
    .sort();
  return { sheet: g.sheet, visibility: g.visibility, cells, merges };
}

test.each(SAMPLES.map((s) => [s]))(
  "%s: Office host grids and report model equal the .xlsx host's; 2 round trips",
  async (name) => {
    const { grids, report } = await loadSample(name);
    const b = bench(grids);
    const res = await b.Excel.run((ctx) => readWorkbookGrids(ctx, { mergedAreas: true }));
    expect(b.executor.roundTrips).toBe(2);
    expect(res.grids.map(absolute)).toEqual(grids.map(absolute));
    expect(importWorkbook(res.grids)).toEqual(report);
  }
);

test.each([3, 300])("%i sheets are read in 2 round trips", async (n) => {
  const grids = Array.from({ length: n }, (_, i) =>
    gridFromRows(`表${i + 1}`, [
      ["部门支出总表"],
      ["科目编码", "科目名称", "合计"],
      ["合计", "", i],
    ])
  );
  const b = bench(grids);
  const res = await b.Excel.run((ctx) => readWorkbookGrids(ctx));
  expect(b.executor.roundTrips).toBe(2);
  expect(res.grids).toHaveLength(n);
  expect(res.grids[n - 1].values[2][2]).toBe(n - 1);
});

test("hidden and very hidden sheets are read and reported; a protected sheet is readable; a blank sheet is an empty grid", async () => {
  const grids = [
    gridFromRows("a", [["x", 1]]),
    gridFromRows("b", [["y", 2]]),
    gridFromRows("c", [["z", 3]]),
    gridFromRows("blank", []),
  ];
  const b = bench(grids);
  b.wb.sheets[1].visibility = "Hidden";
  b.wb.sheets[2].visibility = "VeryHidden";
  b.wb.sheets[0].protected = true;
  const res = await b.Excel.run((ctx) => readWorkbookGrids(ctx));
  expect(res.grids.map((g) => [g.sheet, g.visibility, g.values.length])).toEqual([
    ["a", "visible", 1],
    ["b", "hidden", 1],
    ["c", "veryHidden", 1],
    ["blank", "visible", 0],
  ]);
  expect(importWorkbook(res.grids).hiddenSheets).toEqual(["b", "c"]);
});

test("a used range over the read limit comes back null and is read again in blocks, giving the same grid", async () => {
  const rows = Array.from({ length: 2000 }, (_, r) => [`行${r}`, r, r * 2, r / 4]);
  const grids = [gridFromRows("大表", rows), gridFromRows("小表", [["a", 1]])];
  const b = bench(grids, { maxReadCells: 3000 });
  const res = await b.Excel.run((ctx) =>
    readWorkbookGrids(ctx, { maxCellsPerRead: 3000, blockCells: 2500 })
  );
  expect(res.blockRead).toEqual(["大表"]);
  expect(res.grids[0].values).toEqual(grids[0].values);
  expect(res.grids[0].text).toEqual(grids[0].text);
  expect(res.grids[1].values).toEqual([["a", 1]]);
  expect(b.executor.roundTrips).toBeGreaterThan(2);
});

test("a request over the payload limit (Excel on the web: 5 MB) falls back to sizes, then blocks", async () => {
  const rows = Array.from({ length: 1500 }, (_, r) => [`项目${r}`, r * 1.5]);
  const grids = [gridFromRows("大表", rows)];
  const b = bench(grids, { maxResponseChars: 60_000 });
  const res = await b.Excel.run((ctx) => readWorkbookGrids(ctx, { blockCells: 1000 }));
  expect(res.grids[0].values).toEqual(grids[0].values);
  expect(res.blockRead).toEqual(["大表"]);
});

test("without ExcelApi 1.13 merged areas are not asked for, and the read still works", async () => {
  const { grids } = await loadSample("jishan-2024");
  const b = bench(grids, { maxExcelApi: "1.9" });
  const res = await b.Excel.run((ctx) => readWorkbookGrids(ctx, { mergedAreas: false }));
  expect(res.grids.every((g) => g.merges.length === 0)).toBe(true);
  expect(importWorkbook(res.grids).tables.length).toBeGreaterThan(10);
});
