/**
 * Two 类 lines' amounts exchanged in the 财政拨款收支总表 while the 收支总表 contradicts itself elsewhere (one of its
 * income lines mistyped): the 一般公共预算支出表 and the 财政拨款收支总表 disagree only with each other once the 收支总表's
 * disagreements are set aside, but the 收支总表 prints those lines as the 一般公共预算支出表 does — three tables
 * outvote one (tester32 T32-13). One cause, the 财政拨款收支总表's two lines exchanged in every column, not a tie
 * naming the right table first and the 合计 column's cells left to causes of their own. Generated variants.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Row, Table } from "../../src/core/model/schema";
import type { SheetGrid } from "../../src/core/grid/grid";
import { mutate } from "../../bench/localization";
import { STYLES, buildVariant } from "../fixtures/variants";
import { table } from "../helpers";

/** The grids with the figures of lines a and b exchanged in every amount column both print. */
function exchangeLines(
  grids: SheetGrid[],
  a: Row,
  b: Row
): { grids: SheetGrid[]; cells: string[] } {
  let g = grids;
  const cells: string[] = [];
  for (const k of Object.keys(a.amounts)) {
    const [x, y] = [a.amounts[k], b.amounts[k]];
    if (!x?.cell || !y?.cell || !x.value || !y.value) continue;
    const d = y.value - x.value;
    if (!d) continue;
    g = mutate(mutate(g, x.cell, d), y.cell, -d);
    cells.push(x.cell, y.cell);
  }
  return { grids: g, cells };
}

/** Two expenditure 类 lines of the table with different totals. */
function twoLines(t: Table): [Row, Row] | undefined {
  const lines = t.rows.filter(
    (r) => r.level === 1 && r.side !== "income" && r.code && r.amounts.total?.value
  );
  for (let i = 0; i + 1 < lines.length; i++)
    if (lines[i].amounts.total.value !== lines[i + 1].amounts.total.value)
      return [lines[i], lines[i + 1]];
  return undefined;
}

// With 单位资金 beside 一般公共预算 the 财政拨款收支总表's lines are compared one way only (口径较窄: ≤), so a swap there
// is a bound half broken, not two tables disagreeing.
describe.each(STYLES.filter((s) => !s.stacked && !s.mixedFunds).map((s) => [s.name, s] as const))(
  "%s",
  (_n, style) => {
    test("财政拨款收支总表 two lines exchanged, 收支总表 wrong elsewhere: one cause, 表4's lines 对调", () => {
      const { grids } = buildVariant(style);
      const report = importWorkbook(grids);
      const t4 = table(report, "fiscal_appropriation_summary");
      const lines = twoLines(t4);
      if (!lines) return;
      const swapped = exchangeLines(grids, ...lines);
      expect(swapped.cells.length).toBeGreaterThanOrEqual(4);
      // The 收支总表 contradicting itself away from those lines (tianjin-district's 上年结转 35 against 30): a 上年结转
      // printed with 收入总计 raised alike, so 收入总计 ≠ 支出总计 — two figures, no one cell explains it.
      const t1 = table(report, "income_expenditure_summary");
      const carry = t1.rows.find((r) => r.key === "carryover_in")?.amounts.total?.cell;
      const grand = t1.rows.find((r) => r.key === "income_grand_total")?.amounts.total?.cell;
      if (!carry || !grand) return;
      const g = mutate(mutate(swapped.grids, carry, 3), grand, 3);
      const res = checkReport(importWorkbook(g));
      const mine = res.causes.filter((c) => c.suspects.some((s) => swapped.cells.includes(s.cell)));
      // Where the 一般公共预算支出表 is compared with it one way only (a ≤: the 财政拨款收支总表's 一般公共预算 column
      // holds more), one line of the two disagrees and there is no pair of tables to tell apart: not this case.
      const pairwise = res.findings.filter(
        (f) => f.rule === "cross.general-budget" && f.cells.some((x) => swapped.cells.includes(x))
      );
      if (pairwise.length < 2) return;
      expect(mine).toHaveLength(1);
      const c = mine[0];
      expect(c.message).toMatch(/两行金额疑对调/);
      // The exchanged cells the comparisons name (the 合计 column's too, when the 收支总表's lines second it).
      expect(c.suspects.length).toBeGreaterThanOrEqual(2);
      expect(c.suspects.every((s) => swapped.cells.includes(s.cell))).toBe(true);
      expect(c.alternatives).toEqual([]);
    });
  }
);
