/**
 * 上年预算数 columns add up like this year's within their table (hierarchy.total, hierarchy.parent-children): a
 * 项's, 款's or 类's prior figure changed is found at its cell, in every generated template; blank prior cells of
 * new lines and a template printing 上年数 only above the 项 level stay quiet; no cross-table rule compares prior
 * figures (they differ from this year's by nature).
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { SheetGrid } from "../../src/core/grid/grid";
import type { Report, Row, Table } from "../../src/core/model/schema";
import type { Finding } from "../../src/core/rules/rule";
import { parseRef } from "../../src/core/grid/address";
import { STYLES, buildVariant } from "../fixtures/variants";
import { mutate } from "../../bench/localization";

const serious = (fs: Finding[]) =>
  fs
    .filter((f) => f.severity === "error" || f.severity === "warning")
    .map((f) => `${f.rule} ${f.cells[0]}`);
const t5 = (r: Report): Table => r.tables.find((t) => t.kind === "general_budget_expenditure")!;
const priorCell = (t: Table, pick: (r: Row) => boolean) =>
  t.rows.find((r) => pick(r) && r.amounts.prior && !r.amounts.prior.blank)!.amounts.prior.cell;

/** The grids with these cells printed blank. */
function blank(grids: SheetGrid[], cells: string[]): SheetGrid[] {
  return grids.map((g) => {
    const mine = cells.map(parseRef).filter((p) => p.sheet === g.sheet);
    if (!mine.length) return g;
    const values = g.values.map((r) => r.slice());
    const text = g.text.map((r) => r.slice());
    for (const p of mine) {
      values[p.r0][p.c0] = "";
      text[p.r0][p.c0] = "";
    }
    return { ...g, values, text };
  });
}

describe.each(STYLES.map((s) => [s.name, s] as const))(
  "variant %s with 上年预算数",
  (_n, style) => {
    const { grids } = buildVariant(style, { priorYear: true });
    const report = importWorkbook(grids);
    const base = checkReport(report);

    test("the prior column is read as such and the published figures raise nothing", () => {
      expect(t5(report).columns.map((c) => c.key)).toEqual(["prior", "total", "basic", "project"]);
      expect(serious(base.findings)).toEqual([]);
      // Summed: the prior column's identities are among the checked ones.
      const priorCells = new Set(t5(report).rows.map((r) => r.amounts.prior?.cell));
      expect(
        base.identities.some(
          (i) => i.rule.startsWith("hierarchy.") && i.terms.some((x) => priorCells.has(x.cell))
        )
      ).toBe(true);
    });

    test.each([
      ["a 项", (r: Row) => r.level === 3 || r.code?.length === 7],
      ["a 类", (r: Row) => r.level === 1],
      ["the 合计", (r: Row) => r.level === 0],
    ])(
      "%s prior figure changed: a hierarchy error at that cell, nothing across tables",
      (_w, pick) => {
        const cell = priorCell(t5(report), pick);
        const after = checkReport(
          importWorkbook(mutate(grids, cell, style.unit === "元" ? 13370 : 1.37))
        ).findings.filter(
          // The text-amount templates' 提示 lists every amount stored as text, this one too.
          (f) => f.cells.includes(cell) && f.rule !== "input.text-amounts"
        );
        expect(after.length).toBeGreaterThan(0);
        expect(after.every((f) => f.rule.startsWith("hierarchy.") && f.severity === "error")).toBe(
          true
        );
      }
    );

    test("上年数 printed only for the 合计 and the 类 (款 and 项 blank): nothing to report", () => {
      const lower = t5(report)
        .rows.filter((r) => r.level >= 2 && r.amounts.prior && !r.amounts.prior.blank)
        .map((r) => r.amounts.prior.cell);
      expect(lower.length).toBeGreaterThan(0);
      expect(serious(checkReport(importWorkbook(blank(grids, lower))).findings)).toEqual([]);
    });
  }
);
