/**
 * 功能科目 ↔ 经济科目 (tester31 T31-28): 2210201 住房公积金 is only the 30113 住房公积金 payment, 2080505 only the 30108
 * one (《政府收支分类科目》), so in the 一般公共预算 基本支出 the 项's 基本支出 cannot exceed the 款. Part of the 款 moved to
 * 30101 基本工资 in every economic table (every sum and every table-to-table comparison still holds) — 0 findings
 * before; cross.functional-economic-pairs (警告) cites the 项's 基本支出 and the 款. Every generated template; the clean
 * twin has no finding; the 款 holding more than the 项 (staff paid under 行政运行) is no finding either.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { parseRef } from "../../src/core/grid/address";
import { labelKey } from "../../src/core/grid/text";
import type { SheetGrid } from "../../src/core/grid/grid";
import type { Amount, Row, Table } from "../../src/core/model/schema";
import { STYLES, buildVariant } from "../fixtures/variants";
import { kinds } from "../helpers";

const RULE = "cross.functional-economic-pairs";
const ECONOMIC_KINDS = new Set<Table["kind"]>([
  "basic_expenditure_economic",
  "general_budget_economic",
  "expenditure_economic",
]);

function cellOf(grids: SheetGrid[], a: Amount): { g: SheetGrid; r: number; c: number } {
  const sheet = a.cell.slice(0, a.cell.lastIndexOf("!")).replace(/^'|'$/g, "");
  const g = grids.find((x) => x.sheet === sheet)!;
  const { r0, c0 } = parseRef(a.cell);
  return { g, r: r0 - g.origin.row, c: c0 - g.origin.col };
}

function add(grids: SheetGrid[], a: Amount, by: number): void {
  const { g, r, c } = cellOf(grids, a);
  const v = Math.round(((a.value ?? 0) + by) * 100) / 100;
  g.values[r][c] = v;
  g.text[r][c] = v.toFixed(2);
  g.numberFormat[r][c] = "0.00";
}

const named = (r: Row, code: string, name: string) =>
  r.code === code || labelKey(r.label.replace(/^[\s[【]*\d{5}[\]】]?\s*/, "")) === labelKey(name);

/**
 * `by` (万元) of the 款 `code` moved to 30101 基本工资 on every economic table's lines (every column the 款 prints a
 * figure in: 合计, 人员经费, 基本支出 …): all sums kept. Returns the 基本支出经济分类表's cell of the 款.
 */
function moveToWages(grids: SheetGrid[], code: string, name: string, by: number): string {
  const report = importWorkbook(grids);
  let cell = "";
  for (const t of report.tables.filter((x) => ECONOMIC_KINDS.has(x.kind))) {
    const from = t.rows.filter((r) => r.level > 0 && named(r, code, name));
    const to = t.rows.filter((r) => r.level > 0 && named(r, "30101", "基本工资"));
    if (from.length !== 1 || to.length !== 1) continue;
    for (const [k, a] of Object.entries(from[0].amounts)) {
      const b = to[0].amounts[k];
      if (!b || a.blank || !a.value || /prior|change|rate/.test(k)) continue;
      // A 元 table moves the same money (by × 10,000).
      const f = t.unit === "元" ? 10000 : 1;
      add(grids, a, -by * f);
      add(grids, b, by * f);
      if (t.kind === "basic_expenditure_economic" && k === "total" && !cell) cell = a.cell;
    }
  }
  return cell;
}

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  test.each([
    ["30113 住房公积金", "30113", "住房公积金", 4],
    ["30108 机关事业单位基本养老保险缴费", "30108", "机关事业单位基本养老保险缴费", 5.2],
  ])("%s less than its 功能 项's 基本支出: one 警告 citing both", (_w, code, name, by) => {
    const plain = checkReport(importWorkbook(buildVariant(style).grids));
    expect(plain.findings.filter((f) => f.rule === RULE)).toEqual([]);
    const stat = plain.perRule.find((r) => r.id === RULE)!;
    // Every template prints both sides (the pairs hold: 25.10 = 25.10, 35.20 = 35.20).
    expect(stat.passed).toBeGreaterThanOrEqual(2);
    const grids = buildVariant(style).grids;
    const cell = moveToWages(grids, code, name, by);
    expect(cell).not.toBe("");
    const result = checkReport(importWorkbook(grids));
    expect(kinds(result)).toEqual([...kinds(plain), `${RULE} warning`].sort());
    const found = result.findings.find((f) => f.rule === RULE)!;
    expect(found.cells).toContain(cell);
    expect(found.message).toMatch(new RegExp(`基本支出 .*超过.*${code}`));
  });

  test("the 款 holding more than the 项 (paid under another 功能 项 too) is no finding", () => {
    const grids = buildVariant(style).grids;
    // 30101 基本工资 → 30113 住房公积金: the 款 now exceeds 2210201's 基本支出.
    moveToWages(grids, "30113", "住房公积金", -4);
    const result = checkReport(importWorkbook(grids));
    expect(result.findings.filter((f) => f.rule === RULE)).toEqual([]);
  });
});
