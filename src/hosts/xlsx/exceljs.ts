/**
 * exceljs's Workbook (exceljs 4.4.0, pinned in package.json) without the rest of the package's entry point: its
 * streaming reader and writer (unzipper, archiver and their polyfills) are never used by the hosts, and loading them
 * cost every process and every `--jobs` worker about a tenth of a second at start (`npm run bench`, cold CLI table).
 */
import type ExcelJS from "exceljs";

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const Workbook = require("exceljs/lib/doc/workbook") as typeof ExcelJS.Workbook;
