/**
 * A 收支总表 支出 side by use printing 人员经费 / 公用经费 under 一、基本支出 without numbering (tester27 T27-5): indented
 * by ASCII spaces or U+3000, or not at all in the text (Excel's cell indent, a PDF copy). They are parts of 基本支出
 * (importer ROW_PARTS), not classes: before, 本年支出合计 was compared with 基本支出 + 人员经费 + 公用经费 + 项目支出 (a
 * false 错误 on a clean workbook). Every generated template, every way of printing the parts.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Report } from "../../src/core/model/schema";
import { STYLES, buildVariant } from "../fixtures/variants";

const FORMS = ["numbered", "spaces", "wide", "bare"] as const;

const serious = (r: Report) =>
  checkReport(r, { localize: false }).findings.filter(
    (f) => f.severity === "error" || f.severity === "warning"
  );

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  test.each(FORMS)("parts printed %s: no 错误 or 警告", (parts) => {
    const r = importWorkbook(buildVariant(style, { useSide: { parts } }).grids);
    const t1 = r.tables.find((t) => t.kind === "income_expenditure_summary")!;
    if (!t1.rows.some((x) => x.key === "public")) return; // four label / amount pairs: no such side
    expect(serious(r).map((f) => `${f.rule} ${f.message}`)).toEqual([]);
  });

  test.each(FORMS)(
    "parts printed %s, 人员经费 2 万元 too high: 错误 at 人员经费, no 合计 错误",
    (parts) => {
      const r = importWorkbook(buildVariant(style, { useSide: { parts, plus: 2 } }).grids);
      const t1 = r.tables.find((t) => t.kind === "income_expenditure_summary")!;
      const pers = t1.rows.find((x) => x.key === "personnel");
      const basic = t1.rows.find((x) => x.key === "use_basic");
      if (!pers || !basic || !t1.rows.some((x) => x.key === "public")) return;
      const found = serious(r);
      expect(found.filter((f) => f.rule === "within.current-expenditure")).toEqual([]);
      // 基本支出 ≠ 人员经费 + 公用经费 on the table itself, naming both cells.
      expect(
        found.some(
          (f) =>
            f.rule === "hierarchy.parent-children" &&
            f.severity === "error" &&
            f.cells.includes(basic.amounts.total.cell) &&
            f.cells.includes(pers.amounts.total.cell)
        )
      ).toBe(true);
    }
  );
});
