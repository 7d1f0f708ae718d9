/**
 * A continuation that names no table — a sheet named only 续表 / 续表1 (a PDF page per sheet without its header, or
 * under its own header titled only （续表一）) — appended at the end of the workbook, far from its table: it was read
 * as the next page of the last table (a 支出总表's lines joined to the 项目支出表 read last) or left 未识别 “未找到可识别的
 * 预算表标题或表头”. For every template printing its tables on sheets of their own: it is joined to the table its
 * columns, codes or names and sums say; when that cannot be told (its table is not in the workbook, two tables fit),
 * it is 未识别 saying so, never joined to another table.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { SheetGrid } from "../../src/core/grid/grid";
import type { Report, TableKind } from "../../src/core/model/schema";
import { STYLES, buildVariant, type Style } from "../fixtures/variants";
import { joinedKinds, serious, tableLines } from "../helpers";

/** A continuation sheet as built: named （续） (bare) or “… (2)” (its title line （续表一）). */
const isCont = (g: SheetGrid) => /续| \(\d+\)$/.test(g.sheet);

const SETS: TableKind[][] = [
  ["expenditure_summary"],
  ["basic_expenditure_economic"],
  ["project_expenditure"],
  ["expenditure_summary", "basic_expenditure_economic"],
];

/**
 * The workbook with `kinds` continued, each continuation sheet renamed 续表 (续表1, 续表2 … when `numbered` or several)
 * and moved to the end; `bare`: lines only, else under its own header titled （续表一）. `drop`: these sheets left out.
 */
function appended(
  style: Style,
  kinds: TableKind[],
  bare: boolean,
  numbered: boolean,
  drop: string[] = []
) {
  const v = buildVariant(style, { continued: { kinds, named: bare, bare, markerTitles: !bare } });
  let k = 0;
  const conts = v.grids
    .filter(isCont)
    .map((g) => ({ ...g, sheet: numbered || kinds.length > 1 ? `续表${++k}` : "续表" }));
  return [...v.grids.filter((g) => !isCont(g) && !drop.includes(g.sheet)), ...conts];
}

/** The tables some part was joined to, as "kind: sheets". */
const lines = (r: Report, kind: string) => tableLines(r, kind).map((l) => l.replace(/小计$/, ""));
const joins = (r: Report) =>
  r.tables
    .filter((t) => t.continued?.length)
    .map((t) => `${t.kind}: ${t.continued!.map((c) => c.sheet)}`);

const cases: Array<[string, string, boolean, boolean, Style, TableKind[]]> = [];
for (const s of STYLES.filter((x) => !x.stacked))
  for (const kinds of SETS)
    for (const bare of [true, false])
      for (const numbered of kinds.length > 1 ? [true] : [false, true])
        cases.push([s.name, kinds.join("+"), bare, numbered, s, kinds]);

describe.each(cases)("%s: %s, bare=%s 续表N=%s", (_n, _k, bare, numbered, style, kinds) => {
  const plainReport = importWorkbook(buildVariant(style).grids);

  test("appended at the end, joined to its own table: the plain workbook's lines and findings", () => {
    const report = importWorkbook(appended(style, kinds, bare, numbered));
    expect(report.unrecognized.filter((u) => /续/.test(u.sheet))).toEqual([]);
    expect(joins(report)).toEqual(
      kinds.map((kind, k) => `${kind}: ${numbered || kinds.length > 1 ? `续表${k + 1}` : "续表"}`)
    );
    for (const kind of kinds) expect(lines(report, kind)).toEqual(lines(plainReport, kind));
    const res = checkReport(report);
    expect(serious(res.findings)).toEqual(
      serious(checkReport(plainReport).findings).map(() => expect.anything())
    );
    expect(joinedKinds(res)).toEqual(joinedKinds(checkReport(plainReport)));
  });

  test("its table not in the workbook: 未识别, said why, joined to no other table", () => {
    const own = plainReport.tables.find((t) => t.kind === kinds[0])!.sheet;
    const report = importWorkbook(appended(style, kinds, bare, numbered, [own]));
    expect(joins(report).filter((j) => !j.startsWith(kinds[1] ?? "-"))).toEqual([]);
    const sheet = numbered || kinds.length > 1 ? "续表1" : "续表";
    expect(report.tables.filter((t) => t.sheet === sheet)).toEqual([]);
    // Said as a continuation that names no table, and why: its lines go on no table read before, or several.
    expect(report.unrecognized.find((u) => u.sheet === sheet)?.reason).toMatch(
      new RegExp(
        `^${bare ? `工作表名称只写了「${sheet}」，没有标题和表头` : "标题只写了「（续表一）」"}，看不出是哪张表的续表：各行(接不上前面任何一张表（[^）]+）|可以接在(「[^」]+」){2,}中任一张之后)；未合并核对`
      )
    );
  });
});

// Two tables its lines go on equally (the 支出总表 printed twice, a sheet copied): which one cannot be told.
describe.each(STYLES.filter((s) => !s.stacked).map((s) => [s.name, s] as const))(
  "%s",
  (_n, style) => {
    test.each([true, false])(
      "a 续表 that two tables fit is 未识别 naming both (bare=%s)",
      (bare) => {
        const plainReport = importWorkbook(buildVariant(style).grids);
        const own = plainReport.tables.find((t) => t.kind === "expenditure_summary")!.sheet;
        const grids = appended(style, ["expenditure_summary"], bare, false);
        const at = grids.findIndex((g) => g.sheet === own);
        grids.splice(at + 1, 0, { ...grids[at], sheet: `${own.slice(0, 26)} (副本)` });
        const report = importWorkbook(grids);
        expect(joins(report)).toEqual([]);
        expect(report.unrecognized.find((u) => u.sheet === "续表")?.reason).toMatch(
          /看不出是哪张表的续表：各行可以接在「[^」]+」「[^」]+」中任一张之后；未合并核对/
        );
      }
    );
  }
);
