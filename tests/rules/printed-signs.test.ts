/**
 * fixT29a leftover: rules that read a figure's sign, zero or rate went by the stored value, not the printed figure the
 * comparisons use. A zero stored as −0.0049 under 0.00 (it prints 0.00, as 元 ÷ 10000 exports leave them) was a
 * negative figure (within.non-negative 警告 / 错误 on its line); a stored +0.0049 was a figure where the sheet prints
 * 0.00; a rate stored with hidden decimals (−66.6749 printed −66.67) was judged on its stored digits. Every generated
 * template: its blank amount cells printed 0.00 give the same findings whether they store 0 or ±0.0049, and a 增减率
 * column printed as percents gives the same findings with hidden decimals as without (changeAfter, as change-rate.test
 * builds it).
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Finding } from "../../src/core/rules/rule";
import type { SheetGrid } from "../../src/core/grid/grid";
import { parseRef } from "../../src/core/grid/address";
import { STYLES, buildVariant, hiddenDecimals } from "../fixtures/variants";

const key = (f: Finding) => `${f.rule} ${f.severity} ${[...f.cells].sort().join(",")}`;
const listed = (grids: SheetGrid[]) =>
  checkReport(importWorkbook(grids), { localize: false })
    .findings.filter((f) => f.severity !== "info")
    .map(key)
    .sort();

/** Every blank amount cell of the tables printed 0.00 under #,##0.00, storing `stored` (0, or a figure printing 0.00). */
function zeros(grids: SheetGrid[], stored: number): SheetGrid[] {
  const cells = importWorkbook(grids)
    .tables.flatMap((t) => t.rows.flatMap((r) => Object.values(r.amounts)))
    .filter((a) => a.blank && !a.invalid && a.text === "" && a.cell)
    .map((a) => parseRef(a.cell));
  return grids.map((g) => {
    const mine = cells.filter((p) => p.sheet === g.sheet);
    if (!mine.length) return g;
    const values = g.values.map((r) => [...r]);
    const text = g.text.map((r) => [...r]);
    const numberFormat = g.numberFormat.map((r) => [...r]);
    for (const p of mine) {
      const [r, c] = [p.r0 - g.origin.row, p.c0 - g.origin.col];
      if (values[r]?.[c] !== "") continue;
      values[r][c] = stored;
      text[r][c] = "0.00";
      numberFormat[r][c] = "#,##0.00";
    }
    return { ...g, values, text, numberFormat };
  });
}

/** Figures typed as text (the rates: -66.67) as number cells under 0.00, printed the same. */
function numbers(grids: SheetGrid[]): SheetGrid[] {
  return grids.map((g) => {
    const values = g.values.map((r) => [...r]);
    const numberFormat = g.numberFormat.map((r) => [...r]);
    values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (typeof v === "string" && /^-\d+\.\d{2}$/.test(v)) {
          values[r][c] = Number(v);
          numberFormat[r][c] = "0.00";
        }
      })
    );
    return { ...g, values, numberFormat };
  });
}
/** The negative figures of the grids (the rates), in order. */
const rates = (grids: SheetGrid[]) =>
  grids.flatMap((g) => g.values.flat().filter((v) => typeof v === "number" && v < 0));

describe.each(STYLES.filter((s) => !s.textAmounts).map((s) => [s.name, s] as const))(
  "%s",
  (_n, style) => {
    const printed = zeros(buildVariant(style).grids, 0);
    const exact = listed(printed);

    test.each([
      ["−0.0049", -0.0049],
      ["+0.0049", 0.0049],
    ] as const)("zeros printed 0.00, stored %s: exactly the findings of stored 0", (_w, v) => {
      const hidden = zeros(buildVariant(style).grids, v);
      expect(hidden.some((g) => g.values.flat().includes(v))).toBe(true);
      expect(listed(hidden)).toEqual(exact);
    });

    test("a 增减率 printed as percents with hidden decimals: exactly the plain workbook's findings", () => {
      const opts = {
        changeAfter: {
          prior: "上年预算数",
          change: "增减额",
          rate: "增减率",
          priorTimes: 3,
          rateAs: "percent" as const,
        },
      };
      const base = numbers(buildVariant(style, opts).grids);
      const hidden = hiddenDecimals(base);
      expect(rates(hidden).some((v, i) => v !== rates(base)[i])).toBe(true);
      expect(listed(hidden)).toEqual(listed(base));
    });
  }
);
