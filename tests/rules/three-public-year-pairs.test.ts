/**
 * A “三公” table laid across with a year pair UNDER each item (tester26b T26B-1): 合计 | 因公出国（境）费 | 公务接待费 |
 * 公务用车购置及运行维护费 (小计 | 其中：购置费 | 运行维护费) over the header's last line 2024年 | 2025年 (2024年预算数 |
 * 2025年预算数, 上年预算 | 本年预算, 2024年预算数 | 2025年预算数 | 增减) under each of them, in every generated template. The years under the items are
 * read as the years-on-top layout's bands (上年 | 本年 over the items): this year's columns are the items, last year's
 * their 上年 band. Before, each year column was an item of its own (col_X): a false 警告 on a clean workbook and no 错误
 * for a 合计 ≠ Σ items.
 * - clean: no 错误 / 警告, 合计 20 this year and 24 last year;
 * - this year's 合计, or this year's 公务接待费, +7: a 错误 citing it;
 * - last year's 合计, or last year's 运行维护费, +7: a 错误 citing it (last year's band is checked as in the
 *   years-on-top layout: tests/rules/bands.test.ts), none elsewhere; so is a 增减 figure.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { SheetGrid } from "../../src/core/grid/grid";
import { columnIndex, columnLetter } from "../../src/core/grid/address";
import { STYLES, buildVariant, type VariantOptions } from "../fixtures/variants";
import { mutate } from "../../bench/localization";
import { serious } from "../helpers";

const check = (grids: SheetGrid[]) => checkReport(importWorkbook(grids), { localize: false });

/** The cell `dc` columns right of `cell` (a sheet-qualified A1 address), on its row. */
function beside(cell: string, dc: number): string {
  const [, head, letters, row] = /^(.*!)([A-Z]+)(\d+)$/.exec(cell)!;
  return `${head}${columnLetter(columnIndex(letters) + dc)}${row}`;
}

const WORDINGS: Array<NonNullable<VariantOptions["threePublicYearPairs"]>> = [
  "years",
  "budgets",
  "words",
  "change",
];

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  describe.each(WORDINGS)("year pairs worded %s", (how) => {
    const v = buildVariant(style, { threePublicYearPairs: how });
    const now = v.expected.find((e) => e.kind === "three_public")!.totalCell!;
    const u = style.threePublicUnit === "元" ? 10000 : 1;
    // Columns per item (last year, this year, 增减), from this year's 合计: 接待 this year 2w right, 运行维护 last
    // year 5w − 1 right.
    const w = how === "change" ? 3 : 2;
    const result = check(v.grids);
    const before = new Set(result.findings.map((f) => f.message));
    /** The new 错误 / 警告 after `cell` +7: whether any cites it, and those citing other cells only. */
    const changed = (cell: string) => {
      const found = serious(check(mutate(v.grids, cell, 7 * u)).findings).filter(
        (f) => !before.has(f.message)
      );
      return {
        cited: found.some((f) => f.severity === "error" && f.cells.includes(cell)),
        elsewhere: found.filter((f) => !f.cells.includes(cell)).map((f) => f.message),
      };
    };

    test("clean: no 错误 / 警告; 合计 read as 20 this year, 24 last year", () => {
      expect(serious(result.findings).map((f) => f.message)).toEqual([]);
      const t = importWorkbook(v.grids).tables.find((x) => x.kind === "three_public")!;
      const total = t.rows.find((r) => r.key === "total")!;
      expect(total.amounts.total.value).toBe(20 * u);
      expect(total.amounts.prior?.value).toBe(24 * u);
      expect(total.amounts.total.cell).toBe(now);
    });

    test("this year's 合计 +7: a 错误 at its cell", () => {
      expect(changed(now).cited).toBe(true);
    });

    test("this year's 公务接待费 +7: a 错误 at its cell", () => {
      expect(changed(beside(now, 2 * w)).cited).toBe(true);
    });

    test("last year's 合计 or 运行维护费 +7: a 错误 at its cell, none elsewhere", () => {
      for (const cell of [beside(now, -1), beside(now, 5 * w - 1)])
        expect({ cell, ...changed(cell) }).toEqual({ cell, cited: true, elsewhere: [] });
    });

    if (how === "change")
      test("增减 of 合计 or of 公务接待费 +7: a 错误 at its cell, none elsewhere", () => {
        for (const cell of [beside(now, 1), beside(now, 2 * w + 1)])
          expect({ cell, ...changed(cell) }).toEqual({ cell, cited: true, elsewhere: [] });
      });
  });
});
