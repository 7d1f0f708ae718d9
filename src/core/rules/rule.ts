/** What a rule is and what it yields: ids, categories, severities, findings and outcomes (zod). */
import { z } from "zod";
import { UnitSchema, type Report } from "../model/schema";
import { IdentitySchema, type Identity } from "./identity";
import { CauseSchema, LocalizationSchema } from "../localize/cause";
import { CATEGORIES, CATEGORY_NAMES, SEVERITIES, SEVERITY_NAMES } from "./names";

export const SeveritySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof SeveritySchema>;
export { SEVERITY_NAMES, CATEGORY_NAMES };

export const CategorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof CategorySchema>;

export const FindingSchema = z.object({
  rule: z.string(),
  severity: SeveritySchema,
  message: z.string(),
  /** Single-cell references; the checked figure (total) first, then its parts or counterparts. */
  cells: z.array(z.string()),
  expected: z.number().nullable(),
  actual: z.number().nullable(),
  difference: z.number().nullable(),
  /**
   * The unit of expected / actual / difference when the comparison mixes tables printed in different units (元 and
   * 万元: helpers.ts mixedUnits) — it may then not be the unit of the first cell's table; absent otherwise (they are
   * in the first cell's table's unit).
   */
  unit: UnitSchema.optional(),
  /**
   * A finding that groups many rows of one table (rules/flood.ts): one sentence per cited cell, in the order of
   * `cells`, which that cell's note shows; absent on ordinary findings.
   */
  details: z.array(z.string()).optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

/**
 * Where a rule comes from: a national rule (财政部 预算公开 requirements, 《政府收支分类科目》), the identities the
 * published table layout defines (合计 = Σ 各栏), or reviewers' practice (what inspections and practitioners check).
 */
export const BasisSchema = z.enum(["national", "identity", "practice"]);
export type Basis = z.infer<typeof BasisSchema>;
export const BASIS_NAMES: Readonly<Record<Basis, string>> = {
  national: "国家规定",
  identity: "表样勾稽",
  practice: "实务",
};

export interface RuleSource {
  basis: Basis;
  /** The document or practice the rule follows, as a reviewer would cite it. */
  ref: string;
}

/**
 * One checked instance. A comparison of figures also carries its identity (passing or failing: a correction must
 * not break the passing ones); checks of names, presence or coverage have none.
 */
export type Outcome =
  /**
   * `also`: further identities this outcome reports (a budget ceiling said in a comparison's message; soft
   * corroborations beside a checked sum).
   */
  | {
      status: "pass";
      identity?: Identity;
      also?: Identity[];
      /**
       * Cells whose figures are money arranged, never below zero (within.non-negative): a correction the localizer
       * proposes keeps them ≥ 0. Cells, not identities: a bound per cell of every table would be most of a check's
       * identities, and only the few cells near a violated identity are ever asked about.
       */
      bounds?: string[];
    }
  | { status: "fail"; finding: Finding; identity?: Identity; also?: Identity[] }
  /**
   * `nothingToCheck`: the rule looked and the workbook has no case of what it looks for (no hidden sheet, no 续表, no
   * formula): it ran, so the 审核结果 lists it apart from the rules that could not be checked (a table or column missing).
   */
  | { status: "na"; reason: string; nothingToCheck?: true };

export interface RuleDef {
  /** Stable id, category-prefixed: within.row-sources, cross.general-budget … never reused. */
  id: string;
  category: Category;
  title: string;
  /** One sentence on what the rule checks, for the docs and the 审核结果 sheet. */
  description: string;
  severity: Severity;
  /** What the rule requires and why (the docs print it; every rule must state it). */
  source: RuleSource;
  check(report: Report): Outcome[];
}

export function defineRule(r: RuleDef): RuleDef {
  return r;
}

/** An identity as the engine returns it: with the indexes (into `findings`) of the findings it produced. */
export const CheckedIdentitySchema = IdentitySchema.extend({ findings: z.array(z.number().int()) });
export type CheckedIdentity = z.infer<typeof CheckedIdentitySchema>;

export const ResultSchema = z.object({
  findings: z.array(FindingSchema),
  /** Every identity the rules checked, passing and failing, in catalog order. */
  identities: z.array(CheckedIdentitySchema),
  /** Cells that no correction may make negative (Outcome.bounds of every passing outcome), for the localizer. */
  bounds: z.array(z.string()).optional(),
  /**
   * Parts of tables printed on other sheets than the table's first (a 续表 joined to its table, Table.continued): the
   * part's sheet and range and the sheet the table starts on, so whole-table causes take a table's parts as one table.
   */
  joined: z.array(z.object({ sheet: z.string(), range: z.string(), table: z.string() })).optional(),
  /** The suspected errors that explain the findings (src/core/localize; docs/localization.md), most findings first. */
  causes: z.array(CauseSchema),
  localization: LocalizationSchema.omit({ causes: true }),
  rules: z.object({
    checked: z.number(),
    passed: z.number(),
    failed: z.number(),
    notApplicable: z.number(),
  }),
  perRule: z.array(
    z.object({
      id: z.string(),
      checked: z.number(),
      passed: z.number(),
      failed: z.number(),
      notApplicable: z.number(),
      reasons: z.array(z.string()),
      /** Every instance that did not apply had nothing to check (Outcome `nothingToCheck`), none was checked. */
      nothingToCheck: z.boolean().optional(),
    })
  ),
});
export type CheckResult = z.infer<typeof ResultSchema>;
