/**
 * A project list grouped by unit with unindented lines (单位 | 项目 | 合计 …, each unit's 小计 line first): its levels
 * come from the sums. One wrong figure used to break every tree of sums, the list was read flat, and every column's
 * 合计 was reported against the sum of all lines (false findings on the columns that are right) with no cause found.
 * Now the 小计 lines' names give the groups when no tree fits: for every generated template, each project figure
 * tripled is named by a cause, and no hierarchy finding cites another column.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { STYLES, buildVariant } from "../fixtures/variants";
import { mutate } from "../../bench/localization";

const column = (cell: string) => /([A-Z]+)\$?\d+$/.exec(cell)![1];

describe.each(STYLES.map((s) => [s.name, { ...s, projectsByUnit: true }] as const))("variant %s, projects grouped by unit", (_n, style) => {
  const { grids } = buildVariant(style);
  const report = importWorkbook(grids);
  const projects = report.tables.find((t) => t.kind === "project_expenditure")!;

  test("as generated: 小计 lines head their projects, no error or warning", () => {
    expect(projects.rows.filter((r) => /小计$/.test(r.label)).map((r) => r.level)).toEqual([1, 1]);
    expect(checkReport(report).findings.filter((f) => f.severity === "error" || f.severity === "warning")).toEqual([]);
  });

  test("each figure tripled: a cause names it, no hierarchy finding on another column", () => {
    for (const a of projects.rows.flatMap((r) => Object.values(r.amounts)).filter((x) => (x.value ?? 0) > 0)) {
      const res = checkReport(importWorkbook(mutate(grids, a.cell, a.value! * 3)));
      const named = res.causes.some((c) => [...c.suspects, ...c.alternatives.flat()].some((s) => s.cell === a.cell));
      const stray = res.findings.filter((f) => f.rule.startsWith("hierarchy.") && f.cells.some((c) => c !== a.cell && c.startsWith(a.cell.slice(0, a.cell.lastIndexOf("!") + 1)) && column(c) !== column(a.cell)));
      expect({ cell: a.cell, named, stray: stray.map((f) => f.message) }).toEqual({ cell: a.cell, named: true, stray: [] });
    }
  });
});
