/**
 * What a 目录 (table of contents) says of each table beside its name: that it is empty — 是否空表 “是”, a reason
 * column “不涉及”, or an entry reading 本表无数据 / 无此项 … (`EMPTY_NOTE`). Such a declaration is where many
 * templates explain an empty table (财预〔2016〕143号: an empty table is published, with the reason), so it counts as
 * the table's own note: the table is `markedEmpty`, and completeness.empty-table then asks only that it hold no amount.
 */
import type { Table } from "../model/schema";
import { norm } from "../grid/text";
import type { GridView } from "./view";
import { classifyTitle, TABLE_LABEL } from "./kinds";
import { EMPTY_NOTE } from "./aliases";

/** One 目录 entry declaring its table empty. */
export interface EmptyDeclaration {
  /** The printed label (表11, 预算公开表9 …) when the entry has one. */
  label?: string;
  /** The table's name as the 目录 prints it. */
  title: string;
  /** The declaration as printed: “不涉及”, “本表无数据”, or “是否空表：是”. */
  note: string;
}

/** A 是否空表 / 空表 column's caption; “是” (or √, Y) under it declares the entry's table empty. */
const EMPTY_COLUMN = /空表/;
const YES = /^(是|√|✓|Y|YES|有)$/i;

/**
 * The entries of the 目录 rows r0..r1 that declare their table empty. A column caption is looked for in the
 * (up to three) rows above the run: the 目录's header row (报表 | 报表名称 | 是否空表 | 表格为空的理由).
 */
export function emptyDeclarations(v: GridView, r0: number, r1: number): EmptyDeclaration[] {
  const captions = new Map<number, string>();
  for (let r = Math.max(0, r0 - 3); r < r0; r++)
    for (const [c, t] of v.cells(r)) if (EMPTY_COLUMN.test(t)) captions.set(c, t);
  const out: EmptyDeclaration[] = [];
  for (let r = r0; r <= r1; r++) {
    let title: string | undefined;
    let label: string | undefined;
    const said: string[] = [];
    for (const [c, t] of v.cells(r)) {
      const m = TABLE_LABEL.exec(t);
      if (m && m[0] === t) label = t;
      else if (!title && classifyTitle(t)) title = t;
      else if (captions.has(c) && YES.test(t)) said.push(`${captions.get(c)}：${t}`);
      else if (EMPTY_NOTE.test(t)) said.push(t);
    }
    if (title && said.length) out.push({ label, title, note: said.join("，") });
  }
  return out;
}

/** A title compared without year, spaces and bracket widths: 2026年部门综合预算…（…）表 ~ 部门综合预算…(…)表. */
const titleKey = (s: string) => norm(s).replace(/^(?:20\d{2}年度?)/, "");

/**
 * Marks the tables the 目录 declares empty: matched by printed label (or a sheet named as the label), else by title.
 * A table that is declared empty but holds amounts is marked too — completeness.empty-table reports the
 * contradiction. Mutates `tables` (the importer's own, before the report is returned).
 */
export function applyEmptyDeclarations(tables: Table[], declared: EmptyDeclaration[]): void {
  for (const d of declared) {
    const label = d.label && norm(d.label);
    const byLabel = label
      ? tables.filter((t) => (t.label && norm(t.label) === label) || norm(t.sheet) === label)
      : [];
    const hits = byLabel.length
      ? byLabel
      : tables.filter((t) => titleKey(t.title) === titleKey(d.title));
    for (const t of hits) {
      if (t.markedEmpty) continue;
      t.markedEmpty = true;
      t.notes = [...t.notes, `目录注明：${d.note}`];
    }
  }
}
