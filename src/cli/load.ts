/** Loading a workbook file for the CLI, with one Chinese sentence per cause when it cannot be used. */
import { readFileSync, statSync } from "fs";
import path from "path";
import { WorkbookReadError } from "../hosts/xlsx/read";
import { readWorkbookBuffer } from "../hosts/read-any";
import { importWorkbook } from "../core/importer/importer";
import type { ReadNote, Report } from "../core/model/schema";
import { isReviewSheet } from "../hosts/xlsx/review";
import type { SheetGrid } from "../core/grid/grid";

/** A file-system error → the read error a reviewer understands (permission, missing, not a regular file). */
export function fileError(file: string, e: unknown): WorkbookReadError {
  const code = (e as NodeJS.ErrnoException)?.code;
  const byCode: Record<string, [WorkbookReadError["code"], string]> = {
    ENOENT: ["not_found", `找不到文件“${file}”`],
    ENOTDIR: ["not_found", `找不到文件“${file}”（路径中有一段不是文件夹）`],
    EACCES: ["permission", `没有读取“${file}”的权限，请检查文件权限或换一个有权限的账户`],
    EPERM: ["permission", `没有读取“${file}”的权限，请检查文件权限或换一个有权限的账户`],
    EISDIR: [
      "not_regular",
      `“${file}”是文件夹，不是工作簿（审核整个文件夹：check <文件夹>，加 --out <输出文件夹> 写出审核后的副本）`,
    ],
    ENAMETOOLONG: ["not_found", `文件路径过长：“${file}”`],
    ELOOP: ["not_found", `“${file}”的符号链接形成循环，无法打开`],
    EMFILE: ["io", `同时打开的文件过多，无法读取“${file}”，请稍后重试`],
    EIO: ["io", `读取“${file}”时磁盘或网络出错，请复制到本地后重试`],
  };
  const hit = code ? byCode[code] : undefined;
  return new WorkbookReadError(hit?.[0] ?? "io", hit?.[1] ?? `无法读取“${file}”`, e);
}

/**
 * Reads the bytes of a workbook file. Only a regular file is opened: a pipe, a device or a socket is refused by its
 * stat (reading a FIFO would block forever), a folder is named as such. Synchronous on purpose: the thread that
 * reviews has nothing else to do meanwhile, and each awaited file operation was a trip through libuv's thread pool
 * that left it idle (5 % of a 200-workbook batch in a CPU profile; 1 % so).
 */
export async function readWorkbookFile(file: string): Promise<Buffer> {
  let st;
  try {
    st = statSync(file);
  } catch (e) {
    throw fileError(file, e);
  }
  // Excel's owner file beside an open workbook (~$预算.xlsx, a few hundred bytes naming who has it open).
  if (path.basename(file).startsWith("~$") && st.isFile() && st.size < 1024)
    throw new WorkbookReadError(
      "not_xlsx",
      `“${path.basename(file)}”是 Excel 打开工作簿时生成的锁定文件，不是工作簿：请审核“${path.basename(file).slice(2)}”本身`
    );
  if (st.isDirectory())
    throw new WorkbookReadError(
      "not_regular",
      `“${file}”是文件夹，不是工作簿（审核整个文件夹：check <文件夹>，加 --out <输出文件夹> 写出审核后的副本）`
    );
  if (!st.isFile())
    throw new WorkbookReadError(
      "not_regular",
      `“${file}”不是普通文件（是管道、设备或套接字），不能作为工作簿读取`
    );
  try {
    return readFileSync(file);
  } catch (e) {
    throw fileError(file, e);
  }
}

/**
 * The grids and report of a workbook as read: a previous review's 审核结果 / 预算汇总 (the product's own sheets,
 * tagged in A1) are left out — they are no budget tables —, the file name gives year and department when neither a
 * table nor a cover sheet prints them, and what the reader noticed (duplicate sheet names, formulas without a stored
 * result …) goes with the report. `check` and `check --out` both read through here, so both say the same.
 */
export function reportOf(
  file: string,
  read: { grids: SheetGrid[]; notes: ReadNote[] }
): { report: Report; grids: SheetGrid[] } {
  const grids = read.grids.filter(
    (g) => !(g.origin.row === 0 && g.origin.col === 0 && isReviewSheet(g.sheet, g.values[0]?.[0]))
  );
  const report = importWorkbook(grids, { fileName: path.basename(file) });
  if (read.notes.length) report.readNotes = read.notes;
  return { report, grids };
}

export async function loadReport(file: string): Promise<{ report: Report; grids: SheetGrid[] }> {
  return reportOf(
    file,
    await readWorkbookBuffer(await readWorkbookFile(file), { fileName: path.basename(file) })
  );
}
