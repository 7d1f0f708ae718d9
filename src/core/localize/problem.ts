/**
 * The localization problem read from the checked identities: cells with their printed intervals and trust weights,
 * and, for a set of cells set free, the linear constraints left on them. All figures in 分 (0.01 元).
 */
import { roundingAllowance, UNIT_FACTOR } from "../rules/interval";
import type { CheckedIdentity } from "../rules/rule";
import { identitySums, listedFigures, residual } from "../rules/identity";
import type { Unit } from "../model/schema";

export interface CellInfo {
  ref: string;
  /** Printed value and rounding half-width, 分. */
  value: number;
  halfWidth: number;
  blank: boolean;
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

/**
 * The cells of a check's identities. Each cell's CellInfo is made on first use: the localizer only ever asks for
 * cells near a violated identity, and a check states 500–5,000 identities over ~800–3,000 cells.
 */
export class CellIndex {
  /**
   * Every identity (soft ones included) each cell is a term of, as linked lists in flat arrays (one list per cell
   * would be a thousand small arrays per check): cell → its number; per cell number the newest node; per node its
   * identity and the node before.
   */
  private readonly number = new Map<string, number>();
  /** Sized once for every listed figure (a cell or a node per figure at most): no array grows while indexing. */
  private readonly newest: Int32Array;
  private readonly nodeIdentity: Int32Array;
  private readonly nodeBefore: Int32Array;
  private nodes = 0;
  private readonly made = new Map<string, CellInfo>();
  /** Per identity: 1 when it corroborates its figures (see corroborates), 0 when not; undefined until asked. */
  private readonly agrees: Array<0 | 1 | undefined>;
  /** The cells no correction may make negative; a Set made on first use (most checks localize nothing). */
  private bounded?: Set<string>;
  constructor(
    private readonly identities: ReadonlyArray<CheckedIdentity>,
    private readonly bounds: ReadonlyArray<string> = []
  ) {
    this.agrees = new Array(identities.length);
    let listedCount = 0;
    for (const id of identities) {
      const listed = listedFigures(id);
      listedCount += listed ? listed.plus.length + listed.minus.length : id.terms.length;
    }
    this.newest = new Int32Array(listedCount);
    this.nodeIdentity = new Int32Array(listedCount);
    this.nodeBefore = new Int32Array(listedCount);
    // The identities' cells as listed (listedFigures: no term objects made for the many identities the localizer
    // never reads). A cell listed twice in one identity may have coefficients that cancel: such an identity's
    // listing is checked against its terms afterwards (rare).
    for (let i = 0; i < identities.length; i++) {
      const listed = listedFigures(identities[i]);
      let repeated = false;
      if (listed) {
        for (const t of listed.plus)
          if (t.amount.cell && this.add(t.amount.cell, t.weight ?? 1, i)) repeated = true;
        for (const t of listed.minus)
          if (t.amount.cell && this.add(t.amount.cell, t.weight ?? 1, i)) repeated = true;
      } else
        for (const t of identities[i].terms)
          if (this.add(t.cell, t.coefficient, i)) repeated = true;
      if (repeated) this.dropCancelled(i);
    }
  }

  /** Indexes `cell` as a term of identity i (the newest); true when i listed it already. A weight 0 is no term. */
  private add(cell: string, weight: number, i: number): boolean {
    let k = this.number.get(cell);
    if (k === undefined) {
      if (weight === 0) return false;
      k = this.number.size;
      this.number.set(cell, k);
      this.newest[k] = -1;
    } else if (this.newest[k] >= 0 && this.nodeIdentity[this.newest[k]] === i) return true;
    else if (weight === 0) return false;
    const n = this.nodes++;
    this.nodeIdentity[n] = i;
    this.nodeBefore[n] = this.newest[k];
    this.newest[k] = n;
    return false;
  }

  /** Identity i (the newest indexed) loses the cells it lists whose coefficients add up to 0: they are not its terms. */
  private dropCancelled(i: number): void {
    const id = this.identities[i];
    const terms = new Set(id.terms.map((t) => t.cell));
    const listed = listedFigures(id);
    for (const t of listed ? [...listed.plus, ...listed.minus] : []) {
      const k = t.amount.cell ? this.number.get(t.amount.cell) : undefined;
      if (k === undefined || terms.has(t.amount.cell)) continue;
      const n = this.newest[k];
      if (n >= 0 && this.nodeIdentity[n] === i) this.newest[k] = this.nodeBefore[n];
    }
  }

  /** The identities cell `ref` is a term of, in order; undefined for a cell of none. */
  private identitiesOf(ref: string): number[] | undefined {
    const k = this.number.get(ref);
    if (k === undefined || this.newest[k] < 0) return undefined;
    const out: number[] = [];
    for (let n = this.newest[k]; n >= 0; n = this.nodeBefore[n]) out.push(this.nodeIdentity[n]);
    return out.reverse();
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
    this.bounded ??= new Set(this.bounds);
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
}

/** The cells of the identities, by reference (see CellIndex); `bounds`: the cells that stay ≥ 0 (CheckResult.bounds). */
export function cellsOf(
  identities: ReadonlyArray<CheckedIdentity>,
  bounds?: ReadonlyArray<string>
): CellIndex {
  return new CellIndex(identities, bounds);
}

/** r: Σ coefficient·value; s1: Σ |coefficient|·halfWidth; s2: Σ (coefficient·halfWidth)²; tolerance: the identity's (all 分). */
type SumOf = { r: number; s1: number; s2: number; tolerance: number };
const SUMS = new WeakMap<ReadonlyArray<CheckedIdentity>, Array<SumOf | undefined>>();
/** Identity i's residual and rounding sums, in 分 (computed on first use, once per check; see roundingAllowance). */
function sumOf(identities: ReadonlyArray<CheckedIdentity>, i: number): SumOf {
  let sums = SUMS.get(identities);
  if (!sums) SUMS.set(identities, (sums = new Array(identities.length)));
  let x = sums[i];
  if (!x) sums[i] = x = { ...identitySums(identities[i]), tolerance: identities[i].tolerance };
  return x;
}

type CellTerm = { coefficient: number; weighted: number; slack: number; slackSquared: number };
const BY_CELL = new WeakMap<
  ReadonlyArray<CheckedIdentity>,
  Array<Map<string, CellTerm> | undefined>
>();
/**
 * Identity i's terms by cell (a cell listed twice summed): coefficient, coefficient·value and |coefficient|·halfWidth
 * in 分. Built on first use, per identity: only identities near a violated one are ever asked for.
 */
function termsByCell(identities: ReadonlyArray<CheckedIdentity>, i: number): Map<string, CellTerm> {
  let all = BY_CELL.get(identities);
  if (!all) BY_CELL.set(identities, (all = new Array(identities.length)));
  let m = all[i];
  if (!m) {
    m = new Map<string, CellTerm>();
    for (const t of identities[i].terms) {
      const x = m.get(t.cell);
      if (x) {
        x.coefficient += t.coefficient;
        x.weighted += t.coefficient * t.value;
        x.slack += Math.abs(t.coefficient) * t.halfWidth;
        x.slackSquared += (t.coefficient * t.halfWidth) ** 2;
      } else
        m.set(t.cell, {
          coefficient: t.coefficient,
          weighted: t.coefficient * t.value,
          slack: Math.abs(t.coefficient) * t.halfWidth,
          slackSquared: (t.coefficient * t.halfWidth) ** 2,
        });
    }
    all[i] = m;
  }
  return m;
}

/** lo ≤ Σ a[k]·x[k] ≤ hi over the free cells (in the order given); ±Infinity for an open side. */
export interface Constraint {
  a: number[];
  lo: number;
  hi: number;
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
    const sum = sumOf(identities, i);
    let r = sum.r;
    let s1 = sum.s1;
    let s2 = sum.s2;
    const cellTerms = termsByCell(identities, i);
    free.forEach((f, k) => {
      const t = cellTerms.get(f);
      if (!t) return;
      a[k] += t.coefficient;
      r -= t.weighted;
      s1 -= t.slack;
      s2 -= t.slackSquared;
    });
    if (a.every((x) => x === 0)) continue;
    const s = sum.tolerance + roundingAllowance(s1, s2);
    out.push({ a, lo: id.relation === "eq" ? -r - s : -Infinity, hi: -r + s });
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

/** A value inside [lo, hi] as the table would print it: the middle (or the closed side), on the printed step when one fits. */
export function pick(
  lo: number,
  hi: number,
  c: Pick<CellInfo, "unit" | "decimals" | "value">
): number {
  const eps = 1e-6;
  const target =
    Number.isFinite(lo) && Number.isFinite(hi)
      ? (lo + hi) / 2
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

/** The interval of x from constraints on x alone (a = [coefficient]). */
export function intervalOf(cs: Array<{ a: number; lo: number; hi: number }>): {
  lo: number;
  hi: number;
} {
  let lo = -Infinity;
  let hi = Infinity;
  for (const c of cs) {
    if (c.a === 0) {
      if (c.lo > EPS || c.hi < -EPS) return { lo: 1, hi: 0 };
      continue;
    }
    const [l, h] = c.a > 0 ? [c.lo / c.a, c.hi / c.a] : [c.hi / c.a, c.lo / c.a];
    lo = Math.max(lo, l);
    hi = Math.min(hi, h);
  }
  return { lo, hi };
}
