/** The one line said when a check finds nothing — and what it may not claim (tester29 T29-11). */
import type { Unrecognized } from "../model/schema";

/**
 * The verdict line of a check without findings. `checked` rules (0: nothing was checked); `unrecognized` the report's
 * regions not read. A titled table that could not be read (Unrecognized.kind: a 绩效目标表 whose forms went unread)
 * was not reviewed: the line says the tables read hold no problem and that some were not read — never a bare
 * 未发现问题 over a workbook whose forms were all skipped.
 */
export function noFindingsVerdict(checked: number, unrecognized: readonly Unrecognized[]): string {
  if (checked <= 0) return "没有执行任何检查，不能视为审核通过。";
  const unread = unreadTables(unrecognized);
  return unread
    ? `已读出的表未发现问题；另有 ${unread} 处表格未能读出、未审核（见“未识别”），不能视为整本通过。`
    : "未发现问题。";
}

/** How many titled tables went unread (Unrecognized.kind set): the tables a clean verdict may not cover. */
export function unreadTables(unrecognized: readonly Unrecognized[]): number {
  let n = 0;
  for (const u of unrecognized) if (u.kind) n++;
  return n;
}

/**
 * The 不适用 count of a summary line, as both its units: `items` rule × table-set checks that did not apply and the
 * `rules` they belong to — “不适用 172 项（72 条规则）” — so the header agrees with the list below it, which counts
 * rules (tester34 T34-9: “不适用 172” over “另有 72 条规则不适用”).
 */
export function notApplicableText(items: number, rules: number): string {
  return items ? `不适用 ${items} 项（${rules} 条规则）` : "不适用 0";
}
