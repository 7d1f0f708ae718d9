/**
 * The review plan (zod): everything a host adds to a workbook after a check, as plain data — the marks on the
 * user's cells and the inserted sheets (审核结果, 预算汇总). Built in the core from a Report and a CheckResult
 * (`buildReviewPlan`), applied by a host: `src/hosts/xlsx/write.ts` (files) and the Office.js host (the pane).
 * No exceljs or Office.js type appears here.
 *
 * How a host applies it (the contract both hosts keep):
 * - Marks never touch the user's own formatting: each mark is a conditional-format rule of type expression whose
 *   formula is `markFormula(severity, strength)` — a constant TRUE formula carrying the tag `预算审核` — with the
 *   mark's fill. A host recognizes its own rules by that tag (`isMarkFormula`) and removes exactly those; nothing
 *   else on the sheet changes. Marks sharing sheet, severity and strength may go in one rule over several areas.
 * - Precedence: the marks' rules come before every rule of the user's (a user's green fill for "> 0", even with
 *   stopIfTrue, must not hide an error), in `markRank` order among themselves. A file host numbers them 1…k and
 *   shifts the user's rules by k; taking ours off gives each remaining rule back the number it had
 *   (`priorityWithoutMarks`: ours are recognizable, so nothing needs recording). Office.js keeps priorities
 *   contiguous itself: ours go to priority 0, deleting them closes the gap.
 * - Notes: a mark's `note` starts with `NOTE_TAG`. A cell that already holds a note (one not starting with the
 *   tag) keeps it and gets none of ours; a note starting with the tag is ours and is replaced or removed.
 * - Sheets: `sheets` are inserted in order as the first sheets of the workbook. A sheet whose name is one of
 *   `REVIEW_SHEET_NAMES` and whose A1 text starts with `SHEET_TAG` is ours: re-review deletes it first (never stacks, never
 *   duplicates), and the importer ignores it.
 * - Coordinates: inserted-sheet cells are 0-based `row`/`col`; marks name a sheet and an A1 cell (no sheet prefix).
 * - Formulas are written without the leading "=", in English function names (Excel's `Range.formulas` / OOXML
 *   form). `value` beside a formula is the value the model computed: a file host stores it as the cached result,
 *   and tests check that a spreadsheet engine computes the same.
 * - Colours are "#RRGGBB". Widths are in Excel character units; heights in points.
 */
import { z } from "zod";
import { SeveritySchema } from "../rules/rule";

export const PLAN_VERSION = 1 as const;

/** The text every product-made note starts with, and that A1 of an inserted sheet holds, to tell ours from the user's. */
export const NOTE_TAG = "【预算审核】";
export const SHEET_TAG = "预算审核";
/** The names of the sheets the product inserts, in insertion order. */
export const REVIEW_SHEET_NAMES = ["审核结果", "预算汇总"] as const;

export const ColorSchema = z.string().regex(/^#[0-9A-F]{6}$/);

export const MarkStrengthSchema = z.enum(["strong", "light"]);
export type MarkStrength = z.infer<typeof MarkStrengthSchema>;

/**
 * The conditional-format formula of a mark: always TRUE (N of a text is 0), and it names the product, the severity
 * and the strength, so a host finds its own rules again without any record kept elsewhere.
 */
export function markFormula(
  severity: z.infer<typeof SeveritySchema>,
  strength: MarkStrength
): string {
  return `N("${SHEET_TAG}:${severity}:${strength}")=0`;
}
/** True for a conditional-format formula made by `markFormula` (with or without a leading "="). */
export function isMarkFormula(formula: string): boolean {
  return /^=?N\("预算审核:[a-z]+:[a-z]+"\)=0$/.test(formula.trim());
}

const SEVERITY_ORDER = ["error", "warning", "rounding", "info"] as const;
/**
 * A mark's precedence among the product's rules, 0 first: strong before light, then 错误 before 警告 before 尾差
 * before 提示 (one cell carries one mark; the order matters where areas of several rules meet the user's rules).
 */
export function markRank(m: { severity: z.infer<typeof SeveritySchema>; strength: MarkStrength }) {
  return (m.strength === "strong" ? 0 : SEVERITY_ORDER.length) + SEVERITY_ORDER.indexOf(m.severity);
}

/**
 * A rule's priority (1 = evaluated first) once the product's rules at `ours` are taken off: one less for each of ours
 * ahead of it. Ours were numbered 1…k and the user's shifted by k, so this gives back exactly the number a rule had
 * before the review; a rule the user put ahead of ours since keeps its number, and ours left behind the user's by an
 * older version change nothing.
 */
export function priorityWithoutMarks(priority: number, ours: readonly number[]): number {
  return priority - ours.filter((q) => q < priority).length;
}

/** One marked cell of the user's workbook. */
export const MarkSchema = z.object({
  sheet: z.string(),
  /** A1 of one cell, no sheet prefix. */
  cell: z.string(),
  /** The most severe finding citing the cell. */
  severity: SeveritySchema,
  /** strong: the checked figure (the first cell a finding cites); light: any other cited cell. */
  strength: MarkStrengthSchema,
  /** Why it is marked: the checked figure, a cell the localizer suspects (both strong), or another cited cell (light). */
  role: z.enum(["checked", "suspected", "cited"]),
  fill: ColorSchema,
  /** Starts with NOTE_TAG: every finding citing the cell, in Chinese, with 应为 / 实为 / 差额. */
  note: z.string(),
  /** Indexes into the check result's findings that cite this cell. */
  findings: z.array(z.number().int()),
});
export type Mark = z.infer<typeof MarkSchema>;

export const FontSchema = z.object({
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  underline: z.boolean().optional(),
  color: ColorSchema.optional(),
  size: z.number().optional(),
  name: z.string().optional(),
});
export const BorderSchema = z.object({
  top: z.enum(["thin", "medium"]).optional(),
  bottom: z.enum(["thin", "medium"]).optional(),
  left: z.enum(["thin", "medium"]).optional(),
  right: z.enum(["thin", "medium"]).optional(),
  color: ColorSchema.optional(),
});
export const AlignmentSchema = z.object({
  horizontal: z.enum(["left", "center", "right"]).optional(),
  vertical: z.enum(["top", "middle", "bottom"]).optional(),
  wrapText: z.boolean().optional(),
  indent: z.number().int().optional(),
});
/** A named cell style of the plan; cells refer to it by name (a host can format all cells of one style at once). */
export const CellStyleSchema = z.object({
  numberFormat: z.string().optional(),
  font: FontSchema.optional(),
  fill: ColorSchema.optional(),
  border: BorderSchema.optional(),
  alignment: AlignmentSchema.optional(),
});
export type CellStyle = z.infer<typeof CellStyleSchema>;

export const HyperlinkSchema = z.union([
  /** Internal: jumps to a cell of this workbook. */
  z.object({ sheet: z.string(), cell: z.string() }),
  /** External: a file beside this one or a URL. */
  z.object({ url: z.string() }),
]);
export type Hyperlink = z.infer<typeof HyperlinkSchema>;

export const PlanCellSchema = z.object({
  row: z.number().int().min(0),
  col: z.number().int().min(0),
  /** Constant value, or the model's value of `formula`. null: empty. */
  value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
  /** Without "="; English function names. */
  formula: z.string().optional(),
  /** A key of the plan's `styles`. */
  style: z.string().optional(),
  hyperlink: HyperlinkSchema.optional(),
});
export type PlanCell = z.infer<typeof PlanCellSchema>;

export const PlanMergeSchema = z.object({
  r0: z.number().int(),
  c0: z.number().int(),
  r1: z.number().int(),
  c1: z.number().int(),
});

export const ConditionalFormatSchema = z.discriminatedUnion("type", [
  /** Data bars over a range of shares (0–1), bar length scaled to min / max of the range unless given. */
  z.object({
    type: z.literal("dataBar"),
    range: z.string(),
    color: ColorSchema,
    min: z.number().optional(),
    max: z.number().optional(),
  }),
  /** Custom formula (relative to the range's top-left cell), with a fill and/or a font colour. */
  z.object({
    type: z.literal("expression"),
    range: z.string(),
    formula: z.string(),
    fill: ColorSchema.optional(),
    fontColor: ColorSchema.optional(),
  }),
]);
export type ConditionalFormat = z.infer<typeof ConditionalFormatSchema>;

/** One inserted sheet, fully described. */
export const PlanSheetSchema = z.object({
  name: z.string().min(1).max(31),
  tabColor: ColorSchema.optional(),
  /** Column widths by 0-based column. */
  columns: z.array(z.object({ col: z.number().int().min(0), width: z.number().positive() })),
  rowHeights: z
    .array(z.object({ row: z.number().int().min(0), height: z.number().positive() }))
    .default([]),
  cells: z.array(PlanCellSchema),
  merges: z.array(PlanMergeSchema),
  conditionalFormats: z.array(ConditionalFormatSchema),
  /** Rows / columns frozen at the top / left (0 = none). */
  frozen: z.object({ rows: z.number().int().min(0), cols: z.number().int().min(0) }),
  /** A1 range of the filtered table (header row included), if any. */
  autoFilter: z.string().optional(),
  /** Print setup: orientation, and whether to fit all columns on one page width. */
  print: z
    .object({ orientation: z.enum(["portrait", "landscape"]), fitToWidth: z.boolean() })
    .optional(),
});
export type PlanSheet = z.infer<typeof PlanSheetSchema>;

export const ReviewPlanSchema = z.object({
  version: z.literal(PLAN_VERSION),
  /** Product name and version, the rule catalog's version, and when the review ran (ISO 8601). */
  product: z.string(),
  productVersion: z.string(),
  catalogVersion: z.string(),
  reviewedAt: z.string(),
  file: z.string(),
  marks: z.array(MarkSchema),
  styles: z.record(z.string(), CellStyleSchema),
  /** In insertion order: the first becomes the workbook's first sheet. */
  sheets: z.array(PlanSheetSchema),
});
export type ReviewPlan = z.infer<typeof ReviewPlanSchema>;
