/**
 * A 一般公共预算支出表 whose title names one 上年结转 scope and whose figures are the other (tester31 T31-21,
 * zhejiang-carryover-included: titled （不含上年结转）, its 合计 this year's 一般公共预算 plus the 上年结转, every line ahead
 * of the 收入总表 by its 结转): one naming.carryover-title 错误 — 「标题写明不含上年结转，但「合计」… 多出上年结转…：表中含上年
 * 结转，或标题有误」 — and no 表间 错误 for each line (nor a cause 「整表疑与其他表不符…用错了表」); the converse (titled
 * （含上年结转）, figures without it) likewise. In every generated template, given 上年结转 money (mixedFunds). A title
 * matching its figures says nothing, and a line wrong beyond the 结转 is still found.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { SheetGrid } from "../../src/core/grid/grid";
import type { Table } from "../../src/core/model/schema";
import { STYLES, buildVariant, type Style, type VariantOptions } from "../fixtures/variants";
import { bump } from "../fixtures/grid-edit";
import { serious } from "../helpers";

const t5Of = (grids: SheetGrid[]): Table =>
  importWorkbook(grids).tables.find((t) => t.kind === "general_budget_expenditure")!;

/** The grids with the 一般公共预算支出表's title cell rewritten by `edit` (only that table's sheet). */
function retitled(grids: SheetGrid[], edit: (title: string) => string): SheetGrid[] {
  const sheet = t5Of(grids).sheet;
  return grids.map((g) => {
    if (g.sheet !== sheet) return g;
    const at = (v: unknown) => typeof v === "string" && /一般公共预算支出[^经]*表/.test(v);
    return {
      ...g,
      values: g.values.map((r) => r.map((v) => (at(v) ? edit(v as string) : v))),
      text: g.text.map((r) => r.map((v) => (at(v) ? edit(v) : v))),
    };
  });
}

const check = (grids: SheetGrid[]) => checkReport(importWorkbook(grids), { localize: false });
const lines = (grids: SheetGrid[]) =>
  serious(check(grids).findings).map((f) => `${f.rule} ${f.message}`);

describe.each(STYLES.map((s) => [s.name, { ...s, mixedFunds: true } as Style] as const))(
  "%s with 上年结转",
  (_n, style) => {
    const build = (o: VariantOptions = {}) => buildVariant(style, o).grids;
    // The table including the 结转 under a title saying it does not.
    const included = retitled(build({ generalWithCarryover: true }), (v) =>
      v.includes("不含上年结转") ? v : `${v}（不含上年结转）`
    );

    test("titled 不含上年结转, figures including it: one 错误 about the title, no line-by-line 错误", () => {
      expect(t5Of(included).excludesCarryover).toBe(true);
      const found = lines(included);
      expect(found).toEqual([expect.stringMatching(/^naming\.carryover-title /)]);
      expect(found[0]).toMatch(
        /标题写明不含上年结转，但「合计」 [\d.]+ 比.*本年一般公共预算 [\d.]+ 多出上年结转一般公共预算 [\d.]+.*：表中含上年结转，或标题有误/
      );
      // The same workbook with the title saying neither: the tables agree (the title is all that is wrong).
      expect(lines(build({ generalWithCarryover: true }))).toEqual([]);
    });

    test("titled 不含上年结转, figures including it: the localizer blames no whole table", () => {
      const res = checkReport(importWorkbook(included));
      expect(res.causes.map((c) => c.message).join("\n")).not.toMatch(/整表|用错了表/);
    });

    test("titled 含上年结转, figures without it: the converse 错误", () => {
      // (Most templates title it 不含上年结转; a few print no scope.)
      const titled = retitled(build(), (v) =>
        v.includes("不含上年结转") ? v.replace("不含上年结转", "含上年结转") : `${v}（含上年结转）`
      );
      expect(t5Of(titled).excludesCarryover).toBe(false);
      const found = lines(titled);
      expect(found).toEqual([expect.stringMatching(/^naming\.carryover-title /)]);
      expect(found[0]).toMatch(
        /标题写明含上年结转，但「合计」 [\d.]+ 等于.*未含上年结转.*：表中不含上年结转，或标题有误/
      );
    });

    test("a title matching its figures: nothing said", () => {
      expect(lines(build())).toEqual([]);
      const res = check(build());
      expect(res.findings.filter((f) => f.rule === "naming.carryover-title")).toEqual([]);
    });

    test("a 项 line of the mis-titled table wrong beyond the 结转: still found at its cell", () => {
      const t5 = t5Of(included);
      const line = t5.rows.find((r) => r.code?.length === 7 && r.amounts.total?.value)!;
      const grids = included.map((g) => ({
        ...g,
        values: g.values.map((r) => r.slice()),
        text: g.text.map((r) => r.slice()),
        numberFormat: g.numberFormat.map((r) => r.slice()),
      }));
      bump(grids, line.amounts.total.cell, 5);
      const found = serious(check(grids).findings);
      expect(found.some((f) => f.rule === "naming.carryover-title")).toBe(true);
      expect(
        found.some(
          (f) => f.rule !== "naming.carryover-title" && f.cells.includes(line.amounts.total.cell)
        )
      ).toBe(true);
    });
  }
);
