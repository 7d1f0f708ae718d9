/**
 * 收入总表 printed in bands: 合计 | 本年收入 (小计 | the sources) | 上年结转 (小计 | 一般公共预算 | 政府性基金预算), in
 * every generated template. Each band's 小计 is the band's figure (本年收入小计, 上年结转小计): 合计 = 本年收入小计 +
 * 上年结转小计, each 小计 = Σ its band's columns, and the 本年收入小计 of the 合计 line = 收支总表 本年收入合计. The 本年收入
 * 小计 was read as a second 合计 (total_2) and checked nowhere; the 上年结转 columns were never summed to their 小计
 * (newcomer6 r04 / r06: 0 findings).
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Finding } from "../../src/core/rules/rule";
import type { Table } from "../../src/core/model/schema";
import { STYLES, buildVariant } from "../fixtures/variants";
import { mutate } from "../../bench/localization";
import { serious } from "../helpers";

const kinds = (fs: Finding[]) => fs.map((f) => `${f.rule} ${f.severity}`).sort();

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const plain = checkReport(importWorkbook(buildVariant(style).grids), { localize: false });
  const { grids } = buildVariant(style, { incomeBands: true });
  const report = importWorkbook(grids);
  const t2 = report.tables.find((t) => t.kind === "income_summary") as Table;
  const result = checkReport(report, { localize: false });
  const before = new Set(result.findings.map((f) => f.message));
  const delta = style.unit === "元" ? 70000 : 7;
  /** The new 错误 / 警告 after `cell` + delta. */
  const after = (cell: string) =>
    serious(
      checkReport(importWorkbook(mutate(grids, cell, delta)), { localize: false }).findings
    ).filter((f) => !before.has(f.message));
  const figures = (key: string) =>
    t2.rows
      .map((r) => r.amounts[key])
      .filter((a) => a && !a.blank && a.value !== 0)
      .map((a) => a.cell);

  test("read as bands: 本年收入小计 and 上年结转小计; nothing to report beyond the plain workbook's", () => {
    const cols = Object.fromEntries(t2.columns.map((c) => [c.key, c.label]));
    expect(cols.total).toBe("合计");
    expect(cols.current).toBe("本年收入/小计");
    expect(cols.carryover).toBe("上年结转/小计");
    expect(Object.keys(cols)).not.toContain("total_2");
    expect(serious(result.findings)).toEqual([]);
    expect(kinds(result.findings)).toEqual(kinds(plain.findings));
  });

  test("every 本年收入小计 figure +7: a 错误 citing it, the band named 「本年收入小计」", () => {
    const cells = figures("current");
    expect(cells.length).toBeGreaterThanOrEqual(5);
    for (const cell of cells) {
      const found = after(cell);
      expect([cell, found.some((f) => f.cells.includes(cell))]).toEqual([cell, true]);
      expect(found.filter((f) => !f.cells.includes(cell))).toEqual([]);
      expect(found.some((f) => f.message.includes("本年收入小计"))).toBe(true);
      expect(found.some((f) => /「小计」/.test(f.message))).toBe(false);
    }
    // The 合计 line's 本年收入小计 is the 收支总表's 本年收入合计.
    const tot = t2.rows.find((r) => r.key === "total" && r.level === 0)!;
    expect(after(tot.amounts.current.cell).map((f) => f.rule)).toContain("cross.summary-income");
  });

  if (style.mixedFunds)
    test("every 上年结转 figure +7 (小计 or its 一般公共预算): a 错误 citing it, named with its band", () => {
      const cells = [...figures("carryover"), ...figures("carryover_general")];
      expect(cells.length).toBeGreaterThanOrEqual(4);
      for (const cell of cells) {
        const found = after(cell);
        expect([cell, found.some((f) => f.cells.includes(cell))]).toEqual([cell, true]);
        expect(found.some((f) => f.message.includes("上年结转小计"))).toBe(true);
      }
      // The 合计 line's 上年结转一般公共预算 is the 财政拨款收支总表's 上年结转 一般公共预算 line.
      const tot = t2.rows.find((r) => r.key === "total" && r.level === 0)!;
      expect(after(tot.amounts.carryover_general.cell).map((f) => f.rule)).toContain(
        "cross.fiscal-summary"
      );
    });
});
