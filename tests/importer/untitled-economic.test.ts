/**
 * A 支出经济分类总表 printed without a title (fix29b; the title in a text box or the page header, sheets 表1…表N):
 * its header is the 支出总表's (科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出) or, split, shows 人员经费 | 公用经费
 * like the 基本支出经济分类表's — before, it was read as a second 支出总表 (taken for the 一般公共预算支出表 by order)
 * or a second 基本支出经济分类表, and compared as one: a false 错误. Its body tells it apart (untitled.ts
 * economicBody): 经济分类 科目 (301 / 30101 …, or 工资福利支出 … by name) rather than 功能分类 ones (201 …). Every
 * generated style that prints one table per sheet, with the split header and without, with and without 政府性基金:
 * the same kinds as the titled workbook, nothing found, its comparisons made and a changed figure found.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { SheetGrid } from "../../src/core/grid/grid";
import { STYLES, buildVariant, type VariantOptions } from "../fixtures/variants";
import { untitled } from "../fixtures/untitled";
import { mutate } from "../../bench/localization";
import { fundRelation } from "../../src/core/rules/scope";
import { said, scaleOf, serious } from "../rules/economic-helpers";

const kinds = (grids: SheetGrid[]) =>
  importWorkbook(grids)
    .tables.map((t) => t.kind)
    .filter((k) => k !== "operating_funds")
    .sort();
const RULES = ["cross.expenditure-economic-summary", "cross.expenditure-economic-basic"];

const SETUPS: Array<[string, VariantOptions]> = [
  ["split header", { expenditureEconomic: true }],
  ["合计 | 基本支出 | 项目支出", { expenditureEconomic: "basic" }],
  ["with 政府性基金", { expenditureEconomic: true, govFund: { amount: 30 } }],
];
// As in untitled.test.ts: one table per sheet, titles that name no scope the tables need.
const styles = STYLES.filter((s) => !s.stacked && !s.partTitle && !s.oneSided && !s.mixedFunds);

describe.each(styles.flatMap((s) => SETUPS.map(([n, o]) => [`${s.name} (${n})`, s, o] as const)))(
  "untitled 支出经济分类总表: %s",
  (_n, style, opts) => {
    const { grids } = buildVariant(style, opts);
    const bare = untitled(grids);
    const report = importWorkbook(bare);

    test("read as the 支出经济分类总表, compared, and nothing found", () => {
      expect(bare.map((g) => g.sheet)).toContain("表5");
      expect(kinds(bare)).toEqual(kinds(grids));
      expect(report.tables.filter((t) => t.kind === "expenditure_economic")).toHaveLength(1);
      const res = checkReport(report, { localize: false });
      expect(said(res.findings)).toEqual([]);
      // The untitled 基本支出 table names no scope: compared only where the department has 一般公共预算 money alone.
      const t6 = report.tables.find((t) => t.kind === "basic_expenditure_economic")!;
      const t = report.tables.find((x) => x.kind === "expenditure_economic")!;
      const rules = fundRelation(report, t6, t) ? RULES : RULES.slice(0, 1);
      for (const rule of rules)
        expect(res.identities.some((i) => i.rule === rule && i.status === "holds")).toBe(true);
    });

    test("its 合计 line's 项目支出 changed is found at its cell", () => {
      const t = report.tables.find((x) => x.kind === "expenditure_economic")!;
      const cell = t.rows.find((r) => r.key === "total" && r.level === 0)!.amounts.project.cell;
      const res = checkReport(importWorkbook(mutate(bare, cell, 2.5 * scaleOf(style))), {
        localize: false,
      });
      expect(
        res.identities.some(
          (i) =>
            i.rule === "cross.expenditure-economic-summary" &&
            i.status === "violated" &&
            i.terms.some((x) => x.cell === cell)
        )
      ).toBe(true);
    });
  }
);

/**
 * The 一般公共预算支出经济分类表 prints the same header and codes: untitled, its 合计 (the 一般公共预算支出表's, not the
 * 支出总表's) tells it apart (untitled.ts economicTables) — else, with 政府性基金 money, read as the 总表 it was a
 * false 错误 against the 支出总表 and the 项目支出表.
 */
describe.each(
  styles.flatMap((s) =>
    (["split", "basic"] as const).map((ge) => [`${s.name} (${ge})`, s, ge] as const)
  )
)("untitled 一般公共预算支出经济分类表: %s", (_n, style, ge) => {
  const { grids } = buildVariant(style, { generalEconomic: ge, govFund: { amount: 30 } });
  const bare = untitled(grids);

  test("read as the 一般公共预算 one, and nothing found", () => {
    expect(kinds(bare)).toEqual(kinds(grids));
    expect(kinds(bare)).toContain("general_budget_economic");
    expect(said(checkReport(importWorkbook(bare), { localize: false }).findings)).toEqual([]);
  });

  test("its 合计 wrong (no table's money): compared as no scope, found at that cell only", () => {
    const t = importWorkbook(bare).tables.find((x) => x.kind === "general_budget_economic")!;
    const cell = t.rows.find((r) => r.key === "total" && r.level === 0)!.amounts.total.cell;
    const report = importWorkbook(mutate(bare, cell, 3 * scaleOf(style)));
    const read = report.tables.find((x) => x.sheet === t.sheet)!;
    expect(read.scopeUnknown).toBe(true);
    // Not the 支出总表's money: its 基本支出 / 项目支出 (right) are not compared with the 支出总表's (a false 错误).
    const fs = serious(checkReport(report, { localize: false }).findings);
    expect(fs.length).toBeGreaterThan(0);
    expect(fs.filter((f) => !f.cells.includes(cell)).map((f) => f.message)).toEqual([]);
  });
});
