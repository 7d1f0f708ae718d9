/**
 * printed.column-width: a formatted number wider than its column prints (and exports to PDF) as ####, so the
 * published table shows no figure there (newcomer15 NC15-10). Every generated template; the .xlsx (exceljs) and .xls
 * (SheetJS) readers carry the widths; a sheet that records no width at all says nothing.
 */
import * as XLSX from "@e965/xlsx";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { parseRef } from "../../src/core/grid/address";
import { gridColOf, gridRowOf, type SheetGrid } from "../../src/core/grid/grid";
import { printedWidth } from "../../src/core/grid/width";
import { readWorkbookBuffer } from "../../src/hosts/read-any";
import { STYLES, buildVariant } from "../fixtures/variants";
import { toXlsx } from "../fixtures/formulas";
import { readWorkbookGrids } from "../../src/hosts/office/read";
import { bench } from "../office-bench/runtime";

const serious = (grids: SheetGrid[]) =>
  checkReport(importWorkbook(grids), { localize: false }).findings.filter(
    (f) => f.severity === "error" || f.severity === "warning"
  );

/** Every sheet's columns `width` characters wide. */
function widen(grids: SheetGrid[], width: number): void {
  for (const g of grids)
    g.colWidths = Array.from(
      { length: Math.max(0, ...g.values.map((r) => r.length)) },
      () => width
    );
}

/** The 一般公共预算支出表's 合计 figure: its grid, grid row and column. */
function totalCell(grids: SheetGrid[]) {
  const t = importWorkbook(grids).tables.find((x) => x.kind === "general_budget_expenditure")!;
  const total = t.rows.find((r) => r.level === 0)!;
  const a = total.amounts.total ?? Object.values(total.amounts)[0];
  const g = grids.find((x) => x.sheet === t.sheet)!;
  const p = parseRef(a.cell);
  return { g, r: gridRowOf(g, p.r0), c: gridColOf(g, p.c0), cell: a.cell };
}

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  test("wide columns: nothing to say", () => {
    const { grids } = buildVariant(style);
    widen(grids, 30);
    expect(serious(grids)).toEqual([]);
  });

  test("the 合计 column of the 一般公共预算支出表 narrower than its 合计: one 警告 naming that column", () => {
    const { grids } = buildVariant(style);
    widen(grids, 30);
    const { g, r, c, cell } = totalCell(grids);
    g.colWidths![c] = Math.max(1, Math.floor(printedWidth(g.text[r][c])) - 1);
    const found = serious(grids);
    if (typeof g.values[r][c] !== "number") {
      // Amounts stored as text are not printed as #### (text is cut off instead): not this rule's to say.
      expect(found).toEqual([]);
      return;
    }
    // One 警告 per table in that sheet column (styles that stack tables on one sheet narrow them all).
    expect(new Set(found.map((f) => f.rule))).toEqual(new Set(["printed.column-width"]));
    expect(found.filter((f) => f.cells.includes(cell))).toHaveLength(1);
    const col = /!([A-Z]+)\d+$/.exec(cell)![1];
    for (const f of found) {
      for (const x of f.cells) expect(/!([A-Z]+)\d+$/.exec(x)![1]).toBe(col);
      expect(f.message).toMatch(
        new RegExp(`的 ${col} 列太窄：\\d+ 个金额（如 ${col}\\d+ 的 .+）放不下，显示和打印为 ####`)
      );
    }
  });

  test("a column just wide enough for its widest figure, or in the General format: nothing to say", () => {
    const { grids } = buildVariant(style);
    widen(grids, 30);
    const { g, r, c } = totalCell(grids);
    g.colWidths![c] = printedWidth(g.text[r][c]);
    expect(serious(grids)).toEqual([]);
    g.colWidths![c] = 1;
    for (const row of g.numberFormat) row[c] = "General";
    expect(serious(grids).map((f) => f.rule)).not.toContain("printed.column-width");
  });
});

describe("the readers carry column widths", () => {
  const style = STYLES.find((s) => s.unit === "元" && !s.textAmounts)!;

  test(".xlsx: the widths set, and a narrowed column found; no width recorded at all: nothing said", async () => {
    const { grids } = buildVariant(style);
    widen(grids, 30);
    const { g, c, cell } = totalCell(grids);
    g.colWidths![c] = 4;
    const read = (await readWorkbookBuffer(await toXlsx(grids, new Map()))).grids;
    const back = read.find((x) => x.sheet === g.sheet)!;
    expect(back.colWidths![c]).toBeCloseTo(4, 1);
    expect(back.colWidths![0]).toBeCloseTo(30, 1);
    expect(
      serious(read).filter((f) => f.rule === "printed.column-width" && f.cells.includes(cell))
    ).toHaveLength(1);
    // The same workbook written without any width (a program's output, not laid out): no widths, nothing said.
    for (const x of grids) delete x.colWidths;
    const bare = (await readWorkbookBuffer(await toXlsx(grids, new Map()))).grids;
    expect(bare.every((x) => x.colWidths === undefined)).toBe(true);
    expect(serious(bare).map((f) => f.rule)).not.toContain("printed.column-width");
  });

  test(".xls (BIFF8 COLINFO): the widths read as Excel shows them", async () => {
    const { grids } = buildVariant(style);
    const { g, c } = totalCell(grids);
    const wb = XLSX.utils.book_new();
    for (const x of grids) {
      // Generated grids start at A1 (gridFromRows).
      const ws = XLSX.utils.aoa_to_sheet(
        x.values.map((row) => row.map((v) => (v === "" ? null : v)))
      );
      x.values.forEach((row, ri) =>
        row.forEach((v, ci) => {
          if (typeof v === "number") ws[XLSX.utils.encode_cell({ r: ri, c: ci })].z = "0.00";
        })
      );
      if (x === g)
        ws["!cols"] = Array.from({ length: x.values[0].length }, (_, k) => ({
          width: (k === c ? 4 : 30) + 5 / 7,
        }));
      XLSX.utils.book_append_sheet(wb, ws, x.sheet);
    }
    const bytes = XLSX.write(wb, { type: "array", bookType: "biff8", cellStyles: true });
    const read = await readWorkbookBuffer(new Uint8Array(bytes));
    expect(read.format).toBe("xls");
    const back = read.grids.find((x) => x.sheet === g.sheet)!;
    expect(back.colWidths?.[c]).toBeCloseTo(4, 0);
    expect(read.grids.find((x) => x.sheet !== g.sheet)?.colWidths).toBeUndefined();
    expect(serious(read.grids).map((f) => f.rule)).toContain("printed.column-width");
  });

  test("Office.js (getColumnProperties, standardWidth): the same widths, still 2 round trips; all standard: nothing said", async () => {
    const { grids } = buildVariant(style);
    widen(grids, 30);
    const { g, c, cell } = totalCell(grids);
    g.colWidths![c] = 4;
    const b = bench(grids);
    const res = await b.Excel.run((ctx) => readWorkbookGrids(ctx));
    expect(b.executor.roundTrips).toBe(2);
    const back = res.grids.find((x) => x.sheet === g.sheet)!;
    expect(back.colWidths![c]).toBeCloseTo(4, 5);
    expect(back.colWidths![0]).toBeCloseTo(30, 5);
    expect(
      serious(res.grids).filter((f) => f.rule === "printed.column-width" && f.cells.includes(cell))
    ).toHaveLength(1);
    for (const x of grids) delete x.colWidths;
    const plain = bench(grids);
    const bare = await plain.Excel.run((ctx) => readWorkbookGrids(ctx));
    expect(bare.grids.every((x) => x.colWidths === undefined)).toBe(true);
  });
});
