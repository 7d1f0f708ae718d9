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
import { printable } from "../grid/printable";
import { MARK_FILLS, SEVERITY_ORDER } from "./styles";
import { elsewhereText, locatedElsewhere, type Elsewhere } from "./located";

const TITLES = new Map(CATALOG.map((r) => [r.id, r.title]));
export const ruleTitle = (id: string) => TITLES.get(id) ?? id;

/**
 * "应为 1,234.00，实为 1,230.00，差额 4.00" — the figures a finding carries, as printed in notes and the sheet; without
 * 应为 when the localizer suspects other cells than the checked one (`elsewhere`, located.ts).
 */
export function figuresText(f: Finding, elsewhere = false): string {
  const parts: string[] = [];
  if (f.expected !== null && !elsewhere) parts.push(`应为 ${fmt(f.expected)}`);
  if (f.actual !== null) parts.push(`实为 ${fmt(f.actual)}`);
  if (f.difference !== null) parts.push(`差额 ${fmt(f.difference)}`);
  return parts.join("，");
}

/** A finding as one note line; a grouped finding (flood.ts) gives the cell's own sentence (`details`) rather than the table's count. */
function noteLine(f: Finding, detail?: string, elsewhere?: Elsewhere): string {
  const figs = figuresText(f, !!elsewhere);
  const where = elsewhere ? elsewhereText(elsewhere) : "";
  return `[${SEVERITY_NAMES[f.severity]}] ${ruleTitle(f.rule)}：${detail ?? f.message}${figs ? `（${figs}）` : ""}${where}`;
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

/**
 * Marks for every cited cell, ordered by first citation. When the localizer explains a finding (result.causes), its
 * suspected cells are strong and the finding's other cells light; a finding nobody explains keeps its checked figure
 * (the first cell) strong. Notes list every finding citing the cell, then the localizer's verdict on it.
 */
export function buildMarks(result: CheckResult): Mark[] {
  const byCell = new Map<
    string,
    {
      sheet: string;
      cell: string;
      severity: Severity;
      role: Mark["role"];
      findings: number[];
      causes: string[];
      details: Map<number, string>;
    }
  >();
  const rank = { checked: 0, suspected: 0, cited: 1 } as const;
  const explained = new Set(result.causes.flatMap((c) => c.explains));
  const elsewhere = locatedElsewhere(result);
  const touch = (
    ref: string,
    severity: Severity,
    role: Mark["role"],
    finding?: number,
    cause?: string,
    detail?: string
  ) => {
    const p = splitRef(ref);
    if (!p) return;
    const key = `${p.sheet}!${p.cell}`;
    let m = byCell.get(key);
    if (!m)
      byCell.set(key, (m = { ...p, severity, role, findings: [], causes: [], details: new Map() }));
    if (finding !== undefined && !m.findings.includes(finding)) m.findings.push(finding);
    if (finding !== undefined && detail !== undefined && !m.details.has(finding))
      m.details.set(finding, detail);
    if (cause && !m.causes.includes(cause)) m.causes.push(cause);
    if (SEVERITY_ORDER[severity] < SEVERITY_ORDER[m.severity]) m.severity = severity;
    if (rank[role] < rank[m.role]) m.role = role;
  };
  // A grouped finding's cells are its rows, none checked against another: each is strong, with its own sentence.
  result.findings.forEach((f, i) =>
    f.cells.forEach((ref, k) =>
      touch(
        ref,
        f.severity,
        (k === 0 || f.details) && !explained.has(i) ? "checked" : "cited",
        i,
        undefined,
        f.details?.[k]
      )
    )
  );
  for (const c of result.causes) {
    const worst =
      c.explains
        .map((i) => result.findings[i]?.severity)
        .filter(Boolean)
        .sort((a, b) => SEVERITY_ORDER[a!] - SEVERITY_ORDER[b!])[0] ?? "warning";
    for (const s of c.suspects) touch(s.cell, worst, "suspected", undefined, c.message);
    for (const alt of c.alternatives)
      for (const s of alt)
        touch(s.cell, worst, "cited", undefined, `（另一种同样可能的解释）${c.message}`);
  }
  return [...byCell.values()].map((m) => {
    const strength = m.role === "cited" ? "light" : "strong";
    const lines = m.findings
      .slice()
      .sort(
        (a, b) =>
          SEVERITY_ORDER[result.findings[a].severity] -
            SEVERITY_ORDER[result.findings[b].severity] || a - b
      )
      .map((i) => noteLine(result.findings[i], m.details.get(i), elsewhere.get(i)));
    const verdict = m.causes.map((c) => `[疑似出错] ${c}`);
    return {
      sheet: m.sheet,
      cell: m.cell,
      severity: m.severity,
      strength,
      role: m.role,
      fill: MARK_FILLS[m.severity][strength],
      note: printable(`${NOTE_TAG}\n${[...verdict, ...lines].join("\n")}`),
      findings: m.findings,
    };
  });
}
