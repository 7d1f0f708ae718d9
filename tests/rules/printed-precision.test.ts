/**
 * Figures are compared as printed (tester29), every generated template:
 * - T29-3: amounts stored with hidden decimals under a 0.00 format (万元 exported as 元 ÷ 10000) print the plain
 *   workbook's figures, so they give exactly its findings — no 错误 / 警告 / 尾差 from digits nobody sees — while a
 *   seeded 项 合计 +7 is still an 错误 at its cell, named by the localizer, and a printed 0.01 is a 尾差 whose message
 *   shows the printed difference (never "差 0.00", never "超出" a tolerance the difference is within).
 * - T29-1: a 三公 table written without number formats (General) beside tables printing 0.00 in the same unit is read at
 *   their precision: one item +1 万元 is an 错误, not 尾差; the same table under an explicit "0" format (printed in whole
 *   万元) keeps ±½ of its last digit.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Finding } from "../../src/core/rules/rule";
import { mutate } from "../../bench/localization";
import { STYLES, buildVariant, generalSheet, hiddenDecimals } from "../fixtures/variants";
import { serious } from "../helpers";

const key = (f: Finding) => `${f.rule} ${f.severity} ${[...f.cells].sort().join(",")}`;
const listed = (fs: Finding[]) =>
  fs
    .filter((f) => f.severity !== "info")
    .map(key)
    .sort();
const check = (grids: ReturnType<typeof buildVariant>["grids"], localize = false) =>
  checkReport(importWorkbook(grids), localize ? {} : { localize: false });

describe.each(STYLES.filter((s) => !s.textAmounts).map((s) => [s.name, s] as const))(
  "variant %s",
  (_n, style) => {
    const plain = buildVariant(style).grids;
    const plainFound = listed(check(plain).findings);
    const hidden = hiddenDecimals(plain);
    const report = importWorkbook(hidden);
    const t5 = report.tables.find((t) => t.kind === "general_budget_expenditure")!;
    const xiang = t5.rows.find((r) => r.level === 3 && r.amounts.total?.value)!;
    const cell = xiang.amounts.total!.cell;
    const step = Math.pow(10, -xiang.amounts.total!.decimals);

    test("hidden decimals: the printed text unchanged, most stored figures not as printed", () => {
      let changed = 0;
      hidden.forEach((g, s) =>
        g.values.forEach((row, r) =>
          row.forEach((v, c) => {
            if (v !== plain[s].values[r][c]) changed++;
          })
        )
      );
      expect(hidden.map((g) => g.text)).toEqual(plain.map((g) => g.text));
      expect(changed).toBeGreaterThan(50);
    });

    test("hidden decimals: exactly the plain workbook's 错误 / 警告 / 尾差", () => {
      expect(listed(checkReport(report, { localize: false }).findings)).toEqual(plainFound);
    });

    test("hidden decimals: a 项's 合计 +7 is an 错误 citing it, the localizer names it", () => {
      const res = check(mutate(hidden, cell, t5.unit === "元" ? 70000 : 7), true);
      const err = serious(res.findings);
      expect(err.length).toBeGreaterThan(0);
      expect(err.every((f) => f.severity === "error" && f.cells.includes(cell))).toBe(true);
      expect(res.causes.some((c) => c.suspects.some((s) => s.cell === cell))).toBe(true);
    });

    test("hidden decimals: a printed 0.01 off is a 尾差 showing its printed difference", () => {
      const res = check(mutate(hidden, cell, step));
      expect(serious(res.findings)).toEqual([]);
      const tails = res.findings.filter((f) => f.severity === "rounding");
      expect(tails.length).toBeGreaterThan(0);
      for (const f of tails) {
        expect(f.cells).toContain(cell);
        expect(f.message).not.toMatch(/差 -?0\.00(?!\d)|差 0(?![.\d])/);
        expect(Math.abs(f.difference ?? 0)).toBeCloseTo(step, 6);
      }
    });
  }
);

describe.each(STYLES.filter((s) => !s.textAmounts).map((s) => [s.name, s] as const))(
  "variant %s: a 三公 table in General",
  (_n, style) => {
    const plain = buildVariant(style).grids;
    const plainReport = importWorkbook(plain);
    const sangong = plainReport.tables.find((t) => t.kind === "three_public")!;
    const general = generalSheet(plain, sangong.sheet);
    const report = importWorkbook(general);
    const t = report.tables.find((x) => x.kind === "three_public")!;
    const figures = t.rows.flatMap((r) => Object.values(r.amounts)).filter((a) => !a.blank);
    const sameUnit = report.tables.some(
      (x) =>
        x !== t &&
        x.unit === t.unit &&
        x.rows.some((r) => Object.values(r.amounts).some((a) => !a.blank && a.decimals === 2))
    );

    test("read at the precision of the tables of its unit; nothing new reported", () => {
      if (sameUnit) for (const a of figures) expect(a.decimals).toBeGreaterThanOrEqual(2);
      expect(listed(checkReport(report, { localize: false }).findings)).toEqual(
        listed(check(plain).findings)
      );
    });

    test("an item +1 is an 错误 at its cell (General); 尾差 under an explicit whole-number format", () => {
      // The figure of the 三公 table whose +1 the plain (explicit "0") table reads as 尾差: a whole-万元 item.
      const whole = (tables: typeof report.tables) =>
        tables
          .find((x) => x.kind === "three_public")!
          .rows.flatMap((r) => Object.values(r.amounts))
          .filter((a) => !a.blank && a.decimals === 0);
      const cells = whole(plainReport.tables).map((a) => a.cell);
      // Every template with whole-万元 三公 figures beside 万元 tables printing cents; the others print 三公 in 元 with
      // cents (编码-名称…+元) or have no other 万元 table (元与万元混用).
      const applies = style.unit === "万元" && style.threePublicUnit === "万元";
      expect(applies).toBe(sameUnit && cells.length > 0);
      if (!applies) return;
      let checked = 0;
      for (const c of cells.slice(0, 3)) {
        const before = check(mutate(plain, c, 1)).findings.filter((f) => f.cells.includes(c));
        if (!before.length || before.some((f) => f.severity !== "rounding")) continue;
        const after = serious(check(mutate(general, c, 1)).findings);
        expect(after.length).toBeGreaterThan(0);
        expect(after.some((f) => f.severity === "error" && f.cells.includes(c))).toBe(true);
        checked++;
      }
      expect(checked).toBeGreaterThan(0);
    });
  }
);
