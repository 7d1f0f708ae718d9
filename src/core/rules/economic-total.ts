/**
 * 支出经济分类总表 (部门支出经济分类总表, newcomer14 NC14-10): the department's spending by 部门预算支出经济分类 类 / 款,
 * 合计 | 基本支出 (人员经费 | 公用经费) | 项目支出. Its own sums (类 = Σ 款, 合计 = 基本支出 + 项目支出) are the within and
 * hierarchy rules'; here it is tied to the tables that print the same money — the 支出总表's 合计 line, the
 * 基本支出经济分类表 科目 by 科目, the 项目支出表's 合计 — and a 收支总表 whose 支出 side lists economic classes is tied to
 * it (else to the 基本支出经济分类表). Every comparison is made only where both tables' 资金口径 are known here
 * (scope.ts): "=" for the same money, "≤" / "≥" for a narrower / wider one; nothing where it cannot be told.
 */
import type { Amount, Report, Row, Table } from "../model/schema";
import { defineRule, type Outcome } from "./rule";
import {
  basicHeld,
  basicShare,
  basicTotal,
  columnName,
  defined,
  firstOf,
  na,
  rowName,
  tableName,
  term,
  totalRow,
} from "./helpers";
import {
  fundRelation,
  REVERSED,
  scopeRelation,
  scopedCmp,
  scopedOutcome,
  tableScope,
} from "./scope";
import { projectTotal } from "./cross";
import { ECONOMIC_GROUPS } from "../classification/economic";
import { labelKey } from "../grid/text";

type Rel = "=" | "≤" | "≥";
/** Figures of one side of a comparison (one figure, or parts to add) and their words for a message. */
type Side = { t: Table; amounts: Amount[]; words: string };

const has = (t: Table, key: string) => t.columns.some((c) => c.key === key);

/** The 支出经济分类总表s read with figures. */
const economicTotals = (report: Report) =>
  report.tables.filter((t) => t.kind === "expenditure_economic" && !t.empty && totalRow(t));

/**
 * Rows by 经济分类 code (类 301, 款 30101): the first line of each code; a code printed twice (a 人员经费 group and a
 * 公用经费 group both listing 303) stands for no one figure and is left out. A table printing no economic code
 * (names only, tester29b T29B-6) gives its class lines (level 1) by name: CLASS_BY_NAME, or GOV_CLASS_BY_NAME where
 * a name is of the 政府预算 set only (机关工资福利支出 …).
 */
function byEconomicCode(t: Table): Map<string, Row> {
  const m = new Map<string, Row>();
  const twice = new Set<string>();
  const named = t.rows.some((r) => r.code && r.codeSystem === "economic") ? undefined : namesOf(t);
  for (const r of t.rows) {
    if (r.partial || r.ofUnit) continue;
    const code =
      r.code && r.codeSystem === "economic"
        ? r.code
        : !r.code && r.level === 1
          ? named?.get(labelKey(r.label))
          : undefined;
    if (!code) continue;
    if (m.has(code)) twice.add(code);
    else m.set(code, r);
  }
  for (const c of twice) m.delete(c);
  return m;
}

/**
 * A row's figure of a use: 合计, 基本支出 (its column, else 人员经费 + 公用经费) or 项目支出, with the 上年结转 band's
 * where the table prints 本年支出 | 上年结转 bands (支出总表: carryover_basic / carryover_project). Undefined when the
 * table prints no such column.
 */
function useOf(t: Table, r: Row, use: "total" | "basic" | "project"): Amount[] | undefined {
  const band = (k: string, carried: string) =>
    r.amounts[k] ? [r.amounts[k], ...(r.amounts[carried] ? [r.amounts[carried]] : [])] : undefined;
  if (use === "total") return r.amounts.total ? [r.amounts.total] : undefined;
  if (use === "project") return band("project", "carryover_project");
  if (has(t, "basic")) return band("basic", "carryover_basic");
  if (has(t, "personnel") && has(t, "public") && r.amounts.personnel && r.amounts.public)
    return [r.amounts.personnel, r.amounts.public];
  return undefined;
}

/** Figures of a table as scopedCmp's parts. */
const partsOf = (t: Table, amounts: Amount[]): Array<[Table, Amount]> => amounts.map((x) => [t, x]);

/**
 * a (rel) b, through scope.ts scopedCmp: one side must be a single figure (the other's parts are added); a
 * comparison of two sums, or of figures all blank, is not made.
 */
function relate(rule: string, rel: Rel, a: Side, b: Side): Outcome | undefined {
  if ([...a.amounts, ...b.amounts].every((x) => x.blank)) return undefined;
  const [one, other, r] =
    a.amounts.length === 1 ? [a, b, rel] : b.amounts.length === 1 ? [b, a, REVERSED[rel]] : [];
  if (!one || !other || !r) return undefined;
  return scopedCmp(
    rule,
    r,
    one.t,
    one.amounts[0],
    one.words,
    partsOf(other.t, other.amounts),
    `${tableName(other.t)}${other.words}`
  );
}

const USE_WORDS: ReadonlyArray<readonly ["total" | "basic" | "project", string]> = [
  ["total", "合计"],
  ["basic", "基本支出"],
  ["project", "项目支出"],
];

export const economicTotalSummary = defineRule({
  id: "cross.expenditure-economic-summary",
  category: "cross",
  title: "支出经济分类总表 ↔ 支出总表",
  description:
    "支出经济分类总表（部门支出按经济分类的总表）合计行的合计、基本支出、项目支出与支出总表合计行的同一栏相等（支出总表分本年支出、上年结转两栏时为两栏之和）；两表资金口径不同时，口径较窄的不超过口径较宽的；口径无法判断时不比较。",
  severity: "error",
  source: {
    basis: "identity",
    ref: "部门预算公开表样：同一笔支出按功能分类与按经济分类列示，合计及基本支出、项目支出相等",
  },
  check: (report) => {
    const t3 = firstOf(report, "expenditure_summary");
    const tables = economicTotals(report);
    const tot3 = t3 && totalRow(t3);
    if (!tables.length || !t3 || !tot3) return [na("缺少支出经济分类总表或支出总表")];
    const out: Array<Outcome | undefined> = [];
    for (const t of tables) {
      const rel = scopeRelation(report, t, t3);
      if (!rel) {
        out.push(na(`${tableName(t)}与${tableName(t3)}的资金口径无法判断，未核对`));
        continue;
      }
      const tot = totalRow(t)!;
      for (const [use, word] of USE_WORDS) {
        const a = useOf(t, tot, use);
        const b = useOf(t3, tot3, use);
        if (a && b)
          out.push(
            relate(
              "cross.expenditure-economic-summary",
              rel,
              { t, amounts: a, words: `「合计」${word}` },
              { t: t3, amounts: b, words: `「合计」${word}` }
            )
          );
      }
    }
    const res = out.filter(defined);
    return res.length ? res : [na("两表没有可比较的栏")];
  },
});

export const economicTotalBasic = defineRule({
  id: "cross.expenditure-economic-basic",
  category: "cross",
  title: "支出经济分类总表基本支出 ↔ 基本支出经济分类表",
  description:
    "支出经济分类总表每个经济分类类、款的基本支出（基本支出栏，或人员经费 + 公用经费）等于基本支出经济分类表同一科目的合计，两表都分列人员经费、公用经费的，逐个科目及合计行分别相等；合计行的基本支出等于基本支出经济分类表的合计（基本支出表分为人员经费表、公用经费表两张，或两块并列而不列合计行时，为两部分合计之和，各科目取所在部分的行，两部分都列的科目不逐个比较）。基本支出经济分类表口径较窄（如一般公共预算基本支出表对部门全部资金）时只须不超过；口径无法判断时不比较。",
  severity: "error",
  source: {
    basis: "identity",
    ref: "部门预算公开表样：基本支出按经济分类列示时，人员经费为工资福利支出与对个人和家庭的补助，公用经费为商品和服务支出等",
  },
  check: (report) => {
    // The whole 基本支出 table, or the part tables it is printed as (人员经费 / 公用经费): each code's line in the one
    // table printing it (a code in both parts stands for no one figure and is left out, as byEconomicCode does).
    const held = basicHeld(report).filter((x) => !x.empty);
    const tables = economicTotals(report);
    if (!tables.length || !held.length) return [na("缺少支出经济分类总表或基本支出经济分类表")];
    const rule = "cross.expenditure-economic-basic";
    const out: Array<Outcome | undefined> = [];
    const c6 = new Map<string, [Table, Row]>();
    const twice = new Set<string>();
    for (const h of held)
      for (const [code, r6] of byEconomicCode(h)) {
        if (c6.has(code)) twice.add(code);
        else c6.set(code, [h, r6]);
      }
    for (const c of twice) c6.delete(c);
    // The 基本支出 total: the whole table's 合计, else 人员经费合计 + 公用经费合计 (side by side, or the two part tables).
    const base = basicTotal(report);
    for (const t of tables) {
      // The 基本支出 table's money within this table's (a 一般公共预算基本支出表 beside an all-funds total): ≤.
      const rels = held.map((h) => fundRelation(report, h, t));
      const rel = rels.every((x) => x === rels[0]) ? rels[0] : undefined;
      if (!rel) {
        out.push(na(`${tableName(t)}与${tableName(held[0])}的资金口径无法判断，未核对`));
        continue;
      }
      const c = byEconomicCode(t);
      const pairs: Array<[Table, Row, Row, string]> = [...c6].flatMap(([code, [h, r6]]) => {
        const r = c.get(code);
        return r ? [[h, r6, r, `「${rowName(r)}」`] as [Table, Row, Row, string]] : [];
      });
      const tot6 = held.length === 1 ? totalRow(held[0]) : undefined;
      const tot = totalRow(t)!;
      if (tot6) pairs.push([held[0], tot6, tot, "「合计」"]);
      else if (base && base.figures.length > 1) {
        // 人员经费合计 + 公用经费合计 against the 基本支出 (one figure), else each against its own column.
        const basic = useOf(t, tot, "basic");
        if (basic?.length === 1 && base.figures.every(([x]) => x.unit === base.figures[0][0].unit))
          out.push(
            relate(
              rule,
              rel,
              { t: base.figures[0][0], amounts: base.figures.map(([, a]) => a), words: base.words },
              { t, amounts: basic, words: "「合计」基本支出" }
            )
          );
        else
          for (const k of ["personnel", "public"] as const) {
            const own = basicShare(report, k);
            if (own && tot.amounts[k])
              out.push(
                relate(
                  rule,
                  rel,
                  { t: own.table, amounts: [own.amount], words: own.words },
                  { t, amounts: [tot.amounts[k]], words: `「合计」${columnName(t, k)}` }
                )
              );
          }
      }
      for (const [t6, r6, r, where] of pairs) {
        const splits = (["personnel", "public"] as const).filter((k) => has(t, k) && has(t6, k));
        const basic = useOf(t, r, "basic");
        if (basic && r6.amounts.total)
          out.push(
            relate(
              rule,
              rel,
              { t: t6, amounts: [r6.amounts.total], words: `「${rowName(r6)}」合计` },
              { t, amounts: basic, words: `${where}基本支出` }
            )
          );
        for (const k of splits) {
          const [a6, a] = [r6.amounts[k], r.amounts[k]];
          if (a6 && a)
            out.push(
              relate(
                rule,
                rel,
                { t: t6, amounts: [a6], words: `「${rowName(r6)}」${columnName(t6, k)}` },
                { t, amounts: [a], words: `${where}${columnName(t, k)}` }
              )
            );
        }
      }
    }
    const res = out.filter(defined);
    return res.length ? res : [na("两表没有共同的经济分类科目")];
  },
});

export const economicTotalProject = defineRule({
  id: "cross.expenditure-economic-project",
  category: "cross",
  title: "支出经济分类总表项目支出 ↔ 项目支出表",
  description:
    "支出经济分类总表合计行的项目支出等于项目支出表合计（列有项目支出表（上年结转）的，加其合计）；项目支出表标题限定资金口径（如一般公共预算项目支出表）时，口径较窄的不超过口径较宽的；口径无法判断时不比较。",
  severity: "error",
  source: {
    basis: "identity",
    ref: "部门预算公开表样：项目支出表列示全部项目支出，与按经济分类列示的项目支出合计相等",
  },
  check: (report) => {
    const t12 = firstOf(report, "project_expenditure");
    const t13 = firstOf(report, "project_carryover");
    const top12 = t12 && !t12.empty ? projectTotal(t12) : undefined;
    const top13 = t13 && !t13.empty ? projectTotal(t13) : undefined;
    const tables = economicTotals(report);
    if (!tables.length || !t12 || !top12?.amounts.total)
      return [na("缺少支出经济分类总表或项目支出表")];
    const out: Array<Outcome | undefined> = [];
    for (const t of tables) {
      // A 项目支出表 of no named scope holds every project (as cross.basic-project reads it); one titled 一般公共预算…
      // holds that fund's only. A 总表 of unknown money (untitled: Table.scopeUnknown) is compared by scope alone.
      const rel = tableScope(t12) || !tableScope(t) ? scopeRelation(report, t, t12) : "=";
      const a = useOf(t, totalRow(t)!, "project");
      if (!rel || !a) continue;
      const against = `${tableName(t12)}合计${top13?.amounts.total ? ` + ${tableName(t13!)}合计` : ""}`;
      // The 总表's one figure against the 项目支出表's 合计 (and the 上年结转 one's, a second table's figure).
      if (top13?.amounts.total && a.length === 1)
        out.push(
          scopedCmp(
            "cross.expenditure-economic-project",
            rel,
            t,
            a[0],
            "「合计」项目支出",
            [
              [t12, top12.amounts.total],
              [t13!, top13.amounts.total],
            ],
            against
          )
        );
      else if (!top13?.amounts.total)
        out.push(
          relate(
            "cross.expenditure-economic-project",
            rel,
            { t, amounts: a, words: "「合计」项目支出" },
            { t: t12, amounts: [top12.amounts.total], words: "合计" }
          )
        );
    }
    const res = out.filter(defined);
    return res.length ? res : [na("两表的资金口径无法判断，未核对")];
  },
});

export const economicTotalProjectClasses = defineRule({
  id: "cross.project-economic-classes",
  category: "cross",
  title: "支出经济分类总表项目支出 ↔ 项目支出经济分类表",
  description:
    "支出经济分类总表每个经济分类类、款的项目支出等于项目支出经济分类表同一科目的合计，合计行的项目支出等于其合计（支出经济分类总表分本年、上年结转两栏时为两栏之和）。项目支出经济分类表标题限定资金口径（如一般公共预算）时，口径较窄的不超过口径较宽的；口径无法判断时不比较。",
  severity: "error",
  source: {
    basis: "identity",
    ref: "部门预算公开表样：项目支出按部门预算支出经济分类列示，与支出经济分类总表的项目支出逐科目相等",
  },
  check: (report) => {
    const t7 = report.tables.find(
      (t) => t.kind === "project_expenditure_economic" && !t.empty && totalRow(t)
    );
    const tables = economicTotals(report);
    if (!tables.length || !t7) return [na("缺少支出经济分类总表或项目支出经济分类表")];
    const rule = "cross.project-economic-classes";
    const c7 = byEconomicCode(t7);
    const out: Array<Outcome | undefined> = [];
    for (const t of tables) {
      // As cross.expenditure-economic-project reads a 项目支出表: no named scope holds every project.
      const rel = tableScope(t7) || !tableScope(t) ? scopeRelation(report, t7, t) : "=";
      if (!rel) {
        out.push(na(`${tableName(t)}与${tableName(t7)}的资金口径无法判断，未核对`));
        continue;
      }
      const c = byEconomicCode(t);
      const pairs: Array<[Row, Row, string]> = [...c7].flatMap(([code, r7]) => {
        const r = c.get(code);
        return r ? [[r7, r, `「${rowName(r)}」`] as [Row, Row, string]] : [];
      });
      pairs.push([totalRow(t7)!, totalRow(t)!, "「合计」"]);
      for (const [r7, r, where] of pairs) {
        const a = useOf(t, r, "project");
        if (a && r7.amounts.total)
          out.push(
            relate(
              rule,
              rel,
              { t: t7, amounts: [r7.amounts.total], words: `「${rowName(r7)}」合计` },
              { t, amounts: a, words: `${where}项目支出` }
            )
          );
      }
    }
    const res = out.filter(defined);
    return res.length ? res : [na("两表没有共同的经济分类科目")];
  },
});

/**
 * Class names → code of one set of the 支出经济分类 (财政部《政府收支分类科目》 has two: 部门预算支出经济分类 301 … 399 and
 * 政府预算支出经济分类 501 … 599), as a 收支总表's 支出 line prints them (一、工资福利支出; 1、机关工资福利支出). The sets
 * share names (对个人和家庭的补助 303 / 509, 对企业补助 312 / 507, 其他支出 399 / 599): a side's set is its side's.
 */
const classNames = (set: "3" | "5", bare: string): ReadonlyMap<string, string> =>
  new Map([
    ...Object.entries(ECONOMIC_GROUPS)
      .filter(([c]) => c.startsWith(set))
      .map(([c, n]): [string, string] => [labelKey(n), c]),
    [labelKey("对个人和家庭补助"), bare],
  ]);
const CLASS_BY_NAME = classNames("3", "303");
/** The 政府预算支出经济分类's, for a 收支总表 side printing it (four pairs, Xi'an: side expenditure_gov_economic). */
const GOV_CLASS_BY_NAME = classNames("5", "509");
/** The class names of a table printing no codes: the 政府预算 set's where one of its lines is named so only there. */
const namesOf = (t: Table) =>
  t.rows.some(
    (r) =>
      !r.code && GOV_CLASS_BY_NAME.has(labelKey(r.label)) && !CLASS_BY_NAME.has(labelKey(r.label))
  )
    ? GOV_CLASS_BY_NAME
    : CLASS_BY_NAME;
/** 其他支出 of either set: a class only beside two others (body.ts economicOtherLines). */
const OTHER_CLASSES = new Set(["399", "599"]);

/**
 * What a 收支总表 side's economic classes cover: the whole spending (基本支出 + 项目支出), the 基本支出 only, or (classes
 * printed under 二、项目支出) the 项目支出 only.
 */
type SideUse = "total" | "basic" | "project";

/**
 * A side's classes cover the 基本支出 only when the side says so: a line of its own for the 项目支出 (四、项目支出, the
 * rest of the spending) or a heading without figures naming the 基本支出 (基本支出（按经济分类）) beside the classes.
 */
const PROJECT_LINE = /^项目支出(合计)?$/;
const BASIC_HEADING = /基本支出/;

/**
 * The 收支总表's 支出 lines that name a 部门预算支出经济分类 class (a side of economic classes, 吉林 style, or a
 * 按经济分类 view under the 功能 classes), by class code, with what each covers (SideUse). A class is named by its
 * words or by its economic code (301 工资福利支出, tester29b T29B-8). Top lines cover what the side's classes cover;
 * a class printed under 一、基本支出 (its breakdown, T29B-7) is the class's 基本支出, one under 二、项目支出 its 项目支出
 * (T29B-15); one under any other line holds one part of something else: not the class's figure. 其他支出 is 399 only
 * beside two other classes (as the importer reads it: body.ts economicOtherLines); a class printed twice on a side
 * for one use is left out. A side by 政府预算支出
 * 经济分类 (机关工资福利支出 …, four pairs) gives 5xx codes (GOV_CLASS_BY_NAME).
 */
function economicLines(t1: Table): Array<[string, Row, SideUse]> {
  const out: Array<[string, Row, SideUse]> = [];
  for (const side of new Set(t1.rows.map((r) => r.side))) {
    if (side === "income") continue;
    const names = side === "expenditure_gov_economic" ? GOV_CLASS_BY_NAME : CLASS_BY_NAME;
    const found = new Map<string, Array<[Row, SideUse | undefined]>>();
    const codes = new Set<string>();
    let use: SideUse = "total";
    // The lines above, by level: a line's parent is the last one of a lower level.
    const above: Row[] = [];
    for (const r of t1.rows) {
      if (r.side !== side) continue;
      const parent = [...above].reverse().find((x) => x.level < r.level);
      above.push(r);
      if (r.code && r.codeSystem !== "economic") continue;
      const name = labelKey(r.label).replace(/^[一二三四五六七八九十]+、/, "");
      const figure = Object.values(r.amounts).some((a) => a.value !== null);
      if (
        !r.code &&
        ((r.level === 1 && figure && PROJECT_LINE.test(name)) ||
          (!figure && BASIC_HEADING.test(name)))
      )
        use = "basic";
      const own: SideUse | undefined | null =
        r.level === 1
          ? undefined
          : parent?.key === "use_basic"
            ? "basic"
            : parent?.key === "use_project"
              ? "project"
              : null;
      if (own === null || !r.amounts.total) continue;
      const code = r.code
        ? [...names.values()].find((c) => c === r.code)
        : names.get(labelKey(r.label));
      if (!code) continue;
      const at = `${own ?? ""}|${code}`;
      if (!OTHER_CLASSES.has(code)) codes.add(code);
      found.set(at, [...(found.get(at) ?? []), [r, own]]);
    }
    if (codes.size < 2) continue;
    for (const [at, rows] of found)
      if (rows.length === 1) out.push([at.split("|")[1], rows[0][0], rows[0][1] ?? use]);
  }
  return out;
}

/**
 * A class's figure of a use (useOf: 合计, or 基本支出 — its column, else 人员经费 + 公用经费) in a table by economic
 * code: its class line's, else the sum of its 款 lines' (none printed: undefined).
 */
function classFigure(t: Table, code: string, use: SideUse = "total"): Amount[] | undefined {
  const c = byEconomicCode(t);
  const line = c.get(code);
  const own = line && useOf(t, line, use);
  if (own) return own;
  const items = [...c.values()]
    .filter((r) => r.code!.length === 5 && r.code!.startsWith(code))
    .flatMap((r) => useOf(t, r, use) ?? []);
  return items.length ? items : undefined;
}

export const summaryEconomicSide = defineRule({
  id: "cross.summary-economic-side",
  category: "cross",
  title: "收支总表按经济分类的支出 ↔ 经济分类表",
  description:
    "收支总表支出方按部门预算支出经济分类列示的各类（工资福利支出、商品和服务支出、对个人和家庭的补助、资本性支出、其他支出 399 等）等于支出经济分类总表同一类的合计；没有支出经济分类总表时，等于基本支出经济分类表与项目支出经济分类表同一类之和，只有基本支出经济分类表时不少于该类的基本支出（基本支出表分为人员经费表、公用经费表两张时，两表同一类相加）。支出方另列项目支出行或标明基本支出的，各类只含基本支出：与支出经济分类总表同一类的基本支出、或基本支出经济分类表同一类的合计比较，总表未列基本支出时不比较。支出方按政府预算支出经济分类列示的各类（机关工资福利支出、机关商品和服务支出等）只与按政府预算经济分类列示的支出经济分类总表同一类比较，两套经济分类之间不逐类比较（对应关系是多对多）。资金口径无法判断时不比较。各类可列名称或经济分类编码（301 工资福利支出）；列在“基本支出”之下的各类是基本支出按经济分类的细分，只含基本支出；列在“项目支出”之下的各类是项目支出按经济分类的细分，只含项目支出：与支出经济分类总表同一类的项目支出比较，没有总表时与项目支出经济分类表同一类的合计比较；经济分类表只列科目名称、不列编码时按类名对应。这些行不按功能分类科目比较。",
  severity: "error",
  source: {
    basis: "identity",
    ref: "部门预算公开表样：收支总表的本年支出可按经济分类列示，各类等于按经济分类列示的基本支出与项目支出之和；财政部《政府收支分类科目》支出经济分类分部门预算、政府预算两套",
  },
  check: (report) => {
    const t1 = firstOf(report, "income_expenditure_summary");
    const lines = t1 ? economicLines(t1) : [];
    if (!t1 || !lines.length) return [na("收支总表支出方未按经济分类列示")];
    const rule = "cross.summary-economic-side";
    const totals = economicTotals(report);
    // The 总表 of the line's set (301 … or 501 …: the first code it prints); a 部门预算 line's is the first 总表 when
    // none prints a code. Never a class of the other set: the mapping between the two is many-to-many.
    const setOf = (t: Table) => [...byEconomicCode(t).keys()][0]?.[0];
    const totalFor = (code: string) =>
      totals.find((t) => setOf(t) === code[0]) ??
      (code.startsWith("3") ? totals.find((t) => !setOf(t)) : undefined);
    // The whole 基本支出 table, or the part tables it is printed as (人员经费 / 公用经费).
    const held = basicHeld(report).filter((x) => !x.empty);
    const t7 = firstOf(report, "project_expenditure_economic");
    const out: Array<Outcome | undefined> = [];
    for (const [code, r, use] of lines) {
      const a: Side = { t: t1, amounts: [r.amounts.total], words: `「${rowName(r)}」` };
      const cls = `「${code} ${ECONOMIC_GROUPS[code]}」`;
      const whole = totalFor(code);
      const rel = whole && scopeRelation(report, t1, whole);
      if (whole && rel) {
        // The same use only: the side's classes of the 基本支出 (项目支出) against the 总表's 基本支出 (项目支出) of
        // the class.
        const b = classFigure(whole, code, use);
        const useName = use === "basic" ? "基本支出" : use === "project" ? "项目支出" : "合计";
        if (b) out.push(relate(rule, rel, a, { t: whole, amounts: b, words: `${cls}${useName}` }));
        else if (use !== "total")
          out.push(
            na(
              `${tableName(t1)}${a.words}只含${useName}，${tableName(whole)}未列该类的${useName}，未核对`
            )
          );
        continue;
      }
      // A class under 二、项目支出 without a 总表: the 项目支出经济分类表's class where it holds the same money.
      if (use === "project") {
        const rel7 = t7 && !t7.empty ? scopeRelation(report, t1, t7) : undefined;
        const b7 = rel7 && classFigure(t7!, code);
        if (rel7 && b7)
          out.push(relate(rule, rel7, a, { t: t7!, amounts: b7, words: `${cls}合计` }));
        continue;
      }
      // The 基本支出 table (and the 项目支出 one) by economic class: the line is their sum where both hold the
      // 收支总表's money, at least the 基本支出 table's figure otherwise; a side of the 基本支出 only is the 基本支出
      // table's figure where it holds the same money. The 基本支出 printed as two part tables (人员经费 / 公用经费):
      // the class's lines in both added.
      const rels6 = held.map((h) => fundRelation(report, t1, h));
      const rel6 = rels6.length && rels6.every((x) => x === rels6[0]) ? rels6[0] : undefined;
      const b6 = rel6
        ? held.flatMap((h) => (classFigure(h, code) ?? []).map((x) => term(h, x)))
        : [];
      if (!b6.length || (rel6 !== "=" && rel6 !== "≥")) continue;
      const words6 = held.map((h) => tableName(h)).join("、");
      if (use === "basic") {
        if (![r.amounts.total, ...b6.map((x) => x.amount)].every((x) => x.blank))
          out.push(
            scopedOutcome(
              rule,
              rel6,
              term(t1, r.amounts.total),
              b6,
              `${tableName(t1)}「${rowName(r)}」`,
              `${words6}${cls}合计`
            )
          );
        continue;
      }
      const rel7 = t7 && !t7.empty ? scopeRelation(report, t1, t7) : undefined;
      const b7 = rel7 && classFigure(t7!, code);
      if (rel6 === "=" && rel7 === "=" && t7)
        out.push(
          scopedOutcome(
            rule,
            "=",
            term(t1, r.amounts.total),
            [...b6, ...(b7 ?? []).map((x) => term(t7, x))],
            `${tableName(t1)}「${rowName(r)}」`,
            `${words6}与${tableName(t7)}${cls}之和`
          )
        );
      else if (![r.amounts.total, ...b6.map((x) => x.amount)].every((x) => x.blank))
        out.push(
          scopedOutcome(
            rule,
            "≥",
            term(t1, r.amounts.total),
            b6,
            `${tableName(t1)}「${rowName(r)}」`,
            `${words6}${cls}合计`
          )
        );
    }
    const res = out.filter(defined);
    return res.length ? res : [na("没有可比较的经济分类表，未核对")];
  },
});

export const ECONOMIC_TOTAL_RULES = [
  economicTotalSummary,
  economicTotalBasic,
  economicTotalProject,
  economicTotalProjectClasses,
  summaryEconomicSide,
];
