/**
 * cross.three-public-economic / cross.three-public-ceiling, every line a “三公” table prints against the economic lines
 * that are part of it (newcomer12 NC12-2, -3, -11, -13, -15, -16), in every generated template:
 * - 31013 公务用车购置 in the 基本支出表 against the 三公 table's 购置费 (never compared before);
 * - 30215 会议费 / 30216 培训费 against the 会议费 / 培训费 a 三公 table prints beside its items;
 * - an unsplit 公务用车购置及运行维护费 against 30231 (+ 31013);
 * - a 一般公共预算支出经济分类表 (基本支出 + 项目支出 by 经济科目) against the 三公 items: its 30217 is all 一般公共预算
 *   公务接待费, basic and project alike;
 * - a 基本支出表 of all funds (部门基本支出预算表, 事业收入 / 单位资金 in it) is wider than a 三公 table of 财政拨款: no
 *   error by its 30217;
 * - a 基本支出表 detailed to 款 with no 31013 / 30217 line states that share as 0 (the ceiling applies); a
 *   classes-only table still leaves it unknown.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { SheetGrid } from "../../src/core/grid/grid";
import type { Table } from "../../src/core/model/schema";
import { totalRow } from "../../src/core/rules/helpers";
import { STYLES, buildVariant, type Style, type VariantOptions } from "../fixtures/variants";
import { mutate } from "../../bench/localization";
import { serious, table } from "../helpers";

const ECONOMIC = "cross.three-public-economic";
const CEILING = "cross.three-public-ceiling";
const errorsOf = (grids: SheetGrid[]) =>
  serious(checkReport(importWorkbook(grids), { localize: false }).findings);
const cellOf = (t: Table, key: string, col = "total") =>
  t.rows.find((r) => r.key === key || (!r.key && r.label === { meeting: "会议费" }[key]))!.amounts[
    col
  ]!.cell;
const econCell = (t: Table, code: string, col = "total") =>
  t.rows.find((r) => r.code === code)!.amounts[col]!.cell;
/** The 三公 table's figure of `v` 万元 in its own unit. */
const in3 = (st: Style, v: number) => (st.threePublicUnit === "元" ? v * 10000 : v);
/** The 基本支出表's figure of `v` 万元 in its own unit. */
const inUnit = (st: Style, v: number) => (st.unit === "元" ? v * 10000 : v);

/** Adds `by` to the 三公 table's lines of these keys and its 合计 (the re-added figures of a corrected table). */
function raise3(grids: SheetGrid[], t10: Table, keys: string[], by: number): SheetGrid[] {
  let g = grids;
  for (const k of keys) g = mutate(g, cellOf(t10, k), by);
  const tot = totalRow(t10)?.amounts.total;
  return tot ? mutate(g, tot.cell, by) : g;
}

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  test("31013 公务用车购置 10 in the 基本支出表 with the 三公 购置费 blank: one 错误 at the 购置费 cell; 购置费 10 (小计, 合计 re-added): nothing", () => {
    const opts: VariantOptions = {
      basicItems: [{ code: "31013", name: "公务用车购置", amount: 10 }],
    };
    const grids = buildVariant(style, opts).grids;
    const report = importWorkbook(grids);
    const t10 = table(report, "three_public");
    const t6 = table(report, "basic_expenditure_economic");
    const found = errorsOf(grids);
    expect(found.map((f) => f.rule)).toEqual([ECONOMIC]);
    expect(found[0].cells).toEqual([cellOf(t10, "vehicle_purchase"), econCell(t6, "31013")]);
    expect(found[0]).toMatchObject({ expected: in3(style, 10), actual: 0 });
    expect(errorsOf(raise3(grids, t10, ["vehicle_purchase", "vehicle"], in3(style, 10)))).toEqual(
      []
    );
  });

  test("会议费 / 培训费 beside the 三公 items: 30215 10 / 30216 8 within them, nothing; 会议费 7: one 错误 at its cell", () => {
    const basicItems = [
      { code: "30215", name: "会议费", amount: 10 },
      { code: "30216", name: "培训费", amount: 8 },
    ];
    const ok = buildVariant(style, {
      basicItems,
      threePublicExtras: { meeting: 10, training: 8, inTotal: false },
    }).grids;
    expect(errorsOf(ok)).toEqual([]);
    const grids = buildVariant(style, {
      basicItems,
      threePublicExtras: { meeting: 7, training: 8, inTotal: true },
    }).grids;
    const report = importWorkbook(grids);
    const found = errorsOf(grids);
    expect(found.map((f) => f.rule)).toEqual([ECONOMIC]);
    expect(found[0].cells).toEqual([
      cellOf(table(report, "three_public"), "meeting"),
      econCell(table(report, "basic_expenditure_economic"), "30215"),
    ]);
  });

  test("公务用车购置及运行维护费 unsplit: 30231 15 + 31013 5 above its 15 is one 错误 at that cell (beside the split 警告)", () => {
    const plain = buildVariant(style, { noVehicleSplit: true }).grids;
    expect(errorsOf(plain).map((f) => f.rule)).toEqual(["completeness.vehicle-split"]);
    const grids = buildVariant(style, {
      noVehicleSplit: true,
      basicItems: [{ code: "31013", name: "公务用车购置", amount: 5 }],
    }).grids;
    const report = importWorkbook(grids);
    const t10 = table(report, "three_public");
    const t6 = table(report, "basic_expenditure_economic");
    const found = errorsOf(grids).filter((f) => f.rule === ECONOMIC);
    expect(found).toHaveLength(1);
    expect(found[0].cells).toEqual([
      cellOf(t10, "vehicle"),
      econCell(t6, "30231"),
      econCell(t6, "31013"),
    ]);
    expect(found[0]).toMatchObject({ expected: in3(style, 20), actual: in3(style, 15) });
    // The line typed 5 below 30231 alone: the same 错误.
    expect(
      errorsOf(raise3(plain, t10, ["vehicle"], -in3(style, 3))).filter((f) => f.rule === ECONOMIC)
    ).toHaveLength(1);
  });

  describe.each(["basic", "split"] as const)("一般公共预算支出经济分类表 (%s)", (how) => {
    const grids = buildVariant(style, { generalEconomic: how }).grids;
    const report = importWorkbook(grids);
    const g = table(report, "general_budget_economic");
    const t10 = table(report, "three_public");
    /** 3 of 30227 委托业务费's 项目支出 booked to 30217 公务接待费 instead (302 and every total unchanged). */
    const moved = [
      [econCell(g, "30217", "project"), 3],
      [econCell(g, "30217"), 3],
      [econCell(g, "30227", "project"), -3],
      [econCell(g, "30227"), -3],
    ] as const;
    const shifted = moved.reduce((acc, [c, by]) => mutate(acc, c, inUnit(style, by)), grids);

    test("as generated: nothing", () => expect(errorsOf(grids)).toEqual([]));

    test("30217 合计 8 (基本 5 + 项目 3) above the 三公 公务接待费 5: one 错误 citing that table's 30217 合计", () => {
      const found = errorsOf(shifted);
      expect(found.map((f) => f.rule)).toEqual([ECONOMIC]);
      expect(found[0].cells).toEqual([cellOf(t10, "reception"), econCell(g, "30217")]);
      expect(found[0]).toMatchObject({ expected: in3(style, 8), actual: in3(style, 5) });
    });

    test("the 三公 公务接待费 8 (合计 re-added): nothing", () => {
      expect(errorsOf(raise3(shifted, t10, ["reception"], in3(style, 3)))).toEqual([]);
    });
  });

  test("公务用车购置费 100 (above the 70.50 outside the 基本支出表, no 31013 line there): a ceiling 错误; 40: nothing; classes-only 基本支出表: no bound", () => {
    const grids = buildVariant(style).grids;
    const t10 = table(importWorkbook(grids), "three_public");
    const over = raise3(grids, t10, ["vehicle_purchase", "vehicle"], in3(style, 100));
    const found = errorsOf(over).filter((f) => f.rule === CEILING);
    expect(found.map((f) => f.cells[0])).toEqual([cellOf(t10, "vehicle_purchase")]);
    expect(found[0].message).toMatch(/无此科目/);
    expect(
      errorsOf(raise3(grids, t10, ["vehicle_purchase", "vehicle"], in3(style, 40))).filter(
        (f) => f.rule === CEILING
      )
    ).toEqual([]);
    const classes = buildVariant(style, { economicClassesOnly: true }).grids;
    const t10c = table(importWorkbook(classes), "three_public");
    expect(
      errorsOf(raise3(classes, t10c, ["vehicle_purchase", "vehicle"], in3(style, 100))).filter(
        (f) => f.rule === CEILING
      )
    ).toEqual([]);
  });
});

/**
 * NC12-15: a 基本支出表 titled with no scope (部门基本支出预算表) in a department with 单位资金 holds that money too; its
 * 30217 公务接待费 8 (5 + 3 of 单位资金: 302, 公用经费 and 合计 re-added) against the 财政拨款 三公 table's 5 is no error.
 * Titled 一般公共预算, the same table is one (the 30217 line is all 一般公共预算 money then).
 */
describe.each(STYLES.filter((s) => s.mixedFunds).map((s) => [s.name, s] as const))(
  "all-funds 基本支出表, %s",
  (_n, style) => {
    const base = buildVariant(style).grids;
    const t6 = table(importWorkbook(base), "basic_expenditure_economic");
    const raised = [
      econCell(t6, "30217"),
      t6.rows.find((r) => r.code === "302")!.amounts.total.cell,
      t6.rows.find((r) => r.code === "302")!.amounts.public!.cell,
      econCell(t6, "30217", "public"),
      totalRow(t6)!.amounts.total.cell,
      totalRow(t6)!.amounts.public!.cell,
    ].reduce((g, c) => mutate(g, c, inUnit(style, 3)), base);
    const retitled = (scope: string) =>
      raised.map((g) =>
        g.sheet !== t6.sheet
          ? g
          : {
              ...g,
              values: g.values.map((r) =>
                r.map((v) =>
                  typeof v === "string" ? v.replace("一般公共预算基本支出", `${scope}基本支出`) : v
                )
              ) as SheetGrid["values"],
              text: g.text.map((r) =>
                r.map((v) => v.replace("一般公共预算基本支出", `${scope}基本支出`))
              ) as SheetGrid["text"],
            }
      );

    test("titled 部门基本支出预算表: no 三公 error", () => {
      const found = errorsOf(retitled("部门"));
      expect(found.filter((f) => f.rule === ECONOMIC)).toEqual([]);
      expect(found).toEqual([]);
    });

    test("titled 一般公共预算 (as generated): the 三公 错误 stands", () => {
      expect(errorsOf(raised).map((f) => f.rule)).toContain(ECONOMIC);
    });
  }
);
