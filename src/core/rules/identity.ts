/**
 * Identities as data: every check that compares figures also states what it compared as a linear relation over
 * printed cells, Σ coefficient·figure = 0 (or ≤ 0), each figure with its printed rounding interval — whether the
 * check passed or failed. Rules, the error localizer (`../localize`) and the review marks share this one form.
 *
 * Units: every value and half-width is in 分 (0.01 元), whatever the table prints (元 / 万元 / 千元 / 亿元), so
 * identities across tables of different units add up directly; a coefficient is a plain weight (±1 mostly).
 */
import { z } from "zod";
import { fenHalfWidth, fenValue, roundingAllowance, type Term } from "./interval";
import { UnitSchema, type Amount } from "../model/schema";

/**
 * The words a blank amount's cell holds instead of a figure (合计, 待定, 见附件), said as such — never 空. A dash, slash
 * or 无 / 空 printed for nothing (-, —, /, 无) is a blank: undefined.
 */
export function wordsIn(a: Amount): string | undefined {
  const t = a.text.trim();
  return t && /\p{L}/u.test(t) && !/^(无|空|暂无|空白)$/.test(t) ? t : undefined;
}

export const IdentityTermSchema = z.object({
  /** Single-cell reference with the sheet, as in Amount.cell. */
  cell: z.string(),
  coefficient: z.number(),
  /** The printed figure in 分 (blank is exactly 0). */
  value: z.number(),
  /** Half the printed rounding interval in 分: the true figure lies in [value − halfWidth, value + halfWidth]; 0 for a blank. */
  halfWidth: z.number(),
  blank: z.boolean(),
  /** The table's printed unit and the figure's printed decimals, to say a corrected value as the table would print it. */
  unit: UnitSchema,
  decimals: z.number().int(),
  /** A blank term's cell text when it holds words, not a figure (合计 read where the amount was expected). */
  words: z.string().optional(),
});
export type IdentityTerm = z.infer<typeof IdentityTermSchema>;

/** holds: exactly, or at the coarser table's precision; rounding: only inside the rounding intervals (尾差); violated: beyond them. */
export const IdentityStatusSchema = z.enum(["holds", "rounding", "violated"]);
export type IdentityStatus = z.infer<typeof IdentityStatusSchema>;

export const IdentitySchema = z.object({
  /** The rule that checked it (within.row-sources, cross.general-budget …). */
  rule: z.string(),
  /** eq: Σ coefficient·figure = 0; le: Σ coefficient·figure ≤ 0. */
  relation: z.enum(["eq", "le"]),
  terms: z.array(IdentityTermSchema),
  status: IdentityStatusSchema,
  /**
   * Extra allowance in 分 beyond the terms' intervals: figures of different units compared at the coarser
   * table's printed precision (603,840 元 = 60.38 万元) may differ by up to one grain. 0 otherwise.
   */
  tolerance: z.number(),
  /**
   * A soft identity: an equality that usually holds but may legitimately fail (a form's 实施期 and 年度 amounts of
   * one source). Never a finding and never a constraint; where it holds it corroborates its figures (trust weights).
   */
  soft: z.boolean().optional(),
});
export type Identity = z.infer<typeof IdentitySchema>;

/**
 * Builds an identity from signed terms: `plus` enter with +weight, `minus` with −weight. Terms without a cell
 * (a figure the table does not print, read as zero) are left out; a cell listed twice gets one summed coefficient.
 *
 * The terms (and the tolerance, which is read from them) are made on first read: a check states 500–5,000
 * identities and most hold; only those near a violated one are ever read term by term (the localizer), so making
 * every term object up front was a fifth of the check (issue 10). `status` may be reassigned (notAbove, withStatus).
 */
export function identityOf(
  rule: string,
  relation: "eq" | "le",
  plus: Term[],
  minus: Term[],
  status: IdentityStatus
): Identity {
  return new BuiltIdentity(rule, relation, plus, minus, status);
}

/** Terms of `plus` (+weight) and `minus` (−weight) merged by cell, those left with coefficient 0 dropped (see identityOf). */
function termsOf(plus: Term[], minus: Term[]): IdentityTerm[] {
  const terms: IdentityTerm[] = [];
  const n = plus.length + minus.length;
  // By cell, so that a sum over thousands of rows stays linear; a short list is searched in place (most identities
  // have a handful of terms, and a Map per identity costs more than the search).
  const byCell = n > 16 ? new Map<string, IdentityTerm>() : undefined;
  for (let k = 0; k < n; k++) {
    const t = k < plus.length ? plus[k] : minus[k - plus.length];
    const cell = t.amount.cell;
    if (!cell) continue;
    const c = (k < plus.length ? 1 : -1) * (t.weight ?? 1);
    let same: IdentityTerm | undefined;
    if (byCell) same = byCell.get(cell);
    else
      for (let j = 0; j < terms.length && !same; j++) if (terms[j].cell === cell) same = terms[j];
    if (same) {
      same.coefficient += c;
      continue;
    }
    const blank = t.amount.blank || t.amount.value === null;
    const term: IdentityTerm = {
      cell,
      coefficient: c,
      value: fenValue(t),
      halfWidth: fenHalfWidth(t),
      blank,
      unit: t.unit,
      decimals: blank ? (t.unit === "元" ? 0 : 2) : t.amount.decimals,
    };
    const words = blank ? wordsIn(t.amount) : undefined;
    if (words) term.words = words;
    byCell?.set(cell, term);
    terms.push(term);
  }
  return terms.some((t) => t.coefficient === 0) ? terms.filter((t) => t.coefficient !== 0) : terms;
}

/** Whatever the rule accepted (coarse-precision equality) must stay acceptable to the localizer: the excess, 分. */
function toleranceOf(relation: "eq" | "le", terms: IdentityTerm[], status: IdentityStatus): number {
  if (status === "violated") return 0;
  const { s1, s2 } = roundingSums(terms);
  return toleranceFrom(relation, residual({ relation, terms, tolerance: 0 }), s1, s2);
}
/** toleranceOf from the residual r and the rounding sums s1, s2 (分). */
function toleranceFrom(relation: "eq" | "le", r: number, s1: number, s2: number): number {
  const gap = Math.abs(r) - roundingAllowance(s1, s2);
  return gap > 0 && (relation === "eq" || r > 0) ? gap : 0;
}

/** Σ coefficient·value (r), Σ |coefficient|·halfWidth (s1), Σ (coefficient·halfWidth)² (s2), 分. */
interface RawSums {
  r: number;
  s1: number;
  s2: number;
}

/**
 * An identity as identityOf states it. A class so that `terms` and `tolerance` are read through the prototype's
 * accessors (made once, then kept); they are own data for JSON (toJSON) and for copies made with {...identity}
 * only through plainIdentity.
 */
class BuiltIdentity implements Identity {
  declare soft?: boolean;
  // Set in the constructor (undefined) so that every identity has one shape from the start.
  private made: IdentityTerm[] | undefined = undefined;
  private tol: number | undefined = undefined;
  /** CheckedIdentity.findings, which the engine sets on every identity it keeps (a field from the start: no new shape then). */
  findings: number[] | undefined = undefined;
  /**
   * When the listed figures are the terms (no cell listed twice, no weight 0): Σ coefficient·value, Σ |coefficient|·
   * halfWidth, Σ (coefficient·halfWidth)², 分; null when they are not; undefined until sums() is asked. (One object
   * field, not three numbers: a field that turns from 0 to a fraction changes every identity's shape.)
   */
  private raw: RawSums | null | undefined = undefined;
  constructor(
    readonly rule: string,
    readonly relation: "eq" | "le",
    readonly plus: Term[],
    readonly minus: Term[],
    public status: IdentityStatus,
    /** The status it was built with: the tolerance is that of identityOf with this status. */
    private readonly builtAs: IdentityStatus = status
  ) {}
  get terms(): IdentityTerm[] {
    return (this.made ??= termsOf(this.plus, this.minus));
  }
  set terms(terms: IdentityTerm[]) {
    this.made = terms;
  }
  get tolerance(): number {
    if (this.tol === undefined) {
      if (this.builtAs === "violated") this.tol = 0;
      else {
        const raw = this.sums();
        this.tol = raw
          ? toleranceFrom(this.relation, raw.r, raw.s1, raw.s2)
          : toleranceOf(this.relation, this.terms, this.builtAs);
      }
    }
    return this.tol;
  }
  set tolerance(tolerance: number) {
    this.tol = tolerance;
  }
  /**
   * Σ coefficient·value = 0 with every figure in a cell of its own (no cell listed twice), read without making the
   * terms: the fast "holds exactly" test of sumOutcome. Undefined when a figure has no cell or a weight is 0. Its own
   * loop rather than sums(): it runs on every sum of every table and most end here, with no object made.
   */
  exactlyBalanced(): boolean | undefined {
    const { plus, minus } = this;
    const n = plus.length + minus.length;
    let r = 0;
    for (let k = 0; k < n; k++) {
      const t = k < plus.length ? plus[k] : minus[k - plus.length];
      const c = (k < plus.length ? 1 : -1) * (t.weight ?? 1);
      if (!t.amount.cell || c === 0) return undefined;
      r += c * fenValue(t);
    }
    if (r !== 0) return false;
    return !repeatsACell(plus, minus);
  }
  /**
   * The sums of the listed figures when they are the terms as they are (no cell listed twice, no weight 0: most
   * identities), in the terms' order — what residual, roundingSums and the tolerance read, without the terms; null
   * when they are not.
   */
  sums(): RawSums | null {
    if (this.raw === undefined) {
      const { plus, minus } = this;
      const n = plus.length + minus.length;
      let r = 0;
      let s1 = 0;
      let s2 = 0;
      let simple = !repeatsACell(plus, minus);
      for (let k = 0; k < n && simple; k++) {
        const t = k < plus.length ? plus[k] : minus[k - plus.length];
        if (!t.amount.cell) continue;
        const c = (k < plus.length ? 1 : -1) * (t.weight ?? 1);
        if (c === 0) simple = false;
        r += c * fenValue(t);
        const h = Math.abs(c) * fenHalfWidth(t);
        s1 += h;
        s2 += h * h;
      }
      this.raw = simple ? { r, s1, s2 } : null;
    }
    return this.raw;
  }
  toJSON(): Identity {
    return plainIdentity(this);
  }
}

/** The sums residual and roundingSums give, read without making an identityOf identity's terms when it can be. */
export function identitySums(id: Identity): { r: number; s1: number; s2: number } {
  const raw = id instanceof BuiltIdentity ? id.sums() : null;
  return raw ?? { r: residual(id), ...roundingSums(id.terms) };
}

/**
 * The figures an identityOf identity lists, as given to it: `plus` enter with +weight, `minus` with −weight (a cell
 * may be listed twice, a figure may have no cell). Its terms are these merged by cell, those whose coefficients add
 * up to 0 left out. Undefined for any other identity: read its terms. Lets a reader of thousands of identities (the
 * localizer's cell index) see their cells without making their terms.
 */
export function listedFigures(
  id: Identity
): { plus: ReadonlyArray<Term>; minus: ReadonlyArray<Term> } | undefined {
  return id instanceof BuiltIdentity ? id : undefined;
}

/**
 * True when a cell is listed twice among plus and minus. Asked of every sum that holds exactly (most of them): the
 * cells are read in place, with no helper closure (in baseline code each call of one cost more than the compare).
 */
function repeatsACell(plus: Term[], minus: Term[]): boolean {
  const np = plus.length;
  const n = np + minus.length;
  if (n > 16) {
    const seen = new Set<string | undefined>();
    for (let k = 0; k < n; k++) {
      const c = (k < np ? plus[k] : minus[k - np]).amount.cell;
      if (seen.has(c)) return true;
      seen.add(c);
    }
    return false;
  }
  for (let k = 1; k < n; k++) {
    const c = (k < np ? plus[k] : minus[k - np]).amount.cell;
    for (let j = 0; j < k; j++)
      if ((j < np ? plus[j] : minus[j - np]).amount.cell === c) return true;
  }
  return false;
}

/**
 * The identity as a plain object (own data: terms, tolerance and any added field such as `findings`), e.g. to copy it
 * with another field — `{...identity}` alone would leave out the terms and tolerance of an identityOf identity.
 */
export function plainIdentity<I extends Identity>(id: I): I {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(id))
    if (!BUILT_STATE.has(k)) out[k] = (id as unknown as Record<string, unknown>)[k];
  out.terms = id.terms;
  out.tolerance = id.tolerance;
  return out as unknown as I;
}
/** BuiltIdentity's own fields that are not the identity's data. */
const BUILT_STATE = new Set(["plus", "minus", "builtAs", "made", "tol", "raw"]);

/**
 * Σ coefficient·value = 0, every figure in its own cell: a sum that holds exactly, told without making the terms
 * when the identity is identityOf's. False for any other identity whose terms do not say so.
 */
export function exactlyBalanced(id: Identity): boolean {
  if (id instanceof BuiltIdentity) return id.exactlyBalanced() === true;
  return residual(id) === 0;
}

/** Σ coefficient·value in 分. */
export function residual(id: Pick<Identity, "relation" | "terms" | "tolerance">): number {
  const raw = id instanceof BuiltIdentity ? id.sums() : null;
  if (raw) return raw.r;
  return id.terms.reduce((s, t) => s + t.coefficient * t.value, 0);
}

/** Σ |coefficient|·halfWidth and Σ (coefficient·halfWidth)² in 分: what roundingAllowance reads. */
export function roundingSums(terms: ReadonlyArray<IdentityTerm>): { s1: number; s2: number } {
  let s1 = 0;
  let s2 = 0;
  for (const t of terms) {
    const h = Math.abs(t.coefficient) * t.halfWidth;
    s1 += h;
    s2 += h * h;
  }
  return { s1, s2 };
}

/** How far the residual may be from 0 by rounding alone, 分: Σ |coefficient|·halfWidth, for many terms at most 5σ (see roundingAllowance). */
export function slackOf(terms: IdentityTerm[]): number {
  const { s1, s2 } = roundingSums(terms);
  return roundingAllowance(s1, s2);
}

/** True when some figures inside their intervals satisfy the identity (the rounding-aware reading). */
export function holdsWithinIntervals(id: Identity): boolean {
  const { r, s1, s2 } = identitySums(id);
  const s = roundingAllowance(s1, s2) + id.tolerance + 1e-6;
  return id.relation === "eq" ? Math.abs(r) <= s : r <= s;
}
