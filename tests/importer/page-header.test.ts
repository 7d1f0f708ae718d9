/**
 * Titles printed in the page header (页眉) instead of in cells (NC14-11): the cells start with the column header, the
 * title, 表号 and 单位 are the sheet's print header (&L表1&C2025年部门收支总表&R单位：万元). Every generated style, every
 * sheet holding one table: its title, label and unit cells moved to the page header (the lines they leave empty gone,
 * as a host's grid starts at the first used cell) — the same tables (kind, label, unit, year) and the same findings
 * as the titled workbook. Written as an .xlsx by exceljs (oddHeader), and through the Office.js bench. A page header
 * holding only the 部门's name or a page number names no table.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { norm } from "../../src/core/grid/text";
import type { SheetGrid } from "../../src/core/grid/grid";
import { parsePageHeader, pageHeaderOfSections } from "../../src/core/grid/page-header";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { readWorkbookBuffer } from "../../src/hosts/read-any";
import * as fs from "fs/promises";
import * as path from "path";
import { STYLES, buildVariant } from "../fixtures/variants";
import { toXlsx } from "../fixtures/formulas";
import { bench } from "../office-bench/runtime";
import { WRITINGS, toPageHeaders } from "../fixtures/page-headers";
import { readWorkbookGrids } from "../../src/hosts/office/read";

/** Each table's kind, title, label, unit and year; the workbook's 部门 and year. */
const tablesOf = (grids: SheetGrid[]) => {
  const report = importWorkbook(grids);
  return {
    department: report.department,
    year: report.year,
    tables: report.tables.map((t) => ({
      sheet: t.sheet,
      kind: t.kind,
      title: norm(t.title),
      label: t.label && norm(t.label),
      unit: t.unit,
      unitText: t.unitText && norm(t.unitText),
      year: t.year,
    })),
  };
};
const findingsOf = (grids: SheetGrid[]) =>
  checkReport(importWorkbook(grids), { localize: false })
    .findings.map((f) => `${f.severity} ${f.rule} ${f.cells.join(",")}`)
    .sort();

describe("parsePageHeader", () => {
  test("sections, fonts, sizes, colours, toggles and && are read as printed", () => {
    expect(parsePageHeader('&L表1&C&"宋体,加粗"&16部门收支总表&R单位：万元&K00FF00 &&元')).toEqual({
      left: "表1",
      center: "部门收支总表",
      right: "单位：万元 &元",
    });
    // Text before any section code is the centre's; a size before digits keeps the digits (with its space, or run in).
    expect(parsePageHeader("&16 2025年部门收支总表")?.center).toBe("2025年部门收支总表");
    expect(parsePageHeader("&162025年部门收支总表")?.center).toBe("2025年部门收支总表");
    expect(parsePageHeader("&C第&P页，共&N页&R&A", "表3")).toEqual({
      left: "",
      center: "第#页，共#页",
      right: "表3",
    });
    expect(parsePageHeader('&"宋体"&12')).toBeUndefined();
    expect(parsePageHeader("")).toBeUndefined();
    expect(pageHeaderOfSections("表1", "&B部门收支总表", "")).toEqual({
      left: "表1",
      center: "部门收支总表",
      right: "",
    });
  });
});

describe.each(STYLES.map((s) => [s.name, s] as const))(
  "titles in the page header: %s",
  (_n, style) => {
    // A sheet prints one page header: tables stacked on one sheet cannot all be titled there — one table a sheet.
    const { grids } = buildVariant({ ...style, stacked: false });
    const want = tablesOf(grids);
    const wantFindings = findingsOf(grids);

    test.each(Object.keys(WRITINGS))(
      "written as %s: the same tables, kinds, labels, units, years and findings",
      (how) => {
        const moved = toPageHeaders(grids, WRITINGS[how]);
        // Every style has sheets of one table: something was moved.
        expect(moved.headers.size).toBeGreaterThan(0);
        // …and only the page header titles them now.
        const without = moved.grids.map(({ pageHeader: _p, ...g }) => g);
        expect(tablesOf(without)).not.toEqual(want);
        expect(tablesOf(moved.grids)).toEqual(want);
        expect(findingsOf(moved.grids)).toEqual(wantFindings);
      }
    );
  }
);

/**
 * Titled in the cells, the 表号 and 单位 printed only in the page header (fix29c): read from it, as the cells would
 * give them (else the table has no label, and takes the workbook's commoner unit — a ×10,000 false 错误 in a
 * workbook mixing 元 and 万元). The header may print the title again. The cells win when both print a unit.
 */
describe.each(STYLES.map((s) => [s.name, s] as const))(
  "表号 and 单位 in the page header, title in the cells: %s",
  (_n, style) => {
    const { grids } = buildVariant({ ...style, stacked: false });
    const want = tablesOf(grids);
    const wantFindings = findingsOf(grids);

    test.each(
      Object.keys(WRITINGS).flatMap((how) => [
        [how, false],
        [how, true],
      ])
    )("written as %s (title repeated: %s): the same labels, units and findings", (how, repeat) => {
      const moved = toPageHeaders(grids, WRITINGS[how as string], {
        keepTitle: true,
        repeatTitle: repeat as boolean,
      });
      expect(moved.headers.size).toBeGreaterThan(0);
      const without = moved.grids.map(({ pageHeader: _p, ...g }) => g);
      // Without the page header a label or a printed unit is lost…
      expect(tablesOf(without)).not.toEqual(want);
      // …with it, the tables are the titled workbook's.
      expect(tablesOf(moved.grids)).toEqual(want);
      expect(findingsOf(moved.grids)).toEqual(wantFindings);
    });

    test("written into an .xlsx (oddHeader) and read by exceljs: the same tables and findings", async () => {
      const moved = toPageHeaders(grids, WRITINGS.sections, { keepTitle: true });
      const buf = await toXlsx(moved.grids, new Map(), { headers: moved.headers });
      const read = (await readXlsxBuffer(buf)).grids;
      expect(read.filter((g) => g.pageHeader).length).toBe(moved.headers.size);
      expect(tablesOf(read)).toEqual(want);
      expect(findingsOf(read)).toEqual(wantFindings);
    });
  }
);

describe("表号 and 单位 in the page header: the cells win (a 提示 when they differ), another table's header adds nothing", () => {
  const style = STYLES.find((s) => s.label(1) === "表1" && s.yearInTitle)!;
  const { grids } = buildVariant({ ...style, stacked: false });
  const want = tablesOf(grids);
  const titled = want.tables.filter(
    (t) => t.label && t.unitText && grids.find((g) => g.sheet === t.sheet)
  );

  test("a header printing another 表号 and 单位 beside the cells' own: the cells' are kept, naming.page-header 提示", () => {
    const other = grids.map((g) => ({
      ...g,
      pageHeader: parsePageHeader(
        `&L表99&R单位：${want.tables.find((t) => t.sheet === g.sheet)?.unit === "元" ? "万元" : "元"}`,
        g.sheet
      ),
    }));
    expect(titled.length).toBeGreaterThan(0);
    expect(tablesOf(other)).toEqual(want);
    // …and a 提示 (not a 错误) for each table printing both, at its unit cell: the page shows the two.
    const report = importWorkbook(other);
    const said = checkReport(report, { localize: false }).findings.filter(
      (f) => f.rule === "naming.page-header"
    );
    expect(said.every((f) => f.severity === "info")).toBe(true);
    const both = report.tables.filter((t) => t.unitCell);
    expect(both.length).toBeGreaterThan(0);
    for (const t of both) {
      const f = said.find((x) => x.cells.includes(t.unitCell!));
      expect(f?.message).toMatch(/表内印.*页眉印/);
      expect(f?.message).toContain(t.unit === "元" ? "单位：万元" : "单位：元");
      // A one-table sheet prints its 表号 in the cells as well: 表99 said too.
      if (t.label && !t.sharedSheet) expect(f?.message).toContain("表99");
    }
    // The same header holding the cells' own 单位 and no 表号 says nothing.
    const same = grids.map((g) => {
      const t = want.tables.find((x) => x.sheet === g.sheet);
      return t?.unitText ? { ...g, pageHeader: parsePageHeader(`&R${t.unitText}`, g.sheet) } : g;
    });
    expect(
      checkReport(importWorkbook(same), { localize: false }).findings.filter(
        (f) => f.rule === "naming.page-header"
      )
    ).toEqual([]);
  });

  test("a header naming another kind of table adds neither its 表号 nor its 单位", () => {
    const moved = toPageHeaders(grids, WRITINGS.sections, { keepTitle: true });
    const wrong = moved.grids.map((g) => {
      if (!g.pageHeader) return g;
      const kind = want.tables.find((t) => t.sheet === g.sheet)!.kind;
      const title = kind === "three_public" ? "部门收支总表" : "“三公”经费支出预算表";
      return { ...g, pageHeader: parsePageHeader(`&L表99&C${title}&R单位：元`, g.sheet) };
    });
    const bare = moved.grids.map(({ pageHeader: _p, ...g }) => g);
    expect(tablesOf(wrong)).toEqual(tablesOf(bare));
  });
});

describe("read from files and hosts", () => {
  const style = STYLES.find((s) => s.label(1) === "表1" && s.yearInTitle)!;
  const { grids } = buildVariant(style);
  const moved = toPageHeaders(grids, WRITINGS.joined);

  test("an .xlsx written with oddHeader: the exceljs reader gives the page header, the tables are the same", async () => {
    const buf = await toXlsx(moved.grids, new Map(), { headers: moved.headers });
    const read = (await readXlsxBuffer(buf)).grids;
    const first = read.find((g) => moved.headers.has(g.sheet))!;
    expect(first.pageHeader?.center).toMatch(/^表1\d{4}年/);
    expect(tablesOf(read)).toEqual(tablesOf(grids));
  });

  test(".ods (LibreOffice from that .xlsx): the master page's header regions, the tables are the same", async () => {
    const buf = await fs.readFile(
      path.join(__dirname, "..", "fixtures", "legacy", "page-header.ods")
    );
    const read = (await readWorkbookBuffer(new Uint8Array(buf))).grids;
    expect(read.filter((g) => g.pageHeader).map((g) => g.pageHeader)).toEqual(
      moved.grids.filter((g) => g.pageHeader).map((g) => g.pageHeader)
    );
    expect(tablesOf(read)).toEqual(tablesOf(grids));
  });

  test("Office.js: the header's sections are read in the same two round trips, the tables are the same", async () => {
    const b = bench(moved.grids);
    const sheet = moved.grids.find((g) => g.pageHeader)!.sheet;
    // A different first page prints the title; the other pages a page number only.
    const s = b.wb.sheets.find((x) => x.name === sheet)!;
    s.headersFooters = {
      state: "FirstAndDefault",
      pages: {
        firstPage: s.headersFooters!.pages.defaultForAllPages,
        defaultForAllPages: { rightHeader: "第&P页" },
      },
    };
    const res = await b.Excel.run((ctx) => readWorkbookGrids(ctx));
    expect(b.executor.roundTrips).toBe(2);
    expect(res.grids.find((g) => g.sheet === sheet)!.pageHeader).toEqual(
      moved.grids.find((g) => g.sheet === sheet)!.pageHeader
    );
    expect(tablesOf(res.grids)).toEqual(tablesOf(grids));
  });

  test("title in the cells, 表号 and 单位 in an .xlsx's oddHeader and through Office.js: the titled workbook's tables", async () => {
    const kept = toPageHeaders(grids, WRITINGS.sections, { keepTitle: true });
    expect(kept.headers.size).toBeGreaterThan(0);
    const buf = await toXlsx(kept.grids, new Map(), { headers: kept.headers });
    const read = (await readXlsxBuffer(buf)).grids;
    expect(read.filter((g) => g.pageHeader).length).toBe(kept.headers.size);
    expect(tablesOf(read)).toEqual(tablesOf(grids));
    const b = bench(kept.grids);
    const res = await b.Excel.run((ctx) => readWorkbookGrids(ctx));
    expect(b.executor.roundTrips).toBe(2);
    expect(tablesOf(res.grids)).toEqual(tablesOf(grids));
  });

  test("a page header of the 部门's name or a page number names no table", () => {
    const bare = moved.grids.map(({ pageHeader: _p, ...g }) => g);
    for (const header of ["&C清河县财政局", "&R第&P页", "&L清河县财政局&C&D&R共&N页"]) {
      const other = moved.grids.map((g) =>
        g.pageHeader ? { ...g, pageHeader: parsePageHeader(header, g.sheet) } : g
      );
      expect(tablesOf(other)).toEqual(tablesOf(bare));
    }
  });
});
