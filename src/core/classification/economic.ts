/** 支出经济分类: 部门预算 (301…) and 政府预算 (501…) classes, and the items of the common classes by name. */
import { labelKey } from "../grid/text";

export const ECONOMIC_GROUPS: Readonly<Record<string, string>> = {
  "301": "工资福利支出", "302": "商品和服务支出", "303": "对个人和家庭的补助", "307": "债务利息及费用支出",
  "309": "资本性支出（基本建设）", "310": "资本性支出", "311": "对企业补助（基本建设）", "312": "对企业补助",
  "313": "对社会保障基金补助", "399": "其他支出",
  "501": "机关工资福利支出", "502": "机关商品和服务支出", "503": "机关资本性支出（一）", "504": "机关资本性支出（二）",
  "505": "对事业单位经常性补助", "506": "对事业单位资本性补助", "507": "对企业补助", "509": "对个人和家庭的补助",
  "599": "其他支出",
};

/** Group rows recognised by name when a template prints no codes. */
const GROUP_NAMES = new Set(Object.values(ECONOMIC_GROUPS).map((n) => labelKey(n)));
GROUP_NAMES.add(labelKey("对个人和家庭补助"));

export function isEconomicGroupName(label: string): boolean {
  return GROUP_NAMES.has(labelKey(label));
}

/** Items whose name tells their 三公 / 机关运行 meaning, across both classifications. */
export const THREE_PUBLIC_ECONOMIC_ITEMS: ReadonlyArray<readonly [key: string, re: RegExp]> = [
  ["abroad", /^因公出国[(（]?境[)）]?(费|费用)$/],
  ["reception", /^公务接待费$/],
  ["vehicle_operation", /^公务用车运行维护费$/],
  ["vehicle_purchase", /^公务用车购置$|^公务用车购置费$/],
];

export function economicCodeLevel(code: string): number {
  return code.length <= 3 ? 1 : 2;
}
