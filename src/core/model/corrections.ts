/**
 * The reviewer's corrections of what the importer recognised: a table's kind or printed unit, saved with the
 * workbook (the Office host keeps them in the workbook's settings) and applied to every later import before the
 * rules run. A correction names the table by its sheet and region; one whose table is gone is ignored.
 */
import { z } from "zod";
import { TableKindSchema, UnitSchema, type Report } from "./schema";

export const CorrectionSchema = z.object({
  sheet: z.string(),
  /** The table's region (A1 without the sheet) as the importer reported it. */
  range: z.string(),
  kind: TableKindSchema.optional(),
  unit: UnitSchema.optional(),
});
export type Correction = z.infer<typeof CorrectionSchema>;
export const CorrectionsSchema = z.array(CorrectionSchema);

export function parseCorrections(json: unknown): Correction[] {
  try {
    const r = CorrectionsSchema.safeParse(typeof json === "string" ? JSON.parse(json) : json);
    return r.success ? r.data : [];
  } catch {
    return [];
  }
}

/** Sets the correction for one table (replacing an earlier one); with neither kind nor unit, withdraws it. */
export function correct(corrections: Correction[], c: Correction): Correction[] {
  const rest = corrections.filter((x) => !(x.sheet === c.sheet && x.range === c.range));
  return c.kind || c.unit ? [...rest, c] : rest;
}

/** The report with the corrections applied (a new object); `applied` counts those that found their table. */
export function applyCorrections(
  report: Report,
  corrections: Correction[]
): { report: Report; applied: number } {
  let applied = 0;
  const tables = report.tables.map((t) => {
    const c = corrections.find((x) => x.sheet === t.sheet && x.range === t.range);
    if (!c) return t;
    applied++;
    return {
      ...t,
      ...(c.kind ? { kind: c.kind } : {}),
      ...(c.unit ? { unit: c.unit, unitText: `单位：${c.unit}（已更正）` } : {}),
    };
  });
  return { report: { ...report, tables }, applied };
}
