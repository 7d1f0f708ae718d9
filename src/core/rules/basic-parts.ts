/**
 * 表内 — 基本支出's two parts by economic class: a 基本支出表 printing 人员经费 | 公用经费 columns puts each class in the
 * column its definition names (classification/economic.ts BASIC_PART_OF_CLASS). A class printed wholly in the other
 * column (303 对个人和家庭的补助 under 公用经费, 310 资本性支出 under 人员经费) is misclassified — the sums still hold, so
 * no identity notices it, and it moves the 公用经费 that 机关运行经费 is compared with.
 */
import type { Table } from "../model/schema";
import { BASIC_PART_OF_CLASS } from "../classification/economic";
import { fmt, printedValue } from "./interval";
import { defineRule, type Outcome } from "./rule";
import { BASIC_PART_NAMES as PART_NAMES, hasValue, na, rowName, tableName } from "./helpers";

const has = (t: Table, key: string) => t.columns.some((c) => c.key === key);

export const personnelPublicClasses = defineRule({
  id: "within.personnel-public-classes",
  category: "within",
  title: "经济分类列在人员经费、公用经费的正确一栏",
  description:
    "基本支出分人员经费、公用经费两栏列示时，工资福利支出、对个人和家庭的补助（301、303；政府经济分类 501、509）属人员经费，商品和服务支出、资本性支出（302、310；502、503）属公用经费。某一类的金额全部列在另一栏时提示核对：合计仍然相符，但人员经费、公用经费（及与之比较的机关运行经费）随之错了。同一类分列两栏的不提示。",
  severity: "warning",
  source: {
    basis: "national",
    ref: "财政部部门预算基本支出口径：人员经费包括工资福利支出和对个人和家庭的补助，公用经费包括商品和服务支出和资本性支出",
  },
  check: (report) => {
    const tables = report.tables.filter(
      (t) =>
        (t.kind === "basic_expenditure_economic" || t.kind === "general_budget_economic") &&
        has(t, "personnel") &&
        has(t, "public")
    );
    if (!tables.length) return [na("没有分人员经费、公用经费两栏列示的基本支出经济分类表")];
    const out: Outcome[] = [];
    for (const t of tables)
      for (const r of t.rows) {
        const part =
          r.codeSystem === "economic" && r.code ? BASIC_PART_OF_CLASS[r.code] : undefined;
        if (!part) continue;
        const other = part === "personnel" ? "public" : "personnel";
        const here = r.amounts[part];
        const there = r.amounts[other];
        if (!hasValue(there) || hasValue(here)) {
          out.push({ status: "pass" });
          continue;
        }
        out.push({
          status: "fail",
          finding: {
            rule: "within.personnel-public-classes",
            severity: "warning",
            message: `${tableName(t)}「${rowName(r)}」的 ${fmt(printedValue(there!), Math.max(0, there!.decimals))}${t.unit} 全部列在${PART_NAMES[other]}栏，但该类属${PART_NAMES[part]}：请核对分栏（合计不受影响，${PART_NAMES.personnel}、${PART_NAMES.public}各差此数）`,
            cells: [there.cell, ...(here ? [here.cell] : [])],
            expected: null,
            actual: null,
            difference: null,
          },
        });
      }
    return out.length ? out : [na("基本支出经济分类表没有按类列示的行")];
  },
});
