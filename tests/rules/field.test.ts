/**
 * Acceptance on the three field workbooks (samples/field/: real 2026 disclosures of the Guangdong, Zhejiang and
 * Shaanxi templates, each with its audit and expected.json): every table the right kind, exactly the audited
 * inconsistencies at their cells with the audit's severity (rounding → 尾差, error → 错误, warning → 警告), and no
 * other 错误 or 警告. Allowed besides: 尾差 that repeat an audited difference at one of its cells (the same 0.01 seen
 * by a second identity: the row and the column of one cell), and the 提示 listed per workbook.
 */
import { promises as fs } from "fs";
import path from "path";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Finding, Severity } from "../../src/core/rules/rule";
import type { Report, TableKind } from "../../src/core/model/schema";

interface Expected {
  id: string;
  class: "rounding" | "error" | "warning" | "structure";
  optional?: boolean;
  cells: string[];
  related: string[];
}

const dir = path.join(__dirname, "..", "..", "samples", "field");
const SEVERITY: Record<Expected["class"], Severity | undefined> = {
  rounding: "rounding",
  error: "error",
  warning: "warning",
  structure: undefined,
};

async function load(
  name: string
): Promise<{ report: Report; findings: Finding[]; expected: Expected[] }> {
  const { grids } = await readXlsxBuffer(await fs.readFile(path.join(dir, `${name}.xlsx`)));
  const report = importWorkbook(grids);
  const expected = JSON.parse(
    await fs.readFile(path.join(dir, `${name}.expected.json`), "utf8")
  ) as Expected[];
  return { report, findings: checkReport(report).findings, expected };
}

const FIELD: Array<{
  name: string;
  kinds: Array<[string, TableKind]>;
  department: string;
  year: number;
  info: string[];
}> = [
  {
    name: "guangzhou-tongjiju-2026",
    department: "广州市统计局",
    year: 2026,
    kinds: [
      ["表1", "income_expenditure_summary"],
      ["表2", "income_summary"],
      ["表3", "expenditure_summary"],
      ["表4", "fiscal_appropriation_summary"],
      ["表5", "general_budget_expenditure"],
      ["表6", "basic_expenditure_economic"],
      ["表7", "project_expenditure_economic"],
      ["表8", "three_public"],
      ["表9", "gov_fund_expenditure"],
      ["表10", "state_capital"],
      ["表11", "basic_expenditure_unit"],
      ["表12", "project_expenditure"],
      ["表13", "performance_list"],
    ],
    // 表13 (项目绩效目标一览表) B4 stores its 预算数 as the text “7”.
    info: ["input.text-amounts 表13!B4"],
  },
  {
    name: "hangzhou-qixiangju-2026",
    department: "杭州市气象局",
    year: 2026,
    kinds: [
      ["表1", "income_expenditure_summary"],
      ["表2", "income_summary"],
      ["表3", "expenditure_summary"],
      ["表4", "fiscal_appropriation_summary"],
      ["表5", "general_budget_expenditure"],
      ["表6", "basic_expenditure_economic"],
      ["表7", "three_public"],
      ["表8", "gov_fund_expenditure"],
      ["表9", "state_capital"],
      ["表10", "project_expenditure"],
      ["表11", "performance_list"],
    ],
    info: [],
  },
  {
    name: "xian-shenjiju-2026",
    department: "西安市审计局",
    year: 2026,
    kinds: [
      ["表1", "income_expenditure_summary"],
      ["表2", "income_summary"],
      ["表3", "expenditure_summary"],
      ["表4", "fiscal_appropriation_summary"],
      ["表5", "general_budget_expenditure"],
      ["表6", "general_budget_economic"],
      ["表7", "basic_expenditure_functional"],
      ["表8", "basic_expenditure_economic"],
      ["表9", "gov_fund_expenditure"],
      ["表10", "project_expenditure"],
      ["表11", "project_carryover"],
      ["表12", "procurement"],
      ["表13", "three_public"],
      ["表14", "performance_target"],
      ["表14_2", "performance_target"],
      ["表14_3", "performance_target"],
      ["表14_4", "performance_target"],
      ["表15", "department_performance"],
      ["表16", "performance_target"],
    ],
    // The template's 目录 lists no 国有资本经营 table (said as a note). 表9, 表11 and 表16 are empty, declared so only in
    // the 目录 (是否空表 是, 不涉及): no 提示 for any of them (表11 alone has a 合计 line, and was flagged before).
    // 表15 (部门整体绩效目标表) E9:F11 store the projects' amounts as text (“350”, “15”, “0”).
    info: ["completeness.required-tables ", "input.text-amounts 表15!E9"],
  },
];

describe.each(FIELD.map((f) => [f.name, f] as const))("%s", (name, spec) => {
  const loaded = load(name);

  test("every table is recognised with the right kind; 部门 and 年度 are read", async () => {
    const { report } = await loaded;
    expect(report.tables.map((t) => [t.sheet, t.kind])).toEqual(spec.kinds);
    expect({ department: report.department, year: report.year }).toEqual({
      department: spec.department,
      year: spec.year,
    });
    // Only non-tables stay unrecognised: a part title above 表1, a 目录.
    for (const u of report.unrecognized) expect(u.reason).toMatch(/目录|表格标题之前的内容/);
  });

  test("every audited inconsistency is found at its cells with the audit's severity", async () => {
    const { findings, expected } = await loaded;
    for (const e of expected.filter((x) => !x.optional && SEVERITY[x.class])) {
      const hit = findings.filter(
        (f) => f.severity === SEVERITY[e.class] && e.cells.includes(f.cells[0])
      );
      expect({ id: e.id, found: hit.length > 0 }).toEqual({ id: e.id, found: true });
    }
  });

  test("no other 错误 or 警告; 尾差 only at audited differences; only the listed 提示", async () => {
    const { findings, expected } = await loaded;
    const serious = findings.filter((f) => f.severity === "error" || f.severity === "warning");
    const unexplained = serious.filter(
      (f) => !expected.some((e) => SEVERITY[e.class] === f.severity && e.cells.includes(f.cells[0]))
    );
    expect(unexplained.map((f) => `${f.rule} ${f.cells[0] ?? ""} ${f.message}`)).toEqual([]);
    const roundingCells = new Set(
      expected.filter((e) => e.class === "rounding").flatMap((e) => [...e.cells, ...e.related])
    );
    const stray = findings.filter(
      (f) => f.severity === "rounding" && !roundingCells.has(f.cells[0])
    );
    expect(stray.map((f) => `${f.rule} ${f.cells[0]} ${f.message}`)).toEqual([]);
    expect(
      findings
        .filter((f) => f.severity === "info")
        .map((f) => `${f.rule} ${f.cells[0] ?? ""}`)
        .sort()
    ).toEqual([...spec.info].sort());
  });
});

test("Guangzhou 表8: the 公务用车 subtotal's items sit under it, so “三公” = 出国 + 车 + 接待 exactly", async () => {
  const { report } = await load("guangzhou-tongjiju-2026");
  const t8 = report.tables.find((t) => t.sheet === "表8")!;
  expect(t8.rows.map((r) => [r.key ?? "", r.level])).toEqual([
    ["operating_funds", 1],
    ["three_public", 1],
    ["abroad", 2],
    ["vehicle", 2],
    ["vehicle_purchase", 3],
    ["vehicle_operation", 3],
    ["reception", 2],
  ]);
});

test("Hangzhou: names-only 类 / 款 / 项 get their levels and the codes the standard names tell", async () => {
  const { report } = await load("hangzhou-qixiangju-2026");
  const t3 = report.tables.find((t) => t.sheet === "表3")!;
  expect(t3.rows.slice(0, 4).map((r) => [r.label, r.level, r.code ?? ""])).toEqual([
    ["合计", 0, ""],
    ["科学技术支出", 1, "206"],
    ["技术研究与开发", 2, "20604"],
    ["科技成果转化与扩散", 3, ""],
  ]);
  const t2 = report.tables.find((t) => t.sheet === "表2")!;
  expect(t2.rows.map((r) => r.level)).toEqual([0, 1, 2, 2]); // 合计 → 部门 → 2 单位
});

test("Xi'an: the 报表目录's 是否空表 / 不涉及 marks 表9, 表11 and 表16 empty, as their own note would", async () => {
  const { report } = await load("xian-shenjiju-2026");
  const declared = report.tables.filter((t) => t.notes.some((n) => n.startsWith("目录注明：")));
  expect(declared.map((t) => [t.sheet, t.markedEmpty, t.empty])).toEqual([
    ["表9", true, true],
    ["表11", true, true],
    ["表16", true, true],
  ]);
  expect(declared[1].notes).toContain("目录注明：是否空表：是，不涉及");
});

test("Xi'an: four label / amount pairs are four sides; unit codes are not 功能 codes; the project tree by name", async () => {
  const { report } = await load("xian-shenjiju-2026");
  const t1 = report.tables.find((t) => t.sheet === "表1")!;
  expect([...new Set(t1.rows.map((r) => r.side))]).toEqual([
    "income",
    "expenditure",
    "expenditure_use",
    "expenditure_gov_economic",
  ]);
  const t2 = report.tables.find((t) => t.sheet === "表2")!;
  expect(t2.rows.map((r) => [r.code ?? "", r.level])).toEqual([
    ["", 0],
    ["", 1],
    ["", 2],
  ]);
  const t10 = report.tables.find((t) => t.sheet === "表10")!;
  expect(t10.rows.map((r) => r.level)).toEqual([0, 1, 2, 3, 4, 5, 4, 5, 3, 4, 5, 5, 5]);
});
