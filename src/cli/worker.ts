/**
 * A piscina worker thread of `check --out --jobs N`: reviews one file per task (see review-file.ts); the batch's
 * 审核汇总 workbook is written by a worker too (`writeSummary`), where the writer is already loaded and warm.
 */
import { reviewFile, type ReviewTask } from "./review-file";
import { writeSheetsOnly } from "../hosts/xlsx/review";

/** The 审核汇总 workbook's content: plain review-plan data (styles and sheets), cloned to the worker. */
export type SummaryContent = Parameters<typeof writeSheetsOnly>[0];

export default function run(task: ReviewTask) {
  return reviewFile(task);
}

/** The bytes of the 审核汇总 workbook (.xlsx), for the batch's main thread to write under a temporary name. */
export function writeSummary(content: SummaryContent): Promise<Uint8Array> {
  return writeSheetsOnly(content);
}
