/**
 * What a newcomer met with `check … --out`: a workbook of the user's named 审核汇总.xlsx, the same file named twice, a
 * reviewed copy checked again, the reader's notes and `--json` with `--out`, a sheet of the user's named 审核结果,
 * and an output folder that is a file. Each one: no data lost, the same result as `check`, one Chinese sentence.
 */
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { execFile } from "child_process";
import ExcelJS from "exceljs";
import { BIN, samplePath, runBin as run, fileHash as hash } from "../helpers";

const badInput = (f: string) => path.join(__dirname, "..", "fixtures", "bad-inputs", f);
jest.setTimeout(120000);

const findingsOf = (json: string) =>
  (
    JSON.parse(json) as {
      files: Array<{ findings: Array<{ rule: string; severity: string; message: string }> }>;
    }
  ).files.map((f) => f.findings.map((x) => `${x.severity} ${x.rule} ${x.message}`));

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "outputs-"));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

test("a workbook of the user's named 审核汇总.xlsx is reviewed and never overwritten; our own summary is replaced on the next run", async () => {
  const mine = path.join(dir, "审核汇总.xlsx");
  await fs.copyFile(samplePath("jishan-2024"), mine);
  await fs.copyFile(samplePath("jincheng-chengqu-2025"), path.join(dir, "b.xlsx"));
  const before = await hash(mine);
  const first = await run(["check", dir, "--out", dir]);
  expect(first.out).toContain(`审核汇总：${path.join(dir, "审核汇总(2).xlsx")}（2 个文件）`);
  expect(await hash(mine)).toBe(before);
  expect(first.out).toContain("审核汇总.reviewed.xlsx");
  // Again: 审核汇总(2).xlsx is ours — not an input, and replaced in place.
  const second = await run(["check", dir, "--out", dir]);
  expect(second.out).toContain(`审核汇总：${path.join(dir, "审核汇总(2).xlsx")}（2 个文件）`);
  expect(await hash(mine)).toBe(before);
  expect((await fs.readdir(dir)).filter((f) => f.startsWith("审核汇总(")).sort()).toEqual([
    "审核汇总(2).xlsx",
  ]);
});

test("the same file named twice (or by another path) is reviewed once", async () => {
  const r = await run([
    "check",
    samplePath("jishan-2024"),
    samplePath("jishan-2024"),
    path.relative(process.cwd(), samplePath("jishan-2024")),
    "--out",
    dir,
  ]);
  expect(r.out).toContain("（1 个文件）");
  expect((await fs.readdir(dir)).sort()).toEqual(["jishan-2024.reviewed.xlsx", "审核汇总.xlsx"]);
});

test("a reviewed copy checked again (without --out) gives the original's findings: 审核结果 and 预算汇总 are no budget tables", async () => {
  await run(["check", samplePath("jishan-2024"), "--out", dir]);
  const original = await run(["check", samplePath("jishan-2024"), "--json"]);
  const again = await run(["check", path.join(dir, "jishan-2024.reviewed.xlsx"), "--json"]);
  expect(findingsOf(again.out)).toEqual(findingsOf(original.out));
  const inspected = await run(["inspect", path.join(dir, "jishan-2024.reviewed.xlsx")]);
  expect(inspected.out).not.toContain("预算汇总!");
  expect(inspected.out).not.toContain("审核结果!");
});

test("a reviewed copy reviewed again is <name>.reviewed.xlsx (never .reviewed.reviewed), and never written over an input", async () => {
  await run(["check", samplePath("jishan-2024"), "--out", dir]);
  const copy = path.join(dir, "jishan-2024.reviewed.xlsx");
  const before = await hash(copy);
  const original = await run(["check", samplePath("jishan-2024"), "--json"]);
  // Into another folder: the same name, the previous review replaced, the same findings.
  const other = path.join(dir, "again");
  const r = await run(["check", copy, "--out", other, "--json"]);
  expect(findingsOf(r.out)).toEqual(findingsOf(original.out));
  expect((await fs.readdir(other)).sort()).toEqual(["jishan-2024.reviewed.xlsx", "审核汇总.xlsx"]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(other, "jishan-2024.reviewed.xlsx"));
  expect(wb.worksheets.filter((w) => w.name === "审核结果")).toHaveLength(1);
  // Into its own folder: that name is the input itself — the next free name, the input untouched.
  const same = await run(["check", copy, "--out", dir]);
  expect(same.code).toBe(0);
  expect(await hash(copy)).toBe(before);
  expect(same.out).toContain("jishan-2024(2).reviewed.xlsx");
  // With the original beside it: neither input is written over, whatever the order.
  const orig = path.join(dir, "jishan-2024.xlsx");
  await fs.copyFile(samplePath("jishan-2024"), orig);
  const origHash = await hash(orig);
  for (const order of [
    [copy, orig],
    [orig, copy],
  ]) {
    const both = await run(["check", ...order, "--out", dir]);
    expect(both.out).toContain("（2 个文件）");
    expect(await hash(copy)).toBe(before);
    expect(await hash(orig)).toBe(origHash);
  }
  expect((await fs.readdir(dir)).filter((f) => f.includes(".reviewed.reviewed"))).toEqual([]);
});

test("--out says what the reader noticed, as check does, and --json with --out is check's document", async () => {
  for (const f of ["51-duplicate-sheet-names.xlsx", "25b-openpyxl-sum-formulas.xlsx"]) {
    const plain = await run(["check", badInput(f), "--json"]);
    const out = await run(["check", badInput(f), "--out", path.join(dir, f), "--json"]);
    expect(JSON.parse(out.out).version).toBe(JSON.parse(plain.out).version);
    expect(findingsOf(out.out)).toEqual(findingsOf(plain.out));
    expect(findingsOf(out.out)[0].some((x) => x.includes("input.read-notes"))).toBe(true);
  }
  // An unreadable file is an entry with its error (as check --json), and exit 2.
  const trunc = await run([
    "check",
    badInput("10-trunc-1000.xlsx"),
    samplePath("jishan-2024"),
    "--out",
    path.join(dir, "t"),
    "--json",
  ]);
  const doc = JSON.parse(trunc.out) as {
    files: Array<{ file: string; error?: { code: string; message: string } }>;
  };
  expect(trunc.code).toBe(2);
  expect(doc.files).toHaveLength(2);
  expect(doc.files[0].error).toEqual({
    code: "truncated",
    message: expect.stringContaining("文件不完整"),
  });
});

test("a sheet of the user's named 审核结果 is never replaced: the review goes to a workbook of its own, with the reason", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(samplePath("jishan-2024"));
  wb.addWorksheet("审核结果").getCell("A1").value = "我自己的审核意见";
  const file = path.join(dir, "mine.xlsx");
  await wb.xlsx.writeFile(file);
  const before = await hash(file);
  const r = await run(["check", file, "--out", path.join(dir, "out")]);
  expect(r.out).toContain(
    "mine.审核结果.xlsx（原工作簿的结构不能安全地直接加注（原工作簿中已有名为“审核结果”的工作表"
  );
  expect(await fs.readdir(path.join(dir, "out"))).not.toContain("mine.reviewed.xlsx");
  expect(await hash(file)).toBe(before);
});

test("check --out finds the same causes as check, HiGHS's included (m-neg: a cause only the MIP step finds)", async () => {
  const file = path.join(__dirname, "..", "fixtures", "newcomer2", "m-neg.xlsx");
  type Doc = { files: Array<{ causes: Array<{ method: string; message: string }> }> };
  const plain = (JSON.parse((await run(["check", file, "--json"])).out) as Doc).files[0].causes;
  const written = (
    JSON.parse((await run(["check", file, "--out", path.join(dir, "mip"), "--json"])).out) as Doc
  ).files[0].causes;
  expect(plain.map((c) => c.method)).toContain("mip");
  expect(written).toEqual(plain);
});

test("an output folder that is a file: one Chinese sentence, exit 2", async () => {
  const file = path.join(dir, "a-file");
  await fs.writeFile(file, "x");
  const r = await run(["check", samplePath("jishan-2024"), "--out", file]);
  expect(r.code).toBe(2);
  expect(r.err.trim()).toBe(
    `错误：“${file}”不是文件夹（已有同名文件），请换一个输出文件夹（--out）`
  );
});

test("an output folder under a file, or where nothing can be made: one sentence naming it, exit 2 — never a hang", async () => {
  const file = path.join(dir, "b-file");
  await fs.writeFile(file, "x");
  const r = await run(["check", samplePath("jishan-2024"), "--out", path.join(file, "审核")]);
  expect(r.code).toBe(2);
  expect(r.err.trim()).toBe(
    `错误：“${file}”不是文件夹（已有同名文件），请换一个输出文件夹（--out）`
  );
  // Node 20's recursive mkdir loops forever on /proc/x (EEXIST from /proc again and again); the folder is made by hand.
  if (process.platform === "linux") {
    const p = await run(["check", samplePath("jishan-2024"), "--out", "/proc/budget-review-out"]);
    expect(p.code).toBe(2);
    expect(p.err.trim()).toBe("错误：无法建立输出文件夹“/proc/budget-review-out”");
  }
});

test("nothing to review says so: an empty folder, an empty file, Excel's lock file", async () => {
  const empty = path.join(dir, "空文件夹");
  await fs.mkdir(empty);
  const r = await run(["check", empty, "--out", path.join(dir, "out")]);
  expect(r.code).toBe(2);
  expect(r.err).toContain("中没有找到工作簿文件");
  await expect(fs.stat(path.join(dir, "out"))).rejects.toThrow();
  await fs.writeFile(path.join(dir, "空.xlsx"), "");
  expect((await run(["check", path.join(dir, "空.xlsx")])).err).toContain("文件是空的（0 字节）");
  await fs.writeFile(path.join(dir, "~$预算.xlsx"), "\u0006张三");
  expect((await run(["check", path.join(dir, "~$预算.xlsx")])).err).toContain(
    "是 Excel 打开工作簿时生成的锁定文件，不是工作簿：请审核“预算.xlsx”本身"
  );
});

test("j.xls beside j.xlsx: j.审核结果.xlsx and j.reviewed.xlsx, no (2) for a name nothing else uses", async () => {
  const input = path.join(dir, "in");
  await fs.mkdir(input);
  await fs.copyFile(
    path.join(__dirname, "..", "fixtures", "legacy", "jishan-2024.xls"),
    path.join(input, "j.xls")
  );
  await fs.copyFile(samplePath("jishan-2024"), path.join(input, "j.xlsx"));
  await fs.copyFile(
    path.join(__dirname, "..", "fixtures", "legacy", "jincheng-chengqu-2025.ods"),
    path.join(input, "k.ods")
  );
  await fs.copyFile(samplePath("jincheng-chengqu-2025"), path.join(input, "K.xlsx"));
  const out = path.join(dir, "out");
  const r = await run(["check", input, "--out", out, "--jobs", "1"]);
  expect(r.code).toBe(0);
  expect((await fs.readdir(out)).sort()).toEqual(
    [
      "K.reviewed.xlsx",
      "j.reviewed.xlsx",
      "j.审核结果.xlsx",
      "k.审核结果.xlsx",
      "审核汇总.xlsx",
    ].sort()
  );
});

test("check --out --json: each input's entry says the file written for it", async () => {
  const input = path.join(dir, "in");
  await fs.mkdir(path.join(input, "a"), { recursive: true });
  await fs.mkdir(path.join(input, "b"));
  await fs.copyFile(samplePath("jishan-2024"), path.join(input, "a", "jishan-2024.xlsx"));
  await fs.copyFile(samplePath("jishan-2024"), path.join(input, "b", "jishan-2024.xlsx"));
  await fs.copyFile(
    path.join(__dirname, "..", "fixtures", "legacy", "jincheng-chengqu-2025.ods"),
    path.join(input, "c.ods")
  );
  const out = path.join(dir, "out");
  const r = await run(["check", input, "--out", out, "--json"]);
  const files = (JSON.parse(r.out) as { files: Array<{ file: string; output?: string }> }).files;
  expect(
    files.map((f) => [path.relative(input, f.file), f.output && path.relative(out, f.output)])
  ).toEqual([
    [path.join("a", "jishan-2024.xlsx"), "jishan-2024.reviewed.xlsx"],
    [path.join("b", "jishan-2024.xlsx"), "jishan-2024(2).reviewed.xlsx"],
    ["c.ods", "c.审核结果.xlsx"],
  ]);
  for (const f of files) await fs.access(f.output!);
});

test("Ctrl-C during a batch: one line saying how many were written, exit 130, no temporary or half file, no 审核汇总", async () => {
  const input = path.join(dir, "in");
  await fs.mkdir(input);
  for (let i = 0; i < 40; i++)
    await fs.copyFile(
      samplePath("xingxian-2023"),
      path.join(input, `x${String(i).padStart(2, "0")}.xlsx`)
    );
  const out = path.join(dir, "out");
  const child = execFile(process.execPath, [BIN, "check", input, "--out", out, "--jobs", "1"]);
  let err = "";
  const ended = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  child.stderr!.on("data", (d) => {
    err += String(d);
    // After the second file is done: interrupt while the third is being reviewed or written.
    if (/^\[2\/40\]/m.test(err) && !child.killed) child.kill("SIGINT");
  });
  const code = await ended;
  expect(code).toBe(130);
  const written = (await fs.readdir(out)).filter((f) => f.endsWith(".reviewed.xlsx"));
  const m =
    /已中断：共 40 个文件，已审核 (\d+) 个，已写出 (\d+) 个审核文件到“[^”]+”；未写出审核汇总。/.exec(
      err
    );
  expect(m).toBeTruthy();
  expect(Number(m![2])).toBeGreaterThanOrEqual(2);
  // A copy renamed into place just before the signal may not be counted yet: never fewer files than said.
  expect(written.length).toBeGreaterThanOrEqual(Number(m![2]));
  expect(written.length).toBeLessThanOrEqual(Number(m![2]) + 1);
  expect((await fs.readdir(out)).filter((f) => !f.endsWith(".reviewed.xlsx"))).toEqual([]);
  for (const f of written) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, f)); // every file there is whole
    expect(wb.worksheets[0].name).toBe("审核结果");
  }
});
