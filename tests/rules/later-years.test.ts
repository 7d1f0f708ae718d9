/**
 * 项目支出表 printing later years' plans beside this year's money (北京 / newcomer5's a60: 2026年计划数 | 2027年计划数; a
 * 中期财政规划 band over 2026年 | 2027年; one 以后年度安排 column): the plans are read as `later` columns — not a source
 * of this year's 合计, so every line's 合计 = 各资金来源之和 is still checked — and are summed down the table like any
 * column. In every generated template, with the plans printed as each of the three layouts.
 */
import fs from "fs/promises";
import path from "path";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Report, Table } from "../../src/core/model/schema";
import type { CheckResult, Finding } from "../../src/core/rules/rule";
import type { SheetGrid } from "../../src/core/grid/grid";
import { STYLES, buildVariant } from "../fixtures/variants";
import { mutate } from "../../bench/localization";
import { serious } from "../helpers";

const lines = (fs: Finding[]) => serious(fs).map((f) => `${f.rule} ${f.message}`);
const projects = (r: Report): Table => r.tables.find((t) => t.kind === "project_expenditure")!;
const check = (grids: SheetGrid[]) => checkReport(importWorkbook(grids), { localize: false });
const rule = (r: CheckResult, id: string) => r.perRule.find((p) => p.id === id)!;
/** A change of 45 万元 in the style's unit. */
const delta = (unit: string) => (unit === "元" ? 450000 : 45);

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const base = check(buildVariant(style).grids);

  test.each(["years", "band", "onward"] as const)(
    "later years' plans as %s: read as later columns, every line's sources still checked, a wrong plan found",
    (laterYears) => {
      const { grids } = buildVariant(style, { laterYears });
      const report = importWorkbook(grids);
      const t = projects(report);
      const plans = t.columns.filter((c) => c.key.startsWith("later"));
      expect(plans.map((c) => c.key)).toEqual(
        laterYears === "onward" ? ["later"] : ["later", "later_2"]
      );
      expect(t.columns.some((c) => c.key.startsWith("col_"))).toBe(false);
      const result = checkReport(report, { localize: false });
      expect(lines(result.findings)).toEqual(lines(base.findings));
      // The same row sums as without the plans: the plans are no source, and nothing goes 不适用.
      expect(rule(result, "within.row-sources").checked).toBe(
        rule(base, "within.row-sources").checked
      );
      expect(rule(result, "within.row-sources").reasons).toEqual(
        rule(base, "within.row-sources").reasons
      );
      // A project's plan changed: its table's 合计 no longer adds up in that column.
      const item = t.rows.find((r) => r.key !== "total" && r.amounts[plans[0].key]?.value)!;
      const cell = item.amounts[plans[0].key].cell;
      expect(
        serious(check(mutate(grids, cell, delta(style.unit))).findings).some(
          (f) => f.rule.startsWith("hierarchy.") && f.cells.includes(cell)
        )
      ).toBe(true);
      // A project's 合计 changed: its sources no longer add up to it.
      const total = item.amounts.total.cell;
      expect(
        serious(check(mutate(grids, total, delta(style.unit))).findings).some(
          (f) => f.rule === "within.row-sources" && f.cells.includes(total)
        )
      ).toBe(true);
    }
  );
});

test("newcomer5's a60 (2026年计划数 | 2027年计划数): no finding, the row sums checked on every line", async () => {
  const file = path.join(
    __dirname,
    "..",
    "fixtures",
    "newcomer5",
    "leftovers",
    "a60-proj-years.xlsx"
  );
  const report = importWorkbook((await readXlsxBuffer(await fs.readFile(file))).grids);
  expect(
    projects(report)
      .columns.filter((c) => c.key.startsWith("later"))
      .map((c) => c.label)
  ).toEqual(["2026年计划数", "2027年计划数"]);
  const result = checkReport(report, { localize: false });
  expect(serious(result.findings)).toEqual([]);
  expect(rule(result, "within.row-sources").reasons).toEqual([]);
  expect(rule(result, "within.row-sources").checked).toBeGreaterThan(0);
});
