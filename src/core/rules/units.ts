/**
 * 单位: a printed unit that every magnitude contradicts. When each figure of a table that has a counterpart in
 * another table (the same functional or economic code, the 基本支出 / 项目支出 totals, a “三公” item and its economic
 * class 30212 / 30217 / 30231 / 31013) is exactly 10,000 times (or a
 * 10,000th of) that counterpart, the table's figures are in another unit than it prints (元 under 单位：万元).
 * That is one finding on the unit cell; the other rules compare the figures in the unit they are in, so the
 * mistake does not turn into one amount error per cell. A “三公” table without any counterpart is judged by magnitude
 * (magnitudeSlip): more than the department spends as printed, within it at 1 / 10,000; else by the sum of its items
 * against the economic line that holds them (sumSlip: either direction, so also 万元 figures under 单位：元).
 */
import { isQuantityTable } from "../model/quantities";
import {
  isRateOrChange,
  type Amount,
  type Report,
  type Row,
  type Table,
  type Unit,
} from "../model/schema";
import { quoteSheet } from "../grid/address";
import { fmt, UNIT_FACTOR, verdictOf } from "./interval";
import { defineRule, type Outcome } from "./rule";
import {
  departmentSpending,
  basicHeld,
  basicPart,
  basicSplit,
  basicTables,
  firstOf,
  hasValue,
  rowName,
  tableName,
  term,
  totalRow,
} from "./helpers";
import {
  THREE_PUBLIC_ECONOMIC_CLASSES,
  THREE_PUBLIC_ECONOMIC_ITEMS,
} from "../classification/economic";
import { labelKey } from "../grid/text";
import { threePublicItemOf } from "./three-public-items";
import type { UnitLink } from "./unit-rows";

const RATIO = 10000;

interface Pair {
  a: Amount;
  b: Amount;
  other: Table;
}

/** A table's coded rows' 合计 figures: the first row with a figure of each code, in order and by system and code. */
interface Coded {
  list: Array<{ system: string | undefined; code: string; amount: Amount }>;
  by: Map<string | undefined, Map<string, Amount>>;
}

/** Per table (built once per check, not once per pair of tables; no key string made per row). */
function codedTotals(t: Table): Coded {
  const list: Coded["list"] = [];
  const by: Coded["by"] = new Map();
  const rows = t.rows;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const a = r.amounts.total;
    if (!r.code || !a || !hasValue(a)) continue;
    let codes = by.get(r.codeSystem);
    if (!codes) by.set(r.codeSystem, (codes = new Map()));
    if (codes.has(r.code)) continue;
    codes.set(r.code, a);
    list.push({ system: r.codeSystem, code: r.code, amount: a });
  }
  return { list, by };
}

/** The share of spending a table holds, where it holds one share only: 基本支出 or 项目支出 by economic class. */
const SHARE_OF_KIND: Partial<Record<Table["kind"], "basic" | "project">> = {
  basic_expenditure_economic: "basic",
  project_expenditure_economic: "project",
};

/**
 * Tables that hold different shares of the spending (a 基本支出 and a 项目支出 table by economic class, 广州 表6 / 表7):
 * their lines of one code are different money, never a pair (each was a "?" that outvoted the real 10,000× pairs:
 * newcomer15 NC15-6).
 */
function disjoint(t: Table, o: Table): boolean {
  const a = SHARE_OF_KIND[t.kind];
  const b = SHARE_OF_KIND[o.kind];
  return !!a && !!b && a !== b;
}

/**
 * Visits the figures of table t that stand for the same money as a figure of another table, in order, until
 * `visit` returns true (most tables are settled by their first pair: an equal figure elsewhere). True when it did.
 */
function somePair(
  report: Report,
  t: Table,
  coded: Map<Table, Coded>,
  visit: (a: Amount, b: Amount, other: Table) => boolean
): boolean {
  // A 单位's figures against the 部门's line of that 单位 (unit-rows.ts): given by the engine for a 单位's set.
  const anchors = ANCHORS.get(report)?.get(t);
  if (anchors) for (const l of anchors) if (visit(l.a, l.b, l.dept)) return true;
  const mine = coded.get(t)!.by;
  const tables = report.tables;
  // A table printing no coded figure (三公, 机关运行经费, most forms of lists) has no code to look up elsewhere.
  for (let i = 0; mine.size > 0 && i < tables.length; i++) {
    const o = tables[i];
    const theirs = o === t || disjoint(t, o) ? undefined : coded.get(o);
    if (!theirs) continue;
    const list = theirs.list;
    for (let j = 0; j < list.length; j++) {
      const e = list[j];
      const a = mine.get(e.system)?.get(e.code);
      if (a && visit(a, e.amount, o)) return true;
    }
  }
  // Tables without codes: their totals against the figure they break down.
  const anchor = (kind: Table["kind"], key: string, other: Table | undefined, otherKey: string) => {
    const a =
      t.kind === kind
        ? (totalRow(t)?.amounts[key] ?? t.rows.find((r) => r.level === 0)?.amounts[key])
        : undefined;
    const b = other && totalRow(other)?.amounts[otherKey];
    return !!(a && b && hasValue(a) && hasValue(b)) && visit(a, b, other!);
  };
  const general = firstOf(report, "general_budget_expenditure");
  return (
    // A part table's 合计 is one part of the 基本支出, never the whole (partPairs).
    (!basicPart(t) && anchor("basic_expenditure_economic", "total", general, "basic")) ||
    // A 一般公共预算支出表 printing 人员经费 | 公用经费 instead of 基本支出 (西安 表5): each against its own.
    anchor("basic_expenditure_economic", "personnel", general, "personnel") ||
    anchor("basic_expenditure_economic", "public", general, "public") ||
    anchor("project_expenditure", "total", firstOf(report, "expenditure_summary"), "project") ||
    partPairs(report, t, general, visit) ||
    splitPairs(t, general, visit) ||
    threePublicPairs(report, t, visit)
  );
}

/**
 * A 基本支出表 printed as two tables, 人员经费 and 公用经费 (basicTables): a part's 合计 is no whole's 基本支出. It stands
 * against the 一般公共预算支出表's column of that part when printed (西安: 人员经费 | 公用经费); else against that
 * table's 基本支出 less the other part's 合计 (one part in 元 under 万元 is then exactly 10,000 times it, the other part
 * not); and, both parts printing one unit, the two 合计s together against that 基本支出 (both in the wrong unit).
 */
function partPairs(
  report: Report,
  t: Table,
  general: Table | undefined,
  visit: (a: Amount, b: Amount, other: Table) => boolean
): boolean {
  const k = basicPart(t);
  // Most tables are no part table: asked of every table, so the workbook's tables are read only for one.
  if (!k) return false;
  const { whole, parts } = basicTables(report);
  const tot5 = general && totalRow(general);
  const a = totalRow(t)?.amounts.total;
  if (!k || whole || parts[k] !== t || !general || !tot5 || !a || !hasValue(a)) return false;
  const own = tot5.amounts[k];
  if (own) return hasValue(own) && visit(a, own, general);
  const basic = tot5.amounts.basic;
  const other = parts[k === "personnel" ? "public" : "personnel"];
  const b = other && totalRow(other)?.amounts.total;
  if (!basic || !hasValue(basic) || !other || !b || !hasValue(b)) return false;
  // Figures in the 一般公共预算支出表's unit, as that table's 基本支出 cell (a derived figure: its cell is the one read).
  const inGeneral = (x: Amount, of: Table) =>
    ((x.value ?? 0) * UNIT_FACTOR[of.unit]) / UNIT_FACTOR[general.unit];
  const rest = { ...basic, value: (basic.value ?? 0) - inGeneral(b, other) };
  if (visit(a, rest, general)) return true;
  return (
    other.unit === t.unit && visit({ ...a, value: (a.value ?? 0) + (b.value ?? 0) }, basic, general)
  );
}

/**
 * A whole 基本支出表 printing its parts as lines, 人员经费合计 and 公用经费合计 (two blocks side by side, the 财政部
 * form; or the split printed as rows): each line against the 一般公共预算支出表's column of that part when printed
 * (西安), and — no 合计 line — the two together against its 基本支出 (before: no figure of such a table was paired,
 * so a table printed in 元 under 单位：万元 went unnoticed and each of its comparisons became an 错误 — fix29a).
 */
function splitPairs(
  t: Table,
  general: Table | undefined,
  visit: (a: Amount, b: Amount, other: Table) => boolean
): boolean {
  if (t.kind !== "basic_expenditure_economic" || basicPart(t)) return false;
  // 人员经费 | 公用经费 columns: their 合计 figures are the anchors above.
  if (t.columns.some((c) => c.key === "personnel" || c.key === "public")) return false;
  const tot5 = general && totalRow(general);
  if (!general || !tot5) return false;
  const lines = (["personnel", "public"] as const).map((k) => {
    const line = basicSplit(t, k);
    return { k, a: line?.amount };
  });
  for (const { k, a } of lines) {
    const own = tot5.amounts[k];
    if (a && own && hasValue(a) && hasValue(own) && visit(a, own, general)) return true;
  }
  // A 合计 line stands against the 基本支出 itself (the anchor above).
  if (totalRow(t) || t.rows.some((r) => r.level === 0)) return false;
  const [p, q] = lines.map((x) => x.a);
  const basic = tot5.amounts.basic;
  if (!p || !q || !hasValue(p) || !hasValue(q) || !basic || !hasValue(basic)) return false;
  // The two lines' sum (a derived figure: the 人员经费合计 cell is the one read).
  return visit({ ...p, value: (p.value ?? 0) + (q.value ?? 0) }, basic, general);
}

/**
 * A “三公” table has no coded rows: its items against the same item of the economic-class table (基本支出, else
 * 一般公共预算 by economic class), by code or standard name — the figures cross.three-public-economic compares. Only
 * an item printed on one economic line is paired (the sum of several is not one figure to be 10,000× off).
 */
function threePublicPairs(
  report: Report,
  t: Table,
  visit: (a: Amount, b: Amount, other: Table) => boolean
): boolean {
  if (t.kind !== "three_public") return false;
  // The whole 基本支出 table, or its part tables (the 三公 lines sit in the 公用经费 one), else the general one.
  const held = basicHeld(report).filter((x) => !x.empty);
  const general = firstOf(report, "general_budget_economic");
  const tables = held.length ? held : general && !general.empty ? [general] : [];
  if (!tables.length) return false;
  for (const [key] of THREE_PUBLIC_ECONOMIC_ITEMS) {
    const r = t.rows.find((x) => x.key === key);
    const a = r && (r.amounts.general ?? r.amounts.total);
    if (!a || !hasValue(a)) continue;
    const econ = tables.find((x) => x.rows.some((y) => threePublicItemOf(x, y) === key));
    if (!econ) continue;
    const lines = econ.rows.filter((x) => x.level > 0 && threePublicItemOf(econ, x) === key);
    const b = lines.length === 1 ? lines[0].amounts.total : undefined;
    if (b && hasValue(b) && visit(a, b, econ)) return true;
  }
  return false;
}

/** Every pair of table t (see somePair). */
function pairsOf(report: Report, t: Table, coded: Map<Table, Coded>): Pair[] {
  const out: Pair[] = [];
  somePair(report, t, coded, (a, b, other) => {
    out.push({ a, b, other });
    return false;
  });
  return out;
}

/** "x": a = 10,000·b; "/": a = b / 10,000; "=": same money; "?" anything else (a real difference). */
function relation(t: Table, p: Pair): "x" | "/" | "=" | "?" {
  return relationOf(t, p.a, p.b, p.other);
}
function relationOf(t: Table, a: Amount, b: Amount, other: Table): "x" | "/" | "=" | "?" {
  if (sameMoney(t, a, b, other)) return "=";
  const A = term(t, a);
  if (verdictOf(A, [term(other, b, RATIO)]) !== "error") return "x";
  if (verdictOf(term(other, b), [term(t, a, RATIO)]) !== "error") return "/";
  return "?";
}

/** relationOf's "=" alone: a of table t and b of table other agree at the rounding interval (corroborated asks only this). */
function sameMoney(t: Table, a: Amount, b: Amount, other: Table): boolean {
  return verdictOf(term(t, a), [term(other, b)]) !== "error";
}

const UNIT_BY_FACTOR = new Map<number, Unit>(
  Object.entries(UNIT_FACTOR).map(([u, f]) => [f, u as Unit])
);

/**
 * The report as the rules should read it: tables whose figures all sit 10,000× off their counterparts get the unit
 * the figures are in, with `unitContradicted` saying what was printed (an exact 10,000× match is no chance); when two
 * tables only contradict each other, the one whose printed unit differs from the workbook's usual unit is the odd one.
 */
export function correctUnits(
  report: Report,
  /**
   * A 单位's set: its figures that the 部门's tables print on a line of that 单位 (unit-rows.ts), in the unit the 部门's
   * own check reads them — figures of a table whose unit is settled, as a table equal to another is.
   */
  links?: ReadonlyArray<UnitLink>
): Report {
  // The engine corrects its per-check copy of the report once; naming.unit-magnitude asks again for the same object.
  let fixed = CORRECTED.get(report);
  if (!fixed) {
    if (links?.length) {
      const by = new Map<Table, UnitLink[]>();
      for (const l of links) by.set(l.unit, [...(by.get(l.unit) ?? []), l]);
      ANCHORS.set(report, by);
    }
    CORRECTED.set(report, (fixed = correctUnitsOf(report)));
  }
  return fixed;
}

const CORRECTED = new WeakMap<Report, Report>();
/** Per report a 单位's set: its tables' figures the 部门 prints on the 单位's lines (correctUnits' links). */
const ANCHORS = new WeakMap<Report, Map<Table, UnitLink[]>>();
/**
 * Per corrected report: tables that only contradict each other 10,000× while the workbook prints each's unit as often
 * (a 单位's 收支总表 in 万元 and its 支出总表 in 元, equal figures): nothing tells which unit is wrong, none is re-read.
 */
const UNDECIDED = new WeakMap<Report, Array<{ t: Table; partners: Table[]; pairs: Pair[] }>>();

function correctUnitsOf(report: Report): Report {
  // Counts (国有资产占用情况表) print no money: never a pair, never rescaled.
  const tables0 = report.tables.filter(
    (t) => t.kind !== "performance_target" && !isQuantityTable(t)
  );
  const coded = new Map(tables0.map((t) => [t, codedTotals(t)]));
  // A table whose figures equal some other table's is in the unit it prints (most tables: decided at the first equal pair).
  const seenEqual = new Map<Table, boolean>();
  // The 部门's tables a 单位's figures are linked to: settled by the 部门's own check.
  const settled = new Set([...(ANCHORS.get(report)?.values() ?? [])].flat().map((l) => l.dept));
  const corroborated = (t: Table) => {
    if (settled.has(t)) return true;
    let v = seenEqual.get(t);
    if (v === undefined) {
      v = coded.has(t) && somePair(report, t, coded, (a, b, other) => sameMoney(t, a, b, other));
      seenEqual.set(t, v);
    }
    return v;
  };
  const rels = new Map<Table, Array<{ p: Pair; rel: ReturnType<typeof relation> }>>();
  for (const t of tables0)
    if (!t.unitContradicted && !corroborated(t))
      rels.set(
        t,
        pairsOf(report, t, coded).map((p) => ({ p, rel: relation(t, p) }))
      );
  const verdicts = new Map<Table, { dir: "x" | "/"; pairs: Pair[] }>();
  for (const [t, rs] of rels) {
    const dirs = rs.filter((x) => x.rel === "x" || x.rel === "/");
    // Scope differences (单位资金, 上年结转) leave some pairs unequal; the 10,000× ones must still be most of them.
    if (!dirs.length || new Set(dirs.map((x) => x.rel)).size !== 1 || dirs.length * 2 < rs.length)
      continue;
    verdicts.set(t, { dir: dirs[0].rel as "x" | "/", pairs: dirs.map((x) => x.p) });
  }
  // A “三公” table no figure of which has a counterpart (no 30217 / 30231 line to pair with): judged by magnitude, else
  // by the sum of its items against the economic line that holds them (sumSlip).
  const magnitude = new Map<Table, Magnitude>();
  const sums = new Map<Table, SumSlip>();
  for (const t of tables0) {
    if (t.kind !== "three_public" || t.empty || t.unitContradicted || verdicts.has(t)) continue;
    if (corroborated(t) || pairsOf(report, t, coded).length) continue;
    const trusted = (o: Table) => !verdicts.has(o) && corroborated(o);
    const m = magnitudeSlip(report, t, trusted);
    if (m) {
      magnitude.set(t, m);
      verdicts.set(t, { dir: "x", pairs: [] });
      continue;
    }
    // Either way: the items without an economic line of their own, together 10,000× (or a 10,000th of) the line
    // they are booked to (万元 figures under 单位：元 are no larger than the department, never caught by magnitude).
    const s = sumSlip(t, threePublicEconomic(report), trusted);
    if (!s) continue;
    sums.set(t, s.sum);
    verdicts.set(t, { dir: s.dir, pairs: [s.pair] });
  }
  if (!verdicts.size) return report;
  const partners = (t: Table) => [...new Set(verdicts.get(t)!.pairs.map((p) => p.other))];
  // Contradicting a table whose figures another table confirms: surely in another unit.
  const sure = [...verdicts.keys()].filter(
    (t) => magnitude.has(t) || sums.has(t) || partners(t).some(corroborated)
  );
  const odd = [
    ...sure,
    ...[...verdicts.keys()].filter(
      (t) =>
        !sure.includes(t) &&
        t.unit !== report.unit &&
        // Only mutually contradicting tables: the odd one prints a unit the rest of the workbook does not — never
        // against a table surely in another unit (a 公用经费 table in 元 under 万元 is no proof against the 三公's).
        partners(t).every((o) => o.unit === report.unit && !sure.includes(o))
    ),
  ];
  // Mutually contradicting tables whose units the workbook prints equally often (a 单位's two tables, one in 万元,
  // one in 元): the usual unit is a coin toss — say so, re-read neither (tester32 T32-2: the correct 支出总表 was
  // re-read and the 单位 spent 360 亿).
  const printed = new Map<Unit, number>();
  for (const t of tables0)
    if (!t.empty && t.unitText) printed.set(t.unit, (printed.get(t.unit) ?? 0) + 1);
  const tied = odd.filter(
    (t) =>
      !sure.includes(t) &&
      (printed.get(t.unit) ?? 0) > 0 &&
      !!report.unit &&
      printed.get(t.unit) === printed.get(report.unit)
  );
  if (tied.length) {
    odd.splice(0, odd.length, ...odd.filter((t) => !tied.includes(t)));
    const undecided = tied.map((t) => ({
      t,
      partners: partners(t),
      pairs: verdicts.get(t)!.pairs,
    }));
    if (!odd.length) {
      UNDECIDED.set(report, undecided);
      return report;
    }
    const out = correctedWith(report, tables0, coded, verdicts, odd, magnitude, sums);
    UNDECIDED.set(out, undecided);
    return out;
  }
  if (!odd.length) return report;
  return correctedWith(report, tables0, coded, verdicts, odd, magnitude, sums);
}

type Magnitude = NonNullable<NonNullable<Table["unitContradicted"]>["magnitude"]>;

/**
 * A “三公” table whose figures cannot be in the unit it prints: its largest figure (the 合计) is more than the
 * department's whole spending (the 收支总表's 支出总计, else the 支出总表's 合计 — a table that agrees with another and
 * is not itself in doubt: `trusted`), while at 1 / 10,000 of it it is within that spending (元 under 单位：万元,
 * tester33 T33-20: 611,000 “万元” in a department of 8,104.46万元 is 61.10万元). Undefined otherwise, and when no unit
 * 10,000 times smaller exists.
 */
function magnitudeSlip(
  report: Report,
  t: Table,
  trusted: (o: Table) => boolean
): Magnitude | undefined {
  if (!UNIT_BY_FACTOR.get(UNIT_FACTOR[t.unit] / RATIO)) return undefined;
  const dept = departmentSpending(report);
  if (!dept || dept.t === t || !trusted(dept.t) || dept.a.value === null) return undefined;
  let top: Amount | undefined;
  for (const r of t.rows)
    for (const [key, a] of Object.entries(r.amounts))
      if (
        !isRateOrChange(key) &&
        hasValue(a) &&
        (!top || Math.abs(a.value!) > Math.abs(top.value!))
      )
        top = a;
  if (!top) return undefined;
  const inYuan = (a: Amount) => Math.abs(a.value!) * UNIT_FACTOR[t.unit];
  const bound = dept.a.value * UNIT_FACTOR[dept.t.unit];
  // Every figure within the spending at 1 / 10,000, the 合计 (when printed) beyond it as printed: the one named.
  if (!(bound > 0) || inYuan(top) <= bound || inYuan(top) / RATIO > bound) return undefined;
  // A printed 合计 within the spending is no slip: one figure typed too large (5 → 50000) is an error of that figure.
  const total = totalRow(t)?.amounts.total;
  if (total && hasValue(total)) {
    if (inYuan(total) <= bound) return undefined;
    top = total;
  }
  return {
    figure: top.value!,
    cell: top.cell,
    what: dept.what,
    bound: dept.a.value,
    boundUnit: dept.t.unit,
    boundCell: dept.a.cell,
  };
}

type SumSlip = NonNullable<NonNullable<Table["unitContradicted"]>["sum"]>;

/** The 基本支出 table(s) that print the economic lines of the 三公 items, else the 一般公共预算 one (threePublicPairs). */
function threePublicEconomic(report: Report): Table[] {
  const held = basicHeld(report).filter((x) => !x.empty);
  const general = firstOf(report, "general_budget_economic");
  return held.length ? held : general && !general.empty ? [general] : [];
}

/** The 其他 line of an economic class (30299 其他商品和服务支出, 31099 其他资本性支出; 50299 / 50399). */
const OTHER_LINE: Record<string, RegExp> = {
  "302": /^其他商品和服务支出$/,
  "502": /^其他商品和服务支出$/,
  "310": /^其他资本性支出$/,
  "503": /^其他资本性支出$/,
};

/**
 * A “三公” table none of whose items has an economic line of its own (the 基本支出表 books 30217 公务接待费 and 30231
 * 公务用车运行维护费 into 30299 其他商品和服务支出): the items of one class (302: 因公出国、接待、运行维护; 310: 购置)
 * together against that class's 其他 line, when they are exactly 10,000 times it (“x”: 元 under 单位：万元) or a
 * 10,000th of it (“/”: 万元 under 单位：元 — the reverse slip, which magnitudeSlip cannot see: such figures are small,
 * never beyond the department's spending). The 其他 line holds more than the 三公 items in most workbooks: a sum that
 * is not exactly 10,000× off it says nothing (never a contradiction), one that is can be no chance. Only against a
 * table that agrees with another (`trusted`).
 */
function sumSlip(
  t: Table,
  econ: Table[],
  trusted: (o: Table) => boolean
): { dir: "x" | "/"; pair: Pair; sum: SumSlip } | undefined {
  if (!econ.length || !econ.every(trusted)) return undefined;
  // By class: the items' classes in either classification (302 | 502, 310 | 503), keyed by the first.
  const byClass = new Map<
    string,
    { classes: readonly string[]; items: Array<{ r: Row; a: Amount }> }
  >();
  for (const [key] of THREE_PUBLIC_ECONOMIC_ITEMS) {
    const r = t.rows.find((x) => x.key === key);
    const a = r && (r.amounts.general ?? r.amounts.total);
    if (!r || !a || !hasValue(a) || a.value === 0) continue;
    // An item printed on a line of its own is paired (threePublicPairs); none is here.
    if (econ.some((o) => o.rows.some((y) => threePublicItemOf(o, y) === key))) return undefined;
    const classes = THREE_PUBLIC_ECONOMIC_CLASSES[key];
    const g = byClass.get(classes[0]) ?? { classes, items: [] };
    g.items.push({ r, a });
    byClass.set(classes[0], g);
  }
  const isOther = (y: Row, classes: readonly string[]) =>
    y.level > 0 &&
    (y.codeSystem === "economic" && y.code
      ? classes.some((c) => y.code === `${c}99`)
      : !y.code && classes.some((c) => OTHER_LINE[c]?.test(labelKey(y.label))));
  for (const { classes, items } of byClass.values()) {
    for (const o of econ) {
      const line = o.rows.find((y) => isOther(y, classes));
      const b = line?.amounts.total;
      if (!line || !b || !hasValue(b)) continue;
      const value = items.reduce((x, i) => x + i.a.value!, 0);
      const decimals = Math.max(...items.map((i) => i.a.decimals));
      // The sum as a derived figure (its first item's cell is the one read), printed to the items' decimals.
      const a: Amount = { ...items[0].a, value: Math.round(value * 1e6) / 1e6, decimals };
      const rel = relationOf(t, a, b, o);
      if (rel !== "x" && rel !== "/") continue;
      return {
        dir: rel,
        pair: { a, b, other: o },
        sum: {
          items: items.map((i) => rowName(i.r)),
          cells: items.map((i) => i.a.cell),
          figure: a.value!,
          line: `${tableName(o)}「${rowName(line)}」`,
          lineFigure: b.value!,
          lineUnit: o.unit,
          lineCell: b.cell,
        },
      };
    }
  }
  return undefined;
}

/** The report with the `odd` tables (and the tables carried along with them) re-read in the unit their figures are in. */
function correctedWith(
  report: Report,
  tables0: Table[],
  coded: Map<Table, Coded>,
  verdicts: Map<Table, { dir: "x" | "/"; pairs: Pair[] }>,
  odd: Table[],
  magnitude: ReadonlyMap<Table, Magnitude> = new Map(),
  sums: ReadonlyMap<Table, SumSlip> = new Map()
): Report {
  const unitOf = (t: Table) => {
    const v = verdicts.get(t)!;
    return UNIT_BY_FACTOR.get(
      v.dir === "x" ? UNIT_FACTOR[t.unit] / RATIO : UNIT_FACTOR[t.unit] * RATIO
    );
  };
  const carried = carriedUnits(report, tables0, coded, new Map(odd.map((t) => [t, unitOf(t)])));
  const tables = report.tables.map((t) => {
    const c = carried.get(t);
    if (c)
      return {
        ...t,
        unit: c.unit,
        unitContradicted: {
          printed: t.unit,
          pairs: c.pairs.length,
          cells: c.pairs.slice(0, 4).flatMap((p) => [p.a.cell, p.b.cell]),
          via: tableKey(c.via),
        },
      };
    if (!odd.includes(t)) return t;
    const v = verdicts.get(t)!;
    const unit = unitOf(t);
    if (!unit) return t;
    return {
      ...t,
      unit,
      unitContradicted: {
        printed: t.unit,
        pairs: v.pairs.length,
        cells: v.pairs.slice(0, 4).flatMap((p) => [p.a.cell, p.b.cell]),
        ...(magnitude.has(t) ? { magnitude: magnitude.get(t) } : {}),
        ...(sums.has(t) ? { sum: sums.get(t) } : {}),
      },
    };
  });
  return { ...report, tables };
}

/** The cell a unit finding cites for a table: its unit line's, else its first. */
function unitCellOf(t: Table): string {
  return t.unitCell ?? `${quoteSheet(t.sheet)}!${t.range.split(":")[0]}`;
}

/** A table's place in the workbook ('sheet'!A1:F30): what `unitContradicted.via` names. */
function tableKey(t: Table): string {
  return `${quoteSheet(t.sheet)}!${t.range}`;
}

/**
 * Tables printing no unit whose figures equal, as printed, those of a table re-read in another unit (a 三公 table in
 * 元 beside a 基本支出表 in 元, the workbook printing 万元 on its first table only: tester31 T31-22). Equal to it, each
 * is in that unit too — before, the equality "confirmed" the printed unit and the 三公 items became 10,000× 错误. Only a
 * table printing no unit of its own, reading the re-read table's printed unit, every pair with a re-read table equal
 * and none equal to a table kept in its unit; carried on along such tables (a chain), each to the first re-read one.
 */
function carriedUnits(
  report: Report,
  tables0: Table[],
  coded: Map<Table, Coded>,
  reread: Map<Table, Unit | undefined>
): Map<Table, { unit: Unit; via: Table; pairs: Pair[] }> {
  const out = new Map<Table, { unit: Unit; via: Table; pairs: Pair[] }>();
  const root = (t: Table): Table => out.get(t)?.via ?? t;
  for (let changed = true; changed;) {
    changed = false;
    for (const t of tables0) {
      if (t.unitText || t.unitContradicted || reread.has(t) || out.has(t) || t.empty) continue;
      const pairs = pairsOf(report, t, coded);
      const moved = (o: Table) => reread.has(o) || out.has(o);
      const mine = pairs.filter((p) => moved(p.other));
      if (!mine.length) continue;
      if (pairs.some((p) => !moved(p.other) && sameMoney(t, p.a, p.b, p.other))) continue;
      const via = root(mine[0].other);
      const unit = reread.get(via) ?? out.get(mine[0].other)?.unit;
      if (
        !unit ||
        mine.some(
          (p) =>
            root(p.other) !== via || p.other.unit !== t.unit || !sameMoney(t, p.a, p.b, p.other)
        )
      )
        continue;
      out.set(t, { unit, via, pairs: mine });
      changed = true;
    }
  }
  return out;
}

export const unitMagnitude = defineRule({
  id: "naming.unit-magnitude",
  category: "naming",
  title: "金额单位与数值量级相符",
  description:
    "表上印的金额单位应与数值的量级一致：一张表中与其他表对应的每个数都恰好是对应数的 10000 倍（或万分之一）时，是单位印错（如金额为元却印“单位：万元”）；只在单位处报一次，其余核对按实际单位进行，不逐个报金额不等。“三公”经费表没有可与其他表逐项对照的科目（经济分类表未列 30217、30231 等）时按量级判断：按所印单位其最大的数（合计）超过部门的全部支出（收支总表支出总计，或支出总表合计），而按万分之一则在其内，同样是单位印错；经济分类表未单列的“三公”各项之和恰好是其所计入的“其他商品和服务支出”（或“其他资本性支出”）行的 10000 倍或万分之一时（如万元的数印在“单位：元”下），也是单位印错。单元格存的是元、而数字格式（如 0!.0000）把它显示为万元时，打印的表并无错误，只提示单元格里存的是元。",
  severity: "warning",
  source: {
    basis: "practice",
    ref: "同一笔资金在各表中金额相同；部门预算公开表统一以万元（或元）为单位并在表头注明",
  },
  check: (report) => {
    const fixed = report.tables.some((t) => t.unitContradicted) ? report : correctUnits(report);
    const tables = fixed.tables.filter((t) => t.kind !== "performance_target" && !t.empty);
    if (tables.length < 2) return [{ status: "na", reason: "只有一张有金额的表，无从比较量级" }];
    const undecided = (UNDECIDED.get(fixed) ?? []).map(undecidedOutcome);
    return [
      ...undecided,
      ...tables.map((t): Outcome => {
        const c = t.unitContradicted;
        // Carried along: reported with the table it equals.
        if (!c || c.via) return { status: "pass" };
        const along = tables.filter((x) => x.unitContradicted?.via === tableKey(t));
        const alongText = along
          .map(
            (x) =>
              `；${tableName(x)}也未印金额单位（按“${x.unitContradicted!.printed}”读），其中 ${x.unitContradicted!.pairs} 个金额与该表对应的金额相同，同样以“${x.unit}”为单位，已按${x.unit}核对`
          )
          .join("");
        const alongCells = along.map(unitCellOf);
        const cell = unitCellOf(t);
        const m = c.magnitude;
        if (m)
          return {
            status: "fail",
            finding: {
              rule: "naming.unit-magnitude",
              severity: "warning",
              message: `${tableName(t)}金额疑以“${t.unit}”为单位（${m.cell.replace(/^.*!/, "")} ${fmt(m.figure)} 合 ${fmt(m.figure / RATIO)}${c.printed}），单位印为“${c.printed}”：按所印单位，该数超过${m.what} ${fmt(m.bound)}${m.boundUnit}（部门的全部支出）；表中各项没有可与其他表逐项对照的科目，按量级判断，已按${t.unit}核对该表${alongText}`,
              cells: [cell, m.cell, m.boundCell, ...alongCells],
              expected: null,
              actual: null,
              difference: null,
            },
          };
        const sum = c.sum;
        if (sum) {
          const items = sum.items.map((x) => `「${x}」`).join("");
          const several = sum.items.length > 1;
          return {
            status: "fail",
            finding: {
              rule: "naming.unit-magnitude",
              severity: "warning",
              message: `${tableName(t)}金额疑以“${t.unit}”为单位，单位印为“${c.printed}”：${items}${several ? "之和" : ""} ${fmt(sum.figure)}${c.printed} 恰好是${sum.line} ${fmt(sum.lineFigure)}${sum.lineUnit}的${UNIT_FACTOR[c.printed] > UNIT_FACTOR[t.unit] ? " 10000 倍" : "万分之一"}——${several ? "这几项" : "该项"}在经济分类表中没有单列、计在该行；表中各项没有可与其他表逐项对照的科目，按此判断，已按${t.unit}核对该表${alongText}`,
              cells: [...new Set([cell, ...sum.cells, sum.lineCell, ...alongCells])],
              expected: null,
              actual: null,
              difference: null,
            },
          };
        }
        const shown = shownInPrintedUnit(t, c.printed);
        if (shown)
          return {
            status: "fail",
            finding: {
              rule: "naming.unit-magnitude",
              severity: "info",
              message: `${tableName(t)}的金额以“${t.unit}”存入单元格，用数字格式显示为“${c.printed}”（如 ${shown.cell.replace(/^.*!/, "")} 存 ${shown.value}，显示 ${shown.text}）：打印的数与其他表一致，已按${t.unit}核对；复制、引用或导入这些单元格时得到的是${t.unit}${alongText}`,
              cells: [shown.cell, ...alongCells],
              expected: null,
              actual: null,
              difference: null,
            },
          };
        return {
          status: "fail",
          finding: {
            rule: "naming.unit-magnitude",
            severity: "warning",
            message: `${tableName(t)}${t.unitText ? `印的单位是“${c.printed}”` : `未印金额单位（按${report.tables.some((x) => x !== t && x.unitText) ? "其他表印的" : "默认的"}“${c.printed}”读）`}，但${c.pairs > 1 ? `其中 ${c.pairs} 个与其他表对应的金额都` : "与其他表对应的金额"}恰好是对应数的 ${UNIT_FACTOR[c.printed] > UNIT_FACTOR[t.unit] ? "10000 倍" : "万分之一"}——金额实际以“${t.unit}”为单位；已按${t.unit}核对该表${alongText}`,
            cells: [cell, ...alongCells, ...c.cells],
            expected: null,
            actual: null,
            difference: null,
          },
        };
      }),
    ];
  },
});

/**
 * Two tables printing different units whose figures are the same numbers, the workbook printing each unit as often:
 * one of the two units is wrong, nothing tells which. Both unit cells cited; neither table re-read.
 */
function undecidedOutcome(x: { t: Table; partners: Table[]; pairs: Pair[] }): Outcome {
  const others = x.partners.filter((o) => o.unit !== x.t.unit);
  const names = others.map((o) => `${tableName(o)}印的是“${o.unit}”`).join("、");
  return {
    status: "fail",
    finding: {
      rule: "naming.unit-magnitude",
      severity: "warning",
      message: `${tableName(x.t)}印的单位是“${x.t.unit}”，${names}，但${x.pairs.length > 1 ? `其中 ${x.pairs.length} 个` : ""}对应的金额数字相同（相差 10000 倍）——两处单位必有一处印错，本工作簿中没有别的表能判断是哪一处，未换算，请核对两表的金额单位`,
      cells: [
        ...new Set([
          unitCellOf(x.t),
          ...others.map(unitCellOf),
          ...x.pairs.slice(0, 4).flatMap((p) => [p.a.cell, p.b.cell]),
        ]),
      ],
      expected: null,
      actual: null,
      difference: null,
    },
  };
}

/**
 * A table whose cells hold amounts in its figures' unit while a number format prints them in the printed unit
 * (23382400 shown as 2338.2400 by 0!.0000: 元 kept, 万元 printed): the first such amount, when every figure of the
 * table is printed so; undefined otherwise. Read from the displayed text, so either host's text serves.
 */
function shownInPrintedUnit(t: Table, printed: Unit): Amount | undefined {
  const ratio = UNIT_FACTOR[printed] / UNIT_FACTOR[t.unit];
  let first: Amount | undefined;
  for (const r of t.rows)
    for (const a of Object.values(r.amounts)) {
      if (a.value === null || a.value === 0 || a.blank) continue;
      const n = Number(a.text.replace(/[,\s]/g, ""));
      if (!Number.isFinite(n) || Math.abs(n * ratio - a.value) > 0.5) return undefined;
      first ??= a;
    }
  return first;
}
