/**
 * 年度 across tables (naming.year): a table printing another budget year than the rest is one warning naming the
 * table and both years, for every generated template; tables whose year comes only from a part title or cover, and
 * the workbooks as published, raise nothing.
 */
import { promises as fs } from "fs";
import path from "path";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { parseRef } from "../../src/core/grid/address";
import type { SheetGrid } from "../../src/core/grid/grid";
import type { Table } from "../../src/core/model/schema";
import type { Finding } from "../../src/core/rules/rule";
import { STYLES, YEAR, buildVariant } from "../fixtures/variants";

const fixtures = path.join(__dirname, "..", "fixtures");
async function findingsOf(file: string): Promise<Finding[]> {
  const { grids } = await readXlsxBuffer(await fs.readFile(path.join(fixtures, file)));
  return checkReport(importWorkbook(grids)).findings;
}

/** The grid with every "<from>" in the cells above table t's body (its title and meta lines) printed as "<to>". */
function retitle(grids: SheetGrid[], t: Table, from: string, to: string): SheetGrid[] {
  const { r0 } = parseRef(t.range);
  return grids.map((g) => {
    if (g.sheet !== t.sheet) return g;
    const values = g.values.map((r) => r.slice());
    const text = g.text.map((r) => r.slice());
    for (let r = Math.max(0, r0 - g.origin.row - 2); r < Math.min(values.length, r0 - g.origin.row + 4); r++)
      values[r].forEach((v, c) => {
        if (typeof v === "string" && v.includes(from)) {
          values[r][c] = v.split(from).join(to);
          text[r][c] = text[r][c].split(from).join(to);
        }
      });
    return { ...g, values, text };
  });
}

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const { grids } = buildVariant(style);
  const report = importWorkbook(grids);
  const dated = report.tables.filter((t) => t.year === YEAR);

  test("as generated: no year finding", () => {
    expect(checkReport(report).findings.filter((f) => f.rule === "naming.year")).toEqual([]);
  });

  const target = dated.find((t) => t.kind === "general_budget_expenditure") ?? dated[1];
  (dated.length >= 2 && target ? test : test.skip)("one table titled with last year's year: one warning naming it and both years", () => {
    const res = checkReport(importWorkbook(retitle(grids, target, `${YEAR}`, `${YEAR - 1}`)));
    const year = res.findings.filter((f) => f.rule === "naming.year");
    expect(year).toHaveLength(1);
    expect(year[0]).toMatchObject({ severity: "warning", actual: YEAR - 1, expected: YEAR });
    expect(year[0].cells[0]).toMatch(new RegExp(`^'?${target.sheet}'?!`));
    expect(year[0].message).toContain(`${YEAR - 1}`);
    expect(year[0].message).toContain(`${YEAR}`);
  });
});

test("the tester's m-year.xlsx (表5 says 2024, the rest 2025): one warning at 表5; its clean twin: none", async () => {
  const fs1 = await findingsOf("newcomer2/m-year.xlsx");
  expect(fs1.map((f) => `${f.rule} ${f.severity} ${f.cells[0]}`)).toEqual(["naming.year warning 预算公开表5!A1"]);
  expect(fs1[0].message).toMatch(/2024.*2025/);
  expect((await findingsOf("field-cases/13-hidden-item-row.clean.xlsx")).filter((f) => f.rule === "naming.year")).toEqual([]);
});
