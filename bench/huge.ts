/**
 * The huge-used-range part of `npm run bench`: each workbook reviewed (read → model → check) in its own process,
 * so its peak memory (maxRSS) is its own; time and memory side by side with the normal workbook's (target: within
 * 2×). Field case 12's million-styled-rows workbook (a) and every other kind of huge used range
 * (tests/fixtures/huge-variants.ts) are generated from its clean twin, on 预算公开表3 as the case describes. Then the
 * slimming step (src/hosts/xlsx/slim.ts) of (a) taken apart: which inflate, and what the byte scan costs.
 */
import { execFileSync } from "child_process";
import { promises as fs, readFileSync } from "fs";
import os from "os";
import path from "path";
import { createInflateRaw, deflateRawSync } from "zlib";
import { Unzip, UnzipInflate, unzipSync } from "fflate";
import { readXlsxBuffer } from "../src/hosts/xlsx/read";
import { SheetSlimmer, slimWorkbook } from "../src/hosts/xlsx/slim";
import { importWorkbook } from "../src/core/importer/importer";
import { checkReport } from "../src/core/rules/engine";
import { HUGE_VARIANTS, hugeWorkbooks } from "../tests/fixtures/huge-variants";

const RUNS = 5;

/** One review in this process; prints {ms, rssMiB, findings} and the phases (ms). */
export async function reviewOnce(file: string): Promise<void> {
  const bytes = await fs.readFile(file);
  const t = process.hrtime.bigint();
  const { grids } = await readXlsxBuffer(bytes);
  const findings = checkReport(importWorkbook(grids)).findings.length;
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  process.stdout.write(JSON.stringify({ ms, rssMiB: peakRssMiB(), findings }));
}

/**
 * This process's peak resident memory, MiB. On Linux VmHWM: getrusage's maxRSS survives exec, so a child started
 * by a parent holding 170 MiB reports at least 170 MiB whatever it used itself.
 */
function peakRssMiB(): number {
  try {
    const kib = /VmHWM:\s+(\d+)\s*kB/.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
    if (kib) return Number(kib) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const since = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;

/** The slimming of one workbook's large part, taken apart (this process; each figure the median of RUNS). */
async function slimPhases(bytes: Uint8Array): Promise<void> {
  const files = unzipSync(bytes, {
    filter: (f) => /^xl\/worksheets\//.test(f.name) && f.originalSize > 4 << 20,
  });
  const [name, xml] = Object.entries(files)[0];
  const rows: Array<[string, number[]]> = [
    ["inflate, fflate (JS) streamed, before", []],
    ["inflate, Node zlib streamed (native)", []],
    ["byte scan alone (256 KiB chunks)", []],
    ["whole step: zlib + scan + re-zip (stored)", []],
  ];
  for (let run = 0; run < RUNS; run++) {
    let t = process.hrtime.bigint();
    const uz = new Unzip();
    uz.register(UnzipInflate);
    uz.onfile = (f) => {
      if (f.name !== name) return;
      f.ondata = () => undefined;
      f.start();
    };
    uz.push(bytes, true);
    rows[0][1].push(since(t));
    const deflated = deflateRawSync(xml, { level: 6 }); // the part's deflate stream, as a zip holds it
    t = process.hrtime.bigint();
    await new Promise((resolve) => {
      const z = createInflateRaw({ chunkSize: 256 * 1024 });
      z.on("data", () => undefined).on("end", resolve);
      z.end(deflated);
    });
    rows[1][1].push(since(t));
    t = process.hrtime.bigint();
    const s = new SheetSlimmer();
    for (let at = 0; at < xml.length; at += 256 * 1024)
      s.push(xml.subarray(at, at + 256 * 1024), false);
    s.push(new Uint8Array(0), true);
    rows[2][1].push(since(t));
    t = process.hrtime.bigint();
    await slimWorkbook(bytes);
    rows[3][1].push(since(t));
  }
  console.log(
    `\nslimming ${name} of 12a (${(xml.length / 1048576).toFixed(0)} MiB inflated), in one process, median of ${RUNS} (the first run is the one a user meets: JIT not warm)`
  );
  console.log("step                                          median ms   first run ms");
  for (const [label, ms] of rows)
    console.log(
      `${label.padEnd(44)} ${median(ms).toFixed(0).padStart(10)} ${ms[0].toFixed(0).padStart(14)}`
    );
}

export async function hugeBench(root: string): Promise<void> {
  const fx = (p: string) => path.join(root, "tests", "fixtures", p);
  const clean = await fs.readFile(fx("field-cases/12-huge-used-range.clean.xlsx"));
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "budget-review-bench-huge-"));
  const generated: Array<[string, string]> = [];
  for (const [i, v] of HUGE_VARIANTS.entries()) {
    const file = path.join(tmp, `v${i}.xlsx`);
    await fs.writeFile(file, hugeWorkbooks(clean, "预算公开表3", v).huge);
    generated.push([`12+ ${v.name}`, file]);
  }
  const files: Array<[string, string]> = [
    ["12 clean twin (normal)", fx("field-cases/12-huge-used-range.clean.xlsx")],
    ["12a 1M styled rows", generated[0][1]],
    ["12b styled XFD1048576", fx("field-cases/12-huge-used-range.b.xlsx")],
    ...generated.slice(1),
    ["jishan-2024 (normal)", path.join(root, "samples", "jishan-2024.xlsx")],
    ["20 value at A1048576", fx("bad-inputs/20-bottom-row.xlsx")],
  ];
  const W = 48;
  console.log(
    `\nhuge used ranges — read → model → check, one process per run, median of ${RUNS}; ratio to the normal workbook above it (target ≤ 2×)`
  );
  console.log(
    `${"workbook".padEnd(W)} size KiB     ms   peak RSS MiB   time ×   memory ×   findings`
  );
  let base = { ms: 0, rss: 0 };
  try {
    for (const [label, file] of files) {
      const runs = Array.from(
        { length: RUNS },
        () =>
          JSON.parse(
            execFileSync(process.execPath, [path.join(__dirname, "bench.js"), "--one", file], {
              encoding: "utf8",
            })
          ) as { ms: number; rssMiB: number; findings: number }
      );
      const ms = median(runs.map((r) => r.ms));
      const rss = median(runs.map((r) => r.rssMiB));
      if (label.includes("(normal)")) base = { ms, rss };
      const size = (await fs.stat(file)).size / 1024;
      const name = label.length > W - 1 ? `${label.slice(0, W - 2)}…` : label;
      console.log(
        `${name.padEnd(W)} ${size.toFixed(0).padStart(8)} ${ms.toFixed(0).padStart(6)} ${rss.toFixed(0).padStart(14)} ${(ms / base.ms).toFixed(2).padStart(8)} ${(rss / base.rss).toFixed(2).padStart(10)} ${String(runs[0].findings).padStart(10)}`
      );
    }
    await slimPhases(await fs.readFile(generated[0][1]));
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
}
