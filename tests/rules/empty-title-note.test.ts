/**
 * tester34 T34-12: a table whose title says it is empty (2026年政府性基金预算财政拨款支出表（本部门无此项支出）) and whose
 * body holds no amount is declared empty — no 提示 “没有任何金额，但未注明“本表无数据””; the title's cell stands for
 * the statement. Without the words in the title (and with no note line) the 提示 stays. Every generated template,
 * on its empty 政府性基金预算支出表 (its note line taken away).
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { SheetGrid } from "../../src/core/grid/grid";
import { STYLES, buildVariant } from "../fixtures/variants";
import { table } from "../helpers";

const NOTE = "注：本部门没有政府性基金预算拨款安排的支出，本表为空表。";

/** The grids with the fund table's note line emptied and `words` added to its title. */
function retitled(grids: SheetGrid[], words: string): SheetGrid[] {
  // The style's own title of the table (政府性基金预算支出表 / 政府基金预算支出情况表 …), as read.
  const title = table(importWorkbook(grids), "gov_fund_expenditure").title;
  return grids.map((g) => {
    if (!g.values.some((row) => row.includes(NOTE))) return g;
    const edit = (x: string) => (x === NOTE ? "" : x.endsWith(title) ? x + words : x);
    return {
      ...g,
      values: g.values.map((row) => row.map((v) => (typeof v === "string" ? edit(v) : v))),
      text: g.text.map((row) => row.map(edit)),
    };
  });
}

describe.each(STYLES.map((s) => [s.name, s] as const))("%s", (_n, st) => {
  const grids = buildVariant(st).grids;
  const emptyTable = (words: string) => {
    const report = importWorkbook(retitled(grids, words));
    const t = table(report, "gov_fund_expenditure");
    const said = checkReport(report, { localize: false }).findings.filter(
      (f) => f.rule === "completeness.empty-table"
    );
    return { t, said };
  };

  test("the title says （本部门无此项支出）: declared empty, nothing said", () => {
    const { t, said } = emptyTable("（本部门无此项支出）");
    expect(t.title).toContain("本部门无此项支出");
    expect(t.markedEmpty).toBe(true);
    expect(t.emptyNoteCell).toBeDefined();
    expect(said).toEqual([]);
  });

  test("the title without it: the 提示 asks for the statement", () => {
    const { t, said } = emptyTable("");
    expect(t.markedEmpty).toBe(false);
    expect(said.map((f) => f.severity)).toEqual(["info"]);
  });
});
