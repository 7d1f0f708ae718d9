/**
 * Group totals printed BELOW their lines (tester29 T29-13 / T29-15): a list whose groups each end with a 小计 line (or
 * …小计 / …合计 — 单位小计, 类小计, 某局合计): 某县某局 (no figures) / 项目甲 / 项目乙 / 小计, or a 基本支出经济分类表
 * with 工资福利支出 (no figures) / its items / 小计 per class. The 小计 is the total of the lines since the group began
 * (a group's heading line without figures, the previous 小计, or the table's 合计 at the top), not a line beside them:
 * read in place it was summed with its items (合计 ≠ 各一级行之和 by the whole list) and taken for a project.
 * This module nests each group under its total as the top-total layout does: the heading line takes the 小计's figures
 * (each still cited at the 小计's cells) and the 小计 line is dropped; without a heading line the 小计 line itself moves
 * above its lines. The identities then read 小计 = Σ its lines and 合计 = Σ 小计, whatever the figures are (a wrong
 * figure is its group's 错误, never a reason to read the layout otherwise). Pure: rows only, no grid.
 */
import type { Row } from "../model/schema";
import { labelKey } from "../grid/text";
import { TOTAL_KEYS } from "./aliases";

/** A line closing a group: 小计, 单位小计, 类小计, XX局合计 … (no code, no meaning of its own). */
const CLOSING = /(小计|合计)$/;

const isTableTotal = (r: Row): boolean => r.level === 0 && !!r.key && TOTAL_KEYS.has(r.key);
const closingLabel = (r: Row): boolean => !r.partial && !r.key && CLOSING.test(labelKey(r.label));
const isClosing = (r: Row): boolean => closingLabel(r) && !r.code && !r.printedCode;
/**
 * A 小计 repeating its group's code (tester29b T29B-3: 301 | 小计, 301 | 工资福利支出小计, the code printed or read from
 * the name) closes that group: it is no second 301 line.
 */
const closesHeading = (r: Row, head: Row | undefined): boolean =>
  closingLabel(r) && !!head?.code && r.code === head.code;
const printsNothing = (r: Row): boolean => Object.values(r.amounts).every((a) => a.blank);
type Figures = Record<string, number>;
const figuresOf = (r: Row): Figures =>
  Object.fromEntries(Object.entries(r.amounts).map(([k, a]) => [k, a.value ?? 0]));
/** Σ of lines' figures by column (blank = 0). */
const sumOf = (rows: Row[]): Figures => {
  const s: Figures = {};
  for (const r of rows) for (const [k, v] of Object.entries(figuresOf(r))) s[k] = (s[k] ?? 0) + v;
  return s;
};
/** The same figures in every column, to the cent. */
const same = (a: Figures, b: Figures): boolean =>
  [...new Set([...Object.keys(a), ...Object.keys(b)])].every(
    (k) => Math.abs((a[k] ?? 0) - (b[k] ?? 0)) < 0.005
  );

/** A line with the 其中 lines printed right under it (they move with it). */
interface Line {
  row: Row;
  memo: Row[];
}
/** A group: its heading (a line without figures, or none), the lines and groups in it, the 小计 closing it. */
interface Group {
  head?: Line;
  members: Array<Line | Group>;
  close?: Line;
}
const isGroup = (m: Line | Group): m is Group => "members" in m;

/**
 * Nests the groups closed by a 小计 below their lines, in place. Applies to a one-sided list (no 收/支 sides) whose
 * last line (above a 合计 printed at the foot) is a closing line and whose first is not (a 小计 heading its lines — 本级
 * 小计 first — is the top layout, left to the sums), where every closing line ends a group that has lines, and every
 * heading without figures is closed. A heading is a line without figures at a group's start (the first line, or right
 * after a 合计, a closing line or another heading), or one there printing its group's 小计 or sum (tester29b
 * T29B-11); nested headings (部门 › 单位) nest. A closing line may repeat its heading's code (301 | 小计: T29B-3). Rows: the table's rows, levels
 * already read (a 合计 at level 0). Returns true when the levels were set here. O(rows).
 */
export function nestClosingSubtotals(rows: Row[]): boolean {
  if (rows.some((r) => r.side)) return false;
  const first = rows.findIndex((r) => !isTableTotal(r));
  if (first < 0) return false;
  let last = rows.length - 1;
  while (last >= 0 && isTableTotal(rows[last])) last--;
  const body = rows.slice(first, last + 1);
  // The 合计 at the top or the foot only (a total between the lines is another layout).
  if (body.some(isTableTotal)) return false;
  const lines: Line[] = [];
  for (const r of body) {
    if (r.partial && lines.length) lines[lines.length - 1].memo.push(r);
    else lines.push({ row: r, memo: [] });
  }
  const lastLine = lines[lines.length - 1];
  if (lines.length < 2 || isClosing(lines[0].row) || !closingLabel(lastLine.row)) return false;
  const root: Group = { members: [] };
  const stack: Group[] = [root];
  let atStart = true; // the next line begins a group (a heading without figures may stand there)
  /**
   * A 单位 line printing figures at a group's start (tester29b T29B-11: 单位 | its projects | 小计): the group's heading
   * when its figures are the 小计's below, or the sum of the lines up to it (then the 小计 is the wrong one, reported
   * against its lines) — not one more item of the 小计 (read so, 小计 ≠ Σ by the whole unit). Figures differing from
   * both leave the line an item: the sums then report the difference (as before).
   */
  const headsWithFigures = (i: number): boolean => {
    let j = i + 1;
    while (j < lines.length && !closingLabel(lines[j].row) && !printsNothing(lines[j].row)) j++;
    if (j >= lines.length || j === i + 1 || !closingLabel(lines[j].row)) return false;
    const own = lines.slice(i + 1, j).map((m) => m.row);
    const top = Math.min(...own.map((r) => r.level));
    const head = figuresOf(lines[i].row);
    return (
      same(head, figuresOf(lines[j].row)) || same(head, sumOf(own.filter((r) => r.level === top)))
    );
  };
  for (const [i, l] of lines.entries()) {
    const top = stack[stack.length - 1];
    if (isClosing(l.row) || closesHeading(l.row, top.head?.row)) {
      if (top === root) {
        // No heading: the lines since the previous group; a 小计 right after groups closes them all (部门小计).
        let from = 0;
        for (let i = root.members.length - 1; i >= 0; i--)
          if (isGroup(root.members[i])) {
            from = i + 1;
            break;
          }
        const loose = root.members.splice(from < root.members.length ? from : 0);
        if (!loose.length) return false;
        root.members.push({ members: loose, close: l });
      } else {
        if (!top.members.length) return false; // a 小计 right under its heading: the top layout
        top.close = l;
        stack.pop();
        stack[stack.length - 1].members.push(top);
      }
      atStart = true;
      continue;
    }
    if (atStart && !l.row.key && (printsNothing(l.row) || headsWithFigures(i))) {
      stack.push({ head: l, members: [] });
      continue;
    }
    if (l === lastLine) return false; // a coded …小计 of no group: a line of its own, not this layout
    top.members.push(l);
    atStart = false;
  }
  if (stack.length > 1) return false;
  const out: Row[] = [];
  const emit = (members: Array<Line | Group>, level: number) => {
    const own = members.filter((m): m is Line => !isGroup(m)).map((m) => m.row.level);
    const min = own.length ? Math.min(...own) : 0;
    for (const m of members) {
      if (!isGroup(m)) {
        const shift = level + (m.row.level - min) - m.row.level;
        m.row.level += shift;
        for (const x of m.memo) x.level += shift;
        out.push(m.row, ...m.memo);
        continue;
      }
      // The group's line: its heading, printing the 小计's figures (a heading printing its own has the 小计's or its
      // lines' sum: headsWithFigures); else the 小计 itself, above its lines.
      const close = m.close!;
      const line = m.head ? m.head.row : close.row;
      if (m.head) line.amounts = close.row.amounts;
      const memo = [...(m.head?.memo ?? []), ...close.memo];
      for (const x of m.head?.memo ?? []) x.level += level - m.head!.row.level;
      for (const x of close.memo) x.level += level - close.row.level;
      line.level = level;
      out.push(line, ...memo);
      emit(m.members, level + 1);
    }
  };
  emit(root.members, 1);
  rows.splice(first, body.length, ...out);
  return true;
}
