/**
 * Columns that are part of another on every row (newcomer8 q04 / q08 / q10 / q11): the 项目支出表's 政府采购 column
 * (其中：政府采购, 政府采购预算 — the part of the project bought through 政府采购) and a 其中 column under a source
 * (一般公共预算 | 其中：上年结转). Before, a 政府采购预算 column was an unknown amount column that kept
 * within.row-sources from checking the table at all, and no part was ever compared with its whole (a 政府采购 over
 * the project's 合计 went unreported). Every generated template.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import type { Table } from "../../src/core/model/schema";
import { checkReport } from "../../src/core/rules/engine";
import { mutate } from "../../bench/localization";
import { STYLES, buildVariant } from "../fixtures/variants";
import { serious } from "../helpers";

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const plain = serious(
    checkReport(importWorkbook(buildVariant(style).grids), { localize: false }).findings
  ).map((f) => f.message);
  describe.each(["其中：政府采购", "政府采购预算", "政府采购金额"])("%s", (caption) => {
    const { grids } = buildVariant(style, { procurementColumn: caption });
    const report = importWorkbook(grids);
    const result = checkReport(report, { localize: false });
    const t12 = report.tables.find((t) => t.kind === "project_expenditure") as Table;
    const col = t12.columns.find((c) =>
      c.label.replace(/\s/g, "").endsWith(caption.replace(/^其中：/, ""))
    )!;
    const project = t12.rows.find(
      (r) => r.level > 0 && r.amounts[col.key] && !r.amounts[col.key].blank
    )!;
    const delta = t12.unit === "元" ? 70000 : 7;
    const after = (cell: string, by: number) =>
      serious(
        checkReport(importWorkbook(mutate(grids, cell, by)), { localize: false }).findings
      ).filter((f) => !plain.includes(f.message));

    test("nothing new is reported; the sources are checked on every line and the column against the 合计", () => {
      expect(serious(result.findings).map((f) => f.message)).toEqual(plain);
      const sources = result.perRule.find((r) => r.id === "within.row-sources")!;
      expect(sources.reasons.filter((x) => x.includes(caption))).toEqual([]);
      expect(
        result.perRule.find((r) => r.id === "within.row-memo-columns")!.checked
      ).toBeGreaterThan(0);
    });

    test("a project's 政府采购 over its 合计: a 错误 citing it", () => {
      const cell = project.amounts[col.key].cell;
      const over =
        (project.amounts.total.value ?? 0) - (project.amounts[col.key].value ?? 0) + delta;
      const found = after(cell, over);
      expect(found.some((f) => f.rule === "within.row-memo-columns" && f.cells[0] === cell)).toBe(
        true
      );
    });

    test("a project's 一般公共预算 +7: the sources 错误 on its line", () => {
      const cell = project.amounts.general.cell;
      const found = after(cell, delta);
      expect(found.some((f) => f.rule === "within.row-sources" && f.cells.includes(cell))).toBe(
        true
      );
    });
  });
});
