/**
 * HiGHS (npm `highs`, MIT; the solver compiled to WebAssembly) for the localizer's MIP step. Loaded once per
 * process and only when the first pass left findings unexplained; a failed load leaves the plain findings.
 */
import type { MipSolver } from "../core/localize/mip";
import type { Report } from "../core/model/schema";
import type { CheckResult } from "../core/rules/rule";
import { checkReport, withCauses } from "../core/rules/engine";

let cached: Promise<MipSolver | undefined> | undefined;

export function loadSolver(): Promise<MipSolver | undefined> {
  cached ??= import("highs")
    .then((m) => (m.default as unknown as () => Promise<MipSolver>)())
    .catch(() => undefined);
  return cached;
}

/**
 * The check as the CLI makes it, whether `check` prints it or `check --out` writes it: checkReport, then — when one
 * or two cells and the table step left clusters unexplained, and time was left — HiGHS for those (loaded only then).
 */
export async function checkWithSolver(report: Report, skip?: string[]): Promise<CheckResult> {
  return localizeWithSolver(checkReport(report, { skip, localize: false }));
}

/** The causes of a check made without them (`checkReport(…, { localize: false })`), as checkWithSolver gives them. */
export async function localizeWithSolver(checked: CheckResult): Promise<CheckResult> {
  const result = withCauses(checked);
  if (!result.localization.unexplained.length || result.localization.status !== "complete")
    return result;
  const solver = await loadSolver();
  return solver ? withCauses(result, { solver }) : result;
}
