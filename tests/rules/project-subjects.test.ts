/**
 * 项目支出表 read by its codes (newcomer12 NC12-10 / NC12-19), in every style of the generated workbook:
 * - "groups": 功能科目 类 / 款 / 项 lines (科目编码 | 科目名称/项目名称) with the projects, uncoded, under their 项;
 * - "units": 单位编码 lines (单位编码 | 单位名称/项目名称 | 功能科目编码) over their uncoded projects;
 * - "column": a 功能科目编码 column giving each project's 项.
 * One project printed 10 万元 higher is its group's 错误, by 10 (before: the list was read flat — 「合计」 ≠ 各一级行之和
 * by whole groups, suspects “应为 0.00”). A project booked to another 科目, or to one no other table lists, is an
 * 错误 of projects.subject-totals (before: no rule compared the projects by 科目 — 0 findings).
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { STYLES, buildVariant, type VariantOptions } from "../fixtures/variants";

type Codes = NonNullable<VariantOptions["projectCodes"]>;
const check = (st: (typeof STYLES)[number], projectCodes: Codes) =>
  checkReport(importWorkbook(buildVariant(st, { projectCodes }).grids)).findings;
/** 10 万元 in the style's unit. */
const ten = (st: (typeof STYLES)[number]) => (st.unit === "元" ? 100000 : 10);

describe.each(STYLES.map((s) => [s.name, s] as const))("%s", (_name, st) => {
  test.each(["groups", "units", "column"] as const)(
    "%s: a consistent table gives no 错误 / 警告; the coded lines head their projects",
    (layout) => {
      const found = check(st, { layout }).filter((f) => f.severity !== "info");
      expect(found).toEqual([]);
      const report = importWorkbook(buildVariant(st, { projectCodes: { layout } }).grids);
      const t = report.tables.find((x) => x.kind === "project_expenditure")!;
      const projects = t.rows.filter((r) => /经费|项目$/.test(r.label));
      expect(projects.length).toBeGreaterThan(1);
      // Each project carries its 项 (printed on its line, or the 项 line's it is listed under).
      expect(projects.map((r) => r.subjectCode)).toEqual(
        projects.map((_r, i) => (i === 0 ? "2010602" : "2010699"))
      );
      if (layout === "groups") {
        const xiang = t.rows.find((r) => r.code === "2010699")!;
        expect(xiang.level).toBe(3);
        expect(projects.every((r) => r.level === 4 && !r.code)).toBe(true);
      }
      if (layout === "units") expect(projects.every((r) => r.level === 2)).toBe(true);
    }
  );

  test.each([
    ["groups", 0],
    ["groups", 1],
    ["units", 0],
    ["units", 1],
  ] as const)("%s: project %i +10 is its group's 错误 by 10, not the 合计's", (layout, plus) => {
    const found = check(st, { layout, plus }).filter((f) => f.severity === "error");
    const hierarchy = found.filter((f) => f.rule.startsWith("hierarchy."));
    expect(hierarchy.length).toBeGreaterThan(0);
    for (const f of hierarchy) {
      expect(f.rule).toBe("hierarchy.parent-children");
      expect(Math.abs(f.difference ?? 0)).toBeCloseTo(ten(st), 6);
    }
    // The group is the project's 项 (groups) or 单位 (units).
    const group = layout === "groups" ? ["2010602", "2010699"][plus] : ["本级", "评审中心"][plus];
    expect(hierarchy.every((f) => f.message.includes(group))).toBe(true);
    // Anything else said is the same 10 on the project's 科目 (the 单位 layout sums projects by 科目).
    for (const f of found.filter((x) => !x.rule.startsWith("hierarchy.")))
      expect([f.rule, Math.abs(f.difference ?? 0)]).toEqual(["projects.subject-totals", ten(st)]);
  });

  // tester29 T29-14: the project's code, not two 科目's amounts, is what is wrong; said once, citing the code cell.
  test.each([
    ["column", "2010699"],
    ["groups", "2010699"],
    ["units", "2010699"],
    ["column", "2010650"],
    ["groups", "2010650"],
    ["units", "2010650"],
  ] as const)(
    "%s: the first project booked to %s instead of 2010602 → one 错误 on its code cell, 「疑为 2010602」",
    (layout, code) => {
      const report = importWorkbook(buildVariant(st, { projectCodes: { layout, code } }).grids);
      const result = checkReport(report);
      const found = result.findings.filter((f) => f.severity === "error");
      expect(found.map((f) => f.rule)).toEqual(["projects.subject-totals"]);
      const [f] = found;
      expect(f.message).toContain(`的功能科目 ${code} 疑为 2010602`);
      expect(f.message).toContain("财政业务专项经费");
      const t12 = report.tables.find((t) => t.kind === "project_expenditure")!;
      const project = t12.rows.find((r) => r.label.includes("财政业务专项经费") && !r.code)!;
      // The checked figure is the project's 科目 (its own code cell, or the 项 line's it is listed under).
      expect(f.cells[0]).toBe(project.subjectCodeCell);
      // The localizer changes amounts only: it is not asked to explain a code (it would blame correct figures).
      expect(result.causes.filter((c) => c.explains.includes(0))).toEqual([]);
    }
  );

  test.each(["column", "units"] as const)(
    "%s: the first project booked to 2130101, a 科目 no table lists → one 错误: 2130101 疑为 2010602",
    (layout) => {
      const found = check(st, { layout, code: "2130101" }).filter((f) => f.severity === "error");
      expect(found.map((f) => f.rule)).toEqual(["projects.subject-totals"]);
      expect(found[0].message).toContain("的功能科目 2130101 疑为 2010602");
      expect(found[0].message).toContain("2130101 不在");
    }
  );

  test("column: a project booked to a 科目 no other table lists → 错误 naming the code", () => {
    const found = check(st, { layout: "column", code: "2010698" }).filter(
      (f) => f.severity === "error"
    );
    const missing = found.filter((f) => /2010698 不在/.test(f.message));
    expect(missing.length).toBeGreaterThan(0);
    expect(missing[0].rule).toBe("projects.subject-totals");
    expect(found.every((f) => f.rule === "projects.subject-totals")).toBe(true);
  });
});

/**
 * The code column captioned as a name column (功能科目, 功能分类科目, 支出功能分类科目: tester31 T31-29, a 浙江 template)
 * still gives each project its 项, read by its content: 7-digit codes beside 项目名称. Before, the column was a second
 * name column and projects.subject-totals said the table listed no 功能科目.
 */
describe.each(
  STYLES.flatMap((s) =>
    ["功能科目", "功能分类科目", "支出功能分类科目"].map((c) => [s.name, c, s] as const)
  )
)("%s, code column captioned %s", (_n, caption, st) => {
  test("each project's 项 is read, and a project booked to another 科目 is an 错误", () => {
    const report = importWorkbook(
      buildVariant(st, { projectCodes: { layout: "column", caption } }).grids
    );
    const t = report.tables.find((x) => x.kind === "project_expenditure")!;
    const projects = t.rows.filter((r) => /经费|项目$/.test(r.label));
    expect(projects.map((r) => r.subjectCode)).toEqual(
      projects.map((_r, i) => (i === 0 ? "2010602" : "2010699"))
    );
    const moved = check(st, { layout: "column", caption, code: "2010699" }).filter(
      (f) => f.rule === "projects.subject-totals" && f.severity === "error"
    );
    expect(moved.length).toBeGreaterThan(0);
  });
});
