/**
 * A 收支总表 whose 支出 side lists the uses — 一、基本支出 / 二、项目支出 (事业单位 templates) — instead of the 功能分类
 * 类 (newcomer9 NC9-8): each use is the 支出总表's 合计 line in that column. Before, nothing tied those lines to the
 * 支出总表: a wrong 项目支出 broke only the side's own sum, and the localizer could not tell it from 基本支出 (the
 * wrong cell was suspected). Every generated template, its class lines rewritten as the two uses.
 */
import { parseRef } from "../../src/core/grid/address";
import type { SheetGrid } from "../../src/core/grid/grid";
import { importWorkbook } from "../../src/core/importer/importer";
import type { Table } from "../../src/core/model/schema";
import { checkReport } from "../../src/core/rules/engine";
import { mutate } from "../../bench/localization";
import { STYLES, buildVariant } from "../fixtures/variants";
import { serious } from "../helpers";

const FACTOR = { 元: 1, 万元: 10000, 千元: 1000 } as Record<string, number>;

/** The grids with the 收支总表's 支出 class lines rewritten as 一、基本支出 / 二、项目支出 (the rest blank); its cells. */
function byUse(grids: SheetGrid[]): { grids: SheetGrid[]; basic: string; project: string } {
  const report = importWorkbook(grids);
  const t1 = report.tables.find((t) => t.kind === "income_expenditure_summary") as Table;
  const t3 = report.tables.find((t) => t.kind === "expenditure_summary") as Table;
  const tot = t3.rows.find((r) => r.level === 0 && r.key === "total")!;
  const lines = t1.rows.filter((r) => r.side === "expenditure" && r.level === 1 && r.code);
  const cols = t1.columns.filter((c) => c.side === "expenditure" || !c.side);
  const out = grids.map((g) => ({
    ...g,
    values: g.values.map((r) => r.slice()),
    text: g.text.map((r) => r.slice()),
  }));
  const set = (ref: string, v: string | number) => {
    const p = parseRef(ref);
    const g = out.find((x) => x.sheet === p.sheet)!;
    const [r, c] = [p.r0 - g.origin.row, p.c0 - g.origin.col];
    g.values[r][c] = v;
    g.text[r][c] = typeof v === "number" ? v.toFixed(2) : v;
  };
  const inUnit = (x: number) => Math.round(((x * FACTOR[t3.unit]) / FACTOR[t1.unit]) * 100) / 100;
  const uses: Array<[string, number]> = [
    ["一、基本支出", inUnit(tot.amounts.basic!.value!)],
    ["二、项目支出", inUnit(tot.amounts.project!.value!)],
  ];
  const cells: string[] = [];
  lines.forEach((r, i) => {
    const row = parseRef(r.labelCell).r0;
    const g = out.find((x) => x.sheet === parseRef(r.labelCell).sheet)!;
    // The line's code cells (a 类 | 款 | 项 or 科目编码 column of the 支出 side) go with its name.
    g.values[row - g.origin.row].forEach((v, c) => {
      if (c + g.origin.col < parseRef(r.labelCell).c0 && String(v).trim() === r.code) {
        g.values[row - g.origin.row][c] = "";
        g.text[row - g.origin.row][c] = "";
      }
    });
    set(r.labelCell, i < uses.length ? uses[i][0] : "");
    for (const c of cols) {
      const a = r.amounts[c.key];
      if (a) set(a.cell, i < uses.length ? uses[i][1] : "");
      if (a && i === 0 && c.key === "total") cells.push(a.cell);
      if (a && i === 1 && c.key === "total") cells.push(a.cell);
    }
  });
  return { grids: out, basic: cells[0], project: cells[1] };
}

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const { grids, basic, project } = byUse(buildVariant(style).grids);
  const report = importWorkbook(grids);
  const before = new Set(checkReport(report, { localize: false }).findings.map((f) => f.message));

  test("the uses are read and match the 支出总表's 合计 line: no 错误 / 警告", () => {
    const t1 = report.tables.find((t) => t.kind === "income_expenditure_summary") as Table;
    expect(t1.rows.filter((r) => r.side === "expenditure").map((r) => r.key)).toEqual(
      expect.arrayContaining(["use_basic", "use_project"])
    );
    expect(serious(checkReport(report, { localize: false }).findings)).toEqual([]);
  });

  test.each([
    ["项目支出", 1],
    ["基本支出", 0],
  ])("%s +7 on the 收支总表: a cross 错误 with the 支出总表, citing it first", (_w, which) => {
    const cell = which ? project : basic;
    const delta = style.unit === "元" ? 70000 : 7;
    const found = serious(
      checkReport(importWorkbook(mutate(grids, cell, delta)), { localize: false }).findings
    ).filter((f) => !before.has(f.message));
    const cross = found.filter((f) => f.rule === "cross.summary-expenditure");
    expect(cross.map((f) => f.cells[0])).toEqual([cell]);
    expect(cross[0].message).toContain(which ? "项目支出" : "基本支出");
  });
});
