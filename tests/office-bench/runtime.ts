/**
 * Microsoft's real Office.js client runtime (@microsoft/office-js, excel-win32-16.01.js) loaded in Node, its
 * transport replaced by the bench's executor through OfficeExtension.SessionBase._overrideSession.
 * The hook is private: bench() checks it on every load and fails loudly, naming the cause, if it changes.
 */
import fs from "fs";
import path from "path";
import vm from "vm";
import type { SheetGrid } from "../../src/core/grid/grid";
import { MemoryWorkbook } from "./workbook";
import { Executor, type ExecutorOptions } from "./executor";
import { addRangeAreasSelect, benchOffice, installTransport, requirementChecker } from "./hook";

export const RUNTIME_FILE = path.join(
  __dirname,
  "..",
  "..",
  "node_modules",
  "@microsoft",
  "office-js",
  "dist",
  "excel-win32-16.01.js"
);
let source: string | undefined;

export interface Bench {
  Excel: typeof Excel;
  OfficeExtension: typeof OfficeExtension;
  Office: typeof Office;
  wb: MemoryWorkbook;
  executor: Executor;
}

function sandbox(): vm.Context {
  const noop = () => undefined;
  const doc = {
    addEventListener: noop,
    readyState: "complete",
    getElementsByTagName: () => [],
    createElement: () => ({ setAttribute: noop, style: {} }),
    cookie: "",
  };
  const win: Record<string, unknown> = {
    navigator: { userAgent: "node" },
    document: doc,
    location: { href: "https://localhost/", search: "", hash: "" },
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    console: { log: noop, warn: noop, error: noop, info: noop, debug: noop },
    addEventListener: noop,
    removeEventListener: noop,
    XMLHttpRequest: function () {},
  };
  win.window = win;
  win.self = win;
  win.top = win;
  win.parent = win;
  return vm.createContext(win);
}

export function bench(
  grids: SheetGrid[] | MemoryWorkbook,
  opts: ExecutorOptions & { maxExcelApi?: string } = {}
): Bench {
  source ??= fs.readFileSync(RUNTIME_FILE, "utf8");
  const ctx = sandbox();
  vm.runInContext(source, ctx, { filename: "excel-win32-16.01.js" });
  const g = ctx as unknown as {
    Excel?: typeof Excel;
    OfficeExtension?: typeof OfficeExtension;
    Office?: typeof Office;
  };
  if (!g.Excel || !g.OfficeExtension)
    throw new Error(
      `office bench: ${RUNTIME_FILE} did not define Excel / OfficeExtension — the runtime bundle changed`
    );
  const wb = grids instanceof MemoryWorkbook ? grids : MemoryWorkbook.fromGrids(grids);
  const executor = new Executor(wb, opts);
  installTransport(g.OfficeExtension, executor);
  if (requirementChecker(opts.maxExcelApi)("ExcelApi", "1.18"))
    addRangeAreasSelect(g.Excel as never, g.OfficeExtension);
  const office = benchOffice(g.Office, opts.maxExcelApi, wb.selectionHandlers);
  return { Excel: g.Excel, OfficeExtension: g.OfficeExtension, Office: office, wb, executor };
}
