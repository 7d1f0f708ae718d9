/**
 * A project list grouped by unit with unindented lines (单位 | 项目 | 合计 …, each unit's line first, named 小计 or
 * by the unit alone): its levels come from the sums. One wrong figure used to break every tree of sums, the list was
 * read flat and every column's 合计 was reported against the sum of all lines (false findings on the columns that are
 * right), with no cause found. Now the tree one column alone fits, or the 小计 lines' names, give the groups
 * (bestFitLevels): for every generated template, each project figure tripled is named by a cause, and no hierarchy
 * finding cites another column.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { SheetGrid } from "../../src/core/grid/grid";
import { STYLES, buildVariant, type VariantOptions } from "../fixtures/variants";
import { mutate } from "../../bench/localization";

const FUND: VariantOptions = { govFund: { amount: 30 } };
const column = (cell: string) => /([A-Z]+)\$?\d+$/.exec(cell)![1];
/** The unit's line named by the unit alone: its 项目名称 cell ("小计") left empty. */
const unitAlone = (grids: SheetGrid[]) =>
  grids.map((g) => ({
    ...g,
    values: g.values.map((r) => r.map((v) => (v === "小计" ? "" : v))),
    text: g.text.map((r) => r.map((v) => (v === "小计" ? "" : v))),
  }));

describe.each(
  STYLES.flatMap(
    (s) =>
      [
        [`${s.name}, 小计 lines`, { ...s, projectsByUnit: true }, false, {}],
        [`${s.name}, unit lines`, { ...s, projectsByUnit: true }, true, {}],
        // A third column blank on most lines (政府性基金 on one project): one column's zeros fit many trees, and the
        // wrong figure's column fits none — the tree the other two columns fit is the list's (newcomer6 [8], p04).
        [`${s.name}, 小计 lines, 政府性基金`, { ...s, projectsByUnit: true }, false, FUND],
        [`${s.name}, unit lines, 政府性基金`, { ...s, projectsByUnit: true }, true, FUND],
      ] as const
  )
)("variant %s", (_n, style, alone, opts) => {
  const built = buildVariant(style, opts).grids;
  const grids = alone ? unitAlone(built) : built;
  const report = importWorkbook(grids);
  const projects = report.tables.find((t) => t.kind === "project_expenditure")!;

  test("as generated: the unit lines head their projects, no finding on the table", () => {
    expect(projects.rows.filter((r) => r.level > 0).map((r) => r.level)).toEqual([
      1,
      2,
      1,
      ...projects.rows.slice(4).map(() => 2),
    ]);
    // The table's own cells (several tables share one sheet in some templates).
    const own = new Set(
      projects.rows.flatMap((r) => [r.labelCell, ...Object.values(r.amounts).map((a) => a.cell)])
    );
    // (The text-amount template's 提示 lists this table's text cells as it lists every table's.)
    expect(
      checkReport(report).findings.filter(
        (f) => f.rule !== "input.text-amounts" && f.cells.some((c) => own.has(c))
      )
    ).toEqual([]);
  });

  test("each figure tripled: a cause names it, no hierarchy finding on another column", () => {
    for (const a of projects.rows
      .flatMap((r) => Object.values(r.amounts))
      .filter((x) => (x.value ?? 0) > 0)) {
      const res = checkReport(importWorkbook(mutate(grids, a.cell, 2 * a.value!)));
      const named = res.causes.some((c) =>
        [...c.suspects, ...c.alternatives.flat()].some((s) => s.cell === a.cell)
      );
      const sheet = a.cell.slice(0, a.cell.lastIndexOf("!") + 1);
      const stray = res.findings.filter(
        (f) =>
          f.rule.startsWith("hierarchy.") &&
          f.cells.some((c) => c.startsWith(sheet) && column(c) !== column(a.cell))
      );
      expect({ cell: a.cell, named, stray: stray.map((f) => f.message) }).toEqual({
        cell: a.cell,
        named: true,
        stray: [],
      });
    }
  });
});
