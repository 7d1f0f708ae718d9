/**
 * newcomer15's inputs for NC15-1 (tests/fixtures/newcomer15-names/README.md): an economic line whose name or code was
 * typed wrong gives one naming 警告 — one for the code and name, citing its cell in each table that prints it
 * (tester34 T34-9) — never a 错误 on the correct “三公” figures or a pairing of the wrong
 * lines of two tables (rules/three-public-items.ts, cross.ts economicLines).
 */
import { promises as fs } from "fs";
import path from "path";
import { readWorkbookBuffer } from "../../src/hosts/read-any";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";

const dir = path.join(__dirname, "..", "fixtures", "newcomer15-names");

test.each([
  ["A-econname-err.xlsx", 1],
  ["X-econname2-err.xlsx", 2],
  ["X-econcode-err.xlsx", 2],
])("%s: one 警告 naming.economic-code citing %d table(s), no 错误", async (f, n) => {
  const { grids } = await readWorkbookBuffer(await fs.readFile(path.join(dir, f)));
  const found = checkReport(importWorkbook(grids), { localize: false }).findings.filter(
    (x) => x.severity === "error" || x.severity === "warning"
  );
  expect(found.map((x) => `${x.severity} ${x.rule}`)).toEqual(["warning naming.economic-code"]);
  expect(new Set(found[0].cells.map((c) => c.slice(0, c.lastIndexOf("!")))).size).toBe(n);
});
