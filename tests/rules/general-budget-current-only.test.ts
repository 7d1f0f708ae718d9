/**
 * tester34 T34-2, in every generated template with 上年结转 money (mixedFunds): a 收入总表 listing this year's sources
 * only (no 上年结转 column, tester33 T33-15) beside a 财政拨款收支总表 that prints a 一般公共预算 上年结转, and a
 * 一般公共预算支出表 whose title says neither 含 nor 不含上年结转. The 一般公共预算支出表 may show this year's money
 * (= the 收入总表's 一般公共预算) or this year's plus its 上年结转; only the first was accepted: the second gave false
 * 错误 cross.general-budget on the 合计 and on the 科目 spending the carried money. Expected: either 口径 → the findings
 * of the same workbook whose 收入总表 prints its 上年结转 column; a wrong 合计 still found in both.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { CheckResult } from "../../src/core/rules/rule";
import { STYLES, buildVariant, type Style } from "../fixtures/variants";
import { mutate } from "../../bench/localization";
import { serious } from "../helpers";

const kinds = (r: CheckResult) =>
  serious(r.findings)
    .filter((f) => f.rule !== "cross.summary-income")
    .map((f) => `${f.rule} ${f.severity}`)
    .sort();

describe.each(STYLES.map((s) => [s.name, { ...s, mixedFunds: true } as Style] as const))(
  "variant %s with 上年结转 money",
  (_n, style) => {
    const delta = style.unit === "元" ? 70000 : 7;
    describe.each([
      ["本年 口径", false],
      ["含上年结转 口径", true],
    ] as const)("一般公共预算支出表 %s", (_w, carry) => {
      const opts = carry ? { generalWithCarryover: true } : {};
      const plain = checkReport(importWorkbook(buildVariant(style, opts).grids), {
        localize: false,
      });
      const { grids } = buildVariant(style, { ...opts, incomeCurrentOnly: true });
      const report = importWorkbook(grids);
      const result = checkReport(report, { localize: false });

      test("no cross.general-budget finding; the findings of the layout with a 上年结转 column", () => {
        expect(
          serious(result.findings)
            .filter((f) => f.rule === "cross.general-budget")
            .map((f) => f.message)
        ).toEqual([]);
        expect(kinds(result)).toEqual(kinds(plain));
      });

      test("the 一般公共预算支出表's 合计 +7 is found on its cell", () => {
        const t5 = report.tables.find((t) => t.kind === "general_budget_expenditure")!;
        const cell = t5.rows.find((r) => r.key === "total" && r.level === 0)!.amounts.total.cell;
        const before = new Set(result.findings.map((f) => f.message));
        const wrong = checkReport(importWorkbook(mutate(grids, cell, delta)), { localize: false });
        const f = serious(wrong.findings).filter(
          (x) => x.rule === "cross.general-budget" && !before.has(x.message)
        );
        expect(f.some((x) => x.cells.includes(cell))).toBe(true);
      });
    });
  }
);
