/**
 * A rate column never sets the precision of a table's amounts (tester26b T26B-2): amounts printed in General (263.74,
 * as a script or an export writes them) beside a 增减率 printed as text (-66.67%), as a number under a % format, as a
 * fraction typed to 4 decimals or a General fraction (-0.6666666667) are read at their own 2 decimals (元: 0), so a
 * 增减额 one unit of its last digit off is a 尾差 — before, the rate's 4 (or 10) decimals made it an 错误 “超出尾差允许的
 * ±0.00015万元”. In every generated template, 上年 | 增减 | 增减率 after this year's figures (changeAfter).
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { displayText } from "../../src/core/grid/display";
import type { SheetGrid } from "../../src/core/grid/grid";
import { parseRef } from "../../src/core/grid/address";
import { STYLES, buildVariant, type VariantOptions } from "../fixtures/variants";
import { bump } from "../fixtures/grid-edit";
import { serious } from "../helpers";

type RateForm = "percentText" | "percentFormat" | "fractionText" | "generalFraction";
const FORMS: RateForm[] = ["percentText", "percentFormat", "fractionText", "generalFraction"];

/** Every number cell in General (as exceljs writes a script's figures), a rate's form as `form` says. */
function asGeneral(grids: SheetGrid[], form: RateForm): void {
  for (const g of grids)
    for (let r = 0; r < g.values.length; r++)
      for (let c = 0; c < g.values[r].length; c++) {
        const v = g.values[r][c];
        const pct = typeof v === "string" ? /^(-?\d+\.\d+)%$/.exec(v) : null;
        if (pct && (form === "percentFormat" || form === "generalFraction")) {
          // The rate as Excel stores it: a fraction, shown through 0.00% or in General.
          const x = Number(pct[1]) / 100;
          g.values[r][c] = x;
          g.numberFormat[r][c] = form === "percentFormat" ? "0.00%" : "General";
          g.text[r][c] = displayText(x, g.numberFormat[r][c]);
        } else if (typeof v === "number" && !/%/.test(g.numberFormat[r][c])) {
          g.numberFormat[r][c] = "General";
          g.text[r][c] = displayText(v, "General");
        }
      }
}

/**
 * The 一般公共预算支出表's deepest line with a 上年 and a 增减 figure: its 增减 cell and one unit of that figure's last
 * printed digit (typed text: its own decimals; a number, shown in General here: 1 元, or 0.01 万元 as its neighbours).
 */
function changeCell(grids: SheetGrid[]): { cell: string; step: number } {
  const report = importWorkbook(grids);
  const t = report.tables.find((x) => x.kind === "general_budget_expenditure")!;
  const deepest = Math.max(...t.rows.map((r) => r.level));
  const row = t.rows.find(
    (r) =>
      r.level === deepest &&
      Object.entries(r.amounts).some(([k, a]) => k.startsWith("prior") && !a.blank) &&
      Object.entries(r.amounts).some(([k, a]) => k.startsWith("change") && !a.blank)
  )!;
  const [, a] = Object.entries(row.amounts).find(([k]) => k.startsWith("change"))!;
  const sheet = grids.find(
    (g) => g.sheet === a.cell.slice(0, a.cell.lastIndexOf("!")).replace(/^'|'$/g, "")
  )!;
  const { r0, c0 } = parseRef(a.cell);
  const typed = typeof sheet.values[r0][c0] === "string" ? /\.(\d+)$/.exec(a.text.trim()) : null;
  const step = typed ? Math.pow(10, -typed[1].length) : t.unit === "元" ? 1 : 0.01;
  return { cell: a.cell, step };
}

const options = (form: RateForm): VariantOptions => ({
  changeAfter: {
    prior: "上年预算数",
    change: "增减额",
    rate: "增减率",
    priorTimes: 3,
    rateAs: form === "fractionText" ? "fraction" : "percentText",
  },
});

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  test.each(FORMS)(
    "amounts in General beside a rate printed as %s: read at their own decimals, a 增减额 off by one unit of its last digit is a 尾差",
    (form) => {
      const clean = buildVariant(style, options(form)).grids;
      asGeneral(clean, form);
      const plain = checkReport(importWorkbook(clean), { localize: false });
      expect(serious(plain.findings).map((f) => f.message)).toEqual([]);

      const grids = buildVariant(style, options(form)).grids;
      const { cell, step } = changeCell(grids);
      bump(grids, cell, step, 2);
      asGeneral(grids, form);
      const result = checkReport(importWorkbook(grids), { localize: false });
      expect(serious(result.findings).map((f) => f.message)).toEqual([]);
      const slips = result.findings.filter((f) => f.severity === "rounding");
      expect(slips.some((f) => f.rule === "within.row-change" && f.cells.includes(cell))).toBe(
        true
      );
      // Said at the amounts' precision (the allowance one decimal more), never the rate's 4: 0.0100 ±0.00015.
      for (const f of slips) expect(f.message).not.toMatch(/\d\.\d{4,}/);
    }
  );
});
