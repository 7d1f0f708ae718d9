/**
 * Fuzz: ≥ 10,000 generated grids (fast-check, shrinking on failure) through the importer and every rule. Whatever
 * the cells hold — numbers of any size, NaN / ±Infinity, error values, TRUE/FALSE, dates, control characters,
 * budget words in any order, merges — nothing throws, every finding is a Chinese sentence, and no message prints
 * NaN, Infinity, undefined or an object.
 */
import fc from "fast-check";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { CellValue, SheetGrid } from "../../src/core/grid/grid";
import { displayText } from "../../src/core/grid/display";

const WORDS = [
  "收支总表",
  "收入总表",
  "支出总表",
  "财政拨款收支总表",
  "一般公共预算支出表",
  "基本支出经济分类表",
  "“三公”经费支出表",
  "项目支出表",
  "政府性基金预算支出表",
  "国有资本经营预算支出表",
  "绩效目标表",
  "部门名称：某局",
  "单位：万元",
  "金额单位：元",
  "科目编码",
  "科目名称",
  "功能分类科目",
  "合计",
  "总计",
  "小计",
  "本年收入合计",
  "一般公共预算",
  "政府性基金",
  "国有资本经营预算",
  "基本支出",
  "项目支出",
  "人员经费",
  "公用经费",
  "上年结转",
  "其中：",
  "类",
  "款",
  "项",
  "201",
  "20101",
  "2010101",
  "30101",
  "302",
  "一般公共服务支出",
  "行政运行",
  "　项目甲",
  "　　项目乙",
  "公务接待费",
  "因公出国（境）费",
  "公务用车购置及运行费",
  "注：本表无数据",
  "(388.14)",
  "388.14万",
  "￥12.3",
  "１２３",
  "—",
  "#REF!",
  "#DIV/0!",
  "#N/A",
  "=SUM(C3:C5)",
  "\u001b[2J",
  "\u202e反向",
  "a\tb",
  "",
];
const number = fc.oneof(
  fc.double({ noDefaultInfinity: false, noNaN: false }),
  fc.integer({ min: -1e6, max: 1e6 }).map((n) => n / 100),
  fc.constantFrom(0, -0, 1e308, -1e-308, 2024, 2025)
);
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 4, arbitrary: number },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 3, arbitrary: fc.constant("") }
);
const FORMATS = [
  "General",
  "0.00",
  "#,##0.00",
  "#,##0",
  "yyyy/m/d",
  "0.00_);(0.00)",
  "@",
  '0.00"万元"',
];

const grid: fc.Arbitrary<SheetGrid> = fc
  .record({
    sheet: fc.constantFrom("表1", "预算公开表2", "Sheet1", "项目支出表", "'a b'"),
    rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 8 }), { minLength: 0, maxLength: 14 }),
    fmt: fc.constantFrom(...FORMATS),
    merge: fc.option(fc.record({ r0: fc.nat(3), c0: fc.nat(3), h: fc.nat(2), w: fc.nat(3) })),
    hidden: fc.boolean(),
  })
  .map(({ sheet, rows, fmt, merge, hidden }) => {
    const width = rows.reduce((m, r) => Math.max(m, r.length), 0);
    const values = rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ""));
    const numberFormat = values.map((r) => r.map((v) => (typeof v === "number" ? fmt : "General")));
    const text = values.map((r, i) => r.map((v, c) => displayText(v, numberFormat[i][c])));
    const merges =
      merge && rows.length > merge.r0 + merge.h && width > merge.c0 + merge.w
        ? [{ r0: merge.r0, c0: merge.c0, r1: merge.r0 + merge.h, c1: merge.c0 + merge.w }]
        : [];
    return {
      sheet,
      origin: { row: 0, col: 0 },
      values,
      text,
      numberFormat,
      merges,
      visibility: hidden ? ("hidden" as const) : ("visible" as const),
    };
  });

test("10,000 generated workbooks: no crash, Chinese findings only, no NaN / Infinity / undefined in text", () => {
  fc.assert(
    fc.property(
      fc.uniqueArray(grid, { minLength: 1, maxLength: 3, selector: (g) => g.sheet }),
      (grids) => {
        const report = importWorkbook(grids);
        const result = checkReport(report);
        for (const f of result.findings) {
          expect(f.message).toMatch(/[\u4e00-\u9fff]/);
          expect(f.message).not.toMatch(/NaN|Infinity|undefined|\[object|内部错误/);
          for (const n of [f.expected, f.actual, f.difference])
            if (n !== null) expect(Number.isFinite(n)).toBe(true);
        }
        for (const r of result.perRule)
          for (const reason of r.reasons)
            expect(reason).not.toMatch(/内部错误|NaN|Infinity|undefined/);
        for (const u of report.unrecognized) expect(u.reason).not.toMatch(/内部错误|NaN|undefined/);
      }
    ),
    { numRuns: 10000, seed: 20261129 }
  );
});
