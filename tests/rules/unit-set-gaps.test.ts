/**
 * tester33 T33-19: a 单位 printing its own FULL set (its 单位预算: the 部门's tables but one) that lacks a table the
 * 部门's set prints got no finding — the T32-1 fix judges the tables a 部门 must publish for the 部门's set only. A full
 * set (completeness.ts FULL_SET_SHARE / FULL_SET_MIN_KINDS of the 部门's kinds) lacking a table is a 警告 naming the
 * 单位, how many tables it prints and what it lacks; a part-set (收支总表 + 支出总表, or a few tables) stays exempt.
 * Every STYLE, every naming of the 单位 (meta line, title, sheet name), 1–2 单位.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { tableSets } from "../../src/core/model/sets";
import type { TableKind } from "../../src/core/model/schema";
import { STYLES, buildVariant } from "../fixtures/variants";
import { SET_NAMINGS, buildUnitSets } from "../fixtures/unit-sets";

const required = (grids: Parameters<typeof importWorkbook>[0]) =>
  checkReport(importWorkbook(grids), { localize: false }).findings.filter(
    (f) => f.rule === "completeness.required-tables"
  );

describe.each(STYLES.map((st) => [st.name, st] as const))("%s", (_, st) => {
  const kinds = [...new Set(importWorkbook(buildVariant(st).grids).tables.map((t) => t.kind))];
  describe.each(SET_NAMINGS)("单位 named by %s", (naming) => {
    test.each([1, 2])(
      "%i 单位 each printing the full set but its 三公 table: a 警告 each",
      (units) => {
        const { grids, sets } = buildUnitSets(st, naming, units, {}, undefined, {
          omit: ["three_public"],
        });
        const report = importWorkbook(grids);
        const found = tableSets(report);
        expect(found).toHaveLength(units + 1);
        const gaps = required(grids);
        expect(gaps.map((f) => f.severity)).toEqual(Array(units).fill("warning"));
        gaps.forEach((f, i) => {
          expect(f.message).toMatch(
            new RegExp(
              `^【${sets[i + 1].printed}】公开了 \\d+ 张表，缺“三公”经费表（部门表套中有）`
            )
          );
          // The 单位's set and the 部门's 三公 table cited.
          const unitSheets = new Set(sets[i + 1].grids.map((g) => g.sheet));
          const deptSheets = new Set(sets[0].grids.map((g) => g.sheet));
          expect(unitSheets.has(f.cells[0].replace(/^'?(.*?)'?!.*$/, "$1"))).toBe(true);
          expect(deptSheets.has(f.cells[1].replace(/^'?(.*?)'?!.*$/, "$1"))).toBe(true);
        });
      }
    );

    test("the 单位's full set complete: nothing said", () => {
      expect(required(buildUnitSets(st, naming, 2).grids)).toEqual([]);
    });

    test("a 单位 printing a few tables (收支总表, 支出总表, 三公): a part-set, exempt", () => {
      const keep: TableKind[] = [
        "income_expenditure_summary",
        "expenditure_summary",
        "three_public",
      ];
      const { grids } = buildUnitSets(st, naming, 2, {}, undefined, {
        omit: kinds.filter((k) => !keep.includes(k)),
      });
      expect(tableSets(importWorkbook(grids))).toHaveLength(3);
      expect(required(grids)).toEqual([]);
    });
  });
});
