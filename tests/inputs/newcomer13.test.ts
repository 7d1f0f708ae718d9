/**
 * newcomer13's inputs (stop 24; tests/fixtures/newcomer13/README.md): tables printed wholly in General read at the
 * precision of the workbook's other tables of that unit (a whole-万元 三公 table's 1.00 difference was 尾差 ±2万元, NC13-1),
 * and a 目录 right above the first table (NC13-4: 缺少收支总表, the table unreviewed) — in .xlsx, HTML and XML 2003.
 */
import { promises as fs } from "fs";
import path from "path";
import { readWorkbookBuffer } from "../../src/hosts/read-any";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";

const dir = path.join(__dirname, "..", "fixtures", "newcomer13");
const check = async (f: string) =>
  checkReport(
    importWorkbook((await readWorkbookBuffer(await fs.readFile(path.join(dir, f)))).grids),
    {
      localize: false,
    }
  );
const serious = (r: Awaited<ReturnType<typeof check>>) =>
  r.findings.filter((f) => f.severity === "error" || f.severity === "warning");

test.each([
  ["g01-general-fmt-ok.xlsx"],
  ["g03-general-int-sangong-ok.xlsx"],
  ["k01-xlsx-toc-above-first-table-ok.xlsx"],
  ["m07-html-toc-ok.xls"],
])("%s: no 错误 / 警告, every table reviewed", async (f) => {
  const r = await check(f);
  expect(serious(r)).toEqual([]);
  expect(r.findings.filter((x) => x.rule === "completeness.required-tables")).toEqual([]);
});

test.each([
  ["g02-general-fmt-sangong-F5-2.1-err.xlsx", 0.1],
  ["g04-general-int-sangong-F5-3-err.xlsx", 1],
  ["m05-xml2003-sangong-F5-2.1-err.xls", 0.1],
])("%s: the 三公 公务接待费 %d 万元 off is an 错误 at its cell, not 尾差", async (f, by) => {
  const found = serious(await check(f));
  expect(found.map((x) => x.severity)).toEqual(["error"]);
  expect(found[0].cells).toContain("'9.三公经费支出表'!F5");
  expect(Math.abs(found[0].difference ?? 0)).toBeCloseTo(by, 2);
});
