/**
 * One finding per row is right for a few rows and useless for a list of thousands: 2,000 rows of the same sentence
 * (a project list without its 绩效目标表, a column of amounts typed with 万) in 审核结果, the terminal and the pane hide
 * everything else. Above `FLOOD_LIMIT` findings of one rule and severity in one table, the rule reports one finding
 * for the table — how many, the first `EXAMPLES` named — citing every row's cell, each cell's own sentence kept in
 * `details` for that cell's note. Below it the per-row findings stay as they are.
 */
import type { Finding } from "./rule";

/**
 * Ten rows of one sentence still fit a screen of 审核结果 and are checked one by one; past that a reviewer reads them as
 * one problem of the table (a list pasted without its forms, a column typed as text) and needs the count, not the rows.
 */
export const FLOOD_LIMIT = 10;
/** How many of the grouped rows the message names (the rest are in the cited cells and their notes). */
export const EXAMPLES = 5;

/** "“甲”、“乙”、“丙” 等 2000 个" — the first EXAMPLES items, and the count when there are more. */
export function examples(items: string[], unit = "个", n = EXAMPLES): string {
  const shown = items.slice(0, n).join("、");
  return items.length > n ? `${shown} 等 ${items.length} ${unit}` : shown;
}

const SEVERITIES = ["error", "warning", "rounding", "info"] as const;

/**
 * The findings of one rule in one table, as a reviewer reads them. `rows`: one per row, one cell each (the row's
 * cell first), all of one rule; above FLOOD_LIMIT of one severity they become one finding of that severity whose
 * message is `summary(rows)`, citing every row's cells in order, with each row's message in `details` (one per cited
 * cell). Figures (expected / actual / difference) of per-row findings are not summed: grouped findings carry none.
 */
export function groupedByTable(rows: Finding[], summary: (rows: Finding[]) => string): Finding[] {
  const out: Finding[] = [];
  // Asked for every table by the per-row rules, and most tables have no such finding.
  if (!rows.length) return out;
  for (let s = 0; s < SEVERITIES.length; s++) {
    const severity = SEVERITIES[s];
    const same = rows.filter((f) => f.severity === severity);
    if (same.length <= FLOOD_LIMIT) {
      out.push(...same);
      continue;
    }
    const cells: string[] = [];
    const details: string[] = [];
    for (const f of same)
      for (const c of f.cells) {
        cells.push(c);
        details.push(f.message);
      }
    out.push({
      rule: same[0].rule,
      severity,
      message: summary(same),
      cells,
      expected: null,
      actual: null,
      difference: null,
      details,
    });
  }
  return out;
}
