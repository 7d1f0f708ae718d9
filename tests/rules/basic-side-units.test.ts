/**
 * naming.unit-magnitude when the 基本支出表 is printed as two blocks side by side (人员经费 ‖ 公用经费, 决算-style /
 * the 财政部 form) and printed in the other unit (元 under 单位：万元, or the reverse). Without a 合计 line (its last
 * line 人员经费合计 | x | 公用经费合计 | y) no figure of it was paired with another table's: the unit went
 * unnoticed and its comparisons (cross.basic-economic, cross.operating-public, cross.three-public-economic) became
 * 错误 / 警告 of every figure. Now the 人员经费合计 and 公用经费合计 lines stand against the 一般公共预算支出表's
 * 基本支出 (together) or its 人员经费 / 公用经费 columns (each): the one 警告 at the unit, as with one 基本支出表,
 * and nothing else. Every generated template, with 表5 printing 基本支出 or 人员经费 | 公用经费.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Report } from "../../src/core/model/schema";
import { STYLES, buildVariant, type VariantOptions } from "../fixtures/variants";

const LAYOUTS: ReadonlyArray<[string, VariantOptions]> = [
  ["side by side, with 合计 line", { economicColumns: true }],
  ["side by side, no 合计 line", { economicColumns: true, economicColumnsNoTotal: true }],
];
const T5: ReadonlyArray<[string, VariantOptions]> = [
  ["表5 基本支出", {}],
  ["表5 人员经费 | 公用经费", { personnelPublic: true }],
];

const serious = (r: Report) =>
  checkReport(r, { localize: false })
    .findings.filter((f) => f.severity === "error" || f.severity === "warning")
    .map((f) => `${f.rule} ${f.severity}`)
    .sort();

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  describe.each(T5)("%s", (_t, t5) => {
    const wrong: VariantOptions = { ...t5, wrongUnit: "basic_expenditure_economic" };
    const plain = serious(importWorkbook(buildVariant(style, wrong).grids));

    test("one 基本支出表 in the other unit: the one 警告", () => {
      expect(plain).toEqual(["naming.unit-magnitude warning"]);
    });

    test.each(LAYOUTS)("%s, correct: no finding", (_l, opts) => {
      expect(serious(importWorkbook(buildVariant(style, { ...t5, ...opts }).grids))).toEqual([]);
    });

    test.each(LAYOUTS)("%s, in the other unit: the one 警告, no 错误", (_l, opts) => {
      const r = importWorkbook(buildVariant(style, { ...wrong, ...opts }).grids);
      expect(serious(r)).toEqual(plain);
      const unit = checkReport(r, { localize: false }).findings.find(
        (f) => f.rule === "naming.unit-magnitude"
      )!;
      expect(unit.message).toMatch(/^[^，]*基本支出经济分类表/);
    });
  });
});
