/**
 * A 一般公共预算支出表 or 支出总表 printing a prior-year block before this year's (newcomer14 NC14-4): 2024年执行数 (or
 * 上年预算数 / 上年执行数) over 合计 | 基本支出 | 项目支出, then 2025年预算数 over the same three, with or without a 增减
 * band. The prior block holds the same within-table identities as this year's, at the same severity (错误, as the
 * 上年 band of a 上年 | 本年 | 增减 table and the 上年 column's hierarchy sums already were): 上年合计 = 上年基本 +
 * 上年项目 on every line, 类 = Σ 款 … in every column. It is never compared with another table. Before, without a 增减
 * band the line identity was not stated at all: a wrong 上年基本支出 showed only as its 款's sum, never on its line.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { CheckResult } from "../../src/core/rules/rule";
import type { SheetGrid } from "../../src/core/grid/grid";
import { STYLES, buildVariant, type VariantOptions } from "../fixtures/variants";
import { serious, table, soleSuspects, checkChanged } from "../helpers";

type Block = NonNullable<VariantOptions["priorBlock"]>;
const KINDS = ["general_budget_expenditure", "expenditure_summary"] as const;
const CAPTIONS = ["{Y}年执行数", "上年预算数", "上年执行数"];

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const delta = style.unit === "元" ? 70000 : 7;
  describe.each(KINDS.flatMap((kind) => [false, true].map((change) => [kind, change] as const)))(
    "%s with a prior block (增减 band: %s)",
    (kind, change) => {
      test.each(CAPTIONS)(
        "%s: read as last year's, every line and column checked, no finding",
        (caption) => {
          const opts: Block = { kind, caption, change };
          const plain = checkReport(importWorkbook(buildVariant(style).grids), { localize: false });
          const report = importWorkbook(buildVariant(style, { priorBlock: opts }).grids);
          const t = table(report, kind);
          expect(t.columns.map((c) => c.key)).toEqual(
            expect.arrayContaining(["prior", "prior_2", "prior_3", "total", "basic", "project"])
          );
          const result = checkReport(report, { localize: false });
          expect(serious(result.findings)).toEqual([]);
          const kinds = (r: CheckResult) => r.findings.map((f) => `${f.rule} ${f.severity}`).sort();
          expect(kinds(result)).toEqual(kinds(plain));
          // Every figure of the prior block is in a line identity and in a column (hierarchy) identity.
          const inRule = (...rules: string[]) =>
            new Set(
              result.identities
                .filter((i) => rules.includes(i.rule))
                .flatMap((i) => i.terms.map((x) => x.cell))
            );
          const rows = inRule("within.row-basic-project");
          const tree = inRule("hierarchy.total", "hierarchy.parent-children");
          const cells = t.rows.flatMap((r) =>
            ["prior", "prior_2", "prior_3"]
              .map((k) => r.amounts[k])
              .filter((a) => a && !a.blank && a.value !== 0)
              .map((a) => a.cell)
          );
          expect(cells.length).toBeGreaterThan(20);
          expect(cells.filter((c) => !rows.has(c))).toEqual([]);
          expect(cells.filter((c) => !tree.has(c))).toEqual([]);
        }
      );

      test("a 项 line's 上年基本支出 printed 7 万元 higher: 错误 on its line and in its 款, at that cell", () => {
        const opts: Block = { kind, caption: CAPTIONS[0], change };
        const bad = importWorkbook(
          buildVariant(style, { priorBlock: { ...opts, wrong: { code: "2010601", by: 7 } } }).grids
        );
        const t = table(bad, kind);
        const row = t.rows.find((r) => r.code === "2010601")!;
        const cell = row.amounts.prior_2.cell;
        const found = serious(checkReport(bad, { localize: false }).findings);
        const rules = found.map((f) => f.rule);
        expect(rules).toEqual(
          expect.arrayContaining(["within.row-basic-project", "hierarchy.parent-children"])
        );
        expect(found.every((f) => f.severity === "error" && f.cells.includes(cell))).toBe(true);
        // Never compared with another table: every finding is this table's.
        const sheet = cell.slice(0, cell.lastIndexOf("!"));
        expect(found.flatMap((f) => f.cells).every((c) => c.startsWith(sheet + "!"))).toBe(true);
      });

      test("each prior figure of a 项 line and of the 合计 line +7: a 错误 citing it, a cause names it alone", () => {
        const { grids } = buildVariant(style, {
          priorBlock: { kind, caption: CAPTIONS[1], change },
        });
        const report = importWorkbook(grids);
        const t = table(report, kind);
        const before = new Set(checkReport(report).findings.map((f) => f.message));
        const lines = t.rows.filter((r) => r.code === "2010601" || r.key === "total");
        const cells = lines.flatMap((r) =>
          ["prior", "prior_2", "prior_3"]
            .map((k) => r.amounts[k])
            .filter(Boolean)
            .map((a) => a.cell)
        );
        expect(cells).toHaveLength(6);
        for (const cell of cells)
          expect(changed(grids, cell, delta, before)).toEqual({ cell, seen: true, named: true });
      });
    }
  );
});

/** One figure changed by `delta`: whether a new 错误 cites it and whether a cause names it alone. */
function changed(grids: SheetGrid[], cell: string, delta: number, before: Set<string>) {
  const { res, found } = checkChanged(grids, cell, delta, before);
  return {
    cell,
    seen: found.some((f) => f.severity === "error" && f.cells.includes(cell)),
    named: soleSuspects(res).includes(cell),
  };
}
