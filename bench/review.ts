/**
 * Review figures for `npm run bench` (issue 10): per sample, the bare exceljs read next to read (+import), check (the rules), localize (the causes),
 * review plan and write; then a generated folder of 200 workbooks through `check --out` with --jobs 1 and --jobs 2
 * (throughput and the summed phase times). Targets: check ≤ +25 % over the bare read; 2 jobs ≥ 1.8× one job.
 */
import { promises as fs, readFileSync } from "fs";
import { spawn, spawnSync } from "child_process";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { readXlsxBuffer } from "../src/hosts/xlsx/read";
import { importWorkbook } from "../src/core/importer/importer";
import { checkReport, withCauses } from "../src/core/rules/engine";
import { buildReviewPlan } from "../src/core/review/build";
import { applyReviewPlan, writeWorkbook } from "../src/hosts/xlsx/review";
import { reviewPackage } from "../src/hosts/xlsx/package-review";
import {
  deflateEntry,
  dosTime,
  inflateEntry,
  readZipEntries,
  writeZip,
} from "../src/hosts/xlsx/zip";
import { unzipSync, zipSync } from "fflate";
import { runBatch } from "../src/cli/batch";
import { reviewFile } from "../src/cli/review-file";
import { writeXlsx } from "../src/hosts/xlsx/write";
import { STYLES, buildVariant } from "../tests/fixtures/variants";

const SAMPLES = ["jishan-2024", "jincheng-chengqu-2025", "xingxian-2023"];
const RUNS = 11;
/** Untimed runs of the whole pipeline per sample first: the figures are steady-state (a folder's 200 files are). */
const WARMUP = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const now = () => Number(process.hrtime.bigint()) / 1e6;
const f1 = (n: number) => n.toFixed(1);

/**
 * The writer's zip work alone for `out` written from `input`, ms: as it was done with fflate (every part inflated,
 * every part deflated again at level 6, in JavaScript) and as zip.ts does it (the directory read, the parts that
 * changed deflated by Node's zlib at level 6, the others copied as their compressed bytes).
 */
function zipStep(input: Uint8Array, out: Uint8Array): { fflate: number; native: number } {
  const parts = unzipSync(out);
  const before = new Map(readZipEntries(input)!.map((e) => [e.name, e]));
  const changed = new Map(
    readZipEntries(out)!
      .filter(
        (e) =>
          !before.get(e.name) || !Buffer.from(before.get(e.name)!.raw).equals(Buffer.from(e.raw))
      )
      .map((e) => [e.name, inflateEntry(e)])
  );
  let s = now();
  unzipSync(input);
  zipSync(parts, { level: 6 });
  const fflate = now() - s;
  s = now();
  const t = dosTime(new Date());
  const entries = new Map(readZipEntries(input)!.map((e) => [e.name, e]));
  writeZip(
    Object.keys(parts).map((n) =>
      changed.has(n) ? deflateEntry(n, changed.get(n)!, 6, t) : entries.get(n)!
    )
  );
  return { fflate, native: now() - s };
}

/** V8's collector when node runs with --expose-gc (`npm run bench` does): a minor collection empties the nursery. */
const minorGc = (globalThis as { gc?: (o: { type: "minor" }) => void }).gc;

export async function reviewBench(root: string): Promise<void> {
  console.log(
    `\nreview (check --out) — per sample, median of ${RUNS} runs after ${WARMUP} untimed ones, ms; check = the rules (checkReport), localize = the causes (error localization, its own phase with its own target: ≤ 25 % of the check, table "localization" above); check% = check / bare read (medians; in brackets the fastest runs'), +loc% = (check + localize) / bare read; write = the package writer (the product's), beside the exceljs round trip it replaced; zip = the writer's zip work alone, fflate (all parts inflated and deflated in JS, as before) / native (changed parts deflated by zlib, the rest copied)`
  );
  console.log(
    "check* = check in runs where a minor collection ran after read+import (the just-read grids and report leave the nursery first; otherwise the check pays that copy, which is the read's and import's cost; minor = that collection, timed apart), median of another " +
      `${RUNS} runs${minorGc ? "" : " — not measured: run with node --expose-gc"}`
  );
  console.log(
    "sample                     bare read   read+import     check   localize   check*   minor   plan   write   exceljs write   check% [fastest]   +loc%   check*%   zip: fflate / native"
  );
  for (const name of SAMPLES) {
    const buf = await fs.readFile(path.join(root, "samples", `${name}.xlsx`));
    const t = {
      bare: [] as number[],
      bareSettled: [] as number[],
      read: [] as number[],
      check: [] as number[],
      localize: [] as number[],
      settled: [] as number[],
      minor: [] as number[],
      plan: [] as number[],
      write: [] as number[],
      exceljs: [] as number[],
      zipFflate: [] as number[],
      zipNative: [] as number[],
    };
    for (let i = -WARMUP; i < 2 * RUNS; i++) {
      if (i < 0) {
        // Warm-up: every phase once, nothing recorded (the JIT tiers a rule up only after many calls).
        await new ExcelJS.Workbook().xlsx.load(buf as unknown as ExcelJS.Buffer);
        const w = await readXlsxBuffer(buf);
        const r = importWorkbook(w.grids);
        const res = withCauses(checkReport(r, { localize: false }));
        reviewPackage(
          new Uint8Array(buf),
          buildReviewPlan({
            report: r,
            result: res,
            grids: w.grids,
            file: name,
            reviewedAt: new Date().toISOString(),
            productVersion: "bench",
          })
        );
        continue;
      }
      // Odd runs (with --expose-gc): the same pipeline with a minor collection between import and check.
      const settle = i % 2 === 1 && minorGc;
      if (i % 2 === 1 && !minorGc) continue;
      let s = now();
      await new ExcelJS.Workbook().xlsx.load(buf as unknown as ExcelJS.Buffer);
      (settle ? t.bareSettled : t.bare).push(now() - s);
      s = now();
      const { workbook, grids } = await readXlsxBuffer(buf);
      const report = importWorkbook(grids);
      if (settle) {
        s = now();
        minorGc({ type: "minor" });
        t.minor.push(now() - s);
        s = now();
        checkReport(report, { localize: false });
        t.settled.push(now() - s);
        continue;
      }
      t.read.push(now() - s);
      s = now();
      const checked = checkReport(report, { localize: false });
      t.check.push(now() - s);
      s = now();
      const result = withCauses(checked);
      t.localize.push(now() - s);
      s = now();
      const plan = buildReviewPlan({
        report,
        result,
        grids,
        file: name,
        reviewedAt: new Date().toISOString(),
        productVersion: "bench",
      });
      t.plan.push(now() - s);
      s = now();
      const written = reviewPackage(new Uint8Array(buf), plan).bytes;
      t.write.push(now() - s);
      const z = zipStep(new Uint8Array(buf), written);
      t.zipFflate.push(z.fflate);
      t.zipNative.push(z.native);
      s = now();
      applyReviewPlan(workbook, plan);
      await writeWorkbook(workbook);
      t.exceljs.push(now() - s);
    }
    const m = Object.fromEntries(
      Object.entries(t).map(([k, v]) => [k, v.length ? median(v) : NaN])
    ) as Record<keyof typeof t, number>;
    console.log(
      `${name.padEnd(26)} ${f1(m.bare).padStart(9)} ${f1(m.read).padStart(13)} ${f1(m.check).padStart(9)} ${f1(m.localize).padStart(10)} ${f1(m.settled).padStart(8)} ${f1(m.minor).padStart(7)} ${f1(m.plan).padStart(6)} ${f1(m.write).padStart(7)} ${f1(m.exceljs).padStart(15)} ${((100 * m.check) / m.bare).toFixed(0).padStart(7)} % ${`[${((100 * Math.min(...t.check)) / Math.min(...t.bare)).toFixed(0)} %]`.padStart(9)} ${`${((100 * (m.check + m.localize)) / m.bare).toFixed(0)} %`.padStart(7)} ${`${((100 * m.settled) / m.bareSettled).toFixed(0)} %`.padStart(9)} ${f1(m.zipFflate).padStart(13)} / ${f1(m.zipNative)}`
    );
  }

  // A folder of 200 workbooks: the samples and the generated province variants, repeated.
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "review-bench-"));
  const sources: Array<[string, Uint8Array]> = [];
  for (const name of SAMPLES)
    sources.push([name, await fs.readFile(path.join(root, "samples", `${name}.xlsx`))]);
  for (const [i, st] of STYLES.entries())
    sources.push([
      `variant-${i}`,
      await writeXlsx(buildVariant(st).grids.map((grid) => ({ grid }))),
    ]);
  const N = 200;
  for (let i = 0; i < N; i++) {
    const [name, bytes] = sources[i % sources.length];
    await fs.writeFile(path.join(dir, `${String(i).padStart(3, "0")}-${name}.xlsx`), bytes);
  }
  let bare = 0;
  for (const f of await fs.readdir(dir)) {
    const b = await fs.readFile(path.join(dir, f));
    const s = now();
    await new ExcelJS.Workbook().xlsx.load(b as unknown as ExcelJS.Buffer);
    bare += now() - s;
  }
  console.log(
    `\nfolder of ${N} workbooks (${sources.length} kinds), check --out; phase sums in ms over all files; bare exceljs read of all: ${f1(bare)} ms (cores: ${os.availableParallelism?.() ?? os.cpus().length})`
  );
  console.log(
    "jobs   wall ms   files/s   read+import     check   localize     plan     write   check%   +loc%   speed-up   cores busy"
  );
  let one = 0;
  let busyOne = 1;
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  for (const jobs of [1, 2]) {
    const out = path.join(dir, `out-${jobs}`);
    const s = now();
    const cpu0 = process.cpuUsage();
    const { rows } = await runBatch([dir], { outDir: out, jobs, productVersion: "bench" });
    const wall = now() - s;
    // Process CPU time (every thread: workers, V8's compiler and collector threads) over wall time.
    const cpu = process.cpuUsage(cpu0);
    const busy = (cpu.user + cpu.system) / 1000 / wall;
    if (jobs === 1) busyOne = busy;
    const sum = (k: "read" | "check" | "localize" | "plan" | "write") =>
      rows.reduce((a, r) => a + r.ms[k], 0);
    const rate = (rows.length / wall) * 1000;
    if (jobs === 1) one = rate;
    console.log(
      `${String(jobs).padStart(4)} ${f1(wall).padStart(9)} ${rate.toFixed(2).padStart(9)} ${f1(sum("read")).padStart(13)} ${f1(sum("check")).padStart(9)} ${f1(sum("localize")).padStart(10)} ${f1(sum("plan")).padStart(8)} ${f1(sum("write")).padStart(9)} ${((100 * sum("check")) / bare).toFixed(0).padStart(7)} % ${((100 * (sum("check") + sum("localize"))) / bare).toFixed(0).padStart(5)} % ${(rate / one).toFixed(2).padStart(9)}× ${busy.toFixed(2).padStart(12)}`
    );
  }
  // The bare reads above ran back to back; the check inside the pipeline, after a read, an import and the previous
  // file's write. Read each file bare right before its review (one job, as runBatch does it) for a like-for-like share.
  {
    let bareIn = 0;
    let checkIn = 0;
    let localizeIn = 0;
    const out = path.join(dir, "out-interleaved");
    await fs.mkdir(out);
    const files = (await fs.readdir(dir)).filter((f) => f.endsWith(".xlsx")).sort();
    for (const [i, f] of files.entries()) {
      const file = path.join(dir, f);
      const b = await fs.readFile(file);
      const s = now();
      await new ExcelJS.Workbook().xlsx.load(b as unknown as ExcelJS.Buffer);
      bareIn += now() - s;
      const row = await reviewFile({
        file,
        outDir: out,
        productVersion: "bench",
        reviewedAt: "2026-01-01T00:00:00Z",
        reviewedName: `${i}.reviewed.xlsx`,
        reviewOnlyName: `${i}.审核结果.xlsx`,
      });
      checkIn += row.ms.check;
      localizeIn += row.ms.localize;
    }
    console.log(
      `one job, each file read bare right before its review: bare read ${f1(bareIn)} ms, check ${f1(checkIn)} ms, localize ${f1(localizeIn)} ms — check% ${((100 * checkIn) / bareIn).toFixed(0)} %, +loc% ${((100 * (checkIn + localizeIn)) / bareIn).toFixed(0)} %`
    );
  }
  // One job already keeps more than one core busy (V8 compiles and collects garbage on helper threads): the most
  // N jobs can reach on C cores is min(N, C / busy) times one job.
  console.log(
    `one job keeps ${busyOne.toFixed(2)} cores busy: on ${cores} cores, 2 jobs can reach at most ${Math.min(2, cores / busyOne).toFixed(2)}× one job's throughput`
  );
  // What a reviewer gets: the command itself, a cold process each time (the in-process runs above share a warm JIT
  // with the rest of the bench, which flatters one job against workers that start cold) — as shipped, and with V8's
  // default tier-up threshold (BUDGET_REVIEW_V8_DEFAULTS, src/cli/v8-tiering.ts) for the comparison.
  const bin = path.join(root, "bin", "budget-review.js");
  console.log(
    `\nthe same folder through the command, a new process per run (median of 3, the two settings interleaved): budget-review check <folder> --out <dir> --jobs N; cpu = the process's CPU time (all threads) / wall`
  );
  // cpu = the run's CPU time (every thread): what two jobs spend beyond one job's CPU for the same files (module loads
  // and JIT warm-up repeated per worker, contention) is what keeps their speed-up under two; less load-sensitive
  // than the wall times (jobs30).
  console.log(
    "V8 tier-up                    jobs   wall ms   files/s   cores busy   speed-up    cpu ms   cpu / 1 job"
  );
  const settings = [
    { name: "the command's (1 MB budget)", env: {} as NodeJS.ProcessEnv },
    {
      name: "Node's default (66 KB)",
      env: { BUDGET_REVIEW_V8_DEFAULTS: "1" } as NodeJS.ProcessEnv,
    },
  ];
  const runs = new Map<string, Array<{ wall: number; busy: number }>>();
  for (let i = 0; i < 3; i++)
    for (const [k, setting] of settings.entries())
      for (const jobs of [1, 2]) {
        const out = path.join(dir, `cli-${k}-${jobs}-${i}`);
        const run = commandRun(bin, dir, out, jobs, setting.env);
        runs.set(`${k}/${jobs}`, [...(runs.get(`${k}/${jobs}`) ?? []), run]);
      }
  for (const [k, setting] of settings.entries()) {
    let rate1 = 0;
    let cpu1 = 0;
    for (const jobs of [1, 2]) {
      const all = runs.get(`${k}/${jobs}`)!;
      const wall = median(all.map((r) => r.wall));
      const busy = median(all.map((r) => r.busy));
      const cpu = median(all.map((r) => r.busy * r.wall));
      const rate = (N / wall) * 1000;
      if (jobs === 1) ((rate1 = rate), (cpu1 = cpu));
      console.log(
        `${setting.name.padEnd(28)} ${String(jobs).padStart(5)} ${f1(wall).padStart(9)} ${rate.toFixed(2).padStart(9)} ${busy.toFixed(2).padStart(12)} ${(rate / rate1).toFixed(2).padStart(9)}× ${cpu.toFixed(0).padStart(9)} ${(cpu / cpu1).toFixed(2).padStart(12)}×`
      );
    }
  }
  await steadyScaling(dir);
  await fs.rm(dir, { recursive: true, force: true });
  await machineCeiling();
}

/**
 * Two micro loops, each in fresh processes: pure arithmetic (no allocation) and allocation-heavy (an array of
 * 5 million small objects with short strings, as reading a workbook makes them). Each loop takes about a second alone.
 */
const CEILING_LOOPS: ReadonlyArray<readonly [name: string, code: string]> = [
  ["arithmetic", "let x=0;for(let i=0;i<1e8;i++)x=(x*31+i)%1000003;"],
  ["allocation", "const a=[];for(let i=0;i<5e6;i++)a.push({a:i,b:String(i%1000)});"],
];

/** n processes started together on one loop: wall ms from the start to the last one done. */
function loopRun(n: number, code: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = now();
    let done = 0;
    for (let i = 0; i < n; i++)
      spawn(process.execPath, ["-e", code], { stdio: "ignore" })
        .on("error", reject)
        .on("exit", () => {
          if (++done === n) resolve(now() - s);
        });
  });
}

/**
 * What this machine allows two jobs, apart from our code: each micro loop in one process alone, then in two at once
 * (wall time, node start-up included; median of 3). A pure arithmetic loop scales to 2.0× on two free cores; an
 * allocation-heavy one is held by the memory system (lead's measurement, stop 29: 1.56×). Read the --jobs 2
 * speed-ups above against these.
 */
export async function machineCeiling(): Promise<void> {
  const parts: string[] = [];
  for (const [name, code] of CEILING_LOOPS) {
    const one: number[] = [];
    const two: number[] = [];
    for (let i = 0; i < 3; i++) {
      one.push(await loopRun(1, code));
      two.push(await loopRun(2, code));
    }
    const [a, b] = [median(one), median(two)];
    parts.push(`${name} ${f1(a)} ms alone, ${f1(b)} ms two at once: ${((2 * a) / b).toFixed(2)}×`);
  }
  console.log(
    `machine ceiling — micro loops, a new process each, 1 vs 2 at once (median of 3): ${parts.join("; ")}`
  );
}

/** One run of the command in a new process: wall ms and the cores it kept busy (its CPU time, all threads, over wall). */
function commandRun(
  bin: string,
  dir: string,
  out: string,
  jobs: number,
  env: NodeJS.ProcessEnv
): { wall: number; busy: number } {
  const s = now();
  const cpu0 = childrenCpu();
  // Exit 1/2 are findings / unusable files; the timing stands.
  spawnSync(process.execPath, [bin, "check", dir, "--out", out, "--jobs", String(jobs)], {
    stdio: "ignore",
    env: { ...process.env, ...env },
  });
  const wall = now() - s;
  return { wall, busy: (childrenCpu() - cpu0) / wall };
}

/**
 * CPU ms used by this process's waited-for children (Linux: cutime + cstime of /proc/self/stat, in 1/100 s; Node has
 * no RUSAGE_CHILDREN). NaN elsewhere: the column then reads NaN, the timings stand.
 */
function childrenCpu(): number {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    // Fields after the command name (which may hold spaces) start at field 3; cutime and cstime are fields 16 and 17.
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(f[13]) + Number(f[14])) * 10;
  } catch {
    return NaN;
  }
}

const WARM = 60;
const STEADY = 100;

/**
 * A child of the steady-state figure (`bench.js --steady <dir>`): reviews WARM files of the folder to warm the JIT,
 * says READY, and on a line from the parent reviews the next STEADY files and prints their time.
 */
export async function steadyChild(dir: string): Promise<void> {
  const files = (await fs.readdir(dir)).filter((f) => f.endsWith(".xlsx")).sort();
  const out = await fs.mkdtemp(path.join(os.tmpdir(), "steady-"));
  const run = async (n: number, from: number) => {
    for (let i = 0; i < n; i++) {
      const f = files[(from + i) % files.length];
      await reviewFile({
        file: path.join(dir, f),
        outDir: out,
        productVersion: "bench",
        reviewedAt: "2026-01-01T00:00:00Z",
        reviewedName: `${i}.reviewed.xlsx`,
        reviewOnlyName: `${i}.审核结果.xlsx`,
      });
    }
  };
  await run(WARM, 0);
  process.stdout.write("READY\n");
  process.stdin.once("data", async () => {
    const s = now();
    const cpu0 = process.cpuUsage();
    await run(STEADY, WARM);
    const wall = now() - s;
    const cpu = process.cpuUsage(cpu0);
    // Cores this process kept busy (its main thread and V8's collector and compiler threads) while measured.
    process.stdout.write(`MS ${wall} BUSY ${(cpu.user + cpu.system) / 1000 / wall}\n`);
    await fs.rm(out, { recursive: true, force: true });
    process.exit(0);
  });
}

/** n warm children started together on the same work: wall ms from the go to the last one done, and the cores each kept busy. */
function warmRun(
  n: number,
  dir: string,
  v8Flags: string[] = []
): Promise<{ wall: number; busy: number[] }> {
  return new Promise((resolve, reject) => {
    const kids = Array.from({ length: n }, () =>
      spawn(process.execPath, [...v8Flags, path.join(__dirname, "bench.js"), "--steady", dir], {
        stdio: ["pipe", "pipe", "inherit"],
      })
    );
    let ready = 0;
    let go = 0;
    const busy: number[] = [];
    for (const k of kids) {
      let text = "";
      let isReady = false;
      let isDone = false;
      k.on("error", reject);
      k.stdout.on("data", (d: Buffer) => {
        text += d.toString();
        if (!isReady && text.includes("READY")) {
          isReady = true;
          if (++ready === n) {
            go = now();
            for (const kk of kids) kk.stdin.write("go\n");
          }
        }
        const m = /MS [\d.]+ BUSY ([\d.]+)/.exec(text);
        if (!isDone && m) {
          isDone = true;
          busy.push(Number(m[1]));
          if (busy.length === n) resolve({ wall: now() - go, busy });
        }
      });
    }
  });
}

/**
 * What this machine allows, whatever the batch does: the same review work in warm processes (the JIT done, no
 * start-up), one alone against two at once. Two warm processes share the cores, the memory bus and the caches; their
 * speed-up is the most any --jobs 2 can reach here. Then the same with V8's helper threads off (`--single-threaded`:
 * the collector and the optimising compiler on the process's own thread): one process then keeps one core busy, so
 * the pair's speed-up shows what the hardware allows this work, apart from what V8's threads already took of the
 * second core in one job. Diagnostic only; the command keeps V8's defaults (its two-job time is no better so).
 */
export async function steadyScaling(dir: string): Promise<void> {
  for (const [what, flags] of [
    ["V8 as the command runs it", []],
    ["V8 single-threaded (--single-threaded)", ["--single-threaded"]],
  ] as Array<[string, string[]]>) {
    const one: number[] = [];
    const two: number[] = [];
    const busyOne: number[] = [];
    const busyTwo: number[] = [];
    for (let i = 0; i < 3; i++) {
      const a = await warmRun(1, dir, flags);
      one.push(a.wall);
      busyOne.push(a.busy[0]);
      const b = await warmRun(2, dir, flags);
      two.push(b.wall);
      busyTwo.push(b.busy[0] + b.busy[1]);
    }
    const [a, b] = [median(one), median(two)];
    console.log(
      `\nsteady state, ${what} — ${STEADY} files per process after ${WARM} to warm up (median of 3): one warm process ${f1(a)} ms (${median(busyOne).toFixed(2)} cores busy), two at once ${f1(b)} ms for twice the files (${median(busyTwo).toFixed(2)} cores busy)`
    );
    console.log(
      flags.length
        ? `two single-threaded processes reach ${((2 * a) / b).toFixed(2)}× one: what two cores give this work once one job no longer uses the second core's spare time`
        : `two warm processes reach ${((2 * a) / b).toFixed(2)}× one: the ceiling of --jobs 2 on this machine for this work (start-up and JIT warm-up excluded)`
    );
  }
}
