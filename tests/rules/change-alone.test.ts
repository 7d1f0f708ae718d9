/**
 * A 增减 column without a 上年 column (本年 | 增减, or 本年 | 增减 | 增减率: bands8's left-over), after this year's
 * figures of the 收支总表, 收入总表, 支出总表, 一般公共预算支出表 and “三公” table, in every generated template. Nothing
 * tells a difference from a rate printed without % there (no 上年 to compute 本年 − 上年 from), and a line new this year
 * may leave its 增减 blank: so the column is summed into nothing (no 合计 line, no row sum, no hierarchy) and checked by
 * nothing — never a finding of its own, never one on another cell. Guards (they pass on main as well): the reading is
 * bands8's; this pins it.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { TableKind } from "../../src/core/model/schema";
import { STYLES, buildVariant, type VariantOptions } from "../fixtures/variants";
import { mutate } from "../../bench/localization";
import { serious, kinds } from "../helpers";

const WORDINGS: Array<NonNullable<VariantOptions["changeAfter"]>> = [
  { change: "增减" },
  { change: "同比增减" },
  { change: "增减额", rate: "增减率" },
];
const KINDS: TableKind[] = ["income_expenditure_summary", "income_summary", "expenditure_summary"];

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const plain = checkReport(importWorkbook(buildVariant(style).grids), { localize: false });

  test.each(WORDINGS.map((w) => [`${w.change}|${w.rate ?? ""}`, w] as const))(
    "本年 | %s, no 上年: nothing beyond the plain workbook's; a 增减 figure +7 is summed into nothing",
    (_w, changeAfter) => {
      const { grids } = buildVariant(style, { changeAfter });
      const report = importWorkbook(grids);
      expect(kinds(checkReport(report, { localize: false }))).toEqual(kinds(plain));
      const cells = report.tables
        .filter((t) => KINDS.includes(t.kind))
        .flatMap((t) => t.rows.filter((r) => r.level <= 1).map((r) => r.amounts.change))
        .filter((a) => a && !a.blank)
        .map((a) => a.cell);
      expect(cells.length).toBeGreaterThan(2);
      const delta = style.unit === "元" ? 70000 : 7;
      for (const cell of cells) {
        const res = checkReport(importWorkbook(mutate(grids, cell, delta)), { localize: false });
        expect([cell, serious(res.findings).map((f) => f.message)]).toEqual([cell, []]);
      }
    }
  );
});
