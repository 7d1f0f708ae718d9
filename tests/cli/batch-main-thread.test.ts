/**
 * `check --out --jobs 2` (issue 10, two jobs against one): the batch's main thread only hands out files and collects
 * their rows; the reviews and the 审核汇总 (its sheet built by the core, zod with it, and the writer) happen in the
 * workers. Before jobs31 the main thread loaded the core's batch sheet, plan and zod (~140 modules, 40 % of its CPU
 * time in a 200-workbook batch) to build the summary, while both cores were busy with the workers' own loads; and every
 * row carried its file's JSON report back (2.7 MB of structured clone for 200 workbooks) though only --json prints it.
 */
import { execFile } from "child_process";
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { BIN, SAMPLES, samplePath } from "../helpers";

jest.setTimeout(180000);

/** The command in a child process with a preload that lists, at exit, the modules its main thread loaded. */
function runListing(
  args: string[],
  listing: string
): Promise<{ code: number; out: string; err: string; loaded: string[] }> {
  return new Promise((resolve) =>
    execFile(
      process.execPath,
      ["-r", hook, BIN, ...args],
      { env: { ...process.env, LOADED_OUT: listing }, maxBuffer: 64 * 1024 * 1024 },
      (e, out, err) =>
        void fs
          .readFile(listing, "utf8")
          .then((t) => JSON.parse(t) as string[])
          .then((loaded) =>
            resolve({
              code: e ? ((e as { code?: number }).code ?? 1) : 0,
              out: String(out),
              err: String(err),
              loaded,
            })
          )
    )
  );
}

let dir: string;
let hook: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "batch-main-"));
  hook = path.join(dir, "list-modules.js");
  // The workers run the preload too (they inherit node's options): only the main thread writes its list.
  await fs.writeFile(
    hook,
    `const { isMainThread } = require("worker_threads");
if (isMainThread)
  process.on("exit", () =>
    require("fs").writeFileSync(process.env.LOADED_OUT, JSON.stringify(Object.keys(require.cache)))
  );
`
  );
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

const heavy = (loaded: string[]) =>
  loaded
    .map((m) => m.replace(/\\/g, "/"))
    .filter((m) =>
      /\/node_modules\/(zod|exceljs)\/|\/core\/review\/(batch-sheet|plan|sheet)\.js$|\/hosts\/xlsx\/review\.js$/.test(
        m
      )
    );

test("with two jobs the main thread loads neither the summary's builder (zod) nor the writer; the 审核汇总 is written", async () => {
  const out = path.join(dir, "two");
  const r = await runListing(
    ["check", ...SAMPLES.map(samplePath), "--out", out, "--jobs", "2"],
    path.join(dir, "two.json")
  );
  expect(r.err).not.toContain("内部错误");
  expect(r.out).toContain(`审核汇总：${path.join(out, "审核汇总.xlsx")}（3 个文件）`);
  expect((await fs.stat(path.join(out, "审核汇总.xlsx"))).size).toBeGreaterThan(0);
  // It did load the command's own modules (the listing works), not the heavy ones.
  expect(r.loaded.some((m) => /batch\.js$/.test(m))).toBe(true);
  expect(heavy(r.loaded)).toEqual([]);
});

// Without --json the rows come back without their reports: the exit code is read from their counts.
test.each(["error", "warning"])(
  "with two jobs and no --json, --fail-on %s exits as `check` does",
  async (level) => {
    for (const s of SAMPLES) {
      const plain = await runListing(
        ["check", samplePath(s), "--fail-on", level],
        path.join(dir, `plain-${s}-${level}.json`)
      );
      // Two copies: a file named twice is reviewed once, and one file takes one job.
      const inDir = path.join(dir, `in-${s}-${level}`);
      await fs.mkdir(inDir);
      for (const copy of ["a.xlsx", "b.xlsx"])
        await fs.copyFile(samplePath(s), path.join(inDir, copy));
      const out = path.join(dir, `out-${s}-${level}`);
      const batch = await runListing(
        ["check", inDir, "--out", out, "--jobs", "2", "--fail-on", level],
        path.join(dir, `batch-${s}-${level}.json`)
      );
      expect(batch.loaded.some((m) => /piscina/.test(m))).toBe(true);
      expect([s, batch.code]).toEqual([s, plain.code]);
    }
  }
);

test("with two jobs and --json the rows bring their reports: the same findings as `check --json`", async () => {
  const files = SAMPLES.map(samplePath);
  const plain = await runListing(["check", ...files, "--json"], path.join(dir, "plain-json.json"));
  const batch = await runListing(
    ["check", ...files, "--out", path.join(dir, "json"), "--jobs", "2", "--json"],
    path.join(dir, "batch-json.json")
  );
  expect(batch.loaded.some((m) => /piscina/.test(m))).toBe(true);
  const findings = (r: { out: string }) =>
    (JSON.parse(r.out) as { files: Array<{ findings: unknown }> }).files.map((f) => f.findings);
  expect(findings(batch)).toHaveLength(SAMPLES.length);
  expect(findings(batch)).toEqual(findings(plain));
});
