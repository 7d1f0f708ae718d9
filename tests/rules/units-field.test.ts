/**
 * naming.unit-magnitude on the field workbooks (samples/field), one table's figures put in the other unit under its
 * printed one (newcomer15 NC15-6): the one 警告 at its unit, and no 错误 between tables quoting figures 10,000× apart.
 * - 广州's 基本支出表 (表6) in 元 under 单位：万元: its lines were paired by code with the 项目支出 table by economic class
 *   (表7) — different money, each pair a "?" that outvoted the ten exact 10,000× pairs.
 * - 西安's 基本支出表 (表8) in 万元 (÷ 10,000, to 0.01) under 单位：元: 西安's 表5 prints 人员经费 | 公用经费, not 基本支出,
 *   so the table's totals had no counterpart.
 */
import { promises as fs } from "fs";
import path from "path";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { parseRef } from "../../src/core/grid/address";
import type { SheetGrid } from "../../src/core/grid/grid";

const dir = path.join(__dirname, "..", "..", "samples", "field");

/** The workbook with every figure of the table on `sheet` mapped by `f` (values and displayed text). */
async function rescaled(name: string, sheet: string, f: (x: number) => number) {
  const { grids } = await readXlsxBuffer(await fs.readFile(path.join(dir, `${name}.xlsx`)));
  const t = importWorkbook(grids).tables.find((x) => x.sheet === sheet)!;
  const g = grids.find((x) => x.sheet === sheet)! as SheetGrid;
  for (const r of t.rows)
    for (const a of Object.values(r.amounts)) {
      if (a.value === null || a.blank) continue;
      const { r0, c0 } = parseRef(a.cell);
      const v = f(a.value);
      g.values[r0 - g.origin.row][c0 - g.origin.col] = v;
      g.text[r0 - g.origin.row][c0 - g.origin.col] = v.toFixed(2);
    }
  return { grids, table: t };
}

test.each([
  ["guangzhou-tongjiju-2026", "表6", (x: number) => Math.round(x * 10000 * 100) / 100],
  ["xian-shenjiju-2026", "表8", (x: number) => Math.round((x / 10000) * 100) / 100],
])("%s %s in the other unit: the unit 警告, no 错误 between tables", async (name, sheet, f) => {
  const { grids, table } = await rescaled(name, sheet, f);
  const found = checkReport(importWorkbook(grids), { localize: false }).findings.filter(
    (x) => x.severity === "error" || x.severity === "warning"
  );
  expect(found.filter((x) => x.rule === "naming.unit-magnitude").map((x) => x.cells[0])).toEqual([
    table.unitCell,
  ]);
  expect(found.filter((x) => x.rule.startsWith("cross.")).map((x) => x.message)).toEqual([]);
});
