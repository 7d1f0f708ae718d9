/**
 * printed.print-area: Excel prints and exports to PDF only a sheet's print area (打印区域), so rows or columns of a
 * table outside it are not published — a print area left from last year's shorter sheet (newcomer15 NC15-9). Every
 * template; the three file readers (.xlsx through exceljs, .xls / .ods through SheetJS and the .ods pre-pass) and the
 * Office.js host carry the print area into the grid.
 */
import { promises as fs } from "fs";
import path from "path";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { readWorkbookBuffer } from "../../src/hosts/read-any";
import { readWorkbookGrids } from "../../src/hosts/office/read";
import { cellA1, parseRef } from "../../src/core/grid/address";
import { STYLES, buildVariant } from "../fixtures/variants";
import { bench } from "../office-bench/runtime";

const serious = (grids: Parameters<typeof importWorkbook>[0]) =>
  checkReport(importWorkbook(grids), { localize: false }).findings.filter(
    (f) => f.severity === "error" || f.severity === "warning"
  );

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  /** The 基本支出表, its sheet's grid, and the sheet row (1-based) of its last line with a figure. */
  const setup = () => {
    const v = buildVariant(style);
    const t = importWorkbook(v.grids).tables.find((x) => x.kind === "basic_expenditure_economic")!;
    const g = v.grids.find((x) => x.sheet === t.sheet)!;
    const { r0, r1, c1 } = parseRef(t.range);
    // The sheet's last row and column: other tables printed on the same sheet stay inside the areas set here.
    const last = g.origin.row + g.values.length - 1;
    const wide = g.origin.col + Math.max(...g.values.map((r) => r.length)) + 2;
    /** Print areas leaving out of the table rows from `cut` on, or its columns from `col` on. */
    const around = (cut: number, col: number) => [
      ...(r0 > 0 ? [`A1:${cellA1(r0 - 1, wide)}`] : []),
      `${cellA1(r0, 0)}:${cellA1(cut - 1, col - 1)}`,
      ...(r1 < last ? [`${cellA1(r1 + 1, 0)}:${cellA1(last + 5, wide)}`] : []),
    ];
    return { grids: v.grids, t, g, r1, c1, around };
  };

  test("a print area that ends 4 rows early: one 警告 naming those rows", () => {
    const { grids, t, g, r1, c1, around } = setup();
    const { r0, c0 } = parseRef(t.range);
    g.printArea = around(r1 - 3, c1 + 1);
    const found = serious(grids);
    expect(found.map((f) => f.rule)).toEqual(["printed.print-area"]);
    expect(found[0].message).toMatch(/打印区域为 [A-Z]+\d+:[A-Z]+\d+.*，表的第 \d+(–\d+)? 行/);
    // Every cited cell lies below the print area, inside the table.
    for (const c of found[0].cells) {
      const p = parseRef(c);
      expect(p.r0 > r1 - 4 && p.r0 <= r1 && p.c0 >= c0 && p.r0 >= r0).toBe(true);
    }
  });

  test("a print area around the whole table (or a wider one): nothing to say", () => {
    const { grids, g, r1, c1, around } = setup();
    g.printArea = around(r1 + 1, c1 + 3);
    expect(serious(grids)).toEqual([]);
  });

  test("a print area that leaves the last amount column out: one 警告 naming the column", () => {
    const { grids, g, r1, c1, around } = setup();
    g.printArea = around(r1 + 1, c1);
    const found = serious(grids);
    expect(found.map((f) => f.rule)).toEqual(["printed.print-area"]);
    expect(found[0].message).toMatch(/表的[A-Z]+ 列（\d+ 个/);
  });
});

describe("the readers carry the print area", () => {
  const dir = path.join(__dirname, "..", "fixtures", "newcomer15-print");
  test.each([["A-printarea2-err.xlsx"], ["A-printarea2-err.xls"], ["A-printarea2-err.ods"]])(
    "%s: the 基本支出表's rows 21–34 are outside A1:E20",
    async (f) => {
      const { grids } = await readWorkbookBuffer(await fs.readFile(path.join(dir, f)));
      expect(grids.find((g) => g.sheet === "6.一般公共预算基本支出表")!.printArea).toEqual([
        "A1:E20",
      ]);
      const found = serious(grids);
      expect(found.map((x) => x.rule)).toEqual(["printed.print-area"]);
      expect(found[0].message).toMatch(/打印区域为 A1:E20，表的第 21–34 行（14 行有金额/);
    }
  );

  test("Office.js: pageLayout.getPrintAreaOrNullObject in the same round trip", async () => {
    const { grids } = await readWorkbookBuffer(
      await fs.readFile(path.join(dir, "A-printarea2-err.xlsx"))
    );
    const b = bench(grids);
    const res = await b.Excel.run((ctx) => readWorkbookGrids(ctx));
    expect(b.executor.roundTrips).toBe(2);
    expect(res.grids.map((g) => g.printArea ?? null)).toEqual(
      grids.map((g) => g.printArea ?? null)
    );
  });
});
