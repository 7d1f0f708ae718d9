/**
 * 其他支出 on a 收支总表 支出 side printed by 部门预算支出经济分类 is the economic class 399, not the 功能 class 229 其他支出
 * its name alone gives (newcomer 14, NC14-6): in a “按经济分类” view under the 功能 classes, or on a side of economic
 * classes only (一、工资福利支出 / 二、商品和服务支出 / … / 四、其他支出). Before, it was compared with the 支出总表's 229
 * line: a false 错误 on a correct workbook. Every generated template.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Report } from "../../src/core/model/schema";
import { STYLES, buildVariant, type VariantOptions } from "../fixtures/variants";

const serious = (r: Report) =>
  checkReport(r, { localize: false })
    .findings.filter((f) => f.severity === "error" || f.severity === "warning")
    .map((f) => `${f.rule} ${f.severity} ${f.message}`);

const cases: Array<[string, VariantOptions]> = [
  ["a 按经济分类 view under the 功能 classes", { economicView: "按经济分类", economicOther: 10 }],
  ["a side of economic classes only", { economicSide: true, economicOther: 10 }],
];

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  test.each(cases)("%s: 其他支出 has no 功能 code, no finding", (_c, opts) => {
    const r = importWorkbook(buildVariant(style, opts).grids);
    const t = r.tables.find((x) => x.kind === "income_expenditure_summary")!;
    const line = t.rows.find((x) => /其他支出$/.test(x.label.trim()));
    if (!line) return; // a template that prints the 收支总表 in four pairs leaves the view out
    expect(line.code).toBeUndefined();
    expect(serious(r)).toEqual([]);
  });
});
