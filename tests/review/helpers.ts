/** Test helpers for written workbooks: review a file in memory, snapshot every cell of the original sheets, LibreOffice. */
import ExcelJS from "exceljs";
import { execFile } from "child_process";
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { buildReviewPlan } from "../../src/core/review/build";
import { isReviewSheet } from "../../src/hosts/xlsx/review";
import { reviewPackage } from "../../src/hosts/xlsx/package-review";
import type { ReviewPlan } from "../../src/core/review/plan";

/** Reviews a workbook in memory as `check --out` does (the package writer); `written` alters the plan that is written only. */
export async function reviewBytes(
  bytes: Uint8Array,
  opts: { written?: (plan: ReviewPlan) => ReviewPlan } = {}
) {
  const { grids } = await readXlsxBuffer(bytes);
  const own = grids.filter((g) => !isReviewSheet(g.sheet, g.values[0]?.[0]));
  const report = importWorkbook(own);
  const result = checkReport(report);
  const plan = buildReviewPlan({
    report,
    result,
    grids: own,
    file: "test.xlsx",
    reviewedAt: "2026-11-29T20:00:00Z",
    productVersion: "test",
  });
  const written = reviewPackage(new Uint8Array(bytes), opts.written ? opts.written(plan) : plan);
  return {
    bytes: written.bytes,
    notesKept: written.notesKept,
    cleared: written.cleared,
    protectedSheets: written.protectedSheets,
    plan,
    result,
    report,
  };
}

/** The package with a previous review taken off (the writer given an empty plan). */
export function clearedBytes(bytes: Uint8Array) {
  return reviewPackage(bytes, { marks: [], sheets: [], styles: {} });
}

export async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

/** A note as its text (exceljs gives a string when set, rich text parts when read back). */
export function noteText(note: unknown): string | undefined {
  if (note === undefined || note === null) return undefined;
  if (typeof note === "string") return note;
  const texts = (note as { texts?: Array<{ text?: string }> }).texts;
  return texts ? texts.map((t) => t.text ?? "").join("") : String(note);
}

type CF = { ref: string; rules: Array<{ formulae?: unknown[] }> };
/** Every cell of every sheet (value incl. formula and result, number format, font, fill, border, alignment), merges, widths, heights, conditional formats, notes. */
export function snapshot(
  wb: ExcelJS.Workbook,
  opts: { skipSheets?: string[]; withoutOwnMarks?: boolean } = {}
) {
  const out: Record<string, unknown> = {};
  for (const ws of wb.worksheets) {
    if (opts.skipSheets?.includes(ws.name)) continue;
    const cells: Record<string, unknown> = {};
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        cells[`${r}:${c}`] = {
          v: cell.value,
          f: cell.numFmt,
          font: cell.font,
          fill: cell.fill,
          border: cell.border,
          al: cell.alignment,
          note: noteText(cell.note),
        };
      });
    });
    const model = ws.model as unknown as { merges?: string[]; cols?: unknown };
    out[ws.name] = {
      state: (ws as unknown as { state: string }).state,
      cells,
      merges: [...(model.merges ?? [])].sort(),
      cols: model.cols,
      heights: Array.from({ length: ws.rowCount }, (_, i) => ws.getRow(i + 1).height),
      cf: (ws as unknown as { conditionalFormattings: CF[] }).conditionalFormattings.map((x) => ({
        ref: x.ref,
        f: x.rules.map((r) => r.formulae),
      })),
      dv: (ws as unknown as { dataValidations: { model: unknown } }).dataValidations.model,
      views: ws.views,
      pageSetup: ws.pageSetup,
    };
  }
  return out;
}

/** LibreOffice headless with a profile that recalculates every formula on load; converts `file` to `ext` in `outDir`. */
let profile: string | undefined;
export async function libreofficeConvert(
  file: string,
  ext: string,
  outDir: string
): Promise<{ out: string; stderr: string }> {
  if (!profile) {
    profile = await fs.mkdtemp(path.join(os.tmpdir(), "lo-profile-"));
    await fs.mkdir(path.join(profile, "user"), { recursive: true });
    await fs.writeFile(
      path.join(profile, "user", "registrymodifications.xcu"),
      `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>`
    );
  }
  const stderr = await new Promise<string>((resolve, reject) =>
    execFile(
      "soffice",
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--convert-to",
        ext,
        "--outdir",
        outDir,
        file,
      ],
      { timeout: 120000 },
      (e, _o, se) => (e ? reject(e) : resolve(String(se)))
    )
  );
  const out = path.join(outDir, path.basename(file).replace(/\.[^.]+$/, `.${ext.split(":")[0]}`));
  return { out, stderr };
}
