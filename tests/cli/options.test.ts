/** The strict command line: every option from the option table, Chinese usage errors naming the argument, exit codes. */
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { execFileSync, spawn } from "child_process";
import { fileError } from "../../src/cli/load";
import { BIN, samplePath, runMain } from "../helpers";
import { CheckJsonSchema } from "../../src/core/findings/json";
import { CategorySchema } from "../../src/core/rules/rule";

const run = runMain;
const sample = samplePath("jishan-2024");

test.each([
  [["check", sample, "--fail-om", "error"], /未知选项“--fail-om”/],
  [["check", sample, "--fail-on"], /选项“--fail-on”缺少值（应为 error\|warning）/],
  [["check", sample, "--fail-on", "--json"], /选项“--fail-on”缺少值/],
  [["check", sample, "--fail-on=fatal"], /选项“--fail-on”的值“fatal”无效/],
  [["check", sample, "--min-severity", "high"], /选项“--min-severity”的值“high”无效/],
  [
    ["check", sample, "--skip", "naming,cross.nonexistent"],
    /--skip 中的“cross\.nonexistent”不是规则编号或类别编号/,
  ],
  [["check", sample, "--json=yes"], /选项“--json”不带值/],
  [["inspect", sample, "--fail-on", "error"], /选项“--fail-on”不适用于 inspect 命令/],
  [["rules", "--json"], /选项“--json”不适用于 rules 命令/],
  [["inspect", sample, sample], /inspect 命令只接受 1 个参数/],
  [["check"], /check 命令缺少参数/],
  [["chekc", sample], /未知命令“chekc”/],
  [[], /缺少命令/],
])("%j → exit 2 with one Chinese sentence naming the argument", async (args, msg) => {
  const r = await run(args as string[]);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(msg);
  expect(r.err.trim().split("\n")).toHaveLength(1);
  expect(r.out).toBe("");
});

test("--opt=value is accepted: --fail-on=error trips like --fail-on error; --skip= takes ids and categories", async () => {
  expect((await run(["check", sample, "--fail-on=error"])).code).toBe(1);
  expect((await run(["check", sample, "--fail-on", "error"])).code).toBe(1);
  const doc = CheckJsonSchema.parse(
    JSON.parse(
      (await run(["check", sample, "--json", "--skip=naming", "--skip", "cross.general-budget"]))
        .out
    )
  ).files[0];
  expect(
    "findings" in doc &&
      doc.findings.filter((f) => f.rule.startsWith("naming.") || f.rule === "cross.general-budget")
  ).toEqual([]);
});

test("--help (exit 0) lists commands, options, category ids and exit codes; --version prints the package's", async () => {
  for (const args of [["--help"], ["-h"], ["check", "--help"]]) {
    const r = await run(args);
    expect(r.code).toBe(0);
    for (const c of CategorySchema.options) expect(r.out).toContain(c);
    expect(r.out).toMatch(/退出码：0 .*1 .*2 /);
    expect(r.out).toContain("--min-severity");
  }
  const pkg = JSON.parse(
    await fs.readFile(path.join(__dirname, "..", "..", "package.json"), "utf8")
  );
  expect((await run(["--version"])).out.trim()).toBe(`budget-review ${pkg.version}`);
});

test("--min-severity error lists only errors, the counts keep everything", async () => {
  const r = await run(["check", sample, "--min-severity", "error"]);
  expect(r.out).toContain("[错误]");
  expect(r.out).not.toMatch(/\[(警告|尾差|提示)\]/);
  expect(r.out).toMatch(/尾差 [1-9]/);
});

test("the 不适用 list only at --min-severity info (the default); above it one line with the count (T32-6), which names the header's 项 too (T34-9)", async () => {
  const json = CheckJsonSchema.parse(JSON.parse((await run(["check", sample, "--json"])).out));
  const file = json.files[0];
  if ("error" in file) throw new Error(file.error.message);
  const na = file.notApplicable ?? [];
  expect(na.length).toBeGreaterThan(0);
  for (const args of [[], ["--min-severity", "info"]]) {
    const r = await run(["check", sample, ...args]);
    expect(r.out.match(/\[不适用\]/g)).toHaveLength(na.length);
    expect(r.out).not.toContain("--min-severity info 可列出）");
    // Rules and 项 (a rule's checks, per table or set) are two counts: the list says both, as the header counts 项.
    expect(r.out).toContain(
      `未检查（不适用）${na.length} 条规则（共 ${file.rules.notApplicable} 项）：`
    );
  }
  for (const level of ["error", "warning", "rounding"]) {
    const r = await run(["check", sample, "--min-severity", level]);
    expect(r.out).not.toContain("[不适用]");
    expect(r.out).toContain(
      `另有 ${na.length} 条规则不适用（共 ${file.rules.notApplicable} 项，--min-severity info 可列出）`
    );
    // The header counts both, as the tail does: 项 and the rules they belong to (T34-9).
    expect(r.out).toContain(`不适用 ${file.rules.notApplicable} 项（${na.length} 条规则））`);
  }
});

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "budget-review-opts-"));
});

test("check --json lists every input, the unusable ones with {error: {code, message}}; exit 2", async () => {
  const missing = path.join(dir, "missing.xlsx");
  const r = await run(["check", missing, sample, dir, "--json"]);
  expect(r.code).toBe(2);
  const doc = CheckJsonSchema.parse(JSON.parse(r.out));
  expect(doc.files.map((f) => f.file)).toEqual([missing, sample, dir]);
  expect(doc.files[0]).toEqual({
    file: missing,
    error: { code: "not_found", message: expect.stringMatching(/^找不到文件/) },
  });
  expect(doc.files[2]).toEqual({
    file: dir,
    error: { code: "not_regular", message: expect.stringMatching(/是文件夹/) },
  });
});

test("a FIFO is refused by its type, never opened (no blocking)", async () => {
  const fifo = path.join(dir, "pipe.xlsx");
  execFileSync("mkfifo", [fifo]);
  const r = await run(["check", fifo]);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/不是普通文件（是管道、设备或套接字）/);
});

test("file-system errors map to one Chinese sentence each", () => {
  const e = (code: string) =>
    Object.assign(new Error("EACCES: permission denied, open 'x'"), { code });
  expect(fileError("a.xlsx", e("EACCES")).message).toMatch(/没有读取“a\.xlsx”的权限/);
  expect(fileError("a.xlsx", e("EPERM")).code).toBe("permission");
  expect(fileError("a.xlsx", e("EIO")).message).toMatch(/磁盘或网络出错/);
  expect(fileError("a.xlsx", e("EWHATEVER")).message.replace("a.xlsx", "")).not.toMatch(
    /[A-Za-z]{4,}/
  );
});

test("an internal error prints one Chinese line; its detail only with --debug", async () => {
  const { errorLine } = await import("../../src/cli/errors");
  const boom = new TypeError("Cannot read properties of undefined (reading 'anchors')");
  expect(errorLine(boom, false, "a.xlsx")).toBe(
    "错误：a.xlsx：处理时发生内部错误，请加 --debug 重新运行并把输出交给开发者"
  );
  expect(errorLine(boom, true, "a.xlsx")).toContain("[debug] TypeError");
});

test("a closed pipe (| head) ends the CLI quietly", async () => {
  const child = spawn(process.execPath, [BIN, "inspect", samplePath("xingxian-2023"), "--json"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let err = "";
  child.stderr.on("data", (d) => (err += d));
  await new Promise<void>((resolve) =>
    child.stdout.once("data", () => (child.stdout.destroy(), resolve()))
  );
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  expect(err).toBe("");
  expect(code).toBe(0);
});
