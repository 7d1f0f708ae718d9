/**
 * A 收支总表 whose 支出 side leaves one 类 out: 本年支出合计 exceeds its classes by exactly that class, which the 支出总表
 * prints. The within.current-expenditure 错误 says so — 「差额恰为表3（支出总表）「221 住房保障支出」…，本表未列该类：
 * 疑漏列」 (tester31 T31-14, a 云南 vertical 收支总表) — on every generated template with a 收支总表; a difference no single
 * class explains says nothing more.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { SheetGrid } from "../../src/core/grid/grid";
import type { Row } from "../../src/core/model/schema";
import { parseRef } from "../../src/core/grid/address";
import { STYLES, buildVariant } from "../fixtures/variants";
import { bump } from "../fixtures/grid-edit";

/** The grids with a line's cells (name, code, figures) emptied. */
function blanked(grids: SheetGrid[], r: Row): SheetGrid[] {
  const refs = [r.labelCell, r.codeCell, ...Object.values(r.amounts).map((a) => a.cell)];
  const out = grids.map((g) => ({
    ...g,
    values: g.values.map((x) => x.slice()),
    text: g.text.map((x) => x.slice()),
  }));
  for (const ref of refs) {
    if (!ref) continue;
    const p = parseRef(ref);
    const g = out.find((x) => x.sheet === p.sheet)!;
    g.values[p.r0][p.c0] = null;
    g.text[p.r0][p.c0] = "";
  }
  return out;
}

const withSummary = STYLES.filter((s) => {
  const t1 = importWorkbook(buildVariant(s).grids).tables.find(
    (t) => t.kind === "income_expenditure_summary"
  );
  return t1?.rows.some((r) => r.side === "expenditure" && r.code === "221");
});

describe.each(withSummary.map((s) => [s.name, s] as const))("%s", (_n, style) => {
  const { grids } = buildVariant(style);
  const t1 = importWorkbook(grids).tables.find((t) => t.kind === "income_expenditure_summary")!;
  const line = t1.rows.find((r) => r.side === "expenditure" && r.code === "221")!;

  test("221 left out of the 收支总表's 支出 side: the 错误 names it as the difference", () => {
    const res = checkReport(importWorkbook(blanked(grids, line)), { localize: false });
    const f = res.findings.filter(
      (x) => x.rule === "within.current-expenditure" && x.severity === "error"
    );
    expect(f.length).toBeGreaterThan(0);
    expect(f[0].message).toMatch(/差额恰为.*支出总表.*「221 住房保障支出」.*本表未列该类：疑漏列/);
  });

  test("a 本年支出合计 off by another amount: no class named", () => {
    const total = t1.rows.find(
      (r) => r.side === "expenditure" && r.key === "current_expenditure_total"
    )!;
    const g = grids.map((x) => ({
      ...x,
      values: x.values.map((y) => y.slice()),
      text: x.text.map((y) => y.slice()),
      numberFormat: x.numberFormat.map((y) => y.slice()),
    }));
    bump(
      g,
      total.amounts.total.cell,
      style.unit === "元" ? 12345 : 1.23,
      style.unit === "元" ? 0 : 2
    );
    const res = checkReport(importWorkbook(g), { localize: false });
    const f = res.findings.filter((x) => x.rule === "within.current-expenditure");
    expect(f.length).toBeGreaterThan(0);
    expect(f.map((x) => x.message).join()).not.toMatch(/疑漏列/);
  });
});
