/**
 * 预算汇总, section 三、基本支出（按经济分类）, when the 基本支出表 prints its parts apart: as two tables (…基本支出表
 * （人员经费） / （公用经费）, …基本支出人员经费表 / …公用经费表) or as two blocks side by side (人员经费 ‖ 公用经费, with
 * or without a 合计 line). Before: the section read the first 基本支出 table only — the 人员经费 one (公用经费 left out
 * of every line and of the 合计), or the side-by-side table's 人员经费合计 / 公用经费合计 lines in the 合计 column
 * (no class, no 人员经费 / 公用经费 column). Now each class once with its 人员经费 / 公用经费, and the 合计 of both
 * parts: the same figures as the one table with 合计 | 人员经费 | 公用经费 columns. Every generated template.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { buildSummarySheet } from "../../src/core/review/summary-sheet";
import { parseRef } from "../../src/core/grid/address";
import { labelKey } from "../../src/core/grid/text";
import { bump } from "../fixtures/grid-edit";
import { STYLES, buildVariant, type VariantOptions } from "../fixtures/variants";

const LAYOUTS: ReadonlyArray<[string, VariantOptions]> = [
  ["two tables (paren)", { basicTwoTables: "paren" }],
  ["two tables (named)", { basicTwoTables: "named" }],
  ["side by side", { economicColumns: true }],
  ["side by side, no 合计 line", { economicColumns: true, economicColumnsNoTotal: true }],
];

/** The section's lines as label → [合计, 人员经费, 公用经费] (a blank part read as 0), and the cells they refer to. */
function section(
  opts: VariantOptions,
  style: (typeof STYLES)[number],
  edit?: (v: ReturnType<typeof buildVariant>) => void
) {
  const v = buildVariant(style, opts);
  edit?.(v);
  const r = importWorkbook(v.grids);
  const sheet = buildSummarySheet(r, checkReport(r, { localize: false }), v.grids);
  const start = sheet.cells.find((c) => c.value === "三、基本支出（按经济分类）")!.row;
  const end = sheet.cells.find((c) => c.value === "四、“三公”经费")!.row;
  const lines: Record<string, number[]> = {};
  const refs: string[] = [];
  for (let row = start + 2; row < end; row++) {
    const at = (col: number) => sheet.cells.find((c) => c.row === row && c.col === col);
    const label = at(0)?.value;
    if (typeof label !== "string" || !label) continue;
    // The class's name as one table or the other words it (a code before it, spaces): the name alone.
    const name = labelKey(label).replace(/^[\d\s.、-]+/, "");
    lines[name] = [1, 2, 3].map((c) => Math.round(Number(at(c)?.value ?? 0) * 100) / 100);
    for (const c of [1, 2, 3])
      refs.push(...(at(c)?.formula?.match(/'[^']+'!\$?[A-Z]+\$?\d+/g) ?? []));
  }
  return { lines, refs, report: r };
}

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const plain = section({}, style).lines;

  test.each(LAYOUTS)(
    "%s: each class with its 人员经费 / 公用经费, the 合计 of both parts",
    (_l, opts) => {
      const { lines, refs, report } = section(opts, style);
      expect(lines).toEqual(plain);
      // Live formulas over the 基本支出 tables' own cells.
      const basicSheets = new Set(
        report.tables.filter((t) => t.kind === "basic_expenditure_economic").map((t) => t.sheet)
      );
      expect(refs.length).toBeGreaterThan(0);
      for (const ref of refs) expect(basicSheets.has(parseRef(ref).sheet!)).toBe(true);
    }
  );

  test.each(LAYOUTS)(
    "%s: a figure changed in the 公用经费 part moves its class line alone",
    (_l, opts) => {
      let cell = "";
      const { lines } = section(opts, style, (v) => {
        const r = importWorkbook(v.grids);
        const t = r.tables.find(
          (x) => x.kind === "basic_expenditure_economic" && x.rows.some((y) => y.code === "302")
        )!;
        cell = t.rows.find((y) => y.code === "302")!.amounts.total.cell;
        bump(v.grids, cell, 10, 2);
      });
      expect(cell).not.toBe("");
      const name = Object.keys(plain).find((k) => /商品和服务支出/.test(k))!;
      expect(lines[name][2]).toBeGreaterThan(plain[name][2]);
      expect(lines[name]).toEqual([lines[name][2], plain[name][1], lines[name][2]]);
      // The 合计 line adds the parts' printed totals (unchanged here): the class line alone moved.
      const total = Object.keys(plain).find((k) => /合计/.test(k))!;
      expect(lines[total]).toEqual(plain[total]);
    }
  );
});
