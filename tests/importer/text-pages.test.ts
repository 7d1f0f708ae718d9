/**
 * Text pages beside the tables (附表: 项目名称 / 绩效目标 / 年度预算：10万元（已含在项目支出表中）): a field line naming a
 * table in its remark is not that table's title (newcomer9 NC9-6: each such page was listed twice in 未识别, once as
 * “content before a title” and once as a title without a header).
 */
import { classifyTitle } from "../../src/core/importer/kinds";
import { importWorkbook } from "../../src/core/importer/importer";
import { toGrid } from "../fixtures/variants";

test.each([
  "年度预算：10万元（已含在项目支出表中）",
  "年度预算:120万元(已含在项目支出表中)",
  "资金来源：一般公共预算 35.5 万元（见一般公共预算支出表）",
])("a field line with an amount is no title: %s", (line) => {
  expect(classifyTitle(line)).toBeUndefined();
});

test.each([
  ["北京市审计局2025年部门预算：收支总表", "income_expenditure_summary"],
  ["表1：2025年部门收支总表", "income_expenditure_summary"],
  ["预算公开表3：支出总表（单位：万元）", "expenditure_summary"],
])("a title with a colon stays a title: %s", (line, kind) => {
  expect(classifyTitle(line)?.kind).toBe(kind);
});

test("a text page is one 未识别 entry", () => {
  const page = toGrid(
    "附表1",
    [
      ["附表1 北京市审计局2025年项目绩效目标（说明1）"],
      ["项目名称：审计项目1"],
      ["绩效目标：按时完成审计任务。"],
      ["年度预算：10万元（已含在项目支出表中）"],
    ],
    []
  );
  const report = importWorkbook([page]);
  expect(report.tables).toEqual([]);
  expect(report.unrecognized.map((u) => u.range)).toEqual(["A1:A4"]);
});
