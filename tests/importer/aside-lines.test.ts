/**
 * A line of text between a table's title and its header that is neither a meta line nor a header — a subtitle
 * （按支出功能分类科目）, a date line 编制日期：…, a 说明：… line, a 续表 line under a page head printed again (newcomer7 [1]):
 * the header search stopped at it and the table was unread (`…下未找到表头行`, then 「…未能读取，未参与审核」 as a 错误,
 * or a 续 page's rows lost). For every generated template: the table is read as without the line, nothing more is
 * reported, and the date's year is not taken for the budget's.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { TableKind } from "../../src/core/model/schema";
import { STYLES, YEAR, buildVariant } from "../fixtures/variants";

const KINDS: TableKind[] = [
  "expenditure_summary",
  "general_budget_expenditure",
  "basic_expenditure_economic",
];
const kinds = (r: ReturnType<typeof checkReport>) =>
  r.findings.map((f) => `${f.severity} ${f.rule}`).sort();
const rowsOf = (rep: ReturnType<typeof importWorkbook>, kind: TableKind) =>
  rep.tables
    .find((t) => t.kind === kind)!
    .rows.map((r) => `${r.level} ${r.code ?? ""} ${r.label.trim()}`);

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const plainReport = importWorkbook(buildVariant(style).grids);
  const plain = checkReport(plainReport);

  test.each([
    ["（按支出功能分类科目）", "title"],
    [`编制日期：${YEAR - 1}年12月20日`, "header"],
    ["说明：本表反映部门预算支出情况。", "header"],
  ] as const)("a line %s under the %s is skipped; the tables read as without it", (text, at) => {
    const rep = importWorkbook(
      buildVariant(style, { asideLine: { kinds: KINDS, text, at } }).grids
    );
    expect(rep.unrecognized.filter((u) => /表头/.test(u.reason))).toEqual([]);
    expect(rep.tables.map((t) => t.kind)).toEqual(plainReport.tables.map((t) => t.kind));
    for (const kind of KINDS) expect(rowsOf(rep, kind)).toEqual(rowsOf(plainReport, kind));
    expect(rep.year).toBe(plainReport.year);
    expect(kinds(checkReport(rep))).toEqual(kinds(plain));
  });
});
