/**
 * 审核结果's 不适用 section: the rules that could not be checked (a table or column missing) as rows, rules sharing
 * their reasons in one row; the rules that looked and found no case (no hidden sheet, no 续表) named once in a note
 * below — on the samples, a hidden-sheet fixture and generated variants of every style.
 */
import { promises as fs } from "fs";
import path from "path";
import { loadSample, SAMPLES } from "../helpers";
import { STYLES, buildVariant } from "../fixtures/variants";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { buildResultsSheet } from "../../src/core/review/results-sheet";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import type { Report } from "../../src/core/model/schema";
import type { CheckResult } from "../../src/core/rules/rule";
import type { SheetGrid } from "../../src/core/grid/grid";

const META = {
  file: "x.xlsx",
  reviewedAt: "2026-11-29T20:00:00Z",
  product: "预算审核",
  productVersion: "9.9.9",
  catalogVersion: "test",
};

function review(grids: SheetGrid[]): { report: Report; result: CheckResult } {
  const report = importWorkbook(grids);
  return { report, result: checkReport(report, { localize: false }) };
}

/** The 不适用 section of 审核结果: its rows' 规则编号 cells (one id per line) and the note of rules with no case. */
function section(report: Report, result: CheckResult) {
  const s = buildResultsSheet(report, result, META as never);
  const title = s.cells.find((c) => c.value === "不适用的规则（未检查）")!;
  const after = s.cells.filter((c) => c.row > title.row);
  const header = after.find((c) => c.value === "规则编号" && c.style === "header");
  const idCells = header
    ? after.filter((c) => c.col === header.col && c.row > header.row && c.style === "code")
    : [];
  const note = after.find(
    (c) =>
      typeof c.value === "string" && c.value.startsWith("另有") && c.value.includes("条规则已检查")
  );
  return {
    rows: idCells.map((c) => String(c.value).split("\n")),
    note: note ? String(note.value) : undefined,
    sheet: s,
  };
}

function expectSection(report: Report, result: CheckResult) {
  const { rows, note } = section(report, result);
  const na = result.perRule.filter((r) => r.notApplicable > 0);
  const listed = rows.flat();
  // Every rule that did not apply is said once: in a row when it could not be checked, in the note when it found no case.
  for (const r of na) {
    const inNote = !!note?.includes(`（${r.id}）`);
    expect([r.id, listed.includes(r.id), inNote]).toEqual([
      r.id,
      !r.nothingToCheck,
      !!r.nothingToCheck,
    ]);
  }
  expect(listed).toHaveLength(na.filter((r) => !r.nothingToCheck).length);
  // One row per distinct scope and reasons.
  const reasonsOf = (id: string) => {
    const r = na.find((x) => x.id === id)!;
    return `${r.checked}|${r.notApplicable}|${r.reasons.join("；")}`;
  };
  expect(new Set(rows.map((ids) => reasonsOf(ids[0]))).size).toBe(rows.length);
  for (const ids of rows) for (const id of ids) expect(reasonsOf(id)).toBe(reasonsOf(ids[0]));
  return { rows, note };
}

describe.each(SAMPLES.map((s) => [s]))("%s", (name) => {
  test("rules with no case are in the note, the rest in rows; rules of the same reasons share a row", async () => {
    const { report } = await loadSample(name);
    const result = checkReport(report, { localize: false });
    const { rows, note } = expectSection(report, result);
    // The sample has no hidden sheet: the rule looked and found none — not a rule that could not be checked.
    const hidden = result.perRule.find((r) => r.id === "input.hidden-sheets")!;
    expect(hidden.nothingToCheck).toBe(true);
    expect(note).toContain("没有隐藏的工作表（input.hidden-sheets）");
    expect(rows.flat()).not.toContain("input.hidden-sheets");
    // Rules that could not be checked because a table is missing stay rows of their own kind.
    for (const r of result.perRule.filter((x) => x.reasons.some((m) => m.startsWith("缺少"))))
      expect(rows.flat()).toContain(r.id);
  });
});

test("a workbook with a hidden sheet: input.hidden-sheets is checked, neither a row nor in the note", async () => {
  const file = path.join(__dirname, "..", "fixtures", "legacy", "jishan-2024.hidden.xlsx");
  const { grids } = await readXlsxBuffer(await fs.readFile(file));
  const { report, result } = review(grids);
  const hidden = result.perRule.find((r) => r.id === "input.hidden-sheets")!;
  expect(hidden.checked).toBeGreaterThan(0);
  expect(hidden.nothingToCheck).toBeUndefined();
  const { rows, note } = expectSection(report, result);
  expect(rows.flat()).not.toContain("input.hidden-sheets");
  expect(note ?? "").not.toContain("input.hidden-sheets");
});

describe.each(STYLES.map((s) => [s.name, s]))("variant %s", (_name, style) => {
  test("the 不适用 section lists each rule once, in a row or in the note", () => {
    const { report, result } = review(buildVariant(style).grids);
    const { rows } = expectSection(report, result);
    // Grouping makes the list shorter than one row per rule wherever two rules share their reasons.
    const na = result.perRule.filter((r) => r.notApplicable > 0 && !r.nothingToCheck);
    const distinct = new Set(
      na.map((r) => `${r.checked}|${r.notApplicable}|${r.reasons.join("；")}`)
    );
    expect(rows).toHaveLength(distinct.size);
  });
});

test("a row of several rules is tall enough for one title per line", async () => {
  const { report } = await loadSample("jishan-2024");
  const result = checkReport(report, { localize: false });
  const { sheet } = section(report, result);
  const multi = sheet.cells.filter((c) => c.style === "code" && String(c.value).includes("\n"));
  expect(multi.length).toBeGreaterThan(0);
  for (const c of multi) {
    const h = sheet.rowHeights.filter((x) => x.row === c.row).pop();
    expect(h?.height ?? 15).toBeGreaterThanOrEqual(String(c.value).split("\n").length * 16);
  }
});
