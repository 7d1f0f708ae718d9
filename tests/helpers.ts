/** Test helpers: the bundled sample workbooks, read once through the .xlsx host. */
import { promises as fs } from "fs";
import path from "path";
import { readXlsxBuffer } from "../src/hosts/xlsx/read";
import { importWorkbook } from "../src/core/importer/importer";
import type { Report } from "../src/core/model/schema";
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

/** The 错误 and 警告 of a check (what a generated variant must not gain). */
export const serious = (fs: Finding[]) =>
  fs.filter((f) => f.severity === "error" || f.severity === "warning");
/** A check's findings above 提示, as rule and severity, sorted (to compare two layouts of one workbook). */
export const kinds = (r: CheckResult) =>
  r.findings
    .filter((f) => f.severity !== "info")
    .map((f) => `${f.rule} ${f.severity}`)
    .sort();
