/**
 * The Office host's write side: applies a review plan (src/core/review/plan.ts) to the open workbook and removes
 * it again, through Office.js, in a constant number of round trips whatever the number of sheets and marks:
 *
 *   1. inspect — every sheet's name, protection and conditional formats (types); our sheets' A1; the notes or
 *      comments and their cells;
 *   2. look closer — the formula of every custom conditional format (ours carry the plan's tag);
 *   3. write — remove what is ours (tagged rules, tagged notes, tagged sheets), then add the plan's marks, notes
 *      and sheets, all queued in one batch.
 *
 * What the user owns is never written: marks are conditional-format rules (a rule's fill shows over the cell's own
 * fill, and deleting the rule restores the look exactly — no fill is read back, so Excel's "#FFFFFF for no fill" and
 * "null for mixed formats" never matter), notes go only on cells without a note of the user's, and only sheets whose
 * A1 carries the tag are replaced. Protected sheets are left alone and named in the result.
 */
import { cellA1, parseRef, quoteSheet, rangeA1 } from "../../core/grid/address";
import {
  isMarkFormula,
  markFormula,
  markRank,
  NOTE_TAG,
  REVIEW_SHEET_NAMES,
  SHEET_TAG,
  type CellStyle,
  type Mark,
  type PlanCell,
  type PlanSheet,
  type ReviewPlan,
} from "../../core/review/plan";

/** How notes are written: Excel notes (ExcelApi 1.18), threaded comments (1.10) where notes are missing, or none. */
export type NoteKind = "notes" | "comments" | "none";

export interface ApplyOptions {
  notes: NoteKind;
  /**
   * Which of the plan's sheets to write: all (插入汇总表, 一键审核), only those already in the workbook (开始审核
   * keeps inserted sheets current without adding new ones), or none (ours stay as they are). Default all.
   */
  sheets?: "all" | "existing" | "none";
  /** Activate this inserted sheet at the end (一键审核 shows 审核结果). */
  activate?: string;
  /** A chart of a range of an inserted sheet (预算汇总's 支出 by 类), where the plan names one. */
  charts?: boolean;
  /**
   * Cells read for the review with the values they had ('Sheet'!A1 → value): checked again in the inspect round
   * trip; when one differs the workbook changed while reviewing and nothing is written.
   */
  expectValues?: Record<string, unknown>;
}

export interface ApplyResult {
  marks: number;
  notes: number;
  sheets: string[];
  /** Marks and notes not written because their sheet is protected. */
  protectedSheets: string[];
  /** What was removed first (a previous review's marks, notes and sheets). */
  removed: ClearResult;
  /** Cells whose value changed since the read ('Sheet'!A1); non-empty means nothing was written. */
  changed: string[];
  /** A sheet of ours could not be inserted because a sheet of the user's has its name. */
  nameTaken: string[];
}

export interface ClearResult {
  marks: number;
  notes: number;
  sheets: string[];
  protectedSheets: string[];
}

/**
 * Which notes the host can write: Excel notes need ExcelApi 1.18 (Microsoft 365 2501+; not Office 2021/2024), threaded
 * comments 1.10; `supports` asks Office.context.requirements, and the proxy must have the collection.
 */
export function noteKind(
  context: Excel.RequestContext,
  supports: (version: string) => boolean
): NoteKind {
  const wb = context.workbook as unknown as { notes?: unknown; comments?: unknown };
  if (supports("1.18") && wb.notes) return "notes";
  if (supports("1.10") && wb.comments) return "comments";
  return "none";
}

/** Characters per Excel column-width unit → points (Excel: width in characters × 7 px + 5 px padding, 0.75 pt/px). */
const widthPoints = (chars: number) => Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
/** The largest number of areas put in one getRanges address (Excel limits the address string's length). */
const AREAS_PER_RANGES = 100;

interface SheetState {
  ws: Excel.Worksheet;
  name: string;
  protection: Excel.WorksheetProtection;
  cfs: Excel.ConditionalFormatCollection;
  tag?: Excel.Range;
}

interface Inspection {
  sheets: SheetState[];
  notes?: Excel.CommentCollection | Excel.NoteCollection;
  expected: Array<{ ref: string; range: Excel.Range; value: unknown }>;
}

/** Round trip 1: queue every read needed to know what is ours, then sync. */
async function inspect(
  context: Excel.RequestContext,
  notes: NoteKind,
  expectValues: Record<string, unknown> = {}
): Promise<Inspection> {
  const wsc = context.workbook.worksheets;
  wsc.load("items/name");
  const notesCollection =
    notes === "notes"
      ? context.workbook.notes
      : notes === "comments"
        ? context.workbook.comments
        : undefined;
  notesCollection?.load("items/content");
  const expected = Object.entries(expectValues).map(([ref, value]) => {
    const p = parseRef(ref);
    // A sheet deleted meanwhile is a null object: its cell reads back undefined, which counts as a change.
    return {
      ref,
      value,
      range: wsc
        .getItemOrNullObject(p.sheet ?? "")
        .getRangeByIndexes(p.r0, p.c0, 1, 1)
        .load("values"),
    };
  });
  await context.sync();
  const sheets = wsc.items.map((ws) => {
    const state: SheetState = {
      ws,
      name: ws.name,
      protection: ws.protection.load("protected"),
      cfs: ws.getRange().conditionalFormats.load("items/type"),
    };
    if ((REVIEW_SHEET_NAMES as readonly string[]).includes(ws.name))
      state.tag = ws.getRange("A1").load("values");
    return state;
  });
  // The sheet list is needed to name the per-sheet reads: this is the one extra round trip of the inspection.
  await context.sync();
  return { sheets, notes: notesCollection, expected };
}

interface Ours {
  rules: Array<{ sheet: SheetState; cf: Excel.ConditionalFormat }>;
  notes: Array<{ item: Excel.Comment | Excel.Note; address: string }>;
  /** Every cell holding a note or comment ('Sheet'!A1, as Excel writes it), ours or the user's. */
  noted: Map<string, boolean>;
  sheets: SheetState[];
}

/** Round trip 2: the formulas of custom rules and the cells of notes; tells ours from the user's. */
async function findOurs(context: Excel.RequestContext, ins: Inspection): Promise<Ours> {
  const customs = ins.sheets.flatMap((sheet) =>
    sheet.cfs.items
      .filter((cf) => cf.type === "Custom")
      .map((cf) => ({ sheet, cf, rule: cf.custom.rule.load("formula") }))
  );
  const notes = (ins.notes?.items ?? []).map((item) => ({
    item,
    content: item.content,
    where: item.getLocation().load("address"),
  }));
  await context.sync();
  const noted = new Map<string, boolean>();
  for (const n of notes) noted.set(normalRef(n.where.address), n.content.startsWith(NOTE_TAG));
  return {
    rules: customs
      .filter((c) => isMarkFormula(c.rule.formula ?? ""))
      .map(({ sheet, cf }) => ({ sheet, cf })),
    notes: notes
      .filter((n) => n.content.startsWith(NOTE_TAG))
      .map((n) => ({ item: n.item, address: normalRef(n.where.address) })),
    noted,
    sheets: ins.sheets.filter(
      (s) => s.tag && String(s.tag.values?.[0]?.[0] ?? "").startsWith(SHEET_TAG)
    ),
  };
}

/** 'Sheet'!$A$1 / Sheet!A1 → one spelling. */
function normalRef(address: string): string {
  const p = parseRef(address.replace(/\$/g, ""));
  return `${quoteSheet(p.sheet ?? "")}!${cellA1(p.r0, p.c0)}`;
}

/** Queues the removal of everything ours; protected sheets keep their marks and are named. */
function queueRemoval(ins: Inspection, ours: Ours, keepSheets = false): ClearResult {
  const locked = new Set(ins.sheets.filter((s) => s.protection.protected).map((s) => s.name));
  const protectedSheets = new Set<string>();
  let marks = 0;
  for (const { sheet, cf } of ours.rules) {
    if (locked.has(sheet.name)) protectedSheets.add(sheet.name);
    else (cf.delete(), marks++);
  }
  let notes = 0;
  for (const n of ours.notes) {
    const sheet = parseRef(n.address).sheet ?? "";
    if (locked.has(sheet)) protectedSheets.add(sheet);
    else (n.item.delete(), notes++);
  }
  if (!keepSheets) for (const s of ours.sheets) s.ws.delete();
  return {
    marks,
    notes,
    sheets: keepSheets ? [] : ours.sheets.map((s) => s.name),
    protectedSheets: [...protectedSheets],
  };
}

/** 清除标记: removes the product's marks, notes and sheets, and nothing else. Three round trips. */
export async function clearReview(
  context: Excel.RequestContext,
  opts: { notes: NoteKind }
): Promise<ClearResult> {
  const ins = await inspect(context, opts.notes);
  const ours = await findOurs(context, ins);
  const removed = queueRemoval(ins, ours);
  await context.sync();
  return removed;
}

/** Applies a plan: removes a previous review's additions, then writes the marks, notes and sheets. Three round trips. */
export async function applyPlan(
  context: Excel.RequestContext,
  plan: ReviewPlan,
  opts: ApplyOptions
): Promise<ApplyResult> {
  const ins = await inspect(context, opts.notes, opts.expectValues);
  const changed = ins.expected
    .filter((e) => !sameValue(e.range.values?.[0]?.[0], e.value))
    .map((e) => e.ref);
  const ours = await findOurs(context, ins);
  const result: ApplyResult = {
    marks: 0,
    notes: 0,
    sheets: [],
    protectedSheets: [],
    removed: { marks: 0, notes: 0, sheets: [], protectedSheets: [] },
    changed,
    nameTaken: [],
  };
  if (changed.length) return result;

  context.application.suspendScreenUpdatingUntilNextSync();
  const mode = opts.sheets ?? "all";
  const oursNames = new Set(ours.sheets.map((s) => s.name));
  // "existing": only our sheets that are there are rewritten; the others are neither removed nor added.
  const writeSheets = plan.sheets.filter(
    (s) => mode === "all" || (mode === "existing" && oursNames.has(s.name))
  );
  result.removed = queueRemoval(
    { ...ins },
    { ...ours, sheets: ours.sheets.filter((s) => writeSheets.some((w) => w.name === s.name)) }
  );
  const byName = new Map(ins.sheets.map((s) => [s.name, s]));
  const locked = new Set(ins.sheets.filter((s) => s.protection.protected).map((s) => s.name));
  const protectedSheets = new Set(result.removed.protectedSheets);

  // Marks: one rule per sheet × severity × strength (same fill), over up to AREAS_PER_RANGES cells each.
  const groups = new Map<string, Mark[]>();
  // Never on our own sheets (they are replaced or kept as they are), never on a sheet that is gone.
  const userSheet = (name: string) => byName.has(name) && !oursNames.has(name);
  for (const m of plan.marks) {
    if (!userSheet(m.sheet)) continue;
    if (locked.has(m.sheet)) {
      protectedSheets.add(m.sheet);
      continue;
    }
    const k = `${m.sheet}\u0000${m.severity}\u0000${m.strength}\u0000${m.fill}`;
    groups.set(k, [...(groups.get(k) ?? []), m]);
  }
  // Ahead of every rule of the user's (a green fill of theirs, stopIfTrue or not, must not hide an error): each rule
  // goes to priority 0, the lowest-ranked first so that 错误 ends on top. Excel shifts the user's rules down in order
  // and closes the gap again when ours are deleted. The priority is set last: after it the proxy is stale.
  const ranked = [...groups.values()].sort((a, b) => markRank(b[0]) - markRank(a[0]));
  for (const marks of ranked) {
    const ws = byName.get(marks[0].sheet)!.ws;
    for (let i = 0; i < marks.length; i += AREAS_PER_RANGES) {
      const chunk = marks.slice(i, i + AREAS_PER_RANGES);
      const cf = ws.getRanges(chunk.map((m) => m.cell).join(", ")).conditionalFormats.add("Custom");
      cf.custom.rule.formula = `=${markFormula(chunk[0].severity, chunk[0].strength)}`;
      cf.custom.format.fill.color = chunk[0].fill;
      cf.priority = 0;
    }
    result.marks += marks.length;
  }

  // Notes: only on cells without a note of the user's (ours were just removed; the user's stay untouched).
  if (opts.notes !== "none") {
    const collection = opts.notes === "notes" ? context.workbook.notes : context.workbook.comments;
    for (const m of plan.marks) {
      const ref = `${quoteSheet(m.sheet)}!${m.cell}`;
      if (!userSheet(m.sheet) || locked.has(m.sheet) || ours.noted.get(ref) === false) continue;
      collection.add(ref, m.note);
      result.notes++;
    }
  }

  // Sheets: ours were deleted above; a user's sheet with one of our names is left alone and reported.
  let position = 0;
  for (const sheet of writeSheets) {
    if (byName.has(sheet.name) && !oursNames.has(sheet.name)) {
      result.nameTaken.push(sheet.name);
      continue;
    }
    const ws = context.workbook.worksheets.add(sheet.name);
    ws.position = position++;
    writeSheet(ws, sheet, plan.styles, opts.charts !== false);
    if (opts.activate === sheet.name) ws.activate();
    result.sheets.push(sheet.name);
  }
  result.protectedSheets = [...protectedSheets];
  await context.sync();
  return result;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) < 1e-9;
  return (a ?? "") === (b ?? "");
}

/** Text that Excel would read as a formula or a number sign is written as text (a leading apostrophe). */
function constant(v: PlanCell["value"]): string | number | boolean {
  if (v === null) return "";
  if (typeof v === "string" && /^[=+\-@]/.test(v)) return `'${v}`;
  return v;
}

/** Queues one inserted sheet: values and formulas in one write, then formats by style over rectangles. */
function writeSheet(
  ws: Excel.Worksheet,
  sheet: PlanSheet,
  styles: Record<string, CellStyle>,
  charts: boolean
) {
  if (sheet.tabColor) ws.tabColor = sheet.tabColor;
  if (!sheet.cells.length) return;
  const rows = Math.max(...sheet.cells.map((c) => c.row)) + 1;
  const cols = Math.max(...sheet.cells.map((c) => c.col)) + 1;
  const grid: Array<Array<string | number | boolean>> = Array.from({ length: rows }, () =>
    Array.from({ length: cols }, () => "")
  );
  for (const c of sheet.cells) grid[c.row][c.col] = c.formula ? `=${c.formula}` : constant(c.value);
  ws.getRangeByIndexes(0, 0, rows, cols).formulas = grid as unknown as string[][];

  for (const m of sheet.merges)
    ws.getRangeByIndexes(m.r0, m.c0, m.r1 - m.r0 + 1, m.c1 - m.c0 + 1).merge(false);
  for (const [name, rects] of styleRects(sheet.cells)) {
    const style = styles[name];
    if (style)
      for (const r of rects)
        formatRange(
          ws.getRangeByIndexes(r.r0, r.c0, r.r1 - r.r0 + 1, r.c1 - r.c0 + 1),
          style,
          r.r1 - r.r0 + 1,
          r.c1 - r.c0 + 1
        );
  }
  for (const c of sheet.cells) {
    if (!c.hyperlink) continue;
    const text = c.value === null ? "" : String(c.value);
    ws.getRangeByIndexes(c.row, c.col, 1, 1).hyperlink =
      "url" in c.hyperlink
        ? { address: c.hyperlink.url, textToDisplay: text }
        : {
            documentReference: `${quoteSheet(c.hyperlink.sheet)}!${c.hyperlink.cell}`,
            textToDisplay: text,
          };
  }
  for (const col of sheet.columns)
    ws.getRangeByIndexes(0, col.col, 1, 1).format.columnWidth = widthPoints(col.width);
  for (const r of sheet.rowHeights)
    ws.getRangeByIndexes(r.row, 0, 1, 1).format.rowHeight = r.height;
  for (const cf of sheet.conditionalFormats) {
    const range = ws.getRange(cf.range);
    if (cf.type === "dataBar") {
      const bar = range.conditionalFormats.add("DataBar");
      bar.dataBar.positiveFormat.fillColor = cf.color;
      if (cf.min !== undefined)
        bar.dataBar.lowerBoundRule = { type: "Number", formula: String(cf.min) };
      if (cf.max !== undefined)
        bar.dataBar.upperBoundRule = { type: "Number", formula: String(cf.max) };
    } else {
      const rule = range.conditionalFormats.add("Custom");
      rule.custom.rule.formula = `=${cf.formula}`;
      if (cf.fill) rule.custom.format.fill.color = cf.fill;
      if (cf.fontColor) rule.custom.format.font.color = cf.fontColor;
    }
  }
  if (sheet.frozen.rows && sheet.frozen.cols)
    ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, sheet.frozen.rows, sheet.frozen.cols));
  else if (sheet.frozen.rows) ws.freezePanes.freezeRows(sheet.frozen.rows);
  else if (sheet.frozen.cols) ws.freezePanes.freezeColumns(sheet.frozen.cols);
  if (sheet.autoFilter) ws.autoFilter.apply(ws.getRange(sheet.autoFilter));
  // Print setup (ExcelApi 1.9 page layout): orientation, and all columns on one page width.
  const print = (
    sheet as PlanSheet & { print?: { orientation: "portrait" | "landscape"; fitToWidth: boolean } }
  ).print;
  if (print) {
    ws.pageLayout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
    if (print.fitToWidth) ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  }
  const chart = charts ? expenditureChart(sheet) : undefined;
  if (chart) {
    // 基本支出 and 项目支出 stacked per 类 (the 合计 series is dropped: it is their sum).
    const added = ws.charts.add("ColumnStacked", ws.getRange(chart.range), "Columns");
    added.title.text = chart.title;
    added.series.getItemAt(0).delete();
    added.setPosition(chart.anchor);
  }
}

/**
 * Where 预算汇总 lists 支出 by functional 类: the section titled "…支出（按功能分类…", its header row, and the 类 rows
 * down to (not including) 合计, columns 科目 / 合计 / 基本支出 / 项目支出. Undefined when the sheet has no such section
 * or fewer than one 类 row — then no chart is drawn.
 */
export function expenditureChart(
  sheet: PlanSheet
): { range: string; title: string; anchor: string } | undefined {
  const at = (r: number, c: number) => sheet.cells.find((x) => x.row === r && x.col === c)?.value;
  const title = sheet.cells.find(
    (x) => x.col === 0 && typeof x.value === "string" && /支出（按功能分类/.test(x.value)
  );
  if (!title) return undefined;
  const header = title.row + 1;
  let last = header;
  while (
    at(last + 1, 0) !== undefined &&
    at(last + 1, 0) !== null &&
    !/^合计$/.test(String(at(last + 1, 0)).trim()) &&
    typeof at(last + 1, 1) !== "undefined"
  )
    last++;
  if (last === header) return undefined;
  const width = Math.max(...sheet.cells.map((c) => c.col)) + 2;
  return {
    range: rangeA1(header, 0, last, 3),
    title: "支出（按功能分类·类）：基本支出与项目支出",
    anchor: cellA1(title.row, width),
  };
}

const BORDER_WEIGHT = { thin: "Thin", medium: "Medium" } as const;
const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;

function formatRange(range: Excel.Range, style: CellStyle, rows: number, cols: number) {
  const f = range.format;
  if (style.numberFormat)
    range.numberFormat = Array.from({ length: rows }, () =>
      Array.from({ length: cols }, () => style.numberFormat!)
    );
  if (style.fill) f.fill.color = style.fill;
  const font = style.font;
  if (font?.bold !== undefined) f.font.bold = font.bold;
  if (font?.italic !== undefined) f.font.italic = font.italic;
  if (font?.color) f.font.color = font.color;
  if (font?.size) f.font.size = font.size;
  if (font?.name) f.font.name = font.name;
  const a = style.alignment;
  if (a?.horizontal) f.horizontalAlignment = H_ALIGN[a.horizontal];
  if (a?.vertical) f.verticalAlignment = V_ALIGN[a.vertical];
  if (a?.wrapText !== undefined) f.wrapText = a.wrapText;
  if (a?.indent) f.indentLevel = a.indent;
  const b = style.border;
  if (b) {
    const edges: Array<[Excel.BorderIndex | string, "thin" | "medium" | undefined]> = [
      ["EdgeTop", b.top],
      ["EdgeBottom", b.bottom],
      ["EdgeLeft", b.left],
      ["EdgeRight", b.right],
      ["InsideHorizontal", b.top ?? b.bottom],
      ["InsideVertical", b.left ?? b.right],
    ];
    for (const [edge, weight] of edges) {
      if (!weight) continue;
      const border = f.borders.getItem(edge as Excel.BorderIndex);
      border.style = "Continuous";
      border.weight = BORDER_WEIGHT[weight];
      if (b.color) border.color = b.color;
    }
  }
}

/**
 * Cells grouped by style into rectangles: runs of adjacent columns in a row, then identical runs on consecutive
 * rows joined — so a 审核结果 of 500 rows is formatted with a handful of ranges, not one per cell.
 */
export function styleRects(
  cells: PlanCell[]
): Map<string, Array<{ r0: number; c0: number; r1: number; c1: number }>> {
  const byStyle = new Map<string, PlanCell[]>();
  for (const c of cells) if (c.style) byStyle.set(c.style, [...(byStyle.get(c.style) ?? []), c]);
  const out = new Map<string, Array<{ r0: number; c0: number; r1: number; c1: number }>>();
  for (const [style, list] of byStyle) {
    const sorted = [...list].sort((a, b) => a.row - b.row || a.col - b.col);
    const runs: Array<{ r0: number; c0: number; r1: number; c1: number }> = [];
    for (const c of sorted) {
      const last = runs[runs.length - 1];
      if (last && last.r0 === c.row && last.c1 === c.col - 1) last.c1 = c.col;
      else runs.push({ r0: c.row, c0: c.col, r1: c.row, c1: c.col });
    }
    const rects: typeof runs = [];
    const open = new Map<string, { r0: number; c0: number; r1: number; c1: number }>();
    for (const r of runs) {
      const k = `${r.c0}:${r.c1}`;
      const prev = open.get(k);
      if (prev && prev.r1 === r.r0 - 1) prev.r1 = r.r0;
      else {
        const rect = { ...r };
        rects.push(rect);
        open.set(k, rect);
      }
    }
    out.set(style, rects);
  }
  return out;
}

/** For messages: an address as Excel would show it. */
export function a1(sheet: string, r0: number, c0: number, r1 = r0, c1 = c0): string {
  return `${quoteSheet(sheet)}!${rangeA1(r0, c0, r1, c1)}`;
}
