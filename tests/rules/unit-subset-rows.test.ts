/**
 * A 部门's set printing one line per 下属单位 in its 收入总表 and 支出总表, then each 单位's 收支总表 and 支出总表
 * (tester32's 福建 county 教育局). Generated (tests/fixtures/unit-subsets.ts): 单位 tables in 元 or 万元, by-unit
 * lines with codes or names only, 单位 sheets named by code, name or place, 2–4 单位.
 * - T32-2: one of a 单位's two tables prints the wrong unit (figures as the other's). Before, the tie between the two
 *   was broken by whichever unit came first — the correct table was re-read and the 单位's money came out 10,000×.
 *   The 部门's lines of that 单位 decide now; with no such lines, a 警告 cites both unit cells and nothing is re-read.
 * - T32-3: a 单位's 支出总表 prints 2,000元 more on one 项 (its 款 / 类 / 合计 following). Before, nothing compared the
 *   单位's tables with the 部门's lines of it, and the cause blamed the 单位's 收支总表 (the 2 agreeing figures).
 *   cross.unit-rows compares them; the cause names the 支出总表 only.
 */
import { promises as fs } from "fs";
import path from "path";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { tableSets } from "../../src/core/model/sets";
import { parseRef } from "../../src/core/grid/address";
import type { Finding } from "../../src/core/rules/rule";
import {
  DEPT_LAYOUTS,
  SUBSET_NAMINGS,
  buildUnitSubsets,
  type SubsetOptions,
} from "../fixtures/unit-subsets";

const serious = (fs: Finding[]) =>
  fs.filter(
    (f) =>
      (f.severity === "error" || f.severity === "warning") &&
      f.rule !== "completeness.required-tables"
  );
const sheetOf = (cell: string) => parseRef(cell).sheet!;

const CASES: Array<Omit<SubsetOptions, "seed">> = DEPT_LAYOUTS.flatMap((layout) =>
  SUBSET_NAMINGS.flatMap((naming) =>
    (["元", "万元"] as const).flatMap((unitUnit) =>
      [2, 4].map((units) => ({ layout, naming, unitUnit, units }))
    )
  )
);
const named = (o: Omit<SubsetOptions, "seed">) =>
  `${o.units} 单位, ${o.unitUnit}, 部门 lines by ${o.layout}, sheets by ${o.naming}`;

describe.each(CASES.map((o) => [named(o), o] as const))("%s", (_, o) => {
  test("consistent: the 部门 set and each 单位's sub-set apart, no finding", () => {
    const { grids } = buildUnitSubsets(o);
    const report = importWorkbook(grids);
    expect(tableSets(report)).toHaveLength(o.units + 1);
    // The 部门's set holds the 部门's tables only (before: they went with the first 单位's set).
    expect(tableSets(report)[0].tables.map((t) => t.sheet)).toEqual(
      grids.slice(0, 4).map((g) => g.sheet)
    );
    const res = checkReport(report, { localize: false });
    expect(serious(res.findings)).toEqual([]);
    expect(res.perRule.find((r) => r.id === "cross.unit-rows")!.passed).toBeGreaterThan(0);
  });

  test.each(["收支总表", "支出总表"] as const)(
    "a 单位's %s labelled in the other unit: that label blamed, by the 部门's lines of the 单位",
    (table) => {
      const unit = 1;
      const { grids } = buildUnitSubsets({ ...o, seed: { unit, table, what: "label" } });
      const res = checkReport(importWorkbook(grids), { localize: false });
      const found = serious(res.findings);
      expect(found.map((f) => f.rule)).toEqual(["naming.unit-magnitude"]);
      const sheet = grids[4 + unit * 2 + (table === "收支总表" ? 0 : 1)].sheet;
      // The unit cell of the seeded table (row 2, last column), first.
      expect(sheetOf(found[0].cells[0])).toBe(sheet);
      expect(found[0].cells[0]).toMatch(/!(D|E)2$/);
      expect(found[0].message).toContain(`实际以“${o.unitUnit}”为单位`);
      // Cited on both sides: the 部门's line of the 单位 among the counterparts.
      expect(found[0].cells.some((c) => /^'0[24]/.test(c))).toBe(true);
    }
  );

  test("the 部门 printing nothing by 单位: the tie said, both labels cited, nothing re-read", () => {
    const { grids } = buildUnitSubsets({
      ...o,
      byUnit: false,
      seed: { unit: 1, table: "收支总表", what: "label" },
    });
    const res = checkReport(importWorkbook(grids), { localize: false });
    const unit = res.findings.filter((f) => f.rule === "naming.unit-magnitude");
    expect(unit).toHaveLength(1);
    expect(unit[0].severity).toBe("warning");
    // The 单位 sheets follow the 部门's (3 here: no 支出总表 by 单位), two per 单位.
    const at = grids.length - o.units * 2 + 2;
    const [a, b] = [grids[at].sheet, grids[at + 1].sheet];
    expect(unit[0].cells.slice(0, 2).map(sheetOf).sort()).toEqual([a, b].sort());
    expect(unit[0].message).toContain("未换算");
    // Not re-read: the two tables' figures differ 10,000× in the comparisons.
    expect(
      res.findings.some((f) => f.rule === "cross.summary-expenditure" && f.severity === "error")
    ).toBe(true);
  });

  test("a 单位's 支出总表 2,000元 more on one 项: compared with the 部门's line; the cause names that table", () => {
    const unit = o.units - 1;
    const { grids } = buildUnitSubsets({
      ...o,
      seed: { unit, table: "支出总表", what: "bump", by: 2000 },
    });
    const res = checkReport(importWorkbook(grids));
    const exp = grids[4 + unit * 2 + 1].sheet;
    const rows = res.findings.filter((f) => f.rule === "cross.unit-rows");
    expect(rows.length).toBeGreaterThanOrEqual(1);
    for (const f of rows) {
      expect(f.severity).toBe("error");
      expect(sheetOf(f.cells[0])).toBe(exp);
      expect(sheetOf(f.cells[1])).toBe("04支出总表（按单位）");
      expect(Math.abs(f.difference!)).toBe(o.unitUnit === "元" ? 2000 : 0.2);
    }
    const suspects = res.causes.flatMap((c) => [
      ...c.suspects.map((s) => s.cell),
      ...c.alternatives.flatMap((x) => x.map((s) => s.cell)),
    ]);
    expect(suspects.length).toBeGreaterThan(0);
    expect(suspects.map(sheetOf).every((s) => s === exp)).toBe(true);
  });
});

test("tester32's fujian-multiunit.xlsx: the 部门's four tables one set; 001004's 收支总表 label blamed, not its 支出总表", async () => {
  const file = path.join(__dirname, "../fixtures/tester32/fujian-multiunit.xlsx");
  const report = importWorkbook((await readXlsxBuffer(await fs.readFile(file))).grids);
  const sets = tableSets(report);
  expect(sets.map((s) => s.tables.length)).toEqual([4, 2, 2, 2, 2]);
  expect(sets[0].name).toBe("福建省某县教育局");
  const found = checkReport(report, { localize: false }).findings.filter(
    (f) => f.rule === "naming.unit-magnitude"
  );
  expect(found).toHaveLength(1);
  expect(found[0].cells[0]).toBe("'001004收支总表'!D2");
  expect(found[0].message).toContain("实际以“元”为单位");
});
