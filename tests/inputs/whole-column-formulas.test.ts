/**
 * Formulas over whole columns written absolute ($C:$C) — how hand-made 收支总表 pull their 类 totals from the 支出总表
 * (=SUMIF('预算公开表3'!$A:$A,"201",'预算公开表3'!$C:$C)); tester35b T35b-13. fast-formula-parser read $C:$C as an
 * empty range: the formula computed 0, so a workbook Excel saved (results stored, right) got 警告 "公式结果未更新",
 * and one without stored results 错误 on correct totals. Files: field case 13's clean workbook with such formulas in
 * 表1 (tests/fixtures/tester35b/, built by the breaker's v_fullcol*.py), with and without the stored results; and one
 * with SUMPRODUCT((LEN(range)=3)*range), which the parser computes as 0 without error: its stored result stands.
 */
import { promises as fs } from "fs";
import path from "path";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { evaluateFormulas } from "../../src/hosts/xlsx/formulas";
import { gridFromRows } from "../../src/core/grid/grid";

const read = async (name: string) => {
  const { grids, notes } = await readXlsxBuffer(
    await fs.readFile(path.join(__dirname, "..", "fixtures", "tester35b", name))
  );
  const result = checkReport(importWorkbook(grids), { localize: false });
  return { grids, notes, result };
};

test("stored results Excel wrote: no formula reported as not recalculated, nothing found", async () => {
  for (const name of ["whole-columns.cached.xlsx", "whole-columns-sumproduct.cached.xlsx"]) {
    const { grids, result } = await read(name);
    expect([name, grids.flatMap((g) => g.staleFormulas ?? [])]).toEqual([name, []]);
    expect([name, result.findings.map((f) => `${f.rule} ${f.message}`)]).toEqual([name, []]);
  }
});

test("no stored results: the whole-column SUMIF computes the 类 total; only the note that formulas were computed", async () => {
  const { grids, notes, result } = await read("whole-columns.uncached.xlsx");
  const t1 = grids.find((g) => g.sheet === "预算公开表1")!;
  // 表1 D6 = SUMIF over 表3's whole columns A and C: the 201 line's 合计 (493.64万元).
  expect(t1.values[5][3]).toBeCloseTo(493.64, 2);
  expect(notes.map((n) => n.severity)).toEqual(["info"]);
  expect(result.findings).toEqual([]);
});

describe("SUMPRODUCT with a function over a range: the stored result stands", () => {
  const grid = () =>
    gridFromRows("表", [
      ["201", 10, 0],
      ["20101", 4, 0],
      ["202", 6, 0],
    ]);
  const run = (formula: string) => {
    const g = grid();
    evaluateFormulas([g], [{ sheet: 0, r: 0, c: 2, formula, stored: 16 }]);
    return g.values[0][2];
  };

  test("function inside a later group of the SUMPRODUCT (the single expression missed it)", () => {
    expect(run("SUMPRODUCT((B1:B3>0)*(LEN(A1:A3)=3)*B1:B3)")).toBe(16);
    expect(run('SUMPRODUCT(--(LEFT(A1:A3,3)="201"),B1:B3)')).toBe(16);
  });

  test("plain SUMPRODUCT and a function after the SUMPRODUCT are computed", () => {
    expect(run("SUMPRODUCT(B1:B3,B1:B3)")).toBe(152);
    expect(run("SUMPRODUCT(B1:B3)+SUM(B1:B2)")).toBe(34);
  });

  test("a long formula full of parentheses that matches nothing is read (the old expression backtracked for minutes)", () => {
    const formula = `SUMPRODUCT(${"ab cd (".repeat(40)}x`;
    expect(run(formula)).toBe(16);
  });
});
