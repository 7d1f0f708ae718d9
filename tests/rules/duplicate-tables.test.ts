/**
 * completeness.duplicate-tables: a table printed twice in one set — a sheet copied (“9.三公经费支出表 (2)”) or last
 * year's sheet left in — is named once (提示): the cross checks and 预算汇总 use the first (newcomer15 NC15-8). Every
 * template; 部门 + 单位 sets (each set prints each table once) say nothing. Two copies whose figures differ (an older
 * draft left in) are a 警告 that counts and shows the differences and names the copy the checks use — the visible
 * one when the other is hidden (tester31 T31-23 / T31-30).
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { SheetGrid } from "../../src/core/grid/grid";
import { STYLES, buildVariant } from "../fixtures/variants";
import { bump } from "../fixtures/grid-edit";

/** The 提示 about the “三公”经费表 (a template printing several tables on one sheet copies them all). */
const said = (grids: SheetGrid[]) =>
  checkReport(importWorkbook(grids), { localize: false }).findings.filter(
    (f) => f.rule === "completeness.duplicate-tables" && f.message.includes("“三公”经费表")
  );

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const copied = (year?: number) => {
    const v = buildVariant(style);
    const t = importWorkbook(v.grids).tables.find((x) => x.kind === "three_public")!;
    const g = v.grids.find((x) => x.sheet === t.sheet)!;
    const copy: SheetGrid = JSON.parse(JSON.stringify(g));
    copy.sheet = `${g.sheet.slice(0, 26)} (2)`;
    if (year)
      for (const rows of [copy.values, copy.text])
        for (const row of rows)
          row.forEach((x, i) => {
            if (typeof x === "string" && t.year)
              row[i] = x.replace(new RegExp(`(?<!\\d)${t.year}(?!\\d)`, "g"), String(year));
          });
    return { grids: [...v.grids, copy], t };
  };

  test("as printed: nothing to say", () => {
    expect(said(buildVariant(style).grids)).toEqual([]);
  });
  test("the “三公” sheet copied to the end: one 提示 naming both", () => {
    const { grids, t } = copied();
    const f = said(grids);
    expect(f.map((x) => x.severity)).toEqual(["info"]);
    expect(f[0].message).toContain(t.sheet);
  });
  test("last year's copy: the 提示 says the years differ", () => {
    const { grids } = copied(2019);
    const f = said(grids);
    expect(f).toHaveLength(1);
    const { t } = copied();
    if (t.year) expect(f[0].message).toMatch(/年度不同/);
  });
  test("the copy's 合计 changed: a 警告 counting the differences, naming the copy used", () => {
    const { grids, t } = copied();
    const copy = grids[grids.length - 1];
    const total = t.rows.find((r) => r.key === "total")!.amounts.total.cell;
    bump(grids, `'${copy.sheet}'!${total.slice(total.lastIndexOf("!") + 1)}`, 1, 2);
    const f = said(grids);
    expect(f.map((x) => x.severity)).toEqual(["warning"]);
    expect(f[0].message).toMatch(/两张表有 1 个金额不同（如「[^」]+」/);
    expect(f[0].message).toContain(`只用工作表“${t.sheet}”的一张`);
    // With the original's sheet hidden, the checks use the visible copy (firstOf), and the message says so.
    const report = importWorkbook(grids);
    report.hiddenSheets = [t.sheet];
    const g = checkReport(report, { localize: false }).findings.filter(
      (x) => x.rule === "completeness.duplicate-tables" && x.message.includes("“三公”经费表")
    );
    expect(g[0].message).toContain(`只用工作表“${copy.sheet}”的一张`);
  });
});
