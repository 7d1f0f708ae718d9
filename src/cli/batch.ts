/**
 * `check <files or folders> --out <dir>`: every workbook found is reviewed into <dir> (review-file.ts), over
 * `jobs` worker threads (piscina; 1 = in this thread), with a progress bar on a terminal (cli-progress) or one plain
 * line per file otherwise, and one consolidated <dir>/审核汇总.xlsx. An unreadable file is a row with its reason;
 * the batch goes on.
 */
import { promises as fs, existsSync } from "fs";
import os from "os";
import path from "path";
import { SingleBar, Presets } from "cli-progress";
import type { BatchRow, ReviewTask } from "./review-file";
import type { SummaryInput } from "./summary";
import type { BatchEntry } from "../core/review/batch-sheet";
import { SEVERITY_NAMES, type Severity } from "../core/rules/names";
import { FolderError, writeError } from "./errors";
import { printable } from "../core/grid/printable";
import { outputNamer, type OutputNamer } from "./out-names";
import { makeOutDir } from "./out-dir";
import { removeTempFiles, tempName } from "./temp-files";

/** Workbooks a folder walk takes: Excel's, OpenDocument's and WPS 表格's own (.et: BIFF8 or OOXML inside, read as such). */
export const WORKBOOK_EXT = /\.(xlsx|xlsm|xlsb|xls|ods|et)$/i;
/** Reviewed copies and separate review workbooks are named so: a folder walk leaves them out. */
const OWN_OUTPUT = /\.reviewed\.xlsx$|\.reviewed\.xlsm$|\.审核结果\.xlsx$/;
/** A consolidated summary is told from a user's workbook of the same name by its content (see isOwnSummary). */
const SUMMARY_NAME = /^审核汇总(\(\d+\))?\.xlsx$/;
/** The summary's file name without extension: its sheet's name (BATCH_SHEET in core/review/batch-sheet.ts). */
const SUMMARY_STEM = "审核汇总";

/**
 * The core's batch sheet and plan (zod with them), loaded only to tell our own 审核汇总 in a folder (isOwnSummary):
 * the summary itself is built where it is written (summary.ts).
 */
const summaryModules = async () => {
  const [sheet, plan] = await Promise.all([
    import("../core/review/batch-sheet"),
    import("../core/review/plan"),
  ]);
  return { ...sheet, SHEET_TAG: plan.SHEET_TAG };
};

/** True when the file is a 审核汇总 this command wrote: its first sheet is 审核汇总 and A1 bears the product's tag. */
async function isOwnSummary(file: string): Promise<boolean> {
  try {
    const { readWorkbookBuffer } = await import("../hosts/read-any");
    const { BATCH_SHEET, SHEET_TAG } = await summaryModules();
    const { grids } = await readWorkbookBuffer(await fs.readFile(file));
    return (
      grids[0]?.sheet === BATCH_SHEET && String(grids[0].values[0]?.[0] ?? "").startsWith(SHEET_TAG)
    );
  } catch {
    return false;
  }
}

/**
 * Files named directly, and the files under folders (recursively, sorted by name) for which `takes(name, path)` says
 * yes — the folder `outDir` never walked; a file named twice (or found twice) is listed once.
 */
export async function walkInputs(
  inputs: string[],
  outDir: string | undefined,
  takes: (name: string, p: string) => boolean | Promise<boolean>
): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (p: string) => {
    const key = path.resolve(p);
    if (!seen.has(key)) (seen.add(key), out.push(p));
  };
  const absOut = outDir === undefined ? undefined : path.resolve(outDir);
  async function walk(dir: string): Promise<void> {
    const entries = (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0
    );
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (path.resolve(p) !== absOut) await walk(p);
      } else if (await takes(e.name, p)) add(p);
    }
  }
  for (const input of inputs) {
    const st = await fs.stat(input).catch(() => undefined);
    if (st?.isDirectory()) await walk(input);
    else add(input);
  }
  return out;
}

/** Our own 审核汇总 in a folder walk (a user's workbook of that name is told from it by its content). */
export const isSummaryFile = async (name: string, p: string) =>
  SUMMARY_NAME.test(name) && (await isOwnSummary(p));

/** The inputs (folders, or files all skipped) held no workbook to review. */
export function noWorkbooks(inputs: string[]): FolderError {
  return new FolderError(
    `在“${inputs.join("”“")}”中没有找到工作簿文件（.xlsx / .xlsm / .xls / .ods / .xlsb / .et）`
  );
}

/**
 * Files named directly, and workbooks found under folders (recursively, sorted), skipping Office lock files and our
 * own outputs; a file named twice (or found twice) is reviewed once.
 */
export function expandInputs(inputs: string[], outDir?: string): Promise<string[]> {
  return walkInputs(
    inputs,
    outDir,
    async (name, p) =>
      WORKBOOK_EXT.test(name) &&
      !name.startsWith("~$") &&
      !OWN_OUTPUT.test(name) &&
      !(await isSummaryFile(name, p))
  );
}

/**
 * Where the consolidated summary goes: <dir>/审核汇总.xlsx, or 审核汇总(2).xlsx … when that name is an input or a
 * workbook of the user's — a previous summary of ours is replaced, nothing else ever is.
 */
async function summaryPath(outDir: string, files: string[], name: string): Promise<string> {
  const inputs = new Set(files.map((f) => path.resolve(f)));
  for (let i = 1; ; i++) {
    const p = path.join(outDir, `${name}${i > 1 ? `(${i})` : ""}.xlsx`);
    if (inputs.has(path.resolve(p))) continue;
    if (!existsSync(p) || (await isOwnSummary(p))) return p;
  }
}

export interface BatchOptions {
  outDir: string;
  jobs?: number;
  skip?: string[];
  productVersion: string;
  /** Progress output (stderr); `tty` selects the bar. */
  progress?: { write: (s: string) => void; tty: boolean };
  reviewedAt?: string;
  /**
   * Whether each row carries its file's JSON report (`check --out --json` prints them). Default true; false leaves
   * them in the workers (~2.7 MB of structured clone for 200 workbooks, deserialised and kept by this thread).
   */
  json?: boolean;
}

/** Our own suffix at the end of a stem: a reviewed copy's name (x.reviewed.xlsx) without it is the original's (x). */
const OWN_SUFFIX = /\.(reviewed|审核结果)$/;

/**
 * The output name of `file` with `suffix`: `<stem><suffix>`, free in this run, never an input and never a file of the
 * user's (see out-names.ts). The stem is the file name without its extension and without our own suffix, so a
 * reviewed copy reviewed again is `x.reviewed.xlsx`, not `x.reviewed.reviewed.xlsx`.
 */
export function outName(file: string, suffix: string, namer: OutputNamer): string {
  return namer.name(path.basename(file).replace(WORKBOOK_EXT, "").replace(OWN_SUFFIX, ""), suffix);
}

export function defaultJobs(): number {
  return Math.max(
    1,
    typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length
  );
}

function line(row: BatchRow): string {
  if (!row.counts) return `${row.file}：${row.status}（${row.reason}）`;
  const c = (["error", "warning", "rounding", "info"] as Severity[])
    .map((s) => `${SEVERITY_NAMES[s]} ${row.counts![s]}`)
    .join("，");
  return `${row.file}：${row.status}，${c}${row.output ? ` → ${row.output}` : ""}`;
}

export async function runBatch(
  inputs: string[],
  opts: BatchOptions
): Promise<{ rows: BatchRow[]; summary: string }> {
  const files = await expandInputs(inputs, opts.outDir);
  if (!files.length) throw noWorkbooks(inputs);
  const jobs = Math.max(1, Math.min(opts.jobs ?? defaultJobs(), files.length));
  const worker = path.join(__dirname, "worker.js");
  // The workers start first: each loads the readers, engine and writer (the longest part of the batch's start)
  // while this thread prepares the output folder and the names. With workers, the 审核汇总 is written by one of them
  // too: this thread then never loads the reader and writer (exceljs), which would otherwise load here after the
  // last file, while both cores wait.
  let pool: import("piscina").Piscina | undefined;
  if (jobs > 1 && existsSync(worker)) {
    const { Piscina } = await import("piscina");
    pool = new Piscina({ filename: worker, minThreads: jobs, maxThreads: jobs });
  }
  try {
    return await runTasks(files, pool, opts);
  } finally {
    await pool?.destroy();
  }
}

/** runBatch's work once the pool (when jobs > 1) is starting: output folder, names, the reviews, 审核汇总. */
async function runTasks(
  files: string[],
  pool: import("piscina").Piscina | undefined,
  opts: BatchOptions
): Promise<{ rows: BatchRow[]; summary: string }> {
  try {
    await makeOutDir(opts.outDir);
  } catch (e) {
    // The folder that failed (a parent that is a file, say), when the system names it.
    const at = (e as NodeJS.ErrnoException).path ?? opts.outDir;
    throw new FolderError(writeError(at, e) ?? `无法建立输出文件夹“${at}”`, e);
  }
  // A folder we cannot write to is said before any file is reviewed, not after all of them.
  const probe = path.join(opts.outDir, `.budget-review-${process.pid}.tmp`);
  try {
    await fs.writeFile(probe, "");
    await fs.rm(probe, { force: true });
  } catch (e) {
    throw new FolderError(writeError(opts.outDir, e) ?? `无法写入输出文件夹“${opts.outDir}”`, e);
  }
  const reviewedAt = opts.reviewedAt ?? new Date().toISOString().replace(/\.\d+Z$/, "Z");
  // A file already in the output folder is replaced only when we wrote it (its review sheets say so): the package
  // reader loads only when there is something to look at. Inputs are never outputs (compared without case).
  const present = await fs.readdir(opts.outDir).catch(() => [] as string[]);
  const isOurs = present.length
    ? (await import("../hosts/xlsx/package-review")).hasReviewSheets
    : () => false;
  const taken = outputNamer(opts.outDir, files, isOurs);
  // Each file may end as a reviewed copy or as a separate 审核结果 workbook (decided by its content, in the worker):
  // both names are reserved, the one its extension makes likely first for every file, so j.xls's unused
  // j.reviewed.xlsx never pushes j.xlsx beside it to j(2).reviewed.xlsx.
  const reviewed = (file: string) => (/\.xlsm$/i.test(file) ? ".reviewed.xlsm" : ".reviewed.xlsx");
  const separate = (file: string) => /\.(xls|xlsb|ods|et)$/i.test(file);
  const names = files.map(() => ({ reviewedName: "", reviewOnlyName: "" }));
  const reserve = (file: string, i: number, only: boolean) => {
    if (only) names[i].reviewOnlyName = outName(file, ".审核结果.xlsx", taken);
    else names[i].reviewedName = outName(file, reviewed(file), taken);
  };
  files.forEach((file, i) => reserve(file, i, separate(file)));
  files.forEach((file, i) => reserve(file, i, !separate(file)));
  const tasks: ReviewTask[] = files.map((file, i) => ({
    file,
    outDir: opts.outDir,
    skip: opts.skip,
    productVersion: opts.productVersion,
    reviewedAt,
    json: opts.json ?? true,
    // A macro workbook stays one (.xlsm): Excel refuses a macro-enabled package named .xlsx.
    ...names[i],
  }));
  const bar = opts.progress?.tty
    ? new SingleBar(
        {
          format: "审核 [{bar}] {value}/{total} {file}",
          hideCursor: true,
          clearOnComplete: false,
          stream: process.stderr,
        },
        Presets.shades_classic
      )
    : undefined;
  bar?.start(tasks.length, 0, { file: "" });
  let done = 0;
  let written = 0;
  // Ctrl-C: say how far it got (the reviewed copies written so far are complete; no 审核汇总), leave no temporary
  // file, and exit 130 as the shell expects of an interrupted command.
  const onInterrupt = () => {
    bar?.stop();
    void removeTempFiles(opts.outDir).finally(() => {
      const say = opts.progress?.write ?? ((s: string) => process.stderr.write(`${s}\n`));
      say(
        printable(
          `已中断：共 ${tasks.length} 个文件，已审核 ${done} 个，已写出 ${written} 个审核文件到“${opts.outDir}”；未写出审核汇总。`
        )
      );
      process.exit(130);
    });
  };
  process.once("SIGINT", onInterrupt);
  const finished = (row: BatchRow) => {
    done++;
    if (row.output) written++;
    // The progress goes straight to stderr: a file name is made printable here.
    if (bar) bar.update(done, { file: printable(path.basename(row.file)) });
    else opts.progress?.write(printable(`[${done}/${tasks.length}] ${line(row)}`));
    return row;
  };
  let rows: BatchRow[];
  // The 审核汇总 is built and written in a worker with --jobs N (summary.ts): this thread never loads its modules.
  let summaryBytes: (input: SummaryInput) => Promise<Uint8Array>;
  try {
    if (pool) {
      const p = pool;
      summaryBytes = (input) => p.run(input, { name: "writeSummary" }) as Promise<Uint8Array>;
      rows = await Promise.all(
        tasks.map((t) =>
          (p.run(t) as Promise<BatchRow>).then(finished, (e: Error) => finished(failed(t, e)))
        )
      );
    } else {
      // Readers, engine and writer load here only when this thread reviews: with workers, they load there.
      const { reviewFile } = await import("./review-file");
      summaryBytes = async (input) => (await import("./summary")).summaryWorkbook(input);
      rows = [];
      for (const t of tasks)
        rows.push(finished(await reviewFile(t).catch((e: Error) => failed(t, e))));
    }
    bar?.stop();
    const summary = await summaryPath(opts.outDir, files, SUMMARY_STEM);
    try {
      // As the reviewed copies: under a temporary name, then renamed (never a half 审核汇总).
      const tmp = path.join(opts.outDir, tempName(process.pid, -1));
      await fs.writeFile(
        tmp,
        await summaryBytes({
          entries: rows.map(entryOf),
          reviewedAt,
          productVersion: opts.productVersion,
        })
      );
      await fs.rename(tmp, summary);
    } catch (e) {
      throw new FolderError(writeError(opts.outDir, e) ?? `无法写入审核汇总“${summary}”`, e);
    }
    return { rows, summary };
  } finally {
    process.off("SIGINT", onInterrupt);
  }
}

/** A row's 审核汇总 columns (BatchEntry), without its JSON report and times: what the summary's builder needs. */
function entryOf(r: BatchRow): BatchEntry {
  const { file, department, year, unit, income, expenditure, counts, status, output, reason } = r;
  return { file, department, year, unit, income, expenditure, counts, status, output, reason };
}

function failed(t: ReviewTask, e: Error): BatchRow {
  const written = writeError(t.outDir, e);
  const reason = written ?? `处理时发生内部错误（${e.message.split("\n")[0]}）`;
  return {
    file: t.file,
    department: null,
    year: null,
    unit: null,
    income: null,
    expenditure: null,
    counts: null,
    status: "处理失败",
    output: null,
    reason,
    error: { code: written ? "write" : "internal", message: reason },
    json: null,
    ms: { read: 0, check: 0, localize: 0, plan: 0, write: 0 },
  };
}
