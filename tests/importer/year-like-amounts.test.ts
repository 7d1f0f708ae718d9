/**
 * A bare year stored as a number may caption a column (收入 | 2025 | 支出 | 2025, traps.test) — but a line's figures can
 * lie in 2000–2099 too: a 政府性基金 table all 项目支出 whose 合计 row reads 合计 | 2060 | | 2060 right under a one-row
 * header was taken for a year caption row, its 合计 swallowed into the header, its columns read as 上年 (tester32 T32-12:
 * a false 「合计为空」 错误 on the sheet label, the fund checks 不适用, a seeded error missed). Every generated template,
 * printing 万元, with the department's 政府性基金 money 2060 万元.
 */
import { promises as fs } from "fs";
import path from "path";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Finding } from "../../src/core/rules/rule";
import { STYLES, buildVariant } from "../fixtures/variants";

const serious = (fs: Finding[]) =>
  fs.filter((f) => f.severity === "error" || f.severity === "warning");

describe.each(STYLES.filter((s) => s.unit === "万元").map((s) => [s.name, s] as const))(
  "%s",
  (_n, style) => {
    test("政府性基金 of 2060: the 合计 line is a line, 合计 / 项目支出 are amount columns, no finding", () => {
      const report = importWorkbook(buildVariant(style, { govFund: { amount: 2060 } }).grids);
      const t = report.tables.find((x) => x.kind === "gov_fund_expenditure")!;
      expect(t.columns.some((c) => /^prior/.test(c.key))).toBe(false);
      expect(t.rows.find((r) => r.key === "total")?.amounts.total?.value).toBe(2060);
      const result = checkReport(report);
      expect(serious(result.findings)).toEqual([]);
      expect(result.perRule.find((r) => r.id === "cross.gov-fund")!.checked).toBeGreaterThan(0);
    });

    test("the 政府性基金预算支出表 prints 2070 for 2060: the fund error is found at its 合计", () => {
      const report = importWorkbook(
        buildVariant(style, {
          govFund: { amount: 2060, printed: 2070 },
        }).grids
      );
      const t = report.tables.find((x) => x.kind === "gov_fund_expenditure")!;
      const total = t.rows.find((r) => r.key === "total")!.amounts.total.cell;
      const f = checkReport(report).findings.find((x) => x.cells[0] === total);
      expect(f).toMatchObject({ rule: "cross.gov-fund", severity: "error" });
    });
  }
);

describe("tester32's workbooks with year-like totals", () => {
  const load = async (name: string) => {
    const file = path.join(__dirname, "../fixtures/tester32", name);
    return checkReport(importWorkbook((await readXlsxBuffer(await fs.readFile(file))).grids));
  };
  const said = (r: ReturnType<typeof checkReport>) =>
    r.findings.map((f) => `${f.rule} ${f.severity} ${f.cells[0]}`).sort();

  test("天津 district: 表8's 合计 2060 line is read as a line — the same findings as with 0 typed in its blank cell", async () => {
    const [blank, zero] = await Promise.all([
      load("tianjin-district.xlsx"),
      load("tianjin-district-b.xlsx"),
    ]);
    expect(said(blank)).toEqual(said(zero));
    expect(blank.findings.some((f) => f.message.includes("为空"))).toBe(false);
    expect(said(blank)).toContain("cross.gov-fund error 表8!E5");
  });

  test("a department of 2,050 万元 without projects: no finding; 表6 at 2,040 against 表5's 2,050 is found", async () => {
    expect(serious((await load("clean-2050.xlsx")).findings)).toEqual([]);
    const c = serious((await load("clean-2050-c.xlsx")).findings);
    expect(c.map((f) => f.severity)).toEqual(["error"]);
  });
});
