/**
 * `t="d"` cells (ECMA-376: an ISO 8601 date as text in a date cell, as some exporters write them): exceljs 4.4.0
 * parseFloat()s them ("2024-01-01" → 2024, a plausible year or amount). They are read as the dates they are: the
 * date serial Excel loads (45292 for 2024-01-01), shown as the date; an ISO text that is no date stays that text.
 * Generated over every sample: number cells of its first table rewritten as date cells; the review then equals the
 * review of the same workbook holding the serial as a plain number (what Excel itself stores for a date), with one
 * 警告 more: those cells print dates where amounts belong (input.date-formatted-amounts).
 */
import { promises as fs } from "fs";
import { unzipSync } from "fflate";
import { SAMPLES, loadSample, samplePath } from "../helpers";
import { mutateXlsx, numberCells } from "../fixtures/mutate";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { parseRef, quoteSheet } from "../../src/core/grid/address";
import type { SheetGrid } from "../../src/core/grid/grid";

/** ISO text → [serial Excel stores, text shown]; a non-date → the text itself. */
const DATES: Array<[string, number | string, string]> = [
  ["2024-01-01", 45292, "2024-01-01"],
  ["2024-01-01T12:00:00", 45292.5, "2024-01-01 12:00:00"],
  ["2025-12-31T06:00:00Z", 46022.25, "2025-12-31 06:00:00"],
  ["2024-13-45", "2024-13-45", "2024-13-45"],
];

function cellOf(grids: SheetGrid[], sheet: string, a1: string): { value: unknown; text: string } {
  const g = grids.find((x) => x.sheet === sheet)!;
  const { r0, c0 } = parseRef(a1);
  const r = g.sheetRows ? g.sheetRows.indexOf(r0) : r0 - g.origin.row;
  const c = g.sheetCols ? g.sheetCols.indexOf(c0) : c0 - g.origin.col;
  return { value: g.values[r]?.[c], text: g.text[r]?.[c] };
}

describe.each(SAMPLES.map((s) => [s]))("%s", (name) => {
  test('number cells rewritten as t="d" read as their dates, and review as the same serials stored as numbers', async () => {
    const { report } = await loadSample(name);
    const files = unzipSync(new Uint8Array(await fs.readFile(samplePath(name))));
    const t = report.tables.find((x) => numberCells(files, x.sheet).length >= 8)!;
    const stored = new Set(numberCells(files, t.sheet));
    const amounts = t.rows
      .flatMap((r) => Object.values(r.amounts))
      .map((a) => a.cell.slice(a.cell.lastIndexOf("!") + 1))
      .filter((a1) => stored.has(a1));
    const at = amounts.slice(1, 1 + DATES.length);
    expect(at).toHaveLength(DATES.length);
    const dated = await mutateXlsx(samplePath(name), {
      isoDates: {
        sheet: t.sheet,
        cells: Object.fromEntries(DATES.map(([iso], i) => [at[i], iso])),
      },
    });
    const { grids } = await readXlsxBuffer(dated);
    DATES.forEach(([iso, value, text], i) =>
      expect({ iso, ...cellOf(grids, t.sheet, at[i]) }).toEqual({ iso, value, text })
    );
    // The serials as plain numbers (the non-date text as a text cell): the same findings, cells and figures.
    const plain = await mutateXlsx(samplePath(name), {
      numberText: {
        sheet: t.sheet,
        cells: Object.fromEntries(
          DATES.flatMap(([, v], i) => (typeof v === "number" ? [[at[i], String(v)]] : []))
        ),
      },
    });
    const p = await readXlsxBuffer(plain);
    const last = at[DATES.length - 1];
    const pg = p.grids.map((g) =>
      g.sheet !== t.sheet
        ? g
        : (() => {
            const { r0, c0 } = parseRef(last);
            const r = g.sheetRows ? g.sheetRows.indexOf(r0) : r0 - g.origin.row;
            const c = g.sheetCols ? g.sheetCols.indexOf(c0) : c0 - g.origin.col;
            const values = g.values.map((row) => [...row]);
            const text = g.text.map((row) => [...row]);
            values[r][c] = "2024-13-45";
            text[r][c] = "2024-13-45";
            return { ...g, values, text };
          })()
    );
    const figures = (gs: SheetGrid[]) =>
      checkReport(importWorkbook(gs), { localize: false }).findings.map((f) => [
        f.rule,
        f.severity,
        f.cells.join(","),
        f.expected,
        f.actual,
        f.difference,
      ]);
    // Plus one 警告 that the three date cells print dates where amounts belong (input.date-formatted-amounts).
    const all = figures(grids);
    const dateWarning = all.filter((f) => f[0] === "input.date-formatted-amounts");
    expect(dateWarning.map((f) => String(f[2]).split(",").sort())).toEqual([
      at
        .slice(0, 3)
        .map((a1) => `${quoteSheet(t.sheet)}!${a1}`)
        .sort(),
    ]);
    const got = all.filter((f) => f[0] !== "input.date-formatted-amounts");
    expect(got).toEqual(figures(pg));
    // Never the year the old reading made of it.
    expect(got.some((f) => f[4] === 2024 || f[4] === 2025)).toBe(false);
  });
});
