/**
 * 科目编码 cells as PDF-to-Excel converters leave them (newcomer11 NC11-5, NC11-6, NC11-10), every generated template:
 * - "2.01E+06" / "3.01E+04" as text (a narrow column's display): the code's digits are lost. Before, they were "repaired" from the
 *   digits into other codes (2.01E+06 → 20106, a second 款 beside 20108) → false 错误 on the 类. Now the row keeps the
 *   level its length gives (a 项 under the 款 above), is placed by its standard name where one code under that 款 has
 *   it, and the table gets one 警告 that its codes were lost; nothing else is reported.
 * - number cells under 0.00E+00 (value 2010801, shown "2.01E+06") and under 0.0 ("2010801.0"), text "2010801.0": the
 *   code is the value / the digits before ".0"; nothing is reported but one 提示 per workbook for the ".0" text.
 * A 项's 合计 +7 in the 一般公共预算支出表 is still a 错误 at its cell.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import type { Table } from "../../src/core/model/schema";
import { checkReport } from "../../src/core/rules/engine";
import type { Finding } from "../../src/core/rules/rule";
import { mutate } from "../../bench/localization";
import { scientificCode } from "../../src/core/classification/codes";
import { economicName } from "../../src/core/classification/economic";
import { STYLES, buildVariant, convertCodes } from "../fixtures/variants";
import { serious } from "../helpers";

const key = (f: Finding) => `${f.rule} ${f.severity}`;
const codes = (t: Table | undefined) =>
  t?.rows.filter((r) => r.code).map((r) => `${r.code}:${r.level}`);
const levels = (t: Table | undefined) => t?.rows.map((r) => r.level);
const CODED = [
  "expenditure_summary",
  "general_budget_expenditure",
  "basic_expenditure_economic",
] as const;

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const plainGrids = buildVariant(style).grids;
  const plain = importWorkbook(plainGrids);
  const plainFound = serious(checkReport(plain, { localize: false }).findings)
    .map(key)
    .sort();

  describe.each(["sciText", "sciNumber", "decimalText", "decimalNumber"] as const)("%s", (how) => {
    const grids = convertCodes(plainGrids, how);
    const report = importWorkbook(grids);
    const found = checkReport(report, { localize: false }).findings;

    test("the levels are the plain workbook's; the codes too where the cells keep them", () => {
      for (const kind of CODED) {
        const t = report.tables.find((x) => x.kind === kind);
        const p = plain.tables.find((x) => x.kind === kind);
        expect(levels(t)).toEqual(levels(p));
        if (how !== "sciText") expect(codes(t)).toEqual(codes(p));
        // Never a code rebuilt from the lost digits: every code read is one the plain workbook has.
        else expect(codes(t)!.filter((c) => !codes(p)!.includes(c))).toEqual([]);
      }
    });

    test("nothing new but one 警告 per table whose codes were lost (科学计数法)", () => {
      const lost = found.filter((f) => f.rule === "naming.code-format" && f.severity === "warning");
      const tables = new Set(
        report.tables
          .filter((t) => t.rows.some((r) => r.printedCode && /E\+/.test(r.printedCode)))
          .map((t) => t.sheet + t.range)
      );
      expect(lost.length).toBe(how === "sciText" ? tables.size : 0);
      for (const f of lost) expect(f.message).toMatch(/科学计数法/);
      expect(
        serious(found)
          .filter((f) => !lost.includes(f))
          .map(key)
          .sort()
      ).toEqual(plainFound);
      const tips = found.filter((f) => f.rule === "naming.code-format" && f.severity === "info");
      expect(tips.length).toBeLessThanOrEqual(how === "decimalText" ? 1 : 0);
    });

    test("a 项's 合计 +7 in the 一般公共预算支出表: a 错误 citing it", () => {
      const t5 = report.tables.find((t) => t.kind === "general_budget_expenditure")!;
      const xiang = t5.rows.find((r) => r.level === 3 && r.amounts.total?.value)!;
      const cell = xiang.amounts.total!.cell;
      const delta = t5.unit === "元" ? 70000 : 7;
      const err = serious(
        checkReport(importWorkbook(mutate(grids, cell, delta)), { localize: false }).findings
      );
      expect(err.some((f) => f.severity === "error" && f.cells.includes(cell))).toBe(true);
    });
  });
});

describe("a code in scientific notation", () => {
  test("placed by its standard name under the 款 above, never rebuilt from its digits", () => {
    expect(scientificCode("2.01E+06", "行政运行", { lei: "201", kuan: "20108" })).toEqual({
      length: 7,
      code: "2010801",
    });
    // A name no code under the 款 has: the level only.
    expect(scientificCode("2.01E+06", "某某支出", { lei: "201", kuan: "20108" })).toEqual({
      length: 7,
    });
    // The printed leading digits disagree with the 款 above: no code.
    expect(scientificCode("2.30E+06", "行政运行", { lei: "201", kuan: "20108" })).toEqual({
      length: 7,
    });
    expect(scientificCode("2010801", "行政运行", {})).toBeUndefined();
    // An economic code under its class, by the economic names.
    expect(scientificCode("3.01E+04", "基本工资", { lei: "301" }, economicName)).toEqual({
      length: 5,
      code: "30101",
    });
  });
});
