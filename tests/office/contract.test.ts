/** Semantics the add-in relies on, exercised through Microsoft's real runtime against the bench backend. */
import { bench } from "../office-bench/runtime";
import { gridFromRows } from "../../src/core/grid/grid";

const grids = () => [
  gridFromRows("收支总表", [
    ["项目", "预算数"],
    ["合计", 450.05],
    ["", ""],
    ["一般公共服务支出", 388.14],
  ]),
  gridFromRows("空表", []),
];

test("smoke: the runtime loads, its transport hook reaches the backend, one sync = one round trip", async () => {
  const b = bench(grids());
  await b.Excel.run(async (ctx) => {
    ctx.workbook.worksheets.load("items/name");
    await ctx.sync();
    expect(ctx.workbook.worksheets.items.map((w) => w.name)).toEqual(["收支总表", "空表"]);
  });
  expect(b.executor.roundTrips).toBe(1);
});

test("PropertyNotLoaded on a read before load/sync, with the runtime's exact error shape", async () => {
  const b = bench(grids());
  await b.Excel.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem("收支总表").getRange("A1:B2");
    let err: OfficeExtension.Error | undefined;
    try {
      void r.values;
    } catch (e) {
      err = e as OfficeExtension.Error;
    }
    expect(err).toMatchObject({ name: "RichApi.Error", code: "PropertyNotLoaded" });
    expect(err).toBeInstanceOf(b.OfficeExtension.Error);
    r.load("values");
    expect(() => r.values).toThrow(/load method/); // loaded but not yet synced
    await ctx.sync();
    expect(r.values).toEqual([
      ["项目", "预算数"],
      ["合计", 450.05],
    ]);
  });
});

test("InvalidObjectPath after Excel.run ends; loaded values stay readable", async () => {
  const b = bench(grids());
  let leaked: Excel.Range | undefined;
  await b.Excel.run(async (ctx) => {
    leaked = ctx.workbook.worksheets.getItem("收支总表").getRange("B2").load("values");
    await ctx.sync();
  });
  expect(leaked!.values).toEqual([[450.05]]);
  expect(() => leaked!.load("text")).toThrow(
    expect.objectContaining({ code: "InvalidObjectPath" })
  );
});

test("null objects: isNullObject after sync; a blank sheet has no used range", async () => {
  const b = bench(grids());
  await b.Excel.run(async (ctx) => {
    const none = ctx.workbook.worksheets.getItemOrNullObject("不存在");
    const blank = ctx.workbook.worksheets.getItem("空表").getUsedRangeOrNullObject(true);
    const used = ctx.workbook.worksheets
      .getItem("收支总表")
      .getUsedRangeOrNullObject(true)
      .load("address");
    expect(() => none.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    await ctx.sync();
    expect([none.isNullObject, blank.isNullObject, used.isNullObject, used.address]).toEqual([
      true,
      true,
      false,
      "收支总表!A1:B4",
    ]);
  });
});

test("'' for empty cells; null for mixed formats; #FFFFFF for no fill", async () => {
  const b = bench(grids());
  await b.Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("收支总表");
    ws.getRange("B2").format.fill.color = "#FFFF00";
    const rows = ws.getRange("A3:B3").load("values,text");
    const mixed = ws.getRange("B2:B3").format.fill.load("color");
    const none = ws.getRange("A1").format.fill.load("color");
    await ctx.sync();
    expect(rows.values).toEqual([["", ""]]);
    expect(mixed.color).toBeNull();
    expect(none.color).toBe("#FFFFFF");
  });
});

test("errors: ItemNotFound, ItemAlreadyExists (case-insensitive), InvalidArgument, AccessDenied on a protected sheet", async () => {
  const b = bench(grids());
  const code = (p: Promise<unknown>) =>
    p.then(
      () => "ok",
      (e) => (e as OfficeExtension.Error).code
    );
  expect(
    await code(
      b.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("不存在").load("name");
        await ctx.sync();
      })
    )
  ).toBe("ItemNotFound");
  expect(
    await code(
      b.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.add("收支总表");
        await ctx.sync();
      })
    )
  ).toBe("ItemAlreadyExists");
  expect(
    await code(
      b.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.add("a/b");
        await ctx.sync();
      })
    )
  ).toBe("InvalidArgument");
  expect(
    await code(
      b.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("收支总表").getRange("A1:B1").values = [[1]];
        await ctx.sync();
      })
    )
  ).toBe("InvalidArgument");
  b.wb.sheets[0].protected = true;
  expect(
    await code(
      b.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("收支总表").getRange("A1").format.fill.color = "red";
        await ctx.sync();
      })
    )
  ).toBe("AccessDenied");
  expect(
    await code(
      b.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("收支总表").getRange("A1:B4").load("values");
        await ctx.sync();
      })
    )
  ).toBe("ok");
  const e = await b.Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("x").load("name");
    await ctx.sync();
  }).catch((x) => x);
  expect(e).toBeInstanceOf(b.OfficeExtension.Error);
  expect(e.message).toBe("The requested resource doesn't exist. (x)");
});

test("writes are invisible until sync, then recorded; a sheet added gets an id the runtime uses afterwards", async () => {
  const b = bench(grids());
  await b.Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.add("审核结果");
    ws.getRange("A1:B1").values = [["规则", "结果"]];
    expect(b.wb.sheets.map((s) => s.name)).toEqual(["收支总表", "空表"]);
    expect(b.executor.writes).toEqual([]);
    await ctx.sync();
    ws.position = 0;
    ws.load("name,position");
    await ctx.sync();
    expect([ws.name, ws.position]).toEqual(["审核结果", 0]);
  });
  expect(b.wb.sheets.map((s) => s.name)).toEqual(["审核结果", "收支总表", "空表"]);
  expect(b.executor.writes.map((w) => w.property)).toEqual(["worksheets.add", "values"]);
});

test("settings, getCellProperties / setCellProperties, conditional formats, select", async () => {
  const b = bench(grids());
  await b.Excel.run(async (ctx) => {
    ctx.workbook.settings.add("budget-review.marks", JSON.stringify([{ cell: "收支总表!B2" }]));
    const r = ctx.workbook.worksheets.getItem("收支总表").getRange("A1:B2");
    r.setCellProperties([
      [{}, { format: { fill: { color: "#FFC7CE" } } }],
      [{}, {}],
    ]);
    const props = r.getCellProperties({ format: { fill: { color: true } } });
    const cf = r.conditionalFormats.add(b.Excel.ConditionalFormatType.custom);
    cf.custom.rule.formula = "=TRUE";
    cf.custom.format.fill.color = "#FFC7CE";
    const count = r.conditionalFormats.getCount();
    r.getCell(1, 1).select();
    const setting = ctx.workbook.settings.getItem("budget-review.marks").load("value");
    await ctx.sync();
    expect(props.value[0][1].format!.fill!.color).toBe("#FFC7CE");
    expect(props.value[0][0].format!.fill!.color).toBe("#FFFFFF");
    expect(count.value).toBe(1);
    expect(JSON.parse(setting.value)).toEqual([{ cell: "收支总表!B2" }]);
  });
  expect(b.wb.selection).toMatchObject({ r0: 1, c0: 1 });
  expect(b.wb.sheets[0].conditionalFormats[0]).toMatchObject({
    type: "Custom",
    formula: "=TRUE",
    fill: "#FFC7CE",
  });
});

test("a broken backend is caught: an unloaded read must fail the add-in's code", async () => {
  const b = bench(grids());
  // A backend that answers nothing leaves every property unloaded; reading one must throw, not return junk.
  (b.executor as unknown as { execute: () => unknown }).execute = () => ({
    HttpStatusCode: 200,
    Headers: {},
    Body: { Results: [] },
  });
  await expect(
    b.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("收支总表").getRange("A1").load("values");
      await ctx.sync();
      return r.values;
    })
  ).rejects.toMatchObject({ code: "PropertyNotLoaded" });
});
