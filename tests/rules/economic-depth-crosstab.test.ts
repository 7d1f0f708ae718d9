/**
 * A 基本支出经济分类表 printed as a cross-tab (tester32 T32-27, 吉林): lines = 功能 科目, columns = 合计 | 工资福利支出 |
 * 商品和服务支出 | 对个人和家庭的补助 — its economic classification stops at 类. completeness.economic-depth warns,
 * citing the class columns' captions; a cross-tab with no economic column at all (人员经费 | 公用经费) cannot be judged:
 * the rule is listed 不适用 with its reason, never passed in silence. Every generated template.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { STYLES, buildVariant } from "../fixtures/variants";

const RULE = "completeness.economic-depth";
const rowOf = (cell: string) => Number(/(\d+)$/.exec(cell)![1]);
const colOf = (cell: string) => /!\$?([A-Z]+)\$?\d+$/.exec(cell)![1];

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  test("classes laid across as columns: one 警告 citing their header cells", () => {
    const report = importWorkbook(buildVariant(style, { basicCrossTab: "classes" }).grids);
    const t = report.tables.find((x) => x.kind === "basic_expenditure_economic")!;
    expect(t.columns.map((c) => c.key)).toEqual(
      expect.arrayContaining(["wages", "goods_services", "household_subsidies"])
    );
    const res = checkReport(report);
    const f = res.findings.filter((x) => x.rule === RULE);
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe("warning");
    expect(f[0].message).toContain("经济分类只列到类级（栏），未细化到款级");
    expect(f[0].message).toMatch(/301 工资福利支出、302 商品和服务支出、303 对个人和家庭的补助/);
    // The captions: the class columns' letters, above the table's first line.
    const classCols = t.columns
      .filter((c) => ["wages", "goods_services", "household_subsidies"].includes(c.key))
      .map((c) => c.col);
    const firstLine = Math.min(
      ...t.rows.flatMap((r) => Object.values(r.amounts).map((a) => rowOf(a.cell)))
    );
    expect(f[0].cells.map(colOf)).toEqual(classCols);
    for (const c of f[0].cells) expect(rowOf(c)).toBeLessThan(firstLine);
    expect(res.findings.filter((x) => x.severity === "error")).toEqual([]);
  });

  test("no economic column at all: listed 不适用 with a reason, no finding", () => {
    const report = importWorkbook(buildVariant(style, { basicCrossTab: "parts" }).grids);
    expect(report.tables.some((x) => x.kind === "basic_expenditure_economic")).toBe(true);
    const res = checkReport(report);
    expect(res.findings.filter((x) => x.rule === RULE)).toEqual([]);
    const stat = res.perRule.find((r) => r.id === RULE)!;
    expect(stat.checked).toBe(0);
    expect(stat.reasons.join("")).toMatch(/功能分类科目.*无法判断是否细化到款级/);
  });
});
