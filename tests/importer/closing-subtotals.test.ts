/**
 * Group totals printed below their lines (tester29 T29-13 / T29-15): a 项目支出表 by unit (a unit line without figures,
 * its projects, then 小计) and a 基本支出经济分类表 by class (a class line without figures, its items, then 小计). The
 * 小计 closes its group: it is the group's total, not a line beside its items (read so, 合计 ≠ 各一级行之和 by the
 * whole list, and 小计 taken for a project without a 绩效目标表). For every generated template, with the 合计 first or
 * last as the template prints it: the clean workbook has no finding the same workbook with its totals above its lines
 * lacks, and a wrong item is its group's 错误 citing the item and the 小计, with 合计 = Σ 小计 still holding.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { checkedProjectLines } from "../../src/core/rules/projects";
import type { Finding } from "../../src/core/rules/rule";
import type { Row, Table } from "../../src/core/model/schema";
import type { SheetGrid } from "../../src/core/grid/grid";
import { DEPT, SECOND_UNIT, STYLES, buildVariant } from "../fixtures/variants";
import { mutate } from "../../bench/localization";

/** Findings as counts of severity + rule (cells move: the lines are not where the other layout prints them). */
const tally = (fs: Finding[]) => {
  const m = new Map<string, number>();
  for (const f of fs) m.set(`${f.severity} ${f.rule}`, (m.get(`${f.severity} ${f.rule}`) ?? 0) + 1);
  return m;
};
/** What `after` says more often than `before`. */
const added = (before: Finding[], after: Finding[]) => {
  const b = tally(before);
  return after.filter((f) => {
    const k = `${f.severity} ${f.rule}`;
    const n = b.get(k) ?? 0;
    b.set(k, n - 1);
    return n <= 0;
  });
};
const KINDS = ["project_expenditure", "basic_expenditure_economic"] as const;
const tableOf = (t: Table[], kind: string) => t.find((x) => x.kind === kind)!;
/** The first item under a group line (level 2 under a level 1), and that group line. */
function firstItem(t: Table): { item: Row; group: Row } {
  const i = t.rows.findIndex((r, k) => r.level === 2 && t.rows[k - 1]?.level === 1);
  return { item: t.rows[i], group: t.rows[i - 1] };
}

/** The 项目支出表 without its unit lines (empty rows, dropped): each group begins after the previous 小计. */
const noHeadings = (grids: SheetGrid[]) => {
  const gone = (v: unknown) =>
    typeof v === "string" && [`${DEPT}本级`, SECOND_UNIT].includes(v.trim());
  return grids.map((g) => ({
    ...g,
    values: g.values.map((r) => r.map((v) => (gone(v) ? "" : v))),
    text: g.text.map((r) => r.map((v) => (gone(v) ? "" : v))),
  }));
};

describe.each(STYLES.map((s) => [s.name, s] as const))("%s", (_n, style) => {
  const clean = buildVariant(style);
  const below = buildVariant(style, { subtotalsBelow: true });
  const report = importWorkbook(below.grids);

  test("clean: no finding the totals-above layout does not have; 小计 is no line, no project", () => {
    const before = checkReport(importWorkbook(clean.grids)).findings;
    const after = checkReport(report).findings;
    expect(added(before, after).map((f) => `${f.severity} ${f.rule} ${f.message}`)).toEqual([]);
    for (const kind of KINDS) {
      const t = tableOf(report.tables, kind);
      // Each group line (a unit, a class) prints its 小计's figures and heads its lines; no 小计 line is left.
      expect(t.rows.filter((r) => /小计$/.test(r.label.replace(/\s/g, "")))).toEqual([]);
      const { item, group } = firstItem(t);
      expect(item).toBeDefined();
      expect(Object.values(group.amounts).some((a) => !a.blank)).toBe(true);
    }
    expect(checkedProjectLines(report).map((l) => l.name)).not.toContainEqual(
      expect.stringMatching(/小计$/)
    );
  });

  test.each(KINDS)(
    "%s: one item +10 is its group's 错误 (item and 小计 cells), not the 合计's",
    (kind) => {
      const t = tableOf(report.tables, kind);
      const { item, group } = firstItem(t);
      const key = Object.keys(item.amounts).find((k) => !item.amounts[k].blank)!;
      const cell = item.amounts[key].cell;
      const subtotal = group.amounts[key].cell;
      const res = checkReport(importWorkbook(mutate(below.grids, cell, 10)));
      const sheet = cell.slice(0, cell.lastIndexOf("!") + 1);
      const hier = res.findings.filter(
        (f) =>
          f.rule.startsWith("hierarchy.") &&
          f.severity === "error" &&
          f.cells.some((c) => c.startsWith(sheet))
      );
      expect(
        hier.some(
          (f) =>
            f.rule === "hierarchy.parent-children" &&
            f.cells.includes(cell) &&
            f.cells.includes(subtotal) &&
            f.difference !== null &&
            Math.abs(Math.abs(f.difference) - 10) < 0.01
        )
      ).toBe(true);
      // 合计 = Σ 小计 holds: no 错误 on the table's 合计 in this table.
      const total = t.rows.find((r) => r.level === 0 && r.key === "total")!;
      expect(
        hier.filter(
          (f) => f.rule === "hierarchy.total" && f.cells.includes(total.amounts[key].cell)
        )
      ).toEqual([]);
    }
  );

  test("no unit lines: each 小计 heads the projects since the previous one; clean adds nothing, +10 is found", () => {
    const grids = noHeadings(below.grids);
    const r = importWorkbook(grids);
    const t = tableOf(r.tables, "project_expenditure");
    const before = checkReport(importWorkbook(clean.grids)).findings;
    expect(added(before, checkReport(r).findings).map((f) => `${f.rule} ${f.message}`)).toEqual([]);
    const { item, group } = firstItem(t);
    expect(group.label.replace(/\s/g, "")).toMatch(/小计$/);
    const key = Object.keys(item.amounts).find((k) => !item.amounts[k].blank)!;
    const res = checkReport(importWorkbook(mutate(grids, item.amounts[key].cell, 10)));
    expect(
      res.findings.some(
        (f) =>
          f.rule === "hierarchy.parent-children" &&
          f.cells.includes(item.amounts[key].cell) &&
          f.cells.includes(group.amounts[key].cell)
      )
    ).toBe(true);
  });
});

/**
 * The 基本支出经济分类表's 小计 repeating its class's code (tester29b T29B-3): 301 | 小计 or 301 | 工资福利支出小计, in
 * each style's code layout. It is the class's total, not a second 301 line: read so, every class was counted twice
 * (合计 ≠ 各一级行之和 by the whole table) and a wrong item was hidden behind that.
 */
describe.each(
  STYLES.flatMap((s) => (["code", "name"] as const).map((how) => [s.name, how, s] as const))
)("%s, 小计 with its code (%s)", (_n, how, style) => {
  const plain = buildVariant(style, { subtotalsBelow: true });
  const coded = buildVariant(style, { subtotalsBelow: true, subtotalCode: how });
  const report = importWorkbook(coded.grids);
  const t = tableOf(report.tables, "basic_expenditure_economic");

  test("clean: nothing the uncoded 小计 layout does not say; one line per class", () => {
    const before = checkReport(importWorkbook(plain.grids)).findings;
    expect(
      added(before, checkReport(report).findings).map((f) => `${f.severity} ${f.rule} ${f.message}`)
    ).toEqual([]);
    expect(t.rows.filter((r) => /小计$/.test(r.label.replace(/\s/g, "")))).toEqual([]);
    const classes = t.rows.filter((r) => r.level === 1).map((r) => r.code);
    expect(new Set(classes).size).toBe(classes.length);
  });

  test("one item +10 is its class's 错误 (item and 小计 cells); the 合计 holds", () => {
    const { item, group } = firstItem(t);
    const key = Object.keys(item.amounts).find((k) => !item.amounts[k].blank)!;
    const cell = item.amounts[key].cell;
    const res = checkReport(importWorkbook(mutate(coded.grids, cell, 10)));
    const errors = res.findings.filter((f) => f.severity === "error");
    expect(
      errors.some(
        (f) =>
          f.rule === "hierarchy.parent-children" &&
          f.cells.includes(cell) &&
          f.cells.includes(group.amounts[key].cell) &&
          Math.abs(Math.abs(f.difference ?? 0) - 10) < 0.01
      )
    ).toBe(true);
    const total = t.rows.find((r) => r.level === 0 && r.key === "total")!;
    expect(
      errors.filter(
        (f) => f.rule === "hierarchy.total" && f.cells.includes(total.amounts[key].cell)
      )
    ).toEqual([]);
  });
});

/**
 * Group lines printing their own figures above their 小计 (tester29b T29B-11): 单位 line with its amounts, its
 * projects, then 小计 (and a class line with amounts, its items, 小计). The line heads its group — it is no extra item
 * of the 小计 — whether its projects are indented under it or printed flat beside it. A wrong 小计 is its group's
 * 错误 by the change; a unit line off by 10 is reported by 10.
 */
describe.each(STYLES.flatMap((s) => [false, true].map((flat) => [s.name, flat, s] as const)))(
  "%s, group lines with figures (flat: %s)",
  (_n, flat, style) => {
    const plain = buildVariant(style, { subtotalsBelow: true });
    const heads = buildVariant(style, { subtotalsBelow: true, headFigures: { flat } });
    const report = importWorkbook(heads.grids);

    test("clean: nothing the layout with bare group lines does not say; no 小计 line, no 小计 project", () => {
      const before = importWorkbook(plain.grids);
      expect(
        added(checkReport(before).findings, checkReport(report).findings).map(
          (f) => `${f.severity} ${f.rule} ${f.message}`
        )
      ).toEqual([]);
      for (const kind of KINDS)
        expect(
          tableOf(report.tables, kind).rows.filter((r) => /小计$/.test(r.label.replace(/\s/g, "")))
        ).toEqual([]);
      expect(checkedProjectLines(report).map((l) => l.name)).toEqual(
        checkedProjectLines(before).map((l) => l.name)
      );
    });

    test("the first unit's 小计 +10 is its 错误 by 10", () => {
      const t = tableOf(report.tables, "project_expenditure");
      const group = t.rows.find((r) => r.level === 1)!;
      const key = Object.keys(group.amounts).find((k) => !group.amounts[k].blank)!;
      const cell = group.amounts[key].cell;
      const res = checkReport(importWorkbook(mutate(heads.grids, cell, 10)));
      expect(
        res.findings.some(
          (f) =>
            f.severity === "error" &&
            f.rule === "hierarchy.parent-children" &&
            f.cells.includes(cell) &&
            Math.abs(Math.abs(f.difference ?? 0) - 10) < 0.01
        )
      ).toBe(true);
    });

    if (!flat)
      test("the first unit line 10 higher than its 小计 is reported by 10, citing it", () => {
        const plus = buildVariant(style, { subtotalsBelow: true, headFigures: { plus: 10 } });
        const r = importWorkbook(plus.grids);
        const unit = tableOf(r.tables, "project_expenditure").rows.find((x) =>
          x.label.includes(`${DEPT}本级`)
        )!;
        const cells = Object.values(unit.amounts).map((a) => a.cell);
        expect(
          checkReport(r).findings.some(
            (f) =>
              f.severity === "error" &&
              f.rule.startsWith("hierarchy.") &&
              f.cells.some((c) => cells.includes(c)) &&
              Math.abs(Math.abs(f.difference ?? 0) - 10 * (style.unit === "元" ? 10000 : 1)) < 0.01
          )
        ).toBe(true);
      });
  }
);
