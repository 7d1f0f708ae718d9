/** The .xlsx host (exceljs 4.4.0): a workbook file → one SheetGrid per sheet, as Excel would report it. */
import ExcelJS from "exceljs";
import type { CellValue, Merge, SheetGrid } from "../../core/grid/grid";
import { parseRef } from "../../core/grid/address";
import { displayText } from "../../core/grid/display";
import { WorkbookReadError } from "./errors";
import { brokenPart, normalisePackage } from "./package";
import { evaluateFormulas, type PendingFormula } from "./formulas";
import type { ReadNote } from "../../core/model/schema";

export { WorkbookReadError } from "./errors";

/** Excel's serial day 0 in the 1900 system (1899-12-30, which absorbs the 1900 leap-year bug for dates after March 1900). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** A cell's value as Excel stores it: a date-formatted number stays the number exceljs turned into a Date. */
function plainValue(v: ExcelJS.CellValue, date1904: boolean): CellValue | { formula: string } {
  if (v === null || v === undefined) return "";
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number") return v;
  if (v instanceof Date) return Math.round(((v.getTime() - (date1904 ? EPOCH_1904 : EPOCH_1900)) / 86400000) * 1e9) / 1e9;
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("error" in v) return String((v as ExcelJS.CellErrorValue).error);
    if ("formula" in v || "sharedFormula" in v) {
      const result = (v as ExcelJS.CellFormulaValue).result;
      if (result !== undefined && result !== null) {
        const r = plainValue(result as ExcelJS.CellValue, date1904);
        return typeof r === "object" ? "" : r;
      }
      return { formula: "" };
    }
    if ("text" in v) return String((v as ExcelJS.CellHyperlinkValue).text);
  }
  return String(v);
}

/** Converts a loaded exceljs worksheet into a grid (values only in a merge's top-left cell). Formulas without a stored result are added to `pending`. */
export function worksheetToGrid(ws: ExcelJS.Worksheet, opts: { date1904?: boolean; pending?: PendingFormula[]; sheet?: number } = {}): SheetGrid {
  const rowsN = ws.rowCount;
  const colsN = ws.columnCount;
  const merges: Merge[] = ((ws.model as unknown as { merges?: string[] }).merges ?? []).map((m) => {
    const p = parseRef(m);
    return { r0: p.r0, c0: p.c0, r1: p.r1, c1: p.c1 };
  });
  const slave = new Set<number>();
  for (const m of merges) for (let r = m.r0; r <= m.r1; r++) for (let c = m.c0; c <= m.c1; c++) if (r !== m.r0 || c !== m.c0) slave.add(r * 65536 + c);
  const values: CellValue[][] = [];
  const text: string[][] = [];
  const numberFormat: string[][] = [];
  for (let r = 0; r < rowsN; r++) {
    const row = ws.getRow(r + 1);
    const vr: CellValue[] = [];
    const tr: string[] = [];
    const fr: string[] = [];
    for (let c = 0; c < colsN; c++) {
      const cell = row.getCell(c + 1);
      const fmt = cell.numFmt || "General";
      let value = slave.has(r * 65536 + c) ? "" : plainValue(cell.value, !!opts.date1904);
      if (typeof value === "object" && value !== null) {
        opts.pending?.push({ sheet: opts.sheet ?? 0, r, c, formula: String(cell.formula ?? "").replace(/^=/, "") });
        value = "";
      }
      vr.push(value);
      fr.push(fmt);
      tr.push(displayText(value, fmt));
    }
    values.push(vr);
    text.push(tr);
    numberFormat.push(fr);
  }
  const state = (ws as unknown as { state?: string }).state;
  return { sheet: ws.name, origin: { row: 0, col: 0 }, values, text, numberFormat, merges, visibility: state === "hidden" ? "hidden" : state === "veryHidden" ? "veryHidden" : "visible" };
}

/**
 * Reads an .xlsx from bytes; throws WorkbookReadError with a Chinese message for unusable input. `notes` says what
 * was repaired or computed on the way (duplicate sheet names, formulas without a stored result).
 */
export async function readXlsxBuffer(buf: Uint8Array): Promise<{ workbook: ExcelJS.Workbook; grids: SheetGrid[]; notes: ReadNote[] }> {
  let pkg = normalisePackage(buf);
  const notes: ReadNote[] = pkg.notices.map((message) => ({ severity: "warning", message }));
  let wb = new ExcelJS.Workbook();
  try {
    try {
      await wb.xlsx.load(Buffer.from(pkg.bytes) as unknown as ExcelJS.Buffer);
    } catch {
      // Drawings written by scripts trip exceljs; the cells are all the review needs: read again without them.
      pkg = normalisePackage(buf, { cellsOnly: true });
      wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(pkg.bytes) as unknown as ExcelJS.Buffer);
    }
  } catch (e) {
    const broken = brokenPart(pkg.bytes, pkg.sheets);
    if (broken) throw new WorkbookReadError("xml_broken", `${broken.sheet ? `工作表“${broken.sheet}”的数据` : "文件的组成部分"}（${broken.part}）不是有效的 XML，工作簿已损坏：请用 Excel 打开修复后另存，或重新导出`, e);
    throw new WorkbookReadError("corrupt", "工作簿已损坏，无法读取：请用 Excel 打开修复后另存，或重新导出", e);
  }
  if (wb.worksheets.length === 0) throw new WorkbookReadError("corrupt", "工作簿中没有工作表，文件可能已损坏");
  const date1904 = !!(wb.properties as { date1904?: boolean }).date1904;
  const pending: PendingFormula[] = [];
  const grids = wb.worksheets.map((ws, sheet) => worksheetToGrid(ws, { date1904, pending, sheet }));
  const f = evaluateFormulas(grids, pending);
  if (f.evaluated + f.unresolved > 0) {
    notes.push(
      f.unresolved === 0
        ? { severity: "info", message: `${f.evaluated} 个公式单元格在文件中没有保存计算结果（文件由程序生成、未在 Excel 中保存过），已按公式计算后审核；建议在 Excel 或 WPS 中打开并保存后再审核一次` }
        : { severity: "warning", message: `${f.evaluated + f.unresolved} 个公式单元格在文件中没有保存计算结果，其中 ${f.unresolved} 个无法自行计算、未参与核对：请在 Excel 或 WPS 中打开并保存后再审核` },
    );
  }
  return { workbook: wb, grids, notes };
}
