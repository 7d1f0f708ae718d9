/**
 * A table that agrees with itself but differs from the others in a few figures is told what those figures are, not
 * "整表…可能用错了表" (tester32 T32-15, T32-16, T32-22, tester31 jiangsu-typo-chain): a 项 that is the only one under
 * its 款 (and that 款 the only one under its 类: 221 → 22102 → 2210201) raised with its 款, 类 and 合计 following it
 * (the one-part sums read both ways, so no line was the origin); an amount moved between two figures of one line
 * (人员经费 → 公用经费, the line's total unchanged). Generated variants of every template printing its tables on
 * sheets of their own.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Row, Table } from "../../src/core/model/schema";
import type { SheetGrid } from "../../src/core/grid/grid";
import type { Cause } from "../../src/core/localize/cause";
import { mutate } from "../../bench/localization";
import { STYLES, buildVariant } from "../fixtures/variants";
import { table } from "../helpers";

const at = (ref: string) => ref.slice(ref.lastIndexOf("!") + 1);
const rowOf = (ref: string) => Number(/\d+$/.exec(ref)![0]);
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const causeAt = (causes: Cause[], cell: string) =>
  causes.find((c) => c.suspects.some((s) => s.cell === cell));

/** The line of `code` and the lines above it (its 款, 类, then the 合计 line). */
function lineAndAbove(t: Table, code: string): { item: Row; above: Row[] } {
  const k = t.rows.findIndex((r) => r.code === code);
  const before = t.rows.slice(0, k).reverse();
  return {
    item: t.rows[k],
    above: [
      before.find((r) => r.level === 2)!,
      before.find((r) => r.level === 1)!,
      t.rows.find((r) => r.level === 0)!,
    ],
  };
}

describe.each(STYLES.filter((s) => !s.stacked).map((s) => [s.name, s] as const))(
  "%s",
  (_n, style) => {
    const { grids } = buildVariant(style);
    const report = importWorkbook(grids);

    test("a single 项 under a single 款 raised, its sums following: that 项 named, 随之多计, not 整表", () => {
      const t = table(report, "general_budget_expenditure");
      const { item, above } = lineAndAbove(t, "2210201");
      // Codes spelt otherwise (names only) have no 2210201 line to find.
      if (!item) return;
      let g: SheetGrid[] = grids;
      for (const r of [item, ...above])
        for (const key of ["total", "basic"])
          if (r.amounts[key]?.cell) g = mutate(g, r.amounts[key].cell, 3);
      const res = checkReport(importWorkbook(g));
      const c = causeAt(res.causes, item.amounts.total.cell);
      expect(c).toBeDefined();
      expect(c!.message).not.toMatch(/整表|用错了表/);
      expect(c!.sheet).toBeUndefined();
      const sheet = item.amounts.total.cell.slice(0, item.amounts.total.cell.lastIndexOf("!"));
      expect(c!.message).toMatch(
        new RegExp(
          `^${esc(sheet)} [A-Z]+\\d+(?:、[A-Z]+\\d+)* 疑各?多 3\\.00${style.unit}，其上级合计 `
        )
      );
      expect(c!.message).toContain(at(item.amounts.total.cell));
      expect(rowOf(c!.suspects[0].cell)).toBe(rowOf(item.amounts.total.cell));
    });

    test("an amount moved from 人员经费 to 公用经费 in the 基本支出经济分类表: the split named, not 整表", () => {
      // The 一般公共预算支出表 printing 人员经费 | 公用经费: the split is compared with the 基本支出经济分类表's.
      const built = buildVariant(style, { personnelPublic: true }).grids;
      const t = importWorkbook(built).tables.find((x) => x.kind === "basic_expenditure_economic");
      if (!t || !t.columns.some((c) => c.key === "personnel")) return;
      const rows = t.rows;
      const from = rows.find((r) => r.level > 0 && r.code?.startsWith("301") && r.code.length > 3);
      const to = rows.find((r) => r.level > 0 && r.code?.startsWith("302") && r.code.length > 3);
      const total = rows.find((r) => r.level === 0);
      if (!from || !to || !total) return;
      const cls = (code: string) => rows.find((r) => r.code === code);
      let g: SheetGrid[] = built;
      const move = (r: Row | undefined, key: string, d: number) => {
        const cell = r?.amounts[key]?.cell;
        if (cell && r!.amounts[key].value !== null) g = mutate(g, cell, d);
      };
      for (const [r, d] of [
        [from, -2],
        [cls("301"), -2],
      ] as const) {
        move(r, "total", d);
        move(r, "personnel", d);
      }
      for (const [r, d] of [
        [to, 2],
        [cls("302"), 2],
      ] as const) {
        move(r, "total", d);
        move(r, "public", d);
      }
      move(total, "personnel", -2);
      move(total, "public", 2);
      const res = checkReport(importWorkbook(g));
      const c = causeAt(res.causes, total.amounts.public.cell);
      expect(c).toBeDefined();
      expect(c!.message).not.toMatch(/整表|用错了表/);
      expect(c!.message).toMatch(
        /两栏的划分疑与 .+ 不一致：[A-Z]+\d+ 多 2\.00.*少 2\.00.*方向相反/
      );
      expect(c!.suspects.map((s) => s.cell).sort()).toEqual(
        [total.amounts.personnel.cell, total.amounts.public.cell].sort()
      );
    });
  }
);
