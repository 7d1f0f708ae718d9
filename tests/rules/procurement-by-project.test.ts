/**
 * A 政府采购预算表 by project (项目名称 | 采购品目 | 采购金额): a named project's purchases are paid from that project, so
 * they are at most its 项目支出表 amount (newcomer12 NC12-7: 400 for a project of 350 gave 0 findings). Rows that are no
 * project's name (a 品目, 办公设备 bought from 基本支出) are not compared. Every generated template, the procurement
 * table in 万元 beside project tables in 元 or 万元.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { projectLines } from "../../src/core/rules/projects";
import type { SheetGrid } from "../../src/core/grid/grid";
import { STYLES, buildVariant, toGrid } from "../fixtures/variants";
import { kinds } from "../helpers";

/** The grids with a 政府采购预算表 sheet: the first two projects buying `share` of their amount (+ `over` 万元 on the first). */
function withProcurement(grids: SheetGrid[], over = 0): SheetGrid[] {
  const lines = projectLines(importWorkbook(grids)).filter((l) => l.row.amounts.total?.value);
  const wan = (l: (typeof lines)[number]) =>
    (l.row.amounts.total.value ?? 0) / (l.table.unit === "元" ? 10000 : 1);
  // A project printed in the 项目支出表 and again in a 项目支出表（上年结转）: its money is both lines'.
  const names = [...new Set(lines.map((l) => l.name.trim()))].slice(0, 2);
  const rows = names.map((n, i) => {
    const all = lines.filter((l) => l.name.trim() === n).reduce((s, l) => s + wan(l), 0);
    const v = Math.round((i === 0 ? all + over : all / 2) * 100) / 100;
    return [n, "服务", v];
  });
  const items = [...rows, ["台式计算机", "货物", 12.5]];
  const total = Math.round(items.reduce((s, r) => s + (r[2] as number), 0) * 100) / 100;
  return [
    ...grids,
    toGrid(
      "政府采购预算表",
      [
        ["2025年政府采购预算表"],
        ["", "", "单位：万元"],
        ["项目名称", "采购品目", "采购金额"],
        ["合计", "", total],
        ...items,
      ],
      []
    ),
  ];
}

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  test("purchases within their projects: no finding; 10 万元 over the first project's amount: one 错误 at its cell", () => {
    const plain = checkReport(importWorkbook(buildVariant(style).grids));
    const ok = checkReport(importWorkbook(withProcurement(buildVariant(style).grids)));
    expect(kinds(ok)).toEqual(kinds(plain));
    const over = checkReport(importWorkbook(withProcurement(buildVariant(style).grids, 10)));
    expect(kinds(over)).toEqual([...kinds(plain), "projects.procurement-by-project error"].sort());
    const f = over.findings.find((x) => x.rule === "projects.procurement-by-project")!;
    expect(f.cells[0]).toBe("政府采购预算表!C5");
  });
});
