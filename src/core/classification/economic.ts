/** 支出经济分类: 部门预算 (301…) and 政府预算 (501…) classes, and the items of the common classes by name. */
import { labelKey } from "../grid/text";

export const ECONOMIC_GROUPS: Readonly<Record<string, string>> = {
  "301": "工资福利支出",
  "302": "商品和服务支出",
  "303": "对个人和家庭的补助",
  "307": "债务利息及费用支出",
  "309": "资本性支出（基本建设）",
  "310": "资本性支出",
  "311": "对企业补助（基本建设）",
  "312": "对企业补助",
  "313": "对社会保障基金补助",
  "399": "其他支出",
  "501": "机关工资福利支出",
  "502": "机关商品和服务支出",
  "503": "机关资本性支出（一）",
  "504": "机关资本性支出（二）",
  "505": "对事业单位经常性补助",
  "506": "对事业单位资本性补助",
  "507": "对企业补助",
  "509": "对个人和家庭的补助",
  "599": "其他支出",
};

/** 部门预算支出经济分类 items commonly printed in 基本支出 tables (款), by code. */
export const ECONOMIC_ITEMS: Readonly<Record<string, string>> = {
  "30101": "基本工资",
  "30102": "津贴补贴",
  "30103": "奖金",
  "30106": "伙食补助费",
  "30107": "绩效工资",
  "30108": "机关事业单位基本养老保险缴费",
  "30109": "职业年金缴费",
  "30110": "职工基本医疗保险缴费",
  "30111": "公务员医疗补助缴费",
  "30112": "其他社会保障缴费",
  "30113": "住房公积金",
  "30114": "医疗费",
  "30199": "其他工资福利支出",
  "30201": "办公费",
  "30202": "印刷费",
  "30203": "咨询费",
  "30204": "手续费",
  "30205": "水费",
  "30206": "电费",
  "30207": "邮电费",
  "30208": "取暖费",
  "30209": "物业管理费",
  "30211": "差旅费",
  "30212": "因公出国（境）费用",
  "30213": "维修（护）费",
  "30214": "租赁费",
  "30215": "会议费",
  "30216": "培训费",
  "30217": "公务接待费",
  "30218": "专用材料费",
  "30224": "被装购置费",
  "30225": "专用燃料费",
  "30226": "劳务费",
  "30227": "委托业务费",
  "30228": "工会经费",
  "30229": "福利费",
  "30231": "公务用车运行维护费",
  "30239": "其他交通费用",
  "30240": "税金及附加费用",
  "30299": "其他商品和服务支出",
  "30301": "离休费",
  "30302": "退休费",
  "30303": "退职（役）费",
  "30304": "抚恤金",
  "30305": "生活补助",
  "30306": "救济费",
  "30307": "医疗费补助",
  "30308": "助学金",
  "30309": "奖励金",
  "30310": "个人农业生产补贴",
  "30311": "代缴社会保险费",
  "30399": "其他对个人和家庭的补助",
  "31002": "办公设备购置",
  "31003": "专用设备购置",
  "31007": "信息网络及软件购置更新",
  "31013": "公务用车购置",
  "31099": "其他资本性支出",
};

export function economicName(code: string): string | undefined {
  return code.length === 3 ? ECONOMIC_GROUPS[code] : ECONOMIC_ITEMS[code];
}

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

/**
 * Items some templates print beside the 三公 (“三公”经费及会议费、培训费表: 湖南, 四川, 西安's 表13), by the 三公 table's
 * row key: the economic line of the same name (30215 / 50202 会议费, 30216 / 50203 培训费) is part of that figure.
 */
export const BESIDE_THREE_PUBLIC_ECONOMIC_ITEMS: ReadonlyArray<readonly [key: string, re: RegExp]> =
  [
    ["meeting", /^会议费$/],
    ["training", /^培训费$/],
  ];

/**
 * The economic class each 三公 item is a 款 of, in 部门预算 and 政府预算 classification (30217 / 50206 公务接待费 in
 * 302 / 502; 31013 / 50303 公务用车购置 in 310 / 503): a 基本支出表 printing that class's 款 lines without the item's
 * states the item as 0.
 */
export const THREE_PUBLIC_ECONOMIC_CLASSES: Readonly<Record<string, readonly string[]>> = {
  abroad: ["302", "502"],
  reception: ["302", "502"],
  vehicle_operation: ["302", "502"],
  vehicle_purchase: ["310", "503"],
};

/**
 * Which part of 基本支出 each economic class belongs to, by 财政部's definitions the 人员经费 | 公用经费 columns print:
 * 人员经费 = 工资福利支出 + 对个人和家庭的补助, 公用经费 = 商品和服务支出 + 资本性支出 (部门预算支出经济分类 301 / 303 |
 * 302 / 310; 政府预算支出经济分类 501 / 509 | 502 / 503). Classes that hold both kinds (505 对事业单位经常性补助, 399 其他) are
 * not listed. Source: 财政部《部门预算管理》基本支出定义; 部门预算公开说明的“人员经费、公用经费”口径.
 */
export const BASIC_PART_OF_CLASS: Readonly<Record<string, "personnel" | "public">> = {
  "301": "personnel",
  "303": "personnel",
  "302": "public",
  "310": "public",
  "501": "personnel",
  "509": "personnel",
  "502": "public",
  "503": "public",
};

/**
 * 功能科目 ↔ 经济科目 pairs whose 功能 项 is, by the 《政府收支分类科目》's own definitions (2024–2026), only the unit's
 * payment the 经济 款 records: every yuan of the 项 is that 款's money, so in the 一般公共预算 基本支出 the 项's 基本支出
 * cannot exceed the 款 (cross.functional-economic-pairs). Not the converse: the 款 may hold more, the payment of some staff
 * booked under their unit's 行政运行 / 事业运行 项 (广州市统计局 2026: 30108 488.39 against 2080505 175.83, 30109 and 30113 alike). Left out:
 * 2101101 行政单位医疗 / 2101102 事业单位医疗 ↔ 30110 — the 项 also holds 公费医疗 of uninsured units and 离休人员医疗
 * (30307 / 30114), and often the 30111 公务员医疗补助 (浙江 prints 2101101 + 2101102 = 30110 + 30111).
 * `names`: the 款 as names-only tables print it.
 */
export const FUNCTIONAL_ECONOMIC_PAIRS: ReadonlyArray<{
  functional: string;
  economic: string;
  names: RegExp;
}> = [
  // 2210201 住房公积金: 按规定比例为职工缴纳的住房公积金 ↔ 30113 住房公积金: 单位按规定为职工缴纳的住房公积金.
  { functional: "2210201", economic: "30113", names: /^住房公积金$/ },
  // 2080505: 由单位缴纳的基本养老保险费支出 ↔ 30108 机关事业单位基本养老保险缴费.
  {
    functional: "2080505",
    economic: "30108",
    names: /^(机关事业单位)?基本养老保险(缴费|费)$/,
  },
  // 2080506: 由单位实际缴纳的职业年金支出 ↔ 30109 职业年金缴费.
  { functional: "2080506", economic: "30109", names: /^(机关事业单位)?职业年金(缴费)?$/ },
  // 2101103 公务员医疗补助: 财政部门安排的公务员医疗补助经费 ↔ 30111 公务员医疗补助缴费 (晋城城区 2025: 5.54 = 5.54).
  { functional: "2101103", economic: "30111", names: /^公务员医疗补助(缴费)?$/ },
];
