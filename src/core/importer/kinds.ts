/** Which table a title names: an ordered alias table (first match wins, so specific patterns come first). */
import type { TableKind } from "../model/schema";
import { EMPTY_NOTE } from "./aliases";
import { UNSEEN } from "../grid/text";

export const KIND_TITLES: ReadonlyArray<readonly [TableKind, RegExp]> = [
  // 部门（单位）整体支出绩效目标表 before the project forms; a 绩效表 laid out as a list is told apart by its content.
  ["department_performance", /整体(支出)?绩效/],
  ["performance_target", /绩效目标|绩效表/],
  ["project_expenditure_economic", /项目支出.*经济分类/],
  ["project_carryover", /项目支出.*(上年结转|结转结余|结转)|上年结转(结余)?(项目|明细|资金)/],
  ["purchase_services", /政府购买服务/],
  ["project_expenditure", /项目(支出)?(预算)?(明细)?表|项目支出|专项业务经费/],
  ["three_public", /三公/],
  ["operating_funds", /机关运行经费/],
  ["state_capital", /国有资本经营/],
  // 财政专户管理资金预算支出表 (Hunan, Hubei): money outside the 财政拨款, never the 支出总表.
  ["special_account", /财政专户/],
  ["gov_fund_income", /政府性?基金.*收入(预算)?(明细)?(情况)?表/],
  ["gov_fund_expenditure", /政府性?基金/],
  ["basic_expenditure_functional", /基本支出.*功能分类/],
  ["basic_expenditure_economic", /基本支出/],
  ["procurement", /政府采购/],
  ["assets", /资产/],
  ["fiscal_appropriation_summary", /财政拨款收(入)?支(出)?(预算)?总(体情况)?表/],
  ["income_expenditure_summary", /收(入)?支(出)?(预算)?总(体情况)?表/],
  // 财政拨款支出预算表（部门经济分类科目）: the same breakdown over 财政拨款 (its scope from its title: scope.ts).
  ["general_budget_economic", /一般公共预算.*支出.*经济分类|财政拨款支出.*经济分类/],
  // 部门支出经济分类总表 (NC14-10): all the department's spending by economic class — never the 支出总表 (by function).
  ["expenditure_economic", /支出.*经济分类/],
  ["general_budget_expenditure", /一般公共预算.*支出|财政拨款支出(预算)?(情况)?表/],
  ["income_summary", /收入(预算)?总(体情况)?表|收入(预算)?(情况)?表/],
  ["expenditure_summary", /支出(预算)?总(体情况)?表|支出(预算)?(情况)?表/],
];

/** A label's number: digits, but not the year of a title typed right after it (表12025年… is 表1 and 2025年…). */
const LABEL_DIGITS = /(?:[0-9]+?(?=(?:19|20)[0-9]{2}年)|[0-9]+)/.source;

/**
 * The dash between a label's two numbers (表1-3): hyphen-minus, fullwidth －, and the dashes templates print — — – ‐ ‑ −
 * (tester29 T29-7: 表1—3 was not a label).
 */
export const LABEL_DASH = "[-－—–‐‑−]";

/**
 * Printed table labels: 预算公开表1, 部门公开表9, 表一, 表 1, 公开01表, 附表3-2 (附表3—2, any LABEL_DASH). Digits or Chinese numerals, never both,
 * and never the 一 of a title typed right after its label (表4一般公共预算支出表, 表一一般…: label 表4 / 表一), nor the
 * year (表12025年部门收支总表: label 表1).
 */
export const TABLE_LABEL = new RegExp(
  `^(?:(?:部门|单位)?(?:预算)?公开表|附表|表)(?:${LABEL_DIGITS}|[一二三四五六七八九十]+(?!般))(?:${LABEL_DASH}${LABEL_DIGITS})?|^(?:公开|预算|部门|部门预算)[0-9]+表`
);

/** A 部门决算 title: 决算 named, or 决算数 printed (a budget never prints 决算). */
export const FINAL_ACCOUNTS_TITLE = /决算/;

/** A cell that is (or starts with) a table title; returns the kind, the title and the label split off. */
export function classifyTitle(
  raw: string
): { kind: TableKind; title: string; label?: string } | undefined {
  const t = raw.normalize("NFKC").replace(UNSEEN, "");
  if (t.length < 4 || t.length > 80 || !/表/.test(t)) return undefined;
  if (/^注|^说明|^备注/.test(t)) return undefined;
  // A statement that the table is empty (本部门无国有资本经营预算财政拨款支出，此表为空。) names its table without being
  // its title: a title ends in 表 (or 表 and a bracketed remark: …支出表（空表）).
  if (EMPTY_NOTE.test(t) && !/表([(（][^)）]*[)）])?$/.test(t)) return undefined;
  // A table-of-contents entry (dotted leader, page number) names a table without being one.
  if (/(\.{3,}|…|·{3,}|-{3,})\d*$/.test(t)) return undefined;
  // A field line of a text page (年度预算：10万元（已含在项目支出表中）) names a table in its remark, with an amount.
  if (/^[^:：表]+[:：].*\d\s*(万元|千元|元)/.test(t)) return undefined;
  let label: string | undefined;
  let title = t;
  const m = TABLE_LABEL.exec(t);
  if (m) {
    label = m[0];
    title = t.slice(m[0].length).replace(/^[:：.、]/, "");
  }
  if (!/表/.test(title)) return undefined;
  // A 决算 title names the same table as its 预算 twin (收入决算表 = 收入总表): the workbook is then told apart.
  const asBudget = title.replace(/决算/g, "");
  for (const [kind, re] of KIND_TITLES)
    if (re.test(title) || re.test(asBudget)) return { kind, title, label };
  return undefined;
}

/** Fallback when a table has no title: classify by what its header says. */
export const KIND_BY_HEADER: ReadonlyArray<readonly [TableKind, (h: string) => boolean]> = [
  ["performance_target", (h) => /(实施期|中期)资金总额|年度资金总额/.test(h)],
  ["three_public", (h) => /因公出国/.test(h) && /公务接待/.test(h)],
  ["basic_expenditure_economic", (h) => /人员经费/.test(h) && /公用经费/.test(h)],
  [
    "fiscal_appropriation_summary",
    (h) => /收入/.test(h) && /支出/.test(h) && /财政拨款/.test(h) && !/单位资金|事业收入/.test(h),
  ],
  ["income_expenditure_summary", (h) => /收入/.test(h) && /支出/.test(h) && /项目.*项目/.test(h)],
  ["performance_list", (h) => /绩效目标/.test(h) && /项目/.test(h)],
  ["project_expenditure", (h) => /项目名称/.test(h)],
  [
    "income_summary",
    (h) =>
      /科目/.test(h) &&
      /单位资金|事业收入|上年结转/.test(h) &&
      /一般公共预算/.test(h) &&
      !/基本支出/.test(h),
  ],
  ["expenditure_summary", (h) => /科目/.test(h) && /基本支出/.test(h) && /项目支出/.test(h)],
];
