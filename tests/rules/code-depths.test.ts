/**
 * The 支出总表 and the 一般公共预算支出表 printing the functional 科目 to different depths (newcomer7 3b: 类 and 项
 * without 款, only 项, or no 项): every figure agrees, but cross.code-sets / cross.gov-fund-codes compared the sets
 * of printed codes and reported every 款 (类) one table leaves out as a missing 科目 — a false 错误. A 项 implies its 款
 * and 类; a 款 printed with nothing under it is completeness.functional-depth's 警告, not a missing 科目. For every
 * generated template with codes (names-only tables without 款 lines cannot be read as a tree: not this case).
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { parseRef } from "../../src/core/grid/address";
import { STYLES, buildVariant, type VariantOptions } from "../fixtures/variants";
import { serious } from "../helpers";

type Levels = NonNullable<VariantOptions["levelsOf"]>;

describe.each(STYLES.filter((s) => s.codeLayout !== "names").map((s) => [s.name, s] as const))(
  "variant %s",
  (_n, style) => {
    const run = (levelsOf: Levels) =>
      buildVariant(style, { govFund: { amount: 30 }, levelsOf }).grids;

    test.each([
      ["expenditure_summary", [3, 7]],
      ["expenditure_summary", [7]],
      ["general_budget_expenditure", [3, 7]],
      ["general_budget_expenditure", [7]],
    ] as const)("%s printing only the code lengths %j: no finding", (kind, lengths) => {
      const rep = importWorkbook(run({ kind, lengths: [...lengths] }));
      expect(serious(checkReport(rep).findings)).toEqual([]);
    });

    test.each(["expenditure_summary", "general_budget_expenditure"] as const)(
      "%s without 项 lines: the depth 警告 only, no missing 科目",
      (kind) => {
        const rep = importWorkbook(run({ kind, lengths: [3, 5] }));
        expect(serious(checkReport(rep).findings).map((f) => f.rule)).toEqual([
          "completeness.functional-depth",
        ]);
      }
    );

    test("a 项 the 支出总表 (类 and 项 only) really leaves out is still a missing 科目", () => {
      const grids = run({ kind: "expenditure_summary", lengths: [3, 7] });
      const t3 = importWorkbook(grids).tables.find((t) => t.kind === "expenditure_summary")!;
      const line = t3.rows.find((r) => r.code === "2010650")!;
      const { sheet, r0 } = parseRef(line.labelCell);
      const g = grids.find((x) => x.sheet === sheet)!;
      g.values[r0] = g.values[r0].map(() => "");
      g.text[r0] = g.text[r0].map(() => "");
      const found = checkReport(importWorkbook(grids)).findings.filter(
        (f) => f.rule === "cross.code-sets"
      );
      expect(found.map((f) => f.severity)).toEqual(["error"]);
      expect(found[0].message).toContain("2010650");
    });
  }
);
