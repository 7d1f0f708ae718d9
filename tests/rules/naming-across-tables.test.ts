/**
 * One 科目 printed with one wrong name in several tables (收入总表, 支出总表, 一般公共预算支出表 all list the same 款) is
 * one problem to a reviewer: one finding per code and name, citing the name cell of every table that prints it, each
 * cell's note its own table's sentence (tester34 T34-9: three 警告 for 21305 on 表2, 表3, 表5). Every generated layout
 * that prints codes.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { tableName } from "../../src/core/rules/helpers";
import { STYLES, buildVariant } from "../fixtures/variants";

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  test.each([
    ["a 款 name", "20106", "行政事务"],
    ["a 类 name", "208", "民政事业支出"],
  ])(
    "%s printed wrong in every table: one 警告 citing each table's name cell",
    (_w, code, name) => {
      const report = importWorkbook(buildVariant(style, { names: { [code]: name } }).grids);
      const printing = report.tables.filter((t) =>
        t.rows.some(
          (r) => r.code === code && r.codeSystem === "functional" && r.label.includes(name)
        )
      );
      const cells = printing.flatMap((t) =>
        t.rows.filter((r) => r.code === code && r.label.includes(name)).map((r) => r.labelCell)
      );
      const fs = checkReport(report).findings.filter(
        (f) => f.rule === "naming.functional-code" && f.message.includes(`${code} 名称为“${name}”`)
      );
      if (!printing.length) return expect(fs).toEqual([]); // a names-only template: no code to judge the name by
      expect(fs.map((f) => f.severity)).toEqual(["warning"]);
      expect([...fs[0].cells].sort()).toEqual([...cells].sort());
      if (printing.length > 1) {
        // Every table named in the message; each cell's note says its own table.
        for (const t of printing) expect(fs[0].message).toContain(tableName(t));
        expect(fs[0].details).toHaveLength(cells.length);
      }
    }
  );
});
