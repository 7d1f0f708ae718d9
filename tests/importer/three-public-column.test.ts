/**
 * A “三公” table printed as one column of figures: “三公”经费合计 / 1.因公出国（境）费 / 2.公务用车购置及运行费 /
 * 其中：公务用车购置费 / 公务用车运行费 / 3.公务接待费 under a header printing nothing over the names and 2025年预算数
 * over the figures (with a 序号 column, a 栏次 row whose name cell is blank: 1 alone, the header repeated at a page
 * break), or under 项目 | 金额 — in every generated template, the 合计 first or last. Before, the lone caption was no
 * header row: “未找到表头行” (an input 错误), or, under a 栏次 row, a table read with no line at all and nothing
 * reported. Now it is the 三公 table, checked like any other: 合计 = the three items, 购置 + 运行 = 公务用车, the items
 * against the 基本支出表's 30217 / 30231.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Report, Table } from "../../src/core/model/schema";
import { STYLES, buildVariant, type VariantOptions } from "../fixtures/variants";
import { serious } from "../helpers";

type Column = NonNullable<VariantOptions["threePublicColumn"]>;
const table = (r: Report): Table => r.tables.find((t) => t.kind === "three_public")!;
const read = (style: (typeof STYLES)[number], tc: Column) =>
  importWorkbook(buildVariant(style, { threePublicColumn: tc }).grids);
const cellOf = (t: Table, key: string) => {
  const r = t.rows.find((x) => x.key === key)!;
  return Object.values(r.amounts)[0].cell;
};

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  describe.each(["year", "pair"] as const)("header %s", (header) => {
    test("read as the 三公 table: 合计, the three items, the vehicle's two parts; no finding", () => {
      const report = read(style, { header });
      const t = table(report);
      expect(t).toBeDefined();
      const lines = t.rows.map((r) => [r.key, r.level, !!r.partial]);
      const items = [
        ["abroad", 1, false],
        ["vehicle", 1, false],
        ["vehicle_purchase", 2, false],
        ["vehicle_operation", 2, false],
        ["reception", 1, false],
      ];
      expect(lines).toEqual(
        style.totalsLast ? [...items, ["total", 0, false]] : [["total", 0, false], ...items]
      );
      expect(t.rows.find((r) => r.key === "total")!.label).toBe("“三公”经费合计");
      const result = checkReport(report, { localize: false });
      expect(serious(result.findings)).toEqual([]);
      expect(result.findings.filter((f) => /未找到表头行|未能读取/.test(f.message))).toEqual([]);
      // Every figure in a hierarchy identity; the running cost and the reception against the economic table.
      const inRule = (...rules: string[]) =>
        new Set(
          result.identities
            .filter((i) => rules.includes(i.rule))
            .flatMap((i) => i.terms.map((x) => x.cell))
        );
      const tree = inRule("hierarchy.total", "hierarchy.parent-children");
      for (const k of ["total", "vehicle", "vehicle_operation", "reception"])
        expect(tree.has(cellOf(t, k))).toBe(true);
      const cross = inRule("cross.three-public-economic");
      for (const k of ["vehicle_operation", "reception"])
        expect(cross.has(cellOf(t, k))).toBe(true);
    });

    test.each([
      ["total", 7, ["hierarchy"]],
      ["running", -7, ["hierarchy", "cross.three-public-economic"]],
      ["reception", -3, ["hierarchy", "cross.three-public-economic"]],
    ] as const)("%s printed %d 万元 off: 错误 at its cell", (line, by, rules) => {
      const plain = new Set(
        checkReport(read(style, { header }), { localize: false }).findings.map((f) => f.message)
      );
      const report = read(style, { header, wrong: { line, by } });
      const t = table(report);
      const key = { total: "total", running: "vehicle_operation", reception: "reception" }[line];
      const cell = cellOf(t, key);
      const found = serious(checkReport(report, { localize: false }).findings).filter(
        (f) => !plain.has(f.message)
      );
      expect(found.length).toBeGreaterThan(0);
      expect(found.every((f) => f.severity === "error" && f.cells.includes(cell))).toBe(true);
      for (const rule of rules) expect(found.some((f) => f.rule.startsWith(rule))).toBe(true);
    });
  });
});
