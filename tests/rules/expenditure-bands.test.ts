/**
 * 支出总表 printed in bands: 合计 | 本年支出 (小计 | 基本支出 | 项目支出) | 上年结转 (小计 | 基本支出 | 项目支出), the
 * expenditure twin of the 收入总表's 本年收入 / 上年结转 bands, in every generated template. 合计 = 本年支出小计 +
 * 上年结转小计, each 小计 = its band's 基本支出 + 项目支出, and the 项目支出 of each band is the 项目支出表's (本年) and the
 * 项目支出表（上年结转）'s. Before: the 本年支出小计 was a second 合计 (total_2) checked nowhere, the 上年结转 uses were
 * basic_2 / project_2, and the 本年 项目支出 alone was compared with both project tables (a false 错误 when money is
 * carried over).
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
  const { grids } = buildVariant(style, { expenditureBands: true });
  const report = importWorkbook(grids);
  const t3 = report.tables.find((t) => t.kind === "expenditure_summary") as Table;
  const result = checkReport(report, { localize: false });
  const before = new Set(result.findings.map((f) => f.message));
  const delta = style.unit === "元" ? 70000 : 7;
  /** The new 错误 / 警告 after `cell` + delta. */
  const after = (cell: string) =>
    serious(
      checkReport(importWorkbook(mutate(grids, cell, delta)), { localize: false }).findings
    ).filter((f) => !before.has(f.message));
  const figures = (key: string) =>
    t3.rows
      .map((r) => r.amounts[key])
      .filter((a) => a && !a.blank && a.value !== 0)
      .map((a) => a.cell);

  test("read as bands: 本年支出小计, 上年结转小计 and its uses; nothing to report beyond the plain workbook's", () => {
    const cols = Object.fromEntries(t3.columns.map((c) => [c.key, c.label]));
    expect(cols).toEqual({
      total: "合计",
      current: "本年支出/小计",
      basic: "本年支出/基本支出",
      project: "本年支出/项目支出",
      carryover: "上年结转/小计",
      carryover_basic: "上年结转/基本支出",
      carryover_project: "上年结转/项目支出",
    });
    expect(serious(result.findings)).toEqual([]);
    expect(kinds(result.findings)).toEqual(kinds(plain.findings));
    expect(
      result.perRule.find((r) => r.id === "within.row-basic-project")!.checked
    ).toBeGreaterThan(0);
  });

  test("every 本年支出 figure +7 (小计, 基本支出, 项目支出): a 错误 citing it, none elsewhere, never 「小计」", () => {
    const cells = [...figures("current"), ...figures("basic"), ...figures("project")];
    expect(cells.length).toBeGreaterThanOrEqual(15);
    for (const cell of cells) {
      const found = after(cell);
      expect([cell, found.some((f) => f.cells.includes(cell))]).toEqual([cell, true]);
      expect([cell, found.filter((f) => !f.cells.includes(cell))]).toEqual([cell, []]);
      expect(found.some((f) => /「小计」/.test(f.message))).toBe(false);
    }
    const cur = figures("current")[0];
    expect(after(cur).some((f) => f.message.includes("本年支出小计"))).toBe(true);
  });

  if (style.mixedFunds)
    test("every 上年结转 figure +7 (小计 or its 项目支出): a 错误 citing it, named with its band", () => {
      const cells = [...figures("carryover"), ...figures("carryover_project")];
      expect(cells.length).toBeGreaterThanOrEqual(4);
      for (const cell of cells) {
        const found = after(cell);
        expect([cell, found.some((f) => f.cells.includes(cell))]).toEqual([cell, true]);
        expect(found.some((f) => f.message.includes("上年结转"))).toBe(true);
      }
      // The 合计 line's 上年结转项目支出 is the 项目支出表（上年结转）'s 合计.
      const tot = t3.rows.find((r) => r.key === "total" && r.level === 0)!;
      expect(after(tot.amounts.carryover_project.cell).map((f) => f.rule)).toContain(
        "cross.basic-project"
      );
    });
});
