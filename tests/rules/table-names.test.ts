/**
 * How messages name a table (helpers.tableName): a sheet label that names the table's kind is not repeated in brackets
 * («8 政府性基金预算支出表（政府性基金支出表）»), and a label starting with a digit is quoted so that it does not read as
 * a number after 超过 / 小于 («超过6 一般公共预算基本支出表») — tester31 T31-25. Every generated template whose tables
 * sit one to a sheet without a printed 表号, with the sheets renamed as 江苏 / 湖北 / 江西 templates name them.
 */
import { promises as fs } from "fs";
import path from "path";
import { importWorkbook } from "../../src/core/importer/importer";
import { tableName } from "../../src/core/rules/helpers";
import { checkReport } from "../../src/core/rules/engine";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import type { TableKind } from "../../src/core/model/schema";
import { STYLES, buildVariant } from "../fixtures/variants";

/** Sheet labels as printed on the tab, and the name a message gives the table. */
const RENAMED: Array<[TableKind, string, string]> = [
  [
    "basic_expenditure_economic",
    "6 一般公共预算基本支出表",
    "「6 一般公共预算基本支出表」（基本支出经济分类表）",
  ],
  ["three_public", "7 “三公”经费支出表", "“三公”经费表"],
  ["gov_fund_expenditure", "8 政府性基金预算支出表", "政府性基金支出表"],
  ["project_expenditure", "10.项目支出表", "项目支出表"],
];

describe.each(STYLES.map((s) => [s.name, s] as const))("%s", (_n, style) => {
  test("a label naming the kind is the kind; a label starting with a digit is quoted", () => {
    const report = importWorkbook(buildVariant(style).grids);
    let named = 0;
    for (const [kind, sheet, name] of RENAMED) {
      const t = report.tables.find((x) => x.kind === kind);
      if (!t) continue;
      // The table alone on a tab so named, no 表号 printed above it.
      expect(tableName({ ...t, sheet, label: undefined, sharedSheet: false })).toBe(name);
      named++;
    }
    expect(named).toBeGreaterThanOrEqual(3);
  });
});

test("sheets renamed in a template without 表号: the messages name the tables so", () => {
  const style = STYLES.find((s) => !s.label(6) && !s.stacked)!;
  const { grids } = buildVariant(style);
  const before = importWorkbook(grids);
  const renames = new Map<string, [string, string]>();
  for (const [kind, sheet, name] of RENAMED) {
    const t = before.tables.find((x) => x.kind === kind)!;
    renames.set(t.sheet, [sheet, name]);
  }
  const after = importWorkbook(
    grids.map((g) => ({ ...g, sheet: renames.get(g.sheet)?.[0] ?? g.sheet }))
  );
  for (const [sheet, name] of renames.values())
    expect(tableName(after.tables.find((x) => x.sheet === sheet)!)).toBe(name);
});

test("tester31 江西 district: 「…小于「6 一般公共预算基本支出表」（基本支出经济分类表）…」, no 「小于6」", async () => {
  const file = path.join(__dirname, "../fixtures/tester31/jiangxi-district.xlsx");
  const report = importWorkbook((await readXlsxBuffer(await fs.readFile(file))).grids);
  const messages = checkReport(report).findings.map((f) => f.message);
  expect(
    messages.some((m) => m.includes("小于「6 一般公共预算基本支出表」（基本支出经济分类表）"))
  ).toBe(true);
  expect(messages.filter((m) => /(超过|小于)\d/.test(m))).toEqual([]);
});
