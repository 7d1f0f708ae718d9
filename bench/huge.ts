/**
 * The huge-used-range part of `npm run bench`: each workbook reviewed (read → model → check) in its own process,
 * so its peak memory (maxRSS) is its own; time and memory side by side with the normal workbook's (target: within
 * 2×). Field case 12's million-styled-rows workbook (a) is generated from its clean twin, as the case describes.
 */
import { execFileSync } from "child_process";
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { readXlsxBuffer } from "../src/hosts/xlsx/read";
import { importWorkbook } from "../src/core/importer/importer";
import { checkReport } from "../src/core/rules/engine";

const RUNS = 3;

/** One review in this process; prints {ms, rssMiB}. */
export async function reviewOnce(file: string): Promise<void> {
  const t = process.hrtime.bigint();
  const { grids } = await readXlsxBuffer(await fs.readFile(file));
  const findings = checkReport(importWorkbook(grids)).findings.length;
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  process.stdout.write(JSON.stringify({ ms, rssMiB: process.resourceUsage().maxRSS / 1024, findings }));
}

/** The clean twin with styled empty rows (one style-only cell each) from the row after its largest sheet's content to 1,048,576. */
function millionStyledRows(clean: Uint8Array): Uint8Array {
  const files = unzipSync(clean);
  const part = Object.keys(files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n)).sort((a, b) => files[b].length - files[a].length)[0];
  const xml = strFromU8(files[part]);
  const last = Math.max(...[...xml.matchAll(/<row\b[^>]*\br="(\d+)"/g)].map((m) => Number(m[1])));
  const style = /<c\b[^>]*\bs="(\d+)"/.exec(xml)?.[1] ?? "0";
  const rows: string[] = [];
  for (let r = last + 1; r <= 1048576; r++) rows.push(`<row r="${r}"><c r="A${r}" s="${style}"/></row>`);
  files[part] = strToU8(xml.replace("</sheetData>", `${rows.join("")}</sheetData>`));
  return zipSync(files, { level: 6 });
}

export async function hugeBench(root: string): Promise<void> {
  const fx = (p: string) => path.join(root, "tests", "fixtures", p);
  const generated = path.join(os.tmpdir(), `budget-review-bench-12a-${process.pid}.xlsx`);
  await fs.writeFile(generated, millionStyledRows(await fs.readFile(fx("field-cases/12-huge-used-range.clean.xlsx"))));
  const files: Array<[string, string]> = [
    ["12 clean twin (normal)", fx("field-cases/12-huge-used-range.clean.xlsx")],
    ["12a 1M styled rows", generated],
    ["12b styled XFD1048576", fx("field-cases/12-huge-used-range.b.xlsx")],
    ["jishan-2024 (normal)", path.join(root, "samples", "jishan-2024.xlsx")],
    ["20 value at A1048576", fx("bad-inputs/20-bottom-row.xlsx")],
  ];
  console.log(`\nhuge used ranges — read → model → check, one process per run, median of ${RUNS}; ratio to the normal workbook above it`);
  console.log("workbook                     size KiB     ms   peak RSS MiB   time ×   memory ×   findings");
  let base = { ms: 0, rss: 0 };
  try {
    for (const [label, file] of files) {
      const runs = Array.from({ length: RUNS }, () => JSON.parse(execFileSync(process.execPath, [path.join(__dirname, "bench.js"), "--one", file], { encoding: "utf8" })) as { ms: number; rssMiB: number; findings: number });
      const ms = runs.map((r) => r.ms).sort((a, b) => a - b)[1];
      const rss = runs.map((r) => r.rssMiB).sort((a, b) => a - b)[1];
      if (label.includes("(normal)")) base = { ms, rss };
      const size = (await fs.stat(file)).size / 1024;
      console.log(`${label.padEnd(26)} ${size.toFixed(0).padStart(10)} ${ms.toFixed(0).padStart(6)} ${rss.toFixed(0).padStart(14)} ${(ms / base.ms).toFixed(2).padStart(8)} ${(rss / base.rss).toFixed(2).padStart(10)} ${String(runs[0].findings).padStart(10)}`);
    }
  } finally {
    await fs.rm(generated, { force: true });
  }
}
