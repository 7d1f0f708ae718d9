/** Test helpers: the bundled sample workbooks, read once through the .xlsx host; the CLI run in or out of process. */
import { promises as fs } from "fs";
import path from "path";
import crypto from "crypto";
import { execFile } from "child_process";
import { readXlsxBuffer } from "../src/hosts/xlsx/read";
import { importWorkbook } from "../src/core/importer/importer";
import { checkReport } from "../src/core/rules/engine";
import { mutate } from "../bench/localization";
import type { Report, Table } from "../src/core/model/schema";
import type { SheetGrid } from "../src/core/grid/grid";
import type { CheckResult, Finding } from "../src/core/rules/rule";

export const SAMPLES = ["jishan-2024", "jincheng-chengqu-2025", "xingxian-2023"] as const;
export type SampleName = (typeof SAMPLES)[number];
export const samplePath = (name: string) => path.join(__dirname, "..", "samples", `${name}.xlsx`);

const cache = new Map<string, Promise<{ grids: SheetGrid[]; report: Report }>>();
export function loadSample(name: SampleName) {
  if (!cache.has(name))
    cache.set(
      name,
      fs.readFile(samplePath(name)).then(async (buf) => {
        const { grids } = await readXlsxBuffer(buf);
        return { grids, report: importWorkbook(grids) };
      })
    );
  return cache.get(name)!;
}

/** Runs the CLI's main in this process with stdout and stderr captured: exit code and what it printed. */
export async function runMain(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const { main } = await import("../src/cli/main");
  let out = "";
  let err = "";
  const o = jest
    .spyOn(process.stdout, "write")
    .mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  const e = jest
    .spyOn(process.stderr, "write")
    .mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
  try {
    return { code: await main(args), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

/** The installed command (`npm run build:cli` writes what it runs). */
export const BIN = path.join(__dirname, "..", "bin", "budget-review.js");

/**
 * Runs the installed command in a child process (as a user's shell would: its own exit, signals, pipes): exit code and
 * what it printed.
 */
export function runBin(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) =>
    execFile(process.execPath, [BIN, ...args], { maxBuffer: 64 * 1024 * 1024 }, (e, out, err) =>
      resolve({
        code: e ? ((e as { code?: number }).code ?? 1) : 0,
        out: String(out),
        err: String(err),
      })
    )
  );
}

/** The SHA-256 of a file, in hex (to show an input or a user's file untouched). */
export const fileHash = async (f: string) =>
  crypto
    .createHash("sha256")
    .update(await fs.readFile(f))
    .digest("hex");

/** The 错误 and 警告 of a check (what a generated variant must not gain). */
export const serious = (fs: Finding[]) =>
  fs.filter((f) => f.severity === "error" || f.severity === "warning");
/** A check's findings above 提示, as rule and severity, sorted (to compare two layouts of one workbook). */
export const kinds = (r: CheckResult) =>
  r.findings
    .filter((f) => f.severity !== "info")
    .map((f) => `${f.rule} ${f.severity}`)
    .sort();
/** A joined table's findings, 提示 included and the join's own note left out, as severity and rule, sorted. */
export const joinedKinds = (r: CheckResult) =>
  r.findings
    .filter((f) => f.rule !== "input.continued-table")
    .map((f) => `${f.severity} ${f.rule}`)
    .sort();
/** A table's lines as "level code name" (names without spaces): its structure, to compare two layouts. */
export const tableLines = (report: Report, kind: string) =>
  table(report, kind).rows.map((r) => `${r.level} ${r.code ?? ""} ${r.label.replace(/\s/g, "")}`);
/** The table of `kind` in a report (the first; a test that asks for it expects one). */
export const table = (r: Report, kind: string): Table => r.tables.find((t) => t.kind === kind)!;
/** The cells a cause names alone (one suspect, no alternative): where the localization points without doubt. */
export const soleSuspects = (res: CheckResult) =>
  res.causes
    .filter((c) => c.suspects.length === 1 && c.alternatives.length === 0)
    .map((c) => c.suspects[0].cell);
/**
 * The check of `grids` with the figure at `cell` changed by `delta` (in the sheet's unit): the result, and the 错误 and
 * 警告 whose message is not in `before` (the unchanged workbook's).
 */
export function checkChanged(
  grids: SheetGrid[],
  cell: string,
  delta: number,
  before: Set<string>,
  opts: { localize?: false } = {}
) {
  const res = checkReport(importWorkbook(mutate(grids, cell, delta)), opts);
  return { res, found: serious(res.findings).filter((f) => !before.has(f.message)) };
}
