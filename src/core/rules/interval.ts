/**
 * Rounding-aware comparison (XBRL Calculations 1.1): an amount printed to d decimals stands for
 * [v − ½·10^−d, v + ½·10^−d]; a sum is inconsistent only when the total's interval and the summed
 * interval do not overlap. Computed in 分 (0.01 元) as integers-with-halves, never as float sums.
 */
import { UNIT_FACTOR, type Amount, type Unit } from "../model/schema";

export { UNIT_FACTOR };

export interface Term {
  amount: Amount;
  unit: Unit;
  weight?: number;
  /**
   * The figure's own rounding only, even for a 增减额 (Amount.difference): in 本年 = 上年 + 增减 the 增减 is that
   * difference itself, ±½ of its last digit when computed before rounding, exact when computed from the printed figures.
   */
  single?: boolean;
}

/**
 * A printed figure's value in 分: the stored value rounded to its printed decimals (half away from zero, as Excel
 * prints it); blank is exactly zero. The reviewer reads — and the published PDF shows — the printed figure, and the
 * rounding interval ±½·10^−d is centred on it (tester29 T29-3: 万元 stored as 元 ÷ 10000 with 4+ decimals under 0.00 —
 * 493.6547 printed 493.65 — was compared on the stored value: a printed 0.01 尾差 became an 错误, and equal printed
 * figures a 尾差 "312.46 ≠ 312.46"). Figures printed finer than 1 分 are kept to the 分.
 */
export function fenValue(t: Term): number {
  const a = t.amount;
  if (a.blank || a.value === null) return 0;
  const fen = a.value * UNIT_FACTOR[t.unit] * 100;
  // The printed step in 分 (a power of ten: 10,000 for 0.01 万元); finer than 1 分 → to the 分.
  const step = Math.round(2 * printedHalfWidth(t));
  if (!(step > 1)) return Math.round(fen);
  const steps = fen / step;
  const whole = Math.round(steps);
  // Most figures are stored as printed: no decimal rounding to do.
  if (Math.abs(steps - whole) < 1e-9) return whole * step;
  // 15 significant digits first, as Excel rounds what it prints: 312.465 (stored 312.46499999999997) prints 312.47.
  const n = Number(Math.abs(steps).toPrecision(15));
  return (steps < 0 ? -1 : 1) * Math.round(n) * step;
}

/**
 * A figure as printed, in its own table's unit: the stored value rounded to its printed decimals (half away from zero
 * after 15 significant digits, as Excel prints — fenValue's rounding, without the unit); 0 for a blank. Rules that read
 * a figure's sign, zero or rate go by it, as the comparisons do (fixT29a): a stored −0.004 under 0.00 prints 0.00 and
 * is no negative; a stored 0.004 is no figure.
 */
export function printedValue(a: Amount): number {
  if (a.blank || a.value === null) return 0;
  const d = a.decimals;
  if (!(d >= 0 && d <= 10)) return a.value;
  const p = POW10[d] ?? Math.pow(10, d);
  const steps = a.value * p;
  const whole = Math.round(steps);
  if (Math.abs(steps - whole) < 1e-9) return whole / p;
  const n = Number(Math.abs(steps).toPrecision(15));
  return ((steps < 0 ? -1 : 1) * Math.round(n)) / p;
}

/** Whether a figure prints as zero: blank, 0, or stored smaller than half its last printed digit (0.004 under 0.00). */
export function printsZero(a: Amount): boolean {
  if (a.blank || a.value === null || a.value === 0) return true;
  return printedValue(a) === 0;
}

/** Half-widths by unit and printed decimals, computed once: every term of every identity asks (Math.pow is not cheap). */
const HALF: Readonly<Record<Unit, Array<number | undefined>>> = {
  元: [],
  千元: [],
  万元: [],
  亿元: [],
};

/**
 * Half the rounding interval of a figure in 分: ½·10^−decimals of its unit (printedHalfWidth), twice that for a
 * 增减额 figure summed with others (Amount.difference: 本年 − 上年 of two rounded figures, tester33 T33-14); 0 for a blank.
 */
export function fenHalfWidth(t: Term): number {
  const h = printedHalfWidth(t);
  return t.amount.difference && !t.single ? 2 * h : h;
}

/** Half the printed rounding interval of a figure in 分 (½·10^−decimals of its unit); 0 for a blank. */
function printedHalfWidth(t: Term): number {
  if (t.amount.blank || t.amount.value === null) return 0;
  const d = t.amount.decimals;
  const known = HALF[t.unit];
  let h = known[d];
  if (h === undefined) {
    h = Math.max(0.5 * Math.pow(10, -d) * UNIT_FACTOR[t.unit] * 100, 0);
    if ((d | 0) === d && d >= 0 && d <= 20) known[d] = h;
  }
  return h;
}

/**
 * How far a sum of printed figures may be from the printed total by rounding alone, 分: the worst case Σ halfWidth
 * (XBRL Calculations 1.1) for a few figures, but for many at most 5σ of the sum of their rounding errors (each
 * uniform on ±halfWidth, variance halfWidth²/3). The worst case grows with the number of rows — 79 projects allow
 * ±0.395 万元, 2,000 rows ±10 万元 — while independently rounded figures practically never drift past 5σ (about
 * 0.13 万元 for 79 rows at 0.01 万元; the same bound as the worst case up to 8 figures). Every 尾差 in the published
 * workbooks we have is within 2σ. `sumHalf` = Σ |w|·halfWidth, `sumHalfSquared` = Σ (w·halfWidth)².
 */
export function roundingAllowance(sumHalf: number, sumHalfSquared: number): number {
  return Math.min(sumHalf, ROUNDING_SIGMAS * Math.sqrt(Math.max(sumHalfSquared, 0) / 3));
}
const ROUNDING_SIGMAS = 5;

/** Value in 分 and its half-interval in 分; blank is exactly zero. */
function fen(t: Term): { v: number; h: number } {
  return { v: fenValue(t), h: fenHalfWidth(t) };
}

export type Verdict = "equal" | "rounding" | "error" | "blankTotal";

export interface Comparison {
  verdict: Verdict;
  /** In the unit of the total (the compared figure). */
  expected: number;
  actual: number;
  difference: number;
  slack: number;
  /**
   * The allowance as a message prints it (T32-24): the largest difference the figures can show that is still within
   * `slack` — their differences are multiples of the finest printed step among them, so ±1.5 元 between whole 元 is
   * ±1 元, ±0.479 万元 between figures to 0.01 万元 is ±0.47 — with no more decimals than the figures are shown with
   * (`decimals`) unless fewer would contradict the shown difference. The comparison itself uses `slack`.
   */
  tolerance: number;
  unit: Unit;
  decimals: number;
}

const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000, 10000000];
function round(x: number, d: number): number {
  const p = POW10[d] ?? Math.pow(10, d);
  return Math.round(x * p) / p;
}

/**
 * Figures in different units (元 in a form, 万元 in a table) are compared at the coarser table's printed
 * precision: 603,840 元 is 60.38 万元 when the other table prints 万元 to 2 decimals.
 */
function equalAtCoarsest(total: Term, parts: Term[], tv: number, sv: number): boolean {
  // No list of the terms is made: this runs for every comparison that is not exact.
  let mixed = false;
  for (let k = 0; k < parts.length && !mixed; k++) mixed = parts[k].unit !== total.unit;
  if (!mixed) return false;
  const grainOf = (x: Term) => Math.pow(10, -x.amount.decimals) * UNIT_FACTOR[x.unit] * 100;
  let grain = total.amount.blank ? -Infinity : grainOf(total);
  for (let k = 0; k < parts.length; k++)
    if (!parts[k].amount.blank) grain = Math.max(grain, grainOf(parts[k]));
  const r = (x: number) => Math.round(x / grain);
  return r(tv) === r(sv);
}

/**
 * The verdict of compare(total, parts) alone, without its figures (no object made): rules that only ask whether two
 * figures agree (units.ts asks it of every pair of tables' coded figures, 3 times per unequal pair) need no more.
 */
export function verdictOf(total: Term, parts: Term[]): Verdict {
  const tv = fenValue(total);
  sumParts(fenHalfWidth(total), parts);
  return verdictFrom(total, parts, tv, SUM.s, SUM.slack);
}

/** What sumParts last computed, 分 (read right after the call: a scratch, so verdictOf makes no object). */
const SUM = { s: 0, slack: 0 };

/** Σ weight·part and the rounding slack of the comparison, given the total's half-width th (分): into SUM. */
function sumParts(th: number, parts: Term[]): void {
  let s = 0;
  let sh = 0;
  let sh2 = th * th;
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k];
    const w = p.weight ?? 1;
    s += w * fenValue(p);
    const h = Math.abs(w) * fenHalfWidth(p);
    sh += h;
    sh2 += h * h;
  }
  SUM.s = s;
  SUM.slack = roundingAllowance(th + sh, sh2);
}

/** compare's verdict from the total's value tv, the parts' weighted sum s and the rounding slack, 分. */
function verdictFrom(total: Term, parts: Term[], tv: number, s: number, slack: number): Verdict {
  const diff = tv - s;
  if (diff === 0 || equalAtCoarsest(total, parts, tv, s)) return "equal";
  if (total.amount.blank && s !== 0) return "blankTotal";
  if (Math.abs(diff) <= slack + 1e-9) return "rounding";
  return "error";
}

/**
 * The decimals a comparison's figures are shown with: the total's (at least 2), more only when its parts print finer
 * and the difference would otherwise read wrong — a 尾差 shown as "差 0.00", an 错误 whose shown difference is within
 * the shown allowance ("差 0.01，超出 ±0.01"). At most 6.
 */
function shownDecimals(verdict: Verdict, diff: number, slack: number, d: number): number {
  let k = d;
  while (
    k < 6 &&
    ((verdict === "rounding" && round(diff, k) === 0) ||
      (verdict === "error" && Math.abs(round(diff, k)) <= round(slack, k + 1)))
  )
    k++;
  return k;
}

/**
 * The step, 分, every difference between the total and Σ weight·part is a multiple of: the finest printed step among
 * the figures (powers of ten, so each coarser one is a multiple of it); 1 分 when a weight is not whole.
 */
function differenceGrid(total: Term, parts: Term[]): number {
  const step = (x: Term) => Math.max(1, Math.round(2 * printedHalfWidth(x)));
  let g = total.amount.blank || total.amount.value === null ? Infinity : step(total);
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k];
    if (p.weight != null && !Number.isInteger(p.weight)) return 1;
    if (!p.amount.blank && p.amount.value !== null) g = Math.min(g, step(p));
  }
  return Number.isFinite(g) ? g : 1;
}

/** The fewest decimals (≤ 6) that print x exactly. */
function decimalsOf(x: number): number {
  let k = 0;
  while (k < 6 && Math.abs(round(x, k) - x) > 1e-9) k++;
  return k;
}

/** Comparison.tolerance from the allowance `exact` (in the total's unit, on the difference grid). */
function shownTolerance(exact: number, verdict: Verdict, shownDiff: number, k: number): number {
  if (decimalsOf(exact) <= k) return round(exact, decimalsOf(exact));
  const p = Math.pow(10, k);
  // Within: rounded up, the shown difference stays inside; beyond: rounded down, it stays outside — unless that
  // makes the shown difference equal to it (差 0.01，超出 ±0.01) or the allowance nil: then its own decimals.
  if (verdict === "rounding") return Math.ceil(exact * p - 1e-9) / p;
  const down = Math.floor(exact * p + 1e-9) / p;
  return down > 0 && down < Math.abs(shownDiff) ? down : round(exact, decimalsOf(exact));
}

/** Compares one printed figure with a weighted sum of others (Σ weight·part). */
export function compare(total: Term, parts: Term[]): Comparison {
  const t = fen(total);
  sumParts(t.h, parts);
  const { s, slack } = SUM;
  const f = UNIT_FACTOR[total.unit] * 100;
  const d = total.amount.decimals || (total.unit === "元" ? 0 : 2);
  const diff = t.v - s;
  const verdict = verdictFrom(total, parts, t.v, s, slack);
  const decimals = shownDecimals(verdict, diff / f, slack / f, Math.max(d, 2));
  const grid = differenceGrid(total, parts);
  const difference = round(diff / f, decimals);
  return {
    verdict,
    expected: round(s / f, decimals),
    actual: round(t.v / f, decimals),
    difference,
    slack: round(slack / f, decimals + 1),
    tolerance: shownTolerance(
      (Math.floor(slack / grid + 1e-9) * grid) / f,
      verdict,
      difference,
      decimals
    ),
    unit: total.unit,
    decimals,
  };
}

/** a ≤ b with rounding: violated only when a's lower bound exceeds b's upper bound. */
export function exceeds(
  a: Term[],
  b: Term[]
): { exceeds: boolean; a: number; b: number; unit: Unit } {
  const sum = (ts: Term[]) =>
    ts.reduce(
      (acc, t) => {
        const x = fen(t);
        return { v: acc.v + x.v, h: acc.h + x.h, h2: acc.h2 + x.h * x.h };
      },
      { v: 0, h: 0, h2: 0 }
    );
  const A = sum(a);
  const B = sum(b);
  const unit = b[0]?.unit ?? a[0]?.unit ?? "万元";
  const f = UNIT_FACTOR[unit] * 100;
  return {
    exceeds: A.v - B.v > roundingAllowance(A.h + B.h, A.h2 + B.h2) + 1e-9,
    a: round(A.v / f, 2),
    b: round(B.v / f, 2),
    unit,
  };
}

export function fmt(n: number, decimals = 2): string {
  return n.toFixed(decimals);
}
