/**
 * The localization problem read from the checked identities: cells with their printed intervals and trust weights,
 * and, for a set of cells set free, the linear constraints left on them. All figures in 分 (0.01 元).
 */
import { roundingAllowance, UNIT_FACTOR } from "../rules/interval";
import type { CheckedIdentity } from "../rules/rule";
import type { IdentityTerm } from "../rules/identity";
import { identitySums, listedFigures, residual } from "../rules/identity";
import type { Unit } from "../model/schema";

export interface CellInfo {
  ref: string;
  /** Printed value and rounding half-width, 分. */
  value: number;
  halfWidth: number;
  blank: boolean;
  /** A blank cell's text when it holds words (IdentityTerm.words): said as such, never 空. */
  words?: string;
  unit: Unit;
  decimals: number;
  /** Indexes of the identities the cell is a term of. */
  identities: number[];
  /** Trust weight ≥ 1 (see trustWeight). */
  weight: number;
  /** Money arranged, never below zero (CheckResult.bounds): no correction may make it negative. */
  nonNegative: boolean;
}

/**
 * Trust: a figure that some other table prints identically (a cross-table identity over two or more sheets that
 * holds exactly, to the finest printed precision of its figures) is trusted more than one printed once: weight
 * 1 + ¼ per such agreement, at most 1.75. Weights stay below 2 so that one changed cell always costs less than two
 * (fewest cells first, as Fellegi–Holt), and order explanations of the same size by how much their cells are trusted.
 */
export function trustWeight(agreements: number): number {
  return 1 + 0.25 * Math.min(agreements, 3);
}

/** True when every term's cell is on the sheet of the first (the sheet is what precedes a reference's last "!"). */
function oneSheet(terms: ReadonlyArray<{ cell: string }>): boolean {
  const first = terms[0].cell;
  const cut = first.lastIndexOf("!");
  for (let k = 1; k < terms.length; k++) {
    const c = terms[k].cell;
    if (c.lastIndexOf("!") !== cut || !c.startsWith(first.slice(0, cut))) return false;
  }
  return true;
}

/** r: Σ coefficient·value; s1: Σ |coefficient|·halfWidth; s2: Σ (coefficient·halfWidth)²; tolerance: the identity's (all 分). */
type SumOf = { r: number; s1: number; s2: number; tolerance: number };
/**
 * A cell's terms in one identity (a cell listed twice summed), 分: coefficient, coefficient·value, slack, slack²;
 * nonzero: some listing of it has a coefficient other than 0.
 */
export type CellTerm = {
  coefficient: number;
  weighted: number;
  slack: number;
  slackSquared: number;
  nonzero: boolean;
};
/** Identities of more terms than this are looked up by cell through a Map (built once); shorter ones are scanned. */
const SCANNED_TERMS = 16;

/**
 * The cells of a check's identities. Each cell's CellInfo is made on first use: the localizer only ever asks for
 * cells near a violated identity, and a check states 500–5,000 identities over ~800–3,000 cells.
 *
 * Given `near` (the cells of the violated identities), only those cells are indexed at first; a cell asked for
 * outside them widens the index once to every cell that shares an identity with them (the pair search's second
 * cells), and a second such cell to every cell (the MIP's widening). Either way a cell's identities are the same:
 * every identity is read to index a cell, only fewer cells are kept (issue 10: indexing all of a check's ~2,000
 * figures was the largest part of localizing 稷山 2024).
 */
export class CellIndex {
  /**
   * Per indexed cell, the identities (soft ones included) it is a term of, ascending. In `near` mode every kept
   * cell has a list (empty when it is in none); otherwise only cells that are a term of some identity.
   */
  private lists = new Map<string, number[]>();
  /** The cells kept, or undefined when every cell is. */
  private scope: Set<string> | undefined;
  private widened = false;
  private readonly made = new Map<string, CellInfo>();
  /** Per identity: 1 when it corroborates its figures (see corroborates), 0 when not; undefined until asked. */
  private readonly agrees: Array<0 | 1 | undefined>;
  /**
   * The kept cells no correction may make negative; a Set made on first use (most checks localize nothing), of the
   * bounds in scope only (a check bounds ~800 cells, the localizer asks about a few dozen).
   */
  private bounded?: Set<string>;
  /** Per identity, its sums (sumOf) and its terms by cell (long identities only); made on first use. */
  private readonly sums: Array<SumOf | undefined>;
  private readonly byCell: Array<Map<string, CellTerm> | undefined>;
  /** constraintsOn one free cell (no `only`), per cell: what the one-cell search and peeling ask again and again. */
  private readonly alone = new Map<string, Constraint[]>();
  constructor(
    private readonly identities: ReadonlyArray<CheckedIdentity>,
    private readonly bounds: ReadonlyArray<string> = [],
    near?: Iterable<string>
  ) {
    this.agrees = new Array(identities.length);
    this.sums = new Array(identities.length);
    this.byCell = new Array(identities.length);
    this.scope = near ? new Set(near) : undefined;
    this.build();
  }

  /**
   * Reads every identity's cells as listed (listedFigures: no term objects made for the many identities the
   * localizer never reads) and keeps those in scope. A cell listed twice in one identity may have coefficients that
   * cancel: such an identity's listing is checked against its terms afterwards (rare).
   */
  private build(): void {
    const { identities, scope } = this;
    const lists = new Map<string, number[]>();
    if (scope) for (const cell of scope) lists.set(cell, []);
    this.lists = lists;
    for (let i = 0; i < identities.length; i++) {
      const listed = listedFigures(identities[i]);
      let repeated = false;
      if (listed) {
        const { plus, minus } = listed;
        for (let k = 0; k < plus.length; k++) {
          const cell = plus[k].amount.cell;
          if (cell && this.add(cell, plus[k].weight ?? 1, i)) repeated = true;
        }
        for (let k = 0; k < minus.length; k++) {
          const cell = minus[k].amount.cell;
          if (cell && this.add(cell, minus[k].weight ?? 1, i)) repeated = true;
        }
      } else
        for (const t of identities[i].terms)
          if (this.add(t.cell, t.coefficient, i)) repeated = true;
      if (repeated) this.dropCancelled(i);
    }
  }

  /** Indexes `cell` as a term of identity i (the newest); true when i listed it already. A weight 0 is no term. */
  private add(cell: string, weight: number, i: number): boolean {
    let list = this.lists.get(cell);
    if (list === undefined) {
      if (this.scope || weight === 0) return false;
      this.lists.set(cell, (list = []));
    } else if (list.length && list[list.length - 1] === i) return true;
    else if (weight === 0) return false;
    list.push(i);
    return false;
  }

  /** Identity i (the newest indexed) loses the cells it lists whose coefficients add up to 0: they are not its terms. */
  private dropCancelled(i: number): void {
    const id = this.identities[i];
    const terms = new Set(id.terms.map((t) => t.cell));
    const listed = listedFigures(id);
    for (const t of listed ? [...listed.plus, ...listed.minus] : []) {
      const list = t.amount.cell ? this.lists.get(t.amount.cell) : undefined;
      if (list === undefined || terms.has(t.amount.cell)) continue;
      if (list.length && list[list.length - 1] === i) list.pop();
    }
  }

  /** The identities cell `ref` is a term of, in order; undefined for a cell of none. Widens the scope when asked outside it. */
  private identitiesOf(ref: string): number[] | undefined {
    if (this.scope && !this.scope.has(ref)) {
      if (this.widened) this.scope = undefined;
      else {
        // Every cell one identity away from the kept ones, and the cell asked for.
        const wider = new Set(this.scope);
        const around = new Set<number>();
        for (const list of this.lists.values()) for (const i of list) around.add(i);
        for (const i of around) for (const t of this.identities[i].terms) wider.add(t.cell);
        wider.add(ref);
        this.scope = wider;
        this.widened = true;
      }
      this.bounded = undefined;
      this.build();
    }
    const list = this.lists.get(ref);
    return list && list.length ? list : undefined;
  }

  /** The soft identities (Identity.soft) cell `ref` is a term of, in order: never constraints, only read to rank ties. */
  softOf(ref: string): number[] {
    return (this.identitiesOf(ref) ?? []).filter((i) => this.identities[i].soft);
  }

  get(ref: string): CellInfo | undefined {
    let c = this.made.get(ref);
    if (c) return c;
    const all = this.identitiesOf(ref);
    if (!all) return undefined;
    const t = this.identities[all[0]].terms.find((x) => x.cell === ref)!;
    const identities: number[] = [];
    let agreements = 0;
    for (const i of all) {
      const id = this.identities[i];
      if (!id.soft) identities.push(i);
      if (this.corroborates(i)) for (const x of id.terms) if (x.cell === ref) agreements++;
    }
    if (!this.bounded) {
      const { scope } = this;
      this.bounded = scope
        ? new Set(this.bounds.filter((b) => scope.has(b)))
        : new Set(this.bounds);
    }
    c = {
      ref,
      value: t.value,
      halfWidth: t.halfWidth,
      blank: t.blank,
      unit: t.unit,
      decimals: t.decimals,
      identities,
      weight: trustWeight(agreements),
      nonNegative: this.bounded.has(ref),
    };
    if (t.words) c.words = t.words;
    this.made.set(ref, c);
    return c;
  }

  /**
   * Corroboration: the same figure printed in another table (a cross-table identity that holds), or a soft identity
   * that holds (a form's 实施期 and 年度 amounts of one source) — at the finest printed precision only: 500,013 元
   * "equals" 50.00 万元, but does not corroborate it.
   */
  private corroborates(i: number): boolean {
    let a = this.agrees[i];
    if (a === undefined) {
      const id = this.identities[i];
      a = 0;
      if (
        id.status === "holds" &&
        id.relation === "eq" &&
        id.terms.length &&
        (id.soft || !oneSheet(id.terms))
      ) {
        let finest = Infinity;
        for (const t of id.terms) if (!t.blank && t.halfWidth < finest) finest = t.halfWidth;
        if (Math.abs(residual(id)) <= (Number.isFinite(finest) ? finest : 0) + 1e-6) a = 1;
      }
      this.agrees[i] = a;
    }
    return a === 1;
  }

  /** Identity i's residual and rounding sums, in 分 (computed on first use; see roundingAllowance). */
  sumOf(i: number): SumOf {
    let x = this.sums[i];
    if (!x) {
      const id = this.identities[i];
      const { r, s1, s2 } = identitySums(id);
      this.sums[i] = x = { r, s1, s2, tolerance: id.tolerance };
    }
    return x;
  }

  /**
   * Cell `ref`'s terms in identity i (a cell listed twice summed), 分; undefined when it is none of its terms. A sum
   * over 2,000 project rows is looked up through a Map made once, so a candidate pair costs its cells, not the rows.
   */
  termOf(i: number, ref: string): CellTerm | undefined {
    const terms = this.identities[i].terms;
    if (terms.length > SCANNED_TERMS) {
      let m = this.byCell[i];
      if (!m) this.byCell[i] = m = mergedByCell(terms);
      return m.get(ref);
    }
    let x: CellTerm | undefined;
    for (const t of terms) if (t.cell === ref) x = withTerm(x, t);
    return x;
  }

  /** constraintsOn([ref]) as made the first time (shared: callers must not change it). */
  aloneOf(ref: string, make: () => Constraint[]): Constraint[] {
    let cs = this.alone.get(ref);
    if (!cs) this.alone.set(ref, (cs = make()));
    return cs;
  }
}

/** Terms by cell, a cell listed twice summed (see CellIndex.termOf). */
function mergedByCell(terms: ReadonlyArray<IdentityTerm>): Map<string, CellTerm> {
  const m = new Map<string, CellTerm>();
  for (const t of terms) {
    const x = m.get(t.cell);
    const y = withTerm(x, t);
    if (!x) m.set(t.cell, y);
  }
  return m;
}

/** A cell's accumulated term with one more listing of it added (`x` updated in place; a new one when undefined). */
function withTerm(x: CellTerm | undefined, t: IdentityTerm): CellTerm {
  if (!x)
    return {
      coefficient: t.coefficient,
      weighted: t.coefficient * t.value,
      slack: Math.abs(t.coefficient) * t.halfWidth,
      slackSquared: (t.coefficient * t.halfWidth) ** 2,
      nonzero: t.coefficient !== 0,
    };
  x.coefficient += t.coefficient;
  x.weighted += t.coefficient * t.value;
  x.slack += Math.abs(t.coefficient) * t.halfWidth;
  x.slackSquared += (t.coefficient * t.halfWidth) ** 2;
  if (t.coefficient !== 0) x.nonzero = true;
  return x;
}

/**
 * The cells of the identities, by reference (see CellIndex); `bounds`: the cells that stay ≥ 0 (CheckResult.bounds);
 * `near`: the cells asked for first (the violated identities' cells), to index only around them.
 */
export function cellsOf(
  identities: ReadonlyArray<CheckedIdentity>,
  bounds?: ReadonlyArray<string>,
  near?: Iterable<string>
): CellIndex {
  return new CellIndex(identities, bounds, near);
}

/** lo ≤ Σ a[k]·x[k] ≤ hi over the free cells (in the order given); ±Infinity for an open side. */
export interface Constraint {
  a: number[];
  lo: number;
  hi: number;
  /** From an identity "=" (lo and hi its rounding allowance apart), not an inequality. */
  eq?: boolean;
  /** The rounding allowance lo and hi include (each side): the figures as printed bound at lo + s / hi − s. */
  s?: number;
}

/**
 * The constraints every identity that has a free cell puts on the free cells, the other figures held inside their
 * printed intervals (each identity reads the interval independently: exact for the one-cell and two-cell searches up
 * to a rounding half-width shared by two identities).
 */
export function constraintsOn(
  free: string[],
  identities: ReadonlyArray<CheckedIdentity>,
  cells: CellIndex,
  only?: Set<number>
): Constraint[] {
  if (free.length === 1 && !only)
    return cells.aloneOf(free[0], () => constraintsOfFree(free, identities, cells));
  return constraintsOfFree(free, identities, cells, only);
}

function constraintsOfFree(
  free: string[],
  identities: ReadonlyArray<CheckedIdentity>,
  cells: CellIndex,
  only?: Set<number>
): Constraint[] {
  // One free cell (the most asked): its identities are already ascending without repeats (CellIndex).
  let ids: number[];
  if (free.length === 1 && !only) ids = cells.get(free[0])?.identities ?? [];
  else {
    const set = new Set<number>();
    for (const f of free)
      for (const i of cells.get(f)?.identities ?? []) if (!only || only.has(i)) set.add(i);
    ids = [...set].sort((x, y) => x - y);
  }
  const out: Constraint[] = [];
  for (const i of ids) {
    const id = identities[i];
    const a = free.map(() => 0);
    // Residual and slack of the fixed figures: the identity's totals less the free cells' own (looked up by cell,
    // so a sum over 2,000 project rows costs the free cells, not its 2,000 terms, per candidate pair).
    const sum = cells.sumOf(i);
    let r = sum.r;
    let s1 = sum.s1;
    let s2 = sum.s2;
    let any = false;
    for (let k = 0; k < free.length; k++) {
      const t = cells.termOf(i, free[k]);
      if (!t) continue;
      a[k] += t.coefficient;
      if (a[k] !== 0) any = true;
      r -= t.weighted;
      s1 -= t.slack;
      s2 -= t.slackSquared;
    }
    if (!any) continue;
    const s = sum.tolerance + roundingAllowance(s1, s2);
    out.push(
      id.relation === "eq"
        ? { a, lo: -r - s, hi: -r + s, eq: true, s }
        : { a, lo: -Infinity, hi: -r + s, s }
    );
  }
  return out;
}

/**
 * The bounds of the free cells that stay ≥ 0 (CellInfo.nonNegative), in the form constraintsOn gives the identity
 * 0 ≤ figure: −figure ≤ 0, the cell's own rounding interval left out (as for any free cell).
 */
export function boundsOn(free: string[], cells: CellIndex): Constraint[] {
  const out: Constraint[] = [];
  free.forEach((f, k) => {
    if (!cells.get(f)?.nonNegative) return;
    const a = free.map(() => 0);
    a[k] = -1;
    out.push({ a, lo: -Infinity, hi: 0 });
  });
  return out;
}

/** The printed step of a cell in 分 (0.01 万元 = 10,000 分). */
export function grainOf(c: Pick<CellInfo, "unit" | "decimals">): number {
  return Math.pow(10, -c.decimals) * UNIT_FACTOR[c.unit] * 100;
}

/**
 * A value inside [lo, hi] as the table would print it, on the printed step when one fits: for an interval an identity
 * "=" fixes (`exact`: its rounding allowance wide) the middle; for one only inequalities bound (a “三公” item between
 * the 基本支出 line it must cover and every fund that could pay it) the side nearest the printed figure — the least
 * correction, told as a bound (relOf) — never a middle no reviewer would type; the closed side of a half-open one.
 */
export function pick(
  lo: number,
  hi: number,
  c: Pick<CellInfo, "unit" | "decimals" | "value">,
  exact = true,
  nominal?: { lo: number; hi: number; mid?: number }
): number {
  const eps = 1e-6;
  // A bound told to the reviewer is the printed figures' (5.00, not 5.00 less the rounding allowance), when it fits.
  const [nlo, nhi] =
    nominal && Math.max(lo, nominal.lo) <= Math.min(hi, nominal.hi)
      ? [Math.max(lo, nominal.lo), Math.min(hi, nominal.hi)]
      : [lo, hi];
  const target =
    Number.isFinite(lo) && Number.isFinite(hi)
      ? exact
        ? Math.min(Math.max(nominal?.mid ?? (lo + hi) / 2, lo), hi)
        : Math.min(Math.max(c.value, nlo), nhi)
      : Number.isFinite(lo)
        ? lo
        : Number.isFinite(hi)
          ? hi
          : c.value;
  const g = grainOf(c);
  for (const v of [
    Math.round(target / g) * g,
    Math.floor((hi + eps) / g) * g,
    Math.ceil((lo - eps) / g) * g,
  ])
    if (Number.isFinite(v) && v >= lo - eps && v <= hi + eps) return v;
  return target;
}

export const EPS = 1e-6;

/**
 * The interval of x from constraints on x alone (a = [coefficient]); `exact` when an identity "=" bounds it; `nominal`:
 * the interval without the binding constraints' rounding allowances (the bounds as the printed figures give them).
 */
export function intervalOf(
  cs: Array<{ a: number; lo: number; hi: number; eq?: boolean; s?: number }>
): {
  lo: number;
  hi: number;
  exact: boolean;
  nominal: { lo: number; hi: number; mid?: number };
} {
  let lo = -Infinity;
  let hi = Infinity;
  let exact = false;
  const nominal: { lo: number; hi: number; mid?: number } = { lo: -Infinity, hi: Infinity };
  // The identities' "=" alone: their middle is the figure they fix (2.00), which an inequality cutting one side of
  // the rounding allowance off (≥ 2.00) must not move to the middle of what is left (2.01: NC13-11).
  let eqLo = -Infinity;
  let eqHi = Infinity;
  for (const c of cs) {
    if (c.eq && c.a !== 0) exact = true;
    if (c.a === 0) {
      if (c.lo > EPS || c.hi < -EPS) return { lo: 1, hi: 0, exact, nominal };
      continue;
    }
    const [l, h] = c.a > 0 ? [c.lo / c.a, c.hi / c.a] : [c.hi / c.a, c.lo / c.a];
    const slack = (c.s ?? 0) / Math.abs(c.a);
    lo = Math.max(lo, l);
    hi = Math.min(hi, h);
    nominal.lo = Math.max(nominal.lo, l + slack);
    nominal.hi = Math.min(nominal.hi, h - slack);
    if (c.eq) {
      eqLo = Math.max(eqLo, l);
      eqHi = Math.min(eqHi, h);
    }
  }
  if (Number.isFinite(eqLo) && Number.isFinite(eqHi)) nominal.mid = (eqLo + eqHi) / 2;
  return { lo, hi, exact, nominal };
}
