/**
 * The newcomer's workbooks in templates the project had not seen (tests/fixtures/newcomer4/README.md): 北京 / 湖南
 * wordings of the 财政拨款 sources, 上海's 财政拨款 小计 band, 上年 / 本年 / 增减 bands with a 增减率 as text, and 三公
 * items worded 公务车… / 车辆… / 接待费. Correct ones raise nothing; the changed ones are found at the changed cell.
 */
import fs from "fs/promises";
import path from "path";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Finding } from "../../src/core/rules/rule";

const dir = path.join(__dirname, "..", "fixtures", "newcomer4");
async function check(file: string, localize = false) {
  const { grids } = await readXlsxBuffer(await fs.readFile(path.join(dir, file)));
  return checkReport(importWorkbook(grids), localize ? {} : { localize: false });
}
const serious = (fs: Finding[]) =>
  fs
    .filter((f) => f.severity === "error" || f.severity === "warning")
    .map((f) => `${f.rule} ${f.message}`);

test.each([
  ["bj-base.xlsx", "北京: 一般公共预算财政拨款收入 …"],
  ["hn-county.xlsx", "湖南 县级: the same wording, 公开02表"],
  ["w3.xlsx", "财政拨款（一般公共预算）…"],
  ["w7.xlsx", "本年一般公共预算财政拨款收入 …"],
  ["sh-income-subtotal.xlsx", "上海: 财政拨款 小计 band beside 上年结余结转"],
  ["bands.xlsx", "三公 in 上年 / 本年 / 增减 / 增减率 columns, the rate as text -15.00%"],
  ["s7-car-captions-only.xlsx", "三公 items 公务车购置及运行费 / 公务车购置 / 公务车运行维护"],
])("%s (%s) is correct: nothing to report", async (file) => {
  expect(serious((await check(file)).findings)).toEqual([]);
});

test("m81: the 收支总表's 一般公共预算财政拨款收入 and 政府性基金预算财政拨款收入 lines changed are found at B5 and B6", async () => {
  const r = await check("m81-t1-income-typo-bjwording.xlsx");
  const cells = new Set(r.findings.filter((f) => f.severity === "error").flatMap((f) => f.cells));
  expect(cells.has("'1.收支总表'!B5") && cells.has("'1.收支总表'!B6")).toBe(true);
  expect(r.findings.filter((f) => f.rule === "within.row-sources")).toEqual([]);
});

test("s2-bad: 三公 worded 出国费 / 车辆… / 接待费 with a wrong 小计: a 错误 at A5, no false 警告 about the car columns", async () => {
  const r = await check("s2-bad.xlsx");
  expect(serious(r.findings)).toEqual([expect.stringMatching(/^hierarchy\.total /)]);
  expect(r.findings.find((f) => f.rule === "hierarchy.total")!.cells[0]).toBe(
    "'9.三公经费支出表'!A5"
  );
});

test("m20: a wrong 增减 in the 基本支出 band is found on its row, in the 增减 band's row sum and its column's sum, J8 the single suspect", async () => {
  const r = await check("m20-bands-change-wrong.xlsx", true);
  expect(serious(r.findings)).toEqual([
    expect.stringMatching(
      /^within\.row-basic-project .*「增减合计」 116\.91 ≠ 增减基本支出 \+ 增减项目支出 126\.91/
    ),
    expect.stringMatching(/^within\.row-change .*上年预算数基本支出 \+ 增减基本支出/),
    expect.stringMatching(
      /^hierarchy\.parent-children .*「20108 审计事务」「增减基本支出」 116\.91 ≠ 各项之和 126\.91/
    ),
  ]);
  expect(
    r.findings
      .filter((f) => f.severity === "error")
      .every((f) => f.cells.includes("'3.支出总表'!J8"))
  ).toBe(true);
  expect(r.causes[0].suspects.map((s) => s.cell)).toEqual(["'3.支出总表'!J8"]);
});

test("m21: the row-change message names the bands (上年预算数合计 + 增减合计)", async () => {
  const r = await check("m21-bands-current-typo.xlsx");
  expect(r.findings.find((f) => f.rule === "within.row-change")!.message).toMatch(
    /「2025年预算数」 2383\.24 ≠ 上年预算数合计 \+ 增减合计 2338\.24/
  );
});

test("m87: a wrong 增减 on a 收支总表 line is checked against 上年 + 增减 on its row, H5 the single suspect", async () => {
  const r = await check("m87-t1-bands-change-wrong.xlsx", true);
  expect(
    r.findings.some((f) => f.rule === "within.row-change" && f.cells.includes("'1.收支总表'!H5"))
  ).toBe(true);
  expect(r.causes[0].suspects.map((s) => s.cell)).toEqual(["'1.收支总表'!H5"]);
});
