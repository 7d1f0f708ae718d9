/**
 * Other provinces' templates, kind by kind, on generated grids (not copies of the field workbooks): each layout is
 * built from a few parameters and read back; a consistent table gives no 错误 / 警告, and one changed figure is found.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { classifyTitle } from "../../src/core/importer/kinds";
import type { CellValue, SheetGrid } from "../../src/core/grid/grid";
import type { Report, Table } from "../../src/core/model/schema";
import { toGrid } from "../fixtures/variants";

// One table alone: the completeness of the set is not what these tests are about.
const serious = (r: Report) =>
  checkReport(r, { skip: ["completeness"] }).findings.filter(
    (f) => f.severity === "error" || f.severity === "warning"
  );
const sheet = (name: string, rows: CellValue[][]): SheetGrid => toGrid(name, rows, []);
const only = (r: Report): Table => {
  expect(r.tables).toHaveLength(1);
  return r.tables[0];
};

test.each([
  ["收支总体情况表", "income_expenditure_summary"],
  ["收入总体情况表", "income_summary"],
  ["本年支出总体情况表", "expenditure_summary"],
  ["财政拨款收支总体情况表", "fiscal_appropriation_summary"],
  ["2026年市级部门收入预算总表", "income_summary"],
  ["政府基金预算支出情况表", "gov_fund_expenditure"],
  ["一般公共预算“三公”经费预算表", "three_public"],
  ["预算01表 收支总表", "income_expenditure_summary"],
  ["一般公共预算项目支出情况表（按经济分类科目）", "project_expenditure_economic"],
  ["部门综合预算一般公共预算支出明细表（按支出经济分类科目）", "general_budget_economic"],
  ["一般公共预算基本支出明细表（按支出功能分类科目）", "basic_expenditure_functional"],
  ["2026年部门政府购买服务预算表", "purchase_services"],
  ["部门（单位）整体绩效目标表", "department_performance"],
  ["部门综合预算专项业务经费支出表", "project_expenditure"],
  ["财政拨款上年结转资金支出表", "project_carryover"],
  ["财政专户管理资金预算支出表", "special_account"],
  ["部门财务收支预算总表", "income_expenditure_summary"],
  ["部门一般公共预算基本支出部门预算经济分类预算表", "basic_expenditure_economic"],
  ["表3 部门支出总表………………12", undefined],
])("title %s → %s", (title, kind) => {
  expect(classifyTitle(title)?.kind).toBe(kind);
});

describe("a 目录 is not a table, with or without dotted leaders", () => {
  test.each([
    ["", ""],
    ["……………3", "…"],
  ])("leader %p", (leader) => {
    const titles = ["部门收支总表", "部门收入总表", "部门支出总表", "财政拨款收支总表"];
    const toc = sheet("目录", [["目录"], ...titles.map((t, i) => [`表${i + 1}`, `${t}${leader}`])]);
    const t1 = sheet("表1", [
      ["表1"],
      ["部门收入总表"],
      ["单位：万元"],
      ["项目", "合计", "一般公共预算"],
      ["合计", 10, 10],
      ["一般公共服务支出", 10, 10],
    ]);
    const r = importWorkbook([toc, t1]);
    expect(r.tables.map((t) => t.sheet)).toEqual(["表1"]);
    if (!leader) expect(r.contents).toEqual(titles);
  });
});

describe("unit-grouped tables: 部门 = Σ 单位, whatever the units are called", () => {
  const units: Array<[string, number, number]> = [
    ["第一中心", 30.5, 20],
    ["第二中心", 12.25, 0],
  ];
  const build = (dept: string, codes: boolean, withTotal: boolean, change = 0) => {
    const g = units.reduce((s, u) => s + u[1], 0);
    const o = units.reduce((s, u) => s + u[2], 0);
    const row = (code: string, name: string, a: number, b: number) => [
      ...(codes ? [code] : []),
      name,
      a + b,
      a,
      b,
    ];
    const body = [
      ...(withTotal ? [row("", "合计", g + o + change, o)] : []).map((r) =>
        codes ? ["合计", ...r.slice(1)] : r
      ),
      row("901", dept, g + o, o),
      ...units.map((u, i) => row(`90100${i + 1}`, u[0], u[1] + u[2], u[2])),
    ];
    return sheet("表2", [
      ["部门收入总表"],
      ["单位：万元"],
      [...(codes ? ["单位编码"] : []), "单位名称", "合计", "一般公共预算", "单位资金"],
      ...body,
    ]);
  };
  test.each([
    ["同名部门", "市统计局", false, true],
    ["部门行与单位行同名", "第一中心", false, true],
    ["单位编码", "市统计局", true, true],
    ["合计行写作单位名称", "市统计局", false, false],
  ])("%s", (_n, dept, codes, withTotal) => {
    const r = importWorkbook([build(dept, codes, withTotal)]);
    const t = only(r);
    expect(t.rows.map((x) => x.level)).toEqual(withTotal ? [0, 1, 2, 2] : [0, 1, 1]);
    expect(t.rows.every((x) => !x.code)).toBe(true);
    expect(serious(r)).toEqual([]);
  });
  test("a 合计 that is not the sum of the units is found at its cell", () => {
    const r = importWorkbook([build("市统计局", false, true, 1)]);
    const f = serious(r).find((x) => x.rule === "hierarchy.total");
    expect(f?.cells[0]).toBe(only(r).rows[0].amounts.total.cell);
  });
});

describe("names only: 类 / 款 / 项 from the standard names, else from the sums", () => {
  const lines: Array<[string, number]> = [
    ["一般公共服务支出", 60],
    ["财政事务", 60],
    ["行政运行", 45],
    ["事业运行", 15],
    ["住房保障支出", 8],
    ["住房改革支出", 8],
    ["住房公积金", 8],
  ];
  test.each([
    ["标准款名", lines],
    [
      "款名不在名录中",
      lines.map(([n, v]): [string, number] => [n === "财政事务" ? "财政综合事务" : n, v]),
    ],
  ])("%s", (_n, rows) => {
    const r = importWorkbook([
      sheet("表3", [
        ["部门支出总表"],
        ["单位：万元"],
        ["功能分类科目名称", "合计", "基本支出", "项目支出"],
        ["合计", 68, 68, ""],
        ...rows.map(([n, v]) => [n, v, v, ""]),
      ]),
    ]);
    expect(only(r).rows.map((x) => x.level)).toEqual([0, 1, 2, 3, 3, 1, 2, 3]);
    expect(only(r).rows.find((x) => x.label === "行政运行")?.code).toBe(
      rows[1][0] === "财政事务" ? "2010601" : undefined
    );
    expect(serious(r)).toEqual([]);
  });
});

describe("economic codes: 7-digit items under 5-digit ones", () => {
  test("levels 1 / 2 / 3 and sums by level", () => {
    const r = importWorkbook([
      sheet("表6", [
        ["一般公共预算基本支出表"],
        ["单位：万元"],
        ["经济科目编码", "经济科目名称", "合计"],
        ["合计", "", 30],
        ["302", "商品和服务支出", 30],
        ["30201", "办公费", 30],
        ["3020101", "办公用品", 20],
        ["3020102", "其他办公费", 10],
      ]),
    ]);
    expect(only(r).rows.map((x) => x.level)).toEqual([0, 1, 2, 3, 3]);
    expect(serious(r)).toEqual([]);
  });
});

describe("empty tables in every form", () => {
  test.each([
    ["注：本表本年无发生额。", [["合计", 0, 0]]],
    ["备注：本部门没有政府性基金预算拨款安排的支出，故本表无数据。", [["合计", "", ""]]],
    ["（注：本部门没有使用政府性基金预算拨款安排的支出。）", [["合计", "", ""]]],
    [undefined, [["合计", 0, 0]]],
  ])("%s", (note, body) => {
    const r = importWorkbook([
      sheet("表9", [
        ["政府性基金预算支出表"],
        ["单位：万元"],
        ["科目名称", "合计", "项目支出"],
        ...(body as CellValue[][]),
        ...(note ? [[note]] : []),
      ]),
    ]);
    const t = only(r);
    expect(t.empty).toBe(true);
    if (note) expect(t.markedEmpty).toBe(true);
    expect(serious(r)).toEqual([]);
  });
});

describe("year and department when the tables print none", () => {
  const table = sheet("表1", [
    ["部门收入总表"],
    ["单位：万元"],
    ["项目", "合计"],
    ["合计", 10],
    ["一般公共服务支出", 10],
  ]);
  test("from a cover sheet", () => {
    const r = importWorkbook([sheet("封面", [["广州市统计局2026年部门预算"]]), table]);
    expect(r).toMatchObject({
      year: 2026,
      department: "广州市统计局",
      metaSource: "分部标题或封面",
    });
  });
  test.each([
    [
      "编制单位：市统计局　　2025年度　　单位：万元 in one cell",
      [["编制单位：市统计局　　2025年度　　单位：万元"]],
    ],
    [
      "部门名称： and the name in two cells, the year on its own line",
      [["2025年度"], ["部门名称：", "市统计局", "单位：万元"]],
    ],
  ])("%s", (_n, lines) => {
    const r = importWorkbook([
      sheet("表1", [
        ["部门收入总表"],
        ...(lines as CellValue[][]),
        ["项目", "合计"],
        ["合计", 10],
        ["一般公共服务支出", 10],
      ]),
    ]);
    expect(r).toMatchObject({ year: 2025, department: "市统计局" });
    expect(only(r).unit).toBe("万元");
  });
  test("from the file name, said so", () => {
    const r = importWorkbook([table], { fileName: "西安市审计局2025年部门预算.xlsx" });
    expect(r).toMatchObject({ year: 2025, department: "西安市审计局", metaSource: "文件名" });
  });
});

test("a 部门决算 workbook is recognised and reported as not supported, never checked as a budget", () => {
  const t = (n: number, title: string) =>
    sheet(`表${n}`, [
      [`${title}`],
      ["单位：万元"],
      ["项目", "预算数", "决算数"],
      ["合计", 10, 9],
      ["一般公共服务支出", 10, 9],
    ]);
  const r = importWorkbook([
    t(1, "2025年度部门收入决算表"),
    t(2, "2025年度部门支出决算表"),
    t(3, "2025年度财政拨款收入支出决算总表"),
  ]);
  expect(r.finalAccounts).toBe(true);
  expect(r.tables).toEqual([]);
  expect(r.unrecognized.every((u) => /决算/.test(u.reason))).toBe(true);
  expect(
    checkReport(r).findings.map((f) => [f.rule, f.severity, /决算暂不支持/.test(f.message)])
  ).toEqual([["input.no-tables", "warning", true]]);
});

describe("performance tables of other templates", () => {
  test("a project list with 绩效目标 as a column is a 项目绩效目标一览表", () => {
    const r = importWorkbook([
      sheet("表11", [
        ["项目支出绩效表"],
        ["单位：万元"],
        ["单位名称", "项目名称", "金额", "绩效目标"],
        ["市统计局", "甲项目", 12.5, "完成甲"],
        ["市统计局", "乙项目", 7.5, "完成乙"],
      ]),
    ]);
    const t = only(r);
    expect(t.kind).toBe("performance_list");
    expect(t.rows.map((x) => [x.label, x.amounts.total?.value])).toEqual([
      ["甲项目", 12.5],
      ["乙项目", 7.5],
    ]);
  });
  test("a 部门整体绩效目标表 reads its task grid down to 金额合计", () => {
    const r = importWorkbook([
      sheet("表15", [
        ["部门整体支出绩效目标表"],
        ["（2026年度）"],
        ["部门（单位）名称", "", "市审计局"],
        ["年度主要任务", "任务名称", "主要内容", "预算金额（万元）", "", ""],
        ["", "", "", "总额", "财政拨款", "其他资金"],
        ["", "机关运转", "人员和公用经费", 100, 100, ""],
        ["", "专项工作", "业务", 20, 15, 5],
        ["", "金额合计", "", 120, 115, 5],
        ["年度总体目标", "履行职责"],
      ]),
    ]);
    const t = only(r);
    expect(t.kind).toBe("department_performance");
    expect(t.rows.map((x) => [x.label, x.level])).toEqual([
      ["机关运转", 1],
      ["专项工作", 1],
      ["金额合计", 0],
    ]);
    expect(serious(r)).toEqual([]);
  });
});

describe("the new kinds' identities: a breakdown equals the figure it breaks down", () => {
  const t5 = sheet("表5", [
    ["一般公共预算支出表"],
    ["单位：万元"],
    ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
    ["合计", "", 100, 70, 30],
    ["201", "一般公共服务支出", 100, 70, 30],
    ["20106", "财政事务", 100, 70, 30],
    ["2010601", "行政运行", 70, 70, ""],
    ["2010602", "一般行政管理事务", 30, "", 30],
  ]);
  const t7 = (total: number) =>
    sheet("表7", [
      ["一般公共预算项目支出情况表（按经济分类科目）"],
      ["单位：万元"],
      ["部门预算支出经济科目", "预算"],
      ["合计", total],
      ["[302]商品和服务支出", total],
      ["[30201]办公费", total],
    ]);
  const t12 = sheet("表12", [
    ["项目支出预算表"],
    ["单位：万元"],
    ["项目名称", "合计", "一般公共预算"],
    ["合计", 30, 30],
    ["评审项目", 30, 30],
  ]);
  const list = (amount: number) =>
    sheet("表13", [
      ["项目", "预算数（单位：万元）", "绩效目标"],
      ["评审项目", amount, "完成评审"],
    ]);
  const kinds = (r: Report) => r.tables.map((t) => t.kind);
  test("consistent: both identities run and pass", () => {
    const r = importWorkbook([t5, t7(30), t12, list(30)]);
    expect(kinds(r)).toEqual([
      "general_budget_expenditure",
      "project_expenditure_economic",
      "project_expenditure",
      "performance_list",
    ]);
    expect(serious(r)).toEqual([]);
    const per = checkReport(r).perRule;
    for (const id of ["cross.breakdown-totals", "projects.performance-list"])
      expect({ id, checked: per.find((p) => p.id === id)!.checked > 0 }).toEqual({
        id,
        checked: true,
      });
  });
  test("a changed figure is found at its cell", () => {
    const r = importWorkbook([t5, t7(35), t12, list(25)]);
    const fs = serious(r).map((f) => `${f.rule} ${f.cells[0]}`);
    expect(fs).toContain("cross.breakdown-totals 表7!B4");
    expect(fs).toContain("projects.performance-list 表13!B2");
  });
});

describe("收支总表 printed one-sided: 收入 lines, then 支出 lines, under one 项目 | 预算数 pair", () => {
  const build = (bands: boolean, change = 0) =>
    sheet("表1", [
      ["2025年部门收支总表"],
      ["单位：万元"],
      ["项目", "预算数"],
      ...(bands ? [["收入", ""]] : []),
      ["一、一般公共预算拨款收入", 95],
      ["二、政府性基金预算拨款收入", 5],
      ["三、国有资本经营预算拨款收入", ""],
      ["本年收入合计", 100],
      ["上年结转", ""],
      ["收入总计", 100],
      ...(bands ? [["支出", ""]] : []),
      ["一、一般公共服务支出", 60 + change],
      ["二、城乡社区支出", 40],
      ["本年支出合计", 100],
      ["年终结转", ""],
      ["支出总计", 100],
    ]);
  test.each([[false], [true]])("band lines %p: each line on its side, no finding", (bands) => {
    const r = importWorkbook([build(bands)]);
    const t = only(r);
    expect(t.rows.map((x) => [x.label, x.side])).toEqual([
      ["一、一般公共预算拨款收入", "income"],
      ["二、政府性基金预算拨款收入", "income"],
      ["三、国有资本经营预算拨款收入", "income"],
      ["本年收入合计", "income"],
      ["上年结转", "income"],
      ["收入总计", "income"],
      ["一、一般公共服务支出", "expenditure"],
      ["二、城乡社区支出", "expenditure"],
      ["本年支出合计", "expenditure"],
      ["年终结转", "expenditure"],
      ["支出总计", "expenditure"],
    ]);
    expect(serious(r)).toEqual([]);
  });
  test("a changed 支出 line is found at its cell by 本年支出合计", () => {
    const r = importWorkbook([build(true, 3)]);
    const f = serious(r).filter((x) => x.rule === "within.current-expenditure");
    expect(f.map((x) => [x.cells[0], x.cells.includes("表1!B12")])).toEqual([["表1!B14", true]]);
  });
});

describe("本年预算数 beside 上年预算数 and 增减: this year's figures are the table's 合计", () => {
  test("三公 by rows with last year beside it", () => {
    const r = importWorkbook([
      sheet("表9", [
        ["财政拨款“三公”经费支出表"],
        ["单位：万元"],
        ["项目", "上年预算数", "本年预算数", "增减额", "增减率（%）"],
        ["合计", 24, 20, -4, -16.67],
        ["因公出国（境）费", 2, "", -2, -100],
        ["公务接待费", 6, 5, -1, -16.67],
        ["公务用车购置及运行费", 16, 15, -1, -6.25],
        ["其中：公务用车购置费", "", "", "", ""],
        ["公务用车运行费", 16, 15, -1, -6.25],
      ]),
    ]);
    expect(only(r).columns.map((c) => c.key)).toEqual(["prior", "total", "change", "ratio"]);
    expect(serious(r)).toEqual([]);
  });
  test("一般公共预算支出表: 本年预算数 is compared like a 合计, a wrong one is found", () => {
    const t = (v: number) =>
      sheet("表5", [
        ["一般公共预算支出表"],
        ["单位：万元"],
        ["科目编码", "科目名称", "上年预算数", "本年预算数", "增减%"],
        ["", "合计", 90, v, 11.11],
        ["201", "一般公共服务支出", 90, 100, 11.11],
        ["20106", "财政事务", 90, 100, 11.11],
        ["2010601", "行政运行", 90, 100, 11.11],
      ]);
    expect(only(importWorkbook([t(100)])).columns.map((c) => c.key)).toEqual([
      "prior",
      "total",
      "ratio",
    ]);
    expect(serious(importWorkbook([t(100)]))).toEqual([]);
    expect(serious(importWorkbook([t(101)])).map((f) => f.cells[0])).toContain("表5!D4");
  });
  test("本年预算数 beside 上年结转 stays this year's part of the 合计", () => {
    const r = importWorkbook([
      sheet("表3", [
        ["部门支出总表"],
        ["单位：万元"],
        ["科目名称", "合计", "本年预算数", "上年结转"],
        ["合计", 110, 100, 10],
        ["一般公共服务支出", 110, 100, 10],
      ]),
    ]);
    expect(only(r).columns.map((c) => c.key)).toEqual(["total", "current", "carryover"]);
  });
});

describe("合计 lines labelled otherwise are the table's 合计", () => {
  test.each(["支出合计", "合计（万元）", "总  计", "本年支出合计"])("%s", (label) => {
    const t = (v: number) =>
      sheet("表3", [
        ["部门支出总表"],
        ["单位：万元"],
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        ["", label, v, 70, 30],
        ["201", "一般公共服务支出", 100, 70, 30],
        ["20106", "财政事务", 100, 70, 30],
        ["2010601", "行政运行", 70, 70, ""],
        ["2010602", "一般行政管理事务", 30, "", 30],
      ]);
    const r = importWorkbook([t(100)]);
    expect(only(r).rows[0]).toMatchObject({ key: "total", level: 0 });
    expect(serious(r)).toEqual([]);
    expect(serious(importWorkbook([t(101)])).map((f) => f.cells[0])).toContain("表3!C4");
  });
});

test("a 项目支出表 grouped by unit: the 项目名称 column names the rows, a 小计 line is named for its unit", () => {
  const r = importWorkbook([
    sheet("表11", [
      ["项目支出预算表"],
      ["单位：万元"],
      ["单位名称", "项目名称", "合计", "一般公共预算"],
      ["合计", "", 70.5, 70.5],
      ["市统计局本级", "小计", 50, 50],
      ["市统计局本级", "统计调查经费", 50, 50],
      ["市统计数据中心", "小计", 20.5, 20.5],
      ["市统计数据中心", "数据平台运维", 20.5, 20.5],
    ]),
  ]);
  expect(only(r).rows.map((x) => [x.label, x.level])).toEqual([
    ["合计", 0],
    ["市统计局本级小计", 1],
    ["统计调查经费", 2],
    ["市统计数据中心小计", 1],
    ["数据平台运维", 2],
  ]);
  expect(serious(r)).toEqual([]);
});

describe("columns printed as words or counts are not amounts, whatever their caption", () => {
  test("项目类型 / 实施单位 / 是否政府采购 beside the money: no unreadable amount, the money still checked", () => {
    const t = (v: number) =>
      sheet("表11", [
        ["项目支出预算表"],
        ["单位：万元"],
        ["项目名称", "项目类型", "实施单位", "是否政府采购", "合计", "一般公共预算"],
        ["合计", "", "", "", v, 70.5],
        ["统计调查经费", "一次性项目", "市统计局", "否", 50, 50],
        ["数据平台运维", "经常性项目", "市统计数据中心", "是", 20.5, 20.5],
      ]);
    const r = importWorkbook([t(70.5)]);
    expect(only(r).columns.map((c) => c.key)).toEqual(["total", "general"]);
    expect(serious(r)).toEqual([]);
    expect(serious(importWorkbook([t(71.5)])).map((f) => f.cells[0])).toContain("表11!E4");
  });
  test("采购品目 / 数量 / 计量单位 in a 政府采购预算表: the quantities are not summed", () => {
    const r = importWorkbook([
      sheet("表12", [
        ["政府采购预算表"],
        ["单位：万元"],
        ["采购项目", "采购品目", "数量", "计量单位", "合计", "一般公共预算"],
        ["合计", "", "", "", 30, 30],
        ["办公设备购置", "台式计算机", 10, "台", 6, 6],
        ["印刷服务", "印刷服务", 1, "项", 24, 24],
      ]),
    ]);
    expect(only(r).columns.map((c) => c.key)).toEqual(["total", "general"]);
    expect(serious(r)).toEqual([]);
  });
  test("one word among the figures is still an unreadable amount", () => {
    const r = importWorkbook([
      sheet("表3", [
        ["部门支出总表"],
        ["单位：万元"],
        ["科目名称", "合计", "基本支出"],
        ["合计", 30, 30],
        ["一般公共服务支出", 30, "三十"],
        ["行政运行", 30, 30],
      ]),
    ]);
    expect(serious(r).map((f) => `${f.rule} ${f.cells[0]}`)).toContain(
      "input.unreadable-amount 表3!C5"
    );
  });
});

describe("“三公” laid across, one line per unit under the 合计 line: every unit is checked", () => {
  const build = (reception2 = 2.5) =>
    sheet("表9", [
      ["财政拨款“三公”经费支出表"],
      ["单位：万元"],
      ["单位名称", "合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费"],
      ["", "", "", "小计", "购置费", "运行费", ""],
      ["合计", 20.6, "", 15, "", 15, 5.6],
      ["市统计局本级", 12.1, "", 9, "", 9, 3.1],
      ["市统计数据中心", 6 + reception2, "", 6, "", 6, reception2],
    ]);
  test("consistent: no finding, the units' columns read", () => {
    const r = importWorkbook([build()]);
    expect(only(r).columns.map((c) => c.label)).toEqual([
      "预算数",
      "市统计局本级",
      "市统计数据中心",
    ]);
    expect(serious(r)).toEqual([]);
  });
  test("a unit's 公务接待费 that does not add up with the other unit's to the 合计 is found at its cell", () => {
    const r = importWorkbook([build(3.5)]);
    expect(
      serious(r).some((f) => f.rule === "within.row-units" && f.cells.includes("表9!G7"))
    ).toBe(true);
  });
});

describe("上年 / 本年 / 增减 printed side by side: 增减额 = 本年 − 上年", () => {
  const t = (change: number, caption = "增减额") =>
    sheet("表9", [
      ["财政拨款“三公”经费支出表"],
      ["单位：万元"],
      ["项目", "上年预算数", "本年预算数", caption],
      ["合计", 24.5, 20.5, -4],
      ["因公出国（境）费", 2, "", -2],
      ["公务接待费", 6.5, 5.5, change],
      ["公务用车购置及运行费", 16, 15, -1],
      ["其中：公务用车购置费", "", "", ""],
      ["公务用车运行费", 16, 15, -1],
    ]);
  test("consistent: no finding, the identity ran", () => {
    const r = importWorkbook([t(-1)]);
    expect(serious(r)).toEqual([]);
    expect(
      checkReport(r).perRule.find((p) => p.id === "within.row-change")!.checked
    ).toBeGreaterThan(0);
  });
  test("a wrong 增减额 is found at its cell", () => {
    expect(
      serious(importWorkbook([t(-2)]))
        .filter((f) => f.rule === "within.row-change")
        .map((f) => f.cells.includes("表9!D6"))
    ).toEqual([true]);
  });
  test("a new line whose 增减 is left blank is not judged", () => {
    const r = importWorkbook([
      sheet("表9", [
        ["财政拨款“三公”经费支出表"],
        ["单位：万元"],
        ["项目", "上年预算数", "本年预算数", "增减额"],
        ["合计", 22.5, 23.5, 1],
        ["因公出国（境）费", "", 2, ""],
        ["公务接待费", 6.5, 5.5, -1],
        ["公务用车购置及运行费", 16, 16, ""],
        ["其中：公务用车购置费", "", "", ""],
        ["公务用车运行费", 16, 16, ""],
      ]),
    ]);
    expect(serious(r)).toEqual([]);
  });
  test("a 增减 column that is a rate printed without % is not read as the difference", () => {
    const rate = sheet("表5", [
      ["一般公共预算支出表"],
      ["单位：万元"],
      ["科目编码", "科目名称", "上年预算数", "本年预算数", "增减"],
      ["", "合计", 90, 100, 11.11],
      ["201", "一般公共服务支出", 90, 100, 11.11],
      ["20106", "财政事务", 90, 100, 11.11],
      ["2010601", "行政运行", 90, 100, 11.11],
    ]);
    expect(serious(importWorkbook([rate]))).toEqual([]);
  });
});

describe("基本支出 lines grouped under 人员经费 / 公用经费 lines", () => {
  const t = (office: number) =>
    sheet("表6", [
      ["一般公共预算基本支出表"],
      ["单位：万元"],
      ["经济科目编码", "经济科目名称", "金额"],
      ["", "合计", 95.5],
      ["", "人员经费", 80],
      ["30101", "基本工资", 50],
      ["30102", "津贴补贴", 30],
      ["", "公用经费", 15.5],
      ["30201", "办公费", office],
      ["30217", "公务接待费", 5.5],
    ]);
  test("the groups are the first level, their lines under them", () => {
    const r = importWorkbook([t(10)]);
    expect(only(r).rows.map((x) => x.level)).toEqual([0, 1, 2, 2, 1, 2, 2]);
    expect(serious(r)).toEqual([]);
  });
  test("a wrong line is found", () => {
    expect(serious(importWorkbook([t(11)])).some((f) => f.cells.includes("表6!C9"))).toBe(true);
  });
  test("人员经费 / 公用经费 printed after the classes, with nothing under them, are not added to the 合计", () => {
    const r = importWorkbook([
      sheet("表6", [
        ["一般公共预算基本支出表"],
        ["单位：万元"],
        ["经济科目编码", "经济科目名称", "金额"],
        ["", "合计", 95.5],
        ["301", "工资福利支出", 80],
        ["30101", "基本工资", 80],
        ["302", "商品和服务支出", 15.5],
        ["30201", "办公费", 15.5],
        ["", "人员经费", 80],
        ["", "公用经费", 15.5],
      ]),
    ]);
    expect(serious(r)).toEqual([]);
  });
});

test("a 收支总表 printing 上年预算数 | 本年预算数 on both sides: this year's figures are each side's 合计", () => {
  const t = (v: number) =>
    sheet("表1", [
      ["部门收支总表"],
      ["单位：万元"],
      ["收入", "", "", "支出", "", ""],
      ["项目", "上年预算数", "本年预算数", "项目", "上年预算数", "本年预算数"],
      ["一、一般公共预算拨款收入", 90, 100, "一、一般公共服务支出", 90, v],
      ["本年收入合计", 90, 100, "本年支出合计", 90, 100],
      ["收入总计", 90, 100, "支出总计", 90, 100],
    ]);
  const r = importWorkbook([t(100)]);
  expect(only(r).columns.map((c) => `${c.key}@${c.side}`)).toEqual([
    "prior@income",
    "total@income",
    "prior@expenditure",
    "total@expenditure",
  ]);
  expect(serious(r)).toEqual([]);
  expect(serious(importWorkbook([t(101)])).some((f) => f.cells.includes("表1!F5"))).toBe(true);
});

test.each(["单位：人民币万元", "金额单位：人民币元", "单位：万元；"])(
  "the unit line %s",
  (line) => {
    const r = importWorkbook([
      sheet("表1", [
        ["部门收入总表"],
        ["部门名称：市统计局", "", line],
        ["项目", "合计", "一般公共预算"],
        ["合计", 10, 10],
        ["一般公共服务支出", 10, 10],
      ]),
    ]);
    expect(only(r)).toMatchObject({ unit: /人民币元/.test(line) ? "元" : "万元", unitText: line });
    expect(r.department).toBe("市统计局");
  }
);
