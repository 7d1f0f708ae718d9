/**
 * Which column a comparison's message names (tester32 T32-24, T32-9), every generated template:
 * - within.row-change on a 支出总表 printed in bands 上年预算数 | 2025年预算数 | 增减 whose 2025年预算数 band prints its
 *   合计 as 小计: the column is 「2025年预算数」, never a bare 「小计」 (which reads like a 小计 row);
 * - hierarchy.total on a “三公” table printed as one line of figures (合计 | 因公出国（境）费 | …): the 合计 is its own
 *   printed column, named by the row; no 「预算数」 column, which the table does not print; its parts are columns
 *   (「合计」栏 … ≠ 各项之和, tester33 T33-16);
 * - within.row-change on a “三公” table laid across (items as columns, years as bands or lines): the item is a 栏
 *   (tester34 T34-0: “「合计」行「预算数」” about a column).
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { SheetGrid } from "../../src/core/grid/grid";
import { mutate } from "../../bench/localization";
import { STYLES, YEAR, buildVariant } from "../fixtures/variants";

/** The 合计 caption under this year's band printed as 小计 (its two neighbours' captions unchanged). */
function currentAsSubtotal(grids: SheetGrid[], sheet: string): SheetGrid[] {
  return grids.map((g) => {
    if (g.sheet !== sheet) return g;
    const values = g.values.map((r) => [...r]);
    const text = g.text.map((r) => [...r]);
    const r = values.findIndex((row) => row.includes(`${YEAR}年预算数`));
    const c = values[r].indexOf(`${YEAR}年预算数`);
    expect(values[r + 1][c]).toBe("合计");
    values[r + 1][c] = "小计";
    text[r + 1][c] = "小计";
    return { ...g, values, text };
  });
}

const styles = STYLES.filter((s) => !s.textAmounts).map((s) => [s.name, s] as const);

describe.each(styles)("variant %s", (_n, style) => {
  test("within.row-change names this year's column by its band: 「2025年预算数」, not 「小计」", () => {
    const built = buildVariant(style, { changeBands: true }).grids;
    const t3 = importWorkbook(built).tables.find((t) => t.kind === "expenditure_summary")!;
    const grids = currentAsSubtotal(built, t3.sheet);
    const table = importWorkbook(grids).tables.find((t) => t.kind === "expenditure_summary")!;
    expect(table.columns.find((c) => c.key === "total")?.label).toBe(`${YEAR}年预算数/小计`);
    const line = table.rows.find(
      (r) => r.level === 3 && r.amounts.prior && r.amounts.total?.value
    )!;
    const delta = table.unit === "元" ? 70000 : 7;
    const found = checkReport(importWorkbook(mutate(grids, line.amounts.total!.cell!, delta)), {
      localize: false,
    }).findings.filter((f) => f.rule === "within.row-change");
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      expect(f.message).not.toContain("「小计」");
      expect(f.message).toMatch(new RegExp(`行「${YEAR}年预算数」 `));
    }
  });

  test("hierarchy.total on a “三公” table of one line names the 合计 by its own column, no 「预算数」", () => {
    const built = buildVariant(style, { threePublicOneRow: { first: "合计" } }).grids;
    const tp = importWorkbook(built).tables.find((t) => t.kind === "three_public")!;
    const total = tp.rows.find((r) => r.key === "total")!;
    expect(tp.columns.map((c) => c.label)).toEqual(["预算数"]);
    const delta = tp.unit === "元" ? 10000 : 1;
    const found = checkReport(importWorkbook(mutate(built, total.amounts.total!.cell!, delta)), {
      localize: false,
    }).findings.filter(
      (f) => f.rule === "hierarchy.total" && f.cells.includes(total.amounts.total!.cell!)
    );
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      expect(f.message).not.toContain("预算数");
      // Its parts are columns (tester33 T33-16): 「合计」栏 … ≠ 各项之和, never 各一级行之和.
      expect(f.message).toMatch(/「合计」栏 \d.*≠ 各项之和/);
      expect(f.message).not.toMatch(/行/);
    }
  });

  test("within.row-change on a “三公” table laid across in 上年 | 本年 | 增减 bands names the item as a column (栏), not a row", () => {
    const built = buildVariant(style, { threePublicBands: true }).grids;
    const tp = importWorkbook(built).tables.find((t) => t.kind === "three_public")!;
    if (!tp.across) return; // a template printing its 三公 items as lines: 行 is right there
    const item = tp.rows.find((r) => r.key === "reception")!;
    const delta = tp.unit === "元" ? 10000 : 1;
    const found = checkReport(importWorkbook(mutate(built, item.amounts.total!.cell!, delta)), {
      localize: false,
    }).findings.filter((f) => f.cells.includes(item.amounts.total!.cell!));
    const change = found.filter((f) => f.rule === "within.row-change");
    expect(change.length).toBeGreaterThan(0);
    for (const f of change) expect(f.message).toMatch(/「公务接待费」栏/);
    for (const f of found) {
      expect(f.message).toMatch(/栏/);
      expect(f.message).not.toMatch(/「[^」]*」行|各一级行/);
    }
  });
});
