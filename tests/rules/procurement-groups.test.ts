/**
 * tester34 T34-13: a 政府采购预算表 printing its 采购类别 as group lines (一、货物类 | 小计 over its purchases, 二、服务类 …)
 * nests the purchases under them by the sums while they add up; one purchase typed wrong broke every tree of sums, the
 * table was read flat, and the reviewer was told 「合计 1029.10 ≠ 各一级行之和 1978.20」 with causes “合计 应为 1978.20” or
 * “服务类小计 应为 30.90”. The group lines are now known by their printing (numbered at one level, or named 货物 / 工程 /
 * 服务类): the wrong purchase is its group's 错误 (「二、服务类」「合计」 ≠ 下级各行之和), its cell the cause. Every generated
 * template, with a 政府采购预算表 on its own sheet (项目名称 | 采购品目 | 合计 | 一般公共预算 | 政府性基金预算 | 其他资金),
 * the groups numbered or not.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { CellValue } from "../../src/core/grid/grid";
import { STYLES, buildVariant, toGrid, type Style } from "../fixtures/variants";
import { projectsOf } from "../fixtures/forms";

const r2 = (x: number) => Math.round(x * 100) / 100;

/** The 政府采购预算表 sheet 表15: purchases of the variant's projects; `wrong` adds `by` to one 服务 purchase's figures. */
function procurementSheet(
  st: Style,
  projects: ReadonlyArray<readonly [string, number]>,
  numbered: boolean,
  by = 0
) {
  const [a, b] = projects;
  const goods: Array<[string, string, number]> = [
    [a[0], "办公设备", r2(a[1] * 0.1)],
    [b[0], "计算机", r2(b[1] * 0.05)],
  ];
  const services: Array<[string, string, number]> = [[a[0], "印刷服务", r2(a[1] * 0.2)]];
  const sum = (xs: Array<[string, string, number]>) => r2(xs.reduce((s, x) => s + x[2], 0));
  const line = (name: string, item: string, v: number): CellValue[] => [name, item, v, v, 0, 0];
  const rows: CellValue[][] = [
    ["2025年政府采购预算表"],
    [st.unitLine(st.unit)],
    ["项目名称", "采购品目", "合计", "一般公共预算", "政府性基金预算", "其他资金"],
    line("合计", "", r2(sum(goods) + sum(services))),
    line(numbered ? "一、货物类" : "货物类", "小计", sum(goods)),
    ...goods.map(([n, i, v]) => line(n, i, v)),
    line(numbered ? "二、服务类" : "服务类", "小计", sum(services)),
    ...services.map(([n, i, v]) => line(n, i, r2(v + by))),
  ];
  // The wrong purchase's 合计 cell (C) on the last line.
  return { grid: toGrid("表15", rows, []), wrongCell: `表15!C${rows.length}` };
}

describe.each(STYLES.map((s) => [s.name, s] as const))("%s", (_n, st) => {
  const grids = buildVariant(st).grids;
  const projects = projectsOf(importWorkbook(grids));
  const onSheet = (by: number, numbered: boolean) => {
    const { grid, wrongCell } = procurementSheet(st, projects, numbered, by);
    const res = checkReport(importWorkbook([...grids, grid]));
    const serious = res.findings.filter(
      (f) =>
        (f.severity === "error" || f.severity === "warning") &&
        f.cells.some((c) => c.startsWith("表15!"))
    );
    return { res, serious, wrongCell };
  };

  test.each([true, false])("groups numbered %s, every figure right: nothing said", (numbered) => {
    expect(onSheet(0, numbered).serious).toEqual([]);
  });

  test.each([true, false])(
    "groups numbered %s, one 服务 purchase 7 too low: its group's 错误, its cell the cause",
    (numbered) => {
      const by = -7;
      const { res, serious, wrongCell } = onSheet(by, numbered);
      expect(serious.length).toBeGreaterThan(0);
      // The group's sum, never the 合计 against a flat list of every line.
      expect(serious.filter((f) => f.rule === "hierarchy.total")).toEqual([]);
      const group = serious.filter((f) => f.rule === "hierarchy.parent-children");
      expect(group.map((f) => f.message)).toContainEqual(
        expect.stringMatching(/「(二、)?服务类」「合计」 .* ≠ 下级各行之和/)
      );
      expect(group.map((f) => f.cells)).toContainEqual(expect.arrayContaining([wrongCell]));
      const named = res.causes
        .flatMap((c) => [...c.suspects, ...c.alternatives.flat()])
        .map((x) => x.cell);
      expect(named).toContain(wrongCell);
    }
  );
});
