/**
 * Checks that went silent on a wrong workbook (newcomer15, stop 25), in every generated template:
 * - NC15-5: a header still printing last year (2024年合计 | 2024年基本支出 | 2024年项目支出, 2024年预算数) under this
 *   year's title was read as last year's columns and its row and cross checks dropped without a word. Its columns are
 *   this year's figures (checked as such), and naming.year warns at the header.
 * - NC15-12: an 增减额 column printing 上年 − 本年 on every line, a 增减率 column printing 本年 ÷ 上年 or the rate with its
 *   sign reversed, were taken for a rate of another 口径 and skipped: one 错误 for the column.
 * - NC15-11: a 合计 captioned “三公”经费合计 that adds 会议费 and 培训费 in was accepted: a total captioned 三公 is the
 *   three items alone (a bare 合计 may include them, as before).
 * - NC15-4: a “三公” table leaving out 因公出国（境）费, or printing its 合计 alone, said nothing (or only the car split).
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Report, TableKind } from "../../src/core/model/schema";
import type { CheckResult } from "../../src/core/rules/rule";
import { changeTriples, rateTriples } from "../../src/core/rules/bands";
import { STYLES, YEAR, buildVariant, type VariantOptions } from "../fixtures/variants";
import { serious, kinds } from "../helpers";

const check = (r: Report) => checkReport(r, { localize: false });
const checked = (res: CheckResult, id: string) => res.perRule.find((p) => p.id === id)!.checked;
const STALE: TableKind[] = ["expenditure_summary", "three_public"];

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const plainReport = importWorkbook(buildVariant(style).grids);
  const plain = check(plainReport);

  test("NC15-5: a header left at last year's under this year's title is read as this year's, naming.year warns", () => {
    const report = importWorkbook(buildVariant(style, { staleHeader: STALE }).grids);
    for (const kind of STALE) {
      const was = plainReport.tables.find((t) => t.kind === kind)!;
      const t = report.tables.find((x) => x.kind === kind)!;
      expect([kind, t.columns.map((c) => c.key)]).toEqual([kind, was.columns.map((c) => c.key)]);
      expect([kind, t.headerYear?.year]).toEqual([kind, YEAR - 1]);
    }
    const res = check(report);
    const years = res.findings.filter((f) => f.rule === "naming.year");
    // Warned where the year is known (the table's title, else the workbook's: a part title, a cover).
    expect(years.map((f) => [f.severity, f.message.replace(/^.*表头/, "表头")])).toEqual(
      report.tables
        .filter((t) => t.headerYear && (t.year ?? report.year))
        .map(() => [
          "warning",
          expect.stringMatching(new RegExp(`^表头年度为 ${YEAR - 1}，(标题|其他表)为 ${YEAR}`)),
        ])
    );
    expect(
      kinds({ ...res, findings: res.findings.filter((f) => f.rule !== "naming.year") })
    ).toEqual(kinds(plain));
    for (const id of ["within.row-basic-project", "hierarchy.total", "cross.three-public-economic"])
      expect([id, checked(res, id)]).toEqual([id, checked(plain, id)]);
  });

  const CHANGE: NonNullable<VariantOptions["changeAfter"]> = {
    prior: "上年预算数",
    change: "增减额",
    rate: "增减率",
    // 上年 = 3 × 本年: the rate −66.67 %, 本年 ÷ 上年 33.33 %, the sign reversed 66.67 % (at 2 × they coincide).
    priorTimes: 3,
  };

  test("NC15-12: an 增减额 column printing 上年 − 本年 on every line: one 错误 per column", () => {
    const report = importWorkbook(
      buildVariant(style, { changeAfter: { ...CHANGE, misform: "reversed" } }).grids
    );
    const res = check(report);
    const columns = report.tables.flatMap((t) => changeTriples(t).map((x) => x.change.col));
    expect(columns.length).toBeGreaterThan(0);
    const found = serious(res.findings);
    expect(found.map((f) => [f.rule, f.severity])).toEqual(
      columns.map(() => ["within.row-change", "error"])
    );
    for (const f of found) expect(f.message).toMatch(/方向相反：增减额应为 本年 − 上年/);
  });

  test.each([
    ["ratio", /各行都等于 本年 ÷ 上年（未减 1）/],
    ["negatedRate", /各行都等于 −（本年 − 上年）÷ 上年（符号相反）/],
  ] as const)(
    "NC15-12: a 增减率 column computed %s on every line: one 错误 per column",
    (misform, words) => {
      const report = importWorkbook(
        buildVariant(style, { changeAfter: { ...CHANGE, misform } }).grids
      );
      const res = check(report);
      const rates = report.tables.flatMap((t) => rateTriples(t));
      expect(rates.length).toBeGreaterThan(0);
      const found = serious(res.findings);
      expect(found.map((f) => [f.rule, f.severity])).toEqual(
        rates.map(() => ["within.row-change-rate", "error"])
      );
      for (const f of found) expect(f.message).toMatch(words);
    }
  );

  test("NC15-11: a 合计 captioned “三公”经费合计 holding 会议费 and 培训费 is an 错误; a bare 合计 holding them is not", () => {
    const extras = { meeting: 2, training: 6 };
    const wrong = check(
      importWorkbook(
        buildVariant(style, {
          threePublicExtras: { ...extras, inTotal: true, caption: "“三公”经费合计" },
        }).grids
      )
    );
    const found = serious(wrong.findings);
    // Printed last, under the items, the line reads as the 三公 小计 (hierarchy.parent-children: the items as well).
    expect(found.map((f) => f.rule)).toEqual([
      expect.stringMatching(/^hierarchy\.(total|parent-children)$/),
    ]);
    if (found[0].rule === "hierarchy.total")
      expect(found[0].message).toMatch(/“三公”经费各项之和.*不含会议费、培训费/);
    expect(found[0].difference).toBeCloseTo(style.threePublicUnit === "元" ? 80000 : 8, 6);
    for (const [inTotal, caption] of [
      [true, "合计"],
      [false, "“三公”经费合计"],
    ] as const) {
      const ok = check(
        importWorkbook(
          buildVariant(style, { threePublicExtras: { ...extras, inTotal, caption } }).grids
        )
      );
      expect(serious(ok.findings)).toEqual([]);
    }
  });

  test.each([
    ["abroad", /未列示因公出国（境）费（没有该项支出也应列示 0 或空）$/],
    ["items", /只列示了合计，未分项列示因公出国（境）费、公务用车购置及运行费、公务接待费$/],
  ] as const)("NC15-4: a “三公” table without its items (%s): one 警告", (drop, words) => {
    const report = importWorkbook(buildVariant(style, { threePublicDrop: drop }).grids);
    const found = serious(check(report).findings).filter(
      (f) => f.rule.startsWith("completeness.") && /三公|公务用车/.test(f.message)
    );
    expect(found.map((f) => [f.rule, f.severity])).toEqual([
      ["completeness.three-public-items", "warning"],
    ]);
    expect(found[0].message).toMatch(words);
    expect(plain.findings.filter((f) => f.rule === "completeness.three-public-items")).toEqual([]);
  });

  test("NC15-4: a caption lost in a PDF conversion (its column printing 0) is no item left out", () => {
    const report = importWorkbook(buildVariant(style, { threePublicDrop: "abroadCaption" }).grids);
    const found = check(report).findings.filter(
      (f) => f.rule === "completeness.three-public-items"
    );
    expect(found).toEqual([]);
  });
});
