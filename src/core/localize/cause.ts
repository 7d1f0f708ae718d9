/** What the localizer says (zod): suspected cells, the values that make every identity hold, the findings explained. */
import { z } from "zod";

export const SuspectSchema = z.object({
  /** Single-cell reference with the sheet. */
  cell: z.string(),
  /** As printed, in the cell's table unit (null for a blank cell). */
  printed: z.number().nullable(),
  /** The value (same unit, printed decimals) with which every identity holds within its rounding interval. */
  value: z.number(),
  unit: z.string(),
  decimals: z.number().int(),
  /** "=": should be `value`; "≤" / "≥": only a ceiling or floor is known (a ≤ identity). */
  relation: z.enum(["=", "≤", "≥"]),
});
export type Suspect = z.infer<typeof SuspectSchema>;

export const CauseSchema = z.object({
  /** The explanation: the cells to change together (one cell mostly). */
  suspects: z.array(SuspectSchema),
  /**
   * Equally good explanations (same number of cells, same trust): 表5!C6 或 表2!D6. Never resolved by chance —
   * when this is not empty the reviewer decides.
   */
  alternatives: z.array(z.array(SuspectSchema)),
  /** Indexes into the result's `findings`: the inconsistencies this change removes. */
  explains: z.array(z.number().int()),
  /** Σ trust weights of the suspects (see docs/localization.md). */
  weight: z.number(),
  /**
   * single / pair: exhaustive search with exact interval reasoning; table: a whole table that agrees with itself but
   * not with the others (another department's or year's table), its disagreeing figures listed; mip: HiGHS.
   */
  method: z.enum(["single", "pair", "table", "mip"]),
  /**
   * For method "table": the sheet suspected as a whole (a table from elsewhere, two whole columns exchanged); absent
   * where the table is named for a few of its figures (two exchanged, one line with the sums over it following).
   */
  sheet: z.string().optional(),
  /** Chinese, for the reviewer: "预算公开表5!C6 疑为 234.12，应为 450.05（万元），可解释 3 条不一致". */
  message: z.string(),
});
export type Cause = z.infer<typeof CauseSchema>;

export const LocalizationSchema = z.object({
  causes: z.array(CauseSchema),
  /**
   * complete: every violated identity was examined; budget: the time budget ran out and the rest stay plain
   * findings; skipped: nothing to localize.
   */
  status: z.enum(["complete", "budget", "skipped"]),
  /** Indexes of findings from violated identities that no small change explains (they stay findings of their own). */
  unexplained: z.array(z.number().int()),
});
export type Localization = z.infer<typeof LocalizationSchema>;
