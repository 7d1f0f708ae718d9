/**
 * The localizer's budget, counted in work rather than time: the same workbook gets the same causes on any machine
 * and under any load (a wall-clock budget let a file's causes change between two runs of a busy batch). One unit is
 * one try: a cell tried alone (`single`, the peel's `bestPoint`) or a pair of cells (`pair`). The mixed-integer step
 * is bounded by model size and nodes (MIP_MAX_VARS, MIP_MAX_NODES). A wall-clock cap stays as a guard for a far
 * slower machine: past it the rest stays plain findings as before, so only then can one run differ from another
 * (docs/localization.md "Budget").
 */

/**
 * Tries a localization may make. The heaviest real input, 2,000 project rows with a table from elsewhere
 * (bad-inputs/58b), makes 88,398 tries in 380 ms; the samples and field workbooks with 50 figures changed at random
 * at most a few thousand (measured 2026-11-30). About 1 s of tries on the development machine.
 */
export const WORK_BUDGET = 250_000;

/**
 * The largest mixed-integer model (free cells) the localizer hands to HiGHS. HiGHS has no deterministic work limit;
 * its time limit would make a file's causes depend on the machine's load. Model size decides instead. Measured
 * (2026-11-30: the three samples and three field workbooks with 1–50 figures changed at random, 91 solves): every
 * model up to 698 free cells solved in ≤ 183 ms; from 710 on, 1.1–15 s per solve (the root node alone 2.5 s at 751).
 * The real inputs' largest model has 583.
 */
export const MIP_MAX_VARS = 700;

/** HiGHS branch-and-bound nodes per solve: a deterministic bound on the search after the root. */
export const MIP_MAX_NODES = 20_000;

export class WorkBudget {
  private spent = 0;

  constructor(readonly limit: number) {}

  /** Tries made so far. */
  get used(): number {
    return this.spent;
  }

  /** True while the budget is not spent. */
  get left(): boolean {
    return this.spent <= this.limit;
  }

  /** Counts one try (a cell alone, or a pair). */
  charge(): void {
    this.spent++;
  }
}
