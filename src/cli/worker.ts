/**
 * A piscina worker thread of `check --out --jobs N`: reviews one file per task (see review-file.ts); the batch's
 * 审核汇总 workbook is built and written by a worker too (`writeSummary`, summary.ts), where the writer is already
 * loaded and warm.
 */
import { reviewFile, type ReviewTask } from "./review-file";
import { summaryWorkbook, type SummaryInput } from "./summary";

export default function run(task: ReviewTask) {
  return reviewFile(task);
}

/** The bytes of the 审核汇总 workbook (.xlsx), for the batch's main thread to write under a temporary name. */
export function writeSummary(input: SummaryInput): Promise<Uint8Array> {
  return summaryWorkbook(input);
}
