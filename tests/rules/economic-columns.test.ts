/**
 * 基本支出 printed by economic class (工资福利支出 | 商品和服务支出 | 对个人和家庭的补助 …) beside or instead of a
 * 基本支出 column: within.row-economic-classes (基本支出 = Σ classes, or 合计 = Σ classes in a table of 基本支出 only)
 * and within.row-basic-project (合计 = Σ classes + 项目支出 when no 基本支出 column is printed), in every generated
 * template; a changed class figure is found at its cell, and the published workbooks raise nothing new.
 */
import { promises as fs } from "fs";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Report, Table } from "../../src/core/model/schema";
import type { Finding } from "../../src/core/rules/rule";
import { STYLES, buildVariant, toGrid } from "../fixtures/variants";
import { mutate } from "../../bench/localization";
import { realInputs } from "./real-inputs";

const serious = (fs: Finding[]) =>
  fs
    .filter((f) => f.severity === "error" || f.severity === "warning")
    .map((f) => `${f.rule} ${f.cells[0]}`);
const per = (r: ReturnType<typeof checkReport>, id: string) => r.perRule.find((p) => p.id === id)!;
const tables = (r: Report) =>
  r.tables.filter(
    (t) => t.kind === "general_budget_expenditure" || t.kind === "expenditure_summary"
  );
const leaf = (t: Table) =>
  t.rows.find((r) => r.code?.length === 7 && r.amounts.wages && !r.amounts.wages.blank)!;

test.each(realInputs())(
  "%s: no economic-class split is misread, nothing reported",
  async (_n, file) => {
    const { grids } = await readXlsxBuffer(await fs.readFile(file));
    const res = checkReport(importWorkbook(grids));
    expect(res.findings.filter((f) => f.rule === "within.row-economic-classes")).toEqual([]);
  }
);

describe.each(
  STYLES.flatMap((s) =>
    (["subtotal", "classes"] as const).map((m) => [`${s.name} (${m})`, s, m] as const)
  )
)("variant %s", (_n, style, mode) => {
  const { grids } = buildVariant(style, { basicByEconomic: mode });
  const report = importWorkbook(grids);
  const base = checkReport(report);
  const scale = style.unit === "元" ? 10000 : 1;
  const rule = mode === "subtotal" ? "within.row-economic-classes" : "within.row-basic-project";

  test("the class columns are read under their keys and the figures raise nothing", () => {
    for (const t of tables(report))
      expect(t.columns.map((c) => c.key)).toEqual([
        "total",
        ...(mode === "subtotal" ? ["basic"] : []),
        "wages",
        "goods_services",
        "household_subsidies",
        "project",
      ]);
    expect(serious(base.findings)).toEqual([]);
    expect(per(base, rule).passed).toBeGreaterThan(10);
  });

  test("a 项's 工资福利支出 changed: the row identity cites it", () => {
    for (const t of tables(report)) {
      const cell = leaf(t).amounts.wages.cell;
      const found = checkReport(importWorkbook(mutate(grids, cell, 1.37 * scale))).findings.filter(
        (f) => f.rule === rule && f.cells.includes(cell)
      );
      expect(found.map((f) => f.severity)).toEqual(["error"]);
    }
  });

  test("表5's class totals are compared with the 基本支出经济分类表's 301 / 302 / 303 lines; a changed class line is found", () => {
    const t6 = report.tables.find((t) => t.kind === "basic_expenditure_economic")!;
    const ids = base.identities.filter((i) => i.rule === "cross.basic-economic");
    const c301 = t6.rows.find((r) => r.code === "301")!.amounts.total.cell;
    expect(ids.some((i) => i.terms.some((x) => x.cell === c301))).toBe(true);
    const found = checkReport(importWorkbook(mutate(grids, c301, 1.37 * scale))).findings.filter(
      (f) => f.rule === "cross.basic-economic" && f.cells.includes(c301)
    );
    expect(found.map((f) => f.severity)).toEqual(["error"]);
  });

  if (mode === "subtotal")
    test("a 项's 基本支出 小计 changed: 基本支出 ≠ Σ classes at that cell", () => {
      const t = tables(report)[0];
      const cell = leaf(t).amounts.basic.cell;
      const found = checkReport(importWorkbook(mutate(grids, cell, 1.37 * scale))).findings.filter(
        (f) => f.rule === "within.row-economic-classes"
      );
      expect(found.map((f) => f.cells[0])).toEqual([cell]);
    });
});

describe("一般公共预算基本支出表 by function with economic-class columns only (合计 | 工资福利支出 | 商品和服务支出 | 对个人和家庭的补助)", () => {
  const lines: Array<[string, string, number]> = [
    ["2010101", "行政运行", 120.5],
    ["2080505", "机关事业单位基本养老保险缴费支出", 35.2],
  ];
  const sheet = (wagesDelta: number) => {
    const row = (code: string, name: string, b: number, d = 0): Array<string | number> => {
      const w = Math.round(b * 70) / 100;
      const g = Math.round(b * 20) / 100;
      const h = Math.round((b - w - g) * 100) / 100;
      return [code, name, b, Math.round((w + d) * 100) / 100, g, h];
    };
    const sum = lines.reduce((a, l) => a + l[2], 0);
    return toGrid(
      "表7",
      [
        ["一般公共预算基本支出表（按功能分类科目）"],
        ["单位：万元"],
        [
          "科目编码",
          "科目名称",
          "合计",
          "301工资福利支出",
          "302商品和服务支出",
          "303对个人和家庭的补助",
        ],
        row("", "合计", sum),
        ...lines.map(([c, n, b], i) => row(c, n, b, i === 0 ? wagesDelta : 0)),
      ],
      []
    );
  };

  test("read as 合计 = Σ classes: clean as printed", () => {
    const r = importWorkbook([sheet(0)]);
    expect(r.tables[0].columns.map((c) => c.key)).toEqual([
      "total",
      "wages",
      "goods_services",
      "household_subsidies",
    ]);
    const res = checkReport(r);
    expect(per(res, "within.row-economic-classes").passed).toBe(3);
    expect(
      res.findings.filter((f) => f.rule.startsWith("within.") || f.rule.startsWith("hierarchy."))
    ).toEqual([]);
  });

  test("one 工资福利支出 figure off by 1.00: an error on its row, and the column no longer adds up to the 合计 row", () => {
    const res = checkReport(importWorkbook([sheet(1)]));
    expect(
      res.findings
        .filter((f) => f.rule === "within.row-economic-classes")
        .map((f) => [f.severity, f.cells[0], f.difference])
    ).toEqual([["error", "表7!C5", -1]]);
    expect(
      res.findings.some((f) => f.rule === "hierarchy.total" && f.cells.includes("表7!D5"))
    ).toBe(true);
  });
});

test("classes captioned 其中 (some picked out of 基本支出) are not a split: nothing to add up", () => {
  const g = toGrid(
    "表5",
    [
      ["一般公共预算支出表"],
      ["单位：万元"],
      [
        "科目编码",
        "科目名称",
        "合计",
        "基本支出",
        "其中：工资福利支出",
        "其中：商品和服务支出",
        "项目支出",
      ],
      ["", "合计", 150.5, 120.5, 80.25, 20.1, 30],
      ["2010101", "行政运行", 150.5, 120.5, 80.25, 20.1, 30],
    ],
    []
  );
  const res = checkReport(importWorkbook([g]));
  expect(per(res, "within.row-economic-classes").notApplicable).toBe(1);
  expect(serious(res.findings).filter((f) => f.startsWith("within."))).toEqual([]);
});
