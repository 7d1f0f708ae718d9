const fs=require('fs');const {slimWorkbook}=require('./dist-cli/src/hosts/xlsx/slim.js');
const ExcelJS=require('exceljs');
(async()=>{for(const f of process.argv.slice(2)){const b=fs.readFileSync(f);let t=Date.now();const s=slimWorkbook(b);const t1=Date.now()-t;t=Date.now();const wb=new ExcelJS.Workbook();await wb.xlsx.load(s?Buffer.from(s):b);console.log(f.split('/').pop(),'slim',t1,'load',Date.now()-t,'rss',process.memoryUsage().rss/1e6|0, s&&s.length);}})();
