/**
 * 绩效 tables of templates the project had not seen (newcomer 5, §3 / §4 / §8): a 项目支出绩效目标表 form whose unit is
 * on a 单位：万元 / 金额单位：万元 line (was read as 元: one false 错误 per project), a 项目绩效目标 list headed
 * 年度绩效目标 (was read as an empty table: one false 错误 per project, the real mismatch missed), a 部门整体绩效目标表
 * headed 年度主要任务 | … | 预算资金 (was not read). Generated layouts first, then the newcomer's workbooks.
 */
import fs from "fs/promises";
import path from "path";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import type { CellValue, Merge, SheetGrid } from "../../src/core/grid/grid";
import type { Report } from "../../src/core/model/schema";
import { toGrid } from "../fixtures/variants";

// The tables here stand alone: the completeness of the set is not what these tests are about.
const serious = (r: Report) =>
  checkReport(r, { skip: ["completeness"], localize: false }).findings.filter(
    (f) => f.severity === "error" || f.severity === "warning"
  );
const PROJECTS: Array<[string, number]> = [
  ["审计业务经费", 285.87],
  ["购买中介机构审计服务", 75.5],
  ["审计培训", 12.3],
];
/** The 项目支出表 in 万元: 项目名称 | 合计 | 一般公共预算, 合计 first. */
const projectTable = (): SheetGrid => {
  const total = Math.round(PROJECTS.reduce((s, p) => s + p[1], 0) * 100) / 100;
  return toGrid(
    "表10",
    [
      ["2025年项目支出表"],
      ["单位：万元"],
      ["项目名称", "合计", "一般公共预算"],
      ["合计", total, total],
      ...PROJECTS.map(([n, a]) => [n, a, a]),
    ],
    []
  );
};

describe("项目支出绩效目标表 forms: the unit from the money caption, else the form's unit line", () => {
  /** One form per project (北京 2020+ shape), stacked on one sheet; `unitLine` printed at E2 of each form, `caption` for 项目资金. */
  const forms = (
    unitLine: string | undefined,
    caption: string,
    scale: number,
    wrong?: string,
    lines: "each" | "first" | "above" = "each"
  ): SheetGrid => {
    const rows: CellValue[][] = [];
    const merges: Merge[] = [];
    // The unit line printed over each form, over the first only, or once above the first title.
    if (lines === "above") rows.push(["", "", "", "", unitLine ?? ""]);
    for (const [name, amount] of PROJECTS) {
      const a = Math.round((name === wrong ? amount - 27 : amount) * scale * 100) / 100;
      const r0 = rows.length;
      const printed = lines === "each" || (lines === "first" && name === PROJECTS[0][0]);
      rows.push(
        ["2025年项目支出绩效目标表"],
        ["", "", "", "", printed ? (unitLine ?? "") : ""],
        ["项目名称", name],
        ["主管部门", "市审计局", "实施单位", "市审计局"]
      );
      rows.push([caption, "年度资金总额", a], ["", "其中：财政拨款", a], ["", "其他资金", ""]);
      merges.push({ r0: r0 + 4, c0: 0, r1: r0 + 6, c1: 0 });
      rows.push(
        ["年度绩效目标", `按计划完成${name}`],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
        ["", "产出指标", "数量指标", "完成项目数", "≥30个"],
        [],
        []
      );
    }
    return toGrid("表11", rows, merges);
  };
  const CASES: Array<[string, string | undefined, string, number]> = [
    ["单位：万元 line", "单位：万元", "项目资金", 1],
    ["金额单位：万元 line", "金额单位：万元", "项目资金", 1],
    ["单位：元 line", "单位：元", "项目资金", 10000],
    ["caption 项目资金（万元）", undefined, "项目资金（万元）", 1],
    ["caption 项目资金（元） beside a 单位：万元 line", "单位：万元", "项目资金（元）", 10000],
    ["no unit printed (元)", undefined, "项目资金", 10000],
  ];
  test.each(CASES)("%s: correct forms give no 错误 / 警告", (_n, unitLine, caption, scale) => {
    const r = importWorkbook([projectTable(), forms(unitLine, caption, scale)]);
    const fs = r.tables.filter((t) => t.kind === "performance_target");
    expect(fs.map((t) => [t.form?.project, t.unit])).toEqual(
      PROJECTS.map(([n]) => [n, scale === 1 ? "万元" : "元"])
    );
    expect(serious(r)).toEqual([]);
  });
  test.each(CASES)(
    "%s: one form's amount 27 万元 low is the one finding, at its 年度资金总额 cell",
    (_n, unitLine, caption, scale) => {
      const r = importWorkbook([projectTable(), forms(unitLine, caption, scale, "审计业务经费")]);
      const found = serious(r);
      expect(found.map((f) => f.rule)).toEqual(["projects.annual-amount"]);
      expect(found[0].cells[0]).toBe("表11!C5");
    }
  );
  // Forms stacked on one sheet under one unit line (over the first form only, or above the first title): every form
  // is in that unit (before: the later forms were read as 元 — one false 错误 each).
  const ONCE = CASES.filter(([, unitLine]) => unitLine).flatMap(([n, unitLine, caption, scale]) =>
    (["first", "above"] as const).map(
      (lines) =>
        [
          `${n} ${lines === "first" ? "over the first form only" : "above the first title"}`,
          unitLine,
          caption,
          scale,
          lines,
        ] as const
    )
  );
  test.each(ONCE)(
    "%s: every form in its unit, no 错误 / 警告; the second form 27 万元 low found",
    (_n, unitLine, caption, scale, lines) => {
      const r = importWorkbook([projectTable(), forms(unitLine, caption, scale, undefined, lines)]);
      const fs = r.tables.filter((t) => t.kind === "performance_target");
      expect(fs.map((t) => [t.form?.project, t.unit])).toEqual(
        PROJECTS.map(([n]) => [n, scale === 1 ? "万元" : "元"])
      );
      expect(serious(r)).toEqual([]);
      const last = PROJECTS[1][0];
      const wrong = importWorkbook([projectTable(), forms(unitLine, caption, scale, last, lines)]);
      const found = serious(wrong);
      expect(found.map((f) => f.rule)).toEqual(["projects.annual-amount"]);
      // Its 年度资金总额 cell (the form's first figure).
      const form = r.tables.find((t) => t.form?.project === last)!;
      expect(found[0].cells[0]).toBe(Object.values(form.rows[0].amounts)[0].cell);
    }
  );
});

describe("项目绩效目标 lists: the 绩效目标 column by its aliases, the amount column by the amount aliases", () => {
  const TARGETS = ["绩效目标", "年度绩效目标", "项目绩效目标", "绩效目标值", "年度目标"];
  const AMOUNTS = ["预算金额", "项目金额", "资金总额", "年度预算数", "金额（万元）", "预算数"];
  /** 项目名称 | amount | target | 一级指标 | 二级指标 | 三级指标 | 指标值; each project over two indicator lines, merged or not. */
  const list = (
    target: string,
    amount: string,
    merged: boolean,
    wrong?: string,
    left?: string,
    title = "2025年项目支出绩效目标表"
  ): SheetGrid => {
    const rows: CellValue[][] = [
      [title],
      ["单位：万元"],
      ["项目名称", amount, target, "一级指标", "二级指标", "三级指标", "指标值"],
    ];
    const merges: Merge[] = [];
    for (const [name, a] of PROJECTS.filter(([n]) => n !== left)) {
      const r0 = rows.length;
      rows.push(
        [
          name,
          name === wrong ? Math.round((a - 27) * 100) / 100 : a,
          `完成${name}`,
          "产出指标",
          "数量指标",
          "完成项目数",
          "≥30个",
        ],
        ["", "", "", "满意度指标", "服务对象满意度", "满意度", "≥90%"]
      );
      if (merged) for (const c of [0, 1, 2]) merges.push({ r0, c0: c, r1: r0 + 1, c1: c });
    }
    return toGrid("表11", rows, merges);
  };
  const cases = TARGETS.flatMap((t) => AMOUNTS.map((a) => [t, a] as const));
  test.each(cases)(
    "%s | %s: read as a list, correct → no 错误 / 警告, merged or not",
    (target, amount) => {
      for (const merged of [true, false]) {
        const r = importWorkbook([projectTable(), list(target, amount, merged)]);
        const t = r.tables.find((x) => x.sheet === "表11")!;
        expect(t.kind).toBe("performance_list");
        expect(
          t.rows
            .filter((x) => x.amounts.total && !x.amounts.total.blank)
            .map((x) => [x.label, x.amounts.total.value])
        ).toEqual(PROJECTS);
        expect(serious(r)).toEqual([]);
      }
    }
  );
  test("coverage reads the list: every project listed passes", () => {
    const res = checkReport(
      importWorkbook([projectTable(), list("年度绩效目标", "预算金额", true)]),
      { localize: false }
    );
    const coverage = res.perRule.find((p) => p.id === "projects.performance-coverage")!;
    expect([coverage.checked, coverage.failed]).toEqual([PROJECTS.length, 0]);
  });
  // newcomer15 NC15-2 (杭州 表11): a project of the 项目支出表 with no line in the list was 不适用, said nothing.
  test.each(cases)(
    "%s | %s: a project left out of the list is the 错误 of a missing form, at its 项目支出表 cell",
    (target, amount) => {
      for (const merged of [true, false]) {
        const found = serious(
          importWorkbook([projectTable(), list(target, amount, merged, undefined, "审计培训")])
        );
        expect(found.map((f) => `${f.rule} ${f.severity} ${f.cells[0]}`)).toEqual([
          "projects.performance-coverage error 表10!A7",
        ]);
        expect(found[0].message).toBe(
          "表10（项目支出表）中的项目“审计培训”（12.30万元）在表11（项目绩效目标一览表）中没有绩效目标"
        );
      }
    }
  );
  test("a list of 重点项目 only leaves the others unchecked", () => {
    const r = importWorkbook([
      projectTable(),
      list("绩效目标", "预算金额", true, undefined, "审计培训", "2025年重点项目绩效目标表"),
    ]);
    expect(serious(r)).toEqual([]);
  });
  test.each(cases)(
    "%s | %s: one project's amount 27 万元 low is the one finding, at its cell",
    (target, amount) => {
      for (const merged of [true, false]) {
        const found = serious(
          importWorkbook([projectTable(), list(target, amount, merged, "审计业务经费")])
        );
        expect(found.map((f) => `${f.rule} ${f.cells[0]}`)).toEqual([
          "projects.performance-list 表11!B4",
        ]);
      }
    }
  );
});

describe("a 绩效 table that cannot be read is said so, never one missing form per project", () => {
  test("a sheet titled 绩效目标表 with figures but neither forms nor a 绩效目标 column: unrecognised, coverage not applicable with the reason", () => {
    const odd = toGrid(
      "表11",
      [
        ["2025年项目支出绩效目标表"],
        ["单位：万元"],
        ["项目名称", "预算金额", "考核要点"],
        ...PROJECTS.map(([n, a]) => [n, a, "按期完成"]),
      ],
      []
    );
    const r = importWorkbook([projectTable(), odd]);
    expect(r.unrecognized.find((u) => u.sheet === "表11")).toMatchObject({
      kind: "performance_target",
      reason: expect.stringMatching(/绩效目标表未能读出/),
    });
    const res = checkReport(r, { skip: ["completeness"], localize: false });
    expect(res.findings.filter((f) => f.rule === "projects.performance-coverage")).toEqual([]);
    expect(res.perRule.find((p) => p.id === "projects.performance-coverage")!.reasons[0]).toMatch(
      /^绩效目标表未能识别（表11!A1:C6：绩效目标表未能读出/
    );
  });
  test("a blank form (no project, no figure): an empty table, and no finding per project", () => {
    const blank = toGrid(
      "表11",
      [
        ["2025年项目支出绩效目标表"],
        ["单位：万元"],
        ["项目名称", ""],
        ["项目资金", "年度资金总额", ""],
        ["年度绩效目标", ""],
      ],
      []
    );
    const r = importWorkbook([projectTable(), blank]);
    expect(r.tables.find((t) => t.sheet === "表11")).toMatchObject({
      kind: "performance_target",
      empty: true,
    });
    const res = checkReport(r, { skip: ["completeness"], localize: false });
    expect(res.findings.filter((f) => f.rule === "projects.performance-coverage")).toEqual([]);
    expect(res.perRule.find((p) => p.id === "projects.performance-coverage")!.reasons[0]).toMatch(
      /绩效目标表为空表/
    );
  });
});

describe("部门整体绩效目标表: the task column and the money column by their aliases", () => {
  const TASKS = ["任务名称", "年度主要任务", "主要任务", "重点任务", "工作任务"];
  const MONEY = ["预算金额", "预算资金", "预算金额合计", "预算资金合计", "资金总额"];
  /** task | 主要内容 | money | 财政拨款 | 其他资金, two tasks and 金额合计, with a 收支总表 whose 本年支出合计 is 120. */
  const build = (task: string, money: string, delta = 0): SheetGrid[] => [
    toGrid(
      "表1",
      [
        ["2025年部门收支总表"],
        ["单位：万元"],
        ["收入", "", "支出", ""],
        ["项目", "预算数", "项目", "预算数"],
        ["一般公共预算拨款收入", 115, "一般公共服务支出", 120],
        ["事业收入", 5, "", ""],
        ["本年收入合计", 120, "本年支出合计", 120],
        ["收入总计", 120, "支出总计", 120],
      ],
      [
        { r0: 2, c0: 0, r1: 2, c1: 1 },
        { r0: 2, c0: 2, r1: 2, c1: 3 },
      ]
    ),
    toGrid(
      "表15",
      [
        ["2025年部门整体支出绩效目标表"],
        ["单位：万元"],
        [task, "主要内容", money, "财政拨款", "其他资金"],
        ["机关运转", "人员和公用经费", 100, 100, ""],
        ["审计业务", "完成年度审计项目", 20, 15, 5],
        ["金额合计", "", 120 + delta, 115 + delta, 5],
      ],
      []
    ),
  ];
  const cases = TASKS.flatMap((t) => MONEY.map((m) => [t, m] as const));
  test.each(cases)(
    "%s | %s: read; correct → no 错误 / 警告, compared with the 收支总表",
    (task, money) => {
      const r = importWorkbook(build(task, money));
      expect(r.tables.find((t) => t.sheet === "表15")?.kind).toBe("department_performance");
      const res = checkReport(r, { skip: ["completeness"], localize: false });
      expect(
        res.findings.filter((f) => f.severity === "error" || f.severity === "warning")
      ).toEqual([]);
      expect(
        res.perRule.find((p) => p.id === "cross.department-performance")!.checked
      ).toBeGreaterThan(0);
    }
  );
  test.each(cases)("%s | %s: a 金额合计 100 万元 low is found at its cell", (task, money) => {
    const found = serious(importWorkbook(build(task, money, -100)));
    expect(
      found.filter((f) => f.rule === "cross.department-performance").map((f) => f.cells[0])
    ).toEqual(["表15!C6"]);
  });
});

describe("部门整体绩效目标表 with 预算金额 over 合计 | 财政拨款 | 其他资金 (newcomer8 p58 / p63)", () => {
  /** The money caption a band over its sub-captions; the first sub-caption 合计 / 小计 / 总额; 金额合计 first or last. */
  const build = (sub: string, delta = 0, totalFirst = false, task = 0): SheetGrid[] => [
    toGrid(
      "表1",
      [
        ["2025年部门收支总表"],
        ["单位：万元"],
        ["收入", "", "支出", ""],
        ["项目", "预算数", "项目", "预算数"],
        ["一般公共预算拨款收入", 115, "一般公共服务支出", 120],
        ["事业收入", 5, "", ""],
        ["本年收入合计", 120, "本年支出合计", 120],
        ["收入总计", 120, "支出总计", 120],
      ],
      [
        { r0: 2, c0: 0, r1: 2, c1: 1 },
        { r0: 2, c0: 2, r1: 2, c1: 3 },
      ]
    ),
    toGrid(
      "表15",
      [
        ["2025年部门整体支出绩效目标表"],
        ["单位：万元"],
        ["任务名称", "主要内容", "预算金额（万元）", "", ""],
        ["", "", sub, "财政拨款", "其他资金"],
        ...(totalFirst ? [["金额合计", "", 120 + delta, 115 + delta, 5]] : []),
        ["机关运转", "人员和公用经费", 100 + task, 100 + task, ""],
        ["审计业务", "完成年度审计项目", 20, 15, 5],
        ...(totalFirst ? [] : [["金额合计", "", 120 + delta, 115 + delta, 5]]),
        ["年度总体目标", "完成年度审计工作"],
        ["年度绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
        ["", "产出指标", "数量指标", "完成审计项目数", "≥30个"],
      ],
      [
        { r0: 2, c0: 2, r1: 2, c1: 4 },
        { r0: 2, c0: 0, r1: 3, c1: 0 },
        { r0: 2, c0: 1, r1: 3, c1: 1 },
      ]
    ),
  ];
  test.each(["合计", "小计", "总额"])(
    "sub-caption %s: the tasks read and compared; a 金额合计 100 万元 low found at its cell",
    (sub) => {
      const r = importWorkbook(build(sub));
      const t = r.tables.find((x) => x.sheet === "表15")!;
      expect(t.kind).toBe("department_performance");
      expect(t.rows.length).toBeGreaterThanOrEqual(2);
      expect(serious(r)).toEqual([]);
      const found = serious(importWorkbook(build(sub, -100)));
      expect(
        found.filter((f) => f.rule === "cross.department-performance").map((f) => f.cells[0])
      ).toEqual(["表15!C7"]);
    }
  );
  test("金额合计 printed before the tasks (newcomer8 p74 / p76): the tasks read; a task 10 万元 high found", () => {
    const r = importWorkbook(build("总额", 0, true));
    const t = r.tables.find((x) => x.sheet === "表15")!;
    expect(t.rows.filter((x) => x.level > 0).map((x) => x.label)).toEqual(["机关运转", "审计业务"]);
    expect(serious(r)).toEqual([]);
    const found = serious(importWorkbook(build("总额", 0, true, 10)));
    expect(found.some((f) => f.cells.includes("表15!C6") || f.cells.includes("表15!C5"))).toBe(
      true
    );
  });
});

describe("项目绩效目标表 forms stacked under one title, each starting at its 项目名称 line (newcomer8 p45 / p47)", () => {
  /** Forms in the beside layout, the title and unit line printed once; `gap`: a blank line between forms. */
  const forms = (gap: boolean, wrong?: string): SheetGrid =>
    toGrid(
      "表11",
      [
        ["2025年项目支出绩效目标表"],
        ["", "", "", "", "单位：万元"],
        ...PROJECTS.flatMap(([name, amount]) => {
          const a = name === wrong ? Math.round((amount - 27) * 100) / 100 : amount;
          return [
            ["项目名称", name],
            ["项目属性", "经常性项目", "", "项目期", "1年"],
            ["项目资金", "年度资金总额", a],
            ["", "其中：财政拨款", a],
            ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
            ["", "产出指标", "数量指标", "完成项目数", "≥30个"],
            ...(gap ? [[]] : []),
          ];
        }),
      ],
      []
    );
  test.each([
    ["a blank line between forms", true],
    ["no line between forms", false],
  ])("%s: every form read as its own; a later form 27 万元 low is the one finding", (_n, gap) => {
    const r = importWorkbook([projectTable(), forms(gap)]);
    const fs = r.tables.filter((t) => t.kind === "performance_target");
    expect(fs.map((t) => [t.form?.project, t.unit])).toEqual(PROJECTS.map(([n]) => [n, "万元"]));
    expect(serious(r)).toEqual([]);
    const found = serious(importWorkbook([projectTable(), forms(gap, PROJECTS[1][0])]));
    expect(found.map((f) => f.rule)).toEqual(["projects.annual-amount"]);
  });
});

const dir = path.join(__dirname, "..", "fixtures", "newcomer5");
const check = async (file: string) =>
  checkReport(
    importWorkbook((await readXlsxBuffer(await fs.readFile(path.join(dir, file)))).grids),
    { localize: false }
  );
const seriousOf = (r: Awaited<ReturnType<typeof check>>) =>
  r.findings
    .filter((f) => f.severity === "error" || f.severity === "warning")
    .map((f) => `${f.rule} ${f.cells[0]}`);

test.each([
  ["f01-perf-list.xlsx", []],
  ["f02-perf-list-amount-wrong.xlsx", ["projects.performance-list '11.项目支出绩效目标表'!B4"]],
  ["h12-perf-list-niandu-yusuanshu.xlsx", []],
  ["h20-perf-list-unmerged.xlsx", []],
  [
    "h21-perf-list-unmerged-amount-wrong.xlsx",
    ["projects.performance-list '11.项目支出绩效目标表'!B4"],
  ],
  ["f03-perf-forms-one-sheet.xlsx", []],
  [
    "f04-perf-forms-one-sheet-amount-wrong.xlsx",
    ["projects.annual-amount '11.项目支出绩效目标表'!C5"],
  ],
  ["f05-perf-forms-sheets.xlsx", []],
  ["f06-perf-forms-sheets-amount-wrong.xlsx", ["projects.annual-amount '11-1绩效目标'!C5"]],
  ["h01-perf-forms-caption-wanyuan.xlsx", []],
  ["h03-perf-forms-jine-danwei.xlsx", []],
  ["k07-dept-perf-niandu-renwu-ok.xlsx", []],
])("the newcomer's %s: exactly %p", async (file, expected) => {
  expect(seriousOf(await check(file))).toEqual(expected);
});

test("the newcomer's k08 (年度主要任务 | … | 预算资金, 金额合计 100 万元 low): read, the 金额合计 found against the 收支总表", async () => {
  const found = seriousOf(await check("k08-dept-perf-niandu-renwu-total-wrong.xlsx"));
  expect(found).toContain("cross.department-performance '11.部门整体绩效目标表'!C6");
  expect(
    found.every((f) =>
      /^(hierarchy\.total|cross\.department-performance) '11\.部门整体绩效目标表'!/.test(f)
    )
  ).toBe(true);
});

describe("项目支出绩效目标表 forms whose money captions head columns (newcomer8 p01 / p23: 财政部 / 中央 forms)", () => {
  /**
   * One form per project, stacked on one sheet: 项目资金（万元） | | 中期资金总额 | | 年度资金总额 over the lines
   * 资金总额 / 其中：财政拨款 / 其他资金, each line's figures under the captions.
   */
  const forms = (periodWord: string, wrong?: string): SheetGrid => {
    const rows: CellValue[][] = [];
    for (const [name, amount] of PROJECTS) {
      const a = name === wrong ? Math.round((amount - 27) * 100) / 100 : amount;
      rows.push(
        ["2025年项目支出绩效目标表"],
        ["项目名称", name],
        ["项目属性", "经常性项目", "", "项目期", "1年"],
        ["项目资金（万元）", "", periodWord, "", "年度资金总额"],
        ["", "资金总额", amount, "", a],
        ["", "其中：财政拨款", amount, "", a],
        ["", "其他资金", 0, "", 0],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
        ["", "产出指标", "数量指标", "完成项目数", "≥30个"],
        []
      );
    }
    return toGrid("表11", rows, []);
  };
  test.each(["中期资金总额", "实施期资金总额"])(
    "%s: each form's figures read under the captions, no 错误 / 警告; a form 27 万元 low found at its 年度 figure",
    (periodWord) => {
      const r = importWorkbook([projectTable(), forms(periodWord)]);
      const fs = r.tables.filter((t) => t.kind === "performance_target");
      expect(fs.map((t) => t.form?.project)).toEqual(PROJECTS.map(([n]) => n));
      expect(fs.map((t) => t.rows.find((x) => x.key === "total")?.amounts.annual?.value)).toEqual(
        PROJECTS.map(([, a]) => a)
      );
      expect(fs.every((t) => t.rows.find((x) => x.key === "total")?.amounts.period)).toBe(true);
      expect(serious(r)).toEqual([]);
      const wrong = serious(importWorkbook([projectTable(), forms(periodWord, PROJECTS[1][0])]));
      const annual = wrong.filter((f) => f.rule === "projects.annual-amount");
      expect(annual.length).toBe(1);
      // The second form's 资金总额 line (its 5th row: 10 rows per form), the 年度 figure under the caption (E).
      expect(annual[0].cells[0]).toBe("表11!E15");
    }
  );
});

describe("a project code printed before the name in one table only (newcomer8 p38 / p39)", () => {
  const code = (i: number) => `[11000025T00000410${i}]`;
  /** Forms in the beside layout (年度资金总额 | figure), names with or without their codes. */
  const forms = (coded: boolean, wrong?: string): SheetGrid =>
    toGrid(
      "表11",
      PROJECTS.flatMap(([name, amount], i) => {
        const a = name === wrong ? Math.round((amount - 27) * 100) / 100 : amount;
        return [
          ["2025年项目支出绩效目标表"],
          ["", "", "", "", "单位：万元"],
          ["项目名称", coded ? `${code(i)}${name}` : name],
          ["项目资金", "年度资金总额", a],
          ["", "其中：财政拨款", a],
          [],
        ];
      }),
      []
    );
  /** The 项目支出表 with its names coded or not. */
  const projects = (coded: boolean): SheetGrid => {
    const g = projectTable();
    const values = g.values.map((row) =>
      row.map((v) => {
        const i = PROJECTS.findIndex(([n]) => n === v);
        return coded && i >= 0 ? `${code(i)} ${v}` : v;
      })
    );
    return { ...g, values, text: values.map((row) => row.map((v) => String(v ?? ""))) };
  };
  test.each([
    ["forms coded", true, false],
    ["项目支出表 coded", false, true],
  ])(
    "%s: paired, no 错误 / 警告; a form 27 万元 low is the one finding",
    (_n, formsCoded, linesCoded) => {
      expect(serious(importWorkbook([projects(linesCoded), forms(formsCoded)]))).toEqual([]);
      const wrong = serious(
        importWorkbook([projects(linesCoded), forms(formsCoded, PROJECTS[0][0])])
      );
      expect(wrong.map((f) => f.rule)).toEqual(["projects.annual-amount"]);
    }
  );
});

describe("untitled 绩效目标 forms, each on a sheet named for its project (newcomer8 p72 / p73: 审计事务项目)", () => {
  const sheets = (wrong?: string): SheetGrid[] =>
    PROJECTS.map(([name, amount]) =>
      toGrid(
        `${name}项目`,
        [
          ["", "", "", "", "单位：万元"],
          ["项目名称", name],
          [
            "项目资金",
            "年度资金总额",
            name === wrong ? Math.round((amount - 27) * 100) / 100 : amount,
          ],
          ["", "其中：财政拨款", name === wrong ? Math.round((amount - 27) * 100) / 100 : amount],
          ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
        ],
        []
      )
    );
  test("read as forms, not as 项目支出表; a form 27 万元 low is the one finding", () => {
    const r = importWorkbook([projectTable(), ...sheets()]);
    expect(
      r.tables.filter((t) => t.kind === "performance_target").map((t) => t.form?.project)
    ).toEqual(PROJECTS.map(([n]) => n));
    expect(serious(r)).toEqual([]);
    const found = serious(importWorkbook([projectTable(), ...sheets(PROJECTS[0][0])]));
    expect(found.map((f) => f.rule)).toEqual(["projects.annual-amount"]);
  });
});

describe("财政支出绩效目标申报表 whose money block says 资金总额： and the funds (newcomer8 p51–p54: 广西 / 陕西)", () => {
  /** One form per project, 资金总额： with its funds below it (vertical) or beside it (horizontal). */
  const forms = (layout: "vertical" | "horizontal", wrong?: string): SheetGrid =>
    toGrid(
      "表11",
      PROJECTS.flatMap(([name, amount]) => {
        const a = name === wrong ? Math.round((amount - 27) * 100) / 100 : amount;
        const money =
          layout === "vertical"
            ? [
                ["项目资金申请（万元）", "资金总额：", a],
                ["", "一般公共预算拨款：", a],
                ["", "政府性基金预算拨款：", ""],
                ["", "纳入财政专户管理的收入：", ""],
                ["", "其他收入：", ""],
              ]
            : [["项目资金申请（万元）", "资金总额：", a, "财政拨款：", a, "其他资金：", 0]];
        return [
          ["财政支出绩效目标申报表（2025年度）"],
          ["项目名称", name, "", "项目类型", "经常性项目"],
          ...money,
          ["年度绩效指标", "一级指标", "二级指标", "指标内容", "指标值"],
          ["", "产出指标", "数量指标", "完成项目数", "≥30个"],
          [],
        ];
      }),
      []
    );
  test.each(["vertical", "horizontal"] as const)(
    "%s: each form's 资金总额 read as its year's total; a form 27 万元 low is the one finding",
    (layout) => {
      const r = importWorkbook([projectTable(), forms(layout)]);
      expect(
        r.tables.filter((t) => t.kind === "performance_target").map((t) => t.form?.project)
      ).toEqual(PROJECTS.map(([n]) => n));
      expect(serious(r)).toEqual([]);
      const found = serious(importWorkbook([projectTable(), forms(layout, PROJECTS[0][0])]));
      expect(found.map((f) => f.rule)).toEqual(["projects.annual-amount"]);
    }
  );
});

describe("部门整体绩效目标表 with one 预算 line and no tasks (newcomer8 p34–p37: 年度预算申请 | 资金总额 | 财政拨款 | 其他资金)", () => {
  const build = (caption: string, delta = 0): SheetGrid[] => [
    toGrid(
      "表1",
      [
        ["2025年部门收支总表"],
        ["单位：万元"],
        ["收入", "", "支出", ""],
        ["项目", "预算数", "项目", "预算数"],
        ["一般公共预算拨款收入", 115, "一般公共服务支出", 120],
        ["事业收入", 5, "", ""],
        ["本年收入合计", 120, "本年支出合计", 120],
        ["收入总计", 120, "支出总计", 120],
      ],
      [
        { r0: 2, c0: 0, r1: 2, c1: 1 },
        { r0: 2, c0: 2, r1: 2, c1: 3 },
      ]
    ),
    toGrid(
      "表15",
      [
        ["2025年部门整体支出绩效目标表"],
        ["", "", "", "单位：万元"],
        ["部门名称", "市审计局"],
        [caption, "资金总额", "财政拨款", "其他资金"],
        ["", 120 + delta, 115, 5 + delta],
        ["年度绩效目标", "全面履行审计监督职责"],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
        ["", "产出指标", "数量指标", "完成审计项目数", "≥30个"],
      ],
      []
    ),
  ];
  test.each(["年度预算申请", "部门预算资金（万元）"])(
    "%s: read and compared with the 收支总表; 资金总额 10 万元 high found at its cell",
    (caption) => {
      const r = importWorkbook(build(caption));
      expect(r.tables.find((t) => t.sheet === "表15")?.kind).toBe("department_performance");
      expect(serious(r)).toEqual([]);
      const found = serious(importWorkbook(build(caption, 10)));
      expect(
        found.filter((f) => f.rule === "cross.department-performance").map((f) => f.cells[0])
      ).toEqual(["表15!B5"]);
    }
  );
});
