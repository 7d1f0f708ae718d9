/**
 * Amounts kept in 元 but shown as 万元 by a number format with a literal decimal point (newcomer7 z05 / z06: 0!.0000,
 * 0"."0000 — 23382400 printed 2338.2400): the printed table agrees with the others, so no 警告; one 提示 says the
 * cells hold 元. Every generated style in 万元 with numeric amounts, its 一般公共预算支出表 stored so; a wrong 项 line
 * is still found at its cell.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { displayText } from "../../src/core/grid/display";
import { parseRef } from "../../src/core/grid/address";
import type { SheetGrid } from "../../src/core/grid/grid";
import { STYLES, buildVariant } from "../fixtures/variants";

/** Every amount cell of the 一般公共预算支出表 as 元 under `fmt` (its text as Excel shows it); `plus` 万元 added to one. */
function storedInYuan(grids: SheetGrid[], fmt: string, plus?: { cell: string; by: number }) {
  const t5 = importWorkbook(grids).tables.find((t) => t.kind === "general_budget_expenditure")!;
  const cells = t5.rows.flatMap((r) => Object.values(r.amounts)).filter((a) => a.value !== null);
  const at = new Map(cells.map((a) => [a.cell, a.value! + (plus?.cell === a.cell ? plus.by : 0)]));
  return grids.map((g) => {
    const mine = cells.filter((a) => parseRef(a.cell).sheet === g.sheet);
    if (!mine.length) return g;
    const values = g.values.map((r) => r.slice());
    const text = g.text.map((r) => r.slice());
    const numberFormat = g.numberFormat.map((r) => r.slice());
    for (const a of mine) {
      const { r0, c0 } = parseRef(a.cell);
      const [r, c] = [r0 - g.origin.row, c0 - g.origin.col];
      const yuan = Math.round(at.get(a.cell)! * 10000);
      values[r][c] = yuan;
      numberFormat[r][c] = fmt;
      text[r][c] = displayText(yuan, fmt);
    }
    return { ...g, values, text, numberFormat };
  });
}

const findings = (grids: SheetGrid[]) =>
  checkReport(importWorkbook(grids), { localize: false }).findings.filter(
    (f) => f.severity !== "rounding"
  );

describe.each(
  STYLES.filter((s) => s.unit === "万元" && !s.textAmounts).flatMap((s) =>
    ["0!.0000", '0"."0000', "0\\.0000"].map((fmt) => [s.name, fmt, s] as const)
  )
)("一般公共预算支出表 in 元 shown as 万元, %s, %s", (_n, fmt, style) => {
  const { grids } = buildVariant(style);
  const before = findings(grids).map((f) => `${f.rule} ${f.severity}`);

  test("printed 2338.2400: nothing more than the 万元 table, and one 提示 that the cells hold 元", () => {
    const g = storedInYuan(grids, fmt);
    const t5 = importWorkbook(g).tables.find((t) => t.kind === "general_budget_expenditure")!;
    expect(t5.rows.find((r) => r.level === 0)!.amounts.total.text).toMatch(/^\d+\.\d{4}$/);
    const after = findings(g);
    const info = after.filter((f) => f.rule === "naming.unit-magnitude");
    expect(info.map((f) => f.severity)).toEqual(["info"]);
    expect(info[0].message).toMatch(/以“元”存入单元格，用数字格式显示为“万元”/);
    expect(
      after.filter((f) => f.rule !== "naming.unit-magnitude").map((f) => `${f.rule} ${f.severity}`)
    ).toEqual(before);
  });

  test("a 项 line 1 万元 more is an 错误 at its cell", () => {
    const t5 = importWorkbook(grids).tables.find((t) => t.kind === "general_budget_expenditure")!;
    const leaf = t5.rows.find((r) => r.code?.length === 7 && r.amounts.total?.value)!;
    const cell = leaf.amounts.total.cell;
    const errors = findings(storedInYuan(grids, fmt, { cell, by: 1 })).filter(
      (f) => f.severity === "error"
    );
    expect(errors.some((f) => f.cells.includes(cell))).toBe(true);
  });
});
