/**
 * One wrong figure breaks its own group, not the others: on the three field workbooks (samples/field), every other
 * amount is changed by 7 (in its table's unit), one at a time. No new hierarchy error may cite other cells only — the
 * by-unit 收入总表 / 支出总表 (部门 line, then its 单位 lines) and the 三公 table by unit were read flat or as another
 * sum once a figure was wrong, and reported every column (90 of 966 changes before bestFitLevels and totalParts) —
 * and the localizer names the changed cell (Guangzhou, Hangzhou: every change; Xi'an: nine in ten).
 */
import { promises as fs } from "fs";
import path from "path";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { mutate } from "../../bench/localization";

const dir = path.join(__dirname, "..", "..", "samples", "field");

test.each([
  ["guangzhou-tongjiju-2026", 1],
  ["hangzhou-qixiangju-2026", 1],
  ["xian-shenjiju-2026", 0.9],
])(
  "%s: each figure changed by 7 — no hierarchy error elsewhere, the cause names it",
  async (name, share) => {
    const { grids } = await readXlsxBuffer(await fs.readFile(path.join(dir, `${name}.xlsx`)));
    const report = importWorkbook(grids);
    const before = new Set(checkReport(report).findings.map((f) => f.message));
    const amounts = report.tables
      .flatMap((t) => t.rows.flatMap((r) => Object.values(r.amounts)))
      .filter((a) => (a.value ?? 0) > 0)
      .filter((_a, i) => i % 2 === 0);
    let named = 0;
    for (const a of amounts) {
      const res = checkReport(importWorkbook(mutate(grids, a.cell, 7)));
      const elsewhere = res.findings.filter(
        (f) =>
          !before.has(f.message) &&
          f.rule.startsWith("hierarchy.") &&
          f.severity === "error" &&
          !f.cells.includes(a.cell)
      );
      expect({ cell: a.cell, elsewhere: elsewhere.map((f) => f.message) }).toEqual({
        cell: a.cell,
        elsewhere: [],
      });
      if (
        res.causes.some((c) =>
          [...c.suspects, ...c.alternatives.flat()].some((s) => s.cell === a.cell)
        )
      )
        named++;
    }
    expect(amounts.length).toBeGreaterThan(100);
    expect(named / amounts.length).toBeGreaterThanOrEqual(share);
  },
  120000
);
