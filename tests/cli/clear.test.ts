/**
 * `clear <files or folders> --out <dir>` (T26A-3): a reviewed copy back as the original — every part byte for byte
 * but the styles — for one file or a folder; the inputs untouched; files with nothing of ours, the separate 审核结果
 * workbook of an .xls, an .xls itself and a missing file each get one Chinese sentence, never a copy.
 */
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { unzipSync } from "fflate";
import { samplePath, runBin as run, fileHash as hash } from "../helpers";

const legacy = path.join(__dirname, "..", "fixtures", "legacy", "14f-general-number-format.xls");
jest.setTimeout(180000);

let dir: string;
let reviewed: string;
let summary: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "clear-"));
  const r = await run([
    "check",
    samplePath("jishan-2024"),
    legacy,
    "--out",
    path.join(dir, "rev"),
    "--jobs",
    "1",
  ]);
  expect(r.code).toBe(0);
  reviewed = path.join(dir, "rev", "jishan-2024.reviewed.xlsx");
  summary = path.join(dir, "rev", "审核汇总.xlsx");
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

test("a reviewed copy cleared is the original again, part for part (the styles keep unused formats); the input is untouched", async () => {
  const before = await hash(reviewed);
  const r = await run(["clear", reviewed, "--out", path.join(dir, "one")]);
  expect(r.code).toBe(0);
  const copy = path.join(dir, "one", "jishan-2024.cleared.xlsx");
  expect(r.out).toContain(`${reviewed} → ${copy}（去掉审核表 2 张、标记用的条件格式 `);
  expect(r.out).toContain("清除标记：写出 1 个副本（共 1 个文件），原文件未改动");
  expect(await hash(reviewed)).toBe(before);
  const original = unzipSync(new Uint8Array(await fs.readFile(samplePath("jishan-2024"))));
  const cleared = unzipSync(new Uint8Array(await fs.readFile(copy)));
  expect(Object.keys(cleared).sort()).toEqual(Object.keys(original).sort());
  const differ = Object.keys(original).filter(
    (p) => !Buffer.from(cleared[p]).equals(Buffer.from(original[p]))
  );
  expect(differ).toEqual(["xl/styles.xml"]);
});

test("a folder: reviewed copies are cleared, our 审核汇总 is left out, a workbook with no review is named and not copied", async () => {
  const folder = path.join(dir, "batch");
  await fs.mkdir(folder);
  await fs.copyFile(reviewed, path.join(folder, "jishan-2024.reviewed.xlsx"));
  await fs.copyFile(summary, path.join(folder, "审核汇总.xlsx"));
  await fs.copyFile(samplePath("xingxian-2023"), path.join(folder, "xingxian-2023.xlsx"));
  const r = await run(["clear", folder, "--out", path.join(folder, "out")]);
  expect(r.code).toBe(0);
  expect(r.out).not.toContain("审核汇总.xlsx");
  expect(r.out).toContain(
    `${path.join(folder, "xingxian-2023.xlsx")}：没有本工具的审核标记、批注或审核表，未写出副本`
  );
  expect(await fs.readdir(path.join(folder, "out"))).toEqual(["jishan-2024.cleared.xlsx"]);
  expect(r.out).toContain("写出 1 个副本（共 2 个文件）");
});

test("a file of the user's under the copy's name is never replaced: the copy takes (2)", async () => {
  const out = path.join(dir, "taken");
  await fs.mkdir(out);
  const mine = path.join(out, "jishan-2024.cleared.xlsx");
  await fs.writeFile(mine, "用户自己的文件");
  const r = await run(["clear", reviewed, "--out", out]);
  expect(r.code).toBe(0);
  expect(await fs.readFile(mine, "utf8")).toBe("用户自己的文件");
  expect(r.out).toContain(path.join(out, "jishan-2024(2).cleared.xlsx"));
});

test("the separate 审核结果 workbook of an .xls, the .xls itself and a missing file: one sentence each, no copy", async () => {
  const own = path.join(dir, "rev", "14f-general-number-format.审核结果.xlsx");
  const missing = path.join(dir, "没有这个文件.xlsx");
  const out = path.join(dir, "none");
  const r = await run(["clear", own, legacy, missing, "--out", out]);
  expect(r.code).toBe(2);
  expect(r.out).toContain(`${own}：这是单独保存的审核结果工作簿`);
  expect(r.out).toContain(
    `${legacy}：原文件为 .xls（Excel 97-2003）格式，本工具不在这种文件上加标记`
  );
  expect(r.err).toContain(`错误：${missing}：`);
  expect(r.err).not.toMatch(/at .*\.js:\d+/);
  expect(await fs.readdir(out)).toEqual([]);
});

test("clear without --out is a usage error: nothing is ever written over the input", async () => {
  const before = await hash(reviewed);
  const r = await run(["clear", reviewed]);
  expect(r.code).toBe(2);
  expect(r.err).toContain("clear 命令须用 --out 目录");
  expect(await hash(reviewed)).toBe(before);
});

test("an output folder that is a file: one Chinese sentence, as check --out says it (T27-3)", async () => {
  const file = path.join(dir, "是文件.txt");
  await fs.writeFile(file, "x");
  const r = await run(["clear", reviewed, "--out", file]);
  expect(r.code).toBe(2);
  expect(r.err).toContain("已有同名文件");
  expect(r.err).not.toContain("内部错误");
});

test("cleared in place twice: the second walk leaves the first copy out (T27-6)", async () => {
  const folder = path.join(dir, "again");
  await fs.mkdir(folder);
  await fs.copyFile(reviewed, path.join(folder, "jishan-2024.reviewed.xlsx"));
  expect((await run(["clear", folder, "--out", folder])).code).toBe(0);
  const second = await run(["clear", folder, "--out", folder]);
  expect(second.out).not.toContain("jishan-2024.cleared.xlsx：");
  expect(second.out).toContain("（共 1 个文件）");
});

test("cleared twice into one folder: the re-run replaces its own copy, as check --out does; a workbook of the user's under that name is kept", async () => {
  const out = path.join(dir, "twice");
  expect((await run(["clear", reviewed, "--out", out])).code).toBe(0);
  const copy = path.join(out, "jishan-2024.cleared.xlsx");
  const again = await run(["clear", reviewed, "--out", out]);
  expect(again.code).toBe(0);
  expect(again.out).toContain(`${reviewed} → ${copy}（`);
  expect(await fs.readdir(out)).toEqual(["jishan-2024.cleared.xlsx"]);
  // A real workbook of the user's under the copy's name (here the original itself) is not ours: kept, ours takes (2).
  await fs.copyFile(samplePath("jishan-2024"), copy);
  const theirs = await hash(copy);
  const third = await run(["clear", reviewed, "--out", out]);
  expect(third.out).toContain(path.join(out, "jishan-2024(2).cleared.xlsx"));
  expect(await hash(copy)).toBe(theirs);
});
