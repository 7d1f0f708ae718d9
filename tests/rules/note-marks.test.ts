/**
 * A note mark printed after a figure (50①, 21.00¹, 834.05*, [注1]), as PDFs print them and PDF-to-Excel converters keep
 * them in the cell (newcomer11 NC11-1). Unicode's compatibility normalisation turns ① and ¹ into the digit 1, so
 * “50①” was read as 501 and “21.00¹” as 21.001: false 错误 quoting a figure nobody printed. The mark is not part of
 * the amount: the number before it is checked, and input.note-marks (提示) lists the cells. Every generated template.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { parseAmount } from "../../src/core/grid/amount";
import { parseRef } from "../../src/core/grid/address";
import type { SheetGrid } from "../../src/core/grid/grid";
import { STYLES, buildVariant } from "../fixtures/variants";
import { bump } from "../fixtures/grid-edit";
import { kinds } from "../helpers";

const MARKS = ["①", "¹", "*", "⑵", "[注1]", "※", "²", " ③"];

/** Each amount of the 支出总表's 项 lines typed as its printed text followed by a note mark, in turn. */
function markAmounts(grids: SheetGrid[]): string[] {
  const table = importWorkbook(grids).tables.find((t) => t.kind === "expenditure_summary")!;
  const cells = table.rows
    .filter((r) => r.code?.length === 7)
    .flatMap((r) => Object.values(r.amounts).filter((a) => a.value))
    .map((a) => a.cell);
  cells.forEach((ref, i) => {
    const sheet = ref.slice(0, ref.lastIndexOf("!")).replace(/^'|'$/g, "");
    const g = grids.find((x) => x.sheet === sheet)!;
    const { r0, c0 } = parseRef(ref);
    const text = `${g.text[r0 - g.origin.row][c0 - g.origin.col]}${MARKS[i % MARKS.length]}`;
    g.values[r0 - g.origin.row][c0 - g.origin.col] = text;
    g.text[r0 - g.origin.row][c0 - g.origin.col] = text;
  });
  return cells;
}

test("a dash alone is still “nothing”", () => {
  for (const t of ["–", "—", "-", "——"])
    expect(parseAmount(t, t, "General")).toMatchObject({ value: null });
});

test.each([
  ["50①", 50, "①"],
  ["21.00¹", 21, "¹"],
  ["834.05*", 834.05, "*"],
  ["1,234.50 [注1]", 1234.5, "[注1]"],
  ["12.3（注2）", 12.3, "（注2）"],
  ["４００５.２９②", 4005.29, "②"],
  // The asterisk in the glyph a PDF's font gave it (newcomer13 NC13-6: “11.20＊” was 不是金额, or dropped).
  ["11.20＊", 11.2, "＊"],
  ["11.20﹡", 11.2, "﹡"],
  ["11.20 ∗", 11.2, "∗"],
  ["(388.14)", -388.14, undefined],
  // A trailing minus is a negative (newcomer11 NC11-17: “1.80-” was 不是金额).
  ["1.80-", -1.8, undefined],
  ["1,234.00 -", -1234, undefined],
  // A dash set as the minus (newcomer13 NC13-5: “–0.50” was 不是金额, a column of them dropped silently).
  ["–0.50", -0.5, undefined],
  ["—1.20", -1.2, undefined],
  ["‒3", -3, undefined],
  ["1.80–", -1.8, undefined],
])("%s → %d, mark %s", (text, value, mark) => {
  const p = parseAmount(text, text, "General")!;
  expect(p.value).toBe(value);
  expect(p.mark).toBe(mark);
});

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  test("the 支出总表's amounts printed with note marks: the same findings, one 提示 naming every marked cell", () => {
    const plain = checkReport(importWorkbook(buildVariant(style).grids));
    const grids = buildVariant(style).grids;
    const cells = markAmounts(grids);
    const result = checkReport(importWorkbook(grids));
    expect(kinds(result)).toEqual(kinds(plain));
    const notes = result.findings.filter((f) => f.rule === "input.note-marks");
    expect(notes).toHaveLength(1);
    expect(notes[0].severity).toBe("info");
    expect([...notes[0].cells].sort()).toEqual([...cells].sort());
  });

  test("and one of them misprinted: the 错误 still found at that cell", () => {
    const grids = buildVariant(style).grids;
    const cells = markAmounts(grids);
    const plainGrids = buildVariant(style).grids;
    bump(plainGrids, cells[0]);
    const expected = checkReport(importWorkbook(plainGrids));
    // The misprint keeps its mark: “301.00①” in place of “300.00①”.
    const sheet = cells[0].slice(0, cells[0].lastIndexOf("!")).replace(/^'|'$/g, "");
    const g = grids.find((x) => x.sheet === sheet)!;
    const { r0, c0 } = parseRef(cells[0]);
    const r = r0 - g.origin.row;
    const c = c0 - g.origin.col;
    const n = Number(String(g.values[r][c]).replace(/[^\d.]/g, ""));
    g.values[r][c] = g.text[r][c] = `${n + 1}①`;
    const result = checkReport(importWorkbook(grids));
    expect(kinds(result)).toEqual(kinds(expected));
    expect(result.findings.some((f) => f.severity === "error" && f.cells.includes(cells[0]))).toBe(
      true
    );
  });
});
