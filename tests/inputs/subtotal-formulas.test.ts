/**
 * Formulas without a stored result that use SUBTOTAL (newcomer7 f03: files written by budget systems or scripts, never
 * saved by Excel). A template's 合计, 类 and 款 lines as =SUBTOTAL(9, …) over everything below them: Excel leaves the
 * SUBTOTAL cells in the range out, so each line sums the 项 lines under it. Every generated style (amounts as numbers),
 * written with exceljs, read back: the same findings as the table typed as numbers, and a wrong 项 line found.
 */
import ExcelJS from "exceljs";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { cellA1, cellRef, parseRef } from "../../src/core/grid/address";
import type { SheetGrid } from "../../src/core/grid/grid";
import type { Table } from "../../src/core/model/schema";
import { STYLES, buildVariant } from "../fixtures/variants";

const SUMMED: ReadonlyArray<Table["kind"]> = ["expenditure_summary", "general_budget_expenditure"];

/** Cell → SUBTOTAL formula for every total, 类 and 款 line of the summed tables (`fn`: 9, or 109). */
function subtotalFormulas(grids: SheetGrid[], fn: number): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of importWorkbook(grids).tables.filter((x) => SUMMED.includes(x.kind))) {
    t.rows.forEach((r, i) => {
      const below = t.rows.slice(i + 1);
      const end = below.findIndex((x) => x.level <= r.level && r.level > 0);
      const under = (end < 0 ? below : below.slice(0, end)).filter((x) => x.level > r.level);
      const span = r.level === 0 ? t.rows.filter((x) => x.level > 0) : under;
      if (!span.length) return;
      for (const [k, a] of Object.entries(r.amounts)) {
        const cells = span.map((x) => x.amounts[k]?.cell).filter((c): c is string => !!c);
        if (!cells.length) continue;
        const rows = cells.map((c) => parseRef(c).r0);
        const c0 = parseRef(a.cell).c0;
        const from = cellA1(Math.min(...rows), c0);
        const to = cellA1(Math.max(...rows), c0);
        out.set(a.cell, `SUBTOTAL(${fn},${from}:${to})`);
      }
    });
  }
  return out;
}

/** The grids as an .xlsx (values, merges), the given cells as formulas without a stored result. */
async function toXlsx(grids: SheetGrid[], formulas: Map<string, string>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const g of grids) {
    const ws = wb.addWorksheet(g.sheet);
    g.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const sr = g.origin.row + r;
        const sc = g.origin.col + c;
        const f = formulas.get(cellRef(g.sheet, sr, sc));
        const cell = ws.getCell(sr + 1, sc + 1);
        if (f) cell.value = { formula: f } as ExcelJS.CellFormulaValue;
        else if (v !== "" && v !== null) cell.value = v;
        if (typeof v === "number" && !f) cell.numFmt = "0.00";
        if (f) cell.numFmt = "0.00";
      })
    );
    for (const m of g.merges)
      ws.mergeCells(
        g.origin.row + m.r0 + 1,
        g.origin.col + m.c0 + 1,
        g.origin.row + m.r1 + 1,
        g.origin.col + m.c1 + 1
      );
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const serious = (grids: SheetGrid[]) =>
  checkReport(importWorkbook(grids), { localize: false })
    .findings.filter((f) => f.severity === "error" || f.severity === "warning")
    .map((f) => `${f.rule} ${f.cells.join(",")}`)
    .sort();

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
