/**
 * A 收支总表 whose 支出 side gives the spending twice (tester31 T31-20, 江西): the 功能 classes, then — under
 * 按经济分类： or with no heading — 一、基本支出 / indented 工资福利支出 / 商品和服务支出 / 二、项目支出 / indented
 * 商品和服务支出. Before, every line of the second view was added into 本年支出合计 (“652.10 ≠ 1277.20”) and the
 * localizer proposed a 32-cell cause. Now the second view is a view: its numbered lines are the parents of the
 * indented lines under them, never addends of 本年支出合计, and an error inside it (基本支出 ≠ its parts) is reported.
 * Generated: the block appended to the 支出 side of each two-sided style's 收支总表; real: tester31's 江西 files.
 */
import { promises as fs } from "fs";
import path from "path";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { SheetGrid } from "../../src/core/grid/grid";
import { columnLetter } from "../../src/core/grid/address";
import { STYLES, buildVariant } from "../fixtures/variants";
import { serious } from "../helpers";

const TOTAL = /^本\s*年\s*支\s*出\s*合\s*计$/;
/** The sums within the 收支总表 (the made-up 基本支出 / 项目支出 split need not match the 支出总表's: cross.* aside). */
const inTable = (f: { rule: string }) => /^(within|hierarchy)\./.test(f.rule);

/** The view block (heading or not) inserted above the 支出 side's 本年支出合计; `off` added to 基本支出's 商品和服务支出. */
function withView(
  grids: SheetGrid[],
  heading: boolean,
  off = 0
): { grids: SheetGrid[]; cell: string } {
  let cell = "";
  const out = grids.map((g) => {
    let at: [number, number] | undefined;
    g.text.forEach((row, r) =>
      row.forEach((t, c) => {
        if (!at && TOTAL.test(t.trim())) at = [r, c];
      })
    );
    if (!at || cell) return g;
    const [r, c] = at;
    // The figure beside it, a number or (text-amount styles) a text with thousands separators.
    const num = (x: unknown) => (typeof x === "number" ? x : Number(String(x).replace(/,/g, "")));
    const a = g.values[r].findIndex((x, k) => k > c && x !== "" && Number.isFinite(num(x)));
    const asText = typeof g.values[r][a] === "string";
    const total = num(g.values[r][a]);
    const r2 = (x: number) => Math.round(x * 100) / 100;
    const basic = r2(total * 0.8);
    const lines: Array<[string, number | ""]> = [
      ...(heading ? [["按经济分类：", ""] as [string, ""]] : []),
      ["一、基本支出", basic],
      ["    工资福利支出", r2(basic * 0.75)],
      ["    商品和服务支出", r2(r2(basic - r2(basic * 0.75)) + off)],
      ["二、项目支出", r2(total - basic)],
      ["    商品和服务支出", r2(total - basic)],
    ];
    const width = g.values[0].length;
    const blank = <T>(v: T) => Array.from({ length: width }, () => v);
    const rows = lines.map(([label, amount]) => {
      const values = blank<string | number>("");
      const text = blank("");
      values[c] = text[c] = label;
      values[a] = asText && amount !== "" ? amount.toFixed(2) : amount;
      text[a] = amount === "" ? "" : amount.toFixed(2);
      return { values, text, fmt: blank(amount === "" ? "" : "0.00") };
    });
    const ins = <T>(m: T[][], add: T[][]) => [...m.slice(0, r), ...add, ...m.slice(r)];
    const n = lines.length;
    cell = `${g.sheet}!${columnLetter(g.origin.col + a)}${g.origin.row + r + (heading ? 4 : 3)}`;
    return {
      ...g,
      values: ins(
        g.values,
        rows.map((x) => x.values)
      ),
      text: ins(
        g.text,
        rows.map((x) => x.text)
      ),
      numberFormat: ins(
        g.numberFormat,
        rows.map((x) => x.fmt)
      ),
      merges: g.merges.map((m) => (m.r0 >= r ? { ...m, r0: m.r0 + n, r1: m.r1 + n } : m)),
      hiddenRows: g.hiddenRows?.map((x) => (x >= r ? x + n : x)),
      sheetRows: undefined,
    };
  });
  return { grids: out, cell };
}

const styles = STYLES.filter((s) => !s.stacked && !s.oneSided);

describe.each(styles.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  describe.each([true, false])("按经济分类 heading %s", (heading) => {
    const plain = buildVariant(style, {}).grids;
    const before = new Set(
      checkReport(importWorkbook(plain), { localize: false }).findings.map((f) => f.message)
    );
    test("the second view adds nothing to 本年支出合计: no new finding", () => {
      const { grids, cell } = withView(plain, heading);
      expect(cell).not.toBe("");
      const found = serious(checkReport(importWorkbook(grids), { localize: false }).findings);
      expect(found.filter((f) => !before.has(f.message) && inTable(f))).toEqual([]);
    });
    test("基本支出's 商品和服务支出 printed 27 high: 基本支出 ≠ its parts, at that cell; 本年支出合计 untouched", () => {
      const { grids, cell } = withView(plain, heading, 27);
      const found = serious(
        checkReport(importWorkbook(grids), { localize: false }).findings
      ).filter((f) => !before.has(f.message));
      expect(found.length).toBeGreaterThan(0);
      expect(
        found.some((f) => f.rule === "hierarchy.parent-children" && f.cells.includes(cell))
      ).toBe(true);
      expect(found.filter((f) => f.rule === "within.current-expenditure")).toEqual([]);
    });
  });
});

describe("tester31's 江西 district 收支总表", () => {
  const check = async (file: string) =>
    checkReport(
      importWorkbook(
        (
          await readXlsxBuffer(
            await fs.readFile(path.join(__dirname, "../fixtures/tester31", file))
          )
        ).grids
      ),
      { localize: false }
    ).findings.filter((f) => f.cells.some((c) => c.startsWith("'1 收支总表'!")));
  test("jiangxi-district.xlsx (按经济分类： view, 商品和服务支出 58 for 85): 基本支出 ≠ its parts, nothing else summed", async () => {
    const found = await check("jiangxi-district.xlsx");
    expect(
      found.filter((f) => /当年|本年支出合计/.test(f.message) && f.rule.startsWith("within"))
    ).toEqual([]);
    const h = found.filter((f) => f.rule === "hierarchy.parent-children");
    expect(h.map((f) => f.message)).toEqual([
      expect.stringMatching(/一、基本支出.*562\.10 ≠ .*535\.10/),
    ]);
    expect(h[0].cells).toContain("'1 收支总表'!D13");
  });
  test.each(["jiangxi-basic-project.xlsx", "jiangxi-econ-classes-only.xlsx"])(
    "%s (clean): no finding on the 收支总表",
    async (file) => {
      expect(serious(await check(file))).toEqual([]);
    }
  );
});
