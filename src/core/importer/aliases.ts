/** Alias tables: printed wording → canonical keys, for rows and for amount columns. */
import { labelKey, norm } from "../grid/text";
import { ECONOMIC_CLASS_COLUMNS, type TableKind } from "../model/schema";

const ECONOMIC_CLASS_KEYS: ReadonlySet<string> = new Set(ECONOMIC_CLASS_COLUMNS);

/**
 * How a source of funds is worded after its name (一般公共预算 ‹拨款收入›): 拨款, 拨款收入, 财政拨款, 财政拨款收入, 资金,
 * 收入, or nothing.
 */
const FUNDING = "(财政)?(拨款|资金)?(收入)?";
/**
 * 上年结转 as templates word it, one table for rows (收支总表, 财政拨款收支总表) and columns (收入总表): 上年结转, 上年结转结余,
 * 上年结转资金, 上年结转结余资金 (县级), 上年结转和结余, 上年结转（结余）, 上年财政拨款结转, 上年结余结转, 上年结余, and the
 * 部门决算 wording 年初结转和结余 that many 预算 templates copy. Matched on labelKey (numbering, 其中 and spaces off).
 */
const CARRYOVER_IN =
  "上年(财政拨款)?结转([(（]?(和|及)?结余[)）]?)?(资金)?|上年结余[、和及]?结转(资金)?|年初(财政拨款)?结转(和|及)?结余(资金)?|上年结余";
/**
 * A 事业单位's use of its own balances (事业基金) to cover the year's gap: 使用非财政拨款结余 (the wording since 2019),
 * 用事业基金弥补收支差额 (older 收支总表 and 决算). Money of earlier years but not 上年结转: a line and a source column of
 * its own, in 收入总计 beside 上年结转 (after 本年收入合计) or one of the year's sources (in the list above it).
 */
const BALANCE_USE = "使用非财政拨款结余(资金)?|(用|使用)?事业基金弥补收支差额|使用事业基金";
/** The 三公 items as templates word them: 公务用车 / 公务车 / 公车 / 车辆 …; 因公出国（境）费 / 出国费; 公务接待费 / 接待费. */
const CAR = "(公务用车|公务车|公车|车辆)";
const ABROAD = "(因公出国([(（]境[)）]|境)?(费|费用|经费)?|出国([(（]境[)）]|境)?(费|费用|经费))";
const RECEPTION = "(公务接待(费|费用)?|接待(费|费用))";
/** 公务接待费's two parts as 决算 and several 预算 三公 tables print them: 国内(公务)接待费 and 外事接待费 (国(境)外…). */
const RECEPTION_DOMESTIC = "国内(公务)?接待(费|费用)?";
const RECEPTION_FOREIGN = "(外事|外宾|国外|境外|国[(（]境[)）]外)(公务)?接待(费|费用)?";

/**
 * Printed forms that wrap a column's or row's own name: 财政拨款（一般公共预算） is 一般公共预算, 本年一般公共预算财政拨款收入
 * is 一般公共预算财政拨款收入 (本年 before a source's name says only that it is this year's money).
 */
const WRAPPED: ReadonlyArray<readonly [RegExp, string]> = [
  [/^财政拨款[(（]((一般公共|政府性|国有资本).*)[)）]$/, "$1"],
  [/^(本年|当年|本年度)(?=一般公共预算|政府性?基金|国有资本经营)/, ""],
  // 加：上年结转 / 减：年末结转 (the 收支总表 printed as a sum): the sign word is not part of the line's name.
  [/^[加减][:：]/, ""],
];
/** The label with a wrapping form taken off (WRAPPED). */
export function unwrap(k: string): string {
  for (const [re, to] of WRAPPED) if (re.test(k)) k = k.replace(re, to);
  return k;
}

/** Row meanings (matched on the label without numbering and spaces). Order matters: first match wins. */
export const ROW_KEYS: ReadonlyArray<readonly [string, RegExp]> = [
  ["current_income_total", /^(本年)?收入(合计|小计)$/],
  ["current_expenditure_total", /^(本年)?支出(合计|小计)$/],
  ["income_grand_total", /^收入总计$/],
  ["expenditure_grand_total", /^支出总计$/],
  ["balance_use_in", new RegExp(`^(${BALANCE_USE})$`)],
  ["carryover_in", new RegExp(`^(${CARRYOVER_IN}|使用上年结转|上年实户资金余额)$`)],
  [
    "carryover_out",
    /^(年终结转(结余)?|年末结转((和|及)?结余)?(资金)?|结转下年(度)?(资金)?|结转结余下年|未安排支出的实户资金)$/,
  ],
  // 共计 and 本年合计 (a 收支总表 side's 本年合计 is that side's 本年收入合计 / 本年支出合计: SIDE_TOTALS).
  [
    "total",
    /^(合计|总计|共计|本年合计|部门合计|单位合计|本表合计|合计数|金额合计|总合计|全部合计)([(（](单位[:：])?(万元|元|千元)[)）])?$/,
  ],
  ["src_fiscal", /^(财政|预算)拨款(收入)?(小计|合计)?$/],
  // 一般公共预算拨款收入 (most templates), 一般公共预算财政拨款收入 (北京, 湖南, 四川 since 2020), 一般公共预算资金 ….
  ["src_general", new RegExp(`^一般公共预算${FUNDING}$`)],
  ["src_gov_fund", new RegExp(`^政府性?基金(预算)?${FUNDING}$`)],
  ["src_state_capital", new RegExp(`^国有资本经营(预算)?${FUNDING}$`)],
  ["src_special_account", /^财政专户(管理资金|拨款)(收入)?$/],
  ["src_unit_funds", /^单位资金(收入)?$/],
  ["src_business", /^事业收入$/],
  ["src_operating", /^(事业单位)?经营收入$/],
  ["src_superior", /^上级补助收入$/],
  ["src_affiliated", /^对?附属单位上缴收入$/],
  ["src_other", /^其他收入$/],
  ["use_basic", /^基本支出$/],
  ["use_project", /^项目支出$/],
  ["use_reserve", /^预留机动经费$/],
  ["abroad", new RegExp(`^${ABROAD}(支出)?$`)],
  ["vehicle_purchase", new RegExp(`^${CAR}?购置(费|费用)?(支出)?$`)],
  ["vehicle_operation", new RegExp(`^${CAR}?运行(维护)?(费|费用)?(支出)?$`)],
  ["reception", new RegExp(`^${RECEPTION}(支出)?$`)],
  ["reception_domestic", new RegExp(`^${RECEPTION_DOMESTIC}(支出)?$`)],
  ["reception_foreign", new RegExp(`^${RECEPTION_FOREIGN}(支出)?$`)],
  ["three_public", /^["“”]?三公["“”]?经费(合计|小计|支出)?$/],
  // 行政经费 (Guangdong's 财政拨款安排的行政经费) is what the text calls 机关运行经费.
  ["operating_funds", /^(机关运行经费|行政经费)$/],
  // 人员经费合计 / 公用经费合计: the group's line printed under its lines (决算-style 基本支出表).
  ["personnel", /^人员(经费|支出)(合计|小计)?$/],
  ["public", /^(日常)?公用(经费|支出)(合计|小计)?$/],
];

const CAR_WORD = new RegExp(CAR);

/** 合计 / 总计 after a table's subject (部门收入合计, 基本支出总计). */
const OWN_TOTAL = "(合计|总计)";
/** 部门 / 单位 / 本部门 … before a 收入 / 支出 total (部门收入合计, 单位支出总计). */
const OWNER = "(本?(部门|单位))?(预算)?";
/** 一般公共预算 / 财政拨款 before a 基本支出 total (一般公共预算基本支出合计). */
const BASIC_SCOPE = "(一般公共预算)?(财政拨款)?";

/**
 * Totals worded with the table's own name (the first such line, when no 合计 line comes before it, is the table's 合计):
 * a 机关运行经费表 whose line is 机关运行经费 / 机关运行经费合计 / 机关运行经费支出 (its only line, or the line over its
 * economic items); 部门收入合计 (收入总表), 部门支出合计 (支出总表), 一般公共预算支出合计, 基本支出合计 (基本支出表),
 * 政府性基金预算支出合计, 国有资本经营预算支出合计, 财政专户管理资金支出合计, 项目支出合计 (newcomer7: read as a level-1
 * line, the total was compared by code or lost).
 */
export const OWN_NAME_TOTALS: Readonly<Partial<Record<TableKind, RegExp>>> = {
  operating_funds: /^(机关运行经费|行政经费)(合计|总计|支出|支出合计|预算数?)?$/,
  income_summary: new RegExp(`^${OWNER}收入${OWN_TOTAL}$`),
  expenditure_summary: new RegExp(`^${OWNER}支出${OWN_TOTAL}$`),
  expenditure_economic: new RegExp(`^${OWNER}支出${OWN_TOTAL}$`),
  general_budget_expenditure: new RegExp(`^一般公共预算(财政拨款)?(支出)?${OWN_TOTAL}$`),
  basic_expenditure_economic: new RegExp(`^${BASIC_SCOPE}基本支出${OWN_TOTAL}$`),
  basic_expenditure_functional: new RegExp(`^${BASIC_SCOPE}基本支出${OWN_TOTAL}$`),
  gov_fund_expenditure: new RegExp(`^政府性?基金(预算)?(财政拨款)?(支出)?${OWN_TOTAL}$`),
  state_capital: new RegExp(`^国有资本经营(预算)?(财政拨款)?(支出)?${OWN_TOTAL}$`),
  special_account: new RegExp(`^财政专户(管理资金)?(支出)?${OWN_TOTAL}$`),
  project_expenditure: new RegExp(`^项目支出${OWN_TOTAL}$`),
};

/** On a side of a 收支总表, the 本年合计 line is that side's 本年收入合计 / 本年支出合计 (never the table's 合计). */
export const SIDE_TOTALS: ReadonlyArray<readonly [RegExp, Readonly<Record<string, string>>]> = [
  [/^本年合计$/, { income: "current_income_total", expenditure: "current_expenditure_total" }],
];

/**
 * 本年收入 over 小计 | 一般公共预算 | … beside 上年结转 over 小计 | … (广东 / 湖北 / 江西 收入总表), and its expenditure twin
 * 本年支出 over 小计 | 基本支出 | 项目支出 beside 上年结转 over 小计 | 基本支出 | 项目支出 (支出总表): the band's 小计 is this
 * year's money (`current`) when a 合计 column of the table's own stands before it (header.ts), else the table's 合计.
 */
export const CURRENT_BAND = /^(本年|当年)(收入|支出)$/;
/** This year's money captioned in one cell (本年收入合计, 本年支出小计): `current` beside a 合计 column (header.ts). */
export const CURRENT_CAPTION = /^(本年|当年)(收入|支出)(合计|小计)$/;

/**
 * A band of uses printed in one cell (本年支出合计 | 基本支出 | 项目支出 | 上年结转合计 | 基本支出 | 项目支出, each caption
 * in a cell of its own over both header lines, where the template spans 本年支出 over 小计 | 基本支出 | 项目支出): group
 * 1 the band, read as that band over the uses after it (header.ts oneCellBands).
 */
export const ONE_CELL_USE_BAND = new RegExp(`^(本年支出|当年支出|${CARRYOVER_IN})(合计|小计)$`);
/** The 上年结转 money in one cell right after such a 本年支出 band, printing no uses of its own (上年结转 / 上年结转合计). */
export const ONE_CELL_CARRYOVER = new RegExp(`^(${CARRYOVER_IN})(合计|小计)?$`);
/** The uses such a band holds. */
export const BAND_USE = /^(基本支出|项目支出)$/;

/**
 * A line without figures that opens a second view of a 收支总表 side (按经济分类 / 支出按经济分类 after the 功能 classes):
 * its lines break the same 本年支出 down another way.
 */
export const VIEW_HEADING =
  /^(本年)?(支出)?按(部门预算|政府预算|部门|政府)?(支出)?(功能|经济)(分类)?(科目)?(分类)?$/;

/**
 * A line without figures in a table by 功能 class (支出总表, 一般公共预算支出表) that opens a block of the same 支出 by
 * economic class after the 功能 lines (tester29b T29B-15: 基本支出（按经济分类）, 按经济分类科目, 支出按部门预算经济分类):
 * its lines are another classification, never 款 of the last class nor classes beside the 功能 ones.
 */
export const ECONOMIC_BLOCK_HEADING =
  /^(本年|基本|项目)?(支出)?[（(]?按(部门预算|政府预算|部门|政府)?(支出)?经济(分类)?(科目)?(分类)?[)）]?$/;

/**
 * Lines a 收支总表 side prints right under a line as its named parts (parent row key → part row keys, and whether the
 * 部门预算支出经济分类 classes are parts too): 人员经费 / 公用经费 under 一、基本支出, or its classes 工资福利支出 / 商品和
 * 服务支出 / 对个人和家庭的补助 … (named or coded 301 …: its breakdown by economic class, tester29b T29B-7), and the
 * classes under 二、项目支出 (its breakdown, T29B-15). Such a
 * line is a part of the one above it however it is indented (spaces, U+3000, or the cell's own indent, which the grid
 * does not carry) — never a class of its own added into 本年支出合计.
 */
export const ROW_PARTS: Readonly<
  Record<string, { keys: readonly string[]; economicClasses?: boolean }>
> = {
  use_basic: { keys: ["personnel", "public"], economicClasses: true },
  use_project: { keys: [], economicClasses: true },
};

/** Keys that are totals (level 0) in a table. */
export const TOTAL_KEYS = new Set([
  "total",
  "current_income_total",
  "current_expenditure_total",
  "income_grand_total",
  "expenditure_grand_total",
]);

export function rowKey(label: string): string | undefined {
  const k = unwrap(labelKey(label));
  // 公务用车购置及运行费 names both words: it is the vehicle subtotal, never the purchase item.
  if (/购置/.test(k) && /运行/.test(k))
    return CAR_WORD.test(k) || /^购置/.test(k) ? "vehicle" : undefined;
  for (const [key, re] of ROW_KEYS) if (re.test(k)) return key;
  return undefined;
}

/**
 * A change from last year (本年 − 上年) as templates caption it: 增减 / 增减额 / 增加 / 减少 / 增减变化 …, 同比增减, 较上年增减,
 * 比上年增长 (额), and one naming both years, 2025年比2024年增减 (never last year's figures for its earlier year). Its
 * rate (增减率, 增长率, 增长%) is `ratio`.
 */
const CHANGE =
  /^(增减|增减额|比上年增减|增加|减少|增减变化)|^(同比|较上年|比上年|与上年相比|较上年度|比上年度)(增减|增长|增加|变动|变化)(额|数|金额|情况)?$|^\d{4}年?度?(预算数?)?(比|较)\d{4}年?度?(预算数?)?(增减|增长|增加|变动|变化)(额|数|金额|情况)?$/;
/** A band over the 增减 figures (增减 / 增减变化情况 …, 同比增减, 2025年比2024年增减): its columns are changes. */
const CHANGE_BAND = new RegExp(`${CHANGE.source}|^(增减变化情况|增减情况)$`);

/** Amount-column meanings by header leaf (and its parent). */
export const COLUMN_KEYS: ReadonlyArray<readonly [string, RegExp]> = [
  // 本年预算数 is this year's money beside 上年结转; printed without a carry-over column it is the table's total (header.ts).
  [
    "current",
    /^(当年预算安排|本年预算安排|当年财政拨款安排|当年预算|本年预算|(本年|当年|本年度|年度)预算(数|金额))$/,
  ],
  // 结转结余 as a 收入总表 column (newcomer7): the money carried over into the year, 上年结转 (a column only: as a line, 结转
  // 结余 on the 支出 side is what is carried out).
  [
    "carryover",
    new RegExp(`^(${CARRYOVER_IN}|上年结转安排|上年实户资金余额|结转(和|及)?结余(资金)?)$`),
  ],
  ["balance_use", new RegExp(`^(${BALANCE_USE})$`)],
  ["fiscal", /^财政拨款(收入)?(小计|合计)?$/],
  ["general", new RegExp(`^一般公共预算${FUNDING}$`)],
  ["gov_fund", new RegExp(`^政府性?基金(预算)?${FUNDING}(预算)?$`)],
  ["state_capital", new RegExp(`^国有资本经营(预算)?${FUNDING}(预算)?$`)],
  ["special_account", /^财政专户(管理资金|拨款)?(收入)?$/],
  ["unit_funds", /^单位资金(收入)?$/],
  ["business", /^事业收入$/],
  // 事业单位经营 without 收入 (tester35 T35-4): no other column is so named.
  ["operating", /^(事业单位)?经营收入$|^事业单位经营$/],
  // 上级补助 / 附属单位上缴 without 收入 (tester33 T33-7: 本年收入 over 一般公共预算 | 上级补助 | 附属单位上缴 …, or one header
  // line so worded): no other column is so named.
  ["superior", /^上级补助(收入)?$/],
  ["affiliated", /^对?附属单位上缴(收入)?$/],
  ["other", /^其他(收入|资金)$/],
  // 基本支出合计, 基本经费, 基本支出（小计）: the 基本支出 column of templates that word it so.
  ["basic", /^基本(支出|经费)([(（]?(合计|小计)[)）]?)?$/],
  ["project", /^项目(支出|经费)([(（]?(合计|小计)[)）]?)?$/],
  ["reserve", /^预留机动经费$/],
  // 政府采购预算表 by 采购类别 (货物 | 工程 | 服务).
  ["procurement_goods", /^货物(类)?$/],
  ["procurement_works", /^工程(类)?$/],
  ["procurement_services", /^服务(类)?$/],
  ["upper_remit", /^上缴上级支出$/],
  ["operating_exp", /^(事业单位)?经营支出$/],
  ["subsidiary", /^对附属单位补助支出$/],
  ["personnel", /^人员(经费|支出)(支出)?$/],
  ["public", /^(日常)?公用(经费|支出)(支出)?$/],
  // 基本支出 by economic class (schema.ts ECONOMIC_CLASS_COLUMNS), with or without the class code in front.
  ["wages", /^(301)?工资福利(支出)?$/],
  ["goods_services", /^(302)?商品和服务(支出)?$/],
  ["household_subsidies", /^(303)?对个人和家庭(的)?补助(支出)?$/],
  ["debt_interest", /^(307)?债务利息(及费用)?支出$/],
  ["capital_construction", /^(309)?资本性支出[(（]基本建设[)）]$/],
  ["capital", /^(310)?资本性支出$/],
  ["enterprise_construction", /^(311)?对企业补助[(（]基本建设[)）]$/],
  ["enterprise_subsidies", /^(312)?对企业补助(支出)?$/],
  ["social_security_fund", /^(313)?对社会保障基金补助(支出)?$/],
  // 其他支出 bare is a class only in a band of 支出 by economic class (ECONOMIC_BAND, columnKey); with its code, anywhere.
  ["other_expenditure", /^399其他支出$/],
  // 专项业务经费 (Xi'an) is the template's word for 项目支出.
  ["project", /^专项业务经费(支出)?$/],
  ["meeting", /^会议费$/],
  ["training", /^培训费$/],
  ["abroad", new RegExp(`^${ABROAD}$`)],
  ["vehicle_purchase", new RegExp(`^${CAR}?购置(费|费用)?$`)],
  ["vehicle_operation", new RegExp(`^${CAR}?运行(维护)?(费|费用)?$`)],
  ["vehicle", new RegExp(`^${CAR}购置(及|和)?运行(维护)?(费|费用)?$`)],
  ["reception", new RegExp(`^${RECEPTION}$`)],
  ["reception_domestic", new RegExp(`^${RECEPTION_DOMESTIC}$`)],
  ["reception_foreign", new RegExp(`^${RECEPTION_FOREIGN}$`)],
  ["operating_funds", /^机关运行经费$/],
  ["period", /^实施期/],
  ["annual", /^年度资金/],
  // 幅度 / 增幅 (同比增减: 金额 | 幅度) and 变动率 are rates too.
  ["ratio", /(增长率|增减率|比例|占比|%|百分比|幅度|增幅|变动率|变化率)/],
  ["change", CHANGE],
  [
    "total",
    /^["“”]?三公["“”]?经费(合计|小计|总计)?$|^(合计|总计|共计|小计|金额|总额|预算数|预算金额|项目金额|资金金额|资金总额|预算资金|预算(金额|资金)合计|数额|预算|本年收入合计|本年收入|本年支出|本年支出合计|收入合计|支出合计|\d{4}年?(度)?(预算数?|合计|预算金额)?)$/,
  ],
];

/** Header texts that name label columns (not amounts). */
export const LABEL_HEADER =
  /^(项目|项目名称|收入|支出|收入类别|支出类别|收入科目|支出科目|科目名称|功能分类科目名称|支出功能分类科目名称|经济科目名称|经济分类科目名称|部门预算支出经济科目名称|政府预算支出经济科目名称|单位名称|部门名称|单位|名称|收入项目|支出项目|预算科目|科目|收入科目名称|支出科目名称|功能科目名称|科目编码及名称|功能分类科目|单位代码及名称|项目单位)$/;
export const CODE_HEADER =
  /^(科目编码|编码|代码|科目代码|功能科目编码|功能分类科目编码|经济科目编码|经济分类科目编码|收入科目编码|支出科目编码|类款项|单位代码|单位编码|项目编码|项目代码)$/;
export const SPLIT_CODE_HEADER = /^(类|款|项)$/;
export const SEQ_HEADER = /^(序号|栏次|行次|编号)$/;
/** 部门经济科目编码, 功能分类科目代码 …: any caption ending in 编码 / 代码 is a code column (never amounts). */
export const CODE_LIKE_HEADER = /(编码|代码)$/;
/** Unit codes (117, 117001): they name units, not classification items. */
export const UNIT_CODE_HEADER = /^(预算)?(单位|部门)(编码|代码)$/;
/** Captions of name columns by their last word: 支出功能分类科目, 支出项目类别, 采购项目, 任务名称. */
export const LABEL_LIKE_HEADER = /(科目|类别|名称|项目|任务)$/;
/** A name column captioned by its classification alone: 按功能分类, 按经济分类, 按部门预算支出经济分类（科目）. */
export const CLASSIFICATION_HEADER = /^按.{0,10}分类(科目)?$/;
/** Text columns beside the figures. */
export const TEXT_HEADER =
  /(绩效目标|简介|概况|概述|内容|说明|备注|用途|时间|日期|期限|依据|规格|型号|分值|权重|指标值|资金性质|采购目录|采购方式)$/;
/**
 * The 绩效目标 column of a 项目绩效目标一览表 (项目 | 金额 | 绩效目标 as columns): 绩效目标, 年度绩效目标 (北京 / 湖南 /
 * 河南), 项目绩效目标, 绩效目标值, 年度目标 … (matched on labelKey).
 */
export const PERFORMANCE_TARGET_HEADER =
  /^(年度|本年|当年|项目|总体|整体|预期|项目年度)?(绩效)?目标(值|内容|描述|及指标)?$|^绩效目标/;
/** The task column of a 部门整体绩效目标表: 任务名称, 项目名称, (年度)主要任务, 重点任务, 工作任务. */
export const TASK_HEADER = /任务名称|项目名称|^(年度)?(主要|重点|工作)任务(名称|内容)?$/;

/** Counts and rates beside the money (采购数量, 编制人数, 单价): figures, but never parts of a sum of amounts. */
export const COUNT_HEADER = /(数量|人数|编制数|实有人数|台数|辆数|件数|个数|面积|单价)$/;
/**
 * Attributes that are codes or names of something else (项目编码, 项目代码), or a year or a span of years of the line
 * (年度, 年份, 起始年度, 立项年度, 完成年限 …: tester35 T35-7).
 */
export const ATTRIBUTE_HEADER =
  /^项目(编码|代码|编号)$|^(起始|开始|立项|实施|完成|执行|结束|截止|建设|开工|竣工|申报|批复)?(年度|年份|年限)$/;
/** The label cells of a 栏次 row. */
export const COLUMN_MARKER = /^(栏次|行次|序号|\*+|甲|乙|丙|丁|[-—]+)$/;

/**
 * Words that mark a header row (a row of captions, no amounts). 总计 / 共计 as 合计: a “三公” table printed as one line
 * under 总计 | 因公出国（境）费 | 公务用车购置及运行费 | 公务接待费 (北京's template) has no other such word.
 */
export const HEADER_WORDS =
  /项目|科目|编码|名称|合计|总计|共计|小计|金额|预算数|收入|支出|经费|预算|资金|结转|栏次|序号|类|款|项|单位|年/;

/** 注：本表无数据 and its variants (本部门2025年无“三公”经费预算: the year may stand between 本部门 and 无). */
export const EMPTY_NOTE =
  /本表无数据|空表|无数据|本(部门|单位)(\d{4}年度?)?(无|没有|未安排|不涉及)|不涉及|无此项|此表为空|无相关(数据|收支|支出)|无发生额|没有使用.*安排的支出|未使用.*安排的支出/;

/**
 * The figure a band's 小计 / 合计 column stands for, by the band's caption (first match wins): 单位资金 and the other
 * names templates give the money outside 财政拨款 (非财政拨款资金, 其他资金 or 单位自有资金 over 事业收入 | 经营收入 |
 * 其他收入 …: 山东, 云南) before 财政拨款 itself, so 非财政拨款… is never 财政拨款.
 */
const BAND_SUBTOTALS: ReadonlyArray<readonly [string, RegExp]> = [
  ["unit_funds", /^(非财政拨款|单位资金|单位自有资金|自有资金|其他资金)/],
  ["fiscal", /财政拨款/],
  ["vehicle", CAR_WORD],
  ["reception", /接待/],
  ["three_public", /三公/],
  ["carryover", new RegExp(`^(${CARRYOVER_IN})`)],
  ["basic", /^基本支出$/],
  ["project", /^项目支出$/],
  // 人员经费: 小计 | 工资福利支出 | 对个人和家庭的补助 (湖南 / 河北 county 基本支出表 by 功能科目, tester35 T35-6).
  ["personnel", /^人员经费$/],
  ["public", /^公用经费$/],
];

/**
 * Later years' plans printed beside this year's money (项目支出表: 2026年计划数 | 2027年计划数, a 中期财政规划 / 以后年度
 * band over 2026年 | 2027年, 以后年度安排): money of later budgets, never a source of this year's 合计. A caption naming
 * a plan (计划 / 规划) with a year after the table's (or any year when the table prints none: columnRoles leaves plan
 * years out when it infers one). Matched on the header path (bands and leaf, labelKey).
 */
/**
 * A caption or a “三公” line naming a year of a 三公 table's pair or band: 上年 / 2024年预算数 (prior), 本年 / 当年 /
 * 2025年预算数 (current), 增减 (change). Groups: 1 the year, 2 the word for it, 3 the change.
 */
export const YEAR_CAPTION =
  /^(?:(\d{4})年(?:度)?|(上年|上一年|本年|当年|今年))(?:预算|预算数|执行数|决算数|数)?$|^(增减|增减额|增减变化|比上年增减|增减变化情况)$/;
export const LATER_YEARS = /中期(财政)?规划|以后年度|后两年|以后年份|跨年度规划/;
const PLAN_CAPTION = /计划|规划/;
const CARRYOVER_BAND = new RegExp(`^(${CARRYOVER_IN})`);

export function columnKey(leaf: string, parents: string[], tableYear?: number): string | undefined {
  const k = unwrap(labelKey(leaf));
  const partOfParent = /^其中/.test(norm(leaf));
  const parent = parents.map(labelKey).join("/");
  const path = parent + "/" + k;
  const years = [...path.matchAll(/(\d{4})年?/g)].map((m) => Number(m[1]));
  // A rate or a change names last year too (2025年比2024年增减, 增长%): it is no figure of last year's.
  const own = COLUMN_KEYS.find(([, re]) => re.test(k))?.[0];
  if (own === "ratio" || own === "change") return own;
  if (parents.some((p) => CHANGE_BAND.test(labelKey(p)))) return "change";
  if (tableYear && years.some((y) => y < tableYear) && !/结转/.test(k)) return "prior";
  // A year after the table's alone (2026年预算数) is no plan: a title left at last year's says the same.
  if (
    (LATER_YEARS.test(path) || (years.length && PLAN_CAPTION.test(path))) &&
    !/结转|实施期/.test(k) &&
    !years.some((y) => tableYear && y <= tableYear)
  )
    return "later";
  if (/上年(预算|执行|决算)|上年数/.test(parent + k)) return "prior";
  // Bands 上年 / 当年 / 增减 (三公 tables printing last year beside this year).
  const bands = parents.map(labelKey);
  if (bands.some((p) => /^上年(度)?$/.test(p))) return "prior";
  const leafParent = bands[bands.length - 1] ?? "";
  // A 小计 under a band is the band's own figure, whatever the band is called (BAND_SUBTOTALS).
  if (/^(小计|合计)$/.test(k) && leafParent) {
    const band = BAND_SUBTOTALS.find(([, re]) => re.test(leafParent));
    if (band) return band[0];
  }
  // Sources under the 上年结转结余 band are last year's money, not this year's sources; 基本支出 / 项目支出 under it (支出总表)
  // are the carried-over money's uses, not this year's.
  if (bands.some((p) => CARRYOVER_BAND.test(p))) {
    const inner =
      CARRYOVER_FUND_PARTS.find(([, re]) => re.test(k))?.[0] ??
      COLUMN_KEYS.find(([, re]) => re.test(k))?.[0];
    if (inner && (SOURCE_PARENTS.has(inner) || CARRYOVER_USES.has(inner)))
      return `carryover_${inner}`;
  }
  const leafKey =
    COLUMN_KEYS.find(([, re]) => re.test(k))?.[0] ??
    shortSource(k, bands) ??
    (k === "其他支出" && ECONOMIC_BAND.test(bands[bands.length - 1] ?? "")
      ? "other_expenditure"
      : undefined);
  // 项目支出 broken down by economic class beside 基本支出's (功能 × 经济分类 tables: 基本支出 (小计 | 工资福利支出 | …) |
  // 项目支出 (小计 | 商品和服务支出 | …)): the 项目支出 band's classes are the project's (project_goods_services …), never
  // 基本支出's.
  if (
    leafKey &&
    ECONOMIC_CLASS_KEYS.has(leafKey) &&
    /^项目(支出|经费)$/.test(bands[bands.length - 1] ?? "")
  )
    return `project_${leafKey}`;
  // A source split into uses (一般公共预算: 小计 | 基本支出 | 项目支出): the subtotal is the source, the parts are the source's.
  const parentLeaf = parents.length ? labelKey(parents[parents.length - 1]) : "";
  const parentKey = COLUMN_KEYS.find(([, re]) => re.test(parentLeaf))?.[0];
  if (parentKey && SOURCE_PARENTS.has(parentKey)) {
    if (leafKey === "total") return parentKey;
    if (leafKey && USE_CHILDREN.has(leafKey)) return `${parentKey}_${leafKey}`;
    // A source band's own parts (财政专户拨款收入: 教育收费 | 其他专户收入拨款) are that source.
    if (!leafKey && parents.length && !partOfParent) return parentKey;
  }
  return leafKey;
}

/**
 * A band of 支出 laid out by economic class (基本支出 / 项目支出 / 人员经费 / 公用经费 over 工资福利支出 | … | 其他支出,
 * tester35 T35-10): a bare 其他支出 under it is the class 399, one of the band's parts.
 */
const ECONOMIC_BAND = /^(基本|项目)(支出|经费)$|^(人员|公用)经费$/;

/** 事业 / 经营 / 其他: a source's short caption, under a band of income (本年收入, 收入, 单位资金 …: SHORT_SOURCE_BAND). */
const SHORT_SOURCES: Readonly<Record<string, string>> = {
  事业: "business",
  经营: "operating",
  其他: "other",
};
/** A band whose parts are sources of income: naming 收入 (never 支出), or 单位资金 and its other names (BAND_SUBTOTALS). */
const SHORT_SOURCE_BAND = /^(?!.*支出).*收入|^(非财政拨款|单位资金|单位自有资金|自有资金|其他资金)/;

/**
 * The source a short caption names (tester33 T33-7: 本年收入 over 一般公共预算 | 事业 | 经营 | 其他), only under its band
 * of income: 其他 or 经营 alone elsewhere may be anything.
 */
function shortSource(k: string, bands: string[]): string | undefined {
  const key = SHORT_SOURCES[k];
  return key && bands.some((b) => SHORT_SOURCE_BAND.test(b)) ? key : undefined;
}

/** Income sources a 收入总表 names in full (一般公共预算, 上级补助收入 …): beside one, 事业 / 经营 are sources too. */
const NAMED_SOURCES = new Set([
  "general",
  "gov_fund",
  "state_capital",
  "fiscal",
  "special_account",
  "unit_funds",
  "superior",
  "affiliated",
]);

/**
 * tester35 T35-4: a short caption 事业 / 经营 printed with no band of income over it (科目 | 合计 | 一般公共预算 | 事业 |
 * 事业单位经营 | 上级补助 …, one header line): the source it names (事业收入, 事业单位经营收入) when the table's other
 * amount columns name a source of income in full (`keys`); else undefined (经营 or 事业 alone may be anything).
 */
export function shortSourceBeside(leaf: string, keys: readonly string[]): string | undefined {
  const key = SHORT_SOURCES[unwrap(labelKey(leaf))];
  if (!key || key === "other" || keys.includes(key)) return undefined;
  return keys.some((k) => NAMED_SOURCES.has(k)) ? key : undefined;
}

/**
 * A 上年结转结余 band split by whose money it was (小计 | 财政拨款结转 | 非财政拨款结余): the 财政拨款 part and the
 * rest (单位资金's), as carryover_fiscal / carryover_unit_funds.
 */
const CARRYOVER_FUND_PARTS: ReadonlyArray<[string, RegExp]> = [
  ["fiscal", /^财政拨款(结转|结余|结转结余|结转和结余)(资金)?$/],
  ["unit_funds", /^非财政拨款(结转|结余|结转结余|结转和结余)(资金)?$/],
];

const SOURCE_PARENTS = new Set([
  "general",
  "gov_fund",
  "state_capital",
  "fiscal",
  "special_account",
  "unit_funds",
  "business",
  "operating",
  "other",
]);
const USE_CHILDREN = new Set(["basic", "project", "personnel", "public", "reserve"]);
/** The uses a 上年结转 band of a 支出总表 prints (上年结转: 小计 | 基本支出 | 项目支出): carryover_basic, carryover_project. */
const CARRYOVER_USES = new Set(["basic", "project"]);

/** What a page bookkeeping line sums or carries: the page's lines (小计 / 合计) or all so far (累计, 结转). */
const PAGE_SUM = "((小计|合计|累计|结转|总计)(数|金额)?)";
/** Into or out of a page: 承前页 / 承上页 / 接上页 (brought), 转下页 / 过次页 / 转次页 / 结转下页 (carried). */
const PAGE_MOVE = "(承|接|转|过|结转|移|转入|转至)";

/**
 * Page bookkeeping lines of a table printed over pages (tester32 T32-21: a long 项目支出表 with 本页小计 and 累计 after
 * every page): sums of the page's lines or of all lines so far, and the carried-over total at the top of the next page.
 * Never lines of the table (no project, no parent of the next page's lines); listed in a 提示 instead. Matched as a
 * family (tester33 T33-3: 财政 systems print 小计（本页）, 累计（至本页）, 上页累计, 本页合计数, 承前页 …): a page word with
 * a sum word either way round (本页小计, 小计本页, 上页累计, 累计至本页, 结转下页), a move into or out of a page (承前页,
 * 接上页, 转下页, 过次页合计), or 累计 alone or with 数 / 金额 — never 小计 or 合计 alone (a table's own sums).
 */
export const PAGE_BOOKKEEPING: ReadonlyArray<[string, RegExp]> = [
  [
    "brought_forward",
    new RegExp(
      `^(${PAGE_MOVE}(上|前)页${PAGE_SUM}?|(截至|截止|至)?(上|前)页${PAGE_SUM}|${PAGE_SUM}(截至|截止|至)?(上|前)页(${PAGE_SUM})?)$`
    ),
  ],
  [
    "carried_forward",
    new RegExp(
      `^(${PAGE_MOVE}(次|下|后)页${PAGE_SUM}?|(次|下|后)页${PAGE_SUM}|${PAGE_SUM}(转)?(至|到)?(次|下|后)页(${PAGE_SUM})?)$`
    ),
  ],
  [
    "running_total",
    new RegExp(
      `^((截至|截止|至)?本页累计(数|金额)?|累计(数|金额)?((截至|截止|至)?本页)?(数|金额)?)$`
    ),
  ],
  ["page_subtotal", new RegExp(`^(本页${PAGE_SUM}|${PAGE_SUM}本页(${PAGE_SUM})?)$`)],
];

/** The PAGE_BOOKKEEPING kind of a label (spaces, brackets and colons ignored), or undefined. */
export function pageBookkeeping(text: string): string | undefined {
  const k = text.replace(/[\s\u3000（）()【】[\]：:]/g, "");
  return PAGE_BOOKKEEPING.find(([, re]) => re.test(k))?.[0];
}
