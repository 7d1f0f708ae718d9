/**
 * A 一般公共预算支出表 of this year's money only whose title does not say 不含上年结转 (newcomer9's NC9-10: most
 * provinces print it so under a plain title, 本年…, （本年预算安排）): its 合计 equals the 收入总表's 本年 一般公共预算 to
 * the cent, not that plus the 上年结转, so it is read as leaving the 结转 out — as if titled so. In every generated
 * template (the 上年结转 ones are those with mixedFunds): the same findings and checks as the titled table, and a
 * changed line still found.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Report } from "../../src/core/model/schema";
import type { CheckResult, Finding } from "../../src/core/rules/rule";
import type { SheetGrid } from "../../src/core/grid/grid";
import { STYLES, buildVariant } from "../fixtures/variants";
import { mutate } from "../../bench/localization";
import { serious } from "../helpers";

const lines = (fs: Finding[]) => serious(fs).map((f) => `${f.rule} ${f.message}`);
// naming.carryover-title compares a title's scope with the figures: it checks a titled table only.
const checks = (r: CheckResult) =>
  r.perRule.reduce((n, p) => n + (p.id === "naming.carryover-title" ? 0 : p.checked), 0);
const check = (grids: SheetGrid[]) => checkReport(importWorkbook(grids), { localize: false });

/** The grids with every text `from` replaced by `to` (a title reworded). */
const reword = (grids: SheetGrid[], from: string, to: string): SheetGrid[] =>
  grids.map((g) => {
    const sub = <T>(x: T): T => (typeof x === "string" ? (x.split(from).join(to) as T) : x);
    return {
      ...g,
      values: g.values.map((r) => r.map(sub)) as SheetGrid["values"],
      text: g.text.map((r) => r.map(sub)),
    };
  });

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const { grids } = buildVariant(style);
  const base = check(grids);

  test.each(["", "（本年预算安排）"])(
    "the 一般公共预算支出表 titled without 不含上年结转 (“%s”): read by its figures, every check kept",
    (words) => {
      const renamed = reword(grids, "（不含上年结转）", words);
      const report: Report = importWorkbook(renamed);
      const t5 = report.tables.find((t) => t.kind === "general_budget_expenditure")!;
      expect(t5.excludesCarryover).toBe(false);
      const result = checkReport(report, { localize: false });
      expect(lines(result.findings)).toEqual(lines(base.findings));
      expect(checks(result)).toBe(checks(base));
      // A 项 line of the table 10 万元 higher (its 类, 款 and 合计 left): still an 错误 at that cell.
      const line = t5.rows.find((r) => r.code?.length === 7 && r.amounts.total?.value)!;
      const cell = line.amounts.total.cell;
      const changed = check(mutate(renamed, cell, t5.unit === "元" ? 100000 : 10));
      expect(changed.findings.some((f) => f.severity === "error" && f.cells.includes(cell))).toBe(
        true
      );
    }
  );

  test("a 一般公共预算支出表 that includes the 上年结转 under a title saying neither (北京): read with it, no finding", () => {
    const report = importWorkbook(buildVariant(style, { generalWithCarryover: true }).grids);
    const t5 = report.tables.find((t) => t.kind === "general_budget_expenditure")!;
    expect(t5.title).not.toMatch(/结转/);
    const result = checkReport(report, { localize: false });
    expect(lines(result.findings)).toEqual(lines(base.findings));
  });
});
