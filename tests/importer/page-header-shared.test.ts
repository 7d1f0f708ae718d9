/**
 * A page header's 表号 on a sheet holding several tables (every generated style, its tables stacked on one sheet): it
 * was given to none of them. The header is the first page's, printed over the top of the sheet: its 表号 is the first
 * table's — of the kind the header titles, when it prints a title —, unless a table of the sheet prints that 表号 in its
 * cells (the header repeats it). The cells win: a first table printing another 表号 keeps its own, with the
 * naming.page-header 提示.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { norm } from "../../src/core/grid/text";
import { parseRef } from "../../src/core/grid/address";
import type { SheetGrid } from "../../src/core/grid/grid";
import type { Report, Table } from "../../src/core/model/schema";
import { parsePageHeader } from "../../src/core/grid/page-header";
import { STYLES, buildVariant } from "../fixtures/variants";
import { WRITINGS } from "../fixtures/page-headers";

const labelsOf = (r: Report) => r.tables.map((t) => [t.kind, t.label && norm(t.label)]);
const findingsOf = (r: Report) =>
  checkReport(r, { localize: false })
    .findings.map((f) => `${f.severity} ${f.rule} ${f.cells.join(",")}`)
    .sort();

/** Table t's 表号 emptied from its cells (a cell of 表号 and title together keeps the title). */
function dropLabel(grids: SheetGrid[], t: Table): SheetGrid[] {
  const start = parseRef(t.range.split(":")[0]).r0;
  const label = norm(t.label);
  return grids.map((g) => {
    if (g.sheet !== t.sheet) return g;
    const values = g.values.map((r) => [...r]);
    const text = g.text.map((r) => [...r]);
    const from = start - g.origin.row;
    for (let r = Math.max(0, from - 2); r <= from + 2 && r < values.length; r++)
      for (let c = 0; c < values[r].length; c++) {
        const x = norm(values[r][c]);
        const kept = x === label ? "" : x === norm(`${t.label}${t.title}`) ? t.title : undefined;
        if (kept === undefined) continue;
        values[r][c] = kept;
        text[r][c] = kept;
      }
    return { ...g, values, text };
  });
}

const withHeader = (grids: SheetGrid[], sheet: string, header: string): SheetGrid[] =>
  grids.map((g) =>
    g.sheet === sheet ? { ...g, pageHeader: parsePageHeader(header, g.sheet) } : g
  );

describe.each(STYLES.filter((s) => s.label(1)).map((s) => [s.name, s] as const))(
  "several tables on one sheet: %s",
  (_n, style) => {
    const { grids } = buildVariant({ ...style, stacked: true });
    const titled = importWorkbook(grids);
    const sheet = titled.tables[0].sheet;
    const onSheet = titled.tables.filter((t) => t.sheet === sheet);
    const [first, second] = onSheet;
    const want = labelsOf(titled);
    const wantFindings = findingsOf(titled);

    test.each(
      Object.keys(WRITINGS).flatMap((how) => [[how, false] as const, [how, true] as const])
    )(
      "the first table's 表号 in the header (%s, its title repeated: %s): the first table's, the rest as printed",
      (how, title) => {
        expect(onSheet.length).toBeGreaterThan(2);
        const dropped = dropLabel(grids, first);
        expect(labelsOf(importWorkbook(dropped))).not.toEqual(want);
        const header = WRITINGS[how]({ label: first.label, title: title ? first.title : "" });
        const report = importWorkbook(withHeader(dropped, sheet, header));
        expect(labelsOf(report)).toEqual(want);
        expect(findingsOf(report)).toEqual(wantFindings);
      }
    );

    test("the second table's 表号 under its title in the header: that table's (the header names its kind)", () => {
      const dropped = dropLabel(grids, second);
      const header = WRITINGS.sections({ label: second.label, title: second.title });
      const report = importWorkbook(withHeader(dropped, sheet, header));
      expect(labelsOf(report)).toEqual(want);
    });

    test("a bare 表号 in the header the first table does not print: the first table keeps its own, a 提示 says the two differ", () => {
      const dropped = dropLabel(grids, second);
      const report = importWorkbook(withHeader(dropped, sheet, `&L${second.label}`));
      const labels = labelsOf(report);
      expect(labels[0]).toEqual(want[0]);
      expect(labels[1]).toEqual([second.kind, undefined]);
      const said = checkReport(report, { localize: false }).findings.filter(
        (f) => f.rule === "naming.page-header"
      );
      expect(said.map((f) => f.severity)).toEqual(["info"]);
      expect(said[0].message).toContain(`页眉印“${second.label}”`);
    });

    test("a header repeating a 表号 another table prints: no table takes it", () => {
      const dropped = dropLabel(grids, first);
      const report = importWorkbook(withHeader(dropped, sheet, `&L${second.label}`));
      const labels = labelsOf(report);
      expect(labels[0]).toEqual([first.kind, undefined]);
      expect(labels.slice(1)).toEqual(labelsOf(importWorkbook(dropped)).slice(1));
    });
  }
);
