/**
 * The reverse of T33-20 (note34, table34 leftover): a “三公” table filled in 万元 under 单位：元 beside a 基本支出经济分类表
 * that books 30217 公务接待费 and 30231 公务用车运行维护费 in 30299 其他商品和服务支出. No item has a line of its own to
 * be a 10,000th of, and the figures are small, never beyond the department's spending (the magnitude test cannot see
 * them): the 公务接待费 + 公务用车运行维护费 are together exactly a 10,000th of 30299. One 警告 on the unit cell naming
 * the printed unit and the apparent one, the table checked in 万元. Clean twins — the 三公 table in 元 or in 万元 under
 * its own unit, in 元 and 万元 workbooks — raise nothing; nor does a 30299 holding more than the two items.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { correctUnits } from "../../src/core/rules/units";
import { STYLES, buildVariant } from "../fixtures/variants";
import { serious } from "../helpers";

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  test("三公 in 万元 under 元, items booked in 30299: one unit-slip 警告, checked in 万元", () => {
    const report = importWorkbook(
      buildVariant(style, { threePublicSlip: "reverse", threePublicInOther: true }).grids
    );
    const result = checkReport(report);
    const found = serious(result.findings);
    expect(found.map((f) => [f.rule, f.severity])).toEqual([["naming.unit-magnitude", "warning"]]);
    expect(found[0].message).toMatch(
      /金额疑以“万元”为单位，单位印为“元”：「公务接待费」「[^」]+」之和 20\.00元 恰好是.*「30299 其他商品和服务支出」 (200000\.00元|20\.00万元)的万分之一/
    );
    expect(result.causes ?? []).toEqual([]);
    const t9 = report.tables.find((t) => t.kind === "three_public")!;
    const econ = report.tables.find((t) => t.kind === "basic_expenditure_economic")!;
    const other = econ.rows.find((r) => r.code === "30299")!;
    expect(found[0].cells).toEqual(expect.arrayContaining([t9.unitCell, other.amounts.total.cell]));
    // The rules read the table in 万元.
    const read = correctUnits(report).tables.find((t) => t.kind === "three_public")!;
    expect([read.unit, read.unitContradicted?.printed]).toEqual(["万元", "元"]);
  });

  test.each([["元"], ["万元"]] as const)(
    "clean twin: 三公 in %s under its own unit, items booked in 30299 — nothing to report",
    (unit) => {
      const result = checkReport(
        importWorkbook(
          buildVariant({ ...style, threePublicUnit: unit }, { threePublicInOther: true }).grids
        )
      );
      expect(serious(result.findings)).toEqual([]);
    }
  );

  test("30299 holding more than the two items: no sum to go on, no unit inferred", () => {
    const result = checkReport(
      importWorkbook(
        buildVariant(
          { ...style, threePublicUnit: "万元" },
          { wrongUnit: "three_public", threePublicInOther: { more: 7.5 } }
        ).grids
      )
    );
    expect(serious(result.findings).filter((f) => f.rule === "naming.unit-magnitude")).toEqual([]);
  });
});
