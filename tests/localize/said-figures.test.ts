/**
 * A cause says its figures as the findings it explains say them (tester31 T31-15): a 万元 workbook written in General
 * whose figures show one decimal at most (300, 20.5, 35.2) is read at one decimal, but the findings print 万元 to two,
 * so the cause says "现为 310.00，应为 300.00", not "310.0 / 300.0". Generated in every 万元 template that prints the
 * 一般公共预算支出表 on a sheet of its own.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { mutate } from "../../bench/localization";
import { STYLES, buildVariant, generalSheet } from "../fixtures/variants";

const styles = STYLES.filter((s) => s.unit !== "元" && !s.stacked);

test("万元 templates with the 一般公共预算支出表 on a sheet of its own", () => {
  expect(styles.length).toBeGreaterThan(3);
});

describe.each(styles.map((s) => [s.name, s] as const))("%s", (_n, style) => {
  test("T31-15: a General 一般公共预算支出表 (one decimal at most): the cause says 310.00 → 300.00 as the findings do", () => {
    const { grids } = buildVariant(style);
    const t = importWorkbook(grids).tables.find((x) => x.kind === "general_budget_expenditure")!;
    const line = t.rows.find((r) => r.code === "2010601" || r.label.includes("行政运行"))!;
    const cell = line.amounts.total.cell;
    // Every sheet in General (a script's or paste-values' workbook): no table prints a second decimal.
    const general = grids.reduce((x, s) => generalSheet(x, s.sheet), grids);
    const g = mutate(general, cell, 10);
    const res = checkReport(importWorkbook(g));
    const cause = res.causes.find((c) => c.suspects.some((s) => s.cell === cell))!;
    expect(cause.message).toContain(`${cell}（现为 310.00，应为 300.00万元）`);
    // The findings it explains print the same figure.
    expect(cause.explains.map((i) => res.findings[i].message).join()).toMatch(/310\.00/);
  });
});
