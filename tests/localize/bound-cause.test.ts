/**
 * A ≤ finding's cause (tester34 T34-4): a 政府采购预算表 by project whose first project buys 10 万元 more than its
 * 项目支出表 amount, the 采购 合计 summed over it. The 项目支出表 agrees with its 合计 and the 支出 tables, so the purchase
 * is the figure to check first, told as a bound — 应不超过 the project's amount, never “应为” — and no guess that raises
 * the project comes before it. Every generated template.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { projectLines } from "../../src/core/rules/projects";
import type { SheetGrid } from "../../src/core/grid/grid";
import { STYLES, buildVariant, toGrid } from "../fixtures/variants";
import { promises as fs } from "fs";
import path from "path";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { loadSolver } from "../../src/cli/solver";

/** The grids with a 政府采购预算表: the first two projects buying all / half of their amount, +`over` 万元 on the first. */
function withProcurement(
  grids: SheetGrid[],
  over: number
): { grids: SheetGrid[]; project: number } {
  const lines = projectLines(importWorkbook(grids)).filter((l) => l.row.amounts.total?.value);
  const wan = (l: (typeof lines)[number]) =>
    (l.row.amounts.total.value ?? 0) / (l.table.unit === "元" ? 10000 : 1);
  const names = [...new Set(lines.map((l) => l.name.trim()))].slice(0, 2);
  const amounts = names.map((n) =>
    lines.filter((l) => l.name.trim() === n).reduce((s, l) => s + wan(l), 0)
  );
  const rows = names.map((n, i) => [
    n,
    "服务",
    Math.round((i === 0 ? amounts[0] + over : amounts[1] / 2) * 100) / 100,
  ]);
  const items = [...rows, ["台式计算机", "货物", 12.5]];
  const total = Math.round(items.reduce((s, r) => s + (r[2] as number), 0) * 100) / 100;
  return {
    grids: [
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
    ],
    project: amounts[0],
  };
}

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  test("10 万元 bought over a project: the purchase first, 应不超过 the project's amount; every figure a bound", () => {
    const { grids, project } = withProcurement(buildVariant(style).grids, 10);
    const res = checkReport(importWorkbook(grids), { localize: { budgetMs: 60000 } });
    const f = res.findings.findIndex((x) => x.rule === "projects.procurement-by-project");
    expect(f).toBeGreaterThanOrEqual(0);
    const cause = res.causes.find((c) => c.explains.includes(f))!;
    expect(cause).toBeDefined();
    const first = cause.suspects;
    // The purchase first, lowered to the project's amount at most.
    const purchase = first.find((s) => s.cell === "政府采购预算表!C5");
    expect(purchase).toMatchObject({ relation: "≤", value: project });
    // Only the 采购 table's figures: no project raised, no second project cut.
    expect(first.every((s) => s.cell.startsWith("政府采购预算表!"))).toBe(true);
    // A ≤ finding's cause says bounds, never 应为.
    for (const s of [first, ...cause.alternatives].flat()) expect(s.relation).not.toBe("=");
    expect(cause.message).not.toContain("应为");
    expect(cause.message).toContain(
      `政府采购预算表!C5（现为 ${(project + 10).toFixed(2)}，应不超过 ${project.toFixed(2)}万元）`
    );
  });
});

test("tester34 beijing-seeded2 (表12 采购 1420.00 for a project of 1320.40, 表11 agreeing with its 小计 and 表3 / 表5): the purchase first, as bounds", async () => {
  const file = path.join(__dirname, "..", "fixtures", "tester34", "beijing-seeded2.xlsx");
  const { grids } = await readXlsxBuffer(await fs.readFile(file));
  const res = checkReport(importWorkbook(grids), {
    localize: { solver: await loadSolver(), budgetMs: 60000 },
  });
  expect(res.causes).toHaveLength(1);
  const [cause] = res.causes;
  expect(cause.suspects.find((s) => s.cell === "表12!C7")).toMatchObject({
    relation: "≤",
    value: 1320.4,
  });
  expect(cause.suspects.every((s) => s.cell.startsWith("表12!"))).toBe(true);
  expect(cause.message).toMatch(/^表12!C7（现为 1420\.00，应不超过 1320\.40万元）/);
  expect(cause.message).not.toContain("应为");
});
