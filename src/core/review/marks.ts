/**
 * Marks on the user's cells, from the findings: one mark per cited cell, in its most severe finding's colour —
 * strong for the checked figure (the first cell a finding cites) and for cells the localizer suspects (a finding's
 * `causes`, when present), a light tint for the other cited cells — with a note listing every finding citing it.
 */
import type { CheckResult, Finding, Severity } from "../rules/rule";
import { SEVERITY_NAMES } from "../rules/rule";
import { CATALOG } from "../rules/catalog";
import { cellA1, parseRef } from "../grid/address";
import { fmt } from "../rules/interval";
import { NOTE_TAG, type Mark } from "./plan";
import { MARK_FILLS, SEVERITY_ORDER } from "./styles";

const TITLES = new Map(CATALOG.map((r) => [r.id, r.title]));
export const ruleTitle = (id: string) => TITLES.get(id) ?? id;

/** Cells a localizer named as the likely cause (issue 11 adds `causes` to findings; absent → none). */
function causesOf(f: Finding): string[] {
  const c = (f as Finding & { causes?: unknown }).causes;
  if (!Array.isArray(c)) return [];
  return c.map((x) => (typeof x === "string" ? x : typeof x === "object" && x && "cell" in x ? String((x as { cell: unknown }).cell) : "")).filter(Boolean);
}

/** "应为 1,234.00，实为 1,230.00，差额 4.00" — the figures a finding carries, as printed in notes and the sheet. */
export function figuresText(f: Finding): string {
  const parts: string[] = [];
  if (f.expected !== null) parts.push(`应为 ${fmt(f.expected)}`);
  if (f.actual !== null) parts.push(`实为 ${fmt(f.actual)}`);
  if (f.difference !== null) parts.push(`差额 ${fmt(f.difference)}`);
  return parts.join("，");
}

function noteLine(f: Finding): string {
  const figs = figuresText(f);
  return `[${SEVERITY_NAMES[f.severity]}] ${ruleTitle(f.rule)}（${f.rule}）：${f.message}${figs ? `（${figs}）` : ""}`;
}

/** Splits a finding's reference into sheet and A1; undefined when it names no sheet (nothing to mark). */
export function splitRef(ref: string): { sheet: string; cell: string } | undefined {
  try {
    const p = parseRef(ref);
    return p.sheet === undefined ? undefined : { sheet: p.sheet, cell: cellA1(p.r0, p.c0) };
  } catch {
    return undefined;
  }
}

/** Marks for every cited cell, ordered by sheet order of first appearance, then row and column. */
export function buildMarks(result: CheckResult): Mark[] {
  const byCell = new Map<string, { sheet: string; cell: string; severity: Severity; role: Mark["role"]; findings: number[] }>();
  const rank = { checked: 0, suspected: 0, cited: 1 } as const;
  result.findings.forEach((f, i) => {
    const suspects = new Set(causesOf(f).map((c) => splitRef(c)).filter(Boolean).map((p) => `${p!.sheet}!${p!.cell}`));
    const cited = [...f.cells, ...causesOf(f)];
    cited.forEach((ref, k) => {
      const p = splitRef(ref);
      if (!p) return;
      const key = `${p.sheet}!${p.cell}`;
      const role: Mark["role"] = k === 0 ? "checked" : suspects.has(key) ? "suspected" : "cited";
      const m = byCell.get(key);
      if (!m) {
        byCell.set(key, { ...p, severity: f.severity, role, findings: [i] });
        return;
      }
      if (!m.findings.includes(i)) m.findings.push(i);
      if (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[m.severity]) m.severity = f.severity;
      if (rank[role] < rank[m.role]) m.role = role;
    });
  });
  return [...byCell.values()].map((m) => {
    const strength = m.role === "cited" ? "light" : "strong";
    const lines = m.findings
      .slice()
      .sort((a, b) => SEVERITY_ORDER[result.findings[a].severity] - SEVERITY_ORDER[result.findings[b].severity] || a - b)
      .map((i) => noteLine(result.findings[i]));
    return { sheet: m.sheet, cell: m.cell, severity: m.severity, strength, role: m.role, fill: MARK_FILLS[m.severity][strength], note: `${NOTE_TAG}\n${lines.join("\n")}`, findings: m.findings };
  });
}
