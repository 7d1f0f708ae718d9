/**
 * 政府采购预算表 by 采购类别 (newcomer8 g07 / g08: 合计 | 货物类 | 工程类 | 服务类): each line's 合计 = 货物 + 工程 + 服务
 * (within.row-procurement-categories). Before, the category columns were unnamed and the row sums unchecked.
 */
import { promises as fs } from "fs";
import path from "path";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";

const dir = path.join(__dirname, "..", "fixtures", "newcomer8");
const check = async (file: string) =>
  checkReport(
    importWorkbook((await readXlsxBuffer(await fs.readFile(path.join(dir, file)))).grids),
    { localize: false }
  );
const rule = "within.row-procurement-categories";

test("g07: every line's 合计 = 货物 + 工程 + 服务, nothing found", async () => {
  const r = await check("g07-caigou-by-category-ok.xlsx");
  expect(r.findings.filter((f) => f.severity === "error" || f.severity === "warning")).toEqual([]);
  expect(r.perRule.find((p) => p.id === rule)!.checked).toBeGreaterThanOrEqual(4);
});

test("g08: a project's 合计 +10 is found on its line", async () => {
  const found = (await check("g08-caigou-by-category-row-plus10.xlsx")).findings.filter(
    (f) => f.rule === rule
  );
  expect(found.map((f) => f.message)).toEqual([
    expect.stringMatching(
      /「购买中介机构审计服务」行「合计」 360\.00 ≠ 货物类 \+ 工程类 \+ 服务类 350\.00/
    ),
  ]);
});
