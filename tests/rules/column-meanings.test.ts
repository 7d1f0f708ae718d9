/**
 * What a column MEANS (tester35 T35-6, T35-10, T35-7), in every generated template:
 * - a 基本支出表 by 功能科目 with 合计 | 人员经费 (小计 | 工资福利支出 | 对个人和家庭的补助) | 公用经费: 合计 = 人员经费 +
 *   公用经费 and 人员经费小计 = its classes, never 合计 = the classes under 人员经费 alone;
 * - a 功能 × 经济 一般公共预算支出表 whose 项目支出 band holds 其他支出 (399): one of the band's classes; a class column no
 *   alias knows (债务还本支出) leaves the band unchecked instead of summed without it;
 * - a 项目支出表 with a year column (起始年度 / 立项年度 / 年份, or figures that are all years): an attribute, never money,
 *   and the row check 合计 = 各资金来源之和 stays on.
 * Each clean twin raises nothing; a changed figure is found at its cell.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Report, Table } from "../../src/core/model/schema";
import type { Finding } from "../../src/core/rules/rule";
import { STYLES, buildVariant, type VariantOptions } from "../fixtures/variants";
import { mutate } from "../../bench/localization";

const serious = (fs: Finding[]) =>
  fs
    .filter((f) => f.severity === "error" || f.severity === "warning")
    // The classes laid across go no deeper than 类: the economic-depth 警告 is right here.
    .filter((f) => f.rule !== "completeness.economic-depth")
    .map((f) => `${f.rule} ${f.cells[0]}`);
const scaleOf = (unit: string) => (unit === "元" ? 10000 : 1);
const tableOf = (r: Report, kind: Table["kind"]) => r.tables.find((t) => t.kind === kind)!;
/** A 项 line with a figure in column `key`. */
const leaf = (t: Table, key: string) =>
  t.rows.find((r) => r.code?.length === 7 && r.amounts[key] && r.amounts[key].value)!;
/** The findings citing `cell` once it is `delta` more (a 尾差 too: some templates print whole figures). */
const errorsAt = (grids: Parameters<typeof importWorkbook>[0], cell: string, delta: number) =>
  checkReport(importWorkbook(mutate(grids, cell, delta))).findings.filter((f) =>
    f.cells.includes(cell)
  );

// A template printing names without codes has no 项 line to tell from the cross-tab's 类 / 款 (and no 30108 line to pair
// with 2080505: cross.functional-economic-pairs, as with basicCrossTab "classes"): left out.
describe.each(
  STYLES.filter((s) => s.codeLayout !== "names").flatMap((s) =>
    (["partBand", "partBandClasses"] as const).map((m) => [`${s.name} (${m})`, s, m] as const)
  )
)("基本支出表 by 功能科目, 人员经费 over its classes beside 公用经费: %s", (_n, style, mode) => {
  const { grids } = buildVariant(style, { basicCrossTab: mode });
  const report = importWorkbook(grids);
  const base = checkReport(report);
  const t6 = tableOf(report, "basic_expenditure_economic");
  const scale = scaleOf(style.unit);

  test("clean: nothing raised, the row identities pass", () => {
    expect(serious(base.findings)).toEqual([]);
    const rule =
      mode === "partBand" ? "within.row-personnel-public" : "within.row-economic-classes";
    expect(base.perRule.find((p) => p.id === rule)!.passed).toBeGreaterThan(5);
  });

  test("a 项's 公用经费 changed: the row identity cites it", () => {
    const cell = leaf(t6, "public").amounts.public.cell;
    const rule =
      mode === "partBand" ? "within.row-personnel-public" : "within.row-economic-classes";
    expect(errorsAt(grids, cell, 1.37 * scale).map((f) => f.rule)).toContain(rule);
  });

  if (mode === "partBand")
    test("a 项's 工资福利支出 changed: 人员经费小计 ≠ its classes at that cell", () => {
      const cell = leaf(t6, "wages").amounts.wages.cell;
      const found = errorsAt(grids, cell, 1.37 * scale).filter(
        (f) => f.rule === "within.row-economic-classes"
      );
      expect(found).toHaveLength(1);
      expect(found[0].message).toContain("人员经费小计");
    });
});

describe.each(
  STYLES.flatMap((s) => ["其他支出", "399其他支出"].map((c) => [`${s.name} (${c})`, s, c] as const))
)("项目支出 band 小计 | 商品和服务支出 | 其他支出: %s", (_n, style, caption) => {
  const opts: VariantOptions = {
    basicByEconomic: "subtotal",
    projectByEconomic: { other: caption },
  };
  const { grids } = buildVariant(style, opts);
  const report = importWorkbook(grids);
  const base = checkReport(report);
  const t5 = tableOf(report, "general_budget_expenditure");
  const scale = scaleOf(style.unit);

  test("the 其他支出 column is the class 399 of the 项目支出 band; clean: nothing raised", () => {
    expect(t5.columns.map((c) => c.key)).toContain("project_other_expenditure");
    expect(serious(base.findings)).toEqual([]);
  });

  test("a 项's 其他支出 changed: 项目支出小计 ≠ its classes at that cell", () => {
    const cell = leaf(t5, "project_other_expenditure").amounts.project_other_expenditure.cell;
    expect(errorsAt(grids, cell, 1.37 * scale).map((f) => f.rule)).toContain(
      "within.row-economic-classes"
    );
  });
});

describe.each(STYLES.map((s) => [s.name, s] as const))(
  "项目支出 band with a class column no alias knows (债务还本支出): %s",
  (_n, style) => {
    const { grids } = buildVariant(style, {
      basicByEconomic: "subtotal",
      projectByEconomic: { other: "债务还本支出" },
    });
    test("the named classes are not summed as the whole band: nothing raised", () => {
      const res = checkReport(importWorkbook(grids));
      expect(serious(res.findings)).toEqual([]);
    });
  }
);

const YEAR_CAPTIONS = ["起始年度", "立项年度", "年份", "开工"];
describe.each(
  STYLES.filter((s) => !s.projectsByUnit).flatMap((s) =>
    YEAR_CAPTIONS.map((c) => [`${s.name} (${c})`, s, c] as const)
  )
)("项目支出表 with a year column: %s", (_n, style, caption) => {
  const { grids } = buildVariant(style, { projectYears: caption });
  const report = importWorkbook(grids);
  const base = checkReport(report);
  const t = tableOf(report, "project_expenditure");
  const scale = scaleOf(style.unit);

  test("the years are no amount; clean: nothing raised, the row check runs", () => {
    expect(t.columns.map((c) => c.label)).not.toContain(caption);
    expect(serious(base.findings)).toEqual([]);
    const rs = base.perRule.find((p) => p.id === "within.row-sources")!;
    expect(rs.passed).toBeGreaterThan(0);
    expect(rs.reasons.filter((x) => x.includes("未能识别"))).toEqual([]);
  });

  test("a project's 合计 changed: 合计 ≠ 各资金来源之和 at that cell", () => {
    const cell = t.rows.find((r) => r.level >= 1 && r.amounts.total?.value)!.amounts.total.cell;
    expect(errorsAt(grids, cell, 1.37 * scale).map((f) => f.rule)).toContain("within.row-sources");
  });
});
