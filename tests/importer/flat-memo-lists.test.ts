/**
 * A flat 其中 list under an ordinary line (newcomer11 NC11-8, beyond the 机关运行经费 total of memo-lists.test): a 类
 * (201 一般公共服务支出) or 款 (20106 财政事务) of the 一般公共预算支出表, or an economic class (302 商品和服务支出) of the
 * 基本支出表, followed by 其中：办公费 and 印刷费, both at the left edge (a PDF conversion lost the second one's indent).
 * Before, 印刷费 was read as a line beside the 类 (or a 款 of 302) and summed into the 合计 (or 302): a false 错误 on a
 * correct workbook. Now it is one more 其中 item while the list stays within its line — a part of it, checked not to
 * exceed it, never equal to it (a list of all of it is still a 其中 list). Tables printing codes, in every generated
 * template (the names-only one: its 款 / 项 get their codes after the body is read, so an uncoded line there may be one
 * of them: only its 基本支出表, which prints codes).
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Report, Table } from "../../src/core/model/schema";
import { STYLES, buildVariant, type VariantOptions } from "../fixtures/variants";
import { bump } from "../fixtures/grid-edit";

type Flat = NonNullable<VariantOptions["flatMemo"]>;
const serious = (r: Report) =>
  checkReport(r, { localize: false }).findings.filter(
    (f) => f.severity === "error" || f.severity === "warning"
  );
const kindOf = (under: string) =>
  under.startsWith("3") ? "basic_expenditure_economic" : "general_budget_expenditure";
const table = (r: Report, under: string): Table => r.tables.find((t) => t.kind === kindOf(under))!;
const CASES = STYLES.flatMap((s) =>
  ["201", "20106", "302"]
    .filter((under) => s.codeLayout !== "names" || under === "302")
    .map((under) => [s.name, under, s] as const)
);

describe.each(CASES)("variant %s, a flat 其中 list under %s", (_n, under, style) => {
  const build = (list: Flat["list"]) => buildVariant(style, { flatMemo: { under, list } });

  test.each(["partial", "full"] as const)(
    "%s list: both items 其中 items of the line, no finding",
    (list) => {
      const report = importWorkbook(build(list).grids);
      const t = table(report, under);
      const at = t.rows.findIndex((r) => r.code === under);
      const [line, first, second] = t.rows.slice(at, at + 3);
      expect([first.label.trim(), second.label.trim()]).toEqual(["其中：办公费", "印刷费"]);
      expect([first.partial, second.partial]).toEqual([true, true]);
      expect([first.level, second.level]).toEqual([line.level + 1, line.level + 1]);
      expect(serious(report)).toEqual([]);
    }
  );

  test("a list past the line: an error citing its second item", () => {
    const report = importWorkbook(build("over").grids);
    const t = table(report, under);
    const second = t.rows.find((r) => r.label.trim() === "印刷费")!;
    const cell = second.amounts.total.cell;
    expect(serious(report).some((f) => f.severity === "error" && f.cells.includes(cell))).toBe(
      true
    );
  });

  test("the line's own 合计 printed 10 万元 low: an error citing it, the list still its 其中 items", () => {
    const { grids } = build("partial");
    const plain = table(importWorkbook(grids), under);
    const cell = plain.rows.find((r) => r.code === under)!.amounts.total.cell;
    bump(grids, cell, style.unit === "元" ? -100000 : -10, 2);
    const report = importWorkbook(grids);
    const t = table(report, under);
    expect(t.rows.filter((r) => r.partial).map((r) => r.label.trim())).toEqual([
      "其中：办公费",
      "印刷费",
    ]);
    const found = serious(report);
    expect(found.length).toBeGreaterThan(0);
    expect(found.some((f) => f.rule.startsWith("hierarchy.") && f.cells.includes(cell))).toBe(true);
  });
});
