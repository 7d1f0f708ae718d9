const ExcelJS=require('exceljs');
(async()=>{const t=Date.now();const wb=new ExcelJS.Workbook();await wb.xlsx.readFile(process.argv[2]);console.log('load',Date.now()-t,'ms', process.memoryUsage().rss/1e6|0,'MB');
const ws=wb.worksheets[2];console.log(ws.rowCount,ws.columnCount, ws.actualRowCount);})();
