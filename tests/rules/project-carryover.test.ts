/**
 * 表5's 项目支出 (一般公共预算, 上年结转 included) against a 项目支出表 that prints the 上年结转 apart (newcomer8 [5]): a
 * 上年结转 band's 一般公共预算 column, a 上年结转 column of any fund, or a 上年结转项目支出表 — added to the 本年
 * 一般公共预算 (a column of any fund bounds it). Before, 表5 was compared with the 本年 column alone: a false 错误 of
 * the whole 上年结转 on every such workbook (newcomer4's bj-proj-carry-col had it since stop 14).
 */
import { promises as fs } from "fs";
import path from "path";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";

const dir = path.join(__dirname, "..", "fixtures", "newcomer8");
const check = async (file: string) =>
  checkReport(
    importWorkbook((await readXlsxBuffer(await fs.readFile(path.join(dir, file)))).grids),
    { localize: false }
  );

test.each([
  "q01-proj-split-current-carry-ok.xlsx",
  "q09-proj-carry-col-ok.xlsx",
  "q13-proj-current-plus-carry-table-ok.xlsx",
])("%s: nothing found, 表5's 项目支出 still compared", async (file) => {
  const r = await check(file);
  expect(r.findings.filter((f) => f.severity === "error" || f.severity === "warning")).toEqual([]);
  expect(
    r.identities.some(
      (i) =>
        i.rule === "cross.basic-project" &&
        i.terms.some((t) => t.cell.startsWith("'5.一般公共预算支出表'"))
    )
  ).toBe(true);
});

test.each([
  ["q02-proj-split-current-carry-shenjishiwu-gp-plus10.xlsx", /项目支出表/],
  [
    "q14-proj-current-plus-carry-table-plus10.xlsx",
    /一般公共预算支出表「合计」项目支出 749\.05 ≠ 项目支出表合计一般公共预算 \+ .*上年结转项目支出表/,
  ],
])("%s: the wrong figure is found", async (file, message) => {
  const errors = (await check(file)).findings.filter((f) => f.severity === "error");
  expect(errors.some((f) => message.test(f.message))).toBe(true);
});
