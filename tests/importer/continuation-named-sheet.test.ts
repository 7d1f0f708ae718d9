/**
 * T29-4: a table's last lines on a sheet of their own with neither title nor header (a PDF converted page per sheet, a
 * print split without 打印标题), that sheet named the table's continuation (预算公开表3(续)) but appended at the end of
 * the workbook, not right after the table. It was 未识别, the table read short: 5 false 错误 (合计 ≠ Σ 类, 表1 vs 表3), and
 * a wrong figure on it never checked. For every template printing its tables on sheets of their own: the workbook gives
 * the plain one's findings, a wrong figure on the continuation sheet is found at its cell, and a header-less sheet that
 * nothing ties to a table (unrelated numbers, or named 续 of a table its codes do not go on from) is not joined.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { parseRef } from "../../src/core/grid/address";
import type { SheetGrid } from "../../src/core/grid/grid";
import type { Report, TableKind } from "../../src/core/model/schema";
import { bump } from "../fixtures/grid-edit";
import { joinedKinds, tableLines } from "../helpers";
import { STYLES, buildVariant, type VariantOptions } from "../fixtures/variants";

type Result = ReturnType<typeof checkReport>;
const serious = (r: Result) =>
  r.findings.filter((f) => f.severity === "error" || f.severity === "warning");
const kinds = joinedKinds;
const lines = tableLines;
const sheetOf = (ref: string) => parseRef(ref).sheet;

const CONTINUED: TableKind[] = ["expenditure_summary", "basic_expenditure_economic"];
const BARE: VariantOptions = { continued: { kinds: CONTINUED, named: true, bare: true } };
const isCont = (g: SheetGrid) => /续/.test(g.sheet);

/** The grids with the continuation sheets moved to the end of the workbook (as appended by hand or a converter). */
const atEnd = (grids: SheetGrid[]) => [
  ...grids.filter((g) => !isCont(g)),
  ...grids.filter((g) => isCont(g)),
];

/** A sheet of figures only: `rows` lines of `width` numbers, nothing naming a table, no code. */
function numbersSheet(sheet: string, rows: number, width: number): SheetGrid {
  const values = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: width }, (_, c) => 17 + r * 3 + c)
  );
  return {
    sheet,
    values,
    text: values.map((r) => r.map((x) => String(x))),
    numberFormat: values.map((r) => r.map(() => "0.00")),
    merges: [],
    origin: { row: 0, col: 0 },
    visibility: "visible",
  };
}

describe.each(STYLES.filter((s) => !s.stacked).map((s) => [s.name, s] as const))(
  "variant %s",
  (_n, style) => {
    const plainReport = importWorkbook(buildVariant(style).grids);
    const plain = checkReport(plainReport);
    /** Each continued table joined once, read and checked as in the workbook printed without continuations. */
    const joinedAsPlain = (report: Report) => {
      for (const kind of CONTINUED) {
        expect(lines(report, kind)).toEqual(lines(plainReport, kind));
        expect(report.tables.find((t) => t.kind === kind)!.continued?.length).toBe(1);
      }
      const res = checkReport(report);
      expect(serious(res)).toEqual([]);
      expect(kinds(res)).toEqual(kinds(plain));
    };

    test("a header-less sheet named 表N(续) appended at the end is joined to 表N: the plain workbook's findings", () => {
      const grids = atEnd(buildVariant(style, BARE).grids);
      expect(grids.filter(isCont)).toHaveLength(CONTINUED.length);
      const report = importWorkbook(grids);
      expect(report.unrecognized.filter((u) => /续/.test(u.sheet))).toEqual([]);
      expect(report.tables.map((t) => t.kind)).toEqual(plainReport.tables.map((t) => t.kind));
      joinedAsPlain(report);
    });

    test("a wrong figure on the appended 表N(续) sheet is found, at its cell", () => {
      const report = importWorkbook(atEnd(buildVariant(style, BARE).grids));
      for (const kind of CONTINUED) {
        const t = report.tables.find((x) => x.kind === kind)!;
        const row = [...t.rows]
          .reverse()
          .find((r) =>
            Object.values(r.amounts).some((a) => a.value && a.cell && sheetOf(a.cell) !== t.sheet)
          );
        const cell = Object.values(row!.amounts).find(
          (a) => a.value && a.cell && sheetOf(a.cell) !== t.sheet
        )!.cell!;
        expect(sheetOf(cell)).toMatch(/续/);
        const grids = atEnd(buildVariant(style, BARE).grids);
        bump(grids, cell);
        const errors = checkReport(importWorkbook(grids)).findings.filter(
          (f) => f.severity === "error"
        );
        expect(errors.some((f) => f.cells.includes(cell))).toBe(true);
      }
    });

    // Right after its table, named nothing telling (Sheet3): tied by its codes going on, or — a template printing no
    // codes — by the table's 合计 being the sum of both parts' 类 lines.
    test("a header-less sheet named Sheet<n> right after its table is joined (codes or sums): the plain findings", () => {
      const grids = buildVariant(style, BARE).grids.map((g, i) =>
        isCont(g) ? { ...g, sheet: `Sheet${i + 1}` } : g
      );
      const report = importWorkbook(grids);
      expect(report.unrecognized.filter((u) => /^Sheet/.test(u.sheet))).toEqual([]);
      joinedAsPlain(report);
    });

    test("a header-less sheet of unrelated numbers after a table is not joined to it", () => {
      const grids = buildVariant(style).grids;
      const at = grids.findIndex((g) =>
        plainReport.tables.some(
          (t) => t.kind === "basic_expenditure_economic" && t.sheet === g.sheet
        )
      );
      grids.splice(at + 1, 0, numbersSheet("Sheet9", 6, 4));
      const report = importWorkbook(grids);
      expect(lines(report, "basic_expenditure_economic")).toEqual(
        lines(plainReport, "basic_expenditure_economic")
      );
      expect(report.tables.every((t) => !t.continued?.length)).toBe(true);
      expect(report.unrecognized.some((u) => u.sheet === "Sheet9")).toBe(true);
    });

    // Without codes (names only), the lines' names tell the classification: 功能分类 科目 are no 经济分类 table's lines
    // (tester29b T29B-5).
    test("a header-less sheet named 表N(续) whose codes or names do not go on from 表N's is not joined", () => {
      const v = buildVariant(style, BARE);
      const cont = v.grids.filter(isCont);
      // 表N(续) for the other table: its lines (economic codes 3xx after the functional 2xx, or the reverse) are not
      // the named table's.
      const [a, b] = cont;
      const swapped = [
        ...v.grids.filter((g) => !isCont(g)),
        { ...a, sheet: b.sheet },
        { ...b, sheet: a.sheet },
      ];
      const report = importWorkbook(swapped);
      expect(report.tables.every((t) => !t.continued?.length)).toBe(true);
      // Said as a continuation not joined (naming the table), not as a sheet without a header.
      for (const g of [a, b])
        expect(report.unrecognized.find((u) => u.sheet === g.sheet)?.reason).toMatch(
          /续表.*未合并核对/
        );
    });
  }
);
