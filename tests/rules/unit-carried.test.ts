/**
 * naming.unit-magnitude carried along (tester31 T31-22): the workbook prints its unit (万元) on its first tables only and
 * two tables in 元 print none — the 基本支出经济分类表 and the “三公” table. The 基本支出表's figures are 10,000× the
 * 一般公共预算支出表's: re-read as 元. The 三公 table equals the 基本支出表 item for item, which "confirmed" its printed
 * (default) unit, so it stayed 万元 and its items became 10,000× 错误 (25000.00万元 超过能安排它的全部资金). Now a table
 * printing no unit whose figures equal a re-read table's is re-read with it: the one 警告 names both, no 错误.
 * Every generated template (元 workbooks: the two tables in 万元 under no unit), and the tester's workbook.
 */
import { promises as fs } from "fs";
import path from "path";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { parseRef } from "../../src/core/grid/address";
import type { SheetGrid } from "../../src/core/grid/grid";
import type { TableKind } from "../../src/core/model/schema";
import { STYLES, buildVariant, type Style } from "../fixtures/variants";

const KINDS: TableKind[] = ["basic_expenditure_economic", "three_public"];

/**
 * The style's workbook with the two tables printing no unit line and their figures in the other unit than the
 * workbook's (×10,000 into 元, ÷10,000 into 万元; the 三公 table of a style printing it in the other unit already is
 * left as it is), values and displayed text.
 */
function unlabelled(style: Style): SheetGrid[] {
  const grids = buildVariant(style, { noUnitLine: KINDS }).grids;
  const report = importWorkbook(grids);
  const other = style.unit === "万元" ? "元" : "万元";
  for (const kind of KINDS) {
    if (kind === "three_public" && style.threePublicUnit === other) continue;
    const t = report.tables.find((x) => x.kind === kind)!;
    expect(t.unitText).toBeUndefined();
    const g = grids.find((x) => x.sheet === t.sheet)!;
    for (const r of t.rows)
      for (const a of Object.values(r.amounts)) {
        if (a.value === null || a.blank) continue;
        const { r0, c0 } = parseRef(a.cell);
        const v = other === "元" ? Math.round(a.value * 1000000) / 100 : a.value / 10000;
        const at = [r0 - g.origin.row, c0 - g.origin.col] as const;
        const text = v.toFixed(other === "元" ? 2 : 6);
        g.values[at[0]][at[1]] = typeof g.values[at[0]][at[1]] === "string" ? text : v;
        g.text[at[0]][at[1]] = text;
      }
  }
  return grids;
}

const serious = (grids: SheetGrid[]) => {
  const report = importWorkbook(grids);
  const findings = checkReport(report, { localize: false }).findings.filter(
    (f) => f.severity === "error" || f.severity === "warning"
  );
  return { report, findings };
};

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  test("基本支出表 and 三公 table in the other unit, neither printing one: one 警告 naming both, no 错误", () => {
    const { report, findings } = serious(unlabelled(style));
    const other = style.unit === "万元" ? "元" : "万元";
    expect(findings.map((f) => `${f.rule} ${f.severity}`)).toEqual([
      "naming.unit-magnitude warning",
    ]);
    const three = report.tables.find((x) => x.kind === "three_public")!;
    const m = findings[0].message;
    // Each table named, each said to be read in the other unit.
    expect(m).toMatch(
      new RegExp(`^[^；]*基本支出[^；]*；已按${other}核对该表；[^；]*三公[^；]*已按${other}核对$`)
    );
    expect(findings[0].cells.some((c) => c.includes(three.sheet))).toBe(true);
  });
});

test("tester31 hubei-units-missing: 表6 and 表7 in 元 under no unit — the one 警告 for both, no 错误 on the 三公 items", async () => {
  const file = path.join(__dirname, "..", "fixtures", "tester31", "hubei-units-missing.xlsx");
  const { grids } = await readXlsxBuffer(await fs.readFile(file));
  const { findings } = serious(grids);
  const mine = findings.filter((f) => f.rule !== "projects.annual-amount");
  // The seeded 年度资金总额 error of a 绩效目标表 stays; nothing else but the one 警告.
  expect(mine.map((f) => `${f.rule} ${f.severity}`)).toEqual(["naming.unit-magnitude warning"]);
  expect(mine[0].message).toMatch(
    /^[^；]*基本支出[^；]*；已按元核对该表；[^；]*三公[^；]*已按元核对$/
  );
});

test("tester31 hubei-sangong-no-unit: only the 三公 table unlabelled in 元 — its own 警告, as before", async () => {
  const file = path.join(__dirname, "..", "fixtures", "tester31", "hubei-sangong-no-unit.xlsx");
  const { grids } = await readXlsxBuffer(await fs.readFile(file));
  const { findings } = serious(grids);
  const mine = findings.filter((f) => f.rule !== "projects.annual-amount");
  expect(mine.map((f) => `${f.rule} ${f.severity}`)).toEqual(["naming.unit-magnitude warning"]);
  expect(mine[0].message).toMatch(/^[^；]*三公[^；]*；已按元核对该表$/);
});
