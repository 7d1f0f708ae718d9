/**
 * Levels from the codes and the 项目类别 lines, never from the sums (tester26b T26B-3), in every style of the generated
 * workbook: a 项目支出表 grouped by nesting 单位编码 (101 部门 as the total › 101001 本级 › 101002 下属单位; or a 合计 over
 * 101 › 101001 › 101001001, three levels) or by 项目类别 lines (一类项目 / 二类项目, 专项业务类 / 其他运转类, 部门项目 /
 * 单位项目 …) heading their projects with a subtotal, the names unindented. Clean: no 错误 or 警告. One figure changed —
 * a project, a 单位's subtotal or a 类别 subtotal — is one 错误 at that cell by the change: every new 错误 / 警告 cites
 * it, the 层级 findings say the change, and one cause names it alone. Before, the levels were read from the sums: a
 * changed figure made another tree fit (the wrong line blamed), or none (the list read flat, the 合计 off by groups).
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { CheckResult } from "../../src/core/rules/rule";
import { mutate } from "../../bench/localization";
import { SECOND_UNIT, STYLES, buildVariant, PROJECT_CATEGORY_SETS } from "../fixtures/variants";
import { buildUnitTable, type UnitTableKind } from "../fixtures/by-unit";

type Layout = "units2" | "units3" | "categories";

const serious = (res: CheckResult) =>
  res.findings.filter((f) => f.severity === "error" || f.severity === "warning");

/** The lines changed per layout (by label): a project's and its group's. */
const CHANGED: Record<Layout, Array<[string, (names: number) => string]>> = {
  units2: [
    ["a project", () => "预算评审经费（二期）"],
    ["a 单位's subtotal (101002)", () => SECOND_UNIT],
  ],
  units3: [
    ["a project", () => "财政业务专项经费（二期）"],
    ["a 单位's subtotal (101001, over two offices)", () => "清河县财政局本级"],
  ],
  categories: [
    ["a project", () => "财政业务专项经费（一期）"],
    [
      "a 类别 subtotal",
      (n) => PROJECT_CATEGORY_SETS[n % PROJECT_CATEGORY_SETS.length][1].replace(/\s/g, ""),
    ],
  ],
};
const LAYOUTS: Layout[] = ["units2", "units3", "categories"];

// Every style, with the table's columns (合计 | 一般公共预算 | …) and with one 金额 column: there one changed figure
// leaves no column whose sums still tell the tree.
const TABLES = STYLES.flatMap((s, i) =>
  [false, true].map((one) => [`${s.name}${one ? " 金额 only" : ""}`, s, i, one] as const)
);

describe.each(TABLES)("%s", (_name, st, i, oneColumn) => {
  const build = (layout: Layout) =>
    buildVariant(st, { projectTree: { layout, names: i, oneColumn } }).grids;

  test.each(LAYOUTS)(
    "%s as generated: no 错误 / 警告, the codes or 类别 lines give the levels",
    (layout) => {
      const grids = build(layout);
      expect(serious(checkReport(importWorkbook(grids))).map((f) => f.message)).toEqual([]);
      const t = importWorkbook(grids).tables.find((x) => x.kind === "project_expenditure")!;
      const projects = t.rows.filter((r) => /期）$/.test(r.label));
      expect(projects.length).toBeGreaterThan(3);
      const depth = { units2: 2, units3: 4, categories: 2 }[layout];
      // units3: the first project's two lines under 101001001 / 101001002 (level 4), the others under 101002 (3).
      expect(projects.map((r) => r.level)).toEqual(
        projects.map((_r, k) => (layout === "units3" && k >= 2 ? 3 : depth))
      );
    }
  );

  const cases = LAYOUTS.flatMap((layout) =>
    CHANGED[layout].map(([what, label]) => [layout, what, label] as const)
  );
  test.each(cases)("%s: %s +7 万元 is one 错误 at its cell, by 7", (layout, what, label) => {
    const grids = build(layout);
    const report = importWorkbook(grids);
    const t = report.tables.find((x) => x.kind === "project_expenditure")!;
    const name = label(i);
    const row = t.rows.find((r) => r.label.replace(/\s/g, "") === name)!;
    expect(row?.label.replace(/\s/g, "")).toBe(name);
    const cell = row.amounts.total.cell;
    const delta = st.unit === "元" ? 70000 : 7;
    const before = new Set(checkReport(report).findings.map((f) => f.message));
    const res = checkReport(importWorkbook(mutate(grids, cell, delta)));
    const found = serious(res).filter((f) => !before.has(f.message));
    expect(found.length).toBeGreaterThan(0);
    expect(found.filter((f) => !f.cells.includes(cell)).map((f) => f.message)).toEqual([]);
    const hierarchy = found.filter((f) => f.rule.startsWith("hierarchy."));
    expect(hierarchy.length).toBeGreaterThan(0);
    for (const f of hierarchy) expect(Math.abs(f.difference ?? 0)).toBeCloseTo(delta, 6);
    const sole = res.causes.filter((c) => c.suspects.length === 1 && c.alternatives.length === 0);
    if (oneColumn && what === "a project") {
      // One 金额 column: only its group's sum sees the change, and a project is told from its siblings by nothing —
      // one 错误, on that group, with the cell among the cause's suspects or alternatives.
      expect(found.map((f) => f.rule)).toEqual(["hierarchy.parent-children"]);
      const named = res.causes.flatMap((c) => [...c.suspects, ...c.alternatives.flat()]);
      expect(named.map((x) => x.cell)).toContain(cell);
    } else expect(sole.map((c) => c.suspects[0].cell)).toEqual([cell]);
  });
});

// Other tables by unit (tests/fixtures/by-unit.ts: 单位编码 | 单位名称, 合计, 部门 117 › 单位 117001 › projects)
// printing one 合计 column: the levels come from the codes there too. Before, one changed figure left no tree of
// sums, and the list was read flat (every 部门 and 单位 line a first-level line: the 合计 off by whole groups).
const UNIT_CASES = (
  ["income_summary", "expenditure_summary", "project_expenditure"] as const
).flatMap((kind) =>
  [[2], [3], [2, 1], [1, 3, 2]].map((tree) => [`${kind} ${tree.join("+")}`, kind, tree] as const)
);
describe.each(UNIT_CASES)("by unit, 合计 only: %s", (_name, kind: UnitTableKind, tree) => {
  test("clean: no 错误 / 警告; each figure +7 is seen at its cell alone, a group line's named alone", () => {
    const v = buildUnitTable(
      kind,
      _name.includes("totalLast") ? "totalLast" : "codes",
      tree,
      7,
      undefined,
      true
    );
    // A workbook of this one table: the completeness findings (表 missing) are not about it.
    const onTable = (res: CheckResult) =>
      serious(res).filter((f) => f.cells.some((c) => c.startsWith("表1!")));
    expect(onTable(checkReport(importWorkbook(v.grids))).map((f) => f.message)).toEqual([]);
    const t = importWorkbook(v.grids).tables[0];
    const rows = t.rows.filter((r) => r.amounts.total && !r.amounts.total.blank);
    // Lines heading others (部门 over its 单位; a 单位 over its projects): the sums above and below tell them.
    const groups = new Set(
      rows
        .filter((r, k) => r.level >= 1 && (rows[k + 1]?.level ?? 0) > r.level)
        .map((r) => r.amounts.total.cell)
    );
    expect(groups.size).toBeGreaterThan(0);
    for (const cell of v.amountCells) {
      const res = checkReport(importWorkbook(mutate(v.grids, cell, 7)));
      const found = onTable(res);
      expect([cell, found.length > 0]).toEqual([cell, true]);
      expect(found.filter((f) => !f.cells.includes(cell)).map((f) => f.message)).toEqual([]);
      for (const f of found.filter((x) => x.rule.startsWith("hierarchy.")))
        expect([cell, Math.abs(f.difference ?? 0)]).toEqual([cell, 7]);
      const named = res.causes.flatMap((c) => [...c.suspects, ...c.alternatives.flat()]);
      expect(named.map((x) => x.cell)).toContain(cell);
      if (groups.has(cell))
        expect(
          res.causes
            .filter((c) => c.suspects.length === 1 && c.alternatives.length === 0)
            .map((c) => c.suspects[0].cell)
        ).toEqual([cell]);
    }
  });
});
