/**
 * Causes on the samples: the audited published errors (../shared/seeds/*.audit.md section c) are named at their
 * audited cells, far fewer causes than findings, 尾差 never a cause, ties kept, and the time budget falls back to
 * the plain findings. Also the MIP step (HiGHS) and the outputs (JSON version 2, CLI text leading with causes).
 */
import { loadSample, samplePath } from "../helpers";
import { checkReport } from "../../src/core/rules/engine";
import { localize } from "../../src/core/localize/localize";
import { loadSolver } from "../../src/cli/solver";
import { runCheck } from "../../src/cli/check";
import { CheckFileJsonSchema, CheckJsonSchema } from "../../src/core/findings/json";
import type { Cause } from "../../src/core/localize/cause";

const named = (cs: Cause[]) =>
  new Set(cs.flatMap((c) => [c.suspects, ...c.alternatives].flat().map((s) => s.cell)));

test("jishan: 表5 and 表6 (another department's tables, c1/c2/c3) are the causes of 17 of the errors", async () => {
  const { report } = await loadSample("jishan-2024");
  const r = checkReport(report);
  expect(r.causes.map((c) => [c.method, c.sheet])).toEqual([
    ["table", "预算公开表5"],
    ["table", "预算公开表6"],
  ]);
  const cells = named(r.causes);
  for (const c of [
    "预算公开表5!C6",
    "预算公开表5!C7",
    "预算公开表5!C17",
    "预算公开表5!C23",
    "预算公开表5!C27",
    "预算公开表5!D6",
    "预算公开表6!C6",
    "预算公开表6!C37",
    "预算公开表6!C38",
  ])
    expect(cells).toContain(c);
  // The figures the other tables require: 表5 合计 = 表2 一般公共预算 450.05; 基本支出 = 表3 301.21.
  const t5 = r.causes[0].suspects;
  expect(t5.find((s) => s.cell === "预算公开表5!C6")).toMatchObject({
    printed: 234.12,
    value: 450.05,
    relation: "=",
  });
  expect(t5.find((s) => s.cell === "预算公开表5!D6")).toMatchObject({
    printed: 211.72,
    value: 301.21,
  });
  expect(r.causes[1].suspects.find((s) => s.cell === "预算公开表6!C6")).toMatchObject({
    printed: 1705.54,
    value: 450.05,
    relation: "≤",
  });
  const explained = new Set(r.causes.flatMap((c) => c.explains));
  expect(explained.size).toBe(17);
  expect(r.causes.length).toBeLessThan(explained.size / 5);
  // 尾差 is never a cause; findings that are no comparison (code sets, a missing form) stay findings of their own.
  expect([...explained].every((i) => r.findings[i].severity === "error")).toBe(true);
  expect(
    r.findings
      .filter((f, i) => f.severity === "error" && !explained.has(i))
      .map((f) => f.rule)
      .sort()
  ).toEqual(["cross.code-sets", "projects.performance-coverage"]);
  expect(r.localization).toEqual({ status: "complete", unexplained: [] });
});

test("jincheng: the blank 年度资金总额 (c1.8) with the blank 年度 source whose 实施期 is filled", async () => {
  const { report } = await loadSample("jincheng-chengqu-2025");
  const r = checkReport(report);
  expect(r.causes).toHaveLength(1);
  expect(r.causes[0].suspects).toEqual([
    {
      cell: "项目支出绩效目标表!E114",
      printed: null,
      value: 133900,
      unit: "元",
      decimals: 0,
      relation: "=",
    },
    {
      cell: "项目支出绩效目标表!E117",
      printed: null,
      value: 133900,
      unit: "元",
      decimals: 0,
      relation: "=",
    },
  ]);
  expect(r.causes[0].explains.map((i) => r.findings[i].rule)).toEqual(["projects.annual-amount"]);
});

test("xingxian: only 尾差 and non-comparison findings — no cause", async () => {
  const { report } = await loadSample("xingxian-2023");
  const r = checkReport(report);
  expect(r.findings.filter((f) => f.severity === "rounding").length).toBeGreaterThan(10);
  expect(r.causes).toEqual([]);
});

test("a tie is reported as a tie: two blank sources equally trusted", async () => {
  const { report } = await loadSample("jincheng-chengqu-2025");
  const r = checkReport(report, { localize: false });
  // Without the soft 实施期 = 年度 corroboration every blank 年度 source is as likely as any other.
  const hard = r.identities.filter((x) => !x.soft);
  const l = localize(hard, r.findings);
  expect(l.causes).toHaveLength(1);
  const c = l.causes[0];
  expect(c.alternatives.length).toBeGreaterThan(0);
  expect(
    [c.suspects, ...c.alternatives].every((s) => s[0].cell === "项目支出绩效目标表!E114")
  ).toBe(true);
  expect(c.message).toContain(" 或 ");
});

test("the wall-clock cap falls back to the plain findings", async () => {
  const { report } = await loadSample("jishan-2024");
  const r = checkReport(report, { localize: false });
  let t = 0;
  const l = localize(r.identities, r.findings, { budgetMs: 5, now: () => (t += 10) });
  expect(l.status).toBe("budget");
  expect(l.causes).toEqual([]);
  expect(l.unexplained.length).toBe(17);
});

test("the budget is counted in tries, not time: a machine 50 times slower gives the same causes", async () => {
  const solver = await loadSolver();
  const { report } = await loadSample("jishan-2024");
  const r = checkReport(report, { localize: false });
  const fast = localize(r.identities, r.findings, { solver, now: () => 0 });
  // Each look at the clock 100 ms later: the 35 looks of this localization come to 3.5 s.
  let t = 0;
  const slow = localize(r.identities, r.findings, { solver, now: () => (t += 100) });
  expect(fast.status).toBe("complete");
  expect(fast.causes.length).toBeGreaterThan(0);
  expect(slow).toEqual(fast);
});

test("the tries budget ends the search whatever the clock says", async () => {
  const { report } = await loadSample("jishan-2024");
  const r = checkReport(report, { localize: false });
  const all = localize(r.identities, r.findings, { now: () => 0 });
  const few = localize(r.identities, r.findings, { now: () => 0, work: 3 });
  expect(all.status).toBe("complete");
  expect(few.status).toBe("budget");
  expect(few.unexplained.length).toBeGreaterThan(all.unexplained.length);
});

test("the MIP step (HiGHS) explains what the exhaustive searches are kept from", async () => {
  const solver = await loadSolver();
  expect(solver).toBeDefined();
  const { report } = await loadSample("jincheng-chengqu-2025");
  const r = checkReport(report, { localize: false });
  const l = localize(r.identities, r.findings, { solver, maxPairs: 0 });
  expect(l.causes.map((c) => [c.method, c.suspects.map((s) => [s.cell, s.value])])).toEqual([
    [
      "mip",
      [
        ["项目支出绩效目标表!E114", 133900],
        ["项目支出绩效目标表!E117", 133900],
      ],
    ],
  ]);
  expect(localize(r.identities, r.findings, { maxPairs: 0 })).toMatchObject({
    causes: [],
    unexplained: [0],
  });
});

test("outputs: JSON version 2 carries the causes; the text report leads with them", async () => {
  let text = "";
  await runCheck(
    [samplePath("jishan-2024")],
    { json: false },
    (s) => (text += s + "\n"),
    () => undefined
  );
  const lines = text.split("\n");
  expect(lines[3]).toBe("2 处疑似错误可解释 17 条不一致（共 33 条发现）：");
  expect(lines[4]).toMatch(/^ {2}1\. 预算公开表5 整表疑与其他表不符/);
  let json = "";
  await runCheck(
    [samplePath("jishan-2024")],
    { json: true },
    (s) => (json += s),
    () => undefined
  );
  const doc = CheckJsonSchema.parse(JSON.parse(json));
  expect(doc.version).toBe(2);
  const file = CheckFileJsonSchema.parse(doc.files[0]);
  expect(file.causes).toHaveLength(2);
  expect(file.causes[0].explains.every((i) => i < file.findings.length)).toBe(true);
  // --min-severity keeps the causes pointing at the findings still listed.
  let errorsOnly = "";
  await runCheck(
    [samplePath("jincheng-chengqu-2025")],
    { json: true, minSeverity: "error" },
    (s) => (errorsOnly += s),
    () => undefined
  );
  const j = CheckFileJsonSchema.parse(CheckJsonSchema.parse(JSON.parse(errorsOnly)).files[0]);
  expect(j.findings.map((f) => f.severity)).toEqual(["error"]);
  expect(j.causes.map((c) => c.explains)).toEqual([[0]]);
});

import { promises as fsp } from "fs";
import nodePath from "path";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { mutate } from "../../bench/localization";
import { STYLES, buildVariant } from "../fixtures/variants";

/** A consistent workbook (a field case's clean twin) with the given cells changed by delta. */
async function changed(cells: string[], delta: number) {
  const { grids } = await readXlsxBuffer(
    await fsp.readFile(
      nodePath.join(__dirname, "..", "fixtures", "field-cases", "13-hidden-item-row.clean.xlsx")
    )
  );
  // As the CLI does: the MIP (HiGHS) for what needs three cells or more.
  return checkReport(importWorkbook(cells.reduce((g, c) => mutate(g, c, delta), grids)), {
    localize: { solver: await loadSolver() },
  });
}

test("one table wrong, the tables it disagrees with are not blamed: a class line and the 合计 of 表3 54 too low", async () => {
  const cells = ["预算公开表3!C7", "预算公开表3!D7", "预算公开表3!C6", "预算公开表3!D6"];
  const r = await changed(cells, -54);
  // 表3's own sums already contradict C7 / D7: its disagreements with 表1 and 表2 are 表3's, not 表1's or 表2's.
  expect(r.causes.map((c) => c.method)).not.toContain("table");
  expect(r.causes).toHaveLength(1);
  expect(r.causes[0].suspects.map((s) => s.cell).sort()).toEqual([...cells].sort());
  expect(r.causes[0].explains).toHaveLength(
    r.findings.filter((f) => f.severity === "error").length
  );
});

test("one table wrong, the tables it disagrees with are not blamed: 表1's 一般公共预算 9 too high where 表2 and 表4 agree", async () => {
  const cells = ["预算公开表1!B6", "预算公开表1!B37", "预算公开表1!B39"];
  const r = await changed(cells, 9);
  // 表2's 612.75 is printed alike by 表4 (a holding cross-table identity): 表2 is not "the wrong table".
  expect(r.causes.map((c) => c.sheet)).not.toContain("预算公开表2");
  expect(r.causes).toHaveLength(1);
  expect(r.causes[0].suspects.map((s) => s.cell).sort()).toEqual([...cells].sort());
});

// A formula that leaves out a row (newcomer 4, m57: 表3's 20805 `=C14+C15` without 2080506): the 款 line breaks its own
// sum and every line above it follows it, so 208 and 合计 disagree with the 收支总表 and 收入总表 — which are right.
// Before, those two were blamed as whole tables ("整表疑与其他表不符"): the disagreements of a table that contradicts
// itself are that table's, also through a sum over the contradicted figure.
describe.each(STYLES.map((s) => [s.name, s] as const))("%s", (_n, style) => {
  test("the 支出总表's 款 line, its 类 and 合计 leave out one 项 in every column: only those cells are named", async () => {
    const { grids } = buildVariant(style);
    const rows = importWorkbook(grids).tables.find((t) => t.kind === "expenditure_summary")!.rows;
    const k = rows.findIndex(
      (r, i) => r.level === 2 && rows[i + 1]?.level === 3 && rows[i + 2]?.level === 3
    );
    const lines = [
      rows[k],
      rows
        .slice(0, k)
        .reverse()
        .find((r) => r.level === 1)!,
      rows.find((r) => r.level === 0)!,
    ];
    let g = grids;
    const cells: string[] = [];
    for (const [key, a] of Object.entries(rows[k + 2].amounts))
      if (!a.blank && a.value)
        for (const line of lines) {
          g = mutate(g, line.amounts[key].cell, -a.value);
          cells.push(line.amounts[key].cell);
        }
    const r = checkReport(importWorkbook(g), {
      localize: { solver: await loadSolver(), budgetMs: 60000 },
    });
    expect(r.causes.map((c) => c.method)).not.toContain("table");
    expect([...named(r.causes)].sort()).toEqual([...cells].sort());
  });
});

test("m57 (表3's 20805 formula leaves out a row): 收支总表 and 收入总表 are not blamed; with HiGHS the six 表3 cells are", async () => {
  const { grids } = await readXlsxBuffer(
    await fsp.readFile(
      nodePath.join(__dirname, "..", "fixtures", "newcomer4", "m57-t3-formula-omits-row.xlsx")
    )
  );
  const report = importWorkbook(grids);
  expect(checkReport(report).causes.filter((c) => c.method === "table")).toEqual([]);
  const r = checkReport(report, { localize: { solver: await loadSolver(), budgetMs: 60000 } });
  expect([...named(r.causes)].sort()).toEqual([
    "'3.支出总表'!C12",
    "'3.支出总表'!C13",
    "'3.支出总表'!C4",
    "'3.支出总表'!D12",
    "'3.支出总表'!D13",
    "'3.支出总表'!D4",
  ]);
});
