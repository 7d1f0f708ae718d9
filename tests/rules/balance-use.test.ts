/**
 * A 事业单位's use of its balances (使用非财政拨款结余, 用事业基金弥补收支差额 …) and its 上级补助 / 附属单位上缴 income
 * (newcomer7 [6]): in the 本年收入 list or after 本年收入合计 beside 上年结转, as a 收入总表 and 项目支出表 column —
 * a source of its own, compared line ↔ column. Before: read as 上年结转 (a false 错误 against the 收入总表's 上年结转),
 * or as an unknown column (the row sums partly unchecked, an error in it not found); 上级补助 / 附属单位上缴 lines were
 * never compared with their columns. Also Xi'an's two 上年结转 lines (上年实户资金余额, 上年结转) each meet its column.
 */
import { promises as fs } from "fs";
import path from "path";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";

const dir = path.join(__dirname, "..", "fixtures", "newcomer7");
const check = async (file: string) =>
  checkReport(
    importWorkbook((await readXlsxBuffer(await fs.readFile(path.join(dir, file)))).grids),
    { localize: false }
  );
const serious = (r: Awaited<ReturnType<typeof check>>) =>
  r.findings.filter((f) => f.severity === "error" || f.severity === "warning");

test.each([
  "c06-shiye-jijin-mibu-ok.xlsx",
  "c08-shiye-jijin-short-ok.xlsx",
  "c09-nian-chu-shiye-jijin-ok.xlsx",
  "c16-shiyong-fei-caizheng-jieyu-ok.xlsx",
  "c18-fei-caizheng-jieyu-after-current-total-ok.xlsx",
  "c19-yong-shiye-jijin-after-current-total-ok.xlsx",
])("%s: nothing found, every row sum checked whole", async (file) => {
  const r = await check(file);
  expect(serious(r)).toEqual([]);
  const sources = r.perRule.find((p) => p.id === "within.row-sources")!;
  expect(sources.failed).toBe(0);
  expect(sources.checked).toBeGreaterThan(0);
  expect(JSON.stringify(sources)).not.toMatch(/未能识别的金额列/);
});

test.each([
  ["c10-shiye-jijin-mibu-t2-chain-plus5.xlsx", /用事业基金弥补收支差额/],
  ["c17-shiyong-fei-caizheng-jieyu-chain-plus5.xlsx", /使用非财政拨款结余/],
  ["c12-shangji-buzhu-t2-col-and-total-plus5.xlsx", /上级补助收入/],
  ["c13-fushu-t2-col-and-total-plus5.xlsx", /附属单位上缴收入/],
])("%s: the 收支总表 line and the 收入总表 column disagree, and it is said", async (file, word) => {
  const found = serious(await check(file)).filter((f) => f.rule === "cross.summary-income");
  expect(found.some((f) => word.test(f.message) && / 30\.00 ≠ .* 35\.00/.test(f.message))).toBe(
    true
  );
});

test("Xi'an: 上年实户资金余额 and 上年结转, lines and columns, each compared with its own", async () => {
  const file = path.join(__dirname, "..", "fixtures", "field", "xian-shenjiju-2026.xlsx");
  const r = checkReport(importWorkbook((await readXlsxBuffer(await fs.readFile(file))).grids), {
    localize: false,
  });
  expect(serious(r).filter((f) => f.rule === "cross.summary-income")).toEqual([]);
  const compared = r.identities.filter(
    (i) => i.rule === "cross.summary-income" && i.terms.length === 2
  );
  // 上年实户资金余额 (表1 B33) against its own column, 981,827.50 on both sides.
  expect(compared.some((i) => i.terms.some((t) => t.cell === "表1!B33"))).toBe(true);
});
