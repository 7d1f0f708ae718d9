/**
 * 审核结果 of a 部门 in 万元 whose 单位 sub-sets print in 元 (tester32 T32-8 addendum, fujian-multiunit): the header's
 * 单位 is the 部门's set's — before, the 8 单位 tables in 元 outvoted the 部门's 4 and the header said 元 — and a
 * finding on a 单位 table says 元 in its 表 column. A 单位's 支出总表 2,000元 more: the rows citing its 收支总表 (which
 * agrees with the 部门's lines) print no 应为 asking to change those correct figures.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { buildReviewPlan } from "../../src/core/review/build";
import { DEPT_LAYOUTS, SUBSET_NAMINGS, buildUnitSubsets } from "../fixtures/unit-subsets";

const CASES = DEPT_LAYOUTS.flatMap((layout) =>
  SUBSET_NAMINGS.map((naming) => ({ layout, naming }))
);

test.each(CASES)("部门 lines by $layout, 单位 sheets by $naming", ({ layout, naming }) => {
  const { grids } = buildUnitSubsets({
    units: 4,
    unitUnit: "元",
    layout,
    naming,
    seed: { unit: 2, table: "支出总表", what: "bump", by: 2000 },
  });
  const report = importWorkbook(grids);
  const result = checkReport(report);
  const sheet = buildReviewPlan({
    report,
    result,
    grids,
    file: "x.xlsx",
    reviewedAt: "2026-12-03T12:00:00Z",
    productVersion: "9.9.9",
  }).sheets[0];
  const at = (row: number, col: number) =>
    sheet.cells.find((c) => c.row === row && c.col === col)?.value;
  const unitRow = sheet.cells.find((c) => c.col === 0 && c.value === "单位")!.row;
  expect(at(unitRow, 1)).toBe("万元");
  const header = sheet.cells.find(
    (c) => c.col === 1 && c.value === "级别" && c.style === "header"
  )!.row;
  const rows = Array.from({ length: result.findings.length }, (_, i) => header + 1 + i);
  const summary = grids[4 + 2 * 2].sheet;
  const onSummary = rows.filter((r) => String(at(r, 4) ?? "").includes(summary));
  expect(onSummary.length).toBeGreaterThan(0);
  for (const r of onSummary) {
    expect(String(at(r, 3))).toMatch(/（金额单位：元）$/);
    expect(at(r, 6) ?? "").toBe("");
  }
});
