/**
 * 其中 / 含 lines in the 项目支出表 are memo lines, never projects nor items of a sum (tester29b T29B-2 / T29B-13):
 * - `其中：政府采购` with a project's figures, under the unit line or a project, indented less than the projects, as
 *   much, or more (T29B-2: less indented, it took the projects below it for its list's items, or headed them — false
 *   错误 on it and on the unit's 小计, and a project lost);
 * - `含：城区公用设施项目` (T29B-13: read as a project lacking its 绩效目标表, and summed);
 * - `其中：` / `含：` alone on a line, the items of its list below it, deeper (T29B-13: 上年结转 ended the list and was
 *   a project; the bare line was checked against its items).
 * Every style of the generated workbook, in the plain layout and with the units' 小计 below their projects (closing-
 * subtotals.ts): the workbook says nothing the same workbook without the memo lines does not say, and lists the same
 * projects. The projectsByUnit style prints its memo in its own layout (a 单位名称 column, no indentation).
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { projectLines } from "../../src/core/rules/projects";
import { STYLES, buildVariant, type VariantOptions } from "../fixtures/variants";

type Memo = NonNullable<VariantOptions["projectMemoRow"]>;
const ITEMS: Array<[string, number]> = [
  ["政府采购", 0.4],
  ["上年结转", 0.2],
];
const DEEP = "\u3000\u3000\u3000\u3000";
/** [case name, the memo (under the unit or the first project)]. */
const MEMOS: Array<[string, Memo]> = (["unit", "project"] as const).flatMap((under) => [
  [`${under}: 其中：政府采购 unindented`, { label: "其中：政府采购", under, indent: "" }],
  [`${under}: 其中：上年结转 one step in`, { label: "其中：上年结转", under, indent: "\u3000" }],
  [
    `${under}: 其中：政府采购 deeper`,
    { label: "其中：政府采购", under, indent: "\u3000\u3000\u3000" },
  ],
  [`${under}: 含：…项目`, { label: "含：城区公用设施项目", under, indent: "\u3000" }],
  [
    `${under}: 其中： alone, items below`,
    { label: "其中：", under, items: ITEMS, itemIndent: DEEP },
  ],
  [
    `${under}: 含： alone, items below`,
    { label: "含：", under, indent: "", items: ITEMS, itemIndent: DEEP },
  ],
]);
// Not input.text-amounts: on the text-amount templates the memo line's own text cells are listed too, rightly.
const said = (r: ReturnType<typeof importWorkbook>) =>
  checkReport(r)
    .findings.filter((f) => f.rule !== "input.text-amounts")
    .map((f) => `${f.severity} ${f.rule} ${f.message}`)
    .sort();

describe.each(STYLES.flatMap((s) => [false, true].map((below) => [s.name, below, s] as const)))(
  "%s, 小计 below: %s",
  (_n, below, style) => {
    const clean = importWorkbook(buildVariant(style, { subtotalsBelow: below }).grids);
    const cleanSaid = said(clean);
    const cleanProjects = projectLines(clean).map((l) => l.name);

    test.each(MEMOS)("%s", (_c, memo) => {
      const report = importWorkbook(
        buildVariant(style, { subtotalsBelow: below, projectMemoRow: memo }).grids
      );
      const t = report.tables.find((x) => x.kind === "project_expenditure")!;
      const labels = [memo.label, ...(memo.items ?? []).map(([l]) => l)];
      const memoRows = t.rows.filter((r) => labels.includes(r.label.trim()));
      expect(memoRows.map((r) => [r.label.trim(), !!r.partial])).toEqual(
        memoRows.map((r) => [r.label.trim(), true])
      );
      expect(memoRows.length).toBeGreaterThan(0);
      expect(projectLines(report).map((l) => l.name)).toEqual(cleanProjects);
      expect(said(report)).toEqual(cleanSaid);
    });
  }
);
