/**
 * Live references to the user's cells for the 预算汇总 sheet: a formula that reads the source cell (numbers as they
 * are; amounts stored as text converted in the formula, as the importer reads them; blanks as 0), scaled to the
 * summary's unit (元 / 千元 / 万元 / 亿元), together with the value the model computes for it.
 */
import type { Amount, Table, Unit } from "../model/schema";
import type { SheetGrid } from "../grid/grid";
import { cellA1, parseRef } from "../grid/address";
import { UNIT_FACTOR } from "../rules/interval";

export interface SourceTerm {
  /** Without "="; absent: a constant (the model's value). */
  formula?: string;
  value: number;
  source?: { sheet: string; cell: string };
}

/** The grids by sheet, to tell numbers stored as text (converted in the formula) from numbers. */
export class SourceCells {
  private bySheet: Map<string, SheetGrid>;
  constructor(grids: SheetGrid[]) {
    this.bySheet = new Map(grids.map((g) => [g.sheet, g]));
  }
  valueAt(sheet: string, r0: number, c0: number): unknown {
    const g = this.bySheet.get(sheet);
    if (!g) return undefined;
    return g.values[r0 - g.origin.row]?.[c0 - g.origin.col];
  }
}

/** Always quoted: valid for every sheet name in Excel and LibreOffice alike. */
export const quoted = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

/** The term for one printed amount of `table`, in `unit`. */
export function sourceTerm(cells: SourceCells, table: Table, a: Amount, unit: Unit): SourceTerm {
  const p = parseRef(a.cell);
  const sheet = p.sheet ?? table.sheet;
  const cell = cellA1(p.r0, p.c0);
  const ref = `${quoted(sheet)}!${cell}`;
  const raw = cells.valueAt(sheet, p.r0, p.c0);
  // Text amounts ("1,705.54", with full-width spaces): strip separators and convert; a dash or other text reads as 0,
  // as the importer reads it as blank.
  const text = typeof raw === "string" && raw.trim() !== "";
  const blank =
    raw === "" || raw === null || raw === undefined || (typeof raw === "string" && !text);
  // A blank cell through N(): a bare reference to an empty cell is "empty", not 0, in some engines' results.
  let formula = text
    ? `IFERROR(VALUE(SUBSTITUTE(SUBSTITUTE(${ref},",",""),"\u3000","")),0)`
    : blank
      ? `N(${ref})`
      : ref;
  let value = a.value ?? 0;
  const factor = UNIT_FACTOR[table.unit] / UNIT_FACTOR[unit];
  if (factor > 1) {
    formula = `${formula}*${factor}`;
    value = value * factor;
  } else if (factor < 1) {
    const div = UNIT_FACTOR[unit] / UNIT_FACTOR[table.unit];
    formula = `${formula}/${div}`;
    value = value / div;
  }
  return { formula, value, source: { sheet, cell } };
}

/** Σ of terms as one formula ("a+b+c"), or undefined when it would pass Excel's 8,192-character formula limit. */
export function sumTerm(terms: SourceTerm[]): SourceTerm | undefined {
  if (!terms.length) return { formula: "0", value: 0 };
  const formula = terms.map((t) => t.formula).join("+");
  if (formula.length > 8000) return undefined;
  return { formula, value: terms.reduce((s, t) => s + t.value, 0) };
}
