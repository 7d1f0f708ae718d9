/**
 * An empty table declared so in the workbook's 目录 (是否空表 “是”, a reason column “不涉及”, or “本表无数据”), and not
 * in the table itself, is as declared as one with its own note: no completeness.empty-table 提示 — on every generated
 * template (with and without table labels: matched by label, else by title) and on the Xi'an field workbook
 * (tests/rules/field.test.ts). A table declared empty that holds amounts is still an error.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { STYLES, buildVariant, toGrid } from "../fixtures/variants";
import type { SheetGrid } from "../../src/core/grid/grid";

/** The variant's empty tables say so in a note under the table; take those notes away. */
const EMPTY_NOTES = /^注：(本部门没有政府性基金|本表无数据)/;
function withoutNotes(grids: SheetGrid[]): SheetGrid[] {
  return grids.map((g) => ({
    ...g,
    values: g.values.map((r) =>
      r.map((v) => (typeof v === "string" && EMPTY_NOTES.test(v) ? "" : v))
    ),
    text: g.text.map((r) => r.map((t) => (EMPTY_NOTES.test(t) ? "" : t))),
  }));
}

type Form = "是否空表" | "理由" | "本表无数据";
/** The 目录 sheet again, with the declaration on the rows of `empty` (indexes into its entries) in one of three forms. */
function declare(toc: SheetGrid, empty: Set<number>, form: Form): SheetGrid {
  const [head, ...entries] = toc.values.map((r) => r.map((v) => String(v ?? "")));
  const rows = entries.map((r, i) => {
    const e = r.slice(0, 2);
    if (form === "是否空表")
      return [...e, empty.has(i) ? "是" : "否", empty.has(i) ? "部门无此项收支" : ""];
    if (form === "理由") return [...e, empty.has(i) ? "不涉及" : ""];
    return [...e, empty.has(i) ? "本表无数据" : ""];
  });
  const header = form === "是否空表" ? [["报表", "报表名称", "是否空表", "表格为空的理由"]] : [];
  return toGrid(toc.sheet, [head, ...header, ...rows], []);
}

const emptyInfos = (grids: SheetGrid[]) =>
  checkReport(importWorkbook(grids)).findings.filter((f) => f.rule === "completeness.empty-table");

describe.each(STYLES.map((s, i) => [s.name, s, i] as const))("variant %s", (_n, style, i) => {
  const v = buildVariant({ ...style, contents: true });
  const grids = withoutNotes(v.grids);
  const report = importWorkbook(grids);
  const tocEntries = grids[0].values.length - 1;
  // The 目录 lists the tables in order: entry k is v.expected[k].
  const emptyKinds = new Set(["gov_fund_expenditure", "state_capital"]);
  const empty = new Set(v.expected.flatMap((e, k) => (emptyKinds.has(e.kind) ? [k] : [])));
  const form: Form = (["是否空表", "理由", "本表无数据"] as const)[i % 3];

  test("without any note, the empty tables get the 提示 (the case the 目录 answers)", () => {
    expect(tocEntries).toBe(v.expected.length);
    expect(
      report.tables.filter((t) => emptyKinds.has(t.kind)).every((t) => t.empty && !t.markedEmpty)
    ).toBe(true);
    expect(emptyInfos(grids).map((f) => f.severity)).toEqual(["info", "info"]);
  });

  test(`declared in the 目录 (${form}): marked empty, no 提示`, () => {
    const declared = [declare(grids[0], empty, form), ...grids.slice(1)];
    const r = importWorkbook(declared);
    expect(
      r.tables
        .filter((t) => t.markedEmpty)
        .map((t) => t.kind)
        .sort()
    ).toEqual([...emptyKinds].sort());
    expect(emptyInfos(declared)).toEqual([]);
  });

  test("a table with amounts declared empty in the 目录 is an error", () => {
    const k = v.expected.findIndex((e) => e.kind === "three_public");
    const declared = [declare(grids[0], new Set([...empty, k]), form), ...grids.slice(1)];
    const found = emptyInfos(declared);
    expect(found.map((f) => f.severity)).toEqual(["error"]);
    expect(found[0].message).toMatch(/注明“本表无数据”，但表中有 \d+ 个金额/);
  });
});
