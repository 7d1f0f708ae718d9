/**
 * tester29b T29B-10 / T29B-17: a 项目支出表 without codes — its projects indented under the department's line, or
 * grouped by unit (单位 lines with their projects, a 小计 above or below them) — continued on a sheet 表N(续), with or
 * without the header printed again, right after the table or appended at the end. It was not joined, or refused as
 * "编码不衔接" though neither part prints a code. For every template printing its tables on sheets of their own: the
 * table is joined once and read (lines and levels) and checked as in the workbook printed without continuations.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { SheetGrid } from "../../src/core/grid/grid";
import type { Report } from "../../src/core/model/schema";
import { STYLES, buildVariant, type Style, type VariantOptions } from "../fixtures/variants";
import { kinds, serious } from "../helpers";

// A unit's line printed 单位 | 小计 is named with its 小计 or without it as the part's columns are read (a part whose
// 项目名称 column holds only 小计): its level and figures are compared, not that suffix (left, see the commit).
const lines = (report: Report) =>
  report.tables
    .find((t) => t.kind === "project_expenditure")!
    .rows.map(
      (r) =>
        `${r.level} ${r.code ?? ""} ${r.label.replace(/\s/g, "").replace(/小计$/, "")} ${JSON.stringify(
          Object.fromEntries(Object.entries(r.amounts).map(([k, a]) => [k, a.value]))
        )}`
    );
const isCont = (g: SheetGrid) => /续/.test(g.sheet);

const LAYOUTS: Array<[string, VariantOptions]> = [
  ["as the template prints it", {}],
  ["by unit, 小计 below", { subtotalsBelow: true }],
];

const cases: Array<[string, string, boolean, boolean, Style, VariantOptions]> = [];
for (const s of STYLES.filter((x) => !x.stacked))
  for (const [layout, opts] of LAYOUTS)
    for (const bare of [true, false])
      for (const atEnd of [false, true]) cases.push([s.name, layout, bare, atEnd, s, opts]);

describe.each(cases)("%s, %s, bare=%s atEnd=%s", (_n, _layout, bare, atEnd, style, opts) => {
  // A header-less part may start with a unit's heading line (the cut right after a unit's 小计, 合计 last): read
  // through the table's header all the same (bare-pages.ts underBorrowedHeader).
  test("the 项目支出表 joined once: the plain workbook's lines and findings", () => {
    const plainReport = importWorkbook(buildVariant(style, opts).grids);
    const v = buildVariant(style, {
      ...opts,
      continued: { kinds: ["project_expenditure"], named: true, bare },
    });
    const grids = atEnd
      ? [...v.grids.filter((g) => !isCont(g)), ...v.grids.filter(isCont)]
      : v.grids;
    const report = importWorkbook(grids);
    expect(report.unrecognized.filter((u) => /续/.test(u.sheet))).toEqual([]);
    expect(lines(report)).toEqual(lines(plainReport));
    expect(report.tables.find((t) => t.kind === "project_expenditure")!.continued?.length).toBe(1);
    const res = checkReport(report);
    expect(serious(res.findings)).toEqual(
      serious(checkReport(plainReport).findings).map(() => expect.anything())
    );
    expect(kinds(res)).toEqual(kinds(checkReport(plainReport)));
  });
});
