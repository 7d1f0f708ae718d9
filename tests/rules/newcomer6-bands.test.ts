/**
 * newcomer6's band layouts (tests/fixtures/newcomer6-bands/README.md): correct workbooks give no 错误 / 警告, each
 * changed one gives its errors at the changed cells only, with the band named (never a bare 「小计」).
 */
import { promises as fs } from "fs";
import path from "path";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";

const dir = path.join(__dirname, "..", "fixtures", "newcomer6-bands");
const serious = async (file: string) => {
  const { grids } = await readXlsxBuffer(await fs.readFile(path.join(dir, file)));
  return checkReport(importWorkbook(grids), { localize: false }).findings.filter(
    (f) => f.severity === "error" || f.severity === "warning"
  );
};

test.each([
  "h06-sangong-recep-split-domestic-foreign-ok.xlsx",
  "q01-sc-fiscal-econ-matrix-ok.xlsx",
  "q03-gp-func-econ-matrix-no-fund-ok.xlsx",
  "r01-income-current-carry-bands-ok.xlsx",
])("%s: nothing to report", async (file) => {
  expect((await serious(file)).map((f) => f.message)).toEqual([]);
});

test.each([
  // [file, rules of the errors, the cells every error cites one of, words the messages use]
  [
    "h07-sangong-recep-split-subtotal-wrong.xlsx",
    ["hierarchy.parent-children"],
    ["'9.三公经费支出表'!F5"],
    "「公务接待费」",
  ],
  [
    "h10-sangong-by-unit-u2-recep-plus1.xlsx",
    ["within.row-units", "within.row-units"],
    [],
    "「北京市审计局」行「",
  ],
  [
    "q02-sc-fiscal-econ-matrix-2010801-302-plus1.xlsx",
    ["hierarchy.parent-children", "within.row-economic-classes"],
    ["'4-1.财政拨款支出预算表(经济分类)'!F8"],
    "基本支出",
  ],
  [
    "r04-income-carry-band-subcol-chain-plus1.xlsx",
    [...Array(4).fill("within.row-sources"), "cross.fiscal-summary"],
    ["'2.收入总表'!L5", "'2.收入总表'!L6", "'2.收入总表'!L7", "'2.收入总表'!L9"],
    // The 合计 line's 上年结转一般公共预算 is also the 财政拨款收支总表's 上年结转 一般公共预算 line (cross.fiscal-summary).
    /「上年结转小计」|「上年结转一般公共预算」/,
  ],
  [
    "r06-income-current-band-subtotal-chain-plus1.xlsx",
    [...Array(8).fill("within.row-sources"), "cross.summary-income"],
    ["'2.收入总表'!D5", "'2.收入总表'!D6", "'2.收入总表'!D7", "'2.收入总表'!D8"],
    "本年收入小计",
  ],
] as const)("%s: %j", async (file, rules, cells, words) => {
  const found = await serious(file);
  expect(found.map((f) => f.rule).sort()).toEqual([...rules].sort());
  for (const f of found) {
    if (cells.length) expect(cells.some((c) => f.cells.includes(c))).toBe(true);
    expect(f.message).toMatch(words);
    expect(f.message).not.toMatch(/「小计」/);
  }
});
