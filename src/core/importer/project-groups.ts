/**
 * What heads a 项目支出表's projects besides its 功能科目 lines (tester26b T26B-3): nesting 单位编码 (101 部门 › 101001
 * 本级 › 101001001 …) and 项目类别 lines (一类项目 / 二类项目, 专项业务类 / 运转类 / 其他运转类, 部门项目 / 单位项目 …)
 * printing the subtotal of the projects under them. These give the levels (body.ts applyProjectCodes); the sums are then
 * checked against them, never used to guess them: one wrong figure otherwise makes another tree fit, or none.
 */
import { labelKey } from "../grid/text";

/**
 * 项目类别 names, after their numbering (一、 / （一） are dropped by labelKey): 北京's 一类 / 二类 / 三类项目, the
 * 专项业务类 / 运转类 / 其他运转类 / 特定目标类 project classes (with or without 项目), 部门项目 / 单位项目.
 */
const PROJECT_CATEGORIES: readonly RegExp[] = [
  /^[一二三四五]类项目$/,
  /^(?:专项业务|其他运转|运转|特定目标)类(?:项目)?$/,
  /^(?:部门|单位)项目$/,
];

/** Is this line's name a 项目类别 (a heading / subtotal over the projects under it), not a project's? */
export const isProjectCategory = (label: string): boolean => {
  const k = labelKey(label);
  return PROJECT_CATEGORIES.some((re) => re.test(k));
};

/**
 * The 单位编码 of a table whose first coded line is its 部门 printed as the total: no 合计 line above, and every
 * other code extends the first (101 › 101001, 101002). `codes`: the body lines' codes in order (undefined where
 * none). True when codes[0] is printed and at least one later code extends it, and none departs from it.
 */
export function rootUnitCode(codes: ReadonlyArray<string | undefined>): boolean {
  const root = codes[0];
  if (!root) return false;
  const rest = codes.slice(1).filter((c): c is string => !!c);
  return rest.length > 0 && rest.every((c) => c.length > root.length && c.startsWith(root));
}
