/** 完整性: the nine tables every department publishes, and empty tables that say so. */
import type { TableKind } from "../model/schema";
import { KIND_NAMES } from "../model/names";
import { defineRule, type Outcome } from "./rule";
import { hasValue, tableName } from "./helpers";

/** 财预〔2016〕143号 practice: the nine tables of a 部门预算公开. */
export const REQUIRED_KINDS: ReadonlyArray<TableKind> = [
  "income_expenditure_summary", "income_summary", "expenditure_summary", "fiscal_appropriation_summary",
  "general_budget_expenditure", "basic_expenditure_economic", "gov_fund_expenditure", "state_capital", "three_public",
];

export const requiredTables = defineRule({
  id: "completeness.required-tables",
  category: "completeness",
  title: "九张必须公开的表齐全",
  description: "收支总表、收入总表、支出总表、财政拨款收支总表、一般公共预算支出表、一般公共预算基本支出（经济分类）表、政府性基金预算支出表、国有资本经营预算支出表、“三公”经费支出表都应公开；空表也要列示并注明。",
  severity: "error",
  source: { basis: "national", ref: "财预〔2016〕143号《地方预决算公开操作规程》列出部门预算公开的收支总表、收入总表、支出总表、财政拨款收支总表、一般公共预算支出表、一般公共预算基本支出表、“三公”经费支出表、政府性基金预算支出表；国有资本经营预算支出表为此后公开模板增列（各地表套不一）" },
  check: (report) => {
    const fin = report.tables.filter((t) => t.kind !== "performance_target");
    if (fin.length === 0) return [{ status: "na", reason: "工作簿中没有识别到任何预算表" }];
    return REQUIRED_KINDS.map((k): Outcome => {
      // 政府性基金收支合并表 counts as the 支出表.
      const present = report.tables.some((t) => t.kind === k || (k === "gov_fund_expenditure" && t.kind === "gov_fund_income" && /支出/.test(t.title)));
      if (present) return { status: "pass" };
      return { status: "fail", finding: { rule: "completeness.required-tables", severity: "error", message: `缺少必须公开的${KIND_NAMES[k]}（没有数据也应公开空表并注明）`, cells: [], expected: null, actual: null, difference: null } };
    });
  },
});

export const emptyMarked = defineRule({
  id: "completeness.empty-table",
  category: "completeness",
  title: "空表注明一致",
  description: "注明“本表无数据”的表不应有金额；没有任何金额的表应注明为空表。",
  severity: "error",
  source: { basis: "national", ref: "财预〔2016〕143号：没有数据的表格也应列示空表并说明" },
  check: (report) => {
    const out: Outcome[] = [];
    for (const t of report.tables.filter((x) => x.kind !== "performance_target")) {
      const amounts = t.rows.flatMap((r) => Object.values(r.amounts)).filter(hasValue);
      if (t.markedEmpty && amounts.length) {
        out.push({ status: "fail", finding: { rule: "completeness.empty-table", severity: "error", message: `${tableName(t)}注明“本表无数据”，但表中有 ${amounts.length} 个金额`, cells: amounts.slice(0, 20).map((a) => a.cell), expected: null, actual: null, difference: null } });
      } else if (!t.markedEmpty && t.empty && t.rows.length > 0) {
        out.push({ status: "fail", finding: { rule: "completeness.empty-table", severity: "info", message: `${tableName(t)}没有任何金额，但未注明“本表无数据”`, cells: [t.rows[0].labelCell], expected: null, actual: null, difference: null } });
      } else out.push({ status: "pass" });
    }
    return out.length ? out : [{ status: "na", reason: "没有识别到预算表" }];
  },
});

export const COMPLETENESS_RULES = [requiredTables, emptyMarked];
