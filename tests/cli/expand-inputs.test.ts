/** The workbooks a folder walk of `check --out` takes (newcomer10 NC10-7: WPS 表格's .et was read when named, skipped in a folder). */
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { expandInputs } from "../../src/cli/batch";

test("a folder's .xlsx / .xlsm / .xls / .xlsb / .ods / .et workbooks are taken; lock files, our outputs and other files are not", async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "expand-"));
  const names = [
    "a.xlsx",
    "b.XLSM",
    "c.xls",
    "d.xlsb",
    "e.ods",
    "f.et",
    "g.ET",
    "~$a.xlsx",
    "a.reviewed.xlsx",
    "c.审核结果.xlsx",
    "说明.txt",
    "h.csv",
  ];
  for (const n of names) await fs.writeFile(path.join(dir, n), "x");
  const found = (await expandInputs([dir], path.join(dir, "out"))).map((f) => path.basename(f));
  expect(found).toEqual(["a.xlsx", "b.XLSM", "c.xls", "d.xlsb", "e.ods", "f.et", "g.ET"]);
});
