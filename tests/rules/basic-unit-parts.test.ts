/**
 * cross.breakdown-totals' 基本支出预算表（按单位） (广州's 表11: 单位 lines over their economic classes) against the
 * 基本支出经济分类表 when that prints its parts apart — two tables (…基本支出表（人员经费） / （公用经费）,
 * …基本支出人员经费表 / …公用经费表) or two blocks side by side (人员经费 ‖ 公用经费, with or without a 合计 line):
 * the unit table's 合计 is the whole 基本支出 (the 合计, else 人员经费合计 + 公用经费合计 — before: the 人员经费 table
 * alone, a false 错误; side by side without a 合计: not checked) and Σ 单位 of each class is that class's line in
 * whichever part prints it (before: side by side, not checked). Each is compared with the same workbook printing one
 * 基本支出表 (合计 | 人员经费 | 公用经费): the same checks, and a figure changed alike gives the same finding
 * (expected / actual). Every generated template.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Report, Table } from "../../src/core/model/schema";
import { bump } from "../fixtures/grid-edit";
import { STYLES, UNIT_BLOCKS, buildVariant, type VariantOptions } from "../fixtures/variants";

const RULE = "cross.breakdown-totals";
const LAYOUTS: ReadonlyArray<[string, VariantOptions]> = [
  ["two tables (paren)", { basicTwoTables: "paren" }],
  ["two tables (named)", { basicTwoTables: "named" }],
  ["side by side, with 合计 line", { economicColumns: true }],
  ["side by side, no 合计 line", { economicColumns: true, economicColumnsNoTotal: true }],
];
const build = (style: (typeof STYLES)[number], opts: VariantOptions) =>
  buildVariant(style, { ...opts, basicByUnit: true });

const serious = (r: Report) =>
  checkReport(r, { localize: false })
    .findings.filter((f) => f.severity === "error" || f.severity === "warning")
    .map((f) => `${f.rule} ${f.severity}`)
    .sort();

const checked = (r: Report) =>
  checkReport(r, { localize: false }).perRule.find((p) => p.id === RULE)!.checked;

const unitTable = (r: Report): Table => r.tables.find((t) => t.kind === "basic_expenditure_unit")!;

/** `by` 万元 in the table's own unit. */
const scaled = (t: Table, by: number) => (t.unit === "元" ? by * 10000 : by);

/** The findings of RULE after `edit`, as [severity, expected, actual]. */
function after(
  style: (typeof STYLES)[number],
  opts: VariantOptions,
  edit: (r: Report) => { cell: string; by: number }
) {
  const v = build(style, opts);
  const { cell, by } = edit(importWorkbook(v.grids));
  bump(v.grids, cell, by, 2);
  return checkReport(importWorkbook(v.grids), { localize: false })
    .findings.filter((f) => f.rule === RULE)
    .map((f) => [f.severity, f.expected, f.actual]);
}

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const plainReport = importWorkbook(build(style, {}).grids);
  const plain = serious(plainReport);
  const plainChecked = checked(plainReport);

  test("the unit table is read, one 基本支出表: no finding", () => {
    const t = unitTable(plainReport);
    expect(t.rows.filter((r) => UNIT_BLOCKS.includes(r.label as never))).toHaveLength(2);
    expect(plain).toEqual([]);
  });

  test.each(LAYOUTS)("%s: correct → no finding, the same checks", (_l, opts) => {
    const r = importWorkbook(build(style, opts).grids);
    expect(serious(r)).toEqual(plain);
    expect(checked(r)).toEqual(plainChecked);
  });

  test.each(LAYOUTS)("%s: the unit table's 合计 +10 万元 → the 错误", (_l, opts) => {
    const edit = (r: Report) => {
      const t = unitTable(r);
      return {
        cell: t.rows.find((x) => x.key === "total")!.amounts.general.cell,
        by: scaled(t, 10),
      };
    };
    const want = after(style, {}, edit);
    expect(want).toEqual([["error", expect.any(Number), expect.any(Number)]]);
    expect(after(style, opts, edit)).toEqual(want);
  });

  test.each(LAYOUTS)("%s: the 公用经费 class line 302 +10 万元 → the class 错误", (_l, opts) => {
    const edit = (r: Report) => {
      for (const t of r.tables.filter((x) => x.kind === "basic_expenditure_economic")) {
        const line = t.rows.find((x) => x.code === "302");
        if (line) return { cell: line.amounts.total.cell, by: scaled(t, 10) };
      }
      throw new Error("no 302");
    };
    const want = after(style, {}, edit);
    expect(want).toContainEqual(["error", expect.any(Number), expect.any(Number)]);
    expect(after(style, opts, edit)).toEqual(want);
  });

  test.each(LAYOUTS)("%s: a 单位's 工资福利支出 −10 万元 → the class 错误", (_l, opts) => {
    const edit = (r: Report) => {
      const t = unitTable(r);
      const line = t.rows.filter((x) => x.label === "工资福利支出")[1];
      return { cell: line.amounts.general.cell, by: scaled(t, -10) };
    };
    const want = after(style, {}, edit);
    expect(want).toEqual([["error", expect.any(Number), expect.any(Number)]]);
    expect(after(style, opts, edit)).toEqual(want);
  });
});
