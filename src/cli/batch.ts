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
import { buildBatchSheet, BATCH_SHEET } from "../core/review/batch-sheet";
import { REVIEW_STYLES } from "../core/review/styles";
import { SEVERITY_NAMES, type Severity } from "../core/rules/rule";

export const WORKBOOK_EXT = /\.(xlsx|xlsm|xlsb|xls|ods)$/i;
const OWN_OUTPUT = /\.reviewed\.xlsx$|\.reviewed\.xlsm$|\.审核结果\.xlsx$|^审核汇总\.xlsx$/;

/** Files named directly, and workbooks found under folders (recursively, sorted), skipping Office lock files and our own outputs. */
export async function expandInputs(inputs: string[], outDir: string): Promise<string[]> {
  const out: string[] = [];
  const absOut = path.resolve(outDir);
  async function walk(dir: string): Promise<void> {
    const entries = (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (path.resolve(p) !== absOut) await walk(p);
      } else if (WORKBOOK_EXT.test(e.name) && !e.name.startsWith("~$") && !OWN_OUTPUT.test(e.name)) out.push(p);
    }
  }
  for (const input of inputs) {
    const st = await fs.stat(input).catch(() => undefined);
    if (st?.isDirectory()) await walk(input);
    else out.push(input);
  }
  return out;
}

export interface BatchOptions {
  outDir: string;
  jobs?: number;
  skip?: string[];
  productVersion: string;
  /** Progress output (stderr); `tty` selects the bar. */
  progress?: { write: (s: string) => void; tty: boolean };
  reviewedAt?: string;
}

/** A free output name: `<stem><suffix>`, or with (2), (3) … when another input already took it in this run. */
export function outName(file: string, suffix: string, taken: Set<string>): string {
  const stem = path.basename(file).replace(/\.(xlsx|xlsm|xlsb|xls|ods)$/i, "");
  let name = `${stem}${suffix}`;
  for (let i = 2; taken.has(name); i++) name = `${stem}(${i})${suffix}`;
  taken.add(name);
  return name;
}

export function defaultJobs(): number {
  return Math.max(1, typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length);
}

function line(row: BatchRow): string {
  if (!row.counts) return `${row.file}：${row.status}（${row.reason}）`;
  const c = (["error", "warning", "rounding", "info"] as Severity[]).map((s) => `${SEVERITY_NAMES[s]} ${row.counts![s]}`).join("，");
  return `${row.file}：${row.status}，${c}${row.output ? ` → ${row.output}` : ""}`;
}

export async function runBatch(inputs: string[], opts: BatchOptions): Promise<{ rows: BatchRow[]; summary: string }> {
  await fs.mkdir(opts.outDir, { recursive: true });
  const files = await expandInputs(inputs, opts.outDir);
  const reviewedAt = opts.reviewedAt ?? new Date().toISOString().replace(/\.\d+Z$/, "Z");
  const taken = new Set<string>();
  const tasks: ReviewTask[] = files.map((file) => ({
    file,
    outDir: opts.outDir,
    skip: opts.skip,
    productVersion: opts.productVersion,
    reviewedAt,
    // A macro workbook stays one (.xlsm): Excel refuses a macro-enabled package named .xlsx.
    reviewedName: outName(file, /\.xlsm$/i.test(file) ? ".reviewed.xlsm" : ".reviewed.xlsx", taken),
    reviewOnlyName: outName(file, ".审核结果.xlsx", taken),
  }));
  const jobs = Math.max(1, Math.min(opts.jobs ?? defaultJobs(), tasks.length || 1));
  const bar = opts.progress?.tty ? new SingleBar({ format: "审核 [{bar}] {value}/{total} {file}", hideCursor: true, clearOnComplete: false, stream: process.stderr }, Presets.shades_classic) : undefined;
  bar?.start(tasks.length, 0, { file: "" });
  let done = 0;
  const finished = (row: BatchRow) => {
    done++;
    if (bar) bar.update(done, { file: path.basename(row.file) });
    else opts.progress?.write(`[${done}/${tasks.length}] ${line(row)}`);
    return row;
  };
  const worker = path.join(__dirname, "worker.js");
  let rows: BatchRow[];
  if (jobs > 1 && existsSync(worker)) {
    const { Piscina } = await import("piscina");
    const pool = new Piscina({ filename: worker, minThreads: jobs, maxThreads: jobs });
    try {
      rows = await Promise.all(tasks.map((t) => (pool.run(t) as Promise<BatchRow>).then(finished, (e: Error) => finished(failed(t, e)))));
    } finally {
      await pool.destroy();
    }
  } else {
    // Readers, engine and writer load here only when this thread reviews: with workers, they load there.
    const { reviewFile } = await import("./review-file");
    rows = [];
    for (const t of tasks) rows.push(finished(await reviewFile(t).catch((e: Error) => failed(t, e))));
  }
  bar?.stop();
  const { writeSheetsOnly } = await import("../hosts/xlsx/review");
  const sheet = buildBatchSheet(rows, { reviewedAt, productVersion: opts.productVersion });
  const summary = path.join(opts.outDir, `${BATCH_SHEET}.xlsx`);
  await fs.writeFile(summary, await writeSheetsOnly({ styles: { ...REVIEW_STYLES }, sheets: [sheet] }));
  return { rows, summary };
}

function failed(t: ReviewTask, e: Error): BatchRow {
  return { file: t.file, department: null, year: null, unit: null, income: null, expenditure: null, counts: null, status: "处理失败", output: null, reason: `处理失败（${e.message.split("\n")[0]}）`, json: null, ms: { read: 0, check: 0, plan: 0, write: 0 } };
}
