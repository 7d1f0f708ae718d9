/**
 * A merge undone with its text filled into every cell it spanned (WPS 取消合并单元格 → 拆分并填充内容), or a title an
 * export typed into each cell of its line. Each copy of the title was read as the title of a table of its own (tables
 * side by side), the table cut into one-column pieces without amounts and read as empty: a wrong figure went unreported
 * (newcomer9 NC9-2: v18d-err, 支出总表 +10 → 0 错误; every sheet so → 16 "tables" and a false 错误 for the 三公 table).
 * Every generated template: titles typed into every cell, and every merge of the workbook undone and filled.
 */
import type { SheetGrid } from "../../src/core/grid/grid";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { bump } from "../fixtures/grid-edit";
import { STYLES, buildVariant } from "../fixtures/variants";

/** Every merge undone, each of its cells given the top-left cell's value, text and number format. */
function fillMerges(grids: SheetGrid[]): SheetGrid[] {
  return grids.map((g) => {
    const at = <T>(rows: T[][]) => rows.map((r) => [...r]);
    const out = {
      ...g,
      values: at(g.values),
      text: at(g.text),
      numberFormat: at(g.numberFormat),
      merges: [],
    };
    for (const m of g.merges)
      for (let r = m.r0; r <= m.r1; r++)
        for (let c = m.c0; c <= m.c1; c++) {
          out.values[r][c] = g.values[m.r0][m.c0];
          out.text[r][c] = g.text[m.r0][m.c0];
          out.numberFormat[r][c] = g.numberFormat[m.r0][m.c0];
        }
    return out;
  });
}

const serious = (r: ReturnType<typeof checkReport>) =>
  r.findings.filter((f) => f.severity === "error" || f.severity === "warning");
const kinds = (r: ReturnType<typeof checkReport>) =>
  r.findings.map((f) => `${f.severity} ${f.rule}`).sort();
const shape = (r: ReturnType<typeof importWorkbook>) =>
  r.tables.map((t) => `${t.sheet}!${t.range} ${t.kind} ${t.rows.length}`);

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const plainReport = importWorkbook(buildVariant(style).grids);
  const plain = checkReport(plainReport);
  const cases: Array<[string, () => SheetGrid[]]> = [
    [
      "every title typed into each cell of its line",
      () => buildVariant(style, { filledTitles: true }).grids,
    ],
    ["every merge undone and filled", () => fillMerges(buildVariant(style).grids)],
  ];

  test.each(cases)("%s: the same tables and findings", (_c, grids) => {
    const report = importWorkbook(grids());
    expect(shape(report)).toEqual(shape(plainReport));
    expect(report.unrecognized).toEqual(plainReport.unrecognized);
    const res = checkReport(report);
    expect(serious(res)).toEqual([]);
    expect(kinds(res)).toEqual(kinds(plain));
  });

  test.each(cases)("%s: a wrong figure in the 支出总表 is reported at its cell", (_c, grids) => {
    const g = grids();
    const t = importWorkbook(g).tables.find((x) => x.kind === "expenditure_summary")!;
    const row = t.rows.find((r) => r.level >= 2 && r.amounts.total && !r.amounts.total.blank)!;
    bump(g, row.amounts.total.cell);
    const found = serious(checkReport(importWorkbook(g)));
    expect(
      found.some((f) => f.severity === "error" && f.cells.includes(row.amounts.total.cell))
    ).toBe(true);
  });
});
