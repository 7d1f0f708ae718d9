/**
 * Hidden rows and columns (field case 13, generated variants of every sample): a hidden row or column that holds
 * amounts is one warning at that row or column, saying what no longer adds up on the printed table; hiding
 * nothing, or rows without amounts, changes nothing. Hidden sheets (bad input 19b) are reviewed and named.
 */
import { promises as fs } from "fs";
import path from "path";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { columnIndex, parseRef, quoteSheet } from "../../src/core/grid/address";
import type { Report, Row, Table } from "../../src/core/model/schema";
import type { Finding } from "../../src/core/rules/rule";
import { samplePath, SAMPLES } from "../helpers";
import {
  editSheet,
  hideColumn,
  hideRows,
  zeroHeightRows,
  zeroWidthColumn,
} from "../fixtures/xlsx-parts";

const fixture = (p: string) => fs.readFile(path.join(__dirname, "..", "fixtures", p));
async function review(bytes: Uint8Array) {
  const { grids } = await readXlsxBuffer(bytes);
  const report = importWorkbook(grids);
  return { grids, report, findings: checkReport(report).findings };
}
const key = (f: Finding) => `${f.rule}|${f.severity}|${f.cells.join(",")}|${f.message}`;
const firstCol = (t: Table) => /^([A-Z]+)/.exec(t.range)![1];
const amountsOf = (r: Row) => Object.values(r.amounts).filter((a) => !a.blank && a.value !== 0);

test("field case 13: the hidden 项 row is one warning at its first cell, naming the printed table's broken sum", async () => {
  const bad = await review(await fixture("field-cases/13-hidden-item-row.xlsx"));
  expect(bad.findings).toHaveLength(1);
  const f = bad.findings[0];
  expect([f.rule, f.severity, f.cells[0]]).toEqual([
    "printed.hidden-amounts",
    "warning",
    "预算公开表3!A11",
  ]);
  expect(f.message).toMatch(/第 11 行.*已隐藏.*96\.18/);
  expect(f.message).toMatch(/493\.64 ≠ 各项之和 397\.46/);
  const t = bad.report.tables.find((x) => x.sheet === "预算公开表3")!;
  expect(t.rows.filter((r) => r.hidden).map((r) => r.row)).toEqual([11]);
  const clean = await review(await fixture("field-cases/13-hidden-item-row.clean.xlsx"));
  expect(clean.findings).toEqual([]);
  expect(clean.report.tables.every((x) => x.rows.every((r) => !r.hidden))).toBe(true);
});

test("bad input 19b: the hidden sheet is reviewed, and named in a warning; the other findings are the sample's", async () => {
  const sample = await review(await fs.readFile(samplePath("jishan-2024")));
  const hidden = await review(await fixture("bad-inputs/19b-one-hidden.xlsx"));
  expect(hidden.report.hiddenSheets).toEqual(["预算公开表2"]);
  expect(hidden.report.tables.map((t) => t.sheet)).toEqual(
    sample.report.tables.map((t) => t.sheet)
  );
  const extra = hidden.findings.filter((f) => !sample.findings.some((g) => key(g) === key(f)));
  expect(extra.map((f) => [f.rule, f.severity, f.cells])).toEqual([
    ["input.hidden-sheets", "warning", ["预算公开表2!A1"]],
  ]);
  expect(extra[0].message).toContain("收入总表");
  expect(sample.findings.filter((g) => !hidden.findings.some((f) => key(g) === key(f)))).toEqual(
    []
  );
});

/** Rows whose hiding takes an amount out of a printed sum: a row under a parent (or total), with amounts. */
function hideableRows(report: Report): Array<{ t: Table; r: Row }> {
  const out: Array<{ t: Table; r: Row }> = [];
  for (const t of report.tables) {
    if (t.kind === "performance_target") continue;
    const i = t.rows.findIndex(
      (r, k) =>
        r.level >= 2 &&
        amountsOf(r).length > 0 &&
        t.rows.slice(0, k).some((p) => p.level < r.level && p.side === r.side)
    );
    if (i >= 0) out.push({ t, r: t.rows[i] });
  }
  return out;
}

describe.each(SAMPLES.map((s) => [s]))("%s", (name) => {
  let bytes: Uint8Array;
  let base: Awaited<ReturnType<typeof review>>;
  beforeAll(async () => {
    bytes = await fs.readFile(samplePath(name));
    base = await review(bytes);
  });

  test("hiding a row with amounts: exactly one new finding, a warning at the row's first cell; nothing else changes", async () => {
    const picks = hideableRows(base.report);
    expect(picks.length).toBeGreaterThan(2);
    for (const { t, r } of picks) {
      const after = await review(editSheet(bytes, t.sheet, (xml) => hideRows(xml, [r.row])));
      const baseKeys = new Set(base.findings.map(key));
      const added = after.findings.filter((f) => !baseKeys.has(key(f)));
      expect(added.map((f) => [f.rule, f.severity, f.cells[0]])).toEqual([
        ["printed.hidden-amounts", "warning", `${quoteSheet(t.sheet)}!${firstCol(t)}${r.row}`],
      ]);
      expect(added[0].message).toContain(`第 ${r.row} 行`);
      expect(after.findings.length - added.length).toBe(base.findings.length);
    }
  });

  test("a row of height 0 or a column of width 0 (no hidden flag) reads as hidden: the findings of the hidden row or column", async () => {
    const { t, r } = hideableRows(base.report)[0];
    const flagged = await review(editSheet(bytes, t.sheet, (xml) => hideRows(xml, [r.row])));
    const flat = await review(editSheet(bytes, t.sheet, (xml) => zeroHeightRows(xml, [r.row])));
    expect(flat.findings.map(key).sort()).toEqual(flagged.findings.map(key).sort());
    expect(flat.findings.some((f) => f.rule === "printed.hidden-amounts")).toBe(true);
    const col = t.columns.find((c) =>
      t.rows.some((x) => x.amounts[c.key] && amountsOf(x).includes(x.amounts[c.key]))
    )!;
    const hid = await review(
      editSheet(bytes, t.sheet, (xml) => hideColumn(xml, columnIndex(col.col)))
    );
    const thin = await review(
      editSheet(bytes, t.sheet, (xml) => zeroWidthColumn(xml, columnIndex(col.col)))
    );
    expect(thin.findings.map(key).sort()).toEqual(hid.findings.map(key).sort());
    expect(thin.findings.filter((f) => f.rule === "printed.column-width")).toEqual(
      hid.findings.filter((f) => f.rule === "printed.column-width")
    );
    expect(thin.findings.some((f) => f.rule === "printed.hidden-amounts")).toBe(true);
  });

  test("hiding a column with amounts: one warning citing that column's amounts; hiding rows without amounts: nothing", async () => {
    const t = base.report.tables.find(
      (x) =>
        x.kind !== "performance_target" &&
        x.kind !== "three_public" &&
        x.columns.length > 1 &&
        x.rows.some((r) => amountsOf(r).length > 1)
    )!;
    const col = t.columns.find(
      (c) =>
        c.key !== "total" &&
        t.rows.some((r) => r.amounts[c.key] && amountsOf(r).includes(r.amounts[c.key]))
    )!;
    const after = await review(
      editSheet(bytes, t.sheet, (xml) => hideColumn(xml, columnIndex(col.col)))
    );
    const baseKeys = new Set(base.findings.map(key));
    const added = after.findings.filter((f) => !baseKeys.has(key(f)));
    expect(added.map((f) => [f.rule, f.severity])).toEqual([["printed.hidden-amounts", "warning"]]);
    expect(parseRef(added[0].cells[0]).c0).toBe(columnIndex(col.col));
    expect(added[0].message).toContain(`${col.col} 列`);

    // Rows whose amounts are all blank or zero (empty tables' rows, spacer lines) print nothing missing.
    const quiet = base.report.tables.flatMap((x) =>
      x.rows.filter((r) => amountsOf(r).length === 0).map((r) => ({ t: x, r }))
    );
    for (const { t: x, r } of quiet.slice(0, 3)) {
      const q = await review(editSheet(bytes, x.sheet, (xml) => hideRows(xml, [r.row])));
      expect(q.findings.map(key).sort()).toEqual(base.findings.map(key).sort());
      expect(
        q.report.tables.find((y) => y.id === x.id)!.rows.find((y) => y.row === r.row)!.hidden
      ).toBe(true);
    }
  });
});
