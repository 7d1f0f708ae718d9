/** The host-independent sheet grid: what both the .xlsx host and the Office.js host produce. */
import { z } from "zod";

export const CellValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type CellValue = z.infer<typeof CellValueSchema>;

/** A merged area, 0-based and relative to the grid's origin, inclusive bounds. */
export const MergeSchema = z.object({ r0: z.number().int(), c0: z.number().int(), r1: z.number().int(), c1: z.number().int() });
export type Merge = z.infer<typeof MergeSchema>;

export const SheetGridSchema = z.object({
  sheet: z.string(),
  /** 0-based sheet row/column of values[0][0] (the used range may not start at A1). */
  origin: z.object({ row: z.number().int().min(0), col: z.number().int().min(0) }),
  /** Raw values; "" for empty cells (as Office.js reports them). Only a merge's top-left cell holds its value. */
  values: z.array(z.array(CellValueSchema)),
  /** Text as displayed (value rendered through the number format). */
  text: z.array(z.array(z.string())),
  numberFormat: z.array(z.array(z.string())),
  merges: z.array(MergeSchema),
  visibility: z.enum(["visible", "hidden", "veryHidden"]).default("visible"),
});
export type SheetGrid = z.infer<typeof SheetGridSchema>;

/** Builds a grid from a plain 2-D array (tests and generated variants): text is the value as a string. */
export function gridFromRows(sheet: string, rows: CellValue[][], opts: { merges?: Merge[]; formats?: string[][] } = {}): SheetGrid {
  const width = rows.reduce((m, r) => Math.max(m, r.length), 0);
  const values = rows.map((r) => Array.from({ length: width }, (_, c) => (r[c] === undefined || r[c] === null ? "" : r[c])));
  const numberFormat = values.map((r, ri) => r.map((v, ci) => opts.formats?.[ri]?.[ci] ?? (typeof v === "number" ? "0.00" : "General")));
  const text = values.map((r, ri) => r.map((v, ci) => (typeof v === "number" && numberFormat[ri][ci] === "0.00" ? v.toFixed(2) : String(v ?? ""))));
  return { sheet, origin: { row: 0, col: 0 }, values, text, numberFormat, merges: opts.merges ?? [], visibility: "visible" };
}
