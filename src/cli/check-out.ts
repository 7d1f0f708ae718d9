/** `check … --out <dir>`: the batch run (batch.ts), then the same text or JSON output and exit codes as `check`. */
import { readFileSync } from "fs";
import path from "path";
import { runBatch } from "./batch";
import type { BatchRow } from "./review-file";
import type { Severity } from "../core/rules/names";
// Types only: the JSON module (zod and the rule catalog) loads when --json asks for it, after the batch's workers start.
import type { CheckFileErrorJson, CheckFileJson } from "../core/findings/json";
import { jsonText } from "./terminal";

export function productVersion(): string {
  for (const p of [
    path.join(__dirname, "..", "..", "package.json"),
    path.join(__dirname, "..", "..", "..", "package.json"),
  ]) {
    try {
      return (JSON.parse(readFileSync(p, "utf8")) as { version: string }).version;
    } catch {
      /* try the next layout (ts-jest runs from src/, the CLI from dist-cli/src/) */
    }
  }
  return "0.0.0";
}

export async function runCheckOut(
  files: string[],
  opts: { outDir: string; jobs?: number; json: boolean; failOn?: string; skip?: string[] },
  out: (s: string) => void,
  err: (s: string) => void
): Promise<number> {
  const { rows, summary } = await runBatch(files, {
    outDir: opts.outDir,
    jobs: opts.jobs,
    skip: opts.skip,
    productVersion: productVersion(),
    progress: { write: err, tty: !!process.stderr.isTTY && !!process.stdout.isTTY },
    // The JSON reports come back from the workers only when printed.
    json: opts.json,
  });
  // A reviewed file has its counts (and, with --json, its report); one that could not be reviewed has neither.
  const reviewed = (r: BatchRow) => r.counts !== null;
  if (opts.json) {
    // The same document as `check --json`: an entry per input, an unreadable one with its error.
    // With the file written for it: a (2) name or a separate 审核结果 workbook is not guessable from the input's name.
    const entries: Array<CheckFileJson | CheckFileErrorJson> = rows.map((r) =>
      r.json
        ? { ...r.json, ...(r.output ? { output: path.join(opts.outDir, r.output) } : {}) }
        : { file: r.file, error: r.error ?? { code: "internal", message: r.reason ?? r.status } }
    );
    const { CHECK_JSON_VERSION } = await import("../core/findings/json");
    out(jsonText({ version: CHECK_JSON_VERSION, files: entries }));
  } else {
    for (const r of rows)
      if (r.output)
        out(`${r.file} → ${path.join(opts.outDir, r.output)}${r.reason ? `（${r.reason}）` : ""}`);
    out(`审核汇总：${summary}（${rows.length} 个文件）`);
  }
  for (const r of rows) if (!reviewed(r)) err(`错误：${r.file}：${r.reason}`);
  // As `check`: an unreadable input, or one in which no budget table was recognized (nothing checked), is exit 2.
  if (rows.some((r) => !reviewed(r) || r.status === "未识别为预算表")) return 2;
  const count = (s: Severity) => rows.reduce((n, r) => n + (r.counts?.[s] ?? 0), 0);
  if (opts.failOn === "error" && count("error")) return 1;
  if (opts.failOn === "warning" && (count("error") || count("warning"))) return 1;
  return 0;
}
