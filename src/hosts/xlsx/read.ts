/** The .xlsx host (exceljs 4.4.0): a workbook file → one SheetGrid per sheet, as Excel would report it. */
import type ExcelJS from "exceljs";
import { Workbook } from "./exceljs";
import {
  compressAxis,
  MAX_EMPTY_RUN,
  mergesOnAxes,
  type CellValue,
  type Merge,
  type SheetGrid,
} from "../../core/grid/grid";
import { parseRef, printAreasA1 } from "../../core/grid/address";
import { parsePageHeader, type PageHeader } from "../../core/grid/page-header";
import { DEFAULT_COLUMN_WIDTH, widthFromStored } from "../../core/grid/width";
import { displayText } from "../../core/grid/display";
import { isDateFormat } from "../../core/grid/amount";
import { WorkbookReadError } from "./errors";
import { brokenPart, normalisePackage } from "./package";
import {
  evaluateFormulas,
  formulaReadNote,
  markStaleFormulas,
  type PendingFormula,
  type StoredFormula,
} from "./formulas";
import { slimWorkbook } from "./slim";
import type { ReadNote } from "../../core/model/schema";

export { WorkbookReadError } from "./errors";

/** Excel's serial day 0 in the 1900 system (1899-12-30, which absorbs the 1900 leap-year bug for dates after March 1900). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** "2024-01-01", or "2024-01-01 10:30:00" when the date has a time of day (UTC, as exceljs makes dates). */
function isoDay(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 19).replace("T", " ");
}

/** A cell's value as Excel stores it: a date-formatted number stays the number exceljs turned into a Date. */
function plainValue(v: ExcelJS.CellValue, date1904: boolean): CellValue | { formula: string } {
  if (v === null || v === undefined) return "";
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number") return v;
  if (v instanceof Date)
    return (
      Math.round(((v.getTime() - (date1904 ? EPOCH_1904 : EPOCH_1900)) / 86400000) * 1e9) / 1e9
    );
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

/**
 * The cell's value with a formula's stored result. exceljs's `Cell.value` drops a stored result that is falsy
 * (`<v>0</v>`, FALSE, an empty string), which would make a saved zero look like a formula without a result; the cell's
 * model still holds it.
 */
function storedValue(cell: ExcelJS.Cell): ExcelJS.CellValue {
  const v = cell.value;
  if (
    v &&
    typeof v === "object" &&
    ("formula" in v || "sharedFormula" in v) &&
    v.result === undefined
  ) {
    const result = (cell.model as { result?: ExcelJS.CellFormulaValue["result"] }).result;
    if (result !== undefined) return { ...v, result } as ExcelJS.CellValue;
  }
  return v;
}

/**
 * The sheet's merged ranges ("A1:E1"). exceljs 4.4.0 keeps them in `_merges` (master address → Range); its public
 * `ws.model` getter would build a model of every row and column first — for a sheet whose columns are formatted to
 * XFD that is 16,384 columns compared pairwise, most of the read's time.
 */
function mergedRanges(ws: ExcelJS.Worksheet): string[] {
  const merges = (ws as unknown as { _merges?: Record<string, { range: string }> })._merges;
  if (merges) return Object.values(merges).map((m) => m.range);
  return (ws.model as unknown as { merges?: string[] }).merges ?? [];
}

/**
 * The sheet's print area as A1 ranges without "$" (exceljs reads the defined name _xlnm.Print_Area into
 * pageSetup.printArea, several areas joined by "&&"); undefined when the sheet sets none.
 */
function printAreaOf(ws: ExcelJS.Worksheet): string[] | undefined {
  const text = (ws.pageSetup as { printArea?: string } | undefined)?.printArea;
  return text ? printAreasA1(text.split("&&")) : undefined;
}

/**
 * The print header of the sheet's first page (<headerFooter>: firstHeader when the sheet prints a different first
 * page, else oddHeader), its codes parsed; undefined when it prints none.
 */
function pageHeaderOf(ws: ExcelJS.Worksheet): PageHeader | undefined {
  const hf = ws.headerFooter as
    { differentFirst?: boolean; oddHeader?: string; firstHeader?: string } | undefined;
  return parsePageHeader(hf?.differentFirst ? hf.firstHeader : hf?.oddHeader, ws.name);
}

/**
 * The width of each grid column as Excel shows it (col/@width, else sheetFormatPr/@defaultColWidth, else Excel's
 * 8.43; both stored with the cell padding): the columns' widths decide which formatted numbers print as ####.
 * Undefined when the sheet records no width at all: a sheet a program wrote without laying it out (a PDF rebuilt
 * as cells, a generated test) was not printed as it stands, so nothing is said of its widths.
 */
function columnWidths(ws: ExcelJS.Worksheet, cols: number[]): number[] | undefined {
  const stored = (ws.properties as { defaultColWidth?: number }).defaultColWidth;
  const recorded = (ws.columns ?? []).some((c) => typeof c?.width === "number");
  if (!recorded && !stored) return undefined;
  const fallback = stored ? widthFromStored(stored) : DEFAULT_COLUMN_WIDTH;
  return cols.map((c) => {
    const w = ws.getColumn(c + 1).width;
    return typeof w === "number" && Number.isFinite(w) ? widthFromStored(w) : fallback;
  });
}

/**
 * Converts a loaded exceljs worksheet into a grid (values only in a merge's top-left cell). The grid spans the
 * cells that hold a value, as Excel's getUsedRange(valuesOnly) does — formatting alone (a styled cell at
 * XFD1048576, a million styled empty rows) does not widen it — and long empty runs inside it are skipped
 * (sheetRows / sheetCols), so time and memory follow the cells that hold something. Hidden rows and columns
 * are carried (hiddenRows / hiddenCols). Formulas without a stored result are added to `pending` (grid coordinates).
 */
export function worksheetToGrid(
  ws: ExcelJS.Worksheet,
  opts: {
    date1904?: boolean;
    pending?: PendingFormula[];
    sheet?: number;
    recalc?: boolean;
    /** Formulas with a stored number, to be checked against what they compute (markStaleFormulas). */
    stored?: StoredFormula[];
  } = {}
): SheetGrid {
  const merges0: Merge[] = mergedRanges(ws).map((m) => {
    const p = parseRef(m);
    return { r0: p.r0, c0: p.c0, r1: p.r1, c1: p.c1 };
  });
  const slave = new Set<number>();
  for (const m of merges0)
    for (let r = m.r0; r <= m.r1; r++)
      for (let c = m.c0; c <= m.c1; c++) if (r !== m.r0 || c !== m.c0) slave.add(r * 65536 + c);
  const occupiedRows: number[] = [];
  const occupiedCols = new Set<number>();
  ws.eachRow({ includeEmpty: false }, (row, rn) => {
    let any = false;
    row.eachCell({ includeEmpty: false }, (cell, cn) => {
      if (
        slave.has((rn - 1) * 65536 + cn - 1) ||
        plainValue(storedValue(cell), !!opts.date1904) === ""
      )
        return;
      occupiedCols.add(cn - 1);
      any = true;
    });
    if (any) occupiedRows.push(rn - 1);
  });
  const state = (ws as unknown as { state?: string }).state;
  const visibility: SheetGrid["visibility"] =
    state === "hidden" ? "hidden" : state === "veryHidden" ? "veryHidden" : "visible";
  if (occupiedRows.length === 0)
    return {
      sheet: ws.name,
      origin: { row: 0, col: 0 },
      values: [],
      text: [],
      numberFormat: [],
      merges: [],
      visibility,
    };
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
      let fmt = cell?.numFmt || "General";
      const stored = !cell || slave.has(r * 65536 + c) ? "" : storedValue(cell);
      let value = stored === "" ? "" : plainValue(stored, !!opts.date1904);
      // A date without a date format came from a `t="d"` cell (ISO text, exceljs.ts): shown as the date it is.
      const isoText = stored instanceof Date && !isDateFormat(fmt) ? isoDay(stored) : undefined;
      if (isoText) fmt = "yyyy-mm-dd";
      if (typeof value === "object" && value !== null) {
        opts.pending?.push({
          sheet: opts.sheet ?? 0,
          r: values.length,
          c: vr.length,
          formula: String(cell?.formula ?? "").replace(/^=/, ""),
        });
        value = "";
      } else if (opts.recalc && cell?.formula && value !== "") {
        // The workbook asks Excel to recalculate on open: what Excel shows is the formula's result, not the stored one.
        opts.pending?.push({
          sheet: opts.sheet ?? 0,
          r: values.length,
          c: vr.length,
          formula: String(cell.formula).replace(/^=/, ""),
          stored: value,
        });
      } else if (opts.stored && cell?.formula && typeof value === "number")
        opts.stored.push({
          sheet: opts.sheet ?? 0,
          r: values.length,
          c: vr.length,
          formula: String(cell.formula).replace(/^=/, ""),
        });
      vr.push(value);
      fr.push(fmt);
      tr.push(isoText ?? displayText(value, fmt));
    }
    values.push(vr);
    text.push(tr);
    numberFormat.push(fr);
  });
  // A column of width 0 (width="0" customWidth="1") is hidden on screen and paper, not a #### (tester35b T35b-1).
  const hiddenCols = cols.flatMap((c, gc) => {
    const col = ws.getColumn(c + 1);
    return col.hidden || col.width === 0 ? [gc] : [];
  });
  const grid: SheetGrid = {
    sheet: ws.name,
    origin: { row: rows[0], col: cols[0] },
    values,
    text,
    numberFormat,
    merges: mergesOnAxes(merges0, rows, cols),
    visibility,
  };
  if (hiddenRows.length) grid.hiddenRows = hiddenRows;
  if (hiddenCols.length) grid.hiddenCols = hiddenCols;
  const printArea = printAreaOf(ws);
  if (printArea) grid.printArea = printArea;
  const pageHeader = pageHeaderOf(ws);
  if (pageHeader) grid.pageHeader = pageHeader;
  const widths = columnWidths(ws, cols);
  if (widths) grid.colWidths = widths;
  if (rows[rows.length - 1] - rows[0] + 1 !== rows.length) grid.sheetRows = rows;
  if (cols[cols.length - 1] - cols[0] + 1 !== cols.length) grid.sheetCols = cols;
  return grid;
}

/**
 * Reads an .xlsx from bytes; throws WorkbookReadError with a Chinese message for unusable input. `notes` says what
 * was repaired or computed on the way (duplicate sheet names, formulas without a stored result); `slimmed` that
 * exceljs read a copy without the style-only cells of huge sheet parts (see slim.ts), so `workbook` must not be
 * written back as the user's file.
 */
export async function readXlsxBuffer(buf: Uint8Array): Promise<{
  workbook: ExcelJS.Workbook;
  grids: SheetGrid[];
  notes: ReadNote[];
  slimmed: boolean;
}> {
  // Huge used ranges: style-only cells of very large sheet parts dropped before anything else inflates them.
  const slim = await slimWorkbook(buf);
  const input = slim ?? buf;
  let pkg = normalisePackage(input);
  const notes: ReadNote[] = pkg.notices.map((message) => ({ severity: "warning", message }));
  let wb = new Workbook();
  try {
    try {
      await wb.xlsx.load(Buffer.from(pkg.bytes) as unknown as ExcelJS.Buffer);
    } catch {
      // Drawings written by scripts trip exceljs; the cells are all the review needs: read again without them.
      pkg = normalisePackage(input, { cellsOnly: true });
      wb = new Workbook();
      await wb.xlsx.load(Buffer.from(pkg.bytes) as unknown as ExcelJS.Buffer);
    }
  } catch (e) {
    const broken = brokenPart(pkg.bytes, pkg.sheets);
    if (broken)
      throw new WorkbookReadError(
        "xml_broken",
        `${broken.sheet ? `工作表“${broken.sheet}”的数据` : "文件的组成部分"}（${broken.part}）不是有效的 XML，工作簿已损坏：请用 Excel 打开修复后另存，或重新导出`,
        e
      );
    throw new WorkbookReadError(
      "corrupt",
      "工作簿已损坏，无法读取：请用 Excel 打开修复后另存，或重新导出",
      e
    );
  }
  if (wb.worksheets.length === 0)
    throw new WorkbookReadError("corrupt", "工作簿中没有工作表，文件可能已损坏");
  const date1904 = !!(wb.properties as { date1904?: boolean }).date1904;
  const pending: PendingFormula[] = [];
  const recalc = !!pkg.recalcOnLoad;
  const stored: StoredFormula[] = [];
  const grids = wb.worksheets.map((ws, sheet) =>
    worksheetToGrid(ws, { date1904, pending, sheet, recalc, stored })
  );
  const formulas = formulaReadNote(evaluateFormulas(grids, pending));
  markStaleFormulas(grids, stored);
  if (formulas) notes.push(formulas);
  return { workbook: wb, grids, notes, slimmed: !!slim };
}
