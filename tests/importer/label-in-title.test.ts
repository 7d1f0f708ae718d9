/**
 * A table's label typed right before its title in one cell, no space: 表4一般公共预算支出表, 表四一般公共预算支出表. The
 * label pattern took the 一 of 一般 for part of the label (表4一), the title left was 般公共预算支出表 and the table was read
 * as a second 支出总表 (seen while testing newcomer9's NC9-1 on sheets named 表4一般公共预算支出表 (2)). Every generated
 * template whose titles start with 一般 (no year in the title) and print a label.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { classifyTitle } from "../../src/core/importer/kinds";
import { STYLES, buildVariant } from "../fixtures/variants";

const kinds = (r: ReturnType<typeof checkReport>) =>
  r.findings.map((f) => `${f.severity} ${f.rule}`).sort();

test.each([
  ["表4一般公共预算支出表", "表4"],
  ["表四一般公共预算财政拨款支出表", "表四"],
  ["表一一般公共预算支出表", "表一"],
  ["表十一般公共预算支出表", "表十"],
  ["表十一项目支出表", "表十一"],
])("%s: label %s, the title after it read for its kind", (title, label) => {
  const hit = classifyTitle(title)!;
  expect(hit.label).toBe(label);
  expect(hit.kind).toBe(/一般/.test(title) ? "general_budget_expenditure" : "project_expenditure");
});

describe.each(STYLES.filter((s) => !s.yearInTitle && s.label(1)).map((s) => [s.name, s] as const))(
  "variant %s",
  (_n, style) => {
    test("every label typed before its title in the title's cell: the same tables and findings", () => {
      const plainReport = importWorkbook(buildVariant(style).grids);
      const report = importWorkbook(buildVariant(style, { labelInTitle: true }).grids);
      expect(report.tables.map((t) => `${t.kind} ${t.label}`)).toEqual(
        plainReport.tables.map((t) => `${t.kind} ${t.label}`)
      );
      expect(kinds(checkReport(report))).toEqual(kinds(checkReport(plainReport)));
    });
  }
);
