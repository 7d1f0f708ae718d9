/**
 * A 部门's set of tables and, for each 单位, only that 单位's 收支总表 and 支出总表 (tester32 T32-1: 19 false 错误 and
 * 6 警告 “【001002】缺少必须公开的收入总表 …” on a 福建 county workbook). The tables a 部门 must publish are judged once,
 * for its own set; a 单位's sub-set is checked within itself and across its own tables. A table the 部门's set lacks is
 * still said, once. Every STYLE, every way of naming the 单位, 1–3 单位.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { tableSets } from "../../src/core/model/sets";
import type { TableKind } from "../../src/core/model/schema";
import { STYLES, buildVariant } from "../fixtures/variants";
import { SET_NAMINGS, buildUnitSets } from "../fixtures/unit-sets";

const KEEP: TableKind[] = ["income_expenditure_summary", "expenditure_summary"];

describe.each(STYLES.map((st) => [st.name, st] as const))("%s", (_, st) => {
  // Every kind the style's workbook prints but the two a 单位 sub-set keeps.
  const omit = [
    ...new Set(importWorkbook(buildVariant(st).grids).tables.map((t) => t.kind)),
  ].filter((k) => !KEEP.includes(k));
  // Every naming, the 分部标题 style's titles too (its 本年支出总体情况表 once read as naming a 单位 “本年”).
  describe.each(SET_NAMINGS)("单位 named by %s", (naming) => {
    test.each([1, 3])("部门 set + %i 单位 sub-sets: no completeness finding", (units) => {
      const { grids } = buildUnitSets(st, naming, units, {}, undefined, { omit });
      const report = importWorkbook(grids);
      expect(tableSets(report)).toHaveLength(units + 1);
      const found = checkReport(report, { localize: false }).findings.filter(
        (f) => f.rule === "completeness.required-tables"
      );
      expect(found).toEqual([]);
    });

    test("the 部门 set lacking its 财政拨款收支总表: said once", () => {
      const { grids } = buildUnitSets(
        st,
        naming,
        2,
        { omit: ["fiscal_appropriation_summary"] },
        undefined,
        { omit }
      );
      const report = importWorkbook(grids);
      expect(tableSets(report)).toHaveLength(3);
      const found = checkReport(report, { localize: false }).findings.filter(
        (f) => f.rule === "completeness.required-tables"
      );
      expect(found.map((f) => f.severity)).toEqual(["error"]);
      expect(found[0].message).toContain("财政拨款收支总表");
    });
  });
});
