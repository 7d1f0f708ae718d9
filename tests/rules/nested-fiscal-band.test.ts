/**
 * tester34 T34-10, in every generated template: a 收入总表 with three header lines, 合计 | 上年结转 | 本年收入 over 小计 |
 * 财政拨款 (over 小计 | the three sources) | 财政专户管理资金 | 单位资金 (河南 / 湖北 / 江西 county templates). The 财政拨款
 * band is nested in the 本年收入 band: its 小计 is a part of the 本年收入小计, not a second part of the 合计 beside it.
 * Before: every row “合计 ≠ 上年结转 + 本年收入小计 + 财政拨款小计” (17 false 错误 on a clean file), and a wrong 财政拨款小计
 * got a second cause. Expected: the clean workbook's findings; one wrong 财政拨款小计 (or 本年收入小计) → 错误 citing
 * that cell only, and it as the one cause.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Finding } from "../../src/core/rules/rule";
import type { Table } from "../../src/core/model/schema";
import { STYLES, buildVariant, type Style } from "../fixtures/variants";
import { mutate } from "../../bench/localization";
import { serious } from "../helpers";

const kinds = (fs: Finding[]) => fs.map((f) => `${f.rule} ${f.severity}`).sort();

describe.each(STYLES.map((s) => [s.name, { ...s, mixedFunds: true } as Style] as const))(
  "variant %s with 上年结转 money",
  (_n, style) => {
    const plain = checkReport(importWorkbook(buildVariant(style).grids), { localize: false });
    const { grids } = buildVariant(style, { nestedFiscalBand: true });
    const report = importWorkbook(grids);
    const t2 = report.tables.find((t) => t.kind === "income_summary") as Table;
    const result = checkReport(report, { localize: false });
    const before = new Set(result.findings.map((f) => f.message));
    const delta = style.unit === "元" ? 100000 : 10;
    /** A 项 line's cell of the column keyed `key` (the first with a figure). */
    const itemCell = (key: string) =>
      t2.rows.find((r) => r.code?.length === 7 && r.amounts[key] && r.amounts[key].value)!.amounts[
        key
      ].cell;

    test("read as a 财政拨款 band inside the 本年收入 band; the clean workbook's findings, no row-sources 错误", () => {
      const cols = Object.fromEntries(t2.columns.map((c) => [c.key, c.label]));
      expect(cols.current).toBe("本年收入/小计");
      expect(cols.fiscal).toBe("本年收入/财政拨款/小计");
      expect(cols.general).toMatch(/^本年收入\/财政拨款\//);
      expect(result.findings.filter((f) => f.rule === "within.row-sources")).toEqual([]);
      expect(kinds(serious(result.findings))).toEqual(kinds(serious(plain.findings)));
    });

    test.each(["fiscal", "current"])(
      "a 项's %s 小计 +10: 错误 citing that cell only, and it the one cause",
      (key) => {
        const cell = itemCell(key);
        const res = checkReport(importWorkbook(mutate(grids, cell, delta)));
        const found = serious(res.findings).filter((f) => !before.has(f.message));
        expect(found.length).toBeGreaterThan(0);
        expect(found.filter((f) => !f.cells.includes(cell)).map((f) => f.message)).toEqual([]);
        expect(found.map((f) => f.rule)).toContain(
          key === "fiscal" ? "within.row-fiscal" : "within.row-sources"
        );
        const named = res.causes.flatMap((c) => [
          ...c.suspects.map((s) => s.cell),
          ...c.alternatives.flat().map((s) => s.cell),
        ]);
        expect(named.filter((c) => c.startsWith(`${cell.split("!")[0]}!`))).toEqual([cell]);
      }
    );
  }
);
