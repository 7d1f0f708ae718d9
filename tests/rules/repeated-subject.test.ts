/**
 * One 功能科目 read on two lines of one table (tester30 T30-4). In a names-only table a line mis-named after its
 * neighbour ("一般行政管理事务" printed as "其他财政事务支出") takes the neighbour's code; in a coded table a code
 * typo does the same. Before: no finding said so, and projects.subject-totals compared the first of the two lines
 * with the projects of that 科目 — 错误 on correct project amounts, and the localizer swapped them. Now one 警告
 * naming.repeated-subject per table, citing both lines, and the table is not compared 科目 by 科目.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { SheetGrid } from "../../src/core/grid/grid";
import { STYLES, buildVariant } from "../fixtures/variants";

/** Every cell of the grids whose text `match`es, rewritten by `edit` (value and shown text alike). */
function rewrite(
  grids: SheetGrid[],
  sheets: Set<string>,
  match: RegExp,
  edit: (s: string) => string
) {
  for (const g of grids) {
    if (!sheets.has(g.sheet)) continue;
    g.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (typeof v !== "string" || !match.test(v)) return;
        g.values[r][c] = edit(v);
        g.text[r][c] = edit(g.text[r][c] ?? v);
      })
    );
  }
}

/** The sheets of the tables listing 功能科目 but the 项目支出表 (a sheet of several tables is left out). */
function functionalSheets(grids: SheetGrid[]): Set<string> {
  const report = importWorkbook(grids);
  const sheets = new Set<string>();
  for (const t of report.tables)
    if (
      t.kind !== "project_expenditure" &&
      t.rows.some((r) => r.codeSystem === "functional") &&
      report.tables.filter((x) => x.sheet === t.sheet).length === 1
    )
      sheets.add(t.sheet);
  return sheets;
}

const names = STYLES.filter((s) => s.codeLayout === "names");
const coded = STYLES.filter((s) => s.codeLayout !== "names");

describe.each(names.map((s) => [s.name, s] as const))("%s", (_n, st) => {
  test("一般行政管理事务 printed as 其他财政事务支出 in every table by 科目 → 警告 per table, no 错误", () => {
    const { grids } = buildVariant(st, { projectCodes: { layout: "column" } });
    const sheets = functionalSheets(grids);
    expect(sheets.size).toBeGreaterThan(0);
    rewrite(grids, sheets, /^\s*一般行政管理事务\s*$/, (s) =>
      s.replace("一般行政管理事务", "其他财政事务支出")
    );
    const found = checkReport(importWorkbook(grids)).findings;
    const repeated = found.filter((f) => f.rule === "naming.repeated-subject");
    // Each table listing the 项 (the 收支总表s list 类 only): 收入总表, 支出总表, 一般公共预算支出表.
    expect(repeated.map((f) => f.message.slice(0, f.message.indexOf("）") + 1))).toEqual(
      expect.arrayContaining(["表3（支出总表）", "表4（一般公共预算支出表）"])
    );
    for (const f of repeated) {
      expect(f.severity).toBe("warning");
      expect(f.message).toContain("2010699");
      expect(f.cells).toHaveLength(2);
    }
    expect(found.filter((f) => f.severity === "error")).toEqual([]);
  });
});

describe.each(coded.map((s) => [s.name, s] as const))("%s", (_n, st) => {
  test("2010602 printed as 2010699 in one table → 警告 on it, and its 科目 are not compared with the projects", () => {
    const { grids } = buildVariant(st, { projectCodes: { layout: "column" } });
    const report = importWorkbook(grids);
    const t3 = report.tables.find((t) => t.kind === "expenditure_summary")!;
    const line = t3.rows.find((r) => r.code === "2010602")!;
    const sheet = t3.sheet;
    const g = grids.find((x) => x.sheet === sheet)!;
    // The code as printed on that line: in its own cell, with the name in one cell, or (类 | 款 | 项 split) its 项 "02".
    const cell = line.labelCell;
    const r0 = Number(cell.slice(cell.lastIndexOf("!") + 1).replace(/\D+/g, "")) - 1;
    const row = g.values[r0];
    let k = row.findIndex((v) => String(v ?? "").includes("2010602"));
    const whole = k >= 0;
    if (!whole) k = row.findIndex((v) => /^0?2$/.test(String(v ?? "").trim()));
    expect(k).toBeGreaterThanOrEqual(0);
    const fix = (v: unknown) =>
      whole
        ? typeof v === "number"
          ? 2010699
          : String(v).replace("2010602", "2010699")
        : typeof v === "number"
          ? 99
          : "99";
    g.values[r0][k] = fix(g.values[r0][k]) as never;
    g.text[r0][k] = String(fix(g.text[r0][k]));
    const found = checkReport(importWorkbook(grids)).findings;
    const repeated = found.filter((f) => f.rule === "naming.repeated-subject");
    expect(repeated.map((f) => f.cells.length)).toEqual([2]);
    expect(repeated[0].message).toContain("2010699");
    // The projects are not compared 科目 by 科目 with that table (which line is 2010699 is not known).
    const quoted = (s: string) =>
      s.includes("!") ? s.slice(0, s.lastIndexOf("!")).replace(/^'|'$/g, "") : s;
    expect(
      found
        .filter(
          (f) =>
            f.rule === "projects.subject-totals" &&
            f.cells.some((c) => quoted(c) === sheet && !c.endsWith(cell))
        )
        .filter((f) => f.message.includes(`${"2010699"}`))
    ).toEqual([]);
  });
});
