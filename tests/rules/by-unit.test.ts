/**
 * Tables by unit — a 合计 line, each 部门 line, then its 单位 lines (Xi'an 117 / 117001, both 西安市审计局; Hangzhou
 * 杭州市气象局 as 部门 and again as its own office): one changed figure is one error at that cell, whether it sits on
 * the 合计 line, a 部门 line or a 单位 line. Before: the “三公” table across kept only the 部门 lines as unit columns
 * (a changed 单位 line was never compared: newcomer 3's m26, a miss), took the first line with a figure for its 合计
 * (合计 printed last: the units were lost), never compared one 部门 with the 合计 nor the “三公” 小计 with its items; a
 * project list of 3 部门 › 6 单位 › 12 projects ran the search of structuralLevels past its limit and was read flat;
 * the 部门 line of an indented list, or of a list with its 合计 last, was taken for a second total.
 * Generated: 收入总表, 支出总表, “三公” across and 项目支出表, in four layouts (unit codes, names only, indented, 合计 last),
 * 1–3 单位 per 部门 and 1–3 部门 (tests/fixtures/by-unit.ts); the “三公” table also in 上年 | 当年 | 增减 bands (its 上年 and
 * 增减 figures were dropped by the transposition: Xi'an 表13's 36 of 57 figures compared with nothing).
 */
import { promises as fs } from "fs";
import path from "path";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { CheckResult } from "../../src/core/rules/rule";
import type { SheetGrid } from "../../src/core/grid/grid";
import { mutate } from "../../bench/localization";
import {
  UNIT_BANDS,
  UNIT_KINDS,
  UNIT_LAYOUTS,
  UNIT_TREES,
  buildUnitTable,
} from "../fixtures/by-unit";

const serious = (res: CheckResult) =>
  res.findings.filter((f) => f.severity === "error" || f.severity === "warning");
const soleSuspect = (res: CheckResult) =>
  res.causes
    .filter((c) => c.suspects.length === 1 && c.alternatives.length === 0)
    .map((c) => c.suspects[0].cell);

/** One figure changed: every new error or warning cites it, and a cause names it alone. */
function oneError(grids: SheetGrid[], cell: string, delta: number, before: Set<string>) {
  const res = checkReport(importWorkbook(mutate(grids, cell, delta)));
  const found = serious(res).filter((f) => !before.has(f.message));
  return {
    cell,
    seen: found.length > 0,
    elsewhere: found.filter((f) => !f.cells.includes(cell)).map((f) => f.message),
    named: soleSuspect(res).includes(cell),
  };
}

// The “三公” table across also printed in 上年 | 当年 | 增减 bands (Xi'an 表13; 2025年预算数 | 2026年预算数 | 增减):
// before, the transposition kept this year's band only, so a changed figure of the other two was never compared.
const CASES = [
  ...UNIT_KINDS.flatMap((kind) =>
    UNIT_LAYOUTS.flatMap((layout) =>
      UNIT_TREES.map((tree) => [kind, layout, tree, undefined] as const)
    )
  ),
  ...UNIT_BANDS.flatMap((bands) =>
    UNIT_LAYOUTS.flatMap((layout) =>
      UNIT_TREES.map((tree) => ["three_public", layout, tree, bands] as const)
    )
  ),
].map(
  ([kind, layout, tree, bands]) =>
    [
      `${kind} ${layout} ${tree.join("+")}${bands ? ` ${bands} bands` : ""}`,
      kind,
      layout,
      tree,
      bands,
    ] as const
);

describe.each(CASES)("%s", (_name, kind, layout, tree, bands) => {
  const v = buildUnitTable(kind, layout, tree, 7, bands);
  const base = checkReport(importWorkbook(v.grids));
  const before = new Set(base.findings.map((f) => f.message));

  test("as generated: no error or warning on the table", () => {
    expect(serious(base).filter((f) => f.cells.some((c) => c.startsWith("表1!")))).toEqual([]);
  });

  test("each figure +7: one error at that cell, none elsewhere, the cause names it alone", () => {
    for (const cell of v.amountCells)
      expect(oneError(v.grids, cell, 7, before)).toEqual({
        cell,
        seen: true,
        elsewhere: [],
        named: true,
      });
  });
});

// Messages name a “三公” table by unit as it is printed: the unit is the line, the item the column (newcomer6 h10 read
// 「合计」行「北京市审计局」: the table's transposed rows and columns).
describe.each(UNIT_LAYOUTS.map((l) => [l] as const))("三公 by unit, %s: messages", (layout) => {
  test("each figure +7: within.row-units names 「unit」行「item」", () => {
    const v = buildUnitTable("three_public", layout, [2, 1], 7);
    const t = importWorkbook(v.grids).tables.find((x) => x.kind === "three_public")!;
    const units = new Set([
      "合计",
      ...t.columns.filter((c) => c.key.startsWith("byunit_")).map((c) => c.label),
    ]);
    const items = new Set(t.rows.map((r) => r.label));
    let seen = 0;
    for (const cell of v.amountCells)
      for (const f of checkReport(importWorkbook(mutate(v.grids, cell, 7)), {
        localize: false,
      }).findings.filter((x) => x.rule === "within.row-units")) {
        const m = /「([^」]+)」行「([^」]+)」/.exec(f.message)!;
        expect([units.has(m[1]), items.has(m[2]), m[1], m[2]]).toEqual([true, true, m[1], m[2]]);
        seen++;
      }
    expect(seen).toBeGreaterThan(0);
  });
});

const fixtures = path.join(__dirname, "..", "fixtures");
const field = path.join(__dirname, "..", "..", "samples", "field");

// Newcomer 3's files (copies of the field workbooks with one cell changed).
test.each([
  ["m20-xian-t13-O8-jiedai-25000", "表13!O8"],
  ["m26-xian-t13-O10-unit-row-25000", "表13!O10"],
  ["m27-xian-t2-D9-unit-row-plus1000", "表2!D9"],
  ["h03-hz-t2-D8-unit-plus1", "表2!D8"],
])("newcomer 3's %s: errors cite %s only, one cause names it alone", async (name, cell) => {
  const { grids } = await readXlsxBuffer(
    await fs.readFile(path.join(fixtures, "newcomer3", `${name}.xlsx`))
  );
  const res = checkReport(importWorkbook(grids));
  const found = serious(res);
  expect(found.length).toBeGreaterThan(0);
  expect(found.filter((f) => !f.cells.includes(cell)).map((f) => f.message)).toEqual([]);
  expect(soleSuspect(res)).toEqual([cell]);
});

// The 三公 table of Xi'an (上年 | 当年 | 增减 bands; 合计, 117, 117001): each figure of every band changed in turn.
test("xian 表13: each figure of the 上年, 当年 and 增减 bands on the 合计, 部门 and 单位 lines +7 is one error at that cell", async () => {
  const { grids } = await readXlsxBuffer(
    await fs.readFile(path.join(field, "xian-shenjiju-2026.xlsx"))
  );
  const report = importWorkbook(grids);
  const before = new Set(checkReport(report).findings.map((f) => f.message));
  const t13 = report.tables.find((t) => t.kind === "three_public")!;
  expect(t13.columns.map((c) => c.label)).toEqual([
    "预算数",
    "西安市审计局",
    "西安市审计局（本级）",
    "上年",
    "西安市审计局（上年）",
    "西安市审计局（本级）（上年）",
    "增减变化情况",
    "西安市审计局（增减变化情况）",
    "西安市审计局（本级）（增减变化情况）",
  ]);
  const cells = t13.rows
    .flatMap((r) => Object.values(r.amounts))
    .filter((a) => !a.blank && a.value !== 0)
    .map((a) => a.cell);
  // Per line 7 figures of 上年 (C–K), 7 of 当年 (L–T), 5 of 增减 (U–AC, negative); 36 of them were compared with nothing.
  expect(cells.length).toBe(57);
  expect(new Set(cells.map((c) => c.replace(/^.*?(\d+)$/, "$1")))).toEqual(
    new Set(["8", "9", "10"])
  );
  for (const cell of cells)
    expect(oneError(grids, cell, 7, before)).toEqual({
      cell,
      seen: true,
      elsewhere: [],
      named: true,
    });
});
