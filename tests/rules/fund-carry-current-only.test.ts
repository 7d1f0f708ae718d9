/**
 * rows34 leftover (tester34 T34-2 for the 政府性基金): a 中央部门-style set (tests/fixtures/central-carry.ts) whose
 * 政府性基金预算支出表 includes its 上年结转 (235.00 = 本年 200.00 + 上年结转 35.00 on 2296002) beside a 收入总表 listing
 * this year's sources only (no 上年结转 column). The fund table's 合计 is 表2's 政府性基金预算 plus 表4's 上年结转 of the
 * fund: accepted, as the 一般公共预算支出表 is. Expected: no cross.gov-fund finding; a wrong 合计 on the fund table is
 * still found on its cell.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { CENTRAL_VARIANTS, centralWorkbook } from "../fixtures/central-carry";
import { mutate } from "../../bench/localization";
import { serious } from "../helpers";

describe.each(
  CENTRAL_VARIANTS.map((o) => [`${o.unit}${o.totalsLast ? " 合计在后" : ""}`, o] as const)
)("%s", (_n, o) => {
  const grids = centralWorkbook({ ...o, incomeCurrentOnly: true });
  const report = importWorkbook(grids);
  const result = checkReport(report, { localize: false });

  test("政府性基金预算支出表 含上年结转 beside a 本年-only 收入总表: no cross.gov-fund / cross.general-budget finding", () => {
    expect(
      serious(result.findings)
        .filter((f) => f.rule === "cross.gov-fund" || f.rule === "cross.general-budget")
        .map((f) => f.message)
    ).toEqual([]);
  });

  test("the fund table's 合计 +7 is found on its cell", () => {
    const t7 = report.tables.find((t) => t.kind === "gov_fund_expenditure")!;
    const cell = t7.rows.find((r) => r.key === "total" && r.level === 0)!.amounts.total.cell;
    const before = new Set(result.findings.map((f) => f.message));
    const wrong = checkReport(importWorkbook(mutate(grids, cell, o.unit === "元" ? 70000 : 7)), {
      localize: false,
    });
    const f = serious(wrong.findings).filter(
      (x) => x.rule === "cross.gov-fund" && !before.has(x.message)
    );
    expect(f.some((x) => x.cells.includes(cell))).toBe(true);
  });
});
