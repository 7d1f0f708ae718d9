/**
 * Amounts typed as text with a unit word (2338.24万元, 23,382,400.00元) are read as amounts: the 合计 line stays a
 * body line (not one more header line), the code column stays codes, and when the typed unit is not the table's, one
 * 警告 (input.amount-unit-text) says so. Every generated template, the 一般公共预算支出表 typed so; and the newcomer's
 * 北京 workbook (m25: 13 nonsense 错误 from the code column read as amounts before).
 */
import { promises as fs } from "fs";
import path from "path";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import type { Finding } from "../../src/core/rules/rule";
import { STYLES, buildVariant } from "../fixtures/variants";

const serious = (fs: Finding[]) =>
  fs
    .filter((f) => f.severity === "error" || f.severity === "warning")
    .map((f) => `${f.rule} ${f.message}`);

describe.each(STYLES.map((s) => [s.name, s] as const))(
  "variant %s, 一般公共预算支出表 amounts typed with a unit",
  (_n, style) => {
    const plain = importWorkbook(buildVariant(style).grids);
    const t5of = (r: ReturnType<typeof importWorkbook>) =>
      r.tables.find((t) => t.kind === "general_budget_expenditure")!;

    test("typed with the table's own unit: read as the same figures, same columns, no finding", () => {
      const report = importWorkbook(
        buildVariant(style, {
          unitText: { kind: "general_budget_expenditure", suffix: style.unit },
        }).grids
      );
      const t5 = t5of(report);
      expect(t5.columns.map((c) => c.key)).toEqual(t5of(plain).columns.map((c) => c.key));
      expect(t5.rows.map((r) => [r.code ?? r.key, r.amounts.total?.value])).toEqual(
        t5of(plain).rows.map((r) => [r.code ?? r.key, r.amounts.total?.value])
      );
      expect(serious(checkReport(report).findings)).toEqual([]);
    });

    test("typed with the other unit: the same figures, and one 警告 naming the table's cells", () => {
      const other = style.unit === "元" ? "万元" : "元";
      const report = importWorkbook(
        buildVariant(style, { unitText: { kind: "general_budget_expenditure", suffix: other } })
          .grids
      );
      const t5 = t5of(report);
      expect(t5.rows.map((r) => r.amounts.total?.value)).toEqual(
        t5of(plain).rows.map((r) => r.amounts.total?.value)
      );
      const res = checkReport(report);
      const f = res.findings.filter((x) => x.rule === "input.amount-unit-text");
      expect(f).toHaveLength(1);
      expect(f[0].message).toContain(`带“${other}”`);
      expect(f[0].cells).toContain(t5.rows.find((r) => r.key === "total")!.amounts.total.cell);
      expect(serious(res.findings.filter((x) => x.rule !== "input.amount-unit-text"))).toEqual([]);
    });

    // (The 合计 line, all text, is then taken for one more header line: the code column sits under 科目编码/合计.)
    test("typed with a unit no table prints (亿元): unreadable, yet no code is ever read as an amount", () => {
      const report = importWorkbook(
        buildVariant(style, { unitText: { kind: "general_budget_expenditure", suffix: "亿元" } })
          .grids
      );
      const t5 = t5of(report);
      // The code column as the plain twin reads it (same layout).
      const codeCells = new Set(
        t5of(plain)
          .rows.map((r) => r.codeCell)
          .filter((c): c is string => !!c)
      );
      const codeCols = new Set([...codeCells].map((c) => c.replace(/\d+$/, "")));
      const res = checkReport(report);
      expect(
        res.findings.filter((f) => f.cells.some((c) => codeCols.has(c.replace(/\d+$/, ""))))
      ).toEqual([]);
      expect(
        t5.rows
          .flatMap((r) => Object.values(r.amounts))
          .filter((a) => codeCols.has(a.cell.replace(/\d+$/, "")))
      ).toEqual([]);
    });
  }
);

test("北京 workbook with 表5 typed as 2338.24万元 (newcomer's m25): codes stay codes, no finding", async () => {
  const file = path.join(
    __dirname,
    "..",
    "fixtures",
    "newcomer4",
    "m25-t5-text-with-wanyuan-suffix.xlsx"
  );
  const report = importWorkbook((await readXlsxBuffer(await fs.readFile(file))).grids);
  const t5 = report.tables.find((t) => t.kind === "general_budget_expenditure")!;
  expect(t5.columns.map((c) => c.key)).toEqual(["total", "basic", "project"]);
  expect(t5.rows.find((r) => r.key === "total")?.amounts.total.value).toBe(4103.47);
  expect(serious(checkReport(report).findings)).toEqual([]);
});
