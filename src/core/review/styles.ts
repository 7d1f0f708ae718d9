/**
 * The review's colours and named cell styles. Severity colours follow the product's convention (错误 red, 警告 orange,
 * 尾差 yellow, 提示 blue); strong marks the checked or suspected figure, light tints the other cited cells.
 */
import type { Severity } from "../rules/rule";
import type { CellStyle, MarkStrength } from "./plan";

export const MARK_FILLS: Readonly<Record<Severity, Record<MarkStrength, string>>> = {
  error: { strong: "#FF8A8A", light: "#FDE4E4" },
  warning: { strong: "#FFB366", light: "#FFEEDD" },
  rounding: { strong: "#FFE066", light: "#FFF8D6" },
  info: { strong: "#8DB4E2", light: "#E3EEF9" },
};

export const AMOUNT_FORMAT = "#,##0.00";
export const SHARE_FORMAT = "0.0%";
const BORDER = {
  top: "thin",
  bottom: "thin",
  left: "thin",
  right: "thin",
  color: "#A6A6A6",
} as const;
const HEADER_FILL = "#DDEBF7";

/** Named styles the review sheets use (keys are referenced by PlanCell.style). */
export const REVIEW_STYLES: Readonly<Record<string, CellStyle>> = {
  title: { font: { bold: true, size: 14 } },
  section: { font: { bold: true, size: 12, color: "#1F4E78" } },
  label: { font: { bold: true, color: "#595959" } },
  text: {},
  note: { font: { italic: true, color: "#7F7F7F" } },
  /** A note long enough to wrap over several lines of a merged cell (the rules that found no case to check). */
  noteBlock: {
    font: { italic: true, color: "#7F7F7F" },
    alignment: { vertical: "top", wrapText: true },
  },
  header: {
    font: { bold: true },
    fill: HEADER_FILL,
    border: BORDER,
    alignment: { horizontal: "center", vertical: "middle", wrapText: true },
  },
  cell: { border: BORDER, alignment: { vertical: "top", wrapText: true } },
  cellCenter: { border: BORDER, alignment: { horizontal: "center", vertical: "top" } },
  link: {
    border: BORDER,
    font: { underline: true, color: "#0563C1" },
    alignment: { vertical: "top", wrapText: true },
  },
  amount: { border: BORDER, numberFormat: AMOUNT_FORMAT, alignment: { vertical: "top" } },
  amountTotal: { border: BORDER, numberFormat: AMOUNT_FORMAT, font: { bold: true } },
  labelTotal: { border: BORDER, font: { bold: true } },
  share: { border: BORDER, numberFormat: SHARE_FORMAT },
  /** A count beside the severity-coloured ones: aligned as they are, so that 0 and 12 line up in one row. */
  count: {
    border: BORDER,
    numberFormat: "0",
    alignment: { horizontal: "center", vertical: "top" },
  },
  /** An internal identifier (a rule id) shown for reference beside the Chinese text: small and grey. */
  code: {
    border: BORDER,
    font: { size: 9, color: "#7F7F7F" },
    alignment: { vertical: "top", wrapText: true },
  },
  sev_error: {
    border: BORDER,
    fill: MARK_FILLS.error.strong,
    alignment: { horizontal: "center", vertical: "top" },
  },
  sev_warning: {
    border: BORDER,
    fill: MARK_FILLS.warning.strong,
    alignment: { horizontal: "center", vertical: "top" },
  },
  sev_rounding: {
    border: BORDER,
    fill: MARK_FILLS.rounding.strong,
    alignment: { horizontal: "center", vertical: "top" },
  },
  sev_info: {
    border: BORDER,
    fill: MARK_FILLS.info.strong,
    alignment: { horizontal: "center", vertical: "top" },
  },
};

export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = {
  error: 0,
  warning: 1,
  rounding: 2,
  info: 3,
};
