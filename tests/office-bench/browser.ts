/**
 * The bench in Chromium: served in place of the CDN office.js after Microsoft's runtime bundle. It installs the
 * in-memory workbook (window.__BENCH_WORKBOOK__, grids) behind the runtime and a minimal Office host object.
 */
import type { SheetGrid } from "../../src/core/grid/grid";
import { MemoryWorkbook } from "./workbook";
import { Executor } from "./executor";
import { requirementChecker } from "./requirements";

type W = Window & {
  OfficeExtension: { SessionBase: { _overrideSession?: unknown } };
  Office: Record<string, unknown>;
  __BENCH_WORKBOOK__?: SheetGrid[];
  __BENCH_MAX_EXCELAPI__?: string;
  __bench?: unknown;
};
const w = window as unknown as W;
if (!w.OfficeExtension?.SessionBase) throw new Error("office bench: the runtime bundle did not define OfficeExtension.SessionBase (transport hook changed)");
const wb = MemoryWorkbook.fromGrids(w.__BENCH_WORKBOOK__ ?? []);
const executor = new Executor(wb);
w.OfficeExtension.SessionBase._overrideSession = {
  _resolveRequestUrlAndHeaderInfo: () => Promise.resolve({ url: "https://bench.invalid", headers: {} }),
  _createRequestExecutorOrNull: () => ({
    executeAsync: (_c: unknown, _f: unknown, message: { Body: unknown }) => Promise.resolve(JSON.parse(JSON.stringify(executor.execute(JSON.parse(JSON.stringify(message.Body)))))),
  }),
};
// The bundle's Office.context is not configurable: a derived object carries the host's context and onReady.
const office = Object.create(w.Office ?? {});
const info = { host: "Excel", platform: "PC" };
Object.defineProperty(office, "context", { value: { requirements: { isSetSupported: requirementChecker(w.__BENCH_MAX_EXCELAPI__ ?? "1.13") }, displayLanguage: "zh-CN" } });
Object.defineProperty(office, "onReady", { value: (cb?: (i: typeof info) => void) => Promise.resolve().then(() => (cb?.(info), info)) });
// `var Office` in the bundle makes the global writable but not configurable: assign, do not redefine.
w.Office = office;
w.__bench = {
  roundTrips: () => executor.roundTrips,
  writes: () => executor.writes,
  selection: () => wb.selection && { sheet: wb.sheets.find((s) => s.id === wb.selection!.sheetId)?.name, ...wb.selection },
  resetCounters: () => {
    executor.roundTrips = 0;
    executor.writes = [];
  },
};
