/**
 * What a MIP cause may hold (tester31 T31-9, T31-20): no more than MIP_MAX_CAUSE_CELLS cells — a larger set of changes
 * is no story a reviewer can check, its findings stay listed without a cause. Generated in every template whose 支出总表
 * prints 基本支出 by economic class with a 小计 column: two 项 lines (住房公积金, 行政单位医疗) typed over in 合计, 基本支出
 * 小计 and 工资福利支出 with their 款 and 类 lines (the 合计 row right), one set of 18 changes joined by the 合计 row.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { loadSolver } from "../../src/cli/solver";
import { MIP_MAX_CAUSE_CELLS } from "../../src/core/localize/localize";
import type { Row } from "../../src/core/model/schema";
import { mutate } from "../../bench/localization";
import { STYLES, buildVariant } from "../fixtures/variants";

/** The 项 line of `code` with its 款 and 类 lines. */
function chain(rows: Row[], code: string): Row[] | undefined {
  const k = rows.findIndex((r) => r.code === code);
  if (k < 0) return undefined;
  const kuan = rows
    .slice(0, k)
    .reverse()
    .find((r) => r.level === 2);
  const lei = rows
    .slice(0, k)
    .reverse()
    .find((r) => r.level === 1);
  return kuan && lei ? [rows[k], kuan, lei] : undefined;
}

const CODES = ["2210201", "2101101"];
const OPTS = { basicByEconomic: "subtotal" as const };
const styles = STYLES.filter((s) => {
  const t = importWorkbook(buildVariant(s, OPTS).grids).tables.find(
    (x) => x.kind === "expenditure_summary"
  );
  return t && CODES.every((c) => chain(t.rows, c));
});

test("templates whose 支出总表 prints the two chains", () => {
  expect(styles.length).toBeGreaterThan(3);
});

describe.each(styles.map((s) => [s.name, s] as const))("%s", (_n, style) => {
  test("two 项 chains typed over in three columns: no cause of more than 10 cells, the findings left plain", async () => {
    const { grids } = buildVariant(style, OPTS);
    const t = importWorkbook(grids).tables.find((x) => x.kind === "expenditure_summary")!;
    const changed = CODES.flatMap((code) =>
      chain(t.rows, code)!.flatMap((r) =>
        Object.values(r.amounts)
          .filter((a) => a.value)
          .map((a) => a.cell)
      )
    );
    expect(changed.length).toBeGreaterThan(MIP_MAX_CAUSE_CELLS);
    const d = -0.18 * (style.unit === "元" ? 10000 : 1);
    const g = changed.reduce((x, c) => mutate(x, c, d), grids);
    const res = checkReport(importWorkbook(g), {
      localize: { solver: await loadSolver(), budgetMs: 60000 },
    });
    for (const c of res.causes)
      for (const s of [c.suspects, ...c.alternatives])
        expect(s.length).toBeLessThanOrEqual(MIP_MAX_CAUSE_CELLS);
    // The findings citing the changed cells are still listed: as plain findings or under a smaller cause.
    const cited = res.findings.map((f, i) => ({ f, i })).filter(({ f }) => f.severity === "error");
    expect(cited.length).toBeGreaterThan(0);
    const explained = new Set(res.causes.flatMap((c) => c.explains));
    for (const { i } of cited)
      expect(explained.has(i) || res.localization.unexplained.includes(i)).toBe(true);
  });
});
