/**
 * 收入总表 sources printed by their short captions (tester33 T33-7: 上级补助 / 附属单位上缴 without 收入 left unread, so
 * 合计 = Σ sources went 部分适用 and a row's error was missed; 事业 / 经营 / 其他 under a band of income the same). In every
 * generated template, the 单位资金 band's parts so worded read as their full twin's (上级补助收入 …): the same keys, the
 * same findings (none), and a changed part found at its cell by the row sum.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Finding } from "../../src/core/rules/rule";
import { STYLES, buildVariant } from "../fixtures/variants";
import { mutate } from "../../bench/localization";
import { table } from "../helpers";

const serious = (fs: Finding[]) =>
  fs
    .filter((f) => f.severity === "error" || f.severity === "warning")
    .map((f) => `${f.rule} ${f.message}`);
/** A figure change of 45 万元 in the style's unit. */
const delta = (unit: string) => (unit === "元" ? 450000 : 45);

/** [short captions, their full twin]: the 单位资金 band's three parts. */
const CAPTIONS: Array<[[string, string, string], [string, string, string]]> = [
  [
    ["上级补助", "附属单位上缴", "其他"],
    ["上级补助收入", "附属单位上缴收入", "其他收入"],
  ],
  [
    ["事业", "经营", "其他"],
    ["事业收入", "事业单位经营收入", "其他收入"],
  ],
];

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const st = { ...style, mixedFunds: true };
  test.each(CAPTIONS.map((c) => [c[0].join(" | "), ...c] as const))(
    "单位资金 over %s: read as the full captions, a changed part found at its cell",
    (_c, short, full) => {
      const { grids } = buildVariant(st, { unitBand: "单位资金", unitLeaves: short });
      const twin = importWorkbook(
        buildVariant(st, { unitBand: "单位资金", unitLeaves: full }).grids
      );
      const report = importWorkbook(grids);
      const keys = (r: typeof report) => table(r, "income_summary").columns.map((c) => c.key);
      expect(keys(report)).toEqual(keys(twin));
      expect(serious(checkReport(report, { localize: false }).findings)).toEqual(
        serious(checkReport(twin, { localize: false }).findings)
      );
      // The first part's column (superior / business) and a 项 line's figure in it, changed.
      const first = table(twin, "income_summary").columns.find((c) =>
        c.label.endsWith(`/${full[0]}`)
      )!.key;
      const cell = table(report, "income_summary").rows.find(
        (r) => r.amounts[first] && !r.amounts[first].blank && r.level === 3
      )!.amounts[first].cell;
      const after = checkReport(importWorkbook(mutate(grids, cell, delta(st.unit))), {
        localize: false,
      }).findings;
      expect(after.some((f) => f.rule === "within.row-sources" && f.cells.includes(cell))).toBe(
        true
      );
    }
  );
});
