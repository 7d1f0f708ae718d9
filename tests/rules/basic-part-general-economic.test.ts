/**
 * cross.basic-economic's line-by-line comparison of the 基本支出经济分类表 with a 一般公共预算支出经济分类表 when the
 * 基本支出表 is published as two part tables (…基本支出表（人员经费） / （公用经费）, …基本支出人员经费表 / …公用经费表):
 * each part's line against that table's 人员经费 / 公用经费 column of the code (split) or its 基本支出 (the code in
 * one part only). Before: not compared at all (only the whole table's lines were). Compared with the same workbook
 * printing one 基本支出表: correct, no finding; a 公用经费 line 10 万元 higher fails its one comparison. Every
 * generated template, the 经济分类表 printing 人员经费 | 公用经费 or 基本支出.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Report, Table } from "../../src/core/model/schema";
import { bump } from "../fixtures/grid-edit";
import { STYLES, buildVariant, type VariantOptions } from "../fixtures/variants";

const RULE = "cross.basic-economic";
const LAYOUTS: ReadonlyArray<[string, VariantOptions]> = [
  ["two tables (paren)", { basicTwoTables: "paren" }],
  ["two tables (named)", { basicTwoTables: "named" }],
];
const GENERAL: ReadonlyArray<[string, VariantOptions]> = [
  ["经济分类表 人员经费 | 公用经费", { generalEconomic: "split" }],
  ["经济分类表 基本支出", { generalEconomic: "basic" }],
];

const serious = (r: Report) =>
  checkReport(r, { localize: false })
    .findings.filter((f) => f.severity === "error" || f.severity === "warning")
    .map((f) => `${f.rule} ${f.severity}`)
    .sort();

/** [checked, failed] of RULE. */
const counts = (r: Report) => {
  const p = checkReport(r, { localize: false }).perRule.find((x) => x.id === RULE)!;
  return [p.checked, p.failed];
};

/** `by` 万元 in the table's own unit. */
const scaled = (t: Table, by: number) => (t.unit === "元" ? by * 10000 : by);

/** RULE's failed comparisons after the 基本支出 table's 30201 办公费 line is printed 10 万元 higher. */
function after(style: (typeof STYLES)[number], opts: VariantOptions): number {
  const v = buildVariant(style, opts);
  for (const t of importWorkbook(v.grids).tables.filter(
    (x) => x.kind === "basic_expenditure_economic"
  )) {
    const line = t.rows.find((x) => x.code === "30201");
    if (line) bump(v.grids, line.amounts.total.cell, scaled(t, 10), 2);
  }
  return counts(importWorkbook(v.grids))[1];
}

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  describe.each(GENERAL)("%s", (_g, base) => {
    const plain = importWorkbook(buildVariant(style, base).grids);

    test.each(LAYOUTS)(
      "%s: correct → no finding the one table has not, each line compared",
      (_l, opts) => {
        const r = importWorkbook(buildVariant(style, { ...base, ...opts }).grids);
        expect(serious(r)).toEqual(serious(plain));
        const g = r.tables.find((t) => t.kind === "general_budget_economic")!;
        const coded = r.tables
          .filter((t) => t.kind === "basic_expenditure_economic")
          .flatMap((t) => t.rows.filter((x) => x.code && g.rows.some((y) => y.code === x.code)));
        expect(coded.length).toBeGreaterThan(5);
        // Every coded line of the parts is compared (besides the totals and parts of the 合计).
        expect(counts(r)[0]).toBeGreaterThanOrEqual(coded.length);
      }
    );

    test.each(LAYOUTS)("%s: 30201 办公费 10 万元 higher → the 错误", (_l, opts) => {
      // (One 基本支出表 with 人员经费 | 公用经费 columns is compared column by column: its 合计 cell alone is not.)
      expect(after(style, { ...base, ...opts })).toBe(1);
    });
  });
});
