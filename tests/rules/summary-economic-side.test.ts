/**
 * A 收支总表 whose 支出 side lists 部门预算支出经济分类 classes (吉林 style: 一、工资福利支出 / 二、商品和服务支出 / 三、对个人和
 * 家庭的补助 / 四、资本性支出, no 功能 class) is compared class by class (cross.summary-economic-side): with the
 * 支出经济分类总表's class (=, the same money), else with the 基本支出经济分类表's (≥: the line holds the projects'
 * money too, and all funds). Before, those lines were compared with nothing (no 功能 code), so a line's figure
 * wrong or two lines exchanged (the totals kept) went unseen. 其他支出 there is 399, never the 功能 229 (stop 25), and
 * the side still balances (收入总计 = 支出总计). Every generated template.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Row, Table } from "../../src/core/model/schema";
import type { CheckResult } from "../../src/core/rules/rule";
import { mutate } from "../../bench/localization";
import { STYLES, buildVariant, type VariantOptions } from "../fixtures/variants";
import { exchange, said, scaleOf, serious } from "./economic-helpers";
import { table } from "../helpers";

const RULE = "cross.summary-economic-side";
/** The 收支总表's 支出 line naming this class. */
const lineOf = (t: Table, name: string) =>
  t.rows.find((r) => r.side !== "income" && r.label.replace(/^[一二三四五六七]、/, "") === name)!;
const violatedAt = (res: CheckResult, cell: string) =>
  res.identities.some(
    (i) => i.rule === RULE && i.status === "violated" && i.terms.some((x) => x.cell === cell)
  );

/** [name, options, compared with the 支出经济分类总表 (=) rather than the 基本支出表 (≥)]. */
const SETUPS: Array<[string, VariantOptions, boolean]> = [
  ["vs 基本支出经济分类表", { economicSide: true }, false],
  ["vs 支出经济分类总表", { economicSide: true, expenditureEconomic: true }, true],
  [
    "with 政府性基金 as 资本性支出",
    { economicSide: true, expenditureEconomic: true, govFund: { amount: 30 } },
    true,
  ],
  ["with 其他支出 (399)", { economicSide: true, economicOther: 10 }, false],
];

describe.each(
  STYLES.flatMap((s) => SETUPS.map(([n, o, e]) => [`${s.name} (${n})`, s, o, e] as const))
)("收支总表支出按经济分类: %s", (_n, style, opts, equal) => {
  const { grids } = buildVariant(style, opts);
  const report = importWorkbook(grids);
  const t1 = table(report, "income_expenditure_summary");
  const k = scaleOf(style);
  const check = (g: typeof grids) => checkReport(importWorkbook(g), { localize: false });
  const [wages, goods] = [lineOf(t1, "工资福利支出"), lineOf(t1, "商品和服务支出")];
  const cell = (r: Row) => r.amounts.total.cell;
  /** Every serious finding cites one of `cells`, and there is one. */
  const citesOnly = (res: CheckResult, cells: string[]) => {
    const fs = serious(res.findings);
    expect(fs.length).toBeGreaterThan(0);
    expect(fs.filter((f) => !f.cells.some((c) => cells.includes(c))).map((f) => f.message)).toEqual(
      []
    );
  };

  test("each economic line is compared, none as a 功能 class, and the workbook raises nothing", () => {
    const res = checkReport(report, { localize: false });
    expect(said(res.findings)).toEqual([]);
    const lines = [wages, goods, lineOf(t1, "对个人和家庭的补助")];
    for (const r of lines) {
      expect(r.code).toBeUndefined();
      expect(
        res.identities.some(
          (i) => i.rule === RULE && i.status === "holds" && i.terms.some((x) => x.cell === cell(r))
        )
      ).toBe(true);
    }
    // 其他支出 is 399: no 支出总表 229 line to meet (the variant prints none).
    const other = lineOf(t1, "其他支出");
    if (opts.economicOther) expect(other?.code).toBeUndefined();
  });

  test("one figure changed (工资福利支出 lowered by 50 万元) is found at its cell", () => {
    const res = check(mutate(grids, cell(wages), -50 * k));
    citesOnly(res, [cell(wages)]);
    expect(violatedAt(res, cell(wages))).toBe(true);
  });

  test("工资福利支出 ↔ 商品和服务支出 exchanged (the totals kept) is found at the lines", () => {
    const res = check(exchange(grids, wages.amounts.total, goods.amounts.total));
    citesOnly(res, [cell(wages), cell(goods)]);
    // 工资福利支出 goes down, below the class either way; 商品和服务支出 goes up: seen where the money is the same.
    expect(violatedAt(res, cell(wages))).toBe(true);
    expect(violatedAt(res, cell(goods))).toBe(equal);
  });

  test("the 支出 figures printed in the other unit are found at the economic lines", () => {
    let g = grids;
    for (const r of t1.rows) {
      const a = r.amounts.total;
      if (r.side === "income" || !a?.value) continue;
      g = mutate(g, a.cell, (t1.unit === "元" ? a.value / 10000 : a.value * 10000) - a.value);
    }
    const res = check(g);
    expect(serious(res.findings).length).toBeGreaterThan(0);
    // ×10,000 is above the 基本支出 table's class: only the same money (=) tells; ÷10,000 is below it either way.
    expect(violatedAt(res, cell(wages))).toBe(equal || t1.unit === "元");
  });
});
