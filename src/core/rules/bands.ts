/**
 * 上年 / 本年 / 增减 bands: which column of a table holds last year's figure, this year's and their change for one
 * caption (合计, 基本支出, 项目支出, a unit of a “三公” table by unit …), and which 增减 columns print the difference
 * 本年 − 上年 (then they add up like the figures they compare: 增减合计 = 增减基本 + 增减项目, a parent's 增减 = Σ its
 * children's) rather than a rate printed without %.
 * Source: 部门预算公开表样各栏的定义（增减 = 本年预算数 − 上年预算数）.
 */
import { isPrior, isRateOrChange, type Row, type Table } from "../model/schema";
import { compare } from "./interval";
import { captionName, term } from "./helpers";

type Col = Table["columns"][number];
export interface ChangeTriple {
  side: string | undefined;
  prior: Col;
  current: Col;
  change: Col;
}

const leafOf = (c: Col) => c.label.split("/").pop() ?? c.label;

/** A column's caption with its band when another column of its side prints the same caption (上年预算数合计, 增减基本支出). */
export function bandedName(t: Table, c: Col): string {
  const leaf = leafOf(c);
  return t.columns.some((x) => x !== c && x.side === c.side && leafOf(x) === leaf)
    ? c.label.split("/").join("")
    : captionName(c.label, c.key);
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
      const v = compare(term(t, cur), [term(t, p), term(t, chg)]).verdict;
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
 * A line whose 增减 figure in this column is left blank although its 上年 and 本年 differ: the table does not state
 * that line's change (a new line: 上年 blank, 增减 blank) — not a change of 0, so no sum of changes can hold it.
 */
export function unstatedChange(t: Table, r: Row, changeKey: string): boolean {
  const c = r.amounts[changeKey];
  if (c && !c.blank) return false;
  const x = changeTriples(t).find((k) => k.change.key === changeKey);
  if (!x) return false;
  const [p, cur] = [r.amounts[x.prior.key], r.amounts[x.current.key]];
  return Math.abs((cur?.value ?? 0) - (p?.value ?? 0)) > 1e-9;
}

/** A column whose figures add up (down the hierarchy, along a line): not a rate, and a 增减 column only when it prints differences. */
export function summable(t: Table, key: string): boolean {
  return !isRateOrChange(key) || (key.startsWith("change") && differenceColumns(t).has(key));
}

/**
 * This year's columns' counterparts in the other bands of a side — 上年, and 增减 when it prints differences: per
 * band, a 本年 column's key → that band's column of the same caption. Only bands that print a counterpart.
 */
export function bandCounterparts(t: Table, side: string | undefined): Array<Map<string, string>> {
  const triples = changeTriples(t).filter((x) => x.side === side);
  if (!triples.length) return [];
  const diff = differenceColumns(t);
  const prior = new Map(triples.map((x) => [x.current.key, x.prior.key]));
  const change = new Map(
    triples.filter((x) => diff.has(x.change.key)).map((x) => [x.current.key, x.change.key])
  );
  return [prior, change].filter((m) => m.size > 0);
}
