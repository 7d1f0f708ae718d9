/** Review times are shown to reviewers in Beijing time, in one format on 审核结果 and 审核汇总; 审核汇总 shows whole names. */
import { FIT_LATIN, reviewTime, textWidth } from "../../src/core/review/sheet";
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

test("审核汇总's 审核文件 column grows to show each reviewed file's whole name; only a very long one is shortened", () => {
  const entry = (output: string) => ({
    file: output.replace(/\.reviewed\.xlsx$/, ".xlsx"),
    department: null,
    year: null,
    unit: null,
    income: null,
    expenditure: null,
    counts: { error: 0, warning: 0, rounding: 0, info: 0 },
    status: "已审核",
    output,
    reason: null,
  });
  const medium = "h07-sangong-reception-band-subtotal-wrong.reviewed.xlsx"; // 55 characters: over the 42 of before
  const cjk = "中共某某市委组织部部门预算公开表.reviewed.xlsx";
  const huge = `${"x".repeat(150)}.reviewed.xlsx`;
  const sheet = buildBatchSheet([entry(medium), entry(cjk)], {
    reviewedAt: "2026-11-30T02:46:29Z",
    productVersion: "test",
  });
  const linkCol = sheet.columns.find((c) => c.col === 12)!.width;
  for (const name of [medium, cjk]) {
    expect(sheet.cells.find((c) => c.col === 12 && c.value === name)).toBeDefined();
    expect(linkCol).toBeGreaterThanOrEqual(textWidth(name, FIT_LATIN));
  }
  const wide = buildBatchSheet([entry(huge)], {
    reviewedAt: "2026-11-30T02:46:29Z",
    productVersion: "test",
  });
  const cell = wide.cells.find((c) => c.col === 12 && c.hyperlink)!;
  expect(String(cell.value)).toContain("…");
  expect(String(cell.value).endsWith(".reviewed.xlsx")).toBe(true);
  expect(cell.hyperlink).toEqual({ url: huge });
  expect(wide.columns.find((c) => c.col === 12)!.width).toBeLessThanOrEqual(72);
});

test("审核汇总 counts as 已审核 only the reviewed files; a file of no budget table is 未能审核, by its status (tester30 T30-7)", () => {
  const entry = (file: string, status: string, counts: boolean) => ({
    file,
    department: null,
    year: null,
    unit: null,
    income: null,
    expenditure: null,
    counts: counts ? { error: 1, warning: 0, rounding: 0, info: 0 } : null,
    status,
    output: null,
    reason: null,
  });
  const sheet = buildBatchSheet(
    [
      entry("a.xlsx", "已审核", true),
      entry("b.xlsx", "已审核（另存审核表）", true),
      entry("c.xlsx", "未识别为预算表", true),
      entry("d.xlsx", "无法读取", false),
      entry("e.xlsx", "无法读取", false),
    ],
    { reviewedAt: "2026-11-30T02:46:29Z", productVersion: "test" }
  );
  const texts = sheet.cells.map((c) => String(c.value ?? ""));
  expect(
    texts.some((t) =>
      t.startsWith(
        "共 5 个文件，已审核 2 个，未能审核 3 个（未识别为预算表 1 个，无法读取 2 个）。"
      )
    )
  ).toBe(true);
});
