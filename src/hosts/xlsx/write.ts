/** The .xlsx host's write side (exceljs 4.4.0): grids plus the formatting a host may add, to a workbook file. */
import type ExcelJS from "exceljs";
import { Workbook } from "./exceljs";
import type { SheetGrid } from "../../core/grid/grid";
import { cellA1, rangeA1 } from "../../core/grid/address";

export interface SheetToWrite {
  grid: SheetGrid;
  /** Per-cell formatting in sheet coordinates (0-based). */
  styles?: Array<{ row: number; col: number; fill?: string; fontColor?: string; bold?: boolean }>;
  conditionalFormats?: Array<{
    address: string;
    formula: string;
    fill?: string;
    fontColor?: string;
  }>;
  notes?: Array<{ row: number; col: number; text: string }>;
  tabColor?: string;
}

const argb = (hex: string) => `FF${hex.replace(/^#/, "").toUpperCase().padStart(6, "0")}`;

export async function writeXlsx(sheets: SheetToWrite[]): Promise<Uint8Array> {
  const wb = new Workbook();
  for (const s of sheets) {
    const g = s.grid;
    const ws = wb.addWorksheet(g.sheet, {
      state: g.visibility === "visible" ? "visible" : g.visibility,
      properties: s.tabColor ? { tabColor: { argb: argb(s.tabColor) } } : undefined,
    });
    g.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const fmt = g.numberFormat[r]?.[c] ?? "General";
        if ((v === "" || v === null) && fmt === "General") return;
        const cell = ws.getCell(r + g.origin.row + 1, c + g.origin.col + 1);
        if (typeof v === "string" && v.startsWith("="))
          cell.value = { formula: v.slice(1) } as ExcelJS.CellFormulaValue;
        else if (v !== "" && v !== null) cell.value = v;
        if (fmt !== "General") cell.numFmt = fmt;
      })
    );
    for (const m of g.merges)
      ws.mergeCells(
        rangeA1(m.r0 + g.origin.row, m.c0 + g.origin.col, m.r1 + g.origin.row, m.c1 + g.origin.col)
      );
    for (const st of s.styles ?? []) {
      const cell = ws.getCell(cellA1(st.row, st.col));
      if (st.fill)
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(st.fill) } };
      if (st.fontColor || st.bold)
        cell.font = {
          ...(st.fontColor ? { color: { argb: argb(st.fontColor) } } : {}),
          ...(st.bold ? { bold: true } : {}),
        };
    }
    for (const cf of s.conditionalFormats ?? [])
      ws.addConditionalFormatting({
        ref: cf.address,
        rules: [
          {
            type: "expression",
            priority: 1,
            formulae: [cf.formula.replace(/^=/, "")],
            style: {
              ...(cf.fill
                ? { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.fill) } } }
                : {}),
              ...(cf.fontColor ? { font: { color: { argb: argb(cf.fontColor) } } } : {}),
            },
          },
        ],
      });
    for (const n of s.notes ?? []) ws.getCell(cellA1(n.row, n.col)).note = n.text;
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
