/**
 * A “三公” table filled in 元 under 单位：万元 beside a 基本支出经济分类表 without 30217 / 30231 (those costs in 30299
 * 其他商品和服务支出): no figure has a counterpart to be exactly 10,000× of (tester33 T33-20, sgunit.xlsx). As printed its
 * 合计 is more than the department's whole spending, at 1 / 10,000 a plausible size: the unit slip is named on the unit
 * cell, the table is checked in 元, and no 错误 blames the 三公 items or 表1. In every generated style; the same economic
 * table with the 三公 table in its own unit raises nothing.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { STYLES, buildVariant } from "../fixtures/variants";
import { serious } from "../helpers";

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  test("三公 in 元 under 万元, no economic counterpart: one unit-slip 警告, checked in 元", () => {
    const report = importWorkbook(
      buildVariant(style, { threePublicSlip: true, threePublicInOther: true }).grids
    );
    const result = checkReport(report);
    const found = serious(result.findings);
    expect(found.map((f) => [f.rule, f.severity])).toEqual([["naming.unit-magnitude", "warning"]]);
    expect(found[0].message).toMatch(
      /金额疑以“元”为单位（[A-Z]+\d+ 200000\.00 合 20\.00万元），单位印为“万元”：按所印单位，该数超过.*「支出总计」 (533\.10万元|5331000\.00元)/
    );
    expect(result.causes ?? []).toEqual([]);
    const t9 = report.tables.find((t) => t.kind === "three_public")!;
    expect(found[0].cells).toContain(t9.unitCell);
  });

  test("三公 in 万元, one item typed 10,000× too large (5 → 50000): no unit slip, the figure's 错误 stays", () => {
    const result = checkReport(
      importWorkbook(
        buildVariant(style, {
          threePublicInOther: true,
          threePublicColumn: { header: "pair", wrong: { line: "reception", by: 49995 } },
        }).grids
      )
    );
    const found = serious(result.findings);
    expect(found.filter((f) => f.rule === "naming.unit-magnitude")).toEqual([]);
    expect(found.some((f) => f.severity === "error")).toBe(true);
  });

  test("the same economic table, 三公 in its own unit: nothing to report", () => {
    const result = checkReport(
      importWorkbook(buildVariant(style, { threePublicInOther: true }).grids)
    );
    expect(serious(result.findings)).toEqual([]);
  });
});
