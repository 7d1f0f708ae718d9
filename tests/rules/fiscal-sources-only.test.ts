/**
 * A 财政拨款收支总表 whose 支出 side prints its sources only (一般公共预算 | 政府性基金预算 | 国有资本经营预算, no 小计
 * column): its 支出总计 is their sum. within.balance used to compare the first source alone with the 收入总计 — a false
 * 错误 by the 政府性基金 amount on every correct workbook of such a template. For every generated template (the
 * one-sided one prints a 合计 column for both sides: not this layout).
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { STYLES, buildVariant } from "../fixtures/variants";
import { mutate } from "../../bench/localization";
import { serious } from "../helpers";

describe.each(STYLES.filter((s) => !s.oneSided).map((s) => [s.name, s] as const))(
  "variant %s",
  (_n, style) => {
    const grids = buildVariant(style, {
      govFund: { amount: 30 },
      fiscalSourcesOnly: true,
    }).grids;
    const report = importWorkbook(grids);
    const t = report.tables.find((x) => x.kind === "fiscal_appropriation_summary")!;
    const out = t.rows.find((r) => r.key === "expenditure_grand_total")!;
    const inc = t.rows.find((r) => r.key === "income_grand_total")!;

    test("read without a 合计 on the 支出 side; correct → no finding, and the balance is checked", () => {
      expect(Object.keys(out.amounts).sort()).toEqual(["general", "gov_fund", "state_capital"]);
      expect(serious(checkReport(report).findings)).toEqual([]);
      const res = checkReport(report);
      expect(res.perRule.find((r) => r.id === "within.balance")!.checked).toBeGreaterThan(0);
    });

    test("a 支出总计 source figure off: within.balance says so, citing it and the 收入总计", () => {
      for (const k of ["general", "gov_fund"]) {
        const cell = out.amounts[k].cell;
        const fs = checkReport(importWorkbook(mutate(grids, cell, 7))).findings;
        const f = fs.find((x) => x.rule === "within.balance");
        expect({ k, cells: f?.cells, severity: f?.severity }).toEqual({
          k,
          cells: expect.arrayContaining([cell, inc.amounts.total.cell]),
          severity: "error",
        });
      }
    });
  }
);
