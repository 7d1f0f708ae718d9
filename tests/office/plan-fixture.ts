/**
 * A review plan for the Office host's tests, in the core's schema (src/core/review/plan.ts): marks on the cells the
 * findings cite (the checked figure strong, the others light) and two inserted sheets with formulas, styles, merges,
 * hyperlinks and a data bar. The product's own plans come from the core's builder; this one exercises the host
 * with any number of sheets and marks.
 */
import { cellA1, parseRef } from "../../src/core/grid/address";
import {
  markFormula,
  NOTE_TAG,
  ReviewPlanSchema,
  SHEET_TAG,
  type Mark,
  type ReviewPlan,
} from "../../src/core/review/plan";
import type { CheckResult } from "../../src/core/rules/rule";

const FILLS = {
  error: "#FFC7CE",
  warning: "#FFE0B2",
  rounding: "#FFF2CC",
  info: "#DDEBF7",
} as const;

export function fixturePlan(result: CheckResult, opts: { sheets?: boolean } = {}): ReviewPlan {
  const marks = new Map<string, Mark>();
  result.findings.forEach((f, i) =>
    f.cells.forEach((ref, k) => {
      const p = parseRef(ref);
      if (!p.sheet) return;
      const key = `${p.sheet}!${cellA1(p.r0, p.c0)}`;
      const m = marks.get(key);
      if (m) (m.findings.push(i), (m.note += `\n${f.message}`));
      else
        marks.set(key, {
          sheet: p.sheet,
          cell: cellA1(p.r0, p.c0),
          severity: f.severity,
          strength: k === 0 ? "strong" : "light",
          role: k === 0 ? "checked" : "cited",
          fill: FILLS[f.severity],
          note: `${NOTE_TAG}${f.message}`,
          findings: [i],
        });
    })
  );
  void markFormula;
  const first = result.findings[0]?.cells[0];
  const target = first ? parseRef(first) : undefined;
  const sheets: ReviewPlan["sheets"] =
    opts.sheets === false
      ? []
      : [
          {
            name: "审核结果",
            tabColor: "#C00000",
            columns: [
              { col: 0, width: 6 },
              { col: 1, width: 40 },
            ],
            rowHeights: [],
            cells: [
              { row: 0, col: 0, value: `${SHEET_TAG} 审核结果`, style: "title" },
              { row: 2, col: 0, value: "序号", style: "header" },
              { row: 2, col: 1, value: "说明", style: "header" },
              ...result.findings.map((f, i) => ({
                row: 3 + i,
                col: 0,
                value: i + 1,
                style: "body",
              })),
              ...result.findings.map((f, i) => ({
                row: 3 + i,
                col: 1,
                value: f.message,
                style: "body",
                ...(target && i === 0
                  ? { hyperlink: { sheet: target.sheet!, cell: cellA1(target.r0, target.c0) } }
                  : {}),
              })),
              { row: 1, col: 0, value: "-1 开头的文字", style: "body" },
            ],
            merges: [{ r0: 0, c0: 0, r1: 0, c1: 1 }],
            conditionalFormats: [],
            frozen: { rows: 3, cols: 0 },
            autoFilter: `A3:B${3 + result.findings.length}`,
          },
          {
            name: "预算汇总",
            columns: [{ col: 0, width: 20 }],
            rowHeights: [],
            cells: [
              { row: 0, col: 0, value: `${SHEET_TAG} 预算汇总`, style: "title" },
              { row: 1, col: 0, value: "一般公共服务支出" },
              { row: 1, col: 1, value: 3, formula: "1+2", style: "amount" },
              { row: 1, col: 2, value: 1, formula: "B2/B2", style: "share" },
            ],
            merges: [],
            conditionalFormats: [
              { type: "dataBar", range: "C2:C2", color: "#5B9BD5", min: 0, max: 1 },
            ],
            frozen: { rows: 1, cols: 0 },
          },
        ];
  return ReviewPlanSchema.parse({
    version: 1,
    product: "预算审核",
    productVersion: "test",
    catalogVersion: "test",
    reviewedAt: "2026-11-29T20:00:00Z",
    file: "test.xlsx",
    marks: [...marks.values()],
    styles: {
      title: { font: { bold: true, size: 14 } },
      header: {
        font: { bold: true },
        fill: "#D9E1F2",
        border: { top: "thin", bottom: "thin", left: "thin", right: "thin" },
      },
      body: { alignment: { wrapText: true, vertical: "top" } },
      amount: { numberFormat: "#,##0.00" },
      share: { numberFormat: "0.0%" },
    },
    sheets,
  });
}
