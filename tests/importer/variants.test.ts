/** Other provinces' layouts (generated): every table classified, every total at its cell, no false findings. */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { STYLES, buildVariant, TOTAL, DEPT, YEAR } from "../fixtures/variants";
import type { Table } from "../../src/core/model/schema";

function totalCellOf(t: Table): string | undefined {
  const sides = t.rows.filter((r) => r.level === 0 && /total/.test(r.key ?? ""));
  const r =
    sides.find((x) => x.key === "current_income_total") ??
    sides.find((x) => x.key === "total") ??
    sides[0];
  const a = r && (r.amounts.total ?? Object.values(r.amounts)[0]);
  return a?.cell;
}

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_name, style) => {
  const v = buildVariant(style);
  const report = importWorkbook(v.grids);

  test("every table is recognised with the right kind", () => {
    expect(report.tables.map((t) => t.kind)).toEqual(v.expected.map((e) => e.kind));
    // Only what is not a table stays unrecognised: a 目录, a part title above the first table.
    expect(report.unrecognized.filter((u) => !/目录|表格标题之前的内容/.test(u.reason))).toEqual(
      []
    );
    if (style.contents) expect(report.contents?.length).toBe(v.expected.length);
  });

  test("department and year are read from the header lines", () => {
    expect(report.department).toBe(DEPT);
    if (style.yearInTitle || style.metaYearLine || style.partTitle) expect(report.year).toBe(YEAR);
  });

  test("every total sits at the printed cell", () => {
    v.expected.forEach((e, i) => {
      if (!e.totalCell) return;
      expect({ kind: e.kind, cell: totalCellOf(report.tables[i]) }).toEqual({
        kind: e.kind,
        cell: e.totalCell,
      });
    });
  });

  test("the grand total reads the same amount whatever the unit and the cell type", () => {
    const t3 = report.tables.find((t) => t.kind === "expenditure_summary")!;
    const tot = t3.rows.find((r) => r.key === "total")!;
    const factor = t3.unit === "元" ? 10000 : 1;
    expect(tot.amounts.total.value! / factor).toBeCloseTo(TOTAL, 6);
    expect(tot.amounts.basic.value).not.toBeNull();
  });

  test("a consistent workbook gives no error and no warning", () => {
    const res = checkReport(report);
    const serious = res.findings.filter((f) => f.severity === "error" || f.severity === "warning");
    expect(serious).toEqual([]);
    expect(res.rules.checked).toBeGreaterThan(50);
  });
});

test("mixed funds: figures of different scope that differ by exactly the out-of-scope money are not findings", () => {
  const style = STYLES.find((s) => s.mixedFunds)!;
  const report = importWorkbook(buildVariant(style).grids);
  const t3 = report.tables.find((t) => t.kind === "expenditure_summary")!;
  const t5 = report.tables.find((t) => t.kind === "general_budget_expenditure")!;
  const row = (t: typeof t3, code: string) =>
    t.rows.find((r) => r.code === code)!.amounts.total.value;
  expect([row(t3, "2010650"), row(t5, "2010650")]).toEqual([80, 60]); // 20.00 单位资金
  expect([row(t3, "2010602"), row(t5, "2010602")]).toEqual([50, 40]); // 10.00 上年结转
  const res = checkReport(report);
  for (const id of [
    "cross.general-budget",
    "cross.income-expenditure-by-code",
    "cross.summary-income",
    "cross.basic-project",
    "cross.basic-economic",
  ]) {
    const r = res.perRule.find((x) => x.id === id)!;
    expect({ id, failed: r.failed, ran: r.checked > 0 }).toEqual({ id, failed: 0, ran: true });
  }
});

/** 2025 → 二〇二五: a year written in Chinese numerals, digit by digit, as some titles print it. */
const numeralYear = (y: number) =>
  [...String(y)].map((d) => "〇一二三四五六七八九"[Number(d)]).join("");

describe("a year in Chinese numerals (二〇二五年) reads as the year in digits", () => {
  // The variants that print the year followed by 年 somewhere (预算年度：2025 has no 年 to write in numerals).
  const printed = STYLES.filter((s) =>
    buildVariant(s).grids.some((g) =>
      g.values.some((row) => row.some((v) => typeof v === "string" && v.includes(`${YEAR}年`)))
    )
  );
  test.each(printed.map((s) => [s.name, s] as const))("variant %s", (_name, style) => {
    const plain = buildVariant(style);
    const numeral = buildVariant(style);
    let rewritten = 0;
    for (const g of numeral.grids)
      g.values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (typeof v !== "string" || !v.includes(`${YEAR}年`)) return;
          g.values[r][c] = v.replaceAll(`${YEAR}年`, `${numeralYear(YEAR)}年`);
          g.text[r][c] = String(g.values[r][c]);
          rewritten++;
        })
      );
    expect(rewritten).toBeGreaterThan(0);
    expect(importWorkbook(plain.grids).year).toBe(YEAR);
    const report = importWorkbook(numeral.grids);
    expect(report.year).toBe(YEAR);
    const findings = (grids: typeof plain.grids) =>
      checkReport(importWorkbook(grids), { localize: false }).findings.map(
        (f) => `${f.rule} ${f.cells.join(",")}`
      );
    expect(findings(numeral.grids)).toEqual(findings(plain.grids));
  });
});
