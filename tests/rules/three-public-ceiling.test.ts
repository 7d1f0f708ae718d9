/**
 * cross.three-public-ceiling: a 三公 item larger than all the money that could pay for it (its 基本支出 line in the
 * 基本支出经济分类表 plus every expenditure outside that table) is an error; the published workbooks, the field
 * workbooks, the field cases' clean twins and every generated template stay quiet, and a 表6 that is not the
 * department's (jishan) leaves the bound undecided instead of reporting a negative ceiling.
 */
import { promises as fs } from "fs";
import path from "path";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Finding } from "../../src/core/rules/rule";
import { STYLES, buildVariant } from "../fixtures/variants";
import { mutate } from "../../bench/localization";
import { realInputs } from "./real-inputs";

const RULE = "cross.three-public-ceiling";
const fixtures = path.join(__dirname, "..", "fixtures");
const ours = (fs: Finding[]) => fs.filter((f) => f.rule === RULE);

test.each(realInputs())("%s: no 三公 item exceeds its ceiling", async (_name, file) => {
  const { grids } = await readXlsxBuffer(await fs.readFile(file));
  const res = checkReport(importWorkbook(grids));
  expect(ours(res.findings)).toEqual([]);
});

test("jishan: 表6 larger than the whole department (another department's table) leaves the ceiling not applicable", async () => {
  const { grids } = await readXlsxBuffer(
    await fs.readFile(path.join(__dirname, "..", "..", "samples", "jishan-2024.xlsx"))
  );
  const res = checkReport(importWorkbook(grids));
  const per = res.perRule.find((p) => p.id === RULE)!;
  expect(per.notApplicable).toBe(1);
  expect(per.reasons.join()).toMatch(/超过部门支出总计/);
});

test("newcomer m-sg-over: 公务接待费 200 against 1.50 (表6) + 85.00 outside 表6 is one error citing the 三公 cell", async () => {
  const { grids } = await readXlsxBuffer(
    await fs.readFile(path.join(fixtures, "newcomer2", "m-sg-over.xlsx"))
  );
  const found = ours(checkReport(importWorkbook(grids)).findings);
  expect(found).toHaveLength(1);
  expect(found[0]).toMatchObject({
    severity: "error",
    actual: 200,
    expected: 86.5,
    difference: 113.5,
  });
  expect(found[0].cells[0]).toBe("预算公开表10!B7");
  expect(found[0].message).toMatch(/公务接待费.*超过能安排它的全部资金 86\.50万元/);
});

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const { grids } = buildVariant(style);
  const report = importWorkbook(grids);
  const reception = report.tables
    .find((t) => t.kind === "three_public")!
    .rows.find((r) => r.key === "reception")!.amounts.total;
  const scale = report.tables.find((t) => t.kind === "three_public")!.unit === "元" ? 10000 : 1;

  test("as generated: the bound holds", () => {
    const per = checkReport(report).perRule.find((p) => p.id === RULE)!;
    expect(per.passed).toBeGreaterThan(0);
    expect(per.failed).toBe(0);
  });

  test("公务接待费 raised past 表6's 5.00 + the 70.50 of 项目支出: an error at the 三公 cell", () => {
    const found = ours(
      checkReport(importWorkbook(mutate(grids, reception.cell, 100 * scale))).findings
    );
    expect(found.map((f) => f.cells[0])).toEqual([reception.cell]);
  });

  test("公务接待费 raised within that money (a project can pay it): no ceiling finding", () => {
    expect(
      ours(checkReport(importWorkbook(mutate(grids, reception.cell, 40 * scale))).findings)
    ).toEqual([]);
  });
});
