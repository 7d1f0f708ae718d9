/**
 * Functional 科目 written two more ways (newcomer7 d30–d35): the code after the name in brackets — 行政运行（2010801）
 * — and a code column holding each level's own digits (类 201, 款 06, 项 01). Before, the first was read as names only
 * (no code: the tables were compared by name, not by code) and the second as codes 201 and nothing under it (8–10
 * false 错误 per workbook); own digits 08 / 01 that a converter turned the numbers 8 / 1 were not read at all (24 false
 * 错误, newcomer11 NC11-5). Every generated template, every writing: the codes read are the plain workbook's, nothing
 * new is reported, and a wrong 项 figure is reported at its cell.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import type { Table } from "../../src/core/model/schema";
import { checkReport } from "../../src/core/rules/engine";
import type { Finding } from "../../src/core/rules/rule";
import { mutate } from "../../bench/localization";
import { ownDigitsCode } from "../../src/core/classification/codes";
import { STYLES, buildVariant, convertCodes } from "../fixtures/variants";
import { serious } from "../helpers";

const key = (f: Finding) => `${f.rule} ${f.severity}`;
const codes = (t: Table | undefined) =>
  t?.rows.filter((r) => r.code).map((r) => `${r.code}:${r.level}`);
const FUNCTIONAL = ["expenditure_summary", "general_budget_expenditure"] as const;

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const plain = importWorkbook(buildVariant(style).grids);
  const plainFound = serious(checkReport(plain, { localize: false }).findings)
    .map(key)
    .sort();

  // The own digits 01…09 as a converter leaves them when it makes the cells numbers: 1…9 (newcomer11 NC11-5).
  describe.each([
    ["after", "after", undefined],
    ["ownDigits", "ownDigits", undefined],
    ["ownDigits, 08 turned the number 8", "ownDigits", "lostZero"],
  ] as const)("%s", (_w, codeWriting, how) => {
    const built = buildVariant(style, { codeWriting }).grids;
    const grids = how ? convertCodes(built, how) : built;
    const report = importWorkbook(grids);

    test("the codes and levels are the plain workbook's; nothing new is reported", () => {
      for (const kind of FUNCTIONAL)
        expect(codes(report.tables.find((t) => t.kind === kind))).toEqual(
          codes(plain.tables.find((t) => t.kind === kind))
        );
      expect(
        serious(checkReport(report, { localize: false }).findings)
          .map(key)
          .sort()
      ).toEqual(plainFound);
    });

    test("a 项's 合计 +7 in the 一般公共预算支出表: a 错误 citing it", () => {
      const t5 = report.tables.find((t) => t.kind === "general_budget_expenditure")!;
      const xiang = t5.rows.find((r) => r.code?.length === 7 && r.amounts.total?.value)!;
      const cell = xiang.amounts.total!.cell;
      const delta = t5.unit === "元" ? 70000 : 7;
      const found = serious(
        checkReport(importWorkbook(mutate(grids, cell, delta)), { localize: false }).findings
      );
      expect(found.some((f) => f.severity === "error" && f.cells.includes(cell))).toBe(true);
    });
  });
});

describe("own digits: 款 or 项", () => {
  test.each([
    // A new 款 after a 项 of another 款: its standard name decides.
    ["08", "审计事务", { lei: "201", kuan: "20106" }, 7, "20108"],
    // A 项 under the 款 above: its standard name decides.
    ["01", "行政运行", { lei: "201", kuan: "20108" }, 5, "2010801"],
    // Names that decide nothing: the place does (under a 类 a 款, under a 款 or 项 a 项).
    ["06", "某某支出", { lei: "201" }, 3, "20106"],
    ["02", "某某事务", { lei: "201", kuan: "20106" }, 7, "2010602"],
  ] as const)("%s %s", (digits, name, ctx, previous, code) => {
    expect(ownDigitsCode(digits, name, { ...ctx }, previous)).toBe(code);
  });
  test("nothing without a 类 above, nor for other than two digits", () => {
    expect(ownDigitsCode("08", "审计事务", {}, undefined)).toBeUndefined();
    expect(ownDigitsCode("8", "审计事务", { lei: "201" }, 3)).toBeUndefined();
  });
});
