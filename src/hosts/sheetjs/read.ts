/**
 * The legacy-format host (SheetJS CE 0.20.3, published as `@e965/xlsx`, Apache-2.0): an Excel 97-2003 (.xls, BIFF8;
 * also Excel 5/95 BIFF5), an OpenDocument spreadsheet (.ods) or a binary workbook (.xlsb) → one SheetGrid per sheet,
 * with the contract of the .xlsx host's worksheetToGrid (src/hosts/xlsx/read.ts): values only in a merge's top-left
 * cell, "" for empty, displayed text from the core's displayText and the cell's number format, sheet visibility,
 * hidden rows and columns, long empty runs skipped. It only reads: the review of such a file is written as a
 * separate workbook (src/cli/review-file.ts).
 *
 * SheetJS does not read an .ods file's hidden sheets, rows and columns, and trims the ideographic spaces that
 * indent its texts; ods.ts makes up for both.
 */
import { printAreasA1 } from "../../core/grid/address";
import { DEFAULT_COLUMN_WIDTH, widthFromStored } from "../../core/grid/width";
import * as XLSX from "@e965/xlsx";
import vm from "vm";
import {
  compressAxis,
  MAX_EMPTY_RUN,
  mergesOnAxes,
  type CellValue,
  type Merge,
  type SheetGrid,
} from "../../core/grid/grid";
import { displayText } from "../../core/grid/display";
import type { ReadNote } from "../../core/model/schema";
import { WorkbookReadError } from "../xlsx/errors";
import {
  evaluateFormulas,
  formulaReadNote,
  markStaleFormulas,
  type PendingFormula,
  type StoredFormula,
} from "../xlsx/formulas";
import { prepareOds, type OdsSheetVisibility, type PreparedOds } from "./ods";
import { FORMAT_NAMES, formatInText, type SheetjsFormat } from "./formats";
import { decodeMarkup, numberFormatOfText, pagePieces, pageSheetName } from "./markup";

/** BIFF error codes ([MS-XLS] 2.5.97.2 BErr) → the text Excel shows. */
const ERRORS: Record<number, string> = {
  0x00: "#NULL!",
  0x07: "#DIV/0!",
  0x0f: "#VALUE!",
  0x17: "#REF!",
  0x1d: "#NAME?",
  0x24: "#NUM!",
  0x2a: "#N/A",
  0x2b: "#GETTING_DATA",
};

type Cell = XLSX.CellObject;

/** A cell's value as Excel stores it ("" for empty; a formula without a stored result → `{formula}`). */
function plainValue(cell: Cell | undefined): CellValue | { formula: string } {
  if (!cell) return "";
  switch (cell.t) {
    case "n":
      return typeof cell.v === "number" ? cell.v : "";
    case "s":
      return cell.v === undefined || cell.v === null ? "" : String(cell.v);
    case "b":
      return !!cell.v;
    case "e":
      return (
        (typeof cell.w === "string" && cell.w.startsWith("#")
          ? cell.w
          : ERRORS[cell.v as number]) ?? "#VALUE!"
      );
    case "d":
      // Not produced with cellDates off; kept for completeness (a serial in the 1900 system).
      return cell.v instanceof Date
        ? Math.round(((cell.v.getTime() - Date.UTC(1899, 11, 30)) / 86400000) * 1e9) / 1e9
        : "";
    default:
      return cell.f ? { formula: cell.f } : "";
  }
}

const inMerge = (m: Merge, r: number, c: number) =>
  r >= m.r0 && r <= m.r1 && c >= m.c0 && c <= m.c1 && (r !== m.r0 || c !== m.c0);

/** SheetJS prints warnings about formats it approximates (`console.error`); the CLI's output is the reviewer's. */
export function quietly<T>(f: () => T): T {
  const saved = [console.error, console.warn, console.log];
  console.error = console.warn = console.log = () => undefined;
  try {
    return f();
  } finally {
    [console.error, console.warn, console.log] = saved;
  }
}

/**
 * One SheetJS worksheet (read with `dense: true`) → a grid, as worksheetToGrid does for exceljs. `hidden` gives the
 * sheet's hidden rows and columns (0-based sheet indexes) where SheetJS does not carry them (.ods).
 */
export function sheetjsSheetToGrid(
  name: string,
  ws: XLSX.WorkSheet,
  opts: {
    visibility?: SheetGrid["visibility"];
    hidden?: OdsSheetVisibility;
    pending?: PendingFormula[];
    /** Formulas with a stored number (A1 syntax: .xls / .xlsb), checked against what they compute. */
    stored?: StoredFormula[];
    sheet?: number;
    restore?: (s: string) => string;
    /** The format records column widths that SheetJS reads (.xls / .xlsb COLINFO): carry them as colWidths. */
    widths?: boolean;
  } = {}
): SheetGrid {
  const data = ((ws as { "!data"?: Cell[][] })["!data"] ?? []) as Array<
    Array<Cell | undefined> | undefined
  >;
  const merges0: Merge[] = (ws["!merges"] ?? []).map((m) => ({
    r0: m.s.r,
    c0: m.s.c,
    r1: m.e.r,
    c1: m.e.c,
  }));
  // Cells covered by a merge (not its top-left): a set for ordinary merges, a list for huge ones (a damaged file may
  // claim a merge over a whole sheet), so memory follows the cells the file holds.
  const slaveSet = new Set<number>();
  const big: Merge[] = [];
  for (const m of merges0) {
    if ((m.r1 - m.r0 + 1) * (m.c1 - m.c0 + 1) > 4096) big.push(m);
    else
      for (let r = m.r0; r <= m.r1; r++)
        for (let c = m.c0; c <= m.c1; c++)
          if (r !== m.r0 || c !== m.c0) slaveSet.add(r * 65536 + c);
  }
  const slave = {
    has: (k: number) =>
      slaveSet.has(k) ||
      (big.length > 0 && big.some((m) => inMerge(m, Math.floor(k / 65536), k % 65536))),
  };
  const occupiedRows: number[] = [];
  const occupiedCols = new Set<number>();
  data.forEach((row, r) => {
    if (!row) return;
    let any = false;
    row.forEach((cell, c) => {
      if (!cell || slave.has(r * 65536 + c) || plainValue(cell) === "") return;
      occupiedCols.add(c);
      any = true;
    });
    if (any) occupiedRows.push(r);
  });
  const visibility = opts.visibility ?? "visible";
  if (occupiedRows.length === 0)
    return {
      sheet: name,
      origin: { row: 0, col: 0 },
      values: [],
      text: [],
      numberFormat: [],
      merges: [],
      visibility,
    };
  const rows = compressAxis(occupiedRows, MAX_EMPTY_RUN);
  const cols = compressAxis([...occupiedCols], MAX_EMPTY_RUN);
  const rowInfo = ws["!rows"] ?? [];
  const colInfo = ws["!cols"] ?? [];
  const rowHidden = (r: number) => !!rowInfo[r]?.hidden || !!opts.hidden?.row(r);
  const colHidden = (c: number) => !!colInfo[c]?.hidden || !!opts.hidden?.col(c);
  const values: CellValue[][] = [];
  const text: string[][] = [];
  const numberFormat: string[][] = [];
  const hiddenRows: number[] = [];
  rows.forEach((r, gr) => {
    if (rowHidden(r)) hiddenRows.push(gr);
    const row = data[r];
    const vr: CellValue[] = [];
    const tr: string[] = [];
    const fr: string[] = [];
    for (const c of cols) {
      const cell = slave.has(r * 65536 + c) ? undefined : row?.[c];
      const fmt =
        typeof cell?.z === "string" && cell.z
          ? opts.restore
            ? opts.restore(cell.z)
            : cell.z
          : "General";
      let value = plainValue(cell);
      if (opts.restore && typeof value === "string") value = opts.restore(value);
      if (typeof value === "object" && value !== null) {
        opts.pending?.push({
          sheet: opts.sheet ?? 0,
          r: values.length,
          c: vr.length,
          formula: (opts.restore ? opts.restore(value.formula) : value.formula).replace(/^=/, ""),
        });
        value = "";
      } else if (opts.stored && typeof cell?.f === "string" && typeof value === "number")
        opts.stored.push({
          sheet: opts.sheet ?? 0,
          r: values.length,
          c: vr.length,
          formula: cell.f,
        });
      vr.push(value);
      fr.push(fmt);
      tr.push(displayText(value, fmt));
    }
    values.push(vr);
    text.push(tr);
    numberFormat.push(fr);
  });
  const hiddenCols = cols.flatMap((c, gc) => (colHidden(c) ? [gc] : []));
  const grid: SheetGrid = {
    sheet: name,
    origin: { row: rows[0], col: cols[0] },
    values,
    text,
    numberFormat,
    merges: mergesOnAxes(merges0, rows, cols),
    visibility,
  };
  if (hiddenRows.length) grid.hiddenRows = hiddenRows;
  if (hiddenCols.length) grid.hiddenCols = hiddenCols;
  // Column widths where the format records them (BIFF COLINFO, read with cellStyles; .ods and markup do not say),
  // and the sheet sets some (as for .xlsx: a sheet nobody laid out says nothing of its printed widths).
  if (opts.widths && colInfo.some((x) => typeof x?.width === "number"))
    grid.colWidths = cols.map((c) => {
      const w = colInfo[c]?.width;
      return typeof w === "number" && Number.isFinite(w)
        ? widthFromStored(w)
        : DEFAULT_COLUMN_WIDTH;
    });
  if (rows[rows.length - 1] - rows[0] + 1 !== rows.length) grid.sheetRows = rows;
  if (cols[cols.length - 1] - cols[0] + 1 !== cols.length) grid.sheetCols = cols;
  return grid;
}

/**
 * SheetJS can loop forever on some damaged records (its formula parser, parse_Rgce, never ends when a token runs past
 * the formula's end). The read runs under vm's watchdog, which stops synchronous code after `ms`: a damaged file
 * becomes one Chinese sentence instead of a batch that never finishes.
 */
function readWithin<T>(ms: number, f: () => T): T {
  // A context of its own holding only `f` (no global of this realm is touched; test runners sandbox globals).
  return new vm.Script("f()").runInNewContext({ f }, { timeout: ms }) as T;
}

/** Time allowed for SheetJS to read a workbook of `bytes` bytes (reading takes well under a second per MB). */
export const readTimeout = (bytes: number) => 30000 + 2000 * Math.ceil(bytes / 1048576);

/** What SheetJS throws → the cause in one Chinese sentence (its own text is kept as the detail, shown with --debug). */
function readError(format: SheetjsFormat | "xlsx", e: unknown): WorkbookReadError {
  if (e instanceof WorkbookReadError) return e;
  if ((e as { code?: string })?.code === "ERR_SCRIPT_EXECUTION_TIMEOUT")
    return new WorkbookReadError(
      "corrupt",
      `这是${formatInText(format)}格式的工作簿，但读取长时间不能完成，文件可能已损坏：请用 Excel 或 WPS 打开修复后另存，或重新导出`,
      e
    );
  const msg = String((e as Error)?.message ?? e);
  if (/password|encrypt/i.test(msg))
    return new WorkbookReadError(
      "encrypted",
      `${FORMAT_NAMES[format]}工作簿设置了打开密码（已加密），请在 Excel 或 WPS 中用密码打开，清除密码并保存后再审核`,
      e
    );
  return new WorkbookReadError(
    "corrupt",
    `这是${formatInText(format)}格式的工作簿，但文件已损坏，无法读取：请用 Excel 或 WPS 打开修复后另存，或重新导出`,
    e
  );
}

/** SheetJS's options for every format (see readSheetjsBuffer). */
const READ_OPTIONS: XLSX.ParsingOptions = {
  dense: true,
  cellNF: true,
  cellText: false,
  cellDates: false,
  cellHTML: false,
  cellStyles: true,
  bookVBA: false,
  WTF: false,
};

/**
 * An HTML page → a workbook of one sheet laid out as Excel opens the page (markup.ts): each text block outside the
 * tables one row in column A, each table's rows (read by SheetJS, merges from colspan / rowspan) below, in order.
 */
function pageBook(html: string, fileName?: string): XLSX.WorkBook {
  const rows: Array<Array<Cell | undefined>> = [];
  const merges: XLSX.Range[] = [];
  let width = 1;
  for (const piece of pagePieces(html)) {
    if ("text" in piece) {
      rows.push([{ t: "s", v: piece.text }]);
      continue;
    }
    const book = XLSX.read(piece.table, { ...READ_OPTIONS, type: "string" });
    const ws = book.Sheets[book.SheetNames[0]];
    const data = ((ws as { "!data"?: Cell[][] })["!data"] ?? []) as Array<Array<Cell | undefined>>;
    const range = XLSX.utils.decode_range(ws["!ref"] ?? "A1");
    const at = rows.length;
    for (let r = 0; r <= range.e.r; r++) {
      const row = data[r] ?? [];
      // A number's printed text gives its format (1,234.00 → #,##0.00), as Excel opening the page does: the
      // precision the rules allow for rounding is the printed one.
      for (const cell of row)
        if (cell?.t === "n" && typeof cell.w === "string" && !cell.z)
          cell.z = numberFormatOfText(cell.w) ?? "General";
      rows.push(row);
    }
    for (const m of ws["!merges"] ?? [])
      merges.push({ s: { r: m.s.r + at, c: m.s.c }, e: { r: m.e.r + at, c: m.e.c } });
    width = Math.max(width, range.e.c + 1);
  }
  const sheet = { "!data": rows, "!merges": merges } as unknown as XLSX.WorkSheet;
  sheet["!ref"] = XLSX.utils.encode_range({
    s: { r: 0, c: 0 },
    e: { r: Math.max(rows.length - 1, 0), c: width - 1 },
  });
  const name = pageSheetName(html, fileName);
  return { SheetNames: [name], Sheets: { [name]: sheet } };
}

/**
 * Reads a legacy workbook from bytes (format as told by src/hosts/read-any.ts); throws WorkbookReadError with a
 * Chinese message for unusable input. Options keep SheetJS from building what the review does not use: no
 * formatted text (displayText computes it), number formats on, styles except for .ods (SheetJS reads hidden
 * columns, and rows of .xlsx, only with `cellStyles`; for .ods it would only add a stub per empty cell), one dense
 * array per sheet. Reading .xlsx here is for `npm run bench` only (the .xlsx reader is exceljs).
 */
export function readSheetjsBuffer(
  buf: Uint8Array,
  format: SheetjsFormat | "xlsx",
  opts: { timeoutMs?: number; fileName?: string } = {}
): { grids: SheetGrid[]; notes: ReadNote[] } {
  let ods: PreparedOds | undefined;
  if (format === "ods") {
    try {
      ods = prepareOds(buf);
    } catch (e) {
      throw readError(format, e);
    }
  }
  const restore = ods?.restore ?? ((s: string) => s);
  let wb: XLSX.WorkBook;
  try {
    const bytes = ods?.bytes ?? buf;
    wb = readWithin(opts.timeoutMs ?? readTimeout(bytes.length), () =>
      quietly(() =>
        format === "html"
          ? pageBook(decodeMarkup(bytes), opts.fileName)
          : format === "xml2003"
            ? XLSX.read(decodeMarkup(bytes), { ...READ_OPTIONS, type: "string" })
            : XLSX.read(bytes, { ...READ_OPTIONS, type: "array", cellStyles: format !== "ods" })
      )
    );
  } catch (e) {
    throw readError(format, e);
  }
  if (!wb.SheetNames.length)
    throw new WorkbookReadError(
      "corrupt",
      `这是${formatInText(format)}格式的工作簿，但其中没有工作表，文件可能已损坏`
    );
  const props = wb.Workbook?.Sheets ?? [];
  // Each sheet's print area (the sheet-scoped defined name _xlnm.Print_Area): A1 ranges without sheet and "$".
  const printAreas = new Map<number, string[]>();
  // (SheetJS gives an .ods file's names in ODF syntax, escaped: those are read by the pre-pass instead.)
  for (const n of wb.Workbook?.Names ?? []) {
    if (!/^_xlnm\.Print_Area$/i.test(n.Name) || typeof n.Sheet !== "number" || !n.Ref) continue;
    const areas = printAreasA1(n.Ref.split(","));
    if (areas) printAreas.set(n.Sheet, areas);
  }
  const pending: PendingFormula[] = [];
  const stored: StoredFormula[] = [];
  const grids = wb.SheetNames.map((name0, sheet) => {
    // A damaged file may leave a sheet without a name.
    const name = typeof name0 === "string" ? name0 : `工作表${sheet + 1}`;
    const h = props[sheet]?.Hidden;
    const o = ods?.sheets.get(restore(name));
    const visibility: SheetGrid["visibility"] =
      h === 2 ? "veryHidden" : h === 1 || o?.hidden ? "hidden" : "visible";
    const ws = wb.Sheets[name0];
    if (!ws)
      throw new WorkbookReadError(
        "sheet_missing",
        `工作表“${restore(name)}”的数据缺失，文件已损坏：请用 Excel 或 WPS 打开修复后另存，或重新导出`
      );
    const grid = sheetjsSheetToGrid(restore(name), ws, {
      visibility,
      hidden: o,
      pending,
      // (An .ods file's formulas are OpenFormula, not Excel's syntax: not checked.)
      stored: format === "xls" || format === "xlsb" ? stored : undefined,
      sheet,
      restore: ods?.restore,
      widths: format === "xls" || format === "xlsb",
    });
    const printArea = printAreas.get(sheet) ?? o?.printArea;
    if (printArea && grid.values.length) grid.printArea = printArea;
    // The print header: .ods from its master page; SheetJS reads none from .xls / .xlsb (it skips the HEADER record).
    if (o?.pageHeader && grid.values.length) grid.pageHeader = o.pageHeader;
    return grid;
  });
  const notes: ReadNote[] = [];
  const note = formulaReadNote(evaluateFormulas(grids, pending));
  if (note) notes.push(note);
  markStaleFormulas(grids, stored);
  return { grids, notes };
}
