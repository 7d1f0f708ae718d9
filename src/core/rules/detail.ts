/**
 * 完整性 — required detail: what a published table must break down, checked on the rows it prints (a rule that
 * only compares rows that exist cannot notice rows that are missing). 财政部 disclosure inspections count the
 * 细化程度: 功能分类到项, 基本支出经济分类到款, 公务用车购置及运行费分列购置费和运行费.
 */
import {
  ECONOMIC_CLASS_CODES,
  ECONOMIC_CLASS_COLUMNS,
  THREE_PUBLIC_ITEM_OF,
  type Row,
  type Table,
  type TableKind,
} from "../model/schema";
import { quoteSheet } from "../grid/address";
import { examples } from "./flood";
import { defineRule, type Outcome } from "./rule";
import { hasValue, na, rowName, tableName } from "./helpers";

const tableCell = (t: Table) => `${quoteSheet(t.sheet)}!${t.range.split(":")[0]}`;
const anyValue = (r: Row) => Object.values(r.amounts).some(hasValue);
const finding = (rule: string, message: string, cells: string[]): Outcome => ({
  status: "fail",
  finding: {
    rule,
    severity: "warning",
    message,
    cells,
    expected: null,
    actual: null,
    difference: null,
  },
});

export const vehicleSplit = defineRule({
  id: "completeness.vehicle-split",
  category: "completeness",
  title: "公务用车购置及运行费分列购置费和运行费",
  description:
    "“三公”经费表应把公务用车购置及运行费细化为公务用车购置费和公务用车运行（维护）费两项列示（金额为 0 或空也要列出该行或该栏）。",
  severity: "warning",
  source: {
    basis: "national",
    ref: "财政部地方预决算公开专项检查（2016 年起）“三公”经费检查项：公务用车购置和运行费分列为购置费和运行费；各地预决算公开标准目录同此要求",
  },
  check: (report) => {
    const tables = report.tables.filter((t) => t.kind === "three_public" && t.rows.length);
    if (!tables.length) return [na("没有列示项目的“三公”经费表")];
    return tables.map((t): Outcome => {
      const has = (k: string) => t.rows.some((r) => r.key === k);
      const missing = [
        ["vehicle_purchase", "公务用车购置费"],
        ["vehicle_operation", "公务用车运行（维护）费"],
      ]
        .filter(([k]) => !has(k))
        .map(([, n]) => n);
      if (!missing.length) return { status: "pass" };
      // Only a 合计, no item at all: completeness.three-public-items says so (the car is not the only item missing).
      if (![...listedThreePublicItems(t)].some((k) => THREE_PUBLIC_ITEMS.some(([i]) => i === k)))
        return na(`${tableName(t)}未分项列示（见“三公”经费分项列示）`);
      const combined = t.rows.find((r) => r.key === "vehicle");
      if (combined)
        return finding(
          "completeness.vehicle-split",
          `${tableName(t)}只列示了“${rowName(combined)}”，没有细化为${missing.join("和")}`,
          [combined.labelCell]
        );
      if (missing.length === 2)
        return finding(
          "completeness.vehicle-split",
          `${tableName(t)}没有列示公务用车购置费和公务用车运行（维护）费`,
          [t.rows.find((r) => r.key === "total")?.labelCell ?? tableCell(t)]
        );
      const other = t.rows.find(
        (r) => r.key === "vehicle_purchase" || r.key === "vehicle_operation"
      )!;
      return finding(
        "completeness.vehicle-split",
        `${tableName(t)}列示了“${rowName(other)}”，但没有列示${missing[0]}`,
        [other.labelCell]
      );
    });
  },
});

/** The three 三公 items a “三公” table must each list (0 or blank when none), by key, with their names. */
const THREE_PUBLIC_ITEMS: ReadonlyArray<readonly [string, string]> = [
  ["abroad", "因公出国（境）费"],
  ["vehicle", "公务用车购置及运行费"],
  ["reception", "公务接待费"],
];

/** The 三公 items (THREE_PUBLIC_ITEMS keys) a table lists, an item printed by its parts only counting as listed. */
function listedThreePublicItems(t: Table): Set<string> {
  const out = new Set<string>();
  for (const r of t.rows) {
    if (!r.key) continue;
    out.add(THREE_PUBLIC_ITEM_OF.get(r.key) ?? r.key);
  }
  return out;
}

export const threePublicItems = defineRule({
  id: "completeness.three-public-items",
  category: "completeness",
  title: "“三公”经费分项列示",
  description:
    "“三公”经费表应分别列示因公出国（境）费、公务用车购置及运行费、公务接待费三项（金额为 0 或空也要列出该行或该栏）；只列合计或漏列其中一项时警告。注明本表无数据的空表、有未标栏名的金额栏（栏名在转换中丢失）的表不核对。",
  severity: "warning",
  source: {
    basis: "national",
    ref: "财政部地方预决算公开专项检查（2016 年起）“三公”经费检查项：“三公”经费是否细化公开因公出国（境）费、公务用车购置及运行费、公务接待费；各地预决算公开标准目录同此要求",
  },
  check: (report) => {
    const tables = report.tables.filter(
      (t) => t.kind === "three_public" && t.rows.length && !t.markedEmpty
    );
    if (!tables.length) return [na("没有列示项目的“三公”经费表")];
    return tables.map((t): Outcome => {
      const listed = listedThreePublicItems(t);
      const missing = THREE_PUBLIC_ITEMS.filter(([k]) => !listed.has(k)).map(([, n]) => n);
      if (!missing.length) return { status: "pass" };
      // Figures under a lost caption may be the item's (a PDF conversion): nothing to say it is missing.
      if (t.unnamedColumns?.length)
        return na(
          `${tableName(t)}有未标栏名的金额栏（${t.unnamedColumns.join("、")}），未核对是否分项列示`
        );
      const total = t.rows.find((r) => r.key === "total" || r.key === "three_public");
      const at = [total?.labelCell ?? tableCell(t)];
      return finding(
        "completeness.three-public-items",
        missing.length === THREE_PUBLIC_ITEMS.length
          ? `${tableName(t)}只列示了合计，未分项列示因公出国（境）费、公务用车购置及运行费、公务接待费`
          : `${tableName(t)}未列示${missing.join("、")}（没有该项支出也应列示 0 或空）`,
        at
      );
    });
  },
});

/** Tables that list expenditure by 功能分类 down to the item (项) level. */
const FUNCTIONAL_DETAIL_KINDS: ReadonlyArray<TableKind> = [
  "income_summary",
  "expenditure_summary",
  "general_budget_expenditure",
  "gov_fund_expenditure",
  "state_capital",
];
/** 类 without 款 in 《政府收支分类科目》: 227 预备费. */
const NO_KUAN = new Set(["227"]);

export const functionalDepth = defineRule({
  id: "completeness.functional-depth",
  category: "completeness",
  title: "功能分类细化到项级",
  description:
    "收入总表、支出总表、一般公共预算支出表、政府性基金和国有资本经营预算支出表的功能分类应细化到项级（7 位编码）；有金额的类、款下没有项级科目时，指出这些类、款。",
  severity: "warning",
  source: {
    basis: "national",
    ref: "财政部推进预决算公开的要求（2014 年起）：部门预决算除涉密内容外公开到支出功能分类的项级科目；专项检查的“细化程度”",
  },
  check: (report) => {
    const out: Outcome[] = [];
    for (const t of report.tables.filter((x) => FUNCTIONAL_DETAIL_KINDS.includes(x.kind))) {
      const rows = t.rows.filter(
        (r) =>
          r.code &&
          r.codeSystem === "functional" &&
          (t.kind !== "state_capital" || r.side !== "income")
      );
      if (!rows.length) continue;
      // A coded row with money followed by a coded row not beneath it (or by nothing) is a leaf; a leaf above 项 is
      // missing detail. A row named without a code below it (templates that print 款 / 项 by name) is detail.
      const all = t.rows.filter((r) => r.side === rows[0].side);
      const shallow = rows.filter((r) => {
        if (r.code!.length >= 7 || NO_KUAN.has(r.code!) || !anyValue(r)) return false;
        const next = all[all.indexOf(r) + 1];
        return !next || next.level === 0 || (!!next.code && !next.code.startsWith(r.code!));
      });
      if (!shallow.length) {
        out.push({ status: "pass" });
        continue;
      }
      const kuan = shallow.filter((r) => r.code!.length === 5);
      const lei = shallow.filter((r) => r.code!.length === 3);
      const what = [
        kuan.length ? `款级科目 ${examples(kuan.map(rowName))} 没有项级明细` : "",
        lei.length ? `类级科目 ${examples(lei.map(rowName))} 没有款、项明细` : "",
      ]
        .filter(Boolean)
        .join("；");
      out.push(
        finding(
          "completeness.functional-depth",
          `${tableName(t)}的功能分类没有细化到项级：${what}`,
          shallow.map((r) => r.codeCell ?? r.labelCell)
        )
      );
    }
    return out.length ? out : [na("没有按功能分类科目编码列示的收入、支出表")];
  },
});

/** A 功能分类 code (类 2xx, 款 2xxxx, 项 2xxxxxx): a cross-tab's lines, its economic classes laid across as columns. */
const FUNCTIONAL_CODE = /^2\d{2}(?:\d{2}){0,2}$/;
/** A column captioned with a 款-level economic code (30101 基本工资, 30201办公费). */
const ECONOMIC_ITEM_CAPTION = /(?:^|\/)\s*[35]\d{4}(?!\d)/;
type ClassColumn = (typeof ECONOMIC_CLASS_COLUMNS)[number];
const isClassColumn = (key: string): key is ClassColumn =>
  (ECONOMIC_CLASS_COLUMNS as readonly string[]).includes(key);

export const economicDepth = defineRule({
  id: "completeness.economic-depth",
  category: "completeness",
  title: "基本支出经济分类细化到款级",
  description:
    "一般公共预算基本支出表（经济分类）应细化到款级（如 30101 基本工资）；有金额的类（如 301 工资福利支出）下没有款级科目时，指出这些类。行按功能分类科目、经济分类按类分栏列示（工资福利支出 | 商品和服务支出 | …）的表，经济分类只列到类级，同样指出；既没有经济分类的行也没有经济分类栏的表无法判断，列为不适用并说明。",
  severity: "warning",
  source: {
    basis: "national",
    ref: "财政部部门预算公开要求：一般公共预算基本支出按经济分类公开到款级科目",
  },
  check: (report) => {
    const out: Outcome[] = [];
    for (const t of report.tables.filter(
      (x) => x.kind === "basic_expenditure_economic" && !x.empty
    )) {
      // A cross-tab (lines = 功能分类 科目, the economic classes laid across as columns): judged by its columns.
      if (isCrossTab(t)) {
        out.push(crossTabDepth(t));
        continue;
      }
      const rows = t.rows.filter((r) => r.level >= 1);
      if (!rows.length) {
        out.push(na(`${tableName(t)}没有按类、款分级列示的经济分类科目行，无法判断是否细化到款级`));
        continue;
      }
      const bare = rows.filter(
        (r, i) => r.level === 1 && anyValue(r) && !(rows[i + 1] && rows[i + 1].level > 1)
      );
      // A table printing only classes everywhere is the shallow case; a table with no class rows at all prints items only.
      out.push(
        bare.length
          ? finding(
              "completeness.economic-depth",
              `${tableName(t)}的经济分类没有细化到款级：${examples(bare.map(rowName))} 下没有款级科目`,
              bare.map((r) => r.codeCell ?? r.labelCell)
            )
          : { status: "pass" }
      );
    }
    return out.length ? out : [na("没有列示金额的基本支出经济分类表")];
  },
});

/** An economic class named on a line (301 工资福利支出, 商品和服务支出 …): a line of the economic classification. */
const ECONOMIC_CLASS_NAME =
  /^(?:\d{3})?(?:工资福利|商品和服务|对个人和家庭|资本性支出|债务利息|对企业补助)/;

/**
 * The 基本支出 table's lines are not its economic classification: no line coded 3xx / 5xx or naming an economic class,
 * and class columns with money, or lines coded by 功能分类 only, or (templates printing names only) 类 lines named
 * …支出 as 功能 classes are (一般公共服务支出; an economic class line would be one of ECONOMIC_CLASS_NAME).
 */
function isCrossTab(t: Table): boolean {
  const lines = t.rows.filter((r) => r.level >= 1);
  if (
    lines.some(
      (r) =>
        (r.code && /^[35]/.test(r.code)) || ECONOMIC_CLASS_NAME.test(r.label.replace(/\s/g, ""))
    )
  )
    return false;
  if (t.columns.some((c) => isClassColumn(c.key) && t.rows.some((r) => hasValue(r.amounts[c.key]))))
    return true;
  const coded = lines.filter((r) => r.code);
  if (coded.length) return coded.every((r) => FUNCTIONAL_CODE.test(r.code!));
  const classes = lines.filter((r) => r.level === 1);
  return classes.length > 0 && classes.every((r) => /支出$/.test(r.label.replace(/\s/g, "")));
}

/**
 * A 基本支出 table whose lines are 功能分类 科目: its economic classification is in its columns — class columns with
 * money and no 款 column (30101 基本工资 …) stop at 类; neither class nor 款 columns: nothing to judge by.
 */
function crossTabDepth(t: Table): Outcome {
  const items = t.columns.filter((c) => ECONOMIC_ITEM_CAPTION.test(c.label));
  if (items.length) return { status: "pass" };
  const classes = t.columns.filter(
    (c) => isClassColumn(c.key) && t.rows.some((r) => hasValue(r.amounts[c.key]))
  );
  if (!classes.length)
    return na(
      `${tableName(t)}的行是功能分类科目，栏中没有可识别的经济分类科目，无法判断是否细化到款级`
    );
  const named = classes.map(
    (c) =>
      `${ECONOMIC_CLASS_CODES[c.key as ClassColumn]} ${c.label
        .split("/")
        .pop()!
        .replace(/^\d{3}\s*/, "")}`
  );
  const firstCell = (key: string) =>
    t.rows.map((r) => r.amounts[key]?.cell).find((x): x is string => !!x);
  return finding(
    "completeness.economic-depth",
    `${tableName(t)}的经济分类只列到类级（栏），未细化到款级：${examples(named)} 栏下没有款级科目`,
    classes.map((c) => c.cell ?? firstCell(c.key) ?? tableCell(t))
  );
}

export const DETAIL_RULES = [vehicleSplit, threePublicItems, functionalDepth, economicDepth];
