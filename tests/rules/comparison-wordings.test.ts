/**
 * How comparison findings say their figures (tester26b T26B-8), in every generated template:
 * - cross.three-public-economic says each figure once: one economic line against the “三公” item is “同名科目 6.50”,
 *   never “同名科目合计 6.50（6.50）” (a 元 line beside a 万元 “三公” table: “同名科目 65000.00元（合 6.50万元）”);
 * - a figure exactly 10,000 times (or a 10,000th of) what it is compared with — 住房公积金 typed in 万元 in a 元 table
 *   (251000 → 25.1), or in 元 in a 万元 one — is hinted as a 元 / 万元 slip on the comparisons that find it, as units.ts
 *   hints a whole table's; any other difference is not.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Row, Table } from "../../src/core/model/schema";
import { STYLES, buildVariant } from "../fixtures/variants";
import { mutate } from "../../bench/localization";
import { serious, table } from "../helpers";

/** A line by its code, or by its name where the template prints no codes. */
const line = (t: Table, code: string, name: string): Row =>
  t.rows.find((r) => r.code === code) ?? t.rows.find((r) => r.label.includes(name))!;
const HINT = "两数恰好相差 10000 倍，疑为元与万元混填";

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const { grids } = buildVariant(style);
  const report = importWorkbook(grids);

  test("30217 公务接待费 above the “三公” 公务接待费: the economic line's figure said once", () => {
    const t6 = table(report, "basic_expenditure_economic");
    const a = line(t6, "30217", "公务接待费").amounts.total;
    const by = t6.unit === "元" ? 15000 : 1.5;
    const result = checkReport(importWorkbook(mutate(grids, a.cell, by)), { localize: false });
    const f = result.findings.find((x) => x.rule === "cross.three-public-economic")!;
    // 5.00 + 1.50 万元, said in the “三公” table's unit (a 元 经济分类表 may stand beside a 万元 “三公” table: then
    // as printed with its unit, and converted — tester29 T29-9).
    // The figure as printed (fixT29a): 6.50 in a table printed in whole 万元 is 7.
    const t10 = table(report, "three_public");
    const dec = a.decimals ?? 2;
    const shown = t6.unit === "元" ? 65000 : Math.round(6.5 * 10 ** dec) / 10 ** dec;
    const factor = t6.unit === t10.unit ? 1 : t6.unit === "元" ? 1 / 10000 : 10000;
    const raised = (shown * factor).toFixed(2);
    const printed = `${shown.toFixed(2)}${t6.unit}`;
    expect(f.message).toContain(
      t6.unit === t10.unit ? `同名科目 ${raised}` : `同名科目 ${printed}（合 ${raised}${t10.unit}）`
    );
    expect(f.message.split(raised)).toHaveLength(2);
  });

  test("住房公积金 typed in the other unit (×10,000 or ÷10,000): the comparisons finding it hint a 元 / 万元 slip", () => {
    const t3 = table(report, "expenditure_summary");
    const a = line(t3, "2210201", "住房公积金").amounts.total;
    const v = a.value ?? 0;
    const typed = t3.unit === "元" ? v / 10000 : v * 10000;
    const result = checkReport(importWorkbook(mutate(grids, a.cell, typed - v)), {
      localize: false,
    });
    const found = serious(result.findings).filter((f) => f.cells.includes(a.cell));
    expect(found.length).toBeGreaterThan(0);
    expect(found.filter((f) => f.message.includes(HINT)).length).toBeGreaterThan(0);
    // Only where the two figures are 10,000-fold: the 类 (its other 款 beside) and the 合计 say no such thing.
    for (const f of result.findings.filter((x) => x.message.includes(HINT))) {
      const [small, big] = [Math.abs(f.actual!), Math.abs(f.expected!)].sort((x, y) => x - y);
      expect(Math.round((big / 10000) * 100)).toBe(Math.round(small * 100));
    }
  });

  test("住房公积金 off by 45 万元: no 元 / 万元 hint", () => {
    const t3 = table(report, "expenditure_summary");
    const a = line(t3, "2210201", "住房公积金").amounts.total;
    const by = t3.unit === "元" ? 450000 : 45;
    const result = checkReport(importWorkbook(mutate(grids, a.cell, by)), { localize: false });
    expect(serious(result.findings).length).toBeGreaterThan(0);
    expect(result.findings.filter((f) => f.message.includes(HINT))).toEqual([]);
  });
});
