/**
 * Formulas without a stored result (files written by scripts or budget systems and never saved by Excel): evaluated
 * with fast-formula-parser (MIT), so a 合计 cell of `=SUM(C7:C9)` reads as Excel would show it, never as blank or 0.
 * What cannot be evaluated (an unsupported function, a cycle, a reference to another workbook) stays the formula
 * text, which the importer names as an amount cell without a result. A workbook that asks Excel to recalculate on
 * open (fullCalcOnLoad) has every formula evaluated so, its stored result kept where evaluation fails: Excel shows
 * the new results, and stored ones may be out of date (written by a program that changed the figures).
 */
import type FormulaParserClass from "fast-formula-parser";
import {
  gridColOf,
  gridRowOf,
  sheetColOf,
  sheetRowOf,
  type CellValue,
  type SheetGrid,
} from "../../core/grid/grid";
import { displayText } from "../../core/grid/display";
import type { ReadNote } from "../../core/model/schema";

export interface PendingFormula {
  sheet: number;
  /** 0-based, in grid coordinates. */
  r: number;
  c: number;
  /** Without the leading "=". */
  formula: string;
  /** The result stored in the file, for a formula recalculated because the workbook asks so: kept when it cannot be. */
  stored?: CellValue;
}

export interface FormulaOutcome {
  evaluated: number;
  unresolved: number;
  /** Recalculated formulas whose new result differs from the stored one (a workbook asking for recalculation). */
  stale?: number;
}

type Value = number | string | boolean | null;

/** A formula cell whose file stores a number as its result (grid coordinates, formula without "="). */
export interface StoredFormula {
  sheet: number;
  r: number;
  c: number;
  formula: string;
}

let parserClass: typeof FormulaParserClass | undefined;
/**
 * fast-formula-parser (with chevrotain) loaded on first use: most workbooks store every formula's result, and loading
 * it costs every process and worker a tenth of a second at start.
 */
function formulaParser(): typeof FormulaParserClass {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (parserClass ??= require("fast-formula-parser") as typeof FormulaParserClass);
}

/** Evaluates the pending formulas into the grids' values and texts; passes until nothing more resolves (dependencies first). */
export function evaluateFormulas(grids: SheetGrid[], pending: PendingFormula[]): FormulaOutcome {
  if (!pending.length) return { evaluated: 0, unresolved: 0 };
  const open = new Set(pending.map((p) => `${p.sheet}:${p.r}:${p.c}`));
  const ev = evaluator(grids, pending, open);
  let left = pending;
  let evaluated = 0;
  let stale = 0;
  for (;;) {
    const next: PendingFormula[] = [];
    for (const p of left) {
      const { result, blocked } = ev(p);
      if (blocked) {
        next.push(p);
        continue;
      }
      open.delete(`${p.sheet}:${p.r}:${p.c}`);
      const g = grids[p.sheet];
      const v = plain(result);
      if (v === undefined) {
        unresolvedAt(g, p);
        continue;
      }
      if (p.stored === undefined) evaluated++;
      else if (!sameResult(v, p.stored)) stale++;
      g.values[p.r][p.c] = v;
      g.text[p.r][p.c] = displayText(v, g.numberFormat[p.r][p.c]);
    }
    if (next.length === 0 || next.length === left.length) {
      // A cycle (or a dependency on one): left as formulas.
      for (const p of next) unresolvedAt(grids[p.sheet], p);
      const fresh = pending.filter((p) => p.stored === undefined).length;
      return { evaluated, unresolved: fresh - evaluated, stale };
    }
    left = next;
  }
}

/**
 * A formula's result over the grids' values as they stand (`open` cells — formulas not evaluated yet — block it: the
 * caller tries again once they are). Excel's SUBTOTAL leaves out the SUBTOTAL cells in its ranges (a 合计 line of
 * =SUBTOTAL(9,C6:C40) over 类 and 款 lines that are SUBTOTALs themselves sums the 项 lines only); 109 leaves out hidden
 * rows too. fast-formula-parser does not implement it: such a formula is read as SUM of its references with those
 * cells (of `formulas`) left out.
 */
function evaluator(
  grids: SheetGrid[],
  formulas: ReadonlyArray<{ sheet: number; r: number; c: number; formula: string }>,
  open: ReadonlySet<string>
): (p: { sheet: number; r: number; c: number; formula: string }) => {
  result: unknown;
  blocked: boolean;
} {
  const sheetIndex = new Map(grids.map((g, i) => [g.sheet.toLowerCase(), i]));
  const subtotalCells = new Set(
    formulas.filter((p) => /SUBTOTAL\s*\(/i.test(p.formula)).map((p) => `${p.sheet}:${p.r}:${p.c}`)
  );
  let subtotal: { hidden: boolean } | undefined;
  let blocked = false;
  const sheetOf = (name: string | undefined, fallback: number) =>
    name === undefined ? fallback : sheetIndex.get(name.toLowerCase());
  let current = 0;
  /** r, c: 0-based sheet coordinates (the grid may skip long empty runs: sheetRows / sheetCols). */
  const valueAt = (s: number, sr: number, sc: number): Value => {
    const r = gridRowOf(grids[s], sr);
    const c = gridColOf(grids[s], sc);
    if (r < 0 || c < 0) return null;
    if (subtotal && subtotalCells.has(`${s}:${r}:${c}`)) return null;
    if (subtotal?.hidden && grids[s].hiddenRows?.includes(r)) return null;
    if (open.has(`${s}:${r}:${c}`)) {
      blocked = true;
      return null;
    }
    const v: CellValue | undefined = grids[s].values[r]?.[c];
    return v === "" || v === undefined ? null : v;
  };
  const FormulaParser = formulaParser();
  const parser = new FormulaParser({
    onCell: (ref: { sheet?: string; row: number; col: number }) => {
      const s = sheetOf(ref.sheet, current);
      if (s === undefined) throw FormulaParser.FormulaError.REF;
      return valueAt(s, ref.row - 1, ref.col - 1);
    },
    onRange: (ref: {
      sheet?: string;
      from: { row: number; col: number };
      to: { row: number; col: number };
    }) => {
      const s = sheetOf(ref.sheet, current);
      if (s === undefined) throw FormulaParser.FormulaError.REF;
      const g = grids[s];
      // Whole columns and rows (A:A) end at the sheet's content, not at row 1,048,576.
      const r1 = Math.min(ref.to.row, g.values.length ? sheetRowOf(g, g.values.length - 1) + 1 : 0);
      const width = g.values.reduce((m, row) => Math.max(m, row.length), 0);
      const c1 = Math.min(ref.to.col, width ? sheetColOf(g, width - 1) + 1 : 0);
      const out: Value[][] = [];
      for (let r = ref.from.row; r <= r1; r++) {
        const row: Value[] = [];
        for (let c = ref.from.col; c <= c1; c++) row.push(valueAt(s, r - 1, c - 1));
        out.push(row);
      }
      return out;
    },
  });
  return (p) => {
    current = p.sheet;
    blocked = false;
    const sub = SUBTOTAL_SUM.exec(p.formula);
    subtotal = sub ? { hidden: sub[1] === "109" } : undefined;
    let result: unknown;
    if (untrusted(p.formula)) return { result: undefined, blocked: false };
    try {
      result = parser.parse(wholeLines(sub ? `SUM(${sub[2]})` : p.formula), {
        sheet: grids[p.sheet].sheet,
        row: sheetRowOf(grids[p.sheet], p.r) + 1,
        col: sheetColOf(grids[p.sheet], p.c) + 1,
      });
    } catch {
      result = undefined;
    }
    return { result, blocked };
  };
}

/**
 * Formulas whose stored result differs from what they compute from the figures the file stores (what Excel shows
 * for every other cell): a cache a program wrote without recalculating (the figures changed under a 合计 formula),
 * or a workbook saved with 手动重算. Each such cell gets its computed number in `grid.staleFormulas`; a formula that
 * cannot be evaluated (an unsupported function, another workbook) is left alone. Numbers only, compared to 1e-9 here:
 * the rules compare at the table's printed precision.
 */
export function markStaleFormulas(grids: SheetGrid[], stored: StoredFormula[]): void {
  if (!stored.length) return;
  const ev = evaluator(grids, stored, new Set());
  for (const p of stored) {
    const v = plain(ev(p).result);
    const g = grids[p.sheet];
    const was = g.values[p.r]?.[p.c];
    if (typeof v !== "number" || typeof was !== "number" || sameResult(v, was)) continue;
    (g.staleFormulas ??= []).push({ r: p.r, c: p.c, computed: v });
  }
}

/** A formula that cannot be evaluated: its stored result where the file has one, else the formula text. */
function unresolvedAt(g: SheetGrid, p: PendingFormula): void {
  if (p.stored !== undefined) {
    g.values[p.r][p.c] = p.stored;
    g.text[p.r][p.c] = displayText(p.stored, g.numberFormat[p.r][p.c]);
    return;
  }
  g.values[p.r][p.c] = `=${p.formula}`;
  g.text[p.r][p.c] = `=${p.formula}`;
}

/** Results equal as shown: numbers to 1e-9, anything else as text. */
function sameResult(a: CellValue, b: CellValue): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) < 1e-9;
  return String(a ?? "") === String(b ?? "");
}

/**
 * Whole columns and rows written absolute ($C:$C, C:$C, $7:$7): fast-formula-parser reads $C:$C as columns −727…−1
 * (an empty range: SUMIF over it is 0, no error) and $7:$7 not at all (tester35b T35b-13; SUMIF over whole columns is
 * how hand-made 收支总表 pull their 类 totals). A whole line's "$" changes nothing, so it is dropped before parsing.
 */
const WHOLE_COLUMNS = /(?<![\w$.])\$?([A-Za-z]{1,3})\s*:\s*\$?([A-Za-z]{1,3})(?![\w(])/g;
const WHOLE_ROWS = /(?<![\w$.:])\$?(\d{1,7})\s*:\s*\$?(\d{1,7})(?![\w(.:])/g;
function wholeLines(formula: string): string {
  // Text in quotes ("201", "一般公共服务支出") is left as written.
  return formula
    .split(/("[^"]*")/)
    .map((part, i) =>
      i % 2 ? part : part.replace(WHOLE_COLUMNS, "$1:$2").replace(WHOLE_ROWS, "$1:$2")
    )
    .join("");
}

/**
 * Formulas fast-formula-parser computes without error but wrongly: a function applied to a range inside SUMPRODUCT
 * (SUMPRODUCT((LEN(A7:A99)=3)*C7:C99) — no array evaluation, the result 0). Not evaluated: the stored result stands,
 * and one without a stored result is a formula that could not be computed (tester35b T35b-13).
 * A scan rather than one regular expression: nested groups of "(" made the expression backtrack for seconds on a
 * long formula that does not match (every formula of a workbook is tested).
 */
function untrusted(formula: string): boolean {
  for (const start of formula.matchAll(SUMPRODUCT_OPEN)) {
    const from = (start.index ?? 0) + start[0].length;
    let depth = 1;
    let to = from;
    for (; to < formula.length && depth > 0; to++) {
      const ch = formula[to];
      if (ch === '"') to = Math.max(formula.indexOf('"', to + 1), to);
      else if (ch === "(") depth++;
      else if (ch === ")") depth--;
    }
    for (const call of formula.slice(from, to).matchAll(INNER_CALL))
      if (call[1].includes(":")) return true;
  }
  return false;
}
const SUMPRODUCT_OPEN = /SUMPRODUCT\s*\(/gi;
/** A function name and its innermost argument list (no parentheses inside): LEN(A7:A99). */
const INNER_CALL = /(?<![A-Za-z_.])[A-Za-z_.]+\s*\(([^()]*)\)/g;

/** A whole formula =SUBTOTAL(9, refs…) or (109, refs…): a sum (the function number, the references). */
const SUBTOTAL_SUM = /^\s*SUBTOTAL\s*\(\s*(9|109)\s*,(.*)\)\s*$/i;

/** A parser result as a cell value: numbers, text, booleans, Excel error values as their text; undefined when unusable. */
function plain(result: unknown): CellValue | undefined {
  if (typeof result === "number")
    return Number.isFinite(result) ? Math.round(result * 1e9) / 1e9 : undefined;
  if (typeof result === "string" || typeof result === "boolean") return result;
  if (result === null) return 0;
  if (result instanceof formulaParser().FormulaError) return result.error;
  if (Array.isArray(result)) return plain(result[0]?.[0] ?? result[0]);
  return undefined;
}

/** What the reviewer is told about formulas without a stored result (both file hosts), or nothing when there were none. */
export function formulaReadNote(f: FormulaOutcome): ReadNote | undefined {
  if (f.evaluated + f.unresolved === 0)
    return f.stale
      ? {
          severity: "info",
          message: `工作簿设置为打开时重新计算（多由程序生成），${f.stale} 个公式单元格保存的结果与按公式重算的不同：已按重算的结果审核（与 Excel 打开后显示的一致）`,
        }
      : undefined;
  return f.unresolved === 0
    ? {
        severity: "info",
        message: `${f.evaluated} 个公式单元格在文件中没有保存计算结果（文件由程序生成、未在 Excel 中保存过），已按公式计算后审核；建议在 Excel 或 WPS 中打开并保存后再审核一次`,
      }
    : {
        severity: "warning",
        message: `${f.evaluated + f.unresolved} 个公式单元格在文件中没有保存计算结果，其中 ${f.unresolved} 个无法自行计算、未参与核对：请在 Excel 或 WPS 中打开并保存后再审核`,
      };
}
