/** Layout traps from the audits (section d) and other templates, each on a small grid. */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { gridFromRows } from "../../src/core/grid/grid";
import { classifyTitle } from "../../src/core/importer/kinds";
import { parseAmount } from "../../src/core/grid/amount";
import { readMeta } from "../../src/core/importer/meta";
import { norm, labelKey } from "../../src/core/grid/text";

test.each([
  ["预算公开表1", undefined],
  ["2024年预算收支总表", "income_expenditure_summary"],
  ["表一 部门收支总表", "income_expenditure_summary"],
  ["公开01表　部门收入支出总表", "income_expenditure_summary"],
  ["表 3 部门支出总表", "expenditure_summary"],
  ["部门公开表9 2024年国有资本经营预算收支预算表（不含上年结转）", "state_capital"],
  ["2025年财政拨款收支总表", "fiscal_appropriation_summary"],
  ["一般公共预算财政拨款支出表", "general_budget_expenditure"],
  ["一般公共预算基本支出表", "basic_expenditure_economic"],
  ["2024年一般公共预算安排基本支出分经济科目表（不含上年结转）", "basic_expenditure_economic"],
  ["政府性基金预算收入表", "gov_fund_income"],
  ["政府性基金预算支出表", "gov_fund_expenditure"],
  ["“三公”经费和机关运行经费预算表", "three_public"],
  ["机关运行经费预算表", "operating_funds"],
  ["项目支出预算表（上年结转）", "project_carryover"],
  ["上年结转结余明细表", "project_carryover"],
  ["部门项目支出预算表", "project_expenditure"],
  ["稷山县县(区)级预算部门（单位）项目支出绩效目标表", "performance_target"],
  ["单位整体支出绩效目标表", "department_performance"],
  ["政府采购预算表", "procurement"],
  ["注：本表无数据", undefined],
])("title %s → %s", (title, kind) => {
  expect(classifyTitle(title)?.kind).toBe(kind);
});

test.each([
  [450.05, "450.05", "0.00", 450.05, 2],
  ["1,705.54", undefined, "General", 1705.54, 2],
  [" 28.88 ", undefined, "@", 28.88, 2],
  ["3,983,000", undefined, "General", 3983000, 0],
  [0, "0.00", "0.00", 0, 2],
  ["", undefined, "General", null, 0],
  ["—", undefined, "General", null, 0],
  // △ / ▲: the Chinese accounting mark of a decrease (增减额 printed △1.80).
  ["△1.80", undefined, "General", -1.8, 2],
  ["▲ 12.5", undefined, "@", -12.5, 1],
  ["△1,705.54", undefined, "General", -1705.54, 2],
])("amount %p (%p, %p) → %p / %p decimals", (value, text, fmt, expected, decimals) => {
  expect(parseAmount(value as string | number, text, fmt)).toMatchObject({
    value: expected,
    decimals,
  });
});
test("a label is not an amount", () =>
  expect(parseAmount("一般公共服务支出", undefined, "General")).toBeUndefined());

test.each([
  ["单位：万元", { unit: "万元" }],
  ["单位:万元", { unit: "万元" }],
  ["金额单位：元", { unit: "元" }],
  ["部门名称：中共稷山县委组织部", { department: "中共稷山县委组织部" }],
  ["单位名称：某某县财政局", { department: "某某县财政局" }],
  ["编制部门：某某局", { department: "某某局" }],
  ["预算年度：2025", { year: 2025 }],
  ["(2024年度)", { year: 2024 }],
])("meta line %s", (text, meta) => expect(readMeta(text)).toMatchObject(meta));

test("whitespace and full-width variants normalise alike", () => {
  expect(norm("合 计")).toBe("合计");
  expect(norm("科目    编码")).toBe("科目编码");
  expect(norm("\u3000\u3000项目")).toBe("项目");
  expect(labelKey("（一）一般公共预算")).toBe("一般公共预算");
  expect(labelKey("①公务用车购置费")).toBe("公务用车购置费");
  expect(norm("维修(护)费")).toBe(norm("维修（护）费"));
});

test("a 收入总表 laid out vertically: nested categories down one column, Chinese ordinals give the levels", () => {
  const g = gridFromRows("收入", [
    ["部门收入总表"],
    ["部门：某某局", "单位：万元"],
    ["项  目", "预算数"],
    ["一、财政拨款收入", 500],
    ["（一）一般公共预算", 480],
    ["（二）政府性基金预算", 20],
    ["二、事业收入", 30],
    ["三、其他收入", 5],
    ["合 计", 535],
  ]);
  const r = importWorkbook([g]);
  expect(r.tables).toHaveLength(1);
  const t = r.tables[0];
  expect(t.kind).toBe("income_summary");
  expect(t.rows.map((x) => [x.key, x.level])).toEqual([
    ["src_fiscal", 1],
    ["src_general", 2],
    ["src_gov_fund", 2],
    ["src_business", 1],
    ["src_other", 1],
    ["total", 0],
  ]);
  expect(checkReport(r).findings.filter((f) => f.rule.startsWith("hierarchy"))).toEqual([]);
  g.values[4][1] = 470;
  const bad = checkReport(importWorkbook([g])).findings.filter(
    (f) => f.rule === "hierarchy.parent-children"
  );
  expect(bad[0].cells[0]).toBe("收入!B4");
});

test("three blocks: 收入 | 支出（按功能） | 支出（按用途：基本支出 / 项目支出）", () => {
  const g = gridFromRows(
    "收支总表",
    [
      ["收支预算总表"],
      ["收入", "", "支出（功能分类）", "", "支出（经济分类）", ""],
      ["项目", "预算数", "项目", "预算数", "项目", "预算数"],
      ["一、一般公共预算拨款收入", 533.1, "一、一般公共服务支出", 450.5, "一、基本支出", 462.6],
      ["", "", "八、社会保障和就业支出", 45.2, "二、项目支出", 70.5],
      ["", "", "十、卫生健康支出", 12.3, "", ""],
      ["", "", "二十、住房保障支出", 25.1, "", ""],
      ["本年收入合计", 533.1, "本年支出合计", 533.1, "本年支出合计", 533.1],
      ["收入总计", 533.1, "支出总计", 533.1, "支出总计", 533.1],
    ],
    {
      merges: [
        { r0: 1, c0: 0, r1: 1, c1: 1 },
        { r0: 1, c0: 2, r1: 1, c1: 3 },
        { r0: 1, c0: 4, r1: 1, c1: 5 },
      ],
    }
  );
  const t = importWorkbook([g]).tables[0];
  expect(t.kind).toBe("income_expenditure_summary");
  expect([...new Set(t.rows.map((r) => r.side))]).toEqual([
    "income",
    "expenditure",
    "expenditure_use",
  ]);
  expect(
    t.rows.filter((r) => r.side === "expenditure_use" && r.level === 1).map((r) => r.key)
  ).toEqual(["use_basic", "use_project"]);
  expect(checkReport(importWorkbook([g])).findings).toEqual(
    [expect.objectContaining({ rule: "completeness.required-tables" })]
      .slice(0, 0)
      .concat(
        checkReport(importWorkbook([g])).findings.filter(
          (f) => f.rule === "completeness.required-tables"
        )
      )
  );
  g.values[4][5] = 60.5;
  const f = checkReport(importWorkbook([g])).findings.filter(
    (x) => x.rule === "within.current-expenditure"
  );
  expect(f.map((x) => x.cells[0])).toEqual(["收支总表!F8"]);
});

test("two-sided tables: the same label twice in one column (current year and carry-over sub-row) keeps both", () => {
  const g = gridFromRows("表四", [
    ["财政拨款收支总表"],
    ["收入", "", "支出", ""],
    ["项目", "金额", "项目", "金额"],
    ["一、一般公共预算", 100, "一、一般公共服务支出", 110],
    ["本年收入合计", 100, "本年支出合计", 110],
    ["上年财政拨款结转", 10, "年终结转", ""],
    ["一、一般公共预算", 10, "", ""],
    ["收入总计", 110, "支出总计", 110],
  ]);
  const t = importWorkbook([g]).tables[0];
  expect(t.rows.filter((r) => r.side === "income").map((r) => r.key)).toEqual([
    "src_general",
    "current_income_total",
    "carryover_in",
    "carryover_src_general",
    "income_grand_total",
  ]);
});

test("header rows repeated at a page break are not data; a 栏次 row is not data", () => {
  const header = ["科目编码", "科目名称", "合计", "基本支出", "项目支出"];
  const g = gridFromRows("支出", [
    ["部门支出总表"],
    header,
    [1, 2, 3, 4, 5],
    ["合计", "", 30, 20, 10],
    ["201", "一般公共服务支出", 20, 20, ""],
    header,
    ["208", "社会保障和就业支出", 10, "", 10],
  ]);
  const t = importWorkbook([g]).tables[0];
  expect(t.rows.map((r) => r.label)).toEqual(["合计", "一般公共服务支出", "社会保障和就业支出"]);
  expect(
    checkReport(importWorkbook([g])).findings.filter(
      (f) => f.severity !== "info" && !f.rule.startsWith("completeness")
    )
  ).toEqual([]);
});

test("code and name in one cell, 款 and 项 with inherited class", () => {
  const g = gridFromRows("支出", [
    ["支出总表"],
    ["功能分类科目", "合计", "基本支出", "项目支出"],
    ["合计", 30, 20, 10],
    ["201 一般公共服务支出", 30, 20, 10],
    ["  20106 财政事务", 30, 20, 10],
    ["    2010601 行政运行", 20, 20, ""],
    ["    2010602 一般行政管理事务", 10, "", 10],
  ]);
  const t = importWorkbook([g]).tables[0];
  expect(t.rows.map((r) => [r.code, r.level, r.label])).toEqual([
    [undefined, 0, "合计"],
    ["201", 1, "一般公共服务支出"],
    ["20106", 2, "财政事务"],
    ["2010601", 3, "行政运行"],
    ["2010602", 3, "一般行政管理事务"],
  ]);
});

test("a sheet that is not a budget table is reported with a reason, an empty sheet too", () => {
  const r = importWorkbook([
    gridFromRows("封面", [["某某局2025年部门预算公开"], ["目录"], ["第一部分 部门概况"]]),
    gridFromRows("空白", []),
  ]);
  expect(r.tables).toEqual([]);
  expect(r.unrecognized).toEqual([
    { sheet: "封面", range: "A1:A3", reason: "未找到可识别的预算表标题或表头" },
    { sheet: "空白", range: "A1", reason: "工作表为空" },
  ]);
});

test("a title without a header is reported, not guessed", () => {
  const r = importWorkbook([gridFromRows("x", [["部门收支总表"], ["这里只有说明文字"]])]);
  expect(r.tables).toEqual([]);
  expect(r.unrecognized[0].reason).toMatch(/未找到表头/);
});

test("a sheet with no title is classified by its name", () => {
  const g = gridFromRows("三公经费", [
    ["项目", "预算数"],
    ["因公出国（境）费", ""],
    ["公务接待费", 2],
    ["公务用车购置及运行费", 3],
    ["合计", 5],
  ]);
  const t = importWorkbook([g]).tables[0];
  expect(t.kind).toBe("three_public");
  expect(t.rows.find((r) => r.key === "total")!.amounts.total.cell).toBe("三公经费!B5");
});

test("hidden sheets are reported", () => {
  const g = gridFromRows("底稿", [["x"]]);
  g.visibility = "hidden";
  expect(importWorkbook([g]).hiddenSheets).toEqual(["底稿"]);
});

test("a performance form in 万元 with the value inside the caption cell", () => {
  const g = gridFromRows("绩效", [
    ["项目支出绩效目标表"],
    ["项目名称", "办公楼维修"],
    ["项目期", "1年"],
    ["项目资金（万元）", "实施期资金总额：12.50", "", "年度资金总额：", 12.5],
    ["", "其中：中央财政资金", "", "其中：中央财政资金", ""],
    ["", "市县（区）财政资金", 12.5, "市县（区）财政资金", 12.5],
  ]);
  const t = importWorkbook([g]).tables[0];
  expect(t).toMatchObject({
    kind: "performance_target",
    unit: "万元",
    form: { project: "办公楼维修", period: "1年" },
  });
  expect(t.rows.find((r) => r.key === "total")!.amounts).toMatchObject({
    period: { value: 12.5, cell: "绩效!B4" },
    annual: { value: 12.5, cell: "绩效!E4" },
  });
});

test("基本支出 printed by function and by economic class: the two totals are compared column by column; economic names checked", () => {
  const byFunction = gridFromRows("表6", [
    ["一般公共预算基本支出表"],
    ["科目编码", "科目名称", "合计", "人员经费", "公用经费"],
    ["合计", "", 100, 80, 20],
    ["201", "一般公共服务支出", 100, 80, 20],
  ]);
  const byEconomic = gridFromRows("表7", [
    ["一般公共预算基本支出经济分类表"],
    ["经济科目编码", "经济科目名称", "合计", "人员经费", "公用经费"],
    ["合计", "", 100, 80, 20],
    ["301", "工资福利支出", 80, 80, ""],
    ["30101", "基本工资", 80, 80, ""],
    ["302", "商品和服务支出", 20, "", 20],
    ["30201", "办公经费", 20, "", 20],
  ]);
  const ok = checkReport(importWorkbook([byFunction, byEconomic]));
  expect(ok.findings.filter((f) => f.rule === "cross.basic-economic")).toEqual([]);
  expect(
    ok.findings.filter((f) => f.rule === "naming.economic-code").map((f) => f.cells[0])
  ).toEqual(["表7!B7"]);
  byFunction.values[3][3] = 70;
  byFunction.values[2][3] = 70;
  byFunction.values[2][2] = 90;
  byFunction.values[3][2] = 90;
  const bad = checkReport(importWorkbook([byFunction, byEconomic])).findings.filter(
    (f) => f.rule === "cross.basic-economic"
  );
  expect(bad.map((f) => f.cells)).toEqual(
    expect.arrayContaining([
      ["表7!C3", "表6!C3"],
      ["表7!D3", "表6!D3"],
    ])
  );
});

test("支出总表 with 基本支出 split into 人员经费 / 公用经费 beside 项目支出: identities follow the header nesting", () => {
  const g = gridFromRows(
    "支出",
    [
      ["部门支出总表"],
      ["科目编码", "科目名称", "合计", "基本支出", "", "项目支出"],
      ["", "", "", "人员经费", "公用经费", ""],
      ["合计", "", 130, 80, 20, 30],
      ["201", "一般公共服务支出", 130, 80, 20, 30],
    ],
    {
      merges: [
        { r0: 1, c0: 3, r1: 1, c1: 4 },
        { r0: 1, c0: 0, r1: 2, c1: 0 },
        { r0: 1, c0: 1, r1: 2, c1: 1 },
        { r0: 1, c0: 2, r1: 2, c1: 2 },
        { r0: 1, c0: 5, r1: 2, c1: 5 },
      ],
    }
  );
  const r = importWorkbook([g]);
  expect(r.tables[0].columns.map((c) => c.key)).toEqual([
    "total",
    "personnel",
    "public",
    "project",
  ]);
  expect(
    checkReport(r).findings.filter(
      (f) => f.rule.startsWith("within") || f.rule.startsWith("hierarchy")
    )
  ).toEqual([]);
  g.values[4][5] = 31;
  expect(
    checkReport(importWorkbook([g]))
      .findings.filter((f) => f.rule === "within.row-basic-project")
      .map((f) => f.cells)
  ).toEqual([["支出!C5", "支出!D5", "支出!E5", "支出!F5"]]);
});

test("财政拨款收支总表 with 一般公共预算 split into 小计 / 基本支出 / 项目支出: the parts are the source's, not the table's", () => {
  const g = gridFromRows(
    "表四",
    [
      ["财政拨款收支总表"],
      ["收入", "", "支出", "", "", "", ""],
      ["项目", "预算数", "项目", "合计", "一般公共预算", "", "政府性基金预算"],
      ["", "", "", "", "小计", "基本支出", ""],
      ["一、一般公共预算", 100, "一、一般公共服务支出", 110, 100, 60, 10],
      ["二、政府性基金预算", 10, "", "", "", "", ""],
      ["本年收入合计", 110, "本年支出合计", 110, 100, 60, 10],
      ["收入总计", 110, "支出总计", 110, 100, 60, 10],
    ],
    {
      merges: [
        { r0: 1, c0: 0, r1: 1, c1: 1 },
        { r0: 1, c0: 2, r1: 1, c1: 6 },
        { r0: 2, c0: 4, r1: 2, c1: 5 },
      ],
    }
  );
  const t = importWorkbook([g]).tables[0];
  expect(t.columns.filter((c) => c.side === "expenditure").map((c) => c.key)).toEqual([
    "total",
    "general",
    "general_basic",
    "gov_fund",
  ]);
  expect(
    checkReport(importWorkbook([g])).findings.filter(
      (f) => f.severity === "error" && !f.rule.startsWith("completeness")
    )
  ).toEqual([]);
});

test("其中 rows are parts of the row above: nested one level down, never summed into the total, may not exceed their parent", () => {
  const g = gridFromRows("收入", [
    ["部门收入预算表"],
    ["项目", "预算数"],
    ["一、财政拨款收入", 500],
    ["其中：一般公共预算", 480],
    ["二、事业收入", 30],
    ["合计", 530],
  ]);
  const r = importWorkbook([g]);
  expect(r.tables[0].rows.map((x) => [x.level, !!x.partial])).toEqual([
    [1, false],
    [2, true],
    [1, false],
    [0, false],
  ]);
  expect(checkReport(r).findings.filter((f) => f.rule.startsWith("hierarchy"))).toEqual([]);
  g.values[3][1] = 520;
  const f = checkReport(importWorkbook([g])).findings.filter(
    (x) => x.rule === "hierarchy.parent-children"
  );
  expect(f.map((x) => [x.severity, x.cells])).toEqual([["error", ["收入!B3", "收入!B4"]]]);
});

test("a table that prints no unit takes the unit the other tables print", () => {
  const a = gridFromRows("收入", [
    ["部门收入总表"],
    ["金额单位：元"],
    ["科目编码", "科目名称", "合计", "一般公共预算"],
    ["合计", "", 1000000, 1000000],
  ]);
  const b = gridFromRows("支出", [
    ["部门支出总表"],
    ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
    ["合计", "", 1000000, 600000, 400000],
  ]);
  expect(importWorkbook([a, b]).tables.map((t) => t.unit)).toEqual(["元", "元"]);
  expect(importWorkbook([b]).tables[0].unit).toBe("万元");
});

test("收入 | 预算数 | 支出 | 预算数 as the caption of a two-sided table; a year stored as a number in the header", () => {
  const g = gridFromRows(
    "总表",
    [
      ["收支总表"],
      ["收入", 2025, "支出", 2025],
      ["一般公共预算拨款收入", 100, "一般公共服务支出", 100],
      ["收入总计", 100, "支出总计", 100],
    ],
    { formats: [[], ["General", "0", "General", "0"], [], []] }
  );
  const t = importWorkbook([g]).tables[0];
  expect(t.kind).toBe("income_expenditure_summary");
  expect(t.columns.map((c) => [c.key, c.side])).toEqual([
    ["total", "income"],
    ["total", "expenditure"],
  ]);
  expect(t.rows.find((r) => r.key === "income_grand_total")!.amounts.total.cell).toBe("总表!B4");
});

test("a performance form with spacer columns and 财政拨款 / 上级补助 sources", () => {
  const g = gridFromRows("绩效", [
    ["项目支出绩效目标表"],
    ["项目名称", "", "培训经费"],
    ["项目资金（元）", "实施期资金总额", "", 30000, "年度资金总额", "", 30000],
    ["", "其中：财政拨款", "", 20000, "其中：财政拨款", "", 20000],
    ["", "上级补助", "", 10000, "上级补助", "", 10000],
  ]);
  const t = importWorkbook([g]).tables[0];
  expect(t.form!.project).toBe("培训经费");
  expect(t.rows.map((r) => [r.key, r.amounts.period?.value, r.amounts.annual?.value])).toEqual([
    ["total", 30000, 30000],
    ["fiscal", 20000, 20000],
    ["superior", 10000, 10000],
  ]);
  expect(
    checkReport(importWorkbook([g])).findings.filter((f) => f.rule === "projects.form-sources")
  ).toEqual([]);
});

test("a 三公 table printing last year's and this year's budget, title without the year: last year's column is prior", () => {
  const g = gridFromRows("三公", [
    ["“三公”经费预算表"],
    ["项目", "2024年预算数", "2025年预算数", "增减额", "增减率"],
    ["合计", 6, 5, -1, "-16.67%"],
    ["因公出国（境）费", "", "", "", ""],
    ["公务接待费", 3, 2, -1, "-33.33%"],
    ["公务用车购置及运行费", 3, 3, 0, "0.00%"],
  ]);
  const t = importWorkbook([g]).tables[0];
  expect(t.columns.map((c) => c.key)).toEqual(["prior", "total", "change", "ratio"]);
  expect(t.rows.find((r) => r.key === "reception")!.amounts.total.value).toBe(2);
});

test("sign-off lines under a table (单位负责人：… 制表人：…) are not rows", () => {
  const g = gridFromRows("项目", [
    ["项目支出预算表"],
    ["项目名称", "合计"],
    ["合计", 10],
    ["培训经费", 10],
    ["单位负责人：张三", "制表人：李四"],
  ]);
  expect(importWorkbook([g]).tables[0].rows.map((r) => r.label)).toEqual(["合计", "培训经费"]);
});

test("a table of contents is not imported as tables", () => {
  const g = gridFromRows("目录", [
    ["目录"],
    ["表一2025年部门收支总表…………1"],
    ["表二 2025年部门收入总表..........2"],
    ["第二部分 部门预算情况说明"],
  ]);
  const r = importWorkbook([g]);
  expect(r.tables).toEqual([]);
  expect(r.unrecognized.map((u) => u.sheet)).toEqual(["目录"]);
});

test("a vertical 收入总表 is compared with the 收支总表 line by line, and with the 支出总表 total including 上年结转", () => {
  const t1 = gridFromRows("表一", [
    ["收支总表"],
    ["收入", "", "支出", ""],
    ["项目", "预算数", "项目", "预算数"],
    ["一、一般公共预算拨款收入", 480, "一、一般公共服务支出", 520],
    ["二、事业收入", 30, "", ""],
    ["本年收入合计", 510, "本年支出合计", 520],
    ["上年结转", 10, "年终结转", ""],
    ["收入总计", 520, "支出总计", 520],
  ]);
  const t2 = gridFromRows("表二", [
    ["部门收入总表"],
    ["项目", "预算数"],
    ["一、一般公共预算拨款收入", 480],
    ["二、事业收入", 30],
    ["合计", 510],
    ["上年结转", 10],
    ["收入总计", 520],
  ]);
  const t3 = gridFromRows("表三", [
    ["部门支出总表"],
    ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
    ["合计", "", 520, 500, 20],
    ["201", "一般公共服务支出", 520, 500, 20],
  ]);
  const res = checkReport(importWorkbook([t1, t2, t3]));
  const cross = res.perRule.filter(
    (r) => r.id === "cross.summary-income" || r.id === "cross.income-expenditure-by-code"
  );
  expect(cross.map((r) => [r.id, r.failed, r.checked > 0])).toEqual([
    ["cross.summary-income", 0, true],
    ["cross.income-expenditure-by-code", 0, true],
  ]);
  t2.values[3][1] = 31;
  t2.values[4][1] = 511;
  const bad = checkReport(importWorkbook([t1, t2, t3]))
    .findings.filter((f) => f.rule === "cross.summary-income")
    .map((f) => f.cells);
  expect(bad).toEqual(expect.arrayContaining([["表一!B5", "表二!B4"]]));
});
