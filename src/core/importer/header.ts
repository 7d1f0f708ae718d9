/** Header rows → column roles (label, code, split code, sequence, amount with a semantic key). */
import type { Side } from "../model/schema";
import { columnLetter } from "../grid/address";
import { labelKey, norm } from "../grid/text";
import { GridView } from "./view";
import { CODE_HEADER, HEADER_WORDS, LABEL_HEADER, SEQ_HEADER, SPLIT_CODE_HEADER, TOTAL_KEYS, columnKey, rowKey } from "./aliases";
import { readMeta, unitInCaption } from "./meta";
import type { Unit } from "../model/schema";

export type ColumnRole =
  | { role: "label"; c: number; path: string[] }
  | { role: "code"; c: number; path: string[] }
  | { role: "codePart"; c: number; part: "类" | "款" | "项"; path: string[] }
  | { role: "seq"; c: number; path: string[] }
  | { role: "amount"; c: number; key: string; path: string[]; unit?: Unit };

export interface Block {
  side?: Side;
  label?: number;
  /** A second name column right after the label (经济分类表: 部门 / 政府 经济科目名称). */
  altLabel?: number;
  codes: number[];
  codeParts: Array<{ c: number; part: "类" | "款" | "项" }>;
  amounts: Array<{ c: number; key: string; label: string; unit?: Unit }>;
}

/** Is row r a caption row? Text only (or a 栏次 row of 1..n), with header vocabulary. */
export function isHeaderRow(v: GridView, r: number): boolean {
  const cells = v.cells(r);
  if (cells.length === 0) return false;
  if (isColumnNumberRow(v, r)) return true;
  // A caption may be a bare year stored as a number (2025 over 预算数); any other number makes it a data row.
  const isYear = (c: number) => {
    const raw = v.raw(r, c);
    return typeof raw === "number" && Number.isInteger(raw) && raw >= 2000 && raw <= 2099;
  };
  if (cells.some(([c]) => v.isDatum(r, c) && !isYear(c))) return false;
  // A dash or slash printed for "nothing" (—, -, /) is a body cell, never a caption: such a row is data.
  if (cells.some(([c]) => v.isBlankMark(r, c))) return false;
  if (cells.length === 1) {
    const t = cells[0][1];
    if (rowKey(t)) return false;
    return LABEL_HEADER.test(labelKey(t)) || CODE_HEADER.test(labelKey(t));
  }
  const first = cells[0][1];
  const k = rowKey(first);
  if (k && TOTAL_KEYS.has(k) && cells.length <= 2) return false;
  return cells.some(([, t]) => HEADER_WORDS.test(t));
}

/** 栏次 row: 1 2 3 … (or 栏次 / 行次 followed by numbers). */
export function isColumnNumberRow(v: GridView, r: number): boolean {
  const cells = v.cells(r);
  if (cells.length < 2) return false;
  const nums = cells.filter(([, t]) => !/^(栏次|行次|序号)$/.test(t));
  const asInt = ([c, t]: [number, string]) => {
    const raw = v.raw(r, c);
    return typeof raw === "number" && Number.isInteger(raw) ? raw : /^\d{1,2}$/.test(t) ? Number(t) : NaN;
  };
  const vals = nums.map(asInt);
  if (nums.length < 2 || vals.some((x) => !(x >= 0 && x < 100))) return false;
  return vals.every((x, i) => i === 0 || x === vals[i - 1] + 1);
}

/** Header path per column: the captions above it, merge-aware, without repeats. */
export function headerPaths(v: GridView, headerRows: number[], c0: number, c1: number): string[][] {
  const paths: string[][] = [];
  for (let c = c0; c <= c1; c++) {
    const path: string[] = [];
    for (const r of headerRows) {
      if (isColumnNumberRow(v, r)) continue;
      const t = v.caption(r, c).trim();
      if (t && norm(t) !== norm(path[path.length - 1] ?? "")) path.push(t);
    }
    paths.push(path);
  }
  return paths;
}

export function columnRoles(paths: string[][], c0: number, year?: number): ColumnRole[] {
  // Without a year in the title, a header printing two years (2024年预算数 | 2025年预算数) still tells which is prior.
  if (!year) {
    const years = paths.flatMap((p) => [...norm(p.join("/")).matchAll(/(20\d{2})年/g)].map((m) => Number(m[1])));
    if (new Set(years).size > 1) year = Math.max(...years);
  }
  const roles: ColumnRole[] = [];
  paths.forEach((path, i) => {
    const c = c0 + i;
    if (path.length === 0) return;
    const leaf = labelKey(path[path.length - 1]).replace(/[(（](万元|元|千元)[)）]$/, "");
    if (SEQ_HEADER.test(leaf)) roles.push({ role: "seq", c, path });
    else if (CODE_HEADER.test(leaf)) roles.push({ role: "code", c, path });
    else if (SPLIT_CODE_HEADER.test(leaf)) roles.push({ role: "codePart", c, part: leaf as "类" | "款" | "项", path });
    else if (LABEL_HEADER.test(leaf) || /名称$/.test(leaf)) roles.push({ role: "label", c, path });
    else {
      const key = columnKey(leaf, path.slice(0, -1), year) ?? `col_${columnLetter(c)}`;
      const unit = path.map(unitInCaption).find((u) => u) ?? undefined;
      roles.push({ role: "amount", c, key, path, unit });
    }
  });
  return roles;
}

const SIDE_ORDER: Side[] = ["income", "expenditure", "expenditure_use"];

/** Groups columns into blocks, one per label column (two-sided tables have two or three). */
export function blocks(roles: ColumnRole[]): Block[] {
  const isLabelAt = (c: number) => roles.some((r) => r.role === "label" && r.c === c);
  const labelCols = roles.filter((r) => r.role === "label" && !isLabelAt(r.c - 1));
  const alt = (c: number) => (isLabelAt(c + 1) ? c + 1 : undefined);
  if (labelCols.length <= 1) {
    const b: Block = { codes: [], codeParts: [], amounts: [] };
    fill(b, roles);
    b.label = labelCols[0]?.c;
    b.altLabel = b.label !== undefined ? alt(b.label) : undefined;
    return [b];
  }
  // A block starts at its code column when one sits right before the label column.
  const startOf = labelCols.map((l) => {
    const before = roles.find((r) => (r.role === "code" || r.role === "codePart") && r.c < l.c && r.c >= l.c - 3 && !roles.some((x) => x.role === "amount" && x.c > r.c && x.c < l.c));
    return before ? Math.min(before.c, l.c) : l.c;
  });
  const out: Block[] = [];
  labelCols.forEach((l, i) => {
    const from = i === 0 ? -Infinity : startOf[i];
    const to = i + 1 < labelCols.length ? startOf[i + 1] : Infinity;
    const mine = roles.filter((r) => r.c >= from && r.c < to);
    const b: Block = { codes: [], codeParts: [], amounts: [], label: l.c, altLabel: alt(l.c) };
    fill(b, mine);
    const text = norm(l.path.join("/")) + "/" + mine.map((r) => norm(r.path[0] ?? "")).join("/");
    const named: Side | undefined = /支出/.test(norm(l.path[0] ?? "")) || (/支出/.test(text) && !/收入/.test(norm(l.path[0] ?? ""))) ? "expenditure" : /收入/.test(text) ? "income" : undefined;
    b.side = named ?? SIDE_ORDER[i];
    if (b.side === "expenditure" && out.some((x) => x.side === "expenditure")) b.side = "expenditure_use";
    out.push(b);
  });
  return out;
}

function fill(b: Block, roles: ColumnRole[]) {
  const seen = new Map<string, number>();
  for (const r of roles) {
    if (r.role === "code") b.codes.push(r.c);
    else if (r.role === "codePart") b.codeParts.push({ c: r.c, part: r.part });
    else if (r.role === "amount") {
      const n = (seen.get(r.key) ?? 0) + 1;
      seen.set(r.key, n);
      b.amounts.push({ c: r.c, key: n === 1 ? r.key : `${r.key}_${n}`, label: r.path.join("/"), unit: r.unit });
    }
  }
}

/** Meta-only rows (部门名称 / 单位 / 年度 lines, subtitles) above the header. */
export function isMetaRow(v: GridView, r: number): boolean {
  const cells = v.cells(r);
  if (cells.length === 0 || cells.length > 4) return false;
  return cells.every(([c, t]) => {
    const m = readMeta(v.text(r, c));
    return m.department || m.unit || m.year || /^[(（]?\d{4}年(度)?[)）]?$/.test(t);
  });
}
