/**
 * 上年 / 本年 / 增减 bands: every figure of last year's band and of the change band is checked, not only this year's.
 * - The “三公” table printing 上年 and 增减 beside this year's, in every generated template: laid across (three bands
 *   over 合计 | 出国 | 车 小计/购置/运行 | 接待; the transposition kept this year's band only) and as rows (上年预算数 |
 *   预算数 | 增减 columns; the 增减 column was in no sum). By unit (Xi'an 表13) in tests/rules/by-unit.test.ts.
 * - The 增减 band's own sums (增减合计 = 增减基本 + 增减项目, a parent's 增减 = Σ its children's) and the 上年 band's
 *   row sums, as the 本年 band's: a 支出总表 in three bands (changeBands) in every generated template.
 * - A 增减 column holding rates printed without % (most lines disagree with 本年 − 上年) is summed nowhere.
 * Each band figure +7 in turn: a new 错误 cites it and a cause names it alone.
 */
import fs from "fs/promises";
import path from "path";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Table } from "../../src/core/model/schema";
import type { CheckResult } from "../../src/core/rules/rule";
import type { SheetGrid } from "../../src/core/grid/grid";
import { STYLES, buildVariant } from "../fixtures/variants";
import { serious, table, soleSuspects, checkChanged } from "../helpers";

/** The cells of a table's columns whose key passes `pick`, with a figure. */
const bandCells = (t: Table, pick: (key: string) => boolean) =>
  t.rows.flatMap((r) =>
    Object.entries(r.amounts)
      .filter(([k, a]) => pick(k) && !a.blank && a.value !== 0)
      .map(([, a]) => a.cell)
  );

/** One figure changed by `delta`: the new errors, whether each cites it, whether a cause names it alone. */
function changed(grids: SheetGrid[], cell: string, delta: number, before: Set<string>) {
  const { res, found } = checkChanged(grids, cell, delta, before);
  return {
    cell,
    seen: found.length > 0,
    elsewhere: found.filter((f) => !f.cells.includes(cell)).map((f) => f.message),
    named: soleSuspects(res).includes(cell),
  };
}

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  describe("“三公” table with 上年 and 增减 beside this year's", () => {
    const plain = checkReport(importWorkbook(buildVariant(style).grids), { localize: false });
    const { grids } = buildVariant(style, { threePublicBands: true });
    const report = importWorkbook(grids);
    const t = table(report, "three_public");
    const result = checkReport(report, { localize: false });
    const before = new Set(result.findings.map((f) => f.message));

    test("read with its 上年 and 增减 figures; nothing to report beyond the plain workbook's", () => {
      expect(t.columns.map((c) => c.key)).toEqual(
        expect.arrayContaining(["total", "prior", "change"])
      );
      expect(t.rows.find((r) => r.key === "total")!.amounts.prior.value).toBe(
        style.threePublicUnit === "元" ? 240000 : 24
      );
      expect(serious(result.findings)).toEqual([]);
      const kinds = (r: CheckResult) => r.findings.map((f) => `${f.rule} ${f.severity}`).sort();
      expect(kinds(result)).toEqual(kinds(plain));
    });

    test("each 上年 and 增减 figure +7: a 错误 citing it, none elsewhere, a cause names it alone", () => {
      const cells = bandCells(t, (k) => k.startsWith("prior") || k.startsWith("change"));
      expect(cells.length).toBeGreaterThanOrEqual(8);
      const delta = style.threePublicUnit === "元" ? 70000 : 7;
      for (const cell of cells)
        expect(changed(grids, cell, delta, before)).toEqual({
          cell,
          seen: true,
          elsewhere: [],
          named: true,
        });
    });
  });

  describe("支出总表 in 上年 / 本年 / 增减 bands: the 上年 and 增减 bands' own sums", () => {
    const { grids } = buildVariant(style, { changeBands: true });
    const report = importWorkbook(grids);
    const t3 = table(report, "expenditure_summary");
    const result = checkReport(report, { localize: false });
    const before = new Set(result.findings.map((f) => f.message));
    const delta = style.unit === "元" ? 70000 : 7;

    test("each line's 增减合计 = 增减基本 + 增减项目 and 上年合计 = 上年基本 + 上年项目; each parent's 增减 = Σ its children's", () => {
      expect(serious(result.findings)).toEqual([]);
      const inRule = (rule: string) =>
        new Set(
          result.identities
            .filter((i) => i.rule === rule)
            .flatMap((i) => i.terms.map((x) => x.cell))
        );
      const rows = inRule("within.row-basic-project");
      const tree = new Set([...inRule("hierarchy.total"), ...inRule("hierarchy.parent-children")]);
      for (const k of ["prior", "prior_2", "prior_3", "change", "change_2", "change_3"]) {
        const cells = bandCells(t3, (x) => x === k);
        expect(cells.filter((c) => !rows.has(c))).toEqual([]);
        expect(cells.filter((c) => !tree.has(c))).toEqual([]);
      }
    });

    test("each 上年 and 增减 figure of a 项 line and of the 合计 line +7: a 错误 citing it, none elsewhere, a cause names it alone", () => {
      const lines = t3.rows.filter((r) => r.level === 3 || r.key === "total");
      const cells = lines.flatMap((r) =>
        Object.entries(r.amounts)
          .filter(([k, a]) => (k.startsWith("prior") || k.startsWith("change")) && !a.blank)
          .map(([, a]) => a.cell)
      );
      expect(cells.length).toBeGreaterThan(20);
      for (const cell of cells)
        expect(changed(grids, cell, delta, before)).toEqual({
          cell,
          seen: true,
          elsewhere: [],
          named: true,
        });
    });
  });
});

const newcomer4 = path.join(__dirname, "..", "fixtures", "newcomer4");
async function check(file: string) {
  const { grids } = await readXlsxBuffer(await fs.readFile(path.join(newcomer4, file)));
  return checkReport(importWorkbook(grids));
}

test("m42: 三公 as rows with 上年预算数 | 2025年预算数 | 增减额, 公务接待费's 增减 0 → 1: found on its row and in the 增减 column's sum, D9 named alone", async () => {
  const r = await check("m42-bands-sangong-change-wrong.xlsx");
  const found = serious(r.findings);
  expect(found.map((f) => f.rule).sort()).toEqual(["hierarchy.total", "within.row-change"]);
  expect(found.every((f) => f.cells.includes("'9.三公经费支出表'!D9"))).toBe(true);
  expect(found.find((f) => f.rule === "hierarchy.total")!.message).toMatch(
    /「合计」「增减额」 -1\.80 ≠ 各一级行之和 -0\.80/
  );
  expect(soleSuspects(r)).toEqual(["'9.三公经费支出表'!D9"]);
});
