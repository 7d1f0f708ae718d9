/**
 * Causes proposing the same change read once (tester35 T35-3): three independent errors in a 湖南 county workbook
 * (tests/fixtures/tester35/multi-seeded.xlsx, built by the breaker's generator: 表3 20805 合计 and 基本支出 +7, 表3
 * 2130122 合计 and 项目支出 +10, 表5 an extra 项 line 2130199 outside 21301). The pair search settled one column's
 * findings and the solver the other column's with the very same pair, so the reviewer read five causes for three
 * errors; now each change is one cause explaining the findings of both.
 */
import { promises as fs } from "fs";
import path from "path";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { loadSolver } from "../../src/cli/solver";
import { STYLES, buildVariant } from "../fixtures/variants";
import { mutate } from "../../bench/localization";
import type { Cause } from "../../src/core/localize/cause";

const change = (c: Cause) =>
  [c.suspects, ...c.alternatives]
    .map((s) =>
      s
        .map((x) => `${x.cell}=${x.value}`)
        .sort()
        .join("&")
    )
    .sort()
    .join("|");

test("three errors, three causes: no change proposed twice, each with the findings of both columns", async () => {
  const buf = await fs.readFile(
    path.join(__dirname, "..", "fixtures", "tester35", "multi-seeded.xlsx")
  );
  const { grids } = await readXlsxBuffer(buf);
  const r = checkReport(importWorkbook(grids), {
    localize: { solver: await loadSolver(), now: () => 0 },
  });
  const changes = r.causes.map(change);
  expect(new Set(changes).size).toBe(changes.length);
  expect(r.causes.map((c) => c.suspects.map((s) => s.cell).sort())).toEqual([
    ["表3!C7", "表3!D7"],
    ["表3!C19", "表3!E19"],
    ["表5!C18", "表5!E18"],
  ]);
  // Each cause names every finding it removes: the 合计 column's and the 项目支出 column's.
  expect(r.causes[1].explains.length).toBe(4);
  expect(r.causes[1].message).toMatch(/可解释 4 条不一致/);
  // Every finding but the ones no cause explains is explained once.
  const explained = r.causes.flatMap((c) => c.explains);
  expect(new Set(explained).size).toBe(explained.length);
});

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  test("a 项's 合计 and 项目支出 raised together, and a 款's 合计 and 基本支出: no change proposed twice", async () => {
    let grids = buildVariant(style).grids;
    const t3 = importWorkbook(grids).tables.find((t) => t.kind === "expenditure_summary")!;
    const u = t3.unit === "元" ? 10000 : 1;
    const xiang = t3.rows.filter(
      (r) => r.level === 3 && r.amounts.total?.value && r.amounts.project?.value
    );
    const kuan = t3.rows.find(
      (r) => r.level === 2 && r.amounts.total?.value && r.amounts.basic?.value
    )!;
    const x = xiang[xiang.length - 1];
    for (const [cell, by] of [
      [x.amounts.total!.cell, 10 * u],
      [x.amounts.project!.cell, 10 * u],
      [kuan.amounts.total!.cell, 7 * u],
      [kuan.amounts.basic!.cell, 7 * u],
    ] as const)
      grids = mutate(grids, cell, by);
    const r = checkReport(importWorkbook(grids), {
      localize: { solver: await loadSolver(), now: () => 0 },
    });
    const changes = r.causes.map(change);
    expect(changes.length).toBeGreaterThan(0);
    expect(new Set(changes).size).toBe(changes.length);
  });
});
