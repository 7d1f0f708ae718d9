/** `budget-review check`: one or more workbooks in one process; a Chinese summary, or one JSON document. */
import { loadReport } from "./load";
import { checkReport } from "../core/rules/engine";
import { SEVERITY_NAMES, type Severity } from "../core/rules/rule";
import { WorkbookReadError } from "../hosts/xlsx/read";
import { toCheckJson, type CheckFileJson } from "../core/findings/json";

export async function runCheck(files: string[], opts: { json: boolean; failOn?: string; skip?: string[] }, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const docs: CheckFileJson[] = [];
  let unusable = false;
  let tripped = false;
  for (const file of files) {
    try {
      const { report } = await loadReport(file);
      const result = checkReport(report, { skip: opts.skip });
      const doc = toCheckJson(file, report, result);
      docs.push(doc);
      const sev = doc.findings.map((f) => f.severity);
      if (opts.failOn === "error" && sev.includes("error")) tripped = true;
      if (opts.failOn === "warning" && (sev.includes("error") || sev.includes("warning"))) tripped = true;
      if (!opts.json) out(textSummary(doc));
    } catch (e) {
      unusable = true;
      const msg = e instanceof WorkbookReadError ? e.message : `处理失败（${(e as Error).message}）`;
      err(`错误：${file}：${msg}`);
    }
  }
  if (opts.json) out(JSON.stringify({ version: 1, files: docs }));
  if (unusable) return 2;
  return tripped ? 1 : 0;
}

function textSummary(doc: CheckFileJson): string {
  const counts = (["error", "warning", "rounding", "info"] as Severity[]).map((s) => `${SEVERITY_NAMES[s]} ${doc.findings.filter((f) => f.severity === s).length}`);
  const lines = [
    `━━ ${doc.file}`,
    `部门：${doc.department ?? "（未识别）"}  年度：${doc.year ?? "（未识别）"}  单位：${doc.unit ?? "—"}  识别表格 ${doc.tables.length} 张`,
    `审核结果：${counts.join("，")}（检查 ${doc.rules.checked} 项，通过 ${doc.rules.passed}，不通过 ${doc.rules.failed}，不适用 ${doc.rules.notApplicable}）`,
  ];
  for (const f of doc.findings) {
    lines.push(`  [${SEVERITY_NAMES[f.severity]}] ${f.message}`);
    lines.push(`         ${f.rule}  ${f.cells.slice(0, 6).join(" ")}${f.cells.length > 6 ? ` 等 ${f.cells.length} 个单元格` : ""}`);
  }
  if (!doc.findings.length) lines.push("  未发现问题。");
  // A rule that did not apply is not a rule that passed: say which and why.
  const na = doc.notApplicable ?? [];
  if (na.length) {
    lines.push(`  未检查（不适用）${na.length} 条规则：`);
    for (const r of na) lines.push(`  [不适用] ${r.title}${r.checked ? `（部分适用，已检查 ${r.checked} 项）` : ""}：${r.reasons.join("；")}  ${r.rule}`);
  }
  return lines.join("\n");
}
