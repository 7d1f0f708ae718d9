/**
 * A difference in a long sum is judged against 5σ of the rounding errors, not their worst case: one project of a
 * unit's 79 raised by 0.30 万元 (total and source alike, so its own row still adds up) is an 错误 at the unit's
 * line, and the localizer names the project's cells — with the worst case (79 × 0.005 = ±0.395 万元) it was 尾差.
 * Any sample, any project list of more than 8 rows under one parent.
 */
import { loadSample, SAMPLES } from "../helpers";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { childrenOf } from "../../src/core/rules/hierarchy";
import { mutate } from "../../bench/localization";

test.each(SAMPLES.map((s) => [s]))(
  "%s: 0.30 万元 more on one project of a long list is an error, and found at its cells",
  async (name) => {
    const { grids, report } = await loadSample(name);
    const lists = report.tables
      .filter((t) => t.kind === "project_expenditure" && t.unit === "万元")
      .flatMap((t) => t.rows.map((_, i) => ({ t, kids: childrenOf(t.rows, i) })))
      .filter((x) => x.kids.length > 8);
    if (!lists.length) return; // this sample prints no project list of more than 8 rows under one parent
    const { kids } = lists.sort((a, b) => b.kids.length - a.kids.length)[0];
    const project = kids.find(
      (r) =>
        r.amounts.total &&
        !r.amounts.total.blank &&
        Object.values(r.amounts).filter((a) => a.value === r.amounts.total.value).length === 2
    )!;
    expect(project).toBeDefined();
    const cells = Object.values(project.amounts)
      .filter((a) => a.value === project.amounts.total.value)
      .map((a) => a.cell);
    const before = checkReport(report);
    const after = checkReport(importWorkbook(cells.reduce((g, c) => mutate(g, c, 0.3), grids)));
    const known = new Set(before.findings.map((f) => f.message));
    const fresh = after.findings.filter(
      (f) => !known.has(f.message) && f.rule === "hierarchy.parent-children"
    );
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.every((f) => f.severity === "error")).toBe(true);
    expect(
      after.causes.some((c) => cells.every((cell) => c.suspects.some((s) => s.cell === cell)))
    ).toBe(true);
  }
);
