/**
 * 政府收支分类科目 names over the years: the classification is revised every year and some 类 / 款 were renamed.
 * A budget is compiled in the year before it runs, so a name valid in the report's year or the year before is
 * right. Each span gives the years it was in force (inclusive; open-ended when unknown) and its source.
 *
 * Only renames this table lists are judged by year; every other code keeps the one name of functional.ts.
 */
import { norm } from "../grid/text";

export interface NameSpan {
  code: string;
  name: string;
  /** First budget year the name was in force (undefined: before the years this table covers). */
  from?: number;
  /** Last budget year the name was in force (undefined: still in force). */
  to?: number;
  source: string;
}

const S2014 = "财政部《2014年政府收支分类科目》（机构改革后 210 类更名）";
const S2019 =
  "财政部《2019年政府收支分类科目》（2018 年国务院机构改革后 207、210、215、220 类及相关款更名，224 类新设）";
const S2021 = "财政部《2021年政府收支分类科目》（21305 扶贫更名为巩固脱贫攻坚成果衔接乡村振兴）";
const S2024 = "财政部《2024年政府收支分类科目》（20139 社会工作事务新设，社会工作部门）";

export const FUNCTIONAL_NAME_HISTORY: ReadonlyArray<NameSpan> = [
  { code: "207", name: "文化体育与传媒支出", to: 2018, source: S2019 },
  { code: "207", name: "文化旅游体育与传媒支出", from: 2019, source: S2019 },
  { code: "210", name: "医疗卫生支出", to: 2013, source: S2014 },
  { code: "210", name: "医疗卫生与计划生育支出", from: 2014, to: 2018, source: S2019 },
  { code: "210", name: "卫生健康支出", from: 2019, source: S2019 },
  { code: "215", name: "资源勘探电力信息等支出", to: 2018, source: S2019 },
  { code: "215", name: "资源勘探信息等支出", to: 2018, source: S2019 },
  { code: "215", name: "资源勘探工业信息等支出", from: 2019, source: S2019 },
  { code: "220", name: "国土海洋气象等支出", to: 2018, source: S2019 },
  { code: "220", name: "自然资源海洋气象等支出", from: 2019, source: S2019 },
  { code: "224", name: "灾害防治及应急管理支出", from: 2019, source: S2019 },
  { code: "20701", name: "文化", to: 2018, source: S2019 },
  { code: "20701", name: "文化和旅游", from: 2019, source: S2019 },
  { code: "21001", name: "医疗卫生与计划生育管理事务", to: 2018, source: S2019 },
  { code: "21001", name: "卫生健康管理事务", from: 2019, source: S2019 },
  { code: "21301", name: "农业", to: 2018, source: S2019 },
  { code: "21301", name: "农业农村", from: 2019, source: S2019 },
  { code: "21302", name: "林业", to: 2018, source: S2019 },
  { code: "21302", name: "林业和草原", from: 2019, source: S2019 },
  { code: "22001", name: "国土资源事务", to: 2018, source: S2019 },
  { code: "22001", name: "自然资源事务", from: 2019, source: S2019 },
  { code: "20828", name: "退役军人管理事务", from: 2019, source: S2019 },
  { code: "21305", name: "扶贫", to: 2020, source: S2021 },
  { code: "21305", name: "巩固脱贫攻坚成果衔接乡村振兴", from: 2021, source: S2021 },
  { code: "20139", name: "社会工作事务", from: 2024, source: S2024 },
];

export const inForce = (s: NameSpan, year: number) =>
  (s.from === undefined || s.from <= year) && (s.to === undefined || year <= s.to);

/** FUNCTIONAL_NAME_HISTORY by code, in the table's order (every judged name asks: no scan of the table per name). */
const SPANS_BY_CODE = new Map<string, NameSpan[]>();
for (const s of FUNCTIONAL_NAME_HISTORY) {
  const list = SPANS_BY_CODE.get(s.code);
  if (list) list.push(s);
  else SPANS_BY_CODE.set(s.code, [s]);
}

/** The spans of one code (empty when its name never changed in this table); a list of its own for each call. */
export function nameHistory(code: string): NameSpan[] {
  const spans = SPANS_BY_CODE.get(code);
  return spans ? spans.slice() : [];
}

export type NameVerdict =
  | { ok: true }
  /** The printed name is another year's name of this code: `span` is where it is valid, `standard` the report year's. */
  | { ok: false; why: "other-year"; span: NameSpan; standard?: string }
  | { ok: false; why: "mismatch"; standard: string };

/**
 * Judges a printed name against the code's names valid in the report's year or the year before (budgets are
 * compiled in the year before). Without a year, any name the code ever had is accepted. `current` is the
 * name this code has today (functional.ts) and `same` the lenient name comparison.
 */
export function judgeName(
  code: string,
  printed: string,
  year: number | undefined,
  current: string,
  same: (a: string, b: string) => boolean
): NameVerdict {
  const spans = nameHistory(code);
  if (!spans.length)
    return same(printed, current)
      ? { ok: true }
      : { ok: false, why: "mismatch", standard: current };
  const valid =
    year === undefined ? spans : spans.filter((s) => inForce(s, year) || inForce(s, year - 1));
  const standard =
    year === undefined ? current : (spans.find((s) => inForce(s, year))?.name ?? valid[0]?.name);
  // The exact name decides first (医疗卫生支出 and 医疗卫生与计划生育支出 are alike but of different years).
  const exact = spans.find((s) => norm(s.name) === norm(printed));
  if (exact)
    return valid.includes(exact)
      ? { ok: true }
      : { ok: false, why: "other-year", span: exact, standard };
  if (valid.some((s) => same(printed, s.name))) return { ok: true };
  const other = spans.find((s) => same(printed, s.name));
  if (other) return { ok: false, why: "other-year", span: other, standard };
  return { ok: false, why: "mismatch", standard: standard ?? current };
}

/** "2018 年及以前" / "2019 年起" / "2014—2018 年": a span's years, as a message says them. */
export function spanYears(s: NameSpan): string {
  if (s.from !== undefined && s.to !== undefined) return `${s.from}—${s.to} 年`;
  if (s.to !== undefined) return `${s.to} 年及以前`;
  if (s.from !== undefined) return `${s.from} 年起`;
  return "各年";
}
