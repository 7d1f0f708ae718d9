/** Splitting a sheet into table regions: each starts at a title (and its label line), ends before the next. */
import type { TableKind } from "../model/schema";
import { GridView } from "./view";
import { classifyTitle, TABLE_LABEL } from "./kinds";

export interface Region {
  r0: number;
  r1: number;
  kind: TableKind;
  title: string;
  label?: string;
  /** Row of the title (or r0 - 1 when the table has none). */
  titleRow: number;
}

/** Rows that carry a title: few cells, no numbers, one of them names a budget table. */
function titleAt(v: GridView, r: number): { kind: TableKind; title: string; label?: string } | undefined {
  const cells = v.cells(r);
  if (cells.length === 0 || cells.length > 3) return undefined;
  if (cells.some(([c]) => v.isNumber(r, c))) return undefined;
  let label: string | undefined;
  for (const [, t] of cells) if (TABLE_LABEL.test(t) && TABLE_LABEL.exec(t)![0] === t) label = t;
  for (const [, t] of cells) {
    const hit = classifyTitle(t);
    if (hit) return { ...hit, label: hit.label ?? label };
  }
  return undefined;
}

function labelOnly(v: GridView, r: number): string | undefined {
  const cells = v.cells(r);
  if (cells.length !== 1) return undefined;
  const t = cells[0][1];
  const m = TABLE_LABEL.exec(t);
  return m && m[0] === t ? t : undefined;
}

/** A row of a table of contents: one of its cells names a table (its other cells: label, page, 是否空表 …). */
function namesTable(v: GridView, r: number): string | undefined {
  const cells = v.cells(r);
  if (cells.length === 0 || cells.length > 6 || cells.some(([c]) => v.isNumber(r, c) && !/^\d{1,3}$/.test(v.norm(r, c)))) return undefined;
  for (const [, t] of cells) {
    const hit = classifyTitle(t);
    if (hit) return hit.title;
  }
  return undefined;
}

/** Runs of three or more consecutive rows that each name a table: a 目录, not tables. */
function contentsRuns(v: GridView): Array<{ r0: number; r1: number; titles: string[] }> {
  const runs: Array<{ r0: number; r1: number; titles: string[] }> = [];
  let cur: { r0: number; r1: number; titles: string[] } | undefined;
  for (let r = 0; r <= v.rows; r++) {
    const t = r < v.rows ? namesTable(v, r) : undefined;
    if (t) {
      if (cur && cur.r1 === r - 1) {
        cur.r1 = r;
        cur.titles.push(t);
      } else {
        if (cur && cur.titles.length >= 3) runs.push(cur);
        cur = { r0: r, r1: r, titles: [t] };
      }
    }
  }
  if (cur && cur.titles.length >= 3) runs.push(cur);
  return runs;
}

export interface Contents {
  r0: number;
  r1: number;
  titles: string[];
}

export function findRegions(v: GridView): { regions: Region[]; leading?: { r0: number; r1: number }; contents: Contents[] } {
  const starts: Array<Region & { start: number }> = [];
  const contents = contentsRuns(v);
  const inContents = (r: number) => contents.some((c) => r >= c.r0 && r <= c.r1);
  for (let r = 0; r < v.rows; r++) {
    if (inContents(r)) continue;
    const hit = titleAt(v, r);
    if (!hit) continue;
    // A title directly under another title's label is the same table; a subtitle line is not a new table.
    let start = r;
    let label = hit.label;
    for (let k = r - 1; k >= Math.max(0, r - 2); k--) {
      const l = labelOnly(v, k);
      if (l) {
        start = k;
        label = label ?? l;
        break;
      }
      if (v.cells(k).length > 0) break;
    }
    const prev = starts[starts.length - 1];
    if (prev && prev.titleRow === r - 1 && prev.kind === hit.kind && hit.kind !== "performance_target") continue;
    starts.push({ r0: start, r1: v.rows - 1, kind: hit.kind, title: hit.title, label, titleRow: r, start });
  }
  for (let i = 0; i < starts.length - 1; i++) starts[i].r1 = starts[i + 1].r0 - 1;
  // A table ends before a 目录 that follows it.
  for (const s of starts) for (const c of contents) if (c.r0 > s.titleRow && c.r0 <= s.r1) s.r1 = c.r0 - 1;
  const leadingEnd = starts.length ? starts[0].r0 - 1 : -1;
  let leading: { r0: number; r1: number } | undefined;
  for (let r = 0; r <= leadingEnd; r++) if (v.cells(r).length > 0) leading = { r0: leading?.r0 ?? r, r1: r };
  return { regions: starts.map(({ start: _s, ...rest }) => rest), leading, contents };
}
