/**
 * A long table printed over pages with page bookkeeping lines between the pages (tester32 T32-21: 黑龙江's 项目支出表 of
 * 30 projects with 本页小计 and 累计 after every 12 projects → 4 false 错误 “「本页小计」… ≠ 下级各行之和” and the 累计 lines
 * counted as projects). 本页小计 / 本页合计 / 累计 / 承上页 / 过次页 are no lines of the table: every generated template,
 * such lines inserted in its 项目支出表 after a project line, reads the same lines and findings, and a 提示 lists them.
 * tester33 T33-3: the other wordings of the family (小计（本页）, 累计（至本页）, 上页累计, 本页合计数, 承前页, 转下页 …) too.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { STYLES, buildVariant } from "../fixtures/variants";
import { kinds } from "../helpers";

const PAGE_WORDS: Array<[string, string]> = [
  ["本页小计", "累计"],
  ["本页合计", "承上页"],
  ["过次页", "承上页"],
  // tester33 T33-3: the family, not the words above alone (用友 / 浪潮 exports print 小计（本页）, 上页累计, 承前页).
  ["小计（本页）", "累计（至本页）"],
  ["本页合计数", "承前页"],
  ["上页累计", "转下页"],
  ["前页合计", "结转下页"],
];

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  test.each(PAGE_WORDS.map((w) => [w.join(" / "), w] as const))(
    "%s after a project line: the same lines and findings, listed in a 提示",
    (_w, words) => {
      const plain = importWorkbook(buildVariant(style).grids);
      const projects = plain.tables.find((t) => t.kind === "project_expenditure");
      if (!projects) return;
      const line = projects.rows.find((x) => !/合计|总计|小计/.test(x.label) && x.level > 0);
      if (!line) return;
      const grids = buildVariant(style).grids;
      const g = grids.find((x) => x.sheet === projects.sheet)!;
      // The project's grid row (grids start at sheet row 1), and its name's cell (a name part of the label read).
      const at = line.row - 1;
      const labelCol = g.text[at].findIndex(
        (t, c) =>
          typeof g.values[at][c] !== "number" &&
          String(t).trim() !== "" &&
          line.label.includes(String(t).trim())
      );
      expect(labelCol).toBeGreaterThanOrEqual(0);
      // Two bookkeeping lines after the project line, printing that line's figures (a page of one line).
      for (const word of [...words].reverse()) {
        const values = [...g.values[at]];
        const text = [...g.text[at]];
        values[labelCol] = word;
        text[labelCol] = word;
        g.values.splice(at + 1, 0, values);
        g.text.splice(at + 1, 0, text);
        g.numberFormat.splice(at + 1, 0, [...g.numberFormat[at]]);
        for (const m of g.merges) {
          if (m.r0 > at) m.r0++;
          if (m.r1 > at) m.r1++;
        }
      }
      const report = importWorkbook(grids);
      const read = report.tables.find((t) => t.kind === "project_expenditure")!;
      expect(read.rows.map((x) => x.label)).toEqual(projects.rows.map((x) => x.label));
      const result = checkReport(report);
      expect(kinds(result)).toEqual(kinds(checkReport(plain)));
      const note = result.findings.find((f) => f.rule === "input.page-lines");
      // Labels are quoted with half-width brackets (小计(本页)), as every label in a message.
      const halfWidth = (x: string) => x.replace(/（/g, "(").replace(/）/g, ")");
      expect(note?.message).toContain(halfWidth(words[0]));
      expect(note?.message).toContain(halfWidth(words[1]));
    }
  );
});
