/**
 * 资金口径: which money a table covers — 一般公共预算 ⊂ 财政拨款 (+ 政府性基金, 国有资本经营) ⊂ 部门全部资金 (+ 单位资金,
 * 事业收入 …), with or without 上年结转 — and what two tables' scopes make of the same line in this report: the same
 * figure (=), or the narrower table's within the wider one's (≤). A per-科目 comparison is sound only so.
 */
import { INCOME_SOURCE_COLUMNS, type Amount, type Report, type Table } from "../model/schema";
import {
  boundWords,
  firstOf,
  hasValue,
  notAbove,
  rowByKey,
  sumOutcome,
  tableName,
  term,
  totalRow,
} from "./helpers";
import { verdictOf, type Term } from "./interval";
import type { Outcome } from "./rule";

export type FundScope = "general" | "fiscal" | "all";
const RANK: Readonly<Record<FundScope, number>> = { general: 0, fiscal: 1, all: 2 };

/** Tables whose kind says their scope when the title does not name one. */
const KIND_SCOPE: Partial<Record<Table["kind"], FundScope>> = {
  income_expenditure_summary: "all",
  income_summary: "all",
  expenditure_summary: "all",
  fiscal_appropriation_summary: "fiscal",
  general_budget_expenditure: "general",
  general_budget_economic: "general",
  expenditure_economic: "all",
};

/**
 * A table's scope: its title names it (一般公共预算… / 财政拨款…: "一般公共预算基本支出表", "财政拨款支出表"), else its
 * kind does (the 收支总表 covers all funds, the 财政拨款收支总表 财政拨款); undefined when neither says (a
 * "基本支出预算表" of any scope) or the table was read without a title of unknown money (Table.scopeUnknown).
 */
export function tableScope(t: Table): FundScope | undefined {
  if (t.scopeUnknown) return undefined;
  if (/一般公共预算/.test(t.title)) return "general";
  if (/财政拨款/.test(t.title)) return "fiscal";
  return KIND_SCOPE[t.kind];
}

const FISCAL_OTHER = ["gov_fund", "state_capital"];
/**
 * Income columns outside 财政拨款 (neither 一般公共预算 nor the 政府性基金 / 国有资本经营 funds): the 收入总表's other sources
 * (INCOME_SOURCE_COLUMNS) and 用事业基金弥补收支差额.
 */
export const NON_FISCAL: string[] = [
  ...INCOME_SOURCE_COLUMNS.filter((k) => k !== "general" && !FISCAL_OTHER.includes(k)),
  "balance_use",
];

/**
 * The department's money as its summary tables show it: 政府性基金 / 国有资本经营 money (fiscalOther), money outside
 * 财政拨款 (nonFiscal), 上年结转 (carryover); each undefined when no table tells (read from the 收入总表's 合计 row,
 * else the 收支总表's income lines; 上年结转 also from the 财政拨款收支总表 and a non-empty 项目支出表（上年结转）).
 */
export function moneyOf(report: Report): Money {
  let m = MONEY.get(report);
  if (!m) MONEY.set(report, (m = readMoney(report)));
  return m;
}
type Money = { fiscalOther?: boolean; nonFiscal?: boolean; carryover?: boolean };
/** Per checked report (the engine gives each check a fresh object): several rules ask. */
const MONEY = new WeakMap<Report, Money>();

function readMoney(report: Report): Money {
  const t2 = firstOf(report, "income_summary");
  const tot2 = t2 && totalRow(t2);
  const t1 = firstOf(report, "income_expenditure_summary");
  const t4 = firstOf(report, "fiscal_appropriation_summary");
  const income1 = t1?.rows.filter((r) => r.side === "income" && r.key?.startsWith("src_")) ?? [];
  const any = (keys: string[]): boolean | undefined =>
    tot2 && !isVertical(t2!)
      ? keys.some((k) => hasValue(tot2.amounts[k]))
      : income1.length
        ? income1.some((r) => keys.includes(r.key!.slice(4)) && hasValue(r.amounts.total))
        : undefined;
  const fundTables = report.tables.some(
    (t) =>
      (t.kind === "gov_fund_expenditure" || t.kind === "state_capital") &&
      !t.empty &&
      t.rows.some((r) => Object.values(r.amounts).some(hasValue))
  );
  const fiscalOther = fundTables || any(FISCAL_OTHER);
  const carryKnown = !!tot2 || !!t1 || !!t4;
  const carryover =
    (tot2 &&
      Object.entries(tot2.amounts).some(([k, a]) => k.startsWith("carryover") && hasValue(a))) ||
    [t1, t4].some((t) =>
      t?.rows.some(
        (r) => r.side === "income" && r.key?.startsWith("carryover") && hasValue(r.amounts.total)
      )
    ) ||
    report.tables.some((t) => t.kind === "project_carryover" && !t.empty)
      ? true
      : carryKnown
        ? false
        : undefined;
  // Money under a source no alias names (其他单位资金, 专户资金) may lie outside 财政拨款: then whether the department
  // has such money is unknown, never "none".
  const nonFiscal = any(NON_FISCAL);
  return {
    fiscalOther,
    nonFiscal: nonFiscal || !unknownSource(report) ? nonFiscal : undefined,
    carryover,
  };
}

/**
 * Does a summary table print money under a source no alias names (其他单位资金, 专户资金: newcomer7)? The 收入总表's
 * 合计 line in an unnamed column (`col_…`), else a 收支总表 income line without a key at the sources' level.
 */
export function unknownSource(report: Report): boolean {
  const t2 = firstOf(report, "income_summary");
  const tot2 = t2 && totalRow(t2);
  if (tot2 && !isVertical(t2!))
    return Object.entries(tot2.amounts).some(([k, a]) => k.startsWith("col_") && hasValue(a));
  const t1 = firstOf(report, "income_expenditure_summary");
  return !!t1?.rows.some(
    (r) => r.side === "income" && r.level === 1 && !r.key && !r.partial && hasValue(r.amounts.total)
  );
}

/** A 收入总表 laid out down one column (its sources are rows): no source columns to read. */
function isVertical(t: Table): boolean {
  return (
    t.rows.some((r) => r.key?.startsWith("src_")) && !t.columns.some((c) => c.key === "general")
  );
}

/**
 * How table a's line compares with table b's same line in this report: "=" when both cover the same money here,
 * "≤" when a's money lies within b's (a narrower scope, or a leaves out 上年结转 that b includes), "≥" the other way,
 * undefined when it cannot be told (a scope unknown while the department has other money, or a narrower in one way
 * and wider in the other). Scopes differ only by money the department has: 一般公共预算 and 财政拨款 are the same
 * money when it has no 政府性基金 / 国有资本经营 money.
 */
export function scopeRelation(report: Report, a: Table, b: Table): "=" | "≤" | "≥" | undefined {
  const m = moneyOf(report);
  let ra = effectiveRank(m, tableScope(a));
  let rb = effectiveRank(m, tableScope(b));
  // A table of unknown scope is comparable only in a department with 一般公共预算 money alone.
  if (ra === undefined || rb === undefined) {
    if (m.fiscalOther !== false || m.nonFiscal !== false) return undefined;
    ra = rb = 0;
  }
  const funds = Math.sign(ra - rb);
  const carry = carrySign(report, a, b);
  if (funds * carry < 0) return undefined;
  const s = funds || carry;
  return s === 0 ? "=" : s < 0 ? "≤" : "≥";
}

/**
 * The source columns whose sum is table t's money when t is a 一般公共预算支出表 by kind whose title says 财政拨款
 * (财政拨款支出（预算）表（按功能科目）: 一般公共预算 | 政府性基金预算 | 国有资本经营预算, or 基本支出 | 项目支出 with the 229
 * lines) in a department with 政府性基金 / 国有资本经营 money: its figures are 财政拨款, compared with the other tables'
 * 一般公共预算 + 政府性基金 + 国有资本经营 columns. ["general"] otherwise (the same money here).
 */
export function fundKeys(report: Report, t: Table): string[] {
  return effectiveRank(moneyOf(report), tableScope(t)) === 1
    ? ["general", ...FISCAL_OTHER]
    : ["general"];
}

/** A scope's rank among the money this department has (wider scopes that add nothing here count as the narrower). */
function effectiveRank(m: Money, s: FundScope | undefined): number | undefined {
  if (s === undefined) return undefined;
  let r = RANK[s];
  if (r === 2 && m.nonFiscal === false) r = 1;
  if (r === 1 && m.fiscalOther === false) r = 0;
  return r;
}

/**
 * How table a's 基本支出 compares with table b's by fund scope alone: "=" for the same money here, "≥" when a's
 * scope is wider, "≤" when narrower. 上年结转 is left aside (basic expenditure carries none in practice, and the
 * tables' titles say 不含上年结转 of their projects). A table whose title names no scope (基本支出预算表) is
 * still compared with a 一般公共预算 one — that is the narrowest scope, so the untitled table is "≥" it (a
 * department with 单位资金 or 政府性基金 may print all its 基本支出 there); undefined only when neither side can be
 * placed. Source: the 资金口径 of the 部门预算公开 tables (一般公共预算 ⊂ 财政拨款 ⊂ 部门全部资金).
 */
export function fundRelation(report: Report, a: Table, b: Table): "=" | "≤" | "≥" | undefined {
  const m = moneyOf(report);
  const only = m.fiscalOther === false && m.nonFiscal === false;
  const ra = effectiveRank(m, tableScope(a)) ?? (only ? 0 : undefined);
  const rb = effectiveRank(m, tableScope(b)) ?? (only ? 0 : undefined);
  if (ra === undefined && rb === 0) return "≥";
  if (rb === undefined && ra === 0) return "≤";
  if (ra === undefined || rb === undefined) return undefined;
  return ra === rb ? "=" : ra > rb ? "≥" : "≤";
}

/** -1 when a leaves out the 上年结转 b includes (and the department has some), 1 the other way, 0 when both agree. */
function carrySign(report: Report, a: Table, b: Table): number {
  const xa = leavesOutCarryover(report, a);
  return xa === leavesOutCarryover(report, b) || moneyOf(report).carryover === false
    ? 0
    : xa
      ? -1
      : 1;
}

/**
 * Whether table t leaves out 上年结转: its title says so (不含上年结转), or — a 一般公共预算支出表 whose title says
 * neither (most provinces print this year's appropriation only; 北京's includes the 结转) — its figures do: its 合计
 * equals this year's 一般公共预算 to the cent and not that plus the 一般公共预算 上年结转, in a department that has
 * 上年结转. This year's 一般公共预算: the 收入总表 合计 line's 一般公共预算 column (else the 财政拨款收支总表's 本年支出合计
 * 一般公共预算 less its 上年结转 一般公共预算 line); with 上年结转: plus the 收入总表's 上年结转 一般公共预算 column or the
 * 财政拨款收支总表's 上年结转 line, or that table's 本年支出合计 一般公共预算 (which includes it). When neither
 * reading agrees (or the 结转 part is not printed apart), the title's reading stands. A 一般公共预算支出表 whose title
 * says one scope and whose 合计 is exactly the other (titled 不含上年结转, its 合计 this year's money plus the 上年结转 —
 * tester31 T31-21) is read as its figures are, every comparison made on them: naming.carryover-title says the title
 * and the figures disagree, once, instead of each of its lines differing from the others by the 上年结转.
 */
export function leavesOutCarryover(report: Report, t: Table): boolean {
  if (t.kind !== "general_budget_expenditure") return t.excludesCarryover;
  const reading = carryReading(report, t)?.reading;
  if (reading) return reading === "current";
  return t.excludesCarryover;
}

/**
 * The 上年结转 scope a 一般公共预算支出表's title names: "without" (不含上年结转), "with" (含上年结转 / 含结转), or
 * undefined.
 */
export function titleCarryover(t: Table): "without" | "with" | undefined {
  return t.excludesCarryover ? "without" : /含(上年)?结转/.test(t.title) ? "with" : undefined;
}

/** What a 一般公共预算支出表's 合计 is, read against this year's money and that plus its 上年结转 (carryReading). */
export interface CarryReading {
  /** "current": this year's money to the cent, not with the 结转; "carry": this year's plus the 结转, not without. */
  reading: "current" | "carry" | undefined;
  total: Term;
  current: Term[];
  carry: Term[];
  /** The tables this year's money and the 结转 were read from (the 收入总表, else the 财政拨款收支总表). */
  currentFrom: Table;
  carryFrom: Table | undefined;
}

/** The reading of table t's 合计 (memoised per checked report), or undefined when it cannot be made. */
export function carryReading(report: Report, t: Table): CarryReading | undefined {
  let m = CARRY_SCOPE.get(report);
  if (!m) CARRY_SCOPE.set(report, (m = new Map()));
  if (!m.has(t)) m.set(t, readCarry(report, t));
  return m.get(t);
}
/** Per checked report and table: every scope comparison asks. */
const CARRY_SCOPE = new WeakMap<Report, Map<Table, CarryReading | undefined>>();

function readCarry(report: Report, t5: Table): CarryReading | undefined {
  const total = totalRow(t5)?.amounts.total;
  if (!hasValue(total) || moneyOf(report).carryover !== true) return undefined;
  const t2 = firstOf(report, "income_summary");
  const tot2 = t2 && !isVertical(t2) ? totalRow(t2) : undefined;
  const t4 = firstOf(report, "fiscal_appropriation_summary");
  const cur4 = t4 && rowByKey(t4, "current_expenditure_total", "expenditure");
  const carry4 = t4 && rowByKey(t4, "carryover_src_general", "income");
  const at = (t: Table | undefined, a: Amount | undefined, weight?: number): Term[] | undefined =>
    t && a && hasValue(a) ? [term(t, a, weight)] : undefined;
  // A 财政拨款支出表 (fundKeys): this year's 财政拨款 — the 收入总表's 一般公共预算 + 政府性基金 + 国有资本经营 columns,
  // the 财政拨款收支总表's 本年支出合计 合计, their 上年结转 parts.
  const keys = fundKeys(report, t5);
  const fiscal = keys.length > 1;
  const all = (t: Table | undefined, as: Array<Amount | undefined>): Term[] | undefined => {
    const xs = as.filter((a): a is Amount => !!a && hasValue(a));
    return t && xs.length ? xs.map((a) => term(t, a)) : undefined;
  };
  const general4 = at(t4, fiscal ? cur4?.amounts.total : cur4?.amounts.general);
  const carry2 = all(
    t2,
    keys.map((k) => tot2?.amounts[`carryover_${k}`])
  );
  const carry =
    carry2 ??
    all(
      t4,
      fiscal
        ? keys.map((k) => t4 && rowByKey(t4, `carryover_src_${k}`, "income")?.amounts.total)
        : [carry4?.amounts.total]
    );
  // This year's 一般公共预算 (财政拨款), and the same with its 上年结转.
  const current2 = all(
    t2,
    keys.map((k) => tot2?.amounts[k])
  );
  const current =
    current2 ??
    (general4 && carry ? [...general4, ...carry.map((x) => ({ ...x, weight: -1 }))] : undefined);
  const withCarry = current && carry ? [...current, ...carry] : general4;
  if (!current || !withCarry) return undefined;
  const figure = term(t5, total!);
  const equal = (parts: Term[]) => verdictOf(figure, parts) === "equal";
  const now = equal(current);
  const both = equal(withCarry);
  return {
    reading: now && !both ? "current" : both && !now && carry ? "carry" : undefined,
    total: figure,
    current,
    carry: carry ?? [],
    currentFrom: current2 ? t2! : t4!,
    carryFrom: carry ? (carry2 ? t2 : t4) : undefined,
  };
}

/**
 * How a's figure compares with b's when both are of one fund (a 一般公共预算 column beside a 一般公共预算 column) and
 * differ only in 上年结转: "=" when both include it or both leave it out (or the department has none), "≤" when a
 * leaves it out (表5 titled 不含上年结转 against the 项目支出表, which lists the 结转 projects), "≥" the other way.
 */
export function carryRelation(report: Report, a: Table, b: Table): "=" | "≤" | "≥" {
  const s = carrySign(report, a, b);
  return s === 0 ? "=" : s < 0 ? "≤" : "≥";
}

/**
 * figure (=, ≤, ≥) Σ parts as `scopeRelation` says — "=" through `sumOutcome`, an inequality through `notAbove` —
 * with its identity either way (a passing ≤ still bounds the localizer's corrections). `subject` / `against` name the
 * two sides as in sumOutcome.
 */
export function scopedOutcome(
  rule: string,
  relation: "=" | "≤" | "≥",
  figure: Term,
  parts: Term[],
  /** Words for a failing comparison only: a function is called then (most lines agree). */
  subject: string | (() => string),
  against: string | (() => string)
): Outcome {
  if (relation === "=")
    return sumOutcome({ rule, severity: "error", total: figure, parts, subject, against });
  const [lo, hi] = relation === "≤" ? [[figure], parts] : [parts, [figure]];
  const e = notAbove(rule, lo, hi);
  if (!e.exceeds) return { status: "pass", identity: e.identity };
  const [a, b] = relation === "≤" ? [e.a, e.b] : [e.b, e.a];
  const what = typeof subject === "function" ? subject() : subject;
  const other = typeof against === "function" ? against() : against;
  // Tables in different units: both figures with their units, each as printed too (sideWords, T29-9).
  const bw = boundWords(lo, hi, e);
  const w = relation === "≤" ? bw : { ...bw, a: bw.b, b: bw.a };
  const message =
    relation === "≤"
      ? `${what} ${w.a} 超过${other} ${w.b}${w.unitAfter}（前者口径较窄，只能更少或相等）`
      : `${what} ${w.a} 小于${other} ${w.b}${w.unitAfter}（前者口径较宽，只能更多或相等）`;
  const cells = [...new Set([figure.amount.cell, ...parts.map((p) => p.amount.cell)])].filter(
    (c) => c
  );
  return {
    status: "fail",
    finding: {
      rule,
      severity: "error",
      message,
      cells,
      expected: b,
      actual: a,
      difference: Math.round((a - b) * 100) / 100,
      ...(bw.mixed ? { unit: e.unit } : {}),
    },
    identity: e.identity,
  };
}

/** A scope relation read from the other side (a ≤ b is b ≥ a). */
export const REVERSED = { "=": "=", "≤": "≥", "≥": "≤" } as const;

/**
 * `scopedOutcome` for one figure of table `a` (its words `aWhat` after the table's name) against the sum of figures of
 * other tables (`against` names them): nothing when the relation is unknown, the figure is missing or no part is.
 */
export function scopedCmp(
  rule: string,
  rel: "=" | "≤" | "≥" | undefined,
  a: Table,
  aAmt: Amount | undefined,
  aWhat: string,
  parts: Array<[Table, Amount | undefined]>,
  against: string
): Outcome | undefined {
  const ps = parts.filter(([, x]) => x) as Array<[Table, Amount]>;
  if (!rel || !aAmt || !ps.length) return undefined;
  return scopedOutcome(
    rule,
    rel,
    term(a, aAmt),
    ps.map(([t, x]) => term(t, x)),
    `${tableName(a)}${aWhat}`,
    against
  );
}
/** What scopedCmp takes after the rule and the relation: table, figure, its words, the parts, their words. */
export type CmpArgs =
  Parameters<typeof scopedCmp> extends [string, unknown, ...infer T] ? T : never;

/**
 * Whether a 政府性基金 / 国有资本经营 / 财政专户 table leaves out its fund's 上年结转 (newcomer12's NC12-17, the fund
 * twin of leavesOutCarryover): its title says so, or — a title saying neither — its figures do: its 合计 `total`
 * equals this year's money of the fund (`current`: the 收入总表 合计 line's column of the fund, else the 收支总表's /
 * 财政拨款收支总表's 本年 line of it) to the cent and not that plus the fund's own 上年结转 `carry` (the 财政拨款收支总表's
 * 上年结转 line of the fund), which the department has. Amounts in each table's unit (万元 or 元).
 */
export function leavesOutFundCarryover(
  t: Table,
  total: Term | undefined,
  current: Term[] | undefined,
  carry: Term | undefined
): boolean {
  if (t.excludesCarryover) return true;
  if (/含(上年)?结转/.test(t.title) || !total || !current?.length || !carry) return false;
  if (!hasValue(carry.amount)) return false;
  const equal = (parts: Term[]) => verdictOf(total, parts) === "equal";
  return equal(current) && !equal([...current, carry]);
}
