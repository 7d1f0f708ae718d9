/**
 * Readers side by side for `npm run bench` (issue 10 §3: choose the reader by measurement): per sample, the .xlsx
 * through exceljs (bare load, our grids) and through SheetJS (bare read with our options, our grids), and the same
 * sample as .xls and .ods (tests/fixtures/legacy, converted by LibreOffice) through SheetJS. "same" says whether the
 * grids (values, text, number formats, merges, hidden rows / columns / sheets) and the findings (rule, severity,
 * cells) equal those of the exceljs read of the .xlsx; "sparse" is SheetJS's bare read without `dense: true` (one
 * object key per cell instead of an array per row), which the host does not use. Median of RUNS runs, ms.
 */
import { promises as fs } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import * as XLSX from "@e965/xlsx";
import { readXlsxBuffer } from "../src/hosts/xlsx/read";
import { quietly, readSheetjsBuffer } from "../src/hosts/sheetjs/read";
import { importWorkbook } from "../src/core/importer/importer";
import { checkReport } from "../src/core/rules/engine";
import type { SheetGrid } from "../src/core/grid/grid";

const SAMPLES = ["jishan-2024", "jincheng-chengqu-2025", "xingxian-2023"];
const RUNS = 15;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function time(f: () => unknown): Promise<number> {
  const t = process.hrtime.bigint();
  await f();
  return Number(process.hrtime.bigint() - t) / 1e6;
}
const gridKey = (gs: SheetGrid[]) =>
  JSON.stringify(
    gs.map((g) => ({ ...g, merges: [...g.merges].sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0) }))
  );
const findingKey = (gs: SheetGrid[]) =>
  JSON.stringify(
    checkReport(importWorkbook(gs))
      .findings.map((f) => `${f.severity} ${f.rule} ${f.cells.join(",")}`)
      .sort()
  );

export async function readersBench(root: string): Promise<void> {
  console.log(
    `\nreaders side by side — median of ${RUNS} runs, ms; "same": grids / findings equal to exceljs on the .xlsx`
  );
  console.log(
    "sample                     file   reader    bare read   grids   grids/bare   same grids   same findings   bare sparse"
  );
  const line = (
    name: string,
    ext: string,
    reader: string,
    bare: number,
    grids: number,
    sameGrids: boolean,
    sameFindings: boolean,
    sparse?: number
  ) =>
    console.log(
      `${name.padEnd(26)} ${ext.padEnd(6)} ${reader.padEnd(9)} ${bare.toFixed(1).padStart(9)} ${grids.toFixed(1).padStart(7)} ${(grids / bare).toFixed(2).padStart(12)} ${(sameGrids ? "yes" : "NO").padStart(12)} ${(sameFindings ? "yes" : "NO").padStart(15)} ${sparse === undefined ? "" : sparse.toFixed(1).padStart(13)}`
    );
  for (const name of SAMPLES) {
    const xlsx = await fs.readFile(path.join(root, "samples", `${name}.xlsx`));
    const ref = (await readXlsxBuffer(xlsx)).grids;
    const refGrids = gridKey(ref);
    const refFindings = findingKey(ref);
    const files: Array<[string, Uint8Array]> = [["xlsx", xlsx]];
    for (const ext of ["xls", "ods"])
      files.push([
        ext,
        await fs.readFile(path.join(root, "tests", "fixtures", "legacy", `${name}.${ext}`)),
      ]);
    for (const [ext, buf] of files) {
      const readers: Array<[string, () => unknown, () => Promise<SheetGrid[]>, (() => unknown)?]> =
        [];
      if (ext === "xlsx")
        readers.push([
          "exceljs",
          () => new ExcelJS.Workbook().xlsx.load(buf as unknown as ExcelJS.Buffer),
          async () => (await readXlsxBuffer(buf)).grids,
        ]);
      const format = ext as "xlsx" | "xls" | "ods";
      readers.push([
        "SheetJS",
        () =>
          quietly(() =>
            XLSX.read(buf, {
              type: "array",
              dense: true,
              cellNF: true,
              cellText: false,
              cellStyles: format !== "ods",
            })
          ),
        async () => readSheetjsBuffer(buf, format).grids,
        () =>
          quietly(() =>
            XLSX.read(buf, {
              type: "array",
              cellNF: true,
              cellText: false,
              cellStyles: format !== "ods",
            })
          ),
      ]);
      for (const [reader, bare, grids, sparse] of readers) {
        const b: number[] = [];
        const g: number[] = [];
        const s: number[] = [];
        let out: SheetGrid[] = [];
        for (let i = 0; i < RUNS; i++) {
          b.push(await time(bare));
          g.push(await time(async () => (out = await grids())));
          if (sparse) s.push(await time(sparse));
        }
        line(
          name,
          ext,
          reader,
          median(b),
          median(g),
          gridKey(out) === refGrids,
          findingKey(out) === refFindings,
          sparse ? median(s) : undefined
        );
      }
    }
  }
}
