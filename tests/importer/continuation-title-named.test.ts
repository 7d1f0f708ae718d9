/**
 * tester29b T29B-4: a table's continuation on a sheet named by the table's title or by a bare 续表 — 支出总表（续）,
 * 续表, 表3-续, 支出总表(续表) — rather than by its sheet name or 表号 with （续）. It was not joined (5 false 错误: the
 * table read short). For every template printing its tables on sheets of their own, the continuation printed without
 * a header (a PDF page per sheet) or with its page head again, right after its table or appended at the end of the
 * workbook: each continued table is joined once and read as in the workbook printed without continuations.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { SheetGrid } from "../../src/core/grid/grid";
import type { TableKind } from "../../src/core/model/schema";
import { STYLES, buildVariant, type Style } from "../fixtures/variants";
import { serious, joinedKinds, tableLines } from "../helpers";

const kinds = joinedKinds;
const lines = tableLines;

const CONTINUED: TableKind[] = ["expenditure_summary", "basic_expenditure_economic"];
const isCont = (g: SheetGrid) => /续/.test(g.sheet);

/** The sheet names a continuation may be given instead of its table's sheet name with （续）. */
const NAMINGS: Array<[string, (title: string, label: string | undefined) => string | undefined]> = [
  ["title（续）", (title) => `${title}（续）`],
  ["title(续表)", (title) => `${title}(续表)`],
  ["表号-续", (_t, label) => label && `${label}-续`],
  ["续表", () => "续表"],
];

const cases: Array<[string, boolean, string, boolean, Style]> = [];
for (const s of STYLES.filter((x) => !x.stacked))
  for (const bare of [true, false])
    for (const [naming] of NAMINGS)
      // A bare 续表 names no table: only right after its table is it that table's.
      for (const atEnd of naming === "续表" ? [false] : [false, true])
        // A template without 表号 has none to name a sheet by.
        if (naming !== "表号-续" || s.label(1)) cases.push([s.name, bare, naming, atEnd, s]);

describe.each(cases)("%s bare=%s %s atEnd=%s", (_n, bare, naming, atEnd, style) => {
  test("each continued table joined once: the plain workbook's lines and findings", () => {
    const plainReport = importWorkbook(buildVariant(style).grids);
    const v = buildVariant(style, { continued: { kinds: CONTINUED, named: true, bare } });
    const name = NAMINGS.find(([n]) => n === naming)![1];
    let k = 0;
    const renamed = v.grids.map((g) => {
      if (!isCont(g)) return g;
      const kind = CONTINUED[k++];
      const t = plainReport.tables.find((x) => x.kind === kind)!;
      const title = t.title.replace(/^\d{4}年度?/, "").replace(/\s/g, "");
      const sheet = name(title, t.label);
      return { ...g, sheet: sheet!.slice(0, 31) };
    });
    const grids = atEnd
      ? [
          ...renamed.filter((g, i) => !isCont(v.grids[i])),
          ...renamed.filter((g, i) => isCont(v.grids[i])),
        ]
      : renamed;
    const report = importWorkbook(grids);
    expect(report.unrecognized.filter((u) => /续/.test(u.sheet))).toEqual([]);
    for (const kind of CONTINUED) {
      expect(lines(report, kind)).toEqual(lines(plainReport, kind));
      expect(report.tables.find((t) => t.kind === kind)!.continued?.length).toBe(1);
    }
    const res = checkReport(report);
    expect(serious(res.findings)).toEqual([]);
    expect(kinds(res)).toEqual(kinds(checkReport(plainReport)));
  });
});
