/**
 * The in-memory workbook behind the bench: sheets of cells with values, formulas, formats, fills, fonts, borders,
 * hyperlinks, merges, hidden rows and columns; conditional formats on ranges and multi-area ranges; charts; notes and
 * comments; settings; the selection and its change handlers. Saved to and loaded from .xlsx by ./xlsx.ts (exceljs).
 */
import {
  sheetColOf,
  sheetRowOf,
  type CellValue,
  type Merge,
  type SheetGrid,
} from "../../src/core/grid/grid";
import { displayText } from "../../src/core/grid/display";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";

export interface Cell {
  value: CellValue;
  formula?: string;
  numberFormat: string;
  fill?: string; // #RRGGBB; undefined = no fill
  fontColor?: string;
  fontBold?: boolean;
  /** Border description (opaque to the bench: compared, never interpreted). */
  border?: string;
  /** Hyperlink target: "#'Sheet'!A1" inside the workbook or a URL. */
  hyperlink?: string;
}

export interface ConditionalFormat {
  id: string;
  /** Custom, DataBar, … (Excel.ConditionalFormatType). */
  type: string;
  /** A1 without the sheet; several areas are joined by ", " (a CF added on RangeAreas). */
  address: string;
  formula?: string;
  fill?: string;
  fontColor?: string;
  /** DataBar: bar colour. */
  barColor?: string;
  /** Custom and the other rule types: no lower-priority rule applies where this one is true. */
  stopIfTrue?: boolean;
}

export interface Chart {
  id: string;
  name: string;
  type: string;
  /** Source data, A1 without the sheet. */
  source: string;
  seriesBy: string;
  title?: string;
}

export interface Note {
  sheetId: string;
  row: number;
  col: number;
  content: string;
  authorName: string;
}

export type HeaderPages = "defaultForAllPages" | "firstPage" | "oddPages" | "evenPages";
export type HeaderSection = "leftHeader" | "centerHeader" | "rightHeader";

export interface Sheet {
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  tabColor: string;
  protected: boolean;
  cells: Map<string, Cell>;
  merges: Merge[];
  conditionalFormats: ConditionalFormat[];
  charts: Chart[];
  /** Frozen rows at the top (0 = none). */
  frozenRows: number;
  autoFilter?: string;
  columnWidths: Map<number, number>;
  /** Print setup as the add-in set it (orientation, zoom), recorded. */
  pageLayout?: { orientation?: unknown; zoom?: unknown };
  /** The print area (pageLayout.getPrintAreaOrNullObject), A1 ranges without the sheet; undefined: none set. */
  printArea?: string[];
  /**
   * The print header (pageLayout.headersFooters): its state (Default, FirstAndDefault, OddAndEven, FirstOddAndEven)
   * and each page set's sections as Excel gives them, with their &-codes. Undefined: no header.
   */
  headersFooters?: {
    state?: string;
    pages: Partial<Record<HeaderPages, Partial<Record<HeaderSection, string>>>>;
  };
  /** Hidden rows and columns, 0-based sheet indexes. */
  hiddenRows: Set<number>;
  hiddenCols: Set<number>;
}

export interface Comment {
  id: string;
  sheetId: string;
  row: number;
  col: number;
  content: string;
  authorName: string;
  resolved: boolean;
}

const key = (r: number, c: number) => `${r},${c}`;
let idSeq = 0;
export const newId = (prefix = "") =>
  `{${prefix}${(++idSeq).toString(16).padStart(8, "0")}-0000-4000-8000-000000000000}`;

export class MemoryWorkbook {
  sheets: Sheet[] = [];
  settings = new Map<string, unknown>();
  comments: Comment[] = [];
  notes: Note[] = [];
  activeSheetId?: string;
  /** The selection: one or more areas on one sheet (Excel selects RangeAreas as several areas). */
  selection?: {
    sheetId: string;
    r0: number;
    c0: number;
    r1: number;
    c1: number;
    areas?: Array<{ r0: number; c0: number; r1: number; c1: number }>;
  };
  /** Office.EventType.DocumentSelectionChanged handlers (Common API), raised by select() as Excel does on a user click. */
  selectionHandlers: Array<() => void> = [];

  /** The user clicks a cell or range in the grid: the selection moves and the selection-changed handlers run. */
  select(sheet: string, r0: number, c0: number, r1 = r0, c1 = c0) {
    const s = this.sheets.find((x) => x.name === sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    this.activeSheetId = s.id;
    this.selection = { sheetId: s.id, r0, c0, r1, c1 };
    for (const h of this.selectionHandlers) h();
  }

  static fromGrids(grids: SheetGrid[]): MemoryWorkbook {
    const wb = new MemoryWorkbook();
    for (const g of grids) {
      const s = wb.addSheet(g.sheet);
      s.visibility =
        g.visibility === "hidden"
          ? "Hidden"
          : g.visibility === "veryHidden"
            ? "VeryHidden"
            : "Visible";
      g.values.forEach((row, r) =>
        row.forEach((v, c) => {
          const fmt = g.numberFormat[r]?.[c] ?? "General";
          if ((v !== "" && v !== null) || fmt !== "General")
            s.cells.set(key(sheetRowOf(g, r), sheetColOf(g, c)), {
              value: v ?? "",
              numberFormat: fmt,
            });
        })
      );
      s.merges = g.merges.map((m) => ({
        r0: sheetRowOf(g, m.r0),
        c0: sheetColOf(g, m.c0),
        r1: sheetRowOf(g, m.r1),
        c1: sheetColOf(g, m.c1),
      }));
      if (g.printArea) s.printArea = [...g.printArea];
      // A grid's header is parsed text: as codes again, each & doubled.
      const h = g.pageHeader;
      const code = (x: string) => x.replace(/&/g, "&&");
      if (h)
        s.headersFooters = {
          pages: {
            defaultForAllPages: {
              leftHeader: code(h.left),
              centerHeader: code(h.center),
              rightHeader: code(h.right),
            },
          },
        };
      g.colWidths?.forEach((w, c) => s.columnWidths.set(sheetColOf(g, c), w));
      for (const r of g.hiddenRows ?? []) s.hiddenRows.add(sheetRowOf(g, r));
      for (const c of g.hiddenCols ?? []) s.hiddenCols.add(sheetColOf(g, c));
    }
    wb.activeSheetId = wb.sheets[0]?.id;
    return wb;
  }

  /** Grids from an .xlsx through the project's .xlsx host (values and formats only; ./xlsx.ts keeps everything). */
  static async fromXlsxGrids(bytes: Uint8Array): Promise<MemoryWorkbook> {
    return MemoryWorkbook.fromGrids((await readXlsxBuffer(bytes)).grids);
  }

  addSheet(name: string): Sheet {
    const s: Sheet = {
      id: newId(),
      name,
      visibility: "Visible",
      tabColor: "",
      protected: false,
      cells: new Map(),
      merges: [],
      conditionalFormats: [],
      charts: [],
      frozenRows: 0,
      columnWidths: new Map(),
      hiddenRows: new Set(),
      hiddenCols: new Set(),
    };
    this.sheets.push(s);
    return s;
  }

  cell(s: Sheet, r: number, c: number): Cell | undefined {
    return s.cells.get(key(r, c));
  }
  /** The cell, created when absent (for writes). */
  cellForWrite(s: Sheet, r: number, c: number): Cell {
    let x = s.cells.get(key(r, c));
    if (!x) {
      x = { value: "", numberFormat: "General" };
      s.cells.set(key(r, c), x);
    }
    return x;
  }
  text(s: Sheet, r: number, c: number): string {
    const x = this.cell(s, r, c);
    return x ? displayText(x.value, x.numberFormat) : "";
  }

  /** Bounding box of cells with values (valuesOnly) or with values or formatting; within `inside` when given. */
  usedBounds(
    s: Sheet,
    valuesOnly: boolean,
    inside?: { r0: number; c0: number; r1: number; c1: number }
  ): { r0: number; c0: number; r1: number; c1: number } | undefined {
    let b: { r0: number; c0: number; r1: number; c1: number } | undefined;
    for (const [k, x] of s.cells) {
      const has =
        (x.value !== "" && x.value !== null) ||
        x.formula ||
        (!valuesOnly &&
          (x.numberFormat !== "General" || x.fill || x.fontColor || x.fontBold || x.border));
      if (!has) continue;
      const [r, c] = k.split(",").map(Number);
      if (inside && (r < inside.r0 || r > inside.r1 || c < inside.c0 || c > inside.c1)) continue;
      b = b
        ? {
            r0: Math.min(b.r0, r),
            c0: Math.min(b.c0, c),
            r1: Math.max(b.r1, r),
            c1: Math.max(b.c1, c),
          }
        : { r0: r, c0: c, r1: r, c1: c };
    }
    return b;
  }

  /** Back to grids (the same shape the hosts produce), e.g. to save or to compare. */
  toGrids(): SheetGrid[] {
    return this.sheets.map((s) => {
      const b = this.usedBounds(s, true);
      if (!b)
        return {
          sheet: s.name,
          origin: { row: 0, col: 0 },
          values: [],
          text: [],
          numberFormat: [],
          merges: [],
          visibility: "visible" as const,
        };
      const rows = b.r1 - b.r0 + 1;
      const cols = b.c1 - b.c0 + 1;
      const values: CellValue[][] = [];
      const text: string[][] = [];
      const numberFormat: string[][] = [];
      for (let r = 0; r < rows; r++) {
        values.push([]);
        text.push([]);
        numberFormat.push([]);
        for (let c = 0; c < cols; c++) {
          const x = this.cell(s, r + b.r0, c + b.c0);
          values[r].push(x ? x.value : "");
          text[r].push(this.text(s, r + b.r0, c + b.c0));
          numberFormat[r].push(x?.numberFormat ?? "General");
        }
      }
      const merges = s.merges.map((m) => ({
        r0: m.r0 - b.r0,
        c0: m.c0 - b.c0,
        r1: m.r1 - b.r0,
        c1: m.c1 - b.c0,
      }));
      return {
        sheet: s.name,
        origin: { row: b.r0, col: b.c0 },
        values,
        text,
        numberFormat,
        merges,
        visibility:
          s.visibility === "Hidden"
            ? "hidden"
            : s.visibility === "VeryHidden"
              ? "veryHidden"
              : "visible",
      };
    });
  }
}
