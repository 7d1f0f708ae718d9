/**
 * A table printed in whole 万元 (format "0") beside tables printing 0.01 万元, every generated template in 万元 (the
 * 支出总表 and the 一般公共预算支出表 in turn, each figure the plain figure to its nearest 万元): its lines differ from the
 * other tables' within ½ 万元 each — dozens of cross-table 尾差 of one cause. They are one 尾差 for the table, citing
 * every compared cell with its own sentence; a figure of the table off by more than the rounding stays an 错误.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Finding } from "../../src/core/rules/rule";
import { mutate } from "../../bench/localization";
import { STYLES, buildVariant, wholeSheet } from "../fixtures/variants";
import { buildUnitSets } from "../fixtures/unit-sets";
import { serious } from "../helpers";

const check = (grids: ReturnType<typeof buildVariant>["grids"]) =>
  checkReport(importWorkbook(grids), { localize: false });
const crossTails = (fs: Finding[]) =>
  fs.filter((f) => f.severity === "rounding" && f.rule.startsWith("cross."));

const cases = STYLES.filter((s) => !s.textAmounts && s.unit === "万元").flatMap((style) =>
  (["expenditure_summary", "general_budget_expenditure"] as const).map(
    (kind) => [style.name, kind, style] as const
  )
);

describe.each(cases)("variant %s, %s in whole 万元", (_n, kind, style) => {
  const plain = buildVariant(style).grids;
  const table = importWorkbook(plain).tables.find((t) => t.kind === kind)!;
  const whole = wholeSheet(plain, table.sheet);
  const onSheet = (c: string) => c.replace(/^'|'?![A-Z]+\d+$/g, "") === table.sheet;
  const res = check(whole);

  test("the table's figures print whole, some lines now differ from the other tables", () => {
    const t = importWorkbook(whole).tables.find((x) => x.kind === kind)!;
    const figures = t.rows.flatMap((r) => Object.values(r.amounts)).filter((a) => !a.blank);
    expect(figures.length).toBeGreaterThan(10);
    expect(figures.every((a) => a.decimals === 0)).toBe(true);
    expect(check(plain).findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  test("one 尾差 for the table, citing every compared cell with its own sentence; no 错误", () => {
    expect(serious(res.findings)).toEqual([]);
    const tails = crossTails(res.findings).filter((f) => f.cells.some(onSheet));
    expect(tails).toHaveLength(1);
    const [f] = tails;
    expect(f.message).toContain("整数万元");
    expect(f.message).toContain("0.01万元");
    expect(f.cells.filter(onSheet).length).toBeGreaterThan(10);
    expect(f.cells.some((c) => !onSheet(c))).toBe(true);
    expect(f.details).toHaveLength(f.cells.length);
    for (const d of f.details!) expect(d).toMatch(/≠.*属尾差/);
    expect(new Set(f.cells).size).toBe(f.cells.length);
  });

  test("the identities of the grouped comparisons report the table's 尾差", () => {
    const i = res.findings.findIndex((f) => f.details && f.rule.startsWith("cross."));
    expect(i).toBeGreaterThanOrEqual(0);
    const rounding = res.identities.filter(
      (x) => x.rule.startsWith("cross.") && x.status === "rounding"
    );
    expect(rounding.length).toBeGreaterThan(10);
    for (const x of rounding) expect(x.findings.every((k) => k < res.findings.length)).toBe(true);
    expect(rounding.filter((x) => x.findings[0] === i).length).toBeGreaterThan(10);
  });

  test("a line or the 合计 of the table off by 2 万元 is an 错误 at its cell", () => {
    const t = importWorkbook(whole).tables.find((x) => x.kind === kind)!;
    const total = t.rows.find((r) => r.key === "total" || /合计/.test(r.label))!.amounts.total!;
    const line = t.rows.find((r) => r.level === 1 && r.amounts.total?.value)!.amounts.total!;
    for (const cell of [total.cell, line.cell]) {
      const found = check(mutate(whole, cell, 2)).findings;
      expect(found.some((f) => f.severity === "error" && f.cells.includes(cell))).toBe(true);
      // The rest of the table's rounding is still said, once.
      expect(crossTails(found).filter((f) => f.details).length).toBeLessThanOrEqual(1);
    }
  });
});

describe.each(
  STYLES.filter((s) => !s.textAmounts && s.unit === "万元").map((s) => [s.name, s] as const)
)("variant %s: a 单位's 支出总表 in whole 万元 after the 部门's set", (_n, style) => {
  const { grids, sets } = buildUnitSets(style, "sheet", 1);
  const unitSheets = new Set(sets[1].grids.map((g) => g.sheet));
  const table = importWorkbook(sets[1].grids).tables.find((t) => t.kind === "expenditure_summary")!;
  const res = check(wholeSheet(grids, table.sheet));

  test("one 尾差 for that table, named with its 单位, citing only that set's cells", () => {
    expect(serious(res.findings)).toEqual([]);
    const tails = crossTails(res.findings);
    expect(tails).toHaveLength(1);
    expect(tails[0].message).toMatch(new RegExp(`^【${sets[1].printed}】`));
    expect(tails[0].message).toContain("整数万元");
    const sheetOf = (c: string) => c.replace(/^'|'?![A-Z]+\d+$/g, "");
    expect(tails[0].cells.every((c) => unitSheets.has(sheetOf(c)))).toBe(true);
  });
});
