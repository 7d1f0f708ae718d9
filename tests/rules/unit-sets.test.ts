/**
 * A workbook holding the 部门's set of tables and then each 单位's set again (部门预算 + 单位预算; newcomer8 of stop 22
 * saw 6 false 错误 and 20 警告 on such workbooks: only the first set was compared across tables, a 单位's table was
 * paired with the 部门's of another kind, the repeats confused completeness and naming, and 预算汇总 counted every
 * project twice). Generated over every STYLE: the 部门's set and 1–3 单位 sets (figures of their own, each consistent),
 * each 单位 named on its meta line, in its titles or in its sheet names (tests/fixtures/unit-sets.ts).
 * Each set is checked as a workbook of its own would be (model/sets.ts, rules/engine.ts): the findings of the whole
 * workbook are those of its sets alone, each naming its 单位; 预算汇总 is the 部门 set's.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { tableSets, unitPrefix } from "../../src/core/model/sets";
import { buildSummarySheet } from "../../src/core/review/summary-sheet";
import { parseRef } from "../../src/core/grid/address";
import type { SheetGrid } from "../../src/core/grid/grid";
import type { Finding } from "../../src/core/rules/rule";
import type { TableKind } from "../../src/core/model/schema";
import { STYLES, buildVariant } from "../fixtures/variants";
import { SET_NAMINGS, buildUnitSets, type SetBump } from "../fixtures/unit-sets";
import { UNIT_TREES, UNIT_LAYOUTS, UNIT_KINDS, buildUnitTable } from "../fixtures/by-unit";

const check = (grids: SheetGrid[]) => checkReport(importWorkbook(grids), { localize: false });
const key = (f: Finding) => `${f.severity} ${f.rule} ${f.cells.join(" ")}`;
const keys = (fs: Finding[]) => fs.map(key).sort();

describe.each(STYLES.map((st) => [st.name, st] as const))("%s", (_, st) => {
  describe.each(SET_NAMINGS)("单位 named by %s", (naming) => {
    test.each([1, 3])("部门 + %i 单位: each set checked as a workbook of its own", (units) => {
      const { grids, sets } = buildUnitSets(st, naming, units);
      const report = importWorkbook(grids);
      expect(tableSets(report).map((s) => s.tables.length)).toEqual(
        sets.map((s) => importWorkbook(s.grids).tables.length)
      );
      const whole = checkReport(report, { localize: false }).findings;
      const alone = sets.flatMap((s) => check(s.grids).findings);
      expect(keys(whole)).toEqual(keys(alone));
      // Each finding names its set's 单位 — but the 输入 rules', which read the workbook as a whole (rules/engine.ts;
      // input.text-amounts on the templates typing amounts as text) and cite each set's own sheets.
      for (const f of whole.filter((x) => !x.rule.startsWith("input.")))
        expect(f.message).toMatch(/^【[^】]+】/);
    });

    test("单位 sets printing fewer tables (no fund, 三公 or 机关运行经费 table)", () => {
      const omit: TableKind[] = [
        "gov_fund_expenditure",
        "state_capital",
        "three_public",
        "operating_funds",
      ];
      const { grids, sets } = buildUnitSets(st, naming, 2, {}, undefined, { omit });
      const report = importWorkbook(grids);
      expect(tableSets(report)).toHaveLength(3);
      // The tables a 部门 must publish are judged once, for its own set (tester32 T32-1): a 单位 set's missing
      // tables are not findings; everything else is as each set checked alone.
      expect(keys(checkReport(report, { localize: false }).findings)).toEqual(
        keys(
          sets.flatMap((s, i) =>
            check(s.grids).findings.filter(
              (f) => i === 0 || f.rule !== "completeness.required-tables"
            )
          )
        )
      );
    });

    test.each<[string, Omit<SetBump, "set">]>([
      ["收入总表's 合计", { kind: "income_summary", by: 7 }],
      ["项目支出表's 合计", { kind: "project_expenditure", by: 3 }],
    ])("a 单位's %s misprinted: the 错误 cite that 单位's cells only", (_, b) => {
      const units = 2;
      const bump = { ...b, set: units, by: st.unit === "元" ? b.by * 10000 : b.by };
      const { grids, sets } = buildUnitSets(st, naming, units, {}, bump);
      const own = new Set(sets[units].grids.map((g) => g.sheet));
      const errors = check(grids).findings.filter((f) => f.severity === "error");
      expect(errors.length).toBeGreaterThan(0);
      for (const f of errors) {
        expect(f.cells.every((c) => own.has(parseRef(c).sheet!))).toBe(true);
        expect(f.message.startsWith(`【${sets[units].printed}】`)).toBe(true);
      }
      // The same errors as that set checked alone: within its tables and across them.
      const alone = check(sets[units].grids).findings.filter((f) => f.severity === "error");
      expect(keys(errors)).toEqual(keys(alone));
    });

    test("预算汇总 is the 部门 set's, projects counted once", () => {
      const { grids, sets } = buildUnitSets(st, naming, 2);
      const report = importWorkbook(grids);
      const content = (r: ReturnType<typeof importWorkbook>, g: SheetGrid[]) => {
        const sheet = buildSummarySheet(r, checkReport(r, { localize: false }), g);
        // Up to the review status (its counts are the whole workbook's).
        const end = sheet.cells.find((c) => c.value === "七、审核状态")?.row ?? Infinity;
        return sheet.cells
          .filter((c) => c.row < end && c.row > 1)
          .map((c) => `${c.row},${c.col}:${c.formula ?? ""}=${c.value}`);
      };
      expect(content(report, grids)).toEqual(content(importWorkbook(sets[0].grids), sets[0].grids));
    });
  });

  test("a one-set workbook is one set (with its options that repeat tables)", () => {
    for (const opts of [
      {},
      { continued: { kinds: ["expenditure_summary" as const], named: false } },
      { unitBlocks: { summary: true } },
    ]) {
      const report = importWorkbook(buildVariant(st, opts).grids);
      expect(tableSets(report)).toHaveLength(1);
    }
  });
});

test("tables printed by 单位 lines are one set", () => {
  for (const layout of UNIT_LAYOUTS)
    for (const kind of UNIT_KINDS)
      for (const tree of UNIT_TREES) {
        const v = buildUnitTable(kind, layout, tree);
        expect(tableSets(importWorkbook(v.grids))).toHaveLength(1);
      }
});

test.each([
  ["清河县财政评审中心2025年收支总表", "清河县财政评审中心"],
  ["清河县财政评审中心部门收支总表", "清河县财政评审中心"],
  ["清河县财政评审中心一般公共预算支出表", "清河县财政评审中心"],
  ["评审中心-收支总表", "评审中心"],
  ["单位1表1", "单位1"],
  ["单位2预算公开表", "单位2"],
  ["2025年部门收支总表", undefined],
  ["表一部门收支总表", undefined],
  ["公开01表部门收支总表", undefined],
  ["一般公共预算“三公”经费支出表", undefined],
  ["财政拨款“三公”经费支出表", undefined],
  ["部门收支总表", undefined],
  ["预算公开表", undefined],
  ["附件1-收支总表", undefined],
  ["表1-收支总表", undefined],
  ["收支总表-2", undefined],
])("the 单位 printed before a table's name: %s → %s", (text, unit) => {
  expect(unitPrefix(text)).toBe(unit);
});
