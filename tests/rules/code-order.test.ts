/**
 * Rows printed out of code order: a 项 belongs to the 款 whose code prefixes it, wherever it is printed
 * (hierarchy.parent-children by code, not by place). Every generated template that prints codes, with one 项 line
 * moved to the end of the 收入总表, 支出总表 and 一般公共预算支出表 (under another 类's last 款 by its place): the
 * published figures raise nothing, and a wrong figure on the moved line is reported at its own 款. Also the
 * newcomer's 北京 workbook with 2010804 printed after the 20139 lines (m55).
 */
import { promises as fs } from "fs";
import path from "path";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import type { Report, Row, Table } from "../../src/core/model/schema";
import type { Finding } from "../../src/core/rules/rule";
import { STYLES, buildVariant } from "../fixtures/variants";
import { mutate } from "../../bench/localization";
import { childrenByCode } from "../../src/core/rules/hierarchy";

const MOVED = "2010602";
const serious = (fs: Finding[]) =>
  fs
    .filter((f) => f.severity === "error" || f.severity === "warning")
    .map((f) => `${f.rule} ${f.message}`);
const CODED = STYLES.filter((s) => s.codeLayout !== "names");
const functional = (r: Report): Table[] =>
  r.tables.filter((t) =>
    ["income_summary", "expenditure_summary", "general_budget_expenditure"].includes(t.kind)
  );
const rowOf = (t: Table, code: string): Row => t.rows.find((r) => r.code === code)!;

describe.each(CODED.map((s) => [s.name, s] as const))(
  "variant %s: one 项 printed last",
  (_n, style) => {
    const { grids } = buildVariant(style, { movedLine: MOVED });
    const report = importWorkbook(grids);

    test("the moved line is read last, and its 款 still adds up by code: no finding", () => {
      for (const t of functional(report)) {
        const coded = t.rows.filter((r) => r.code);
        expect(coded[coded.length - 1].code).toBe(MOVED);
        const kids = childrenByCode(t.rows);
        expect(kids(t.rows.indexOf(rowOf(t, "20106"))).map((r) => r.code)).toContain(MOVED);
        expect(kids(t.rows.indexOf(rowOf(t, "22102"))).map((r) => r.code)).toEqual(["2210201"]);
      }
      expect(serious(checkReport(report).findings)).toEqual([]);
    });

    test("a wrong figure on the moved line is its own 款's error, not the 款 printed above it", () => {
      const t3 = report.tables.find((t) => t.kind === "expenditure_summary")!;
      const cell = rowOf(t3, MOVED).amounts.project.cell;
      const after = checkReport(importWorkbook(mutate(grids, cell, 10)));
      const hier = after.findings.filter(
        (f) => f.rule === "hierarchy.parent-children" && f.cells.includes(cell)
      );
      expect(hier.length).toBeGreaterThan(0);
      expect(hier.every((f) => f.cells[0] === rowOf(t3, "20106").amounts.project.cell)).toBe(true);
      const k22102 = Object.values(rowOf(t3, "22102").amounts).map((a) => a.cell);
      expect(
        after.findings.filter(
          (f) => f.rule.startsWith("hierarchy.") && f.cells.some((c) => k22102.includes(c))
        )
      ).toEqual([]);
    });
  }
);

test("北京 workbook with 2010804 printed after the 20139 lines (newcomer's m55): no hierarchy error", async () => {
  const file = path.join(
    __dirname,
    "..",
    "fixtures",
    "newcomer4",
    "m55-rows-out-of-code-order.xlsx"
  );
  const { grids } = await readXlsxBuffer(await fs.readFile(file));
  const res = checkReport(importWorkbook(grids));
  expect(res.findings.filter((f) => f.severity === "error")).toEqual([]);
});
