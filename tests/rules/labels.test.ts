/**
 * Labels other templates print for lines the rules need (newcomer5): a total line worded 共计 / 本年合计 (and 本年合计 on
 * a 收支总表's sides), a 机关运行经费表 whose line carries the table's own name (机关运行经费合计 …), and a 一般公共预算支出表
 * titled 不含上年结转 beside a 项目支出表 that lists the 结转 projects. In every generated template and in the
 * newcomer's workbooks (tests/fixtures/newcomer5/labels/README.md): correct ones raise nothing and keep their checks,
 * the changed ones are found.
 */
import fs from "fs/promises";
import path from "path";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { CheckResult, Finding } from "../../src/core/rules/rule";
import type { SheetGrid } from "../../src/core/grid/grid";
import { STYLES, buildVariant } from "../fixtures/variants";
import { mutate } from "../../bench/localization";
import { serious, table } from "../helpers";

const lines = (fs: Finding[]) => serious(fs).map((f) => `${f.rule} ${f.message}`);
const check = (grids: SheetGrid[]) => checkReport(importWorkbook(grids), { localize: false });
const checks = (r: CheckResult) => r.perRule.reduce((n, p) => n + p.checked, 0);
const applicable = (r: CheckResult, id: string) => r.perRule.find((p) => p.id === id)!.checked > 0;
/** A change of 45 万元 in the style's unit. */
const delta = (unit: string) => (unit === "元" ? 450000 : 45);

const dir = path.join(__dirname, "..", "fixtures", "newcomer5", "labels");
const read = async (file: string) =>
  (await readXlsxBuffer(await fs.readFile(path.join(dir, file)))).grids;

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const base = check(buildVariant(style).grids);

  test.each(["共计", "本年合计"])(
    "合计 lines labelled %s: read as the totals, every check kept, a changed total found",
    (label) => {
      const { grids } = buildVariant({ ...style, totalLabel: label });
      const report = importWorkbook(grids);
      const result = checkReport(report, { localize: false });
      expect(lines(result.findings)).toEqual(lines(base.findings));
      expect(checks(result)).toBe(checks(base));
      for (const kind of [
        "income_summary",
        "expenditure_summary",
        "general_budget_expenditure",
        "basic_expenditure_economic",
      ]) {
        const total = table(report, kind).rows.find((r) => r.label.trim() === label)!;
        expect([total.key, total.level]).toEqual(["total", 0]);
      }
      const cell = table(report, "general_budget_expenditure").rows.find((r) => r.key === "total")!
        .amounts.total.cell;
      expect(
        serious(check(mutate(grids, cell, delta(style.unit))).findings).some((f) =>
          f.cells.includes(cell)
        )
      ).toBe(true);
    }
  );

  test("a 收支总表 printing 本年合计 on both sides: its 本年收入合计 and 本年支出合计, every check kept", () => {
    const { grids } = buildVariant(style);
    const sub = (x: unknown) => (x === "本年收入合计" || x === "本年支出合计" ? "本年合计" : x);
    const renamed = grids.map((g) => ({
      ...g,
      values: g.values.map((r) => r.map(sub)) as SheetGrid["values"],
      text: g.text.map((r) => r.map((x) => sub(x) as string)),
    }));
    const report = importWorkbook(renamed);
    const t1 = table(report, "income_expenditure_summary");
    expect(
      t1.rows.filter((r) => r.label.trim() === "本年合计").map((r) => `${r.side} ${r.key}`)
    ).toEqual(["income current_income_total", "expenditure current_expenditure_total"]);
    const result = checkReport(report, { localize: false });
    expect(lines(result.findings)).toEqual(lines(base.findings));
    expect(checks(result)).toBe(checks(base));
  });
});

// The 情况表 templates' 一般公共预算支出表 title does not say 不含上年结转: compared as equal, not this case.
describe.each(STYLES.filter((s) => !s.situationTitles).map((s) => [s.name, s] as const))(
  "variant %s",
  (_n, style) => {
    test("一般公共预算支出表 不含上年结转 beside a 项目支出表 listing the 结转 project: nothing to report; a 项目支出 above it found", () => {
      const st = { ...style, mixedFunds: true };
      const { grids } = buildVariant(st, { carryoverInProjects: true });
      const report = importWorkbook(grids);
      const t5 = table(report, "general_budget_expenditure");
      expect(t5.excludesCarryover).toBe(true);
      expect(report.tables.some((t) => t.kind === "project_carryover")).toBe(false);
      const result = checkReport(report, { localize: false });
      expect(lines(result.findings)).toEqual([]);
      expect(applicable(result, "cross.basic-project")).toBe(true);
      const cell = t5.rows.find((r) => r.key === "total")!.amounts.project.cell;
      const found = check(mutate(grids, cell, delta(st.unit))).findings.filter(
        (f) => f.rule === "cross.basic-project"
      );
      expect(found.map((f) => f.message)).toEqual([
        expect.stringMatching(
          /「合计」项目支出 .* 超过.*项目支出表）?合计一般公共预算 .*（前者口径较窄，只能更少或相等）/
        ),
      ]);
      expect(found[0].cells).toContain(cell);
    });
  }
);

// The styles that print the 三公 table down print a 机关运行经费表 too.
describe.each(STYLES.filter((s) => !s.threePublicAcross).map((s) => [s.name, s] as const))(
  "variant %s",
  (_n, style) => {
    test.each(
      ["机关运行经费", "机关运行经费合计", "机关运行经费支出"].flatMap(
        (l) =>
          [
            [l, false],
            [l, true],
          ] as const
      )
    )(
      "机关运行经费表 whose line is %s (items under it: %s): its total, compared with 公用经费",
      (label, items) => {
        const report = importWorkbook(
          buildVariant(style, { operatingFunds: { label, items } }).grids
        );
        const t11 = table(report, "operating_funds");
        expect(t11.rows.filter((r) => r.key === "total").map((r) => [r.label, r.level])).toEqual([
          [label, 0],
        ]);
        const result = checkReport(report, { localize: false });
        expect(lines(result.findings)).toEqual([]);
        expect(applicable(result, "cross.operating-public")).toBe(true);
        const pub =
          table(report, "basic_expenditure_economic").rows.find((r) => r.key === "total")!.amounts
            .public.value! / (style.unit === "元" ? 10000 : 1);
        const over = check(
          buildVariant(style, { operatingFunds: { label, items, amount: pub + 10 } }).grids
        );
        expect(serious(over.findings).map((f) => f.rule)).toEqual(["cross.operating-public"]);
      }
    );
  }
);

describe("newcomer5's workbooks", () => {
  test.each([
    "a00-bj-clean.xlsx",
    "n10-income-unit-band.xlsx",
    "v00-income-band-feicaizheng.xlsx",
    "v01-income-band-qita.xlsx",
    "c25-total-label-5.xlsx",
    "c26-total-label-6.xlsx",
    "x03-t5-excl-carry-ok.xlsx",
  ])("%s is correct: nothing to report", async (file) => {
    expect(lines(check(await read(file)).findings)).toEqual([]);
  });

  test.each([
    "n10-income-unit-band.xlsx",
    "v00-income-band-feicaizheng.xlsx",
    "v01-income-band-qita.xlsx",
  ])(
    "%s: the 单位资金 band's 小计 is 单位资金, a changed 事业收入 found at its cell",
    async (file) => {
      const grids = await read(file);
      const t2 = table(importWorkbook(grids), "income_summary");
      expect(t2.columns.map((c) => c.key)).toEqual([
        "total",
        "carryover",
        "general",
        "gov_fund",
        "state_capital",
        "unit_funds",
        "business",
        "operating",
        "other",
      ]);
      const cell = t2.rows.find((r) => r.key === "total")!.amounts.business.cell;
      const found = serious(check(mutate(grids, cell, 10)).findings);
      expect(found.length).toBeGreaterThan(0);
      expect(
        found.filter((f) => f.rule === "within.row-sources").every((f) => f.cells.includes(cell))
      ).toBe(true);
    }
  );

  test.each(["c25-total-label-5.xlsx", "c26-total-label-6.xlsx"])(
    "%s keeps every check of the base",
    async (file) => {
      const base = check(await read("a00-bj-clean.xlsx"));
      expect(checks(check(await read(file)))).toBe(checks(base));
    }
  );

  test("x03: 表5's 项目支出 raised above the 项目支出表's 一般公共预算 is found", async () => {
    const grids = await read("x03-t5-excl-carry-ok.xlsx");
    const t5 = table(importWorkbook(grids), "general_budget_expenditure");
    const cell = t5.rows.find((r) => r.key === "total")!.amounts.project.cell;
    expect(
      check(mutate(grids, cell, 200)).findings.some(
        (f) => f.rule === "cross.basic-project" && f.severity === "error" && f.cells.includes(cell)
      )
    ).toBe(true);
  });

  test.each([
    "a03-jiguan-over-public.xlsx",
    "b01-jiguan-over-label1.xlsx",
    "s03-jiguan-table-label-jiguan-zhichu-over.xlsx",
  ])("%s: 机关运行经费 248.59 over 公用经费 198.59 found; at 148.59 nothing", async (file) => {
    const grids = await read(file);
    const found = serious(check(grids).findings);
    expect(found.map((f) => f.rule)).toEqual(["cross.operating-public"]);
    const t11 = table(importWorkbook(grids), "operating_funds");
    const total = t11.rows.find((r) => r.key === "total")!;
    expect(total.amounts[Object.keys(total.amounts)[0]].cell).toBe(found[0].cells[0]);
    // The single-line tables: lowered below 公用经费, nothing to say (a03's items would then disagree with it).
    if (t11.rows.length === 1)
      expect(lines(check(mutate(grids, found[0].cells[0], -100)).findings)).toEqual([]);
  });

  test("j05: a 一般公共预算支出表 without a unit line, in 元: the warning says it prints no unit", async () => {
    const found = serious(check(await read("j05-t5-no-unit-line-in-yuan.xlsx")).findings);
    expect(found.map((f) => f.message)).toEqual([
      expect.stringMatching(
        /^一般公共预算支出表未印金额单位（按其他表印的“万元”读），但其中 \d+ 个.*金额实际以“元”为单位/
      ),
    ]);
  });
});
