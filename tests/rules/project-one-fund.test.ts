/**
 * A 项目支出表 whose title limits it to 一般公共预算 (“一般公共预算项目支出预算表”, “一般公共预算财政拨款项目支出表”)
 * and that prints one 金额 column holds the 一般公共预算 projects only (newcomer 14, NC14-9): its 合计 is the
 * 一般公共预算支出表's 项目支出, within (not equal to) the 支出总表's 项目支出 of all funds. Before: compared with the
 * 支出总表 as if it held every fund — a false 错误 on a correct workbook, and a real +10 reported as that mismatch.
 * Every generated template, with 政府性基金 money beside the 一般公共预算.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Report } from "../../src/core/model/schema";
import { bump } from "../fixtures/grid-edit";
import { STYLES, buildVariant } from "../fixtures/variants";

import type { SheetGrid } from "../../src/core/grid/grid";

const serious = (r: Report) =>
  checkReport(r, { localize: false })
    .findings.filter((f) => f.severity === "error" || f.severity === "warning")
    .map((f) => `${f.rule} ${f.severity}`)
    .sort();

/** The figure at a sheet-qualified A1 reference raised by 10 units of its table, shown as 0.00. */
const raise = (grids: SheetGrid[], ref: string) => bump(grids, ref, 10, 2);

const govFund = { amount: 60 };

// Not a 项目支出表 by 单位 (its own layout), nor a style whose 栏次 line has a blank caption: under a two-column table
// (项目名称 | 金额) that line is “ | 1”, a line of 1.00 to any reader.
const styles = STYLES.filter((s) => !s.projectsByUnit && s.columnMarker !== "");

describe.each(styles.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const plain = serious(importWorkbook(buildVariant(style, { govFund }).grids));
  test.each(["一般公共预算项目支出预算表", "一般公共预算财政拨款项目支出表"])(
    "%s: no finding the all-funds table has not; a +10 is one 错误 against 表5's 项目支出",
    (title) => {
      const opts = { govFund, projectGeneralOnly: title };
      const v = buildVariant(style, opts);
      const r = importWorkbook(v.grids);
      expect(serious(r)).toEqual(plain);
      const t12 = r.tables.find((t) => t.kind === "project_expenditure")!;
      const top = t12.rows.find((x) => x.level === 0)!;
      const first = t12.rows.find((x) => x.level > 0)!;
      for (const c of [top.amounts.total.cell, first.amounts.total.cell]) raise(v.grids, c);
      const t5 = r.tables.find((t) => t.kind === "general_budget_expenditure")!;
      const project5 = t5.rows.find((x) => x.key === "total")!.amounts.project.cell;
      const found = checkReport(importWorkbook(v.grids), { localize: false }).findings.filter(
        (f) => f.severity === "error" && f.rule.startsWith("cross.")
      );
      expect(
        found.map((f) => [
          f.rule,
          f.cells.includes(project5) && f.cells.includes(top.amounts.total.cell),
        ])
      ).toEqual([["cross.basic-project", true]]);
    }
  );
});
