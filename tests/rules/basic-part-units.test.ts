/**
 * naming.unit-magnitude when the 基本支出表 is printed as two tables, 人员经费 and 公用经费 (…基本支出表（人员经费） /
 * （公用经费）, …基本支出人员经费表 / …公用经费表): a part's 合计 is no 基本支出 total. It is paired with the
 * 一般公共预算支出表's 基本支出 less the other part (or, both parts in one unit, the two together). Before: each part's
 * 合计 was paired with the whole 基本支出 — a "?" that left a part printed in 元 under 单位：万元 (or the reverse)
 * unnoticed, and every comparison of it then an 错误. Now: correct parts, no finding; one part (or both) in the other
 * unit, the one 警告 at its unit and no 错误. Every generated template.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { parseRef, quoteSheet } from "../../src/core/grid/address";
import type { Report, Table } from "../../src/core/model/schema";
import type { SheetGrid } from "../../src/core/grid/grid";
import { STYLES, buildVariant, type VariantOptions } from "../fixtures/variants";

const LAYOUTS: ReadonlyArray<[string, VariantOptions]> = [
  ["paren", { basicTwoTables: "paren" }],
  ["named", { basicTwoTables: "named" }],
];

const serious = (r: Report) =>
  checkReport(r, { localize: false })
    .findings.filter((f) => f.severity === "error" || f.severity === "warning")
    .map((f) => ({ id: `${f.rule} ${f.severity}`, cell: f.cells[0] }));

const partOf = (r: Report, word: string): Table =>
  r.tables.find((t) => t.kind === "basic_expenditure_economic" && t.title.includes(word))!;

/**
 * Every figure of the part tables titled with `words` put in the other unit under the printed one: ×10,000 under
 * 万元 (元 printed as 万元), ÷10,000 under 元 (to 0.01 of 万元… kept exact: the variants' figures are whole 元).
 */
function otherUnit(grids: SheetGrid[], words: string[]) {
  const r = importWorkbook(grids);
  for (const w of words) {
    const t = partOf(r, w);
    const g = grids.find((x) => x.sheet === t.sheet)!;
    const f = (x: number) =>
      t.unit === "元" ? Math.round((x / 10000) * 1e6) / 1e6 : Math.round(x * 10000 * 100) / 100;
    for (const row of t.rows)
      for (const a of Object.values(row.amounts)) {
        if (a.value === null || a.blank) continue;
        const { r0, c0 } = parseRef(a.cell);
        const v = f(a.value);
        g.values[r0 - g.origin.row][c0 - g.origin.col] = v;
        g.text[r0 - g.origin.row][c0 - g.origin.col] = String(v);
        g.numberFormat[r0 - g.origin.row][c0 - g.origin.col] = "General";
      }
  }
  return r;
}

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  test.each(LAYOUTS)("%s: correct parts → no unit finding", (_l, opts) => {
    const r = importWorkbook(buildVariant(style, opts).grids);
    expect(serious(r).filter((f) => f.id.startsWith("naming.unit-magnitude"))).toEqual([]);
  });

  test.each(
    LAYOUTS.flatMap(([l, o]) =>
      [["人员经费"], ["公用经费"], ["人员经费", "公用经费"]].map(
        (w) => [`${l}, ${w.join(" + ")} in the other unit`, o, w] as const
      )
    )
  )("%s: the one 警告 at its unit, no 错误", (_l, opts, words) => {
    const plain = serious(importWorkbook(buildVariant(style, opts).grids));
    const v = buildVariant(style, opts);
    const before = otherUnit(v.grids, words);
    const found = serious(importWorkbook(v.grids));
    const units = words
      .map((w) => partOf(before, w))
      .map((t) => t.unitCell ?? `${quoteSheet(t.sheet)}!${t.range.split(":")[0]}`);
    expect(found.filter((f) => f.id.startsWith("naming.unit-magnitude"))).toEqual(
      units.map((cell) => ({ id: "naming.unit-magnitude warning", cell }))
    );
    expect(found.filter((f) => !f.id.startsWith("naming.unit-magnitude"))).toEqual(plain);
  });
});
