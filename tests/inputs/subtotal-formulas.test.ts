/**
 * Formulas without a stored result that use SUBTOTAL (newcomer7 f03: files written by budget systems or scripts, never
 * saved by Excel). A template's 合计, 类 and 款 lines as =SUBTOTAL(9, …) over everything below them: Excel leaves the
 * SUBTOTAL cells in the range out, so each line sums the 项 lines under it. Every generated style (amounts as numbers),
 * written with exceljs, read back: the same findings as the table typed as numbers, and a wrong 项 line found.
 */
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { parseRef } from "../../src/core/grid/address";
import { STYLES, buildVariant } from "../fixtures/variants";
import { seriousCells as serious, subtotalFormulas, toXlsx } from "../fixtures/formulas";

describe.each(STYLES.filter((s) => !s.textAmounts).map((s) => [s.name, s] as const))(
  "SUBTOTAL formulas without stored results, %s",
  (_n, style) => {
    const { grids } = buildVariant(style);

    test.each([9, 109])("SUBTOTAL(%i, …) lines read as Excel computes them", async (fn) => {
      const formulas = subtotalFormulas(grids, fn);
      expect(formulas.size).toBeGreaterThan(10);
      const plain = await readXlsxBuffer(await toXlsx(grids, new Map()));
      const read = await readXlsxBuffer(await toXlsx(grids, formulas));
      // Every formula evaluated (one 提示, no unresolved formula), the same findings as the plain numbers.
      expect(read.notes.map((n) => n.severity)).toEqual(["info"]);
      expect(serious(read.grids)).toEqual(serious(plain.grids));
    });

    test("a 项 line one more: its 款, 类 and the 合计 follow it (Excel's SUBTOTAL), so the cross checks find it", async () => {
      const formulas = subtotalFormulas(grids, 9);
      const report = importWorkbook(grids);
      const t3 = report.tables.find((t) => t.kind === "expenditure_summary")!;
      const leaf = t3.rows.find((r) => r.code?.length === 7 && r.amounts.total?.value)!;
      const ref = parseRef(leaf.amounts.total.cell);
      const changed = grids.map((g) =>
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
      const read = await readXlsxBuffer(await toXlsx(changed, formulas));
      const res = checkReport(importWorkbook(read.grids), { localize: false });
      const total = t3.rows.find((r) => r.level === 0)!.amounts.total.cell;
      // Within the table everything adds up (the formulas follow); against the other tables it is one more.
      expect(
        res.findings.some(
          (f) => f.severity === "error" && f.rule.startsWith("cross.") && f.cells.includes(total)
        )
      ).toBe(true);
    });
  }
);
