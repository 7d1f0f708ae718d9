/**
 * 表号 printed with a dash other than "-" (tester29 T29-7: 表1—3, 表2－1, as many templates print them) were not read as
 * labels: each table's label line was 未识别 (表格标题之前的内容), and naming.table-labels became 不适用. Every dash
 * templates print, in every style of the generated workbook.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { STYLES, buildVariant } from "../fixtures/variants";

const DASHES = ["-", "－", "—", "–", "‐", "‑", "−"];

describe.each(STYLES.map((s) => [s.name, s] as const))("%s", (_name, st) => {
  test.each(DASHES.map((d) => [`U+${d.codePointAt(0)!.toString(16)}`, d] as const))(
    "表1%s N: every table labelled, nothing 未识别, the labels' style checked",
    (_n, dash) => {
      const v = buildVariant(st, { labelDash: dash });
      const r = importWorkbook(v.grids);
      const clean = importWorkbook(buildVariant(st).grids);
      // (A style naming its sheets by label: the sheet names differ, nothing else.)
      const what = (x: typeof r) => x.unrecognized.map((u) => [u.range, u.reason]);
      expect(what(r)).toEqual(what(clean));
      expect(r.tables.length).toBe(clean.tables.length);
      const labels = r.tables.filter((t) => t.label).map((t) => t.label!.normalize("NFKC"));
      expect(labels.length).toBeGreaterThanOrEqual(3);
      expect(labels.every((l) => new RegExp(`^表1${dash.normalize("NFKC")}\\d+$`).test(l))).toBe(
        true
      );
      const result = checkReport(r, { localize: false });
      expect(result.findings.filter((f) => f.rule === "naming.table-labels")).toEqual([]);
      const rule = result.perRule.find((x) => x.id === "naming.table-labels")!;
      expect(rule.checked).toBeGreaterThanOrEqual(3);
    }
  );
});
