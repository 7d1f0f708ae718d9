/**
 * The rules that read the 基本支出's 公用经费 lines, when the 基本支出表 prints its parts apart — two tables
 * (…基本支出表（人员经费） / （公用经费）, …基本支出人员经费表 / …公用经费表) or two blocks side by side without a 合计
 * line (人员经费 ‖ 公用经费, the 财政部 form):
 * - cross.operating-public (机关运行经费 ≤ 公用经费): the 公用经费 table's 合计 (before: the first 基本支出 table, the
 *   人员经费 one, had no 公用经费 → not checked);
 * - cross.three-public-economic (公务接待费 30217, 公务用车运行维护费 30231 … ≤ the “三公” table's item) and
 *   cross.three-public-ceiling (a “三公” item ≤ its 基本支出 line + the spending outside the 基本支出表): the lines of
 *   whichever part holds them (before: looked for in the 人员经费 table → not checked).
 * Each is compared with the same workbook printing one 基本支出表 (合计 | 人员经费 | 公用经费): the same checks, and a
 * figure changed alike gives the same finding (expected / actual) at the part's cell. Every generated template.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Amount, Report, Table } from "../../src/core/model/schema";
import { bump } from "../fixtures/grid-edit";
import { STYLES, buildVariant, type VariantOptions } from "../fixtures/variants";

const LAYOUTS: ReadonlyArray<[string, VariantOptions]> = [
  ["two tables (paren)", { basicTwoTables: "paren" }],
  ["two tables (named)", { basicTwoTables: "named" }],
  ["side by side, no 合计 line", { economicColumns: true, economicColumnsNoTotal: true }],
];
const RULES = [
  "cross.operating-public",
  "cross.three-public-economic",
  "cross.three-public-ceiling",
] as const;

const serious = (r: Report) =>
  checkReport(r, { localize: false })
    .findings.filter((f) => f.severity === "error" || f.severity === "warning")
    .map((f) => `${f.rule} ${f.severity}`)
    .sort();

const basics = (r: Report): Table[] =>
  r.tables.filter((t) => t.kind === "basic_expenditure_economic");

/** `by` 万元 in the table's own unit. */
const scaled = (t: Table, by: number) => (t.unit === "元" ? by * 10000 : by);

/** The 公用经费 total as the layout prints it: the 公用经费 table's 合计, the 公用经费合计 line, the 合计's column. */
function publicTotal(r: Report): [Table, Amount] {
  for (const t of basics(r)) {
    if (/公用经费/.test(t.title)) return [t, t.rows.find((x) => x.key === "total")!.amounts.total];
    const line = t.rows.find((x) => x.key === "public" && !x.code);
    if (line) return [t, line.amounts.total];
    const col = t.rows.find((x) => x.key === "total")?.amounts.public;
    if (col) return [t, col];
  }
  throw new Error("no 公用经费 total");
}

/** The 30217 公务接待费 line's figure, in whichever 基本支出 table holds it. */
function reception(r: Report): [Table, Amount] {
  for (const t of basics(r)) {
    const line = t.rows.find((x) => x.code === "30217");
    if (line) return [t, line.amounts.total];
  }
  throw new Error("no 30217");
}

/** The one finding of `rule` after `edit`, as [severity, expected, actual, whether it names the edited cell]. */
function after(
  style: (typeof STYLES)[number],
  opts: VariantOptions,
  rule: string,
  edit: (r: Report) => { cell: string; by: number }
) {
  const v = buildVariant(style, opts);
  const { cell, by } = edit(importWorkbook(v.grids));
  bump(v.grids, cell, by, 2);
  const found = checkReport(importWorkbook(v.grids), { localize: false }).findings.filter(
    (f) => f.rule === rule
  );
  return {
    found: found.map((f) => [f.severity, f.expected, f.actual]),
    cells: found.map((f) => f.cells),
  };
}

const checked = (r: Report) => {
  const res = checkReport(r, { localize: false });
  return RULES.map((id) => [id, res.perRule.find((p) => p.id === id)!.checked]);
};

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const plainReport = importWorkbook(buildVariant(style).grids);
  const plain = serious(plainReport);
  const plainChecked = checked(plainReport);

  test.each(LAYOUTS)(
    "%s: correct → no finding the one table has not, the same checks",
    (_l, opts) => {
      const r = importWorkbook(buildVariant(style, opts).grids);
      expect(serious(r)).toEqual(plain);
      expect(plainChecked.every(([, n]) => (n as number) > 0)).toBe(true);
      expect(checked(r)).toEqual(plainChecked);
    }
  );

  test.each(LAYOUTS)(
    "%s: 公用经费 total 40 万元 lower, below 机关运行经费 → the 警告 at it",
    (_l, opts) => {
      const edit = (r: Report) => {
        const [t, a] = publicTotal(r);
        return { cell: a.cell, by: scaled(t, -40) };
      };
      const want = after(style, {}, "cross.operating-public", edit);
      const got = after(style, opts, "cross.operating-public", edit);
      expect(want.found).toEqual([["warning", expect.any(Number), expect.any(Number)]]);
      expect(got.found).toEqual(want.found);
      const v = buildVariant(style, opts);
      expect(got.cells[0]).toContain(publicTotal(importWorkbook(v.grids))[1].cell);
    }
  );

  test.each(LAYOUTS)(
    "%s: 30217 公务接待费 +10 above the “三公” item → the 错误 at it",
    (_l, opts) => {
      const edit = (r: Report) => {
        const [t, a] = reception(r);
        return { cell: a.cell, by: scaled(t, 10) };
      };
      const want = after(style, {}, "cross.three-public-economic", edit);
      const got = after(style, opts, "cross.three-public-economic", edit);
      expect(want.found).toEqual([["error", expect.any(Number), expect.any(Number)]]);
      expect(got.found).toEqual(want.found);
      expect(got.cells[0]).toContain(
        reception(importWorkbook(buildVariant(style, opts).grids))[1].cell
      );
    }
  );

  test.each(LAYOUTS)(
    "%s: the “三公” 公务接待费 +300 → the ceiling 错误, with the part's 30217",
    (_l, opts) => {
      const edit = (r: Report) => {
        const t = r.tables.find((x) => x.kind === "three_public")!;
        const line = t.rows.find((x) => x.key === "reception")!;
        return { cell: (line.amounts.general ?? line.amounts.total).cell, by: scaled(t, 300) };
      };
      const want = after(style, {}, "cross.three-public-ceiling", edit);
      const got = after(style, opts, "cross.three-public-ceiling", edit);
      expect(want.found).toEqual([["error", expect.any(Number), expect.any(Number)]]);
      expect(got.found).toEqual(want.found);
      expect(got.cells[0]).toContain(
        reception(importWorkbook(buildVariant(style, opts).grids))[1].cell
      );
    }
  );
});
