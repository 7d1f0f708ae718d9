/**
 * A functional table printed without codes (names only, the Zhejiang kind of template) is read by the standard names:
 * 其他社会保障和就业支出 is both 款 20899 and its 项 2089999, and the line of that name right under the 款 is the 项 —
 * it was read as a second 款 (false 类 ≠ Σ款 errors and a 款 "without 项" warning; newcomer 3, m40); 229 其他支出 ›
 * 22999 其他支出 › 2299999 其他支出 were three 类. The field
 * workbooks' tables that print functional codes in a column, with those cells emptied, give the errors and warnings
 * they give with codes.
 */
import { promises as fs } from "fs";
import path from "path";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { SheetGrid } from "../../src/core/grid/grid";
import { parseRef } from "../../src/core/grid/address";

const dir = path.join(__dirname, "..", "..", "samples", "field");
const serious = (grids: SheetGrid[]) =>
  checkReport(importWorkbook(grids))
    .findings.filter((f) => f.severity === "error" || f.severity === "warning")
    .map((f) => `${f.rule} ${f.cells[0]}`);

// Hangzhou prints codes in the name cells (编码 名称): nothing to empty there.
test.each(["guangzhou-tongjiju-2026", "xian-shenjiju-2026"])("%s: functional tables without their codes", async (name) => {
  const { grids } = await readXlsxBuffer(await fs.readFile(path.join(dir, `${name}.xlsx`)));
  const report = importWorkbook(grids);
  // The code cells of every table that prints functional codes in a column of their own.
  const coded = report.tables.filter((t) => t.rows.some((r) => r.codeCell && r.codeSystem === "functional"));
  expect(coded.length).toBeGreaterThan(0);
  const cells = coded.flatMap((t) => t.rows.flatMap((r) => (r.codeCell ? [parseRef(r.codeCell)] : [])));
  const names = grids.map((g) => {
    const here = cells.filter((p) => p.sheet === g.sheet);
    if (!here.length) return g;
    const values = g.values.map((row) => row.slice());
    const text = g.text.map((row) => row.slice());
    for (const p of here) [values[p.r0][p.c0], text[p.r0][p.c0]] = ["", ""];
    return { ...g, values, text };
  });
  const without = importWorkbook(names);
  expect(without.tables.flatMap((t) => t.rows.filter((r) => r.codeCell && r.codeSystem === "functional"))).toEqual([]);
  // Left: a 项 whose printed name is not the standard one (广州 表3 专项统计业务 …) gets no code, so the code-set
  // comparison with a table that prints codes cannot pair it (cross.code-sets) — see the closing note of stop 18.
  const notCodeSets = (xs: string[]) => xs.filter((x) => !x.startsWith("cross.code-sets"));
  expect(notCodeSets(serious(names))).toEqual(notCodeSets(serious(grids)));
});
