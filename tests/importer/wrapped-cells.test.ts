/**
 * tester35 T35-12: cells wrapped by Alt+Enter. Before, the 部门 line 部门名称：湖南 ⏎ 省某县农业农村局 gave the
 * department “湖南” (its first line only: the 审核汇总 and the 预算汇总 sheet name it), and a column caption wrapped
 * in its cell (一般公 ⏎ 共预算) was printed with its line break inside the finding (“≠ 一般公\n共预算 420.80”). Now a
 * wrapped name or caption is one text, its lines joined. Every generated style, the breaks as \n and as \r\n: the
 * same department, column names and findings as the unwrapped twin; a seeded figure's findings name the columns whole.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Finding } from "../../src/core/rules/rule";
import { DEPT, STYLES, buildVariant, wrappedCells } from "../fixtures/variants";
import { mutate } from "../../bench/localization";
import { table } from "../helpers";

const said = (fs: Finding[]) =>
  fs
    .filter((f) => f.severity === "error" || f.severity === "warning")
    .map((f) => `${f.rule} ${f.message}`);
const delta = (unit: string) => (unit === "元" ? 50000 : 5);

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const { grids: plain } = buildVariant(style, {});
  const twin = importWorkbook(plain);
  describe.each([false, true])("\\r\\n %s", (crlf) => {
    const grids = wrappedCells(plain, crlf);
    const report = importWorkbook(grids);

    test("the wrapped 部门 and captions read whole: the twin's department, columns and findings", () => {
      // The generator wrapped something (the 部门 line and the header captions).
      expect(grids.some((g) => g.text.some((r) => r.some((t) => /\n/.test(t))))).toBe(true);
      expect(report.department).toBe(twin.department);
      expect(report.department).toBe(DEPT);
      const labels = (r: typeof report) => r.tables.map((t) => t.columns.map((c) => c.label));
      expect(labels(report)).toEqual(labels(twin));
      expect(said(checkReport(report, { localize: false }).findings)).toEqual(
        said(checkReport(twin, { localize: false }).findings)
      );
    });

    test("a 收入总表 figure 5 万元 high: found at its cell, no line break in any message", () => {
      const t = table(report, "income_summary");
      const key = t.columns.find((c) => c.key === "general")?.key ?? t.columns[1].key;
      const cell = t.rows.find((r) => r.level >= 2 && r.amounts[key]?.value)!.amounts[key].cell;
      const found = checkReport(importWorkbook(mutate(grids, cell, delta(t.unit))), {
        localize: false,
      }).findings;
      expect(found.some((f) => f.cells.includes(cell))).toBe(true);
      expect(found.filter((f) => /[\r\n]/.test(f.message)).map((f) => f.message)).toEqual([]);
    });
  });
});
