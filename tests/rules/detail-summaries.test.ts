/**
 * The detail tables against the summaries (newcomer12, stop 24):
 * - NC12-17: a 政府性基金 / 国有资本经营 table of this year's money only, under a title saying neither 含 nor 不含上年结转,
 *   in a department that has that fund's 上年结转: read by its figures as the 一般公共预算支出表 is (NC9-10) — no
 *   false 错误; the 项目支出表 (that may list the 结转 project) bounds it from both sides.
 * - NC12-4: the 部门整体绩效目标表's 财政拨款 against a 财政拨款收支总表 printing 支出总计 but no 本年支出合计 line (北京,
 *   the 财政部 template): compared with 支出总计 when no 结转下年 is printed.
 * - NC12-8: the 项目绩效目标一览表's amount of a project printed on two 项目支出表 lines: compared with their sum.
 * Generated layouts first, then newcomer12's workbooks (tests/fixtures/newcomer12/README.md).
 */
import { promises as fs } from "fs";
import path from "path";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { CellValue, Merge, SheetGrid } from "../../src/core/grid/grid";
import type { Finding } from "../../src/core/rules/rule";
import { toGrid } from "../fixtures/variants";
import { mutate } from "../../bench/localization";
import { serious } from "../helpers";

const at = (fs: Finding[]) => serious(fs).map((f) => `${f.rule} ${f.cells[0]}`);
const dir = path.join(__dirname, "..", "fixtures", "newcomer12");
const grids = async (file: string) =>
  (await readXlsxBuffer(await fs.readFile(path.join(dir, file)))).grids;
const check = (g: SheetGrid[]) => checkReport(importWorkbook(g), { localize: false });
// The tables of the generated layouts stand alone: the completeness of the set is not what they are about.
const checkAlone = (g: SheetGrid[]) =>
  checkReport(importWorkbook(g), { skip: ["completeness"], localize: false });

describe("NC12-4: 部门整体绩效目标表 财政拨款 ↔ a 财政拨款收支总表 without 本年支出合计", () => {
  /**
   * 财政拨款收支总表 in 万元: 一般公共预算 100 + 政府性基金 15 this year, 上年结转 5; spent 120 (no 结转下年 unless
   * `carriedOut`: then 110 spent and 10 结转下年). Its last line 支出总计, with or without a 本年支出合计 line above.
   */
  const t4 = (currentLine: boolean, carriedOut: boolean, total: string): SheetGrid =>
    toGrid(
      "表4",
      [
        ["2025年财政拨款收支总表"],
        ["单位：万元"],
        ["收入", "", "支出", "", "", ""],
        ["项目", "预算数", "项目", "合计", "一般公共预算", "政府性基金预算"],
        ["一、本年收入", 115, "一般公共服务支出", carriedOut ? 95 : 105, carriedOut ? 85 : 95, 10],
        ["（一）一般公共预算资金", 100, "城乡社区支出", 15, 10, 5],
        ["（二）政府性基金预算资金", 15, "", "", "", ""],
        ["二、上年结转", 5, "", "", "", ""],
        ["（一）一般公共预算资金", 5, "", "", "", ""],
        ...(currentLine
          ? [["", "", "本年支出合计", carriedOut ? 110 : 120, carriedOut ? 95 : 105, 15]]
          : []),
        ...(carriedOut ? [["", "", "结转下年", 10, 10, ""]] : []),
        [total, 120, "支出总计", 120, 105, 15],
      ],
      [
        { r0: 2, c0: 0, r1: 2, c1: 1 },
        { r0: 2, c0: 2, r1: 2, c1: 5 },
      ]
    );
  /** 任务名称 | 主要内容 | 总额 | 财政拨款 (| 其他资金); `fiscalOnly`: the one money column 财政拨款. */
  const perf = (fiscal: number, fiscalOnly: boolean, caption: string): SheetGrid => {
    const head: CellValue[] = fiscalOnly
      ? ["年度主要任务", "主要内容", caption]
      : ["年度主要任务", "主要内容", "总额", caption];
    const line = (name: string, what: string, a: number): CellValue[] =>
      fiscalOnly ? [name, what, a] : [name, what, a, a];
    return toGrid(
      "表15",
      [
        ["2025年部门整体支出绩效目标表"],
        ["单位：万元"],
        head,
        line("机关运转", "人员和公用经费", 100),
        line("审计业务", "完成年度审计项目", fiscal - 100),
        line("金额合计", "", fiscal),
        ["年度总体目标", "完成年度审计工作"],
      ],
      []
    );
  };
  const layouts = [true, false].flatMap((fiscalOnly) =>
    ["收入总计", "收 入 总 计"].map((total) => [fiscalOnly, total] as const)
  );
  test.each(layouts)(
    "财政拨款 only: %s, 收入 total worded %s — right → nothing; 10 万元 low → an 错误 at the 金额合计",
    (fiscalOnly, total) => {
      for (const currentLine of [true, false]) {
        const ok = checkAlone([t4(currentLine, false, total), perf(120, fiscalOnly, "财政拨款")]);
        expect(at(ok.findings)).toEqual([]);
        expect(ok.perRule.find((p) => p.id === "cross.department-performance")!.checked).toBe(1);
        const bad = checkAlone([t4(currentLine, false, total), perf(110, fiscalOnly, "财政拨款")]);
        const cell = fiscalOnly ? "表15!C6" : "表15!D6";
        expect(
          serious(bad.findings)
            .filter((f) => f.rule === "cross.department-performance")
            .map((f) => f.cells)
        ).toEqual([[cell, "表4!D10"]]);
      }
    }
  );
  test("a 支出总计 that includes 结转下年 (no 本年支出合计 line) is not the year's spending: not compared", () => {
    const r = checkAlone([t4(false, true, "收入总计"), perf(110, false, "财政拨款")]);
    expect(at(r.findings).filter((f) => f.startsWith("cross.department-performance"))).toEqual([]);
    expect(r.perRule.find((p) => p.id === "cross.department-performance")!.reasons).toEqual([
      expect.stringMatching(/^部门整体绩效目标表没有可比较的金额合计/),
    ]);
  });
});

describe("NC12-8: 项目绩效目标一览表 ↔ a project on two 项目支出表 lines", () => {
  const PROJECTS: Array<[string, number]> = [
    ["审计业务经费", 285.87],
    ["审计培训", 10],
    ["购买中介机构审计服务", 75.5],
    ["审计培训", 5],
  ];
  const total = Math.round(PROJECTS.reduce((s, p) => s + p[1], 0) * 100) / 100;
  /** 项目名称 | 功能科目 | 合计 | 一般公共预算: 审计培训 under two 功能科目. */
  const projects = (): SheetGrid =>
    toGrid(
      "表10",
      [
        ["2025年项目支出表"],
        ["单位：万元"],
        ["项目名称", "功能科目编码", "合计", "一般公共预算"],
        ["合计", "", total, total],
        ...PROJECTS.map(([n, a], i) => [n, i === 3 ? "2050803" : "2010804", a, a]),
      ],
      []
    );
  /** 项目名称 | amount | 年度绩效目标 | 一级 / 二级 / 三级指标 | 指标值: each project once, over two indicator lines. */
  const list = (amount: string, training: number, merged: boolean): SheetGrid => {
    const rows: CellValue[][] = [
      ["2025年项目支出绩效目标表"],
      ["单位：万元"],
      ["项目名称", amount, "年度绩效目标", "一级指标", "二级指标", "三级指标", "指标值"],
    ];
    const merges: Merge[] = [];
    for (const [name, a] of [
      ["审计业务经费", 285.87],
      ["审计培训", training],
      ["购买中介机构审计服务", 75.5],
    ] as Array<[string, number]>) {
      const r0 = rows.length;
      rows.push(
        [name, a, `完成${name}`, "产出指标", "数量指标", "完成项目数", "≥30个"],
        ["", "", "", "满意度指标", "服务对象满意度", "满意度", "≥90%"]
      );
      if (merged) for (const c of [0, 1, 2]) merges.push({ r0, c0: c, r1: r0 + 1, c1: c });
    }
    return toGrid("表11", rows, merges);
  };
  test.each(
    ["预算金额", "项目金额", "资金总额"].flatMap((a) => [[a, true] as const, [a, false] as const])
  )(
    "%s (merged %s): 15 = 10 + 5 → nothing; 25 → an 错误 at the list's amount citing both lines",
    (amount, merged) => {
      expect(at(checkAlone([projects(), list(amount, 15, merged)]).findings)).toEqual([]);
      const bad = serious(checkAlone([projects(), list(amount, 25, merged)]).findings);
      expect(bad.map((f) => [f.rule, ...f.cells])).toEqual([
        ["projects.performance-list", "表11!B6", "表10!C6", "表10!C8"],
      ]);
      expect(bad[0].message).toMatch(/2 行之和/);
    }
  );
});

describe("newcomer12's workbooks", () => {
  test.each([
    "n11-fund-carry-10-fund-table-60-no-title-word-ok.xlsx",
    "n12-fund-carry-10-fund-table-titled-han-jiezhuan-ok.xlsx",
    "n13-fund-carry-10-fund-table-current-only-50-ok.xlsx",
    "n14-soe-carry-10-soe-table-40-ok.xlsx",
    "n15-soe-carry-10-soe-table-current-only-30-ok.xlsx",
    "b05-dept-perf-standard-indicators-ok.xlsx",
    "b11-perf-list-project-on-two-func-rows-ok.xlsx",
    "b23-dept-perf-fiscal-only-column-ok.xlsx",
    "e04-econ-personnel-public-as-rows-ok.xlsx",
    "e35-t5-personnel-public-cols-basic-rows-layout-ok.xlsx",
    "e09-econ-rows-x-func-cols-ok.xlsx",
    "e32-econ-rows-x-func-xiang-cols-ok.xlsx",
  ])("%s: no 错误 / 警告", async (file) => {
    expect(at(check(await grids(file)).findings)).toEqual([]);
  });

  test.each([
    ["b07-dept-perf-fiscal-4143.47-other-110-err.xlsx", "'12.部门整体绩效目标表'!E8"],
    ["b08-dept-perf-fiscal-wrong-t4-with-current-total-err.xlsx", "'12.部门整体绩效目标表'!E8"],
    ["b25-dept-perf-fiscal-only-column-4143.47-err.xlsx", "'12.部门整体绩效目标表'!C6"],
    ["b12-perf-list-project-on-two-func-rows-25-err.xlsx", "'11.项目绩效目标表'!B16"],
    ["e11-econ-rows-personnel-public-plus-jiguan-250-warn.xlsx", "'11.机关运行经费预算表'!B4"],
  ])("%s: the one 错误 / 警告 at %s", async (file, cell) => {
    expect(serious(check(await grids(file)).findings).map((f) => f.cells[0])).toEqual([cell]);
  });

  test.each([
    ["n13-fund-carry-10-fund-table-current-only-50-ok.xlsx", "政府性基金预算支出表"],
    ["n15-soe-carry-10-soe-table-current-only-30-ok.xlsx", "国有资本经营预算支出表"],
  ])(
    "%s: read as 不含上年结转 by its figures; a 项 line 5 万元 off (its parents left) still an 错误 there",
    async (file, kind) => {
      const g = await grids(file);
      const report = importWorkbook(g);
      const t = report.tables.find((x) => x.title.includes(kind.slice(0, 4)) && x.rows.length)!;
      const line = t.rows.find((r) => r.code?.length === 7 && r.amounts.total?.value)!;
      const cell = line.amounts.total.cell;
      const changed = check(mutate(g, cell, 5));
      expect(serious(changed.findings).some((f) => f.cells.includes(cell))).toBe(true);
      // The 项目支出 figure beyond both bounds: 项目支出表 60 (40) − 上年结转 10 ≤ it ≤ 项目支出表.
      const project = t.rows.find((r) => r.key === "total")!.amounts.project;
      for (const by of [-15, 15]) {
        const moved = check(mutate(g, project.cell, by));
        expect(
          serious(moved.findings).some(
            (f) => /-project$/.test(f.rule) && f.cells.includes(project.cell)
          )
        ).toBe(true);
      }
    }
  );
});

describe("NC12-5: a 基本支出表 printing 人员经费 / 公用经费 as ROWS (一、人员经费 over 301 + 303, 二、公用经费 over 302)", () => {
  /** 科目编码 | 科目名称 | 金额 in 万元: 人员经费 110 (301 100 + 303 10), 公用经费 40 (302 40); `label` the two lines' words. */
  const basic = (words: [string, string], personnel = 110): SheetGrid =>
    toGrid(
      "表6",
      [
        ["2025年一般公共预算基本支出表"],
        ["单位：万元"],
        ["科目编码", "科目名称", "金额"],
        ["", "合计", personnel + 40],
        ["", words[0], personnel],
        ["301", "工资福利支出", personnel - 10],
        ["30101", "基本工资", personnel - 10],
        ["303", "对个人和家庭的补助", 10],
        ["30302", "退休费", 10],
        ["", words[1], 40],
        ["302", "商品和服务支出", 40],
        ["30201", "办公费", 40],
      ],
      []
    );
  const operating = (a: number): SheetGrid =>
    toGrid(
      "表11",
      [["2025年机关运行经费预算表"], ["单位：万元"], ["项目", "预算数"], ["机关运行经费", a]],
      []
    );
  /** 一般公共预算支出表 with 基本支出 split 人员经费 | 公用经费; `moved` 万元 moved from 人员经费 to 公用经费. */
  const general = (moved = 0): SheetGrid =>
    toGrid(
      "表5",
      [
        ["2025年一般公共预算支出表"],
        ["单位：万元"],
        ["科目编码", "科目名称", "合计", "人员经费", "公用经费", "项目支出"],
        ["", "合计", 150, 110 - moved, 40 + moved, ""],
        ["201", "一般公共服务支出", 150, 110 - moved, 40 + moved, ""],
        ["20108", "审计事务", 150, 110 - moved, 40 + moved, ""],
        ["2010801", "行政运行", 150, 110 - moved, 40 + moved, ""],
      ],
      []
    );
  const WORDS: Array<[string, string]> = [
    ["一、人员经费", "二、公用经费"],
    ["人员经费", "公用经费"],
    ["（一）人员经费", "（二）公用经费"],
  ];
  test.each(WORDS)(
    "%s / %s: 机关运行经费 30 → nothing; 50 → a 警告 at it citing the 公用经费 line",
    (a, b) => {
      const ok = checkAlone([general(), basic([a, b]), operating(30)]);
      expect(at(ok.findings)).toEqual([]);
      expect(ok.perRule.find((p) => p.id === "cross.operating-public")!.checked).toBe(1);
      const over = serious(checkAlone([general(), basic([a, b]), operating(50)]).findings);
      expect(over.map((f) => [f.rule, f.severity, ...f.cells])).toEqual([
        ["cross.operating-public", "warning", "表11!B4", "表6!C10"],
      ]);
    }
  );
  test.each(WORDS)(
    "%s / %s: 10 moved from 人员经费 to 公用经费 in the 一般公共预算支出表 → 错误 at both lines",
    (a, b) => {
      const bad = serious(checkAlone([general(10), basic([a, b])]).findings);
      expect(bad.filter((f) => f.rule === "cross.basic-economic").map((f) => f.cells[0])).toEqual([
        "表6!C5",
        "表6!C10",
      ]);
    }
  );
  test("a 基本支出表 without the split: the reason says so", () => {
    const plain = toGrid(
      "表6",
      [
        ["2025年一般公共预算基本支出表"],
        ["单位：万元"],
        ["科目编码", "科目名称", "金额"],
        ["", "合计", 150],
        ["301", "工资福利支出", 100],
        ["302", "商品和服务支出", 40],
        ["303", "对个人和家庭的补助", 10],
      ],
      []
    );
    const r = checkAlone([plain, operating(30)]);
    expect(r.perRule.find((p) => p.id === "cross.operating-public")!.reasons).toEqual([
      "基本支出经济分类表未分列公用经费",
    ]);
  });
});

test("newcomer12's e36 (表5 人员 / 公用 split 10 apart from a rows-layout 表6): 2 错误 at 表6's two lines", async () => {
  const found = serious(
    check(await grids("e36-t5-personnel-public-cols-10-moved-basic-rows-layout-err.xlsx")).findings
  );
  expect(found.map((f) => `${f.rule} ${f.cells[0]}`)).toEqual([
    "cross.basic-economic '6.一般公共预算基本支出表'!C5",
    "cross.basic-economic '6.一般公共预算基本支出表'!C22",
  ]);
});

describe("NC12-18: a 基本支出表 by 经济分类 rows × 功能科目 columns", () => {
  /** 一般公共预算支出表: 201 / 20108 / 2010801 基本 100, 208 / 20805 / 2080501 基本 50 (项目 20 on 2010801). */
  const general = (): SheetGrid =>
    toGrid(
      "表5",
      [
        ["2025年一般公共预算支出表"],
        ["单位：万元"],
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        ["", "合计", 170, 150, 20],
        ["201", "一般公共服务支出", 120, 100, 20],
        ["20108", "审计事务", 120, 100, 20],
        ["2010801", "行政运行", 120, 100, 20],
        ["208", "社会保障和就业支出", 50, 50, ""],
        ["20805", "行政事业单位养老支出", 50, 50, ""],
        ["2080501", "行政单位离退休", 50, 50, ""],
      ],
      []
    );
  /** 经济分类 rows × 功能 columns captioned `caps`; `moved` 万元 of 30101 moved from the first 功能 column to the second. */
  const basic = (caps: [string, string], moved = 0): SheetGrid =>
    toGrid(
      "表6",
      [
        ["2025年一般公共预算基本支出表"],
        ["单位：万元"],
        ["科目编码", "科目名称", "合计", ...caps],
        ["", "合计", 150, 100 - moved, 50 + moved],
        ["301", "工资福利支出", 90, 90 - moved, moved || ""],
        ["30101", "基本工资", 90, 90 - moved, moved || ""],
        ["302", "商品和服务支出", 10, 10, ""],
        ["30201", "办公费", 10, 10, ""],
        ["303", "对个人和家庭的补助", 50, "", 50],
        ["30302", "退休费", 50, "", 50],
      ],
      []
    );
  /** Two captions, and the 一般公共预算支出表 基本支出 cells of their codes. */
  const CAPTIONS: Array<[string, string, string, string]> = [
    ["201一般公共服务支出", "208社会保障和就业支出", "表5!D5", "表5!D8"],
    ["201 一般公共服务支出", "208 社会保障和就业支出", "表5!D5", "表5!D8"],
    ["2010801 行政运行", "2080501 行政单位离退休", "表5!D7", "表5!D10"],
    ["2010801行政运行", "2080501行政单位离退休", "表5!D7", "表5!D10"],
  ];
  test.each(CAPTIONS)(
    "%s | %s: right → nothing; 10 moved between columns → 错误 at both columns' 合计",
    (a, b, cellA, cellB) => {
      const ok = checkAlone([general(), basic([a, b])]);
      expect(at(ok.findings)).toEqual([]);
      const bad = serious(checkAlone([general(), basic([a, b], 10)]).findings);
      expect(bad.filter((f) => f.rule === "cross.breakdown-totals").map((f) => f.cells)).toEqual([
        ["表6!D4", cellA],
        ["表6!E4", cellB],
      ]);
    }
  );
});

test.each([
  ["e34-econ-rows-x-func-lei-cols-10-moved-201-to-208-err.xlsx", ["D4", "F4"]],
  ["e33-econ-rows-x-func-xiang-cols-10-moved-2010801-to-2080501-err.xlsx", ["D4", "F4"]],
])(
  "newcomer12's %s (10 moved between 功能 columns): 错误 at the two columns' 合计",
  async (file, cols) => {
    const found = serious(check(await grids(file)).findings);
    expect(found.map((f) => `${f.rule} ${f.cells[0]}`)).toEqual(
      cols.map((c) => `cross.breakdown-totals '6.一般公共预算基本支出表'!${c}`)
    );
  }
);
