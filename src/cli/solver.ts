/**
 * HiGHS (npm `highs`, MIT; the solver compiled to WebAssembly) for the localizer's MIP step. Loaded once per
 * process and only when the first pass left findings unexplained; a failed load leaves the plain findings.
 */
import type { MipSolver } from "../core/localize/mip";

let cached: Promise<MipSolver | undefined> | undefined;

export function loadSolver(): Promise<MipSolver | undefined> {
  cached ??= import("highs")
    .then((m) => (m.default as unknown as () => Promise<MipSolver>)())
    .catch(() => undefined);
  return cached;
}
