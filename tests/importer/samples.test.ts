/** The three real disclosures: every financial table classified, every total at its printed cell, the model round-trips. */
import { loadSample } from "../helpers";
import { ReportSchema, type Table } from "../../src/core/model/schema";

const FINANCIAL_KINDS = [
  "income_expenditure_summary",
  "income_summary",
  "expenditure_summary",
  "fiscal_appropriation_summary",
  "general_budget_expenditure",
  "basic_expenditure_economic",
  "gov_fund_income",
  "gov_fund_expenditure",
  "state_capital",
  "three_public",
  "operating_funds",
  "project_expenditure",
  "project_carryover",
];

const total = (t: Table, key = "total") => t.rows.find((r) => r.key === key);

describe("jishan-2024", () => {
  test("13 financial tables in order plus 5 performance forms", async () => {
    const { report } = await loadSample("jishan-2024");
    expect(report.tables.filter((t) => t.kind !== "performance_target").map((t) => t.kind)).toEqual(
      FINANCIAL_KINDS
    );
    expect(report.tables.filter((t) => t.kind === "performance_target")).toHaveLength(5);
    expect(report).toMatchObject({
      department: "中共稷山县委组织部",
      year: 2024,
      unit: "万元",
      unrecognized: [],
    });
  });

  test("totals carry the printed value at the right cell", async () => {
    const { report } = await loadSample("jishan-2024");
    const byKind = (k: string) => report.tables.find((t) => t.kind === k)!;
    const t1 = byKind("income_expenditure_summary");
    expect(total(t1, "current_income_total")!.amounts.total).toMatchObject({
      value: 450.05,
      cell: "预算公开表1!B37",
    });
    expect(
      t1.rows.find((r) => r.key === "current_expenditure_total" && r.side === "expenditure")!
        .amounts.total
    ).toMatchObject({ value: 450.05, cell: "预算公开表1!D37" });
    expect(total(t1, "expenditure_grand_total")!.amounts.current).toMatchObject({
      value: 450.05,
      cell: "预算公开表1!E39",
    });
    expect(total(byKind("income_summary"))!.amounts.general).toMatchObject({
      value: 450.05,
      cell: "预算公开表2!D6",
    });
    expect(total(byKind("expenditure_summary"))!.amounts.basic).toMatchObject({
      value: 301.21,
      cell: "预算公开表3!D6",
    });
    expect(total(byKind("general_budget_expenditure"))!.amounts.total).toMatchObject({
      value: 234.12,
      cell: "预算公开表5!C6",
    });
    expect(total(byKind("basic_expenditure_economic"))!.amounts.personnel).toMatchObject({
      value: 1540.19,
      cell: "预算公开表6!D6",
    });
    expect(total(byKind("three_public"))!.amounts.total).toMatchObject({
      value: 1.1,
      cell: "预算公开表10!B11",
    });
    expect(total(byKind("operating_funds"))!.amounts.total).toMatchObject({
      value: 44.51,
      cell: "预算公开表11!B6",
    });
    expect(total(byKind("project_expenditure"))!.amounts.total).toMatchObject({
      value: 148.84,
      cell: "预算公开表12!B7",
    });
  });

  test("empty tables are recognised as empty, not missing", async () => {
    const { report } = await loadSample("jishan-2024");
    for (const k of [
      "gov_fund_income",
      "gov_fund_expenditure",
      "state_capital",
      "project_carryover",
    ]) {
      const t = report.tables.find((x) => x.kind === k)!;
      expect({ k, markedEmpty: t.markedEmpty, empty: t.empty }).toEqual({
        k,
        markedEmpty: true,
        empty: true,
      });
    }
  });

  test("hierarchy: 类/款/项 from codes, 三公 sub-items, 部门 → 单位 → 项目 by U+3000 indentation", async () => {
    const { report } = await loadSample("jishan-2024");
    const t2 = report.tables.find((t) => t.kind === "income_summary")!;
    expect(t2.rows.filter((r) => r.code).map((r) => [r.code!.length, r.level])).toEqual(
      expect.arrayContaining([
        [3, 1],
        [5, 2],
        [7, 3],
      ])
    );
    const t10 = report.tables.find((t) => t.kind === "three_public")!;
    expect(t10.rows.map((r) => [r.key, r.level])).toEqual([
      ["abroad", 1],
      ["reception", 1],
      ["vehicle", 1],
      ["vehicle_purchase", 2],
      ["vehicle_operation", 2],
      ["total", 0],
    ]);
    const t12 = report.tables.find((t) => t.kind === "project_expenditure")!;
    expect(t12.rows.map((r) => r.level)).toEqual([0, 1, 2, 2, 2, 2, 2, 2]);
  });

  test("performance forms: project, 实施期 / 年度 totals and sources in 元", async () => {
    const { report } = await loadSample("jishan-2024");
    const f = report.tables.find((t) => t.kind === "performance_target")!;
    expect(f.form!.project).toBe("农村离任“两委”主干生活补贴");
    expect(f.unit).toBe("元");
    const tot = f.rows.find((r) => r.key === "total")!;
    expect(tot.amounts.period).toMatchObject({ value: 650000, cell: "项目支出绩效目标表!C4" });
    expect(tot.amounts.annual).toMatchObject({ value: 603840, cell: "项目支出绩效目标表!E4" });
    expect(f.rows.map((r) => r.key)).toEqual([
      "total",
      "central",
      "provincial",
      "local",
      "self",
      "other",
    ]);
  });
});

describe("jincheng-chengqu-2025", () => {
  test("tables labelled 表二…表十三 and amounts stored as text", async () => {
    const { report } = await loadSample("jincheng-chengqu-2025");
    expect(report.tables.filter((t) => t.kind !== "performance_target").map((t) => t.kind)).toEqual(
      FINANCIAL_KINDS
    );
    expect(report.tables.filter((t) => t.kind === "performance_target")).toHaveLength(14);
    const t2 = report.tables.find((t) => t.kind === "income_summary")!;
    expect(total(t2)!.amounts.total).toMatchObject({
      value: 1148.53,
      cell: "表二!C6",
      text: "1148.53",
      decimals: 2,
    });
    expect(total(t2)!.amounts.carryover).toMatchObject({ value: 22, cell: "表二!I6" });
    const f = report.tables.find((t) => t.form?.project === "2025年度基层党建工作专项经费")!;
    expect(f.rows.find((r) => r.key === "total")!.amounts.period).toMatchObject({
      value: 3983000,
      text: "3,983,000",
    });
  });

  test("project table without indentation: the repeated department rows are subtotals", async () => {
    const { report } = await loadSample("jincheng-chengqu-2025");
    const t12 = report.tables.find((t) => t.kind === "project_expenditure")!;
    expect(t12.rows.slice(0, 3).map((r) => r.level)).toEqual([0, 1, 2]);
    expect(t12.rows.filter((r) => r.level === 2)).toHaveLength(14);
  });

  test("a blank 年度资金总额 is blank, not zero", async () => {
    const { report } = await loadSample("jincheng-chengqu-2025");
    const f = report.tables.find((t) => t.form?.project.startsWith("农村“两委”干部学历提升"))!;
    expect(f.rows.find((r) => r.key === "total")!.amounts.annual).toMatchObject({
      blank: true,
      value: null,
    });
  });
});

describe("xingxian-2023", () => {
  test("all 84 stacked performance forms are parsed", async () => {
    const { report } = await loadSample("xingxian-2023");
    const forms = report.tables.filter((t) => t.kind === "performance_target");
    expect(forms).toHaveLength(84);
    expect(
      forms.every((f) => f.form && f.rows.find((r) => r.key === "total")?.amounts.annual)
    ).toBe(true);
    expect(new Set(forms.map((f) => f.range)).size).toBe(84);
  });

  test("the 国有资本经营 table is two-sided and its income side lists codes with blank amounts", async () => {
    const { report } = await loadSample("xingxian-2023");
    const t9 = report.tables.find((t) => t.kind === "state_capital")!;
    expect(t9.markedEmpty).toBe(true);
    expect(t9.empty).toBe(true);
    expect(t9.rows.filter((r) => r.side === "income" && r.code)).toHaveLength(21);
  });
});

test.each(["jishan-2024", "jincheng-chengqu-2025", "xingxian-2023"] as const)(
  "%s: the model serialises to JSON and parses back",
  async (name) => {
    const { report } = await loadSample(name);
    const back = ReportSchema.parse(JSON.parse(JSON.stringify(report)));
    expect(back).toEqual(report);
  }
);
