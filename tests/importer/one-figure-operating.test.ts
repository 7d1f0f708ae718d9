/**
 * A 机关运行经费表 printed as one figure (tester33 T33-17): the title 2025年机关运行经费预算表, a 单位 line, one caption
 * (机关运行经费 / 机关运行经费预算数 / 金额 / 合计) and the one amount under it — or 项目 | 金额 over its one line
 * 机关运行经费. In every generated style (laid-across ones print it beside their 三公 table's 机关运行经费 column): the table
 * is read, its figure is the 机关运行经费 compared with 公用经费, and a figure above 公用经费 is found.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Finding } from "../../src/core/rules/rule";
import { STYLES, buildVariant } from "../fixtures/variants";
import { serious, table } from "../helpers";

const lines = (fs: Finding[]) => serious(fs).map((f) => `${f.rule} ${f.message}`);

const FORMS = [
  ["column", "机关运行经费"],
  ["column", "机关运行经费预算数"],
  ["column", "金额"],
  ["column", "合计"],
  ["rows", "机关运行经费"],
] as const;

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const factor = style.unit === "元" ? 10000 : 1;
  test.each(FORMS)(
    "one-figure 机关运行经费表 (%s, caption or line %s): read as the table's total, compared with 公用经费",
    (form, label) => {
      const report = importWorkbook(
        buildVariant(style, { operatingFunds: { label, form, amount: 60 } }).grids
      );
      expect(report.unrecognized.filter((u) => u.kind === "operating_funds")).toEqual([]);
      const t = table(report, "operating_funds");
      expect(t.rows.map((r) => [r.key, r.level, r.amounts.total?.value])).toEqual([
        ["total", 0, 60 * factor],
      ]);
      const result = checkReport(report, { localize: false });
      expect(lines(result.findings)).toEqual([]);
      expect(
        result.perRule.find((p) => p.id === "cross.operating-public")!.checked
      ).toBeGreaterThan(0);
      const pub = table(report, "basic_expenditure_economic").rows.find((r) => r.key === "total")!
        .amounts.public.value!;
      const over = checkReport(
        importWorkbook(
          buildVariant(style, {
            operatingFunds: { label, form, amount: pub / factor + 1920 },
          }).grids
        ),
        { localize: false }
      );
      expect(serious(over.findings).map((f) => [f.rule, f.actual])).toEqual([
        ["cross.operating-public", pub + 1920 * factor],
      ]);
    }
  );
});
