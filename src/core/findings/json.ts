/** The machine-readable check result (documented in docs/check-json.md); version 2 (1 + causes). */
import { z } from "zod";
import { TableKindSchema, UnitSchema, type Report, type Unit } from "../model/schema";
import { FindingSchema, type CheckResult, type Finding } from "../rules/rule";
import { CATALOG } from "../rules/catalog";
import { isQuantityTable } from "../model/quantities";
import { CauseSchema, LocalizationSchema } from "../localize/cause";

export const CheckFileJsonSchema = z.object({
  file: z.string(),
  department: z.string().nullable(),
  year: z.number().nullable(),
  unit: z.string().nullable(),
  tables: z.array(
    z.object({ sheet: z.string(), range: z.string(), kind: z.string(), title: z.string() })
  ),
  /** Suspected errors, each with the indexes of the `findings` it explains (most first). */
  causes: z.array(CauseSchema),
  /** complete / budget (the time budget ran out) / skipped; `unexplained`: findings of failed comparisons no cause explains. */
  localization: LocalizationSchema.omit({ causes: true }),
  /**
   * Each finding as the rules give it, with `unit`: the unit its expected / actual / difference are in (the checked
   * figure's table's, or — a comparison across tables printed in different units — the one the rule converted both
   * sides to: Finding.unit); null when the finding states no figure, or its figures are counts (资产表: 辆, 平方米).
   */
  findings: z.array(FindingSchema.omit({ unit: true }).extend({ unit: UnitSchema.nullable() })),
  rules: z.object({
    checked: z.number(),
    passed: z.number(),
    failed: z.number(),
    notApplicable: z.number(),
  }),
  /** Rules (or some of their instances) that did not apply, each with the reasons — so nothing unchecked reads as passed. */
  notApplicable: z
    .array(
      z.object({
        rule: z.string(),
        title: z.string(),
        checked: z.number(),
        reasons: z.array(z.string()),
      })
    )
    .optional(),
  /**
   * Sheets and regions not reviewed (as 审核结果's 未识别 section lists them): an empty sheet, a table whose header could
   * not be read … `kind`: the table a titled region's title names (a table not read, which a clean verdict may not cover).
   */
  unrecognized: z
    .array(
      z.object({
        sheet: z.string(),
        range: z.string(),
        reason: z.string(),
        kind: TableKindSchema.optional(),
      })
    )
    .optional(),
  /** Hidden sheets (read and reviewed, but not what a reader sees). */
  hiddenSheets: z.array(z.string()).optional(),
  /** `check --out` only: the file written for this input (the reviewed copy, or `<name>.审核结果.xlsx`), as a path. */
  output: z.string().optional(),
});
export type CheckFileJson = z.infer<typeof CheckFileJsonSchema>;
/** An input that could not be reviewed (not found, not a workbook, damaged …): its code and one Chinese sentence. */
export const CheckFileErrorJsonSchema = z.object({
  file: z.string(),
  error: z.object({ code: z.string(), message: z.string() }),
});
export type CheckFileErrorJson = z.infer<typeof CheckFileErrorJsonSchema>;
export const CHECK_JSON_VERSION = 2;
export const CheckJsonSchema = z.object({
  version: z.literal(CHECK_JSON_VERSION),
  files: z.array(z.union([CheckFileJsonSchema, CheckFileErrorJsonSchema])),
});

/**
 * The document with only the findings at or above a severity (`--min-severity`): causes keep only the findings
 * still listed, their `explains` renumbered; a cause left explaining nothing is dropped.
 */
export function withFindings(
  doc: CheckFileJson,
  keep: (f: CheckFileJson["findings"][number]) => boolean
): CheckFileJson {
  const index = new Map<number, number>();
  const findings = doc.findings.filter((f, i) => keep(f) && index.set(i, index.size));
  const renumber = (xs: number[]) => xs.filter((i) => index.has(i)).map((i) => index.get(i)!);
  return {
    ...doc,
    findings,
    causes: doc.causes
      .map((c) => ({ ...c, explains: renumber(c.explains) }))
      .filter((c) => c.explains.length),
    localization: { ...doc.localization, unexplained: renumber(doc.localization.unexplained) },
  };
}

export function toCheckJson(file: string, report: Report, result: CheckResult): CheckFileJson {
  // The money unit of each amount cell (none for a 资产表's counts): read once, only when a finding states a figure.
  let units: Map<string, Unit | null> | undefined;
  const figureUnit = (f: Finding): Unit | null => {
    if (f.expected === null && f.actual === null && f.difference === null) return null;
    if (f.unit) return f.unit;
    if (!units) {
      units = new Map();
      for (const t of report.tables)
        for (const r of t.rows)
          for (const k in r.amounts)
            units.set(r.amounts[k].cell, isQuantityTable(t) ? null : t.unit);
    }
    // A checked cell that is not an amount cell (a rule citing a line's label): the workbook's unit.
    const u = units.get(f.cells[0]);
    return u !== undefined ? u : (report.unit ?? null);
  };
  return {
    file,
    department: report.department ?? null,
    year: report.year ?? null,
    unit: report.unit ?? null,
    tables: report.tables.map((t) => ({
      sheet: t.sheet,
      range: t.range,
      kind: t.kind,
      title: t.title,
    })),
    causes: result.causes,
    localization: result.localization,
    findings: result.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      cells: f.cells,
      expected: f.expected,
      actual: f.actual,
      difference: f.difference,
      unit: figureUnit(f),
      ...(f.details ? { details: f.details } : {}),
    })),
    rules: result.rules,
    notApplicable: result.perRule
      .filter((r) => r.notApplicable > 0)
      .map((r) => ({
        rule: r.id,
        title: CATALOG.find((c) => c.id === r.id)?.title ?? r.id,
        checked: r.checked,
        reasons: r.reasons,
      })),
    unrecognized: report.unrecognized.map((u) => ({
      sheet: u.sheet,
      range: u.range,
      reason: u.reason,
      ...(u.kind ? { kind: u.kind } : {}),
    })),
    hiddenSheets: report.hiddenSheets,
  };
}
