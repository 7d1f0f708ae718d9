/**
 * `clear <files or folders> --out <dir>`: a reviewed workbook back as it was before the review — the product's marks
 * (its conditional formats), its notes and its sheets 审核结果 / 预算汇总 taken off, the user's content as it was
 * (package-review.ts with an empty plan; left: unused formats in the styles part, the workbook view on the first sheet,
 * the notes' content-type entry and namespace declaration). Written to
 * `<dir>/<name>.cleared.xlsx` (`.xlsm` for a macro workbook); the input is only read, as in `check --out`. The add-in's
 * 清除标记 does the same in Excel. As `check --out` does, a re-run into the same folder replaces its own earlier copy and
 * never a file of the user's (that one keeps its name, ours takes (2)): a cleared copy has no review sheets to tell it
 * by, so it carries CLEARED_COMMENT as its zip archive comment — outside every part, and gone once Excel or
 * LibreOffice saves the file again (then it is the user's).
 */
import { renameSync, rmSync, writeFileSync } from "fs";
import path from "path";
import { strFromU8, unzipSync } from "fflate";
import { readWorkbookFile } from "./load";
import { FolderError, writeError } from "./errors";
import { outputNamer } from "./out-names";
import { makeOutDir } from "./out-dir";
import { tempName } from "./temp-files";
import { isSummaryFile, outName, walkInputs } from "./batch";
import { WorkbookReadError } from "../hosts/xlsx/read";
import { readWorkbookBuffer } from "../hosts/read-any";
import { formatInText } from "../hosts/sheetjs/formats";
import { PackageShapeError, reviewPackage } from "../hosts/xlsx/package-review";
import { withZipComment, zipComment } from "../hosts/xlsx/zip";

/** Packages the review writes into: a folder walk takes these (reviewed copies included). */
const PACKAGE_EXT = /\.(xlsx|xlsm)$/i;
/** Copies this command wrote: a folder walk leaves them out (a re-run over its own output folder finds only inputs). */
const CLEARED = /\.cleared\.xls[xm]$/i;
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** The zip archive comment that tells a copy this command wrote (a re-run may replace it). */
export const CLEARED_COMMENT = "budget-review clear: review marks, notes and sheets removed";

/** What became of one input: `output` is the file written (relative to the output folder), or null with `reason`. */
export interface ClearRow {
  file: string;
  output: string | null;
  /** What was taken off. */
  cleared: { sheets: number; rules: number; notes: number } | null;
  reason: string | null;
  /** The input could not be read or the copy not written (exit 2); a file without a review is no failure. */
  failed: boolean;
}

/**
 * Files named directly, and .xlsx / .xlsm found under folders (recursively, sorted; lock files, `outDir`, cleared
 * copies and our own 审核汇总 left out).
 */
export function clearInputs(inputs: string[], outDir: string): Promise<string[]> {
  return walkInputs(
    inputs,
    outDir,
    async (name, p) =>
      PACKAGE_EXT.test(name) &&
      !name.startsWith("~$") &&
      !CLEARED.test(name) &&
      !(await isSummaryFile(name, p))
  );
}

/**
 * Why a file that is no .xlsx / .xlsm package has nothing of ours (a workbook of another format: no failure), or the
 * reader's own sentence for a damaged one (a failure).
 */
async function notPackage(
  file: string,
  bytes: Buffer
): Promise<{ reason: string; failed: boolean }> {
  try {
    const read = await readWorkbookBuffer(bytes, { fileName: path.basename(file) });
    return {
      reason: `原文件为${formatInText(read.format)}格式，本工具不在这种文件上加标记，没有可清除的内容`,
      failed: false,
    };
  } catch (e) {
    return {
      reason: e instanceof WorkbookReadError ? e.message : `无法读取（${(e as Error).message}）`,
      failed: true,
    };
  }
}

/** Clears one file into `outDir` under the name `namer` gives; never throws (the row says what happened). */
async function clearFile(
  file: string,
  outDir: string,
  nameFor: (file: string, suffix: string) => string
): Promise<ClearRow> {
  const row: ClearRow = { file, output: null, cleared: null, reason: null, failed: true };
  let bytes: Buffer;
  try {
    bytes = await readWorkbookFile(file);
  } catch (e) {
    row.reason = e instanceof WorkbookReadError ? e.message : `无法读取（${(e as Error).message}）`;
    return row;
  }
  if (!ZIP.every((b, i) => bytes[i] === b)) {
    return { ...row, ...(await notPackage(file, bytes)) };
  }
  let result;
  try {
    result = reviewPackage(bytes, { marks: [], sheets: [], styles: {} });
  } catch (e) {
    row.reason =
      e instanceof PackageShapeError
        ? `工作簿的结构不能安全地改写（${e.message}），未清除`
        : `无法作为 .xlsx 工作簿读取（${(e as Error).message}），未清除`;
    return row;
  }
  row.failed = false;
  const { sheets, rules, notes } = result.cleared;
  if (sheets + rules + notes === 0) {
    row.reason = "没有本工具的审核标记、批注或审核表，未写出副本";
    return row;
  }
  if (!hasSheetEntry(result.bytes)) {
    row.reason =
      "这是单独保存的审核结果工作簿（只有本工具的审核表），不是加了标记的原表，未写出副本";
    return row;
  }
  row.cleared = result.cleared;
  const name = nameFor(file, /\.xlsm$/i.test(file) ? ".cleared.xlsm" : ".cleared.xlsx");
  const target = path.join(outDir, name);
  // As check --out: written under a temporary name, then renamed (no half file under the output's name).
  const tmp = path.join(outDir, tempName(process.pid, 0));
  try {
    writeFileSync(tmp, withZipComment(result.bytes, CLEARED_COMMENT));
    renameSync(tmp, target);
    row.output = name;
  } catch (e) {
    rmSync(tmp, { force: true });
    row.failed = true;
    row.cleared = null;
    row.reason = writeError(outDir, e) ?? `无法写入“${target}”`;
  }
  return row;
}

/** The workbook part of a package lists a sheet (a 审核结果 workbook saved on its own lists none once cleared). */
function hasSheetEntry(pkg: Uint8Array): boolean {
  const parts = unzipSync(pkg, { filter: (f) => /^xl\/workbook\.xml$/i.test(f.name) });
  const wb = Object.values(parts)[0];
  return !wb || /<sheet\b/.test(strFromU8(wb));
}

/**
 * Runs `clear`: one line per input (written copy and what came off, or why nothing was written), then a total line.
 * Exit 0, or 2 when an input could not be read or its copy not written.
 */
export async function runClear(
  inputs: string[],
  opts: { outDir: string },
  out: (s: string) => void,
  err: (s: string) => void
): Promise<number> {
  try {
    await makeOutDir(opts.outDir);
  } catch (e) {
    // As check --out: the folder that failed (a parent that is a file, say), in one sentence.
    const at = (e as NodeJS.ErrnoException).path ?? opts.outDir;
    throw new FolderError(writeError(at, e) ?? `无法建立输出文件夹“${at}”`, e);
  }
  const files = await clearInputs(inputs, opts.outDir);
  const namer = outputNamer(opts.outDir, files, (b) => zipComment(b) === CLEARED_COMMENT);
  const rows: ClearRow[] = [];
  for (const file of files) {
    const row = await clearFile(file, opts.outDir, (f, suffix) => outName(f, suffix, namer));
    rows.push(row);
    if (row.output && row.cleared)
      out(
        `${file} → ${path.join(opts.outDir, row.output)}（去掉审核表 ${row.cleared.sheets} 张、标记用的条件格式 ${row.cleared.rules} 条、批注 ${row.cleared.notes} 条）`
      );
    else if (row.failed) err(`错误：${file}：${row.reason}`);
    else out(`${file}：${row.reason}`);
  }
  const written = rows.filter((r) => r.output).length;
  out(`清除标记：写出 ${written} 个副本（共 ${rows.length} 个文件），原文件未改动`);
  return rows.some((r) => r.failed) ? 2 : 0;
}
