/**
 * A line printed without any figure over lines that print them is a heading (tester26b T26B-6): 一、本年收入 left blank
 * above its （一）（二）（三） in a 财政拨款收支总表 (四川), 一、财政拨款收入 above the sources in a 收支总表, a 类 over its 款
 * in the 收入总表 / 支出总表 / 一般公共预算支出表, 301 over its 款 in the 基本支出表, 公务用车购置及运行费 over its parts,
 * a 单位 小计 over its projects. Its lines are its figures: the sums above it (本年收入合计, 合计, the 类 over a blank 款)
 * and the tables comparing its code take them in its place; hierarchy.parent-children says once, as a 提示, that the
 * line prints no total. A line that prints some figures and leaves one blank is still an 错误 (为空，但各款之和为 …).
 * In every generated template, the first parent line of each table (and side) blanked in turn.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { parseRef } from "../../src/core/grid/address";
import type { SheetGrid } from "../../src/core/grid/grid";
import type { Report, Row } from "../../src/core/model/schema";
import type { Finding } from "../../src/core/rules/rule";
import { STYLES, buildVariant, type VariantOptions } from "../fixtures/variants";
import { childrenOf } from "../../src/core/rules/hierarchy";
import { serious } from "../helpers";

/** The grids with these cells emptied (as a template leaves a caption line's cells). */
function emptied(grids: SheetGrid[], cells: string[]): SheetGrid[] {
  const out = grids.map((g) => ({
    ...g,
    values: g.values.map((r) => r.slice()),
    text: g.text.map((r) => r.slice()),
    numberFormat: g.numberFormat.map((r) => r.slice()),
  }));
  for (const cell of cells) {
    const p = parseRef(cell);
    const g = out.find((x) => x.sheet === p.sheet)!;
    g.values[p.r0][p.c0] = "";
    g.text[p.r0][p.c0] = "";
    g.numberFormat[p.r0][p.c0] = "General";
  }
  return out;
}

/** Each table's (and side's) first line below the 合计 with figures over lines of its own (not 其中 items). */
function parents(report: Report): Array<{ kind: string; row: Row }> {
  const out: Array<{ kind: string; row: Row }> = [];
  for (const t of report.tables)
    for (const side of new Set(t.rows.map((r) => r.side))) {
      const rows = t.rows.filter((r) => r.side === side);
      const row = rows.find(
        (r, i) =>
          r.level >= 1 &&
          !r.partial &&
          Object.values(r.amounts).some((a) => !a.blank) &&
          childrenOf(rows, i).some((c) => !c.partial)
      );
      if (row) out.push({ kind: `${t.kind}${side ? ` ${side}` : ""}`, row });
    }
  return out;
}

const said = (f: Finding) => `${f.rule} ${f.severity} ${f.message}`;

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  describe.each([
    ["（一）（二）（三） under 一、本年收入", { incomeList: "ordinal" }],
    ["the plain layout", {}],
  ] as Array<[string, VariantOptions]>)("%s", (_o, opts) => {
    const { grids } = buildVariant(style, opts);
    const report = importWorkbook(grids);
    const plain = checkReport(report, { localize: false }).findings.map(said);
    const cases = parents(report).map(
      ({ kind, row }) => [`${kind}「${row.label.trim()}」`, row] as const
    );

    test.each(cases)(
      "%s printed without figures: a heading, its lines counted in its place",
      (_k, row) => {
        const cells = Object.values(row.amounts)
          .filter((a) => !a.blank)
          .map((a) => a.cell);
        const result = checkReport(importWorkbook(emptied(grids, cells)), { localize: false });
        expect(serious(result.findings).map((f) => f.message)).toEqual([]);
        // (input.text-amounts lists the table's text cells: emptying some changes its list, not what is found.)
        const added = result.findings.filter(
          (f) => !plain.includes(said(f)) && f.rule !== "input.text-amounts"
        );
        // At most the one 提示 that the line prints no total (none where the importer reads it as a band line).
        expect(added.length).toBeLessThanOrEqual(1);
        for (const f of added) {
          expect([f.rule, f.severity]).toEqual(["hierarchy.parent-children", "info"]);
          expect(f.cells).toEqual([row.labelCell]);
        }
      }
    );

    // Lines printing two figures or more: one left blank, the others printed.
    const several = cases.filter(
      ([, r]) => Object.values(r.amounts).filter((a) => !a.blank).length > 1
    );
    test.each(several)("%s with one figure left blank: still an 错误", (_k, row) => {
      const a = Object.values(row.amounts).find((x) => !x.blank)!;
      const result = checkReport(importWorkbook(emptied(grids, [a.cell])), { localize: false });
      expect(serious(result.findings).length).toBeGreaterThan(0);
    });
  });
});
