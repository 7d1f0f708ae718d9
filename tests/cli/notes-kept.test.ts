/**
 * What `check --out` did not write on the user's sheets is said where the reviewer reads the run (newcomer10 NC10-5 /
 * NC10-6): a marked cell that already has a note of the user's keeps it (none of ours), a protected sheet gets
 * nothing — the → line and the 审核汇总 row's 说明 name them.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { runMain, samplePath } from "../helpers";

jest.setTimeout(120000);

test("a marked cell with the user's own note, and a protected sheet, are named in the run's output", async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "notes-kept-"));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(samplePath("jishan-2024"));
  // 预算公开表5!C6 is cited by the sample's findings; 预算公开表6 holds marked cells too.
  wb.getWorksheet("预算公开表5")!.getCell("C6").note = "编制说明：含上年结转";
  await wb.getWorksheet("预算公开表6")!.protect("secret", {});
  const file = path.join(dir, "jishan.xlsx");
  await wb.xlsx.writeFile(file);
  const { out } = await runMain(["check", file, "--out", path.join(dir, "out")]);
  expect(out).toMatch(/→ .*jishan\.reviewed\.xlsx（.*工作表“预算公开表6”受保护，未在其上标注/);
  expect(out).toMatch(/1 个标记的单元格原有批注，保留原批注、未加本工具的批注（问题见审核结果）/);
});
