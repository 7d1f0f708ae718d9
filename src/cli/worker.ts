/** A piscina worker thread of `check --out --jobs N`: reviews one file per task (see review-file.ts). */
import { reviewFile, type ReviewTask } from "./review-file";

export default function run(task: ReviewTask) {
  return reviewFile(task);
}
