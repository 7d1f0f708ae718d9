/**
 * The core's own review plans (buildReviewPlan) through the Office host, for every sample: marks, 审核结果 and
 * 预算汇总 (formulas, data bars, the 支出 chart), then 清除标记 after save and reopen — every user cell as before.
 */
import { applyPlan, clearReview, expenditureChart } from "../../src/hosts/office/apply";
import { buildReviewPlan } from "../../src/core/review/build";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { isMarkFormula } from "../../src/core/review/plan";
import { bench } from "../office-bench/runtime";
import { loadXlsx, saveXlsx, userCells } from "../office-bench/xlsx";
import { loadSample, SAMPLES } from "../helpers";

test.each(SAMPLES.map((s) => [s]))(
  "%s: the product's plan goes in and comes out exactly",
  async (name) => {
    const { grids } = await loadSample(name);
    const report = importWorkbook(grids);
    const result = checkReport(report);
    const plan = buildReviewPlan({
      report,
      result,
      grids,
      file: `${name}.xlsx`,
      reviewedAt: "2026-11-29T21:00:00Z",
      productVersion: "test",
    });
    const b = bench(grids);
    const before = await saveXlsx(b.wb);
    const res = await b.Excel.run((ctx) => applyPlan(ctx, plan, { notes: "comments" }));
    expect(res.sheets).toEqual(plan.sheets.map((s) => s.name));
    expect(res.marks).toBe(plan.marks.length);
    expect(b.wb.sheets.slice(0, plan.sheets.length).map((s) => s.name)).toEqual(
      plan.sheets.map((s) => s.name)
    );
    const summary = b.wb.sheets.find((s) => s.name === "预算汇总")!;
    expect(summary.conditionalFormats.some((c) => c.type === "DataBar")).toBe(true);
    const chart = expenditureChart(plan.sheets.find((s) => s.name === "预算汇总")!);
    expect(summary.charts.length).toBe(chart ? 1 : 0);
    if (name === "jishan-2024") expect(chart).toBeDefined();
    // Every formula of the plan is written as a formula.
    const formulas = plan.sheets.flatMap((s) =>
      s.cells.filter((c) => c.formula).map((c) => [s.name, c.row, c.col] as const)
    );
    for (const [sheet, r, c] of formulas.slice(0, 50))
      expect(
        b.wb.cell(
          b.wb.sheets.find((s) => s.name === sheet)!,
          r,
          c
        )?.formula
      ).toMatch(/^=/);

    const reopened = await loadXlsx(await saveXlsx(b.wb));
    const b2 = bench(reopened);
    await b2.Excel.run((ctx) => clearReview(ctx, { notes: "comments" }));
    expect(
      reopened.sheets.flatMap((s) =>
        s.conditionalFormats.filter((c) => c.formula && isMarkFormula(c.formula))
      )
    ).toEqual([]);
    expect(await userCells(await saveXlsx(reopened))).toEqual(await userCells(before));
  }
);
