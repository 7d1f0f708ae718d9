/**
 * A functional table printed without codes (names only, the Zhejiang kind of template) is read by the standard names:
 * 其他社会保障和就业支出 is both 款 20899 and its 项 2089999, and the line of that name right under the 款 is the 项 —
 * it was read as a second 款 (false 类 ≠ Σ款 errors and a 款 "without 项" warning; newcomer 3, m40); 229 其他支出 ›
 * 22999 其他支出 › 2299999 其他支出 were three 类. The field
 * workbooks' tables that print functional codes in a column, with those cells emptied, give the errors and warnings
 * they give with codes.
 */
import { promises as fs } from "fs";
import path from "path";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { SheetGrid } from "../../src/core/grid/grid";
import { columnLetter, parseRef, quoteSheet } from "../../src/core/grid/address";
import { STYLES, buildVariant } from "../fixtures/variants";
import { mutate } from "../../bench/localization";

const dir = path.join(__dirname, "..", "..", "samples", "field");
const serious = (grids: SheetGrid[]) =>
  checkReport(importWorkbook(grids))
    .findings.filter((f) => f.severity === "error" || f.severity === "warning")
    .map((f) => `${f.rule} ${f.cells[0]}`);

// Hangzhou prints codes in the name cells (编码 名称): nothing to empty there.
test.each(["guangzhou-tongjiju-2026", "xian-shenjiju-2026"])(
  "%s: functional tables without their codes",
  async (name) => {
    const { grids } = await readXlsxBuffer(await fs.readFile(path.join(dir, `${name}.xlsx`)));
    const report = importWorkbook(grids);
    // The code cells of every table that prints functional codes in a column of their own.
    const coded = report.tables.filter((t) =>
      t.rows.some((r) => r.codeCell && r.codeSystem === "functional")
    );
    expect(coded.length).toBeGreaterThan(0);
    const cells = coded.flatMap((t) =>
      t.rows.flatMap((r) => (r.codeCell ? [parseRef(r.codeCell)] : []))
    );
    const names = grids.map((g) => {
      const here = cells.filter((p) => p.sheet === g.sheet);
      if (!here.length) return g;
      const values = g.values.map((row) => row.slice());
      const text = g.text.map((row) => row.slice());
      for (const p of here) [values[p.r0][p.c0], text[p.r0][p.c0]] = ["", ""];
      return { ...g, values, text };
    });
    const without = importWorkbook(names);
    expect(
      without.tables.flatMap((t) =>
        t.rows.filter((r) => r.codeCell && r.codeSystem === "functional")
      )
    ).toEqual([]);
    // A 项 whose printed name is not a standard one (广州 表3 专项统计业务 …) takes the code 表5 prints for that name
    // under the same 款 (cross.code-sets reported it against 表5 before).
    expect(serious(names)).toEqual(serious(grids));
  }
);

/**
 * Generated: the 支出总表 printed without codes beside a coded 一般公共预算支出表, one 项 named otherwise than the
 * standard list (2010699 as 财政业务专项支出). Printed so in both tables, the 项 takes 表5's code; printed otherwise
 * in the 支出总表 (财政业务专项经费), its code cannot be known — the code-set comparison says so (提示), never 错误; a
 * wrong figure on that line is still reported.
 */
const RENAMED = { "2010699": "财政业务专项支出" };
/** The expenditure_summary's codes removed: code cells emptied (code column, 类/款/项 columns) or the name alone left in the label cell. */
function withoutCodes(
  grids: SheetGrid[],
  rename?: [string, string]
): { grids: SheetGrid[]; cells: Record<string, string> } {
  const report = importWorkbook(grids);
  const t = report.tables.find((x) => x.kind === "expenditure_summary")!;
  const cells: Record<string, string> = {};
  const out = grids.map((g) => {
    if (g.sheet !== t.sheet) return g;
    const values = g.values.map((row) => row.slice());
    const text = g.text.map((row) => row.slice());
    const put = (ref: string, v: string) => {
      const p = parseRef(ref);
      [
        values[p.r0 - g.origin.row][p.c0 - g.origin.col],
        text[p.r0 - g.origin.row][p.c0 - g.origin.col],
      ] = [v, v];
    };
    for (const r of t.rows) {
      if (!r.code) continue;
      cells[r.code] = r.amounts.total.cell;
      const name = rename && r.code === rename[0] ? rename[1] : r.label.trim();
      if (r.codeCell) {
        const a = parseRef(r.codeCell);
        const b = parseRef(r.labelCell);
        for (let c = a.c0; c < b.c0; c++)
          put(`${quoteSheet(g.sheet)}!${columnLetter(c)}${a.r0 + 1}`, "");
      }
      put(r.labelCell, name);
    }
    return { ...g, values, text };
  });
  return { grids: out, cells };
}

describe.each(STYLES.filter((s) => s.codeLayout !== "names").map((s) => [s.name, s]))(
  "variant %s",
  (_n, style) => {
    const grids = buildVariant(style, { names: RENAMED }).grids;

    test("the renamed 项, printed so in both tables, pairs by 表5's code: no finding the coded workbook has not", () => {
      const { grids: names } = withoutCodes(grids);
      const t3 = importWorkbook(names).tables.find((x) => x.kind === "expenditure_summary")!;
      expect(t3.rows.filter((r) => r.level > 0 && !r.code).map((r) => r.label)).toEqual([]);
      expect(serious(names)).toEqual(serious(grids));
    });

    test("printed otherwise in the 支出总表: its code is undecided (提示), no 错误; its figure changed is still an error", () => {
      const { grids: names, cells } = withoutCodes(grids, ["2010699", "财政业务专项经费"]);
      // Nothing the coded workbook does not give (its 支出总表 line's name is no longer checked against a code).
      const coded = serious(grids);
      expect(serious(names).filter((x) => !coded.includes(x))).toEqual([]);
      const codeSets = checkReport(importWorkbook(names)).findings.filter(
        (f) => f.rule === "cross.code-sets"
      );
      expect(codeSets.map((f) => f.severity)).toEqual(["info"]);
      expect(codeSets[0].message).toMatch(/财政业务专项经费.*2010699/);
      const cell = cells["2010699"];
      const found = checkReport(importWorkbook(mutate(names, cell, 7))).findings.filter(
        (f) => f.severity === "error" && f.cells.includes(cell)
      );
      expect(found.length).toBeGreaterThan(0);
    });
  }
);
