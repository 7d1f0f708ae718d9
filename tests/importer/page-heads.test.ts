/**
 * Page heads as PDF-to-Excel converters leave them (newcomer11 NC11-16), the title naming the 部门 and the year: a
 * title broken over two lines (清河县财政局2025年 ⏎ 部门收支总表) was read as 部门收支总表 — 年度 未识别, so a table
 * dated 2024 passed naming.year; no 部门名称 line (the 部门 only in the titles) or title, 部门 and 单位 in one cell on
 * two lines gave 部门 未识别. For every generated template: the year and 部门 are read, the tables and findings are
 * those of the usual page head, and a stale year in one title is reported at its cell.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { parseRef, quoteSheet } from "../../src/core/grid/address";
import { DEPT, STYLES, YEAR, buildVariant, type VariantOptions } from "../fixtures/variants";
import { kinds } from "../helpers";

const shape = (rep: ReturnType<typeof importWorkbook>) =>
  rep.tables.map((t) => ({
    kind: t.kind,
    unit: t.unit,
    columns: t.columns.map((c) => `${c.side ?? ""} ${c.key}`),
    rows: t.rows.map((r) => `${r.level} ${r.code ?? ""} ${r.label.trim()} ${r.key ?? ""}`),
  }));

const HEADS: Array<NonNullable<VariantOptions["pageHead"]>["how"]> = [
  "split",
  "deptInTitle",
  "oneCell",
];

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const plain = importWorkbook(buildVariant(style).grids);
  const plainKinds = kinds(checkReport(plain));

  test.each(HEADS)("page head %s: 部门 and 年度 read, nothing more reported", (how) => {
    const rep = importWorkbook(buildVariant(style, { pageHead: { how } }).grids);
    expect(rep.department).toBe(DEPT);
    expect(rep.year).toBe(YEAR);
    for (const t of rep.tables.filter((x) => x.kind !== "performance_target"))
      expect([t.title, t.year]).toEqual([expect.stringContaining(`${DEPT}${YEAR}年`), YEAR]);
    expect(shape(rep)).toEqual(shape(plain));
    expect(kinds(checkReport(rep))).toEqual(plainKinds);
  });

  // A 预算年度 line under the title says the table's year itself (the title's is then not read): templates without one.
  (style.metaYearLine ? test.skip : test)(
    "a title broken over two lines dated 2024 is reported at the table",
    () => {
      const v = buildVariant(style, {
        pageHead: { how: "split", years: { expenditure_summary: YEAR - 1 } },
      });
      const stale = `${DEPT}${YEAR - 1}年`;
      const g = v.grids.find((x) => x.values.some((row) => row.includes(stale)))!;
      const r = g.values.findIndex((row) => row.includes(stale));
      const rep = importWorkbook(v.grids);
      const t = rep.tables.find((x) => x.kind === "expenditure_summary")!;
      expect([t.sheet, parseRef(t.range).r0 <= r, t.year]).toEqual([g.sheet, true, YEAR - 1]);
      const found = checkReport(rep).findings.filter((f) => f.rule === "naming.year");
      expect(found.map((f) => f.severity)).toEqual(["warning"]);
      // The cell printing the year: on the title's first line (tester32 T32-25: not the table's first cell).
      const at = parseRef(found[0].cells[0]);
      expect([at.sheet, at.r0 - g.origin.row]).toEqual([t.sheet, r]);
      expect(g.text[r][at.c0 - g.origin.col]).toContain(stale);
    }
  );
});

/**
 * The 部门 printed only in the titles (the 中央部门 form, newcomer14 NC14-3): names ending in 署 / 行 / 联 / 协 / 中央 /
 * 台 / 镇 / 街道 / 园 / 学 / 场 were not read (部门 未识别), and a table titled with another 部门 (a table copied from
 * another department's set) passed naming.department, which compared 部门名称 lines only. Every generated style.
 */
const CENTRAL = [
  "审计署",
  "中国人民银行",
  "全国妇联",
  "中国科协",
  "共青团中央",
  "中央广播电视总台",
  "和平区劝业场街道",
  "琼中县湾岭镇",
  "昆明市第一中学",
  "伊春市带岭林场",
  "北京市植物园",
];

describe.each(STYLES.map((s) => [s.name, s] as const))(
  "部门 in the titles only, %s",
  (_n, style) => {
    const plainKinds = kinds(checkReport(importWorkbook(buildVariant(style).grids)));
    test.each(CENTRAL)("%s: read from the titles, nothing more reported", (dept) => {
      const rep = importWorkbook(
        buildVariant(style, { pageHead: { how: "deptInTitle", dept } }).grids
      );
      expect(rep.department).toBe(dept);
      expect(kinds(checkReport(rep))).toEqual(plainKinds);
    });

    test("one table titled with another 部门: one naming.department 警告 at that table", () => {
      const rep = importWorkbook(
        buildVariant(style, {
          pageHead: {
            how: "deptInTitle",
            dept: "财政部",
            depts: { three_public: "国家外汇管理局" },
          },
        }).grids
      );
      expect(rep.department).toBe("财政部");
      const t = rep.tables.find((x) => x.kind === "three_public")!;
      const found = checkReport(rep).findings.filter((f) => f.rule === "naming.department");
      expect(found.map((f) => [f.severity, f.cells, f.message])).toEqual([
        [
          "warning",
          [`${quoteSheet(t.sheet)}!${t.range.split(":")[0]}`],
          expect.stringContaining("标题中的部门为“国家外汇管理局”，其他表为“财政部”"),
        ],
      ]);
    });
  }
);
