/**
 * A table without codes (names only: its 类 / 款 / 项 told by the names, a 项目支出表's projects by their indentation
 * under the unit lines) printed over three or four sheets — 表, 表（续）, 表（续2）, 表（续3）: each part after the first
 * under its page head again or without a header (a PDF page per sheet), right after the table or appended at the end
 * of the workbook. For every template printing its tables on sheets of their own: every part is joined once, in order,
 * and the lines are levelled over all of them (a part may start inside a 类 or a unit's group), read and checked as in
 * the workbook printed without continuations.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { SheetGrid } from "../../src/core/grid/grid";
import type { TableKind } from "../../src/core/model/schema";
import { STYLES, buildVariant, type Style, type VariantOptions } from "../fixtures/variants";
import { serious, joinedKinds, tableLines } from "../helpers";

const isCont = (g: SheetGrid) => /续/.test(g.sheet);

/** The tables continued, and the layout they are printed in. */
const SETS: Array<[string, TableKind[], VariantOptions]> = [
  ["支出总表 + 基本支出经济分类表", ["expenditure_summary", "basic_expenditure_economic"], {}],
  ["项目支出表 by unit, 小计 below", ["project_expenditure"], { subtotalsBelow: true }],
];

const cases: Array<[string, string, number, boolean, boolean, Style, TableKind[], VariantOptions]> =
  [];
for (const s of STYLES.filter((x) => !x.stacked))
  for (const [set, kinds, opts] of SETS)
    for (const parts of [3, 4])
      for (const bare of [false, true])
        for (const atEnd of [false, true])
          cases.push([s.name, set, parts, bare, atEnd, { ...s, codeLayout: "names" }, kinds, opts]);

describe.each(cases)(
  "%s names only, %s, %d parts, bare=%s atEnd=%s",
  (_n, _set, parts, bare, atEnd, style, kinds, opts) => {
    test("every part joined once, in order: the plain workbook's lines and findings", () => {
      const plainReport = importWorkbook(buildVariant(style, opts).grids);
      const v = buildVariant(style, { ...opts, continued: { kinds, named: true, bare, parts } });
      expect(v.grids.filter(isCont)).toHaveLength(kinds.length * (parts - 1));
      const grids = atEnd
        ? [...v.grids.filter((g) => !isCont(g)), ...v.grids.filter(isCont)]
        : v.grids;
      const report = importWorkbook(grids);
      expect(report.unrecognized.filter((u) => /续/.test(u.sheet))).toEqual([]);
      for (const kind of kinds) {
        const t = report.tables.find((x) => x.kind === kind)!;
        expect(tableLines(report, kind)).toEqual(tableLines(plainReport, kind));
        // The parts in their order: 表（续）, 表（续2）, 表（续3）.
        expect(t.continued?.map((c) => c.sheet)).toEqual(
          Array.from(
            { length: parts - 1 },
            (_, k) => `${t.sheet.slice(0, k ? 27 : 28)}（续${k ? k + 1 : ""}）`
          )
        );
      }
      const res = checkReport(report);
      expect(serious(res.findings)).toEqual(
        serious(checkReport(plainReport).findings).map(() => expect.anything())
      );
      expect(joinedKinds(res)).toEqual(joinedKinds(checkReport(plainReport)));
    });
  }
);
