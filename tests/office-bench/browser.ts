/**
 * The bench in Chromium: served in place of the CDN office.js after Microsoft's runtime bundle. It installs the
 * in-memory workbook (window.__BENCH_WORKBOOK__, grids) behind the runtime and a minimal Office host object.
 */
import type { SheetGrid } from "../../src/core/grid/grid";
import { MemoryWorkbook } from "./workbook";
import { Executor } from "./executor";
import {
  addRangeAreasSelect,
  benchOffice,
  installTransport,
  requirementChecker,
  type HostRecord,
} from "./hook";
import { loadXlsx, saveXlsx } from "./xlsx";

type W = Window & {
  OfficeExtension: { SessionBase: { _overrideSession?: unknown } };
  Excel: { RangeAreas?: { prototype: Record<string, unknown> } };
  __BENCH_LANGUAGE__?: string;
  Office: Record<string, unknown>;
  __BENCH_WORKBOOK__?: SheetGrid[];
  __BENCH_MAX_EXCELAPI__?: string;
  __bench?: unknown;
};
const w = window as unknown as W;
let wb = MemoryWorkbook.fromGrids(w.__BENCH_WORKBOOK__ ?? []);
const executor = new Executor(wb);
let delay = 0;
installTransport(w.OfficeExtension, executor, () => delay);
const maxApi = w.__BENCH_MAX_EXCELAPI__ ?? "1.13";
if (requirementChecker(maxApi)("ExcelApi", "1.18")) addRangeAreasSelect(w.Excel, w.OfficeExtension);
// `var Office` in the bundle makes the global writable but not configurable: assign, do not redefine.
const handlers = wb.selectionHandlers;
const host: HostRecord = { actions: {}, dialogs: [] };
w.Office = benchOffice(w.Office, maxApi, handlers, w.__BENCH_LANGUAGE__ ?? "zh-CN", host);
w.__bench = {
  roundTrips: () => executor.roundTrips,
  writes: () => executor.writes,
  selection: () =>
    wb.selection && {
      sheet: wb.sheets.find((s) => s.id === wb.selection!.sheetId)?.name,
      ...wb.selection,
    },
  sheets: () =>
    wb.sheets.map((s) => ({
      name: s.name,
      conditionalFormats: s.conditionalFormats.length,
      charts: s.charts.length,
      protected: s.protected,
    })),
  workbook: () => wb,
  /** A user click in the grid: moves the selection and raises DocumentSelectionChanged. */
  select: (sheet: string, r0: number, c0: number, r1?: number, c1?: number) =>
    wb.select(sheet, r0, c0, r1, c1),
  /** A user edit of one cell. */
  edit: (sheet: string, r: number, c: number, value: string | number) => {
    const s = wb.sheets.find((x) => x.name === sheet)!;
    wb.cellForWrite(s, r, c).value = value;
  },
  protect: (sheet: string) => (wb.sheets.find((x) => x.name === sheet)!.protected = true),
  /** Save, close and reopen: the workbook goes through .xlsx and comes back (selection handlers stay with the pane). */
  saveAndReopen: async () => {
    const again = await loadXlsx(await saveXlsx(wb));
    again.selectionHandlers = wb.selectionHandlers;
    wb = again;
    executor.wb = again;
  },
  /** Answer every request this many ms late (to see the pane's progress). */
  setDelay: (ms: number) => (delay = ms),
  xlsx: async () => Array.from(await saveXlsx(wb)),
  /** A ribbon click on an ExecuteFunction button: runs the function the function file associated, until event.completed(). */
  invoke: (name: string) =>
    new Promise<void>((resolve, reject) => {
      const fn = host.actions[name];
      if (!fn) return reject(new Error(`no function associated as ${name}`));
      fn({ completed: () => resolve() });
    }),
  actions: () => Object.keys(host.actions),
  dialogs: () => host.dialogs,
  resetCounters: () => {
    executor.roundTrips = 0;
    executor.writes = [];
  },
};
