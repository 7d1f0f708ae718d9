/** The review plan built from real samples and generated province variants: marks, notes, 审核结果, 预算汇总. */
import { loadSample, SAMPLES } from "../helpers";
import { STYLES, buildVariant } from "../fixtures/variants";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { buildReviewPlan } from "../../src/core/review/build";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { promises as fs } from "fs";
import path from "path";
import { CATALOG } from "../../src/core/rules/catalog";
import { NOTE_TAG, ReviewPlanSchema, type ReviewPlan } from "../../src/core/review/plan";
import { MARK_FILLS } from "../../src/core/review/styles";
import { FROZEN_MAX_HEIGHT } from "../../src/core/review/results-sheet";
import { addDecisionsToPlan, findingKey } from "../../src/core/decisions/decisions";
import { SEVERITY_NAMES, type CheckResult } from "../../src/core/rules/rule";
import { cellA1, parseRef } from "../../src/core/grid/address";
import type { SheetGrid } from "../../src/core/grid/grid";
import type { Report } from "../../src/core/model/schema";

const RANK = { error: 0, warning: 1, rounding: 2, info: 3 } as const;
const plan = (report: Report, result: CheckResult, grids: SheetGrid[]) =>
  buildReviewPlan({
    report,
    result,
    grids,
    file: "x.xlsx",
    reviewedAt: "2026-11-29T20:00:00Z",
    productVersion: "9.9.9",
  });
/** The findings table's header row of 审核结果 (the causes block above it has its own 序号 header). */
const findingsHeader = (s: ReviewPlan["sheets"][number]) =>
  s.cells.find((c) => c.col === 1 && c.value === "级别" && c.style === "header")!;
const key = (ref: string) => {
  const p = parseRef(ref);
  return `${p.sheet}!${cellA1(p.r0, p.c0)}`;
};

describe.each(SAMPLES.map((s) => [s]))("%s", (name) => {
  let p: ReviewPlan;
  let result: CheckResult;
  let report: Report;
  beforeAll(async () => {
    const s = await loadSample(name);
    report = s.report;
    result = checkReport(report);
    p = plan(report, result, s.grids);
  });

  test("the plan is valid against its schema and names its sheets in order", () => {
    expect(ReviewPlanSchema.parse(p)).toBeTruthy();
    expect(p.sheets.map((s) => s.name)).toEqual(["审核结果", "预算汇总"]);
  });

  test("every cited cell is marked once, in its most severe colour; strong on suspected cells and on checked figures nobody explains", () => {
    const marks = new Map(p.marks.map((m) => [`${m.sheet}!${m.cell}`, m]));
    expect(marks.size).toBe(p.marks.length);
    const explained = new Set(result.causes.flatMap((c) => c.explains));
    const strong = new Set<string>();
    for (const c of result.causes) for (const s of c.suspects) strong.add(key(s.cell));
    for (const [i, f] of result.findings.entries()) {
      if (!explained.has(i) && f.cells[0]) strong.add(key(f.cells[0]));
      for (const c of f.cells) {
        const m = marks.get(key(c))!;
        expect(m).toBeDefined();
        expect(m.findings).toContain(i);
        expect(RANK[m.severity]).toBeLessThanOrEqual(RANK[f.severity]);
      }
    }
    for (const m of p.marks) {
      const own = m.findings
        .map((i) => result.findings[i].severity)
        .sort((a, b) => RANK[a] - RANK[b])[0];
      if (own) expect(RANK[m.severity]).toBeLessThanOrEqual(RANK[own]);
      expect(m.strength).toBe(strong.has(`${m.sheet}!${m.cell}`) ? "strong" : "light");
      expect(m.fill).toBe(MARK_FILLS[m.severity][m.strength]);
      expect(m.note.startsWith(NOTE_TAG)).toBe(true);
      for (const i of m.findings) expect(m.note).toContain(result.findings[i].message);
    }
    for (const c of result.causes)
      for (const s of c.suspects) expect(marks.get(key(s.cell))!.note).toContain(c.message);
  });

  test("审核结果: one row per finding, severities in order, each linked to its checked cell", () => {
    const s = p.sheets[0];
    const header = findingsHeader(s);
    // Frozen through the findings header unless the rows above are too tall to stay in view (jishan's two long causes).
    const above = Array.from(
      { length: header.row + 1 },
      (_, r) => s.rowHeights.filter((h) => h.row === r).pop()?.height ?? 15
    ).reduce((a, b) => a + b, 0);
    expect(s.frozen.rows).toBe(above <= FROZEN_MAX_HEIGHT ? header.row + 1 : 0);
    if (!result.causes.length) expect(s.frozen.rows).toBe(header.row + 1);
    const end = header.row + result.findings.length;
    const rows = s.cells.filter(
      (c) =>
        c.col === 1 &&
        c.row > header.row &&
        c.row <= end &&
        typeof c.value === "string" &&
        Object.values(SEVERITY_NAMES).includes(c.value as never)
    );
    expect(rows).toHaveLength(result.findings.length);
    const order = rows.map((c) => Object.values(SEVERITY_NAMES).indexOf(c.value as never));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const links = s.cells.filter(
      (c) => c.col === 4 && c.row > header.row && c.row <= end && c.hyperlink
    );
    expect(links).toHaveLength(result.findings.filter((f) => f.cells.length).length);
    expect(s.autoFilter).toMatch(new RegExp(`^A${header.row + 1}:K\\d+$`));
    const text = s.cells.map((c) => String(c.value)).join("\n");
    expect(text).toContain(report.department!);
    expect(text).toContain("不适用的规则（未检查）");
    // The header's 不适用 counts the 项 and the rules listed below it (T34-9: “不适用 172” over 72 rules); 预算汇总 too.
    const naRules = result.perRule.filter((r) => r.notApplicable > 0).length;
    expect(naRules).toBeGreaterThan(0);
    const naText = `不适用 ${result.rules.notApplicable} 项（${naRules} 条规则）`;
    expect(text).toContain(naText);
    for (const sheet of p.sheets) {
      const said = sheet.cells
        .map((c) => String(c.value))
        .find((v) => /不通过 \d+，不适用/.test(v));
      if (said) expect(said).toContain(naText);
    }
    expect(text).toContain("未识别的工作表或区域（未审核）");
    for (const c of result.causes) expect(text).toContain(c.message);
  });

  test("审核结果: the causes (疑似出错的单元格) come before the findings table; the 规则 column is Chinese, the id in 规则编号", () => {
    const s = p.sheets[0];
    const header = findingsHeader(s);
    const causes = s.cells.find((c) => String(c.value).startsWith("疑似出错的单元格"));
    if (result.causes.length) {
      expect(causes!.row).toBeLessThan(header.row);
      for (const c of result.causes)
        expect(s.cells.find((x) => x.value === c.message)!.row).toBeLessThan(header.row);
    } else expect(causes).toBeUndefined();
    const body = s.cells.filter(
      (c) => c.row > header.row && c.row <= header.row + result.findings.length
    );
    const ids = body.filter((c) => c.col === 10).map((c) => c.value);
    expect(new Set(ids)).toEqual(new Set(result.findings.map((f) => f.rule)));
    for (const c of body.filter((x) => x.col === 2))
      expect(String(c.value)).not.toMatch(/[a-z]{3}/);
    for (const m of p.marks) expect(m.note).not.toMatch(/（[a-z]+\.[a-z-]+）/);
  });

  test("预算汇总's counts: COUNTIF over the 级别 of the findings rows only (not the causes, not a block appended below)", () => {
    const counts = p.sheets[1].cells.filter((c) => c.formula?.startsWith("COUNTIF("));
    if (!result.findings.length) return expect(counts).toHaveLength(0);
    expect(counts).toHaveLength(4);
    const f0 = result.findings[0];
    const withBlock = addDecisionsToPlan(p, [
      {
        index: 0,
        finding: f0,
        decision: {
          key: findingKey(f0),
          rule: f0.rule,
          status: "dismissed",
          reason: "已核对",
          cell: result.findings[0].cells[0],
          decidedAt: "2026-11-30T00:00:00Z",
          catalogVersion: "v",
        },
        outdated: false,
      },
    ]);
    const sheet = withBlock.sheets[0];
    for (const c of counts) {
      const m = /^COUNTIF\('审核结果'!B(\d+):B(\d+),"(.+)"\)$/.exec(c.formula!)!;
      expect(m).toBeTruthy();
      const hits = sheet.cells.filter(
        (x) =>
          x.col === 1 && x.row >= Number(m[1]) - 1 && x.row <= Number(m[2]) - 1 && x.value === m[3]
      );
      expect(hits.length).toBe(c.value);
      expect(c.value).toBe(
        result.findings.filter((f) => SEVERITY_NAMES[f.severity] === m[3]).length
      );
    }
  });

  test("审核结果: a finding whose figures are in another unit than the workbook's says it in its 表 column", () => {
    const s = p.sheets[0];
    const header = findingsHeader(s);
    const rows = new Map<number, Map<number, unknown>>();
    for (const c of s.cells.filter(
      (x) => x.row > header.row && x.row <= header.row + result.findings.length
    ))
      rows.set(c.row, (rows.get(c.row) ?? new Map()).set(c.col, c.value));
    // Every sample prints its 绩效目标表 in 元 beside tables in 万元: 应为 603,840 must not read as 万元.
    const other = [...rows.values()].filter((r) => r.get(10) === "projects.one-year-period");
    expect(other.length).toBeGreaterThan(0);
    for (const r of other) expect(String(r.get(3))).toMatch(/（金额单位：元）$/);
    const same = [...rows.values()].filter((r) => String(r.get(10)).startsWith("cross."));
    for (const r of same) expect(String(r.get(3))).not.toContain("金额单位");
  });

  test("预算汇总: every figure from a source cell is a formula referring to it, shares carry data bars", () => {
    const s = p.sheets[1];
    const formulas = s.cells.filter((c) => c.formula);
    expect(formulas.length).toBeGreaterThan(20);
    const sourced = s.cells.filter(
      (c) =>
        c.col >= 1 && c.col <= 3 && typeof c.value === "number" && c.style?.startsWith("amount")
    );
    for (const c of sourced) expect(c.formula).toMatch(/'[^']+'!\$?[A-Z]+\d+/);
    expect(s.conditionalFormats.filter((f) => f.type === "dataBar").length).toBeGreaterThanOrEqual(
      4
    );
    const shares = s.cells.filter((c) => c.style === "share");
    expect(shares.every((c) => /^IF\(\$B\$\d+=0,0,B\d+\/\$B\$\d+\)$/.test(c.formula ?? ""))).toBe(
      true
    );
  });
});

test("text amounts are converted inside the formula (晋城城区 stores amounts as text)", async () => {
  const s = await loadSample("jincheng-chengqu-2025");
  const p = plan(s.report, checkReport(s.report), s.grids);
  const conv = p.sheets[1].cells.filter((c) => c.formula?.startsWith("IFERROR(VALUE(SUBSTITUTE("));
  const nonBlank = conv.filter((c) => c.value !== 0);
  expect(nonBlank.length).toBeGreaterThan(0);
});

test("预算汇总's 基本支出 of a 一般公共预算支出表 printing 人员经费 | 公用经费 instead (西安 表5) is their sum, as a formula", async () => {
  const file = path.join(__dirname, "..", "fixtures", "field", "xian-shenjiju-2026.xlsx");
  const { grids } = await readXlsxBuffer(await fs.readFile(file));
  const report = importWorkbook(grids);
  const p = plan(report, checkReport(report), grids);
  const summary = p.sheets.find((x) => x.name === "预算汇总")!;
  const header = summary.cells.find((c) => c.value === "基本支出" && c.style === "header")!;
  const t5 = report.tables.find((t) => t.kind === "general_budget_expenditure")!;
  const total = t5.rows.find((r) => r.level === 0)!;
  const want = (total.amounts.personnel?.value ?? 0) + (total.amounts.public?.value ?? 0);
  const totalLine = summary.cells.find(
    (c) => c.col === 0 && c.value === "合计" && c.row > header.row
  )!;
  const basic = summary.cells.find((c) => c.row === totalLine.row && c.col === header.col)!;
  expect(want).toBeGreaterThan(0);
  expect(basic.value).toBeCloseTo(want, 2);
  expect(basic.formula).toMatch(/\+/);
});

test("every rule id fits the 规则编号 column of 审核结果 on one line (newcomer9 NC9-5: ids wrapped and overprinted)", async () => {
  const s = await loadSample("xingxian-2023");
  const p = plan(s.report, checkReport(s.report), s.grids);
  const results = p.sheets.find((x) => x.name === "审核结果")!;
  const col = results.cells.find((c) => c.value === "规则编号" && c.style === "header")!.col;
  const width = results.columns!.find((c) => c.col === col)!.width;
  // An id is ASCII: one Excel character unit a character at most (a unit is the width of "0"), plus the cell's margins.
  for (const r of CATALOG) expect([r.id, r.id.length + 2 <= width]).toEqual([r.id, true]);
});

test("a table read without any amount column leaves its 预算汇总 lines empty, never a failed review (newcomer9 NC9-4)", async () => {
  // A title typed into every cell of its row once cut tables into column-less pieces; whatever the importer makes
  // of a layout, the summary must not depend on a table having a first amount column.
  const s = await loadSample("jishan-2024");
  for (const kind of [
    "expenditure_summary",
    "basic_expenditure_economic",
    "three_public",
    "operating_funds",
    "project_expenditure",
  ] as const) {
    const report: Report = {
      ...s.report,
      tables: s.report.tables.map((t) =>
        t.kind === kind
          ? { ...t, columns: [], rows: t.rows.map((r) => ({ ...r, amounts: {} })) }
          : t
      ),
    };
    const p = plan(report, checkReport(report), s.grids);
    expect(p.sheets.map((x) => x.name)).toEqual(["审核结果", "预算汇总"]);
  }
});

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  test("summary figures are in the report's unit, converted from tables in other units", () => {
    const v = buildVariant(style);
    const report = importWorkbook(v.grids);
    const p = plan(report, checkReport(report), v.grids);
    const summary = p.sheets[1];
    const exp = summary.cells.find((c) => c.value === "二、支出（按功能分类·类）")!;
    const totalRow = summary.cells.find(
      (c) => c.row > exp.row && c.col === 0 && c.value === "合计"
    )!;
    const total = summary.cells.find((c) => c.row === totalRow.row && c.col === 1)!;
    const t3 = report.tables.find((t) => t.kind === "expenditure_summary")!;
    const printed = t3.rows.find((r) => r.key === "total")!.amounts.total.value!;
    const factor = (t3.unit === "元" ? 1 : 10000) / (report.unit === "元" ? 1 : 10000);
    expect(total.value as number).toBeCloseTo(printed * factor, 6);
    if (factor !== 1) expect(total.formula).toMatch(/[*/]10000$/);
    if (style.textAmounts) expect(total.formula).toMatch(/^IFERROR\(VALUE/);
  });
});

describe.each(STYLES.map((s) => [s.name, s] as const))(
  "variant %s with 会议费 and 培训费 beside the 三公",
  (_n, style) => {
    /** 预算汇总's "三公" block: its lines' labels and figures, up to the next section (五、机关运行经费). */
    const block = (inTotal: boolean) => {
      const v = buildVariant(style, { threePublicExtras: { meeting: 3, training: 5, inTotal } });
      const report = importWorkbook(v.grids);
      const summary = plan(report, checkReport(report), v.grids).sheets[1];
      const head = summary.cells.find((c) => c.value === "四、“三公”经费")!;
      const next = summary.cells.find((c) => c.value === "五、机关运行经费")!;
      const lines = summary.cells.filter(
        (c) => c.col === 0 && c.row > head.row + 1 && c.row < next.row && c.value !== null
      );
      const figure = (row: number) =>
        summary.cells.find((c) => c.row === row && c.col === 1)!.value as number;
      return new Map(lines.map((c) => [String(c.value).trim(), figure(c.row)]));
    };
    const sum = (b: Map<string, number>, keys: string[]) =>
      keys.reduce((s, k) => s + (b.get(k) ?? 0), 0);
    const ITEMS = ["因公出国（境）费", "公务用车购置及运行费", "公务接待费"];

    test("a 合计 that takes them in: the 三公's own total, then they, then that 合计", () => {
      const b = block(true);
      expect([...b.keys()].slice(-4)).toEqual([
        "“三公”经费合计",
        "会议费",
        "培训费",
        "合计（含会议费、培训费）",
      ]);
      expect(sum(b, ITEMS)).toBeCloseTo(b.get("“三公”经费合计")!, 6);
      expect(sum(b, ["“三公”经费合计", "会议费", "培训费"])).toBeCloseTo(
        b.get("合计（含会议费、培训费）")!,
        6
      );
    });
    test("a 合计 of the 三公 alone: they are not listed", () => {
      const b = block(false);
      expect([b.has("会议费"), b.has("培训费")]).toEqual([false, false]);
      expect(sum(b, ITEMS)).toBeCloseTo(b.get("合计")!, 6);
    });
  }
);

describe.each(STYLES.map((s) => [s.name, s] as const))(
  "variant %s: 预算汇总's 三公 parts",
  (_n, style) => {
    /** The 三公 block's line labels (as written, indentation kept), up to its 合计. */
    const labels = (v: ReturnType<typeof buildVariant>) => {
      const report = importWorkbook(v.grids);
      const summary = plan(report, checkReport(report), v.grids).sheets[1];
      const head = summary.cells.find((c) => c.value === "四、“三公”经费")!;
      const total = summary.cells.find(
        (c) => c.row > head.row && c.col === 0 && c.value === "合计"
      )!;
      return summary.cells
        .filter((c) => c.col === 0 && c.row > head.row + 1 && c.row < total.row)
        .map((c) => String(c.value));
    };
    const indent = (s: string) => /^\u3000*/.exec(s)![0].length;

    test("each part indented alike under its item, worded as the table words it", () => {
      const lines = labels(buildVariant(style, { receptionSplit: {} }));
      const parts = lines.filter((l) => indent(l) > 0);
      // 购置费 / 运行费 under the vehicle line, 国内 / 外事接待费 under 公务接待费.
      expect(parts.map((l) => l.trim())).toEqual([
        "公务用车购置费",
        style.threePublicAcross ? "公务用车运行费" : "公务用车运行维护费",
        "国内接待费",
        "外事接待费",
      ]);
      expect(new Set(parts.map(indent)).size).toBe(1);
      expect(lines.filter((l) => /其中/.test(l))).toEqual([]);
      const at = (s: string) => lines.findIndex((l) => l.trim() === s);
      expect(at("公务用车购置费")).toBe(at("公务用车购置及运行费") + 1);
      expect(at("国内接待费")).toBe(at("公务接待费") + 1);
    });
  }
);

describe.each(STYLES.map((s) => [s.name, s] as const))(
  "variant %s: 预算汇总's 机关运行经费 block",
  (_n, style) => {
    // Templates that print 机关运行经费 in the “三公” table (laid across) and have no 机关运行经费表 of their own: the
    // block takes the figure from there, as cross.operating-public does, instead of saying the table was not found.
    test("shows the workbook's 机关运行经费 figure and the cell it comes from", () => {
      const v = buildVariant(style);
      const report = importWorkbook(v.grids);
      const summary = plan(report, checkReport(report), v.grids).sheets[1];
      const head = summary.cells.find((c) => c.value === "五、机关运行经费")!;
      const line = summary.cells.find(
        (c) => c.row > head.row && c.col === 0 && c.value === "机关运行经费合计"
      );
      expect(line).toBeDefined();
      const figure = summary.cells.find((c) => c.row === line!.row && c.col === 1)!;
      const source = summary.cells.find((c) => c.row === line!.row && c.col === 5)!;
      const own = report.tables.find((t) => t.kind === "operating_funds");
      const from = own ?? report.tables.find((t) => t.kind === "three_public")!;
      expect(String(source.value)).toContain(from.sheet);
      // The figure as printed in its cell (the variants print 100 万元), in the summary's unit (the workbook's).
      const at = parseRef(`'${from.sheet}'!${String(source.value).split("!").pop()}`);
      const printed = Number(
        String(v.grids.find((g) => g.sheet === from.sheet)!.values[at.r0][at.c0]).replace(/,/g, "")
      );
      const factor =
        from.unit === report.unit ? 1 : from.unit === "万元" && report.unit === "元" ? 10000 : 1e-4;
      expect(printed).toBeGreaterThan(0);
      expect(figure.value as number).toBeCloseTo(printed * factor, 6);
    });
  }
);
