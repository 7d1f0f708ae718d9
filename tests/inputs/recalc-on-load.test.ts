/**
 * A workbook that asks Excel to recalculate when opened (<calcPr fullCalcOnLoad="1">, as Apache POI's
 * setForceFormulaRecalculation and scripts write it) with stored formula results that are out of date (newcomer10
 * NC10-4): Excel shows — and the department publishes — the recalculated figures, so those are what is reviewed.
 * Before, the stored results were: a wrong 项 line went unreported (its 款 / 类 / 合计 stored before the change) or
 * the 错误 were put on lines that tie on screen. Every generated style: the 合计, 类 and 款 lines as SUBTOTAL formulas
 * storing the results of before a 项 line was raised.
 */
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { parseRef } from "../../src/core/grid/address";
import { STYLES, buildVariant } from "../fixtures/variants";
import { seriousCells as serious, subtotalFormulas, toXlsx } from "../fixtures/formulas";

describe.each(STYLES.filter((s) => !s.textAmounts).map((s) => [s.name, s] as const))(
  "%s",
  (_n, style) => {
    const { grids } = buildVariant(style);
    const formulas = subtotalFormulas(grids, 9);
    const t3 = importWorkbook(grids).tables.find((t) => t.kind === "expenditure_summary")!;
    const leaf = t3.rows.find((r) => r.code?.length === 7 && r.amounts.total?.value)!;
    const ref = parseRef(leaf.amounts.total.cell);
    const raised = grids.map((g) =>
      g.sheet !== ref.sheet
        ? g
        : {
            ...g,
            values: g.values.map((row, r) =>
              row.map((v, c) =>
                r + g.origin.row === ref.r0 && c + g.origin.col === ref.c0 ? Number(v) + 1 : v
              )
            ),
          }
    );

    test("stored results out of date, recalculated on open: reviewed as Excel shows it, with a 提示", async () => {
      // What Excel computes: the same formulas without stored results (evaluated as Excel does).
      const shown = await readXlsxBuffer(await toXlsx(raised, formulas));
      const read = await readXlsxBuffer(
        await toXlsx(raised, formulas, { stored: grids, fullCalcOnLoad: true })
      );
      expect(serious(read.grids)).toEqual(serious(shown.grids));
      expect(serious(read.grids).length).toBeGreaterThan(0);
      expect(read.notes.map((n) => n.message).join()).toMatch(/保存的结果与按公式重算的不同/);
    });

    test("up-to-date stored results recalculated on open: nothing changes, nothing said", async () => {
      const read = await readXlsxBuffer(
        await toXlsx(grids, formulas, { stored: grids, fullCalcOnLoad: true })
      );
      const plain = await readXlsxBuffer(await toXlsx(grids, new Map()));
      expect(serious(read.grids)).toEqual(serious(plain.grids));
      expect(read.notes).toEqual([]);
    });
  }
);
