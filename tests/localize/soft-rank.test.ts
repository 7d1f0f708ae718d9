/**
 * Ties ranked by the rules the search does not keep (tester34 T34-3): the 基本支出 table's 301 breaks after one of its
 * 款 is typed over in 合计 and 人员经费 alike, and every 款 of 301 is an equally good two-cell guess. Lowering 30108 or
 * 30113 below the 2080505 / 2210201 they equal would raise a new 警告 (cross.functional-economic-pairs, a soft
 * identity): those guesses come after the ones that break nothing, and the 款 whose correction brings it back to the
 * figure its 功能 项 prints comes first. Generated in every template where the pairs are compared.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { SheetGrid } from "../../src/core/grid/grid";
import { STYLES, buildVariant } from "../fixtures/variants";
import { mutate } from "../../bench/localization";
import { promises as fs } from "fs";
import path from "path";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";

const PAIRS = "cross.functional-economic-pairs";

/** The styles whose clean variant compares 30108 / 30113 with their 功能 项 (the pairs hold there). */
const compared = STYLES.filter((style) => {
  const res = checkReport(importWorkbook(buildVariant(style).grids), { localize: false });
  return res.identities.filter((i) => i.rule === PAIRS && i.status === "holds").length >= 2;
});

test("the pairs are compared in several templates", () => {
  expect(compared.length).toBeGreaterThanOrEqual(3);
});

/** The 301 款 `code` raised by 0.27 万元 in 合计 and 人员经费: the cause, and the cells of each tied guess in rank order. */
function seeded(style: (typeof STYLES)[number], code: string) {
  const { grids } = buildVariant(style);
  const t = importWorkbook(grids).tables.find((x) => x.kind === "basic_expenditure_economic")!;
  const cellsOf = (c: string) => {
    const line = t.rows.find((r) => r.code === c)!;
    return [line.amounts.total!.cell!, line.amounts.personnel!.cell!];
  };
  const changed = cellsOf(code);
  const d = 0.27 * (style.unit === "元" ? 10000 : 1);
  const g: SheetGrid[] = changed.reduce((x, c) => mutate(x, c, d), grids);
  const res = checkReport(importWorkbook(g), { localize: { budgetMs: 60000 } });
  expect(res.causes).toHaveLength(1);
  const [cause] = res.causes;
  const order = [cause.suspects, ...cause.alternatives].map((s) => s.map((x) => x.cell).sort());
  return { cause, order, changed: [...changed].sort(), cellsOf: (c: string) => cellsOf(c).sort() };
}

describe.each(compared.map((s) => [s.name, s] as const))("%s", (_n, style) => {
  test("30113 typed over: its own line first (back to 2210201's figure), 30108 after every guess that breaks no pair", () => {
    const { cause, order, changed, cellsOf } = seeded(style, "30113");
    expect(order[0]).toEqual(changed);
    expect(cause.message).toContain("较可能的在前");
    expect(order[order.length - 1]).toEqual(cellsOf("30108"));
  });

  test("an unpaired 款 typed over: shown among the first three, the paired 款 last", () => {
    const { order, changed, cellsOf } = seeded(style, "30110");
    const shown = order.slice(0, 3);
    expect(shown).toContainEqual(changed);
    expect(shown).not.toContainEqual(cellsOf("30108"));
    expect(shown).not.toContainEqual(cellsOf("30113"));
    expect(order.slice(-2)).toEqual(expect.arrayContaining([cellsOf("30108"), cellsOf("30113")]));
  });
});

test.each([
  // 表6 30113 住房公积金 +100 千元 in 合计 and 人员经费; 30108 / 30109 equal 表5's 2080505 / 2080506.
  ["guangxi-seeded-comb.xlsx", ["表6!C13", "表6!D13"], true],
  // 表6 by 政府预算经济分类 (501 / 502), 50103 住房公积金 +10 万元: four equal guesses, the 4th by text order was 50103.
  ["beijing-seededecon-gov.xlsx", ["表6!C9", "表6!D9"], false],
])("tester34 %s: the seeded line among the guesses shown", async (name, seeded, first) => {
  const file = path.join(__dirname, "..", "fixtures", "tester34", name);
  const { grids } = await readXlsxBuffer(await fs.readFile(file));
  const res = checkReport(importWorkbook(grids), { localize: { budgetMs: 60000 } });
  expect(res.causes).toHaveLength(1);
  const [cause] = res.causes;
  const order = [cause.suspects, ...cause.alternatives].map((s) => s.map((x) => x.cell).sort());
  expect(order.slice(0, 3)).toContainEqual(seeded);
  if (first) expect(order[0]).toEqual(seeded);
  const said = cause.message.split("疑有误")[0];
  for (const cell of seeded) expect(said).toContain(`${cell}（`);
});
