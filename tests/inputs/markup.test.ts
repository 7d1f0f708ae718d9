/**
 * Tables exported as markup and named .xls, as many 财政 systems' “导出 Excel” write them: an HTML page (one <table> per
 * table, headings between them, UTF-8 / GBK / UTF-16) and the “XML 电子表格 2003”. They are read (src/hosts/sheetjs/
 * markup.ts, through SheetJS) and reviewed like the workbook they were exported from — before, they were refused with
 * “是网页（HTML）文本，不是工作簿” (newcomer10 NC10-1). Every generated template, plain and with one figure misprinted.
 */
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import * as XLSX from "@e965/xlsx";
import { readWorkbookBuffer, workbookFormat } from "../../src/hosts/read-any";
import { decodeMarkup, markupKind, pagePieces } from "../../src/hosts/sheetjs/markup";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { SheetGrid } from "../../src/core/grid/grid";
import { STYLES, buildVariant } from "../fixtures/variants";
import { bump } from "../fixtures/grid-edit";
import { fileHash, runMain } from "../helpers";

jest.setTimeout(60000);
const fixture = (f: string) => path.join(__dirname, "..", "fixtures", "markup", f);

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The grids as a system's HTML export: per sheet an <h3> with its name, then one <table> (merges as col/rowspan). */
function page(grids: SheetGrid[]): string {
  const tables = grids.map((g) => {
    const covered = new Set<string>();
    const span = new Map<string, string>();
    for (const m of g.merges) {
      span.set(`${m.r0},${m.c0}`, ` colspan="${m.c1 - m.c0 + 1}" rowspan="${m.r1 - m.r0 + 1}"`);
      for (let r = m.r0; r <= m.r1; r++)
        for (let c = m.c0; c <= m.c1; c++) if (r !== m.r0 || c !== m.c0) covered.add(`${r},${c}`);
    }
    const width = Math.max(...g.text.map((row) => row.length));
    const rows = g.text.map(
      (row, r) =>
        "<tr>" +
        Array.from({ length: width }, (_, c) =>
          covered.has(`${r},${c}`)
            ? ""
            : `<td${span.get(`${r},${c}`) ?? ""}>${esc(String(row[c] ?? ""))}</td>`
        ).join("") +
        "</tr>"
    );
    return `<h3>${esc(g.sheet)}</h3>\n<table border="1">\n${rows.join("\n")}\n</table>`;
  });
  return `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>导出</title></head><body>\n${tables.join("\n<br>\n")}\n</body></html>`;
}

/**
 * What a review says, without cells (the page stacks the sheets, so addresses differ): rule and severity. Not
 * input.text-amounts: a page's cells carry no type, so an amount stored as text in the workbook is a number on it.
 */
const kinds = (grids: SheetGrid[]) =>
  checkReport(importWorkbook(grids))
    .findings.filter((f) => f.rule !== "input.text-amounts")
    .map((f) => `${f.severity} ${f.rule}`)
    .sort();

/** The cell of the 支出总表's first 项 line's first amount (numeric or text): a figure a typo changes. */
function aLineAmount(grids: SheetGrid[]): string {
  const table = importWorkbook(grids).tables.find((t) => t.kind === "expenditure_summary")!;
  const line = table.rows.find((r) => r.code?.length === 7 && Object.keys(r.amounts).length)!;
  return Object.values(line.amounts).find((a) => a.value)!.cell;
}

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  test.each([["as printed"], ["one figure misprinted"]])(
    "an HTML page of its tables, %s: read as one sheet, the same findings",
    async (how) => {
      const grids = buildVariant(style).grids;
      if (how !== "as printed") bump(grids, aLineAmount(grids));
      const bytes = Buffer.from(page(grids), "utf8");
      expect(workbookFormat(bytes)).toBe("html");
      const read = await readWorkbookBuffer(bytes, { fileName: "部门预算.xls" });
      expect(read.grids.map((g) => g.sheet)).toEqual(["部门预算"]);
      const expected = kinds(grids);
      if (how !== "as printed") expect(expected.some((k) => k.startsWith("error "))).toBe(true);
      expect(kinds(read.grids)).toEqual(expected);
      // Ten tables share the page's one sheet, named by the file: the findings name each table by its 表号 or its
      // kind, never as 「部门预算（支出总表）」 (newcomer13 NC13-10: a file name cut to 31 characters, ten times).
      const said = checkReport(importWorkbook(read.grids)).findings.map((f) => f.message);
      expect(said.filter((m) => m.includes("部门预算（"))).toEqual([]);
    }
  );

  test("an XML 电子表格 2003 of its sheets: the same findings", async () => {
    const grids = buildVariant(style).grids;
    const book = XLSX.utils.book_new();
    for (const g of grids) {
      const ws = XLSX.utils.aoa_to_sheet(g.values, {
        origin: { r: g.origin.row, c: g.origin.col },
      } as XLSX.AOA2SheetOpts);
      ws["!merges"] = g.merges.map((m) => ({
        s: { r: m.r0 + g.origin.row, c: m.c0 + g.origin.col },
        e: { r: m.r1 + g.origin.row, c: m.c1 + g.origin.col },
      }));
      XLSX.utils.book_append_sheet(book, ws, g.sheet);
    }
    const bytes = Buffer.from(XLSX.write(book, { type: "string", bookType: "xlml" }), "utf8");
    expect(workbookFormat(bytes)).toBe("xml2003");
    const read = await readWorkbookBuffer(bytes);
    expect(read.grids.map((g) => g.sheet)).toEqual(grids.map((g) => g.sheet));
    expect(kinds(read.grids)).toEqual(kinds(grids));
  });
});

describe("one table exported by a system as UTF-8, GBK (GB2312 declared) and UTF-16", () => {
  test.each([["zhichu-utf8.xls"], ["zhichu-gbk.xls"], ["zhichu-utf16.xls"]])(
    "%s: the same sheet, cells and findings (a 支出总表 with 行政运行's 合计 +10)",
    async (name) => {
      const bytes = await fs.readFile(fixture(name));
      expect(markupKind(bytes)).toBe("html");
      const read = await readWorkbookBuffer(bytes, { fileName: name });
      const utf8 = await readWorkbookBuffer(await fs.readFile(fixture("zhichu-utf8.xls")));
      expect(read.grids).toEqual(utf8.grids);
      expect(read.grids[0].sheet).toBe("3.支出总表");
      const result = checkReport(importWorkbook(read.grids));
      expect(
        result.findings.filter((f) => f.severity === "error").flatMap((f) => f.cells)
      ).toContain("'3.支出总表'!D7");
    }
  );
});

test("decoding: a BOM, the declared charset (GB2312 → GB18030), else UTF-8, else GB18030", () => {
  const gbk = Buffer.from([0xd6, 0xa7, 0xb3, 0xf6]); // 支出 in GBK
  expect(decodeMarkup(Buffer.concat([Buffer.from("<meta charset=gb2312><td>"), gbk]))).toBe(
    "<meta charset=gb2312><td>支出"
  );
  expect(decodeMarkup(Buffer.concat([Buffer.from("<td>"), gbk]))).toBe("<td>支出");
  expect(decodeMarkup(Buffer.from("\ufeff<td>支出", "utf8"))).toBe("<td>支出");
});

test("a page's headings and paragraphs are rows of their own around the tables, as Excel lays them out", () => {
  const pieces = pagePieces(
    "<html><head><title>x</title><style>td{}</style></head><body><h3>表1&nbsp;收支总表</h3><p>单位：万元</p>" +
      "<table><tr><td>a</td></tr><tr><td><table><tr><td>in</td></tr></table></td></tr></table><div>注：无</div></body></html>"
  );
  expect(pieces.map((p) => ("text" in p ? p.text : "table"))).toEqual([
    "表1 收支总表",
    "单位：万元",
    "table",
    "注：无",
  ]);
});

describe("the CLI", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "markup-"));
  });

  test("check --out: the review written as a separate workbook, the page left untouched", async () => {
    const file = path.join(dir, "支出总表.xls");
    await fs.copyFile(fixture("zhichu-gbk.xls"), file);
    const before = await fileHash(file);
    const r = await runMain(["check", file, "--out", path.join(dir, "out")]);
    expect(r.out).toMatch(/支出总表\.审核结果\.xlsx（原文件为网页（HTML）格式/);
    expect(await fs.readdir(path.join(dir, "out"))).toContain("支出总表.审核结果.xlsx");
    const after = await fileHash(file);
    expect(after).toBe(before);
  });

  test("a web page without a table is still named a web page, with what to do", async () => {
    const file = path.join(dir, "说明.xls");
    await fs.writeFile(file, "<html><body><p>本部门2025年部门预算公开说明</p></body></html>");
    const r = await runMain(["check", file]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/是网页（HTML）文本，不是工作簿/);
  });
});
