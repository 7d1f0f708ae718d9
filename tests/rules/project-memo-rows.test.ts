/**
 * A 其中 memo line in the 项目支出表 is never a project (tester29 T29-12): `其中：政府采购` under the department's line
 * was listed as a project lacking its 绩效目标表 (projects.performance-coverage 错误), and one under a project made
 * that project a parent (dropped from the list). The project rules read the projects as the hierarchy reads the sums:
 * 其中 rows (Row.partial) are memo items of their line. Every style of the generated workbook.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { projectLines } from "../../src/core/rules/projects";
import { STYLES, buildVariant } from "../fixtures/variants";

describe.each(STYLES.map((s) => [s.name, s] as const))("%s", (_name, st) => {
  const clean = importWorkbook(buildVariant(st).grids);
  const cleanNames = projectLines(clean).map((l) => l.name);
  expect(cleanNames.length).toBeGreaterThan(1);
  // Not input.text-amounts: on the text-amount templates the memo line's own text cells are listed too, rightly.
  const told = (r: ReturnType<typeof importWorkbook>) =>
    checkReport(r)
      .findings.filter((f) => f.rule !== "input.text-amounts")
      .map((f) => `${f.rule} ${f.message}`);
  const cleanFindings = told(clean);

  test.each(["unit", "project"] as const)("其中 line under the %s: not a project", (under) => {
    const report = importWorkbook(
      buildVariant(st, { projectMemoRow: { label: "其中：政府采购", under } }).grids
    );
    const t = report.tables.find((x) => x.kind === "project_expenditure")!;
    const memo = t.rows.find((r) => r.label.includes("政府采购"))!;
    expect(memo.partial).toBe(true);
    const lines = projectLines(report).map((l) => l.name);
    expect(lines).toEqual(cleanNames);
    expect(lines.some((n) => n.includes("政府采购"))).toBe(false);
    // Nothing else said: the memo line is within its line, as printed.
    expect(told(report)).toEqual(cleanFindings);
  });
});
