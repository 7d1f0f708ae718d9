/**
 * A table of whole 万元 typed without number formats (General, as PDF-retyped workbooks are) beside tables printing
 * 0.01 万元 (tester32 T32-10): read in whole units like its formatted twin ("0"), so its lines within ½ 万元 of the other
 * tables' are one 尾差, not 错误. The other way: an exact whole-figure table in General (a 三公 table of 2 / 3, or the
 * plain figures written in General) keeps the other tables' precision and a 1 万元 difference stays an 错误.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { mutate } from "../../bench/localization";
import {
  STYLES,
  buildVariant,
  centsWorkbook,
  generalSheet,
  wholeSheet,
} from "../fixtures/variants";
import { serious } from "../helpers";

const check = (grids: ReturnType<typeof buildVariant>["grids"]) =>
  checkReport(importWorkbook(grids), { localize: false });

const cases = STYLES.filter((s) => !s.textAmounts && s.unit === "万元").flatMap((style) =>
  (["income_expenditure_summary", "expenditure_summary"] as const).map(
    (kind) => [style.name, kind, style] as const
  )
);

describe.each(cases)("variant %s: %s in whole 万元, General format", (_n, kind, style) => {
  const plain = buildVariant(style).grids;
  const table = importWorkbook(plain).tables.find((t) => t.kind === kind);
  const run = table ? test : test.skip;
  const sheet = table?.sheet ?? "";
  const general = table ? generalSheet(wholeSheet(plain, sheet), sheet) : plain;
  const figuresOf = (grids: typeof plain) =>
    importWorkbook(grids)
      .tables.find((t) => t.kind === kind)!
      .rows.flatMap((r) => Object.values(r.amounts))
      .filter((a) => !a.blank);

  run("read in whole units like the '0'-formatted twin: 尾差, no 错误", () => {
    expect(figuresOf(general).every((a) => a.decimals === 0)).toBe(true);
    expect(serious(check(general).findings)).toEqual(
      serious(check(wholeSheet(plain, sheet)).findings)
    );
    expect(serious(check(general).findings)).toEqual([]);
  });

  run("the exact figures in General keep the other tables' decimals; +1 万元 is an 错误", () => {
    const exact = generalSheet(plain, sheet);
    expect(figuresOf(exact).every((a) => a.decimals >= 2)).toBe(true);
    const line = importWorkbook(exact)
      .tables.find((t) => t.kind === kind)!
      .rows.find((r) => r.level === 1 && r.amounts.total?.value)!.amounts.total!;
    const found = check(mutate(exact, line.cell, 1)).findings;
    expect(found.some((f) => f.severity === "error" && f.cells.includes(line.cell))).toBe(true);
  });
});

/**
 * The same to one decimal (tester33 T33-4: a 收支总表 retyped to 0.1万元 — 8104.5 / 318.6 beside tables printing
 * 8104.46 / 318.62; the variants' figures ×1.1 to have cents): read to 0.1 like its "0.0"-formatted twin, its differences of less than 0.05万元 one 尾差, not
 * 错误 at ±0.01; a line 1 万元 off is still an 错误.
 */
describe.each(cases)("variant %s: %s to 0.1 万元, General format", (_n, kind, style) => {
  const plain = centsWorkbook(buildVariant(style).grids);
  const table = importWorkbook(plain).tables.find((t) => t.kind === kind);
  const run = table ? test : test.skip;
  const sheet = table?.sheet ?? "";
  const tenth = wholeSheet(plain, sheet, 1);
  const general = table ? generalSheet(tenth, sheet) : plain;
  const figures = table
    ? importWorkbook(general)
        .tables.find((t) => t.kind === kind)!
        .rows.flatMap((r) => Object.values(r.amounts))
        .filter((a) => !a.blank)
    : [];

  run("read to 0.1 like the '0.0'-formatted twin: 尾差, no 错误", () => {
    expect(figures.every((a) => a.decimals === 1)).toBe(true);
    expect(serious(check(general).findings)).toEqual(serious(check(tenth).findings));
    expect(serious(check(plain).findings)).toEqual([]);
    expect(serious(check(general).findings)).toEqual([]);
  });

  run("a line 1 万元 off is still an 错误", () => {
    const line = importWorkbook(general)
      .tables.find((t) => t.kind === kind)!
      .rows.find((r) => r.level === 1 && r.amounts.total?.value)!.amounts.total!;
    const found = check(mutate(general, line.cell, 1)).findings;
    expect(found.some((f) => f.severity === "error" && f.cells.includes(line.cell))).toBe(true);
  });
});
