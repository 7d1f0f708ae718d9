/**
 * The severities and categories of rules as plain constants (no zod): the CLI's option table and progress lines
 * read them without loading zod and the engine (`check --out --jobs N` then starts its workers sooner). rule.ts
 * builds its schemas from these lists.
 */
export const SEVERITIES = ["error", "warning", "rounding", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_NAMES: Readonly<Record<Severity, string>> = {
  error: "错误",
  warning: "警告",
  rounding: "尾差",
  info: "提示",
};

export const CATEGORIES = [
  "within",
  "hierarchy",
  "cross",
  "completeness",
  "naming",
  "projects",
  "input",
  "printed",
] as const;
export type Category = (typeof CATEGORIES)[number];
export const CATEGORY_NAMES: Readonly<Record<Category, string>> = {
  within: "表内",
  hierarchy: "层级",
  cross: "表间",
  completeness: "完整性",
  naming: "名称",
  projects: "项目",
  input: "输入",
  printed: "打印",
};
