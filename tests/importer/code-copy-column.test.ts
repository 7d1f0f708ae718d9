/**
 * A column repeating each row's 科目编码 as a number beside the table (a VLOOKUP key, 辅助列, often hidden; newcomer7
 * h02): its figures are codes, never amounts — no sum over it, nothing more found than without it. Every generated
 * style, beside the 收入总表 and the 支出总表, shown or hidden, captioned 辅助列 or not captioned at all.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { parseRef } from "../../src/core/grid/address";
import type { SheetGrid } from "../../src/core/grid/grid";
import type { Table } from "../../src/core/model/schema";
import { STYLES, buildVariant } from "../fixtures/variants";

const KINDS: ReadonlyArray<Table["kind"]> = ["income_summary", "expenditure_summary"];

/** The grids with one more column right of the table: the row's code as a number on every coded line. */
function withCodeCopy(grids: SheetGrid[], t: Table, caption: string, hidden: boolean): SheetGrid[] {
  const coded = t.rows.filter((r) => r.code && /^\d+$/.test(r.code));
  const first = parseRef(coded[0].labelCell);
  const end = parseRef(`A1:${t.range.split(":")[1]}`).c1 + 1;
  return grids.map((g) => {
    if (g.sheet !== first.sheet) return g;
    const c = end - g.origin.col;
    const pad = <T>(rows: T[][], fill: T) =>
      rows.map((row) => [...row, ...Array(Math.max(0, c + 1 - row.length)).fill(fill)]);
    const values = pad(g.values, "" as SheetGrid["values"][number][number]);
    const text = pad(g.text, "");
    const numberFormat = pad(g.numberFormat, "General");
    for (const r of coded) {
      const r0 = parseRef(r.labelCell).r0 - g.origin.row;
      values[r0][c] = Number(r.code);
      text[r0][c] = r.code!;
    }
    if (caption) {
      // On the header line where the first amount column's caption starts (above any 栏次 line), and where a page
      // break repeats it.
      const col = t.columns[0];
      const c0 = parseRef(`${col.col}1`).c0 - g.origin.col;
      const top = col.label.split("/")[0];
      values.forEach((row, r0) => {
        if (String(row[c0]).replace(/\s/g, "") !== top) return;
        values[r0][c] = caption;
        text[r0][c] = caption;
      });
    }
    return {
      ...g,
      values,
      text,
      numberFormat,
      ...(hidden ? { hiddenCols: [...(g.hiddenCols ?? []), c] } : {}),
    };
  });
}

const lines = (grids: SheetGrid[]) =>
  checkReport(importWorkbook(grids), { localize: false })
    .findings.filter((f) => f.severity !== "info")
    .map((f) => `${f.rule} ${f.message}`);

describe.each(STYLES.filter((s) => !s.stacked).map((s) => [s.name, s] as const))(
  "a column of codes beside the table, %s",
  (_n, style) => {
    const { grids } = buildVariant(style);
    const report = importWorkbook(grids);
    const base = lines(grids);
    test.each(
      KINDS.flatMap((k) =>
        [
          ["辅助列", true],
          ["辅助列", false],
          ["", true],
        ].map(([caption, hidden]) => [k, caption as string, hidden as boolean] as const)
      )
    )("%s, caption “%s”, hidden %s: read as codes, nothing more found", (kind, caption, hidden) => {
      const t = report.tables.find((x) => x.kind === kind)!;
      const g = withCodeCopy(grids, t, caption, hidden);
      const again = importWorkbook(g).tables.find((x) => x.kind === kind)!;
      expect(again.columns.map((c) => c.key)).toEqual(t.columns.map((c) => c.key));
      expect(lines(g)).toEqual(base);
    });
  }
);
