/**
 * npm run bench: import time of each sample next to the bare exceljs read of the same file, and the
 * checking engine's time next to both; then the huge used ranges (bench/huge.ts): time and peak memory beside a
 * normal workbook's. Figures only; no thresholds (speed is not a test).
 */
import { promises as fs } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { readXlsxBuffer } from "../src/hosts/xlsx/read";
import { importWorkbook } from "../src/core/importer/importer";
import { checkReport } from "../src/core/rules/engine";
import { hugeBench, reviewOnce } from "./huge";

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

async function main() {
  const root = path.join(__dirname, "..", "..");
  console.log(`budget-review bench — median of ${RUNS} runs, ms (node ${process.version})`);
  console.log("sample                     exceljs read   xlsx→grids   grids→model   check   model/exceljs   check/exceljs");
  for (const name of SAMPLES) {
    const buf = await fs.readFile(path.join(root, "samples", `${name}.xlsx`));
    const bare: number[] = [];
    const grids: number[] = [];
    const model: number[] = [];
    const check: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      bare.push(await time(() => new ExcelJS.Workbook().xlsx.load(buf as unknown as ExcelJS.Buffer)));
      let g: Awaited<ReturnType<typeof readXlsxBuffer>>["grids"] = [];
      grids.push(await time(async () => (g = (await readXlsxBuffer(buf)).grids)));
      let report!: ReturnType<typeof importWorkbook>;
      model.push(await time(() => (report = importWorkbook(g))));
      check.push(await time(() => checkReport(report)));
    }
    const [b, g, m, c] = [bare, grids, model, check].map(median);
    console.log(`${name.padEnd(26)} ${b.toFixed(1).padStart(12)} ${g.toFixed(1).padStart(12)} ${m.toFixed(1).padStart(13)} ${c.toFixed(1).padStart(7)} ${((g + m) / b).toFixed(2).padStart(15)} ${(c / b).toFixed(2).padStart(15)}`);
  }
  const mem = process.memoryUsage();
  console.log(`heap used ${(mem.heapUsed / 1048576).toFixed(1)} MiB, rss ${(mem.rss / 1048576).toFixed(1)} MiB`);
  await hugeBench(root);
}
if (process.argv[2] === "--one") reviewOnce(process.argv[3]);
else main();
