/**
 * The batch's 审核汇总 workbook (.xlsx bytes) from its rows. Built where the writer is loaded: with --jobs N in a
 * worker (the batch's main thread then never loads the core's review sheets, zod or the writer: ~140 modules, 40 % of
 * its CPU time in a 200-workbook batch), with one job in the thread that reviewed.
 */
import { buildBatchSheet, type BatchEntry } from "../core/review/batch-sheet";
import { REVIEW_STYLES } from "../core/review/styles";
import { writeSheetsOnly } from "../hosts/xlsx/review";

/** What the summary is made of: plain data, cloned to the worker (each row's 审核汇总 columns only). */
export interface SummaryInput {
  entries: BatchEntry[];
  reviewedAt: string;
  productVersion: string;
}

export function summaryWorkbook(input: SummaryInput): Promise<Uint8Array> {
  const sheet = buildBatchSheet(input.entries, {
    reviewedAt: input.reviewedAt,
    productVersion: input.productVersion,
  });
  return writeSheetsOnly({ styles: { ...REVIEW_STYLES }, sheets: [sheet] });
}
