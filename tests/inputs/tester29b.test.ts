/**
 * tester29b's inputs (stop 29; tests/fixtures/tester29b/README.md): a header-less sheet named for one table but holding
 * another's lines (T29B-5) is not joined to the table it names — the classification of the line names tells.
 */
import { promises as fs } from "fs";
import path from "path";
import { readWorkbookBuffer } from "../../src/hosts/read-any";
import { importWorkbook } from "../../src/core/importer/importer";

const dir = path.join(__dirname, "..", "fixtures", "tester29b");

test("a 支出总表's lines on a sheet named 预算公开表6(续) are not joined to the names-only 基本支出经济分类表", async () => {
  const { grids } = await readWorkbookBuffer(
    await fs.readFile(path.join(dir, "wrong-table-continuation.xlsx"))
  );
  const report = importWorkbook(grids);
  const t6 = report.tables.find((t) => t.kind === "basic_expenditure_economic")!;
  expect(t6.continued ?? []).toEqual([]);
  expect(t6.rows.map((r) => r.label)).not.toContain("卫生健康支出");
  expect(report.unrecognized.find((u) => u.sheet === "预算公开表6(续)")?.reason).toMatch(
    /续表.*未合并核对/
  );
});
