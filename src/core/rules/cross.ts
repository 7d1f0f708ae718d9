/**
 * 表间: the same figure in two tables, compared like with like. All-funds tables (收支总表, 收入总表, 支出总表)
 * include 单位资金 / 事业收入 and 上年结转 that 一般公共预算 tables leave out; a comparison runs only where the
 * scopes match, or adds exactly the out-of-scope money.
 */
import {
  ECONOMIC_CLASS_CODES,
  ECONOMIC_CLASS_COLUMNS,
  isPrior,
  isRateOrChange,
  type Amount,
  type Report,
  type Row,
  type Table,
  type Unit,
} from "../model/schema";
import { defineRule, type Outcome } from "./rule";
import {
  BASIC_PART_NAMES,
  basicOf,
  basicHeld,
  basicPartClassLines,
  basicPart,
  basicShare,
  basicSplit,
  basicTables,
  basicTotal,
  byCode,
  codeSet,
  coverOf,
  columnName,
  defined,
  firstOf,
  hasValue,
  na,
  notAbove,
  boundWords,
  partNotAbove,
  sideWords,
  mixedUnits,
  rowByKey,
  rowName,
  sumOutcome,
  tableName,
  term,
  totalExcludesCarryover,
  totalRow,
  departmentSpending,
} from "./helpers";
import { exceeds, fenValue, fmt, UNIT_FACTOR, type Term } from "./interval";
import { labelKey } from "../grid/text";
import { threePublicItemOf } from "./three-public-items";
import {
  BESIDE_THREE_PUBLIC_ECONOMIC_ITEMS,
  THREE_PUBLIC_ECONOMIC_CLASSES,
} from "../classification/economic";
import {
  carryReading,
  type CarryReading,
  carryRelation,
  fundKeys,
  fundRelation,
  leavesOutCarryover,
  moneyOf,
  REVERSED,
  scopedCmp,
  type CmpArgs,
  scopedOutcome,
  scopeRelation,
  NON_FISCAL,
  tableScope,
  unknownSource,
} from "./scope";
import { bandedName } from "./bands";

const NON_GENERAL = ["gov_fund", "state_capital", ...NON_FISCAL];

/** Does the 收入总表 show money outside 一般公共预算 (other sources) or 上年结转? */
function scopeOf(report: Report) {
  const t2 = firstOf(report, "income_summary");
  const tot = t2 && totalRow(t2);
  // A source no alias names (unknownSource) may be other money: never read as "none".
  const otherSources =
    !!tot && (NON_GENERAL.some((k) => hasValue(tot.amounts[k])) || unknownSource(report));
  const carryover = !!tot && hasValue(tot.amounts.carryover);
  return { t2, tot, otherSources, carryover, known: !!tot };
}

/** figure = Σ parts (missing parts left out; nothing without the figure or any part): scopedCmp for the same money. */
const cmp = (rule: string, ...args: CmpArgs) => scopedCmp(rule, "=", ...args);

/**
 * The 收支总表's 上年结转 lines against the 收入总表's 上年结转 columns. One of each: compared. Several (Xi'an prints
 * 上年实户资金余额 and 上年结转 as lines and as columns): each line with the column of its own words, none compared
 * when the words do not pair them.
 */
function carryoverLines(t1: Table, t2: Table, tot: Row): Outcome[] {
  const lines = t1.rows.filter((r) => r.side === "income" && r.key === "carryover_in");
  const cols = Object.keys(tot.amounts).filter((k) => /^carryover(_\d+)?$/.test(k));
  const words = (s: string) =>
    labelKey(s).replace(/^[(（]?[一二三四五六七八九十\d]+[)）、.．]?/, "");
  const compare = (r: Row, k: string) =>
    cmp(
      "cross.summary-income",
      t1,
      r.amounts.total,
      `「${rowName(r)}」`,
      [[t2, tot.amounts[k]]],
      `${tableName(t2)}合计行「${columnName(t2, k)}」`
    );
  if (lines.length === 1 && cols.length <= 1)
    return [compare(lines[0], "carryover")].filter(defined);
  return lines
    .map((r) => {
      const k = cols.find((c) => words(columnName(t2, c)) === words(r.label));
      return k ? compare(r, k) : undefined;
    })
    .filter(defined);
}

export const summaryVsIncome = defineRule({
  id: "cross.summary-income",
  category: "cross",
  title: "收支总表收入 ↔ 收入总表",
  description:
    "收支总表的各项收入、本年收入合计、上年结转、收入总计与收入总表合计行的对应列一致（收入总表分“本年收入”“上年结转”两栏并各列小计时，本年收入合计即本年收入小计；收入总表未列上年结转、用事业基金弥补收支差额栏而收支总表列有这些收入时，其合计与本年收入合计比较）。",
  severity: "error",
  source: {
    basis: "identity",
    ref: "部门预算公开表样各栏、各行的定义（合计 = 各组成部分之和；同一笔资金在各表中列示相同）：收支总表与收入总表是同一笔收入的两种列示",
  },
  check: (report) => {
    const t1 = firstOf(report, "income_expenditure_summary");
    const t2 = firstOf(report, "income_summary");
    const tot = t2 && totalRow(t2);
    if (!t1 || !t2 || !tot) return [na("缺少收支总表或收入总表（合计行）")];
    if (isVerticalIncome(t2)) {
      // A 收入总表 laid out down one column: the same income lines, row by row.
      return t1.rows
        .filter((r) => r.side === "income" && r.key)
        .map((r) => {
          const o =
            r.key === "current_income_total"
              ? (rowByKey(t2, "current_income_total") ??
                (rowByKey(t2, "income_grand_total") ? tot : undefined))
              : r.key === "income_grand_total"
                ? (rowByKey(t2, "income_grand_total") ??
                  (rowByKey(t2, "carryover_in") ? undefined : tot))
                : rowByKey(t2, r.key!);
          return o
            ? cmp(
                "cross.summary-income",
                t1,
                r.amounts.total,
                `「${rowName(r)}」`,
                [[t2, o.amounts.total]],
                `${tableName(t2)}「${rowName(o)}」`
              )
            : undefined;
        })
        .filter(defined);
    }
    const pairs: Array<[string, string]> = [
      ["src_general", "general"],
      ["src_gov_fund", "gov_fund"],
      ["src_state_capital", "state_capital"],
      ["src_special_account", "special_account"],
      ["src_unit_funds", "unit_funds"],
      ["src_business", "business"],
      ["src_operating", "operating"],
      ["src_superior", "superior"],
      ["src_affiliated", "affiliated"],
      ["src_other", "other"],
      ["balance_use_in", "balance_use"],
      ["carryover_in", "carryover"],
      // A 本年收入 band's 小计 (本年收入 | 上年结转 bands): the 本年收入合计.
      ["current_income_total", "current"],
    ];
    const out: Array<Outcome | undefined> = pairs.flatMap(([rk, ck]) => {
      const r = rowByKey(t1, rk, "income");
      if (!r) return [];
      if (rk === "carryover_in") return carryoverLines(t1, t2, tot);
      return cmp(
        "cross.summary-income",
        t1,
        r.amounts.total,
        `「${rowName(r)}」`,
        [[t2, tot.amounts[ck]]],
        `${tableName(t2)}合计行「${columnName(t2, ck)}」`
      );
    });
    const excl = totalExcludesCarryover(t2);
    const cur = rowByKey(t1, "current_income_total", "income");
    const grand = rowByKey(t1, "income_grand_total", "income");
    if (excl) {
      out.push(
        cmp(
          "cross.summary-income",
          t1,
          cur?.amounts.total,
          "「本年收入合计」",
          [[t2, tot.amounts.total]],
          `${tableName(t2)}「合计」`
        )
      );
      out.push(
        cmp(
          "cross.summary-income",
          t1,
          grand?.amounts.total,
          "「收入总计」",
          [
            [t2, tot.amounts.total],
            [t2, tot.amounts.carryover],
          ],
          `${tableName(t2)}「合计」+「上年结转」`
        )
      );
    } else {
      // A 收入总表 with no 上年结转 (用事业基金弥补) column lists this year's sources only (many county templates,
      // tester33 T33-15): its 合计 is the 本年收入合计, and the 收入总计 adds the lines it does not print.
      const printed = (k: string) =>
        t2.columns.some((c) => c.key === k || c.key.startsWith(`${k}_`));
      const outside = t1.rows.filter(
        (r) =>
          r.side === "income" &&
          ((r.key === "carryover_in" && !printed("carryover")) ||
            (r.key === "balance_use_in" && !printed("balance_use"))) &&
          hasValue(r.amounts.total)
      );
      out.push(
        !outside.length
          ? cmp(
              "cross.summary-income",
              t1,
              grand?.amounts.total,
              "「收入总计」",
              [[t2, tot.amounts.total]],
              `${tableName(t2)}「合计」`
            )
          : cur
            ? cmp(
                "cross.summary-income",
                t1,
                cur.amounts.total,
                "「本年收入合计」",
                [[t2, tot.amounts.total]],
                `${tableName(t2)}「合计」（该表未列${outside.map(rowName).join("、")}）`
              )
            : cmp(
                "cross.summary-income",
                t1,
                grand?.amounts.total,
                "「收入总计」",
                [
                  [t2, tot.amounts.total],
                  ...outside.map((r): [Table, Amount] => [t1, r.amounts.total]),
                ],
                `${tableName(t2)}「合计」+ 本表${outside.map((r) => `「${rowName(r)}」`).join("")}`
              )
      );
    }
    return out.filter(defined);
  },
});

export const summaryVsExpenditure = defineRule({
  id: "cross.summary-expenditure",
  category: "cross",
  title: "收支总表支出 ↔ 支出总表",
  description:
    "收支总表各类支出（合计列）及本年支出合计与支出总表同一功能分类的合计一致；支出总表未列类行而只列其下的项（或款）时，与该类编码下各行之和比较（各行不在同一级次时不比较）；支出按用途列示（基本支出、项目支出）时，各与支出总表合计行的基本支出、项目支出一致。",
  severity: "error",
  source: {
    basis: "identity",
    ref: "部门预算公开表样各栏、各行的定义（合计 = 各组成部分之和；同一笔资金在各表中列示相同）：收支总表与支出总表是同一笔支出的两种列示",
  },
  check: (report) => {
    const t1 = firstOf(report, "income_expenditure_summary");
    const t3 = firstOf(report, "expenditure_summary");
    if (!t1 || !t3) return [na("缺少收支总表或支出总表")];
    const codes3 = byCode(t3);
    const out: Array<Outcome | undefined> = [];
    let under: Map<string, Row[]> | undefined;
    // A 收支总表 支出 line's 合计 against figures of the 支出总表.
    const vs = (r: Row, others: Array<[Table, Amount | undefined]>, what: string) =>
      cmp("cross.summary-expenditure", t1, r.amounts.total, `「${rowName(r)}」`, others, what);
    // A 支出总表 by unit (rows are units, no 功能科目) has no class to pair with. A line coded 301 / 302 … is an
    // economic class (tester29b T29B-8: cross.summary-economic-side's), never a 功能 class.
    for (const r of codes3.size
      ? t1.rows.filter(
          (x) => x.side === "expenditure" && x.code && x.codeSystem !== "economic" && x.level === 1
        )
      : []) {
      const other = codes3.get(r.code!);
      if (other) {
        out.push(vs(r, [[t3, other.amounts.total]], `${tableName(t3)}「${rowName(other)}」合计`));
        continue;
      }
      // No 类 line: the 款 / 项 lines printed under its code stand for it (a 支出总表 listing only 项).
      const lines = (under ??= linesUnderClass(t3)).get(r.code!);
      if (!lines) {
        if (hasValue(r.amounts.total))
          out.push(vs(r, [[t3, zero(t3)]], `${tableName(t3)}（未列该类）`));
        continue;
      }
      if (lines === MIXED) {
        out.push(
          na(`${tableName(t3)}未列「${rowName(r)}」类行，其下各行又不在同一级次，无法得出该类合计`)
        );
        continue;
      }
      out.push(
        vs(
          r,
          lines.map((x): [Table, Amount | undefined] => [t3, x.amounts.total]),
          `${tableName(t3)}该类各${lines[0].code!.length === 5 ? "款" : "项"}之和（未列类行）`
        )
      );
    }
    // A 支出 side by use (一、基本支出 / 二、项目支出, 事业单位 templates) instead of by 功能分类: each use against the
    // 支出总表's 合计 line in that column (with its 上年结转 band's, where the table prints one).
    const tot3 = totalRow(t3);
    for (const [key, use, carried] of USES_BY_LINE) {
      const r = rowByKey(t1, key, "expenditure");
      if (!r || !tot3 || !tot3.amounts[use]) continue;
      out.push(
        vs(
          r,
          [
            [t3, tot3.amounts[use]],
            ...(tot3.amounts[carried] ? [[t3, tot3.amounts[carried]] as [Table, Amount]] : []),
          ],
          `${tableName(t3)}「合计」${use === "basic" ? "基本支出" : "项目支出"}`
        )
      );
    }
    const cur = rowByKey(t1, "current_expenditure_total", "expenditure");
    out.push(
      cmp(
        "cross.summary-expenditure",
        t1,
        cur?.amounts.total,
        "「本年支出合计」",
        [[t3, totalRow(t3)?.amounts.total]],
        `${tableName(t3)}「合计」`
      )
    );
    return out.filter(defined);
  },
});

/**
 * The 收入总表's 上年结转 band columns (carryover_<k>) and the 财政拨款收支总表 line each is: a source's 上年结转 line,
 * and the whole 上年结转 line for the band's 财政拨款结转 part (上年结转结余: 财政拨款结转 | 非财政拨款结余).
 */
const CARRYOVER_LINES: ReadonlyArray<[string, string]> = [
  ["general", "carryover_src_general"],
  ["gov_fund", "carryover_src_gov_fund"],
  ["state_capital", "carryover_src_state_capital"],
  ["fiscal", "carryover_in"],
];

/** 收支总表 支出 lines by use → the 支出总表 column of that use and of its 上年结转 band. */
const USES_BY_LINE: ReadonlyArray<[string, string, string]> = [
  ["use_basic", "basic", "carryover_basic"],
  ["use_project", "project", "carryover_project"],
];

/** Marks a 类 whose lines in a table are not all at one level (no sum of them stands for the 类). */
const MIXED: Row[] = [];

/**
 * The functional lines of a table grouped by the 类 their code falls under, for the 类 the table prints no line of:
 * usable only when all the table's coded lines are at one level (all 项, or all 款) — else the 类's lines are `MIXED`.
 */
function linesUnderClass(t: Table): Map<string, Row[]> {
  const lines = t.rows.filter(
    (r) => r.level > 0 && r.code && r.codeSystem === "functional" && !r.partial && !r.ofUnit
  );
  const oneLevel = new Set(lines.map((r) => r.code!.length)).size === 1;
  const out = new Map<string, Row[]>();
  for (const r of lines) {
    const cls = r.code!.slice(0, 3);
    if (r.code!.length === 3) continue;
    const m = out.get(cls);
    if (!oneLevel) out.set(cls, MIXED);
    else if (m) m.push(r);
    else out.set(cls, [r]);
  }
  return out;
}

/** A 收入总表 whose income lines are rows (一、财政拨款收入 … 合计) rather than columns. */
function isVerticalIncome(t: Table): boolean {
  return (
    t.rows.some((r) => r.key?.startsWith("src_")) && !t.columns.some((c) => c.key === "general")
  );
}

function zero(t: Table): Amount {
  return { value: null, cell: "", text: "", blank: true, decimals: t.unit === "元" ? 0 : 2 };
}

/** A row's amounts in the source columns `keys` (scope.ts fundKeys) that it prints; its blank without row or any. */
function sources(t: Table, r: Row | undefined, keys: string[]): Array<[Table, Amount]> {
  const xs = keys.map((k) => r?.amounts[k]).filter((a): a is Amount => !!a);
  return xs.length ? xs.map((a) => [t, a]) : [[t, zero(t)]];
}

/** The money of the source columns `keys` as messages name it. */
const fundWord = (keys: string[]) => (keys.length > 1 ? "财政拨款" : "一般公共预算");

export const incomeVsExpenditureByCode = defineRule({
  id: "cross.income-expenditure-by-code",
  category: "cross",
  title: "收入总表 ↔ 支出总表（按功能科目）",
  description:
    "同一功能分类科目，支出总表的合计等于收入总表的本年收入加上年结转；合计行同样。收入总表未列上年结转栏而收支总表列有上年结转时，只比较合计行（支出总表合计 = 收入总表合计 + 收支总表上年结转），不按科目逐行比较。",
  severity: "error",
  source: {
    basis: "identity",
    ref: "部门预算公开表样各栏、各行的定义（合计 = 各组成部分之和；同一笔资金在各表中列示相同）：收入总表与支出总表按同一功能科目列示",
  },
  check: (report) => {
    const t2 = firstOf(report, "income_summary");
    const t3 = firstOf(report, "expenditure_summary");
    if (!t2 || !t3) return [na("缺少收入总表或支出总表")];
    const excl = totalExcludesCarryover(t2);
    const c2 = byCode(t2);
    const c3 = byCode(t3);
    const out: Array<Outcome | undefined> = [];
    if (isVerticalIncome(t2)) {
      // Down one column: 收入总计 (or 合计 + 上年结转) against the 支出总表 total; there are no codes to pair.
      const grand = rowByKey(t2, "income_grand_total");
      const parts: Array<[Table, Amount | undefined]> = grand
        ? [[t2, grand.amounts.total]]
        : [
            [t2, totalRow(t2)?.amounts.total],
            ...t2.rows
              .filter((r) => r.key === "carryover_in")
              .map((r): [Table, Amount | undefined] => [t2, r.amounts.total]),
          ];
      const o = cmp(
        "cross.income-expenditure-by-code",
        t3,
        totalRow(t3)?.amounts.total,
        "「合计」",
        parts,
        `${tableName(t2)}${grand ? "「收入总计」" : "「合计」"}`
      );
      return o ? [o] : [na("收入总表没有合计")];
    }
    // A 收入总表 with no 上年结转 column beside a 收支总表 with 上年结转 money (tester33 T33-15) lists this year's
    // income only: which 科目 spend the carried-over money it cannot say, so only the totals pair, with the 收支总表's
    // 上年结转 added (not when money is also carried into next year: the 支出总表 then leaves that out).
    const t1 = firstOf(report, "income_expenditure_summary");
    const carried = (key: string) =>
      t1?.rows.filter((r) => r.side && r.key === key && hasValue(r.amounts.total)) ?? [];
    if (!t2.columns.some((c) => c.key.startsWith("carryover")) && carried("carryover_in").length) {
      const o =
        carried("carryover_out").length || carried("balance_use_in").length
          ? undefined
          : cmp(
              "cross.income-expenditure-by-code",
              t3,
              totalRow(t3)?.amounts.total,
              "「合计」",
              [
                [t2, totalRow(t2)?.amounts.total],
                ...carried("carryover_in").map((r): [Table, Amount] => [t1!, r.amounts.total]),
              ],
              `${tableName(t2)}「合计」+ ${tableName(t1!)}「上年结转」`
            );
      return [
        ...(o ? [o] : []),
        na(
          "收入总表未列上年结转，无法按功能科目与支出总表逐行比较（上年结转资金用于哪些科目不得而知）"
        ),
      ];
    }
    const pair = (r3: Row | undefined, r2: Row | undefined, what: string) => {
      if (!r3 || !r2) return;
      const parts: Array<[Table, Amount | undefined]> = [[t2, r2.amounts.total]];
      if (excl && r2.amounts.carryover) parts.push([t2, r2.amounts.carryover]);
      out.push(
        cmp(
          "cross.income-expenditure-by-code",
          t3,
          r3.amounts.total,
          what,
          parts,
          `${tableName(t2)}「${rowName(r2)}」${excl && hasValue(r2.amounts.carryover) ? "本年收入 + 上年结转" : "合计"}`
        )
      );
    };
    pair(totalRow(t3), totalRow(t2), "「合计」");
    for (const [code, r3] of c3) pair(r3, c2.get(code), `「${rowName(r3)}」合计`);
    return out.filter(defined);
  },
});

export const fiscalVsSummary = defineRule({
  id: "cross.fiscal-summary",
  category: "cross",
  title: "财政拨款收支总表 ↔ 收支总表 / 收入总表",
  description:
    "财政拨款收入各项与收支总表同名收入一致（财政拨款收支总表注明为空表时各项按 0 比较）；收入总表显示没有财政拨款以外的资金时，各类支出与本年支出合计也一致；上年结转分列一般公共预算、政府性基金预算等时，各项与收入总表合计行上年结转栏的同名列一致；收入总表上年结转结余栏分列财政拨款结转时，财政拨款收支总表的上年结转与之一致。",
  severity: "error",
  source: {
    basis: "identity",
    ref: "部门预算公开表样各栏、各行的定义（合计 = 各组成部分之和；同一笔资金在各表中列示相同）：财政拨款收支总表是收支总表的财政拨款部分",
  },
  check: (report) => {
    const t4 = firstOf(report, "fiscal_appropriation_summary");
    const t1 = firstOf(report, "income_expenditure_summary");
    const out: Array<Outcome | undefined> = [];
    // Each source's 上年结转 line ↔ the 收入总表's 上年结转 column of that source (its 上年结转 band: 小计 | 一般公共预算
    // | 政府性基金预算), 合计 line.
    const t2 = firstOf(report, "income_summary");
    const tot2 = t2 && totalRow(t2);
    if (t4 && t2 && tot2)
      for (const [k, line] of CARRYOVER_LINES) {
        const a = rowByKey(t4, line, "income");
        if (a && tot2.amounts[`carryover_${k}`])
          out.push(
            cmp(
              "cross.fiscal-summary",
              t4,
              a.amounts.total,
              `「${rowName(a)}」`,
              [[t2, tot2.amounts[`carryover_${k}`]]],
              `${tableName(t2)}合计行「${bandedName(
                t2,
                t2.columns.find((c) => c.key === `carryover_${k}`)!
              )}」`
            )
          );
      }
    if (!t4 || !t1)
      return out.length ? out.filter(defined) : [na("缺少财政拨款收支总表或收支总表")];
    // A 财政拨款收支总表 declared empty with no line states 0 for each source: its note's cell stands for the figures,
    // cited after the 收支总表's (a cross finding reads once per first cell: one per source).
    const stated = statedEmpty(t4);
    for (const k of ["src_general", "src_gov_fund", "src_state_capital"]) {
      const a = rowByKey(t4, k, "income");
      const b = rowByKey(t1, k, "income");
      if (a && b)
        out.push(
          cmp(
            "cross.fiscal-summary",
            t4,
            a.amounts.total,
            `「${rowName(a)}」`,
            [[t1, b.amounts.total]],
            `${tableName(t1)}「${rowName(b)}」`
          )
        );
      else if (b && stated && hasValue(b.amounts.total))
        out.push(
          cmp(
            "cross.fiscal-summary",
            t1,
            b.amounts.total,
            `「${rowName(b)}」`,
            [[t4, stated]],
            `${tableName(t4)}（注明为空表）`
          )
        );
    }
    const scope = scopeOf(report);
    const nonFiscal =
      !!scope.tot &&
      (NON_FISCAL.some((k) => hasValue(scope.tot!.amounts[k])) || unknownSource(report));
    if (scope.known && !nonFiscal) {
      const c1 = byCode(t1, "expenditure");
      for (const r of t4.rows.filter((x) => x.side === "expenditure" && x.code && x.level === 1)) {
        const o = c1.get(r.code!);
        if (!o) continue;
        if (!hasValue(r.amounts.total) && !hasValue(o.amounts.total)) continue;
        out.push(
          cmp(
            "cross.fiscal-summary",
            t4,
            r.amounts.total,
            `「${rowName(r)}」小计`,
            [[t1, o.amounts.total]],
            `${tableName(t1)}「${rowName(o)}」合计`
          )
        );
      }
      const a = rowByKey(t4, "current_expenditure_total", "expenditure");
      const b = rowByKey(t1, "current_expenditure_total", "expenditure");
      out.push(
        cmp(
          "cross.fiscal-summary",
          t4,
          a?.amounts.total,
          "「本年支出合计」",
          [[t1, b?.amounts.total]],
          `${tableName(t1)}「本年支出合计」`
        )
      );
    }
    return out.filter(defined);
  },
});

export const generalBudget = defineRule({
  id: "cross.general-budget",
  category: "cross",
  title: "一般公共预算支出表 ↔ 收入总表一般公共预算 / 财政拨款收支总表",
  description:
    "一般公共预算支出表（不含上年结转）每个功能科目与合计，等于收入总表同一科目的一般公共预算本年收入；含上年结转时，等于一般公共预算加上年结转一般公共预算栏，收入总表的上年结转只有一栏时介于一般公共预算与加上整栏上年结转之间；收入总表只列本年收入（未列上年结转栏）而财政拨款收支总表（收支总表）列有一般公共预算上年结转、一般公共预算支出表标题未写不含上年结转时，两种口径都可以：合计等于收入总表一般公共预算（按本年口径逐科目相等），或等于其加上年结转一般公共预算（按含上年结转口径，各科目不少于收入总表同一科目的一般公共预算），合计两者都不等时按较近的口径核对；无收入总表时与财政拨款收支总表一般公共预算列（减上年结转）比较。标题未说明是否含上年结转时按数字判断：合计恰等于收入总表本年一般公共预算、而不等于其加上年结转一般公共预算时，按不含上年结转核对；标题所写的口径与合计恰好相反时（标题不含上年结转、合计却含，或反之）也按数字核对，由 naming.carryover-title 指出标题与数字不符。每一类（类级科目）还与财政拨款收支总表（一般公共预算列，未分列时为该类支出）和收支总表的同一类比较：两表口径相同时相等，一般公共预算支出表口径较窄（有政府性基金等其他资金、不含的上年结转）时不超过。支出总表包含的资金更多（有政府性基金等其他资金，或含一般公共预算支出表不含的上年结转）时，每个功能科目不超过支出总表同一科目的合计。标题为财政拨款支出表（含政府性基金、国有资本经营预算资金）时，以上各项改与财政拨款（一般公共预算 + 政府性基金 + 国有资本经营预算）比较。",
  severity: "error",
  source: {
    basis: "identity",
    ref: "部门预算公开表样各栏、各行的定义（合计 = 各组成部分之和；同一笔资金在各表中列示相同）：一般公共预算支出表是收入总表一般公共预算列、财政拨款收支总表一般公共预算列的明细",
  },
  check: (report) => {
    const t5 = firstOf(report, "general_budget_expenditure");
    if (!t5 || t5.empty) return [na("缺少一般公共预算支出表或该表为空")];
    const t2 = firstOf(report, "income_summary");
    const out: Array<Outcome | undefined> = [];
    // 不含上年结转 by its title, or by its figures when the title says neither (scope.ts).
    const excl = leavesOutCarryover(report, t5);
    // A 财政拨款支出表 (by its title) in a department with 政府性基金 money: its figures are 财政拨款.
    const keys = fundKeys(report, t5);
    const fund = fundWord(keys);
    const withCarry =
      t2 && !excl && t2.columns.some((c) => c.key === "general")
        ? carriedBesideCurrentOnly(report, t5, t2)
        : undefined;
    if (withCarry) out.push(...currentOnlyWithCarry(t5, t2!, keys, withCarry));
    else if (
      t2 &&
      t2.columns.some((c) => c.key === "general") &&
      (excl || !hasValue(totalRow(t2)?.amounts.carryover))
    ) {
      const c2 = byCode(t2);
      const pairOne = (r5: Row | undefined, r2: Row | undefined, what: string) => {
        if (!r5) return;
        out.push(
          cmp(
            "cross.general-budget",
            t5,
            r5.amounts.total,
            what,
            sources(t2, r2, keys),
            r2 ? `${tableName(t2)}「${rowName(r2)}」${fund}` : `${tableName(t2)}（未列该科目）`
          )
        );
      };
      pairOne(totalRow(t5), totalRow(t2), "「合计」");
      for (const [code, r5] of byCode(t5))
        if (c2.has(code)) pairOne(r5, c2.get(code), `「${rowName(r5)}」合计`);
    } else {
      if (t2 && t2.columns.some((c) => c.key === "general"))
        out.push(...withCarryover(t5, t2, keys));
      const t4 = firstOf(report, "fiscal_appropriation_summary");
      if (!t4) return [na("缺少收入总表和财政拨款收支总表")];
      const cur = rowByKey(t4, "current_expenditure_total", "expenditure");
      const carries = keys
        .map((k) => rowByKey(t4, `carryover_src_${k}`, "income"))
        .filter((r): r is Row => !!r);
      const parts: Array<[Table, Amount | undefined]> = [[t5, totalRow(t5)?.amounts.total]];
      if (excl) for (const carry of carries) parts.push([t4, carry.amounts.total]);
      // The 财政拨款 figure: the line's 合计 (its 一般公共预算 + 政府性基金 + 国有资本经营).
      const fiscal = keys.length > 1;
      out.push(
        cmp(
          "cross.general-budget",
          t4,
          fiscal ? cur?.amounts.total : cur?.amounts.general,
          `「本年支出合计」${fiscal ? "合计" : "一般公共预算"}`,
          parts,
          `${tableName(t5)}合计${excl && carries.length ? ` + 上年结转${fund}` : ""}`
        )
      );
    }
    out.push(...classLines(report, t5, keys.length > 1));
    out.push(...withinExpenditureSummary(report, t5, fundWord(keys)));
    return out.filter(defined);
  },
});

/**
 * A 收入总表 listing this year's sources only (no 上年结转 column, tester33 T33-15) beside a 财政拨款收支总表 / 收支总表
 * that prints a 一般公共预算 上年结转, and a 一般公共预算支出表 whose title does not leave the 上年结转 out: the table
 * may show this year's money (= the 收入总表's 一般公共预算) or this year's with its 上年结转 (tester34 T34-2). Both
 * 口径 are printed; the figures tell which: the 上年结转 reading (carryReading) when its 合计 is this year's plus the
 * 结转, and, when its 合计 is neither (a real error), the 口径 its 合计 is nearer to. Undefined: the 本年 口径 (or no
 * 结转 to add) — compared as before.
 */
function carriedBesideCurrentOnly(report: Report, t5: Table, t2: Table): CarryReading | undefined {
  if (t2.columns.some((c) => c.key.startsWith("carryover"))) return undefined;
  const r = carryReading(report, t5);
  if (!r || r.currentFrom !== t2 || !r.carry.length || r.reading === "current") return undefined;
  if (r.reading === "carry") return r;
  const sum = (ts: Term[]) => ts.reduce((a, x) => a + fenValue(x) * (x.weight ?? 1), 0);
  const figure = fenValue(r.total);
  const now = Math.abs(figure - sum(r.current));
  const both = Math.abs(figure - sum([...r.current, ...r.carry]));
  return both < now ? r : undefined;
}

/**
 * The 一般公共预算支出表 including the 上年结转 beside a 本年-only 收入总表 (carriedBesideCurrentOnly): its 合计 = the
 * 收入总表's 合计 一般公共预算 + the 上年结转 一般公共预算 the 财政拨款收支总表 (收支总表) prints; each 科目 at least the
 * 收入总表's 一般公共预算 of that 科目 (which 科目 spend the carried-over money the 收入总表 does not say).
 */
function currentOnlyWithCarry(t5: Table, t2: Table, keys: string[], r: CarryReading): Outcome[] {
  const rule = "cross.general-budget";
  const fund = fundWord(keys);
  const from = r.carryFrom ? tableName(r.carryFrom) : "";
  const out: Outcome[] = [
    scopedOutcome(
      rule,
      "=",
      r.total,
      [...r.current, ...r.carry],
      `${tableName(t5)}「合计」`,
      `${tableName(t2)}「合计」${fund} + ${from}「上年结转」${fund}`
    ),
  ];
  const c2 = byCode(t2);
  for (const [code, r5] of byCode(t5)) {
    const r2 = c2.get(code);
    if (!r2 || !r5.amounts.total) continue;
    out.push(
      scopedOutcome(
        rule,
        "≥",
        term(t5, r5.amounts.total),
        sources(t2, r2, keys).map(([t, a]) => term(t, a)),
        `${tableName(t5)}「${rowName(r5)}」合计`,
        `${tableName(t2)}「${rowName(r2)}」${fund}（本年，该表未列上年结转）`
      )
    );
  }
  return out;
}

/**
 * 一般公共预算支出表 ↔ 支出总表, 科目 by 科目, where the 支出总表 holds more money (other funds, or 上年结转 the former
 * leaves out): nothing pairs their lines as equal then (cross.basic-project does where both hold the same money), but
 * no line can exceed the 支出总表's 合计 of the same 科目 — two lines exchanged in either table show there (tester31
 * T31-1: a 收入总表 by unit compares no 科目 with the 一般公共预算支出表). As cross.gov-fund does for its fund.
 */
function withinExpenditureSummary(report: Report, t5: Table, fund: string): Outcome[] {
  const t3 = firstOf(report, "expenditure_summary");
  if (!t3 || t3.empty || scopeRelation(report, t5, t3) !== "≤") return [];
  const c3 = byCode(t3);
  const out: Outcome[] = [];
  for (const [code, r5] of byCode(t5)) {
    const a = r5.amounts.total;
    const whole = c3.get(code)?.amounts.total;
    if (a && hasValue(a) && whole)
      out.push(partNotAbove("cross.general-budget", t5, r5, a, t3, whole, fund));
  }
  return out;
}

/**
 * 一般公共预算支出表 including 上年结转 ↔ 收入总表 code by code (北京: 表5 is 一般公共预算 with its 上年结转): its 一般公共预算
 * column plus its 上年结转 column of 一般公共预算 (a 上年结转 band's) when printed (=); else between its 一般公共预算 column
 * and that plus its whole 上年结转 column (of any fund).
 */
function withCarryover(t5: Table, t2: Table, keys: string[]): Outcome[] {
  const rule = "cross.general-budget";
  const c2 = byCode(t2);
  const pairs: Array<[Row | undefined, Row | undefined, string]> = [
    [totalRow(t5), totalRow(t2), "「合计」"],
    ...[...byCode(t5)]
      .filter(([code]) => c2.has(code))
      .map(([code, r5]): [Row, Row | undefined, string] => [
        r5,
        c2.get(code),
        `「${rowName(r5)}」合计`,
      ]),
  ];
  const memoCarry = t2.columns.some((c) => c.key === "carryover" && /其中/.test(c.label));
  const out: Outcome[] = [];
  for (const [r5, r2, what] of pairs) {
    if (!r5?.amounts.total || !r2?.amounts.general) continue;
    const figure = term(t5, r5.amounts.total);
    const general = sources(t2, r2, keys).map(([t, a]) => term(t, a));
    const fund = fundWord(keys);
    const named = `${tableName(t2)}「${rowName(r2)}」${fund}`;
    const subject = `${tableName(t5)}${what}`;
    const carryParts = keys
      .map((k) => r2.amounts[`carryover_${k}`])
      .filter((a): a is Amount => !!a);
    // A 其中：上年结转 column is part of the 一般公共预算 column (a memo), not money beside it.
    const carry = memoCarry ? undefined : r2.amounts.carryover;
    if (carryParts.length)
      out.push(
        scopedOutcome(
          rule,
          "=",
          figure,
          [...general, ...carryParts.map((a) => term(t2, a))],
          subject,
          `${named} + 上年结转${fund}`
        )
      );
    else if (carry) {
      out.push(scopedOutcome(rule, "≥", figure, general, subject, named));
      out.push(
        scopedOutcome(
          rule,
          "≤",
          figure,
          [...general, term(t2, carry)],
          subject,
          `${named} + 上年结转`
        )
      );
    }
  }
  return out;
}

/**
 * 一般公共预算支出表 ↔ 财政拨款收支总表 and 收支总表, functional 类 by 类 (their 支出 side prints one line per 类, whatever
 * the layout — two-sided, one-sided, four label/amount pairs): the 财政拨款收支总表's 一般公共预算 column when it prints
 * one, else its line; = when both cover the same money, ≤ when the 一般公共预算支出表's scope is narrower (scope.ts:
 * 政府性基金 money, 上年结转 it leaves out, the 收支总表's other funds). A 类 one table leaves blank and the other prints is
 * compared with its blank.
 */
function classLines(report: Report, t5: Table, fiscal: boolean): Outcome[] {
  const out: Outcome[] = [];
  const c5 = byCode(t5);
  let under: Map<string, Row[]> | undefined;
  // A table without functional codes (by unit, or names nothing could be read from) has no 类 to pair.
  if (!c5.size) return out;
  for (const kind of ["fiscal_appropriation_summary", "income_expenditure_summary"] as const) {
    const s = firstOf(report, kind);
    if (!s || s.empty) continue;
    // The 一般公共预算 column of a 财政拨款收支总表 holds exactly the 一般公共预算 money of each 类.
    // A 财政拨款支出表 is compared with the line's 合计 (財政拨款) instead.
    const key =
      !fiscal &&
      kind === "fiscal_appropriation_summary" &&
      s.columns.some((c) => c.key === "general" && c.side === "expenditure")
        ? "general"
        : "total";
    const rel =
      key === "general"
        ? leavesOutCarryover(report, t5) && moneyOf(report).carryover !== false
          ? "≤"
          : "="
        : scopeRelation(report, t5, s);
    if (!rel) continue;
    for (const r of s.rows) {
      if (r.side !== "expenditure" || r.codeSystem !== "functional" || r.level !== 1 || !r.code)
        continue;
      const r5 = c5.get(r.code);
      const a5 = r5?.amounts.total;
      const a = r.amounts[key];
      if (!a) continue;
      // No 类 line in the 一般公共预算支出表: its lines under the 类's code stand for it (all at one level), as in
      // cross.summary-expenditure; at mixed levels nothing stands for it.
      const lines = r5 ? undefined : (under ??= linesUnderClass(t5)).get(r.code);
      if (lines === MIXED) continue;
      if (lines) {
        const parts = lines.filter((x) => x.amounts.total).map((x) => term(t5, x.amounts.total));
        out.push(
          scopedOutcome(
            "cross.general-budget",
            rel === "≤" ? "≥" : rel === "≥" ? "≤" : "=",
            term(s, a),
            parts,
            () => `${tableName(s)}「${rowName(r)}」${key === "general" ? "一般公共预算" : ""}`,
            () =>
              `${tableName(t5)}该类各${lines[0].code!.length === 5 ? "款" : "项"}之和（未列类行）`
          )
        );
        continue;
      }
      if (!hasValue(a) && !hasValue(a5)) continue;
      // A 类 the 一般公共预算支出表 does not print is 0 there: only an "=" says anything about it.
      if (!a5 && rel !== "=") continue;
      out.push(
        scopedOutcome(
          "cross.general-budget",
          rel,
          term(t5, a5 ?? zero(t5)),
          [term(s, a)],
          () => `${tableName(t5)}「${r5 ? rowName(r5) : rowName(r)}」合计`,
          () => `${tableName(s)}「${rowName(r)}」${key === "general" ? "一般公共预算" : ""}`
        )
      );
    }
  }
  return out;
}

export const basicProjectSplit = defineRule({
  id: "cross.basic-project",
  category: "cross",
  title: "基本支出 / 项目支出：支出总表 ↔ 一般公共预算支出表 ↔ 项目支出表",
  description:
    "收入总表只有一般公共预算资金时，支出总表基本支出 = 一般公共预算支出表基本支出，两表口径相同且基本支出合计（或项目支出合计）一致时，每个功能科目的基本支出、项目支出也分别相等；支出总表项目支出 = 项目支出表（本年 + 上年结转）合计（支出总表分“本年支出”“上年结转”两栏时，本年支出栏的项目支出 = 项目支出表合计，上年结转栏的 = 项目支出表（上年结转）合计，未列后者时两栏之和 = 项目支出表合计）；一般公共预算支出表项目支出 = 项目支出表一般公共预算列合计（一般公共预算支出表不含上年结转而项目支出表含时，前者不超过后者）；项目支出表标题限定为一般公共预算（一般公共预算项目支出表）且只有一个金额栏时，该栏即一般公共预算，与一般公共预算支出表项目支出比较，支出总表（全部资金）的项目支出只须不少于它。",
  severity: "error",
  source: {
    basis: "identity",
    ref: "部门预算公开表样各栏、各行的定义（合计 = 各组成部分之和；同一笔资金在各表中列示相同）",
  },
  check: (report) => {
    const t3 = firstOf(report, "expenditure_summary");
    const t5 = firstOf(report, "general_budget_expenditure");
    const t12 = firstOf(report, "project_expenditure");
    const t13 = firstOf(report, "project_carryover");
    const scope = scopeOf(report);
    const out: Array<Outcome | undefined> = [];
    const tot3 = t3 && totalRow(t3);
    const tot5 = t5 && totalRow(t5);
    if (t3 && t5 && tot3 && tot5 && scope.known && !scope.otherSources) {
      const total = cmp(
        "cross.basic-project",
        t5,
        tot5.amounts.basic,
        "「合计」基本支出",
        [[t3, tot3.amounts.basic]],
        `${tableName(t3)}「合计」基本支出`
      );
      out.push(total);
      // The same money in both tables and the same 基本支出 in all: each 功能科目's 基本支出 and 项目支出 too — a line's two
      // figures exchanged keeps every total (tester26b T26B-7). Where both totals differ (a table of another year or
      // department: 稷山's 表5) that finding and the localizer's whole-table cause say it; line by line would only
      // repeat it. Where the 项目支出 totals still agree, the 基本支出 one differs by what some line carries (tester30
      // T30-3: one 项 raised with its 款, 类 and 合计): lines compared, the localizer names that line. Totals within
      // rounding (a 尾差) are the same money too (tester29b T29B-1: compared as printed, a whole-万元 支出总表 is a 尾差
      // more often than not, and an exchange on its lines went unsaid).
      const agrees = (o: Outcome | undefined) =>
        o?.status === "pass" || (o?.status === "fail" && o.finding.severity === "rounding");
      const same =
        agrees(total) ||
        (!!tot5.amounts.project &&
          !!tot3.amounts.project &&
          agrees(
            cmp(
              "cross.basic-project",
              t5,
              tot5.amounts.project,
              "",
              [[t3, tot3.amounts.project]],
              ""
            )
          ));
      if (same && scopeRelation(report, t3, t5) === "=") {
        const c3 = byCode(t3);
        for (const [code, r5] of byCode(t5)) {
          const r3 = c3.get(code);
          if (!r3) continue;
          for (const [k, word] of [
            ["basic", "基本支出"],
            ["project", "项目支出"],
          ] as const) {
            const [a5, a3] = [r5.amounts[k], r3.amounts[k]];
            if (!a5 || !a3 || (!hasValue(a5) && !hasValue(a3))) continue;
            out.push(
              cmp(
                "cross.basic-project",
                t5,
                a5,
                `「${rowName(r5)}」${word}`,
                [[t3, a3]],
                `${tableName(t3)}「${rowName(r3)}」${word}`
              )
            );
          }
        }
      }
    }
    const top12 = t12 && oneFundTotal(t12, projectTotal(t12));
    // A 项目支出表 of one fund by its title (一般公共预算项目支出表) holds at most the 支出总表's 项目支出 of all funds
    // (scope.ts); one of no named scope holds it all.
    const rel3 = t3 && t12 && tableScope(t12) ? scopeRelation(report, t3, t12) : "=";
    const top13 = t13 && !t13.empty ? projectTotal(t13) : undefined;
    // A 支出总表 in 本年支出 | 上年结转 bands prints this year's 项目支出 and the carried-over one apart: this year's is
    // the 项目支出表's, the carried-over the 项目支出表（上年结转）'s, or both together the 项目支出表's when none is printed.
    const carried = tot3?.amounts.carryover_project;
    if (t3 && tot3 && t12 && top12 && carried) {
      if (t13 && top13)
        out.push(
          scopedCmp(
            "cross.basic-project",
            rel3,
            t3,
            tot3.amounts.project,
            "「合计」本年支出项目支出",
            [[t12, top12.amounts.total]],
            `${tableName(t12)}合计`
          ),
          cmp(
            "cross.basic-project",
            t3,
            carried,
            "「合计」上年结转项目支出",
            [[t13, top13.amounts.total]],
            `${tableName(t13!)}合计`
          )
        );
      else
        out.push(
          scopedCmp(
            "cross.basic-project",
            rel3 && REVERSED[rel3],
            t12,
            top12.amounts.total,
            "合计",
            [
              [t3, tot3.amounts.project],
              [t3, carried],
            ],
            `${tableName(t3)}「合计」本年支出项目支出 + 上年结转项目支出`
          )
        );
    } else if (t3 && tot3 && t12 && top12) {
      // A 上年结转 printed in one column beside a 本年支出 band (合计 | 本年支出合计 | 基本支出 | 项目支出 | 上年结转合计):
      // the band's 项目支出 is this year's alone, the 项目支出表（上年结转）'s projects are in the 上年结转 column.
      const apart = !!(t13 && top13 && tot3.amounts.carryover && tot3.amounts.current);
      const parts: Array<[Table, Amount | undefined]> = [[t12, top12.amounts.total]];
      if (t13 && top13 && !apart) parts.push([t13, top13.amounts.total]);
      out.push(
        scopedCmp(
          "cross.basic-project",
          rel3,
          t3,
          tot3.amounts.project,
          apart ? "「合计」本年支出项目支出" : "「合计」项目支出",
          parts,
          `${tableName(t12)}合计${top13 && !apart ? ` + ${tableName(t13!)}合计` : ""}`
        )
      );
    }
    // 表5 titled 不含上年结转 beside a 项目支出表 listing the 结转 projects: within it (scope.ts carryRelation); the
    // 项目支出表 leaves them out too when a 项目支出表（上年结转） lists them apart.
    if (t5 && tot5?.amounts.project && t12 && top12 && top12.amounts.general)
      out.push(...projectGeneral(report, t5, tot5.amounts.project, t12, top12, t13, top13));
    const res = out.filter(defined);
    return res.length ? res : [na("缺少比较所需的支出总表、一般公共预算支出表或项目支出表")];
  },
});

/**
 * 表5's 项目支出 against the 项目支出表's 一般公共预算. When 表5 includes 上年结转 and the 项目支出表 prints it apart —
 * a 上年结转 band's 一般公共预算 column, a 项目支出表（上年结转）, or a 上年结转 column of any fund — that part is added
 * (a column of any fund bounds it: at least the 一般公共预算 column, at most with the whole 上年结转 column);
 * otherwise as the tables' 上年结转 scopes say (scope.ts carryRelation).
 */
function projectGeneral(
  report: Report,
  t5: Table,
  project: Amount,
  t12: Table,
  top12: Row,
  t13: Table | undefined,
  top13: Row | undefined
): Outcome[] {
  const rule = "cross.basic-project";
  const subject = `${tableName(t5)}「合计」项目支出`;
  // A 财政拨款支出表 (by its title, with 政府性基金 money here): the 项目支出表's 财政拨款 columns.
  const keys = fundKeys(report, t5);
  const general = sources(t12, top12, keys).map(([t, a]) => term(t, a));
  const against = `${tableName(t12)}合计${fundWord(keys)}`;
  const carried = !leavesOutCarryover(report, t5) && moneyOf(report).carryover !== false;
  const carryGeneral = top12.amounts.carryover_general;
  if (carried && carryGeneral)
    return [
      scopedOutcome(
        rule,
        "=",
        term(t5, project),
        [...general, term(t12, carryGeneral)],
        subject,
        `${against} + 上年结转一般公共预算`
      ),
    ];
  if (carried && t13 && top13?.amounts.general)
    return [
      scopedOutcome(
        rule,
        "=",
        term(t5, project),
        [...general, term(t13, top13.amounts.general)],
        subject,
        `${against} + ${tableName(t13)}合计一般公共预算`
      ),
    ];
  // A 其中：上年结转 column is part of the 一般公共预算 column before it (a memo), not money beside it.
  const carryAll = t12.columns.some((c) => c.key === "carryover" && !/其中/.test(c.label))
    ? top12.amounts.carryover
    : undefined;
  if (carried && carryAll && hasValue(carryAll))
    return [
      scopedOutcome(rule, "≥", term(t5, project), general, subject, against),
      scopedOutcome(
        rule,
        "≤",
        term(t5, project),
        [...general, term(t12, carryAll)],
        subject,
        `${against} + 上年结转`
      ),
    ];
  const rel = top13 ? "=" : carryRelation(report, t5, t12);
  return [scopedOutcome(rule, rel, term(t5, project), general, subject, against)];
}

/**
 * A 项目支出表 whose title limits it to 一般公共预算 (一般公共预算项目支出预算表, 一般公共预算财政拨款项目支出表) and
 * that prints one 金额 column (no 一般公共预算 column of its own): that column is the 一般公共预算, as the title of the
 * 一般公共预算支出表 scopes its columns (scope.ts tableScope). The total row then carries it as `general`, compared with
 * the 一般公共预算支出表's 项目支出 like a 一般公共预算 column; other tables' rows are returned as they are.
 */
function oneFundTotal(t12: Table, top12: Row | undefined): Row | undefined {
  if (!top12?.amounts.total || tableScope(t12) !== "general") return top12;
  if (t12.columns.some((c) => c.key !== "total" && !isPrior(c.key) && !isRateOrChange(c.key)))
    return top12;
  return { ...top12, amounts: { ...top12.amounts, general: top12.amounts.total } };
}

/** The project table's total: its 合计 row, or the top row when it prints the department first. */
export function projectTotal(t: Table): Row | undefined {
  return totalRow(t) ?? t.rows.find((r) => r.level === 0);
}

export const basicEconomic = defineRule({
  id: "cross.basic-economic",
  category: "cross",
  title: "基本支出经济分类表 ↔ 一般公共预算支出表基本支出",
  description:
    "一般公共预算基本支出经济分类表的合计等于一般公共预算支出表的基本支出合计（后者只分列人员经费、公用经费或各经济分类栏时为其和），两表都分列的人员经费、公用经费合计相等，一般公共预算支出表的各经济分类栏合计等于经济分类表同一类（301 工资福利支出等）——两表口径相同时相等；基本支出表标题为财政拨款（部门有政府性基金、国有资本经营预算资金）或未写明口径（部门另有其他资金）时口径较宽，只须不少于一般公共预算支出表；基本支出表分人员经费、公用经费两块并列而不列合计行（末行“人员经费合计 | 公用经费合计”），或分为人员经费表、公用经费表两张时，以两个合计之和作为基本支出合计，各自与一般公共预算支出表的人员经费、公用经费比较；收支总表支出方列有基本支出的人员经费、公用经费行时，各不少于基本支出表的人员经费、公用经费（口径相同时相等）；另有一般公共预算支出经济分类表时逐个经济科目比较（两表都分列人员经费、公用经费时比较这两栏，否则比较合计与其基本支出；基本支出表分为人员经费表、公用经费表两张时，各表的科目与其人员经费或公用经费栏比较，该表只列基本支出的，只比较只在一张表中列出的科目；口径相同时相等，口径不同时较窄的不超过较宽的）；基本支出不能超过部门本年支出合计。",
  severity: "error",
  source: {
    basis: "identity",
    ref: "部门预算公开表样各栏、各行的定义（合计 = 各组成部分之和；同一笔资金在各表中列示相同）：一般公共预算基本支出表按经济分类列示一般公共预算支出表的基本支出",
  },
  check: (report) => {
    const { whole: t6, parts } = basicTables(report);
    // The 基本支出 total as printed: a 合计 line, or 人员经费合计 + 公用经费合计 (two blocks side by side, or two tables).
    const base = basicTotal(report);
    if (!base) return [na("缺少基本支出经济分类表")];
    // The table the total stands in (the 人员经费 table when two tables print it) and the tables that hold its lines.
    const [first] = base.figures[0];
    const held = t6 ? [t6] : [parts.personnel, parts.public].filter((x): x is Table => !!x);
    const out: Array<Outcome | undefined> = [];
    const t5 = firstOf(report, "general_budget_expenditure");
    const t3 = firstOf(report, "expenditure_summary");
    const scope = scopeOf(report);
    const tot5 = t5 && totalRow(t5);
    if (t5 && tot5) {
      // The same money in both unless their titles say otherwise: a 财政拨款 or all-funds 基本支出表 beside a
      // 一般公共预算支出表 in a department with other money holds at least its 基本支出 (scope.ts fundRelation).
      const rel = fundRelation(report, first, t5);
      // 基本支出 as 表5 prints it (a 基本支出 column, 人员经费 + 公用经费, or its economic-class columns).
      const basic5 = basicOf(t5, tot5);
      if (basic5 && base.figures.length === 1)
        out.push(
          scopedCmp(
            "cross.basic-economic",
            rel,
            first,
            base.figures[0][1],
            "「合计」",
            basic5,
            `${tableName(t5)}「合计」基本支出`
          )
        );
      // 人员经费合计 + 公用经费合计 against one 基本支出 figure (against 人员经费 | 公用经费 columns: each below).
      else if (rel && basic5?.length === 1 && basic5[0][1])
        out.push(
          scopedOutcome(
            "cross.basic-economic",
            REVERSED[rel],
            term(t5, basic5[0][1]),
            base.figures.map(([t, a]) => term(t, a)),
            `${tableName(t5)}「合计」基本支出`,
            base.words
          )
        );
      // The same 基本支出 split the same way in both tables: 人员经费, 公用经费, and each economic class (表5 column ↔ 表6 class line).
      for (const k of ["personnel", "public"] as const) {
        const own = basicShare(report, k);
        if (own && tot5.amounts[k])
          out.push(
            scopedCmp(
              "cross.basic-economic",
              fundRelation(report, own.table, t5),
              own.table,
              own.amount,
              own.words,
              [[t5, tot5.amounts[k]]],
              `${tableName(t5)}「合计」${columnName(t5, k)}`
            )
          );
      }
      for (const k of ECONOMIC_CLASS_COLUMNS) {
        const code = ECONOMIC_CLASS_CODES[k];
        const col = tot5.amounts[k];
        // A class printed in both parts (人员经费 ‖ 公用经费 apart): 表5's column is the sum of its two lines.
        const both = col ? basicPartClassLines(report, code) : [];
        const rel = both.length > 1 ? fundRelation(report, both[0].table, t5) : undefined;
        if (col && rel) {
          out.push(
            scopedOutcome(
              "cross.basic-economic",
              REVERSED[rel],
              term(t5, col),
              both.map(({ table, row }) => term(table, row.amounts.total)),
              `${tableName(t5)}「合计」${columnName(t5, k)}`,
              () =>
                both
                  .map(
                    ({ key, table, row }) =>
                      `${tableName(table)}${BASIC_PART_NAMES[key]}「${rowName(row)}」`
                  )
                  .join(" + ")
            )
          );
          continue;
        }
        if (both.length > 1) continue;
        const at = col
          ? held.find((x) => x.rows.some((r) => r.code === code && r.codeSystem === "economic"))
          : undefined;
        const r6 = at?.rows.find((r) => r.code === code && r.codeSystem === "economic");
        if (at && r6)
          out.push(
            scopedCmp(
              "cross.basic-economic",
              fundRelation(report, at, t5),
              at,
              r6.amounts.total,
              `「${rowName(r6)}」`,
              [[t5, tot5.amounts[k]]],
              `${tableName(t5)}「合计」${columnName(t5, k)}`
            )
          );
      }
    } else if (t3 && totalRow(t3) && scope.known && !scope.otherSources)
      out.push(
        base.figures.length === 1
          ? cmp(
              "cross.basic-economic",
              first,
              base.figures[0][1],
              "「合计」",
              [[t3, totalRow(t3)!.amounts.basic]],
              `${tableName(t3)}「合计」基本支出`
            )
          : totalRow(t3)!.amounts.basic &&
              sumOutcome({
                rule: "cross.basic-economic",
                severity: "error",
                total: term(t3, totalRow(t3)!.amounts.basic!),
                parts: base.figures.map(([t, a]) => term(t, a)),
                subject: `${tableName(t3)}「合计」基本支出`,
                against: base.words,
              })
      );
    // A 一般公共预算支出经济分类表 beside it prints the same 基本支出 科目 by 科目 (its 人员经费 / 公用经费 or 基本支出 of each
    // economic line), when both cover the same money (≤ when one's scope is narrower: scope.ts).
    for (const g of report.tables.filter((x) => x.kind === "general_budget_economic" && !x.empty))
      out.push(...(t6 ? economicLines(report, t6, g) : partEconomicLines(report, parts, g)));
    // A province may print 基本支出 twice (by function and by economic class): their totals agree column by column.
    // A table of one part (人员经费 or 公用经费 only) is not a second copy: its 合计 is that part of the whole table's.
    const tot6 = t6 && totalRow(t6);
    if (t6 && tot6)
      for (const other of report.tables.filter(
        (x) => x.kind === "basic_expenditure_economic" && x !== t6 && !x.empty && !basicPart(x)
      )) {
        const tot = totalRow(other);
        if (tot)
          for (const k of ["total", "personnel", "public"])
            out.push(
              cmp(
                "cross.basic-economic",
                other,
                tot.amounts[k],
                `「合计」${columnName(other, k)}`,
                [[t6, tot6.amounts[k]]],
                `${tableName(t6)}「合计」${columnName(t6, k)}`
              )
            );
      }
    if (t6)
      for (const k of ["personnel", "public"] as const) {
        const part = parts[k];
        const tot = part && totalRow(part)?.amounts.total;
        const split = basicSplit(t6, k);
        if (part && tot && split)
          out.push(
            cmp(
              "cross.basic-economic",
              part,
              tot,
              "「合计」",
              [[t6, split.amount]],
              `${tableName(t6)}${split.words}`
            )
          );
      }
    const t1 = firstOf(report, "income_expenditure_summary");
    // A 收支总表 支出 side by use may print the 基本支出's 人员经费 / 公用经费 lines (一、基本支出 / （一）人员经费 /
    // （二）公用经费 / 二、项目支出): the department's, so at least the 基本支出表's (the same figure when both cover the
    // same money here: scope.ts fundRelation).
    if (t1)
      for (const k of ["personnel", "public"] as const) {
        const line = t1.rows.find((r) => r.key === k && r.side !== "income" && !r.code);
        const own = basicShare(report, k);
        if (line?.amounts.total && own)
          out.push(
            scopedCmp(
              "cross.basic-economic",
              fundRelation(report, t1, own.table),
              t1,
              line.amounts.total,
              `「${rowName(line)}」`,
              [[own.table, own.amount]],
              `${tableName(own.table)}${own.words}`
            )
          );
      }
    const cap = t1 && rowByKey(t1, "current_expenditure_total", "expenditure");
    if (t1 && cap?.amounts.total) {
      const lo = base.figures.map(([t, a]) => term(t, a));
      const hi = [term(t1, cap.amounts.total)];
      const e = notAbove("cross.basic-economic", lo, hi);
      const w = boundWords(lo, hi, e);
      const note = `，且超过${tableName(t1)}本年支出合计 ${w.b}，该表不可能属于本部门`;
      const lead = base.figures[0][1].cell;
      const said = out.find(
        (o): o is Extract<Outcome, { status: "fail" }> =>
          o?.status === "fail" && o.finding.cells.includes(lead)
      );
      // One finding per figure: the budget ceiling is said in the comparison's finding when there is one.
      if (e.exceeds && said) {
        said.finding.message += note;
        said.also = [...(said.also ?? []), e.identity];
      } else
        out.push(
          e.exceeds
            ? {
                status: "fail",
                finding: {
                  rule: "cross.basic-economic",
                  severity: "error",
                  message: `${base.figures.length === 1 ? `${tableName(first)}基本支出合计` : base.words} ${w.a}${note.slice(1)}`,
                  cells: [...base.figures.map(([, a]) => a.cell), cap.amounts.total.cell],
                  expected: e.b,
                  actual: e.a,
                  difference: Math.round((e.a - e.b) * 100) / 100,
                  ...(w.mixed ? { unit: e.unit } : {}),
                },
                identity: e.identity,
              }
            : { status: "pass", identity: e.identity }
        );
    }
    return out.filter(defined);
  },
});

const hasColumn = (t: Table, key: string) => t.columns.some((c) => c.key === key);

/**
 * 基本支出经济分类表 (t6) ↔ 一般公共预算支出经济分类表 (g), economic 科目 by 科目: 人员经费 and 公用经费 when both print
 * them (t6's 合计 = 人员经费 + 公用经费 is within.row-personnel-public's), else t6's 合计 against g's 基本支出 (its
 * 基本支出 column, or 人员经费 + 公用经费). A 科目 only one table prints is left to the totals. Nothing when the two
 * scopes cannot be compared (scope.ts).
 */
function economicLines(report: Report, t6: Table, g: Table): Outcome[] {
  const rel = scopeRelation(report, t6, g);
  if (!rel) return [];
  // A code printed twice (one typed wrong on another line: naming.economic-code says so) pairs its lines in order of
  // occurrence — the two tables print them alike — not every one of them with the first (newcomer15 NC15-1).
  const byCode = (t: Table) => {
    const lines = new Map<string, Row[]>();
    for (const r of t.rows)
      if (r.code && r.codeSystem === "economic") {
        const list = lines.get(r.code);
        if (list) list.push(r);
        else lines.set(r.code, [r]);
      }
    return lines;
  };
  const lines = byCode(g);
  const own = byCode(t6);
  const split = ["personnel", "public"].every((k) => hasColumn(t6, k) && hasColumn(g, k));
  const out: Outcome[] = [];
  for (const r of t6.rows) {
    const list = r.code && r.codeSystem === "economic" ? lines.get(r.code) : undefined;
    const mine = list && own.get(r.code!)!;
    const rg = list && (list.length === mine!.length ? list[mine!.indexOf(r)] : list[0]);
    if (!rg) continue;
    const pairs: Array<[string, Amount | undefined, Array<Amount | undefined>, string]> = split
      ? ["personnel", "public"].map((k) => [
          columnName(t6, k),
          r.amounts[k],
          [rg.amounts[k]],
          columnName(g, k),
        ])
      : [["", r.amounts.total, basicOf(g, rg)?.map(([, a]) => a) ?? [], "基本支出"]];
    for (const [what, a, bs, against] of pairs) {
      if (!a || !bs.length || bs.some((b) => !b)) continue;
      if (!hasValue(a) && bs.every((b) => !hasValue(b))) continue;
      out.push(
        scopedOutcome(
          "cross.basic-economic",
          rel,
          term(t6, a),
          bs.map((b) => term(g, b!)),
          () => `${tableName(t6)}「${rowName(r)}」${what}`,
          () => `${tableName(g)}「${rowName(rg)}」${against}`
        )
      );
    }
  }
  return out;
}

/**
 * economicLines for a 基本支出 printed as two part tables (人员经费 / 公用经费, basicTables) beside a 一般公共预算支出经济
 * 分类表 g: each part's economic line against g's column of that part when g prints 人员经费 | 公用经费, else against
 * g's 基本支出 of the code when no other part prints that code (a code in both parts is only part of g's figure).
 */
function partEconomicLines(
  report: Report,
  parts: Partial<Record<"personnel" | "public", Table>>,
  g: Table
): Outcome[] {
  const tables = (["personnel", "public"] as const).flatMap((k) => {
    const t = parts[k];
    return t ? [{ k, t }] : [];
  });
  const codesOf = (t: Table) =>
    new Set(t.rows.filter((r) => r.code && r.codeSystem === "economic").map((r) => r.code!));
  const sets = tables.map(({ t }) => codesOf(t));
  const lines = new Map<string, Row>();
  for (const r of g.rows)
    if (r.code && r.codeSystem === "economic" && !lines.has(r.code)) lines.set(r.code, r);
  const split = ["personnel", "public"].every((k) => hasColumn(g, k));
  const out: Outcome[] = [];
  tables.forEach(({ k, t }, i) => {
    const rel = scopeRelation(report, t, g);
    if (!rel) return;
    const seen = new Set<string>();
    for (const r of t.rows) {
      if (!r.code || r.codeSystem !== "economic" || seen.has(r.code)) continue;
      seen.add(r.code);
      const rg = lines.get(r.code);
      const a = r.amounts.total;
      if (!rg || !a) continue;
      const inOther = sets.some((x, j) => j !== i && x.has(r.code!));
      const bs = split ? [rg.amounts[k]] : inOther ? undefined : basicOf(g, rg)?.map(([, x]) => x);
      if (!bs?.length || bs.some((b) => !b)) continue;
      if (!hasValue(a) && bs.every((b) => !hasValue(b))) continue;
      const against = split ? columnName(g, k) : "基本支出";
      out.push(
        scopedOutcome(
          "cross.basic-economic",
          rel,
          term(t, a),
          bs.map((b) => term(g, b!)),
          () => `${tableName(t)}「${rowName(r)}」`,
          () => `${tableName(g)}「${rowName(rg)}」${against}`
        )
      );
    }
  });
  return out;
}

/** The 三公 items by key, as messages name them when the table prints no line of its own. */
const THREE_PUBLIC_NAMES: Record<string, string> = {
  reception: "公务接待费",
  abroad: "因公出国（境）费",
  vehicle_operation: "公务用车运行维护费",
  vehicle_purchase: "公务用车购置费",
};

/**
 * Each line of a “三公” table with the economic items (THREE_PUBLIC_ECONOMIC_ITEMS, BESIDE_THREE_PUBLIC_ECONOMIC_ITEMS
 * keys) whose money it includes: an item, its own line; the unsplit 公务用车购置及运行维护费, both vehicle items; 会议费
 * / 培训费 printed beside the 三公, the 30215 / 30216 lines.
 */
const THREE_PUBLIC_LINES: ReadonlyArray<readonly [line: string, items: readonly string[]]> = [
  ["reception", ["reception"]],
  ["abroad", ["abroad"]],
  ["vehicle_operation", ["vehicle_operation"]],
  ["vehicle_purchase", ["vehicle_purchase"]],
  ["vehicle", ["vehicle_operation", "vehicle_purchase"]],
  ["meeting", ["meeting"]],
  ["training", ["training"]],
];

/**
 * A table declared empty that prints no line (the statement alone, or under its header: 本部门无…，此表为空。): its
 * figures are zeros, the blank standing at the note's cell; undefined for any other table (its lines, blank or not,
 * are its figures).
 */
function statedEmpty(t: Table): Amount | undefined {
  if (!t.markedEmpty || t.rows.length > 0 || !t.emptyNoteCell) return undefined;
  return { ...zero(t), cell: t.emptyNoteCell };
}

/**
 * Σ of the 经济分类表 rows (their 合计) booked to one of the items: by name and code, the code winning where it sits
 * in its place when the two disagree (three-public-items.ts).
 */
function economicItem(
  t6: Table,
  keys: string | readonly string[]
): { terms: Term[]; cells: string[] } {
  const wanted = typeof keys === "string" ? [keys] : keys;
  const rows = t6.rows.filter((r) => {
    if (r.level <= 0) return false;
    const item = threePublicItemOf(t6, r);
    return item !== null && wanted.includes(item);
  });
  return {
    terms: rows.filter((r) => r.amounts.total).map((r) => term(t6, r.amounts.total)),
    cells: rows.map((r) => r.amounts.total?.cell).filter((c): c is string => !!c),
  };
}

/**
 * The tables whose economic lines are parts of the 三公 figures, with what bars each: the 一般公共预算支出经济分类表
 * (基本支出 + 项目支出 of each 经济科目: the whole 一般公共预算 spending on 30217 公务接待费 …) first, then the
 * 基本支出经济分类表 (基本支出 only). A table takes part only when its money lies within the 三公 figure's: its
 * 资金口径 not wider (scope.ts fundRelation — a 基本支出表 of all funds holds 事业收入 money the 一般公共预算 三公 table
 * leaves out), and, for the 一般公共预算支出经济分类表, no 上年结转 the 三公 table leaves out (scope.ts carryRelation:
 * the tables of one set share its 结转 convention — 北京's include it — unless a title says 不含上年结转). The 三公
 * figure read from its 一般公共预算 column is 一般公共预算 money. Only "≤" is sure, never "=": 三公 money may also be
 * booked to other 科目 (a project's 31099, 30299), so the 三公 figure may exceed the same-named lines.
 */
function threePublicSources(
  report: Report,
  t10: Table
): { tables: Table[]; wider: Table | undefined } {
  const asRead = hasColumn(t10, "general") ? { ...t10, title: `一般公共预算${t10.title}` } : t10;
  const within = (t: Table) => ["=", "≤"].includes(fundRelation(report, t, asRead) ?? "");
  const g = firstOf(report, "general_budget_economic");
  // The whole 基本支出 table, or — printed as two — both part tables: the 三公 lines sit in the 公用经费 one.
  const held = basicHeld(report);
  const tables: Table[] = [];
  if (g && !g.empty && within(g) && carryRelation(report, g, t10) !== "≥") tables.push(g);
  tables.push(...held.filter(within));
  return { tables, wider: held.find((t) => !within(t)) };
}

/**
 * The “三公” table's line of this key; 会议费 / 培训费 printed as rows under the 三公 items carry no key (the importer
 * keys only the 三公 items of a vertical table): found by their name.
 */
function lineOf(t10: Table, key: string): Row | undefined {
  const re = BESIDE_THREE_PUBLIC_ECONOMIC_ITEMS.find(([k]) => k === key)?.[1];
  return (
    t10.rows.find((x) => x.key === key) ??
    (re ? t10.rows.find((x) => !x.key && re.test(labelKey(x.label))) : undefined)
  );
}

export const threePublicEconomic = defineRule({
  id: "cross.three-public-economic",
  category: "cross",
  title: "“三公”经费 ↔ 经济分类表同名科目",
  description:
    "经济分类表中的公务接待费、因公出国（境）费用、公务用车运行维护费、公务用车购置不能超过“三公”经费表的对应数（“三公”经费还可由其他科目安排，同名科目只能更少或相等）；“三公”经费表只列公务用车购置及运行维护费一项时，运行维护费与购置之和不能超过它；表中并列会议费、培训费的，会议费、培训费科目同样不能超过。一般公共预算支出经济分类表（基本支出 + 项目支出）与基本支出经济分类表都有时用前者；经济分类表口径宽于“三公”经费表（如含事业收入的部门基本支出表对一般公共预算“三公”经费表）时不比较。“三公”经费表注明为空表（本部门无“三公”经费）时各项按 0 比较。经济科目的名称与编码不符时（naming.economic-code 另行提示），编码与前后科目的编码顺序相符的按编码归属，否则按名称归属，该行只计入一项。",
  severity: "error",
  source: {
    basis: "practice",
    ref: "“三公”经费按经济科目归集（公务接待费 30217、因公出国（境）费用 30212、公务用车运行维护费 30231、公务用车购置 31013），同名科目的支出都是“三公”经费；“三公”经费还可含其他科目安排的项目支出",
  },
  check: (report) => {
    const t10 = firstOf(report, "three_public");
    const t6 =
      firstOf(report, "basic_expenditure_economic") ?? firstOf(report, "general_budget_economic");
    if (!t10 || !t6) return [na("缺少“三公”经费表或经济分类表")];
    const { tables, wider } = threePublicSources(report, t10);
    if (!tables.length)
      return [
        na(
          `${wider ? tableName(wider) : "经济分类表"}口径宽于“三公”经费表（含其他资金），同名科目无从比较`
        ),
      ];
    // A 三公 table declared empty with no line (本部门无“三公”经费 under its title or header) states 0 for each item:
    // its note's cell stands for the figure.
    const stated = statedEmpty(t10);
    const has = (key: string) => t10.rows.some((x) => x.key === key);
    const out: Outcome[] = [];
    let items = 0;
    for (const [key, parts] of THREE_PUBLIC_LINES) {
      // The unsplit vehicle line only when the table does not print both its parts (they are compared one by one).
      if (key === "vehicle" && parts.every(has)) continue;
      const r = lineOf(t10, key);
      const a = r
        ? (r.amounts.general ?? r.amounts.total)
        : key in THREE_PUBLIC_NAMES
          ? stated
          : undefined;
      // The fullest table that prints the item: the 一般公共预算支出经济分类表's line holds the basic one.
      const src = tables.find((t) => economicItem(t, parts).terms.length > 0);
      const item = src ? economicItem(src, parts) : { terms: [], cells: [] };
      if (item.terms.length) items++;
      if (!a || !src || item.terms.length === 0) continue;
      const e = notAbove("cross.three-public-economic", item.terms, [term(t10, a)]);
      if (!e.exceeds) {
        out.push({ status: "pass", identity: e.identity });
        continue;
      }
      const mine = [term(t10, a)];
      // Tables in different units (a 三公 table in 万元 beside 元 ones): each figure with its unit, the economic
      // lines' as printed too (sideWords) — "5.00万元 小于 … 60000.00元（合 6.00万元）" (tester29 T29-9).
      const w = boundWords(item.terms, mine, e);
      // Each figure once: the lines only when there are several to add (合计 5.00（3.00 + 2.00）), never 5.00（5.00）.
      const sum =
        item.terms.length > 1
          ? `合计 ${w.a}（${item.terms.map((x) => fmt(x.amount.value ?? 0)).join(" + ")}${w.mixed ? item.terms[0].unit : ""}）`
          : ` ${w.a}`;
      out.push({
        status: "fail",
        finding: {
          rule: "cross.three-public-economic",
          severity: "error",
          message: r
            ? `${tableName(t10)}「${rowName(r)}」${w.b} 小于${tableName(src)}同名科目${sum}`
            : `${tableName(t10)}注明为空表（${THREE_PUBLIC_NAMES[key]}即为 0），但${tableName(src)}同名科目合计为 ${w.a}`,
          // The stated table's note after the economic lines: a cross finding reads once per first cell.
          cells: r ? [a.cell, ...item.cells] : [...item.cells, a.cell],
          expected: e.a,
          actual: e.b,
          difference: Math.round((e.b - e.a) * 100) / 100,
          ...(w.mixed ? { unit: e.unit } : {}),
        },
        identity: e.identity,
      });
    }
    if (out.length) return out;
    return [
      na(
        items
          ? "“三公”经费表没有列示公务接待费、因公出国（境）费、公务用车运行维护费、公务用车购置费"
          : "经济分类表中没有“三公”对应科目"
      ),
    ];
  },
});

/**
 * Whether a 基本支出经济分类表 with no line of the 三公 item says its 基本支出 share is 0: it is detailed to 款 (prints
 * 5-digit economic lines) and, for the item's class (THREE_PUBLIC_ECONOMIC_CLASSES: 302 / 502, 310 / 503), prints
 * either 款 lines under it or no line of it at all (no 310 资本性支出 in 基本支出). A class printed without its 款, or a
 * table of classes only (or of names without codes), leaves the share unknown. `held`: the table, or the 人员经费 and
 * 公用经费 tables it is printed as (their lines read together).
 */
function statesItemZero(held: readonly Table[], key: string): boolean {
  const econ = held.flatMap((t) => t.rows.filter((r) => r.code && r.codeSystem === "economic"));
  if (!econ.some((r) => r.code!.length === 5)) return false;
  const classes = THREE_PUBLIC_ECONOMIC_CLASSES[key] ?? [];
  // The classification in use: 部门 (3xx) or 政府 (5xx).
  const used = classes.filter((c) => econ.some((r) => r.code![0] === c[0]));
  if (used.length === 0) return false;
  return used.every(
    (c) =>
      econ.some((r) => r.code!.length === 5 && r.code!.startsWith(c)) ||
      !econ.some((r) => r.code === c)
  );
}

/** A sum of terms in a unit, 2 decimals (for the message). */
function inUnit(ts: Term[], unit: Unit): number {
  return Math.round(ts.reduce((s, x) => s + fenValue(x), 0) / UNIT_FACTOR[unit]) / 100;
}

export const threePublicCeiling = defineRule({
  id: "cross.three-public-ceiling",
  category: "cross",
  title: "“三公”经费各项 ≤ 基本支出同名科目 + 基本支出经济分类表以外的支出",
  description:
    "“三公”经费表的公务接待费、因公出国（境）费、公务用车运行维护费、公务用车购置费，不能超过基本支出经济分类表同名科目加上该表以外的全部支出（部门支出总计减基本支出经济分类表合计：项目支出、其他资金的基本支出等）——超过时没有任何资金能安排这笔“三公”经费。基本支出经济分类表列到款级（302 下列有 30201 等）而没有该科目的，其基本支出部分为 0；只列类级的不判断。",
  severity: "error",
  source: {
    basis: "identity",
    ref: "部门预算公开表样：“三公”经费由基本支出的同名经济科目和项目支出安排；基本支出经济分类表列示一般公共预算基本支出的全部经济科目，收支总表支出总计是部门的全部支出",
  },
  check: (report) => {
    const t10 = firstOf(report, "three_public");
    // The whole table, or the 人员经费 and 公用经费 tables it is printed as: their lines together are its lines.
    const held = basicHeld(report);
    // Its 合计, or 人员经费合计 + 公用经费合计 (two blocks side by side without a 合计 line, or the two tables' 合计s).
    const total6 = held.length ? basicTotal(report) : undefined;
    const dept = departmentSpending(report);
    if (!t10 || !total6 || !dept)
      return [na("缺少“三公”经费表、基本支出经济分类表（合计）或部门支出总计")];
    const base = total6.figures.map(([t, a]) => term(t, a));
    // 表6 above the whole department is not this department's table (cross.basic-economic says so): no ceiling is left.
    if (exceeds(base, [term(dept.t, dept.a)]).exceeds)
      return [
        na(
          "基本支出经济分类表合计超过部门支出总计（见“基本支出经济分类表 ↔ 一般公共预算支出表基本支出”），无从判断"
        ),
      ];
    const out: Outcome[] = [];
    for (const key of ["reception", "abroad", "vehicle_operation", "vehicle_purchase"]) {
      const r = t10.rows.find((x) => x.key === key);
      const a = r && (r.amounts.total ?? r.amounts.general);
      if (!r || !a || !hasValue(a)) continue;
      const found = held.map((t) => ({ t, ...economicItem(t, key) }));
      const item = { terms: found.flatMap((x) => x.terms), cells: found.flatMap((x) => x.cells) };
      // The table named in a message: the one printing the item, else the whole table (or the 公用经费 one).
      const t6 = found.find((x) => x.terms.length)?.t ?? held[held.length - 1];
      // Without the item's own line its 基本支出 share is 0 when 表6 prints the 款 of its class (302 …) or leaves the
      // class out under 款 lines of others; unknown (no bound) when 表6 prints that class, or only classes.
      if (item.terms.length === 0 && !statesItemZero(held, key)) continue;
      // 三公 item ≤ 表6 item + (部门支出 − 表6 合计), written without a negative weight: item + 表6 合计 ≤ 表6 item + 部门支出.
      const mine = term(t10, a);
      const e = notAbove(
        "cross.three-public-ceiling",
        [mine, ...base],
        [...item.terms, term(dept.t, dept.a)]
      );
      if (!e.exceeds) {
        out.push({ status: "pass", identity: e.identity });
        continue;
      }
      const outside = inUnit([term(dept.t, dept.a)], e.unit) - inUnit(base, e.unit);
      const own = inUnit(item.terms, e.unit);
      const value = inUnit([mine], e.unit);
      const ceiling = Math.round((own + outside) * 100) / 100;
      // Tables in different units: every figure with its unit, each table's as printed too (sideWords, T29-9).
      const deptTerm = [term(dept.t, dept.a)];
      const mixed = mixedUnits([mine], base, item.terms, deptTerm);
      const say = (ts: Term[], v: number) => sideWords(ts, v, e.unit, mixed);
      out.push({
        status: "fail",
        finding: {
          rule: "cross.three-public-ceiling",
          severity: "error",
          message: `${tableName(t10)}「${rowName(r)}」${mixed ? say([mine], value) : `${fmt(value)}${e.unit}`} 超过能安排它的全部资金 ${fmt(ceiling)}${e.unit}（${item.terms.length ? `${tableName(t6)}同名科目 ${say(item.terms, own)}` : `${tableName(t6)}列到款级而无此科目，即 0`} + 该表以外的支出 ${say([], outside)}，即${dept.what} ${say(deptTerm, inUnit(deptTerm, e.unit))} − ${held.length === 1 ? `${tableName(held[0])}合计` : total6.words} ${say(base, inUnit(base, e.unit))}）`,
          cells: [a.cell, ...item.cells, dept.a.cell, ...total6.figures.map(([, x]) => x.cell)],
          expected: ceiling,
          actual: value,
          difference: Math.round((value - ceiling) * 100) / 100,
          ...(mixed ? { unit: e.unit } : {}),
        },
        identity: e.identity,
      });
    }
    return out.length ? out : [na("“三公”经费表或基本支出经济分类表中没有可比较的科目")];
  },
});

export const operatingVsPublic = defineRule({
  id: "cross.operating-public",
  category: "cross",
  title: "机关运行经费 ≤ 公用经费",
  description:
    "机关运行经费（机关运行经费表或“三公”表中的合并列）不应超过基本支出经济分类表的公用经费合计（公用经费列的合计，或分行列示时“公用经费”行；基本支出表分为人员经费表、公用经费表两张时为公用经费表的合计）。",
  severity: "warning",
  source: {
    basis: "practice",
    ref: "机关运行经费为行政单位和参公事业单位的公用经费等，不应超过公用经费合计",
  },
  check: (report) => {
    // The whole table's 公用经费 (its column's 合计, or its 公用经费合计 line), else the 公用经费 part table's 合计.
    const share = basicShare(report, "public");
    const t6 = share?.table ?? firstOf(report, "basic_expenditure_economic");
    const pub = share?.amount;
    const t11 = firstOf(report, "operating_funds");
    const src = t11
      ? { t: t11, a: projectTotal(t11)?.amounts.total }
      : (() => {
          const t10 = firstOf(report, "three_public");
          const r = t10?.rows.find((x) => x.key === "operating_funds");
          return t10 && r ? { t: t10, a: r.amounts.total } : undefined;
        })();
    if (!src?.a) return [na("没有机关运行经费（机关运行经费表或“三公”表中的机关运行经费）")];
    if (!t6) return [na("没有基本支出经济分类表")];
    if (!pub) return [na("基本支出经济分类表未分列公用经费")];
    const lo = [term(src.t, src.a)];
    const hi = [term(t6, pub)];
    const e = notAbove("cross.operating-public", lo, hi);
    if (!e.exceeds) return [{ status: "pass", identity: e.identity }];
    const w = boundWords(lo, hi, e);
    return [
      {
        status: "fail",
        finding: {
          rule: "cross.operating-public",
          severity: "warning",
          message: `${tableName(src.t)}机关运行经费 ${w.a} 超过${tableName(t6)}公用经费 ${w.b}`,
          cells: [src.a.cell, pub.cell],
          expected: e.b,
          actual: e.a,
          difference: Math.round((e.a - e.b) * 100) / 100,
          ...(w.mixed ? { unit: e.unit } : {}),
        },
        identity: e.identity,
      },
    ];
  },
});

export const codeSets = defineRule({
  id: "cross.code-sets",
  category: "cross",
  title: "一般公共预算支出表与收入/支出总表的功能科目一致",
  description:
    "一般公共预算支出表列出的科目应出现在支出总表中；支出总表中有一般公共预算资金的科目也应出现在一般公共预算支出表中。两表列示的级次不同时不算缺少：列出项即含其款、类（只列类和项、或只列项的表），某款、类下未再细分的表不判为缺少其下的项（由“功能分类细化到项”提示）。只列名称、不列编码的表，名称不是标准科目名称、其他表也没有同名同上级科目的行无法确定编码：其所在类、款下只在另一表出现的科目不判为缺失，只提示无法逐一比较。",
  severity: "error",
  source: {
    basis: "identity",
    ref: "部门预算公开表样各栏、各行的定义（合计 = 各组成部分之和；同一笔资金在各表中列示相同）",
  },
  check: (report) => {
    const t5 = firstOf(report, "general_budget_expenditure");
    const t3 = firstOf(report, "expenditure_summary");
    const t2 = firstOf(report, "income_summary");
    if (!t5 || !t3 || t5.empty) return [na("缺少一般公共预算支出表或支出总表")];
    const c5 = byCode(t5);
    const c3 = byCode(t3);
    const c2 = t2 ? byCode(t2) : undefined;
    // The codes each table prints, its 单位's lines included (a table by 单位 lists the department's 科目 unit by unit).
    const has3 = codeSet(t3);
    const has5 = codeSet(t5);
    if (!has3.size) return [na("支出总表按单位列示，没有功能科目")];
    // Printed at another depth is no missing 科目 (a 项 implies its 款 and 类; a 款 left unbroken is a depth 警告).
    const in3 = coverOf(has3);
    const in5 = coverOf(has5);
    // A names-only table's line whose code is known neither by its name nor from a coded table: the codes under its
    // 类 / 款 that only the other table prints may be that line — undecided, never reported as missing.
    const open3 = uncodedUnder(t3);
    const open5 = uncodedUnder(t5);
    const undecided = (code: string, open: Map<string, Row[]>) =>
      open.has(code.slice(0, 3)) || open.has(code.slice(0, 5));
    const missing5 = [...c5.entries()].filter(
      ([code, r]) => !in3(code) && hasValue(r.amounts.total)
    );
    const missing3 = [...c3.entries()].filter(
      ([code, r]) =>
        !in5(code) && hasValue(r.amounts.total) && (!c2 || hasValue(c2.get(code)?.amounts.general))
    );
    const only5 = missing5.filter(([code]) => !undecided(code, open3));
    const only3 = missing3.filter(([code]) => !undecided(code, open5));
    if (!only5.length && !only3.length) {
      if (!missing5.length && !missing3.length) return [{ status: "pass" }];
      const lines = [...open3.values(), ...open5.values()].flat();
      const what = lines
        .map(
          (r) => `${tableName(report.tables.find((t) => t.rows.includes(r))!)}“${r.label.trim()}”`
        )
        .join("、");
      return [
        {
          status: "fail",
          finding: {
            rule: "cross.code-sets",
            severity: "info",
            message: `功能科目无法逐一比较——${what}没有科目编码，名称也不是标准科目名称，无法确定对应${[...missing5, ...missing3].map(([, r]) => rowName(r)).join("、")}`,
            cells: [
              ...lines.map((r) => r.labelCell),
              ...[...missing5, ...missing3].map(([, r]) => r.labelCell),
            ],
            expected: null,
            actual: null,
            difference: null,
          },
        },
      ];
    }
    const parts: string[] = [];
    if (only5.length)
      parts.push(
        `${tableName(t5)}有而${tableName(t3)}没有：${only5.map(([, r]) => rowName(r)).join("、")}`
      );
    if (only3.length)
      parts.push(
        `${tableName(t3)}有一般公共预算资金而${tableName(t5)}没有：${only3.map(([, r]) => rowName(r)).join("、")}`
      );
    return [
      {
        status: "fail",
        finding: {
          rule: "cross.code-sets",
          severity: "error",
          message: `功能科目不一致——${parts.join("；")}`,
          cells: [...only5, ...only3].map(([, r]) => r.labelCell),
          expected: null,
          actual: null,
          difference: null,
        },
      },
    ];
  },
});

/**
 * The uncoded lines of a names-only functional table (codes from the standard names: no printed code), by the code of
 * the 类 / 款 they are printed under; empty for a table that prints codes.
 */
function uncodedUnder(t: Table): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  if (!t.rows.some((r) => r.codeFromName)) return out;
  const above: Array<string | undefined> = [];
  for (const r of t.rows) {
    if (r.level <= 0 || r.partial || r.side) continue;
    const parent = above[r.level - 1];
    if (!r.code && r.level >= 2 && parent && hasValue(r.amounts.total))
      out.set(parent, [...(out.get(parent) ?? []), r]);
    above.length = r.level;
    above[r.level] = r.code;
  }
  return out;
}

export const CROSS_RULES = [
  summaryVsIncome,
  summaryVsExpenditure,
  incomeVsExpenditureByCode,
  fiscalVsSummary,
  generalBudget,
  basicProjectSplit,
  basicEconomic,
  threePublicEconomic,
  threePublicCeiling,
  operatingVsPublic,
  codeSets,
];
