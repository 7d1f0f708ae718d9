/**
 * A 财政拨款支出表（按功能科目） in the place of the 一般公共预算支出表 (newcomer11 NC11-7; kinds.ts
 * reads it as that table) in a department with 政府性基金 money: its 合计 and the 政府性基金 lines (212 › 21208 ›
 * 2120803) hold 财政拨款, not 一般公共预算. Before, cross.general-budget compared them with the 收入总表's 一般公共预算
 * (and cross.basic-project its 项目支出 with the 项目支出表's 一般公共预算) → false 错误 on a consistent workbook. Now
 * they are compared with the 财政拨款 columns (一般公共预算 + 政府性基金 + 国有资本经营) and the table is named by its title.
 * Every generated template; a 项's 合计 +7 is still a 错误 at its cell.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { mutate } from "../../bench/localization";
import { STYLES, buildVariant } from "../fixtures/variants";
import { serious } from "../helpers";

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const opts = { govFund: { amount: 50 }, fiscalExpenditure: true };
  const { grids } = buildVariant(style, opts);
  const report = importWorkbook(grids);
  const t5 = report.tables.find((t) => t.kind === "general_budget_expenditure")!;

  test("the table holds the 政府性基金 lines; nothing is reported", () => {
    expect(t5.title).toMatch(/财政拨款支出表/);
    const plain = importWorkbook(buildVariant(style, { govFund: opts.govFund }).grids);
    const p5 = plain.tables.find((t) => t.kind === "general_budget_expenditure")!;
    expect(t5.rows.length).toBeGreaterThan(p5.rows.length);
    const found = serious(checkReport(report, { localize: false }).findings);
    expect(found.map((f) => `${f.rule} ${f.message}`)).toEqual([]);
  });

  test("a 项's 合计 +7: a 错误 citing it, the table named 财政拨款支出表", () => {
    const xiang = t5.rows.find((r) => r.code?.length === 7 && r.amounts.total?.value)!;
    const cell = xiang.amounts.total!.cell;
    const delta = t5.unit === "元" ? 70000 : 7;
    const found = serious(
      checkReport(importWorkbook(mutate(grids, cell, delta)), { localize: false }).findings
    );
    const at = found.filter((f) => f.severity === "error" && f.cells.includes(cell));
    expect(at.length).toBeGreaterThan(0);
    expect(at.some((f) => /财政拨款支出表/.test(f.message))).toBe(true);
  });
});
