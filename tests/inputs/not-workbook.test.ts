/**
 * A file that is no workbook — CSV / tab-separated text (UTF-8 or GBK, as LibreOffice and Chinese Excel save a
 * sheet), a PDF or a picture of the tables —, under its own extension or renamed .xlsx: one Chinese sentence saying
 * what the file is and what to do (另存为 .xlsx), never "not .xlsx" (.xls, .ods and .xlsb are read). Fixtures in
 * tests/fixtures/not-workbook were made from samples/jishan-2024.xlsx's first sheet with LibreOffice.
 */
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { runMain } from "../helpers";
import { describeNotWorkbook } from "../../src/hosts/xlsx/not-workbook";

const fixture = (f: string) => path.join(__dirname, "..", "fixtures", "not-workbook", f);
let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "not-workbook-"));
});

const CASES: Array<[string, RegExp]> = [
  ["jishan-table1.csv", /是 CSV 文本文件.*另存为“Excel 工作簿（\.xlsx）”/],
  ["jishan-table1.gbk.csv", /是 CSV 文本文件.*另存为“Excel 工作簿（\.xlsx）”/],
  ["jishan-table1.tsv", /是制表符分隔的文本文件.*另存为“Excel 工作簿（\.xlsx）”/],
  ["jishan-table1.pdf", /是 PDF 文件，不是工作簿.*索取.*Excel 原文件/],
  ["jishan-table1.png", /是 PNG 图片，不是工作簿/],
];

describe.each(CASES)("%s", (name, message) => {
  test.each([
    ["as it is", false],
    ["renamed .xlsx", true],
  ])("%s: exit 2, one sentence naming what it is", async (_how, renamed) => {
    let file = fixture(name);
    if (renamed) {
      file = path.join(dir, `${name.replace(/\./g, "-")}.xlsx`);
      await fs.copyFile(fixture(name), file);
    }
    const r = await runMain(["check", file]);
    expect(r.code).toBe(2);
    const lines = r.err.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(lines[0]).not.toMatch(/不是 \.xlsx|Excel 2007/);
    const j = JSON.parse((await runMain(["check", file, "--json"])).out);
    expect(j.files[0].error).toEqual({ code: "not_xlsx", message: expect.stringMatching(message) });
  });
});

test("a JSON file (an extraction, a system's export) is named JSON, not CSV (tester31 T31-27)", async () => {
  for (const name of ["extraction.json", "extraction.xlsx"]) {
    const file = path.join(dir, name);
    await fs.writeFile(
      file,
      JSON.stringify(
        { department: "清河县财政局", tables: [{ title: "收支总表", rows: [[1, 2]] }] },
        null,
        1
      )
    );
    const r = await runMain(["check", file]);
    expect(r.code).toBe(2);
    expect(r.err.trim()).toMatch(/是 JSON 数据文件，不是工作簿.*Excel 原文件/);
    expect(r.err).not.toMatch(/CSV/);
  }
  // A CSV whose first field starts with a bracket is still CSV.
  const csv = path.join(dir, "brackets.csv");
  await fs.writeFile(csv, "[一]收入,100\n[二]支出,100\n");
  expect((await runMain(["check", csv])).err).toMatch(/是 CSV 文本文件/);
});

test("bytes of no known kind and plain text are named as such, with what to do", async () => {
  const bin = path.join(dir, "noise.xlsx");
  await fs.writeFile(bin, Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 151 + 7) % 256)));
  expect((await runMain(["check", bin])).err).toMatch(
    /不是工作簿文件：内容不是 Excel（\.xlsx、\.xlsm、\.xls、\.xlsb）或 \.ods 电子表格/
  );
  const txt = path.join(dir, "说明.xlsx");
  await fs.writeFile(txt, "本部门2025年部门预算公开说明\n一、部门职责\n");
  expect((await runMain(["check", txt])).err).toMatch(
    /是纯文本文件，不是工作簿：请在 Excel 或 WPS 中打开后另存为/
  );
  const html = path.join(dir, "export.xlsx");
  // A page with tables is read (tests/inputs/markup.test.ts); one without is named a web page.
  await fs.writeFile(html, "<html><body><p>本部门2025年部门预算公开说明</p></body></html>");
  expect((await runMain(["check", html])).err).toMatch(/是网页（HTML）文本，不是工作簿/);
});

test.each([
  ["<html> first", "<html><body><table><tr><td>合计</td></tr></table></body></html>"],
  [
    "a <table> first (what many systems' 导出Excel write)",
    '<table border="1"><tr><td>合计</td><td>1.00</td></tr></table>',
  ],
  [
    "a <meta> line first",
    '<meta http-equiv="Content-Type" content="text/html; charset=utf-8"><table><tr><td>合计</td></tr></table>',
  ],
  [
    "a comment first",
    "<!-- exported by 预算系统 -->\n<html><body><table><tr><td>合计</td></tr></table></body></html>",
  ],
])(
  "HTML named .xls with %s is named HTML, not XML or plain text (newcomer10 NC10-1)",
  (_w, html) => {
    const e = describeNotWorkbook(Buffer.from(html, "utf8"));
    expect(e.message).toMatch(
      /^是网页（HTML）文本，不是工作簿（可能由系统导出为网页后改成了 Excel 扩展名）/
    );
  }
);
