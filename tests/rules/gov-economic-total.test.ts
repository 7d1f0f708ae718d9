/**
 * The 支出经济分类总表 printed twice (fix29b): by 部门预算支出经济分类 (301 …) and by 政府预算支出经济分类 (501 机关工资福利支出,
 * 502 机关商品和服务支出, 509 对个人和家庭的补助 …; 财政部《政府收支分类科目》 支出经济分类 has the two sets). The mapping
 * between the two is many-to-many (a 事业单位's 301 … go to 505 对事业单位经常性补助), so only what holds in any
 * department is checked: each table's 合计 line — 合计, 基本支出, 项目支出 — against the 支出总表
 * (cross.expenditure-economic-summary, for the 政府预算 one too), and a 收支总表 side by 政府预算 classes (four pairs,
 * Xi'an) class by class against the 总表 printing the same classification (cross.summary-economic-side), never
 * against a 部门预算 class. Every generated template.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Report, Table } from "../../src/core/model/schema";
import type { CheckResult } from "../../src/core/rules/rule";
import { mutate } from "../../bench/localization";
import { STYLES, buildVariant, type VariantOptions } from "../fixtures/variants";
import { said, scaleOf } from "./economic-helpers";

const at = (res: CheckResult, rule: string, cell: string, status: "holds" | "violated") =>
  res.identities.some(
    (i) => i.rule === rule && i.status === status && i.terms.some((x) => x.cell === cell)
  );
/** The 总表 by 政府预算支出经济分类 (its lines 5xx). */
const govTotal = (r: Report) =>
  r.tables.find(
    (t) => t.kind === "expenditure_economic" && t.rows.some((x) => x.code?.startsWith("501"))
  )!;
const totalOf = (t: Table) => t.rows.find((r) => r.key === "total" && r.level === 0)!;

const SETUPS: Array<[string, VariantOptions]> = [
  ["两套经济分类", { expenditureEconomic: true, govEconomicTotal: true }],
  [
    "with 政府性基金",
    { expenditureEconomic: true, govEconomicTotal: true, govFund: { amount: 30 } },
  ],
  ["收支总表四栏", { expenditureEconomic: true, govEconomicTotal: true, fourPairs: true }],
];

describe.each(STYLES.flatMap((s) => SETUPS.map(([n, o]) => [`${s.name} (${n})`, s, o] as const)))(
  "政府预算经济分类的支出经济分类总表: %s",
  (_n, style, opts) => {
    const { grids } = buildVariant(style, opts);
    const report = importWorkbook(grids);
    const gov = govTotal(report);
    const check = (g: typeof grids) => checkReport(importWorkbook(g), { localize: false });
    const sideLine = (name: string) =>
      report.tables
        .find((t) => t.kind === "income_expenditure_summary")
        ?.rows.find((r) => r.side === "expenditure_gov_economic" && r.label.endsWith(name));

    test("both read, the 政府预算 one's 合计 compared with the 支出总表, and nothing found", () => {
      expect(gov).toBeDefined();
      expect(report.tables.filter((t) => t.kind === "expenditure_economic")).toHaveLength(2);
      const res = checkReport(report, { localize: false });
      expect(said(res.findings)).toEqual([]);
      for (const k of ["total", "basic", "project"])
        expect(
          at(res, "cross.expenditure-economic-summary", totalOf(gov).amounts[k].cell, "holds")
        ).toBe(true);
      const wages = sideLine("机关工资福利支出");
      if (wages)
        expect(at(res, "cross.summary-economic-side", wages.amounts.total.cell, "holds")).toBe(
          true
        );
    });

    test("the 政府预算 one's 合计 项目支出 changed is found at its cell", () => {
      const cell = totalOf(gov).amounts.project.cell;
      const res = check(mutate(grids, cell, 2.5 * scaleOf(style)));
      expect(at(res, "cross.expenditure-economic-summary", cell, "violated")).toBe(true);
    });

    test("a 收支总表 line by 政府预算 class changed is found against the 政府预算 总表", () => {
      const wages = sideLine("机关工资福利支出");
      if (!opts.fourPairs || style.oneSided) return expect(wages).toBeUndefined();
      const cell = wages!.amounts.total.cell;
      const res = check(mutate(grids, cell, -5 * scaleOf(style)));
      expect(at(res, "cross.summary-economic-side", cell, "violated")).toBe(true);
    });
  }
);
