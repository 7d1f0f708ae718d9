/**
 * tester33 T33-6: the 单位's sets printed BEFORE the 部门's (exported sorted by 单位编码): the first set was taken for
 * the 部门's — the first 单位 was judged for completeness (5 false 错误 “【单位】缺少必须公开的…”), the 部门's missing
 * table went unsaid, and 预算汇总 / the 审核汇总 row took the 单位's totals. The 部门's set is told by what it is (named
 * for the 部门 the workbook's tables print, else the set printing the most kinds of 收支 table), wherever it is
 * printed. Every STYLE, each naming of the 单位 (meta line, title, sheet name), 1–2 单位 printing 收支总表 and 支出总表.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { firstSet, tableSets } from "../../src/core/model/sets";
import type { TableKind } from "../../src/core/model/schema";
import { DEPT, STYLES, buildVariant } from "../fixtures/variants";
import { SET_NAMINGS, buildUnitSets } from "../fixtures/unit-sets";

const KEEP: TableKind[] = ["income_expenditure_summary", "expenditure_summary"];

describe.each(STYLES.map((st) => [st.name, st] as const))("%s", (_, st) => {
  const kinds = [...new Set(importWorkbook(buildVariant(st).grids).tables.map((t) => t.kind))];
  const few = kinds.filter((k) => !KEEP.includes(k));
  test.each(SET_NAMINGS.flatMap((n) => [1, 2].map((u) => [n, u] as const)))(
    "单位 named by %s, %i 单位 printed before the 部门 (which leaves out its 三公 table)",
    (naming, units) => {
      const { sets } = buildUnitSets(st, naming, units, { omit: ["three_public"] }, undefined, {
        omit: few,
      });
      const grids = [...sets.slice(1).flatMap((s) => s.grids), ...sets[0].grids];
      const report = importWorkbook(grids);
      const found = tableSets(report);
      expect(found).toHaveLength(units + 1);
      const deptSheets = new Set(sets[0].grids.map((g) => g.sheet));
      expect(found[0].tables.every((t) => deptSheets.has(t.sheet))).toBe(true);
      expect(firstSet(report).tables.every((t) => deptSheets.has(t.sheet))).toBe(true);
      const missing = checkReport(report, { localize: false }).findings.filter(
        (f) => f.rule === "completeness.required-tables" && f.severity === "error"
      );
      expect(missing.map((f) => f.message.slice(0, DEPT.length + 2))).toEqual([`【${DEPT}】`]);
      expect(missing[0].message).toContain("三公");
    }
  );
});
