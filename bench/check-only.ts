/**
 * The check phase alone, for instruction counts (issue 10: check ≤ +25 % over the bare read). Reads one sample once,
 * then runs checkReport (no localization) K times; prints nothing timed but the median ms of the K runs. Under
 * callgrind, `K` and `K = 0` runs differ by K checks' instructions, whatever the machine's load:
 *   valgrind --tool=callgrind --callgrind-out-file=/dev/null node dist-cli/bench/check-only.js jishan-2024 200
 *   valgrind --tool=callgrind --callgrind-out-file=/dev/null node dist-cli/bench/check-only.js jishan-2024 0
 * (instructions per check = the difference of the two "Collected" figures / 200). Checking one report again and
 * again reuses what rules memoize per Table object (names, sides, codes): `--fresh` imports the grids anew before each
 * check (a file's one check, as a folder's run makes it), `--import` imports them K times without checking (the
 * difference of the two is K fresh checks). `--json` prints the last result instead (to compare results before and
 * after a change).
 */
import "./tiering";
import { promises as fs } from "fs";
import path from "path";
import { readXlsxBuffer } from "../src/hosts/xlsx/read";
import { importWorkbook } from "../src/core/importer/importer";
import { checkReport } from "../src/core/rules/engine";

async function main(): Promise<void> {
  const [name = "jishan-2024", k = "100", ...flags] = process.argv.slice(2);
  const fresh = flags.includes("--fresh");
  const importOnly = flags.includes("--import");
  const root = path.join(__dirname, "..", "..");
  const file = name.endsWith(".xlsx") ? name : path.join(root, "samples", `${name}.xlsx`);
  const { grids } = await readXlsxBuffer(await fs.readFile(file));
  let report = importWorkbook(grids);
  const times: number[] = [];
  // CPU time of the process (all its threads), less at the mercy of other processes than the wall clock.
  const cpu: number[] = [];
  let result;
  for (let i = 0; i < Number(k); i++) {
    if (fresh || importOnly) report = importWorkbook(grids);
    if (importOnly) continue;
    const s = process.hrtime.bigint();
    const c = process.cpuUsage();
    result = checkReport(report, { localize: false });
    const used = process.cpuUsage(c);
    times.push(Number(process.hrtime.bigint() - s) / 1e6);
    cpu.push((used.user + used.system) / 1000);
  }
  if (flags.includes("--json")) {
    console.log(JSON.stringify(result));
    return;
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? NaN;
  console.log(
    `${path.basename(file)}: ${k} checks, median ${median(times).toFixed(2)} ms, fastest ${Math.min(...times).toFixed(2)} ms; CPU median ${median(cpu).toFixed(2)} ms`
  );
}

void main();
