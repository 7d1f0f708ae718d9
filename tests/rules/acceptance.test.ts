/**
 * Acceptance: the real inconsistencies of section c of each audit (../shared/seeds/*.audit.md), found at the
 * cited cells with the audit's severity — and nothing serious besides them.
 */
import { loadSample, type SampleName } from "../helpers";
import { checkReport } from "../../src/core/rules/engine";
import type { Finding } from "../../src/core/rules/rule";

async function findings(name: SampleName) {
  const { report } = await loadSample(name);
  return checkReport(report).findings;
}
const at = (fs: Finding[], rule: string, cell: string) =>
  fs.filter((f) => f.rule === rule && f.cells[0] === cell);
const one = (fs: Finding[], rule: string, cell: string) => {
  const hit = at(fs, rule, cell);
  expect({ rule, cell, n: hit.length }).toEqual({ rule, cell, n: 1 });
  return hit[0];
};
const serious = (fs: Finding[]) =>
  fs
    .filter((f) => f.severity === "error" || f.severity === "warning")
    .map((f) => `${f.rule} ${f.cells[0] ?? ""}`)
    .sort();

describe("jishan-2024 (audit 000)", () => {
  test("c1: 表5 is another department's table — its total and every class differ from 表2's 一般公共预算", async () => {
    const fs = await findings("jishan-2024");
    expect(one(fs, "cross.general-budget", "预算公开表5!C6")).toMatchObject({
      severity: "error",
      expected: 450.05,
      actual: 234.12,
      difference: -215.93,
      cells: ["预算公开表5!C6", "预算公开表2!D6"],
    });
    for (const [cell, expected, actual] of [
      ["预算公开表5!C7", 388.14, 181.56],
      ["预算公开表5!C17", 28.88, 30.96],
      ["预算公开表5!C23", 11.75, 8.94],
      ["预算公开表5!C27", 21.29, 12.65],
    ] as const)
      expect(one(fs, "cross.general-budget", cell)).toMatchObject({
        severity: "error",
        expected,
        actual,
      });
    expect(one(fs, "cross.basic-project", "预算公开表5!D6")).toMatchObject({
      severity: "error",
      expected: 301.21,
      actual: 211.72,
    });
    const codes = fs.find((f) => f.rule === "cross.code-sets")!;
    expect(codes.severity).toBe("error");
    for (const c of ["20128", "20134", "20807", "20132"]) expect(codes.message).toContain(c);
  });

  test("c2: 表6 基本支出 1705.54 ≠ 301.21 / 211.72 and exceeds the whole budget", async () => {
    const fs = await findings("jishan-2024");
    const f = one(fs, "cross.basic-economic", "预算公开表6!C6");
    expect(f).toMatchObject({ severity: "error", actual: 1705.54, expected: 211.72 });
    expect(f.message).toContain("超过预算公开表1（收支总表）本年支出合计 450.05");
  });

  test("c3: 公务接待费 1.10 in 表10 vs 1.00 + 0.30 in 表6", async () => {
    const fs = await findings("jishan-2024");
    expect(one(fs, "cross.three-public-economic", "预算公开表10!C7")).toMatchObject({
      severity: "error",
      cells: ["预算公开表10!C7", "预算公开表6!C37", "预算公开表6!C38"],
      expected: 1.3,
      actual: 1.1,
    });
  });

  test("c7/c8: a project without a performance form; PT-1 实施期 ≠ 年度", async () => {
    const fs = await findings("jishan-2024");
    expect(one(fs, "projects.performance-coverage", "预算公开表12!A10").message).toContain(
      "党员干部教育培训经费"
    );
    expect(one(fs, "projects.one-year-period", "项目支出绩效目标表!C4")).toMatchObject({
      severity: "info",
      actual: 650000,
      expected: 603840,
    });
    expect(at(fs, "projects.annual-amount", "项目支出绩效目标表!E4")).toEqual([]); // 603,840 元 = 60.38 万元
  });

  test("c9–c12: the 0.01 differences are 尾差, at the cells the audit names", async () => {
    const fs = await findings("jishan-2024");
    const rounding: Array<[string, string]> = [
      ["within.current-expenditure", "预算公开表1!D37"],
      ["within.current-expenditure", "预算公开表1!E37"],
      ["hierarchy.total", "预算公开表2!C6"],
      ["hierarchy.total", "预算公开表2!D6"],
      ["hierarchy.total", "预算公开表3!C6"],
      ["within.current-expenditure", "预算公开表4!D38"],
      ["within.current-expenditure", "预算公开表4!E38"],
      ["hierarchy.total", "预算公开表3!D6"],
      ["hierarchy.total", "预算公开表5!C6"],
      ["within.row-basic-project", "预算公开表5!C6"],
      ["hierarchy.parent-children", "预算公开表6!C7"],
    ];
    for (const [rule, cell] of rounding)
      expect(one(fs, rule, cell)).toMatchObject({ severity: "rounding" });
    expect(one(fs, "hierarchy.total", "预算公开表3!D6")).toMatchObject({
      expected: 301.22,
      actual: 301.21,
      difference: -0.01,
    });
    expect(one(fs, "hierarchy.total", "预算公开表3!C6").message).toMatch(/尾差/);
  });

  test("c13: the table label 部门公开表9 is noted", async () => {
    const fs = await findings("jishan-2024");
    expect(one(fs, "naming.table-labels", "部门公开表9!A1")).toMatchObject({ severity: "info" });
  });

  test("nothing serious besides the audit's items", async () => {
    const fs = await findings("jishan-2024");
    expect(serious(fs)).toEqual(
      [
        "cross.basic-economic 预算公开表6!C6",
        "cross.basic-project 预算公开表5!D6",
        "cross.basic-project 预算公开表5!E6",
        "cross.code-sets 预算公开表5!B8",
        "cross.general-budget 预算公开表5!C6",
        "cross.general-budget 预算公开表5!C7",
        "cross.general-budget 预算公开表5!C17",
        "cross.general-budget 预算公开表5!C18",
        "cross.general-budget 预算公开表5!C19",
        "cross.general-budget 预算公开表5!C20",
        "cross.general-budget 预算公开表5!C23",
        "cross.general-budget 预算公开表5!C24",
        "cross.general-budget 预算公开表5!C25",
        "cross.general-budget 预算公开表5!C26",
        "cross.general-budget 预算公开表5!C27",
        "cross.general-budget 预算公开表5!C28",
        "cross.general-budget 预算公开表5!C29",
        "cross.three-public-economic 预算公开表10!C7",
        "projects.performance-coverage 预算公开表12!A10",
      ].sort()
    );
  });
});

describe("jincheng-chengqu-2025 (audit 002)", () => {
  test("c1.8: the blank 年度资金总额 of 学历提升 vs 13.39 in 表十二", async () => {
    const fs = await findings("jincheng-chengqu-2025");
    expect(one(fs, "projects.annual-amount", "项目支出绩效目标表!E114")).toMatchObject({
      severity: "error",
      cells: ["项目支出绩效目标表!E114", "表十二!B21"],
      expected: 133900,
      actual: null,
    });
  });

  test("c1.9: project names that differ between 表十二 and the forms are paired and reported as naming warnings", async () => {
    const fs = await findings("jincheng-chengqu-2025");
    const names = fs.filter((f) => f.rule === "projects.name-mismatch");
    expect(names.map((f) => f.cells)).toEqual([
      ["表十二!A15", "项目支出绩效目标表!B102"],
      ["表十二!A10", "项目支出绩效目标表!B135"],
    ]);
    expect(names.every((f) => f.severity === "warning")).toBe(true);
    expect(fs.filter((f) => f.rule === "projects.performance-coverage")).toEqual([]);
  });

  test("c2: the ±0.01/0.02 differences are 尾差", async () => {
    const fs = await findings("jincheng-chengqu-2025");
    for (const [rule, cell] of [
      ["hierarchy.parent-children", "表二!C13"],
      ["hierarchy.parent-children", "表二!C18"],
      ["hierarchy.parent-children", "表三!D13"],
      ["hierarchy.parent-children", "表五!C18"],
      ["hierarchy.total", "表二!C6"],
      ["hierarchy.total", "表三!C6"],
      ["hierarchy.total", "表三!D6"],
      ["hierarchy.total", "表五!D6"],
      ["within.current-expenditure", "预算公开表1!D37"],
      ["within.current-expenditure", "预算公开表1!E37"],
      ["within.current-expenditure", "表四!D37"],
      ["hierarchy.parent-children", "表六!C7"],
    ] as const)
      expect(one(fs, rule, cell)).toMatchObject({ severity: "rounding" });
    expect(one(fs, "hierarchy.parent-children", "表六!C7")).toMatchObject({
      expected: 289.83,
      actual: 289.81,
      difference: -0.02,
    });
  });

  test("c4: the verified non-issues stay quiet (本年收支 differ by design; 2013299 differs by exactly 上年结转)", async () => {
    const fs = await findings("jincheng-chengqu-2025");
    expect(fs.filter((f) => f.rule === "cross.income-expenditure-by-code")).toEqual([]);
    expect(serious(fs)).toEqual([
      "projects.annual-amount 项目支出绩效目标表!E114",
      "projects.name-mismatch 表十二!A10",
      "projects.name-mismatch 表十二!A15",
    ]);
  });
});

describe("xingxian-2023 (audit 003)", () => {
  test("c1.3: the one project without a form", async () => {
    const fs = await findings("xingxian-2023");
    const cov = fs.filter((f) => f.rule === "projects.performance-coverage");
    expect(cov).toHaveLength(1);
    expect(cov[0]).toMatchObject({ severity: "error", cells: ["预算公开表12!A45"] });
    expect(cov[0].message).toContain("2022年度嘉奖/三等功奖金");
  });

  test("c1.4: the 18 forms whose 实施期 ≠ 年度 are all noted", async () => {
    const fs = await findings("xingxian-2023");
    expect(fs.filter((f) => f.rule === "projects.one-year-period")).toHaveLength(18);
  });

  test("c1.5, c1.7, c1.8: 中央补助 booked as 省级; 部门公开表9; expenditure codes on the income side of 表9", async () => {
    const fs = await findings("xingxian-2023");
    const src = fs.filter((f) => f.rule === "projects.source-by-name");
    expect(src).toHaveLength(1);
    expect(src[0].message).toContain("2023年派选调生到村工作中央补助");
    expect(one(fs, "naming.table-labels", "部门公开表9!A1").severity).toBe("info");
    expect(fs.find((f) => f.rule === "naming.income-side-codes")).toMatchObject({
      severity: "warning",
    });
  });

  test("c3 (14–24): the cent-level differences are 尾差 at the named cells", async () => {
    const fs = await findings("xingxian-2023");
    for (const [rule, cell] of [
      ["hierarchy.total", "预算公开表2!C6"],
      ["hierarchy.total", "预算公开表5!C6"],
      ["hierarchy.parent-children", "预算公开表2!C8"],
      ["within.row-basic-project", "预算公开表5!C7"],
      ["within.row-basic-project", "预算公开表5!C8"],
      ["within.current-expenditure", "预算公开表1!E37"],
      ["within.row-current-carryover", "预算公开表1!D37"],
      ["within.income-grand-total", "预算公开表1!B39"],
      ["within.income-grand-total", "预算公开表4!B44"],
      ["cross.income-expenditure-by-code", "预算公开表3!C11"],
      ["cross.income-expenditure-by-code", "预算公开表3!C6"],
      ["hierarchy.parent-children", "预算公开表6!C7"],
      ["hierarchy.parent-children", "预算公开表6!C18"],
      ["hierarchy.total", "预算公开表6!C6"],
      ["hierarchy.total", "预算公开表6!D6"],
      ["hierarchy.parent-children", "预算公开表13!B8"],
      ["cross.basic-project", "预算公开表3!E6"],
    ] as const)
      expect(one(fs, rule, cell)).toMatchObject({ severity: "rounding" });
  });

  test("nothing else is an error", async () => {
    const fs = await findings("xingxian-2023");
    expect(fs.filter((f) => f.severity === "error").map((f) => f.cells[0])).toEqual([
      "预算公开表12!A45",
    ]);
  });
});
