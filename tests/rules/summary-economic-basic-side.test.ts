/**
 * A 收支总表 whose 支出 side lists 部门预算支出经济分类 classes for the 基本支出 only (一、工资福利支出 / 二、商品和服务支出 /
 * 三、对个人和家庭的补助, then 四、项目支出 for the rest; fix29b): its classes are the 基本支出's, not the whole spending's.
 * Before, each was compared with the 支出经济分类总表 class's 合计 (基本支出 + 项目支出): a false 错误 wherever projects
 * spend in the class (商品和服务支出 here). Now the scope is explicit (economic-total.ts economicLines): a class of the
 * 基本支出 is compared with the 总表's 基本支出 of the class, or with the 基本支出经济分类表's class (the same money:
 * "="; fundRelation), and not at all where no table prints it. Every generated template, with and without the 总表
 * and 政府性基金 money.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Report, Table } from "../../src/core/model/schema";
import type { CheckResult } from "../../src/core/rules/rule";
import { mutate } from "../../bench/localization";
import { STYLES, buildVariant, type VariantOptions } from "../fixtures/variants";
import { fundRelation } from "../../src/core/rules/scope";
import { said, scaleOf, serious } from "./economic-helpers";

const RULE = "cross.summary-economic-side";
const table = (r: Report, kind: Table["kind"]) => r.tables.find((t) => t.kind === kind);
const lineOf = (t: Table, name: string) =>
  t.rows.find((r) => r.side !== "income" && r.label.replace(/^[一二三四五六七]、/, "") === name)!;
const at = (res: CheckResult, cell: string, status: "holds" | "violated") =>
  res.identities.some(
    (i) => i.rule === RULE && i.status === status && i.terms.some((x) => x.cell === cell)
  );

const SETUPS: Array<[string, VariantOptions]> = [
  ["vs 支出经济分类总表", { economicSide: "basic", expenditureEconomic: true }],
  ["vs 总表 without a 人员经费 split", { economicSide: "basic", expenditureEconomic: "basic" }],
  ["vs 基本支出经济分类表", { economicSide: "basic" }],
  [
    "with 政府性基金",
    { economicSide: "basic", expenditureEconomic: true, govFund: { amount: 30 } },
  ],
];

describe.each(STYLES.flatMap((s) => SETUPS.map(([n, o]) => [`${s.name} (${n})`, s, o] as const)))(
  "收支总表 基本支出 by economic class: %s",
  (_n, style, opts) => {
    const { grids } = buildVariant(style, opts);
    const report = importWorkbook(grids);
    const t1 = table(report, "income_expenditure_summary")!;
    const goods = lineOf(t1, "商品和服务支出");
    const cell = goods.amounts.total.cell;
    const check = (g: typeof grids) => checkReport(importWorkbook(g), { localize: false });

    test("each class compared with the 基本支出 of the class, and nothing found", () => {
      const res = checkReport(report, { localize: false });
      expect(said(res.findings)).toEqual([]);
      for (const name of ["工资福利支出", "商品和服务支出", "对个人和家庭的补助"])
        expect(at(res, lineOf(t1, name).amounts.total.cell, "holds")).toBe(true);
    });

    test("商品和服务支出 raised (lowered) by 10 万元 is found at its cell", () => {
      // Raised: beyond the class's 基本支出 where the table compared holds the same money; lowered: below it anyway
      // (a 一般公共预算基本支出表 beside 单位资金 holds less: "≥").
      const t6 = table(report, "basic_expenditure_economic")!;
      const same = !!opts.expenditureEconomic || fundRelation(report, t1, t6) === "=";
      for (const [by, found] of [
        [10, same],
        [-10, true],
      ] as const) {
        const res = check(mutate(grids, cell, by * scaleOf(style)));
        expect(at(res, cell, "violated")).toBe(found);
        if (found) expect(serious(res.findings).length).toBeGreaterThan(0);
      }
    });
  }
);
