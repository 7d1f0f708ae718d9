/**
 * 基本支出 classes in the wrong one of 人员经费 | 公用经费 (newcomer12 NC12-6): 303 对个人和家庭的补助 printed wholly under
 * 公用经费 (or 302 商品和服务支出 under 人员经费), the totals re-added so every sum holds — 0 findings before, though it
 * moves the 公用经费 that 机关运行经费 is compared with. within.personnel-public-classes (警告) names the class and its
 * cell. Every generated template (each prints 人员经费 | 公用经费 in its 基本支出表).
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { parseRef } from "../../src/core/grid/address";
import type { SheetGrid } from "../../src/core/grid/grid";
import type { Amount } from "../../src/core/model/schema";
import { STYLES, buildVariant } from "../fixtures/variants";
import { kinds } from "../helpers";

function set(grids: SheetGrid[], a: Amount, v: number): void {
  const sheet = a.cell.slice(0, a.cell.lastIndexOf("!")).replace(/^'|'$/g, "");
  const g = grids.find((x) => x.sheet === sheet)!;
  const { r0, c0 } = parseRef(a.cell);
  g.values[r0 - g.origin.row][c0 - g.origin.col] = v;
  g.text[r0 - g.origin.row][c0 - g.origin.col] = v.toFixed(2);
  g.numberFormat[r0 - g.origin.row][c0 - g.origin.col] = "0.00";
}

/** The class `code` and its 款 moved from column `from` to `to`; the table's 合计 re-added. Returns the class's new cell. */
function moveClass(grids: SheetGrid[], code: string, from: string, to: string): string {
  const t = importWorkbook(grids).tables.find((x) => x.kind === "basic_expenditure_economic")!;
  let moved = 0;
  for (const r of t.rows.filter((x) => x.code?.startsWith(code))) {
    const a = r.amounts[from].value ?? 0;
    set(grids, r.amounts[from], 0);
    set(grids, r.amounts[to], (r.amounts[to].value ?? 0) + a);
    if (r.code === code) moved = a;
  }
  const total = t.rows.find((r) => r.key === "total")!;
  set(grids, total.amounts[from], total.amounts[from].value! - moved);
  set(grids, total.amounts[to], total.amounts[to].value! + moved);
  return t.rows.find((r) => r.code === code)!.amounts[to].cell;
}

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  // With no 公用经费 left, the 机关运行经费 above it is a 警告 of its own (cross.operating-public), as it should be.
  test.each([
    ["303 under 公用经费", "303", "personnel", "public", []],
    ["302 under 人员经费", "302", "public", "personnel", ["cross.operating-public warning"]],
  ])("%s: one 警告 at the class's cell (and what follows from it)", (_w, code, from, to, also) => {
    const plain = checkReport(importWorkbook(buildVariant(style).grids));
    expect(plain.findings.filter((f) => f.rule === "within.personnel-public-classes")).toEqual([]);
    const grids = buildVariant(style).grids;
    const cell = moveClass(grids, code, from, to);
    const result = checkReport(importWorkbook(grids));
    expect(kinds(result)).toEqual(
      [...kinds(plain), "within.personnel-public-classes warning", ...also].sort()
    );
    const found = result.findings.find((f) => f.rule === "within.personnel-public-classes")!;
    expect(found.cells[0]).toBe(cell);
  });
});
