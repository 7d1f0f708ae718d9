/**
 * A 基本支出经济分类表 that prints a PART of the 基本支出 is not the whole (newcomer 14, NC14-8 / NC14-1): published as
 * two tables, 人员经费 and 公用经费 (“…基本支出表（人员经费）” / “（公用经费）”, “…基本支出人员经费表” / “…公用经费表”),
 * each with its 合计; or as two blocks side by side (人员经费 ‖ 公用经费) whose last line is 人员经费合计 | 公用经费合计,
 * without a 合计 line (the 财政部 form). Their two 合计s together stand for the 基本支出 of the 一般公共预算支出表.
 * Before: each part table was compared as a whole one (2 false 错误 on a correct workbook), and the side-by-side table
 * was compared with nothing (a +10 passed). Every generated template.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Report, Table } from "../../src/core/model/schema";
import { bump } from "../fixtures/grid-edit";
import { STYLES, buildVariant, type VariantOptions } from "../fixtures/variants";

import type { SheetGrid } from "../../src/core/grid/grid";

const serious = (r: Report) =>
  checkReport(r, { localize: false })
    .findings.filter((f) => f.severity === "error" || f.severity === "warning")
    .map((f) => `${f.rule} ${f.severity}`)
    .sort();

/** The figure at a sheet-qualified A1 reference raised by 10 units of its table, shown as 0.00. */
const raise = (grids: SheetGrid[], ref: string) => bump(grids, ref, 10, 2);

const basics = (r: Report): Table[] =>
  r.tables.filter((t) => t.kind === "basic_expenditure_economic");

/** 30101 基本工资 +10 with its class 301 and the 人员经费 total that adds it (the 合计 line of its table, or 人员经费合计). */
function personnelPlus10(opts: VariantOptions, style: (typeof STYLES)[number]) {
  const v = buildVariant(style, opts);
  const r = importWorkbook(v.grids);
  // By code, or by name where the table prints names only.
  const line = (t: Table, code: string, name: string) =>
    t.rows.find((y) => y.code === code || (!y.code && y.label === name));
  const t = basics(r).find((x) => line(x, "30101", "基本工资"))!;
  const sum =
    t.rows.find((y) => y.key === "personnel" && !y.code) ?? t.rows.find((y) => y.key === "total")!;
  const cells = [line(t, "30101", "基本工资")!, line(t, "301", "工资福利支出")!].map(
    (y) => y.amounts.total.cell
  );
  for (const c of [...cells, sum.amounts.total.cell]) raise(v.grids, c);
  return { report: importWorkbook(v.grids), total: sum.amounts.total.cell };
}

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const plain = serious(importWorkbook(buildVariant(style).grids));

  test.each(["paren", "named"] as const)(
    "two tables (%s): each is a part; no finding the one table has not, a +10 in the 人员经费 table is one 错误 there",
    (how) => {
      const r = importWorkbook(buildVariant(style, { basicTwoTables: how }).grids);
      expect(
        basics(r).map((t) => t.rows.find((x) => x.key === "total")?.amounts.total.value)
      ).toHaveLength(2);
      expect(serious(r)).toEqual(plain);
      const { report, total } = personnelPlus10({ basicTwoTables: how }, style);
      const found = checkReport(report, { localize: false }).findings.filter(
        (f) => f.rule === "cross.basic-economic"
      );
      expect(found.map((f) => [f.severity, f.cells.includes(total)])).toEqual([["error", true]]);
    }
  );

  test("side by side without a 合计 line: 人员经费合计 + 公用经费合计 is compared with 表5 基本支出, and the 三公 ceiling runs", () => {
    const opts = { economicColumns: true, economicColumnsNoTotal: true };
    const r = importWorkbook(buildVariant(style, opts).grids);
    expect(serious(r)).toEqual(plain);
    const res = checkReport(r, { localize: false });
    for (const id of ["cross.basic-economic", "cross.three-public-ceiling"])
      expect({ id, checked: res.perRule.find((p) => p.id === id)!.checked > 0 }).toEqual({
        id,
        checked: true,
      });
    const { report, total } = personnelPlus10(opts, style);
    const found = checkReport(report, { localize: false }).findings.filter(
      (f) => f.rule === "cross.basic-economic"
    );
    expect(found.map((f) => [f.severity, f.cells.includes(total)])).toEqual([["error", true]]);
  });

  // tester29b T29B-12: each group's total printed as 合计 on the first line (合计 | x | 合计 | y), before the classes —
  // before, the first 合计 was the whole table's total and the second another (3 false 错误).
  test.each(["coded", "subject"] as const)(
    "side by side with a 合计 atop each group (%s): the two are 人员经费 and 公用经费, no new finding, a +10 is one 错误",
    (how) => {
      const opts = { economicColumns: true, economicColumnsTopTotals: how };
      const r = importWorkbook(buildVariant(style, opts).grids);
      expect(serious(r)).toEqual(plain);
      const t = basics(r)[0];
      const sums = t.rows.filter((x) => !x.code && /^(total|personnel|public)$/.test(x.key ?? ""));
      expect(sums.map((x) => x.key)).toEqual(["personnel", "public"]);
      const { report, total } = personnelPlus10(opts, style);
      const found = checkReport(report, { localize: false }).findings.filter(
        (f) => f.rule === "cross.basic-economic"
      );
      expect(found.map((f) => [f.severity, f.cells.includes(total)])).toEqual([["error", true]]);
    }
  );

  // fix29a leftover: 302 printed in both parts (30229 福利费 counted as 人员经费) — 表5's 商品和服务支出 column is the
  // sum of the two 302 lines, not the first one's (a false 错误 before).
  test.each([
    ["side by side", { economicColumns: true }],
    ["two tables", { basicTwoTables: "paren" }],
  ] as Array<[string, VariantOptions]>)(
    "%s, a class in both parts: 表5's class column is their sum; that class's 公用经费 line +10 is an 错误 there",
    (_h, layout) => {
      const opts: VariantOptions = { ...layout, basicByEconomic: "classes" };
      const both = { ...opts, basicItems: [WELFARE] };
      const r = importWorkbook(buildVariant(style, both).grids);
      expect(serious(r)).toEqual(serious(importWorkbook(buildVariant(style, opts).grids)));
      const res = checkReport(r, { localize: false });
      expect(res.perRule.find((p) => p.id === "cross.basic-economic")!.checked).toBeGreaterThan(0);
      const v = buildVariant(style, both);
      const lines = basics(importWorkbook(v.grids)).flatMap((t) =>
        t.rows.filter((x) => x.code === "302")
      );
      expect(lines).toHaveLength(2);
      const cell = lines[1].amounts.total.cell;
      raise(v.grids, cell);
      const found = checkReport(importWorkbook(v.grids), { localize: false }).findings.filter(
        (f) => f.rule === "cross.basic-economic" && f.severity === "error"
      );
      expect(found.some((f) => f.cells.includes(cell))).toBe(true);
    }
  );
});

/** A 302 item paid as 人员经费 (carved out of 30239 其他交通费用): class 302 printed in both parts. */
const WELFARE = { code: "30229", name: "福利费", amount: 5, part: "personnel" as const };
