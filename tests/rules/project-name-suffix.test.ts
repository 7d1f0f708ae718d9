/**
 * tester33 T33-13: a 绩效目标表 naming its project “XX项目” where the 项目支出表 prints “XX” (or the reverse, or with
 * 专项 / 资金 / 经费) names the same project in words reviewers accept: a 提示, not a 警告 — and a short name (“培训” /
 * “培训经费”, below the 0.8 similarity a near match needs) is still paired, so no 错误 “没有对应的绩效目标表” follows.
 * A difference inside the name stays a 警告. Every generated template, its forms on 表14 (tests/fixtures/forms.ts).
 * Also: forms stacked on one sheet whose project names end with a caption word (“农田建设补助资金”) are each read as
 * their own form — they were taken for a list's 项目名称 | 项目资金 header and merged with the form above.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Report } from "../../src/core/model/schema";
import { STYLES, buildVariant } from "../fixtures/variants";
import { formsSheet, projectsOf, type FormLayout } from "../fixtures/forms";

const LAY: FormLayout = { caption: "年度资金总额", sub: "", sources: "below" };
const onProjects = (r: Report) =>
  checkReport(r, { localize: false })
    .findings.filter((f) => f.rule.startsWith("projects."))
    .map((f) => [f.rule, f.severity, f.message] as const);

describe.each(STYLES.map((s) => [s.name, s] as const))("%s", (_name, st) => {
  const grids = buildVariant(st).grids;
  const projects = projectsOf(importWorkbook(grids));
  const renamed = (i: number, name: string) =>
    projects.map(([n, v], j) => [j === i ? name : n, v] as const);
  const check = (list: ReadonlyArray<readonly [string, number]>) =>
    onProjects(importWorkbook([...grids, formsSheet(st, list, LAY).grid]));

  test("forms under the printed names: nothing said", () => {
    expect(check(projects)).toEqual([]);
  });

  test.each(["项目", "资金"])("a form adding “%s”: one 提示 naming both", (suffix) => {
    const [name] = projects[0];
    const found = check(renamed(0, name + suffix));
    expect(found.map(([rule, severity]) => [rule, severity])).toEqual([
      ["projects.name-mismatch", "info"],
    ]);
    expect(found[0][2]).toContain(`只差后缀“${suffix}”`);
    expect(found[0][2]).toContain(`绩效目标表为“${name}${suffix}”`);
  });

  test("a form dropping the suffix of a short name: paired, one 提示", () => {
    // The 项目支出表 prints “会议经费”, its form “会议” (similarity 0.67).
    const [name] = projects[1];
    const short = "会议";
    const list = renamed(1, short + "经费");
    const forms = formsSheet(st, renamed(1, short), LAY).grid;
    // The 项目支出表 must print the long name: rebuild the variant's grids with that project renamed.
    const g = grids.map((x) => ({
      ...x,
      values: x.values.map((row) =>
        row.map((v) => (typeof v === "string" ? v.replace(name, short + "经费") : v))
      ),
      text: x.text.map((row) => row.map((v) => v.replace(name, short + "经费"))),
    }));
    expect(projectsOf(importWorkbook(g)).map(([n]) => n)).toEqual(list.map(([n]) => n));
    const found = onProjects(importWorkbook([...g, forms]));
    expect(found.map(([rule, severity]) => [rule, severity])).toEqual([
      ["projects.name-mismatch", "info"],
    ]);
  });

  test.each(["农田建设补助资金", "就业补助资金"])(
    "forms named “%s” (a name ending with 资金) are each read: nothing said",
    (word) => {
      const list = projects.map(([n, v], j) => [j === 0 ? word : n, v] as const);
      const g = grids.map((x) => ({
        ...x,
        values: x.values.map((row) =>
          row.map((v) => (typeof v === "string" ? v.replace(projects[0][0], word) : v))
        ),
        text: x.text.map((row) => row.map((v) => v.replace(projects[0][0], word))),
      }));
      const r = importWorkbook([...g, formsSheet(st, list, LAY).grid]);
      expect(
        r.tables.filter((t) => t.kind === "performance_target").map((t) => t.form!.project)
      ).toEqual(list.map(([n]) => n));
      expect(onProjects(r)).toEqual([]);
    }
  );

  test("a word changed inside the name stays a 警告", () => {
    const [name] = projects[0];
    const changed = name.slice(0, 2) + "综合" + name.slice(2);
    const found = check(renamed(0, changed));
    expect(found.map(([rule, severity]) => [rule, severity])).toEqual([
      ["projects.name-mismatch", "warning"],
    ]);
  });
});
