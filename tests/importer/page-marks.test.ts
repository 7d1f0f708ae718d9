/**
 * Page numbers converted from the PDF into the table (第 1 页，共 12 页 in column A, - 1 - under the middle column,
 * 共 40 页 第 3 页 …) land in label columns of two-sided 收支总表 / 财政拨款收支总表, where they were read as a line under
 * the line above: false 错误 “… ≠ 各款之和 0.00” (newcomer11 NC11-15; 西安's field workbook with its footers: 3 错误).
 * A page number is no line of any table. Every generated template, footers in the middle of every sheet.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { isPageMark } from "../../src/core/grid/text";
import type { SheetGrid } from "../../src/core/grid/grid";
import { STYLES, buildVariant } from "../fixtures/variants";
import { kinds } from "../helpers";

/** A footer line inserted before grid row `at`: the page text in column A, "- n -" in the middle column. */
function insertFooter(g: SheetGrid, at: number, page: number, words: [string, string]): void {
  const width = Math.max(...g.values.map((r) => r.length));
  const row = Array.from({ length: width }, () => "");
  row[0] = words[0].replace("n", String(page));
  row[Math.floor(width / 2)] = words[1].replace("n", String(page));
  g.values.splice(at, 0, [...row]);
  g.text.splice(at, 0, [...row]);
  g.numberFormat.splice(
    at,
    0,
    row.map(() => "General")
  );
  for (const m of g.merges) {
    if (m.r0 >= at) m.r0++;
    if (m.r1 >= at) m.r1++;
  }
}

const WORDS: Array<[string, string]> = [
  ["第 n 页，共 12 页", "- n -"],
  ["共12页 第n页", "—n—"],
  ["第n页/共40页", "Page n of 40"],
];

test.each([
  ["第 1 页，共 12 页", true],
  ["共12页，第3页", true],
  ["- 3 -", true],
  ["－12－", true],
  ["Page 2 of 9", true],
  ["第一部分", false],
  ["-", false],
  ["2010101", false],
  ["一、一般公共服务支出", false],
])("%s is a page mark: %s", (text, yes) => {
  expect(isPageMark(text)).toBe(yes);
});

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  test.each(WORDS.map((w) => [w.join(" / "), w] as const))(
    "footers %s in the middle and at the end of every sheet: the same tables and findings",
    (_w, words) => {
      const plain = importWorkbook(buildVariant(style).grids);
      const grids = buildVariant(style).grids;
      grids.forEach((g, i) => {
        insertFooter(g, g.values.length, i + 2, words);
        // A page breaks between two lines of figures (never inside a header: that is a blank row in a header).
        const figures = (r: number) =>
          g.values[r]?.some((v) => typeof v === "number" || /^\s*[\d,.]+\s*$/.test(String(v)));
        let at = Math.floor(g.values.length / 2);
        while (at < g.values.length && !(figures(at - 1) && figures(at))) at++;
        if (at < g.values.length) insertFooter(g, at, i + 1, words);
      });
      const report = importWorkbook(grids);
      expect(report.tables.map((t) => `${t.kind} ${t.rows.length}`)).toEqual(
        plain.tables.map((t) => `${t.kind} ${t.rows.length}`)
      );
      expect(kinds(checkReport(report))).toEqual(kinds(checkReport(plain)));
    }
  );
});

/**
 * A bare page number (“2”, the usual centred footer) on a row of its own between two lines of figures, under an amount
 * column (newcomer13 NC13-7: 2 false 错误 at a 「（无名称行）」 “合计 2.00 ≠ 人员经费 + 公用经费 0.00”). It is no line: the same
 * tables and findings; two of them on one sheet run on (2, 3). A nameless line printing figures as the table does
 * (2.00 in a table of decimals) is still a line of the table.
 */
describe.each(STYLES.map((s) => [s.name, s] as const))(
  "variant %s, bare page numbers",
  (_n, style) => {
    /** A row holding `text` alone in an amount column of the 基本支出表's body (twice: two, the second page 3). */
    const withLine = (text: string, twice = false) => {
      const grids = buildVariant(style).grids;
      const t = importWorkbook(grids).tables.find((x) => x.kind === "basic_expenditure_economic")!;
      const sheet = t.sheet;
      const g = grids.find((x) => x.sheet === sheet)!;
      const cell = Object.values(t.rows[Math.floor(t.rows.length / 2)].amounts).find(
        (a) => a.value
      )!.cell;
      const m = /([A-Z]+)(\d+)$/.exec(cell)!;
      const col = m[1].charCodeAt(0) - 65 - g.origin.col;
      // Between two lines of figures: after the middle line, and two lines further down (grid rows of the lines below).
      const rows = t.rows.map((x) => x.row - 1 - g.origin.row).filter((r) => r > Number(m[2]) - 1);
      expect(rows.length).toBeGreaterThan(2);
      const at = (n: number) => {
        const width = Math.max(...g.values.map((x) => x.length));
        const row: Array<string | number> = Array.from({ length: width }, () => "");
        // Pages running on: the lower one is the next page.
        row[col] = /^\d+$/.test(text) ? Number(text) + (n ? 1 : 0) : text;
        const before = rows[n];
        g.values.splice(before, 0, row);
        g.text.splice(
          before,
          0,
          row.map((x) => String(x))
        );
        g.numberFormat.splice(
          before,
          0,
          row.map(() => "General")
        );
        for (const mg of g.merges) {
          if (mg.r0 >= before) mg.r0++;
          if (mg.r1 >= before) mg.r1++;
        }
      };
      if (twice) at(2);
      at(0);
      return grids;
    };
    const plain = importWorkbook(buildVariant(style).grids);
    const shape = (r: typeof plain) => r.tables.map((t) => `${t.kind} ${t.rows.length}`);

    test.each([
      ["one", false],
      ["two running on", true],
    ])("%s: the same tables and findings", (_w, twice) => {
      const report = importWorkbook(withLine("2", twice));
      expect(shape(report)).toEqual(shape(plain));
      expect(kinds(checkReport(report))).toEqual(kinds(checkReport(plain)));
    });

    test("a nameless line of 2.00 is a line: read, and the sums no longer match", () => {
      const report = importWorkbook(withLine("2.00"));
      expect(shape(report)).not.toEqual(shape(plain));
      expect(checkReport(report).findings.some((f) => f.severity === "error")).toBe(true);
    });
  }
);
