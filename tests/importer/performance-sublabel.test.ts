/**
 * 项目支出绩效目标表 forms whose money line prints a sub-label before its figure (四川-like, tester29 T29-10):
 * `年度资金总额 | 合计 | 50 | 财政拨款 | 50` / `| 其他资金 | 0`. The text 合计 was read as the (blank) amount: a false
 * 错误 "年度资金总额为空" on every project, the real mismatch never said. Forms for the projects of every style of the
 * generated workbook, in its unit, one per project stacked on one sheet.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Report } from "../../src/core/model/schema";
import { STYLES, buildVariant } from "../fixtures/variants";
import { formsSheet, projectsOf, type FormLayout } from "../fixtures/forms";
import { noFindingsVerdict } from "../../src/core/review/verdict";

const serious = (r: Report) =>
  checkReport(r, { localize: false }).findings.filter(
    (f) => f.severity === "error" || f.severity === "warning"
  );
const onForms = (r: Report) =>
  serious(r).filter(
    (f) => f.rule.startsWith("projects.") || f.cells.some((c) => c.startsWith("表14!"))
  );

/**
 * 年度资金总额 with each sub-label (T29-10), and the other captions of the form's one money line (T29-11: 资金总额 /
 * 预算金额 / 项目资金 / 预算数 were not read at all — the forms listed as 未识别 under a headline 未发现问题).
 */
const LAYOUTS: FormLayout[] = [
  ...(["合计", "小计", "总计", ""] as const).flatMap((sub) =>
    (["beside", "below"] as const).map((sources) => ({ caption: "年度资金总额", sub, sources }))
  ),
  ...["资金总额", "预算金额", "项目资金", "预算数", "预算金额（{u}）"].flatMap((caption) =>
    (["合计", ""] as const).map((sub) => ({ caption, sub, sources: "beside" as const }))
  ),
];

describe.each(STYLES.map((s) => [s.name, s] as const))("%s", (_name, st) => {
  const grids = buildVariant(st).grids;
  const projects = projectsOf(importWorkbook(grids));
  test.each(LAYOUTS.map((l) => [`${l.caption}|${l.sub || "—"}|${l.sources}`, l] as const))(
    "%s: every form read, no finding; one project 10 higher is its one 错误 at its figure",
    (_n, lay) => {
      expect(projects.length).toBeGreaterThan(1);
      const ok = importWorkbook([...grids, formsSheet(st, projects, lay).grid]);
      const forms = ok.tables.filter((t) => t.kind === "performance_target" && t.form);
      expect(forms.map((t) => t.form!.project)).toEqual(projects.map(([n]) => n));
      expect(onForms(ok)).toEqual([]);
      const [name] = projects[projects.length - 1];
      const by = st.unit === "元" ? 100000 : 10;
      const { grid, amountCells } = formsSheet(st, projects, lay, { name, by });
      const found = onForms(importWorkbook([...grids, grid]));
      expect(found.map((f) => [f.rule, f.severity, f.cells[0]])).toEqual([
        ["projects.annual-amount", "error", amountCells[name]],
      ]);
      expect(found[0].message).not.toMatch(/为空/);
      // A text where the figure should be is said as text, never 空 (in the finding, and in the localizer's words).
      // (An alias caption is the money line only with a figure after it: that form is then listed as not read.)
      if (lay.caption !== "年度资金总额") return;
      const text = formsSheet(st, projects, lay, { name, by: 0, words: "待定" });
      const wordy = checkReport(importWorkbook([...grids, text.grid]));
      const said = wordy.findings.filter((f) => f.cells.includes(text.amountCells[name]));
      expect(said.map((f) => f.rule)).toContain("projects.annual-amount");
      for (const f of said) expect(f.message).not.toMatch(/为空/);
      const all = JSON.stringify(wordy);
      expect(all).not.toMatch(new RegExp(`${text.amountCells[name]}（现为 空`));
      expect(said.some((f) => f.message.includes("文字“待定”"))).toBe(true);
      // A dash printed for nothing is a blank: 为空, as before.
      const dash = formsSheet(st, projects, lay, { name, by: 0, words: "—" });
      const blank = checkReport(importWorkbook([...grids, dash.grid]), { localize: false });
      const told = blank.findings.filter((f) => f.rule === "projects.annual-amount");
      expect(told.map((f) => f.cells[0])).toEqual([dash.amountCells[name]]);
      expect(told[0].message).toMatch(/为空/);
    }
  );
});

describe.each(STYLES.map((s) => [s.name, s] as const))("%s: the verdict line", (_name, st) => {
  const grids = buildVariant(st).grids;
  const projects = projectsOf(importWorkbook(grids));
  test("forms under a caption no alias knows: never a bare 未发现问题", () => {
    const lay: FormLayout = { caption: "资金情况", sub: "", sources: "beside" };
    const r = importWorkbook([...grids, formsSheet(st, projects, lay).grid]);
    expect(r.unrecognized.some((u) => u.kind === "performance_target")).toBe(true);
    const said = noFindingsVerdict(checkReport(r).rules.checked, r.unrecognized);
    expect(said).not.toBe("未发现问题。");
    expect(said).toMatch(/未能读出.*不能视为整本通过/);
    // Everything read: the plain line.
    const all = importWorkbook([...grids, formsSheet(st, projects, LAYOUTS[0]).grid]);
    expect(noFindingsVerdict(checkReport(all).rules.checked, all.unrecognized)).toBe(
      "未发现问题。"
    );
  });
});
