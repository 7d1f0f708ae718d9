/**
 * A 项目支出经济分类表 (every project's money by 经济分类 类 / 款) beside the 支出经济分类总表 (fix29b): the 总表's
 * 项目支出 column prints the same money 科目 by 科目, so each 类 / 款 and the 合计 line are compared
 * (cross.project-economic-classes; "=" for the same money, "≤" for a 项目支出经济分类表 of a narrower named
 * scope). Before, only the 项目支出经济分类表's 合计 was compared (with the 支出总表's 项目支出): a project's money put on
 * another 科目 in one of them (the totals kept) went unseen. Every generated template, with and without 政府性基金.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Report, Table } from "../../src/core/model/schema";
import type { CheckResult } from "../../src/core/rules/rule";
import { STYLES, buildVariant, type VariantOptions } from "../fixtures/variants";
import { exchange, said } from "./economic-helpers";

const RULE = "cross.project-economic-classes";
const table = (r: Report, kind: Table["kind"]) => r.tables.find((t) => t.kind === kind)!;
const line = (t: Table, code: string) => t.rows.find((r) => r.code === code)!;
const at = (res: CheckResult, cell: string, status: "holds" | "violated") =>
  res.identities.some(
    (i) => i.rule === RULE && i.status === status && i.terms.some((x) => x.cell === cell)
  );

const SETUPS: Array<[string, VariantOptions]> = [
  ["一般公共预算 only", { expenditureEconomic: true, projectEconomic: true }],
  ["合计 | 基本支出 | 项目支出", { expenditureEconomic: "basic", projectEconomic: true }],
  [
    "with 政府性基金",
    { expenditureEconomic: true, projectEconomic: true, govFund: { amount: 30 } },
  ],
];

describe.each(STYLES.flatMap((s) => SETUPS.map(([n, o]) => [`${s.name} (${n})`, s, o] as const)))(
  "项目支出经济分类表 ↔ 支出经济分类总表: %s",
  (_n, style, opts) => {
    const { grids } = buildVariant(style, opts);
    const report = importWorkbook(grids);
    const whole = table(report, "expenditure_economic");
    const t7 = table(report, "project_expenditure_economic");
    const check = (g: typeof grids) => checkReport(importWorkbook(g), { localize: false });

    test("each 科目 of the projects compared with the 总表's 项目支出, and nothing found", () => {
      expect(t7).toBeDefined();
      const res = checkReport(report, { localize: false });
      expect(said(res.findings)).toEqual([]);
      for (const code of ["30211", "30227", "302"])
        expect(at(res, line(whole, code).amounts.project.cell, "holds")).toBe(true);
    });

    test("差旅费 ↔ 委托业务费 exchanged in the 项目支出经济分类表 (its sums kept) is found at both lines", () => {
      const [x, y] = [line(t7, "30211"), line(t7, "30227")];
      const res = check(exchange(grids, x.amounts.total, y.amounts.total));
      expect(at(res, x.amounts.total.cell, "violated")).toBe(true);
      expect(at(res, y.amounts.total.cell, "violated")).toBe(true);
      expect(said(res.findings).length).toBeGreaterThan(0);
    });
  }
);
