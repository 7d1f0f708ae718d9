/**
 * The Office host's read side: every sheet of the open workbook → the same SheetGrid the .xlsx host produces.
 * Two round trips whatever the number of sheets (the sheet list, then every sheet's used range, merges
 * included). A sheet over the documented limits (5M cells per read, 5 MB per request on the web) is read
 * again in row blocks, and only such a sheet costs more round trips.
 */
import type { CellValue, Merge, SheetGrid } from "../../core/grid/grid";
import { parseRef } from "../../core/grid/address";

export interface OfficeReadOptions {
  /** Cells per block when a sheet must be read in pieces (Microsoft: start with 5k–20k rows). */
  blockCells?: number;
  /** Above this many cells a sheet is not read in the one batch (default: the 5,000,000-cell read limit). */
  maxCellsPerRead?: number;
  /** ExcelApi 1.13 (getMergedAreasOrNullObject) available: the pane asks Office.context.requirements. */
  mergedAreas?: boolean;
}

export interface OfficeReadResult {
  grids: SheetGrid[];
  /** Sheets that had to be read in blocks (large used ranges). */
  blockRead: string[];
}

const VISIBILITY: Record<string, SheetGrid["visibility"]> = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" };

/** "Sheet1!A1:B2, 'a, b'!C3:D4" → merges relative to the grid origin. */
export function parseMergedAddress(address: string, origin: { row: number; col: number }): Merge[] {
  const parts: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      parts.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  if (cur.trim()) parts.push(cur.trim());
  return parts.map((p) => {
    const r = parseRef(p);
    return { r0: r.r0 - origin.row, c0: r.c0 - origin.col, r1: r.r1 - origin.row, c1: r.c1 - origin.col };
  });
}

function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: string })?.code;
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

export async function readWorkbookGrids(context: Excel.RequestContext, opts: OfficeReadOptions = {}): Promise<OfficeReadResult> {
  const maxCells = opts.maxCellsPerRead ?? 5_000_000;
  const blockCells = opts.blockCells ?? 200_000;
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  await context.sync();

  const reads = sheets.items.map((ws) => {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount,values,text,numberFormat");
    const merged = opts.mergedAreas === false ? undefined : used.getMergedAreasOrNullObject();
    merged?.load("address");
    return { ws, used, merged };
  });
  let batchFailed = false;
  try {
    await context.sync();
  } catch (e) {
    if (!isPayloadError(e)) throw e;
    batchFailed = true; // the web's 5 MB limit: fall back to sizes first, then blocks
  }

  const grids: SheetGrid[] = [];
  const blockRead: string[] = [];
  const pending: Array<{ index: number; ws: Excel.Worksheet; rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }> = [];
  if (batchFailed) {
    const dims = sheets.items.map((ws) => ws.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount"));
    await context.sync();
    sheets.items.forEach((ws, i) => {
      const d = dims[i];
      grids.push(emptyGrid(ws));
      if (!d.isNullObject) pending.push({ index: i, ws, rowIndex: d.rowIndex, columnIndex: d.columnIndex, rowCount: d.rowCount, columnCount: d.columnCount });
    });
  } else {
    reads.forEach(({ ws, used, merged }, i) => {
      if (used.isNullObject) {
        grids.push(emptyGrid(ws));
        return;
      }
      const origin = { row: used.rowIndex, col: used.columnIndex };
      const cells = used.rowCount * used.columnCount;
      // Past the read limit Excel may return null values silently.
      if (cells > maxCells || used.values == null) {
        grids.push({ ...emptyGrid(ws), origin });
        pending.push({ index: i, ws, rowIndex: used.rowIndex, columnIndex: used.columnIndex, rowCount: used.rowCount, columnCount: used.columnCount });
        return;
      }
      grids.push({
        sheet: ws.name,
        origin,
        values: used.values as CellValue[][],
        text: used.text,
        numberFormat: used.numberFormat as string[][],
        merges: merged && !merged.isNullObject ? parseMergedAddress(merged.address, origin) : [],
        visibility: VISIBILITY[ws.visibility] ?? "visible",
      });
    });
  }
  if (pending.length) await readInBlocks(context, pending, grids, blockCells, opts.mergedAreas !== false);
  blockRead.push(...pending.map((p) => p.ws.name));
  return { grids, blockRead };
}

function emptyGrid(ws: Excel.Worksheet): SheetGrid {
  return { sheet: ws.name, origin: { row: 0, col: 0 }, values: [], text: [], numberFormat: [], merges: [], visibility: VISIBILITY[ws.visibility] ?? "visible" };
}

/** Large sheets: row blocks of at most blockCells cells, several blocks per sync up to the same budget. */
async function readInBlocks(context: Excel.RequestContext, pending: Array<{ index: number; ws: Excel.Worksheet; rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }>, grids: SheetGrid[], blockCells: number, merges: boolean) {
  type Job = { index: number; ws: Excel.Worksheet; r: number; rows: number; cols: number; c: number };
  const jobs: Job[] = [];
  for (const p of pending) {
    const rowsPerBlock = Math.max(1, Math.floor(blockCells / Math.max(1, p.columnCount)));
    for (let r = 0; r < p.rowCount; r += rowsPerBlock) jobs.push({ index: p.index, ws: p.ws, r: p.rowIndex + r, rows: Math.min(rowsPerBlock, p.rowCount - r), cols: p.columnCount, c: p.columnIndex });
    const g = grids[p.index];
    g.origin = { row: p.rowIndex, col: p.columnIndex };
  }
  let i = 0;
  while (i < jobs.length) {
    const batch: Array<{ job: Job; range: Excel.Range }> = [];
    let cells = 0;
    while (i < jobs.length && (batch.length === 0 || cells + jobs[i].rows * jobs[i].cols <= blockCells)) {
      const job = jobs[i++];
      const range = job.ws.getRangeByIndexes(job.r, job.c, job.rows, job.cols).load("values,text,numberFormat");
      batch.push({ job, range });
      cells += job.rows * job.cols;
    }
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- each block is its own request: one request over 5 MB is what failed
    await context.sync();
    for (const { job, range } of batch) {
      const g = grids[job.index];
      g.values.push(...(range.values as CellValue[][]));
      g.text.push(...range.text);
      g.numberFormat.push(...(range.numberFormat as string[][]));
    }
  }
  if (merges) {
    const areas = pending.map((p) => p.ws.getRangeByIndexes(p.rowIndex, p.columnIndex, p.rowCount, p.columnCount).getMergedAreasOrNullObject().load("address"));
    await context.sync();
    pending.forEach((p, k) => {
      if (!areas[k].isNullObject) grids[p.index].merges = parseMergedAddress(areas[k].address, grids[p.index].origin);
    });
  }
}
