/**
 * A 增减额 column computed from the printed figures of a table printed in whole 万元 (tester33 T33-14): each 增减 is
 * 本年 − 上年 of two rounded figures, so it carries two rounding errors, and a 款's 增减 may miss Σ 项's 增减 by up to
 * one unit a figure, not half. Summed, a 增减 figure stands for ±1 万元: those misses are 尾差, never 错误. Against its
 * own line (本年 = 上年 + 增减) it is one figure: a 增减 2 万元 off its line is still an 错误.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { changeTriples } from "../../src/core/rules/bands";
import type { SheetGrid } from "../../src/core/grid/grid";
import { mutate } from "../../bench/localization";
import { STYLES, buildVariant, generalSheet, wholeSheet } from "../fixtures/variants";
import { serious, table } from "../helpers";

const KIND = "general_budget_expenditure";
const check = (grids: SheetGrid[]) => checkReport(importWorkbook(grids), { localize: false });

/** The table's sheet printed in whole units, each 增减 then written as 本年 − 上年 of the printed (rounded) figures. */
function printedDifferences(grids: SheetGrid[], sheet: string): SheetGrid[] {
  let out = wholeSheet(grids, sheet);
  const t = table(importWorkbook(out), KIND);
  for (const { side, prior, current, change } of changeTriples(t))
    for (const r of t.rows) {
      const [p, c, d] = [r.amounts[prior.key], r.amounts[current.key], r.amounts[change.key]];
      if (r.side !== side || !p || !c || !d || d.blank || d.value === null) continue;
      const delta = (c.value ?? 0) - (p.value ?? 0) - d.value;
      if (delta) out = mutate(out, d.cell, delta);
    }
  return out;
}

const cases = STYLES.filter((s) => !s.textAmounts && s.unit === "万元").flatMap((style) =>
  (["0", "General"] as const).map((format) => [style.name, format, style] as const)
);

describe.each(cases)(
  "variant %s: 一般公共预算支出表 上年 | 本年 | 增减 in whole 万元 (%s)",
  (_n, format, style) => {
    const plain = buildVariant(style, {
      priorBlock: { kind: KIND, caption: "上年预算数", change: true },
    }).grids;
    const t = importWorkbook(plain).tables.find((x) => x.kind === KIND);
    const run = t && changeTriples(t).length ? test : test.skip;
    const sheet = t?.sheet ?? "";
    const whole = t ? printedDifferences(plain, sheet) : plain;
    const grids = format === "General" ? generalSheet(whole, sheet) : whole;

    run("the 增减 sums miss by rounding only: no 错误", () => {
      const report = importWorkbook(grids);
      const own = table(report, KIND);
      const changes = own.rows.flatMap((r) =>
        Object.entries(r.amounts).filter(([k, a]) => k.startsWith("change") && !a.blank)
      );
      expect(changes.length).toBeGreaterThan(0);
      expect(changes.every(([, a]) => a.decimals === 0 && a.difference)).toBe(true);
      expect(serious(checkReport(report, { localize: false }).findings)).toEqual([]);
    });

    run("a 增减 2 万元 off its own line is an 错误", () => {
      const own = table(importWorkbook(grids), KIND);
      const [{ change }] = changeTriples(own);
      const line = own.rows.find((r) => r.code?.length === 7 && !r.amounts[change.key]?.blank)!;
      const cell = line.amounts[change.key].cell;
      const found = check(mutate(grids, cell, 2)).findings;
      expect(
        found.some(
          (f) => f.rule === "within.row-change" && f.severity === "error" && f.cells.includes(cell)
        )
      ).toBe(true);
    });
  }
);
