/**
 * stop-32 leftover (tester31 T31-20 d): a 收支总表 whose 支出 side prints, right after its 功能 classes and with no
 * 按经济分类 heading, the same 支出 by economic class (工资福利支出 | 商品和服务支出 | 对个人和家庭的补助). The importer reads
 * those lines as a view (never classes added into 本年支出合计), but nothing compared them with 本年支出合计: a wrong
 * economic line went unseen. Expected, in every generated template: the standard layout's findings on the clean
 * workbook; an economic line 10 too high is a within.expenditure-view 错误 at it and at 本年支出合计 — or at 支出总计
 * where the side prints no 本年支出合计 and no 结转 line (tester32 T32-5).
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { CheckResult } from "../../src/core/rules/rule";
import { STYLES, buildVariant, type VariantOptions } from "../fixtures/variants";
import { mutate } from "../../bench/localization";
import { serious } from "../helpers";

const kinds = (r: CheckResult) =>
  serious(r.findings)
    .map((f) => `${f.rule} ${f.severity}`)
    .sort();

function viewCase(style: (typeof STYLES)[number], opts: VariantOptions) {
  const { grids } = buildVariant(style, { economicViewHeadless: true, ...opts });
  const report = importWorkbook(grids);
  const t1 = report.tables.find((t) => t.kind === "income_expenditure_summary")!;
  const spent = t1.rows.filter((r) => r.side === "expenditure");
  const line = spent.find((r) => r.label.replace(/[\s\u3000]/g, "") === "工资福利支出")!;
  const total =
    spent.find((r) => r.key === "current_expenditure_total") ??
    spent.find((r) => r.key === "expenditure_grand_total")!;
  return { grids, report, line, total };
}

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const by = style.unit === "元" ? 100000 : 10;

  test("economic lines right after the classes, no heading: a view, the standard layout's findings", () => {
    const plain = checkReport(importWorkbook(buildVariant(style).grids), { localize: false });
    const { report, line } = viewCase(style, {});
    expect([line.partial, line.level]).toEqual([true, 1]);
    expect(kinds(checkReport(report, { localize: false }))).toEqual(kinds(plain));
  });

  test("工资福利支出 10 too high: within.expenditure-view 错误 at it and at 本年支出合计", () => {
    const { grids, line, total } = viewCase(style, {});
    const cell = line.amounts.total.cell;
    const found = serious(
      checkReport(importWorkbook(mutate(grids, cell, by)), { localize: false }).findings
    ).filter((f) => f.rule === "within.expenditure-view");
    expect(found.map((f) => f.severity)).toEqual(["error"]);
    expect(found[0].cells).toEqual(expect.arrayContaining([cell, total.amounts.total.cell]));
    expect(found[0].message).toContain("「本年支出合计」");
    expect(found[0].message).toContain("另列的「工资福利支出」至");
  });
});

// Leaving out the 上年结转 line needs a department without 上年结转 money (summaryTotals).
describe.each(STYLES.filter((s) => !s.mixedFunds).map((s) => [s.name, s] as const))(
  "variant %s, sides ending in 总计 only",
  (_n, style) => {
    test("工资福利支出 10 too high: within.expenditure-view 错误 at it and at 支出总计", () => {
      const { grids, line, total } = viewCase(style, { summaryTotals: { last: "grand" } });
      expect(total.key).toBe("expenditure_grand_total");
      const cell = line.amounts.total.cell;
      const found = serious(
        checkReport(importWorkbook(mutate(grids, cell, style.unit === "元" ? 100000 : 10)), {
          localize: false,
        }).findings
      ).filter((f) => f.rule === "within.expenditure-view");
      expect(found.map((f) => f.severity)).toEqual(["error"]);
      expect(found[0].cells).toEqual(expect.arrayContaining([cell, total.amounts.total.cell]));
      expect(found[0].message).toContain("「支出总计」");
    });
  }
);
