/**
 * V8's tier-up threshold for the command's batch work (issue 10). With Node's default (an interrupt budget of 66 KB
 * of bytecode), a review of 200 workbooks had TurboFan optimise ~1,440 functions, most of them run for a few files
 * only (exceljs's parsers, the rules' closures), and deoptimise 150 again: that compiling runs on V8's helper threads
 * and kept a second core busy for one job (1.45 cores), so two jobs on two cores fought their own compilers and were
 * no faster than one. A budget of 1 MB optimises what stays hot across files (~270 functions) and leaves the rest to
 * the baseline tiers: one job's CPU −20 %, its wall time unchanged, two jobs markedly faster. `npm run bench` prints
 * the command with and without it (table "the same folder through the command").
 *
 * Set before any module of the engine loads (bin/budget-review.js does it first; bench.ts too): V8 reads the budget
 * as each function's feedback is made. The flags are the process's, so piscina's worker threads share them.
 * `BUDGET_REVIEW_V8_DEFAULTS=1` keeps Node's defaults (for the comparison, or should a later Node tier differently).
 */
import v8 from "v8";

/** Bytecode budget, in bytes, a function runs through before V8 considers optimising it (Node 20's default: 67,584). */
export const INTERRUPT_BUDGET = 1024 * 1024;

/** Applies the CLI's tier-up threshold unless the environment asks for V8's defaults; true when it did. */
export function tuneV8Tiering(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.BUDGET_REVIEW_V8_DEFAULTS) return false;
  v8.setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  return true;
}
