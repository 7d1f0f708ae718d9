/**
 * "The arithmetic" of a finding, for the pane: the checked figure, each part with its cell and sign, their sum,
 * the difference and the rounding interval — read from the identity the rule checked (Σ coefficient·figure = 0,
 * values and half-widths in 分, see ../rules/identity.ts) and shown in the checked figure's table unit.
 * Findings that compare no figures (naming, completeness) have no arithmetic.
 */
import type { Report, Unit } from "../model/schema";
import type { CheckResult } from "../rules/rule";
import { UNIT_FACTOR } from "../rules/interval";
import { inArea, parseRef } from "../grid/address";

export interface ArithmeticPart {
  cell: string;
  /** The figure as printed. */
  text: string;
  /** In the checked figure's unit. */
  value: number;
  /** "+": adds to the sum the figure should equal; "−": subtracts. */
  sign: "+" | "−";
  /** The part is printed in another unit than the checked figure (元 vs 万元). */
  unit?: Unit;
}

export interface Arithmetic {
  cell: string;
  text: string;
  value: number;
  unit: Unit;
  /** "=" or "≤" (an upper bound). */
  relation: "=" | "≤";
  parts: ArithmeticPart[];
  sum: number;
  difference: number;
  /** ± this much is rounding (the printed intervals added, plus the coarser table's grain when units differ). */
  interval: number;
}

/** Cell → printed text and unit, from the report (every amount keeps its cell). */
export function amountIndex(
  report: Report
): Map<string, { text: string; unit: Unit; table: string }> {
  const out = new Map<string, { text: string; unit: Unit; table: string }>();
  for (const t of report.tables)
    for (const r of t.rows)
      for (const a of Object.values(r.amounts))
        out.set(a.cell, { text: a.text, unit: t.unit, table: t.id });
  return out;
}

/** The arithmetic of each finding (by index), where an identity produced it. */
export function arithmeticOf(report: Report, result: CheckResult): Map<number, Arithmetic> {
  const amounts = amountIndex(report);
  const out = new Map<number, Arithmetic>();
  for (const id of result.identities ?? []) {
    for (const fi of id.findings) {
      if (out.has(fi)) continue;
      const f = result.findings[fi];
      const head = id.terms.find((t) => t.cell === f?.cells[0]) ?? id.terms[0];
      if (!f || !head) continue;
      const unit = amounts.get(head.cell)?.unit ?? "元";
      const per = UNIT_FACTOR[unit] * 100; // 分 per unit
      const round = (n: number) => Math.round((n / per) * 1e6) / 1e6;
      // Σc·v = 0 with the figure's coefficient c₀: figure = Σ(−cᵢ/c₀)·vᵢ over the parts.
      const parts = id.terms
        .filter((t) => t !== head)
        .map((t) => {
          const w = -t.coefficient / head.coefficient;
          const a = amounts.get(t.cell);
          return {
            cell: t.cell,
            text: a?.text ?? String(round(t.value)),
            value: round(Math.abs(w) * t.value),
            sign: (w >= 0 ? "+" : "−") as "+" | "−",
            unit: a && a.unit !== unit ? a.unit : undefined,
            w,
            raw: t.value,
          };
        });
      const sumFen = parts.reduce((s, p) => s + p.w * p.raw, 0);
      const interval =
        id.terms.reduce((s, t) => s + Math.abs(t.coefficient) * t.halfWidth, 0) + id.tolerance;
      out.set(fi, {
        cell: head.cell,
        text: amounts.get(head.cell)?.text ?? String(round(head.value)),
        value: round(head.value),
        unit,
        relation: id.relation === "le" ? "≤" : "=",
        parts: parts.map(({ w: _w, raw: _r, ...p }) => p),
        sum: round(sumFen),
        difference: round(head.value - sumFen),
        interval: round(interval / Math.abs(head.coefficient)),
      });
    }
  }
  return out;
}

/** The table whose region holds a cell ('Sheet'!A1), if any. */
function tableAt(report: Report, ref: string) {
  try {
    const p = parseRef(ref);
    return report.tables.find((t) => {
      if (t.sheet !== p.sheet) return false;
      return inArea(parseRef(t.range), p);
    });
  } catch {
    return undefined;
  }
}

/** The table (id, title, sheet) a finding belongs to: the table holding its checked figure, else its sheet. */
export function tableOfFinding(
  report: Report,
  cells: string[]
): { id: string; title: string; sheet: string } | undefined {
  const amounts = amountIndex(report);
  const hit = cells.map((c) => amounts.get(c)?.table).find(Boolean);
  const t =
    report.tables.find((x) => x.id === hit) ?? cells.map((c) => tableAt(report, c)).find(Boolean);
  return t && { id: t.id, title: t.title, sheet: t.sheet };
}
