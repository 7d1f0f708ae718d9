/**
 * tester35 T35-4: a 收入总表 printing the 单位资金's sources as columns of their own on one header line, no band of
 * income over them, one of them by its short caption (科目 | 合计 | 上年结转 | 一般公共预算 … | 事业 | 事业单位经营 |
 * 上级补助). Before, 事业 (and 经营, 事业单位经营) was left unread: within.row-sources went 部分适用 for the whole table
 * and a row's error was missed. Beside sources named in full they are 事业收入 / 事业单位经营收入: in every generated
 * template the same keys and findings as the full twin's, and a changed figure found at its cell by the row sum.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Finding } from "../../src/core/rules/rule";
import { STYLES, buildVariant } from "../fixtures/variants";
import { mutate } from "../../bench/localization";
import { table } from "../helpers";

const said = (fs: Finding[]) =>
  fs
    .filter((f) => f.severity === "error" || f.severity === "warning")
    .map((f) => `${f.rule} ${f.message}`);
/** A figure change of 45 万元 in the style's unit. */
const delta = (unit: string) => (unit === "元" ? 450000 : 45);

/** [short captions, their full twin]. */
const CAPTIONS: Array<[[string, string, string], [string, string, string]]> = [
  [
    ["事业", "事业单位经营", "上级补助"],
    ["事业收入", "事业单位经营收入", "上级补助收入"],
  ],
  [
    ["事业", "经营", "附属单位上缴"],
    ["事业收入", "经营收入", "附属单位上缴收入"],
  ],
];

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const st = { ...style, mixedFunds: true };
  test.each(CAPTIONS.map((c) => [c[0].join(" | "), ...c] as const))(
    "sources %s with no band: read as the full captions, a changed 事业 figure found at its cell",
    (_c, short, full) => {
      const { grids } = buildVariant(st, { unitSourcesFlat: short });
      const twin = importWorkbook(buildVariant(st, { unitSourcesFlat: full }).grids);
      const report = importWorkbook(grids);
      const keys = (r: typeof report) => table(r, "income_summary").columns.map((c) => c.key);
      expect(keys(report)).toEqual(keys(twin));
      expect(keys(report)).toContain("business");
      const res = checkReport(report, { localize: false });
      expect(said(res.findings)).toEqual(said(checkReport(twin, { localize: false }).findings));
      // No 部分适用 for an unread column: the rows are checked by their sources.
      const rowSources = res.perRule.find((p) => p.id === "within.row-sources")!;
      expect(rowSources.reasons.filter((r) => /未能识别的金额列/.test(r))).toEqual([]);
      const cell = table(report, "income_summary").rows.find(
        (r) => r.amounts.business && !r.amounts.business.blank && r.level === 3
      )!.amounts.business.cell;
      const after = checkReport(importWorkbook(mutate(grids, cell, delta(st.unit))), {
        localize: false,
      }).findings;
      expect(after.some((f) => f.rule === "within.row-sources" && f.cells.includes(cell))).toBe(
        true
      );
    }
  );
});
