/** The .xlsx host (exceljs 4.4.0): a workbook file → one SheetGrid per sheet, as Excel would report it. */
import ExcelJS from "exceljs";
import { compressAxis, MAX_EMPTY_RUN, type CellValue, type Merge, type SheetGrid } from "../../core/grid/grid";
import { parseRef } from "../../core/grid/address";
import { displayText } from "../../core/grid/display";
import { slimWorkbook } from "./slim";

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

/**
 * Converts a loaded exceljs worksheet into a grid (values only in a merge's top-left cell). The grid spans the
 * cells that hold a value, as Excel's getUsedRange(valuesOnly) does — formatting alone (a styled cell at
 * XFD1048576, a million styled empty rows) does not widen it — and long empty runs inside it are skipped
 * (sheetRows / sheetCols), so time and memory follow the cells that hold something. Hidden rows and columns
 * are carried (hiddenRows / hiddenCols).
 */
export function worksheetToGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const merges0: Merge[] = ((ws.model as unknown as { merges?: string[] }).merges ?? []).map((m) => {
    const p = parseRef(m);
    return { r0: p.r0, c0: p.c0, r1: p.r1, c1: p.c1 };
  });
  const slave = new Set<number>();
  for (const m of merges0) for (let r = m.r0; r <= m.r1; r++) for (let c = m.c0; c <= m.c1; c++) if (r !== m.r0 || c !== m.c0) slave.add(r * 65536 + c);
  const occupiedRows: number[] = [];
  const occupiedCols = new Set<number>();
  ws.eachRow({ includeEmpty: false }, (row, rn) => {
    let any = false;
    row.eachCell({ includeEmpty: false }, (cell, cn) => {
      if (slave.has((rn - 1) * 65536 + cn - 1) || plainValue(cell.value) === "") return;
      occupiedCols.add(cn - 1);
      any = true;
    });
    if (any) occupiedRows.push(rn - 1);
  });
  const state = (ws as unknown as { state?: string }).state;
  const visibility: SheetGrid["visibility"] = state === "hidden" ? "hidden" : state === "veryHidden" ? "veryHidden" : "visible";
  if (occupiedRows.length === 0) return { sheet: ws.name, origin: { row: 0, col: 0 }, values: [], text: [], numberFormat: [], merges: [], visibility };
  // From A1 as before (titles and labels keep their sheet positions), skipping only long empty runs.
  const rows = compressAxis(occupiedRows, MAX_EMPTY_RUN);
  const cols = compressAxis([...occupiedCols], MAX_EMPTY_RUN);
  const values: CellValue[][] = [];
  const text: string[][] = [];
  const numberFormat: string[][] = [];
  const hiddenRows: number[] = [];
  rows.forEach((r, gr) => {
    const row = ws.findRow(r + 1);
    if (row?.hidden) hiddenRows.push(gr);
    const vr: CellValue[] = [];
    const tr: string[] = [];
    const fr: string[] = [];
    for (const c of cols) {
      const cell = row?.findCell(c + 1);
      const fmt = cell?.numFmt || "General";
      const value = !cell || slave.has(r * 65536 + c) ? "" : plainValue(cell.value);
      vr.push(value);
      fr.push(fmt);
      tr.push(displayText(value, fmt));
    }
    values.push(vr);
    text.push(tr);
    numberFormat.push(fr);
  });
  const hiddenCols = cols.flatMap((c, gc) => (ws.getColumn(c + 1).hidden ? [gc] : []));
  const grid: SheetGrid = { sheet: ws.name, origin: { row: rows[0], col: cols[0] }, values, text, numberFormat, merges: mergesOnAxes(merges0, rows, cols), visibility };
  if (hiddenRows.length) grid.hiddenRows = hiddenRows;
  if (hiddenCols.length) grid.hiddenCols = hiddenCols;
  if (rows[rows.length - 1] - rows[0] + 1 !== rows.length) grid.sheetRows = rows;
  if (cols[cols.length - 1] - cols[0] + 1 !== cols.length) grid.sheetCols = cols;
  return grid;
}

/**
 * Sheet merges → grid coordinates. On a dense axis a merge keeps its extent (it may reach past the last value,
 * as Excel reports it); on a compressed axis it is clipped to the kept rows or columns.
 */
function mergesOnAxes(merges: Merge[], rows: number[], cols: number[]): Merge[] {
  const axis = (xs: number[]) => {
    const dense = xs[xs.length - 1] - xs[0] + 1 === xs.length;
    const at = new Map(xs.map((x, i) => [x, i]));
    return {
      anchor: (x: number) => (dense ? x - xs[0] : at.get(x) ?? -1),
      end: (a: number, b: number) => {
        if (dense) return b - xs[0];
        for (let x = Math.min(b, xs[xs.length - 1]); x >= a; x--) if (at.has(x)) return at.get(x)!;
        return -1;
      },
    };
  };
  const R = axis(rows);
  const C = axis(cols);
  const out: Merge[] = [];
  for (const m of merges) {
    const r0 = R.anchor(m.r0);
    const c0 = C.anchor(m.c0);
    if (r0 < 0 || c0 < 0) continue; // the anchor (which holds the value) is not in the grid
    out.push({ r0, c0, r1: Math.max(r0, R.end(m.r0, m.r1)), c1: Math.max(c0, C.end(m.c0, m.c1)) });
  }
  return out;
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
    const slim = slimWorkbook(b); // huge used ranges: style-only cells dropped before exceljs builds objects for them
    await wb.xlsx.load((slim ? Buffer.from(slim) : b) as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new WorkbookReadError("corrupt", `工作簿已损坏，无法读取（${(e as Error).message.split("\n")[0]}）`);
  }
  if (wb.worksheets.length === 0) throw new WorkbookReadError("corrupt", "工作簿中没有工作表，文件可能已损坏");
  return { workbook: wb, grids: wb.worksheets.map(worksheetToGrid) };
}
