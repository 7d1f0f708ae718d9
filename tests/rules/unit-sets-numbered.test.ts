/**
 * The 部门's set printed on numbered sheets (01收支总表, 02收入总表 …) before each 单位's set on sheets named by its
 * 单位编码 (001001收支总表, 001001支出总表 …; tester32 T32-1, a 福建 county workbook): the numbers name no 单位, so the
 * 部门's tables were taken with the first 单位's set and its findings said as 【001001】's. The 部门's set is a set of
 * its own, named by its 部门, and its findings say so. Every STYLE, 1–3 单位, each printing all its tables or only its
 * 收支总表 and 支出总表.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { tableSets } from "../../src/core/model/sets";
import { parseRef } from "../../src/core/grid/address";
import type { SheetGrid } from "../../src/core/grid/grid";
import type { TableKind } from "../../src/core/model/schema";
import { STYLES, buildVariant } from "../fixtures/variants";
import { buildUnitSets, type UnitSet } from "../fixtures/unit-sets";

const KEEP: TableKind[] = ["income_expenditure_summary", "expenditure_summary"];

/**
 * The sets' sheets renamed: the 部门's 01…, 02… before its own name, the 单位 k's 00100k before its own; `twice`: the
 * 部门's 支出总表 sheet printed again after it (as a 支出总表（按单位） beside it: the 部门's set repeats a kind).
 */
function numbered(sets: UnitSet[], twice: boolean): SheetGrid[] {
  return sets.flatMap((s, k) =>
    (k || !twice ? s.grids : s.grids.flatMap((g, i) => (i === 2 ? [g, g] : [g]))).map((g, i) => {
      const own = k ? g.sheet.slice(s.printed.length).replace(/^-/, "") : g.sheet;
      return { ...g, sheet: k ? `00100${k}${own}` : `${String(i + 1).padStart(2, "0")}${own}` };
    })
  );
}

describe.each(STYLES.map((st) => [st.name, st] as const))("%s", (_, st) => {
  const omit = [
    ...new Set(importWorkbook(buildVariant(st).grids).tables.map((t) => t.kind)),
  ].filter((k) => !KEEP.includes(k));
  test.each([
    [1, false, false],
    [3, false, false],
    [2, true, false],
    [2, true, true],
  ])(
    "部门 on 01… sheets, %i 单位 on 00100k… sheets (only 收支总表 + 支出总表: %s, its 支出总表 twice: %s)",
    (units, few, twice) => {
      const by = st.unit === "元" ? 70000 : 7;
      const bump = { set: 0, kind: "income_summary" as const, by };
      const { sets } = buildUnitSets(st, "sheet", units, {}, bump, few ? { omit } : {});
      const grids = numbered(sets, twice);
      const deptSheets = grids.length - sets.slice(1).reduce((n, x) => n + x.grids.length, 0);
      const report = importWorkbook(grids);
      const dept = importWorkbook(grids.slice(0, deptSheets));
      const found = tableSets(report);
      expect(found).toHaveLength(units + 1);
      expect(found[0].name).toBe(dept.department);
      expect(found[0].tables.map((t) => t.sheet)).toEqual(
        grids.slice(0, deptSheets).flatMap((g) => {
          const n = dept.tables.filter((t) => t.sheet === g.sheet).length;
          return Array.from({ length: n }, () => g.sheet);
        })
      );
      // The 部门's misprinted 收入总表: its 错误 cite the 部门's sheets and name the 部门.
      const own = new Set(grids.slice(0, deptSheets).map((g) => g.sheet));
      const errors = checkReport(report, { localize: false }).findings.filter(
        (f) => f.severity === "error"
      );
      expect(errors.length).toBeGreaterThan(0);
      for (const f of errors) {
        expect(f.cells.every((c) => own.has(parseRef(c).sheet!))).toBe(true);
        expect(f.message.startsWith(`【${dept.department}】`)).toBe(true);
      }
    }
  );
});
