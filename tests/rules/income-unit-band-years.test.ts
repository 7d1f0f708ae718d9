/**
 * A 收入总表 printing both a 单位资金 band with its own 小计 (山东 / 云南: 小计 | 事业收入 | 事业单位经营收入 | 其他收入)
 * and 上年预算数 | 本年预算数 | 增减 bands over all its columns (three header lines). In every generated template: read
 * with each band's columns; nothing reported beyond the one-year table's; every 上年 and 增减 figure is in its band's row
 * sums (合计 = Σ 资金来源 with the 单位资金 小计, 小计 = Σ its parts) and in the hierarchy; each changed by 7 is found.
 * Each template also with 单位资金 money (mixedFunds), so the band's parts hold figures in every band.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Table } from "../../src/core/model/schema";
import type { Finding } from "../../src/core/rules/rule";
import type { SheetGrid } from "../../src/core/grid/grid";
import { STYLES, buildVariant } from "../fixtures/variants";
import { serious, table, checkChanged } from "../helpers";

const lines = (fs: Finding[]) => serious(fs).map((f) => `${f.rule} ${f.message}`);
const bandCells = (t: Table, rows: Table["rows"], pick: (key: string) => boolean) =>
  rows.flatMap((r) =>
    Object.entries(r.amounts)
      .filter(([k, a]) => pick(k) && !a.blank && a.value !== 0)
      .map(([, a]) => a.cell)
  );

/** One figure changed by `delta`: whether a new 错误 cites it, and the new ones that do not. */
function changed(grids: SheetGrid[], cell: string, delta: number, before: Set<string>) {
  const { found } = checkChanged(grids, cell, delta, before, { localize: false });
  return {
    cell,
    seen: found.some((f) => f.cells.includes(cell)),
    elsewhere: found.filter((f) => !f.cells.includes(cell)).map((f) => f.message),
  };
}

// Each template as it is and with 单位资金 and 上年结转 money (mixedFunds): the 单位资金 band's parts then hold figures.
const CASES = STYLES.flatMap((s) =>
  s.mixedFunds
    ? [[s.name, s] as const]
    : [[s.name, s] as const, [`${s.name} + 单位资金`, { ...s, mixedFunds: true }] as const]
);

describe.each(CASES)("variant %s", (_n, style) => {
  const one = checkReport(importWorkbook(buildVariant(style, { unitBand: "单位资金" }).grids), {
    localize: false,
  });
  const { grids } = buildVariant(style, { unitBand: "单位资金", yearBands: true });
  const report = importWorkbook(grids);
  const t2 = table(report, "income_summary");
  const result = checkReport(report, { localize: false });
  const before = new Set(result.findings.map((f) => f.message));

  test("read in three bands; nothing to report beyond the one-year table's", () => {
    const keys = t2.columns.map((c) => c.key);
    const current = keys.filter((k) => !k.startsWith("prior") && !k.startsWith("change"));
    expect(current).toEqual(
      expect.arrayContaining(["total", "carryover", "general", "unit_funds"])
    );
    expect(keys.filter((k) => k.startsWith("prior")).length).toBe(current.length);
    expect(keys.filter((k) => k.startsWith("change")).length).toBe(current.length);
    expect(lines(result.findings)).toEqual(lines(one.findings));
  });

  test("every 上年 and 增减 figure is in its band's row sums and in the hierarchy", () => {
    const inRule = (...rules: string[]) =>
      new Set(
        result.identities
          .filter((i) => rules.includes(i.rule))
          .flatMap((i) => i.terms.map((x) => x.cell))
      );
    const rows = inRule("within.row-sources");
    const tree = inRule("hierarchy.total", "hierarchy.parent-children");
    for (const band of ["prior", "change"]) {
      const cells = bandCells(t2, t2.rows, (k) => k.startsWith(band));
      expect(cells.length).toBeGreaterThan(10);
      expect(cells.filter((c) => !rows.has(c))).toEqual([]);
      expect(cells.filter((c) => !tree.has(c))).toEqual([]);
    }
  });

  test("each 上年 and 增减 figure of a 项 line and of the 合计 line +7: a 错误 citing it, none elsewhere", () => {
    const delta = style.unit === "元" ? 70000 : 7;
    const picked = t2.rows.filter((r) => r.key === "total" || (r.code?.length ?? 0) === 7);
    const cells = bandCells(t2, picked, (k) => k.startsWith("prior") || k.startsWith("change"));
    expect(cells.length).toBeGreaterThan(10);
    for (const cell of cells.slice(0, 40))
      expect(changed(grids, cell, delta, before)).toEqual({ cell, seen: true, elsewhere: [] });
  });
});
