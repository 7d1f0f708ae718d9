/**
 * 功能 × 经济分类 tables: 基本支出 (小计 | 工资福利支出 | 商品和服务支出 | 对个人和家庭的补助) beside 项目支出 (小计 |
 * 商品和服务支出), in the 支出总表 and 一般公共预算支出表 of every generated template. The 项目支出 band's classes are the
 * project's (project_goods_services): 基本支出小计 = Σ its own classes, 项目支出小计 = Σ the project band's. They were
 * summed into 基本支出 (newcomer6 q03: 7 false within.row-economic-classes 错误, q01: 12).
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Finding } from "../../src/core/rules/rule";
import { STYLES, buildVariant } from "../fixtures/variants";
import { serious } from "../helpers";

const kinds = (fs: Finding[]) => fs.map((f) => `${f.rule} ${f.severity}`).sort();

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const plain = checkReport(
    importWorkbook(buildVariant(style, { basicByEconomic: "subtotal" }).grids),
    { localize: false }
  );

  test("read as two bands; nothing to report beyond the plain workbook's", () => {
    const report = importWorkbook(
      buildVariant(style, { basicByEconomic: "subtotal", projectByEconomic: {} }).grids
    );
    for (const kind of ["expenditure_summary", "general_budget_expenditure"]) {
      const t = report.tables.find((x) => x.kind === kind)!;
      const keys = t.columns.map((c) => c.key);
      expect(keys).toEqual(
        expect.arrayContaining(["basic", "goods_services", "project", "project_goods_services"])
      );
      expect(keys).not.toContain("goods_services_2");
    }
    const result = checkReport(report, { localize: false });
    expect(serious(result.findings)).toEqual([]);
    expect(kinds(result.findings)).toEqual(kinds(plain.findings));
  });

  test("a project line's 商品和服务支出 +3: 项目支出小计 ≠ its classes, citing the cell; 基本支出 untouched", () => {
    const report = importWorkbook(
      buildVariant(style, {
        basicByEconomic: "subtotal",
        projectByEconomic: { wrong: { code: "2010602", by: 3 } },
      }).grids
    );
    const result = checkReport(report, { localize: false });
    const errors = serious(result.findings);
    const rows = errors.filter((f) => f.rule === "within.row-economic-classes");
    // One per table printing the band (支出总表, 一般公共预算支出表), on the line changed.
    expect(rows).toHaveLength(2);
    for (const f of rows) {
      expect(f.message).toMatch(/「项目支出小计」/);
      expect(f.message).not.toMatch(/基本支出小计/);
    }
    const cells = report.tables
      .filter((t) => t.kind === "expenditure_summary" || t.kind === "general_budget_expenditure")
      .map((t) => t.rows.find((r) => r.code === "2010602" || /一般行政管理事务/.test(r.label))!)
      .map((r) => r.amounts.project_goods_services.cell);
    for (const f of errors) expect(cells.some((c) => f.cells.includes(c))).toBe(true);
  });
});
