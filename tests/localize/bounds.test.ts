/**
 * A figure only inequalities bound is told as the bound, not as a made-up middle (newcomer12 NC12-1): a 机关运行经费
 * above 公用经费 was “应为 99.30” (the middle of [0, 198.59]); a “三公” item below its 基本支出 line was “应为 454.53”
 * (the middle of [5.00, 904.05]). Now “应不超过 198.59” / “应不少于 5.00”: the least correction, at the printed bound
 * (without the rounding allowance). Figures an identity “=” fixes keep “应为”. Every template printing a 机关运行经费表.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { STYLES, buildVariant } from "../fixtures/variants";

describe.each(STYLES.filter((s) => !s.threePublicAcross).map((s) => [s.name, s] as const))(
  "variant %s",
  (_n, style) => {
    test("机关运行经费 10 above 公用经费: its cell 应不超过 公用经费, as printed", () => {
      const scale = style.unit === "元" ? 10000 : 1;
      const plain = importWorkbook(buildVariant(style).grids);
      const pub = plain.tables
        .find((t) => t.kind === "basic_expenditure_economic")!
        .rows.find((r) => r.key === "total")!.amounts.public.value!;
      const result = checkReport(
        importWorkbook(
          buildVariant(style, {
            operatingFunds: { label: "机关运行经费", amount: pub / scale + 10 },
          }).grids
        )
      );
      const cause = result.causes.find((c) =>
        c.explains.some((i) => result.findings[i].rule === "cross.operating-public")
      )!;
      // With its 一般公共预算 column (= 合计), which follows it: “应为” the same figure.
      expect(cause.suspects[0]).toMatchObject({
        relation: "≤",
        value: pub,
        printed: pub + 10 * scale,
      });
      expect(cause.message).toMatch(/应不超过/);
    });
  }
);
