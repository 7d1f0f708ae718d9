/**
 * The localization mutation bench, shared by `npm run bench` (figures), tests/localize/mutation.test.ts
 * (thresholds) and tests/rules/mutation.test.ts (every change seen): change one printed amount, check again, and see
 * whether the checker cites and the localizer names that cell.
 */
import { importWorkbook } from "../src/core/importer/importer";
import { checkReport } from "../src/core/rules/engine";
import { parseRef } from "../src/core/grid/address";
import { displayText } from "../src/core/grid/display";
import type { SheetGrid } from "../src/core/grid/grid";
import type { Report } from "../src/core/model/schema";
import type { LocalizeOptions } from "../src/core/localize/localize";

export function mulberry32(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The grids with one cell's amount increased by delta (numbers stay numbers, text amounts stay text); inputs untouched. */
export function mutate(grids: SheetGrid[], cell: string, delta: number): SheetGrid[] {
  const p = parseRef(cell);
  return grids.map((g) => {
    if (g.sheet !== p.sheet) return g;
    const values = g.values.map((r) => r.slice());
    const text = g.text.map((r) => r.slice());
    const old = values[p.r0][p.c0];
    const n = (typeof old === "number" ? old : Number(String(old).replace(/[,\s]/g, ""))) + delta;
    values[p.r0][p.c0] = typeof old === "number" ? n : n.toFixed(2);
    text[p.r0][p.c0] =
      typeof old === "number" ? displayText(n, g.numberFormat[p.r0][p.c0]) : n.toFixed(2);
    return { ...g, values, text };
  });
}

export interface MutationFigures {
  /** Mutations the checker sees (some violated identity cites the changed cell). */
  cases: number;
  /** Mutations no identity can see (a figure printed once, in no comparison; a change within 尾差): not counted. */
  unseen: number;
  /** The changed cell is the one suspect of a cause, without alternatives. */
  uniqueTop: number;
  /** The changed cell is among the suspects or alternatives of some cause. */
  among: number;
  /** Cells not named at all, for the record. */
  missed: string[];
  /** Cells named only with alternatives or with others. */
  shared: string[];
}

export function amountCells(report: Report): string[] {
  return report.tables
    .flatMap((t) => t.rows.flatMap((r) => Object.values(r.amounts)))
    .filter((a) => !a.blank)
    .map((a) => a.cell);
}

/** Pick about `limit` of the cells with a seeded generator (all when limit ≥ their number). */
export function sampleCells(cells: string[], limit: number, seed = 20261129): string[] {
  const rnd = mulberry32(seed);
  return limit >= cells.length ? cells : cells.filter(() => rnd() < limit / cells.length);
}

export function mutationFigures(
  grids: SheetGrid[],
  cells: string[],
  opts: { localize?: LocalizeOptions; seed?: number } = {}
): MutationFigures {
  const rnd = mulberry32(opts.seed ?? 11);
  const out: MutationFigures = {
    cases: 0,
    unseen: 0,
    uniqueTop: 0,
    among: 0,
    missed: [],
    shared: [],
  };
  for (const cell of cells) {
    const delta = Math.round((1 + rnd() * 98) * 100) / 100 + 0.37;
    const r = checkReport(importWorkbook(mutate(grids, cell, delta)), {
      localize: opts.localize ?? {},
    });
    // A change inside the rounding intervals is 尾差 (never localized); soft identities are no checks.
    if (
      !r.identities.some(
        (x) => x.status === "violated" && !x.soft && x.terms.some((t) => t.cell === cell)
      )
    ) {
      out.unseen++;
      continue;
    }
    out.cases++;
    const top = r.causes.some(
      (c) => c.suspects.length === 1 && c.suspects[0].cell === cell && c.alternatives.length === 0
    );
    const named = r.causes.some((c) =>
      [c.suspects, ...c.alternatives].some((s) => s.some((x) => x.cell === cell))
    );
    if (top) out.uniqueTop++;
    if (named) out.among++;
    if (!named) out.missed.push(cell);
    else if (!top) out.shared.push(cell);
  }
  return out;
}
