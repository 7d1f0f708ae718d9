/**
 * npm run bench: import time of each sample next to the bare exceljs read of the same file, and the
 * checking engine's time next to both; then the huge used ranges (bench/huge.ts): time and peak memory beside a
 * normal workbook's. Figures only; no thresholds (speed is not a test).
 */
import "./tiering";
import { promises as fs } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { readXlsxBuffer } from "../src/hosts/xlsx/read";
import { importWorkbook } from "../src/core/importer/importer";
import { checkReport, withCauses } from "../src/core/rules/engine";
import { amountCells, mutationFigures, sampleCells, type MutationFigures } from "./localization";
import { STYLES, buildVariant } from "../tests/fixtures/variants";
import { hugeBench, reviewOnce } from "./huge";
import { reviewBench, steadyChild } from "./review";
import { readersBench } from "./readers";

const SAMPLES = ["jishan-2024", "jincheng-chengqu-2025", "xingxian-2023"];
const RUNS = 15;

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
async function time(f: () => Promise<unknown> | unknown): Promise<number> {
  const t = process.hrtime.bigint();
  await f();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

const localRows: Array<{
  name: string;
  check: number;
  local: number;
  full: number;
  first: number;
  minCheck: number;
  minLocal: number;
  causes: number;
  explained: number;
  findings: number;
  errors: number;
}> = [];

const pct = (n: number, d: number) => `${((100 * n) / Math.max(d, 1)).toFixed(1)} %`;
function mutationLine(name: string, f: MutationFigures) {
  console.log(
    `${name.padEnd(44)} ${String(f.cases).padStart(6)} ${String(f.unseen).padStart(7)} ${pct(f.uniqueTop, f.cases).padStart(11)} ${pct(f.among, f.cases).padStart(9)}   ${f.missed.slice(0, 4).join(" ")}`
  );
}

/** Every amount changed once (xingxian: a seeded 300): is the changed cell the unique top suspect / among the suspects? */
async function mutationBench(root: string) {
  console.log(
    "\nlocalization mutation bench — one amount changed by 1.37…99.37; targets: unique top ≥ 90 %, among suspects ≥ 98 %"
  );
  console.log(
    "workbook                                      cases  unseen  unique top    among   missed (first)"
  );
  const sum: MutationFigures = {
    cases: 0,
    unseen: 0,
    uniqueTop: 0,
    among: 0,
    missed: [],
    shared: [],
  };
  const acc = (f: MutationFigures) => {
    sum.cases += f.cases;
    sum.unseen += f.unseen;
    sum.uniqueTop += f.uniqueTop;
    sum.among += f.among;
  };
  for (const name of SAMPLES) {
    const buf = await fs.readFile(path.join(root, "samples", `${name}.xlsx`));
    const { grids } = await readXlsxBuffer(buf);
    const f = mutationFigures(
      grids,
      sampleCells(amountCells(importWorkbook(grids)), name === "xingxian-2023" ? 300 : Infinity)
    );
    acc(f);
    mutationLine(name, f);
  }
  for (const style of STYLES) {
    const { grids } = buildVariant(style);
    const f = mutationFigures(grids, amountCells(importWorkbook(grids)));
    acc(f);
    mutationLine(`variant ${style.name}`, f);
  }
  mutationLine("all", sum);
}

async function main() {
  const root = path.join(__dirname, "..", "..");
  console.log(`budget-review bench — median of ${RUNS} runs, ms (node ${process.version})`);
  console.log(
    "sample                     exceljs read   xlsx→grids   grids→model   check   model/exceljs   check/exceljs"
  );
  for (const name of SAMPLES) {
    const buf = await fs.readFile(path.join(root, "samples", `${name}.xlsx`));
    const bare: number[] = [];
    const grids: number[] = [];
    const model: number[] = [];
    const check: number[] = [];
    const local: number[] = [];
    let located!: ReturnType<typeof checkReport>;
    for (let i = 0; i < RUNS; i++) {
      bare.push(
        await time(() => new ExcelJS.Workbook().xlsx.load(buf as unknown as ExcelJS.Buffer))
      );
      let g: Awaited<ReturnType<typeof readXlsxBuffer>>["grids"] = [];
      grids.push(await time(async () => (g = (await readXlsxBuffer(buf)).grids)));
      let report!: ReturnType<typeof importWorkbook>;
      model.push(await time(() => (report = importWorkbook(g))));
      let plain!: ReturnType<typeof checkReport>;
      check.push(await time(() => (plain = checkReport(report, { localize: false }))));
      local.push(await time(() => (located = withCauses(plain))));
    }
    localRows.push({
      name,
      check: median(check),
      local: median(local),
      full: median(grids) + median(model) + median(check),
      first: local[0],
      minCheck: Math.min(...check),
      minLocal: Math.min(...local),
      causes: located.causes.length,
      explained: new Set(located.causes.flatMap((c) => c.explains)).size,
      findings: located.findings.length,
      errors: located.findings.filter((f) => f.severity === "error").length,
    });
    const [b, g, m, c] = [bare, grids, model, check].map(median);
    console.log(
      `${name.padEnd(26)} ${b.toFixed(1).padStart(12)} ${g.toFixed(1).padStart(12)} ${m.toFixed(1).padStart(13)} ${c.toFixed(1).padStart(7)} ${((g + m) / b).toFixed(2).padStart(15)} ${(c / b).toFixed(2).padStart(15)}`
    );
  }
  // Medians on a shared machine include other processes' and the collector's pauses; the fastest run is the cost itself.
  console.log(
    "\nlocalization (src/core/localize) — ms: median of runs, fastest run, first run; target: ≤ 25 % of the check"
  );
  console.log(
    "sample                     check(rules) median/fastest   localize median/fastest [first]   loc/rules (fastest)   loc/(read+import+rules) (median)   causes  explained  findings (errors)"
  );
  for (const r of localRows)
    console.log(
      `${r.name.padEnd(26)} ${r.check.toFixed(1).padStart(12)} / ${r.minCheck.toFixed(1).padStart(5)} ${r.local.toFixed(1).padStart(16)} / ${r.minLocal.toFixed(1).padStart(5)} [${r.first.toFixed(1)}] ${((100 * r.minLocal) / r.minCheck).toFixed(0).padStart(12)} % ${((100 * r.local) / r.full).toFixed(1).padStart(26)} % ${String(r.causes).padStart(14)} ${String(r.explained).padStart(10)} ${String(r.findings).padStart(9)} (${r.errors})`
    );
  await readersBench(root);
  await mutationBench(root);
  await rowScaling(root);
  const mem = process.memoryUsage();
  console.log(
    `heap used ${(mem.heapUsed / 1048576).toFixed(1)} MiB, rss ${(mem.rss / 1048576).toFixed(1)} MiB`
  );
  await hugeBench(root);
  await reviewBench(root);
}
/**
 * Linear time in rows: the sample's 项目支出表 with N unindented project rows appended (as 58b has 2,000), grids →
 * model → check. Time per 1,000 rows stays flat when the work is linear.
 */
async function rowScaling(root: string) {
  const buf = await fs.readFile(path.join(root, "samples", "jishan-2024.xlsx"));
  const { grids } = await readXlsxBuffer(buf);
  const report = importWorkbook(grids);
  const sheet = report.tables.find((t) => t.kind === "project_expenditure")!.sheet;
  console.log("\nproject rows appended   grids→model   check   ms per 1,000 rows");
  for (const n of [1000, 2000, 4000, 8000, 16000]) {
    const gs = grids.map((g) => {
      if (g.sheet !== sheet) return g;
      const width = g.values[0].length;
      const extra = Array.from({ length: n }, (_, i) =>
        Array.from({ length: width }, (_, c) =>
          c === 0 ? `测试项目${i}` : c === 1 || c === 2 ? i / 100 : ""
        )
      );
      return {
        ...g,
        values: [...g.values, ...extra],
        text: [
          ...g.text,
          ...extra.map((r) => r.map((v) => (typeof v === "number" ? v.toFixed(2) : String(v)))),
        ],
        numberFormat: [...g.numberFormat, ...extra.map((r) => r.map(() => "0.00"))],
      };
    });
    let rep!: ReturnType<typeof importWorkbook>;
    const m = median(
      await Promise.all([0, 1, 2].map(() => time(() => (rep = importWorkbook(gs)))))
    );
    const c = median([
      await time(() => checkReport(rep)),
      await time(() => checkReport(rep)),
      await time(() => checkReport(rep)),
    ]);
    console.log(
      `${String(n).padStart(21)} ${m.toFixed(1).padStart(13)} ${c.toFixed(1).padStart(7)} ${(((m + c) / n) * 1000).toFixed(1).padStart(19)}`
    );
  }
}

if (process.argv[2] === "--one") reviewOnce(process.argv[3]);
else if (process.argv[2] === "--steady") steadyChild(process.argv[3]);
else main();
