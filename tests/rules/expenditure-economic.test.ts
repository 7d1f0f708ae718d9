/**
 * 支出经济分类总表 (部门支出经济分类总表, newcomer14 NC14-10): the department's spending of all funds by 经济分类 类 / 款,
 * 合计 | 基本支出 (小计 | 人员经费 | 公用经费) | 项目支出. Before, its title named no kind (支出…经济分类 is neither a
 * 支出总表 nor a 基本支出 table): it was read by its header as a second 支出总表 or not at all, and nothing compared it.
 * Now it is a kind of its own, tied to the 支出总表's 合计 line (cross.expenditure-economic-summary), the
 * 基本支出经济分类表 科目 by 科目 (cross.expenditure-economic-basic: = for the same money, ≤ for the 一般公共预算 table of
 * a department with 单位资金) and the 项目支出表 (cross.expenditure-economic-project); its own sums are the within and
 * hierarchy rules'. Every generated template, with and without 政府性基金 money: the clean workbook raises nothing,
 * each mutation is found at its cell.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Report, Row, Table } from "../../src/core/model/schema";
import { mutate } from "../../bench/localization";
import { STYLES, buildVariant, type VariantOptions } from "../fixtures/variants";
import { fundRelation } from "../../src/core/rules/scope";
import { exchange, otherUnit, said, scaleOf, serious } from "./economic-helpers";

const RULES = [
  "cross.expenditure-economic-summary",
  "cross.expenditure-economic-basic",
  "cross.expenditure-economic-project",
];
const table = (r: Report, kind: Table["kind"]) => r.tables.find((t) => t.kind === kind);
const line = (t: Table, code: string) => t.rows.find((r) => r.code === code)!;
const totalOf = (t: Table) => t.rows.find((r) => r.key === "total" && r.level === 0)!;

const SETUPS: Array<[string, VariantOptions]> = [
  ["一般公共预算 only", { expenditureEconomic: true }],
  ["with 政府性基金", { expenditureEconomic: true, govFund: { amount: 30 } }],
];

describe.each(STYLES.flatMap((s) => SETUPS.map(([n, o]) => [`${s.name} (${n})`, s, o] as const)))(
  "支出经济分类总表: %s",
  (_n, style, opts) => {
    const { grids } = buildVariant(style, opts);
    const report = importWorkbook(grids);
    const t = table(report, "expenditure_economic");
    const k = scaleOf(style);
    const check = (g: typeof grids) => checkReport(importWorkbook(g), { localize: false });
    /**
     * The mutated workbook's serious findings all cite one of `cells` (one finding per figure: engine.ts), and `rule`
     * states a violated comparison at each of `found` (default: all of `cells`).
     */
    const foundAt = (g: typeof grids, rule: string, cells: string[], found = cells) => {
      const res = check(g);
      const fs = serious(res.findings);
      expect(fs.length).toBeGreaterThan(0);
      expect(
        fs.filter((f) => !f.cells.some((c) => cells.includes(c))).map((f) => f.message)
      ).toEqual([]);
      for (const c of found)
        expect(
          res.identities.some(
            (i) => i.rule === rule && i.status === "violated" && i.terms.some((x) => x.cell === c)
          )
        ).toBe(true);
    };
    // The 基本支出 table covers the same money (=), or less (≤: 一般公共预算 only, beside 单位资金 or 政府性基金).
    const t6 = table(report, "basic_expenditure_economic")!;
    const same = () => !!t && fundRelation(report, t6, t) === "=";

    test("read as its own kind, compared with the 支出总表, the 基本支出表 and the 项目支出表: no finding", () => {
      expect(t).toBeDefined();
      expect(report.tables.filter((x) => x.kind === "expenditure_summary")).toHaveLength(1);
      const res = checkReport(report, { localize: false });
      expect(said(res.findings)).toEqual([]);
      for (const rule of RULES)
        expect(res.identities.some((i) => i.rule === rule && i.status === "holds")).toBe(true);
    });

    // Lowered by 2.37: in a style printed in whole 万元, 1.37 prints 59 against 60 — within rounding as printed.
    test("one figure changed (30201 办公费 公用经费, lowered) is found at its cell", () => {
      const a = line(t!, "30201").amounts.public;
      foundAt(mutate(grids, a.cell, -2.37 * k), "cross.expenditure-economic-basic", [a.cell]);
    });

    test("the 合计 line's 项目支出 changed is found against the 支出总表 and the 项目支出表", () => {
      const a = totalOf(t!).amounts.project;
      const g = mutate(grids, a.cell, 2.5 * k);
      foundAt(g, "cross.expenditure-economic-summary", [a.cell]);
      foundAt(g, "cross.expenditure-economic-project", [a.cell]);
    });

    test("two 款 exchanged (30101 ↔ 30102, every column: the sums hold) are found at both lines", () => {
      const [x, y] = [line(t!, "30101"), line(t!, "30102")];
      const keys = ["total", "basic", "personnel"];
      let g = grids;
      for (const key of keys) g = exchange(g, x.amounts[key], y.amounts[key]);
      const cells = (r: Row) => keys.map((key) => r.amounts[key].cell);
      // 30101 goes down (150 → 100 万元): below the 基本支出 table's either way; 30102 goes up: only where "=".
      foundAt(
        g,
        "cross.expenditure-economic-basic",
        [...cells(x), ...cells(y)],
        [x.amounts.basic.cell, ...(same() ? [y.amounts.basic.cell] : [])]
      );
    });

    test("the 项目支出 column printed in the other unit is found at its 合计", () => {
      const a = totalOf(t!).amounts.project;
      const res = check(otherUnit(grids, t!, "project"));
      expect(serious(res.findings).length).toBeGreaterThan(0);
      expect(
        res.identities.some(
          (i) =>
            RULES.includes(i.rule) &&
            i.status === "violated" &&
            i.terms.some((x) => x.cell === a.cell)
        )
      ).toBe(true);
    });
  }
);
