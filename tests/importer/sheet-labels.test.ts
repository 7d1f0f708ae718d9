/**
 * A sheet's own label printed in A1 above its title (tester33 T33-10, T33-19: a 单位's sheets exported as 团1-1,
 * 101002-2, 001003-1, each printing its sheet name again in its first row): it was reported
 * “[未识别] 团1-1!A1 表格标题之前的内容，不是预算表”, while a 表1 label there is silent. A short label that is the sheet's
 * name, or a sheet-numbering code, is silent as 表1 is; a note above a title is still reported. Every STYLE, the sheets
 * named in three habits, the label the sheet's name or a code of another sheet.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import type { CellValue, SheetGrid } from "../../src/core/grid/grid";
import { STYLES, buildVariant } from "../fixtures/variants";

const NAMINGS: Array<[string, (i: number) => string]> = [
  ["团1-k", (i) => `团1-${i + 1}`],
  ["101002-k", (i) => `101002-${i + 1}`],
  ["001003-k", (i) => `001003-${i + 1}`],
];

/** The grid with one line above its first: `text` in its first cell. */
function withFirstLine(g: SheetGrid, text: CellValue): SheetGrid {
  const width = Math.max(1, ...g.values.map((r) => r.length));
  const line = <T>(first: T, rest: T): T[] => [first, ...Array<T>(width - 1).fill(rest)];
  return {
    ...g,
    values: [line<CellValue>(text, ""), ...g.values],
    text: [line(String(text), ""), ...g.text],
    numberFormat: [line("General", "General"), ...g.numberFormat],
    merges: g.merges.map((m) => ({ ...m, r0: m.r0 + 1, r1: m.r1 + 1 })),
    hiddenRows: g.hiddenRows?.map((r) => r + 1),
    staleFormulas: g.staleFormulas?.map((x) => ({ ...x, r: x.r + 1 })),
  };
}

/** How many regions of each reason the import leaves unread. */
function reasons(grids: SheetGrid[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const u of importWorkbook(grids).unrecognized) out[u.reason] = (out[u.reason] ?? 0) + 1;
  return out;
}

describe.each(STYLES.map((st) => [st.name, st] as const))("%s", (_, st) => {
  const grids = buildVariant(st).grids;
  describe.each(NAMINGS)("sheets named %s", (_n, name) => {
    const renamed = grids.map((g, i) => ({ ...g, sheet: name(i) }));
    const before = importWorkbook(renamed);
    const kinds = before.tables.map((t) => t.kind);

    test("each sheet's name in A1 above its title: read as without it, nothing more unread", () => {
      const labelled = renamed.map((g) => withFirstLine(g, g.sheet));
      expect(importWorkbook(labelled).tables.map((t) => t.kind)).toEqual(kinds);
      expect(reasons(labelled)).toEqual(reasons(renamed));
    });

    test("a sheet-numbering code in A1 of sheets named otherwise: silent too", () => {
      const coded = grids.map((g, i) => withFirstLine(g, name(i)));
      expect(reasons(coded)).toEqual(reasons(grids));
    });

    test("a part title or cover line above the title (第二部分 2026年部门预算表): read, not reported", () => {
      for (const line of [
        "第二部分 2026年部门预算表",
        "某某局2026年部门预算",
        "第三部分 部门预算表",
      ]) {
        const parted = renamed.map((g, i) => (i ? g : withFirstLine(g, line)));
        const report = importWorkbook(parted);
        expect([line, report.tables.map((t) => t.kind)]).toEqual([line, kinds]);
        expect([line, reasons(parted)]).toEqual([line, reasons(renamed)]);
      }
    });

    test("a note above the title is still reported, on every sheet", () => {
      const noted = renamed.map((g) =>
        withFirstLine(g, "注：本表按单位汇总，金额以财政局批复数为准，如有疑问请联系预算科。")
      );
      const report = importWorkbook(noted);
      const said = new Set(
        report.unrecognized
          .filter((u) => u.reason === "表格标题之前的内容，不是预算表")
          .map((u) => u.sheet)
      );
      // The sheets whose first table starts on their first line, under its title.
      const titled = new Set(
        before.tables
          .filter((t) => /^[A-Z]+1:/.test(t.range) && t.title !== t.sheet)
          .map((t) => t.sheet)
      );
      expect(titled.size).toBeGreaterThan(0);
      for (const s of titled) expect(said).toContain(s);
    });
  });
});
