/**
 * Name columns captioned by their classification alone (newcomer7 k04: 收支总表 支出 in pairs captioned 按功能分类 | 预算数 |
 * 按经济分类 | 预算数): each is a label column over its amounts, as 支出功能分类科目（按大类） is. Every two-sided style
 * with the four label / amount pairs (Xi'an), the 支出 captions reworded: nothing found beyond the plain workbook's.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { SheetGrid } from "../../src/core/grid/grid";
import { STYLES, buildVariant } from "../fixtures/variants";

const CAPTIONS: Array<Record<string, string>> = [
  {
    "支出功能分类科目（按大类）": "按功能分类",
    "部门预算支出经济分类科目（按大类）": "按经济分类",
    "政府预算支出经济分类科目（按大类）": "按政府预算经济分类",
  },
  {
    "支出功能分类科目（按大类）": "按支出功能分类科目",
    "部门预算支出经济分类科目（按大类）": "按部门预算支出经济分类",
    "政府预算支出经济分类科目（按大类）": "按政府预算支出经济分类",
  },
];

const recaption = (grids: SheetGrid[], to: Record<string, string>): SheetGrid[] =>
  grids.map((g) => {
    const swap = <T>(v: T): T =>
      (typeof v === "string" && to[v.replace(/\s/g, "")] !== undefined
        ? to[v.replace(/\s/g, "")]
        : v) as T;
    return { ...g, values: g.values.map((r) => r.map(swap)), text: g.text.map((r) => r.map(swap)) };
  });

const lines = (grids: SheetGrid[]) => {
  const r = checkReport(importWorkbook(grids), { localize: false });
  return {
    findings: r.findings.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.message}`),
    checked: r.perRule.reduce((n, p) => n + p.checked, 0),
  };
};

describe.each(STYLES.filter((s) => !s.oneSided).map((s) => [s.name, s] as const))(
  "收支总表 / 财政拨款收支总表 in four pairs, 支出 captioned 按…分类: %s",
  (_n, style) => {
    const { grids } = buildVariant(style, { fourPairs: true });
    const base = lines(grids);
    test.each(CAPTIONS.map((c) => [Object.values(c).join(" | "), c] as const))(
      "%s: the same findings and checks",
      (_c, to) => {
        const g = recaption(grids, to);
        expect(g).not.toEqual(grids);
        expect(lines(g)).toEqual(base);
      }
    );
  }
);
