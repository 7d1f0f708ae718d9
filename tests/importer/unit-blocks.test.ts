/**
 * 单位预算汇总 tables (收入总表, 支出总表, 一般公共预算支出表) printing each 单位 line followed by that 单位's own 类 /
 * 款 / 项 lines. Read flat, the 单位 lines and their 类 lines were all first-level lines (「合计」 ≠ 各一级行之和 at twice
 * the total) and the first 单位's 201 was taken for the department's in the by-code cross checks (newcomer 6, [1]:
 * c05–c09). Every generated template: with the 单位 lines printing their figures, as captions without figures, and under
 * a 部门 line; then one misprinted 项 of one 单位, reported at its own cells only. A 部门汇总 block first (the
 * department's line and its own 类 / 款 / 项 lines, then the 单位 blocks) read as three 单位 (「合计」 ≠ 各一级行之和 at
 * twice the total): now its lines are the department's, its line a memo of the 合计, and 合计 = Σ 单位.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { STYLES, UNIT_BLOCKS, buildVariant, type VariantOptions } from "../fixtures/variants";

const serious = (r: ReturnType<typeof checkReport>) =>
  r.findings.filter((f) => f.severity === "error" || f.severity === "warning");
const KINDS = ["income_summary", "expenditure_summary", "general_budget_expenditure"] as const;

const report = (unitBlocks: VariantOptions["unitBlocks"]) => (style: (typeof STYLES)[number]) =>
  importWorkbook(buildVariant(style, { unitBlocks }).grids);

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  test("each 单位 line heads its own 类 lines, which are that 单位's, not the department's: no finding", () => {
    const rep = report({})(style);
    for (const kind of KINDS) {
      const t = rep.tables.find((x) => x.kind === kind)!;
      const units = t.rows.filter((r) => UNIT_BLOCKS.some((u) => r.label.trim() === u));
      expect(units.map((r) => r.level)).toEqual([1, 1]);
      const classes = t.rows.filter((r) => r.code?.length === 3);
      expect(classes.length).toBeGreaterThan(0);
      expect(classes.every((r) => r.level === 2 && !!r.ofUnit)).toBe(true);
    }
    expect(serious(checkReport(rep))).toEqual([]);
  });

  test("单位 lines printed as captions without figures: no finding", () => {
    expect(serious(checkReport(report({ caption: true })(style)))).toEqual([]);
  });

  test("a 部门 line over the 单位 lines (部门 = Σ 单位): no finding", () => {
    const rep = report({ dept: true })(style);
    const t = rep.tables.find((x) => x.kind === "expenditure_summary")!;
    expect(
      t.rows.filter((r) => UNIT_BLOCKS.some((u) => r.label.trim() === u)).map((r) => r.level)
    ).toEqual([2, 2]);
    expect(serious(checkReport(rep))).toEqual([]);
  });

  test("one 单位's 项 misprinted: only its 款 ≠ Σ 项 in each table, the cause among that 款's 项", () => {
    const rep = report({ bump: { unit: 0, code: "2010601", by: 1 } })(style);
    const result = checkReport(rep);
    const found = serious(result);
    expect(found.length).toBeGreaterThan(0);
    const lines = KINDS.flatMap((kind) =>
      rep.tables
        .find((x) => x.kind === kind)!
        .rows.filter((r) => r.code?.startsWith("20106") && r.ofUnit === UNIT_BLOCKS[0])
    );
    const cellsOf = (rows: typeof lines) =>
      new Set(rows.flatMap((r) => Object.values(r.amounts).map((a) => a.cell)));
    const bumped = cellsOf(lines.filter((r) => r.code === "2010601"));
    const block = cellsOf(lines);
    for (const f of found) {
      expect(f.rule).toBe("hierarchy.parent-children");
      expect(f.cells.some((c) => bumped.has(c))).toBe(true);
      // Named with its 单位: 20106 is printed under both.
      expect(f.message).toContain(`「${UNIT_BLOCKS[0]} 20106`);
    }
    // Each cause proposes cells of that 单位's 20106 lines only (the misprinted 项 first, or alone when other tables
    // or the printed decimals tell it from its sibling).
    const proposed = result.causes.flatMap((c) =>
      [c.suspects, ...c.alternatives].flat().map((x) => x.cell)
    );
    expect(proposed.some((c) => bumped.has(c))).toBe(true);
    expect(proposed.every((c) => block.has(c))).toBe(true);
  });

  test("a 部门汇总 block before the 单位 blocks: its lines are the department's, 合计 = Σ 单位, no finding", () => {
    const rep = report({ summary: true })(style);
    for (const kind of KINDS) {
      const t = rep.tables.find((x) => x.kind === kind)!;
      const [dept, ...units] = t.rows.filter((r) => r.level === 1);
      expect(dept).toMatchObject({ partial: true });
      expect(units.map((r) => r.label.trim())).toEqual([...UNIT_BLOCKS]);
      const classes = t.rows.filter((r) => r.code?.length === 3);
      // The department's 类 under its line, then each 单位's.
      expect(classes.filter((r) => !r.ofUnit).map((r) => r.level)).toEqual([2, 2, 2, 2]);
      expect(classes.filter((r) => r.ofUnit).every((r) => r.level === 2)).toBe(true);
    }
    expect(serious(checkReport(rep))).toEqual([]);
  });

  test("a 部门汇总 block, every line a caption without figures: no finding", () => {
    expect(serious(checkReport(report({ summary: true, caption: true })(style)))).toEqual([]);
  });

  test("the 部门汇总's 项 misprinted: its 款 ≠ Σ 项, at the department's lines, no 单位 named", () => {
    const rep = report({ summary: true, summaryBy: { code: "2010601", by: 1 } })(style);
    const found = serious(checkReport(rep));
    expect(found.length).toBeGreaterThan(0);
    const bumped = new Set(
      KINDS.flatMap((kind) =>
        rep.tables
          .find((x) => x.kind === kind)!
          .rows.filter((r) => r.code === "2010601" && !r.ofUnit)
          .flatMap((r) => Object.values(r.amounts).map((a) => a.cell))
      )
    );
    for (const f of found) {
      expect(f.cells.some((c) => bumped.has(c))).toBe(true);
      expect(UNIT_BLOCKS.some((u) => f.message.includes(u))).toBe(false);
    }
    expect(found.map((f) => f.rule)).toContain("hierarchy.parent-children");
  });

  test("a 部门汇总 block and one 单位's 项 misprinted: only that 单位's 款 ≠ Σ 项, named with the 单位", () => {
    const rep = report({ summary: true, bump: { unit: 1, code: "2010602", by: 1 } })(style);
    const found = serious(checkReport(rep));
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      expect(f.rule).toBe("hierarchy.parent-children");
      expect(f.message).toContain(`「${UNIT_BLOCKS[1]} 20106`);
    }
  });
});
