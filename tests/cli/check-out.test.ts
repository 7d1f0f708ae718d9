/** `check <files or folders> --out <dir>`: reviewed copies, the consolidated 审核汇总, inputs untouched, workers. */
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { BIN, SAMPLES, samplePath, runBin as run, fileHash as hash } from "../helpers";

const fixture = (f: string) => path.join(__dirname, "..", "fixtures", "review", f);
jest.setTimeout(120000);

async function sheetRows(file: string, sheet: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet)!;
  const rows: unknown[][] = [];
  ws.eachRow((r) =>
    rows.push(
      (r.values as unknown[])
        .slice(1)
        .map((v) => (v && typeof v === "object" && "text" in v ? (v as { text: unknown }).text : v))
    )
  );
  return rows;
}

let input: string;
let out: string;
let result: { code: number; out: string; err: string };
const hashes = new Map<string, string>();
beforeAll(async () => {
  input = await fs.mkdtemp(path.join(os.tmpdir(), "review-in-"));
  out = path.join(await fs.mkdtemp(path.join(os.tmpdir(), "review-out-")), "结果");
  await fs.mkdir(path.join(input, "子目录"));
  for (const s of SAMPLES)
    await fs.copyFile(
      samplePath(s),
      path.join(input, s === "xingxian-2023" ? path.join("子目录", `${s}.xlsx`) : `${s}.xlsx`)
    );
  for (const f of ["09-not-ooxml.xlsx", "70-not-a-budget.xlsx"])
    await fs.copyFile(fixture(f), path.join(input, f));
  // A budget workbook with a picture (carried over as it is), a macro workbook, and one whose XML the writer does not edit.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(samplePath("jishan-2024"));
  const png = Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
    "base64"
  );
  wb.worksheets[0].addImage(
    wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: "png" }),
    "H2:I4"
  );
  await wb.xlsx.writeFile(path.join(input, "with-picture.xlsx"));
  const zip = await JSZip.loadAsync(await fs.readFile(samplePath("jishan-2024")));
  zip.file("xl/vbaProject.bin", "macro bytes");
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace("spreadsheetml.sheet.main+xml", "sheet.macroEnabled.main+xml")
  );
  await fs.writeFile(
    path.join(input, "with-macro.xlsm"),
    await zip.generateAsync({ type: "uint8array" })
  );
  await fs.copyFile(
    path.join(__dirname, "..", "fixtures", "bad-inputs", "48-prefixed-namespace.xlsx"),
    path.join(input, "prefixed.xlsx")
  );
  await fs.writeFile(path.join(input, "~$jishan-2024.xlsx"), "lock file");
  await fs.writeFile(path.join(input, "说明.txt"), "not a workbook");
  for (const f of (await fs.readdir(input, { recursive: true })) as string[])
    if (/\.xls[xm]$/.test(f)) hashes.set(f, await hash(path.join(input, f)));
  result = await run(["check", input, "--out", out, "--jobs", "2"]);
});

test("inputs are never modified (bytes hashed before and after)", async () => {
  for (const [f, h] of hashes) expect(await hash(path.join(input, f))).toBe(h);
});

test("every budget workbook in the folder tree gets <name>.reviewed.xlsx with the review sheets first", async () => {
  for (const s of SAMPLES) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, `${s}.reviewed.xlsx`));
    expect(wb.worksheets.slice(0, 2).map((w) => w.name)).toEqual(["审核结果", "预算汇总"]);
  }
  expect(result.out).toContain(`审核汇总：${path.join(out, "审核汇总.xlsx")}（8 个文件）`);
});

test("a picture and macros are carried over as they are; a macro workbook stays .xlsm", async () => {
  const files = await fs.readdir(out);
  expect(files).toEqual(
    expect.arrayContaining(["with-picture.reviewed.xlsx", "with-macro.reviewed.xlsm"])
  );
  const pic = await JSZip.loadAsync(
    await fs.readFile(path.join(out, "with-picture.reviewed.xlsx"))
  );
  const orig = await JSZip.loadAsync(await fs.readFile(path.join(input, "with-picture.xlsx")));
  const media = Object.keys(orig.files).filter(
    (n) => n.startsWith("xl/media/") && !orig.files[n].dir
  );
  expect(media.length).toBe(1);
  for (const n of media)
    expect(await pic.file(n)!.async("base64")).toBe(await orig.file(n)!.async("base64"));
  const macro = await JSZip.loadAsync(
    await fs.readFile(path.join(out, "with-macro.reviewed.xlsm"))
  );
  expect(await macro.file("xl/vbaProject.bin")!.async("string")).toBe("macro bytes");
});

test("a package the writer does not edit (prefixed XML) gets its review sheets as a separate workbook", async () => {
  const files = await fs.readdir(out);
  expect(files).not.toContain("prefixed.reviewed.xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(out, "prefixed.审核结果.xlsx"));
  expect(wb.worksheets.map((w) => w.name)).toEqual(["审核结果", "预算汇总"]);
});

test("审核汇总.xlsx: one row per workbook, unreadable and non-budget files with the reason; exit 2 names them", async () => {
  const rows = await sheetRows(path.join(out, "审核汇总.xlsx"), "审核汇总");
  const header = rows.findIndex((r) => r[0] === "序号");
  const body = rows.slice(header + 1);
  expect(body).toHaveLength(8);
  const byFile = new Map(body.map((r) => [path.basename(String(r[1])), r]));
  expect(byFile.get("jishan-2024.xlsx")![2]).toBe("中共稷山县委组织部");
  expect(byFile.get("jishan-2024.xlsx")![11]).toBe("已审核");
  expect(byFile.get("jishan-2024.xlsx")![12]).toBe("jishan-2024.reviewed.xlsx");
  expect(byFile.get("jishan-2024.xlsx")![7]).toBeGreaterThan(0);
  expect(byFile.get("09-not-ooxml.xlsx")![11]).toBe("无法读取");
  expect(String(byFile.get("09-not-ooxml.xlsx")![13])).toMatch(/[\u4e00-\u9fa5]/);
  expect(byFile.get("70-not-a-budget.xlsx")![11]).toBe("未识别为预算表");
  expect(byFile.get("with-picture.xlsx")![11]).toBe("已审核");
  expect(byFile.get("prefixed.xlsx")![11]).toBe("已审核（另存审核表）");
  expect(String(byFile.get("prefixed.xlsx")![13])).toMatch(/不能安全地直接加注/);
  expect(result.code).toBe(2);
  expect(result.err).toContain("09-not-ooxml.xlsx");
});

test("审核汇总.xlsx layout: a count of 0 is aligned as the coloured counts beside it; a 3-line 说明 gets the height of 3 lines", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(out, "审核汇总.xlsx"));
  const ws = wb.getWorksheet("审核汇总")!;
  let zeros = 0;
  ws.eachRow((row) => {
    if (typeof row.getCell(1).value !== "number") return;
    const counts = [8, 9, 10, 11]
      .map((c) => row.getCell(c))
      .filter((c) => typeof c.value === "number");
    for (const c of counts) {
      if (c.value === 0) zeros++;
      expect([c.alignment?.horizontal, c.alignment?.vertical]).toEqual(["center", "top"]);
    }
  });
  expect(zeros).toBeGreaterThan(0); // the samples have no 警告 or no 尾差 somewhere
  // prefixed.xlsx's reason wraps to 3 lines in the 50-wide 说明 (rendered by LibreOffice: ~15.4 pt a line).
  let prefixed: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (String(row.getCell(2).value).endsWith("prefixed.xlsx")) prefixed = row;
  });
  expect(String(prefixed!.getCell(14).value).length).toBeGreaterThan(60);
  expect(prefixed!.height).toBeGreaterThanOrEqual(3 * 15.4);
});

test("without a terminal, progress is one plain line per file (no escape codes)", () => {
  const lines = result.err.split("\n").filter((l) => /^\[\d+\/8\]/.test(l));
  expect(lines).toHaveLength(8);
  expect(result.err.includes("\u001b[")).toBe(false);
});

test("--json still prints the JSON report; one job gives the same findings as two", async () => {
  const out1 = path.join(path.dirname(out), "one");
  const r = await run([
    "check",
    samplePath("jishan-2024"),
    samplePath("jincheng-chengqu-2025"),
    "--out",
    out1,
    "--jobs",
    "1",
    "--json",
  ]);
  expect(r.code).toBe(0);
  const doc = JSON.parse(r.out);
  expect(doc.files).toHaveLength(2);
  const r2 = await run([
    "check",
    samplePath("jishan-2024"),
    samplePath("jincheng-chengqu-2025"),
    "--json",
  ]);
  expect(JSON.parse(r2.out).files.map((f: { findings: unknown }) => f.findings)).toEqual(
    doc.files.map((f: { findings: unknown }) => f.findings)
  );
  // With workers the 审核汇总 is written by one of them: the same rows as one job writes (but the time of review).
  const out2 = path.join(path.dirname(out), "two");
  const two = [samplePath("jishan-2024"), samplePath("jincheng-chengqu-2025"), "--out", out2];
  expect((await run(["check", ...two, "--jobs", "2"])).code).toBe(0);
  const rowsOf = async (dir: string) =>
    JSON.stringify(await sheetRows(path.join(dir, "审核汇总.xlsx"), "审核汇总")).replace(
      /\d{4}-\d\d-\d\d[ T]\d\d:\d\d(:\d\d)?Z?/g,
      "<time>"
    );
  const one = await rowsOf(out1);
  expect(one).toContain("jincheng-chengqu-2025.reviewed.xlsx");
  expect(await rowsOf(out2)).toBe(one);
});

test("bad options are refused in Chinese", async () => {
  expect((await run(["check", samplePath("jishan-2024"), "--out"])).err).toContain(
    "选项“--out”缺少值"
  );
  expect(
    (await run(["check", samplePath("jishan-2024"), "--out", out, "--jobs", "0"])).err
  ).toContain("选项“--jobs”的值“0”无效");
  expect((await run(["check", samplePath("jishan-2024"), "--jobs", "2"])).err).toContain(
    "只用于 --out"
  );
});

test("stdout and stderr closed after the first line (`2>&1 | head -1`): the batch still writes every file and 审核汇总", async () => {
  const { spawn } = await import("child_process");
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "br-pipe-"));
  const inDir = path.join(tmp, "in");
  const outDir = path.join(tmp, "out");
  await fs.mkdir(inDir);
  for (let i = 1; i <= 6; i++)
    await fs.copyFile(samplePath("jishan-2024"), path.join(inDir, `部门 ${i}.xlsx`));
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [BIN, "check", inDir, "--out", outDir, "--jobs", "2"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    // The reader goes away after the first line, as `head -1` does (the progress lines are on stderr).
    child.stderr.once("data", () => (child.stdout.destroy(), child.stderr.destroy()));
    child.on("close", resolve);
  });
  expect(code).toBe(0);
  expect((await fs.readdir(outDir)).sort()).toEqual(
    [...[1, 2, 3, 4, 5, 6].map((i) => `部门 ${i}.reviewed.xlsx`), "审核汇总.xlsx"].sort()
  );
});
