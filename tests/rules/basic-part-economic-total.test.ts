/**
 * The rules that read the 基本支出经济分类表 line by line beside a 支出经济分类总表 or a 收支总表 支出 side by
 * economic class, when the 基本支出表 prints its parts apart — two tables (…基本支出表（人员经费） / （公用经费）,
 * …基本支出人员经费表 / …公用经费表) or two blocks side by side (人员经费 ‖ 公用经费, with or without a 合计 line):
 * - cross.expenditure-economic-basic (部门支出经济分类总表 基本支出 ↔ 基本支出表, 科目 by 科目 and the 合计): each code's
 *   line in the part printing it, the 合计 as 人员经费合计 + 公用经费合计 (before: two tables — not checked, “缺少…”;
 *   side by side without a 合计 line — the 合计 not compared);
 * - cross.summary-economic-side (收支总表's 工资福利支出 / 商品和服务支出 … lines ↔ the class in the 基本支出表 and
 *   the 项目支出经济分类表): the class's line in whichever part prints it (before: two tables — not checked).
 * Each is compared with the same workbook printing one 基本支出表 (合计 | 人员经费 | 公用经费): no finding correct,
 * and a figure changed alike fails as many of the rule's comparisons (its findings may be reported once with another
 * cross rule's on the same first cell: engine.ts groupFindings). Every generated template.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Report, Table } from "../../src/core/model/schema";
import { bump } from "../fixtures/grid-edit";
import { STYLES, buildVariant, type VariantOptions } from "../fixtures/variants";

const LAYOUTS: ReadonlyArray<[string, VariantOptions]> = [
  ["two tables (paren)", { basicTwoTables: "paren" }],
  ["two tables (named)", { basicTwoTables: "named" }],
  ["side by side, with 合计 line", { economicColumns: true }],
  ["side by side, no 合计 line", { economicColumns: true, economicColumnsNoTotal: true }],
];
const CASES: ReadonlyArray<[string, VariantOptions]> = [
  ["cross.expenditure-economic-basic", { expenditureEconomic: true }],
  ["cross.summary-economic-side", { economicSide: true }],
];

const serious = (r: Report) =>
  checkReport(r, { localize: false })
    .findings.filter((f) => f.severity === "error" || f.severity === "warning")
    .map((f) => `${f.rule} ${f.severity}`)
    .sort();

const checked = (r: Report, rule: string) =>
  checkReport(r, { localize: false }).perRule.find((p) => p.id === rule)!.checked;

/** `by` 万元 in the table's own unit. */
const scaled = (t: Table, by: number) => (t.unit === "元" ? by * 10000 : by);

/** The line of `code` in whichever 基本支出 table prints it. */
function lineOf(r: Report, code: string) {
  for (const t of r.tables.filter((x) => x.kind === "basic_expenditure_economic")) {
    const line = t.rows.find((x) => x.code === code);
    if (line) return { t, line };
  }
  throw new Error(`no ${code}`);
}

/** [checked, failed] of `rule`. */
const counts = (r: Report, rule: string) => {
  const p = checkReport(r, { localize: false }).perRule.find((x) => x.id === rule)!;
  return [p.checked, p.failed];
};

/** How many of `rule`'s comparisons fail after the 基本支出 line of `code` is printed `by` 万元 higher. */
function after(
  style: (typeof STYLES)[number],
  opts: VariantOptions,
  rule: string,
  code: string,
  by: number
) {
  const v = buildVariant(style, opts);
  const { t, line } = lineOf(importWorkbook(v.grids), code);
  bump(v.grids, line.amounts.total.cell, scaled(t, by), 2);
  return counts(importWorkbook(v.grids), rule)[1];
}

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  describe.each(CASES)("%s", (rule, base) => {
    const plainReport = importWorkbook(buildVariant(style, base).grids);
    const plain = serious(plainReport);

    test.each(LAYOUTS)("%s: correct → no finding the one table has not, checked", (_l, opts) => {
      const r = importWorkbook(buildVariant(style, { ...base, ...opts }).grids);
      expect(serious(r)).toEqual(plain);
      expect(checked(plainReport, rule)).toBeGreaterThan(0);
      expect(checked(r, rule)).toBeGreaterThan(0);
    });

    test.each(LAYOUTS)(
      "%s: a 公用经费 line higher (30201 +10 万元 / 302 +80, above the 收支总表's) → the 错误",
      (_l, opts) => {
        // The 收支总表's 302 (200.5 万元) holds the 项目支出 too: only ≥ the 基本支出's 130 without a 项目支出经济分类表.
        const [code, by] = rule === "cross.summary-economic-side" ? ["302", 80] : ["30201", 10];
        const want = after(style, base, rule, code, by);
        expect(want).toBe(1);
        expect(after(style, { ...base, ...opts }, rule, code, by)).toBe(want);
      }
    );

    if (rule === "cross.expenditure-economic-basic")
      test.each(LAYOUTS)(
        "%s: the 支出经济分类总表's 合计 基本支出 100 万元 lower → the 错误",
        (_l, opts) => {
          const edit = (o: VariantOptions) => {
            const v = buildVariant(style, { ...base, ...o });
            const t = importWorkbook(v.grids).tables.find(
              (x) => x.kind === "expenditure_economic"
            )!;
            const tot = t.rows.find((x) => x.key === "total")!;
            bump(v.grids, tot.amounts.basic.cell, scaled(t, -100), 2);
            return counts(importWorkbook(v.grids), rule)[1];
          };
          expect(edit({})).toBe(1);
          expect(edit(opts)).toBe(1);
        }
      );
  });
});
