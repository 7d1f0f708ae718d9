/**
 * input.date-formatted-amounts: an amount cell with a date number format is printed as a date (45690 → 2月2日,
 * 234.12 → 1900/8/21): the figure is read as the number it stores and checked so, and one 警告 per table names the
 * cells (newcomer15 NC15-8: a 错误 quoted “45690.00万元” for a cell the reviewer sees as 2月2日). Every template.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { parseRef } from "../../src/core/grid/address";
import { STYLES, buildVariant } from "../fixtures/variants";

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  test("two amounts of the 支出总表 in a date format: one 警告 citing them, the checks as before", () => {
    const v = buildVariant(style);
    const before = checkReport(importWorkbook(v.grids), { localize: false }).findings;
    const t = importWorkbook(v.grids).tables.find((x) => x.kind === "expenditure_summary")!;
    const at = (c: string) => {
      const { sheet, r0, c0 } = parseRef(c);
      const g = v.grids.find((x) => x.sheet === sheet)!;
      return { g, r: r0 - g.origin.row, c: c0 - g.origin.col };
    };
    // Stored numbers (a date format does not change how text is shown: templates typing amounts as text have none).
    const cells = t.rows
      .flatMap((r) => Object.values(r.amounts))
      .filter((a) => {
        const x = at(a.cell);
        return a.value && typeof x.g.values[x.r][x.c] === "number";
      })
      .slice(0, 2)
      .map((a) => a.cell);
    if (style.textAmounts) expect(cells).toEqual([]);
    for (const c of cells) {
      const { g, r, c: k } = at(c);
      g.numberFormat[r][k] = 'yyyy"年"m"月"d"日"';
    }
    if (!cells.length) return;
    const after = checkReport(importWorkbook(v.grids), { localize: false }).findings;
    const dated = after.filter((f) => f.rule === "input.date-formatted-amounts");
    expect(dated.map((f) => [f.severity, f.cells])).toEqual([["warning", cells]]);
    expect(dated[0].message).toMatch(/有 2 个金额单元格设成了日期格式/);
    const rest = (fs: typeof after) =>
      fs.filter((f) => f.rule !== "input.date-formatted-amounts").map((f) => f.message);
    expect(rest(after)).toEqual(rest(before));
  });
});
