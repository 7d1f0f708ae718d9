/**
 * Tables without a title cell on sheets named 表1…表N (newcomer7 g02 / g06 / g10: the title in a text box or the page
 * header): the header alone names the kind, and several tables share a header — told apart by what the header shows
 * (a 收支 table with fund columns is the 财政拨款收支总表) and by the order of the 表样 (untitled.ts). Every generated
 * style that prints one table per sheet: each title removed, the sheets renamed 表1…表N — the same tables are
 * recognised and nothing is found beyond the titled workbook's.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { SheetGrid } from "../../src/core/grid/grid";
import { STYLES, buildVariant } from "../fixtures/variants";
import { untitled } from "../fixtures/untitled";
import { mutate } from "../../bench/localization";

/** The kinds recognised; a 机关运行经费表 prints nothing of its kind but its title (单位名称 | 合计 | 一般公共预算). */
const kinds = (grids: SheetGrid[]) =>
  importWorkbook(grids)
    .tables.map((t) => t.kind)
    .filter((k) => k !== "operating_funds")
    .sort();
const serious = (grids: SheetGrid[]) =>
  checkReport(importWorkbook(grids), { localize: false })
    .findings.filter((f) => f.severity === "error" || f.severity === "warning")
    .map((f) => f.rule)
    .sort();

// One table per sheet; a 收支总表 in two pairs (one 项目 | 预算数 pair prints nothing of its kind but its title); tables
// whose titles give their scope (不含上年结转) are not comparable without them.
const styles = STYLES.filter((s) => !s.stacked && !s.partTitle && !s.oneSided && !s.mixedFunds).map(
  (s) => [s.name, s] as const
);

describe.each(styles)("no titles, sheets 表1…表N: %s", (_n, style) => {
  const { grids } = buildVariant(style, { govFund: { amount: 12.5 } });
  const bare = untitled(grids);

  test("the same tables are recognised, and no more is found", () => {
    expect(bare.map((g) => g.sheet)).toContain("表5");
    expect(kinds(bare)).toEqual(kinds(grids));
    // Titles carry the year: rules that need it do not apply, none fails for want of a title.
    const extra = serious(bare).filter((r) => !serious(grids).includes(r));
    expect(extra).toEqual([]);
  });

  test("a wrong line of the 政府性基金 table is named as that table's", () => {
    const t = importWorkbook(bare).tables.find((x) => x.kind === "gov_fund_expenditure")!;
    const cell = t.rows.find((r) => r.level === 0)!.amounts.total.cell;
    const found = checkReport(importWorkbook(mutate(bare, cell, 1)), { localize: false }).findings;
    expect(found.some((f) => f.severity === "error" && /政府性基金/.test(f.message))).toBe(true);
  });
});

// fix29b leftover: the 一般公共预算支出表 printing 合计 | 人员经费 | 公用经费 | 项目支出 shares its captions with the
// 基本支出经济分类表 (人员经费 | 公用经费) — before, it was read as a second 基本支出经济分类表. Its 功能分类 lines (201 …,
// 一般公共服务支出 by name) make it a 支出 table by 功能分类, told apart by order.
test.each(styles)(
  "no titles, 合计 | 人员经费 | 公用经费 | 项目支出 by 功能分类: %s — the 一般公共预算支出表, nothing more found",
  (_n, style) => {
    const { grids } = buildVariant(style, { personnelPublic: true });
    const bare = untitled(grids);
    expect(kinds(bare)).toEqual(kinds(grids));
    expect(serious(bare).filter((r) => !serious(grids).includes(r))).toEqual([]);
  }
);
