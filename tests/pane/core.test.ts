/** The pane's pure parts: a finding's arithmetic from its identity, decisions, table corrections. */
import { checkReport } from "../../src/core/rules/engine";
import { arithmeticOf, tableOfFinding } from "../../src/core/findings/arithmetic";
import { ruleTitle } from "../../src/core/review/marks";
import {
  addDecisionsToPlan,
  decide,
  findingKey,
  parseDecisions,
  withDecisions,
} from "../../src/core/decisions/decisions";
import { applyCorrections, correct, parseCorrections } from "../../src/core/model/corrections";
import { loadSample, SAMPLES } from "../helpers";
import { fixturePlan } from "../office/plan-fixture";
import { findingsCsv } from "../../src/taskpane/export";
import { SEVERITY_NAMES } from "../../src/core/rules/rule";

test.each(SAMPLES.map((s) => [s]))(
  "%s: every arithmetic adds up — figure − sum = difference; a 尾差 lies inside its interval, an 错误 outside",
  async (name) => {
    const { report } = await loadSample(name);
    const result = checkReport(report);
    const ar = arithmeticOf(report, result);
    expect(ar.size).toBeGreaterThan(0);
    for (const [i, a] of ar) {
      const f = result.findings[i];
      expect(a.cell).toBe(f.cells[0]);
      const sum = a.parts.reduce((s, p) => s + (p.sign === "+" ? p.value : -p.value), 0);
      expect(a.sum).toBeCloseTo(sum, 4);
      expect(a.difference).toBeCloseTo(a.value - a.sum, 4);
      if (f.severity === "rounding")
        expect(Math.abs(a.difference)).toBeLessThanOrEqual(a.interval + 1e-9);
      if (f.severity === "error" && a.relation === "=")
        expect(Math.abs(a.difference)).toBeGreaterThan(a.interval);
      for (const p of a.parts) expect(p.cell).toMatch(/!/);
    }
    expect(tableOfFinding(report, result.findings[0].cells)).toBeDefined();
  }
);

test("decisions: dismissed findings are not marked, need a reason, and are flagged when the catalog changed", async () => {
  const { report } = await loadSample("jishan-2024");
  const result = checkReport(report);
  const [a, b] = result.findings;
  expect(() => decide([], a, "dismissed", " ", "v1", "2026-11-29T00:00:00Z")).toThrow("理由");
  let ds = decide([], a, "dismissed", "已与财政批复核对，系排版尾差", "v1", "2026-11-29T00:00:00Z");
  ds = decide(ds, b, "confirmed", "", "v0", "2026-11-28T00:00:00Z");
  const stored = parseDecisions(JSON.stringify(ds));
  expect(stored).toEqual(ds);
  const { findings, kept } = withDecisions(result, stored, "v1");
  expect(kept.findings).toHaveLength(result.findings.length - 1);
  expect(kept.findings.map(findingKey)).not.toContain(findingKey(a));
  expect(findings[1]).toMatchObject({ decision: { status: "confirmed" }, outdated: true });
  // Outdated dismissal: marked again.
  expect(withDecisions(result, stored, "v2").kept.findings).toHaveLength(result.findings.length);
  const plan = addDecisionsToPlan(fixturePlan(kept), findings);
  const texts = plan.sheets[0].cells.map((c) => c.value);
  expect(texts).toContain("审核意见（2 条）");
  expect(texts).toContain("已与财政批复核对，系排版尾差");
  expect(texts.some((t) => typeof t === "string" && t.includes("需复核"))).toBe(true);
  // 规则 reads as in 审核结果: the Chinese title, the id apart in 规则编号.
  const header = plan.sheets[0].cells.find((c) => c.value === "审核意见（2 条）")!.row + 1;
  const byCol = (col: number) =>
    plan.sheets[0].cells.filter((c) => c.row > header && c.col === col).map((c) => c.value);
  expect(byCol(2)).toEqual([a, b].map((f) => ruleTitle(f.rule)));
  expect(byCol(10)).toEqual([a.rule, b.rule]);
  expect(parseDecisions("not json")).toEqual([]);
  expect(decide(ds, a, undefined, "", "v1", "")).toHaveLength(1);
});

test("corrections: a table's kind and unit are overridden on the next import, and change what the rules see", async () => {
  const { report } = await loadSample("jishan-2024");
  const t = report.tables.find((x) => x.kind === "general_budget_expenditure")!;
  const cs = correct([], { sheet: t.sheet, range: t.range, unit: "元" });
  expect(parseCorrections(JSON.stringify(cs))).toEqual(cs);
  const { report: fixed, applied } = applyCorrections(report, cs);
  expect(applied).toBe(1);
  expect(fixed.tables.find((x) => x.id === t.id)!.unit).toBe("元");
  expect(report.tables.find((x) => x.id === t.id)!.unit).toBe("万元");
  // 万元 figures read as 元 no longer match the other tables.
  const messages = (r: typeof report) => checkReport(r).findings.map((f) => f.message);
  const before = messages(report);
  expect(
    messages(fixed)
      .filter((m) => !before.includes(m))
      .some((m) => m.includes("元，超出尾差"))
  ).toBe(true);
  expect(correct(cs, { sheet: t.sheet, range: t.range })).toEqual([]);
  expect(
    applyCorrections(report, [{ sheet: "不存在", range: "A1:B2", kind: "other" }]).applied
  ).toBe(0);
});

test("the pane's CSV export: 规则 in Chinese as in 审核结果, the rule's id apart in the last column 规则编号", async () => {
  const { report } = await loadSample("jishan-2024");
  const result = checkReport(report);
  const { findings } = withDecisions(result, [], "v1");
  const lines = findingsCsv({ report }, findings).trim().split("\r\n");
  expect(lines[0].split(",")).toEqual([
    "序号",
    "级别",
    "规则",
    "表",
    "单元格",
    "说明",
    "应为",
    "实为",
    "差额",
    "意见",
    "理由",
    "规则编号",
  ]);
  expect(lines).toHaveLength(result.findings.length + 1);
  result.findings.forEach((f, i) => {
    expect(
      lines[i + 1].startsWith(`${i + 1},${SEVERITY_NAMES[f.severity]},${ruleTitle(f.rule)},`)
    ).toBe(true);
    expect(lines[i + 1].endsWith(`,${f.rule}`)).toBe(true);
  });
});
