/**
 * The 尾差 allowance as a message prints it (tester32 T32-24, tester31 T31-4): ±0.015 万元 between figures printed to
 * 0.01 万元, ±1.5 元 between whole 元 — digits no figure has. Every generated template, its figures printed to 0.00 and
 * every sheet printed whole ("0"), with a 项's 合计 raised by one printed step (a 尾差) and by 7 units (an 错误): each
 * allowance a message prints has no more decimals than the difference it is compared with, is whole when every figure
 * it compares prints whole in its unit, says truly whether the shown difference is within it, and is never “±0”.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Report } from "../../src/core/model/schema";
import { mutate } from "../../bench/localization";
import { STYLES, buildVariant, wholeSheet } from "../fixtures/variants";
import type { SheetGrid } from "../../src/core/grid/grid";
import { parseRef } from "../../src/core/grid/address";

/** One cell left blank (as a line with no figure in a column prints it). */
function blank(grids: SheetGrid[], cell: string): SheetGrid[] {
  const p = parseRef(cell);
  return grids.map((g) => {
    if (g.sheet !== p.sheet) return g;
    const values = g.values.map((r) => [...r]);
    const text = g.text.map((r) => [...r]);
    values[p.r0][p.c0] = "";
    text[p.r0][p.c0] = "";
    return { ...g, values, text };
  });
}

const decimalsOf = (s: string) => (s.includes(".") ? s.split(".")[1].length : 0);
const num = (s: string) => Number(s.replace(/,/g, ""));

/** Every amount cell → its printed decimals and its table's unit. */
function cellsOf(report: Report): Map<string, { decimals: number; unit: string }> {
  const m = new Map<string, { decimals: number; unit: string }>();
  for (const t of report.tables)
    for (const r of t.rows)
      for (const a of Object.values(r.amounts))
        if (a?.cell && !a.blank) m.set(a.cell, { decimals: a.decimals, unit: t.unit });
  return m;
}

describe.each(STYLES.filter((s) => !s.textAmounts).map((s) => [s.name, s] as const))(
  "variant %s",
  (_n, style) => {
    const plain = buildVariant(style).grids;
    const whole = plain.reduce((g, s) => wholeSheet(g, s.sheet), plain);
    test.each([
      ["printed to 0.00", plain],
      ["printed whole", whole],
    ] as const)("%s: the allowance printed at the figures' precision", (_w, grids) => {
      const report = importWorkbook(grids);
      const t5 = report.tables.find((t) => t.kind === "general_budget_expenditure")!;
      const xiang = t5.rows.find((r) => r.level === 3 && r.amounts.total?.value)!;
      const total = xiang.amounts.total!;
      const step = Math.pow(10, -total.decimals);
      const unitStep = t5.unit === "元" ? 10000 : 1;
      let seen = 0;
      let wholeSeen = 0;
      for (const delta of [step, 7 * unitStep]) {
        const mutated = importWorkbook(mutate(grids, total.cell!, delta));
        const cells = cellsOf(mutated);
        for (const f of checkReport(mutated, { localize: false }).findings) {
          // Against figures all blank no difference is 尾差: no “±0” allowance is printed.
          expect(f.message).not.toMatch(/±0(万元|元|千元|亿元)/);
          const m =
            /（差 (-?[\d,.]+)(万元|元|千元|亿元)，(在四舍五入|超出尾差)允许的 ±([\d,.]+)(万元|元|千元|亿元)/.exec(
              f.message
            );
          if (!m) continue;
          seen++;
          const [, diff, , within, tol, unit] = m;
          expect([f.message, decimalsOf(tol) <= decimalsOf(diff)]).toEqual([f.message, true]);
          const inside = Math.abs(num(diff)) <= num(tol);
          expect([f.message, inside]).toEqual([f.message, within === "在四舍五入"]);
          const figures = f.cells.map((c) => cells.get(c)).filter((x) => x);
          if (figures.length && figures.every((x) => x!.decimals === 0 && x!.unit === unit)) {
            wholeSeen++;
            expect([f.message, Number.isInteger(num(tol))]).toEqual([f.message, true]);
          }
        }
      }
      expect(seen).toBeGreaterThan(0);
      if (grids === whole) expect(wholeSeen).toBeGreaterThan(0);
    });

    test("a figure against a blank cell: the difference alone, no “±0” allowance", () => {
      const report = importWorkbook(plain);
      const t2 = report.tables.find((t) => t.kind === "income_summary")!;
      const line = t2.rows.find((r) => r.level === 1 && r.code && r.amounts.total?.value)!;
      const cell = line.amounts.total!.cell!;
      const found = checkReport(importWorkbook(blank(plain, cell)), {
        localize: false,
      }).findings.filter((f) => f.cells.includes(cell) && /（差 /.test(f.message));
      expect(found.length).toBeGreaterThan(0);
      for (const f of found) expect(f.message).not.toMatch(/±0(万元|元|千元|亿元)?[^.\d]/);
    });
  }
);
