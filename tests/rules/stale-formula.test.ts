/**
 * A formula whose stored result is not what it computes (tester31 T31-16, cq-formulas-stale: the 支出总表's 合计
 * =C6+C12+… stores 653.10, its formula gives 652.10 — a file changed by a program that does not recalculate): one
 * input.stale-formula 警告 「公式结果未更新：…C5 的公式计算为 652.10，单元格存的是 653.10；请在 Excel 中重算（F9）后保存」,
 * and every other finding citing the cell says so. Every generated style with number cells: the 合计, 类 and 款 lines
 * as SUBTOTAL formulas, the 支出总表's 合计 storing 1 more than its formula computes. Nothing is said when the stored
 * results are right, differ only past the printed digits, or the formula cannot be evaluated.
 */
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { parseRef } from "../../src/core/grid/address";
import type { SheetGrid } from "../../src/core/grid/grid";
import { STYLES, buildVariant } from "../fixtures/variants";
import { seriousCells, subtotalFormulas, toXlsx } from "../fixtures/formulas";
import { serious } from "../helpers";

/** The grids with the figure at `cell` raised by `by` (as stored results: only values matter). */
function raised(grids: SheetGrid[], cell: string, by: number): SheetGrid[] {
  const ref = parseRef(cell);
  return grids.map((g) =>
    g.sheet !== ref.sheet
      ? g
      : {
          ...g,
          values: g.values.map((row, r) =>
            row.map((v, c) =>
              r + g.origin.row === ref.r0 && c + g.origin.col === ref.c0 ? Number(v) + by : v
            )
          ),
        }
  );
}

const checked = async (bytes: Uint8Array) => {
  const read = await readXlsxBuffer(bytes);
  return {
    grids: read.grids,
    result: checkReport(importWorkbook(read.grids), { localize: false }),
  };
};
const staleOf = (r: ReturnType<typeof checkReport>) =>
  r.findings.filter((f) => f.rule === "input.stale-formula");

describe.each(STYLES.filter((s) => !s.textAmounts).map((s) => [s.name, s] as const))(
  "%s",
  (_n, style) => {
    const { grids } = buildVariant(style);
    const formulas = subtotalFormulas(grids, 9);
    const t3 = importWorkbook(grids).tables.find((t) => t.kind === "expenditure_summary")!;
    const total = t3.rows.find((r) => r.level === 0)!.amounts.total;
    const cell = total.cell;
    const d = Math.max(2, total.decimals);

    test("the 支出总表's 合计 formula storing 1 more than it computes: a 警告 naming both, the 错误 say so", async () => {
      expect(formulas.has(cell)).toBe(true);
      const { result } = await checked(
        await toXlsx(grids, formulas, { stored: raised(grids, cell, 1) })
      );
      const stale = staleOf(result);
      expect(stale.map((f) => `${f.severity} ${f.cells.join()}`)).toEqual([`warning ${cell}`]);
      const v = total.value!;
      expect(stale[0].message).toBe(
        `公式结果未更新：${cell} 的公式计算为 ${v.toFixed(d)}，单元格存的是 ${(v + 1).toFixed(d)}；请在 Excel 中重算（F9）后保存`
      );
      const citing = serious(result.findings).filter(
        (f) => f.rule !== "input.stale-formula" && f.cells.includes(cell)
      );
      expect(citing.length).toBeGreaterThan(0);
      for (const f of citing) expect(f.message).toMatch(/其中 .*的公式计算为 .*：公式结果未更新/);
    });

    test("stored results as computed: nothing said, the findings of the plain workbook", async () => {
      const { grids: read, result } = await checked(
        await toXlsx(grids, formulas, { stored: grids })
      );
      expect(staleOf(result)).toEqual([]);
      expect(seriousCells(read)).toEqual(seriousCells(grids));
    });

    test("a stored result off past the printed digits: nothing said", async () => {
      const { result } = await checked(
        await toXlsx(grids, formulas, { stored: raised(grids, cell, 0.0001) })
      );
      expect(staleOf(result)).toEqual([]);
    });

    test("a formula that cannot be evaluated: its stored result read, nothing said of it", async () => {
      const odd = new Map(formulas);
      odd.set(cell, `NOSUCHFUNCTION(${formulas.get(cell)})`);
      const { result } = await checked(
        await toXlsx(grids, odd, { stored: raised(grids, cell, 1) })
      );
      expect(staleOf(result)).toEqual([]);
      expect(serious(result.findings).some((f) => f.cells.includes(cell))).toBe(true);
    });
  }
);
