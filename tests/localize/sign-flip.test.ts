/**
 * A 增减额 typed with its sign reversed (tester32 T32-17): the 本年数, the 上年数 and the 增减额 each alone make
 * 本年 = 上年 + 增减 hold again, but only the 增减额 needs no figure invented (the same digits, the sign turned); it is
 * ranked first and said so (符号疑写反). Generated variants whose “三公” table prints 上年 | 本年 | 增减.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { isRateOrChange } from "../../src/core/model/schema";
import { mutate } from "../../bench/localization";
import { STYLES, buildVariant } from "../fixtures/variants";

describe.each(STYLES.map((s) => [s.name, s] as const))("%s", (_n, style) => {
  test("every nonzero 增减 of the “三公” table with its sign reversed: that cell first, 符号疑写反", () => {
    const { grids } = buildVariant(style, { threePublicBands: true });
    const t = importWorkbook(grids).tables.find((x) => x.kind === "three_public")!;
    const changes = t.rows.flatMap((r) =>
      Object.entries(r.amounts)
        .filter(([k, a]) => isRateOrChange(k) && !k.startsWith("ratio") && a.value && a.cell)
        .map(([, a]) => a)
    );
    expect(changes.length).toBeGreaterThan(0);
    for (const a of changes) {
      const res = checkReport(importWorkbook(mutate(grids, a.cell, -2 * a.value!)));
      const c = res.causes.find((x) =>
        [...x.suspects, ...x.alternatives.flat()].some((s) => s.cell === a.cell)
      );
      expect(c).toBeDefined();
      expect(c!.suspects.map((s) => s.cell)).toEqual([a.cell]);
      expect(c!.message).toContain("符号疑写反");
    }
  });
});
