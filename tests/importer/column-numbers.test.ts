/**
 * A 栏次 row under the header that is not plainly 1, 2, 3 … (newcomer15 NC15-3): “1=2+3” (the 决算-form habit), or
 * the numbers with a gap after a column was deleted without renumbering (1, 3, 4 …). It was read as a DATA row — 3 to 9
 * false 错误 per table, and as the 合计 of a 项目支出表. Every generated style, with a 栏次 row under each header (the
 * style's own, else 栏次 | 1 | 2 …): the same findings and checks as with 1, 2, 3.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { SheetGrid } from "../../src/core/grid/grid";
import { STYLES, buildVariant, renumberColumns } from "../fixtures/variants";
import { mutate } from "../../bench/localization";

const result = (grids: SheetGrid[]) => {
  const r = checkReport(importWorkbook(grids), { localize: false });
  return {
    findings: r.findings
      .filter((f) => f.severity !== "info")
      .map((f) => `${f.severity} ${f.rule} ${f.cells.join(",")}`)
      .sort(),
    checked: r.perRule.reduce((n, p) => n + p.checked, 0),
  };
};

describe.each(
  STYLES.map(
    (s) =>
      [
        s.name,
        s.seqColumn || s.columnMarker !== undefined ? s : { ...s, columnMarker: "栏次" },
      ] as const
  )
)("栏次 row renumbered, %s", (_n, style) => {
  const { grids } = buildVariant(style);
  const plain = result(grids);
  const report = importWorkbook(grids);
  const t3 = report.tables.find((t) => t.kind === "expenditure_summary")!;
  const leaf = t3.rows.find((r) => r.code?.length === 7 && r.amounts.total?.value)!;
  const wrong = mutate(grids, leaf.amounts.total.cell, 1);

  test.each(["formula", "gap"] as const)("%s: the same findings and checks", (how) => {
    const g = renumberColumns(grids, how);
    expect(g).not.toEqual(grids);
    expect(result(g)).toEqual(plain);
    // A real error is found as with 1, 2, 3.
    expect(result(renumberColumns(wrong, how))).toEqual(result(wrong));
  });
});
