/**
 * Reviewing one workbook file for `check --out`: read → check → review plan → write `<out>/<name>.reviewed.xlsx`
 * (`.reviewed.xlsm` for a macro workbook) by editing the package (package-review.ts: charts, pictures, macros and
 * every other part kept as they are); when the package cannot be edited safely, or the file is an .xls / .ods / .xlsb
 * (never converted), `<out>/<name>.审核结果.xlsx` with the review sheets only. The input file is only read. Returns one row of the consolidated 审核汇总 and the time of each phase (ms).
 */
import { renameSync, rmSync, writeFileSync } from "fs";
import { readWorkbookFile, reportOf } from "./load";
import { writeError } from "./errors";
import path from "path";
import { threadId } from "worker_threads";
import { tempName } from "./temp-files";
import { WorkbookReadError } from "../hosts/xlsx/read";
import { readWorkbookBuffer } from "../hosts/read-any";
import { formatInText } from "../hosts/sheetjs/formats";
import type { BatchEntry } from "../core/review/batch-sheet";
import { localizeWithSolver } from "./solver";
import { checkReport } from "../core/rules/engine";
import { buildReviewPlan } from "../core/review/build";
import type { Severity } from "../core/rules/rule";
import { batchTotals } from "../core/review/batch-totals";
import { writeSheetsOnly } from "../hosts/xlsx/review";
import { PackageShapeError, reviewPackage } from "../hosts/xlsx/package-review";
import { toCheckJson, type CheckFileJson } from "../core/findings/json";

export interface ReviewTask {
  file: string;
  outDir: string;
  skip?: string[];
  productVersion: string;
  /** ISO time stamped into 审核结果. */
  reviewedAt: string;
  /** Output file names (in outDir), chosen by the batch so parallel workers never collide. */
  reviewedName: string;
  reviewOnlyName: string;
  /** Whether the row carries the file's JSON report (`json`); false: null, the counts say the findings. Default true. */
  json?: boolean;
}

/** One row of 审核汇总 (its columns are the core's BatchEntry; `output` is relative to the output folder), plus the JSON report and phase times. */
export interface BatchRow extends BatchEntry {
  /** The file's `check --json` report; null when it could not be reviewed (counts null too) or was not asked for. */
  json: CheckFileJson | null;
  /** Why the file could not be reviewed, as `check --json` says it (WorkbookReadError's code, or "internal"). */
  error?: { code: string; message: string };
  /** Phase times, ms: read (+ import), check (the rules), localize (causes, HiGHS included), plan, write. */
  ms: { read: number; check: number; localize: number; plan: number; write: number };
}

const now = () => Number(process.hrtime.bigint()) / 1e6;

/** Writes the row's output file; a folder that cannot take it makes the row a failure with the reviewer's sentence. */
async function writeOut(task: ReviewTask, row: BatchRow, bytes: Uint8Array): Promise<void> {
  const target = path.join(task.outDir, row.output!);
  // Written under a temporary name, then renamed: a run stopped mid-write (Ctrl-C) leaves no half file under the
  // output's name (the batch removes its temporary files when interrupted). Synchronous: see readWorkbookFile.
  const tmp = path.join(task.outDir, tempName(process.pid, threadId));
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, target);
  } catch (e) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // nothing was left to remove
    }
    // Nothing was written: the row is a failure (exit 2), not a review with findings.
    row.status = "处理失败";
    row.output = null;
    row.counts = null;
    row.json = null;
    row.reason = writeError(task.outDir, e) ?? `无法写入“${target}”`;
    row.error = { code: "write", message: row.reason };
  }
}

export async function reviewFile(task: ReviewTask): Promise<BatchRow> {
  const ms = { read: 0, check: 0, localize: 0, plan: 0, write: 0 };
  const row: BatchRow = {
    file: task.file,
    department: null,
    year: null,
    unit: null,
    income: null,
    expenditure: null,
    counts: null,
    status: "无法读取",
    output: null,
    reason: null,
    json: null,
    ms,
  };
  let t = now();
  let bytes: Buffer;
  let loaded;
  try {
    bytes = await readWorkbookFile(task.file);
    loaded = await readWorkbookBuffer(bytes, { fileName: path.basename(task.file) });
  } catch (e) {
    row.reason = e instanceof WorkbookReadError ? e.message : `无法读取（${(e as Error).message}）`;
    row.error = { code: e instanceof WorkbookReadError ? e.code : "internal", message: row.reason };
    return row;
  }
  const { grids, report } = reportOf(task.file, loaded);
  ms.read = now() - t;
  t = now();
  const checked = checkReport(report, { skip: task.skip, localize: false });
  ms.check = now() - t;
  t = now();
  // The same causes as `check` prints: HiGHS for what one or two cells and the table step left.
  const result = await localizeWithSolver(checked);
  ms.localize = now() - t;
  row.department = report.department ?? null;
  row.year = report.year ?? null;
  row.unit = report.unit ?? null;
  const totals = batchTotals(report);
  row.income = totals.income;
  row.expenditure = totals.expenditure;
  row.totalsNote = totals.note;
  row.json = task.json === false ? null : toCheckJson(task.file, report, result);
  const counts: Record<Severity, number> = { error: 0, warning: 0, rounding: 0, info: 0 };
  for (const f of result.findings) counts[f.severity]++;
  row.counts = counts;
  if (!report.tables.length) {
    row.status = "未识别为预算表";
    row.reason = "没有识别到任何部门预算公开表，未写出审核文件";
    return row;
  }
  t = now();
  const plan = buildReviewPlan({
    report,
    result,
    grids,
    file: path.basename(task.file),
    reviewedAt: task.reviewedAt,
    productVersion: task.productVersion,
  });
  ms.plan = now() - t;
  t = now();
  let out: Uint8Array;
  if (loaded.format !== "xlsx") {
    // The writer edits .xlsx / .xlsm packages only: an .xls / .ods / .xlsb is never converted behind the reviewer's back.
    out = await writeSheetsOnly(plan);
    row.output = task.reviewOnlyName;
    row.status = "已审核（另存审核表）";
    row.reason = `原文件为${formatInText(loaded.format)}格式，审核结果另存为单独工作簿（汇总各数为数值）；如需在原表上标注，请另存为 .xlsx 后再审核`;
    await writeOut(task, row, out);
    ms.write = now() - t;
    return row;
  }
  try {
    // The package edited in place: every part the review does not touch (charts, pictures, macros …) is kept as is.
    const reviewed = reviewPackage(bytes, plan);
    out = reviewed.bytes;
    row.output = task.reviewedName;
    row.status = "已审核";
    const said = [
      reviewed.protectedSheets.length
        ? `工作表“${reviewed.protectedSheets.join("”“")}”受保护，未在其上标注`
        : "",
      reviewed.notesKept
        ? `${reviewed.notesKept} 个标记的单元格原有批注，保留原批注、未加本工具的批注`
        : "",
    ].filter(Boolean);
    if (said.length) row.reason = `${said.join("；")}（问题见审核结果）`;
  } catch (e) {
    out = await writeSheetsOnly(plan);
    row.output = task.reviewOnlyName;
    row.status = "已审核（另存审核表）";
    const why = e instanceof PackageShapeError ? e.message : "写入时出错";
    row.reason = `原工作簿的结构不能安全地直接加注（${why}），故未改写原表，审核结果另存为单独的工作簿（汇总各数为数值）`;
  }
  await writeOut(task, row, out);
  ms.write = now() - t;
  return row;
}
