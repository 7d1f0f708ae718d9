/**
 * Lines that are not addends: a 其中 line with a figure (a memo item of the line above, at most that line) and a
 * 备注 / 注 / 说明 line with a figure under a table (a footnote, not a body row). Before, a 其中 line printed above a 款's
 * 项 lines was summed with them (false 错误 “小于其中各项之和”) and a 备注 line with a figure was a body row summed
 * into the 合计 (newcomer 3, m23 / m35). Every generated template, then the newcomer's Xi'an files.
 */
import path from "path";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { promises as fs } from "fs";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { STYLES, buildVariant } from "../fixtures/variants";

const serious = (r: ReturnType<typeof checkReport>) =>
  r.findings.filter((f) => f.severity === "error" || f.severity === "warning");
const MEMO = { under: "20805", label: "其中：基本养老保险缴费" };

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  test("a 其中 line with a figure under a 款 is a memo item: no finding while it is at most the 款", () => {
    const report = importWorkbook(buildVariant(style, { memoRow: { ...MEMO, amount: 30 } }).grids);
    const t5 = report.tables.find((t) => t.kind === "general_budget_expenditure")!;
    const memo = t5.rows.find((r) => /^其中/.test(r.label.trim()))!;
    expect(memo.partial).toBe(true);
    expect(serious(checkReport(report))).toEqual([]);
  });

  test("a 其中 line exceeding its 款 is still an error, citing the 其中 cell", () => {
    const report = importWorkbook(buildVariant(style, { memoRow: { ...MEMO, amount: 50 } }).grids);
    const t5 = report.tables.find((t) => t.kind === "general_budget_expenditure")!;
    const memoCell = t5.rows.find((r) => /^其中/.test(r.label.trim()))!.amounts.total.cell;
    const found = checkReport(report).findings.filter(
      (f) => f.severity === "error" && /小于其中各项之和/.test(f.message)
    );
    expect(
      found.some((f) => f.cells.includes(memoCell) && /行政事业单位养老支出/.test(f.message))
    ).toBe(true);
  });

  test("a 备注 line with a figure under the table is a footnote, not a body row", () => {
    const report = importWorkbook(
      buildVariant(style, { footnote: { text: "备注：上年结转", amount: 10 } }).grids
    );
    const t5 = report.tables.find((t) => t.kind === "general_budget_expenditure")!;
    expect(t5.rows.some((r) => /备注/.test(r.label))).toBe(false);
    expect(t5.notes?.some((n) => /^备注[:：]上年结转/.test(n))).toBe(true);
    expect(serious(checkReport(report))).toEqual([]);
  });
});

const FILES = path.join(__dirname, "..", "fixtures", "newcomer3");

test("Xi'an: 其中：基本养老保险缴费 with its figure under 20805 (m23) gives no finding; above its 款 it is an error", async () => {
  const report = importWorkbook(
    (
      await readXlsxBuffer(
        await fs.readFile(path.join(FILES, "m23-xian-t5-qizhong-amount-row.xlsx"))
      )
    ).grids
  );
  expect(serious(checkReport(report))).toEqual([]);
  const t5 = report.tables.find((t) => t.kind === "general_budget_expenditure")!;
  const memo = t5.rows.find((r) => /^其中/.test(r.label.trim()))!;
  const parent = t5.rows.find((r) => r.code === "20805")!;
  memo.amounts.total.value = parent.amounts.total.value! + 1000;
  const found = checkReport(report).findings.filter((f) => /小于其中各项之和/.test(f.message));
  expect(found.map((f) => f.cells[0])).toEqual([parent.amounts.total.cell]);
});

test("Xi'an: a 备注 line with a figure under 表5 (m35) gives no finding", async () => {
  const report = importWorkbook(
    (
      await readXlsxBuffer(
        await fs.readFile(path.join(FILES, "m35-xian-t5-footnote-with-amount.xlsx"))
      )
    ).grids
  );
  expect(serious(checkReport(report))).toEqual([]);
});
