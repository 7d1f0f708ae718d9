/**
 * tester33 T33-15, in every generated template with 上年结转 money (mixedFunds): a 收入总表 that lists this year's sources
 * only (合计 | the sources, no 上年结转 column), as many county templates print it. Its 合计 is the 收支总表's 本年收入合计;
 * comparing it with 收入总计 (which adds 上年结转) gave a false 错误 on every such department, and a cause asking to set
 * 上年结转 to 0. Expected: the findings of the same workbook with the 上年结转 column; a wrong 本年收入合计 still found.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { CheckResult } from "../../src/core/rules/rule";
import { STYLES, buildVariant, type Style } from "../fixtures/variants";
import { mutate } from "../../bench/localization";
import { serious } from "../helpers";

const kinds = (r: CheckResult) =>
  serious(r.findings)
    .map((f) => `${f.rule} ${f.severity}`)
    .sort();

describe.each(STYLES.map((s) => [s.name, { ...s, mixedFunds: true } as Style] as const))(
  "variant %s with 上年结转 money",
  (_n, style) => {
    const plain = checkReport(importWorkbook(buildVariant(style).grids), { localize: false });
    const { grids } = buildVariant(style, { incomeCurrentOnly: true });
    const report = importWorkbook(grids);

    test("收入总表 without a 上年结转 column: no false 收入总计 ≠ 合计, the standard layout's findings", () => {
      const t2 = report.tables.find((t) => t.kind === "income_summary")!;
      expect(t2.columns.some((c) => c.key.startsWith("carryover"))).toBe(false);
      const result = checkReport(report, { localize: false });
      expect(serious(result.findings).filter((f) => f.rule === "cross.summary-income")).toEqual([]);
      expect(kinds(result)).toEqual(
        kinds(plain).filter((k) => !k.startsWith("cross.summary-income"))
      );
    });

    test("a 本年收入合计 +7 is found on its cell, against the 收入总表's 合计", () => {
      const t1 = report.tables.find((t) => t.kind === "income_expenditure_summary")!;
      const cur = t1.rows.find((r) => r.side === "income" && r.key === "current_income_total");
      if (!cur) return; // styles whose 收支总表 prints no 本年收入合计 line are covered by the test above
      const cell = cur.amounts.total.cell;
      const wrong = checkReport(
        importWorkbook(mutate(grids, cell, style.unit === "元" ? 70000 : 7)),
        { localize: false }
      );
      const f = serious(wrong.findings).filter((x) => x.rule === "cross.summary-income");
      expect(f.some((x) => x.cells.includes(cell))).toBe(true);
    });
  }
);
