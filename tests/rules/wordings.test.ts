/**
 * Other templates' wordings of the same columns and lines, in every generated template: the 财政拨款 sources worded
 * 一般公共预算财政拨款收入 / 财政拨款（一般公共预算）/ 本年… (北京, 湖南, 四川), a 财政拨款 小计 band in the 收入总表 (上海),
 * the 三公 items worded 出国费 / 车辆… / 公务车… / 接待费, and a 支出总表 in 上年 / 本年 / 增减 bands with a 增减率 printed
 * as text. Each is read as the standard wording: a correct workbook raises nothing, a changed figure is found at its cell,
 * and a column no alias knows keeps the row sum from running instead of raising a false 错误 on every row.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Finding } from "../../src/core/rules/rule";
import { STYLES, buildVariant, type VariantOptions } from "../fixtures/variants";
import { mutate } from "../../bench/localization";
import { table } from "../helpers";

const serious = (fs: Finding[]) =>
  fs
    .filter((f) => f.severity === "error" || f.severity === "warning")
    .map((f) => `${f.rule} ${f.message}`);
/** A figure change of 45 万元 in the style's unit. */
const delta = (unit: string) => (unit === "元" ? 450000 : 45);

const SOURCE_WORDINGS: Array<[string, string, string]> = [
  ["一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "国有资本经营预算财政拨款收入"],
  ["一般公共预算拨款收入", "政府性基金预算拨款收入", "国有资本经营预算拨款收入"],
  ["财政拨款（一般公共预算）", "财政拨款（政府性基金）", "财政拨款（国有资本经营预算）"],
  [
    "本年一般公共预算财政拨款收入",
    "本年政府性基金预算财政拨款收入",
    "本年国有资本经营预算财政拨款收入",
  ],
  ["一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"],
];

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  describe.each(SOURCE_WORDINGS.map((w) => [w[0], w] as const))(
    "sources worded %s",
    (_w, words) => {
      const opts: VariantOptions = { sourceWords: words, govFund: { amount: 30 } };
      const { grids } = buildVariant(style, opts);
      const report = importWorkbook(grids);

      test("read as the three sources: nothing to report", () => {
        expect(table(report, "income_summary").columns.map((c) => c.key)).toEqual(
          expect.arrayContaining(["general", "gov_fund", "state_capital"])
        );
        const summary = table(report, "income_expenditure_summary");
        expect(summary.rows.filter((r) => r.side === "income").map((r) => r.key)).toEqual(
          expect.arrayContaining(["src_general", "src_gov_fund", "src_state_capital"])
        );
        expect(serious(checkReport(report, { localize: false }).findings)).toEqual([]);
      });

      test("the 收支总表's 一般公共预算 line changed: found at its cell", () => {
        const cell = table(report, "income_expenditure_summary").rows.find(
          (r) => r.key === "src_general"
        )!.amounts.total.cell;
        const found = checkReport(importWorkbook(mutate(grids, cell, delta(style.unit))), {
          localize: false,
        }).findings.filter((f) => f.severity === "error");
        expect(found.some((f) => f.cells.includes(cell))).toBe(true);
        expect(found.filter((f) => f.rule === "within.row-sources")).toEqual([]);
      });
    }
  );

  test("a source column no alias knows: the row sum is not applicable (with the reason), never a 错误 per row", () => {
    const { grids } = buildVariant(style, {
      sourceWords: ["一般公共预算", "甲类专项资金", "国有资本经营预算"],
      govFund: { amount: 30 },
    });
    const result = checkReport(importWorkbook(grids), { localize: false });
    expect(result.findings.filter((f) => f.rule === "within.row-sources")).toEqual([]);
    const reasons = result.perRule.find((r) => r.id === "within.row-sources")!.reasons.join("\n");
    expect(reasons).toMatch(/未能识别的金额列「[^」]*甲类专项资金」/);
  });

  test("收入总表 with a 财政拨款 小计 band and 上年结转 in its 合计 (上海): nothing more to report, a changed 上年结转 found", () => {
    const st = { ...style, mixedFunds: true };
    const { grids } = buildVariant(st, { fiscalBand: true });
    const report = importWorkbook(grids);
    const t2 = table(report, "income_summary");
    expect(t2.columns.map((c) => c.key)).toEqual(
      expect.arrayContaining(["total", "fiscal", "general", "carryover"])
    );
    // The same findings as the workbook without the band (some templates forced to 单位资金 / 上年结转 have their own).
    const base = checkReport(report, { localize: false });
    expect(serious(base.findings)).toEqual(
      serious(checkReport(importWorkbook(buildVariant(st).grids), { localize: false }).findings)
    );
    expect(
      base.findings.filter((f) => f.rule.startsWith("within.") || f.rule.startsWith("hierarchy."))
    ).toEqual([]);
    const cell = t2.rows.find(
      (r) => r.amounts.carryover && !r.amounts.carryover.blank && r.level === 3
    )!.amounts.carryover.cell;
    const after = checkReport(importWorkbook(mutate(grids, cell, delta(st.unit))), {
      localize: false,
    }).findings;
    expect(after.some((f) => f.rule === "within.row-sources" && f.cells.includes(cell))).toBe(true);
  });

  test.each(["单位资金", "非财政拨款资金", "其他资金", "单位自有资金"])(
    "收入总表 with a %s band over its own 小计 (山东, 云南): read as 单位资金 and its parts, a changed part found",
    (band) => {
      const st = { ...style, mixedFunds: true };
      const { grids } = buildVariant(st, { unitBand: band });
      const report = importWorkbook(grids);
      const t2 = table(report, "income_summary");
      // The band's 小计 is 单位资金 (never 财政拨款, never 其他收入); the parts keep their own keys.
      expect(t2.columns.filter((c) => c.label.startsWith(band)).map((c) => c.key)).toEqual([
        "unit_funds",
        "business",
        "operating",
        "other",
      ]);
      const base = checkReport(report, { localize: false });
      expect(serious(base.findings)).toEqual(
        serious(checkReport(importWorkbook(buildVariant(st).grids), { localize: false }).findings)
      );
      expect(
        base.findings.filter((f) => f.rule.startsWith("within.") || f.rule.startsWith("hierarchy."))
      ).toEqual([]);
      const cell = t2.rows.find(
        (r) => r.amounts.business && !r.amounts.business.blank && r.level === 3
      )!.amounts.business.cell;
      const after = checkReport(importWorkbook(mutate(grids, cell, delta(st.unit))), {
        localize: false,
      }).findings;
      expect(
        after.find((f) => f.rule === "within.row-sources" && f.cells.includes(cell))?.message
      ).toMatch(new RegExp(`「${band}小计」.*≠ 事业收入 \\+ 事业单位经营收入 \\+ 其他收入`));
    }
  );

  describe.each([
    [
      "出国费 / 车辆… / 接待费",
      ["出国费", "车辆购置及运行费", "车辆购置费", "车辆运行费", "接待费"],
    ],
    [
      "公务车…",
      ["因公出国（境）经费", "公务车购置及运行费", "公务车购置", "公务车运行维护", "公务接待"],
    ],
    [
      "公务用车…维护费",
      [
        "因公出国（境）费用",
        "公务用车购置及运行维护费",
        "公务用车购置费",
        "公务用车运行维护费",
        "公务接待费",
      ],
    ],
  ] as const)("三公 items worded %s", (_w, words) => {
    const { grids, expected } = buildVariant(style, { threePublicWords: [...words] });
    const report = importWorkbook(grids);

    test("read as the 三公 items: nothing to report", () => {
      expect(table(report, "three_public").rows.map((r) => r.key)).toEqual(
        expect.arrayContaining([
          "abroad",
          "vehicle",
          "vehicle_purchase",
          "vehicle_operation",
          "reception",
        ])
      );
      expect(serious(checkReport(report, { localize: false }).findings)).toEqual([]);
    });

    test("the 三公 合计 changed: a 错误 at its cell", () => {
      const cell = expected.find((e) => e.kind === "three_public")!.totalCell!;
      const found = checkReport(
        importWorkbook(mutate(grids, cell, style.threePublicUnit === "元" ? 70000 : 7)),
        { localize: false }
      ).findings;
      expect(
        found.some(
          (f) => f.severity === "error" && f.rule.startsWith("hierarchy.") && f.cells.includes(cell)
        )
      ).toBe(true);
    });
  });

  describe("支出总表 in 上年 / 本年 / 增减 bands with a 增减率 printed as text", () => {
    const { grids } = buildVariant(style, { changeBands: true });
    const report = importWorkbook(grids);
    const t3 = table(report, "expenditure_summary");

    test("the bands and the rate are read: nothing to report, every band's 本年 = 上年 + 增减 checked", () => {
      expect(t3.columns.map((c) => c.key)).toEqual([
        "prior",
        "prior_2",
        "prior_3",
        "total",
        "basic",
        "project",
        "change",
        "change_2",
        "change_3",
        "ratio",
      ]);
      const result = checkReport(report, { localize: false });
      expect(serious(result.findings)).toEqual([]);
      const checked = new Set(
        result.identities
          .filter((i) => i.rule === "within.row-change")
          .flatMap((i) => i.terms.map((x) => x.cell))
      );
      for (const k of ["change", "change_2", "change_3"])
        expect(t3.rows.some((r) => r.amounts[k] && checked.has(r.amounts[k].cell))).toBe(true);
    });

    test.each([
      ["基本支出", "change_2", /上年预算数基本支出 \+ 增减基本支出/],
      ["合计", "change", /上年预算数合计 \+ 增减合计/],
    ])(
      "a 项's 增减 of the %s band changed: row-change at that cell, the columns named with their band",
      (_b, key, words) => {
        const cell = t3.rows.find((r) => r.level === 3 && r.amounts[key] && !r.amounts[key].blank)!
          .amounts[key].cell;
        const found = checkReport(importWorkbook(mutate(grids, cell, delta(style.unit))), {
          localize: false,
        }).findings.filter((f) => f.rule === "within.row-change");
        expect(found.length).toBe(1);
        expect(found[0].cells).toContain(cell);
        expect(found[0].message).toMatch(words);
      }
    );
  });
});
