/**
 * A hidden sheet holding another copy of a published table (a draft with other figures, last year's): the checks
 * between tables use the visible table wherever the hidden copy sits in the workbook; the copy is still checked on its
 * own, and input.hidden-sheets names the visible sheet the cross checks used. Before: the first table of a kind stood
 * for it, so a hidden draft placed before the published sheet made every cross check compare the draft (jishan: 19 →
 * 44 errors); newcomer6 #15 (a very hidden same-year draft of 支出总表: nothing said which one was used).
 * Generated: every style's 支出总表 sheet copied with each of its amounts doubled (numbers and amounts printed as text
 * alike), hidden or very hidden, before or after the visible sheet.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { parseRef } from "../../src/core/grid/address";
import type { SheetGrid } from "../../src/core/grid/grid";
import { STYLES, buildVariant } from "../fixtures/variants";

/** The sheet of the kind's table, copied as a hidden draft with each amount of the table doubled. */
function hiddenDraft(
  grids: SheetGrid[],
  visibility: "hidden" | "veryHidden"
): { draft: SheetGrid; at: number } {
  const table = importWorkbook(grids).tables.find((t) => t.kind === "expenditure_summary")!;
  const at = grids.findIndex((g) => g.sheet === table.sheet);
  const g = grids[at];
  const values = g.values.map((r) => r.slice());
  const text = g.text.map((r) => r.slice());
  for (const row of table.rows)
    for (const a of Object.values(row.amounts)) {
      if (a.value === null || a.blank) continue;
      const p = parseRef(a.cell);
      const doubled = a.value * 2;
      const shown = doubled.toFixed(a.decimals);
      values[p.r0][p.c0] = typeof values[p.r0][p.c0] === "number" ? doubled : shown;
      text[p.r0][p.c0] = shown;
    }
  return { draft: { ...g, sheet: `${g.sheet}（草稿）`, visibility, values, text }, at };
}

const serious = (grids: SheetGrid[]) =>
  checkReport(importWorkbook(grids), { localize: false }).findings.filter(
    (f) => (f.severity === "error" || f.severity === "warning") && f.rule !== "input.hidden-sheets"
  );

describe.each(STYLES.map((st) => [st.name, st] as const))("%s", (_name, st) => {
  const { grids } = buildVariant(st);
  const clean = serious(grids).map((f) => f.message);
  test.each([
    ["hidden", "before"],
    ["veryHidden", "before"],
    ["hidden", "after"],
  ] as const)(
    "a %s draft copy of 支出总表 %s the published sheet: no finding beyond the clean workbook's",
    (visibility, where) => {
      const { draft, at } = hiddenDraft(grids, visibility);
      const withDraft =
        where === "before"
          ? [...grids.slice(0, at), draft, ...grids.slice(at)]
          : [...grids.slice(0, at + 1), draft, ...grids.slice(at + 1)];
      const res = checkReport(importWorkbook(withDraft), { localize: false });
      expect(serious(withDraft).map((f) => f.message)).toEqual(clean);
      const hidden = res.findings.filter((f) => f.rule === "input.hidden-sheets");
      expect(hidden).toHaveLength(1);
      expect(hidden[0].message).toContain(
        `工作簿另有可见的支出总表（工作表“${grids[at].sheet}”），表间核对用的是可见的那一张`
      );
    }
  );
});
