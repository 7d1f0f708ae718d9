/**
 * A page of a table whose figures a PDF converter moved one column right (newcomer11 NC11-9, p11-column-shift-page2:
 * 99 错误 cell by cell, no word of the shift). From the middle line to the table's end, an empty cell before the 合计
 * column: the lines are read one column left (every figure cited at its own cell), and input.column-shift (警告) says
 * so once per table. A figure wrong on the shifted page is still found, at its cell. Every generated template, the
 * 支出总表 and the 基本支出表.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { columnIndex } from "../../src/core/grid/address";
import type { SheetGrid } from "../../src/core/grid/grid";
import type { TableKind } from "../../src/core/model/schema";
import { STYLES, buildVariant, shiftRight } from "../fixtures/variants";
import { mutate } from "../../bench/localization";
import { serious } from "../helpers";

const check = (grids: SheetGrid[]) => checkReport(importWorkbook(grids), { localize: false });
const errors = (grids: SheetGrid[]) =>
  serious(check(grids).findings)
    .filter((f) => f.rule !== "input.column-shift")
    .map((f) => `${f.severity} ${f.rule}`)
    .sort();

/** The grids with `kind`'s lines from the middle one to the last moved one column right; the moved 合计 cells. */
function shifted(grids: SheetGrid[], kind: TableKind) {
  const t = importWorkbook(grids).tables.find((x) => x.kind === kind)!;
  const g = grids.find((x) => x.sheet === t.sheet)!;
  const lines = t.rows.map((r) => r.row - 1 - g.origin.row);
  const r0 = lines[Math.floor(lines.length / 2)];
  const r1 = Math.max(...lines);
  const total = t.columns.find((c) => c.key === "total")!;
  const c = columnIndex(total.col) - g.origin.col;
  return { grids: shiftRight(grids, t.sheet, r0, r1, c), table: t };
}

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const plain = errors(buildVariant(style).grids);

  test.each<TableKind>(["expenditure_summary", "basic_expenditure_economic"])(
    "%s from its middle line on moved one column right: read back, one 警告, the same findings otherwise",
    (kind) => {
      const { grids, table } = shifted(buildVariant(style).grids, kind);
      const result = check(grids);
      const said = result.findings.filter((f) => f.rule === "input.column-shift");
      expect(said).toHaveLength(1);
      expect(said[0].severity).toBe("warning");
      expect(said[0].message).toContain("右移一列");
      expect(
        said[0].cells.every(
          (x) => x.startsWith(`'${table.sheet}'!`) || x.startsWith(`${table.sheet}!`)
        )
      ).toBe(true);
      expect(errors(grids)).toEqual(plain);
      // A figure wrong on the moved page: found at its own cell (one column right of the header's).
      const moved = importWorkbook(grids).tables.find((x) => x.kind === kind)!;
      const line = moved.rows.find(
        (r) => said[0].cells.includes(r.amounts.total?.cell) && (r.amounts.total?.value ?? 0) > 0
      )!;
      const cell = line.amounts.total.cell;
      const changed = check(mutate(grids, cell, moved.unit === "元" ? 100000 : 10));
      expect(
        serious(changed.findings).some((f) => f.severity === "error" && f.cells.includes(cell))
      ).toBe(true);
    }
  );
});
