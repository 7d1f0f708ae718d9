/**
 * A 收支总表 whose 支出 side lists the 功能 classes, then — with no 按经济分类 line — the same 支出 by 部门预算经济分类
 * class (tester31 T31-20 d, 江西): 工资福利支出 / 商品和服务支出 / 对个人和家庭的补助 / 资本性支出, named or coded 301 ….
 * Before, 工资福利支出 was read as a 款 of the last 功能 class (“「229 五、其他支出」 10.00 ≠ 各款之和 477.10”) and the
 * classes after it as its 项, or, coded, added into 本年支出合计. Such a name is never a 款 of a 功能 class: the lines
 * are a view of their own (beside the classes, never added into one of them nor into 本年支出合计).
 * Generated: the lines inserted above the 支出 side's 本年支出合计 of every style's 收支总表; real: tester31's file.
 */
import { promises as fs } from "fs";
import path from "path";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { SheetGrid } from "../../src/core/grid/grid";
import { STYLES, buildVariant } from "../fixtures/variants";
import { serious } from "../helpers";

const TOTAL = /^本\s*年\s*支\s*出\s*合\s*计$/;
/** The sums within the 收支总表 (the made-up split by class need not match the 经济分类 tables': cross.* aside). */
const inTable = (f: { rule: string }) => /^(within|hierarchy)\./.test(f.rule);

const CLASSES: Array<[string, string, number]> = [
  ["301", "工资福利支出", 0.5],
  ["302", "商品和服务支出", 0.3],
  ["303", "对个人和家庭的补助", 0.15],
  ["310", "资本性支出", 0.05],
];

/** The economic classes inserted above the 支出 side's 本年支出合计, adding up to it; `coded`: “301 工资福利支出”. */
function withClasses(grids: SheetGrid[], coded: boolean): SheetGrid[] {
  let done = false;
  return grids.map((g) => {
    let at: [number, number] | undefined;
    g.text.forEach((row, r) =>
      row.forEach((t, c) => {
        if (!at && TOTAL.test(t.trim())) at = [r, c];
      })
    );
    if (!at || done) return g;
    done = true;
    const [r, c] = at;
    const num = (x: unknown) => (typeof x === "number" ? x : Number(String(x).replace(/,/g, "")));
    const a = g.values[r].findIndex((x, k) => k > c && x !== "" && Number.isFinite(num(x)));
    const asText = typeof g.values[r][a] === "string";
    const total = num(g.values[r][a]);
    const r2 = (x: number) => Math.round(x * 100) / 100;
    const parts = CLASSES.map(([, , share]) => r2(total * share));
    parts[parts.length - 1] = r2(total - parts.slice(0, -1).reduce((s, x) => s + x, 0));
    const width = g.values[0].length;
    const blank = <T>(v: T) => Array.from({ length: width }, () => v);
    const rows = CLASSES.map(([code, name], k) => {
      const values = blank<string | number>("");
      const text = blank("");
      values[c] = text[c] = coded ? `${code} ${name}` : name;
      values[a] = asText ? parts[k].toFixed(2) : parts[k];
      text[a] = parts[k].toFixed(2);
      return { values, text, fmt: blank("0.00") };
    });
    const ins = <T>(m: T[][], add: T[][]) => [...m.slice(0, r), ...add, ...m.slice(r)];
    const n = rows.length;
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
}

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const plain = buildVariant(style, {}).grids;
  const before = new Set(
    checkReport(importWorkbook(plain), { localize: false }).findings.map((f) => f.message)
  );
  test.each([false, true])(
    "economic classes after the 功能 classes, no heading (coded %s): a view, no new finding",
    (coded) => {
      const report = importWorkbook(withClasses(plain, coded));
      const t = report.tables.find((x) => x.kind === "income_expenditure_summary")!;
      const names = new Set(CLASSES.map(([, name]) => name));
      const lines = t.rows.filter((x) => names.has(x.label.replace(/^\d+\s*/, "").trim()));
      expect(lines.map((x) => x.label.replace(/^\d+\s*/, "").trim())).toEqual([...names]);
      // Beside the 功能 classes, never a 款 / 项 of the last one nor an addend of 本年支出合计.
      expect(lines.map((x) => [x.level, !!x.partial, x.codeSystem ?? "economic"])).toEqual(
        lines.map(() => [1, true, "economic"])
      );
      const found = serious(checkReport(report, { localize: false }).findings);
      expect(found.filter((f) => !before.has(f.message) && inTable(f))).toEqual([]);
    }
  );
});

test("tester31's jiangxi-econ-no-heading.xlsx (工资福利 / 商品和服务 / 对个人和家庭 after 五、其他支出): no finding on the 收支总表", async () => {
  const { grids } = await readXlsxBuffer(
    await fs.readFile(path.join(__dirname, "../fixtures/tester31/jiangxi-econ-no-heading.xlsx"))
  );
  const found = checkReport(importWorkbook(grids), { localize: false }).findings.filter((f) =>
    f.cells.some((c) => c.startsWith("'1 收支总表'!"))
  );
  expect(serious(found)).toEqual([]);
});
