/**
 * A figure only inequalities bound is told as the bound, not as a made-up middle (newcomer12 NC12-1): a 机关运行经费
 * above 公用经费 was “应为 99.30” (the middle of [0, 198.59]); a “三公” item below its 基本支出 line was “应为 454.53”
 * (the middle of [5.00, 904.05]). Now “应不超过 198.59” / “应不少于 5.00”: the least correction, at the printed bound
 * (without the rounding allowance). Figures an identity “=” fixes keep “应为”. Every template printing a 机关运行经费表.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { STYLES, buildVariant } from "../fixtures/variants";
import { bump } from "../fixtures/grid-edit";

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

/**
 * A figure an identity "=" fixes, which an inequality also bounds on one side (a “三公” item ≥ 0, or ≥ its economic
 * line): “应为” the figure the identity fixes, not the middle of what the inequality leaves of its rounding allowance
 * (公务接待费 3.00 against a 合计 that needs 2.00 was “应为 2.01”: newcomer13 NC13-11). Every template.
 */
describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  test("公务接待费 printed 10 higher: where it is suspected, 应为 its figure exactly", () => {
    const v = buildVariant(style);
    const table = importWorkbook(v.grids).tables.find((t) => t.kind === "three_public")!;
    const reception = table.rows.find((r) => r.key === "reception")!;
    const [key, amount] = Object.entries(reception.amounts).find(([, a]) => a.value)!;
    bump(v.grids, amount.cell, 10);
    const result = checkReport(importWorkbook(v.grids));
    const suspects = result.causes
      .flatMap((c) => [c.suspects, ...c.alternatives])
      .flat()
      .filter((s) => s.cell === amount.cell);
    expect(suspects.length).toBeGreaterThan(0);
    for (const s of suspects) expect([key, s.value]).toEqual([key, amount.value]);
  });
});
