/**
 * tester35 T35-5 / T35-11: 收支总表 支出 sides whose layout made false 错误.
 * - T35-5: the 功能 classes under a heading without figures (（一）按支出功能分类 / 按功能分类科目), with or without a
 *   second block （二）按支出经济分类. Before, the first heading opened a “second view” too: the 功能 classes were left
 *   out of 本年支出合计's sum — “本年支出合计 1496.30 ≠ 各类支出之和 0.00” on a clean workbook.
 * - T35-11: the side by 经济分类 (一、工资福利支出 / 二、商品和服务支出 …) with each class's 款 by name under it (基本工资,
 *   办公费 …, no code), indented or flush left. Before, the 款 were added as more classes (“1496.30 ≠ 2896.40”, a
 *   cause zeroing lines) and a wrong class figure was not isolated.
 * Every generated style: the clean twin adds no finding to the plain layout's, a seeded figure is found at its cell.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Row, Table } from "../../src/core/model/schema";
import type { Finding } from "../../src/core/rules/rule";
import type { SheetGrid } from "../../src/core/grid/grid";
import { mutate } from "../../bench/localization";
import { STYLES, buildVariant, type VariantOptions } from "../fixtures/variants";
import { scaleOf, serious } from "./economic-helpers";
import { table } from "../helpers";

const check = (g: SheetGrid[]) => checkReport(importWorkbook(g), { localize: false });
/** The 收支总表's 支出 line printing this name (ordinal and indent aside), after `from` lines of the side. */
const lineOf = (t: Table, name: string, from = 0): Row =>
  t.rows
    .filter((r) => r.side !== "income")
    .slice(from)
    .find((r) => r.label.replace(/^[\s\u3000]*([一二三四五六七八九十]+、)?/, "") === name)!;
const said = (fs: Finding[]) => serious(fs).map((f) => `${f.rule} ${f.message}`);

const styles = STYLES.filter((s) => !s.stacked);

describe.each(styles.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const k = scaleOf(style);

  describe("T35-5: the 功能 classes under a heading", () => {
    const HEADED: Array<[string, VariantOptions, VariantOptions]> = [
      [
        "（一）按支出功能分类 … （二）按支出经济分类",
        { functionalHeading: "（一）按支出功能分类", economicView: "（二）按支出经济分类" },
        { economicView: "（二）按支出经济分类" },
      ],
      ["（一）按支出功能分类 alone", { functionalHeading: "（一）按支出功能分类" }, {}],
      ["按功能分类科目 alone", { functionalHeading: "按功能分类科目" }, {}],
      [
        "按经济分类 over the 功能 classes (the side's first line)",
        { functionalHeading: "按经济分类" },
        {},
      ],
    ];
    test.each(HEADED)("%s: the clean twin adds no finding", (_h, opts, plain) => {
      const before = new Set(said(check(buildVariant(style, plain).grids).findings));
      const res = check(buildVariant(style, opts).grids);
      expect(said(res.findings).filter((s) => !before.has(s))).toEqual([]);
      // 本年支出合计 is compared with the 功能 classes and holds.
      expect(
        res.identities.some((i) => i.rule === "within.current-expenditure" && i.status === "holds")
      ).toBe(true);
    });

    test("a 功能 class 9 万元 high is found at its cell, never as a sum of 0.00", () => {
      const opts = HEADED[0][1];
      const { grids } = buildVariant(style, opts);
      const t1 = table(importWorkbook(grids), "income_expenditure_summary");
      const cell = lineOf(t1, "一般公共服务支出").amounts.total.cell;
      const fs = serious(check(mutate(grids, cell, 9 * k)).findings);
      expect(fs.length).toBeGreaterThan(0);
      expect(
        fs.some((f) => f.rule === "within.current-expenditure" && f.cells.includes(cell))
      ).toBe(true);
      expect(fs.filter((f) => / 0\.00（差/.test(f.message)).map((f) => f.message)).toEqual([]);
    });

    test("the economic block's 商品和服务支出 9 万元 high: within.expenditure-view at its cell, the classes hold", () => {
      const opts = HEADED[0][1];
      const { grids } = buildVariant(style, opts);
      const t1 = table(importWorkbook(grids), "income_expenditure_summary");
      const heading = t1.rows.findIndex((r) => r.key === "expenditure_view");
      expect(heading).toBeGreaterThan(0);
      const side = t1.rows.filter((r) => r.side !== "income");
      const cell = lineOf(t1, "商品和服务支出", side.indexOf(t1.rows[heading])).amounts.total.cell;
      const fs = serious(check(mutate(grids, cell, 9 * k)).findings);
      expect(fs.some((f) => f.rule === "within.expenditure-view" && f.cells.includes(cell))).toBe(
        true
      );
      expect(fs.filter((f) => f.rule === "within.current-expenditure")).toEqual([]);
    });
  });

  describe.each(["indented", "named"] as const)("T35-11: economic side with its 款 %s", (how) => {
    const opts: VariantOptions = { economicSide: true, economicSideItems: how };
    const { grids } = buildVariant(style, opts);
    const t1 = table(importWorkbook(grids), "income_expenditure_summary");

    test("the 款 are the children of their class, and the clean twin adds no finding", () => {
      const before = new Set(
        said(check(buildVariant(style, { economicSide: true }).grids).findings)
      );
      const res = check(grids);
      expect(said(res.findings).filter((s) => !before.has(s))).toEqual([]);
      const cls = lineOf(t1, "商品和服务支出");
      expect(lineOf(t1, "办公费").level).toBe(cls.level + 1);
      expect(lineOf(t1, "基本工资").level).toBe(lineOf(t1, "工资福利支出").level + 1);
    });

    test("the class 商品和服务支出 12 万元 high is found at its cell", () => {
      const cell = lineOf(t1, "商品和服务支出").amounts.total.cell;
      const fs = serious(check(mutate(grids, cell, 12 * k)).findings);
      expect(fs.length).toBeGreaterThan(0);
      expect(fs.filter((f) => !f.cells.includes(cell)).map((f) => f.message)).toEqual([]);
      expect(fs.some((f) => f.rule === "within.current-expenditure")).toBe(true);
    });

    test("a 款 (办公费) 5 万元 high is found at its cell, not its class's", () => {
      const cell = lineOf(t1, "办公费").amounts.total.cell;
      const fs = serious(check(mutate(grids, cell, 5 * k)).findings);
      expect(fs.length).toBeGreaterThan(0);
      expect(fs.filter((f) => !f.cells.includes(cell)).map((f) => f.message)).toEqual([]);
      expect(fs.filter((f) => f.rule === "within.current-expenditure")).toEqual([]);
    });
  });
});
