/**
 * A table's 合计 line worded after the table (newcomer7, stop 22): 部门收入合计 in the 收入总表, 部门支出合计 in the 支出总表,
 * 一般公共预算支出合计, 基本支出合计 in the 基本支出表, 政府性基金预算支出合计, in every generated template. Each is the
 * table's 合计 (its total line, level 0): before, it was read as a level-1 line — false 错误 by code against the other
 * tables (the 收入总表's, the 一般公共预算支出表's) or, in the 基本支出表, a total silently lost. A wrong 合计 so worded
 * is still found.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { TableKind } from "../../src/core/model/schema";
import { STYLES, buildVariant } from "../fixtures/variants";
import { mutate } from "../../bench/localization";
import { serious, kinds } from "../helpers";

const WORDS: Array<[TableKind, string]> = [
  ["income_summary", "部门收入合计"],
  ["expenditure_summary", "部门支出合计"],
  ["general_budget_expenditure", "一般公共预算支出合计"],
  ["basic_expenditure_economic", "基本支出合计"],
  ["gov_fund_expenditure", "政府性基金预算支出合计"],
];
const govFund = { amount: 12.5 };

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const plain = checkReport(importWorkbook(buildVariant(style, { govFund }).grids), {
    localize: false,
  });

  test.each(WORDS)("%s's 合计 line worded %s: its total, nothing to report", (kind, words) => {
    const v = buildVariant(style, { govFund, ownTotals: { [kind]: words } });
    const report = importWorkbook(v.grids);
    const t = report.tables.find((x) => x.kind === kind)!;
    const line = t.rows.find((r) => r.label.replace(/\s/g, "") === words)!;
    expect([line.key, line.level]).toEqual(["total", 0]);
    const result = checkReport(report, { localize: false });
    expect(serious(result.findings).map((f) => f.message)).toEqual([]);
    expect(kinds(result)).toEqual(kinds(plain));
    // Its first figure +7: found, on its cell.
    const cell = v.expected.find((e) => e.kind === kind)!.totalCell!;
    const delta = style.unit === "元" ? 70000 : 7;
    const wrong = checkReport(importWorkbook(mutate(v.grids, cell, delta)), { localize: false });
    expect(serious(wrong.findings).some((f) => f.cells.includes(cell))).toBe(true);
  });
});
