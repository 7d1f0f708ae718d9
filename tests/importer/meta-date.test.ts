/**
 * A date printed on the 部门 / 单位 line above the header (newcomer7 t03 / t10 / t14: 编制日期：2024年12月20日,
 * 填报日期：2024-12-20, a bare date): a meta cell, never a header caption — before, the line became a header band and
 * a prior-year date made every column under it 上年 (false 错误, ~290 checks lost, real errors missed). Every generated
 * style whose tables print a 单位 line: the date put in that line of every table.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { SheetGrid } from "../../src/core/grid/grid";
import { DEPT, STYLES, buildVariant } from "../fixtures/variants";
import { mutate } from "../../bench/localization";

const DATES = [
  "编制日期：2024年12月20日",
  "填报日期：2024-12-20",
  "2024年12月20日",
  "打印日期：2024/12/20",
];

/** The grids with `date` in the first empty cell between the 部门 and 单位 cells of every 单位 line (if it has one). */
function dated(grids: SheetGrid[], date: string): { grids: SheetGrid[]; lines: number } {
  let lines = 0;
  const out = grids.map((g) => {
    const values = g.values.map((r) => r.slice());
    const text = g.text.map((r) => r.slice());
    values.forEach((row, r) => {
      const filled = row.map((v, c) => [v, c] as const).filter(([v]) => v !== "" && v !== null);
      if (filled.length < 2 || filled.length > 3) return;
      if (!filled.some(([v]) => /单位[:：]/.test(String(v)))) return;
      const [first, last] = [filled[0][1], filled[filled.length - 1][1]];
      const gap = row.findIndex((v, c) => c > first && c < last && (v === "" || v === null));
      if (gap < 0 || g.merges.some((m) => m.r0 <= r && r <= m.r1 && m.c0 <= gap && gap <= m.c1))
        return;
      values[r][gap] = date;
      text[r][gap] = date;
      lines++;
    });
    return { ...g, values, text };
  });
  return { grids: out, lines };
}

const result = (grids: SheetGrid[]) => {
  const r = checkReport(importWorkbook(grids), { localize: false });
  return {
    findings: r.findings.map((f) => `${f.severity} ${f.rule} ${f.cells.join(",")}`).sort(),
    checked: r.perRule.reduce((n, p) => n + p.checked, 0),
  };
};

const styles = STYLES.map((s) => [s.name, s] as const).filter(
  ([, s]) => dated(buildVariant(s).grids, DATES[0]).lines >= 5
);

test("most styles print a 单位 line with room for a date", () =>
  expect(styles.length).toBeGreaterThan(3));

describe.each(styles)("a date on the 单位 line, %s", (_n, style) => {
  const { grids } = buildVariant(style);
  const report = importWorkbook(grids);
  const t3 = report.tables.find((t) => t.kind === "expenditure_summary")!;
  const leaf = t3.rows.find((r) => r.code?.length === 7 && r.amounts.total?.value)!;
  const wrong = mutate(grids, leaf.amounts.total.cell, 1);

  test.each(DATES)("%s: the same columns, checks and findings", (date) => {
    const g = dated(grids, date).grids;
    const again = importWorkbook(g);
    expect(again.tables.map((t) => t.columns.map((c) => c.key).join())).toEqual(
      report.tables.map((t) => t.columns.map((c) => c.key).join())
    );
    expect(result(g)).toEqual(result(grids));
    // A real error is found as without the date.
    expect(result(dated(wrong, date).grids)).toEqual(result(wrong));
  });
});

/**
 * The date in the 部门 cell itself, after wide spaces (newcomer14 NC14-7: 编制单位：湖北省审计厅 2026年1月20日, or
 * … 编制日期：2026年1月20日): it was glued into the name (部门：湖北省审计厅2026年1月20日), and printed on the first table
 * only it made a false naming.department 警告. Every generated style whose tables print a 部门 line.
 */
describe.each(STYLES.map((s) => [s.name, s] as const))("a date after the 部门, %s", (_n, style) => {
  const plain = result(buildVariant(style).grids);
  test.each([
    ["bare", false],
    ["captioned", false],
    ["bare", true],
    ["captioned", true],
  ] as const)("%s date (first table only: %s): the 部门 alone, the same findings", (how, first) => {
    const { grids } = buildVariant(style, { deptLineDate: { how, first } });
    expect(JSON.stringify(grids)).toContain("12月20日");
    const rep = importWorkbook(grids);
    expect(rep.department).toBe(DEPT);
    for (const t of rep.tables.filter((x) => x.department)) expect(t.department).toBe(DEPT);
    expect(result(grids)).toEqual(plain);
  });
});
