/** The bench loads and saves .xlsx through the project's .xlsx host: what the add-in writes survives, the user's data too. */
import { promises as fs } from "fs";
import ExcelJS from "exceljs";
import { MemoryWorkbook } from "../office-bench/workbook";
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
    ws.getRange("A1:B2").values = [["规则", "单元格"], ["cross.general-budget", "预算公开表5!C6"]];
    ctx.workbook.comments.add("预算公开表5!C6", "234.12 ≠ 450.05");
    await ctx.sync();
  });
  const bytes = await b.wb.toXlsx();
  const back = (await readXlsxBuffer(bytes)).grids;
  for (const g of grids) {
    const h = back.find((x) => x.sheet === g.sheet)!;
    expect({ sheet: g.sheet, values: h.values, formats: h.numberFormat, merges: h.merges }).toEqual({ sheet: g.sheet, values: g.values, formats: g.numberFormat, merges: g.merges });
  }
  expect(back.map((g) => g.sheet).slice(-1)).toEqual(["审核结果"]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const c6 = wb.getWorksheet("预算公开表5")!.getCell("C6");
  expect((c6.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFC7CE");
  expect(c6.note).toBe("234.12 ≠ 450.05");
  expect(c6.value).toBe(234.12);
});

test("fromXlsx reads a file through the .xlsx host", async () => {
  const wb = await MemoryWorkbook.fromXlsx(await fs.readFile(samplePath("jincheng-chengqu-2025")));
  const ex = new Executor(wb);
  const res = ex.execute({ Actions: [{ Id: 2, ActionType: 2, Name: "", ObjectPathId: 3, QueryInfo: { Select: ["name"] } }], ObjectPaths: { "1": { Id: 1, ObjectPathType: 1, Name: "" }, "3": { Id: 3, ObjectPathType: 4, Name: "Worksheets", ParentObjectPathId: 1 } } }) as { Body: { Results: Array<{ Value: { _Items: Array<{ Name: string }> } }> } };
  expect(res.Body.Results[0].Value._Items.map((x) => x.Name)).toHaveLength(14);
});
