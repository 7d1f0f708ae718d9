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
import { UnitSchema } from "../model/schema";

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
 */
export function identityOf(rule: string, relation: "eq" | "le", plus: Term[], minus: Term[], status: IdentityStatus): Identity {
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
    else for (let j = 0; j < terms.length && !same; j++) if (terms[j].cell === cell) same = terms[j];
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
    byCell?.set(cell, term);
    terms.push(term);
  }
  const kept = terms.some((t) => t.coefficient === 0) ? terms.filter((t) => t.coefficient !== 0) : terms;
  let tolerance = 0;
  if (status !== "violated") {
    // Whatever the rule accepted (coarse-precision equality) must stay acceptable to the localizer.
    const r = residual({ relation, terms: kept, tolerance: 0 });
    const gap = Math.abs(r) - slackOf(kept);
    if (gap > 0 && (relation === "eq" || r > 0)) tolerance = gap;
  }
  return { rule, relation, terms: kept, status, tolerance };
}

/** Σ coefficient·value in 分. */
export function residual(id: Pick<Identity, "relation" | "terms" | "tolerance">): number {
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
  const r = residual(id);
  const s = slackOf(id.terms) + id.tolerance + 1e-6;
  return id.relation === "eq" ? Math.abs(r) <= s : r <= s;
}
