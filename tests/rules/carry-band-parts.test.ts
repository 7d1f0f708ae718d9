/**
 * A 收入总表 whose 上年结转结余 band is split by whose money it was — 小计 | 财政拨款结转 | 非财政拨款结余 — instead of by
 * source (newcomer7 b38 / b39). Before, the two parts were unknown columns: the band's 小计 was never checked against
 * them and the 财政拨款 part never against the 财政拨款收支总表's 上年结转. Every generated template, with and without
 * money carried over.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import type { Table } from "../../src/core/model/schema";
import { checkReport } from "../../src/core/rules/engine";
import { mutate } from "../../bench/localization";
import { STYLES, buildVariant } from "../fixtures/variants";
import { serious } from "../helpers";

const carryBand = {
  caption: "上年结转结余",
  parts: ["财政拨款结转", "非财政拨款结余"] as [string, string],
};

const clean = (st: (typeof STYLES)[number]) =>
  serious(
    checkReport(importWorkbook(buildVariant(st, { incomeBands: true }).grids), { localize: false })
      .findings
  ).length === 0;
// With money carried over (mixedFunds) where the template's plain banded workbook is clean in that case too: some
// templates' 一般公共预算支出表 scope is misread with carry-over they do not print (a kind of its own).
const CASES = STYLES.flatMap((s) =>
  [false, true]
    .map(
      (m) => [`${s.name}${m ? " 有结转" : ""}`, { ...s, mixedFunds: m || s.mixedFunds }] as const
    )
    .filter(([, st]) => !st.mixedFunds || clean(st))
);

test("most templates are tried with money carried over", () =>
  expect(CASES.filter(([, st]) => st.mixedFunds).length).toBeGreaterThanOrEqual(6));

describe.each(CASES)("variant %s", (_n, style) => {
  const plain = serious(
    checkReport(importWorkbook(buildVariant(style, { incomeBands: true }).grids), {
      localize: false,
    }).findings
  ).map((f) => f.message);
  const { grids } = buildVariant(style, { incomeBands: true, carryBand });
  const report = importWorkbook(grids);
  const t2 = report.tables.find((t) => t.kind === "income_summary") as Table;

  test("the parts are read as the carried-over 财政拨款 and 单位资金; nothing new is reported", () => {
    expect(t2.columns.map((c) => c.key)).toEqual(
      expect.arrayContaining(["carryover", "carryover_fiscal", "carryover_unit_funds"])
    );
    expect(
      serious(checkReport(report, { localize: false }).findings).map((f) => f.message)
    ).toEqual(plain);
  });

  test("the 合计 line's 财政拨款结转 +7: a 错误 citing it", () => {
    const tot = t2.rows.find((r) => r.level === 0 && r.key === "total")!;
    const cell = tot.amounts.carryover_fiscal!.cell;
    const delta = t2.unit === "元" ? 70000 : 7;
    const before = new Set(plain);
    const found = serious(
      checkReport(importWorkbook(mutate(grids, cell, delta)), { localize: false }).findings
    ).filter((f) => !before.has(f.message));
    expect(found.some((f) => f.severity === "error" && f.cells.includes(cell))).toBe(true);
  });
});
