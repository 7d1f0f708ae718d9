/** `budget-review check`: one or more workbooks in one process; a Chinese summary, or one JSON document. */
import path from "path";
import { loadReport } from "./load";
import { checkWithSolver } from "./solver";
import { SEVERITY_NAMES, SeveritySchema, type Severity } from "../core/rules/rule";
import { WorkbookReadError } from "../hosts/xlsx/read";
import {
  CHECK_JSON_VERSION,
  toCheckJson,
  withFindings,
  type CheckFileJson,
  type CheckFileErrorJson,
} from "../core/findings/json";
import { financialTables } from "../core/rules/input";
import { EXIT } from "./options";
import { errorLine } from "./errors";
import { expandInputs } from "./batch";
import { jsonText } from "./terminal";
import { HIDDEN_SHEET_NOTE } from "../core/review/results-sheet";
import { noFindingsVerdict, notApplicableText } from "../core/review/verdict";

export interface CheckCliOptions {
  json: boolean;
  failOn?: string;
  /** Findings below this severity are not listed (the counts keep them). */
  minSeverity?: string;
  skip?: string[];
  debug?: boolean;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, rounding: 2, info: 3 };

/**
 * Reviews the named files and the workbooks under named folders (walked as `check --out` walks them: sorted, lock
 * files and our own outputs skipped) without writing anything. Exit codes as EXIT: an unusable input, or a folder
 * with no workbook, gives `unusable`.
 */
export async function runCheck(
  inputs: string[],
  opts: CheckCliOptions,
  out: (s: string) => void,
  err: (s: string) => void
): Promise<number> {
  const docs: Array<CheckFileJson | CheckFileErrorJson> = [];
  let unusable = false;
  let tripped = false;
  const min = SeveritySchema.safeParse(opts.minSeverity).data ?? "info";
  // Each input in its place: a file as named, a folder as the workbooks under it; a folder holding none is an
  // unusable input of its own (listed, exit 2), never dropped without a word.
  const files: string[] = [];
  const empty = new Set<string>();
  const seen = new Set<string>();
  const take = (f: string) =>
    seen.has(path.resolve(f)) || (seen.add(path.resolve(f)), files.push(f));
  for (const input of inputs) {
    const found = await expandInputs([input]);
    if (!found.length) empty.add(input);
    for (const f of found.length ? found : [input]) take(f);
  }
  for (const file of files) {
    try {
      if (empty.has(file))
        throw new WorkbookReadError(
          "not_regular",
          `“${file}”是文件夹，其中没有找到工作簿文件（.xlsx / .xlsm / .xls / .ods / .xlsb / .et）`
        );
      const { report } = await loadReport(file);
      const result = await checkWithSolver(report, opts.skip);
      const full = toCheckJson(file, report, result);
      const doc = withFindings(full, (f) => RANK[f.severity] <= RANK[min]);
      docs.push(doc);
      const sev = full.findings.map((f) => f.severity);
      if (opts.failOn === "error" && sev.includes("error")) tripped = true;
      if (opts.failOn === "warning" && (sev.includes("error") || sev.includes("warning")))
        tripped = true;
      // Nothing was checked: never a pass.
      if (financialTables(report).length === 0) unusable = true;
      if (!opts.json) out(textSummary(full, doc.findings, min === "info"));
    } catch (e) {
      unusable = true;
      const code = e instanceof WorkbookReadError ? e.code : "internal";
      const line = errorLine(e, !!opts.debug, file);
      docs.push({
        file,
        error: { code, message: line.replace(/^错误：[^\n]*?：/, "").split("\n")[0] },
      });
      err(line);
    }
  }
  if (opts.json) out(jsonText({ version: CHECK_JSON_VERSION, files: docs }));
  if (unusable) return EXIT.unusable;
  return tripped ? EXIT.failOn : EXIT.ok;
}

function textSummary(
  doc: CheckFileJson,
  shown: CheckFileJson["findings"],
  listNotApplicable: boolean
): string {
  const counts = SeveritySchema.options.map(
    (s) => `${SEVERITY_NAMES[s]} ${doc.findings.filter((f) => f.severity === s).length}`
  );
  const lines = [
    `━━ ${doc.file}`,
    `部门：${doc.department ?? "（未识别）"}  年度：${doc.year ?? "（未识别）"}  单位：${doc.unit ?? "—"}  识别表格 ${doc.tables.length} 张`,
    `审核结果：${counts.join("，")}（检查 ${doc.rules.checked} 项，通过 ${doc.rules.passed}，不通过 ${doc.rules.failed}，${notApplicableText(doc.rules.notApplicable, (doc.notApplicable ?? []).length)}）`,
  ];
  const finding = (f: CheckFileJson["findings"][number], indent: string) => {
    lines.push(`${indent}[${SEVERITY_NAMES[f.severity]}] ${f.message}`);
    lines.push(
      `${indent}       ${f.rule}  ${f.cells.slice(0, 6).join(" ")}${f.cells.length > 6 ? ` 等 ${f.cells.length} 个单元格` : ""}`
    );
  };
  // The causes first: a reviewer reads the few suspected cells, then the findings each explains.
  const listed = new Set(shown);
  const explained = new Set(doc.causes.flatMap((c) => c.explains));
  if (doc.causes.length) {
    lines.push(
      `${doc.causes.length} 处疑似错误可解释 ${explained.size} 条不一致（共 ${doc.findings.length} 条发现）：`
    );
    const done = new Set<number>();
    doc.causes.forEach((c, k) => {
      lines.push(`  ${k + 1}. ${c.message}`);
      for (const i of c.explains.filter((x) => !done.has(x) && listed.has(doc.findings[x]))) {
        done.add(i);
        finding(doc.findings[i], "       ");
      }
    });
    if (doc.findings.length > explained.size)
      lines.push(`其余 ${doc.findings.length - explained.size} 条发现：`);
  }
  if (doc.localization.status === "budget")
    lines.push("  （疑似错误的定位超出计算限度，其余不一致按原样列出）");
  doc.findings.forEach((f, i) => {
    if (!explained.has(i) && listed.has(f)) finding(f, "  ");
  });
  if (shown.length < doc.findings.length)
    lines.push(`  （另有 ${doc.findings.length - shown.length} 个较低级别的问题未列出）`);
  if (!doc.findings.length)
    lines.push(`  ${noFindingsVerdict(doc.rules.checked, doc.unrecognized ?? [])}`);
  // What was not reviewed, as 审核结果's 未识别 section says it: a sheet or region the importer could not read.
  const unrec = doc.unrecognized ?? [];
  const hidden = doc.hiddenSheets ?? [];
  if (unrec.length || hidden.length) {
    lines.push(`  未识别的工作表或区域（未审核）${unrec.length + hidden.length} 处：`);
    for (const u of unrec) lines.push(`  [未识别] ${u.sheet}!${u.range}  ${u.reason}`);
    for (const name of hidden) lines.push(`  [隐藏] ${name}  ${HIDDEN_SHEET_NOTE}`);
  }
  // A rule that did not apply is not a rule that passed: say which and why — at --min-severity info (the default)
  // only; a reviewer who asked for errors alone gets the count, not ~50 lines per file.
  const na = doc.notApplicable ?? [];
  if (na.length && !listNotApplicable)
    lines.push(
      `  另有 ${na.length} 条规则不适用（共 ${doc.rules.notApplicable} 项，--min-severity info 可列出）`
    );
  else if (na.length) {
    lines.push(`  未检查（不适用）${na.length} 条规则（共 ${doc.rules.notApplicable} 项）：`);
    for (const r of na)
      lines.push(
        `  [不适用] ${r.title}${r.checked ? `（部分适用，已检查 ${r.checked} 项）` : ""}：${r.reasons.join("；")}  ${r.rule}`
      );
  }
  return lines.join("\n");
}
