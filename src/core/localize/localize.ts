/**
 * Error localization (Fellegi & Holt, JASA 1976; cf. Statistics Netherlands' errorlocate): the smallest set of
 * printed cells whose change makes every identity — passing and failing — hold within its rounding interval.
 *
 * Violated identities that share a cell form a cluster; each cluster is explained on its own:
 * 1. one cell: every cell of all the cluster's violated identities is tried; it is an explanation when some value
 *    of it satisfies every identity it is a term of (the other figures inside their printed intervals);
 * 2. two cells: every pair that touches each violated identity, solved exactly by eliminating one cell
 *    (Fourier–Motzkin on two unknowns);
 * 3. more cells: a mixed-integer model (`mip.ts`, HiGHS) when a solver is given and time is left.
 * Among explanations of the fewest cells the least trusted wins (`trustWeight`); equal weights are ties, reported
 * as alternatives. 尾差 identities are never violated, so never localized, but a change must keep them holding.
 * A budget counted in work (`work.ts`: cells and pairs tried), not time, bounds the search, so a workbook gets the same
 * causes on every run; clusters not reached stay plain findings (status "budget"). A wall-clock cap guards far
 * slower machines.
 */
import type { CheckedIdentity, Finding } from "../rules/rule";
import { roundingAllowance, UNIT_FACTOR } from "../rules/interval";
import { residual } from "../rules/identity";
import { columnLetter, inArea, parseRef, quoteSheet } from "../grid/address";
import {
  boundsOn,
  cellsOf,
  constraintsOn,
  EPS,
  intervalOf,
  pick,
  type CellIndex,
  type CellInfo,
  type Constraint,
} from "./problem";
import type { Cause, Localization, Suspect } from "./cause";
import { solveClusters, type MipSolver } from "./mip";
import { WORK_BUDGET, WorkBudget } from "./work";

export interface LocalizeOptions {
  /** Tries for the whole localization (work.ts: WORK_BUDGET); past them the remaining clusters stay plain findings. */
  work?: number;
  /**
   * Wall-clock cap in milliseconds, a guard for machines far slower than the one WORK_BUDGET was measured on: the
   * work budget ends a search first (~2 s there). Default 8000.
   */
  budgetMs?: number;
  /** HiGHS (or any solver of the same interface) for clusters that need three cells or more. */
  solver?: MipSolver;
  /** Clock in ms (Date.now by default); injectable for tests of the budget. */
  now?: () => number;
  /** Clusters whose pair search would try more pairs than this skip it. Default 20,000. */
  maxPairs?: number;
  /** Parts of tables on other sheets than their first (CheckResult.joined): whole-table causes take them with their table. */
  joined?: ReadonlyArray<{ sheet: string; range: string; table: string }>;
}

type Rel = Suspect["relation"];
type Solution = { cells: string[]; values: number[]; weight: number; relations?: Rel[] };
/**
 * How a suspect's correction is told: "=" (应为) for a figure an identity fixes; a bound (应不少于 / 应不超过) for one only
 * inequalities limit — on the side the printed figure lies beyond, when both are finite (`value`: the printed figure).
 */
const relOf = (lo: number, hi: number, exact = true, value = 0): Rel =>
  Number.isFinite(lo) && Number.isFinite(hi)
    ? exact
      ? "="
      : value < lo
        ? "≥"
        : value > hi
          ? "≤"
          : "="
    : Number.isFinite(lo)
      ? "≥"
      : "≤";

/** Clusters of violated identities (indexes), linked by shared cells; in order of their first identity. */
export function clustersOf(identities: ReadonlyArray<CheckedIdentity>): number[][] {
  const violated: number[] = [];
  for (let i = 0; i < identities.length; i++)
    if (identities[i].status === "violated" && !identities[i].soft) violated.push(i);
  const parent = new Map<number, number>(violated.map((i) => [i, i]));
  const find = (i: number): number => (parent.get(i) === i ? i : find(parent.get(i)!));
  const owner = new Map<string, number>();
  for (const i of violated)
    for (const t of identities[i].terms) {
      const o = owner.get(t.cell);
      if (o === undefined) owner.set(t.cell, i);
      else parent.set(find(i), find(o));
    }
  const groups = new Map<number, number[]>();
  for (const i of violated) {
    const r = find(i);
    if (!groups.has(r)) groups.set(r, []);
    groups.get(r)!.push(i);
  }
  return [...groups.values()];
}

function single(
  x: CellInfo,
  identities: ReadonlyArray<CheckedIdentity>,
  cells: CellIndex
): Solution | undefined {
  const cs = [...constraintsOn([x.ref], identities, cells), ...boundsOn([x.ref], cells)].map(
    (c) => ({ a: c.a[0], lo: c.lo, hi: c.hi, eq: c.eq })
  );
  const iv = intervalOf(cs);
  if (iv.lo > iv.hi + EPS) return undefined;
  return {
    cells: [x.ref],
    values: [pick(iv.lo, iv.hi, x, iv.exact, iv.nominal)],
    weight: x.weight,
    relations: [relOf(iv.lo, iv.hi, iv.exact, x.value)],
  };
}

/** Two free cells: eliminate y (Fourier–Motzkin), pick x, then y. */
function pair(
  x: CellInfo,
  y: CellInfo,
  identities: ReadonlyArray<CheckedIdentity>,
  cells: CellIndex
): Solution | undefined {
  const cs = [
    ...constraintsOn([x.ref, y.ref], identities, cells),
    ...boundsOn([x.ref, y.ref], cells),
  ];
  const onX: Array<{ a: number; lo: number; hi: number; eq?: boolean; s?: number }> = [];
  // y ≥ p + q·x (lower) or y ≤ p + q·x (upper); then the identity "=" it comes from (its index in cs, else −1) and
  // its rounding allowance in y
  const lower: Array<[number, number, number, number]> = [];
  const upper: Array<[number, number, number, number]> = [];
  let yExact = false;
  cs.forEach((c: Constraint, i) => {
    const [a, b] = c.a;
    if (b === 0) {
      onX.push({ a, lo: c.lo, hi: c.hi, eq: c.eq, s: c.s });
      return;
    }
    if (c.eq) yExact = true;
    const from = c.eq ? i : -1;
    const slack = (c.s ?? 0) / Math.abs(b);
    const lo: [number, number, number, number] | undefined = Number.isFinite(c.lo)
      ? [c.lo / b, -a / b, from, slack]
      : undefined;
    const hi: [number, number, number, number] | undefined = Number.isFinite(c.hi)
      ? [c.hi / b, -a / b, from, slack]
      : undefined;
    if (b > 0) {
      if (lo) lower.push(lo);
      if (hi) upper.push(hi);
    } else {
      if (hi) lower.push(hi);
      if (lo) upper.push(lo);
    }
  });
  // p1 + q1·x ≤ p2 + q2·x  ⇔  (q1 − q2)·x ≤ p2 − p1; two identities "=" on y fix x
  for (const [p1, q1, e1, s1] of lower)
    for (const [p2, q2, e2, s2] of upper)
      onX.push({
        a: q1 - q2,
        lo: -Infinity,
        hi: p2 - p1,
        eq: e1 >= 0 && e2 >= 0 && e1 !== e2,
        s: s1 + s2,
      });
  const ix = intervalOf(onX);
  if (ix.lo > ix.hi + EPS * Math.max(1, Math.abs(ix.lo))) return undefined;
  const yAt = (xv: number) => {
    const lo = Math.max(...lower.map(([p, q]) => p + q * xv));
    const hi = Math.min(...upper.map(([p, q]) => p + q * xv));
    return { lo, hi };
  };
  let xv = pick(ix.lo, ix.hi, x, ix.exact, ix.nominal);
  let iy = yAt(xv);
  if (iy.lo > iy.hi + EPS) {
    xv =
      Number.isFinite(ix.lo) && Number.isFinite(ix.hi)
        ? (ix.lo + ix.hi) / 2
        : Number.isFinite(ix.lo)
          ? ix.lo
          : ix.hi;
    iy = yAt(xv);
  }
  return {
    cells: [x.ref, y.ref],
    values: [xv, pick(iy.lo, iy.hi, y, yExact)],
    weight: x.weight + y.weight,
    relations: [relOf(ix.lo, ix.hi, ix.exact, x.value), relOf(iy.lo, iy.hi, yExact, y.value)],
  };
}

const fmtIn = (fen: number, c: CellInfo) =>
  (fen / (UNIT_FACTOR[c.unit] * 100)).toFixed(Math.max(0, c.decimals));
/**
 * A figure as the findings print it (fmt: 万元 and 亿元 to 2 decimals at least), so that a cause and the findings it
 * explains say one figure alike: "110.00", not "110.0" for a table whose General figures show one decimal at most
 * (tester31 T31-15).
 */
const fmtSaid = (fen: number, c: CellInfo) =>
  (fen / (UNIT_FACTOR[c.unit] * 100)).toFixed(
    c.unit === "元" ? Math.max(0, c.decimals) : Math.max(2, c.decimals)
  );

function suspectOf(ref: string, value: number, cells: CellIndex, relation: Rel = "="): Suspect {
  const c = cells.get(ref)!;
  const f = UNIT_FACTOR[c.unit] * 100;
  const round = (x: number) =>
    Math.round((x / f) * Math.pow(10, c.decimals + 2)) / Math.pow(10, c.decimals + 2);
  return {
    cell: ref,
    printed: c.blank ? null : round(c.value),
    value: round(value),
    unit: c.unit,
    decimals: c.decimals,
    relation,
  };
}

function describe(s: Suspect[], cells: CellIndex): string {
  return s
    .map((x) => {
      const c = cells.get(x.cell)!;
      const should = x.relation === "=" ? "应为" : x.relation === "≤" ? "应不超过" : "应不少于";
      const now = x.printed !== null ? fmtSaid(c.value, c) : c.words ? `文字“${c.words}”` : "空";
      return `${x.cell}（现为 ${now}，${should} ${fmtSaid(x.value * UNIT_FACTOR[c.unit] * 100, c)}${c.unit}）`;
    })
    .join("、");
}

/** The most cells a MIP cause may name; a larger group of changes is dropped (its findings stay plain). */
export const MIP_MAX_CAUSE_CELLS = 10;

/** Tied explanations the message spells out (the most likely first); the rest are counted ("另有 N 种可能"). */
const SHOWN_TIES = 3;

/** A's and b's digits (no sign, no point) differ by one typing slip: one digit changed, two adjacent swapped, one dropped or added. */
function typingSlip(a: string, b: string): boolean {
  if (a === b) return false;
  if (a.length === b.length) {
    const diff = [...a].map((ch, k) => (ch === b[k] ? -1 : k)).filter((k) => k >= 0);
    return (
      diff.length === 1 ||
      (diff.length === 2 &&
        diff[1] === diff[0] + 1 &&
        a[diff[0]] === b[diff[1]] &&
        a[diff[1]] === b[diff[0]])
    );
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  return (
    long.length === short.length + 1 &&
    [...long].some((_ch, k) => long.slice(0, k) + long.slice(k + 1) === short)
  );
}

/**
 * How unlikely a tied explanation is as a reviewer would judge it (lower first): an exchange (cells set back to each
 * other's printed figures) costs least; a correction below zero, a figure
 * put into an empty cell, a token amount (under one unit of the table: "应为 0.01元"), a less round figure than the
 * printed one cost more; a correction one typing slip away from the printed figure (6009903 → 6009930) or to a
 * rounder figure costs less. Only orders ties: every one of them satisfies the identities equally.
 */
function implausibility(sol: Solution, cells: CellIndex): number {
  // A sign reversed in a column that may be negative (增减) is no correction below zero: it restores the printed digits.
  const flip = signFlip(sol, cells);
  let score = exchange(sol, cells) ? -4 : flip ? -3 : 0;
  sol.cells.forEach((ref, k) => {
    const c = cells.get(ref)!;
    const v = sol.values[k];
    const unit = UNIT_FACTOR[c.unit] * 100;
    if (v < -EPS && !flip) score += 4;
    if ((c.blank || c.value === 0) && Math.abs(v) > EPS) score += 2;
    if (Math.abs(v) > EPS && Math.abs(v) < unit) score += 2;
    // A bound (应不超过 1320.40) is no figure anyone typed: its digits say nothing of a slip.
    if ((sol.relations?.[k] ?? "=") !== "=") return;
    const digits = (fen: number) => fmtIn(Math.abs(fen), c).replace(".", "");
    if (!c.blank && typingSlip(digits(c.value), digits(v))) score -= 1;
    // A correction to a rounder figure (100.27 → 100.00) restores what was typed over; one to a less round figure
    // (12.30 → 12.03) invents precision.
    if (!c.blank && c.value !== 0 && Math.abs(v) > EPS)
      score += Math.sign(zeros(c.value) - zeros(v));
  });
  return score;
}

/**
 * The changed cells take each other's printed figures (two or more, each corrected to the figure another of them
 * prints): figures typed in each other's place, every total over them right. It invents no figure, so among as many
 * cells it is the likeliest story (tester31 T31-26: 公务接待费 and 公务用车运行费 exchanged, said after "raise the 合计").
 */
function exchange(sol: Solution, cells: CellIndex): boolean {
  if (sol.cells.length < 2) return false;
  const cs = sol.cells.map((ref) => cells.get(ref)!);
  if (cs.some((c) => c.blank)) return false;
  return sol.values.every((v, k) =>
    cs.some(
      (o, j) => j !== k && Math.abs(o.value - v) <= Math.max(o.halfWidth, cs[k].halfWidth) + EPS
    )
  );
}

/**
 * One figure set to its own printed figure with the sign reversed (a 增减额 of −2.0012 for 2.0012, tester32 T32-17):
 * the same digits, nothing invented — likelier than any other single figure that makes the same identities hold.
 */
function signFlip(sol: Solution, cells: CellIndex): boolean {
  if (sol.cells.length !== 1) return false;
  const c = cells.get(sol.cells[0])!;
  return (
    !c.blank && Math.abs(c.value) > EPS && Math.abs(sol.values[0] + c.value) <= c.halfWidth + EPS
  );
}

/** Trailing zeros of an amount in 分 (a round figure has many). */
function zeros(fen: number): number {
  let n = Math.round(Math.abs(fen));
  let k = 0;
  while (n > 0 && n % 10 === 0) {
    n /= 10;
    k++;
  }
  return k;
}

/**
 * What a tie's change does to the soft identities its cells are terms of (Identity.soft: cross.functional-economic-pairs'
 * 功能 项 ≤ 经济 款, a form's 实施期 = 年度), which the search never takes as constraints: `broken`, those that hold as
 * printed and would fail after it (lowering 30108 below the 2080505 it equals raises a new 警告: tester34 T34-3);
 * `agreed`, those it makes hold exactly that did not (30113 493 → 393, the 2210201 住房公积金 printed beside it).
 */
function softEffect(
  sol: Solution,
  identities: ReadonlyArray<CheckedIdentity>,
  cells: CellIndex
): { broken: number; agreed: number } {
  let broken = 0;
  let agreed = 0;
  const ids = new Set<number>();
  for (const ref of sol.cells) for (const i of cells.softOf(ref)) ids.add(i);
  for (const i of ids) {
    const id = identities[i];
    const sum = cells.sumOf(i);
    let after = sum.r;
    sol.cells.forEach((ref, k) => {
      const t = cells.termOf(i, ref);
      if (t) after += t.coefficient * (sol.values[k] - cells.get(ref)!.value);
    });
    const s = sum.tolerance + roundingAllowance(sum.s1, sum.s2) + EPS;
    const holdsAfter = id.relation === "eq" ? Math.abs(after) <= s : after <= s;
    if (id.status !== "violated" && !holdsAfter) broken++;
    let finest = Infinity;
    for (const t of id.terms) if (!t.blank && t.halfWidth < finest) finest = t.halfWidth;
    const exact = (r: number) => Math.abs(r) <= (Number.isFinite(finest) ? finest : 0) + EPS;
    if (!exact(sum.r) && exact(after)) agreed++;
  }
  return { broken, agreed };
}

/**
 * How a change is told, cell by cell, when only inequalities bind it: every "=" identity its cells are terms of keeps
 * its figure (the changes cancel in it: a purchase lowered with its 合计, or with a second line raised), so no equality
 * fixes how far it goes, and some "≤" identity moves — a ≤ finding (表12's 采购金额 over 表11's project: tester34
 * T34-4). Each figure is then a bound: 应不超过 the value for a figure lowered, 应不少于 for one raised. Else undefined:
 * the search's own relations (an equality fixes the figure: 应为).
 */
function boundsOf(
  sol: Solution,
  identities: ReadonlyArray<CheckedIdentity>,
  cells: CellIndex
): Rel[] | undefined {
  // Figures set back to each other's (two lines exchanged): each is the figure another prints, 应为 that one.
  if (exchange(sol, cells)) return undefined;
  const deltas = sol.cells.map((ref, k) => sol.values[k] - cells.get(ref)!.value);
  if (deltas.some((d) => Math.abs(d) <= EPS)) return undefined;
  const ids = new Set<number>();
  for (const ref of sol.cells) for (const i of cells.get(ref)!.identities) ids.add(i);
  let inequality = false;
  for (const i of ids) {
    let moved = 0;
    sol.cells.forEach((ref, k) => {
      const term = cells.termOf(i, ref);
      if (term) moved += term.coefficient * deltas[k];
    });
    if (Math.abs(moved) <= EPS * Math.max(1, ...deltas.map(Math.abs))) continue;
    if (identities[i].relation === "eq") return undefined;
    inequality = true;
  }
  return inequality ? deltas.map((d): Rel => (d < 0 ? "≤" : "≥")) : undefined;
}

/**
 * A ≤ finding names the figure that exceeds (Σ coefficient·figure ≤ 0: the terms of positive coefficient — 表12's
 * 采购金额) against the one the rule measures it by (negative: 表11's project, which agrees with its 小计 and 表3 / 表5):
 * a change that raises the measure rather than lowering the figure that exceeds it is the less likely (T34-4).
 */
function raisesMeasure(
  sol: Solution,
  identities: ReadonlyArray<CheckedIdentity>,
  cells: CellIndex
): boolean {
  return sol.cells.some((ref) =>
    cells.get(ref)!.identities.some((i) => {
      const id = identities[i];
      return (
        id.relation === "le" &&
        id.status === "violated" &&
        (cells.termOf(i, ref)?.coefficient ?? 0) < 0
      );
    })
  );
}

function causeOf(
  best: Solution[],
  method: Cause["method"],
  explains: number[],
  cells: CellIndex,
  identities: ReadonlyArray<CheckedIdentity>
): Cause {
  // The most plausible tie first (stable: equal keys keep their order), so the first suspects are the ones to check:
  // a change that breaks no rule passing now before one that does (each tie satisfies every identity the search
  // keeps, not the soft ones), then the least implausible — a change that brings a figure into exact agreement with
  // the one another table prints for the same money counting as likelier.
  const scored = best
    .map((x) => {
      // Bounds where only inequalities bind the change (a pair's second cell too: the 采购 合计 over a purchase that
      // exceeds its project is 应不超过, not 应为 one figure); else the search's own relations.
      const rel = boundsOf(x, identities, cells);
      const b = rel ? { ...x, relations: rel } : x;
      const soft = softEffect(b, identities, cells);
      const score =
        implausibility(b, cells) - 2 * soft.agreed + (raisesMeasure(b, identities, cells) ? 2 : 0);
      return { b, broken: soft.broken, score };
    })
    .sort((x, y) => x.broken - y.broken || x.score - y.score);
  const ranked = scored.map((x) => x.b);
  const last = scored[scored.length - 1];
  const ordered =
    scored.length > 1 &&
    (scored[0].broken < last.broken ||
      (scored[0].broken === last.broken && scored[0].score < last.score));
  const all = ranked.map((b) =>
    b.cells.map((ref, k) => suspectOf(ref, b.values[k], cells, b.relations?.[k]))
  );
  const [first, ...rest] = all;
  // Cells every tied explanation shares are said once; the differing ones as "A 或 B", the first few only.
  const same = (x: Suspect, y: Suspect) => x.cell === y.cell && x.value === y.value;
  const common = first.filter((x) => all.every((s) => s.some((y) => same(x, y))));
  const varying = all.map((s) => s.filter((x) => !common.some((y) => same(x, y))));
  const notes = [
    ...(ordered ? ["较可能的在前"] : []),
    ...(all.length > SHOWN_TIES ? [`另有 ${all.length - SHOWN_TIES} 种可能未列出`] : []),
  ].join("，");
  let text: string;
  const swap = !rest.length && sameSheet(first) ? exchangedPairs(first) : undefined;
  // A sign reversed is said as such, before any tie (the others each invent a figure).
  const flipped = signFlip(ranked[0], cells)
    ? `${first[0].cell} 符号疑写反（正负号相反，数字不变）`
    : "";
  if (flipped)
    text =
      `${flipped}：${describe(first, cells)}` +
      (rest.length
        ? `；也可能是 ${rest
            .slice(0, SHOWN_TIES - 1)
            .map((s) => describe(s, cells))
            .join(
              " 或 "
            )}${all.length > SHOWN_TIES ? `（另有 ${all.length - SHOWN_TIES} 种可能未列出）` : ""}`
        : "");
  else if (swap?.length === 1) text = `${exchangeWords(swap)}：${describe(first, cells)}`;
  else if (!rest.length)
    text = `${describe(first, cells)}${first.length > 1 ? "同时有误" : "疑有误"}`;
  else if (common.length && varying.every((v) => v.length === 1))
    text = `${describe(common, cells)}疑有误，且以下之一同时有误${notes ? `（${notes}）` : ""}：${varying
      .slice(0, SHOWN_TIES)
      .map((v) => describe(v, cells))
      .join(" 或 ")}`;
  else
    text = `${all
      .slice(0, SHOWN_TIES)
      .map((s) => describe(s, cells))
      .join(" 或 ")}疑有误（无法区分，请核对${notes ? `；${notes}` : ""}）`;
  return {
    suspects: first,
    alternatives: rest,
    explains,
    weight: ranked[0].weight,
    method,
    message: `${text}，可解释 ${explains.length} 条不一致`,
  };
}

/**
 * The value of x that settles most of the violated identities it is a term of while keeping every other identity
 * it is a term of holding: the point inside all the passing identities' intervals covered by most violated ones.
 */
function bestPoint(
  x: CellInfo,
  open: Set<number>,
  identities: ReadonlyArray<CheckedIdentity>,
  cells: CellIndex
): { value: number; settled: number[]; rel: Rel } | undefined {
  const cs = constraintsOn([x.ref], identities, cells);
  // x.identities is ascending without repeats (CellIndex); cs has one constraint per identity x has a coefficient in.
  const ids: number[] = [];
  for (const i of x.identities) if (cells.termOf(i, x.ref)?.nonzero) ids.push(i);
  if (cs.length !== ids.length) return undefined;
  const must: Array<{ a: number; lo: number; hi: number }> = [];
  const want: Array<{ i: number; lo: number; hi: number }> = [];
  for (let k = 0; k < cs.length; k++) {
    const c = cs[k];
    if (open.has(ids[k])) {
      const iv = intervalOf([{ a: c.a[0], lo: c.lo, hi: c.hi }]);
      want.push({ i: ids[k], lo: iv.lo, hi: iv.hi });
    } else if (identities[ids[k]].status !== "violated")
      must.push({ a: c.a[0], lo: c.lo, hi: c.hi });
  }
  for (const b of boundsOn([x.ref], cells)) must.push({ a: b.a[0], lo: b.lo, hi: b.hi });
  const p = intervalOf(must);
  if (p.lo > p.hi + EPS || !want.length) return undefined;
  // Sweep the endpoints of the wanted intervals, clipped to the mandatory one: the first point covered by most.
  let best = 0;
  let most = 0;
  for (const w of want)
    for (let side = 0; side < 2; side++) {
      const end = side ? w.hi : w.lo;
      if (!Number.isFinite(end)) continue;
      const v = Math.min(Math.max(end, p.lo), p.hi);
      let n = 0;
      for (const u of want) if (u.lo <= v + EPS && v <= u.hi + EPS) n++;
      if (n > most) ((most = n), (best = v));
    }
  if (!most) return undefined;
  const settled: number[] = [];
  let lo = p.lo;
  let hi = p.hi;
  for (const w of want)
    if (w.lo <= best + EPS && best <= w.hi + EPS) {
      settled.push(w.i);
      lo = Math.max(lo, w.lo);
      hi = Math.min(hi, w.hi);
    }
  return { value: pick(lo, hi, x), settled, rel: relOf(lo, hi) };
}

/** The distinct cells of the identities' terms, in order of first appearance. */
function cellsIn(ids: ReadonlyArray<number>, identities: ReadonlyArray<CheckedIdentity>): string[] {
  const out = new Set<string>();
  for (const i of ids) for (const t of identities[i].terms) out.add(t.cell);
  return [...out];
}

/**
 * A cluster no one or two cells explain may still hold a separate one-cell error beside a larger one (a typo in a
 * table that also disagrees as a whole). Peeling takes, one at a time, the cell whose best value (`bestPoint`)
 * settles most violated identities — at least two, or the only one it is in — while keeping every passing
 * identity it is a term of; then the least trusted; equal cells are a tie. The rest goes on to the table step.
 */
function peel(
  cluster: number[],
  identities: ReadonlyArray<CheckedIdentity>,
  cells: CellIndex,
  work: WorkBudget,
  inTime: () => boolean
): { peeled: Array<{ best: Solution[]; fixed: number[] }>; rest: number[] } {
  let rest = [...cluster];
  const peeled: Array<{ best: Solution[]; fixed: number[] }> = [];
  while (inTime()) {
    const open = new Set(rest);
    const found: Array<{ s: Solution; fixed: number[] }> = [];
    for (const ref of cellsIn(rest, identities)) {
      const c = cells.get(ref)!;
      work.charge();
      const b = bestPoint(c, open, identities, cells);
      if (!b) continue;
      let inOpen = 0;
      for (const i of c.identities) if (open.has(i)) inOpen++;
      if (!(b.settled.length >= 2 || b.settled.length === inOpen)) continue;
      found.push({
        s: { cells: [ref], values: [b.value], weight: c.weight, relations: [b.rel] },
        fixed: b.settled,
      });
    }
    if (!found.length) break;
    const most = Math.max(...found.map((f) => f.fixed.length));
    const top = found.filter((f) => f.fixed.length === most);
    const best = lightest(top.map((f) => f.s));
    const fixed = [...new Set(top.filter((f) => best.includes(f.s)).flatMap((f) => f.fixed))];
    peeled.push({ best, fixed });
    rest = rest.filter((i) => !fixed.includes(i));
  }
  return { peeled, rest };
}

const sheetOf = (ref: string) => ref.slice(0, ref.lastIndexOf("!"));

/**
 * The table a cell belongs to, named by its sheet as refs print it: the cell's sheet, or for a part of a 续表 printed
 * on another sheet, the sheet its table starts on (a wrong figure there is its table's, not "表6（续） 整表").
 */
function tableOfCell(joined: LocalizeOptions["joined"]): (ref: string) => string {
  if (!joined?.length) return sheetOf;
  const parts = joined.map((j) => ({
    sheet: quoteSheet(j.sheet),
    area: parseRef(j.range),
    table: quoteSheet(j.table),
  }));
  const known = new Map<string, string>();
  return (ref) => {
    let table = known.get(ref);
    if (table === undefined) {
      const sheet = sheetOf(ref);
      const at = parts.some((p) => p.sheet === sheet) ? parseRef(ref) : undefined;
      table = (at && parts.find((p) => p.sheet === sheet && inArea(p.area, at))?.table) ?? sheet;
      known.set(ref, table);
    }
    return table;
  };
}

/**
 * A whole table from elsewhere (another department's, another year's): it agrees with itself — its own identities
 * hold, so no one or two cells explain the disagreement — while several of its figures disagree with the other
 * tables. Fellegi–Holt would change most of the table; the reviewer is better told "this table", with the figures
 * the other tables require. A table (`tableOf`: its sheet, its 续表's parts on other sheets included) qualifies with
 * ≥ 2 violated cross-table identities and no violated identity of its own; the one covering most is taken first (an
 * exact tie lists both as alternatives).
 */
function tableCauses(
  left: number[][],
  identities: ReadonlyArray<CheckedIdentity>,
  cells: CellIndex,
  explainsOf: (ids: number[]) => number[],
  tableOf: (ref: string) => string
): { causes: Cause[]; left: number[][] } {
  // Per identity, the table of each term (in the terms' order) and its distinct tables (in order of first
  // appearance), made once: every step below reads them again.
  const termTables = new Map<number, string[]>();
  const distinct = new Map<number, string[]>();
  const termTablesOf = (i: number): string[] => {
    let ts = termTables.get(i);
    if (!ts) termTables.set(i, (ts = identities[i].terms.map((t) => tableOf(t.cell))));
    return ts;
  };
  const tablesOf = (i: number): string[] => {
    let ts = distinct.get(i);
    if (!ts) distinct.set(i, (ts = [...new Set(termTablesOf(i))]));
    return ts;
  };
  // ([] as number[]).concat: Array.prototype.flat is a slow generic path in V8.
  let open = ([] as number[]).concat(...left);
  const internal = new Set<string>();
  for (const i of open) if (tablesOf(i).length === 1) internal.add(tablesOf(i)[0]);
  // A disagreement that involves a table already contradicting itself (a class line that is not the sum of its items)
  // is that table's: it says nothing against the other table, which is not blamed for it — also when the figure
  // compared is not the contradicted one but a sum over it (表3's 20805 formula leaves out a 项: 20805 breaks its
  // own sum, 208 and 合计 follow it and disagree with 收支总表 and 收入总表, which are right: m57).
  let aside = open.filter(
    (i) => tablesOf(i).length > 1 && tablesOf(i).some((t) => internal.has(t))
  );
  open = open.filter((i) => !tablesOf(i).some((t) => internal.has(t)));
  // A table whose disagreeing figures another table prints alike (a cross-table identity of theirs holds with one
  // other figure in it — blanks aside: the same figure twice) is not the odd one out: the table it disagrees with is.
  // A sum that holds across tables (表7's 基本支出 = 表5's 人员经费 + 公用经费) vouches for the sum, not for each of its
  // parts (they may be swapped).
  const twins = new Map<string, boolean>();
  const twinned = (ref: string) => {
    let twin = twins.get(ref);
    if (twin === undefined) twins.set(ref, (twin = isTwinned(ref)));
    return twin;
  };
  const isTwinned = (ref: string) =>
    (cells.get(ref)?.weight ?? 1) > 1 &&
    cells.get(ref)!.identities.some((i) => {
      const id = identities[i];
      if (id.status !== "holds" || id.relation !== "eq") return false;
      const others = id.terms.filter((t) => t.cell !== ref && !t.blank && t.value !== 0);
      if (others.length !== 1 || tableOf(others[0].cell) === tableOf(ref)) return false;
      const finest = Math.min(...id.terms.filter((t) => !t.blank).map((t) => t.halfWidth));
      return Math.abs(residual(id)) <= (Number.isFinite(finest) ? finest : 0) + 1e-6;
    });
  /** The distinct cells of the identities' terms in `sheet`, in order of first appearance. */
  const cellsOfTable = (sheet: string, covered: number[]): string[] => {
    const refs = new Set<string>();
    for (const i of covered) {
      const ts = termTablesOf(i);
      identities[i].terms.forEach((t, k) => {
        if (ts[k] === sheet) refs.add(t.cell);
      });
    }
    return [...refs];
  };
  const corroborated = (sheet: string, covered: number[]) =>
    cellsOfTable(sheet, covered).every(twinned);
  const picked: Array<{ sheet: string; covered: number[]; tied: string[] }> = [];
  for (;;) {
    const cover = new Map<string, number[]>();
    for (const i of open) {
      const sheets = tablesOf(i);
      if (sheets.length < 2) continue;
      for (const sh of sheets) {
        if (internal.has(sh)) continue;
        const c = cover.get(sh);
        if (c) c.push(i);
        else cover.set(sh, [i]);
      }
    }
    // Two tables disagreeing only with each other (表5 vs 表4 on two lines) are told apart by the disagreements set
    // aside above on the same lines of one of them (表4's lines against a 收支总表 contradicting itself elsewhere):
    // three tables outvote one (tester32 T32-13). Those disagreements are then the picked table's too.
    const seconded = new Map<string, number[]>();
    const secondedOf = (sh: string, c: number[]) => {
      let x = seconded.get(sh);
      if (!x) {
        const lines = new Set(cellsOfTable(sh, c).map((ref) => parseRef(ref).r0));
        seconded.set(
          sh,
          (x = aside.filter((i) => {
            const ts = termTablesOf(i);
            const mine = identities[i].terms.filter((_t, k) => ts[k] === sh);
            return mine.length > 0 && mine.every((t) => lines.has(parseRef(t.cell).r0));
          }))
        );
      }
      return x;
    };
    const ranked = [...cover.entries()]
      .filter(([sh, c]) => c.length >= 2 && !corroborated(sh, c))
      .sort(
        (a, b) =>
          b[1].length - a[1].length || secondedOf(b[0], b[1]).length - secondedOf(a[0], a[1]).length
      );
    if (!ranked.length) break;
    const [sheet, mainly] = ranked[0];
    const same = ranked.filter(
      ([sh, c]) => sh !== sheet && c.length === mainly.length && c.every((i) => mainly.includes(i))
    );
    const tied = same
      .filter(([sh, c]) => secondedOf(sh, c).length === secondedOf(sheet, mainly).length)
      .map(([sh]) => sh);
    // Only where they told the two apart (a table picked on its own is told by its own disagreements).
    const extra = same.length && !tied.length ? secondedOf(sheet, mainly) : [];
    const covered = [...mainly, ...extra];
    aside = aside.filter((i) => !extra.includes(i));
    picked.push({ sheet, covered, tied });
    open = open.filter((i) => !covered.includes(i));
  }
  const suspectSheets = new Set(picked.flatMap((p) => [p.sheet, ...p.tied]));
  const suspectsIn = (sheet: string, covered: number[]): Suspect[] => {
    const refs = cellsOfTable(sheet, covered);
    const mineOf = (ref: string) => covered.filter((i) => cells.termOf(i, ref));
    // 1. The figure the other tables require: from the identities whose other side is outside every suspected sheet.
    const pinned = new Map<string, { value: number; rel: Rel }>();
    for (const ref of refs) {
      const trusted = mineOf(ref).filter((i) => {
        const ts = termTablesOf(i);
        return identities[i].terms.every((t, k) => t.cell === ref || !suspectSheets.has(ts[k]));
      });
      if (!trusted.length) continue;
      const iv = intervalOf(
        constraintsOn([ref], identities, cells, new Set(trusted)).map((c) => ({
          a: c.a[0],
          lo: c.lo,
          hi: c.hi,
        }))
      );
      if (iv.lo <= iv.hi + EPS)
        pinned.set(ref, { value: pick(iv.lo, iv.hi, cells.get(ref)!), rel: relOf(iv.lo, iv.hi) });
    }
    // 2. A figure only a sum with pinned figures of its own table ties to the others (表7's 基本支出 = 表5's 人员经费 +
    // 公用经费, 人员经费 pinned by 表7's): read with the pinned figures in place; one that then agrees as printed is not
    // suspected (the 公用经费 beside a wrong 人员经费 is not "应为" anything).
    const out: Suspect[] = [];
    for (const ref of refs) {
      const c = cells.get(ref)!;
      const p = pinned.get(ref);
      if (p) {
        out.push(suspectOf(ref, p.value, cells, p.rel));
        continue;
      }
      const mine = mineOf(ref);
      const others = [
        ...new Set(mine.flatMap((i) => identities[i].terms.map((t) => t.cell))),
      ].filter((x) => x !== ref && pinned.has(x));
      const cs = constraintsOn([ref, ...others], identities, cells, new Set(mine)).map((k) => {
        const shift = others.reduce((acc, o, j) => acc + k.a[j + 1] * pinned.get(o)!.value, 0);
        return { a: k.a[0], lo: k.lo - shift, hi: k.hi - shift };
      });
      const iv = intervalOf(cs.filter((k) => k.a !== 0));
      if (
        others.length &&
        iv.lo - c.halfWidth <= c.value + EPS &&
        c.value <= iv.hi + c.halfWidth + EPS
      )
        continue;
      const ok = iv.lo <= iv.hi + EPS;
      out.push(
        suspectOf(ref, ok ? pick(iv.lo, iv.hi, c) : c.value, cells, ok ? relOf(iv.lo, iv.hi) : "=")
      );
    }
    return out;
  };
  /**
   * What a table that agrees with itself but not with the others looks like, as a reviewer names it: two whole columns
   * exchanged, two figures exchanged (two lines of a column, two cells of a line), one line's figures off by one
   * amount with the 款 / 类 / 合计 above them following it — else a whole table from elsewhere. `short`: the same for
   * a tied alternative.
   */
  const shapeOf = (
    sheet: string,
    suspects: Suspect[],
    others: string[] = []
  ): { what: string; short: string; suspects: Suspect[]; listed?: string; whole?: boolean } => {
    const n = suspects.length;
    const swap = swappedColumns(suspects, cells);
    if (swap)
      return {
        what: `${sheet} ${swap[0]} 列与 ${swap[1]} 列的数疑整列互换（表头未动：表内自洽，但 ${n} 个数与其他表不一致）`,
        short: `${sheet} ${swap[0]} 列与 ${swap[1]} 列整列互换`,
        suspects,
        whole: true,
      };
    const pairs = exchangedPairs(suspects);
    if (pairs)
      return {
        what: `${exchangeWords(pairs)}（表内合计不变，但与其他表不一致）`,
        short: exchangeWords(pairs, true),
        suspects: pairs.flat(),
      };
    const moved = movedBetween(suspects);
    if (moved) {
      const [from, to] = moved;
      const c0 = cells.get(from.cell)!;
      const amount = fmtSaid(((from.printed ?? 0) - from.value) * UNIT_FACTOR[c0.unit] * 100, c0);
      const at = (s: Suspect) => s.cell.slice(s.cell.lastIndexOf("!") + 1);
      const against = others.length ? `与 ${others.join("、")} ` : "与其他表";
      return {
        what:
          `${sheet} ${at(from)} 与 ${at(to)} 两栏的划分疑${against}不一致：${at(from)} 多 ${amount}${c0.unit}、` +
          `${at(to)} 少 ${amount}${c0.unit}，方向相反（两数之和不变，表内自洽）`,
        short: `${sheet} ${at(from)} 与 ${at(to)} 划分不同`,
        suspects: [from, to],
      };
    }
    const found = followingChain(sheet, suspects);
    if (found) {
      const at = (s: Suspect) => s.cell.slice(s.cell.lastIndexOf("!") + 1);
      const s0 = found.origin[0];
      const c0 = cells.get(s0.cell)!;
      const d = (s0.printed ?? 0) - s0.value;
      const amount = fmtSaid(Math.abs(d) * UNIT_FACTOR[c0.unit] * 100, c0);
      const below = linesBelow(found, d);
      const chain = below?.unique ?? found;
      const origin = chain.origin.map(at).join("、");
      if (below?.groups)
        return {
          what:
            `${sheet} ${below.groups} 疑${d > 0 ? "多" : "少"} ${amount}${c0.unit}${below.beside}，其上级合计 ` +
            `${[...chain.origin, ...chain.following].map(at).join("、")} 随之${d > 0 ? "多" : "少"}计` +
            "（一处错误：各级合计表内自洽，但与其他表不一致）",
          short: `${sheet} ${below.groups} ${d > 0 ? "多" : "少"} ${amount}${c0.unit}`,
          suspects: [...chain.origin, ...chain.following],
        };
      const more = d > 0 ? "多" : "少";
      const twin = chain.following.length ? twinOf(chain, d) : undefined;
      const follow = chain.following
        .filter((x) => !twin?.following.includes(x))
        .map(at)
        .join("、");
      const beside = twin
        ? `；同行 ${twin.origin.map(at).join("、")} 亦${more} ${amount}${c0.unit}` +
          (twin.following.length
            ? `，其上级合计 ${twin.following.map(at).join("、")} 随之${more}计`
            : "")
        : "";
      return {
        what:
          `${sheet} ${origin} 疑${chain.origin.length > 1 ? "各" : ""}${more} ${amount}${c0.unit}` +
          (chain.following.length
            ? `，其上级合计 ${follow} 随之${more}计${beside}（一处错误：表内自洽，但与其他表不一致）`
            : "（表内自洽，但与其他表不一致）"),
        short: `${sheet} ${origin} ${more} ${amount}${c0.unit}`,
        suspects: [
          ...chain.origin,
          ...chain.following.filter((x) => !twin?.following.includes(x)),
          ...(twin ? [...twin.origin, ...twin.following] : []),
        ],
        listed: [...chain.origin, ...(twin?.origin ?? [])]
          .map((x) => describe([x], cells))
          .join("、"),
      };
    }
    return {
      what: `${sheet} 整表疑与其他表不符（表内自洽，但 ${n} 个数与其他表不一致，可能用错了表）`,
      short: `${sheet} 整表有误`,
      suspects,
      whole: true,
    };
  };
  const lineOf = (ref: string) => `${sheetOf(ref)}!${parseRef(ref).r0}`;
  /**
   * The parts of each holding sum of `sheet` with `ref` as the sum (sumIdentity: its first term): `down`, on other lines
   * of its column (a 小计 over its projects); else on its own line (合计 = 基本支出 + 项目支出).
   */
  const sumsOver = (ref: string, sheet: string, down: boolean): string[][] => {
    const c = cells.get(ref);
    if (!c) return [];
    const col = parseRef(ref).c0;
    const out: string[][] = [];
    for (const i of c.identities) {
      const id = identities[i];
      if (id.status !== "holds" || id.relation !== "eq" || id.soft) continue;
      const me = id.terms[0];
      if (me.cell !== ref || !me.coefficient) continue;
      const parts = id.terms.slice(1).filter((t) => t.coefficient);
      if (
        parts.length &&
        parts.every(
          (t) =>
            t.coefficient === -me.coefficient &&
            tableOf(t.cell) === sheet &&
            (down
              ? parseRef(t.cell).c0 === col && lineOf(t.cell) !== lineOf(ref)
              : lineOf(t.cell) === lineOf(ref))
        )
      )
        out.push(parts.map((t) => t.cell));
    }
    return out;
  };
  /**
   * Whether `ref` may be off by `fen` (分, + printed too high) with its sums following: kept ≥ 0 after the change, and
   * printed alike by no other table (a holding comparison with another table would break).
   */
  const mayBeOff = (ref: string, fen: number, sheet: string) => {
    const c = cells.get(ref);
    if (!c) return false;
    if (c.nonNegative && c.value - fen < -c.halfWidth - EPS) return false;
    return !c.identities.some((i) => {
      const id = identities[i];
      return (
        id.status === "holds" &&
        id.relation === "eq" &&
        !id.soft &&
        id.terms.some((t) => tableOf(t.cell) !== sheet)
      );
    });
  };
  /**
   * The column that moved with a chain (tester33 T33-18): the chain's line is the sum of figures of its own line (合计 =
   * 基本支出 + 项目支出) none of which is named, and exactly one of them may be off by the same amount — then it is
   * (the line's sum holds), with the sums over it on the chain's lines (基本支出 F11 with F10、F9、F5 beside 合计 E11
   * with E10、E9、E5), those not named already. Undefined when no such column, or two could be.
   */
  const twinOf = (
    chain: { origin: Suspect[]; following: Suspect[] },
    d: number
  ): { origin: Suspect[]; following: Suspect[] } | undefined => {
    const sheet = tableOf(chain.origin[0].cell);
    const c0 = cells.get(chain.origin[0].cell)!;
    const fen = d * UNIT_FACTOR[c0.unit] * 100;
    const named = new Set([...chain.origin, ...chain.following].map((s) => s.cell));
    const cols = new Set(chain.origin.map((s) => parseRef(s.cell).c0));
    const open: Array<{ sum: string; parts: string[] }> = [];
    for (const o of chain.origin)
      for (const parts of sumsOver(o.cell, sheet, false))
        if (!parts.some((x) => cols.has(parseRef(x).c0))) open.push({ sum: o.cell, parts });
    if (open.length !== 1) return undefined;
    const { sum, parts } = open[0];
    const may = parts.filter((x) => mayBeOff(x, fen, sheet));
    if (may.length !== 1) return undefined;
    const x = may[0];
    const col = parseRef(sum).c0;
    const letter = columnLetter(parseRef(x).c0);
    const changed = (ref: string) => suspectOf(ref, cells.get(ref)!.value - fen, cells);
    // Its sums: on the chain's lines, in the chain's order (one named already, the 合计 line's 基本支出, is told here).
    const following: Suspect[] = [];
    for (const f of chain.following) {
      const p = parseRef(f.cell);
      if (p.c0 !== col) continue;
      const ref = `${f.cell.slice(0, f.cell.lastIndexOf("!"))}!${letter}${p.r0 + 1}`;
      const known = chain.following.find((s) => s.cell === ref);
      if (known) following.push(known);
      else if (named.has(ref) || !mayBeOff(ref, fen, sheet)) return undefined;
      else following.push(changed(ref));
    }
    return { origin: [changed(x)], following };
  };
  /**
   * Below a chain whose origin is itself a sum (the 合计 line of a 项目支出表, a 类 line: the only figures another table
   * compares), the table agreeing with itself: 合计 = Σ 小计 and each 小计 = Σ its projects hold, so the figure off lies
   * on a line under it, the sums between following it (tester34 T34-5). Each level's parts are those of a holding sum
   * of the table in the origin's columns (the same line in every one of them) that can be off by the amount (a figure
   * kept ≥ 0 not raised by more than it prints; none that another table prints alike: it would break that agreement).
   * One such line down to a line that is no sum: `unique`, the chain from it. Several: `groups`, the lines named under
   * their sums ("C7（上级合计 C6）或 C9、C10 中某行（上级合计 C8）"), the origin following. Undefined: no line under it.
   */
  const linesBelow = (
    chain: { origin: Suspect[]; following: Suspect[] },
    d: number
  ):
    | { unique?: { origin: Suspect[]; following: Suspect[] }; groups?: string; beside: string }
    | undefined => {
    const sheet = tableOf(chain.origin[0].cell);
    const c0 = cells.get(chain.origin[0].cell)!;
    const fen = d * UNIT_FACTOR[c0.unit] * 100;
    /** The parts of the holding sum down the column with `ref` as the sum; undefined if none or two differing. */
    const partsOf = (ref: string): string[] | undefined => {
      const all = sumsOver(ref, sheet, true);
      if (!all.length) return undefined;
      return all.every((p) => p.length === all[0].length && p.every((x) => all[0].includes(x)))
        ? all[0]
        : undefined;
    };
    const may = (ref: string) => mayBeOff(ref, fen, sheet);
    /** The lines under `line` (its cells in the origin's columns, in their order) that may be off. */
    const under = (line: string[]): string[][] | undefined => {
      const each = line.map(partsOf);
      if (each.some((x) => !x)) return undefined;
      const rows = each[0]!
        .map(lineOf)
        .filter((l) => each.every((ps) => ps!.some((x) => lineOf(x) === l)));
      return rows
        .map((l) => each.map((ps) => ps!.find((x) => lineOf(x) === l)!))
        .filter((cellsOfLine) => cellsOfLine.every(may));
    };
    // Every path down to a line that is no sum: [the lines between, the line].
    const paths: string[][][] = [];
    const walk = (line: string[], between: string[][]): boolean => {
      const next = under(line);
      // A sum none of whose parts may be off is not off either (its sum holds): no path through it.
      if (next && !next.length) return true;
      if (!next) {
        paths.push([...between, line]);
        return paths.length <= 40;
      }
      if (between.length >= 8) return false;
      return next.every((l) => walk(l, [...between, line]));
    };
    const top = chain.origin.map((s) => s.cell);
    const first = under(top);
    if (!first || !first.every((l) => walk(l, [])) || !paths.length) return undefined;
    const at = (ref: string) => ref.slice(ref.lastIndexOf("!") + 1);
    const changed = (ref: string) => suspectOf(ref, cells.get(ref)!.value - fen, cells);
    const row = (ref: string) => parseRef(ref).r0;
    const col = (ref: string) => parseRef(ref).c0;
    if (paths.length === 1) {
      const path = paths[0];
      const leaf = path[path.length - 1];
      const at0 = row(leaf[0]);
      const following = [
        ...path.slice(0, -1).flat().map(changed),
        ...chain.origin,
        ...chain.following,
      ].sort(
        (a, b) =>
          col(a.cell) - col(b.cell) || Math.abs(row(a.cell) - at0) - Math.abs(row(b.cell) - at0)
      );
      return {
        unique: { origin: leaf.map(changed).sort((a, b) => col(a.cell) - col(b.cell)), following },
        beside: "",
      };
    }
    // Several: the lines named in the origin's first column, under the sums between (the nearest first).
    const groups = new Map<string, { lines: string[]; sums: string[] }>();
    for (const path of paths) {
      const sums = path
        .slice(0, -1)
        .map((l) => l[0])
        .reverse();
      const key = sums.join("|");
      const g = groups.get(key);
      if (g) g.lines.push(path[path.length - 1][0]);
      else groups.set(key, { lines: [path[path.length - 1][0]], sums });
    }
    if (groups.size > 4) return undefined;
    const words = [...groups.values()].map(({ lines, sums }) => {
      const named =
        lines.length === 1
          ? at(lines[0])
          : lines.length <= 4
            ? `${lines.map(at).join("、")} 中某行`
            : `${at(lines[0])} 至 ${at(lines[lines.length - 1])} 中某行`;
      return sums.length ? `${named}（上级合计 ${sums.map(at).join("、")}）` : named;
    });
    const others = [...new Set(top.slice(1).map((r) => columnLetter(col(r))))];
    return {
      groups: words.join(" 或 "),
      beside: others.length ? `（同行 ${others.join("、")} 列亦然）` : "",
    };
  };
  /**
   * One figure off by an amount with the sums over it following (a 项 line raised, its 款, 类 and 合计 raised alike:
   * the table agrees with itself). Every suspect is off by the same amount; a suspect follows another when a holding
   * identity of the table has it as the sum (its coefficient's sign alone) and the other among the parts. The origin:
   * the suspects that follow none, all on one line; the rest follow it. Undefined when the suspects are not so.
   */
  const followingChain = (
    sheet: string,
    suspects: Suspect[]
  ): { origin: Suspect[]; following: Suspect[] } | undefined => {
    if (!suspects.length || suspects.some((s) => s.printed === null)) return undefined;
    const tol = (s: Suspect) => 0.5 * Math.pow(10, -s.decimals) + 1e-9;
    const off = (s: Suspect) => (s.printed ?? 0) - s.value;
    const d = off(suspects[0]);
    if (Math.abs(d) <= tol(suspects[0])) return undefined;
    // A bound (应不超过 a 类 of 表4, when the 政府性基金 table is compared line by line only from one side) is off by the
    // same amount when the figure lies beyond it on the side of the raise.
    if (suspects.some((s) => s.relation !== "=" && s.relation !== (d > 0 ? "≤" : "≥")))
      return undefined;
    if (suspects.some((s) => Math.abs(off(s) - d) > 2 * tol(s))) return undefined;
    const by = new Map(suspects.map((s) => [s.cell, s]));
    const follows = new Set<string>();
    // Suspects that are the sum of a suspect line above or below (a 款 over its 项), not only of a line's columns.
    const sums = new Set<string>();
    for (const s of suspects)
      for (const i of cells.get(s.cell)!.identities) {
        const id = identities[i];
        if (id.status === "violated" || id.relation !== "eq" || id.soft) continue;
        if (id.terms.some((t) => tableOf(t.cell) !== sheet)) continue;
        const me = id.terms.find((t) => t.cell === s.cell);
        if (!me || !me.coefficient) continue;
        const others = id.terms.filter((t) => t.cell !== s.cell && t.coefficient);
        if (
          !others.length ||
          others.some((t) => Math.sign(t.coefficient) === Math.sign(me.coefficient))
        )
          continue;
        // A sum of one part (a 类 over its only 款, a 款 over its only 项: 221 住房保障支出 = 22102 = 2210201) reads
        // both ways; the sum is the identity's first term (sumIdentity: total − part), the part follows nothing by it.
        if (others.length === 1 && id.terms[0].cell !== s.cell) continue;
        const parts = others.filter((t) => by.has(t.cell));
        if (!parts.length) continue;
        follows.add(s.cell);
        const c = parseRef(s.cell).c0;
        if (parts.some((t) => parseRef(t.cell).c0 === c)) sums.add(s.cell);
      }
    // A suspect following none on a sum line (the 合计 line's 基本支出, the 项 lines of its column not compared) is that
    // line's share of the same raise: the origin is the one line whose suspects are no sum of other lines.
    const row = (s: Suspect) => parseRef(s.cell).r0;
    const sumRows = new Set(suspects.filter((s) => sums.has(s.cell)).map(row));
    const roots = suspects.filter((s) => !follows.has(s.cell) && !sumRows.has(row(s)));
    if (!roots.length || roots.some((s) => row(s) !== row(roots[0]))) return undefined;
    const at = row(roots[0]);
    const col = (s: Suspect) => parseRef(s.cell).c0;
    // The line's figures, then the sums over it: column by column, the nearest line first.
    const origin = suspects.filter((s) => row(s) === at).sort((a, b) => col(a) - col(b));
    const following = suspects
      .filter((s) => row(s) !== at)
      .sort((a, b) => col(a) - col(b) || Math.abs(row(a) - at) - Math.abs(row(b) - at));
    return { origin, following };
  };
  const causes = picked.map(({ sheet, covered, tied }) => {
    const suspects = suspectsIn(sheet, covered);
    const alternatives = tied.map((sh) => suspectsIn(sh, covered));
    const list = (ss: Suspect[]) =>
      ss
        .slice(0, 6)
        .map((x) => describe([x], cells))
        .join("、") + (ss.length > 6 ? ` 等 ${ss.length} 处` : "");
    const explains = explainsOf(covered);
    const against = [...new Set(covered.flatMap((i) => tablesOf(i)).filter((t) => t !== sheet))];
    const shape = shapeOf(sheet, suspects, against);
    const alt = tied.length
      ? `；也可能是 ${tied.map((sh, k) => shapeOf(sh, alternatives[k]).short).join(" 或 ")}`
      : "";
    return {
      suspects: shape.suspects,
      alternatives,
      explains,
      weight: suspects.reduce((s, x) => s + cells.get(x.cell)!.weight, 0),
      method: "table" as const,
      // The sheet suspected as a whole (审核结果: 整张表), not where a few of its figures are exchanged or follow one.
      ...(shape.whole ? { sheet } : {}),
      message: `${shape.what}：${shape.listed ?? list(shape.suspects)}${alt}，可解释 ${explains.length} 条不一致`,
    };
  });
  const done = new Set(picked.flatMap((p) => p.covered));
  return { causes, left: left.map((c) => c.filter((i) => !done.has(i))).filter((c) => c.length) };
}

/**
 * An amount moved between two figures of one line (人员经费 → 公用经费, the line's total unchanged): two suspects of
 * one line, off by opposite amounts. Returns [the one printed too high, the one printed too low], or undefined.
 */
function movedBetween(suspects: Suspect[]): [Suspect, Suspect] | undefined {
  if (suspects.length !== 2) return undefined;
  const [a, b] = suspects;
  if (a.relation !== "=" || b.relation !== "=" || a.printed === null || b.printed === null)
    return undefined;
  if (parseRef(a.cell).r0 !== parseRef(b.cell).r0 || sheetOf(a.cell) !== sheetOf(b.cell))
    return undefined;
  const tol = 0.5 * Math.pow(10, -Math.min(a.decimals, b.decimals)) + 1e-9;
  const [da, db] = [a.printed - a.value, b.printed - b.value];
  if (Math.abs(da) <= tol || Math.abs(da + db) > 2 * tol) return undefined;
  // Not an exchange of the two figures (两数疑互换 says that better).
  if (Math.abs(a.printed - b.value) <= tol && Math.abs(b.printed - a.value) <= tol)
    return undefined;
  return da > 0 ? [a, b] : [b, a];
}

const sameSheet = (ss: Suspect[]) => ss.every((x) => sheetOf(x.cell) === sheetOf(ss[0].cell));

/**
 * Exchanged pairs as a reviewer names them, after their sheet: "F10 与 F12 两行金额疑对调" (lines of one column, or
 * of several columns alike), "G10 与 H10 两数疑互换" (one line), "… 的数疑两两互换" (else). `short`: for a tie.
 */
function exchangeWords(pairs: Array<[Suspect, Suspect]>, short = false): string {
  const at = (s: Suspect) => s.cell.slice(s.cell.lastIndexOf("!") + 1);
  const row = (x: Suspect) => parseRef(x.cell).r0;
  const [a0, b0] = pairs[0];
  const twoRows = pairs.every(
    ([a, b]) =>
      row(a) === row(a0) &&
      row(b) === row(b0) &&
      row(a) !== row(b) &&
      parseRef(a.cell).c0 === parseRef(b.cell).c0
  );
  const kind = twoRows ? "两行金额疑对调" : pairs.length === 1 ? "两数疑互换" : "的数疑两两互换";
  const named = pairs.map(([a, b]) => `${at(a)} 与 ${at(b)}`).join("、");
  return `${sheetOf(a0.cell)} ${named}${kind.startsWith("的") ? "" : " "}${short ? kind.replace("疑", "") : kind}`;
}

/**
 * Figures exchanged in pairs (two lines' amounts in a column, two cells of one line): every suspect has a partner among
 * them, in its column or on its line, whose printed figure is the suspect's required one and the other way round.
 * Returns the pairs (in the suspects' order), or undefined.
 */
function exchangedPairs(suspects: Suspect[]): Array<[Suspect, Suspect]> | undefined {
  if (suspects.length < 2 || suspects.length % 2) return undefined;
  const near = (a: number, b: number, dec: number) =>
    Math.abs(a - b) < 0.5 * Math.pow(10, -dec) + 1e-9;
  const fits = (a: Suspect, b: Suspect) => {
    if (a.relation !== "=" || b.relation !== "=" || a.printed === null || b.printed === null)
      return false;
    if (near(a.printed, b.printed, Math.min(a.decimals, b.decimals))) return false;
    const [pa, pb] = [parseRef(a.cell), parseRef(b.cell)];
    if (pa.r0 !== pb.r0 && pa.c0 !== pb.c0) return false;
    const dec = Math.min(a.decimals, b.decimals);
    return near(a.value, b.printed, dec) && near(b.value, a.printed, dec);
  };
  const used = new Set<number>();
  const out: Array<[Suspect, Suspect]> = [];
  for (let i = 0; i < suspects.length; i++) {
    if (used.has(i)) continue;
    const j = suspects.findIndex((b, k) => k > i && !used.has(k) && fits(suspects[i], b));
    if (j < 0) return undefined;
    used.add(i).add(j);
    out.push([suspects[i], suspects[j]]);
  }
  return out;
}

/**
 * Two columns whose figures the other tables want the other way round, row by row (人员经费 and 公用经费, 基本支出 and
 * 项目支出, 一般公共预算 and 政府性基金 pasted into each other's column, headers kept): all suspects lie in those two
 * columns, at least one row has both as suspects, and every suspect's required value is the printed figure beside it
 * in the other column — a suspect or not (other tables check only some rows of a column: 政府性基金 only on its own
 * codes, a 基本 / 项目 split often only on the 合计 line). Returns the column letters.
 */
function swappedColumns(suspects: Suspect[], cells: CellIndex): [string, string] | undefined {
  const at = suspects.map((s) => {
    const p = parseRef(s.cell);
    return { s, row: p.r0, col: p.c0 };
  });
  const cols = [...new Set(at.map((x) => x.col))].sort((a, b) => a - b);
  if (cols.length !== 2 || at.length < 2) return undefined;
  const cellAt = new Map(at.map((x) => [`${x.row}:${x.col}`, x.s]));
  const letters = cols.map(columnLetter);
  let both = false;
  const ok = at.every(({ s, row, col }) => {
    const otherCol = col === cols[0] ? cols[1] : cols[0];
    const other = cellAt.get(`${row}:${otherCol}`);
    if (other) both = true;
    const ref = s.cell.replace(/![A-Z]+(\d+)$/, `!${columnLetter(otherCol)}$1`);
    const c = other ? undefined : cells.get(ref);
    const beside = other
      ? (other.printed ?? 0)
      : c && !c.blank
        ? c.value / (UNIT_FACTOR[c.unit] * 100)
        : c
          ? 0
          : undefined;
    return beside !== undefined && Math.abs(s.value - beside) < 0.5 * Math.pow(10, -s.decimals);
  });
  return ok && both ? [letters[0], letters[1]] : undefined;
}

/**
 * Two cells that together explain a cluster: x from its violated identities; y a term of every violated identity x
 * is not, or (when x is in all of them) a term of one of x's own identities — a cell elsewhere frees nothing x needs.
 */
function pairs(
  cluster: number[],
  identities: ReadonlyArray<CheckedIdentity>,
  cells: CellIndex,
  maxPairs: number,
  work: WorkBudget,
  inTime: () => boolean
): Solution[] {
  const cands = [...new Set(cluster.flatMap((i) => identities[i].terms.map((t) => t.cell)))].map(
    (r) => cells.get(r)!
  );
  const order = new Map(cands.map((c, k) => [c.ref, k]));
  const sols: Solution[] = [];
  let tried = 0;
  for (let i = 0; i < cands.length && tried < maxPairs && inTime(); i++) {
    const x = cands[i];
    const missed = cluster.filter((k) => !cells.termOf(k, x.ref));
    const ys = missed.length
      ? identities[missed[0]].terms
          .map((t) => t.cell)
          .filter((r) => missed.every((k) => cells.termOf(k, r)))
      : [...new Set(x.identities.flatMap((k) => identities[k].terms.map((t) => t.cell)))];
    for (const yr of ys) {
      // each unordered pair of candidates once
      if (yr === x.ref || (order.get(yr) ?? Infinity) < i) continue;
      tried++;
      const y = cells.get(yr)!;
      work.charge();
      const s = pair(x, y, identities, cells);
      if (s) sols.push(s);
    }
  }
  return lightest(sols);
}

/** A solution's changed cells split into groups that share an identity (independent errors read apart). */
function groupsOf(
  sol: Solution,
  identities: ReadonlyArray<CheckedIdentity>,
  cells: CellIndex
): Solution[] {
  const parent = sol.cells.map((_c, k) => k);
  const find = (k: number): number => (parent[k] === k ? k : (parent[k] = find(parent[k])));
  const at = new Map(sol.cells.map((c, k) => [c, k]));
  for (const [k, ref] of sol.cells.entries())
    for (const i of cells.get(ref)!.identities)
      for (const t of identities[i].terms) {
        const o = at.get(t.cell);
        if (o !== undefined) parent[find(o)] = find(k);
      }
  const groups = new Map<number, number[]>();
  sol.cells.forEach((_c, k) => groups.set(find(k), [...(groups.get(find(k)) ?? []), k]));
  return [...groups.values()].map((ks) => ({
    cells: ks.map((k) => sol.cells[k]),
    values: ks.map((k) => sol.values[k]),
    weight: ks.reduce((s, k) => s + cells.get(sol.cells[k])!.weight, 0),
  }));
}

/**
 * Two cell lists in table order, cell by cell: sheet, then line, then column (表6!C7 before 表6!C10, as the table
 * prints them — not as the text sorts: a tie the message cannot show all of keeps the table's first lines).
 */
function tableOrder(a: string[], b: string[]): number {
  for (let k = 0; k < Math.min(a.length, b.length); k++) {
    if (a[k] === b[k]) continue;
    const bySheet = sheetOf(a[k]).localeCompare(sheetOf(b[k]));
    if (bySheet) return bySheet;
    const [pa, pb] = [parseRef(a[k]), parseRef(b[k])];
    return pa.r0 - pb.r0 || pa.c0 - pb.c0 || a[k].localeCompare(b[k]);
  }
  return a.length - b.length;
}

/** The best solutions: the lightest, and every other of the same weight (a tie), in table order. */
function lightest(sols: Solution[]): Solution[] {
  if (!sols.length) return [];
  const w = Math.min(...sols.map((s) => s.weight));
  return sols.filter((s) => s.weight <= w + 1e-9).sort((a, b) => tableOrder(a.cells, b.cells));
}

/**
 * Localizes the violated identities of a check. `findings` only gives the count for `explains`; causes cite
 * findings by index. Pure and synchronous; with a `solver`, clusters that need ≥ 3 cells go to the MIP.
 */
export function localize(
  identities: ReadonlyArray<CheckedIdentity>,
  findings: ReadonlyArray<Finding>,
  opts: LocalizeOptions = {},
  bounds?: ReadonlyArray<string>
): Localization {
  const now = opts.now ?? (() => Date.now());
  const deadline = now() + (opts.budgetMs ?? 8000);
  const work = new WorkBudget(opts.work ?? WORK_BUDGET);
  const inTime = () => work.left && now() <= deadline;
  const clusters = clustersOf(identities);
  if (!clusters.length) return { causes: [], status: "skipped", unexplained: [] };
  // Indexed around the violated identities' cells (CellIndex widens itself when asked further out).
  const near = new Set<string>();
  for (const cluster of clusters)
    for (const i of cluster) for (const t of identities[i].terms) near.add(t.cell);
  const cells = cellsOf(identities, bounds, near);
  const causes: Cause[] = [];
  const unexplained = new Set<number>();
  let status: Localization["status"] = "complete";
  const left: number[][] = [];
  const explainsOf = (cluster: number[]) =>
    [...new Set(cluster.flatMap((i) => identities[i].findings))]
      .filter((i) => i < findings.length)
      .sort((a, b) => a - b);
  const pending: number[][] = [];
  // Causes whose every tied change satisfies all the identities its cells are terms of (one cell, two cells), and the
  // violated identities each cause settles: see absorb.
  const exact = new Set<Cause>();
  const settled = new Map<Cause, { best: Solution[]; fixed: number[] }>();
  // Each cause's tied solutions, for causes that propose the same change from two steps (sameChangeOnce).
  const made = new Map<Cause, Solution[]>();
  const add = (best: Solution[], method: Cause["method"], fixed: number[], isExact: boolean) => {
    const c = causeOf(best, method, explainsOf(fixed), cells, identities);
    made.set(c, best);
    causes.push(c);
    settled.set(c, { best, fixed });
    if (isExact) exact.add(c);
  };
  // 1. One cell explaining a whole cluster.
  for (const cluster of clusters) {
    if (status === "budget" || !inTime()) {
      status = "budget";
      explainsOf(cluster).forEach((i) => unexplained.add(i));
      continue;
    }
    // The cells that are a term of every violated identity of the cluster, each tried alone.
    const sols: Solution[] = [];
    for (const ref of cellsIn(cluster, identities)) {
      if (!cluster.every((i) => cells.termOf(i, ref))) continue;
      const c = cells.get(ref)!;
      work.charge();
      const s = single(c, identities, cells);
      if (s) sols.push(s);
    }
    const best = lightest(sols);
    if (best.length) add(best, "single", cluster, true);
    else {
      // 2. Separate one-cell errors inside a larger disagreement.
      const p = peel(cluster, identities, cells, work, inTime);
      for (const q of p.peeled) add(q.best, "single", q.fixed, false);
      if (p.rest.length) pending.push(p.rest);
    }
  }
  // 3. Whole tables from elsewhere.
  if (pending.length && inTime()) {
    const t = tableCauses(pending, identities, cells, explainsOf, tableOfCell(opts.joined));
    causes.push(...t.causes);
    pending.splice(0, pending.length, ...t.left);
  }
  // 4. Two cells.
  for (const cluster of pending) {
    const best = inTime()
      ? pairs(cluster, identities, cells, opts.maxPairs ?? 20000, work, inTime)
      : [];
    if (best.length) add(best, "pair", cluster, true);
    else left.push(cluster);
  }
  if (!inTime()) status = "budget";
  if (left.length && opts.solver && inTime()) {
    const [best, second] = solveClusters(left, identities, cells, opts.solver, deadline - now());
    if (best) {
      const groups = groupsOf(best, identities, cells);
      // A many-cell explanation (more than MIP_MAX_CAUSE_CELLS) is no story a reviewer can check — a misread table
      // gave one of 32 cells (tester31 T31-20): its findings stay listed without a cause.
      const kept = groups.filter((g) => g.cells.length <= MIP_MAX_CAUSE_CELLS);
      for (const group of kept) {
        const fixed = left
          .flat()
          .filter((i) => identities[i].terms.some((t) => group.cells.includes(t.cell)));
        // A group the solver also moved that touches none of these disagreements (a cell another cause already
        // fixes, in the identities the model keeps holding) explains nothing: not a cause (tester31 T31-8).
        if (!fixed.length) continue;
        const alt =
          second &&
          groupsOf(second, identities, cells).filter((g) =>
            fixed.some((i) => identities[i].terms.some((t) => g.cells.includes(t.cell)))
          );
        const altSol =
          alt && alt.length
            ? {
                cells: alt.flatMap((g) => g.cells),
                values: alt.flatMap((g) => g.values),
                weight: alt.reduce((s, g) => s + g.weight, 0),
              }
            : undefined;
        const sols =
          altSol &&
          altSol.cells.join() !== group.cells.join() &&
          Math.abs(altSol.weight - group.weight) < 1e-9
            ? [group, altSol]
            : [group];
        const c = causeOf(sols, "mip", explainsOf(fixed), cells, identities);
        made.set(c, sols);
        causes.push(c);
      }
      const done = new Set(kept.flatMap((g) => g.cells));
      for (const cluster of left)
        if (!cluster.every((i) => identities[i].terms.some((t) => done.has(t.cell))))
          explainsOf(cluster).forEach((i) => unexplained.add(i));
    } else left.forEach((c) => explainsOf(c).forEach((i) => unexplained.add(i)));
    if (!inTime()) status = "budget";
  } else left.forEach((c) => explainsOf(c).forEach((i) => unexplained.add(i)));
  return {
    causes: sameChangeOnce(
      absorb(causes, exact, settled, identities, cells, explainsOf),
      made,
      cells,
      identities
    ),
    status,
    unexplained: [...unexplained].sort((a, b) => a - b),
  };
}

/**
 * Causes proposing the same change — the same cells to the same values, tie for tie, in any order — read as one,
 * explaining the findings of both: the pair search settles one cluster and the solver another with the very pair
 * (a 项's 合计 and 项目支出 raised together: one cluster per column's findings; tester35 T35-3).
 */
function sameChangeOnce(
  causes: Cause[],
  made: Map<Cause, Solution[]>,
  cells: CellIndex,
  identities: ReadonlyArray<CheckedIdentity>
): Cause[] {
  const keyOf = (c: Cause) =>
    [c.suspects, ...c.alternatives]
      .map((s) =>
        s
          .map((x) => `${x.cell}=${x.value}`)
          .sort()
          .join("&")
      )
      .sort()
      .join("|");
  const first = new Map<string, Cause>();
  const gone = new Set<Cause>();
  for (const c of causes) {
    if (!made.has(c)) continue;
    const key = keyOf(c);
    const kept = first.get(key);
    if (!kept) {
      first.set(key, c);
      continue;
    }
    gone.add(c);
    const explains = [...new Set([...kept.explains, ...c.explains])].sort((a, b) => a - b);
    Object.assign(kept, causeOf(made.get(kept)!, kept.method, explains, cells, identities));
  }
  return gone.size ? causes.filter((c) => !gone.has(c)) : causes;
}

/**
 * Clusters are explained apart, but a passing identity may link two of them (表6 row 9's 合计 = 人员经费 + …, the 合计
 * and 人员经费 columns' sums broken apart): the one change that settles both — 表6!E9 and F9 — then explains the other
 * cluster's disagreements too, and that cluster's own cause (a tie of many two-cell guesses) is dropped. A cause
 * absorbs another when each of its tied changes satisfies every identity its cells are terms of (one-cell and
 * two-cell causes) and touches every identity the other settles; the lighter cause absorbs first.
 */
function absorb(
  causes: Cause[],
  exact: Set<Cause>,
  settled: Map<Cause, { best: Solution[]; fixed: number[] }>,
  identities: ReadonlyArray<CheckedIdentity>,
  cells: CellIndex,
  explainsOf: (ids: number[]) => number[]
): Cause[] {
  if (exact.size === 0 || settled.size < 2) return causes;
  const gone = new Set<Cause>();
  const absorbers = [...exact].sort((a, b) => a.weight - b.weight);
  for (const b of absorbers) {
    if (gone.has(b)) continue;
    const mine = settled.get(b)!;
    for (const [a, other] of settled) {
      if (a === b || gone.has(a)) continue;
      const covers = mine.best.every((sol) =>
        other.fixed.every((i) => identities[i].terms.some((t) => sol.cells.includes(t.cell)))
      );
      if (!covers) continue;
      gone.add(a);
      mine.fixed = [...new Set([...mine.fixed, ...other.fixed])];
      Object.assign(b, causeOf(mine.best, b.method, explainsOf(mine.fixed), cells, identities));
    }
  }
  return gone.size ? causes.filter((c) => !gone.has(c)) : causes;
}
