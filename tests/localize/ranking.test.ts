/**
 * What the reviewer reads first: tied explanations ranked (a correction one typing slip away, or to a rounder figure,
 * before a negative, a token or a less round one), at most a few spelled out ("另有 N 种可能未列出"), and one change that
 * settles two clusters said once (absorb). Generated in every template: one 基本支出 line typed over in its 合计 and
 * 人员经费 columns alike (the two columns' sums break apart; the line's own 合计 = 人员经费 + 公用经费 links them);
 * newcomer 3's m16 (表6 row 9 typed 6009903 for 6009930 in two columns) as the real input.
 */
import { promises as fs } from "fs";
import path from "path";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { STYLES, buildVariant } from "../fixtures/variants";
import { mutate } from "../../bench/localization";

describe.each(STYLES.map((s) => [s.name, s] as const))("%s", (_n, style) => {
  test("a 基本支出 line typed over in 合计 and 人员经费 alike: one cause, that line first, the other ties counted", () => {
    const { grids } = buildVariant(style);
    const t = importWorkbook(grids).tables.find((x) => x.kind === "basic_expenditure_economic")!;
    const line = t.rows.find((r) => r.code === "30102")!;
    const changed = [line.amounts.total.cell, line.amounts.personnel.cell];
    const d = 0.27 * (style.unit === "元" ? 10000 : 1);
    const res = checkReport(importWorkbook(changed.reduce((g, c) => mutate(g, c, d), grids)), {
      localize: { budgetMs: 60000 },
    });
    expect(res.causes).toHaveLength(1);
    const [cause] = res.causes;
    expect(cause.suspects.map((s) => s.cell).sort()).toEqual([...changed].sort());
    expect(cause.explains).toHaveLength(res.findings.filter((f) => f.severity === "error").length);
    // Every other 301 personnel line is an equally good two-cell guess: three are spelled out, the rest counted.
    expect(cause.alternatives.length).toBeGreaterThanOrEqual(3);
    expect(cause.message).toMatch(
      new RegExp(`另有 ${cause.alternatives.length + 1 - 3} 种可能未列出`)
    );
    expect(cause.message.split(" 或 ")).toHaveLength(3);
  });
});

test("newcomer m16 (表6 row 9 transposed digits in two columns): one short cause naming 表6!E9 and F9", async () => {
  const { grids } = await readXlsxBuffer(
    await fs.readFile(
      path.join(__dirname, "..", "fixtures", "newcomer3", "m16-xian-t6-row9-transposed-digits.xlsx")
    )
  );
  const res = checkReport(importWorkbook(grids), { localize: { budgetMs: 60000 } });
  expect(res.causes).toHaveLength(1);
  expect(res.causes[0].suspects.map((s) => `${s.cell}=${s.value}`).sort()).toEqual([
    "表6!E9=6009930",
    "表6!F9=6009930",
  ]);
  expect(res.causes[0].alternatives).toEqual([]);
  expect(res.causes[0].message.length).toBeLessThan(200);
  expect(res.causes[0].explains).toHaveLength(
    res.findings.filter((f) => f.severity === "error").length
  );
});
