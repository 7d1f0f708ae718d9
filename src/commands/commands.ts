/**
 * The function file of the ribbon's ExecuteFunction buttons (manifest.xml: runReview, clearMarks). They run without
 * the pane: 一键审核 reads, checks, marks and inserts 审核结果 / 预算汇总, then shows 审核结果 (its header carries the
 * counts); 清除标记 removes what the product added. Outcomes reach the reviewer on the sheet; a problem (Excel too
 * old, no budget table, protected sheets, …) is written to the status area Office shows for add-in commands.
 */
import { buildReviewPlan, catalogVersion } from "../core/review/build";
import { clear, problemText, review } from "../taskpane/workflow";
import pkg from "../../package.json";

type CommandEvent = { completed: (opts?: { allowEvent?: boolean }) => void };

/** A command has no pane: a problem or an outcome the sheet does not show is said in a small dialog (dialog.html). */
function tell(text: string) {
  const url = `${location.origin}${location.pathname.replace(/[^/]*$/, "")}dialog.html?m=${encodeURIComponent(text)}`;
  Office.context.ui?.displayDialogAsync?.(url, { height: 25, width: 30, displayInIframe: true });
}

export async function runReview(event: CommandEvent) {
  try {
    const out = await review({
      build: buildReviewPlan,
      catalogVersion: catalogVersion(),
      productVersion: pkg.version,
      write: "all",
      activate: "审核结果",
    });
    // The result shows itself: 审核结果 is active and its header carries the counts. Only what it cannot show is said.
    const a = out.applied!;
    if (a.protectedSheets.length)
      tell(
        `以下工作表受保护，未能标记：${a.protectedSheets.join("、")}。其余工作表已标记，审核结果见“审核结果”表。`
      );
    if (a.nameTaken.length)
      tell(
        `工作簿中已有同名工作表（不是本加载项插入的）：${a.nameTaken.join("、")}。请改名后再审核。`
      );
  } catch (e) {
    tell(problemText(e));
  } finally {
    event.completed();
  }
}

export async function clearMarks(event: CommandEvent) {
  try {
    const r = await clear();
    tell(`已清除 ${r.marks} 处标记、${r.notes} 条批注、${r.sheets.length} 张审核表`);
  } catch (e) {
    tell(problemText(e));
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate("runReview", runReview);
  Office.actions.associate("clearMarks", clearMarks);
});
