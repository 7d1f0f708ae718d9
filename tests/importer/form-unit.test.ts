/**
 * 项目支出绩效目标表 forms printing no unit at all (no 单位：万元 line, no unit in the money caption, no page header),
 * stacked on one sheet beside a generated workbook of every style. They were read as 元: in a 万元 workbook each form
 * stood 10,000 times below its project, a false 错误 per project (projects.annual-amount). They take the unit the
 * workbook's tables print when their figures agree with their projects' in it, stay 元 when their figures agree in
 * 元 or no table prints a unit, and a 提示 (naming.form-unit) says the unit was not printed and which was assumed.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { isUnitNote } from "../../src/core/importer/meta";
import type { SheetGrid } from "../../src/core/grid/grid";
import type { Report } from "../../src/core/model/schema";
import { STYLES, buildVariant } from "../fixtures/variants";
import { formsSheet, projectsOf, type FormLayout } from "../fixtures/forms";

const LAYOUT: FormLayout = { caption: "年度资金总额", sub: "", sources: "beside" };

/** Every cell that is a unit note (单位：万元, 金额单位：元) emptied: the sheet prints no unit. */
const withoutUnitLines = (g: SheetGrid): SheetGrid => ({
  ...g,
  values: g.values.map((r) =>
    r.map((x) => (typeof x === "string" && isUnitNote(x) ? "" : x))
  ) as SheetGrid["values"],
  text: g.text.map((r) => r.map((x) => (isUnitNote(x) ? "" : x))),
});

const findings = (r: Report) => checkReport(r, { localize: false }).findings;
const serious = (r: Report) =>
  findings(r).filter((f) => f.severity === "error" || f.severity === "warning");
const forms = (r: Report) => r.tables.filter((t) => t.kind === "performance_target" && t.form);
const told = (r: Report) => findings(r).filter((f) => f.rule === "naming.form-unit");

describe.each(STYLES.map((s) => [s.name, s] as const))("%s", (_name, st) => {
  const grids = buildVariant(st).grids;
  const projects = projectsOf(importWorkbook(grids));

  test("forms in the tables' unit printing none: read in it, no 错误, one 提示 naming the unit", () => {
    const sheet = withoutUnitLines(formsSheet(st, projects, LAYOUT).grid);
    const report = importWorkbook([...grids, sheet]);
    expect(forms(report).map((f) => f.unit)).toEqual(projects.map(() => st.unit));
    expect(serious(report)).toEqual([]);
    const [f, ...more] = told(report);
    expect(more).toEqual([]);
    expect(f.severity).toBe("info");
    expect(f.message).toMatch(/未印金额单位/);
    expect(f.message).toContain(`已按其他表印的“${st.unit}”读`);
  });

  test("a form's own mistake is still one 错误 at its figure", () => {
    const [name] = projects[projects.length - 1];
    const by = st.unit === "元" ? 100000 : 10;
    const { grid, amountCells } = formsSheet(st, projects, LAYOUT, { name, by });
    const report = importWorkbook([...grids, withoutUnitLines(grid)]);
    expect(serious(report).map((f) => [f.rule, f.cells[0]])).toEqual([
      ["projects.annual-amount", amountCells[name]],
    ]);
  });

  if (st.unit === "万元")
    test("forms printing none whose figures are 元 among 万元 tables: read as 元, no 错误, the 提示 says why", () => {
      const inYuan = projects.map(([n, a]) => [n, Math.round(a * 10000 * 100) / 100] as const);
      const sheet = withoutUnitLines(formsSheet(st, inYuan, LAYOUT).grid);
      const report = importWorkbook([...grids, sheet]);
      expect(forms(report).map((f) => f.unit)).toEqual(projects.map(() => "元"));
      expect(serious(report)).toEqual([]);
      expect(told(report).map((f) => f.message)).toEqual([
        expect.stringContaining(
          "其他表印的是“万元”，但其年度资金总额按“元”读才与项目支出表中的项目金额相符"
        ),
      ]);
    });

  test("no table printing a unit either: the forms stay 元 and the 提示 says so", () => {
    const sheet = formsSheet(st, projects, LAYOUT).grid;
    const report = importWorkbook([...grids, sheet].map(withoutUnitLines));
    expect(report.tables.filter((t) => !t.form && t.unitText)).toEqual([]);
    expect(forms(report).map((f) => f.unit)).toEqual(projects.map(() => "元"));
    expect(told(report).map((f) => f.message)).toEqual([
      expect.stringContaining("工作簿中的表也都未印金额单位，已按“元”读"),
    ]);
  });

  test("forms printing their unit: no 提示", () => {
    const report = importWorkbook([...grids, formsSheet(st, projects, LAYOUT).grid]);
    expect(forms(report).every((f) => !f.unitAssumed)).toBe(true);
    expect(told(report)).toEqual([]);
  });
});
