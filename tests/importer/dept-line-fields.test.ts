/**
 * A 部门 line printing a second field in the same cell (tester29 T29-5: `编制部门：某县某局   预算年度：2025年`):
 * the department was read as “某县某局预算年度:” — a false naming.department 警告 citing the table's first cell. The
 * name ends where the second field's label starts (预算年度 / 年度 / 金额单位 / 单位 / 编制日期 …), as a unit note at the
 * end already was cut; a real mismatch cites the cell printing the name. Every style of the generated workbook.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { DEPT, STYLES, YEAR, buildVariant } from "../fixtures/variants";

const FIELDS = [
  `预算年度：${YEAR}年`,
  `预算年度：${YEAR}`,
  `年度：${YEAR}`,
  `编制日期：${YEAR - 1}年12月20日`,
  `金额单位：万元`,
];
const naming = (grids: ReturnType<typeof buildVariant>["grids"]) =>
  checkReport(importWorkbook(grids), { localize: false }).findings.filter(
    (f) => f.rule === "naming.department"
  );

describe.each(STYLES.map((s) => [s.name, s] as const))("%s", (_name, st) => {
  test.each(FIELDS)("%s after the name: the department alone, no 警告", (text) => {
    // On the third table only (the others print the plain line), then on every table.
    for (const at of [2, undefined]) {
      const v = buildVariant(st, { deptLineField: { text, at } });
      const r = importWorkbook(v.grids);
      expect(r.department).toBe(DEPT);
      const named = r.tables.filter((t) => t.department);
      expect(named.length).toBeGreaterThan(2);
      expect(named.every((t) => t.department === DEPT)).toBe(true);
      if (text.startsWith("预算年度") || text.startsWith("年度")) expect(r.year).toBe(YEAR);
      expect(naming(v.grids)).toEqual([]);
    }
  });
  test("another name before the field: one 警告, at the cell printing it", () => {
    const v = buildVariant(st, {
      deptLineField: { text: `预算年度：${YEAR}年`, at: 2, dept: "清河县审计局" },
    });
    const found = naming(v.grids);
    expect(found.length).toBe(1);
    expect(found[0].message).toContain("“清河县审计局”");
    const [sheet, ref] = found[0].cells[0].split("!");
    const g = v.grids.find((x) => x.sheet === sheet)!;
    const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
    const col = m[1].charCodeAt(0) - 65 - g.origin.col;
    const text = String(g.text[Number(m[2]) - 1 - g.origin.row][col]);
    expect(text).toContain("清河县审计局");
  });
});
