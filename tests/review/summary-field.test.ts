/**
 * 预算汇总 on the field workbooks (samples/field: real 2026 disclosures): the “三公” block of templates whose “三公”
 * table prints the 三公's total as a line beside other figures — 广州's 表8 (行政经费 above it, no 合计) and 西安's
 * 表13 (a 合计 that takes 会议费 and 培训费 in) — gives the 三公 total and shares against it (newcomer13 NC13-3).
 */
import { promises as fs } from "fs";
import path from "path";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { buildReviewPlan } from "../../src/core/review/build";

const dir = path.join(__dirname, "..", "..", "samples", "field");

/** The “三公” block of a field workbook's 预算汇总: [label, figure, share formula, source cell] per line. */
async function threePublicBlock(name: string) {
  const { grids } = await readXlsxBuffer(await fs.readFile(path.join(dir, `${name}.xlsx`)));
  const report = importWorkbook(grids);
  const summary = buildReviewPlan({
    report,
    result: checkReport(report),
    grids,
    file: `${name}.xlsx`,
    reviewedAt: "2026-12-01T05:00:00Z",
    productVersion: "9.9.9",
  }).sheets[1];
  const at = (row: number, col: number) =>
    summary.cells.find((c) => c.row === row && c.col === col);
  const head = summary.cells.find((c) => c.value === "四、“三公”经费")!;
  const next = summary.cells.find((c) => c.value === "五、机关运行经费")!;
  return summary.cells
    .filter((c) => c.col === 0 && c.row > head.row + 1 && c.row < next.row && c.value !== null)
    .map((c) => [
      String(c.value).trim(),
      at(c.row, 1)?.value,
      at(c.row, 4)?.formula ?? null,
      at(c.row, 5)?.value ?? null,
    ]);
}

test("广州 表8: the “三公”经费 line is the block's 合计, and each item has its share of it", async () => {
  const b = await threePublicBlock("guangzhou-tongjiju-2026");
  const total = b.find(([l]) => l === "合计")!;
  expect(total.slice(1, 2)).toEqual([19.86]);
  expect(total[3]).toBe("表8!B6");
  for (const [label, , share] of b.filter(([l]) => l !== "合计"))
    expect([label, share]).toEqual([label, expect.stringMatching(/^IF\(/)]);
});

test("西安 表13: the 三公's own total first, then 会议费 / 培训费 and the 合计 that takes them in", async () => {
  const b = await threePublicBlock("xian-shenjiju-2026");
  const labels = b.map(([l]) => l);
  expect(labels.slice(-4)).toEqual([
    "“三公”经费合计",
    "会议费",
    "培训费",
    "合计（含会议费、培训费）",
  ]);
  const figure = (l: string) => b.find(([x]) => x === l)![1];
  expect([figure("“三公”经费合计"), figure("合计（含会议费、培训费）")]).toEqual([102000, 332000]);
  // Shares are of the 三公 total; 会议费 / 培训费 are not shares of it.
  const share = (l: string) => b.find(([x]) => x === l)![2];
  expect(share("公务接待费")).toMatch(/^IF\(/);
  expect([share("会议费"), share("培训费")]).toEqual([null, null]);
});
