/**
 * buildReviewPlan: Report + CheckResult (+ the grids, to tell text amounts) → ReviewPlan (plan.ts). Pure; the hosts
 * apply the result. The catalog version is a short fingerprint of the rule ids and severities, so two reviews
 * made with different catalogs can be told apart.
 */
import type { Report } from "../model/schema";
import type { SheetGrid } from "../grid/grid";
import type { CheckResult } from "../rules/rule";
import { CATALOG } from "../rules/catalog";
import { PLAN_VERSION, type ReviewPlan } from "./plan";
import { buildMarks } from "./marks";
import { buildResultsSheet, levelRange, type ReviewMeta } from "./results-sheet";
import { buildSummarySheet } from "./summary-sheet";
import { REVIEW_STYLES } from "./styles";

/** "N 条规则 · xxxxxxxx" (FNV-1a over "id:severity" of every catalog rule). */
export function catalogVersion(): string {
  let h = 0x811c9dc5;
  for (const ch of CATALOG.map((r) => `${r.id}:${r.severity}`).join("|")) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${CATALOG.length} 条规则 · ${h.toString(16).padStart(8, "0")}`;
}

export interface PlanInput {
  report: Report;
  result: CheckResult;
  grids: SheetGrid[];
  /** File name as shown to the reviewer. */
  file: string;
  /** ISO 8601 time of the review (the host's clock; the core has none). */
  reviewedAt: string;
  productVersion: string;
}

export function buildReviewPlan(input: PlanInput): ReviewPlan {
  const meta: ReviewMeta = {
    file: input.file,
    reviewedAt: input.reviewedAt,
    product: "预算审核 budget-review",
    productVersion: input.productVersion,
    catalogVersion: catalogVersion(),
  };
  const results = buildResultsSheet(input.report, input.result, meta);
  return {
    version: PLAN_VERSION,
    product: meta.product,
    productVersion: meta.productVersion,
    catalogVersion: meta.catalogVersion,
    reviewedAt: meta.reviewedAt,
    file: meta.file,
    marks: buildMarks(input.result),
    styles: { ...REVIEW_STYLES },
    sheets: [
      results,
      buildSummarySheet(input.report, input.result, input.grids, levelRange(results)),
    ],
  };
}
