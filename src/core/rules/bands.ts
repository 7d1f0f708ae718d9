/**
 * 上年 / 本年 / 增减 bands: which column of a table holds last year's figure, this year's and their change for one
 * caption (合计, 基本支出, 项目支出, a unit of a “三公” table by unit …), and which 增减 columns print the difference
 * 本年 − 上年 (then they add up like the figures they compare: 增减合计 = 增减基本 + 增减项目, a parent's 增减 = Σ its
 * children's) rather than a rate printed without %.
 * Source: 部门预算公开表样各栏的定义（增减 = 本年预算数 − 上年预算数）.
 */
import { isPrior, isRateOrChange, type Row, type Table } from "../model/schema";
import { printedValue, verdictOf } from "./interval";
import { captionName, term } from "./helpers";
import { percentText } from "../grid/amount";

type Col = Table["columns"][number];
export interface ChangeTriple {
  side: string | undefined;
  prior: Col;
  current: Col;
  change: Col;
}

const leafOf = (c: Col) => c.label.split("/").pop() ?? c.label;

/**
 * A column's caption with its band when another column of its side prints the same caption (上年预算数合计, 增减基本支出).
 * In a table printing last year's figures too, the table's own 合计 column printed as its band's 小计 / 合计
 * (2025年预算数/小计 | 基本支出 | 项目支出) is named by the band, 「2025年预算数」: a bare 「小计」 reads like a 小计 row,
 * and says not which year (tester32 T32-24). Without a 上年 column it stays 「合计」 (captionName).
 */
export function bandedName(t: Table, c: Col): string {
  const leaf = leafOf(c);
  const parts = c.label.split("/");
  if (
    c.key === "total" &&
    parts.length > 1 &&
    /^(小计|合计)$/.test(leaf.replace(/\s/g, "")) &&
    t.columns.some((x) => x.side === c.side && isPrior(x.key))
  )
    return parts[parts.length - 2];
  return t.columns.some((x) => x !== c && x.side === c.side && leafOf(x) === leaf)
    ? c.label.split("/").join("")
    : captionName(c.label, c.key);
}

/**
 * 「column」 after a row's name in a message, or nothing where the table has no such printed column: a “三公” table laid
 * across one row (合计 | 因公出国（境）费 | …) prints each item as a column of its own — the row's name is that column —
 * and its one 预算数 column is the importer's, printed nowhere (tester32 T32-9).
 */
export function columnWords(t: Table, c: Col): string {
  const across =
    t.kind === "three_public" &&
    t.columns.length === 1 &&
    c.key === "total" &&
    t.rows.length > 1 &&
    t.rows.every((r) => r.row === t.rows[0].row);
  return across ? "" : `「${bandedName(t, c)}」`;
}

/** Per table object (a table is not changed once read; several rules ask). */
const TRIPLES = new WeakMap<Table, ChangeTriple[]>();
const DIFFERENCES = new WeakMap<Table, Set<string>>();

/**
 * The (上年, 本年, 增减) column triples of a table, per side: prior | total | change, then each further column of last
 * year's — `prior_<key>` with `<key>` and `change_<key>` (the unit columns of a “三公” table by unit), else the columns
 * printing the same caption under 上年 / 本年 / 增减 (上年预算数/基本支出 | 2025年预算数/基本支出 | 增减/基本支出).
 * Empty without a prior | total | change triple.
 */
export function changeTriples(t: Table): ChangeTriple[] {
  let out = TRIPLES.get(t);
  if (out) return out;
  out = [];
  if (t.columns.some((c) => c.key === "prior"))
    for (const side of new Set(t.columns.map((c) => c.side))) {
      const cols = t.columns.filter((c) => c.side === side);
      const get = (k: string) => cols.find((c) => c.key === k);
      const [prior, current, change] = [get("prior"), get("total"), get("change")];
      if (!prior || !current || !change) continue;
      out.push({ side, prior, current, change });
      for (const p of cols) {
        if (p === prior || !isPrior(p.key)) continue;
        const own = p.key.startsWith("prior_") ? get(p.key.slice("prior_".length)) : undefined;
        if (own && !isPrior(own.key) && !isRateOrChange(own.key)) {
          const chg = get(`change_${own.key}`);
          if (chg) out.push({ side, prior: p, current: own, change: chg });
          continue;
        }
        const leaf = leafOf(p);
        const same = (c: Col) => leafOf(c) === leaf && c !== p;
        const cur = cols.find((c) => same(c) && !isPrior(c.key) && !isRateOrChange(c.key));
        const chg = cols.find((c) => same(c) && c.key.startsWith("change"));
        if (cur && chg) out.push({ side, prior: p, current: cur, change: chg });
      }
    }
  TRIPLES.set(t, out);
  return out;
}

/**
 * The 增减 columns (keys) that print the difference 本年 − 上年: 本年 = 上年 + 增减 holds (at least within rounding) on
 * most lines printing all three (a 增减 cell left blank states nothing), counted per column or over the whole 增减
 * band of a side (a unit's column of a “三公” table by unit has a few lines only: one wrong figure among two must not
 * make it a rate). One that disagrees on most lines is a rate printed without %: never checked as a difference, never
 * summed.
 */
export function differenceColumns(t: Table): Set<string> {
  let out = DIFFERENCES.get(t);
  if (out) return out;
  out = new Set();
  const bySide = new Map<string | undefined, { n: number; wrong: number; keys: string[] }>();
  for (const { side, prior, current, change } of changeTriples(t)) {
    let n = 0;
    let wrong = 0;
    for (const r of t.rows) {
      const [p, cur, chg] =
        r.side === side
          ? [r.amounts[prior.key], r.amounts[current.key], r.amounts[change.key]]
          : [];
      if (!p || !cur || !chg || chg.blank) continue;
      n++;
      const v = verdictOf(term(t, cur), [term(t, p), { ...term(t, chg), single: true }]);
      if (v === "error" || v === "blankTotal") wrong++;
    }
    if (n > 0 && wrong * 2 < n) out.add(change.key);
    const band = bySide.get(side) ?? { n: 0, wrong: 0, keys: [] };
    bySide.set(side, {
      n: band.n + n,
      wrong: band.wrong + wrong,
      keys: [...band.keys, change.key],
    });
  }
  for (const { n, wrong, keys } of bySide.values())
    if (n > 0 && wrong * 2 < n) for (const k of keys) out.add(k);
  DIFFERENCES.set(t, out);
  return out;
}

/**
 * The 增减 columns that print the difference the wrong way round — 上年 − 本年 on every line that prints all three
 * (上年 = 本年 + 增减 within rounding), on at least two lines, one of them a change: the formula written =上年−本年,
 * not a rate printed without % (differenceColumns leaves them out). Each with its triple; rules/within.ts
 * within.row-change reports the column once.
 */
export function reversedChangeColumns(t: Table): ChangeTriple[] {
  const differences = differenceColumns(t);
  return changeTriples(t).filter(({ side, prior, current, change }) => {
    if (differences.has(change.key)) return false;
    let n = 0;
    let moved = false;
    for (const r of t.rows) {
      if (r.side !== side) continue;
      const [p, cur, chg] = [r.amounts[prior.key], r.amounts[current.key], r.amounts[change.key]];
      if (!p || !cur || !chg || chg.blank) continue;
      n++;
      const diff = { ...term(t, chg), single: true };
      const back = verdictOf(term(t, p), [term(t, cur), diff]);
      if (back === "error" || back === "blankTotal") return false;
      if (verdictOf(term(t, cur), [term(t, p), diff]) === "error") moved = true;
    }
    return n >= 2 && moved;
  });
}

/**
 * A line whose 增减 figure in this column is left blank although its 上年 and 本年 differ: the table does not state
 * that line's change (a new line: 上年 blank, 增减 blank) — not a change of 0, so no sum of changes can hold it.
 */
export function unstatedChange(t: Table, r: Row, changeKey: string): boolean {
  const c = r.amounts[changeKey];
  if (c && !c.blank) return false;
  const x = changeTriples(t).find((k) => k.change.key === changeKey);
  if (!x) return false;
  const [p, cur] = [r.amounts[x.prior.key], r.amounts[x.current.key]];
  return (cur ? printedValue(cur) : 0) !== (p ? printedValue(p) : 0);
}

/** A column whose figures add up (down the hierarchy, along a line): not a rate, and a 增减 column only when it prints differences. */
export function summable(t: Table, key: string): boolean {
  return !isRateOrChange(key) || (key.startsWith("change") && differenceColumns(t).has(key));
}

/**
 * This year's columns' counterparts in the other bands of a side — 上年, and 增减 when it prints differences: per
 * band, a 本年 column's key → that band's column of the same caption. Only bands that print a counterpart. A 上年 band
 * printed without a 增减 band (2025年执行数 | 2026年预算数, each over 合计 | 基本支出 | 项目支出: newcomer14 NC14-4) has
 * its columns paired by caption all the same (`priorByCaption`), so its lines are checked as this year's.
 */
export function bandCounterparts(t: Table, side: string | undefined): Array<Map<string, string>> {
  const triples = changeTriples(t).filter((x) => x.side === side);
  const prior = new Map(triples.map((x) => [x.current.key, x.prior.key]));
  if (t.columns.some((c) => c.key === "prior")) priorByCaption(t, side, prior);
  if (!triples.length) return prior.size ? [prior] : [];
  const diff = differenceColumns(t);
  const change = new Map(
    triples.filter((x) => diff.has(x.change.key)).map((x) => [x.current.key, x.change.key])
  );
  return [prior, change].filter((m) => m.size > 0);
}

/**
 * Adds to `pairs` (本年 key → 上年 key) each 上年 column of the side not paired yet whose caption one 本年 column of
 * the side prints, and no other 上年 column: 上年预算数/合计 → the side's 合计 (`total`), 上年预算数/基本支出 → 基本支出.
 * A lone 上年预算数 column (no band) pairs with nothing: its caption is its own.
 */
function priorByCaption(t: Table, side: string | undefined, pairs: Map<string, string>): void {
  const cols = t.columns.filter((c) => c.side === side);
  const taken = new Set(pairs.values());
  const priors = cols.filter((c) => isPrior(c.key) && !taken.has(c.key));
  for (const p of priors) {
    const leaf = leafOf(p);
    if (priors.some((o) => o !== p && leafOf(o) === leaf)) continue;
    const now = cols.filter((c) => leafOf(c) === leaf && !isPrior(c.key) && !isRateOrChange(c.key));
    const cur = p.key === "prior" ? cols.find((c) => c.key === "total") : now[0];
    if (!cur || (p.key !== "prior" && now.length !== 1) || leafOf(cur) !== leaf) continue;
    if (!pairs.has(cur.key)) pairs.set(cur.key, p.key);
  }
}

/**
 * A 增减率 column by its caption path: a rate of change from last year (增减率, 增长率, 增幅, 幅度, 变动率, 增长%, 同比增减/幅度,
 * 增减/% …) — never a share (占比, 比重, 构成) nor an execution rate (执行率, 完成率), which divide by something else.
 */
const CHANGE_RATE = /增减|增长|增幅|幅度|变动|变化|比上年|较上年|同比/;
const NOT_CHANGE_RATE = /占|比重|构成|执行率|完成率/;

export interface RateTriple {
  side: string | undefined;
  prior: Col;
  current: Col;
  rate: Col;
}

/**
 * The (上年, 本年, 增减率) columns of a table, per side: the side's 上年 (prior) and 合计 (total) with its one 增减率
 * column. A side printing several rates (one per caption band) is left out: which 上年 each divides by is not printed.
 */
export function rateTriples(t: Table): RateTriple[] {
  const out: RateTriple[] = [];
  for (const side of new Set(t.columns.map((c) => c.side))) {
    const cols = t.columns.filter((c) => c.side === side);
    const prior = cols.find((c) => c.key === "prior");
    const current = cols.find((c) => c.key === "total");
    const rates = cols.filter(
      (c) =>
        c.key.startsWith("ratio") &&
        CHANGE_RATE.test(c.label.replace(/\s/g, "")) &&
        !NOT_CHANGE_RATE.test(c.label)
    );
    if (prior && current && rates.length === 1) out.push({ side, prior, current, rate: rates[0] });
  }
  return out;
}

/** How a rate column prints its rates when its cells carry no % sign: percents (12.50) or fractions (0.1250). */
export type RateScale = "percent" | "fraction";

/**
 * A rate as printed, as a fraction with its rounding half-width: 12.50% (text, or a number shown with a % format) is
 * 0.125 ± 0.00005; a figure without % is a percent or a fraction by `scale`. Undefined for a blank or unreadable cell.
 */
export function printedRate(
  a: Row["amounts"][string],
  scale: RateScale
): { v: number; h: number; sign: boolean } | undefined {
  if (a.blank || a.value === null || a.invalid) return undefined;
  const pct = percentText(a.text);
  if (pct) return { v: pct.value, h: 0.5 * Math.pow(10, -pct.decimals), sign: true };
  const h = 0.5 * Math.pow(10, -a.decimals);
  // Centred on the printed rate (a stored 12.3456 under 0.00 prints 12.35), as amounts are (fixT29a).
  const v = printedValue(a);
  return scale === "percent" ? { v: v / 100, h: h / 100, sign: false } : { v, h, sign: false };
}

/**
 * (本年 − 上年) ÷ 上年 of a line as an interval, each figure anywhere within its printed rounding (½ of its last
 * digit): undefined when 上年 is blank, 0 or below, or within rounding of 0 (no rate can be stated: a blank, -, —,
 * #DIV/0! or 0 are all right).
 */
export function changeRate(
  prior: Row["amounts"][string],
  current: Row["amounts"][string]
): { lo: number; hi: number; mid: number } | undefined {
  if (prior.blank || prior.value === null || prior.invalid || current.invalid) return undefined;
  const hp = 0.5 * Math.pow(10, -prior.decimals);
  // Each figure's interval centred on its printed figure (fixT29a), not on digits nobody sees.
  const pv = printedValue(prior);
  if (pv - hp <= 0) return undefined;
  const c = printedValue(current);
  const hc = current.blank || current.value === null ? 0 : 0.5 * Math.pow(10, -current.decimals);
  const corners = [
    (c - hc) / (pv - hp),
    (c - hc) / (pv + hp),
    (c + hc) / (pv - hp),
    (c + hc) / (pv + hp),
  ];
  return {
    lo: Math.min(...corners) - 1,
    hi: Math.max(...corners) - 1,
    mid: c / pv - 1,
  };
}

/**
 * A printed rate against the computed one: "equal" when their rounding intervals meet, "rounding" when they meet once
 * the printed rate may be off by one unit of its last digit (a rate cut rather than rounded, computed from unrounded
 * figures), else "error".
 */
export function rateVerdict(
  printed: { v: number; h: number },
  computed: { lo: number; hi: number }
): "equal" | "rounding" | "error" {
  const meet = (h: number) =>
    printed.v + h >= computed.lo - 1e-12 && printed.v - h <= computed.hi + 1e-12;
  return meet(printed.h) ? "equal" : meet(3 * printed.h) ? "rounding" : "error";
}

/** The lines of a side that print a rate and have both years' figures: the rate as printed at `scale`, and as computed. */
function rateLines(t: Table, x: RateTriple, scale: RateScale) {
  const out: Array<{
    printed: NonNullable<ReturnType<typeof printedRate>>;
    computed: NonNullable<ReturnType<typeof changeRate>>;
  }> = [];
  for (const r of t.rows) {
    if (r.side !== x.side) continue;
    const [p, c, a] = [r.amounts[x.prior.key], r.amounts[x.current.key], r.amounts[x.rate.key]];
    const printed = a && printedRate(a, scale);
    const computed = p && c && changeRate(p, c);
    if (printed && computed) out.push({ printed, computed });
  }
  return out;
}

/**
 * The scale a rate column prints at (its cells without %): percent or fraction, whichever most lines with a rate
 * agree with; undefined when neither fits most of them (then the column is no rate of change from last year: not
 * checked). Cells with % count for both.
 */
export function rateScale(t: Table, x: RateTriple): RateScale | undefined {
  let best: RateScale | undefined;
  let bestOk = -1;
  let n = 0;
  for (const scale of ["percent", "fraction"] as const) {
    const lines = rateLines(t, x, scale);
    n = lines.length;
    const ok = lines.filter(
      ({ printed, computed }) => rateVerdict(printed, computed) !== "error"
    ).length;
    if (ok > bestOk) [best, bestOk] = [scale, ok];
  }
  return n > 0 && bestOk * 2 > n ? best : undefined;
}

/**
 * How a 增减率 column that is no (本年 − 上年) ÷ 上年 was computed instead, when every line with a rate fits one other
 * form exactly (within rounding, at one scale), on at least two lines, one of them a change: 本年 ÷ 上年 (“ratio”: 81.60
 * for a fall of 18.40 %, the − 1 forgotten) or −(本年 − 上年) ÷ 上年 (“negated”: the sign reversed). Undefined when no
 * form fits every line (a rate of another 口径: not checked).
 */
export function rateMisform(
  t: Table,
  x: RateTriple
): { scale: RateScale; form: "ratio" | "negated" } | undefined {
  const forms = {
    ratio: (c: { lo: number; hi: number }) => ({ lo: c.lo + 1, hi: c.hi + 1 }),
    negated: (c: { lo: number; hi: number }) => ({ lo: -c.hi, hi: -c.lo }),
  };
  for (const form of ["ratio", "negated"] as const)
    for (const scale of ["percent", "fraction"] as const) {
      const lines = rateLines(t, x, scale);
      const fits = lines.every(
        ({ printed, computed }) => rateVerdict(printed, forms[form](computed)) === "equal"
      );
      const moved = lines.some(
        ({ printed, computed }) => rateVerdict(printed, computed) === "error"
      );
      if (fits && lines.length >= 2 && moved) return { scale, form };
    }
  return undefined;
}
