/**
 * Applying a ReviewPlan to an .xlsx workbook loaded by exceljs 4.4.0, and taking a previous review off.
 *
 * Why exceljs and not surgical XML editing: exceljs already parses the workbook for reading, and re-serializes the
 * parts it models faithfully (values, formulas, styles, merges, widths, conditional formats, notes, data validation,
 * print setup). Parts it does not model (charts, pivot tables, macros, embedded objects, shapes, slicers …) are
 * detected beforehand (`partsNotCarried`) and such a workbook is never rewritten: the review sheets go to a separate
 * workbook instead (`writeReviewOnly`). Tests compare every original cell before and after.
 */
import type ExcelJS from "exceljs";
import { Workbook } from "./exceljs";
import JSZip from "jszip";
import {
  isMarkFormula,
  NOTE_TAG,
  REVIEW_SHEET_NAMES,
  SHEET_TAG,
  type CellStyle,
  type Mark,
  type PlanCell,
  type PlanSheet,
  type ReviewPlan,
} from "../../core/review/plan";
import { markFormula, markRank, priorityWithoutMarks } from "../../core/review/plan";

const argb = (hex: string) => `FF${hex.replace(/^#/, "").toUpperCase()}`;

/** Package parts exceljs drops or damages on a round trip, with the Chinese name a reviewer knows them by. */
const NOT_CARRIED: ReadonlyArray<[RegExp, string]> = [
  [/^xl\/charts\//, "图表"],
  [/^xl\/chartsheets\//, "图表工作表"],
  [/^xl\/pivotTables\//, "数据透视表"],
  [/^xl\/pivotCache\//, "数据透视表缓存"],
  [/^xl\/vbaProject\.bin$/i, "宏（VBA）"],
  [/^xl\/drawings\/(?!_rels)/, "图片或图形"],
  [/^xl\/embeddings\//, "嵌入对象"],
  [/^xl\/activeX\//, "ActiveX 控件"],
  [/^xl\/ctrlProps\//, "表单控件"],
  [/^xl\/slicers\//, "切片器"],
  [/^xl\/slicerCaches\//, "切片器"],
  [/^xl\/timelines\//, "日程表"],
  [/^xl\/threadedComments\//, "批注（新版）"],
  [/^xl\/externalLinks\//, "外部链接"],
  [/^xl\/tables\//, "表格（列表对象）"],
  [/^xl\/queryTables\//, "查询表"],
  [/^xl\/model\//, "数据模型"],
  [/^customXml\//, "自定义 XML"],
];

/** Names of the kinds of parts in the package that a rewrite would lose (empty: safe to rewrite). */
export async function partsNotCarried(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const found = new Set<string>();
  for (const name of Object.keys(zip.files))
    for (const [re, label] of NOT_CARRIED) if (re.test(name)) found.add(label);
  return [...found];
}

function noteText(note: unknown): string {
  if (typeof note === "string") return note;
  const texts = (note as { texts?: Array<{ text?: string }> } | undefined)?.texts;
  return texts ? texts.map((t) => t.text ?? "").join("") : "";
}

/** True for a sheet this product inserted (name and A1 tag), so re-review replaces it and reading skips it. */
export function isReviewSheet(name: string, a1: unknown): boolean {
  return (
    (REVIEW_SHEET_NAMES as readonly string[]).includes(name) &&
    typeof a1 === "string" &&
    a1.startsWith(SHEET_TAG)
  );
}

/** exceljs keeps a sheet's rules in conditionalFormattings (not in its typings), in document order. */
function rulesOf(ws: ExcelJS.Worksheet) {
  return ws as unknown as {
    conditionalFormattings: Array<{
      ref: string;
      rules: Array<{ type: string; priority?: number; formulae?: unknown[] }>;
    }>;
  };
}

/** Takes a previous review off: our sheets, our conditional-format rules, our notes. Nothing else changes. */
export function clearReview(wb: ExcelJS.Workbook): {
  sheets: number;
  rules: number;
  notes: number;
} {
  const n = { sheets: 0, rules: 0, notes: 0 };
  for (const ws of [...wb.worksheets]) {
    if (isReviewSheet(ws.name, ws.getCell("A1").value)) {
      wb.removeWorksheet(ws.id);
      n.sheets++;
      continue;
    }
    const cfs = rulesOf(ws);
    const ours = cfs.conditionalFormattings.filter((cf) =>
      cf.rules.every(
        (r) => r.type === "expression" && (r.formulae ?? []).every((f) => isMarkFormula(String(f)))
      )
    );
    if (ours.length) {
      cfs.conditionalFormattings = cfs.conditionalFormattings.filter((cf) => !ours.includes(cf));
      // The user's rules get back the priorities they had before ours were put ahead of them.
      const at = ours.flatMap((cf) => cf.rules.map((r) => r.priority ?? 0));
      for (const cf of cfs.conditionalFormattings)
        for (const r of cf.rules)
          if (r.priority !== undefined) r.priority = priorityWithoutMarks(r.priority, at);
    }
    n.rules += ours.length;
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (cell.note !== undefined && noteText(cell.note).startsWith(NOTE_TAG)) {
          // exceljs has no API to delete a note: a cell keeps it in _comment, and a loaded cell also in its value model.
          const c = cell as unknown as {
            _comment?: unknown;
            _value?: { model?: { comment?: unknown } };
          };
          c._comment = undefined;
          if (c._value?.model) delete c._value.model.comment;
          n.notes++;
        }
      })
    );
  }
  return n;
}

function applyStyle(cell: ExcelJS.Cell, st: CellStyle | undefined): void {
  if (!st) return;
  if (st.numberFormat) cell.numFmt = st.numberFormat;
  if (st.font)
    cell.font = {
      name: st.font.name,
      size: st.font.size,
      bold: st.font.bold,
      italic: st.font.italic,
      underline: st.font.underline,
      ...(st.font.color ? { color: { argb: argb(st.font.color) } } : {}),
    };
  if (st.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(st.fill) } };
  if (st.border) {
    const side = (s?: "thin" | "medium") =>
      s
        ? { style: s, ...(st.border!.color ? { color: { argb: argb(st.border!.color) } } : {}) }
        : undefined;
    cell.border = {
      top: side(st.border.top),
      bottom: side(st.border.bottom),
      left: side(st.border.left),
      right: side(st.border.right),
    } as ExcelJS.Borders;
  }
  if (st.alignment)
    cell.alignment = {
      horizontal: st.alignment.horizontal,
      vertical: st.alignment.vertical,
      wrapText: st.alignment.wrapText,
      indent: st.alignment.indent,
    };
}

const q = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;
const str = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** A cell's exceljs value. Internal links become HYPERLINK formulas (exceljs writes a location link with an external relationship beside it, which Excel follows as a file). */
function cellValue(
  c: PlanCell,
  opts: { valuesOnly: boolean; sheets: Set<string> }
): ExcelJS.CellValue {
  const v = c.value === null ? null : c.value;
  if (c.hyperlink && "sheet" in c.hyperlink) {
    if (opts.valuesOnly && !opts.sheets.has(c.hyperlink.sheet)) return v;
    return {
      formula: `HYPERLINK(${str(`#${q(c.hyperlink.sheet)}!${c.hyperlink.cell}`)},${str(String(v ?? ""))})`,
      result: String(v ?? ""),
    } as ExcelJS.CellFormulaValue;
  }
  if (c.hyperlink && "url" in c.hyperlink)
    return { text: String(v ?? c.hyperlink.url), hyperlink: c.hyperlink.url };
  if (c.formula && !opts.valuesOnly)
    return {
      formula: c.formula,
      result: (v ?? undefined) as ExcelJS.CellFormulaValue["result"],
    } as ExcelJS.CellFormulaValue;
  return v;
}

function addSheet(
  wb: ExcelJS.Workbook,
  styles: ReviewPlan["styles"],
  s: PlanSheet,
  orderNo: number,
  opts: { valuesOnly: boolean; sheets: Set<string> }
): void {
  const ws = wb.addWorksheet(s.name, {
    properties: s.tabColor ? { tabColor: { argb: argb(s.tabColor) } } : undefined,
    views: [
      s.frozen.rows || s.frozen.cols
        ? { state: "frozen", xSplit: s.frozen.cols, ySplit: s.frozen.rows, showGridLines: false }
        : { showGridLines: false },
    ],
  });
  (ws as unknown as { orderNo: number }).orderNo = orderNo;
  for (const c of s.columns) ws.getColumn(c.col + 1).width = c.width;
  for (const h of s.rowHeights) ws.getRow(h.row + 1).height = h.height;
  for (const c of s.cells) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    cell.value = cellValue(c, opts);
    applyStyle(cell, c.style ? styles[c.style] : undefined);
  }
  for (const m of s.merges) ws.mergeCells(m.r0 + 1, m.c0 + 1, m.r1 + 1, m.c1 + 1);
  if (s.autoFilter) ws.autoFilter = s.autoFilter;
  if (s.print)
    ws.pageSetup = {
      ...ws.pageSetup,
      orientation: s.print.orientation,
      ...(s.print.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
      paperSize: 9,
    };
  s.conditionalFormats.forEach((cf, i) => {
    if (cf.type === "dataBar")
      ws.addConditionalFormatting({
        ref: cf.range,
        rules: [
          {
            type: "dataBar",
            priority: i + 1,
            gradient: false,
            cfvo: [
              cf.min !== undefined ? { type: "num", value: cf.min } : { type: "min" },
              cf.max !== undefined ? { type: "num", value: cf.max } : { type: "max" },
            ],
            color: { argb: argb(cf.color) },
          } as unknown as ExcelJS.ConditionalFormattingRule,
        ],
      });
    else
      ws.addConditionalFormatting({
        ref: cf.range,
        rules: [
          {
            type: "expression",
            priority: i + 1,
            formulae: [cf.formula],
            style: {
              ...(cf.fill
                ? { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.fill) } } }
                : {}),
              ...(cf.fontColor ? { font: { color: { argb: argb(cf.fontColor) } } } : {}),
            },
          },
        ],
      });
  });
}

/**
 * Marks as conditional-format rules: one rule per sheet × severity × strength over all its cells (tagged formula),
 * ahead of the user's rules — ours numbered 1…k in markRank order and first in the sheet, the user's shifted by k.
 */
function addMarks(wb: ExcelJS.Workbook, marks: Mark[]): { notesKept: number } {
  let notesKept = 0;
  const bySheet = new Map<string, Map<string, Mark[]>>();
  for (const m of [...marks].sort((a, b) => markRank(a) - markRank(b))) {
    const groups = bySheet.get(m.sheet) ?? new Map<string, Mark[]>();
    bySheet.set(m.sheet, groups);
    const k = `${m.severity}\u0000${m.strength}`;
    groups.set(k, [...(groups.get(k) ?? []), m]);
  }
  for (const [sheet, groups] of bySheet) {
    const ws = wb.getWorksheet(sheet);
    if (!ws) continue;
    const cfs = rulesOf(ws);
    for (const cf of cfs.conditionalFormattings)
      for (const r of cf.rules) if (r.priority !== undefined) r.priority += groups.size;
    const ours = [...groups.values()].map((group, i) => ({
      ref: group.map((m) => m.cell).join(" "),
      rules: [
        {
          type: "expression",
          priority: i + 1,
          formulae: [markFormula(group[0].severity, group[0].strength)],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(group[0].fill) } },
          },
        },
      ],
    }));
    cfs.conditionalFormattings = [...ours, ...cfs.conditionalFormattings];
    for (const group of groups.values())
      for (const m of group) {
        const cell = ws.getCell(m.cell);
        if (cell.note !== undefined && !noteText(cell.note).startsWith(NOTE_TAG)) {
          notesKept++;
          continue;
        }
        cell.note = m.note;
      }
  }
  return { notesKept };
}

/** Applies the plan to a loaded workbook (clearing any previous review first). */
export function applyReviewPlan(wb: ExcelJS.Workbook, plan: ReviewPlan): { notesKept: number } {
  clearReview(wb);
  const sheets = new Set(wb.worksheets.map((w) => w.name));
  const minOrder = Math.min(
    0,
    ...wb.worksheets.map((w) => (w as unknown as { orderNo: number }).orderNo ?? 0)
  );
  plan.sheets.forEach((s, i) =>
    addSheet(wb, plan.styles, s, minOrder - plan.sheets.length + i, { valuesOnly: false, sheets })
  );
  const r = addMarks(wb, plan.marks);
  // The first sheet (审核结果) is the one shown on opening.
  wb.views = [
    { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: "visible" },
  ];
  return r;
}

/**
 * Plan sheets as a workbook of their own (the review sheets of a workbook that cannot be rewritten, or the batch's
 * 审核汇总): formulas become their values and links to cells of other workbooks are dropped.
 */
export async function writeSheetsOnly(
  content: Pick<ReviewPlan, "styles" | "sheets">
): Promise<Uint8Array> {
  const wb = new Workbook();
  const sheets = new Set(content.sheets.map((s) => s.name));
  content.sheets.forEach((s, i) =>
    addSheet(wb, content.styles, s, i + 1, { valuesOnly: true, sheets })
  );
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function writeWorkbook(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  // exceljs reads a missing firstPageNumber as 1 and would then write useFirstPageNumber="1" (each sheet's page numbers
  // restarting at 1): keep the user's print setup as it was.
  for (const ws of wb.worksheets)
    if (!(ws.pageSetup as { useFirstPageNumber?: boolean }).useFirstPageNumber)
      ws.pageSetup.firstPageNumber = undefined;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
