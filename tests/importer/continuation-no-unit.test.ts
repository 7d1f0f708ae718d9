/**
 * tester33 T33-9: a 续表 on a sheet of its own that repeats the title and header but prints no 单位 line (as many
 * 续页 do) was taken to be in 万元 — the reader's default, not a printed fact — beside its 元 table, so the parts were not
 * joined (“两部分金额单位不同”) and a clean workbook got 7 false 错误. In every template, printed in 元 and in 万元: the
 * continuation without its unit line is joined, and the workbook gives the findings it gives with the line.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { SheetGrid } from "../../src/core/grid/grid";
import type { TableKind } from "../../src/core/model/schema";
import { joinedKinds } from "../helpers";
import { STYLES, buildVariant, type Style } from "../fixtures/variants";

const CONTINUED: TableKind[] = ["expenditure_summary", "basic_expenditure_economic"];

/** The continuation sheets with every cell that prints a unit (单位：元, 金额单位：万元 …) emptied. */
const withoutUnitLines = (grids: SheetGrid[]) =>
  grids.map((g) => {
    if (!/续/.test(g.sheet)) return g;
    const blank = (v: unknown) => typeof v === "string" && /^(金额)?单位[:：]/.test(v.trim());
    return {
      ...g,
      values: g.values.map((r) => r.map((v) => (blank(v) ? "" : v))),
      text: g.text.map((r, i) => r.map((t, j) => (blank(g.values[i][j]) ? "" : t))),
    };
  });

const styles = STYLES.filter((s) => !s.stacked).flatMap((s) => [
  [s.name, s] as const,
  [`${s.name}（元）`, { ...s, unit: "元" } as Style] as const,
]);

describe.each(styles)("variant %s", (_n, style) => {
  test("a 续表 sheet without its 单位 line is joined to its table; the same findings as with it", () => {
    const { grids } = buildVariant(style, { continued: { kinds: CONTINUED, named: true } });
    const printed = checkReport(importWorkbook(grids), { localize: false });
    const stripped = withoutUnitLines(grids);
    expect(stripped.some((g, i) => g !== grids[i])).toBe(true);
    const report = importWorkbook(stripped);
    for (const kind of CONTINUED)
      expect(report.tables.filter((t) => t.kind === kind).map((t) => t.continued?.length)).toEqual([
        1,
      ]);
    expect(joinedKinds(checkReport(report, { localize: false }))).toEqual(joinedKinds(printed));
  });
});
