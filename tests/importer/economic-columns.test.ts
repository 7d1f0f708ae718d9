/**
 * A 基本支出经济分类表 printed in two column groups (the 决算-style layout many 县级 预算 templates copy: 人员经费
 * 科目编码 | 科目名称 | 金额 beside 公用经费 科目编码 | 科目名称 | 金额, then 人员经费合计 | 公用经费合计 and 合计): one
 * list, each line of the right group a record of its own. Before, a line was one record (the right half's cells
 * read as the left row's), which gave false 错误, lost the 三公 科目 and cited a real error under the left half's label
 * (newcomer 5, §2). Every generated template, then the newcomer's workbooks.
 */
import fs from "fs/promises";
import path from "path";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import type { Report } from "../../src/core/model/schema";
import { bump } from "../fixtures/grid-edit";
import { STYLES, buildVariant, toGrid } from "../fixtures/variants";
import { columnIndex } from "../../src/core/grid/address";
import type { CellValue, SheetGrid } from "../../src/core/grid/grid";

const serious = (r: Report) =>
  checkReport(r, { localize: false }).findings.filter(
    (f) => f.severity === "error" || f.severity === "warning"
  );
/** The figure at a sheet-qualified A1 reference raised by 10 units of its table, shown as 0.00. */
const raise = (grids: SheetGrid[], ref: string) => bump(grids, ref, 10, 2);
const basic = (r: Report) => r.tables.find((t) => t.kind === "basic_expenditure_economic")!;

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  test("every class and item of both groups is a line of its own; the same findings as the one-column table", () => {
    const r = importWorkbook(buildVariant(style, { economicColumns: true }).grids);
    const t = basic(r);
    expect(
      t.rows
        .filter((x) => x.code)
        .map((x) => x.code)
        .sort()
    ).toEqual([
      "301",
      "30101",
      "30102",
      "30108",
      "30110",
      "30113",
      "302",
      "30201",
      "30217",
      "30231",
      "30239",
      "303",
      "30302",
    ]);
    expect(t.rows.filter((x) => x.level === 0).map((x) => x.key)).toEqual(["total"]);
    const plain = checkReport(importWorkbook(buildVariant(style).grids), { localize: false });
    const mine = checkReport(r, { localize: false });
    const kinds = (fs: typeof mine.findings) =>
      fs
        .filter((f) => f.severity === "error" || f.severity === "warning")
        .map((f) => `${f.rule} ${f.severity}`)
        .sort();
    expect(kinds(mine.findings)).toEqual(kinds(plain.findings));
    // The 三公 科目 of the right group are compared with the 三公 table, as in the one-column table.
    for (const id of [
      "cross.three-public-economic",
      "hierarchy.total",
      "hierarchy.parent-children",
    ])
      expect({ id, checked: mine.perRule.find((p) => p.id === id)!.checked > 0 }).toEqual({
        id,
        checked: true,
      });
  });

  test("a right-group item changed is found under its own class (302), at that class's cell", () => {
    const v = buildVariant(style, { economicColumns: true });
    const t = basic(importWorkbook(v.grids));
    const item = t.rows.find((x) => x.code === "30201")!;
    raise(v.grids, item.amounts.total.cell);
    const found = serious(importWorkbook(v.grids)).filter(
      (f) => f.rule === "hierarchy.parent-children"
    );
    expect(found.map((f) => f.cells[0])).toEqual([
      t.rows.find((x) => x.code === "302")!.amounts.total.cell,
    ]);
  });

  test("each column lists every group's letter; the right group's amount column hidden: one 打印 warning naming it by its caption, the column itself still printed", () => {
    const v = buildVariant(style, { economicColumns: true });
    const t = basic(importWorkbook(v.grids));
    const letter = (cell: string) => /!\$?([A-Z]+)\$?\d+$/.exec(cell)![1];
    const used = new Set(
      t.rows.flatMap((r) => Object.values(r.amounts).map((a) => letter(a.cell)))
    );
    const listed = new Set(t.columns.flatMap((c) => [c.col, ...(c.groupCols ?? [])]));
    expect([...listed].sort()).toEqual([...used].sort());
    const total = t.columns.find((c) => c.key === "total")!;
    expect(total.groupCols?.length).toBe(1);
    const right = total.groupCols![0];
    const g = v.grids.find((x) => x.sheet === t.sheet)!;
    g.hiddenCols = [columnIndex(right) - g.origin.col];
    const report = importWorkbook(v.grids);
    const t2 = basic(report);
    expect(t2.columns.find((c) => c.key === "total")!.hidden).toBeFalsy();
    const mine = new Set(t2.rows.flatMap((r) => Object.values(r.amounts).map((a) => a.cell)));
    const hidden = checkReport(report, { localize: false }).findings.filter(
      (f) => f.rule === "printed.hidden-amounts" && mine.has(f.cells[0])
    );
    expect(hidden.length).toBe(1);
    expect(hidden[0].message).toContain(`「${total.label.split("/").pop()}」列（${right} 列）`);
  });

  test("a changed 公用经费合计 is found (合计 = 人员经费合计 + 公用经费合计, 公用经费合计 = Σ its classes)", () => {
    const v = buildVariant(style, { economicColumns: true });
    const t = basic(importWorkbook(v.grids));
    const pub = t.rows.find((x) => x.key === "public")!;
    raise(v.grids, pub.amounts.total.cell);
    const found = serious(importWorkbook(v.grids)).filter((f) => f.rule.startsWith("hierarchy."));
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.cells.includes(pub.amounts.total.cell))).toBe(true);
  });
});

const dir = path.join(__dirname, "..", "fixtures", "newcomer5");
const check = async (file: string) =>
  checkReport(
    importWorkbook((await readXlsxBuffer(await fs.readFile(path.join(dir, file)))).grids),
    { localize: false }
  );

test("the newcomer's r01 (两栏 表6, consistent): no finding, the 三公 科目 compared", async () => {
  const r = await check("r01-t6-side-by-side.xlsx");
  expect(r.findings.filter((f) => f.severity === "error" || f.severity === "warning")).toEqual([]);
  expect(r.perRule.find((p) => p.id === "cross.three-public-economic")!.checked).toBeGreaterThan(0);
});

test("the newcomer's r02 (30201 +10 on the right): the one 错误 is 302's, at F5", async () => {
  const r = await check("r02-t6-side-by-side-30201-plus10.xlsx");
  const found = r.findings.filter((f) => f.severity === "error" || f.severity === "warning");
  expect(found.map((f) => `${f.rule} ${f.cells[0]}`)).toEqual([
    "hierarchy.parent-children '6.一般公共预算基本支出表'!F5",
  ]);
  expect(found[0].message).toMatch(/「302 商品和服务支出」/);
});

describe("other shapes of the two groups (generated grids)", () => {
  const head = [["2025年一般公共预算基本支出表"], ["单位：万元"]];
  /** Left: 301 (30101, 30102) and 303 (30302); right: 302 (30201, 30217); 302's 30201 raised by `delta`. */
  const lines = (codes: boolean, delta = 0): CellValue[][] => {
    const L: Array<[string, string, number]> = [
      ["301", "工资福利支出", 250],
      ["30101", "基本工资", 150],
      ["30102", "津贴补贴", 100],
      ["303", "对个人和家庭的补助", 10.5],
      ["30302", "退休费", 10.5],
    ];
    const R: Array<[string, string, number]> = [
      ["302", "商品和服务支出", 65.25],
      ["30201", "办公费", 60.25 + delta],
      ["30217", "公务接待费", 5],
    ];
    const cell = ([c, n, a]: [string, string, number]) => (codes ? [c, n, a] : [n, a]);
    return L.map((l, i) => [...cell(l), ...(R[i] ? cell(R[i]) : [])]);
  };
  const grid = (codes: boolean, groupTotals: boolean, totalFirst: boolean, delta = 0) => {
    const w = codes ? 3 : 2;
    // A sum line's label in the group's first column, its figure in the group's amount column.
    const pad = ([label, figure]: CellValue[]) => (codes ? [label, "", figure] : [label, figure]);
    const sums: CellValue[][] = [
      ...(groupTotals ? [[...pad(["人员经费合计", 260.5]), ...pad(["公用经费合计", 65.25])]] : []),
      pad(["合计", 325.75]),
    ];
    const caption = codes ? ["科目编码", "科目名称", "金额"] : ["科目名称", "金额"];
    const header = [
      ["人员经费", ...Array(w - 1).fill(""), "公用经费", ...Array(w - 1).fill("")],
      [...caption, ...caption],
    ];
    const body = totalFirst
      ? [...sums.reverse(), ...lines(codes, delta)]
      : [...lines(codes, delta), ...sums];
    return toGrid(
      "表6",
      [...head, ...header, ...body],
      [
        { r0: 2, c0: 0, r1: 2, c1: w - 1 },
        { r0: 2, c0: w, r1: 2, c1: 2 * w - 1 },
      ]
    );
  };
  const cases = [true, false].flatMap((codes) =>
    [true, false].flatMap((groupTotals) =>
      [true, false].map((totalFirst) => [codes, groupTotals, totalFirst] as const)
    )
  );
  test.each(cases)(
    "codes %p, group totals %p, 合计 first %p: every line read, no finding; 30201 +10 found under 302",
    (codes, groupTotals, totalFirst) => {
      const r = importWorkbook([grid(codes, groupTotals, totalFirst)]);
      const t = basic(r);
      expect(
        t.rows
          .filter((x) => !x.key || !["total", "personnel", "public"].includes(x.key))
          .map((x) => x.label)
          .sort()
      ).toEqual(
        [
          "商品和服务支出",
          "基本工资",
          "公务接待费",
          "办公费",
          "对个人和家庭的补助",
          "工资福利支出",
          "津贴补贴",
          "退休费",
        ].sort()
      );
      const only = (rep: Report) =>
        checkReport(rep, { skip: ["completeness"], localize: false }).findings.filter(
          (f) => f.severity === "error" || f.severity === "warning"
        );
      expect(only(r)).toEqual([]);
      const broken = only(importWorkbook([grid(codes, groupTotals, totalFirst, 10)]));
      const at302 = t.rows.find((x) => x.label === "商品和服务支出")!.amounts.total.cell;
      expect(
        broken.filter((f) => f.rule === "hierarchy.parent-children").map((f) => f.cells[0])
      ).toEqual([at302]);
    }
  );
});
