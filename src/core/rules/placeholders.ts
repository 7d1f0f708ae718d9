/**
 * 名称 — template leftovers: placeholder text a template ships with (XX单位, ××, 某某, 待填写, {单位}, 【单位名称】)
 * that was never replaced, in titles, header lines, column captions and body cells.
 */
import type { Report, Table } from "../model/schema";
import { quoteSheet } from "../grid/address";
import { defineRule, type Outcome } from "./rule";
import { na, tableName } from "./helpers";

/** Placeholder patterns, as data. Asterisks are not among them: some templates print ** in the 栏次 row. */
export const PLACEHOLDERS: ReadonlyArray<readonly [what: string, re: RegExp]> = [
  ["XX / ××", /[XxＸｘ×✕╳]{2,}/],
  ["某某", /某某/],
  ["待填写", /待填写|待填报|待补充|待完善|请填写|请输入|此处填写/],
  ["{…}", /\{[^{}]{1,20}\}|｛[^｛｝]{1,20}｝/],
  [
    "【单位】",
    /【[^】]{0,10}(单位|部门|名称|项目|年度|金额)[^】]{0,10}】|\[[^\]]{0,10}(单位|部门|名称)[^\]]{0,10}\]/,
  ],
];

/** A cheap first look that every placeholder pattern needs to pass (most labels hold none of these). */
const MAYBE = /[XxＸｘ×✕╳]{2}|某某|待|请|此处|[{｛【[]/;

export function placeholderIn(text: string | undefined): string | undefined {
  if (!text || !MAYBE.test(text)) return undefined;
  for (const [, re] of PLACEHOLDERS) {
    const m = re.exec(text);
    if (m) return m[0];
  }
  return undefined;
}

const tableCell = (t: Table) => `${quoteSheet(t.sheet)}!${t.range.split(":")[0]}`;

interface Hit {
  text: string;
  where: string;
  cell: string;
}

function hitsOf(t: Table): Hit[] {
  const out: Hit[] = [];
  // undefined: the table's first cell, made only for a hit (a rare one: most tables have none).
  const add = (s: string | undefined, where: string, cell: string | undefined) => {
    const p = placeholderIn(s);
    if (p)
      out.push({ text: s!.trim().length > 24 ? p : s!.trim(), where, cell: cell ?? tableCell(t) });
  };
  add(t.title, "标题", undefined);
  add(t.unitText, "表头", t.unitCell);
  for (let i = 0; i < t.notes.length; i++) add(t.notes[i], "表注", undefined);
  for (let i = 0; i < t.columns.length; i++) add(t.columns[i].label, "栏目", undefined);
  if (t.form) add(t.form.project, "项目名称", t.form.projectCell);
  // Every row's label and blank cells: MAYBE asked in place (no call of add per cell: most hold nothing).
  const rows = t.rows;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.label && MAYBE.test(r.label)) add(r.label, "行", r.labelCell);
    if (r.altLabel && MAYBE.test(r.altLabel)) add(r.altLabel, "行", r.labelCell);
    for (const k in r.amounts) {
      const a = r.amounts[k];
      // A blank amount cell's text ("—", "/", a leftover "XX") is what may hold a placeholder.
      if (a.blank && a.text && MAYBE.test(a.text)) add(a.text, "金额栏", a.cell);
    }
  }
  return out;
}

export const placeholders = defineRule({
  id: "naming.placeholder",
  category: "naming",
  title: "没有未替换的模板占位文字",
  description:
    "标题、表头（部门名称）、栏目、表注和表体单元格中不应留有模板占位文字（XX单位、××、某某、待填写、{单位}、【单位名称】等）。",
  severity: "warning",
  source: {
    basis: "practice",
    ref: "公开前应替换模板中的占位文字（财政部预决算公开检查中的“公开内容不完整、不规范”）",
  },
  check: (report: Report) => {
    const tables = report.tables;
    if (!tables.length) return [na("没有识别到预算表")];
    const out: Outcome[] = [];
    // The department line repeats on every table: one finding for all of them.
    const deptTables = tables.filter((t) => placeholderIn(t.department));
    if (deptTables.length)
      out.push({
        status: "fail",
        finding: {
          rule: "naming.placeholder",
          severity: "warning",
          message: `部门名称“${deptTables[0].department}”是未替换的模板占位文字（${deptTables.length} 张表的表头）`,
          // The 部门 line's own cell where one prints it (tester31 T31-2: A1 is the 表号 label), else the table's first.
          cells: deptTables.map((t) => t.departmentCell ?? tableCell(t)),
          expected: null,
          actual: null,
          difference: null,
        },
      });
    for (const t of tables) {
      const hits = hitsOf(t);
      if (!hits.length) {
        out.push({ status: "pass" });
        continue;
      }
      const said = [...new Set(hits.map((h) => `“${h.text}”（${h.where}）`))]
        .slice(0, 6)
        .join("、");
      out.push({
        status: "fail",
        finding: {
          rule: "naming.placeholder",
          severity: "warning",
          message: `${tableName(t)}有未替换的模板占位文字：${said}${hits.length > 6 ? ` 等 ${hits.length} 处` : ""}`,
          cells: [...new Set(hits.map((h) => h.cell))],
          expected: null,
          actual: null,
          difference: null,
        },
      });
    }
    return out;
  },
});
