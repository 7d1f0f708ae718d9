/**
 * A table with no money printed as zeros (newcomer7 w01: a 乡镇's “三公” and 政府性基金 tables of 0.00) says so itself:
 * no 提示 that it is not marked empty. A table left blank without a note still gets it. Every generated style, its
 * 国有资本经营预算支出表 (empty, noted) with the note removed, then its 合计 line printed 0 / 0.00.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { parseRef } from "../../src/core/grid/address";
import type { SheetGrid } from "../../src/core/grid/grid";
import { STYLES, buildVariant } from "../fixtures/variants";

const emptyTable = (grids: SheetGrid[]) =>
  checkReport(importWorkbook(grids), { localize: false }).findings.filter(
    (f) => f.rule === "completeness.empty-table"
  );

describe.each(STYLES.map((s) => [s.name, s] as const))(
  "an empty table printed as zeros, %s",
  (_n, style) => {
    const { grids } = buildVariant(style);
    const t = importWorkbook(grids).tables.find((x) => x.kind === "state_capital")!;
    const total = t.rows[0];
    const sheet = parseRef(total.labelCell).sheet;
    // Without its note: every cell of the sheet saying 本表无数据 blanked (the stacked style shares one sheet).
    const unnoted = grids.map((g) => {
      if (g.sheet !== sheet) return g;
      const blank = <T>(v: T) => (typeof v === "string" && /本表无数据/.test(v) ? "" : v) as T;
      return {
        ...g,
        values: g.values.map((r) => r.map(blank)),
        text: g.text.map((r) => r.map(blank)),
      };
    });
    const zeros = (text: string, value: number | string) =>
      unnoted.map((g) => {
        if (g.sheet !== sheet) return g;
        const values = g.values.map((r) => r.slice());
        const texts = g.text.map((r) => r.slice());
        for (const a of Object.values(total.amounts)) {
          const { r0, c0 } = parseRef(a.cell);
          values[r0 - g.origin.row][c0 - g.origin.col] = value;
          texts[r0 - g.origin.row][c0 - g.origin.col] = text;
        }
        return { ...g, values, text: texts };
      });

    test("left blank without a note: the 提示 stays", () => {
      expect(emptyTable(unnoted).map((f) => f.severity)).toEqual(["info"]);
    });
    test.each([
      ["0.00", 0],
      ["0", 0],
      ["0.00", "0.00"],
    ])("its 合计 line printed %s (%p): no 提示", (text, value) => {
      expect(emptyTable(zeros(text, value))).toEqual([]);
    });
  }
);
