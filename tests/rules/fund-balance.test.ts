/**
 * The 财政拨款收支总表's balance by fund (tester33 T33-8): each fund's 本年收入 plus its 上年结转 = that fund's column
 * of the 支出总计. Its two 上年结转 lines (一般公共预算 | 政府性基金预算) exchanged used to leave the table's own
 * figures unchecked — only a 表7 ↔ 表2 comparison, when the 政府性基金 table included the 上年结转, said anything.
 * For every generated template in both layouts that print the 上年结转 by fund: the local one (一、一般公共预算 |
 * 二、政府性基金预算 under 上年财政拨款结转) and the 中央部门 one (一、本年收入 / 二、上年结转 over （一）（二）), two-sided
 * and one-sided.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { SheetGrid } from "../../src/core/grid/grid";
import type { Row } from "../../src/core/model/schema";
import { parseRef } from "../../src/core/grid/address";
import { STYLES, buildVariant } from "../fixtures/variants";
import { SAMPLES, loadSample, serious, table } from "../helpers";

/** The grids with the figures of lines a and b exchanged (value and text; the cells keep their formats) in every amount column. */
function exchangeLines(
  grids: SheetGrid[],
  a: Row,
  b: Row
): { grids: SheetGrid[]; cells: string[] } {
  const cells: string[] = [];
  let g = grids;
  for (const k of Object.keys(a.amounts)) {
    const [x, y] = [a.amounts[k], b.amounts[k]];
    if (!x?.cell || !y?.cell || x.value === y.value) continue;
    const [p, q] = [parseRef(x.cell), parseRef(y.cell)];
    g = g.map((s) => {
      if (s.sheet !== p.sheet) return s;
      const values = s.values.map((r) => r.slice());
      const text = s.text.map((r) => r.slice());
      [values[p.r0][p.c0], values[q.r0][q.c0]] = [values[q.r0][q.c0], values[p.r0][p.c0]];
      [text[p.r0][p.c0], text[q.r0][q.c0]] = [text[q.r0][q.c0], text[p.r0][p.c0]];
      // A blank cell takes the figure's format (as typing the figure there would show it).
      const numberFormat = s.numberFormat.map((r) => r.slice());
      const fmt = x.value === null ? numberFormat[q.r0][q.c0] : numberFormat[p.r0][p.c0];
      numberFormat[p.r0][p.c0] = numberFormat[q.r0][q.c0] = fmt;
      return { ...s, values, text, numberFormat };
    });
    cells.push(x.cell, y.cell);
  }
  return { grids: g, cells };
}

const CASES = STYLES.flatMap((s) =>
  (["numbered", "central"] as const).map(
    (how) => [`${s.name} · ${how}`, { ...s, mixedFunds: true }, how] as const
  )
);

describe.each(CASES)("%s", (_n, style, how) => {
  const { grids } = buildVariant(style, { govFund: { amount: 30 }, fiscalCarryByFund: how });
  const report = importWorkbook(grids);
  const t4 = table(report, "fiscal_appropriation_summary");
  const general = t4.rows.find((r) => r.key === "carryover_src_general")!;
  const fund = t4.rows.find((r) => r.key === "carryover_src_gov_fund")!;

  test("correct: the balance of each fund is checked and holds, nothing reported", () => {
    const res = checkReport(report);
    expect(serious(res.findings)).toEqual([]);
    const pr = res.perRule.find((r) => r.id === "within.fund-balance")!;
    expect(pr.checked).toBeGreaterThanOrEqual(2);
    expect(pr.failed).toBe(0);
  });

  test("the two 上年结转 lines exchanged: a 表内 finding per fund citing them, the cause names the two lines", () => {
    expect(general.amounts.total.value).not.toBe(fund.amounts.total.value ?? 0);
    const swapped = exchangeLines(grids, general, fund);
    const res = checkReport(importWorkbook(swapped.grids));
    const mine = res.findings.filter((f) => f.rule === "within.fund-balance");
    expect(mine.map((f) => f.severity)).toEqual(["error", "error"]);
    const c = general.amounts.total.value!;
    for (const f of mine) {
      expect(f.cells.some((x) => swapped.cells.includes(x))).toBe(true);
      expect(f.cells.every((x) => x.startsWith(t4.sheet) || x.startsWith(`'${t4.sheet}'`))).toBe(
        true
      );
      expect(Math.abs(f.difference!)).toBeCloseTo(c, 2);
      expect(f.expected).not.toBeNull();
      expect(f.actual).not.toBeNull();
      expect(f.message).toMatch(/本年收入「.*」 \+ 上年结转「/);
      expect(f.message).not.toMatch(/Error|undefined|NaN/);
    }
    // One-sided, the lines are exchanged in every column (合计 and the fund's): four cells, which the localizer does not
    // name as one cause (each line still adds up across).
    if (style.oneSided) return;
    const cause = res.causes.find((x) => x.suspects.some((s) => swapped.cells.includes(s.cell)));
    // Both lines (a blank exchanged with a figure is “同时有误”: the blank is no 0 to exchange).
    expect(cause?.message).toMatch(/对调|互换|同时有误/);
    expect(cause!.suspects.every((s) => swapped.cells.includes(s.cell))).toBe(true);
  });
});

describe.each(STYLES.map((s) => [s.name, s] as const))("%s", (_n, style) => {
  test("上年结转 printed on one line, no fund line under it: 不适用, saying why", () => {
    const res = checkReport(
      importWorkbook(
        buildVariant(
          { ...style, mixedFunds: true },
          { govFund: { amount: 30 }, fiscalCarryByFund: "unsplit" }
        ).grids
      )
    );
    const pr = res.perRule.find((r) => r.id === "within.fund-balance")!;
    expect(pr.checked).toBe(0);
    expect(pr.reasons.join("")).toMatch(/上年结转未按资金来源分列/);
    expect(serious(res.findings)).toEqual([]);
  });

  test("上年结转 all 一般公共预算, on its fund line (mixed funds): checked, holds", () => {
    const res = checkReport(
      importWorkbook(
        buildVariant({ ...style, mixedFunds: true }, { govFund: { amount: 30 } }).grids
      )
    );
    const pr = res.perRule.find((r) => r.id === "within.fund-balance")!;
    expect(pr.checked).toBeGreaterThanOrEqual(2);
    expect(pr.failed).toBe(0);
  });

  test("no 上年结转: each fund's 本年收入 = its 支出总计 column, checked", () => {
    const res = checkReport(importWorkbook(buildVariant(style, { govFund: { amount: 30 } }).grids));
    const pr = res.perRule.find((r) => r.id === "within.fund-balance")!;
    expect(pr.checked).toBeGreaterThanOrEqual(2);
    expect(pr.failed).toBe(0);
  });
});

test("a 财政拨款收支总表 without fund columns (four label / amount pairs): 不适用 with the reason", () => {
  const style = STYLES.find((s) => !s.oneSided)!;
  const res = checkReport(
    importWorkbook(buildVariant(style, { govFund: { amount: 30 }, fourPairs: true }).grids)
  );
  const pr = res.perRule.find((r) => r.id === "within.fund-balance")!;
  expect(pr.checked).toBe(0);
  expect(pr.reasons.join("")).toMatch(/未按资金来源/);
});

describe.each(STYLES.map((s) => [s.name, s] as const))("%s, 一般公共预算 only", (_n, style) => {
  test("one fund holds all the money: 不适用 (the table's own balance), saying so", () => {
    const res = checkReport(importWorkbook(buildVariant(style).grids));
    const pr = res.perRule.find((r) => r.id === "within.fund-balance")!;
    expect(pr.checked).toBe(0);
    expect(pr.reasons.join("")).toMatch(/只有一般公共预算资金/);
  });
});

test.each(SAMPLES)("%s: never reported (one fund: 不适用)", async (name) => {
  const res = checkReport((await loadSample(name)).report);
  expect(res.findings.filter((f) => f.rule === "within.fund-balance")).toEqual([]);
  expect(res.perRule.find((r) => r.id === "within.fund-balance")!.reasons.join("")).toMatch(
    /只有一般公共预算资金/
  );
});
