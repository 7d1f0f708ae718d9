/**
 * newcomer7's kind 5 (stop 22), in every generated template: (1) the 收入总表's 上年结转 column captioned 结转结余 (read as an
 * unknown column: its 上年结转 was lost, and the 一般公共预算支出表 including 上年结转 was compared with the 一般公共预算 column
 * alone: false 错误); (2) the 收支总表's income side ending 上年结转 | 收入合计, no 本年收入合计 line (收入合计 was read as
 * 本年收入合计 and found ≠ the sources). Expected: the standard layout's findings, and a wrong source still found.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { CheckResult } from "../../src/core/rules/rule";
import { STYLES, buildVariant } from "../fixtures/variants";
import { mutate } from "../../bench/localization";
import { serious } from "../helpers";
import fs from "fs/promises";
import path from "path";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import type { SheetGrid } from "../../src/core/grid/grid";

const kinds = (r: CheckResult) =>
  serious(r.findings)
    .map((f) => `${f.rule} ${f.severity}`)
    .sort();

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const plain = checkReport(importWorkbook(buildVariant(style).grids), { localize: false });

  test("收入总表's 上年结转 column captioned 结转结余: read as 上年结转, the standard layout's findings", () => {
    const report = importWorkbook(
      buildVariant(style, {
        sourceCaption: { from: "上年结转", to: "结转结余", columnsOnly: true },
      }).grids
    );
    const t2 = report.tables.find((t) => t.kind === "income_summary")!;
    expect(t2.columns.filter((c) => c.key.startsWith("col_"))).toEqual([]);
    expect(kinds(checkReport(report, { localize: false }))).toEqual(kinds(plain));
  });

  test("收支总表 income side ending 上年结转 | 收入合计: the standard layout's findings; a source +7 found on its cell", () => {
    const { grids } = buildVariant(style, { incomeTotalLast: true });
    const report = importWorkbook(grids);
    expect(kinds(checkReport(report, { localize: false }))).toEqual(kinds(plain));
    const t1 = report.tables.find((t) => t.kind === "income_expenditure_summary")!;
    const cell = t1.rows.find((r) => r.key === "src_general")!.amounts.total.cell;
    const wrong = checkReport(
      importWorkbook(mutate(grids, cell, style.unit === "元" ? 70000 : 7)),
      {
        localize: false,
      }
    );
    expect(serious(wrong.findings).some((f) => f.cells.includes(cell))).toBe(true);
  });
});

/**
 * bands9: the 收支总表's income side listing 上年结转 right after the sources, then 收入合计 (the sources + 上年结转) and
 * 收入总计 (the same) below it — in every generated template, each given 上年结转 money (mixedFunds) so that 收入合计 and
 * 本年's differ. 收入合计 was read as 本年收入合计: 3 false 错误 (within.current-income, within.income-grand-total,
 * cross.summary-income). Expected: the standard layout's findings; each of a source, 上年结转, 收入合计 and 收入总计 +7 is
 * found on its cell.
 */
describe.each(STYLES.map((s) => [s.name, { ...s, mixedFunds: true }] as const))(
  "variant %s with 上年结转 money",
  (_n, style) => {
    const plain = checkReport(importWorkbook(buildVariant(style).grids), { localize: false });
    const { grids } = buildVariant(style, { carryInIncomeTotal: true });
    const report = importWorkbook(grids);
    const t1 = report.tables.find((t) => t.kind === "income_expenditure_summary")!;
    const income = t1.rows.filter((r) => r.side === "income");
    const cellOf = (f: (r: (typeof income)[number]) => boolean) =>
      income.find(f)!.amounts.total.cell;

    test("收支总表 income side 上年结转 | 收入合计 | 收入总计: the standard layout's findings", () => {
      expect(income.some((r) => r.key === "current_income_total")).toBe(false);
      expect(kinds(checkReport(report, { localize: false }))).toEqual(kinds(plain));
    });

    test.each([
      ["一般公共预算", (r: (typeof income)[number]) => r.key === "src_general"],
      ["上年结转", (r: (typeof income)[number]) => r.key === "carryover_in"],
      ["收入合计", (r: (typeof income)[number]) => r.label.replace(/\s/g, "") === "收入合计"],
      ["收入总计", (r: (typeof income)[number]) => r.label.replace(/\s/g, "") === "收入总计"],
    ])("%s +7: a 错误 citing its cell", (_w, f) => {
      const cell = cellOf(f);
      const wrong = checkReport(
        importWorkbook(mutate(grids, cell, style.unit === "元" ? 70000 : 7)),
        { localize: false }
      );
      expect(
        serious(wrong.findings).some((x) => x.severity === "error" && x.cells.includes(cell))
      ).toBe(true);
    });
  }
);

/**
 * The same layout in a field workbook's style (newcomer8 a00, 北京: 上年结转结余 98.18 万元): its 收支总表 rewritten as
 * carryInIncomeTotal does — 上年结转结余 moved into the first free line of the income list, 本年收入合计 reworded 收入合计
 * with the 收入总计's figure. Nothing to report, as the workbook itself; 收入合计 or 收入总计 +7 is a 错误 on its cell.
 */
describe("a00 (北京's template) with 上年结转结余 | 收入合计 | 收入总计", () => {
  const file = path.join(__dirname, "..", "fixtures", "newcomer8", "a00-bj-clean-ok.xlsx");
  function carryInIncomeTotal(g: SheetGrid): SheetGrid {
    const values = g.values.map((r) => r.slice());
    const text = g.text.map((r) => r.slice());
    const at = (w: string) => values.findIndex((r) => String(r[0]).replace(/\s/g, "") === w);
    const [i, t] = [at("本年收入合计"), at("收入总计")];
    const free = values.findIndex((r, k) => k < i && r[0] === "" && r[1] === "");
    for (const a of [values, text]) {
      a[free] = [...a[i + 1].slice(0, 2), ...a[free].slice(2)];
      a[i + 1] = ["", "", ...a[i + 1].slice(2)];
      a[i] = ["收入合计", a[t][1], ...a[i].slice(2)];
    }
    return { ...g, values, text };
  }
  const load = async () => {
    const { grids } = await readXlsxBuffer(await fs.readFile(file));
    return grids.map((g) =>
      /部门收支总表/.test(String(g.values[0][0])) ? carryInIncomeTotal(g) : g
    );
  };

  test("nothing to report; 收入合计 and 收入总计 +7 each a 错误 on its cell", async () => {
    const grids = await load();
    const report = importWorkbook(grids);
    expect(
      serious(checkReport(report, { localize: false }).findings).map((f) => f.message)
    ).toEqual([]);
    const t1 = report.tables.find((t) => t.kind === "income_expenditure_summary")!;
    for (const w of ["收入合计", "收入总计"]) {
      const cell = t1.rows.find((r) => r.side === "income" && r.label.replace(/\s/g, "") === w)!
        .amounts.total.cell;
      const wrong = checkReport(importWorkbook(mutate(grids, cell, 7)), { localize: false });
      expect([
        w,
        serious(wrong.findings).some((f) => f.severity === "error" && f.cells.includes(cell)),
      ]).toEqual([w, true]);
    }
  });
});
