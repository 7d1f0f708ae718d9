/**
 * 国有资产占用情况表 (newcomer5's k01 / k02): counts and areas, not money. In every generated template, printed as one
 * line 车辆合计（辆） | its six kinds (北京) or as 房屋 / 车辆 bands over 合计 | items, for the department alone or as a
 * 合计 line over two units: a correct table raises nothing; a wrong 合计 (across or down) is found by
 * within.quantity-sums in counts — the same figures in a 元 and a 万元 workbook, worded in 辆 / 平方米, never 万元 —
 * and no money rule reads the table.
 */
import fs from "fs/promises";
import path from "path";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Report, Table } from "../../src/core/model/schema";
import type { CheckResult, Finding } from "../../src/core/rules/rule";
import type { SheetGrid } from "../../src/core/grid/grid";
import { STYLES, buildVariant } from "../fixtures/variants";
import { mutate } from "../../bench/localization";
import { inArea, parseRef, quoteSheet } from "../../src/core/grid/address";
import { gridRowOf } from "../../src/core/grid/grid";
import { serious } from "../helpers";

const lines = (fs: Finding[]) => serious(fs).map((f) => `${f.rule} ${f.message}`);
const assets = (r: Report): Table => r.tables.find((t) => t.kind === "assets")!;
const check = (grids: SheetGrid[]) => checkReport(importWorkbook(grids), { localize: false });
const rule = (r: CheckResult, id: string) => r.perRule.find((p) => p.id === id)!;
const sheetOf = (cell: string) => cell.slice(0, cell.lastIndexOf("!"));

const LAYOUTS = [
  { band: false, units: false },
  { band: false, units: true },
  { band: true, units: false },
  { band: true, units: true },
];

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const base = check(buildVariant(style).grids);

  test.each(
    LAYOUTS.map((l) => [`${l.band ? "bands" : "one line"}${l.units ? ", 合计 over units" : ""}`, l])
  )(
    "国有资产占用情况表 (%s): checked as counts, a wrong 合计 found in 辆, no money rule reads it",
    (_l, layout) => {
      const { grids } = buildVariant(style, { assets: layout });
      const report = importWorkbook(grids);
      const t = assets(report);
      const result = checkReport(report, { localize: false });
      // Correct: nothing more than without the table; its sums checked.
      expect(lines(result.findings)).toEqual(lines(base.findings));
      const counted = rule(result, "within.quantity-sums");
      expect(counted.checked).toBeGreaterThan(0);
      expect(counted.failed).toBe(0);
      // No money identity cites its cells (the money rules leave it).
      const area = parseRef(`${quoteSheet(t.sheet)}!${t.range}`);
      const mine = (cell: string) =>
        sheetOf(cell) === quoteSheet(t.sheet) && inArea(area, parseRef(cell));
      expect(result.identities.filter((i) => i.terms.some((x) => mine(x.cell))).length).toBe(0);

      // The department's (first unit's) 车辆 合计 one more: across, and down when a 合计 line is printed.
      const carTotal = t.columns.find((c) => /车辆/.test(c.label) && /合计/.test(c.label))!;
      const line = t.rows.find((r) => r.level > 0)!;
      const cell = line.amounts[carTotal.key].cell;
      const wrong = checkReport(importWorkbook(mutate(grids, cell, 1)), { localize: false });
      const found = wrong.findings.filter(
        (f) => f.rule === "within.quantity-sums" && f.cells.includes(cell)
      );
      expect(found.length).toBe(layout.units ? 2 : 1);
      for (const f of found) {
        expect(f.severity).toBe("error");
        expect(f.message).toMatch(/辆/);
        expect(f.message).not.toMatch(/元/);
      }
      // Counts are counts in a 元 workbook as in a 万元 one: 3 kinds of car, printed 4.
      const across = found.find((f) => /之和/.test(f.message) && !/各行/.test(f.message))!;
      expect([across.actual, across.expected, across.difference]).toEqual([4, 3, 1]);
      // Nothing else changes: the money rules never read the table.
      expect(lines(wrong.findings.filter((f) => f.rule !== "within.quantity-sums"))).toEqual(
        lines(base.findings)
      );

      if (layout.band) {
        // 房屋's 办公用房 of the first unit 10 平方米 more: its 合计 no longer adds up (and the 合计 line's, below).
        const office = t.columns.find((c) => /办公用房/.test(c.label))!;
        const oc = line.amounts[office.key].cell;
        const w2 = check(mutate(grids, oc, 10)).findings.filter(
          (f) => f.rule === "within.quantity-sums" && f.cells.includes(oc)
        );
        expect(w2.length).toBe(layout.units ? 2 : 1);
        expect(w2.every((f) => /平方米/.test(f.message))).toBe(true);
      }
    }
  );
});

describe.each(STYLES.map((s) => [s.name, s] as const))(
  "国有资产占用情况表 hidden or marked empty, %s: worded as counts (数量, 辆), never 金额 / 万元",
  (_n, style) => {
    const { grids } = buildVariant(style, { assets: { band: true, units: true } });
    const t = assets(importWorkbook(grids));
    const unit = t.rows.find((r) => r.level > 0)!;
    const { sheet, r0 } = parseRef(unit.labelCell);

    test("a unit's line in a hidden row: printed.hidden-amounts says 数量 in the column's unit", () => {
      const hidden = grids.map((g) =>
        quoteSheet(g.sheet) === quoteSheet(sheet ?? "")
          ? { ...g, hiddenRows: [...(g.hiddenRows ?? []), gridRowOf(g, r0)] }
          : g
      );
      const found = check(hidden).findings.filter((f) => f.rule === "printed.hidden-amounts");
      expect(found.length).toBe(1);
      expect(found[0].message).toMatch(/已隐藏，但有数量 [\d.]+(辆|平方米|台)/);
      expect(found[0].message).not.toMatch(/金额|万元|元）/);
    });
  }
);

describe("newcomer5's 国有资产占用情况表 (北京: one line, 单位：万元 printed over counts)", () => {
  const dir = path.join(__dirname, "..", "fixtures", "newcomer5", "leftovers");
  const run = async (file: string) =>
    checkReport(
      importWorkbook((await readXlsxBuffer(await fs.readFile(path.join(dir, file)))).grids),
      {
        localize: false,
      }
    );

  test("k01 (车辆合计 3 = 1 + 2): no finding, the sum checked", async () => {
    const result = await run("k01-assets-ok.xlsx");
    expect(serious(result.findings)).toEqual([]);
    expect(rule(result, "within.quantity-sums").checked).toBeGreaterThan(0);
  });

  test("k02 (车辆合计 4 over 1 + 2): one 错误 in 辆 citing the total and its kinds", async () => {
    const result = await run("k02-assets-total-wrong.xlsx");
    expect(lines(result.findings)).toEqual([
      "within.quantity-sums 「11.国有资产占用情况表」（资产表）「北京市审计局」行「车辆合计（辆）」 4 ≠ 主要领导干部用车 + 机要通信用车 + 应急保障用车 + 执法执勤用车 + 特种专业技术用车 + 其他用车 之和 3（差 1 辆）",
    ]);
    expect(result.findings[0].cells[0]).toBe("'11.国有资产占用情况表'!B4");
  });
});
