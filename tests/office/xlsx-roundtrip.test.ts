/** The bench loads and saves .xlsx through the project's .xlsx host: what the add-in writes survives, the user's data too. */
import { promises as fs } from "fs";
import ExcelJS from "exceljs";
import { MemoryWorkbook } from "../office-bench/workbook";
import { loadXlsx, saveXlsx } from "../office-bench/xlsx";
import { Executor } from "../office-bench/executor";
import { bench } from "../office-bench/runtime";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { loadSample, samplePath } from "../helpers";

test("sample → bench → marks and a new sheet through Office.js → .xlsx → same user cells, marks kept", async () => {
  const { grids } = await loadSample("jishan-2024");
  const b = bench(grids);
  await b.Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("预算公开表5").getRange("C6").format.fill.color = "#FFC7CE";
    const ws = ctx.workbook.worksheets.add("审核结果");
    ws.getRange("A1:B2").values = [
      ["规则", "单元格"],
      ["cross.general-budget", "预算公开表5!C6"],
    ];
    ctx.workbook.comments.add("预算公开表5!C6", "234.12 ≠ 450.05");
    await ctx.sync();
  });
  const bytes = await saveXlsx(b.wb);
  const back = (await readXlsxBuffer(bytes)).grids;
  for (const g of grids) {
    const h = back.find((x) => x.sheet === g.sheet)!;
    expect({ sheet: g.sheet, values: h.values, formats: h.numberFormat, merges: h.merges }).toEqual(
      { sheet: g.sheet, values: g.values, formats: g.numberFormat, merges: g.merges }
    );
  }
  expect(back.map((g) => g.sheet).slice(-1)).toEqual(["审核结果"]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const c6 = wb.getWorksheet("预算公开表5")!.getCell("C6");
  expect((c6.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFC7CE");
  expect(c6.note).toBe("234.12 ≠ 450.05");
  expect(c6.value).toBe(234.12);
});

test("fromXlsxGrids reads a file through the .xlsx host", async () => {
  const wb = await MemoryWorkbook.fromXlsxGrids(
    await fs.readFile(samplePath("jincheng-chengqu-2025"))
  );
  const ex = new Executor(wb);
  const res = ex.execute({
    Actions: [{ Id: 2, ActionType: 2, Name: "", ObjectPathId: 3, QueryInfo: { Select: ["name"] } }],
    ObjectPaths: {
      "1": { Id: 1, ObjectPathType: 1, Name: "" },
      "3": { Id: 3, ObjectPathType: 4, Name: "Worksheets", ParentObjectPathId: 1 },
    },
  }) as { Body: { Results: Array<{ Value: { _Items: Array<{ Name: string }> } }> } };
  expect(res.Body.Results[0].Value._Items.map((x) => x.Name)).toHaveLength(14);
});

test("save, close, reopen: conditional formats (one or several areas), data bars, comments, hyperlinks, borders, settings survive", async () => {
  const { grids } = await loadSample("jishan-2024");
  const b = bench(grids);
  await b.Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("预算公开表5");
    const cf = ws
      .getRanges("C6, C8:C9")
      .conditionalFormats.add(b.Excel.ConditionalFormatType.custom);
    cf.custom.rule.formula = '=N("x")=0';
    cf.custom.format.fill.color = "#FFC7CE";
    ws.getRange("D6:D9").conditionalFormats.add(b.Excel.ConditionalFormatType.dataBar);
    ws.getRange("A1").hyperlink = { documentReference: "'预算公开表5'!C6", textToDisplay: "跳转" };
    ws.getRange("H30").format.borders.getItem("EdgeBottom").style = "Continuous";
    ctx.workbook.comments.add("预算公开表5!C6", "【预算审核】x");
    ctx.workbook.settings.add("budgetReview.decisions", "[1,2]");
    await ctx.sync();
  });
  const again = await loadXlsx(await saveXlsx(b.wb));
  const s = again.sheets.find((x) => x.name === "预算公开表5")!;
  // In priority order, kept through the file: the data bar, added last, is on top (Office.js adds at priority 0).
  expect(
    s.conditionalFormats.map((c) => [c.type, c.address, c.formula ?? "", c.fill ?? ""])
  ).toEqual([
    ["DataBar", "D6:D9", "", ""],
    ["Custom", "C6, C8:C9", '=N("x")=0', "#FFC7CE"],
  ]);
  expect(again.cell(s, 0, 0)).toMatchObject({ value: "跳转", hyperlink: "#'预算公开表5'!C6" });
  expect(JSON.parse(again.cell(s, 29, 7)!.border!)).toMatchObject({ bottom: { style: "thin" } });
  expect(again.comments.map((n) => [n.row, n.col, n.content])).toEqual([[5, 2, "【预算审核】x"]]);
  expect(again.notes).toEqual([]);
  expect(again.settings.get("budgetReview.decisions")).toBe("[1,2]");
  expect((await loadXlsx(await saveXlsx(again))).sheets.map((x) => x.name)).toEqual(
    b.wb.sheets.map((x) => x.name)
  );
});
