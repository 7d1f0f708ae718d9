/** The .xlsx host (exceljs 4.4.0): a workbook file → one SheetGrid per sheet, as Excel would report it. */
import ExcelJS from "exceljs";
import type { CellValue, Merge, SheetGrid } from "../../core/grid/grid";
import { parseRef } from "../../core/grid/address";
import { displayText } from "../../core/grid/display";

export class WorkbookReadError extends Error {
  constructor(readonly code: "not_found" | "not_xlsx" | "encrypted" | "corrupt", message: string) {
    super(message);
  }
}

function plainValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return "";
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("result" in v) return plainValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ("formula" in v || "sharedFormula" in v) return "";
    if ("text" in v) return String((v as ExcelJS.CellHyperlinkValue).text);
    if ("error" in v) return String((v as ExcelJS.CellErrorValue).error);
  }
  return String(v);
}

/** Converts a loaded exceljs worksheet into a grid (values only in a merge's top-left cell). */
export function worksheetToGrid(ws: ExcelJS.Worksheet): SheetGrid {
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
      const value = slave.has(r * 65536 + c) ? "" : plainValue(cell.value);
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

/** Reads an .xlsx from bytes; throws WorkbookReadError with a Chinese message for unusable input. */
export async function readXlsxBuffer(buf: Uint8Array): Promise<{ workbook: ExcelJS.Workbook; grids: SheetGrid[] }> {
  const b = Buffer.from(buf);
  if (b.length >= 8 && b.readUInt32BE(0) === 0xd0cf11e0) {
    throw new WorkbookReadError("encrypted", "文件已加密或为旧版 .xls 格式，请先在 Excel 中解除密码并另存为 .xlsx");
  }
  if (b.length < 4 || b.readUInt32BE(0) !== 0x504b0304) throw new WorkbookReadError("not_xlsx", "不是 .xlsx 工作簿文件（应为 Excel 2007 及以上格式）");
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(b as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new WorkbookReadError("corrupt", `工作簿已损坏，无法读取（${(e as Error).message.split("\n")[0]}）`);
  }
  if (wb.worksheets.length === 0) throw new WorkbookReadError("corrupt", "工作簿中没有工作表，文件可能已损坏");
  return { workbook: wb, grids: wb.worksheets.map(worksheetToGrid) };
}
