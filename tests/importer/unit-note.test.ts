/**
 * A unit line with a note in brackets — 金额单位：元（保留两位小数）, 单位：万元（两位小数） — is the unit line still:
 * before, it was taken for a header line, the table was not found (下未找到表头行) and a required table was reported
 * missing (newcomer 3, m70). Every generated template, its unit lines with a note, reads as without one.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { readMeta } from "../../src/core/importer/meta";
import { STYLES, buildVariant } from "../fixtures/variants";

test.each(STYLES.map((s) => [s.name, s] as const))(
  "variant %s: unit lines with a note read as without",
  (_n, style) => {
    const plain = importWorkbook(buildVariant(style).grids);
    const noted = importWorkbook(
      buildVariant({ ...style, unitLine: (u) => `${style.unitLine(u)}（保留两位小数）` }).grids
    );
    expect(noted.tables.map((t) => `${t.kind} ${t.unit}`)).toEqual(
      plain.tables.map((t) => `${t.kind} ${t.unit}`)
    );
    expect(checkReport(noted).findings.map((f) => f.message)).toEqual(
      checkReport(plain).findings.map((f) => f.message)
    );
  }
);

test("the note is not part of a department name printed with the unit in one cell", () => {
  expect(readMeta("部门名称：杭州市气象局 单位:万元(保留两位小数)")).toMatchObject({
    department: "杭州市气象局",
    unit: "万元",
  });
  expect(readMeta("金额单位：元（）")).toMatchObject({ unit: "元" });
});
