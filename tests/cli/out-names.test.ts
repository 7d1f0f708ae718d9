/**
 * Output names (newcomer 2): a file of the user's in the output folder named like our reviewed copy is never
 * overwritten (ours takes (2), and a re-run replaces ours, not theirs); a very long input name still gets its
 * reviewed copy (the name cut to fit the file system); names differing only in case are different outputs.
 */
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { samplePath, runBin as run, fileHash as hash } from "../helpers";
import { fitName, outputNamer } from "../../src/cli/out-names";

jest.setTimeout(120000);

let dir: string;
beforeEach(async () => (dir = await fs.mkdtemp(path.join(os.tmpdir(), "out-names-"))));
afterEach(async () => fs.rm(dir, { recursive: true, force: true }));

test("a user's file named like our reviewed copy is kept; ours goes beside it, and a re-run replaces only ours", async () => {
  const out = path.join(dir, "out");
  await fs.mkdir(out);
  const theirs = path.join(out, "jishan-2024.reviewed.xlsx");
  await fs.copyFile(samplePath("jincheng-chengqu-2025"), theirs);
  const before = await hash(theirs);
  for (let i = 0; i < 2; i++) {
    expect((await run(["check", samplePath("jishan-2024"), "--out", out])).code).toBeLessThan(2);
    expect(await hash(theirs)).toBe(before);
  }
  expect((await fs.readdir(out)).sort()).toEqual([
    "jishan-2024(2).reviewed.xlsx",
    "jishan-2024.reviewed.xlsx",
    "审核汇总.xlsx",
  ]);
  // Our previous reviewed copy (first run without a clash) is replaced in place.
  const out2 = path.join(dir, "out2");
  expect((await run(["check", samplePath("jishan-2024"), "--out", out2])).code).toBeLessThan(2);
  expect((await run(["check", samplePath("jishan-2024"), "--out", out2])).code).toBeLessThan(2);
  expect((await fs.readdir(out2)).sort()).toEqual(["jishan-2024.reviewed.xlsx", "审核汇总.xlsx"]);
});

test("an input whose name fills the file system's limit still gets its reviewed copy", async () => {
  const stem = "部门预算".repeat(20) + "xxxxx"; // 245 bytes of UTF-8: with .reviewed.xlsx over 255
  const input = path.join(dir, `${stem}.xlsx`);
  await fs.copyFile(samplePath("jishan-2024"), input);
  const out = path.join(dir, "out");
  expect((await run(["check", input, "--out", out])).code).toBeLessThan(2);
  const written = (await fs.readdir(out)).filter((n) => n.endsWith(".reviewed.xlsx"));
  expect(written).toHaveLength(1);
  expect(Buffer.byteLength(written[0])).toBeLessThanOrEqual(255);
  expect(written[0].startsWith("部门预算部门预算")).toBe(true);
  expect(written[0]).toMatch(/….reviewed.xlsx$/);
});

test("fitName cuts whole characters; names are free case-insensitively and never an input", () => {
  expect(fitName("a", ".reviewed.xlsx")).toBe("a.reviewed.xlsx");
  const long = fitName("预".repeat(300), ".reviewed.xlsx");
  expect(Buffer.byteLength(long)).toBeLessThanOrEqual(255);
  expect(long.endsWith("….reviewed.xlsx")).toBe(true);
  const namer = outputNamer(dir, [path.join(dir, "x.reviewed.xlsx")], () => true);
  expect(namer.name("Report", ".reviewed.xlsx")).toBe("Report.reviewed.xlsx");
  expect(namer.name("report", ".reviewed.xlsx")).toBe("report(2).reviewed.xlsx");
  expect(namer.name("x", ".reviewed.xlsx")).toBe("x(2).reviewed.xlsx");
});
