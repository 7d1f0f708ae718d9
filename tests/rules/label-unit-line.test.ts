/**
 * The line above each title holds the table's label AND its unit (tester26b T26B-4): “表1                单位：万元”
 * in one cell, or 表1 in the first cell and 单位：万元 in the last, then the title, then the header (no meta line), in
 * every generated template. Before, that line was neither a label line nor a meta line: the table went unnamed, its
 * unit was taken for 元 (false unit findings) or the table was not found.
 * - every table found, of its kind, with its label (表1 …) and its unit;
 * - the clean set: no 错误 / 警告.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Report } from "../../src/core/model/schema";
import { STYLES, buildVariant, type VariantOptions } from "../fixtures/variants";
import { serious } from "../helpers";

const HOW: Array<NonNullable<VariantOptions["labelUnitLine"]>> = ["oneCell", "apart"];

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  describe.each(HOW)("label and unit on one line (%s)", (how) => {
    const v = buildVariant(style, { labelUnitLine: how });
    const report = importWorkbook(v.grids);

    test("every table found, of its kind", () => {
      expect(report.tables.map((t) => t.kind)).toEqual(v.expected.map((e) => e.kind));
    });

    test("each table's label and unit as printed", () => {
      const read = report.tables.map((t) => ({ kind: t.kind, label: t.label, unit: t.unit }));
      expect(read).toEqual(v.expected.map((e) => ({ kind: e.kind, label: e.label, unit: e.unit })));
    });

    test("the clean set: no 错误 / 警告", () => {
      const found = serious(checkReport(report, { localize: false }).findings);
      expect(found.map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
    });

    test("the same findings as the set printing its label, title and unit on lines of their own", () => {
      const plain = buildVariant(style, { labelUnitLine: undefined });
      const kinds = (r: Report) =>
        checkReport(r, { localize: false })
          .findings.map((f) => `${f.rule} ${f.severity}`)
          .sort();
      expect(kinds(report)).toEqual(kinds(importWorkbook(plain.grids)));
    });
  });
});
