/**
 * A 收入总表 source column no alias names (newcomer7, stop 22: 其他单位资金, 专户资金), in every generated template: the
 * department's 财政专户管理资金 printed under such a caption (and so worded in the 收支总表). Its money is not known to be
 * 财政拨款, so no comparison takes the department to have no money outside 财政拨款 (cross.fiscal-summary compared the
 * 财政拨款收支总表's lines with the 收支总表's as if it had none, and cross.general-budget the 一般公共预算支出表 with
 * them: false 错误): the findings are the plain workbook's, and a wrong 一般公共预算 figure is still found.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { CheckResult } from "../../src/core/rules/rule";
import { STYLES, buildVariant } from "../fixtures/variants";
import { mutate } from "../../bench/localization";
import { serious } from "../helpers";

const kinds = (r: CheckResult) =>
  serious(r.findings)
    .map((f) => `${f.rule} ${f.severity}`)
    .sort();
const specialAccount = { amount: 12.5 };

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const plain = checkReport(importWorkbook(buildVariant(style, { specialAccount }).grids), {
    localize: false,
  });
  test.each(["专户资金", "其他单位资金"])(
    "财政专户管理资金 worded %s: no 错误 / 警告 beyond the plain workbook's",
    (to) => {
      const v = buildVariant(style, {
        specialAccount,
        sourceCaption: { from: "财政专户管理资金", to },
      });
      const report = importWorkbook(v.grids);
      const result = checkReport(report, { localize: false });
      expect(kinds(result)).toEqual(kinds(plain));
      // The 收入总表's 一般公共预算 on its 合计 line +7: still found, on its cell.
      const t2 = report.tables.find((t) => t.kind === "income_summary")!;
      const cell = t2.rows.find((r) => r.key === "total")!.amounts.general.cell;
      const wrong = checkReport(
        importWorkbook(mutate(v.grids, cell, style.unit === "元" ? 70000 : 7)),
        { localize: false }
      );
      expect(serious(wrong.findings).some((f) => f.cells.includes(cell))).toBe(true);
    }
  );
});
