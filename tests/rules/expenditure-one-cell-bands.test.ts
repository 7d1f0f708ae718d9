/**
 * 支出总表 printing its bands of uses as one caption in one cell each (合计 | 本年支出合计 | 基本支出 | 项目支出 |
 * 上年结转合计 | 基本支出 | 项目支出, every caption over both header lines), where the template spans 本年支出 over 小计 |
 * 基本支出 | 项目支出 (tests/rules/expenditure-bands.test.ts); or with the 上年结转 money in one column only (上年结转合计
 * / 上年结转). Read as the spanned bands: 合计 = 本年支出小计 + 上年结转小计, each 小计 = its uses. Before: the 上年结转合计
 * column had no key (the table went unchecked) and its uses were a second 基本支出 / 项目支出; a bare 上年结转 made the 合计
 * = this year's 基本支出 + 项目支出, a false 错误 on every line carrying money over (within.row-basic-project); and the
 * 本年 项目支出 was compared with both project tables (cross.basic-project).
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Table } from "../../src/core/model/schema";
import { STYLES, buildVariant, type VariantOptions } from "../fixtures/variants";
import { mutate } from "../../bench/localization";
import { serious } from "../helpers";

const HOWS = ["oneCell", "oneCellTotal", "oneCellBare"] as const;
const USES = {
  basic: "本年支出/基本支出",
  project: "本年支出/项目支出",
};

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  describe.each(HOWS)("%s", (how) => {
    const opts: VariantOptions = { expenditureBands: how };
    const { grids } = buildVariant(style, opts);
    const report = importWorkbook(grids);
    const t3 = report.tables.find((t) => t.kind === "expenditure_summary") as Table;
    const result = checkReport(report, { localize: false });
    const before = new Set(result.findings.map((f) => f.message));
    const delta = style.unit === "元" ? 70000 : 7;
    const after = (cell: string) =>
      serious(
        checkReport(importWorkbook(mutate(grids, cell, delta)), { localize: false }).findings
      ).filter((f) => !before.has(f.message));
    const figures = (key: string) =>
      t3.rows
        .map((r) => r.amounts[key])
        .filter((a) => a && !a.blank && a.value !== 0)
        .map((a) => a.cell);

    test("read as the spanned bands; no 错误 or 警告; every line of the 支出总表 checked", () => {
      const cols = Object.fromEntries(t3.columns.map((c) => [c.key, c.label]));
      expect(cols).toEqual({
        total: "合计",
        // Named as printed: 「本年支出合计」.
        current: "本年支出/合计",
        ...USES,
        ...(how === "oneCell"
          ? {
              carryover: "上年结转/合计",
              carryover_basic: "上年结转/基本支出",
              carryover_project: "上年结转/项目支出",
            }
          : { carryover: how === "oneCellBare" ? "上年结转/小计" : "上年结转/合计" }),
      });
      expect(serious(result.findings)).toEqual([]);
      const lines = t3.rows.filter((r) => r.amounts.total).length;
      const rule = result.perRule.find((r) => r.id === "within.row-basic-project")!;
      const plain = checkReport(importWorkbook(buildVariant(style).grids), { localize: false });
      const plainRule = plain.perRule.find((r) => r.id === "within.row-basic-project")!;
      // 合计 = 本年支出小计 + 上年结转小计 and 本年支出小计 = 基本支出 + 项目支出 on every line (and the 上年结转 band's).
      expect(rule.checked - plainRule.checked).toBeGreaterThanOrEqual(lines);
    });

    test("a 本年支出 figure or a 上年结转 figure +7: a 错误 citing it", () => {
      const cells = [
        ...figures("current").slice(0, 2),
        ...figures("project").slice(0, 2),
        ...figures("carryover").slice(0, 2),
      ];
      expect(cells.length).toBeGreaterThanOrEqual(style.mixedFunds ? 6 : 4);
      for (const cell of cells) {
        const found = after(cell);
        expect([cell, found.some((f) => f.cells.includes(cell))]).toEqual([cell, true]);
      }
      // The band's figure named as printed (「本年支出合计」), never a bare 「小计」.
      const said = after(figures("current")[0]).map((f) => f.message);
      expect(said.some((m) => m.includes("本年支出合计"))).toBe(true);
      expect(said.some((m) => /「小计」/.test(m))).toBe(false);
    });
  });
});
