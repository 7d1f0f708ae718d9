/**
 * A cause names cells that explain findings: the MIP step's solution may also move a cell another cause already
 * fixes (in the identities it keeps holding), and that group explains none of the disagreements it was asked about —
 * it was printed as a fifth cause 「…可解释 0 条不一致」, a copy of the first (tester31 T31-8: nine tables on one sheet).
 * The CLI's check (checkWithSolver, as `check` and `check --out` make it) keeps only causes that explain something,
 * and the three seeded errors keep their causes.
 */
import { promises as fs } from "fs";
import path from "path";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkWithSolver } from "../../src/cli/solver";

const FILE = path.join(__dirname, "../fixtures/tester31/township-onesheet.xlsx");

test("township, nine tables on one sheet: every cause explains a finding, no cause repeated", async () => {
  const { grids } = await readXlsxBuffer(await fs.readFile(FILE));
  const res = await checkWithSolver(importWorkbook(grids));
  expect(res.causes.filter((c) => !c.explains.length).map((c) => c.message)).toEqual([]);
  const messages = res.causes.map((c) => c.message.replace(/，可解释.*$/, ""));
  expect(new Set(messages).size).toBe(messages.length);
  // The 收支总表's 68.04 (68.40 in the other tables) is still the first cause.
  expect(res.causes[0].suspects.map((s) => [s.cell, s.printed, s.value])).toEqual([
    ["'2024年部门预算公开表'!D6", 68.04, 68.4],
  ]);
});
