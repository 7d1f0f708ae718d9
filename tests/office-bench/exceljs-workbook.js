// In the browser bundle, src/hosts/xlsx/exceljs.ts's `exceljs/lib/doc/workbook` (Node sources) is exceljs's browser build's Workbook.
module.exports = require("exceljs").Workbook;
