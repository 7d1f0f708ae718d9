/**
 * Hidden parts the printed totals do not include (tester35 T35-1 / T35-2), in generated variants of several styles:
 * last year's 项 line left in, its row hidden, under a 款 that adds up without it; a hidden column of last year's
 * figures. The printed form adds up: one printed.hidden-amounts warning, no sum or code-set finding on the hidden
 * figures, and a real slip elsewhere is still found — with no cause that cites a hidden cell. (A hidden row its 款
 * includes, field case 13, keeps its warning: tests/inputs/hidden.test.ts.)
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { parseRef } from "../../src/core/grid/address";
import type { Report, Table } from "../../src/core/model/schema";
import type { Finding } from "../../src/core/rules/rule";
import { STYLES, buildVariant } from "../fixtures/variants";
import { hiddenOldColumn, hiddenOldItemRow } from "../fixtures/hidden-parts";
import { bump } from "../fixtures/grid-edit";

const styles = STYLES.filter((s) => !s.stacked && !s.oneSided);
/** The text-amount styles' 提示 counts the cells it names: an added part changes its count, not what it says. */
const counted = (f: Finding) => f.rule === "input.text-amounts";
const key = (f: Finding) => `${f.rule}|${f.severity}|${f.cells.join(",")}|${f.message}`;

/** The 一般公共预算支出表 and a 项 row of it (the first whose 款 has another 项, as a 款 with old lines has). */
function itemOf(report: Report): { t: Table; row: number } {
  const t = report.tables.find((x) => x.kind === "general_budget_expenditure")!;
  const items = t.rows.filter((r) => r.code?.length === 7);
  const r = items.find(
    (x) => items.filter((y) => y.code!.slice(0, 5) === x.code!.slice(0, 5)).length > 1
  )!;
  return { t, row: r.row };
}

function review(grids: ReturnType<typeof buildVariant>["grids"]) {
  const report = importWorkbook(grids);
  return { report, result: checkReport(report) };
}

describe.each(styles.map((s) => [s.name, s]))("%s", (_, style) => {
  test("a hidden old 项 row outside its 款: the one warning at the row, no sum or code-set finding", () => {
    const base = review(buildVariant(style).grids);
    const grids = buildVariant(style).grids;
    const { t, row } = itemOf(base.report);
    const at = hiddenOldItemRow(grids, t, row);
    const after = review(grids);
    const baseKeys = new Set(base.result.findings.map(key));
    const added = after.result.findings.filter((f) => !baseKeys.has(key(f)) && !counted(f));
    expect(added.map((f) => [f.rule, f.severity, parseRef(f.cells[0]).r0 + 1])).toEqual([
      ["printed.hidden-amounts", "warning", at],
    ]);
    expect(added[0].message).toContain(`第 ${at} 行`);
    expect(added[0].message).not.toContain("按打印出的表核对");
    // The row is read (and hidden): the warning is not a row the importer lost.
    const read = after.report.tables.find((x) => x.id === t.id)!;
    expect(read.rows.find((r) => r.row === at)?.hidden).toBe(true);
    expect(after.result.findings.filter((f) => !counted(f)).length - added.length).toBe(
      base.result.findings.filter((f) => !counted(f)).length
    );
  });

  test("seeded twin: a visible 项 raised is found, and no cause names the hidden row", () => {
    const base = review(buildVariant(style).grids);
    const grids = buildVariant(style).grids;
    const { t, row } = itemOf(base.report);
    const at = hiddenOldItemRow(grids, t, row);
    const src = t.rows.find((r) => r.row === row)!;
    const cell = src.amounts.total.cell;
    bump(grids, cell, 10, 2);
    const after = review(grids);
    const errors = after.result.findings.filter((f) => f.severity === "error");
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.some((f) => f.cells.includes(cell))).toBe(true);
    const hidden = after.report.tables.find((x) => x.id === t.id)!.rows.find((r) => r.row === at)!;
    const hiddenCells = new Set(Object.values(hidden.amounts).map((a) => a.cell));
    for (const f of errors) expect(f.cells.filter((c) => hiddenCells.has(c))).toEqual([]);
    const causeCells = after.result.causes.flatMap((c) =>
      [c.suspects, ...c.alternatives].flat().map((x) => x.cell)
    );
    expect(causeCells.filter((c) => hiddenCells.has(c))).toEqual([]);
  });

  test("a hidden column of last year's figures that do not add up: the one warning for the column, no sum finding on it", () => {
    const base = review(buildVariant(style).grids);
    const grids = buildVariant(style).grids;
    const { t } = itemOf(base.report);
    const c = hiddenOldColumn(grids, t);
    const after = review(grids);
    const baseKeys = new Set(base.result.findings.map(key));
    const added = after.result.findings.filter((f) => !baseKeys.has(key(f)) && !counted(f));
    expect(added.map((f) => [f.rule, f.severity, parseRef(f.cells[0]).c0])).toEqual([
      ["printed.hidden-amounts", "warning", c],
    ]);
    expect(added[0].message).toContain("上年预算数");
    expect(after.result.findings.filter((f) => !counted(f)).length - added.length).toBe(
      base.result.findings.filter((f) => !counted(f)).length
    );
  });
});
