/**
 * A 目录 printed right above the first table, no blank line between (an HTML page's list of tables, LibreOffice's HTML
 * export, a sheet assembled by hand): its entries ran on into the first table's title, which was read as one more
 * entry — “缺少必须公开的收支总表” and the table never reviewed (newcomer13 NC13-4). The 目录 ends where a table's meta
 * line or header opens. Every generated template.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { SheetGrid } from "../../src/core/grid/grid";
import { STYLES, buildVariant } from "../fixtures/variants";
import { kinds } from "../helpers";

/** The 目录 (one line per table: 表N | title) put on top of the first table's sheet, right above its first line. */
function contentsAbove(grids: SheetGrid[], titles: string[]): void {
  const g = grids.find((x) => x.sheet !== "目录")!;
  const rows = [["目录"], ...titles.map((t, i) => [`表${i + 1}`, t])];
  const width = Math.max(...g.values.map((r) => r.length));
  const pad = (r: string[]) => [...r, ...Array.from({ length: width - r.length }, () => "")];
  g.values.unshift(...rows.map(pad));
  g.text.unshift(...rows.map(pad));
  g.numberFormat.unshift(...rows.map((r) => pad(r).map(() => "General")));
  g.merges = g.merges.map((m) => ({ ...m, r0: m.r0 + rows.length, r1: m.r1 + rows.length }));
  if (g.hiddenRows) g.hiddenRows = g.hiddenRows.map((h) => h + rows.length);
}

describe.each(STYLES.filter((s) => !s.stacked).map((s) => [s.name, s] as const))(
  "variant %s",
  (_n, style) => {
    test("a 目录 right above the first table: the same tables and findings", () => {
      const plain = importWorkbook(buildVariant(style).grids);
      const grids = buildVariant(style).grids;
      contentsAbove(
        grids,
        plain.tables.map((t) => t.title)
      );
      const report = importWorkbook(grids);
      expect(report.tables.map((t) => t.kind)).toEqual(plain.tables.map((t) => t.kind));
      expect(kinds(checkReport(report))).toEqual(kinds(checkReport(plain)));
    });
  }
);
