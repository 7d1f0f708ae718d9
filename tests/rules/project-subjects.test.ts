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

  test.each(["column", "groups"] as const)(
    "%s: the first project booked to 2010699 instead of 2010602 → 错误 on both 科目",
    (layout) => {
      const found = check(st, { layout, code: "2010699" }).filter((f) => f.severity === "error");
      expect(found.length).toBeGreaterThan(0);
      expect(found.every((f) => f.rule === "projects.subject-totals")).toBe(true);
      for (const code of ["2010602", "2010699"])
        expect(found.some((f) => f.message.includes(code))).toBe(true);
      const fifty = st.unit === "元" ? 500000 : 50;
      // The mixed-funds style lists the first project without its 上年结转 (40 of 50).
      expect(
        found.every((f) =>
          [fifty, fifty * 0.8].some((d) => Math.abs(Math.abs(f.difference!) - d) < 1e-6)
        )
      ).toBe(true);
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
