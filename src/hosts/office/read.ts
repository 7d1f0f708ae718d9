/**
 * The Office host's read side: every sheet of the open workbook → the same SheetGrid the .xlsx host produces.
 *
 * Round trips are constant in the sheet count: (1) the sheet list; (2) for every sheet its used range's size
 * (valuesOnly: formatting alone never widens it) and the cells of that used range inside the first
 * `headRows` × `headCols` (values, text, number formats, hidden rows/columns, merged areas). Most workbooks are done
 * here. (3) Only when something needs it: each hidden-row/column state that is mixed is read row by row, and a used
 * range reaching past the head (a lone value at A1048576, 50,000 project rows) is probed for the cells that hold
 * something (getSpecialCellsOrNullObject, ExcelApi 1.9) — Excel is never asked for a million-row range to return
 * 40 rows; (4) those cells' rows and columns are read in blocks of at most `blockCells`. Without ExcelApi 1.9, or
 * when a probe fails, the used range is read in row blocks as before.
 */
import {
  compressAxis,
  MAX_EMPTY_RUN,
  mergesOnAxes,
  type CellValue,
  type Merge,
  type SheetGrid,
} from "../../core/grid/grid";
import { parseRef, printAreasA1 } from "../../core/grid/address";
import { pageHeaderOfSections } from "../../core/grid/page-header";

export interface OfficeReadOptions {
  /** Cells per block when a sheet must be read in pieces (Microsoft: start with 5k–20k rows). */
  blockCells?: number;
  /** Above this many cells a sheet is not read in the one batch (default: the 5,000,000-cell read limit). */
  maxCellsPerRead?: number;
  /** ExcelApi 1.13 (getMergedAreasOrNullObject) available: the pane asks Office.context.requirements. */
  mergedAreas?: boolean;
  /** ExcelApi 1.9 (getSpecialCellsOrNullObject) available (default true: the manifest requires 1.9). */
  specialCells?: boolean;
  /** The part of each sheet read in round trip 2 (default 10,000 rows × 256 columns). */
  headRows?: number;
  headCols?: number;
  /** Read each sheet's print area (pageLayout.getPrintAreaOrNullObject, ExcelApi 1.9; default true). */
  printArea?: boolean;
  /** Read each sheet's print header (pageLayout.headersFooters, ExcelApi 1.9; default true). */
  pageHeader?: boolean;
}

export interface OfficeReadResult {
  grids: SheetGrid[];
  /** Sheets that had to be read in blocks (large used ranges). */
  blockRead: string[];
}

const VISIBILITY: Record<string, SheetGrid["visibility"]> = {
  Visible: "visible",
  Hidden: "hidden",
  VeryHidden: "veryHidden",
};

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
    return {
      r0: r.r0 - origin.row,
      c0: r.c0 - origin.col,
      r1: r.r1 - origin.row,
      c1: r.c1 - origin.col,
    };
  });
}

function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: string })?.code;
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

interface Dims {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}
type Plan = { kind: "done" } | { kind: "blocks"; dims: Dims } | { kind: "probe"; dims: Dims };

export async function readWorkbookGrids(
  context: Excel.RequestContext,
  opts: OfficeReadOptions = {}
): Promise<OfficeReadResult> {
  const withArea = opts.printArea !== false;
  const withHeader = opts.pageHeader !== false;
  const maxCells = opts.maxCellsPerRead ?? 5_000_000;
  const blockCells = opts.blockCells ?? 200_000;
  const headRows = opts.headRows ?? 10_000;
  const headCols = opts.headCols ?? 256;
  const merges = opts.mergedAreas !== false;
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  await context.sync();

  // Round trip 2: sizes, and the head of every sheet.
  const reads = sheets.items.map((ws) => {
    const used = ws
      .getUsedRangeOrNullObject(true)
      .load("rowIndex,columnIndex,rowCount,columnCount");
    const head = ws.getRangeByIndexes(0, 0, headRows, headCols).getUsedRangeOrNullObject(true);
    head.load(
      "rowIndex,columnIndex,rowCount,columnCount,values,text,numberFormat,rowHidden,columnHidden"
    );
    const merged = merges ? head.getMergedAreasOrNullObject() : undefined;
    merged?.load("address");
    // Column widths of the head's columns (points), and the sheet's standard width (characters): ExcelApi 1.9.
    ws.load("standardWidth");
    const widths = ws
      .getRangeByIndexes(0, 0, 1, headCols)
      .getColumnProperties({ format: { columnWidth: true } });
    return {
      ws,
      used,
      head,
      merged,
      widths,
      area: printAreaOf(ws, withArea),
      header: pageHeaderOf(ws, withHeader),
    };
  });
  let batchFailed = false;
  try {
    await context.sync();
  } catch (e) {
    if (!isPayloadError(e)) throw e;
    batchFailed = true; // the web's 5 MB limit: fall back to sizes first, then blocks
  }

  const grids: SheetGrid[] = sheets.items.map(emptyGrid);
  const plans: Plan[] = [];
  let areas = reads.map((r) => r.area);
  let headers = reads.map((r) => r.header);
  if (batchFailed) {
    const dims = sheets.items.map((ws) =>
      ws.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount")
    );
    areas = sheets.items.map((ws) => printAreaOf(ws, withArea));
    headers = sheets.items.map((ws) => pageHeaderOf(ws, withHeader));
    await context.sync();
    dims.forEach((d) =>
      plans.push(
        d.isNullObject
          ? { kind: "done" }
          : {
              kind:
                beyond(d, headRows, headCols) && opts.specialCells !== false ? "probe" : "blocks",
              dims: dimsOf(d),
            }
      )
    );
  } else {
    reads.forEach(({ ws, used, head, merged, widths }, i) => {
      if (used.isNullObject) return plans.push({ kind: "done" });
      if (beyond(used, headRows, headCols))
        return plans.push(
          opts.specialCells !== false
            ? { kind: "probe", dims: dimsOf(used) }
            : { kind: "blocks", dims: dimsOf(used) }
        );
      // Past the read limit Excel may return null values silently.
      if (head.isNullObject || used.rowCount * used.columnCount > maxCells || head.values == null)
        return plans.push({ kind: "blocks", dims: dimsOf(used) });
      const origin = { row: head.rowIndex, col: head.columnIndex };
      grids[i] = {
        sheet: ws.name,
        origin,
        values: head.values as CellValue[][],
        text: head.text,
        numberFormat: head.numberFormat as string[][],
        merges: merged && !merged.isNullObject ? parseMergedAddress(merged.address, origin) : [],
        visibility: VISIBILITY[ws.visibility] ?? "visible",
      };
      const colWidths = columnWidths(widths.value, ws.standardWidth, origin.col, head.columnCount);
      if (colWidths) grids[i].colWidths = colWidths;
      plans.push({ kind: "done" });
    });
  }

  // Round trip 3 (only when needed): mixed hidden rows/columns of the heads, and probes of huge used ranges.
  const askHidden = () =>
    batchFailed
      ? []
      : reads.map(({ ws, head }, i) =>
          plans[i].kind === "done" && !head.isNullObject ? hiddenRowsCols(ws, head) : undefined
        );
  let hiddenProbes = askHidden();
  const probes = plans.map((p, i) => {
    if (p.kind !== "probe") return undefined;
    const all = sheets.items[i].getRangeByIndexes(
      p.dims.rowIndex,
      p.dims.columnIndex,
      p.dims.rowCount,
      p.dims.columnCount
    );
    return (["Constants", "Formulas"] as const).map((t) =>
      all.getSpecialCellsOrNullObject(t as Excel.SpecialCellType).load("address")
    );
  });
  if (hiddenProbes.some((h) => h?.pending) || probes.some((p) => p)) {
    let probeFailed = false;
    try {
      await context.sync();
    } catch (e) {
      if (!probes.some((p) => p)) throw e;
      probeFailed = true; // e.g. too many areas: read those sheets in blocks
      hiddenProbes = askHidden();
      if (hiddenProbes.some((h) => h?.pending)) await context.sync();
    }
    hiddenProbes.forEach((h, i) => h && applyHidden(grids[i], h));
    if (probeFailed)
      plans.forEach((p, i) => p.kind === "probe" && (plans[i] = { kind: "blocks", dims: p.dims }));
    const contents: Array<Array<[number, number, number, number]> | undefined> = probes.map((p) =>
      p && !probeFailed
        ? p.flatMap((ra) =>
            ra.isNullObject
              ? []
              : parseMergedAddress(ra.address, { row: 0, col: 0 }).map(
                  (m) => [m.r0, m.c0, m.r1, m.c1] as [number, number, number, number]
                )
          )
        : undefined
    );
    await readContent(context, sheets.items, grids, contents, blockCells, merges);
  }
  const blocks = plans.flatMap((p, i) =>
    p.kind === "blocks" ? [{ index: i, ws: sheets.items[i], ...p.dims }] : []
  );
  if (blocks.length) await readInBlocks(context, blocks, grids, blockCells, merges);
  const blockRead = plans.flatMap((p, i) => (p.kind === "done" ? [] : [sheets.items[i].name]));
  areas.forEach((a, i) => {
    const printArea = a && !a.isNullObject ? printAreaRanges(a.address) : undefined;
    if (printArea?.length && grids[i].values.length) grids[i].printArea = printArea;
  });
  headers.forEach((h, i) => {
    const pageHeader = h && pageHeaderFrom(h, grids[i].sheet);
    if (pageHeader && grids[i].values.length) grids[i].pageHeader = pageHeader;
  });
  return { grids, blockRead };
}

/**
 * The grid's column widths in Excel's 列宽 (characters: points × 4/3 = pixels, less the 5-pixel padding, over a 7-pixel
 * digit), as the file readers give them; undefined when every column has the sheet's standard width — a sheet nobody
 * laid out, of which the file readers say nothing either (src/hosts/xlsx/read.ts columnWidths).
 */
function columnWidths(
  props: Excel.ColumnProperties[],
  standard: number,
  col0: number,
  count: number
): number[] | undefined {
  const chars = props.map((p) =>
    typeof p.format?.columnWidth === "number"
      ? Math.max(0, ((p.format.columnWidth * 4) / 3 - 5) / 7)
      : standard
  );
  const out = Array.from({ length: count }, (_, c) => chars[col0 + c] ?? standard);
  return chars.some((w) => Math.abs(w - standard) > 0.05) ? out : undefined;
}

/** The sheet's print area, loaded with the round trip it joins (ExcelApi 1.9, which the manifest requires). */
function printAreaOf(ws: Excel.Worksheet, wanted: boolean): Excel.RangeAreas | undefined {
  return wanted ? ws.pageLayout.getPrintAreaOrNullObject().load("address") : undefined;
}

/**
 * The sheet's print header, loaded with the round trip it joins (ExcelApi 1.9): its state and the sections of the
 * pages that may come first — a different first page's, else the odd pages' (when odd and even differ), else all
 * pages' — as the file readers take firstHeader or oddHeader.
 */
function pageHeaderOf(ws: Excel.Worksheet, wanted: boolean) {
  if (!wanted) return undefined;
  const group = ws.pageLayout.headersFooters.load("state");
  const sections = "leftHeader,centerHeader,rightHeader";
  return {
    group,
    all: group.defaultForAllPages.load(sections),
    first: group.firstPage.load(sections),
    odd: group.oddPages.load(sections),
  };
}
function pageHeaderFrom(h: NonNullable<ReturnType<typeof pageHeaderOf>>, sheet: string) {
  const state = String(h.group.state);
  const page = /^First/.test(state) ? h.first : /OddAndEven$/.test(state) ? h.odd : h.all;
  return pageHeaderOfSections(page.leftHeader, page.centerHeader, page.rightHeader, sheet);
}

/** "Sheet1!A1:E20, Sheet1!G1:H5" → ["A1:E20", "G1:H5"] (commas inside a quoted sheet name kept). */
const printAreaRanges = (address: string) =>
  printAreasA1(address.split(/,\s*(?=(?:[^']*'[^']*')*[^']*$)/));

function dimsOf(d: Dims): Dims {
  return {
    rowIndex: d.rowIndex,
    columnIndex: d.columnIndex,
    rowCount: d.rowCount,
    columnCount: d.columnCount,
  };
}
/** The used range reaches past the head box read in round trip 2. */
function beyond(d: Dims, headRows: number, headCols: number): boolean {
  return d.rowIndex + d.rowCount > headRows || d.columnIndex + d.columnCount > headCols;
}

function emptyGrid(ws: Excel.Worksheet): SheetGrid {
  return {
    sheet: ws.name,
    origin: { row: 0, col: 0 },
    values: [],
    text: [],
    numberFormat: [],
    merges: [],
    visibility: VISIBILITY[ws.visibility] ?? "visible",
  };
}

interface HiddenProbe {
  /** Known without another round trip (true: all hidden, false: none), or per row/column ranges to load. */
  rows: boolean | Excel.Range[];
  cols: boolean | Excel.Range[];
  pending: boolean;
}
/**
 * Excel says rowHidden is null when some rows of a range are hidden: then each row is asked (same round trip for
 * all sheets), by index (a used range's object path does not outlive its sync).
 */
function hiddenRowsCols(ws: Excel.Worksheet, head: Excel.Range): HiddenProbe {
  const rows =
    head.rowHidden === null
      ? Array.from({ length: head.rowCount }, (_, i) =>
          ws.getRangeByIndexes(head.rowIndex + i, head.columnIndex, 1, 1).load("rowHidden")
        )
      : !!head.rowHidden;
  const cols =
    head.columnHidden === null
      ? Array.from({ length: head.columnCount }, (_, j) =>
          ws.getRangeByIndexes(head.rowIndex, head.columnIndex + j, 1, 1).load("columnHidden")
        )
      : !!head.columnHidden;
  return { rows, cols, pending: Array.isArray(rows) || Array.isArray(cols) };
}
function applyHidden(g: SheetGrid, h: HiddenProbe) {
  const pick = (x: boolean | Excel.Range[], n: number, prop: "rowHidden" | "columnHidden") =>
    Array.isArray(x)
      ? x.flatMap((r, i) => (r[prop] ? [i] : []))
      : x
        ? Array.from({ length: n }, (_, i) => i)
        : [];
  const rows = pick(h.rows, g.values.length, "rowHidden");
  const cols = pick(h.cols, g.values[0]?.length ?? 0, "columnHidden");
  if (rows.length) g.hiddenRows = rows;
  if (cols.length) g.hiddenCols = cols;
}

/** Contiguous runs of sorted indexes: [first, length]. */
function runs(xs: number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const x of xs) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === x) last[1]++;
    else out.push([x, 1]);
  }
  return out;
}

/**
 * Huge used ranges, round trip 4: the rows and columns that hold something (from the probe), long empty runs
 * skipped as the .xlsx host does, read as rectangles in blocks of at most blockCells; hidden state per kept row
 * and column, merged areas per rectangle.
 */
async function readContent(
  context: Excel.RequestContext,
  sheets: Excel.Worksheet[],
  grids: SheetGrid[],
  contents: Array<Array<[number, number, number, number]> | undefined>,
  blockCells: number,
  merges: boolean
) {
  type Job = {
    index: number;
    r: number;
    rows: number;
    c: number;
    cols: number;
    at: [number, number];
    range?: Excel.Range;
  };
  const jobs: Job[] = [];
  const extras: Array<{
    index: number;
    rows: number[];
    cols: number[];
    rowHidden: Excel.Range[];
    colHidden: Excel.Range[];
    merged: Excel.RangeAreas[];
  }> = [];
  contents.forEach((areas, index) => {
    if (!areas) return;
    const ws = sheets[index];
    const rs: number[] = [];
    const cs = new Set<number>();
    const rowSet = new Set<number>();
    for (const [r0, c0, r1, c1] of areas) {
      for (let r = r0; r <= r1; r++) rowSet.add(r);
      for (let c = c0; c <= c1; c++) cs.add(c);
    }
    rs.push(...rowSet);
    if (!rs.length) return;
    const rows = compressAxis(rs, MAX_EMPTY_RUN);
    const cols = compressAxis([...cs], MAX_EMPTY_RUN);
    const g = grids[index];
    g.origin = { row: rows[0], col: cols[0] };
    g.values = rows.map(() => cols.map(() => ""));
    g.text = rows.map(() => cols.map(() => ""));
    g.numberFormat = rows.map(() => cols.map(() => "General"));
    if (rows[rows.length - 1] - rows[0] + 1 !== rows.length) g.sheetRows = rows;
    if (cols[cols.length - 1] - cols[0] + 1 !== cols.length) g.sheetCols = cols;
    const extra = {
      index,
      rows,
      cols,
      rowHidden: [] as Excel.Range[],
      colHidden: [] as Excel.Range[],
      merged: [] as Excel.RangeAreas[],
    };
    let gr = 0;
    for (const [r0, rn] of runs(rows)) {
      let gc = 0;
      for (const [c0, cn] of runs(cols)) {
        const per = Math.max(1, Math.floor(blockCells / cn));
        for (let k = 0; k < rn; k += per)
          jobs.push({
            index,
            r: r0 + k,
            rows: Math.min(per, rn - k),
            c: c0,
            cols: cn,
            at: [gr + k, gc],
          });
        if (merges)
          extra.merged.push(
            ws.getRangeByIndexes(r0, c0, rn, cn).getMergedAreasOrNullObject().load("address")
          );
        gc += cn;
      }
      gr += rn;
    }
    extra.rowHidden = rows.map((r) => ws.getRangeByIndexes(r, cols[0], 1, 1).load("rowHidden"));
    extra.colHidden = cols.map((c) => ws.getRangeByIndexes(rows[0], c, 1, 1).load("columnHidden"));
    extras.push(extra);
  });
  let i = 0;
  do {
    let cells = 0;
    const batch: Job[] = [];
    while (
      i < jobs.length &&
      (batch.length === 0 || cells + jobs[i].rows * jobs[i].cols <= blockCells)
    ) {
      const job = jobs[i++];
      job.range = sheets[job.index]
        .getRangeByIndexes(job.r, job.c, job.rows, job.cols)
        .load("values,text,numberFormat");
      batch.push(job);
      cells += job.rows * job.cols;
    }
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- blocks of a huge range: each must stay under the payload limit
    await context.sync();
    for (const job of batch) {
      const g = grids[job.index];
      const range = job.range!;
      for (let r = 0; r < job.rows; r++)
        for (let c = 0; c < job.cols; c++) {
          g.values[job.at[0] + r][job.at[1] + c] = range.values[r][c] as CellValue;
          g.text[job.at[0] + r][job.at[1] + c] = range.text[r][c];
          g.numberFormat[job.at[0] + r][job.at[1] + c] = range.numberFormat[r][c] as string;
        }
    }
  } while (i < jobs.length);
  for (const e of extras) {
    const g = grids[e.index];
    const hiddenRows = e.rowHidden.flatMap((r, k) => (r.rowHidden ? [k] : []));
    const hiddenCols = e.colHidden.flatMap((c, k) => (c.columnHidden ? [k] : []));
    if (hiddenRows.length) g.hiddenRows = hiddenRows;
    if (hiddenCols.length) g.hiddenCols = hiddenCols;
    const sheetMerges = e.merged.flatMap((m) =>
      m.isNullObject ? [] : parseMergedAddress(m.address, { row: 0, col: 0 })
    );
    const seen = new Set<string>();
    g.merges = mergesOnAxes(
      sheetMerges.filter((m) => !seen.has(`${m.r0},${m.c0}`) && seen.add(`${m.r0},${m.c0}`)),
      e.rows,
      e.cols
    );
  }
}

/** Large sheets without a probe: row blocks of at most blockCells cells, several blocks per sync up to the same budget. */
async function readInBlocks(
  context: Excel.RequestContext,
  pending: Array<{
    index: number;
    ws: Excel.Worksheet;
    rowIndex: number;
    columnIndex: number;
    rowCount: number;
    columnCount: number;
  }>,
  grids: SheetGrid[],
  blockCells: number,
  merges: boolean
) {
  type Job = {
    index: number;
    ws: Excel.Worksheet;
    r: number;
    rows: number;
    cols: number;
    c: number;
  };
  const jobs: Job[] = [];
  for (const p of pending) {
    const rowsPerBlock = Math.max(1, Math.floor(blockCells / Math.max(1, p.columnCount)));
    for (let r = 0; r < p.rowCount; r += rowsPerBlock)
      jobs.push({
        index: p.index,
        ws: p.ws,
        r: p.rowIndex + r,
        rows: Math.min(rowsPerBlock, p.rowCount - r),
        cols: p.columnCount,
        c: p.columnIndex,
      });
    const g = grids[p.index];
    g.origin = { row: p.rowIndex, col: p.columnIndex };
  }
  let i = 0;
  while (i < jobs.length) {
    const batch: Array<{ job: Job; range: Excel.Range }> = [];
    let cells = 0;
    while (
      i < jobs.length &&
      (batch.length === 0 || cells + jobs[i].rows * jobs[i].cols <= blockCells)
    ) {
      const job = jobs[i++];
      const range = job.ws
        .getRangeByIndexes(job.r, job.c, job.rows, job.cols)
        .load("values,text,numberFormat");
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
    const areas = pending.map((p) =>
      p.ws
        .getRangeByIndexes(p.rowIndex, p.columnIndex, p.rowCount, p.columnCount)
        .getMergedAreasOrNullObject()
        .load("address")
    );
    await context.sync();
    pending.forEach((p, k) => {
      if (!areas[k].isNullObject)
        grids[p.index].merges = parseMergedAddress(areas[k].address, grids[p.index].origin);
    });
  }
}
