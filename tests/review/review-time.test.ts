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
