// Renders docs/review-*.png: the reviewed jishan-2024 sample's 审核结果 and 预算汇总 as LibreOffice prints them
// (the original sheets hidden in a temporary copy, so only the two review sheets are printed), first page of each.
// Needs the compiled CLI (npm run build:cli), soffice and pdftoppm. Usage: node scripts/review-screenshots.js
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const ExcelJS = require("exceljs");

async function main() {
  const root = path.join(__dirname, "..");
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "review-shots-"));
  execFileSync(
    process.execPath,
    [
      path.join(root, "bin", "budget-review.js"),
      "check",
      path.join(root, "samples", "jishan-2024.xlsx"),
      "--out",
      tmp,
      "--jobs",
      "1",
    ],
    { stdio: "ignore" }
  );
  const shots = [];
  for (const sheet of ["审核结果", "预算汇总"]) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(tmp, "jishan-2024.reviewed.xlsx"));
    for (const ws of wb.worksheets) if (ws.name !== sheet) ws.state = "hidden";
    wb.views = [
      {
        x: 0,
        y: 0,
        width: 20000,
        height: 12000,
        firstSheet: 0,
        activeTab: wb.worksheets.findIndex((w) => w.name === sheet),
        visibility: "visible",
      },
    ];
    const file = path.join(tmp, `${sheet}.xlsx`);
    await wb.xlsx.writeFile(file);
    execFileSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", tmp, file], {
      stdio: "ignore",
    });
    const out = path.join(root, "docs", sheet === "审核结果" ? "review-results" : "review-summary");
    execFileSync("pdftoppm", [
      "-png",
      "-r",
      "110",
      "-f",
      "1",
      "-l",
      "1",
      "-singlefile",
      path.join(tmp, `${sheet}.pdf`),
      out,
    ]);
    shots.push(`${out}.png`);
  }
  console.log(shots.join("\n"));
}
main();
