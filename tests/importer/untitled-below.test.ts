/**
 * An untitled table printed under a titled one on the same sheet (tester29b T29B-18: a 支出经济分类总表 whose title is
 * in a text box, printed under 表11): before, its header was skipped and its lines read as the table above's (the
 * 项目支出表 or 三公 table swallowing 301 工资福利支出 … as projects or items — 错误 on a correct workbook). Its body,
 * 经济分类 科目 under a table of other lines, ends the table above (untitled.ts untitledBelow). Every generated style,
 * under the 项目支出表 and under the 三公 table, its header split (人员经费 | 公用经费) or 合计 | 基本支出 | 项目支出: each
 * table read as printed apart, nothing found that the titled workbook lacks, and a wrong figure in it found at its cell.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Report, TableKind } from "../../src/core/model/schema";
import { mutate } from "../../bench/localization";
import { STYLES, buildVariant, type VariantOptions } from "../fixtures/variants";
import { scaleOf, serious } from "../rules/economic-helpers";

/** Serious findings as rule + severity, counted (cells move with the table). */
const tally = (r: Report) =>
  serious(checkReport(r, { localize: false }).findings)
    .map((f) => `${f.severity} ${f.rule}`)
    .sort();
const rowsOf = (r: Report, kind: TableKind) =>
  r.tables.filter((t) => t.kind === kind).map((t) => t.rows.length);

const CASES = STYLES.flatMap((s) =>
  (["project_expenditure", "three_public"] as const).flatMap((below) =>
    ([true, "basic"] as const).map(
      (how) =>
        [`${s.name}: under ${below}, ${how === true ? "split" : "basic"}`, s, below, how] as const
    )
  )
);

describe.each(CASES)("%s", (_n, style, below, how) => {
  const opts: VariantOptions = { expenditureEconomic: how };
  const apart = importWorkbook(buildVariant(style, opts).grids);
  const v = buildVariant(style, { ...opts, under: { kind: "expenditure_economic", below } });
  const report = importWorkbook(v.grids);

  test("each table read as printed apart, on the sheet of the one above; nothing more found", () => {
    expect(report.tables.map((t) => t.kind)).toEqual(v.expected.map((e) => e.kind));
    const t = report.tables.find((x) => x.kind === "expenditure_economic")!;
    const e = v.expected.find((x) => x.kind === "expenditure_economic")!;
    expect({
      sheet: t.sheet,
      total: t.rows.find((r) => r.key === "total")?.amounts.total.cell,
    }).toEqual({
      sheet: e.sheet,
      total: e.totalCell,
    });
    for (const kind of [below, "expenditure_economic"] as const)
      expect({ kind, rows: rowsOf(report, kind) }).toEqual({ kind, rows: rowsOf(apart, kind) });
    expect(tally(report)).toEqual(tally(apart));
  });

  test("its 合计's 项目支出 changed is an 错误 at that cell", () => {
    const t = report.tables.find((x) => x.kind === "expenditure_economic")!;
    const cell = t.rows.find((r) => r.key === "total")!.amounts.project.cell;
    const found = checkReport(importWorkbook(mutate(v.grids, cell, 2.5 * scaleOf(style))), {
      localize: false,
    }).findings;
    expect(found.some((f) => f.severity === "error" && f.cells.includes(cell))).toBe(true);
  });
});

/**
 * The table above going on under its page head printed again on the same sheet (a 续表 / 续上表 line, the title, meta
 * lines and header repeated), or its header printed with an empty line between its rows: it stays one table — a
 * repeated header is never an untitled table of its own (b2fc7be cut those: 91 failures, reverted) —, and the
 * untitled 经济分类 table under it is still read apart. Every style, under the 项目支出表 and the 一般公共预算支出表.
 */
const PAGED = STYLES.flatMap((s) =>
  (["project_expenditure", "general_budget_expenditure"] as const).flatMap((below) =>
    (["续表", "续上表", "gaps"] as const).map(
      (how) => [`${s.name}: under ${below}, ${how}`, s, below, how] as const
    )
  )
);

describe.each(PAGED)("%s", (_n, style, below, how) => {
  const more: VariantOptions =
    how === "gaps"
      ? { expenditureEconomic: true, headerGaps: true }
      : { expenditureEconomic: true, continued: { kinds: [below], named: false, marker: how } };
  const apart = importWorkbook(buildVariant(style, more).grids);
  const v = buildVariant(style, {
    ...more,
    under: { kind: "expenditure_economic", below },
  });
  const report = importWorkbook(v.grids);

  test("the table above is one table, read as printed apart; the one under it is its own", () => {
    expect(report.tables.map((t) => t.kind)).toEqual(v.expected.map((e) => e.kind));
    expect(report.unrecognized.filter((u) => /表头/.test(u.reason))).toEqual([]);
    const lines = (r: Report, kind: TableKind) =>
      r.tables
        .filter((t) => t.kind === kind)
        .map((t) => ({
          parts: t.continued?.length ?? 0,
          rows: t.rows.map((x) => `${x.level} ${x.code ?? ""} ${x.label.trim()}`),
        }));
    expect(lines(report, below)).toEqual(lines(apart, below));
    const t = report.tables.find((x) => x.kind === "expenditure_economic")!;
    const e = v.expected.find((x) => x.kind === "expenditure_economic")!;
    expect({
      sheet: t.sheet,
      total: t.rows.find((r) => r.key === "total")?.amounts.total.cell,
    }).toEqual({
      sheet: e.sheet,
      total: e.totalCell,
    });
    expect(rowsOf(report, "expenditure_economic")).toEqual(rowsOf(apart, "expenditure_economic"));
    expect(tally(report)).toEqual(tally(apart));
  });
});
