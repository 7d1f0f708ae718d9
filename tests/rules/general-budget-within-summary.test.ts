/**
 * Two 项 lines of the 一般公共预算支出表 exchanged (every 款 / 类 / 合计 unchanged) in a department with other money
 * (政府性基金), where no table compares its lines with another one as equal: no 收入总表 by 科目 (a 收入总表 by unit, or
 * none), and the 支出总表 holds more money. The line that grew exceeds the 支出总表's 合计 of the same 科目, which
 * holds every fund: one 错误 of cross.general-budget citing both cells (tester31 T31-1, a 四川 county template). In
 * every generated template; the unchanged workbook raises nothing.
 */
import { promises as fs } from "fs";
import path from "path";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { SheetGrid } from "../../src/core/grid/grid";
import type { Row, Table } from "../../src/core/model/schema";
import { STYLES, buildVariant, type VariantOptions } from "../fixtures/variants";
import { mutate } from "../../bench/localization";

const OPTS: VariantOptions = { govFund: { amount: 12.5 }, omit: ["income_summary"] };

/** Two sibling 项 lines (one 款) of different 合计, the larger first. */
function siblings(t: Table): [Row, Row] {
  const leaves = t.rows.filter((r) => r.code?.length === 7 && r.amounts.total?.value);
  for (const a of leaves)
    for (const b of leaves)
      if (
        a !== b &&
        a.code!.slice(0, 5) === b.code!.slice(0, 5) &&
        a.amounts.total.value! > b.amounts.total.value!
      )
        return [a, b];
  throw new Error(`no two 项 lines of one 款 in ${t.sheet}`);
}

/** The grids with the figures of lines a and b exchanged, column by column. */
function exchanged(grids: SheetGrid[], a: Row, b: Row): SheetGrid[] {
  let g = grids;
  for (const k of Object.keys(a.amounts)) {
    const x = a.amounts[k];
    const y = b.amounts[k];
    if (!x?.value || !y?.value || x.value === y.value) continue;
    g = mutate(g, x.cell, y.value - x.value);
    g = mutate(g, y.cell, x.value - y.value);
  }
  return g;
}

describe.each(STYLES.map((s) => [s.name, s] as const))("%s", (_n, style) => {
  const { grids } = buildVariant(style, OPTS);
  const report = importWorkbook(grids);
  const t5 = report.tables.find((t) => t.kind === "general_budget_expenditure")!;
  const t3 = report.tables.find((t) => t.kind === "expenditure_summary")!;

  test("the unchanged workbook: no 错误 of cross.general-budget", () => {
    const res = checkReport(report, { localize: false });
    expect(res.findings.filter((f) => f.rule === "cross.general-budget")).toEqual([]);
  });

  test("two 项 lines exchanged: the one that grew exceeds the 支出总表's line", () => {
    const [big, small] = siblings(t5);
    const res = checkReport(importWorkbook(exchanged(grids, big, small)), { localize: false });
    const over = res.findings.filter(
      (f) => f.rule === "cross.general-budget" && f.cells[0] === small.amounts.total.cell
    );
    expect(over).toHaveLength(1);
    const whole = t3.rows.find((r) => r.code === small.code)!.amounts.total;
    expect(over[0]).toMatchObject({
      severity: "error",
      cells: [small.amounts.total.cell, whole.cell],
    });
    expect(over[0].message).toMatch(/超过.*支出总表.*同一科目的合计/);
  });
});

test("tester31's 四川 county (收入总表 by 单位): 2101101 / 2101102 exchanged in 表3 found", async () => {
  const file = path.join(__dirname, "../fixtures/tester31/sichuan-county.xlsx");
  const { grids } = await readXlsxBuffer(await fs.readFile(file));
  const res = checkReport(importWorkbook(grids), { localize: false });
  expect(
    res.findings
      .filter((f) => f.rule === "cross.general-budget")
      .map((f) => [f.severity, f.cells, f.actual, f.expected])
  ).toEqual([["error", ["表3!E20", "'表1-2'!F23"], 183000, 62000]]);
});
