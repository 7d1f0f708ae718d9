/**
 * completeness.duplicate-tables: a table printed twice in one set — a sheet copied (“9.三公经费支出表 (2)”) or last
 * year's sheet left in — is named once (提示): the cross checks and 预算汇总 use the first (newcomer15 NC15-8). Every
 * template; 部门 + 单位 sets (each set prints each table once) say nothing.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { SheetGrid } from "../../src/core/grid/grid";
import { STYLES, buildVariant } from "../fixtures/variants";

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
});
