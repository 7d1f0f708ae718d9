/**
 * tester33 T33-8 on a 中央部门-style set (tests/fixtures/central-carry.ts, in 万元 and 元, totals first and last): the
 * 财政拨款收支总表's 上年结转 lines 一般公共预算 120.00 / 政府性基金 35.00 printed exchanged.
 * - The table's own balance by fund (within.fund-balance) says so on 表4, citing the two lines and the 支出总计's
 *   fund columns, and the cause names the two lines exchanged.
 * - cross.gov-fund's 表7 ↔ 表2 comparison adds 表4's 上年结转 to 表2's 政府性基金预算: its words name each table with
 *   its figure (they named 表2 alone for a sum half of which is 表4's); every figure in the format of the sum, also when
 *   表2 and 表4 print one decimal (note34: “2000.0 + 10.0，共 2010.00”).
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { CENTRAL_VARIANTS, centralWorkbook } from "../fixtures/central-carry";
import { wholeSheet } from "../fixtures/variants";
import { table } from "../helpers";

/** Findings of the rules this concerns: the tables' sums and comparisons (the fixture prints six tables only). */
const sums = (fs: ReturnType<typeof checkReport>["findings"]) =>
  fs.filter((f) => /^(within|cross|hierarchy)\./.test(f.rule) && f.severity !== "info");

describe.each(
  CENTRAL_VARIANTS.map((o) => [`${o.unit}${o.totalsLast ? " 合计在后" : ""}`, o] as const)
)("%s", (_n, o) => {
  const k = o.unit === "元" ? 10000 : 1;
  const money = (x: number) => (x * k).toFixed(2);

  test("correct: the balance by fund is checked, nothing reported", () => {
    const res = checkReport(importWorkbook(centralWorkbook(o)));
    expect(sums(res.findings)).toEqual([]);
    const pr = res.perRule.find((r) => r.id === "within.fund-balance")!;
    expect([pr.checked, pr.passed]).toEqual([2, 2]);
  });

  test("上年结转 lines exchanged: 表4's balance by fund fails on both funds, one cause names the two lines", () => {
    const report = importWorkbook(centralWorkbook({ ...o, swapCarry: true }));
    const t4 = table(report, "fiscal_appropriation_summary");
    const carry = (key: string) => t4.rows.find((r) => r.key === key)!.amounts.total.cell;
    const [g, f] = [carry("carryover_src_general"), carry("carryover_src_gov_fund")];
    const grand = t4.rows.find((r) => r.key === "expenditure_grand_total")!;
    const res = checkReport(report);
    const mine = res.findings.filter((x) => x.rule === "within.fund-balance");
    expect(
      mine.map((x) => ({
        cells: x.cells,
        actual: x.actual,
        expected: x.expected,
        difference: x.difference,
        severity: x.severity,
      }))
    ).toEqual([
      {
        cells: [grand.amounts.general.cell, expect.any(String), g],
        actual: 12078.86 * k,
        expected: expect.closeTo(11993.86 * k, 2),
        difference: expect.closeTo(85 * k, 2),
        severity: "error",
      },
      {
        cells: [grand.amounts.gov_fund.cell, expect.any(String), f],
        actual: 235 * k,
        expected: expect.closeTo(320 * k, 2),
        difference: expect.closeTo(-85 * k, 2),
        severity: "error",
      },
    ]);
    expect(mine[0].message).toContain(
      `「支出总计」「一般公共预算财政拨款」 ${money(12078.86)} ≠ 本年收入「（一）一般公共预算财政拨款」 + 上年结转「（一）一般公共预算财政拨款」 ${money(11993.86)}`
    );
    const cause = res.causes.find((c) => c.suspects.some((s) => s.cell === g || s.cell === f));
    expect(cause?.message).toMatch(/两行金额疑对调/);
    expect(cause!.suspects.map((s) => s.cell).sort()).toEqual([g, f].sort());
  });

  test("cross.gov-fund names each table whose figure makes the expected sum", () => {
    const res = checkReport(importWorkbook(centralWorkbook({ ...o, swapCarry: true })));
    const x = res.findings.find((y) => y.rule === "cross.gov-fund")!;
    expect(x.message).toContain(
      `≠ 表2（收入总表）「合计」政府性基金预算 ${money(200)} + 表4（财政拨款收支总表）上年结转「（二）政府性基金预算财政拨款」 ${money(120)}，共 ${money(320)}`
    );
  });

  test.each([
    ["表2", ["表2"]],
    ["表4", ["表4"]],
    ["表2 and 表4", ["表2", "表4"]],
  ])(
    "cross.gov-fund: %s printed to one decimal — the figures still in the sum's format",
    (_s, sheets) => {
      let grids = centralWorkbook({ ...o, swapCarry: true });
      for (const s of sheets) grids = wholeSheet(grids, s, 1);
      const res = checkReport(importWorkbook(grids));
      const x = res.findings.find((y) => y.rule === "cross.gov-fund")!;
      expect(x.message).toContain(
        `≠ 表2（收入总表）「合计」政府性基金预算 ${money(200)} + 表4（财政拨款收支总表）上年结转「（二）政府性基金预算财政拨款」 ${money(120)}，共 ${money(320)}`
      );
    }
  );
});
