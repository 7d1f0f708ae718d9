/**
 * The bench in Chromium: served in place of the CDN office.js after Microsoft's runtime bundle. It installs the
 * in-memory workbook (window.__BENCH_WORKBOOK__, grids) behind the runtime and a minimal Office host object.
 */
import type { SheetGrid } from "../../src/core/grid/grid";
import { MemoryWorkbook } from "./workbook";
import { Executor } from "./executor";
import { benchOffice, installTransport } from "./hook";

type W = Window & {
  OfficeExtension: { SessionBase: { _overrideSession?: unknown } };
  Office: Record<string, unknown>;
  __BENCH_WORKBOOK__?: SheetGrid[];
  __BENCH_MAX_EXCELAPI__?: string;
  __bench?: unknown;
};
const w = window as unknown as W;
const wb = MemoryWorkbook.fromGrids(w.__BENCH_WORKBOOK__ ?? []);
const executor = new Executor(wb);
installTransport(w.OfficeExtension, executor);
// `var Office` in the bundle makes the global writable but not configurable: assign, do not redefine.
w.Office = benchOffice(w.Office, w.__BENCH_MAX_EXCELAPI__ ?? "1.13");
w.__bench = {
  roundTrips: () => executor.roundTrips,
  writes: () => executor.writes,
  selection: () => wb.selection && { sheet: wb.sheets.find((s) => s.id === wb.selection!.sheetId)?.name, ...wb.selection },
  resetCounters: () => {
    executor.roundTrips = 0;
    executor.writes = [];
  },
};
