/**
 * The one place that decides which reader reads a workbook file, by its content (the extension may lie):
 * - a Compound File (D0 CF 11 E0) holding a `Workbook` (BIFF8) or `Book` (BIFF5) stream → .xls through SheetJS; an
 *   encrypted OOXML workbook, a Word or PowerPoint file (also Compound Files) → the .xlsx host's Chinese sentence;
 * - a zip whose `mimetype` is an OpenDocument spreadsheet → .ods through SheetJS; a zip holding `xl/workbook.bin`
 *   → .xlsb through SheetJS;
 * - an HTML page or an “XML 电子表格 2003” (what many 财政 systems export and name .xls; sheetjs/markup.ts) → SheetJS;
 * - anything else → the .xlsx host (exceljs), which names every other cause (truncated, not a workbook, …).
 * Both readers give SheetGrid[] with one contract (src/hosts/xlsx/read.ts, src/hosts/sheetjs/read.ts). Only the
 * .xlsx host returns its exceljs workbook, which `check --out` rewrites; the others are reviewed into a separate
 * workbook. The reader for .xlsx was chosen by measurement (`npm run bench`, "readers side by side").
 */
import * as CFB from "cfb";
import { unzipSync } from "fflate";
import type ExcelJS from "exceljs";
import type { SheetGrid } from "../core/grid/grid";
import type { ReadNote } from "../core/model/schema";
import { describeCfb, isCfb, isZip } from "./xlsx/package";
import { readXlsxBuffer } from "./xlsx/read";
import type { SheetjsFormat } from "./sheetjs/formats";
import { markupKind } from "./sheetjs/markup";

export type WorkbookFormat = "xlsx" | SheetjsFormat;

export interface ReadWorkbook {
  format: WorkbookFormat;
  grids: SheetGrid[];
  notes: ReadNote[];
  /** The exceljs workbook (format "xlsx" only), for rewriting with the review. */
  workbook?: ExcelJS.Workbook;
}

const ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet";

/** The workbook's format by content; throws WorkbookReadError (Chinese) for a Compound File that is no readable workbook. */
export function workbookFormat(buf: Uint8Array): WorkbookFormat {
  if (isCfb(buf)) {
    let names: string[] = [];
    try {
      names = CFB.read(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength), {
        type: "buffer",
      }).FullPaths.map((p) => (p.replace(/\/$/, "").split("/").pop() ?? "").toLowerCase());
    } catch {
      throw describeCfb(buf);
    }
    const encrypted = names.includes("encryptioninfo") || names.includes("encryptedpackage");
    if (!encrypted && (names.includes("workbook") || names.includes("book"))) return "xls";
    throw describeCfb(buf);
  }
  if (isZip(buf)) {
    let entries: Record<string, Uint8Array> = {};
    try {
      entries = unzipSync(buf, {
        filter: (f) => f.name === "mimetype" || f.name === "xl/workbook.bin",
      });
    } catch {
      return "xlsx"; // truncated or damaged: the .xlsx host names the cause
    }
    if (
      entries["mimetype"] &&
      new TextDecoder().decode(entries["mimetype"]).trim().startsWith(ODS_MIMETYPE)
    )
      return "ods";
    if (entries["xl/workbook.bin"]) return "xlsb";
    return "xlsx";
  }
  return markupKind(buf) ?? "xlsx";
}

/**
 * Reads any supported workbook from bytes; throws WorkbookReadError with one Chinese sentence for unusable input.
 * `timeoutMs` bounds SheetJS's read (default: readTimeout of the size; tests pass less); `fileName` names an HTML
 * page's one sheet as Excel does.
 */
export async function readWorkbookBuffer(
  buf: Uint8Array,
  opts: { timeoutMs?: number; fileName?: string } = {}
): Promise<ReadWorkbook> {
  const format = workbookFormat(buf);
  if (format === "xlsx") {
    const { workbook, grids, notes } = await readXlsxBuffer(buf);
    return { format, grids, notes, workbook };
  }
  // SheetJS (with its code pages) is loaded only when a legacy file comes: every process and worker starts faster.
  const { readSheetjsBuffer } = await import("./sheetjs/read");
  return { format, ...readSheetjsBuffer(buf, format, opts) };
}
