/**
 * The consolidated 审核汇总 sheet of a batch run: one row per input workbook (file, 部门, 年度, 单位, 收入总计,
 * 支出总计 in the workbook's unit, counts per severity, status, a link to its reviewed file), unreadable and
 * non-budget files included with the reason. Sorted as given (the batch sorts by path).
 */
import type { Severity } from "../rules/rule";
import type { PlanSheet } from "./plan";
import { SHEET_TAG } from "./plan";
import { FIT_LATIN, fitText, reviewTime, SheetBuilder, textWidth } from "./sheet";

export interface BatchEntry {
  file: string;
  department: string | null;
  year: number | null;
  unit: string | null;
  income: number | null;
  expenditure: number | null;
  counts: Record<Severity, number> | null;
  /** 已审核 / 已审核（另存审核表） / 无法读取 / 未识别为预算表 */
  status: string;
  /** File name of the written review beside the summary, if any. */
  output: string | null;
  reason: string | null;
  /** Which 收支总表 lines 收入总计 / 支出总计 are when it prints no 总计 line (batch-totals.ts), put in 说明. */
  totalsNote?: string | null;
}

export const BATCH_SHEET = "审核汇总";
const HEADERS = [
  "序号",
  "文件",
  "部门",
  "年度",
  "单位",
  "收入总计",
  "支出总计",
  "错误",
  "警告",
  "尾差",
  "提示",
  "状态",
  "审核文件",
  "说明",
];

const WIDTHS = [6, 34, 30, 7, 7, 14, 14, 7, 7, 7, 7, 18, 42, 50];
/**
 * A file name as the relative link to it: a link is a URI, in which "#" starts a fragment, "%" an escape and "?" a
 * query, so those (and spaces) are escaped — 预算 2025#1.审核结果.xlsx → 预算%202025%231.审核结果.xlsx (newcomer10
 * NC10-3: the link opened 预算 2025 with a sub-address). Other characters, Chinese among them, stay as they are.
 */
export function fileLink(name: string): string {
  return name.replace(
    /[%#? ]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`
  );
}

/** The 审核文件 column grows with the longest reviewed file's name up to this width; a longer name is shortened. */
const LINK_WIDTH_MAX = 72;

export function buildBatchSheet(
  entries: BatchEntry[],
  meta: { reviewedAt: string; productVersion: string }
): PlanSheet {
  // The reviewer reads the whole name of each reviewed file where it fits a reasonable column (a link never wraps).
  const linkWidth = Math.min(
    LINK_WIDTH_MAX,
    Math.max(WIDTHS[12], ...entries.map((e) => Math.ceil(textWidth(e.output ?? "", FIT_LATIN)) + 1))
  );
  const widths = WIDTHS.map((w, k) => (k === 12 ? linkWidth : w));
  const s = new SheetBuilder(BATCH_SHEET, widths, "#C00000");
  const last = HEADERS.length - 1;
  s.print = { orientation: "landscape", fitToWidth: true };
  const t = s.line([`${SHEET_TAG} · 批量审核汇总`], "title");
  s.merge(t, 0, t, last);
  // A file read but holding no budget table has counts (its input.no-tables finding) and was not reviewed
  // (tester30 T30-7): 已审核 counts the reviewed statuses only, the others are said by status.
  const ok = entries.filter((e) => e.status.startsWith("已审核")).length;
  const notReviewed = new Map<string, number>();
  for (const e of entries)
    if (!e.status.startsWith("已审核"))
      notReviewed.set(e.status, (notReviewed.get(e.status) ?? 0) + 1);
  const why = [...notReviewed].map(([status, n]) => `${status} ${n} 个`).join("，");
  const sub = s.line(
    [
      `共 ${entries.length} 个文件，已审核 ${ok} 个，未能审核 ${entries.length - ok} 个${why ? `（${why}）` : ""}。审核时间 ${reviewTime(meta.reviewedAt)}，预算审核 budget-review ${meta.productVersion}。金额为各工作簿自身单位。`,
    ],
    "note"
  );
  s.merge(sub, 0, sub, last);
  s.row++;
  const h = s.line(HEADERS, "header");
  s.frozen = { rows: h + 1, cols: 2 };
  entries.forEach((e, i) => {
    const r = s.row++;
    const c = e.counts;
    const cells: Array<[unknown, string]> = [
      [i + 1, "cellCenter"],
      [e.file, "cell"],
      [e.department, "cell"],
      [e.year, "cellCenter"],
      [e.unit, "cellCenter"],
      [e.income, "amount"],
      [e.expenditure, "amount"],
      [c?.error ?? null, c?.error ? "sev_error" : "count"],
      [c?.warning ?? null, c?.warning ? "sev_warning" : "count"],
      [c?.rounding ?? null, c?.rounding ? "sev_rounding" : "count"],
      [c?.info ?? null, c?.info ? "sev_info" : "count"],
      [e.status, "cell"],
    ];
    cells.forEach(([v, st], k) => s.set(r, k, v as string | number | null, st));
    // The link's text fits the column on one line (LibreOffice cuts a long link); a name shortened beyond the widest
    // column still opens the full name.
    if (e.output)
      s.set(r, 12, fitText(e.output, linkWidth), "link", {
        hyperlink: { url: fileLink(e.output) },
      });
    else s.set(r, 12, null, "cell");
    s.set(r, 13, [e.reason, e.totalsNote].filter(Boolean).join("；") || null, "cell");
    // Long paths and reasons wrap: the row grows with them instead of running into the next one.
    s.fitHeight(r, [1, 2, 11, 13]);
  });
  s.autoFilter = `A${h + 1}:N${Math.max(h + 1, s.row)}`;
  return s.build();
}
