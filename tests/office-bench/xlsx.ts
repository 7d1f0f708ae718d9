/**
 * The bench's save and open: a MemoryWorkbook to .xlsx and back with exceljs, keeping what the bench models —
 * values, formulas, number formats, fills, fonts, borders, hyperlinks, merges, conditional formats (expression
 * rules, data bars; several areas), notes, sheet state, tab colour, frozen rows — so a test can save, close and
 * reopen a workbook the add-in marked. Add-in settings travel in the workbook's core "description" property as
 * JSON (Excel keeps them in its webextension part, which exceljs does not write; a bench-only stand-in).
 * Charts are not written (exceljs has no charts): a reopened workbook has none.
 */
import ExcelJS from "exceljs";
import { cellA1, parseRef } from "../../src/core/grid/address";
import { MemoryWorkbook, newId, type Cell, type Sheet } from "./workbook";

const SETTINGS_PREFIX = "office-bench-settings:";
const argb = (hex: string) => `FF${hex.replace(/^#/, "").toUpperCase().padStart(6, "0")}`;
const hex = (a?: string) => (a ? `#${a.slice(-6).toUpperCase()}` : undefined);
const key = (r: number, c: number) => `${r},${c}`;

export async function saveXlsx(wb: MemoryWorkbook): Promise<Uint8Array> {
  const x = new ExcelJS.Workbook();
  // Settings and threaded comments (which exceljs cannot write as threads) travel as JSON in the core properties.
  const settings = Object.fromEntries(wb.settings);
  const comments = wb.comments.map((c) => ({
    ...c,
    sheet: wb.sheets.find((s) => s.id === c.sheetId)?.name,
  }));
  if (Object.keys(settings).length || comments.length)
    x.description = SETTINGS_PREFIX + JSON.stringify({ settings, comments });
  for (const s of wb.sheets) {
    const ws = x.addWorksheet(s.name, {
      state:
        s.visibility === "Visible"
          ? "visible"
          : s.visibility === "Hidden"
            ? "hidden"
            : "veryHidden",
      properties: s.tabColor
        ? ({ tabColor: { argb: argb(s.tabColor) } } as unknown as ExcelJS.WorksheetProperties)
        : undefined,
      views: s.frozenRows ? [{ state: "frozen", ySplit: s.frozenRows }] : undefined,
    });
    for (const [k, c] of s.cells) {
      const [r, col] = k.split(",").map(Number);
      const cell = ws.getCell(r + 1, col + 1);
      if (c.formula)
        cell.value = {
          formula: c.formula.replace(/^=/, ""),
          result: c.value === c.formula ? undefined : c.value,
        } as ExcelJS.CellFormulaValue;
      else if (c.hyperlink && typeof c.value === "string")
        cell.value = { text: c.value, hyperlink: c.hyperlink } as ExcelJS.CellHyperlinkValue;
      else if (c.value !== "" && c.value !== null) cell.value = c.value;
      if (c.numberFormat !== "General") cell.numFmt = c.numberFormat;
      if (c.fill)
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(c.fill) } };
      if (c.fontColor || c.fontBold)
        cell.font = {
          ...(c.fontColor ? { color: { argb: argb(c.fontColor) } } : {}),
          ...(c.fontBold ? { bold: true } : {}),
        };
      if (c.border) cell.border = JSON.parse(c.border);
    }
    for (const m of s.merges) ws.mergeCells(m.r0 + 1, m.c0 + 1, m.r1 + 1, m.c1 + 1);
    for (const [c, w] of s.columnWidths) ws.getColumn(c + 1).width = w;
    if (s.autoFilter) ws.autoFilter = s.autoFilter;
    // exceljs lists the areas of one rule space-separated (sqref), as the file format does; the list's order (Office.js
    // priority 0, 1, …) is the file's priority 1, 2, ….
    for (const [i, cf] of s.conditionalFormats.entries()) {
      const ref = cf.address.split(/,\s*/).join(" ");
      if (cf.type === "DataBar")
        ws.addConditionalFormatting({
          ref,
          rules: [
            {
              type: "dataBar",
              priority: i + 1,
              cfvo: [{ type: "min" }, { type: "max" }],
              color: { argb: argb(cf.barColor ?? "#638EC6") },
            } as unknown as ExcelJS.ConditionalFormattingRule,
          ],
        });
      else if (cf.formula)
        ws.addConditionalFormatting({
          ref,
          rules: [
            {
              type: "expression",
              priority: i + 1,
              formulae: [cf.formula.replace(/^=/, "")],
              style: {
                ...(cf.fill
                  ? {
                      fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.fill) } },
                    }
                  : {}),
                ...(cf.fontColor ? { font: { color: { argb: argb(cf.fontColor) } } } : {}),
              },
            },
          ],
        });
    }
    for (const n of wb.notes.filter((n) => n.sheetId === s.id))
      ws.getCell(n.row + 1, n.col + 1).note = n.content;
    // A threaded comment is also written as a note, as Excel does for readers without threads; loading skips it.
    for (const c of wb.comments.filter((c) => c.sheetId === s.id))
      if (!wb.notes.some((n) => n.sheetId === s.id && n.row === c.row && n.col === c.col))
        ws.getCell(c.row + 1, c.col + 1).note = c.content;
  }
  return new Uint8Array(await x.xlsx.writeBuffer());
}

export async function loadXlsx(bytes: Uint8Array): Promise<MemoryWorkbook> {
  const x = new ExcelJS.Workbook();
  await x.xlsx.load(bytes as unknown as ExcelJS.Buffer); // a Uint8Array: works in Node and in the browser (no Buffer there)
  const wb = new MemoryWorkbook();
  const saved = x.description?.startsWith(SETTINGS_PREFIX)
    ? (JSON.parse(x.description.slice(SETTINGS_PREFIX.length)) as {
        settings: Record<string, unknown>;
        comments: Array<{
          sheet: string;
          row: number;
          col: number;
          content: string;
          authorName: string;
          resolved: boolean;
          id: string;
        }>;
      })
    : undefined;
  for (const [k, v] of Object.entries(saved?.settings ?? {})) wb.settings.set(k, v);
  x.eachSheet((ws) => {
    const s: Sheet = wb.addSheet(ws.name);
    s.visibility =
      ws.state === "hidden" ? "Hidden" : ws.state === "veryHidden" ? "VeryHidden" : "Visible";
    const tab = (ws.properties as { tabColor?: { argb?: string } }).tabColor?.argb;
    if (tab) s.tabColor = hex(tab)!;
    s.frozenRows =
      (ws.views?.[0] as { state?: string; ySplit?: number } | undefined)?.state === "frozen"
        ? ((ws.views[0] as { ySplit?: number }).ySplit ?? 0)
        : 0;
    // includeEmpty: a cell with only a border or fill has no value and must still load.
    ws.eachRow({ includeEmpty: true }, (row, r) =>
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        if (cell.isMerged && cell.master !== cell) return;
        const out: Cell = { value: "", numberFormat: cell.numFmt || "General" };
        const v = cell.value as unknown;
        if (v && typeof v === "object" && "formula" in (v as object)) {
          const f = v as ExcelJS.CellFormulaValue;
          out.formula = `=${f.formula}`;
          out.value =
            f.result === undefined || f.result === null || typeof f.result === "object"
              ? out.formula
              : (f.result as Cell["value"]);
        } else if (v && typeof v === "object" && "hyperlink" in (v as object)) {
          out.value = (v as ExcelJS.CellHyperlinkValue).text;
          out.hyperlink = (v as ExcelJS.CellHyperlinkValue).hyperlink;
        } else if (v && typeof v === "object" && "richText" in (v as object))
          out.value = (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join("");
        else if (v instanceof Date) out.value = v.toISOString();
        else if (v !== null && v !== undefined) out.value = v as Cell["value"];
        const fill = cell.fill as ExcelJS.FillPattern | undefined;
        if (fill?.type === "pattern" && fill.pattern === "solid")
          out.fill = hex(fill.fgColor?.argb);
        if (cell.font?.color?.argb) out.fontColor = hex(cell.font.color.argb);
        if (cell.font?.bold) out.fontBold = true;
        if (cell.border && Object.keys(cell.border).length)
          out.border = JSON.stringify(cell.border);
        const threaded = saved?.comments.some(
          (x) => x.sheet === ws.name && x.row === r - 1 && x.col === c - 1
        );
        if (cell.note && !threaded) {
          const text =
            typeof cell.note === "string"
              ? cell.note
              : (cell.note.texts ?? []).map((t) => t.text).join("");
          wb.notes.push({ sheetId: s.id, row: r - 1, col: c - 1, content: text, authorName: "" });
        }
        if (
          out.value !== "" ||
          out.formula ||
          out.numberFormat !== "General" ||
          out.fill ||
          out.fontColor ||
          out.fontBold ||
          out.border
        )
          s.cells.set(key(r - 1, c - 1), out);
      })
    );
    const merges = (
      ws as unknown as {
        _merges: Record<
          string,
          { model: { top: number; left: number; bottom: number; right: number } }
        >;
      }
    )._merges;
    for (const m of Object.values(merges ?? {}))
      s.merges.push({
        r0: m.model.top - 1,
        c0: m.model.left - 1,
        r1: m.model.bottom - 1,
        c1: m.model.right - 1,
      });
    const cfs =
      (
        ws as unknown as {
          conditionalFormattings: Array<{ ref: string; rules: Array<Record<string, unknown>> }>;
        }
      ).conditionalFormattings ?? [];
    // In priority order (a rule without one last), as Excel lists them.
    const rules = cfs
      .flatMap((cf) => cf.rules.map((rule) => ({ ref: cf.ref, rule })))
      .sort((a, b) => Number(a.rule.priority ?? Infinity) - Number(b.rule.priority ?? Infinity));
    for (const { ref, rule } of rules) {
      const address = ref.split(/\s+/).join(", ");
      if (rule.type === "dataBar")
        s.conditionalFormats.push({
          id: newId("cf"),
          type: "DataBar",
          address,
          barColor: hex((rule.color as { argb?: string })?.argb),
        });
      else if (rule.type === "expression") {
        const style = (rule.style ?? {}) as {
          fill?: { bgColor?: { argb?: string } };
          font?: { color?: { argb?: string } };
        };
        s.conditionalFormats.push({
          id: newId("cf"),
          type: "Custom",
          address,
          formula: `=${(rule.formulae as string[])[0]}`,
          fill: hex(style.fill?.bgColor?.argb),
          fontColor: hex(style.font?.color?.argb),
        });
      }
    }
  });
  for (const c of saved?.comments ?? []) {
    const s = wb.sheets.find((x) => x.name === c.sheet);
    if (s)
      wb.comments.push({
        id: c.id,
        sheetId: s.id,
        row: c.row,
        col: c.col,
        content: c.content,
        authorName: c.authorName,
        resolved: c.resolved,
      });
  }
  wb.activeSheetId = wb.sheets[0]?.id;
  return wb;
}

/** What the user owns in a saved workbook, cell by cell: value, formula, number format, fill, font, border (exceljs' view). */
export async function userCells(
  bytes: Uint8Array,
  sheets?: string[]
): Promise<Record<string, unknown>> {
  const x = new ExcelJS.Workbook();
  await x.xlsx.load(bytes as unknown as ExcelJS.Buffer); // a Uint8Array: works in Node and in the browser (no Buffer there)
  const out: Record<string, unknown> = {};
  x.eachSheet((ws) => {
    if (sheets && !sheets.includes(ws.name)) return;
    ws.eachRow({ includeEmpty: true }, (row, r) =>
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        out[`${ws.name}!${cellA1(r - 1, c - 1)}`] = {
          value: cell.value ?? null,
          numFmt: cell.numFmt ?? null,
          fill: cell.fill ?? null,
          font: cell.font ?? null,
          border: cell.border ?? null,
        };
      })
    );
  });
  return out;
}

/** Sheet-qualified single cell ("'a b'!C3") → [sheet, row0, col0]. */
export function cellAt(ref: string): [string, number, number] {
  const p = parseRef(ref);
  return [p.sheet ?? "", p.r0, p.c0];
}
