/**
 * 项目支出表 with 一级项目 lines over indented 二级项目 (newcomer9 NC9-9): the levels come from the layout, also when one
 * 一级项目's figure is not the sum of its projects — a later unindented line followed by indented ones heads them, it
 * is not a project typed without indentation. Before, such headings were read as projects, the sums then re-levelled
 * the list flat, and a project's typo was reported as 「合计」 ≠ 各一级行之和 by the whole of a group.
 * Generated in the habits the field uses: indentation by spaces or U+3000, headings with or without “（一级项目）”, a
 * 序号 column, 合计 first or last, fund columns 一般公共预算 | 政府性基金预算 or 财政拨款 | 事业收入.
 */
import type { CellValue } from "../../src/core/grid/grid";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { toGrid } from "../fixtures/variants";

type Habit = {
  indent: string;
  mark: boolean;
  seq: boolean;
  totalLast: boolean;
  funds: [string, string];
};
const HABITS: Habit[] = [
  {
    indent: "    ",
    mark: true,
    seq: false,
    totalLast: false,
    funds: ["一般公共预算", "政府性基金预算"],
  },
  {
    indent: "\u3000\u3000",
    mark: false,
    seq: false,
    totalLast: false,
    funds: ["财政拨款", "事业收入"],
  },
  {
    indent: "  ",
    mark: true,
    seq: true,
    totalLast: true,
    funds: ["一般公共预算", "政府性基金预算"],
  },
  { indent: "\u3000", mark: false, seq: true, totalLast: false, funds: ["财政拨款", "事业收入"] },
];
/** 一级项目 → its 二级项目 as [name, fund 1, fund 2] (万元). */
const GROUPS: Array<[string, Array<[string, number, number]>]> = [
  [
    "审计业务",
    [
      ["审计事务", 285.87, 0],
      ["购买中介机构审计服务", 350, 0],
      ["审计专项补助经费", 0, 100],
    ],
  ],
  ["教育培训", [["审计培训", 15, 0]]],
  [
    "信息化建设",
    [
      ["审计信息系统运维", 120.5, 0],
      ["数据中心租赁", 64.2, 30],
    ],
  ],
];
const r2 = (x: number) => Math.round(x * 100) / 100;

/** The workbook's one sheet; `plus` raises the k-th project (in list order) by 10 in every column, its group not. */
function workbook(h: Habit, plus?: number) {
  const lines: CellValue[][] = [];
  let k = 0;
  let n = 0;
  const row = (label: string, a: number, b: number): CellValue[] => [
    ...(h.seq ? [++n] : []),
    label,
    r2(a + b),
    a,
    b,
  ];
  const sum = (ps: Array<[string, number, number]>, i: 1 | 2) =>
    r2(ps.reduce((s, p) => s + p[i], 0));
  for (const [g, ps] of GROUPS) {
    lines.push(row(`${g}${h.mark ? "（一级项目）" : ""}`, sum(ps, 1), sum(ps, 2)));
    for (const [p, a, b] of ps) {
      const d = k++ === plus ? 10 : 0;
      lines.push(row(`${h.indent}${p}`, a + d, b));
    }
  }
  const all = GROUPS.flatMap(([, ps]) => ps);
  const total = [
    ...(h.seq ? [""] : []),
    "合计",
    r2(sum(all, 1) + sum(all, 2)),
    sum(all, 1),
    sum(all, 2),
  ];
  const header = [...(h.seq ? ["序号"] : []), "项目名称", "合计", ...h.funds];
  const rows: CellValue[][] = [
    ["项目支出预算表"],
    ["部门：北京市审计局", "", "单位：万元"],
    header,
    ...(h.totalLast ? [...lines, total] : [total, ...lines]),
  ];
  return { grid: toGrid("项目支出表", rows, []), first: 4 + (h.totalLast ? 0 : 1), seq: h.seq };
}

describe.each(HABITS.map((h, i) => [i, h] as const))("habit %i", (_i, h) => {
  test("一级项目 lines are level 1, their projects level 2; a consistent table passes", () => {
    const { grid } = workbook(h);
    const report = importWorkbook([grid]);
    const t = report.tables.find((x) => x.kind === "project_expenditure")!;
    // Projects one level under their heading (deeper when the indentation counts two steps: a tree all the same).
    const levels = t.rows.filter((r) => r.level > 0).map((r) => r.level);
    const deep = Math.max(...levels);
    expect(deep).toBeGreaterThan(1);
    expect(levels).toEqual(GROUPS.flatMap(([, ps]) => [1, ...ps.map(() => deep)]));
    const found = checkReport(report).findings.filter((f) => /^(hierarchy|within)\./.test(f.rule));
    expect(found).toEqual([]);
  });

  test.each([0, 1, 3, 5])(
    "project %i +10: the 错误 is its 一级项目's, by 10, never the 合计's",
    (k) => {
      const { grid, first, seq } = workbook(h, k);
      const found = checkReport(importWorkbook([grid])).findings.filter(
        (f) => f.severity === "error" && f.rule !== "completeness.required-tables"
      );
      // The group of project k: its heading's sheet row.
      let at = first;
      let j = 0;
      for (const [, ps] of GROUPS) {
        if (k < j + ps.length) break;
        j += ps.length;
        at += ps.length + 1;
      }
      const totalCol = seq ? "C" : "B";
      expect(found.length).toBeGreaterThan(0);
      for (const f of found) {
        expect(f.rule).toBe("hierarchy.parent-children");
        expect(f.cells[0]).toMatch(new RegExp(`!([A-Z])${at}$`));
        expect(Math.abs(f.difference ?? 0)).toBeCloseTo(10, 6);
      }
      expect(found.some((f) => f.cells[0].endsWith(`!${totalCol}${at}`))).toBe(true);
    }
  );
});
