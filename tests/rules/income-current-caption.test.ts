/**
 * A 收入总表 printing 合计 | 本年收入合计 | the sources | 上年结转 in one header line (tester27 T27-4): the one-cell
 * caption 本年收入合计 / 本年收入小计 beside the table's own 合计 is this year's part of it (`current`, header.ts), as
 * 本年收入 over 合计 is. Before, it was keyed a second 合计 (total_2) that no rule read: a wrong figure there passed.
 * Every generated template, with and without 上年结转 money. The column is the 本年收入 band's 小计 without the band's
 * caption (fix29c): row by row 合计 = 本年收入合计 + 上年结转 and 本年收入合计 = Σ the sources (within.row-sources).
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { STYLES, buildVariant } from "../fixtures/variants";
import { bump } from "../fixtures/grid-edit";

const CAPTIONS = ["本年收入合计", "本年收入小计"] as const;

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  describe.each([false, true])("mixedFunds %s", (mixedFunds) => {
    test.each(CAPTIONS)("%s: read as this year's money; clean → no 错误 or 警告", (caption) => {
      const r = importWorkbook(
        buildVariant(
          { ...style, mixedFunds: mixedFunds || style.mixedFunds },
          { currentColumn: { caption } }
        ).grids
      );
      const t2 = r.tables.find((t) => t.kind === "income_summary")!;
      expect(t2.columns.map((c) => c.key)).toContain("current");
      const found = checkReport(r, { localize: false }).findings.filter(
        (f) => f.severity === "error" || f.severity === "warning"
      );
      expect(found.map((f) => `${f.rule} ${f.message}`)).toEqual([]);
    });

    test.each(CAPTIONS)(
      "%s 0.30 万元 too high on one 项, its 款, 类 and the 合计 line: 错误 at the 合计 line's cell",
      (caption) => {
        const r = importWorkbook(
          buildVariant(
            { ...style, mixedFunds: mixedFunds || style.mixedFunds },
            { currentColumn: { caption, plus: 0.3 } }
          ).grids
        );
        const t2 = r.tables.find((t) => t.kind === "income_summary")!;
        const total = t2.rows.find((x) => x.key === "total")!;
        const cell = total.amounts.current?.cell;
        expect(cell).toBeDefined();
        const errors = checkReport(r, { localize: false }).findings.filter(
          (f) => f.severity === "error"
        );
        // The 合计 line's figure against the 收支总表's 本年收入合计, and the row identities 合计 = 本年收入合计 + 上年结转
        // and 本年收入合计 = Σ the sources on the raised lines (within.row-sources).
        expect(errors.filter((f) => f.cells.includes(cell!)).map((f) => f.rule)).toContain(
          "cross.summary-income"
        );
        expect(errors.map((f) => f.rule)).toContain("within.row-sources");
      }
    );

    test.each(CAPTIONS)(
      "%s 3 units too high on one line only: within.row-sources 错误 at its cells (合计 = 本年收入合计 + 上年结转, 本年收入合计 = Σ sources)",
      (caption) => {
        const v = buildVariant(
          { ...style, mixedFunds: mixedFunds || style.mixedFunds },
          { currentColumn: { caption } }
        );
        const clean = importWorkbook(v.grids);
        const t0 = clean.tables.find((t) => t.kind === "income_summary")!;
        // Clean: the new sums hold on every line (no 错误, no 尾差).
        expect(
          checkReport(clean, { localize: false })
            .findings.filter((f) => f.rule === "within.row-sources")
            .map((f) => f.message)
        ).toEqual([]);
        const line = t0.rows.find((x) => x.key !== "total" && x.amounts.current?.cell)!;
        const at = (k: string) => line.amounts[k]?.cell;
        bump(v.grids, at("current")!, 3, 2);
        const errors = checkReport(importWorkbook(v.grids), { localize: false }).findings.filter(
          (f) => f.rule === "within.row-sources" && f.severity === "error"
        );
        const sources = t0.columns
          .map((c) => c.key)
          .filter((k) => !["total", "current", "carryover"].includes(k))
          .map(at)
          .filter((c): c is string => !!c);
        expect(sources.length).toBeGreaterThanOrEqual(2);
        expect(errors.map((f) => [...f.cells].sort())).toEqual(
          expect.arrayContaining([
            [at("total"), at("current"), at("carryover")].sort(),
            [at("current"), ...sources].sort(),
          ])
        );
        expect(errors.every((f) => f.cells.includes(at("current")!))).toBe(true);
        // Said once: within.row-current-carryover leaves the column to within.row-sources.
        expect(
          checkReport(importWorkbook(v.grids), { localize: false }).findings.filter(
            (f) => f.rule === "within.row-current-carryover"
          )
        ).toEqual([]);
      }
    );
  });
});
