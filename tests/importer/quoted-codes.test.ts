/**
 * 科目编码 cells with a stray quote mark before the digits ('2080505, ’2080505 — tester35b T35b-2), every generated
 * template: before, the cell was no code, the row became a 类 and the tables' sums failed (5 false 错误 on a clean
 * workbook). Now the code is the digits: levels and codes are the plain workbook's, nothing new is reported but one
 * 提示 citing the marked code cells; a 项's 合计 +7 is still a 错误 at its cell.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import type { Table } from "../../src/core/model/schema";
import { checkReport } from "../../src/core/rules/engine";
import type { Finding } from "../../src/core/rules/rule";
import { mutate } from "../../bench/localization";
import { STYLES, buildVariant, quoteCodes } from "../fixtures/variants";
import { serious } from "../helpers";

const key = (f: Finding) => `${f.rule} ${f.severity} ${f.cells.join(",")}`;
const codes = (t: Table) => t.rows.map((r) => `${r.code ?? ""}:${r.level}`);

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const plainGrids = buildVariant(style).grids;
  const plain = importWorkbook(plainGrids);
  const plainFound = serious(checkReport(plain, { localize: false }).findings)
    .map(key)
    .sort();

  describe.each(["'", "’"])("mark %s", (mark) => {
    const grids = quoteCodes(plainGrids, mark);
    const report = importWorkbook(grids);
    const found = checkReport(report, { localize: false }).findings;
    const marked = report.tables.flatMap((t) =>
      t.rows.filter((r) => r.printedCode?.startsWith(mark))
    );

    test("the grids were marked; every table's codes and levels are the plain workbook's", () => {
      expect(
        grids.some((g) =>
          g.values.some((row) => row.some((v) => typeof v === "string" && v.startsWith(mark)))
        )
      ).toBe(true);
      expect(report.tables.map((t) => t.kind)).toEqual(plain.tables.map((t) => t.kind));
      report.tables.forEach((t, i) => expect(codes(t)).toEqual(codes(plain.tables[i])));
    });

    test("nothing new but one 提示 citing the code cells that carry the mark", () => {
      expect(serious(found).map(key).sort()).toEqual(plainFound);
      const tips = found.filter((f) => f.rule === "naming.code-format" && /撇号/.test(f.message));
      if (marked.length) {
        expect(tips).toHaveLength(1);
        expect(tips[0].severity).toBe("info");
        expect(tips[0].cells).toEqual(marked.map((r) => r.codeCell));
      } else expect(tips).toHaveLength(0);
    });

    test("a 项's 合计 +7 in the 一般公共预算支出表: a 错误 citing it", () => {
      const t5 = report.tables.find((t) => t.kind === "general_budget_expenditure")!;
      const xiang = t5.rows.find((r) => r.level === 3 && r.amounts.total?.value)!;
      const cell = xiang.amounts.total!.cell;
      const err = serious(
        checkReport(importWorkbook(mutate(grids, cell, t5.unit === "元" ? 70000 : 7)), {
          localize: false,
        }).findings
      );
      expect(err.some((f) => f.severity === "error" && f.cells.includes(cell))).toBe(true);
    });
  });
});
