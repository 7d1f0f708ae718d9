/**
 * Amounts stored as text (tester31 T31-5, tester32 T32-14): “1,234.50”, “ 88.00 ”, full-width digits, “12.00万” in a
 * 万元 table are read as the figures they print — and named, one 提示 (input.text-amounts) per table listing its cells:
 * Excel's SUM leaves text out, and text is how 元 / 万元 mix-ups start. Text with another unit keeps its 警告
 * (input.amount-unit-text) and is not named twice. Every generated template, the 一般公共预算支出表 typed each way.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Finding } from "../../src/core/rules/rule";
import type { Report } from "../../src/core/model/schema";
import { STYLES, buildVariant } from "../fixtures/variants";

const serious = (fs: Finding[]) =>
  fs
    .filter((f) => f.severity === "error" || f.severity === "warning")
    .map((f) => `${f.rule} ${f.message}`);
const textFindings = (fs: Finding[]) => fs.filter((f) => f.rule === "input.text-amounts");
const t5of = (r: Report) => r.tables.find((t) => t.kind === "general_budget_expenditure")!;
/** The cells of a table's amounts that hold a figure. */
const figureCells = (r: Report) =>
  t5of(r).rows.flatMap((row) =>
    Object.values(row.amounts)
      .filter((a) => a.value !== null)
      .map((a) => a.cell)
  );

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const plainReport = importWorkbook(buildVariant(style).grids);
  const plain = checkReport(plainReport);

  test("amounts stored as numbers: no 提示; a template typing its amounts as text: one per table", () => {
    const found = textFindings(plain.findings);
    if (!style.textAmounts) expect(found).toEqual([]);
    else {
      const tables = found.map((f) => f.message.replace(/（.*$/, ""));
      expect(new Set(tables).size).toBe(found.length);
      expect(found.some((f) => f.cells.includes(figureCells(plainReport)[0]))).toBe(true);
    }
  });

  test.each(["comma", "padded", "fullWidth", "unitWord"] as const)(
    "the 一般公共预算支出表 stored as text (%s): the same figures, one 提示 listing its cells, nothing else new",
    (form) => {
      const report = importWorkbook(
        buildVariant(style, { amountText: { kind: "general_budget_expenditure", form } }).grids
      );
      expect(t5of(report).rows.map((r) => r.amounts.total?.value)).toEqual(
        t5of(plainReport).rows.map((r) => r.amounts.total?.value)
      );
      const res = checkReport(report);
      const cells = figureCells(report);
      const mine = textFindings(res.findings).filter((f) => f.cells.includes(cells[0]));
      expect(mine).toHaveLength(1);
      expect(mine[0].severity).toBe("info");
      expect([...mine[0].cells].sort()).toEqual([...cells].sort());
      expect(mine[0].message).toMatch(/^\S*一般公共预算支出表/);
      expect(mine[0].message).toContain("文本");
      expect(mine[0].message).toContain("SUM");
      expect(serious(res.findings)).toEqual(serious(plain.findings));
    }
  );

  test("text with another unit: the 警告 stays, and those cells get no 提示 besides", () => {
    const other = style.unit === "元" ? "万元" : "元";
    const report = importWorkbook(
      buildVariant(style, { unitText: { kind: "general_budget_expenditure", suffix: other } }).grids
    );
    const res = checkReport(report);
    const cells = new Set(figureCells(report));
    expect(res.findings.filter((f) => f.rule === "input.amount-unit-text")).toHaveLength(1);
    expect(textFindings(res.findings).filter((f) => f.cells.some((c) => cells.has(c)))).toEqual([]);
  });
});
