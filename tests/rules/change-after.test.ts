/**
 * 上年 and 增减 printed after this year's figures (newcomer7, stop 22): 上年预算数 | 增减额 / 同比增减 / 较上年增减 /
 * 2025年比2024年增减 | 增减率 / 增长% after the 预算数 of the 收支总表's sides, the 收入总表, the 支出总表, the
 * 一般公共预算支出表 and the “三公” table (as rows, or two bands after this year's when laid across), in every generated
 * template. The 增减 column is a change (never last year's, never an unknown column that stops the row sums), a rate is
 * summed nowhere (the 收支总表's 本年收入合计 and 收入总计 summed it), and a rate that cannot be computed for a line new
 * this year (#DIV/0!, -, —) is no unreadable amount. Each 增减 figure +7 is found, on its cell.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Report, TableKind } from "../../src/core/model/schema";
import { STYLES, YEAR, buildVariant, type VariantOptions } from "../fixtures/variants";
import { mutate } from "../../bench/localization";
import { serious, kinds } from "../helpers";

const BANDED: TableKind[] = [
  "income_expenditure_summary",
  "income_summary",
  "expenditure_summary",
  "general_budget_expenditure",
  "three_public",
];

const WORDINGS: Array<NonNullable<VariantOptions["changeAfter"]>> = [
  { prior: "上年预算数", change: "增减额", rate: "增减率" },
  { change: "同比增减", rate: "增长%" },
  { prior: "上年预算数", change: "较上年增减" },
  { prior: `${YEAR - 1}年预算数`, change: `${YEAR}年比${YEAR - 1}年增减`, rate: "增减率" },
  // A band over the change and its rate (the rate's line held none of the header words: read as a body line).
  { prior: "上年预算数", change: "较上年增减", rate: "增减率", band: ["增减额", "增减率"] },
  { prior: "上年预算数", change: "同比增减", rate: "幅度", band: ["金额", "幅度"] },
];

/** The keys of the banded tables' columns that are neither this year's figures nor names. */
function bandKeys(r: Report): string[] {
  return r.tables
    .filter((t) => BANDED.includes(t.kind))
    .flatMap((t) => t.columns.map((c) => c.key))
    .filter((k) => /^(prior|change|ratio|col_)/.test(k));
}

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const plain = checkReport(importWorkbook(buildVariant(style).grids), { localize: false });

  test.each(
    WORDINGS.map(
      (w) =>
        [
          `${w.prior ?? ""}|${w.change}${w.band ? `(${w.band.join("|")})` : ""}|${w.rate ?? ""}`,
          w,
        ] as const
    )
  )(
    "%s after this year's figures: read as 上年 / 增减 / 增减率, nothing to report beyond the plain workbook's",
    (_w, changeAfter) => {
      const report = importWorkbook(buildVariant(style, { changeAfter }).grids);
      const keys = bandKeys(report);
      expect(keys.filter((k) => k.startsWith("col_"))).toEqual([]);
      expect(keys.some((k) => k.startsWith("change"))).toBe(true);
      if (changeAfter.prior) expect(keys.some((k) => k.startsWith("prior"))).toBe(true);
      if (changeAfter.rate) expect(keys.some((k) => k.startsWith("ratio"))).toBe(true);
      const result = checkReport(report, { localize: false });
      expect(serious(result.findings).map((f) => f.message)).toEqual([]);
      expect(kinds(result)).toEqual(kinds(plain));
    }
  );

  test.each(["#DIV/0!", "#DIV/0", "-", "—"])(
    "a 类 new this year, its 增减率 printed %s: no finding",
    (rate) => {
      const changeAfter = {
        prior: "上年预算数",
        change: "增减额",
        rate: "增减率",
        newLine: { code: "210", rate },
      };
      const result = checkReport(importWorkbook(buildVariant(style, { changeAfter }).grids), {
        localize: false,
      });
      expect(serious(result.findings).map((f) => f.message)).toEqual([]);
    }
  );

  test("each 增减额 figure of the 支出总表 +7: a 错误 citing it", () => {
    const changeAfter = { prior: "上年预算数", change: "增减额", rate: "增减率" };
    const { grids } = buildVariant(style, { changeAfter });
    const report = importWorkbook(grids);
    const t = report.tables.find((x) => x.kind === "expenditure_summary")!;
    const cells = t.rows
      .filter((r) => r.level === 3 || r.key === "total")
      .map((r) => r.amounts.change)
      .filter((a) => a && !a.blank)
      .map((a) => a.cell);
    expect(cells.length).toBeGreaterThan(3);
    const delta = style.unit === "元" ? 70000 : 7;
    for (const cell of cells) {
      const res = checkReport(importWorkbook(mutate(grids, cell, delta)), { localize: false });
      expect([cell, serious(res.findings).some((f) => f.cells.includes(cell))]).toEqual([
        cell,
        true,
      ]);
    }
  });
});
