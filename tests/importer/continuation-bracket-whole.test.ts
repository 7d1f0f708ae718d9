/**
 * tester34 T34-1: a 续表 sheet (no title, no 单位 line: the T33-9 layout) of a 支出总表 printed in 千元 (whole figures,
 * '#,##0') with its codes printed “[2130101]行政运行” was read as a 支出经济分类总表: the bracketed code was not seen
 * and whole amounts in the next cell (355, 393, 524 …) counted as 经济分类 codes (3xx / 5xx). Not joined, it gave a
 * clean workbook 7 false 错误. In every template with bracketed codes, in 千元: the continuation is joined to its
 * table and the workbook gives the findings it gives with its 单位 line printed.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { SheetGrid } from "../../src/core/grid/grid";
import type { TableKind } from "../../src/core/model/schema";
import { displayText } from "../../src/core/grid/display";
import { joinedKinds } from "../helpers";
import { STYLES, buildVariant, type Style } from "../fixtures/variants";

const CONTINUED: TableKind[] = ["expenditure_summary"];

/**
 * The workbook in 千元: every figure printing decimals ×10 as a whole number under '#,##0', every 万元 printed in a
 * unit line 千元. `factor` scales the figures further (whole 千元 figures beginning 3 / 5 that look like 经济分类 codes).
 */
const inThousands = (grids: SheetGrid[], factor = 1) =>
  grids.map((g) => {
    const values = g.values.map((r) => [...r]);
    const text = g.text.map((r) => [...r]);
    const numberFormat = g.numberFormat.map((r) => [...r]);
    values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (typeof v === "number" && /0\.0+/.test(numberFormat[r][c] ?? "")) {
          const n = Math.round(v * 10 * factor);
          values[r][c] = n;
          numberFormat[r][c] = "#,##0";
          text[r][c] = displayText(n, "#,##0");
        } else if (typeof v === "string" && /单位[:：]\s*万元/.test(v)) {
          values[r][c] = v.replace("万元", "千元");
          text[r][c] = text[r][c].replace("万元", "千元");
        }
      })
    );
    return { ...g, values, text, numberFormat };
  });

/**
 * The continuation sheets as the 广西 export prints them: no title and no meta line (单位名称, 单位：千元), the table's
 * label with （续） in A1 (表3（续）, the sheet's name too), then the header repeated and the body's second half.
 */
const untitledContinuations = (grids: SheetGrid[]) =>
  grids.map((g) => {
    if (!/续/.test(g.sheet)) return g;
    const label = /^表\d+/.exec(g.sheet)?.[0] ?? "表3";
    const drop = (t: unknown) =>
      typeof t === "string" && (/（续）/.test(t) || /单位[:：]|单位名称|编制/.test(t));
    const values = g.values.map((r) => r.map((v) => (drop(v) ? "" : v)));
    const text = g.text.map((r, i) => r.map((t, j) => (drop(g.values[i][j]) ? "" : t)));
    values[0][0] = text[0][0] = `${label}（续）`;
    return { ...g, sheet: `${label}（续）`, values, text };
  });

/** Every template with its codes printed “[2010601]行政运行” and its figures as numbers. */
const styles = STYLES.filter((s) => !s.stacked).map(
  (s) =>
    [
      s.name,
      {
        ...s,
        unit: "万元",
        threePublicUnit: "万元",
        textAmounts: false,
        codeLayout: "bracket",
      } as Style,
    ] as const
);

describe.each(styles)("variant %s", (_n, style) => {
  test.each([1, 1.5, 1.7])(
    "a 千元 续表 sheet (figures ×%s) with bracketed codes is joined; the same findings as with its unit line",
    (factor) => {
      const { grids } = buildVariant(style, { continued: { kinds: CONTINUED, named: true } });
      const whole = inThousands(grids, factor);
      const printed = checkReport(importWorkbook(whole), { localize: false });
      const report = importWorkbook(untitledContinuations(whole));
      expect(
        report.tables.filter((t) => t.kind === "expenditure_economic" && !t.title.includes("经济"))
      ).toEqual([]);
      for (const kind of CONTINUED)
        expect(
          report.tables.filter((t) => t.kind === kind).map((t) => t.continued?.length)
        ).toEqual([1]);
      expect(joinedKinds(checkReport(report, { localize: false }))).toEqual(joinedKinds(printed));
    }
  );
});
