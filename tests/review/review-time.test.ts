/** Review times are shown to reviewers in Beijing time, in one format on 审核结果 and 审核汇总. */
import { reviewTime } from "../../src/core/review/sheet";
import { buildBatchSheet } from "../../src/core/review/batch-sheet";

test("an ISO time reads as Beijing time (UTC+8), across midnight too", () => {
  expect(reviewTime("2026-11-30T02:45:02Z")).toBe("2026-11-30 10:45:02（北京时间）");
  expect(reviewTime("2026-11-30T20:05:00.123Z")).toBe("2026-12-01 04:05:00（北京时间）");
  expect(reviewTime("不是时间")).toBe("不是时间");
});

test("审核汇总 states the time as 审核结果 does", () => {
  const sheet = buildBatchSheet([], { reviewedAt: "2026-11-30T02:46:29Z", productVersion: "test" });
  const texts = sheet.cells.map((c) => String(c.value ?? ""));
  expect(texts.some((t) => t.includes("审核时间 2026-11-30 10:46:29（北京时间）"))).toBe(true);
});

test("审核汇总: a row with a long path or reason grows with its wrapped text; a short one keeps the default height", () => {
  const entry = (file: string, reason: string | null) => ({
    file,
    department: "某部门",
    year: 2025,
    unit: "万元" as const,
    income: 1,
    expenditure: 1,
    counts: { error: 0, warning: 0, rounding: 0, info: 0 },
    status: "已审核",
    output: "a.reviewed.xlsx",
    reason,
  });
  const long =
    "/data/各部门预算公开/2025年/第一批/市直部门/中共某某市委组织部（市公务员局）部门预算公开表.xlsx";
  const sheet = buildBatchSheet(
    [
      entry("a.xlsx", null),
      entry(
        long,
        "原工作簿的结构不能安全地直接加注（工作簿中有同名工作表），故未改写原表，审核结果另存为单独的工作簿（汇总各数为数值）"
      ),
    ],
    { reviewedAt: "2026-11-30T02:46:29Z", productVersion: "test" }
  );
  const rowOf = (v: string) => sheet.cells.find((c) => c.value === v)!.row;
  const heightOf = (r: number) => sheet.rowHeights.find((h) => h.row === r)?.height;
  expect(heightOf(rowOf("a.xlsx"))).toBeUndefined();
  expect(heightOf(rowOf(long))).toBeGreaterThanOrEqual(30);
});
