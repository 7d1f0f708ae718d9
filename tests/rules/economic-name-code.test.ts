/**
 * An economic line whose name and code disagree counts once, as the item its code says when the code sits in its
 * place among its neighbours' codes, else as its name says (rules/three-public-items.ts): a name typed wrong on
 * 30217 (“公务用车运行维护费”) was summed with 30231 and gave a false 错误 on a correct “三公” table; a code typed wrong
 * (30231 on the 公务接待费 line) paired the wrong lines of two tables. One 警告 naming.economic-code, no 错误 (newcomer15
 * NC15-1). Every template that prints economic codes.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { parseRef } from "../../src/core/grid/address";
import type { SheetGrid } from "../../src/core/grid/grid";
import { STYLES, buildVariant } from "../fixtures/variants";

/** Replaces `from` by `to` in the text of a cell (values and text alike). */
function retype(grids: SheetGrid[], ref: string, from: string, to: string): void {
  const sheet = ref.slice(0, ref.lastIndexOf("!")).replace(/^'|'$/g, "");
  const g = grids.find((x) => x.sheet === sheet)!;
  const { r0, c0 } = parseRef(ref);
  const v = g.values[r0][c0];
  expect(String(v)).toContain(from);
  g.values[r0][c0] =
    typeof v === "number" ? Number(String(v).replace(from, to)) : String(v).replace(from, to);
  if (g.text[r0]?.[c0] !== undefined) g.text[r0][c0] = String(g.text[r0][c0]).replace(from, to);
}

const said = (grids: SheetGrid[]) =>
  checkReport(importWorkbook(grids))
    .findings.filter((f) => f.severity === "error" || f.severity === "warning")
    .map((f) => `${f.severity} ${f.rule}`);

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const reception = () => {
    const v = buildVariant(style);
    const t6 = importWorkbook(v.grids).tables.find((t) => t.kind === "basic_expenditure_economic")!;
    return { grids: v.grids, row: t6.rows.find((r) => r.code === "30217" && !r.codeFromName) };
  };

  test("30217 named 公务用车运行维护费: the naming 警告 only", () => {
    const { grids, row } = reception();
    if (!row) return; // a template without economic codes: the name is all there is
    expect(said(grids)).toEqual([]);
    retype(grids, row.labelCell, "公务接待费", "公务用车运行维护费");
    expect(said(grids)).toEqual(["warning naming.economic-code"]);
  });

  test("the 公务接待费 line coded 30231: the naming 警告 only", () => {
    const { grids, row } = reception();
    if (!row) return;
    retype(grids, row.codeCell ?? row.labelCell, "30217", "30231");
    expect(said(grids)).toEqual(["warning naming.economic-code"]);
  });
});
