/**
 * newcomer7's kind 5 (stop 22), in every generated template: (1) the 收入总表's 上年结转 column captioned 结转结余 (read as an
 * unknown column: its 上年结转 was lost, and the 一般公共预算支出表 including 上年结转 was compared with the 一般公共预算 column
 * alone: false 错误); (2) the 收支总表's income side ending 上年结转 | 收入合计, no 本年收入合计 line (收入合计 was read as
 * 本年收入合计 and found ≠ the sources). Expected: the standard layout's findings, and a wrong source still found.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { CheckResult } from "../../src/core/rules/rule";
import { STYLES, buildVariant } from "../fixtures/variants";
import { mutate } from "../../bench/localization";
import { serious } from "../helpers";

const kinds = (r: CheckResult) =>
  serious(r.findings)
    .map((f) => `${f.rule} ${f.severity}`)
    .sort();

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const plain = checkReport(importWorkbook(buildVariant(style).grids), { localize: false });

  test("收入总表's 上年结转 column captioned 结转结余: read as 上年结转, the standard layout's findings", () => {
    const report = importWorkbook(
      buildVariant(style, {
        sourceCaption: { from: "上年结转", to: "结转结余", columnsOnly: true },
      }).grids
    );
    const t2 = report.tables.find((t) => t.kind === "income_summary")!;
    expect(t2.columns.filter((c) => c.key.startsWith("col_"))).toEqual([]);
    expect(kinds(checkReport(report, { localize: false }))).toEqual(kinds(plain));
  });

  test("收支总表 income side ending 上年结转 | 收入合计: the standard layout's findings; a source +7 found on its cell", () => {
    const { grids } = buildVariant(style, { incomeTotalLast: true });
    const report = importWorkbook(grids);
    expect(kinds(checkReport(report, { localize: false }))).toEqual(kinds(plain));
    const t1 = report.tables.find((t) => t.kind === "income_expenditure_summary")!;
    const cell = t1.rows.find((r) => r.key === "src_general")!.amounts.total.cell;
    const wrong = checkReport(
      importWorkbook(mutate(grids, cell, style.unit === "元" ? 70000 : 7)),
      {
        localize: false,
      }
    );
    expect(serious(wrong.findings).some((f) => f.cells.includes(cell))).toBe(true);
  });
});

/**
 * bands9: the 收支总表's income side listing 上年结转 right after the sources, then 收入合计 (the sources + 上年结转) and
 * 收入总计 (the same) below it — in every generated template, each given 上年结转 money (mixedFunds) so that 收入合计 and
 * 本年's differ. 收入合计 was read as 本年收入合计: 3 false 错误 (within.current-income, within.income-grand-total,
 * cross.summary-income). Expected: the standard layout's findings; each of a source, 上年结转, 收入合计 and 收入总计 +7 is
 * found on its cell.
 */
describe.each(STYLES.map((s) => [s.name, { ...s, mixedFunds: true }] as const))(
  "variant %s with 上年结转 money",
  (_n, style) => {
    const plain = checkReport(importWorkbook(buildVariant(style).grids), { localize: false });
    const { grids } = buildVariant(style, { carryInIncomeTotal: true });
    const report = importWorkbook(grids);
    const t1 = report.tables.find((t) => t.kind === "income_expenditure_summary")!;
    const income = t1.rows.filter((r) => r.side === "income");
    const cellOf = (f: (r: (typeof income)[number]) => boolean) =>
      income.find(f)!.amounts.total.cell;

    test("收支总表 income side 上年结转 | 收入合计 | 收入总计: the standard layout's findings", () => {
      expect(income.some((r) => r.key === "current_income_total")).toBe(false);
      expect(kinds(checkReport(report, { localize: false }))).toEqual(kinds(plain));
    });

    test.each([
      ["一般公共预算", (r: (typeof income)[number]) => r.key === "src_general"],
      ["上年结转", (r: (typeof income)[number]) => r.key === "carryover_in"],
      ["收入合计", (r: (typeof income)[number]) => r.label.replace(/\s/g, "") === "收入合计"],
      ["收入总计", (r: (typeof income)[number]) => r.label.replace(/\s/g, "") === "收入总计"],
    ])("%s +7: a 错误 citing its cell", (_w, f) => {
      const cell = cellOf(f);
      const wrong = checkReport(
        importWorkbook(mutate(grids, cell, style.unit === "元" ? 70000 : 7)),
        { localize: false }
      );
      expect(
        serious(wrong.findings).some((x) => x.severity === "error" && x.cells.includes(cell))
      ).toBe(true);
    });
  }
);
