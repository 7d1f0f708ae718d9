/** Shared pieces for rules: naming tables and rows as a reviewer does, and turning a comparison into an outcome. */
import type { Amount, Report, Row, Table, TableKind } from "../model/schema";
import { KIND_NAMES } from "../model/names";
import { norm } from "../grid/text";
import { compare, fmt, type Term } from "./interval";
import type { Outcome, Severity } from "./rule";

export function tableName(t: Table): string {
  const kind = KIND_NAMES[t.kind];
  const label = t.label ?? (norm(t.sheet) !== norm(t.title) ? t.sheet : undefined);
  if (t.kind === "performance_target" && t.form) return `绩效目标表《${t.form.project}》`;
  return label && !norm(label).includes(norm(kind)) ? `${label}（${kind}）` : kind;
}

export function rowName(r: Row): string {
  const label = r.label.trim();
  return r.code && !norm(label).startsWith(r.code) ? `${r.code} ${label}` : label || "（无名称行）";
}

export function columnName(t: Table, key: string, side?: string): string {
  const col = t.columns.find((c) => c.key === key && (side === undefined || c.side === side)) ?? t.columns.find((c) => c.key === key);
  const label = col?.label.split("/").pop() ?? key;
  return label;
}

export function firstOf(report: Report, kind: TableKind): Table | undefined {
  return report.tables.find((t) => t.kind === kind && !t.empty) ?? report.tables.find((t) => t.kind === kind);
}

export function term(t: Table, a: Amount, weight?: number): Term {
  return { amount: a, unit: t.unit, weight };
}

export function hasValue(a: Amount | undefined): boolean {
  return !!a && !a.blank && a.value !== 0;
}

/** Builds the outcome of "figure = Σ parts": pass when equal, 尾差 inside the rounding interval, else the rule's severity. */
export function sumOutcome(opts: {
  rule: string;
  severity: Severity;
  total: Term;
  parts: Term[];
  /** "预算公开表3（支出总表）「合计」行「基本支出」列" */
  subject: string;
  /** "各类之和" / "表二 收入总表 201 一般公共服务支出" */
  against: string;
  extraCells?: string[];
}): Outcome {
  const { total, parts } = opts;
  const allBlank = total.amount.blank && parts.every((p) => p.amount.blank);
  if (allBlank) return { status: "pass" };
  const c = compare(total, parts);
  if (c.verdict === "equal") return { status: "pass" };
  const cells = [total.amount.cell, ...parts.map((p) => p.amount.cell), ...(opts.extraCells ?? [])].filter((x, i, a) => x && a.indexOf(x) === i);
  const d = c.decimals;
  const unit = c.unit;
  let message: string;
  let severity = opts.severity;
  if (c.verdict === "blankTotal") message = `${opts.subject}为空，但${opts.against}为 ${fmt(c.expected, d)}${unit}`;
  else if (c.verdict === "rounding") {
    severity = "rounding";
    message = `${opts.subject} ${fmt(c.actual, d)} ≠ ${opts.against} ${fmt(c.expected, d)}（差 ${fmt(c.difference, d)}${unit}，在四舍五入允许的 ±${c.slack}${unit} 之内，属尾差）`;
  } else message = `${opts.subject} ${fmt(c.actual, d)} ≠ ${opts.against} ${fmt(c.expected, d)}（差 ${fmt(c.difference, d)}${unit}，超出尾差允许的 ±${c.slack}${unit}）`;
  return {
    status: "fail",
    finding: { rule: opts.rule, severity, message, cells, expected: c.expected, actual: c.verdict === "blankTotal" ? null : c.actual, difference: c.verdict === "blankTotal" ? null : c.difference },
  };
}

export function na(reason: string): Outcome {
  return { status: "na", reason };
}

export function sidesOf(t: Table): Array<string | undefined> {
  const s = [...new Set(t.rows.map((r) => r.side))];
  return s.length ? s : [undefined];
}
export function rowByKey(t: Table, key: string, side?: string): Row | undefined {
  return t.rows.find((r) => r.key === key && (side === undefined || r.side === side));
}
export function totalRow(t: Table): Row | undefined {
  return t.rows.find((r) => r.key === "total" && r.level === 0);
}
/** Rows by functional code (the first row with the code). */
export function byCode(t: Table, side?: string): Map<string, Row> {
  const m = new Map<string, Row>();
  for (const r of t.rows) if (r.code && r.codeSystem === "functional" && (side === undefined || r.side === side) && !m.has(r.code)) m.set(r.code, r);
  return m;
}
/** True when the table's own 合计 column excludes 上年结转 (it sits under 本年收入 / 本年). */
export function totalExcludesCarryover(t: Table): boolean {
  const col = t.columns.find((c) => c.key === "total");
  return !!col && /本年/.test(col.label);
}
