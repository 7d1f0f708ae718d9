/**
 * The temporary files a batch writes in the output folder before renaming them to their names (review-file.ts): one
 * per writing thread, a dot file no folder walk takes for a workbook. An interrupted run removes its own (batch.ts).
 */
import { promises as fs } from "fs";
import path from "path";

/** The temporary file of one writing thread of process `pid`. */
export const tempName = (pid: number, thread: number) => `.budget-review-${pid}-${thread}.tmp`;

/** Removes this process's temporary files from `dir` (synchronous callers: use before exiting). */
export async function removeTempFiles(dir: string, pid = process.pid): Promise<void> {
  const mine = new RegExp(`^\\.budget-review-${pid}--?\\d+\\.tmp$`);
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((n) => mine.test(n))
      .map((n) => fs.rm(path.join(dir, n), { force: true }).catch(() => undefined))
  );
}
