/** `budget-review inspect`: what the importer recognised, per table, and what it could not. */
import type { Report } from "../core/model/schema";
import { KIND_NAMES } from "../core/model/names";
import { loadReport } from "./load";
import { EXIT } from "./options";
import { errorLine } from "./errors";
import { jsonText } from "./terminal";

export function inspectJson(file: string, report: Report) {
  return {
    file,
    tables: report.tables.map((t) => ({
      sheet: t.sheet,
      range: t.range,
      kind: t.kind,
      title: t.title,
      rows: t.rows.length,
    })),
    unrecognized: report.unrecognized,
    model: report,
  };
}

export function inspectText(file: string, report: Report): string {
  const lines = [
    `文件：${file}`,
    `部门：${report.department ?? "（未识别）"}  年度：${report.year ?? "（未识别）"}  单位：${report.unit ?? "—"}`,
    `识别的表格：${report.tables.length} 张`,
  ];
  for (const t of report.tables) {
    const extra =
      (t.form ? ` 项目：${t.form.project}` : "") +
      (t.continued ?? []).map((c) => ` 续表：${c.sheet}!${c.range}`).join("");
    const empty = t.markedEmpty || t.empty ? "（空表）" : "";
    lines.push(
      `  ${t.sheet}!${t.range}  ${KIND_NAMES[t.kind]}  ${t.title}  ${t.rows.length} 行 ${t.unit}${empty}${extra}`
    );
  }
  if (report.unrecognized.length) {
    lines.push(`未识别：${report.unrecognized.length} 处`);
    for (const u of report.unrecognized) lines.push(`  ${u.sheet}!${u.range}  ${u.reason}`);
  }
  if (report.hiddenSheets.length) lines.push(`隐藏的工作表：${report.hiddenSheets.join("、")}`);
  for (const n of report.readNotes ?? []) lines.push(`注意：${n}`);
  return lines.join("\n");
}

export async function runInspect(
  file: string,
  opts: { json: boolean; debug?: boolean },
  out: (s: string) => void,
  err: (s: string) => void
): Promise<number> {
  try {
    const { report } = await loadReport(file);
    out(opts.json ? jsonText(inspectJson(file, report)) : inspectText(file, report));
    return EXIT.ok;
  } catch (e) {
    err(errorLine(e, !!opts.debug, file));
    return EXIT.unusable;
  }
}
