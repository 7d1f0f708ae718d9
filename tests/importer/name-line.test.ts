/**
 * A heading naming the table (3.支出总表) on the line right above its full title (北京市审计局2025年部门支出总表): what an
 * HTML page exported by a 财政 system prints as <h3> before each table, and what PDF converters keep of a bookmark. The
 * heading was taken for the title and the full title below it dropped as "the same table's subtitle", so the year
 * and the 部门 the title prints were never read (newcomer10's f04c page: 年度 未识别). Every generated template.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { STYLES, buildVariant } from "../fixtures/variants";
import { kinds } from "../helpers";

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  test("a name line above every title: the full title read, the same year, tables and findings", () => {
    const plain = importWorkbook(buildVariant(style).grids);
    const report = importWorkbook(buildVariant(style, { nameLine: true }).grids);
    expect(report.year).toBe(plain.year);
    expect(report.department).toBe(plain.department);
    expect(report.tables.map((t) => `${t.kind} ${t.title}`)).toEqual(
      plain.tables.map((t) => `${t.kind} ${t.title}`)
    );
    expect(kinds(checkReport(report))).toEqual(kinds(checkReport(plain)));
  });
});
