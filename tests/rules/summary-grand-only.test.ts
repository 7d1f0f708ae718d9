/**
 * tester32 T32-5: a 收支总表 or 财政拨款收支总表 whose sides end in 收入总计 / 支出总计 with no 本年收入合计 / 本年支出合计
 * line (many small templates print so). Without 结转 lines the 总计 is this year's total and nothing compared 支出总计
 * with the classes: a 类 printed 10 too high in both its 合计 and its source (山东 高职院校: 一、教育支出 in 小计 and
 * 一般公共预算) was found only where another table happened to print it. Expected, in every generated template: the
 * standard layout's findings on the clean workbook; a 类 wrong, or the 总计 wrong, is a 表内 错误 comparing 支出总计 with
 * the classes (+ 年终结转 where printed) at the 总计's cell, the message naming the line printed (「支出总计」); on the
 * 收入 side a source wrong is found at 收入总计 (within.income-grand-total: one rule for the pair, never two).
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { CheckResult } from "../../src/core/rules/rule";
import type { Row, Table } from "../../src/core/model/schema";
import { STYLES, buildVariant } from "../fixtures/variants";
import { mutate } from "../../bench/localization";
import { serious } from "../helpers";

const kinds = (r: CheckResult) =>
  serious(r.findings)
    .map((f) => `${f.rule} ${f.severity}`)
    .sort();

const SUMMARIES = ["income_expenditure_summary", "fiscal_appropriation_summary"] as const;
const clean = (r: Row) => r.label.replace(/\s/g, "");

/** The first 类 line of a side with a figure in this column, and the side's 总计 line. */
function lines(t: Table, side: "income" | "expenditure", key: string) {
  const rows = t.rows.filter((r) => r.side === side);
  const grand = rows.find((r) => r.key === `${side}_grand_total`);
  const first = rows.find(
    (r) =>
      r.level === 1 &&
      !r.partial &&
      !r.key?.startsWith("carryover") &&
      r.amounts[key] &&
      !r.amounts[key].blank &&
      r.amounts[key].value
  );
  return { grand, first };
}

describe.each([
  ["no 结转 lines", false],
  ["结转 lines kept", true],
] as const)("%s", (_w, carry) => {
  const styles = STYLES.filter((s) => carry || !s.mixedFunds);
  describe.each(styles.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
    const plain = checkReport(importWorkbook(buildVariant(style).grids), { localize: false });
    const { grids } = buildVariant(style, { summaryTotals: { last: "grand", carry } });
    const report = importWorkbook(grids);
    const by = style.unit === "元" ? 100000 : 10;
    const rule = carry ? "within.expenditure-grand-total" : "within.current-expenditure";

    test("read with 总计 lines only; the standard layout's findings", () => {
      for (const kind of SUMMARIES) {
        const t = report.tables.find((x) => x.kind === kind)!;
        expect([kind, t.rows.some((r) => r.key?.startsWith("current_"))]).toEqual([kind, false]);
        expect([kind, !!lines(t, "expenditure", "total").grand]).toEqual([kind, true]);
      }
      expect(kinds(checkReport(report, { localize: false }))).toEqual(kinds(plain));
    });

    test.each(SUMMARIES.map((k) => [k]))(
      "%s: a 类 10 too high in every column is a 表内 错误 at 支出总计",
      (kind) => {
        const t = report.tables.find((x) => x.kind === kind)!;
        const { grand, first } = lines(t, "expenditure", "total");
        // The class line's every figure (合计 and its source): its own line still adds up.
        const cells = Object.keys(first!.amounts)
          .filter((k) => !first!.amounts[k].blank && first!.amounts[k].value)
          .map((k) => first!.amounts[k].cell);
        const wrong = cells.reduce((g, c) => mutate(g, c, by), grids);
        const found = serious(checkReport(importWorkbook(wrong), { localize: false }).findings);
        const at = found.filter(
          (f) => f.rule === rule && f.cells.includes(grand!.amounts.total.cell)
        );
        expect(at.map((f) => f.severity)).toEqual(["error"]);
        expect(at[0].message).toContain(`「${clean(grand!)}」`);
        expect(at[0].message).not.toContain("本年支出合计");
      }
    );

    test.each(SUMMARIES.map((k) => [k]))(
      "%s: 支出总计 10 too high is a 表内 错误 at it",
      (kind) => {
        const t = report.tables.find((x) => x.kind === kind)!;
        const cell = lines(t, "expenditure", "total").grand!.amounts.total.cell;
        const found = serious(
          checkReport(importWorkbook(mutate(grids, cell, by)), { localize: false }).findings
        );
        expect(found.filter((f) => f.rule === rule && f.cells.includes(cell)).length).toBe(1);
      }
    );

    test.each(SUMMARIES.map((k) => [k]))(
      "%s: a source 10 too high is found once at 收入总计 (income-grand-total)",
      (kind) => {
        const t = report.tables.find((x) => x.kind === kind)!;
        const { grand, first } = lines(t, "income", "total");
        const wrong = mutate(grids, first!.amounts.total.cell, by);
        const found = serious(checkReport(importWorkbook(wrong), { localize: false }).findings);
        const within = found.filter(
          (f) => f.rule.startsWith("within.") && f.cells.includes(grand!.amounts.total.cell)
        );
        expect(within.map((f) => f.rule)).toContain("within.income-grand-total");
        expect(within.filter((f) => f.rule === "within.current-income")).toEqual([]);
      }
    );
  });
});
