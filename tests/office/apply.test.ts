/**
 * The Office host's write side on Microsoft's runtime: marks and sheets go in, 清除标记 takes exactly them out —
 * also after save, close and reopen, and after the user edited cells; the user's values, formulas, number formats,
 * fills, fonts, borders, notes and conditional formats never change; round trips do not grow with sheets or marks.
 */
import { applyPlan, clearReview, styleRects } from "../../src/hosts/office/apply";
import { readWorkbookGrids } from "../../src/hosts/office/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { gridFromRows } from "../../src/core/grid/grid";
import { isMarkFormula } from "../../src/core/review/plan";
import type { CheckResult } from "../../src/core/rules/rule";
import { bench, type Bench } from "../office-bench/runtime";
import { loadXlsx, saveXlsx, userCells } from "../office-bench/xlsx";
import { MemoryWorkbook } from "../office-bench/workbook";
import { fixturePlan } from "./plan-fixture";
import { loadSample } from "../helpers";

async function reviewed(name: "jishan-2024" | "jincheng-chengqu-2025" | "xingxian-2023") {
  const { grids } = await loadSample(name);
  const b = bench(grids);
  const result = checkReport(importWorkbook(grids));
  return { b, result, userSheets: grids.map((g) => g.sheet) };
}

/** The user's own formatting, set before any review: a fill, a white fill, a bold red font, a border, a note, a CF. */
function userDecorates(
  wb: MemoryWorkbook,
  ref: { sheet: string; r: number; c: number },
  white: { sheet: string; r: number; c: number }
) {
  const s = wb.sheets.find((x) => x.name === ref.sheet)!;
  Object.assign(wb.cellForWrite(s, ref.r, ref.c), {
    fill: "#00B050",
    fontColor: "#FF0000",
    fontBold: true,
    border: JSON.stringify({ bottom: { style: "thin" } }),
  });
  const w = wb.sheets.find((x) => x.name === white.sheet)!;
  wb.cellForWrite(w, white.r, white.c).fill = "#FFFFFF";
  s.conditionalFormats.push({
    id: "{user-cf}",
    type: "Custom",
    address: "A1:B2",
    formula: "=A1>100",
    fill: "#FFFF00",
  });
  wb.notes.push({
    sheetId: s.id,
    row: ref.r,
    col: ref.c,
    content: "用户自己的批注",
    authorName: "user",
  });
  wb.comments.push({
    id: "{user-comment}",
    sheetId: s.id,
    row: ref.r,
    col: ref.c,
    content: "用户自己的批注",
    authorName: "user",
    resolved: false,
  });
}

const at = (ref: string) => {
  const m = /^(?:'?(.+?)'?)!([A-Z]+)(\d+)$/.exec(ref)!;
  return { sheet: m[1], r: Number(m[3]) - 1, c: m[2].charCodeAt(0) - 65 };
};

const ourRules = (wb: MemoryWorkbook) =>
  wb.sheets.flatMap((s) =>
    s.conditionalFormats
      .filter((cf) => cf.formula && isMarkFormula(cf.formula))
      .map((cf) => ({ sheet: s.name, ...cf }))
  );

describe.each(["jishan-2024", "jincheng-chengqu-2025", "xingxian-2023"] as const)("%s", (name) => {
  test("marks, save, close, reopen, the user edits a cell, 清除标记: every user cell as before the review", async () => {
    const { b, result, userSheets } = await reviewed(name);
    expect(result.findings.length).toBeGreaterThan(0);
    const checked = at(result.findings[0].cells[0]);
    const other = at(result.findings[result.findings.length - 1].cells[0]);
    userDecorates(b.wb, checked, other);
    const before = await saveXlsx(b.wb);
    const plan = fixturePlan(result);

    const applied = await b.Excel.run((ctx) => applyPlan(ctx, plan, { notes: "comments" }));
    expect(applied.marks).toBe(plan.marks.length);
    expect(applied.sheets).toEqual(["审核结果", "预算汇总"]);
    expect(b.wb.sheets.slice(0, 2).map((s) => s.name)).toEqual(["审核结果", "预算汇总"]);
    // Marks are our tagged rules; the user's own CF and note are still there, our note skipped their cell.
    expect(ourRules(b.wb).length).toBeGreaterThan(0);
    expect(b.wb.comments.filter((c) => c.content === "用户自己的批注")).toHaveLength(1);
    expect(
      b.wb.comments.filter(
        (c) =>
          c.sheetId === b.wb.sheets.find((s) => s.name === checked.sheet)!.id &&
          c.row === checked.r &&
          c.col === checked.c
      )
    ).toHaveLength(1);
    // Nothing the user owns was written: every write is a conditional format, a comment, or on our sheets.
    const userWrites = b.executor.writes.filter(
      (w) =>
        userSheets.includes(w.sheet) &&
        !["conditionalFormats.add", "comments.add"].includes(w.property)
    );
    expect(userWrites).toEqual([]);

    // Save, close, reopen; the user corrects the checked figure; then 清除标记 in a new session.
    const reopened = await loadXlsx(await saveXlsx(b.wb));
    const s = reopened.sheets.find((x) => x.name === checked.sheet)!;
    reopened.cellForWrite(s, checked.r, checked.c).value = 12345.67;
    const b2 = bench(reopened);
    const cleared = await b2.Excel.run((ctx) => clearReview(ctx, { notes: "comments" }));
    expect(cleared.sheets.sort()).toEqual(["审核结果", "预算汇总"].sort());
    expect(ourRules(reopened)).toEqual([]);
    expect(reopened.notes.filter((n) => n.content.startsWith("【预算审核】"))).toEqual([]);

    // The same edit on the original: then both files must agree in every user cell.
    const original = await loadXlsx(before);
    original.cellForWrite(
      original.sheets.find((x) => x.name === checked.sheet)!,
      checked.r,
      checked.c
    ).value = 12345.67;
    expect(await userCells(await saveXlsx(reopened))).toEqual(
      await userCells(await saveXlsx(original))
    );
    expect(reopened.sheets.map((x) => x.name)).toEqual(userSheets);
    expect(
      reopened.sheets
        .find((x) => x.name === checked.sheet)!
        .conditionalFormats.map((c) => c.formula)
    ).toEqual(["=A1>100"]);
  });
});

test("a second review replaces the first: one 审核结果, one 预算汇总, the same marks, no stacked rules or notes", async () => {
  const { b, result } = await reviewed("jishan-2024");
  const plan = fixturePlan(result);
  await b.Excel.run((ctx) => applyPlan(ctx, plan, { notes: "comments" }));
  const once = {
    rules: ourRules(b.wb).length,
    comments: b.wb.comments.length,
    sheets: b.wb.sheets.map((s) => s.name),
  };
  const second = await b.Excel.run((ctx) => applyPlan(ctx, plan, { notes: "comments" }));
  expect(second.removed.sheets.sort()).toEqual(["审核结果", "预算汇总"].sort());
  expect(second.removed.marks).toBe(once.rules);
  expect({
    rules: ourRules(b.wb).length,
    comments: b.wb.comments.length,
    sheets: b.wb.sheets.map((s) => s.name),
  }).toEqual(once);
});

test("the inserted sheets: values and formulas in one write, text that looks like a formula stays text, styles, merges, links, data bars, frozen header", async () => {
  const { b, result } = await reviewed("jishan-2024");
  await b.Excel.run((ctx) =>
    applyPlan(ctx, fixturePlan(result), { notes: "none", activate: "审核结果" })
  );
  const wb = b.wb;
  const res = wb.sheets[0];
  expect(wb.activeSheetId).toBe(res.id);
  expect(wb.cell(res, 0, 0)?.value).toBe("预算审核 审核结果");
  expect(wb.cell(res, 1, 0)?.value).toBe("-1 开头的文字");
  expect(wb.cell(res, 1, 0)?.formula).toBeUndefined();
  expect(wb.cell(res, 2, 0)).toMatchObject({ fill: "#D9E1F2", fontBold: true });
  expect(wb.cell(res, 3, 1)?.hyperlink).toBe(
    `#${result.findings[0].cells[0].includes("'") ? "" : ""}${result.findings[0].cells[0]}`
  );
  expect(res.merges).toEqual([{ r0: 0, c0: 0, r1: 0, c1: 1 }]);
  expect(res.frozenRows).toBe(3);
  expect(res.autoFilter).toBe(`A3:B${3 + result.findings.length}`);
  const sum = wb.sheets[1];
  expect(wb.cell(sum, 1, 1)).toMatchObject({ formula: "=1+2", numberFormat: "#,##0.00" });
  expect(sum.conditionalFormats).toMatchObject([
    { type: "DataBar", address: "C2", barColor: "#5B9BD5" },
  ]);
});

test("protected sheets keep their cells untouched and are named; the other sheets are marked", async () => {
  const { b, result } = await reviewed("jishan-2024");
  const plan = fixturePlan(result);
  const locked = plan.marks[0].sheet;
  b.wb.sheets.find((s) => s.name === locked)!.protected = true;
  const res = await b.Excel.run((ctx) => applyPlan(ctx, plan, { notes: "comments" }));
  expect(res.protectedSheets).toEqual([locked]);
  expect(ourRules(b.wb).filter((r) => r.sheet === locked)).toEqual([]);
  expect(res.marks).toBe(plan.marks.filter((m) => m.sheet !== locked).length);
  expect(ourRules(b.wb).length).toBeGreaterThan(0);
});

test("the workbook changed while reviewing: nothing is written, the changed cells are named", async () => {
  const { b, result } = await reviewed("jishan-2024");
  const ref = result.findings[0].cells[0];
  const p = at(ref);
  const s = b.wb.sheets.find((x) => x.name === p.sheet)!;
  const was = b.wb.cell(s, p.r, p.c)!.value;
  b.wb.cellForWrite(s, p.r, p.c).value = 1; // edited after the read
  const res = await b.Excel.run((ctx) =>
    applyPlan(ctx, fixturePlan(result), { notes: "comments", expectValues: { [ref]: was } })
  );
  expect(res.changed).toEqual([ref]);
  expect(b.executor.writes).toEqual([]);
});

test("a sheet of the user's named 审核结果 (no tag in A1) is left alone and reported", async () => {
  const grids = [gridFromRows("审核结果", [["我的笔记"]]), gridFromRows("表1", [["合计", 1]])];
  const b = bench(grids);
  const res = await b.Excel.run((ctx) =>
    applyPlan(
      ctx,
      fixturePlan({
        findings: [],
        rules: { checked: 0, passed: 0, failed: 0, notApplicable: 0 },
        perRule: [],
      } as unknown as CheckResult),
      { notes: "none" }
    )
  );
  expect(res.nameTaken).toEqual(["审核结果"]);
  expect(b.wb.sheets.map((s) => s.name)).toEqual(["预算汇总", "审核结果", "表1"]);
  expect(b.wb.cell(b.wb.sheets[1], 0, 0)?.value).toBe("我的笔记");
  await b.Excel.run((ctx) => clearReview(ctx, { notes: "none" }));
  expect(b.wb.sheets.map((s) => s.name)).toEqual(["审核结果", "表1"]);
});

/** Many sheets and findings: one finding per sheet citing three cells. */
function wide(n: number): { b: Bench; result: CheckResult } {
  const grids = Array.from({ length: n }, (_, i) =>
    gridFromRows(`表${i + 1}`, [
      ["项目", "金额"],
      ["合计", 10],
      ["甲", 4],
      ["乙", 5],
    ])
  );
  const result = {
    findings: grids.map((g) => ({
      rule: "within.total",
      severity: "error" as const,
      message: `${g.sheet} 合计不等于各项之和`,
      cells: [`${g.sheet}!B2`, `${g.sheet}!B3`, `${g.sheet}!B4`],
      expected: 9,
      actual: 10,
      difference: 1,
    })),
    rules: { checked: n, passed: 0, failed: n, notApplicable: 0 },
    perRule: [],
  } as unknown as CheckResult;
  return { b: bench(grids), result };
}

test("round trips: read 2, first mark 3 (nothing of ours to look at), mark again 4, clear 4 — the same for 3 sheets and 3 findings as for 300 sheets and 300 findings", async () => {
  const counts = [];
  for (const n of [3, 300]) {
    const { b, result } = wide(n);
    const trips: number[] = [];
    let last = 0;
    const step = () => (trips.push(b.executor.roundTrips - last), (last = b.executor.roundTrips));
    await b.Excel.run((ctx) => readWorkbookGrids(ctx));
    step();
    await b.Excel.run((ctx) => applyPlan(ctx, fixturePlan(result), { notes: "comments" }));
    step();
    await b.Excel.run((ctx) => applyPlan(ctx, fixturePlan(result), { notes: "comments" }));
    step();
    await b.Excel.run((ctx) => clearReview(ctx, { notes: "comments" }));
    step();
    expect(ourRules(b.wb)).toEqual([]);
    expect(b.wb.comments).toEqual([]);
    counts.push(trips);
  }
  expect(counts[0]).toEqual([2, 3, 4, 4]);
  expect(counts[1]).toEqual(counts[0]);
});

test("300 marks of one colour on a sheet go in a few multi-area rules (getRanges), not 300", async () => {
  const rows = [["项目", "金额"], ...Array.from({ length: 300 }, (_, i) => [`项${i}`, i])];
  const b = bench([gridFromRows("大表", rows)]);
  const result = {
    findings: [
      {
        rule: "x",
        severity: "warning",
        message: "m",
        cells: rows.slice(1).map((_, i) => `大表!B${i + 2}`),
        expected: null,
        actual: null,
        difference: null,
      },
    ],
    rules: { checked: 1, passed: 0, failed: 1, notApplicable: 0 },
    perRule: [],
  } as unknown as CheckResult;
  await b.Excel.run((ctx) =>
    applyPlan(ctx, fixturePlan(result, { sheets: false }), { notes: "none" })
  );
  const rules = ourRules(b.wb);
  expect(rules.length).toBeLessThanOrEqual(4);
  expect(rules.flatMap((r) => r.address.split(", ")).length).toBe(300);
});

test("styleRects joins a style's cells into rectangles", () => {
  const cells = [0, 1, 2].flatMap((row) =>
    [0, 1, 3].map((col) => ({ row, col, value: 1, style: "s" }))
  );
  expect(styleRects(cells).get("s")).toEqual([
    { r0: 0, c0: 0, r1: 2, c1: 1 },
    { r0: 0, c0: 3, r1: 2, c1: 3 },
  ]);
});

test("sheets: existing — 开始审核 rewrites our sheets where they are and adds none; none — leaves them", async () => {
  const { b, result } = await reviewed("jishan-2024");
  const plan = fixturePlan(result);
  const names = () => b.wb.sheets.map((s) => s.name);
  const first = await b.Excel.run((ctx) =>
    applyPlan(ctx, plan, { notes: "none", sheets: "existing" })
  );
  expect(first.sheets).toEqual([]);
  expect(names()).not.toContain("审核结果");
  await b.Excel.run((ctx) => applyPlan(ctx, plan, { notes: "none", sheets: "all" }));
  const res = b.wb.sheets.find((s) => s.name === "审核结果")!;
  b.wb.cellForWrite(res, 40, 0).value = "旧内容";
  const again = await b.Excel.run((ctx) =>
    applyPlan(ctx, plan, { notes: "none", sheets: "existing" })
  );
  expect(again.sheets).toEqual(["审核结果", "预算汇总"]);
  expect(names().filter((n) => n === "审核结果")).toHaveLength(1);
  expect(
    b.wb.cell(
      b.wb.sheets.find((s) => s.name === "审核结果")!,
      40,
      0
    )
  ).toBeUndefined();
  const kept = await b.Excel.run((ctx) => applyPlan(ctx, plan, { notes: "none", sheets: "none" }));
  expect(kept.removed.sheets).toEqual([]);
  expect(names().slice(0, 2)).toEqual(["审核结果", "预算汇总"]);
});
