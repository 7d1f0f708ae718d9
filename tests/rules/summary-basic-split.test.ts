/**
 * A 收支总表 支出 side by use printing the 基本支出's parts (一、基本支出 / （一）人员经费 / （二）公用经费 / 二、项目支出,
 * 辽宁 / 吉林) is compared with the 基本支出表's 人员经费 / 公用经费 (newcomer 14, NC14-2): all funds' lines, so each at
 * least the 一般公共预算 table's (the same figure when the department has no other money). Before, 人员经费 +10 and
 * 公用经费 −10 (基本支出 unchanged) passed. Every generated template.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Report } from "../../src/core/model/schema";
import { STYLES, buildVariant } from "../fixtures/variants";

const serious = (r: Report) =>
  checkReport(r, { localize: false })
    .findings.filter((f) => f.severity === "error" || f.severity === "warning")
    .map((f) => `${f.rule} ${f.severity}`)
    .sort();

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  test("人员经费 / 公用经费 lines as the 基本支出表 prints them: no finding the plain workbook has not", () => {
    const plain = serious(importWorkbook(buildVariant(style).grids));
    const r = importWorkbook(buildVariant(style, { useSide: {} }).grids);
    const t1 = r.tables.find((t) => t.kind === "income_expenditure_summary")!;
    if (!t1.rows.some((x) => x.key === "public")) return; // four label / amount pairs: no such side
    expect(serious(r)).toEqual(plain);
  });

  test("10 万元 moved from 公用经费 to 人员经费: a 错误 at the 公用经费 line", () => {
    const r = importWorkbook(buildVariant(style, { useSide: { shift: 10 } }).grids);
    const t1 = r.tables.find((t) => t.kind === "income_expenditure_summary")!;
    const pub = t1.rows.find((x) => x.key === "public");
    if (!pub) return;
    const found = checkReport(r, { localize: false }).findings.filter(
      (f) => f.rule === "cross.basic-economic"
    );
    expect(found.map((f) => [f.severity, f.cells.includes(pub.amounts.total.cell)])).toContainEqual(
      ["error", true]
    );
  });
});
