/**
 * 政府收支分类科目 — 支出功能分类 (the codes 部门预算 tables use): the 类 list and the 款/项 that
 * department budgets commonly print. Names follow the 2024 classification; known renames are aliases.
 */
import { norm } from "../grid/text";
import { FUNCTIONAL_NAME_HISTORY } from "./history";

export const FUNCTIONAL_CLASSES: Readonly<Record<string, string>> = {
  "201": "一般公共服务支出",
  "202": "外交支出",
  "203": "国防支出",
  "204": "公共安全支出",
  "205": "教育支出",
  "206": "科学技术支出",
  "207": "文化旅游体育与传媒支出",
  "208": "社会保障和就业支出",
  "209": "社会保险基金支出",
  "210": "卫生健康支出",
  "211": "节能环保支出",
  "212": "城乡社区支出",
  "213": "农林水支出",
  "214": "交通运输支出",
  "215": "资源勘探工业信息等支出",
  "216": "商业服务业等支出",
  "217": "金融支出",
  "219": "援助其他地区支出",
  "220": "自然资源海洋气象等支出",
  "221": "住房保障支出",
  "222": "粮油物资储备支出",
  "223": "国有资本经营预算支出",
  "224": "灾害防治及应急管理支出",
  "227": "预备费",
  "229": "其他支出",
  "230": "转移性支出",
  "231": "债务还本支出",
  "232": "债务付息支出",
  "233": "债务发行费用支出",
  "234": "抗疫特别国债安排的支出",
};

/** Other years' names (history.ts) and alternative wordings of a 类 name, mapped to its code. */
const CLASS_ALIASES: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    FUNCTIONAL_NAME_HISTORY.filter((s) => s.code.length === 3).map((s) => [norm(s.name), s.code])
  ),
  商业服务业等事务: "216",
  粮油物资储备事务: "222",
  粮油物资储备管理事务: "222",
  超长期特别国债安排的支出: "234",
  灾害防治及应急管理: "224",
};

export const FUNCTIONAL_KUAN: Readonly<Record<string, string>> = {
  "20101": "人大事务",
  "20102": "政协事务",
  "20103": "政府办公厅（室）及相关机构事务",
  "20104": "发展与改革事务",
  "20105": "统计信息事务",
  "20106": "财政事务",
  "20107": "税收事务",
  "20108": "审计事务",
  "20111": "纪检监察事务",
  "20113": "商贸事务",
  "20114": "知识产权事务",
  "20123": "民族事务",
  "20126": "档案事务",
  "20128": "民主党派及工商联事务",
  "20129": "群众团体事务",
  "20131": "党委办公厅（室）及相关机构事务",
  "20132": "组织事务",
  "20133": "宣传事务",
  "20134": "统战事务",
  "20135": "对外联络事务",
  "20136": "其他共产党事务支出",
  "20137": "网信事务",
  "20138": "市场监督管理事务",
  "20139": "社会工作事务",
  "20199": "其他一般公共服务支出",
  "20401": "武装警察部队",
  "20402": "公安",
  "20404": "检察",
  "20405": "法院",
  "20406": "司法",
  "20499": "其他公共安全支出",
  "20501": "教育管理事务",
  "20502": "普通教育",
  "20503": "职业教育",
  "20507": "特殊教育",
  "20508": "进修及培训",
  "20509": "教育费附加安排的支出",
  "20599": "其他教育支出",
  "20601": "科学技术管理事务",
  "20602": "基础研究",
  "20603": "应用研究",
  "20604": "技术研究与开发",
  "20607": "科学技术普及",
  "20699": "其他科学技术支出",
  "20701": "文化和旅游",
  "20702": "文物",
  "20703": "体育",
  "20706": "新闻出版电影",
  "20708": "广播电视",
  "20799": "其他文化旅游体育与传媒支出",
  "20801": "人力资源和社会保障管理事务",
  "20802": "民政管理事务",
  "20805": "行政事业单位养老支出",
  "20807": "就业补助",
  "20808": "抚恤",
  "20809": "退役安置",
  "20810": "社会福利",
  "20811": "残疾人事业",
  "20819": "最低生活保障",
  "20820": "临时救助",
  "20821": "特困人员救助供养",
  "20828": "退役军人管理事务",
  "20899": "其他社会保障和就业支出",
  "21001": "卫生健康管理事务",
  "21002": "公立医院",
  "21003": "基层医疗卫生机构",
  "21004": "公共卫生",
  "21007": "计划生育事务",
  "21011": "行政事业单位医疗",
  "21012": "财政对基本医疗保险基金的补助",
  "21013": "医疗救助",
  "21014": "优抚对象医疗",
  "21015": "医疗保障管理事务",
  "21099": "其他卫生健康支出",
  "21101": "环境保护管理事务",
  "21103": "污染防治",
  "21104": "自然生态保护",
  "21199": "其他节能环保支出",
  "21201": "城乡社区管理事务",
  "21202": "城乡社区规划与管理",
  "21203": "城乡社区公共设施",
  "21205": "城乡社区环境卫生",
  "21208": "国有土地使用权出让收入安排的支出",
  "21299": "其他城乡社区支出",
  "21301": "农业农村",
  "21302": "林业和草原",
  "21303": "水利",
  "21305": "巩固脱贫攻坚成果衔接乡村振兴",
  "21307": "农村综合改革",
  "21308": "普惠金融发展支出",
  "21399": "其他农林水支出",
  "21401": "公路水路运输",
  "21499": "其他交通运输支出",
  "22001": "自然资源事务",
  "22005": "气象事务",
  "22101": "保障性安居工程支出",
  "22102": "住房改革支出",
  "22103": "城乡社区住宅",
  "22401": "应急管理事务",
  "22402": "消防救援事务",
  "22406": "自然灾害防治",
  "22407": "自然灾害救灾及恢复重建支出",
  "22499": "其他灾害防治及应急管理支出",
  "22999": "其他支出",
};

/** 项 codes whose names are not the administrative pattern below. */
export const FUNCTIONAL_XIANG: Readonly<Record<string, string>> = {
  "2013404": "宗教事务",
  "2013405": "华侨事务",
  "2050201": "学前教育",
  "2050202": "小学教育",
  "2050203": "初中教育",
  "2050204": "高中教育",
  "2050205": "高等教育",
  "2050299": "其他普通教育支出",
  "2050801": "教师进修",
  "2050802": "干部教育",
  "2050803": "培训支出",
  "2050899": "其他进修及培训",
  "2080501": "行政单位离退休",
  "2080502": "事业单位离退休",
  "2080503": "离退休人员管理机构",
  "2080505": "机关事业单位基本养老保险缴费支出",
  "2080506": "机关事业单位职业年金缴费支出",
  "2080507": "对机关事业单位基本养老保险基金的补助",
  "2080599": "其他行政事业单位养老支出",
  "2080701": "就业创业服务补贴",
  "2080702": "职业培训补贴",
  "2080704": "社会保险补贴",
  "2080705": "公益性岗位补贴",
  "2080711": "就业见习补贴",
  "2080712": "高技能人才培养补助",
  "2080713": "求职创业补贴",
  "2080799": "其他就业补助支出",
  "2080801": "死亡抚恤",
  "2080802": "伤残抚恤",
  "2080899": "其他优抚支出",
  "2089999": "其他社会保障和就业支出",
  "2101101": "行政单位医疗",
  "2101102": "事业单位医疗",
  "2101103": "公务员医疗补助",
  "2101199": "其他行政事业单位医疗支出",
  "2120104": "城管执法",
  "2120199": "其他城乡社区管理事务支出",
  "2210201": "住房公积金",
  "2210202": "提租补贴",
  "2210203": "购房补贴",
};

/** 款 whose 项 follow the administrative pattern 01 行政运行 / 02 一般行政管理事务 / 03 机关服务 / 50 事业运行 / 99 其他{款}支出. */
const ADMIN_KUAN =
  /^(201(0[1-9]|1[1-4]|2[3-9]|3[1-9])|20(402|501|601|701|702|703|706|708|801|802|828)|21(001|101|201|301|302|303|401)|22(001|401|402))$/;
const ADMIN_XIANG: Readonly<Record<string, string>> = {
  "01": "行政运行",
  "02": "一般行政管理事务",
  "03": "机关服务",
  "50": "事业运行",
};

/** The standard name of a functional code, or undefined when this list does not know it. */
export function functionalName(code: string): string | undefined {
  if (code.length === 3) return FUNCTIONAL_CLASSES[code];
  if (code.length === 5) return FUNCTIONAL_KUAN[code];
  if (code.length === 7) {
    if (FUNCTIONAL_XIANG[code]) return FUNCTIONAL_XIANG[code];
    const kuan = code.slice(0, 5);
    if (ADMIN_KUAN.test(kuan)) {
      const x = code.slice(5);
      if (ADMIN_XIANG[x]) return ADMIN_XIANG[x];
      const k = FUNCTIONAL_KUAN[kuan];
      if (x === "99" && k) return /^其他.*支出$/.test(k) ? k : `其他${k}支出`;
    }
  }
  return undefined;
}

/** The 类 code for a printed class name such as "一、一般公共服务支出" (T1/T4 list classes without codes). */
export function classCodeByName(label: string): string | undefined {
  const k = norm(label)
    .replace(/^[一二三四五六七八九十]+[、.．]/, "")
    .replace(/^\d{3}/, "");
  for (const [code, name] of Object.entries(FUNCTIONAL_CLASSES)) if (norm(name) === k) return code;
  if (CLASS_ALIASES[k]) return CLASS_ALIASES[k];
  // "一般公共服务" for 一般公共服务支出: some templates drop the trailing 支出.
  const bare = k.replace(/支出$/, "");
  if (bare.length < 2) return undefined;
  for (const [code, name] of Object.entries(FUNCTIONAL_CLASSES))
    if (norm(name).replace(/支出$/, "") === bare) return code;
  return undefined;
}

/**
 * Lenient name comparison: equal after normalisation, or one contains the other, ignoring brackets and the
 * words 事务 / 支出 that renames add or drop (其他应急管理支出 vs 其他应急管理事务支出).
 */
export function sameFunctionalName(printed: string, standard: string): boolean {
  const a = norm(printed).replace(/[()（）]|事务|支出/g, "");
  const b = norm(standard).replace(/[()（）]|事务|支出/g, "");
  return a === b || (a.length >= 2 && b.includes(a)) || (b.length >= 2 && a.includes(b));
}
