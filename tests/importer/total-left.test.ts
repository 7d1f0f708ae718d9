/**
 * The 合计 line's label printed in a column that is not the name column — a 序号 column, 一级项目, an uncaptioned
 * column left of the names (newcomer7 p13 / p05 / d22): still the total line. Before, it was an unnamed ordinary line:
 * the 项目支出表's 合计 unchecked (an error in it or in a project: "no problems"), a 收入总表 without its 合计 line
 * (false 错误). Every style printing one table per sheet: a column inserted left of the 项目支出表 / 收入总表, the 合计
 * label moved into it (the name cell left blank), captioned 序号 or not at all.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { parseRef } from "../../src/core/grid/address";
import type { SheetGrid } from "../../src/core/grid/grid";
import type { Table } from "../../src/core/model/schema";
import { STYLES, buildVariant } from "../fixtures/variants";
import { mutate } from "../../bench/localization";

/** The sheet of table t with a column in front (caption on the table's first header line), 合计 moved into it. */
function totalInFront(grids: SheetGrid[], t: Table, caption: string): SheetGrid[] {
  const total = t.rows.find((r) => r.level === 0)!;
  const at = parseRef(total.labelCell);
  const first = parseRef(t.columns[0].col + "1").c0;
  return grids.map((g) => {
    if (g.sheet !== at.sheet) return g;
    const r0 = at.r0 - g.origin.row;
    const lc = at.c0 - g.origin.col;
    const label = g.values[r0][lc];
    // The header line printing the first amount column's caption (and its repeats after a page break).
    const top = t.columns[0].label.split("/")[0];
    const heads = new Set(
      g.values
        .map((row, r) =>
          String(row[first - g.origin.col] ?? "").replace(/\s/g, "") === top ? r : -1
        )
        .filter((r) => r >= 0)
    );
    const shift = <T>(rows: T[][], fill: T, put: (r: number) => T | undefined) =>
      rows.map((row, r) => [
        put(r) ?? fill,
        ...row.map((v, c) => (r === r0 && c === lc ? fill : v)),
      ]);
    const put = (r: number) => (r === r0 ? label : heads.has(r) ? caption : undefined);
    return {
      ...g,
      values: shift(g.values, "" as SheetGrid["values"][number][number], put),
      text: shift(g.text, "", (r) => (put(r) === undefined ? undefined : String(put(r)))),
      numberFormat: shift(g.numberFormat, "General", () => undefined),
      merges: g.merges.map((m) => ({ ...m, c0: m.c0 + 1, c1: m.c1 + 1 })),
      ...(g.hiddenCols ? { hiddenCols: g.hiddenCols.map((c) => c + 1) } : {}),
    };
  });
}

const lines = (grids: SheetGrid[]) =>
  checkReport(importWorkbook(grids), { localize: false })
    .findings.filter((f) => f.severity === "error" || f.severity === "warning")
    .map((f) => `${f.rule} ${f.severity}`)
    .sort();

const KINDS: ReadonlyArray<Table["kind"]> = ["project_expenditure", "income_summary"];

describe.each(STYLES.filter((s) => !s.stacked).map((s) => [s.name, s] as const))(
  "合计 left of the name column, %s",
  (_n, style) => {
    const { grids } = buildVariant(style);
    const report = importWorkbook(grids);
    const base = lines(grids);
    test.each(KINDS.flatMap((k) => ["序号", ""].map((c) => [k, c] as const)))(
      "%s, the column captioned “%s”: the total line is read, nothing more found, a wrong total found",
      (kind, caption) => {
        const t = report.tables.find((x) => x.kind === kind)!;
        const g = totalInFront(grids, t, caption);
        const again = importWorkbook(g).tables.find((x) => x.kind === kind)!;
        const total = again.rows.find((r) => r.level === 0);
        expect(total?.key).toBe("total");
        expect(lines(g)).toEqual(base);
        const wrong = mutate(g, total!.amounts.total.cell, 1);
        const found = checkReport(importWorkbook(wrong), { localize: false }).findings;
        expect(
          found.some((f) => f.severity === "error" && f.cells.includes(total!.amounts.total.cell))
        ).toBe(true);
      }
    );
  }
);
