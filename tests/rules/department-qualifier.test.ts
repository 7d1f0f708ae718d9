/**
 * naming.department and a scope qualifier after the name (tester32 T32-20 / T32-4): tables printing
 * 部门：海南省人民政府国有资产监督管理委员会（汇总） beside tables printing the bare name are one department's set (its
 * consolidated tables), not another department's — no 警告. A real mismatch still warns, and the message quotes the
 * name as the cell prints it: full-width “（本级）”, not the normalized “(本级)”. Every style of the generated workbook.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { DEPT, STYLES, YEAR, buildVariant } from "../fixtures/variants";

const QUALIFIERS = ["（汇总）", "（本级）", "（部门汇总）", "(汇总)"];
const naming = (grids: ReturnType<typeof buildVariant>["grids"]) =>
  checkReport(importWorkbook(grids), { localize: false }).findings.filter(
    (f) => f.rule === "naming.department"
  );

describe.each(STYLES.map((s) => [s.name, s] as const))("%s", (_name, st) => {
  test.each(QUALIFIERS)("a table printing the name with %s: the same department, no 警告", (q) => {
    const v = buildVariant(st, {
      deptLineField: { text: `预算年度：${YEAR}年`, at: 2, dept: `${DEPT}${q}` },
    });
    const r = importWorkbook(v.grids);
    expect(r.tables.filter((t) => t.department).length).toBeGreaterThan(2);
    expect(naming(v.grids)).toEqual([]);
  });
  test("the qualified name without the leading place (某县教育局（本级） under 福建省某县教育局): no 警告", () => {
    const v = buildVariant(st, {
      deptLineField: { text: `预算年度：${YEAR}年`, at: 2, dept: `${DEPT.slice(2)}（本级）` },
    });
    expect(naming(v.grids)).toEqual([]);
  });
  test("another department with a qualifier: one 警告, quoting the cell's full-width brackets", () => {
    const v = buildVariant(st, {
      deptLineField: { text: `预算年度：${YEAR}年`, at: 2, dept: "清河县审计局（本级）" },
    });
    const found = naming(v.grids);
    expect(found.length).toBe(1);
    expect(found[0].message).toContain("“清河县审计局（本级）”");
    expect(found[0].message).toContain(`其他表为“${DEPT}”`);
  });
});
