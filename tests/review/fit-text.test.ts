/** 审核汇总's link text fits its column on one line (LibreOffice never wraps a hyperlink); the link keeps the full name. */
import { FIT_LATIN, fitText, textWidth } from "../../src/core/review/sheet";
import { buildBatchSheet, fileLink } from "../../src/core/review/batch-sheet";

const names = [
  `${"兴".repeat(75)}.reviewed.xlsx`, // newcomer 2's long Chinese name, as the CLI shortens it to fit 255 bytes
  "jishan_budget_public_tables_of_the_county_party_committee_organization_department_final_version_2024.reviewed.xlsx",
  "中共某某市委组织部（市公务员局）2025年部门预算公开表(2).审核结果.xlsx",
];

test.each(names)("fitText keeps the start and the ending of %s within the width", (name) => {
  const t = fitText(name, 42);
  expect(textWidth(t, FIT_LATIN)).toBeLessThanOrEqual(42);
  expect(t).toContain("…");
  expect(name.startsWith(t.slice(0, t.indexOf("…")))).toBe(true);
  expect(name.endsWith(t.slice(t.indexOf("…") + 1))).toBe(true);
  expect(t.slice(t.indexOf("…") + 1).length).toBeGreaterThanOrEqual(8);
});

test("a name that fits is kept as it is", () => {
  expect(fitText("jincheng-chengqu-2025.审核结果.xlsx", 42)).toBe(
    "jincheng-chengqu-2025.审核结果.xlsx"
  );
  expect(fitText("14f-general-number-format.reviewed.xlsx", 42)).toBe(
    "14f-general-number-format.reviewed.xlsx"
  );
  expect(fitText("jishan-2024.reviewed.xlsx", 42)).toBe("jishan-2024.reviewed.xlsx");
});

test("审核汇总: every 审核文件 link shows a text that fits the column and opens the full name", () => {
  const sheet = buildBatchSheet(
    names.map((output, i) => ({
      file: `in/${i}.xlsx`,
      department: "某部门",
      year: 2025,
      unit: "万元" as const,
      income: 1,
      expenditure: 1,
      counts: { error: 1, warning: 0, rounding: 0, info: 0 },
      status: "已审核",
      output,
      reason: null,
    })),
    { reviewedAt: "2026-11-30T02:46:29Z", productVersion: "test" }
  );
  const width = sheet.columns.find((c) => c.col === 12)!.width;
  const links = sheet.cells.filter((c) => c.col === 12 && c.hyperlink);
  expect(links.map((c) => (c.hyperlink as { url: string }).url)).toEqual(names);
  for (const c of links) expect(textWidth(String(c.value), FIT_LATIN)).toBeLessThanOrEqual(width);
});

test.each([
  ["预算 2025#1.审核结果.xlsx", "预算%202025%231.审核结果.xlsx"],
  ["预算%20.审核结果.xlsx", "预算%2520.审核结果.xlsx"],
  ["a?b.reviewed.xlsx", "a%3Fb.reviewed.xlsx"],
  [
    "中共某某市委组织部（市公务员局）.reviewed.xlsx",
    "中共某某市委组织部（市公务员局）.reviewed.xlsx",
  ],
])("a link to %s escapes what a URI reads otherwise (newcomer10 NC10-3)", (name, url) => {
  expect(fileLink(name)).toBe(url);
  expect(decodeURI(fileLink(name).replace(/%23/g, "#").replace(/%3F/g, "?"))).toBe(name);
});
