/**
 * npm run bench: import time of each sample next to the bare exceljs read of the same file, and the
 * checking engine's time next to both. Figures only; no thresholds (speed is not a test).
 */
import { promises as fs } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { readXlsxBuffer } from "../src/hosts/xlsx/read";
import { importWorkbook } from "../src/core/importer/importer";
import { checkReport } from "../src/core/rules/engine";

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
  await rowScaling(root);
  const mem = process.memoryUsage();
  console.log(`heap used ${(mem.heapUsed / 1048576).toFixed(1)} MiB, rss ${(mem.rss / 1048576).toFixed(1)} MiB`);
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
      const extra = Array.from({ length: n }, (_, i) => Array.from({ length: width }, (_, c) => (c === 0 ? `测试项目${i}` : c === 1 || c === 2 ? i / 100 : "")));
      return { ...g, values: [...g.values, ...extra], text: [...g.text, ...extra.map((r) => r.map((v) => (typeof v === "number" ? v.toFixed(2) : String(v))))], numberFormat: [...g.numberFormat, ...extra.map((r) => r.map(() => "0.00"))] };
    });
    let rep!: ReturnType<typeof importWorkbook>;
    const m = median(await Promise.all([0, 1, 2].map(() => time(() => (rep = importWorkbook(gs))))));
    const c = median([await time(() => checkReport(rep)), await time(() => checkReport(rep)), await time(() => checkReport(rep))]);
    console.log(`${String(n).padStart(21)} ${m.toFixed(1).padStart(13)} ${c.toFixed(1).padStart(7)} ${(((m + c) / n) * 1000).toFixed(1).padStart(19)}`);
  }
}

main();
