/** The command line: inspect / check, their JSON documents, exit codes and one-line Chinese errors. */
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { samplePath, runMain, runBin } from "../helpers";
import { CheckJsonSchema } from "../../src/core/findings/json";

/** A check --json document whose files were all reviewed (an unusable file fails the test with its message). */
function parseCheck(out: string) {
  const doc = CheckJsonSchema.parse(JSON.parse(out));
  return {
    ...doc,
    files: doc.files.map((f) => {
      if ("error" in f) throw new Error(f.error.message);
      return f;
    }),
  };
}

const run = runMain;

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "budget-review-"));
  await fs.writeFile(path.join(dir, "notes.xlsx"), "这不是工作簿");
  await fs.writeFile(
    path.join(dir, "old.xlsx"),
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])
  );
  await fs.writeFile(
    path.join(dir, "broken.xlsx"),
    Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(200, 7)])
  );
});

test("inspect --json: one document with file, tables (one per table), unrecognized and the model", async () => {
  const r = await run(["inspect", samplePath("xingxian-2023"), "--json"]);
  expect(r.code).toBe(0);
  const doc = JSON.parse(r.out);
  expect(Object.keys(doc)).toEqual(["file", "tables", "unrecognized", "model"]);
  expect(doc.tables.filter((t: { kind: string }) => t.kind === "performance_target")).toHaveLength(
    84
  );
  expect(doc.tables[0]).toEqual({
    sheet: "预算公开表1",
    range: "A1:F39",
    kind: "income_expenditure_summary",
    title: "2023年预算收支总表",
    rows: 41,
  });
  expect(doc.model.tables).toHaveLength(doc.tables.length);
});

test("inspect without --json prints the tables in Chinese", async () => {
  const r = await run(["inspect", samplePath("jishan-2024")]);
  expect(r.out).toContain("识别的表格：18 张");
  expect(r.out).toContain("预算公开表5!A1:E29  一般公共预算支出表");
  // The kinds' internal ids (income_expenditure_summary …) are for --json, not for the reviewer's screen.
  expect(r.out).not.toMatch(/\[[a-z_]+\]/);
  expect(r.out).not.toContain("general_budget_expenditure");
});

test("check --json over several files: exactly one JSON document in the documented shape", async () => {
  const r = await run([
    "check",
    samplePath("jishan-2024"),
    samplePath("jincheng-chengqu-2025"),
    "--json",
  ]);
  expect(r.code).toBe(0);
  const doc = parseCheck(r.out);
  expect(doc.files.map((f) => f.department)).toEqual([
    "中共稷山县委组织部",
    "中国共产党晋城市城区委员会组织部",
  ]);
  const f = doc.files[0].findings[0];
  expect(Object.keys(f)).toEqual([
    "rule",
    "severity",
    "message",
    "cells",
    "expected",
    "actual",
    "difference",
    "unit",
  ]);
  expect(doc.files[0].rules.checked).toBeGreaterThan(100);
});

test("check without --json: counts by severity, then findings", async () => {
  const r = await run(["check", samplePath("jishan-2024")]);
  expect(r.out).toMatch(/审核结果：错误 \d+，警告 \d+，尾差 \d+，提示 \d+/);
  expect(r.out).toContain("[错误]");
});

test("--fail-on error exits 1 when errors were found, 0 when only rounding/info", async () => {
  expect((await run(["check", samplePath("jishan-2024"), "--fail-on", "error"])).code).toBe(1);
  expect(
    (await run(["check", samplePath("jincheng-chengqu-2025"), "--fail-on", "warning"])).code
  ).toBe(1);
  expect((await run(["check", samplePath("jishan-2024"), "--fail-on", "nonsense"])).code).toBe(2);
});

test.each([
  ["missing.xlsx", /找不到文件/],
  ["notes.xlsx", /是纯文本文件，不是工作簿：请在 Excel 或 WPS 中打开后另存为/],
  ["old.xlsx", /旧版复合文档格式，但结构已损坏/],
  ["broken.xlsx", /文件不完整/],
])("unusable input %s: one Chinese line, exit 2, no stack trace", async (file, msg) => {
  const r = await run(["check", path.join(dir, file)]);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(msg);
  expect(r.err.trim().split("\n")).toHaveLength(1);
  expect(r.err).not.toMatch(/\bat .*\(/);
  const i = await run(["inspect", path.join(dir, file)]);
  expect(i.code).toBe(2);
  expect(i.err).toMatch(msg);
});

test("the installed bin pipes a large JSON document whole (no truncation at exit)", async () => {
  const r = await runBin(["inspect", samplePath("xingxian-2023"), "--json"]);
  expect(r.code).toBe(0);
  expect(r.out.length).toBeGreaterThan(100000);
  expect(JSON.parse(r.out).tables).toHaveLength(97);
});

import { writeXlsx } from "../../src/hosts/xlsx/write";
import { STYLES, buildVariant } from "../fixtures/variants";
test.each(STYLES.map((s) => [s.name, s] as const))(
  "a %s workbook written as .xlsx: check finds every table and nothing serious",
  async (_n, style) => {
    const v = buildVariant(style);
    const file = path.join(dir, `variant-${STYLES.indexOf(style)}.xlsx`);
    await fs.writeFile(file, await writeXlsx(v.grids.map((grid) => ({ grid }))));
    const r = await run(["check", file, "--json"]);
    expect(r.code).toBe(0);
    const doc = parseCheck(r.out);
    expect(doc.files[0].tables.map((t) => t.kind)).toEqual(v.expected.map((e) => e.kind));
    expect(
      doc.files[0].findings.filter((f) => f.severity === "error" || f.severity === "warning")
    ).toEqual([]);
  }
);

import { gridFromRows } from "../../src/core/grid/grid";
test("the .xlsx host reports hidden sheets and keeps merges, text amounts and number formats", async () => {
  const visible = gridFromRows(
    "收支",
    [["部门支出总表"], ["科目编码", "科目名称", "合计"], ["合计", "", "1,705.54"]],
    { merges: [{ r0: 0, c0: 0, r1: 0, c1: 2 }] }
  );
  const hidden = { ...gridFromRows("底稿", [["x", 1]]), visibility: "hidden" as const };
  const file = path.join(dir, "hidden.xlsx");
  await fs.writeFile(file, await writeXlsx([{ grid: visible }, { grid: hidden }]));
  const r = await run(["inspect", file, "--json"]);
  const doc = JSON.parse(r.out);
  expect(doc.model.hiddenSheets).toEqual(["底稿"]);
  expect(doc.model.tables[0].rows[0].amounts.total).toMatchObject({
    value: 1705.54,
    text: "1,705.54",
    cell: "收支!C3",
  });
  expect((await run(["inspect", file])).out).toContain("隐藏的工作表：底稿");
});

test("--skip leaves out rules by id or by category", async () => {
  const all = parseCheck((await run(["check", samplePath("jishan-2024"), "--json"])).out).files[0];
  const some = parseCheck(
    (
      await run([
        "check",
        samplePath("jishan-2024"),
        "--json",
        "--skip",
        "naming,cross.general-budget",
      ])
    ).out
  ).files[0];
  expect(
    all.findings.some((f) => f.rule.startsWith("naming.") || f.rule === "cross.general-budget")
  ).toBe(true);
  expect(
    some.findings.filter((f) => f.rule.startsWith("naming.") || f.rule === "cross.general-budget")
  ).toEqual([]);
  expect(some.rules.checked).toBeLessThan(all.rules.checked);
});

test("the .xlsx host reads a formula cell's cached result and a rich-text label", async () => {
  const wb = new (await import("exceljs")).default.Workbook();
  const ws = wb.addWorksheet("支出");
  ws.addRow(["部门支出总表"]);
  ws.addRow(["科目编码", "科目名称", "合计", "基本支出", "项目支出"]);
  ws.addRow([
    { richText: [{ text: "合" }, { text: "计" }] },
    "",
    { formula: "SUM(C4:C4)", result: 30 },
    { formula: "D4", result: 20 },
    10,
  ]);
  ws.addRow(["201", "一般公共服务支出", 30, 20, 10]);
  const file = path.join(dir, "formula.xlsx");
  await wb.xlsx.writeFile(file);
  const doc = JSON.parse((await run(["inspect", file, "--json"])).out);
  const total = doc.model.tables[0].rows[0];
  expect(total).toMatchObject({ label: "合计", key: "total" });
  expect(total.amounts.total).toMatchObject({ value: 30, cell: "支出!C3" });
});

// tester29 T29-8: `check <folder>` without --out was refused ("是文件夹，不是工作簿") though --help lists folders.
test("check <folder> without --out reviews the folder's workbooks (sorted, our outputs skipped) and writes nothing", async () => {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), "check-folder-"));
  await fs.mkdir(path.join(folder, "乙局"));
  await fs.copyFile(samplePath("jishan-2024"), path.join(folder, "乙局", "b.xlsx"));
  await fs.copyFile(samplePath("jincheng-chengqu-2025"), path.join(folder, "a.xlsx"));
  await fs.copyFile(samplePath("jishan-2024"), path.join(folder, "a.reviewed.xlsx"));
  await fs.writeFile(path.join(folder, "说明.txt"), "x");
  const before = (await fs.readdir(folder, { recursive: true })).sort();
  const r = await run(["check", folder, "--json"]);
  expect(r.code).toBe(0);
  expect(parseCheck(r.out).files.map((f) => path.relative(folder, f.file))).toEqual([
    "a.xlsx",
    path.join("乙局", "b.xlsx"),
  ]);
  expect((await fs.readdir(folder, { recursive: true })).sort()).toEqual(before);
  const empty = await fs.mkdtemp(path.join(os.tmpdir(), "check-empty-"));
  const e = await run(["check", empty]);
  expect(e.code).toBe(2);
  expect(e.err).toMatch(/中没有找到工作簿文件/);
  // inspect reads one workbook: a folder is pointed to check, which takes it with or without --out (T29B-14).
  const i = await run(["inspect", empty]);
  expect(i.code).toBe(2);
  expect(i.err).toContain("审核整个文件夹：check <文件夹>，加 --out <输出文件夹> 写出审核后的副本");
});
