/**
 * 增减率 = (本年 − 上年) ÷ 上年 (within.row-change-rate, bands9): 上年预算数 | 增减额 | 增减率 after this year's figures
 * (the changeAfter variant, last year's figure 3 × this year's: every rate -66.67 %, a rounded figure) in every
 * generated template, the rate printed as -66.67% / -66.7% (text, or a number shown with a % format), -66.67 / -66.7
 * (percents without %) or -0.6667 (a fraction). A right rate is never a finding; one rounded otherwise (a digit off at
 * its last place) is at most a 尾差; a rate off by 5 points is a 错误 on its cell; a line without last year's figure may
 * print any of blank, -, —, #DIV/0!, 0; a 占比 column is no rate of change (never checked).
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { parseRef } from "../../src/core/grid/address";
import type { SheetGrid } from "../../src/core/grid/grid";
import type { Report } from "../../src/core/model/schema";
import { STYLES, buildVariant, type VariantOptions } from "../fixtures/variants";
import { serious } from "../helpers";
import fs from "fs/promises";
import path from "path";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";

type ChangeAfter = NonNullable<VariantOptions["changeAfter"]>;
const BASE: ChangeAfter = { prior: "上年预算数", change: "增减额", rate: "增减率", priorTimes: 3 };

const FORMS: Array<[string, Partial<ChangeAfter>, boolean?]> = [
  ["-66.67%", {}],
  ["-66.7%", { rateDecimals: 1 }],
  ["-66.67% as a number with a % format", {}, true],
  ["-66.67 (no %)", { rateAs: "percent" }],
  ["-66.7 (no %)", { rateAs: "percent", rateDecimals: 1 }],
  ["-0.6667 (a fraction)", { rateAs: "fraction" }],
  ["增长率 -66.67%", { rate: "增长率" }],
  ["同比增减 over 金额 | 幅度", { change: "同比增减", rate: "幅度", band: ["金额", "幅度"] }],
];

/** Every cell whose text ends in % printed as Excel does: the fraction, shown with a 0.00% / 0.0% format. */
function excelPercents(grids: SheetGrid[]): SheetGrid[] {
  return grids.map((g) => {
    const values = g.values.map((r) => r.slice());
    const numberFormat = g.numberFormat.map((r) => r.slice());
    g.text.forEach((r, i) =>
      r.forEach((x, j) => {
        const m = /^(-?\d+)(?:\.(\d+))?%$/.exec(x);
        if (!m) return;
        values[i][j] = Number(x.slice(0, -1)) / 100;
        numberFormat[i][j] = m[2] ? `0.${"0".repeat(m[2].length)}%` : "0%";
      })
    );
    return { ...g, values, numberFormat };
  });
}

/** The grids with one cell printing `text` instead (a string, as a typed rate would be). */
function retype(grids: SheetGrid[], cell: string, text: string): SheetGrid[] {
  const p = parseRef(cell);
  return grids.map((g) => {
    if (g.sheet !== p.sheet) return g;
    const values = g.values.map((r) => r.slice());
    const texts = g.text.map((r) => r.slice());
    values[p.r0][p.c0] = text;
    texts[p.r0][p.c0] = text;
    return { ...g, values, text: texts };
  });
}

/** The 支出总表's rate cells of its 合计 and 项 lines with their printed text. */
function rateCells(r: Report): Array<{ cell: string; text: string }> {
  const t = r.tables.find((x) => x.kind === "expenditure_summary")!;
  const key = t.columns.find((c) => c.key.startsWith("ratio"))!.key;
  return t.rows
    .filter((x) => x.level === 3 || x.key === "total")
    .map((x) => x.amounts[key])
    .filter((a) => a && !a.blank)
    .map((a) => ({ cell: a.cell, text: a.text.trim() }));
}

const rateFindings = (grids: SheetGrid[]) =>
  checkReport(importWorkbook(grids), { localize: false }).findings.filter(
    (f) => f.rule === "within.row-change-rate"
  );

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  describe.each(FORMS)("增减率 printed %s", (_f, form, excel) => {
    const changeAfter = { ...BASE, ...form };
    const built = buildVariant(style, { changeAfter }).grids;
    const grids = excel ? excelPercents(built) : built;
    const report = importWorkbook(grids);

    test("right rates: checked, no finding of any kind, nothing serious", () => {
      const result = checkReport(report, { localize: false });
      expect(result.findings.filter((f) => f.rule === "within.row-change-rate")).toEqual([]);
      expect(serious(result.findings).map((f) => f.message)).toEqual([]);
      const per = result.perRule.find((p) => p.id === "within.row-change-rate")!;
      expect(per.passed).toBeGreaterThan(3);
    });

    test("each rate of the 支出总表 5 points off: a 错误 on its cell; a digit off at its last place: no 错误", () => {
      const cells = rateCells(report);
      expect(cells.length).toBeGreaterThan(3);
      for (const { cell, text } of cells) {
        const pct = /%$/.test(text);
        const v = Number(text.replace("%", ""));
        const d = (text.replace("%", "").split(".")[1] ?? "").length;
        // 5 points of a percent; 0.05 of a fraction.
        const off = (v + (form.rateAs === "fraction" ? 0.05 : 5)).toFixed(d) + (pct ? "%" : "");
        const wrong = rateFindings(retype(grids, cell, off));
        expect([cell, wrong.some((f) => f.severity === "error" && f.cells[0] === cell)]).toEqual([
          cell,
          true,
        ]);
        const digit = (v + Math.pow(10, -d)).toFixed(d) + (pct ? "%" : "");
        const near = rateFindings(retype(grids, cell, digit));
        expect([cell, near.filter((f) => f.severity === "error").map((f) => f.message)]).toEqual([
          cell,
          [],
        ]);
      }
    });
  });

  test.each(["#DIV/0!", "-", "—", "0", "0.00%"])(
    "a 类 new this year (上年 blank), its 增减率 printed %p: no finding",
    (rate) => {
      const changeAfter = { ...BASE, newLine: { code: "210", rate } };
      const result = checkReport(importWorkbook(buildVariant(style, { changeAfter }).grids), {
        localize: false,
      });
      expect(result.findings.filter((f) => f.rule === "within.row-change-rate")).toEqual([]);
      expect(serious(result.findings).map((f) => f.message)).toEqual([]);
    }
  );

  test("a 占比 column beside 上年 | 增减额: no rate of change, never checked", () => {
    const changeAfter = { ...BASE, rate: "占比" };
    const result = checkReport(importWorkbook(buildVariant(style, { changeAfter }).grids), {
      localize: false,
    });
    expect(result.findings.filter((f) => f.rule === "within.row-change-rate")).toEqual([]);
  });
});

/**
 * A field template's 增减率 (newcomer4 bands.xlsx: the “三公” table as 上年预算数 | 2025年预算数 | 增减额 | 增减率, rates
 * as text -15.00%, blank where 上年 is 0): its 4 rates checked and right; E6 -18.00% typed -13.00% is a 错误 on E6; a line
 * with 上年 0 printing 0.00% or #DIV/0! in its rate is no finding of this rule.
 */
describe("newcomer4 bands.xlsx (a field template's “三公” 增减率)", () => {
  const sheet = "'9.三公经费支出表'";
  const load = async () =>
    (
      await readXlsxBuffer(
        await fs.readFile(path.join(__dirname, "..", "fixtures", "newcomer4", "bands.xlsx"))
      )
    ).grids;

  test("4 rates checked, all right; E6 typed -13.00%: a 错误 on E6", async () => {
    const grids = await load();
    const result = checkReport(importWorkbook(grids), { localize: false });
    expect(result.perRule.find((p) => p.id === "within.row-change-rate")!.passed).toBe(4);
    expect(rateFindings(grids)).toEqual([]);
    const wrong = rateFindings(retype(grids, `${sheet}!E6`, "-13.00%"));
    expect(wrong.map((f) => [f.severity, f.cells[0]])).toEqual([["error", `${sheet}!E6`]]);
  });

  test.each(["0.00%", "#DIV/0!", "-"])(
    "上年 0, its rate printed %s: no finding of the rule",
    async (x) => {
      const grids = retype(await load(), `${sheet}!E5`, x);
      expect(rateFindings(grids)).toEqual([]);
    }
  );
});
