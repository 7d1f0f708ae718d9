/**
 * An exchange that keeps every total ranks first among explanations of as many cells (tester31 T31-26): the “三公”
 * table's 公务接待费 and 公务用车运行维护费 printed in each other's place (the 公务用车 小计 following its 运行费), the
 * 合计 right. Three cells set back to each other's figures explain the disagreement with the 基本支出经济分类表 as well
 * as "raise the 合计 and the 运行费", but the exchange invents no figure: it is said first. Generated in every template.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { loadSolver } from "../../src/cli/solver";
import { mutate } from "../../bench/localization";
import { STYLES, buildVariant } from "../fixtures/variants";

describe.each(STYLES.map((s) => [s.name, s] as const))("%s", (_n, style) => {
  test("T31-26: 公务接待费 ↔ 运行费 (小计 following) exchanged: the exchange first", async () => {
    const { grids } = buildVariant(style);
    const t = importWorkbook(grids).tables.find((x) => x.kind === "three_public")!;
    const at = (p: (label: string) => boolean) => t.rows.find((r) => p(r.label))!.amounts.total;
    const hosting = at((l) => l.includes("接待"));
    const running = at((l) => l.includes("运行维护") || /^运行费/.test(l));
    const car = at((l) => l.includes("购置及运行"));
    const d = running.value! - hosting.value!;
    const g = mutate(mutate(mutate(grids, hosting.cell, d), running.cell, -d), car.cell, -d);
    const res = checkReport(importWorkbook(g), {
      localize: { solver: await loadSolver(), budgetMs: 60000 },
    });
    const cause = res.causes.find((c) => c.suspects.some((s) => s.cell === running.cell))!;
    expect(cause).toBeDefined();
    const said = (s: { cell: string; value: number }) => `${s.cell}=${s.value}`;
    expect(cause.suspects.map(said).sort()).toEqual(
      [
        `${hosting.cell}=${hosting.value}`,
        `${running.cell}=${running.value}`,
        `${car.cell}=${car.value}`,
      ].sort()
    );
  });
});
