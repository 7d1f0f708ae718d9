/**
 * A finding the localizer explains by other cells than its checked one: its 应为 (the figure the checked cell would
 * need) is the wrong fix, and a reviewer reading 审核结果's findings table — not the 疑似出错 block above it — would
 * correct a right figure (tester31 T31-3 / T31-7). Such rows leave 应为 blank and name the suspected cells; the cell
 * notes leave that 应为 out too. Findings whose checked cell is itself suspected keep their 应为. On every generated
 * template (a 项 line's 基本支出 raised in the 支出总表: its row's 合计 and its 款's 基本支出 disagree) and on the
 * tester's 四川 county workbook.
 */
import { promises as fs } from "fs";
import path from "path";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { buildReviewPlan } from "../../src/core/review/build";
import type { ReviewPlan } from "../../src/core/review/plan";
import type { SheetGrid } from "../../src/core/grid/grid";
import type { CheckResult } from "../../src/core/rules/rule";
import { cellA1, parseRef } from "../../src/core/grid/address";
import { STYLES, buildVariant } from "../fixtures/variants";
import { mutate } from "../../bench/localization";
import { findingsCsv } from "../../src/taskpane/export";
import { withDecisions } from "../../src/core/decisions/decisions";

const a1 = (ref: string) => {
  const p = parseRef(ref);
  return `${p.sheet}!${cellA1(p.r0, p.c0)}`;
};

function review(grids: SheetGrid[]): { plan: ReviewPlan; result: CheckResult } {
  const report = importWorkbook(grids);
  const result = checkReport(report);
  const plan = buildReviewPlan({
    report,
    result,
    grids,
    file: "x.xlsx",
    reviewedAt: "2026-12-03T08:00:00Z",
    productVersion: "9.9.9",
  });
  return { plan, result };
}

/** The 审核结果 findings row whose 说明 starts with the finding's message: [说明, 应为]. */
function rowOf(plan: ReviewPlan, message: string): [string, unknown] {
  const sheet = plan.sheets.find((s) => s.name === "审核结果")!;
  const said = sheet.cells.find(
    (c) => c.col === 5 && typeof c.value === "string" && c.value.startsWith(message)
  )!;
  const expected = sheet.cells.find((c) => c.row === said.row && c.col === 6);
  return [said.value as string, expected?.value ?? null];
}

/** Every explained finding: a row without 应为 naming the suspects, unless its checked cell is suspected. */
function expectLocated(plan: ReviewPlan, result: CheckResult) {
  let away = 0;
  for (const c of result.causes) {
    const suspected = new Set([c.suspects, ...c.alternatives].flat().map((s) => a1(s.cell)));
    for (const i of c.explains) {
      const f = result.findings[i];
      const [said, expected] = rowOf(plan, f.message);
      if (suspected.has(a1(f.cells[0]))) {
        expect(expected).toBe(f.expected);
        continue;
      }
      away++;
      expect(expected).toBeNull();
      expect(said).toContain(`疑为 ${a1(c.suspects[0].cell)}`);
      const mark = plan.marks.find((m) => `${m.sheet}!${m.cell}` === a1(f.cells[0]))!;
      expect(mark.note).not.toContain(`应为`.concat(" "));
    }
  }
  return away;
}

describe.each(STYLES.map((s) => [s.name, s] as const))("%s", (_n, style) => {
  test("a 项's 基本支出 raised in the 支出总表: the 合计 and 款 rows name the 基本支出 cell, without 应为", () => {
    const { grids } = buildVariant(style);
    const t3 = importWorkbook(grids).tables.find((t) => t.kind === "expenditure_summary")!;
    const leaf = t3.rows.find((r) => r.code?.length === 7 && r.amounts.basic?.value)!;
    const by = style.unit === "元" ? 12300 : 1.23;
    const { plan, result } = review(mutate(grids, leaf.amounts.basic.cell, by));
    expect(result.causes[0].suspects.map((s) => a1(s.cell))).toEqual([a1(leaf.amounts.basic.cell)]);
    expect(expectLocated(plan, result)).toBeGreaterThan(0);
  });
});

test("tester31's 四川 county: the 合计 F9 of 表1-2 is not told 应为 3,010,000; G9 is named", async () => {
  const file = path.join(__dirname, "../fixtures/tester31/sichuan-county.xlsx");
  const { grids } = await readXlsxBuffer(await fs.readFile(file));
  const { plan, result } = review(grids);
  const f = result.findings.find(
    (x) => x.rule === "within.row-basic-project" && a1(x.cells[0]) === "表1-2!F9"
  )!;
  const [said, expected] = rowOf(plan, f.message);
  expect(expected).toBeNull();
  expect(said).toContain("疑为 表1-2!G9 有误");
  expect(expectLocated(plan, result)).toBeGreaterThanOrEqual(2);
});

test("the pane's CSV export says what 审核结果 says: no 应为 for a finding located elsewhere, the suspects named", async () => {
  const file = path.join(__dirname, "../fixtures/tester31/sichuan-county.xlsx");
  const { grids } = await readXlsxBuffer(await fs.readFile(file));
  const report = importWorkbook(grids);
  const result = checkReport(report);
  const { findings } = withDecisions(result, [], "v1");
  const rows = findingsCsv({ report, result }, findings).trim().split("\r\n").slice(1);
  const i = result.findings.findIndex(
    (x) => x.rule === "within.row-basic-project" && a1(x.cells[0]) === "表1-2!F9"
  );
  const row = rows[findings.findIndex((x) => x.index === i)];
  expect(row).toContain("疑为 表1-2!G9 有误");
  // 说明 then 应为: the quoted message is followed by an empty 应为 field.
  expect(row).toMatch(/不列应为）"?,,/);
  // A finding whose checked cell is itself suspected keeps its 应为 in the CSV.
  const kept = rows.filter((r) => !r.includes("不列应为"));
  expect(kept.length).toBeGreaterThan(0);
});
