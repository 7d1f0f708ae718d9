/**
 * 功能科目 ↔ 经济科目: a few 功能 项 record only the payment one 经济 款 records (2210201 住房公积金 ↔ 30113 住房公积金,
 * 2080505 ↔ 30108 …: FUNCTIONAL_ECONOMIC_PAIRS), so in the 一般公共预算 基本支出 the 项's 基本支出 (一般公共预算支出表)
 * cannot exceed the 款's figure (基本支出经济分类表); the 款 may hold more (some staff's payment booked under 行政运行).
 * A 警告, its identity soft: it corroborates the figures where it holds, and the localizer never takes it as a
 * constraint.
 */
import type { Report, Row, Table } from "../model/schema";
import { ECONOMIC_ITEMS, FUNCTIONAL_ECONOMIC_PAIRS } from "../classification/economic";
import { labelKey } from "../grid/text";
import { defineRule, type Outcome } from "./rule";
import {
  basicHeld,
  basicOf,
  boundWords,
  byCode,
  firstOf,
  hasValue,
  na,
  notAbove,
  repeatedCodes,
  rowName,
  tableName,
  term,
  totalRow,
} from "./helpers";
import { moneyOf, fundRelation } from "./scope";
import type { Term } from "./interval";

const RULE = "cross.functional-economic-pairs";

/** 部门预算 经济 款 by name (a names-only table's lines). */
const ECONOMIC_ITEM_NAMES = new Map(
  Object.entries(ECONOMIC_ITEMS).map(([code, name]) => [labelKey(name), code])
);

/** A line's name without a code printed before it ([30113]住房公积金, 30113 住房公积金). */
const bareName = (r: Row) => labelKey(r.label.replace(/^[\s[【(（]*\d{3,7}[\]】)）]?\s*/, ""));

/**
 * The 经济 款's lines in the 基本支出经济分类表(s): its coded line, else — a names-only table — every line of its name (a
 * table printing each 部门 款 once per 政府 款 it maps to has two); [] when the tables print the class broken down to
 * 款 and not this 款 (none of it); undefined when it cannot be read (no 款 of the class printed, or the code printed
 * twice in a table).
 */
function economicLines(
  held: Table[],
  code: string,
  names: RegExp
): Array<{ t: Table; r: Row }> | undefined {
  const found: Array<{ t: Table; r: Row }> = [];
  let broken = false;
  const cls = code.slice(0, 3);
  for (const t of held) {
    const lines = t.rows.filter((r) => r.level > 0 && !r.ofUnit && !r.partial);
    const coded = lines.filter((r) => r.code === code && r.codeSystem === "economic");
    if (coded.length > 1) return undefined;
    const named = coded.length
      ? coded
      : lines.filter((r) => (!r.code || r.codeSystem !== "economic") && names.test(bareName(r)));
    found.push(...named.map((r) => ({ t, r })));
    if (
      lines.some((r) =>
        r.code && r.codeSystem === "economic"
          ? r.code.length === 5 && r.code.startsWith(cls)
          : ECONOMIC_ITEM_NAMES.get(bareName(r))?.startsWith(cls)
      )
    )
      broken = true;
  }
  return found.length || broken ? found : undefined;
}

/**
 * The 功能 项 lines of a table: the line of each code; undefined when the table stops above a code it may hold (its
 * 款 or 类 printed with nothing under it) — the 项's figure is not printed.
 */
function functionalLines(t: Table, codes: readonly string[]): Row[] | undefined {
  const lines = byCode(t);
  const printed = [...lines.keys()];
  const out: Row[] = [];
  for (const code of codes) {
    const r = lines.get(code);
    if (r) {
      out.push(r);
      continue;
    }
    for (const p of [code.slice(0, 5), code.slice(0, 3)])
      if (lines.has(p) && !printed.some((c) => c.length === 7 && c.startsWith(p))) return undefined;
  }
  return out;
}

/**
 * The table printing the 功能 项's 基本支出 as the 基本支出经济分类表's money: the 一般公共预算支出表 when it prints a
 * 基本支出 (a column, 人员经费 + 公用经费 or its economic classes) of the same scope; else the 支出总表's 基本支出 when the
 * department has 一般公共预算 money only (all its funds are then that money) and its 基本支出 holds no 上年结转.
 */
function functionalTable(report: Report, econ: Table): { t: Table } | { reason: string } {
  const t5 = firstOf(report, "general_budget_expenditure");
  const tot5 = t5 && !t5.empty ? totalRow(t5) : undefined;
  if (t5 && tot5 && basicOf(t5, tot5)) {
    if (fundRelation(report, econ, t5) !== "=")
      return { reason: "基本支出经济分类表与一般公共预算支出表的资金口径不同或无法判断" };
    return { t: t5 };
  }
  const t3 = firstOf(report, "expenditure_summary");
  const tot3 = t3 && !t3.empty ? totalRow(t3) : undefined;
  if (!t3 || !tot3?.amounts.basic)
    return { reason: "没有列出功能科目基本支出的一般公共预算支出表或支出总表" };
  const m = moneyOf(report);
  if (m.fiscalOther !== false || m.nonFiscal !== false || fundRelation(report, econ, t3) !== "=")
    return { reason: "一般公共预算支出表未列基本支出，支出总表含一般公共预算以外的资金或无法判断" };
  const carryBand = t3.columns.some((c) => c.key === "carryover_basic");
  if (m.carryover !== false && !carryBand)
    return { reason: "一般公共预算支出表未列基本支出，支出总表的基本支出可能含上年结转" };
  return { t: t3 };
}

export const functionalEconomicPairs = defineRule({
  id: RULE,
  category: "cross",
  title: "功能科目基本支出 ≤ 对应经济科目：住房公积金、养老保险、职业年金、公务员医疗补助",
  description:
    "2210201 住房公积金、2080505 机关事业单位基本养老保险缴费支出、2080506 机关事业单位职业年金缴费支出、2101103 公务员医疗补助按《政府收支分类科目》的定义只反映单位缴纳的这项费用，分别即经济科目 30113 住房公积金、30108 机关事业单位基本养老保险缴费、30109 职业年金缴费、30111 公务员医疗补助缴费：一般公共预算支出表中这些功能科目的基本支出（该表未列基本支出、部门只有一般公共预算资金时为支出总表的基本支出）不能超过基本支出经济分类表中对应经济科目的金额（经济科目可以更多：部分人员的这项费用列在行政运行等科目下）。超过时警告：该功能科目的资金有一部分列在了其他经济科目。两表资金口径不同或无法判断、功能分类未细化到项、经济分类未细化到款时不比较；只列名称的经济分类表按科目名称对应。2101101 行政单位医疗、2101102 事业单位医疗还含公费医疗、离休人员医疗等，与 30110 职工基本医疗保险缴费不作比较。",
  severity: "warning",
  source: {
    basis: "national",
    ref: "财政部《政府收支分类科目》科目说明：2210201 住房公积金、2080505 机关事业单位基本养老保险缴费支出、2080506 机关事业单位职业年金缴费支出、2101103 公务员医疗补助反映单位为职工缴纳的住房公积金、基本养老保险费、职业年金、公务员医疗补助，即部门预算支出经济分类 30113、30108、30109、30111",
  },
  check: (report) => {
    const held = basicHeld(report).filter((t) => !t.empty);
    if (!held.length) return [na("缺少基本支出经济分类表")];
    const side = functionalTable(report, held[0]);
    if ("reason" in side) return [na(side.reason)];
    const t = side.t;
    // A part table (人员经费 / 公用经费) of another scope than the first: compared only where its scope matches too.
    if (held.some((x) => fundRelation(report, x, t) !== "="))
      return [na("基本支出经济分类表各部分的资金口径不同或无法判断")];
    const repeated = new Set(repeatedCodes(t).map((x) => x.code));
    const out: Outcome[] = [];
    const reasons: string[] = [];
    for (const pair of FUNCTIONAL_ECONOMIC_PAIRS) {
      if (repeated.has(pair.functional)) continue;
      const econ = economicLines(held, pair.economic, pair.names);
      const funcs = functionalLines(t, [pair.functional]);
      if (!econ || !funcs) {
        reasons.push(
          !econ
            ? `基本支出经济分类表未细化到款，无法读出 ${pair.economic}`
            : `${tableName(t)}未细化到项，无法读出 ${pair.functional}`
        );
        continue;
      }
      // The 项's 基本支出 as the table prints it (a column, 人员经费 + 公用经费, or its economic classes).
      const fTerms: Term[] = funcs.flatMap((r) =>
        (basicOf(t, r) ?? []).flatMap(([x, a]) => (a ? [term(x, a)] : []))
      );
      if (!fTerms.some((x) => hasValue(x.amount))) continue;
      const eTerms: Term[] = econ.flatMap(({ t: x, r }) =>
        r.amounts.total ? [term(x, r.amounts.total)] : []
      );
      const e = notAbove(RULE, fTerms, eTerms);
      e.identity.soft = true;
      if (!e.exceeds) {
        out.push({ status: "pass", identity: e.identity });
        continue;
      }
      const w = boundWords(fTerms, eTerms, e);
      const fr = funcs[0];
      const against = econ.length
        ? econ.map(({ t: x, r }) => `${tableName(x)}「${rowName(r)}」`).join(" + ")
        : `${tableName(held[0])}未列「${pair.economic} ${ECONOMIC_ITEMS[pair.economic]}」，为`;
      out.push({
        status: "fail",
        finding: {
          rule: RULE,
          severity: "warning",
          message: `${tableName(t)}「${rowName(fr)}」基本支出 ${w.a} 超过${against} ${w.b}${w.unitAfter}：该功能科目按《政府收支分类科目》的定义只反映单位缴纳的这项费用，经济分类中的这一科目只能更多或相等，疑有一部分列在了其他经济科目`,
          cells: [...new Set([...fTerms, ...eTerms].map((x) => x.amount.cell).filter((c) => c))],
          expected: e.b,
          actual: e.a,
          difference: Math.round((e.a - e.b) * 100) / 100,
          ...(w.mixed ? { unit: e.unit } : {}),
        },
        identity: e.identity,
      });
    }
    if (!out.length) return [na(reasons[0] ?? "两表都没有这些对应科目的金额")];
    return out;
  },
});

export const PAIR_RULES = [functionalEconomicPairs];
