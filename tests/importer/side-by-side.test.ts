/**
 * Tables printed side by side on one sheet (三公 beside 机关运行经费, two small tables on one page): before, the right
 * one was read as columns of the left one (newcomer 3, m30: 11 false 错误). Every generated template, with the tables
 * one empty column apart and adjacent, their titles on one line or the right one's 1 or 2 lines lower (stop 19's
 * leftover: the lower title cut the left table short); then the newcomer's Xi'an file. A wrong figure in the right
 * table is still found.
 */
import { promises as fs } from "fs";
import path from "path";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import type { SheetGrid } from "../../src/core/grid/grid";
import type { Table, TableKind } from "../../src/core/model/schema";
import { bump } from "../fixtures/grid-edit";
import { STYLES, buildVariant, type Style } from "../fixtures/variants";

const serious = (r: ReturnType<typeof checkReport>) =>
  r.findings.filter((f) => f.severity === "error" || f.severity === "warning");
/** Rule and severity of each finding: what must not change when tables only move. */
const kinds = (r: ReturnType<typeof checkReport>) =>
  r.findings.map((f) => `${f.severity} ${f.rule}`).sort();

/** The pairs printed side by side: 三公 with 机关运行经费 (or the project table when 三公 carries it), the two empty funds. */
function pairs(style: Style): Array<[TableKind, TableKind]> {
  return [
    ["three_public", style.threePublicAcross ? "project_expenditure" : "operating_funds"],
    ["gov_fund_expenditure", "state_capital"],
  ];
}

/** The first total's cell, as tests/importer/variants.test.ts reads it. */
function totalCellOf(t: Table): string | undefined {
  const sides = t.rows.filter((r) => r.level === 0 && /total/.test(r.key ?? ""));
  const r =
    sides.find((x) => x.key === "current_income_total") ??
    sides.find((x) => x.key === "total") ??
    sides[0];
  return r && (r.amounts.total ?? Object.values(r.amounts)[0])?.cell;
}

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const plain = checkReport(importWorkbook(buildVariant(style).grids));

  test.each([
    [1, 0],
    [0, 0],
    [1, 1],
    [1, 2],
    [0, 1],
  ])(
    "tables side by side (%i empty columns between, the right one %i lines lower): each recognised, at its cells, no new finding",
    (gap, drop) => {
      const v = buildVariant(style, { beside: { pairs: pairs(style), gap, drop } });
      const report = importWorkbook(v.grids);
      expect(report.tables.map((t) => t.kind)).toEqual(v.expected.map((e) => e.kind));
      v.expected.forEach((e, i) => {
        if (e.totalCell)
          expect({ kind: e.kind, cell: totalCellOf(report.tables[i]) }).toEqual({
            kind: e.kind,
            cell: e.totalCell,
          });
      });
      const res = checkReport(report);
      expect(serious(res)).toEqual([]);
      expect(kinds(res)).toEqual(kinds(plain));
    }
  );

  test.each([0, 2])(
    "a wrong figure in the table on the right (%i lines lower) is reported at its cell",
    (drop) => {
      const v = buildVariant(style, { beside: { pairs: pairs(style), gap: 1, drop } });
      const right = pairs(style)[0][1];
      const cell = v.expected.find((e) => e.kind === right)!.totalCell!;
      bump(v.grids, cell);
      const found = serious(checkReport(importWorkbook(v.grids)));
      expect(found.some((f) => f.severity === "error" && f.cells.includes(cell))).toBe(true);
    }
  );
});

test("Xi'an: the 三公 table copied right of 表10 (m30) is a second table, checked, with the workbook's own findings", async () => {
  const read = async (f: string) => (await readXlsxBuffer(await fs.readFile(f))).grids;
  const fixtures = path.join(__dirname, "..", "fixtures");
  const side = importWorkbook(
    await read(path.join(fixtures, "newcomer3", "m30-xian-t10-plus-sangong-side-by-side.xlsx"))
  );
  const t10 = side.tables.filter((t) => t.sheet === "表10");
  expect(t10.map((t) => `${t.range} ${t.kind}`)).toEqual([
    "A1:D17 project_expenditure",
    "G1:AI10 three_public",
  ]);
  expect(t10[1].rows.length).toBe(side.tables.find((t) => t.sheet === "表13")!.rows.length);
  const xian = checkReport(
    importWorkbook(await read(path.join(fixtures, "field", "xian-shenjiju-2026.xlsx")))
  );
  // Plus the one 提示 that the workbook prints the 三公 table twice (completeness.duplicate-tables).
  const found = checkReport(side).findings;
  expect(
    found.filter((f) => f.rule === "completeness.duplicate-tables").map((f) => f.cells)
  ).toEqual([["表10!G1", "表13!A1"]]);
  expect(
    found.filter((f) => f.rule !== "completeness.duplicate-tables").map((f) => f.message)
  ).toEqual(xian.findings.map((f) => f.message));
});

/** The grid with an empty column inserted before grid column c (merges across it widened, those right of it moved). */
function withEmptyColumn(g: SheetGrid, c: number): SheetGrid {
  const ins = <T>(rows: T[][], blank: T) =>
    rows.map((r) => [...r.slice(0, c), blank, ...r.slice(c)]);
  const merges = g.merges.map((m) => ({
    ...m,
    c0: m.c0 >= c ? m.c0 + 1 : m.c0,
    c1: m.c1 >= c ? m.c1 + 1 : m.c1,
  }));
  return {
    ...g,
    values: ins(g.values, ""),
    text: ins(g.text, ""),
    numberFormat: ins(g.numberFormat, "General"),
    merges,
  };
}

test.each(STYLES.filter((s) => !s.stacked).map((s) => [s.name, s] as const))(
  "variant %s: one table with an empty spacer column inside is never cut",
  (_n, style) => {
    const v = buildVariant(style);
    const plain = checkReport(importWorkbook(v.grids));
    // An empty column in the middle of every table (between the 收入 and 支出 halves of a 收支总表, inside a band …).
    const spaced = v.grids.map((g) =>
      withEmptyColumn(g, Math.max(1, Math.floor((g.values[g.values.length - 1]?.length ?? 2) / 2)))
    );
    const report = importWorkbook(spaced);
    expect(report.tables.map((t) => t.kind)).toEqual(v.expected.map((e) => e.kind));
    expect(kinds(checkReport(report))).toEqual(kinds(plain));
  }
);
