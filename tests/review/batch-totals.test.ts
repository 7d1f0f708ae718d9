/**
 * tester32 T32-18: 审核汇总 left 收入总计 / 支出总计 blank for every workbook whose 收支总表 ends in 本年收入合计 /
 * 本年支出合计 (no 总计 lines), where a reviewer compares the departments' sizes. Expected, in every generated template,
 * through the batch's own row (reviewFile) and sheet: those lines' figures, and the row's 说明 naming the lines; a
 * 收支总表 printing its 总计 lines gives them, with no note.
 */
import fs from "fs/promises";
import os from "os";
import path from "path";
import { STYLES, buildVariant, type VariantOptions } from "../fixtures/variants";
import { toXlsx } from "../fixtures/formulas";
import { importWorkbook } from "../../src/core/importer/importer";
import { reviewFile } from "../../src/cli/review-file";
import { buildBatchSheet } from "../../src/core/review/batch-sheet";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "batch-totals-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The batch row of the variant's workbook, and its 审核汇总 line: [收入总计, 支出总计, 说明]. */
async function summaryOf(name: string, style: (typeof STYLES)[number], opts: VariantOptions) {
  const { grids } = buildVariant(style, opts);
  const file = path.join(dir, `${name}.xlsx`);
  await fs.writeFile(file, await toXlsx(grids, new Map()));
  const row = await reviewFile({
    file,
    outDir: dir,
    productVersion: "test",
    reviewedAt: "2026-12-03T00:00:00Z",
    reviewedName: `${name}.reviewed.xlsx`,
    reviewOnlyName: `${name}.审核结果.xlsx`,
    json: false,
  });
  const sheet = buildBatchSheet([row], { reviewedAt: "2026-12-03T00:00:00Z", productVersion: "t" });
  const at = sheet.cells.find((c) => c.col === 1 && c.value === file)!.row;
  const cell = (col: number) => sheet.cells.find((c) => c.row === at && c.col === col)?.value;
  const t1 = importWorkbook(grids).tables.find((t) => t.kind === "income_expenditure_summary")!;
  const figure = (key: string) => t1.rows.find((r) => r.key === key)?.amounts.total?.value;
  return { row, line: [cell(5), cell(6), cell(13) ?? null], figure };
}

// The 上年结转 money of the mixed-funds style cannot be left out of its 收支总表 (summaryTotals "current").
describe.each(STYLES.filter((s) => !s.mixedFunds).map((s, i) => [s.name, i, s] as const))(
  "variant %s",
  (_n, i, style) => {
    test("收支总表 ending in 本年收入合计 / 本年支出合计: their figures, 说明 naming the lines", async () => {
      const { row, line, figure } = await summaryOf(`current-${i}`, style, {
        summaryTotals: { last: "current" },
      });
      expect(row.status).toBe("已审核");
      const income = figure("current_income_total");
      const expenditure = figure("current_expenditure_total");
      expect([income, expenditure].every((v) => typeof v === "number" && v > 0)).toBe(true);
      expect(line).toEqual([
        income,
        expenditure,
        "收入总计、支出总计栏为收支总表「本年收入合计」「本年支出合计」行的数（该表未列收入总计、支出总计行）",
      ]);
    });
  }
);

describe.each(STYLES.map((s, i) => [s.name, i, s] as const))("variant %s", (_n, i, style) => {
  test("收支总表 printing 收入总计 / 支出总计: their figures, no note", async () => {
    const { line, figure } = await summaryOf(`grand-${i}`, style, {});
    const income = figure("income_grand_total");
    const expenditure = figure("expenditure_grand_total");
    expect([income, expenditure].every((v) => typeof v === "number" && v > 0)).toBe(true);
    expect(line).toEqual([income, expenditure, null]);
  });
});
