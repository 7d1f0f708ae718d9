/** Chinese names of the table kinds, for messages and the pane. */
import type { TableKind } from "./schema";

export const KIND_NAMES: Readonly<Record<TableKind, string>> = {
  income_expenditure_summary: "收支总表",
  income_summary: "收入总表",
  expenditure_summary: "支出总表",
  fiscal_appropriation_summary: "财政拨款收支总表",
  general_budget_expenditure: "一般公共预算支出表",
  general_budget_economic: "一般公共预算支出经济分类表",
  basic_expenditure_economic: "基本支出经济分类表",
  basic_expenditure_functional: "基本支出功能分类表",
  basic_expenditure_unit: "基本支出预算表（按单位）",
  gov_fund_income: "政府性基金收入表",
  gov_fund_expenditure: "政府性基金支出表",
  state_capital: "国有资本经营预算表",
  three_public: "“三公”经费表",
  operating_funds: "机关运行经费表",
  project_expenditure: "项目支出表",
  project_expenditure_economic: "项目支出经济分类表",
  project_carryover: "项目支出表（上年结转）",
  purchase_services: "政府购买服务预算表",
  performance_target: "项目绩效目标表",
  performance_list: "项目绩效目标一览表",
  department_performance: "部门整体绩效目标表",
  procurement: "政府采购表",
  assets: "资产表",
  other: "其他表",
};
