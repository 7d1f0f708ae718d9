/** Loading a workbook file for the CLI, with one-line Chinese errors. */
import { promises as fs } from "fs";
import path from "path";
import { readXlsxBuffer, WorkbookReadError } from "../hosts/xlsx/read";
import { importWorkbook } from "../core/importer/importer";
import type { Report } from "../core/model/schema";
import type { SheetGrid } from "../core/grid/grid";

export async function loadReport(file: string): Promise<{ report: Report; grids: SheetGrid[] }> {
  let buf: Buffer;
  try {
    buf = await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new WorkbookReadError("not_found", code === "EISDIR" ? `“${file}”是文件夹，不是工作簿` : `找不到文件“${file}”`);
  }
  const { grids } = await readXlsxBuffer(buf);
  // The file name gives year and department when neither a table nor a cover sheet prints them.
  return { report: importWorkbook(grids, { fileName: path.basename(file) }), grids };
}
