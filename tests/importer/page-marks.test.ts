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
