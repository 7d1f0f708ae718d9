/** The findings as CSV (UTF-8; the pane prefixes a BOM so Excel opens it as Chinese text): what the reviewer sees, filters applied. */
import type { DecidedFinding } from "../core/decisions/decisions";
import { DECISION_NAMES } from "../core/decisions/decisions";
import { SEVERITY_NAMES } from "../core/rules/rule";
import { tableOfFinding } from "../core/findings/arithmetic";
import type { Report } from "../core/model/schema";
import { ruleTitle } from "../core/review/marks";
import { elsewhereText, locatedElsewhere } from "../core/review/located";
import type { CheckResult } from "../core/rules/rule";

const quote = (v: unknown) => {
  const s = v === null || v === undefined ? "" : String(v);
  // A leading = + - @ would be read as a formula by a spreadsheet: quote it as text.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/**
 * One CSV row per finding, as 审核结果 lists them: a finding whose cause suspects other cells leaves 应为 empty and says
 * where the localizer points (review/located.ts), so the export never tells a reviewer to change a right figure.
 * `result` is the check the items' indices refer to (without it, every 应为 is printed).
 */
export function findingsCsv(
  out: { report: Report; result?: CheckResult },
  items: DecidedFinding[]
): string {
  const elsewhere = out.result ? locatedElsewhere(out.result) : new Map();
  // As 审核结果: 规则 in Chinese, the rule's id apart in the last column.
  const head = [
    "序号",
    "级别",
    "规则",
    "表",
    "单元格",
    "说明",
    "应为",
    "实为",
    "差额",
    "意见",
    "理由",
    "规则编号",
  ];
  const rows = items.map((x, i) => {
    const f = x.finding;
    const t = tableOfFinding(out.report, f.cells);
    const away = elsewhere.get(x.index);
    return [
      i + 1,
      SEVERITY_NAMES[f.severity],
      ruleTitle(f.rule),
      t ? `${t.sheet} ${t.title}` : "",
      f.cells.join(" "),
      away ? f.message + elsewhereText(away) : f.message,
      away ? "" : (f.expected ?? ""),
      f.actual ?? "",
      f.difference ?? "",
      x.decision ? DECISION_NAMES[x.decision.status] : "",
      x.decision?.reason ?? "",
      f.rule,
    ];
  });
  return [head, ...rows].map((r) => r.map(quote).join(",")).join("\r\n") + "\r\n";
}
