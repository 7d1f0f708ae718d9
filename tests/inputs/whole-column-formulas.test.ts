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
