/**
 * 表间 for the other two fiscal funds and the 财政专户管理资金: the 政府性基金预算支出表, the 国有资本经营预算支出表
 * and the 财政专户管理资金支出表 are tied to the 收入总表, 财政拨款收支总表 (not the 财政专户: it is not 财政拨款),
 * 收支总表, 支出总表, the fund's income table and the 项目支出表 exactly as the 一般公共预算支出表 is (cross.ts): the
 * same money, printed in several tables, must read the same.
 */
import type { Amount, Report, Row, Table } from "../model/schema";
import { quoteSheet } from "../grid/address";
import { defineRule, type Outcome, type RuleDef } from "./rule";
import {
  byCode,
  codeSet,
  coverOf,
  defined,
  firstOf,
  hasValue,
  na,
  partNotAbove,
  rowByKey,
  rowName,
  sumOutcome,
  tableName,
  term,
  totalRow,
} from "./helpers";
import { fenValue, fmt, printedValue } from "./interval";
import { leavesOutFundCarryover, scopedOutcome } from "./scope";

export interface Fund {
  /** Amount-column key of the fund in the 收入总表, 财政拨款收支总表, 项目支出表 (gov_fund / state_capital / special_account). */
  key: "gov_fund" | "state_capital" | "special_account";
  /** The table kind that publishes the fund's expenditure. */
  kind: "gov_fund_expenditure" | "state_capital" | "special_account";
  /** Part of 财政拨款 (printed in the 财政拨款收支总表); the 财政专户管理资金 is not. */
  fiscal: boolean;
  /** Rule-id stem: cross.gov-fund, cross.state-capital, cross.special-account. */
  id: string;
  name: string;
  tableName: string;
}

export const FUNDS: ReadonlyArray<Fund> = [
  {
    key: "gov_fund",
    kind: "gov_fund_expenditure",
    fiscal: true,
    id: "gov-fund",
    name: "政府性基金预算",
    tableName: "政府性基金预算支出表",
  },
  {
    key: "state_capital",
    kind: "state_capital",
    fiscal: true,
    id: "state-capital",
    name: "国有资本经营预算",
    tableName: "国有资本经营预算支出表",
  },
  // Hunan, Hubei and others publish the 财政专户管理资金 (教育收费 …) in a table of its own.
  {
    key: "special_account",
    kind: "special_account",
    fiscal: false,
    id: "special-account",
    name: "财政专户管理资金",
    tableName: "财政专户管理资金支出表",
  },
];

/** The fund's expenditure table, the rows of its expenditure side and the column that holds each row's amount. */
export interface FundView {
  table: Table;
  rows: Row[];
  /** Amount key of the row figure: 合计, else the fund's own column. */
  key: string;
  side?: "expenditure";
  total?: Row;
}

/** The fund's expenditure table (a combined 收支 table counts: its expenditure side). Undefined when none is published. */
export function fundView(report: Report, fund: Fund): FundView | undefined {
  const candidates =
    fund.key === "gov_fund"
      ? report.tables.filter(
          (t) =>
            t.kind === "gov_fund_expenditure" ||
            (t.kind === "gov_fund_income" && t.rows.some((r) => r.side === "expenditure"))
        )
      : report.tables.filter((t) => t.kind === fund.kind);
  const table = candidates.find((t) => !t.empty) ?? candidates[0];
  if (!table) return undefined;
  const sided = table.rows.some((r) => r.side);
  const side = sided ? "expenditure" : undefined;
  const rows = table.rows.filter((r) => r.side === side);
  const cols = table.columns.filter((c) => c.side === side);
  const key =
    cols.find((c) => c.key === "total")?.key ??
    cols.find((c) => c.key === fund.key)?.key ??
    cols[0]?.key;
  if (!key) return undefined;
  const total =
    rows.find((r) => r.key === "total" && r.level === 0) ?? (sided ? undefined : totalRow(table));
  return { table, rows, key, side, total };
}

/** A blank figure standing for a total the table does not print (an empty fund table), cited at the table's first cell. */
function blankAt(t: Table): Amount {
  return {
    value: null,
    cell: `${quoteSheet(t.sheet)}!${t.range.split(":")[0]}`,
    text: "",
    blank: true,
    decimals: t.unit === "元" ? 0 : 2,
  };
}

/**
 * One finding per checked figure: when the same figure disagrees with several counterparts, one finding cites
 * them all (the first comparison's numbers, the others named in the message).
 */
function mergeByFigure(outs: Outcome[]): Outcome[] {
  const byCell = new Map<string, Extract<Outcome, { status: "fail" }>>();
  const res: Outcome[] = [];
  for (const o of outs) {
    if (o.status !== "fail") {
      res.push(o);
      continue;
    }
    const first = byCell.get(o.finding.cells[0]);
    if (!first) {
      byCell.set(o.finding.cells[0], o);
      res.push(o);
      continue;
    }
    first.finding.cells = [
      ...first.finding.cells,
      ...o.finding.cells.slice(1).filter((c) => !first.finding.cells.includes(c)),
    ];
    const against = o.finding.message.split(" ≠ ")[1]?.replace(/（差.*$/, "");
    if (against) first.finding.message += `；也不等于${against}`;
    // The other comparisons' identities stay with the one finding that reports them.
    first.also = [
      ...(first.also ?? []),
      ...[o.identity, ...(o.also ?? [])].filter((x): x is NonNullable<typeof x> => !!x),
    ];
  }
  return res;
}

type Part = [Table, Amount | undefined, number?];

function compareFund(
  rule: string,
  fv: FundView,
  figure: Amount | undefined,
  what: string,
  parts: Part[],
  against: string | ((decimals: number) => string),
  againstPrinted?: boolean
): Outcome | undefined {
  const ps = parts.filter((p): p is [Table, Amount, number?] => !!p[1]);
  if (!ps.length) return undefined;
  return sumOutcome({
    rule,
    severity: "error",
    total: term(fv.table, figure ?? blankAt(fv.table)),
    parts: ps.map(([t, a, w]) => term(t, a, w)),
    subject: `${tableName(fv.table)}${what}`,
    against,
    againstPrinted,
  });
}

/**
 * The words for a table's figure plus the fund's 上年结转 printed in another table: each table named with its figure
 * (tester33 T33-8: “表2（收入总表）「合计」政府性基金预算 + 上年结转 320.00” summed 表2's 200.00 and 表4's 120.00) —
 * “表2（收入总表）「合计」政府性基金预算 200.00 + 表4（财政拨款收支总表）上年结转「（二）政府性基金预算财政拨款」 120.00，共”.
 * The same table prints both: “… + 上年结转”. With the figures' units when a table's differs from the fund table's
 * (`printed`: sumOutcome then gives the sum converted only). Each figure in the format of the sum after it (the
 * comparison's decimals, 2 for 万元): “2000.00 + 10.00，共 2010.00”, not a 表2 printing 0.0 read back as
 * “2000.0 + 10.0，共 2010.00” (note34); a figure in another unit with at least 2 decimals, as sideWords prints it.
 */
function withCarryWords(
  fv: FundView,
  base: string,
  baseParts: Part[],
  carry: { amount?: Amount; table?: Table } | undefined
): { words: (decimals: number) => string; printed: boolean } {
  const own = baseParts.filter((p): p is [Table, Amount, number?] => !!p[1]);
  const carryTable = carry?.table;
  const carryAmount = carry?.amount;
  if (!carryTable || !carryAmount || own.some(([t]) => t === carryTable))
    return { words: () => (carryAmount ? `${base} + 上年结转` : base), printed: false };
  const printed = [...own.map(([t]) => t), carryTable].some((t) => t.unit !== fv.table.unit);
  return {
    printed,
    words: (d: number) => {
      const figure = (t: Table, a: Amount) =>
        t.unit === fv.table.unit
          ? `${fmt(printedValue(a), d)}${printed ? t.unit : ""}`
          : `${fmt(printedValue(a), Math.max(2, Math.min(a.decimals, 6)))}${t.unit}`;
      const line = carryTable.rows.find((r) => Object.values(r.amounts).includes(carryAmount));
      const mine = own.map(([t, a]) => figure(t, a)).join(" + ");
      return `${base} ${mine} + ${tableName(carryTable)}上年结转${line ? `「${rowName(line)}」` : ""} ${figure(carryTable, carryAmount)}，共`;
    },
  };
}

/** A row's figures in the fund's column of the 收入总表, or in its several columns (财政专户拨款: 教育收费 | 其他专户收入拨款 → special_account, special_account_2). */
function fundParts(t: Table, r: Row, key: string): Part[] {
  return t.columns
    .filter(
      (c) =>
        !c.side &&
        (c.key === key ||
          (c.key.startsWith(`${key}_`) && /^\d+$/.test(c.key.slice(key.length + 1))))
    )
    .map((c): Part => [t, r.amounts[c.key]]);
}

/**
 * The fund's 上年结转 as the 财政拨款收支总表 prints it: its own line under 上年财政拨款结转, or none when that
 * table shows no carry-over or breaks it down without this fund (the 财政专户: the 收入总表's 上年结转 column of
 * the fund). Undefined when it cannot be told; `table` is the table that prints the amount.
 */
function carryOf(report: Report, fund: Fund): { amount?: Amount; table?: Table } | undefined {
  if (!fund.fiscal) {
    // Not 财政拨款: its 上年结转 is the 收入总表's 上年结转 column of the fund (上年结转结余 › 财政专户管理资金), else unknown
    // unless the 收入总表 shows no carry-over at all.
    const t2 = firstOf(report, "income_summary");
    const tot2 = t2 && totalRow(t2);
    if (!tot2) return undefined;
    const own = tot2.amounts[`carryover_${fund.key}`];
    if (own) return hasValue(own) ? { amount: own, table: t2 } : {};
    const carry = Object.entries(tot2.amounts).filter(
      ([k, a]) => k.startsWith("carryover") && hasValue(a)
    );
    if (!carry.length) return {};
    // All of the 上年结转 is 财政拨款 (the 财政拨款收支总表's 上年结转 is the 收入总表's): none is this fund's.
    const t4 = firstOf(report, "fiscal_appropriation_summary");
    const fiscal = t4 && rowByKey(t4, "carryover_in", "income")?.amounts.total;
    const all = tot2.amounts.carryover;
    return fiscal &&
      all &&
      hasValue(fiscal) &&
      fenValue(term(t4!, fiscal)) === fenValue(term(t2!, all))
      ? {}
      : undefined;
  }
  const t4 = firstOf(report, "fiscal_appropriation_summary");
  if (!t4) return undefined;
  const own = rowByKey(t4, `carryover_src_${fund.key}`, "income");
  if (own) return hasValue(own.amounts.total) ? { amount: own.amounts.total, table: t4 } : {};
  const carry = rowByKey(t4, "carryover_in", "income");
  if (!carry || !hasValue(carry.amounts.total)) return {};
  return t4.rows.some((r) => r.key?.startsWith("carryover_src_")) ? {} : undefined;
}

/**
 * Whether the fund's table leaves out the fund's 上年结转: by its title, else by its figures (scope.ts
 * leavesOutFundCarryover) — this year's money of the fund from the 收入总表's 合计 line, else the 财政拨款收支总表's /
 * 收支总表's 本年 line of the fund; the fund's 上年结转 from carryOf.
 */
function fundExcludesCarryover(report: Report, fund: Fund, fv: FundView): boolean {
  if (fv.table.excludesCarryover) return true;
  const total = fv.total?.amounts[fv.key];
  const carry = carryOf(report, fund);
  if (!total || !carry?.amount || !carry.table) return false;
  const t2 = firstOf(report, "income_summary");
  const tot2 = t2 && totalRow(t2);
  const fromT2 =
    t2 && tot2 && t2.columns.some((c) => c.key === fund.key)
      ? fundParts(t2, tot2, fund.key).filter((p): p is [Table, Amount] => !!p[1])
      : [];
  const line = (kind: Table["kind"]) => {
    const t = firstOf(report, kind);
    const r = t && rowByKey(t, `src_${fund.key}`, "income");
    return t && r?.amounts.total ? ([[t, r.amounts.total]] as Array<[Table, Amount]>) : [];
  };
  const current = fromT2.length
    ? fromT2
    : line("fiscal_appropriation_summary").length
      ? line("fiscal_appropriation_summary")
      : line("income_expenditure_summary");
  return leavesOutFundCarryover(
    fv.table,
    term(fv.table, total),
    current.map(([t, a]) => term(t, a)),
    term(carry.table, carry.amount)
  );
}

/** Fund table ↔ 财政拨款收支总表, 收入总表, the fund's income table and the 收支总表; class and code rows ↔ the same rows there. */
function amountsRule(fund: Fund): RuleDef {
  const id = `cross.${fund.id}`;
  return defineRule({
    id,
    category: "cross",
    title: fund.fiscal
      ? `${fund.tableName} ↔ 财政拨款收支总表 / 收入总表 / 收支总表`
      : `${fund.tableName} ↔ 收入总表 / 收支总表`,
    description: fund.fiscal
      ? `${fund.tableName}（不含上年结转）的合计等于财政拨款收支总表本年支出合计的${fund.name}列（表含上年结转时加上年结转）、收入总表合计行的${fund.name}本年收入、收支总表的${fund.name}收入${fund.key === "gov_fund" ? "、政府性基金预算收入表合计" : ""}；每个功能科目等于收入总表同一科目的${fund.name}列，每一类等于财政拨款收支总表同一类的${fund.name}列，且不超过支出总表同一科目的合计。标题未说明是否含上年结转时按数字判断：合计恰等于收入总表本年${fund.name}、而不等于其加上该资金的上年结转时，按不含上年结转核对。`
      : `${fund.tableName}的合计等于收入总表合计行的${fund.name}本年收入（分列教育收费等多栏时为其和）、收支总表的${fund.name}收入——表含上年结转时两者都加收入总表该资金的上年结转；每个功能科目等于收入总表同一科目的${fund.name}列，且不超过支出总表同一科目的合计。${fund.name}不是财政拨款，不与财政拨款收支总表比较。`,
    severity: "error",
    source: {
      basis: "identity",
      ref: fund.fiscal
        ? `部门预算公开表样各栏、各行的定义：${fund.tableName}是财政拨款收支总表、收入总表${fund.name}列的明细（与一般公共预算支出表同理）`
        : `部门预算公开表样各栏、各行的定义：${fund.tableName}是收入总表${fund.name}列、收支总表“财政专户管理资金收入”的明细（与一般公共预算支出表同理）`,
    },
    check: (report) => {
      const fv = fundView(report, fund);
      if (!fv) return [na(`未公开${fund.tableName}`)];
      const out: Array<Outcome | undefined> = [];
      const excl = fundExcludesCarryover(report, fund, fv);
      const figure = fv.total?.amounts[fv.key];
      // 财政拨款收支总表: 本年支出合计 in the fund's column (plus the fund's 上年结转 when the table leaves it out).
      const t4 = firstOf(report, "fiscal_appropriation_summary");
      const cur4 = t4 && rowByKey(t4, "current_expenditure_total", "expenditure");
      if (fund.fiscal && t4 && cur4?.amounts[fund.key]) {
        const carry = excl ? rowByKey(t4, `carryover_src_${fund.key}`, "income") : undefined;
        const parts: Part[] = [[t4, cur4.amounts[fund.key]]];
        if (carry && hasValue(carry.amounts.total)) parts.push([t4, carry.amounts.total, -1]);
        out.push(
          compareFund(
            id,
            fv,
            figure,
            "「合计」",
            parts,
            `${tableName(t4)}「本年支出合计」${fund.name}${carry && hasValue(carry.amounts.total) ? " − 上年结转" : ""}`
          )
        );
      }
      // 收入总表: the fund's column (本年收入), total row and code by code — comparable when the fund table leaves
      // 上年结转 out, or when the fund's own 上年结转 is known (财政拨款收支总表) and added.
      const t2 = firstOf(report, "income_summary");
      const tot2 = t2 && totalRow(t2);
      const fundCarry = carryOf(report, fund);
      const t2Comparable =
        !!t2 &&
        t2.columns.some((c) => c.key === fund.key) &&
        (excl || !hasValue(tot2?.amounts.carryover) || fundCarry !== undefined);
      const withCarry = (parts: Part[]): Part[] =>
        !excl && fundCarry?.amount && fundCarry.table
          ? [...parts, [fundCarry.table, fundCarry.amount]]
          : parts;
      if (t2 && tot2 && t2Comparable) {
        const own = fundParts(t2, tot2, fund.key);
        const words = withCarryWords(
          fv,
          `${tableName(t2)}「合计」${fund.name}`,
          own,
          excl ? undefined : fundCarry
        );
        out.push(
          compareFund(id, fv, figure, "「合计」", withCarry(own), words.words, words.printed)
        );
      }
      // The fund's income table (政府性基金预算收入表): income = expenditure when both leave 上年结转 out.
      const t7 =
        fund.key === "gov_fund"
          ? report.tables.find((t) => t.kind === "gov_fund_income" && t !== fv.table)
          : undefined;
      const tot7 = t7 && totalRow(t7);
      const inc7 =
        tot7 && (tot7.amounts.gov_fund ?? tot7.amounts.total ?? Object.values(tot7.amounts)[0]);
      if (t7 && inc7 && t7.excludesCarryover === excl)
        out.push(compareFund(id, fv, figure, "「合计」", [[t7, inc7]], `${tableName(t7)}「合计」`));
      // 收支总表: the fund's income line (本年) when the fund table leaves 上年结转 out.
      const t1 = firstOf(report, "income_expenditure_summary");
      const src1 = t1 && rowByKey(t1, `src_${fund.key}`, "income");
      if (t1 && src1 && excl)
        out.push(
          compareFund(
            id,
            fv,
            figure,
            "「合计」",
            [[t1, src1.amounts.total]],
            `${tableName(t1)}「${rowName(src1)}」`
          )
        );
      // A table that includes 上年结转 (the 财政专户管理资金支出表 mostly does): the income line plus the fund's own 上年结转, when known.
      else if (t1 && src1 && !fund.fiscal && fundCarry) {
        const own: Part[] = [[t1, src1.amounts.total]];
        const words = withCarryWords(fv, `${tableName(t1)}「${rowName(src1)}」`, own, fundCarry);
        out.push(
          compareFund(id, fv, figure, "「合计」", withCarry(own), words.words, words.printed)
        );
      }
      // Code by code.
      const codes = fv.rows.filter(
        (r) => r.code && r.codeSystem === "functional" && r.amounts[fv.key]
      );
      const c2 = t2Comparable && t2 && (excl || !fundCarry?.amount) ? byCode(t2) : undefined;
      const c4 = t4 ? byCode(t4, "expenditure") : undefined;
      const t3 = firstOf(report, "expenditure_summary");
      const c3 = t3 ? byCode(t3) : undefined;
      const carry4 =
        !!t4 && hasValue(rowByKey(t4, `carryover_src_${fund.key}`, "income")?.amounts.total);
      for (const r of codes) {
        const a = r.amounts[fv.key];
        const r2 = c2?.get(r.code!);
        if (t2 && r2?.amounts[fund.key])
          out.push(
            compareFund(
              id,
              fv,
              a,
              `「${rowName(r)}」`,
              fundParts(t2, r2, fund.key),
              `${tableName(t2)}「${rowName(r2)}」${fund.name}`
            )
          );
        const r4 = fund.fiscal && r.code!.length === 3 ? c4?.get(r.code!) : undefined;
        if (
          t4 &&
          r4?.amounts[fund.key] &&
          (!excl || !carry4) &&
          (hasValue(a) || hasValue(r4.amounts[fund.key]))
        )
          out.push(
            compareFund(
              id,
              fv,
              a,
              `「${rowName(r)}」`,
              [[t4, r4.amounts[fund.key]]],
              `${tableName(t4)}「${rowName(r4)}」${fund.name}`
            )
          );
        const r3 = c3?.get(r.code!);
        if (t3 && r3?.amounts.total && hasValue(a))
          out.push(partNotAbove(id, fv.table, r, a, t3, r3.amounts.total, fund.name));
      }
      const res = mergeByFigure(out.filter(defined));
      return res.length
        ? res
        : [na(`没有可与${fund.tableName}比较的表（财政拨款收支总表、收入总表没有${fund.name}列）`)];
    },
  });
}

/** Fund table 项目支出 ↔ the 项目支出表's column of the fund. */
function projectRule(fund: Fund): RuleDef {
  const id = `cross.${fund.id}-project`;
  return defineRule({
    id,
    category: "cross",
    title: `${fund.tableName}项目支出 ↔ 项目支出表`,
    description: `${fund.tableName}合计行的项目支出等于项目支出表（本年）${fund.name}列的合计（表含上年结转时加项目支出表（上年结转）的${fund.name}列）；表不含上年结转而没有单列上年结转项目时，项目支出表该列介于表中项目支出与其加上该资金上年结转之间。`,
    severity: "error",
    source: {
      basis: "identity",
      ref: `部门预算公开表样：项目支出表按资金来源列示每个项目，其${fund.name}列之和即${fund.tableName}的项目支出`,
    },
    check: (report) => {
      const fv = fundView(report, fund);
      if (!fv) return [na(`未公开${fund.tableName}`)];
      const excl = fundExcludesCarryover(report, fund, fv);
      const projectKey = fv.table.columns.some((c) => c.key === "project" && c.side === fv.side)
        ? "project"
        : undefined;
      const t12 = firstOf(report, "project_expenditure");
      if (!t12 || !t12.columns.some((c) => c.key === fund.key))
        return [na(`项目支出表没有${fund.name}列`)];
      if (!projectKey) return [na(`${fund.tableName}没有项目支出列`)];
      const top12 = totalRow(t12) ?? t12.rows.find((r) => r.level === 0);
      const parts: Part[] = [[t12, top12?.amounts[fund.key]]];
      const t13 = firstOf(report, "project_carryover");
      const top13 =
        t13 && !t13.empty ? (totalRow(t13) ?? t13.rows.find((r) => r.level === 0)) : undefined;
      if (!excl && t13 && top13?.amounts[fund.key]) parts.push([t13, top13.amounts[fund.key]]);
      // A table of this year's money beside a 项目支出表 that may list the fund's 结转 projects (no 项目支出表（上年结转）
      // of the fund): the 项目支出表 lies between the table's 项目支出 and that plus the fund's 上年结转.
      const carry = excl && parts.length === 1 ? carryOf(report, fund) : undefined;
      const figure = fv.total?.amounts[projectKey];
      if (carry?.amount && carry.table && hasValue(carry.amount) && figure && parts[0][1]) {
        const what = `${tableName(fv.table)}「合计」项目支出`;
        const t12Words = `${tableName(t12)}合计${fund.name}`;
        return [
          scopedOutcome(id, "≤", term(fv.table, figure), [term(t12, parts[0][1])], what, t12Words),
          scopedOutcome(
            id,
            "≤",
            term(t12, parts[0][1]),
            [term(fv.table, figure), term(carry.table, carry.amount)],
            t12Words,
            `${what} + 上年结转`
          ),
        ];
      }
      const o = compareFund(
        id,
        fv,
        fv.total?.amounts[projectKey],
        "「合计」项目支出",
        parts,
        `${tableName(t12)}合计${fund.name}${parts.length > 1 ? ` + ${tableName(t13!)}合计${fund.name}` : ""}`
      );
      return o ? [o] : [na("项目支出表没有合计")];
    },
  });
}

/** Fund table ↔ 收入总表 / 支出总表: the same functional codes. */
function codesRule(fund: Fund): RuleDef {
  const id = `cross.${fund.id}-codes`;
  return defineRule({
    id,
    category: "cross",
    title: `${fund.tableName}与收入/支出总表的功能科目一致`,
    description: `${fund.tableName}列出的有数科目应出现在支出总表中；收入总表中有${fund.name}资金的科目也应出现在${fund.tableName}中。`,
    severity: "error",
    source: {
      basis: "identity",
      ref: `部门预算公开表样：${fund.tableName}按功能科目列示收入总表${fund.name}列的同一笔资金`,
    },
    check: (report) => {
      const fv = fundView(report, fund);
      if (!fv) return [na(`未公开${fund.tableName}`)];
      const t3 = firstOf(report, "expenditure_summary");
      const t2 = firstOf(report, "income_summary");
      if (!t3 && !t2) return [na("缺少收入总表和支出总表")];
      const own = new Map(
        fv.rows.filter((r) => r.code && r.codeSystem === "functional").map((r) => [r.code!, r])
      );
      // Any line's code, a 单位's own lines included: a code one 单位 prints is the department's.
      // Printed at another depth is no missing 科目 (helpers.ts coverOf).
      const c3 = t3 ? coverOf(codeSet(t3)) : undefined;
      const inOwn = coverOf(new Set(own.keys()));
      const c2 = t2 && t2.columns.some((c) => c.key === fund.key) ? byCode(t2) : undefined;
      const onlyOwn = [...own.values()].filter(
        (r) => c3 && !c3(r.code!) && hasValue(r.amounts[fv.key])
      );
      const only2 = c2
        ? [...c2.values()].filter((r) => !inOwn(r.code!) && hasValue(r.amounts[fund.key]))
        : [];
      if (!onlyOwn.length && !only2.length) return [{ status: "pass" }];
      const parts: string[] = [];
      if (onlyOwn.length)
        parts.push(
          `${tableName(fv.table)}有而${tableName(t3!)}没有：${onlyOwn.map(rowName).join("、")}`
        );
      if (only2.length)
        parts.push(
          `${tableName(t2!)}有${fund.name}资金而${tableName(fv.table)}没有：${only2.map(rowName).join("、")}`
        );
      return [
        {
          status: "fail",
          finding: {
            rule: id,
            severity: "error",
            message: `功能科目不一致——${parts.join("；")}`,
            cells: [...onlyOwn, ...only2].map((r) => r.labelCell),
            expected: null,
            actual: null,
            difference: null,
          },
        },
      ];
    },
  });
}

export const FUND_RULES: RuleDef[] = FUNDS.flatMap((f) => [
  amountsRule(f),
  projectRule(f),
  codesRule(f),
]);
