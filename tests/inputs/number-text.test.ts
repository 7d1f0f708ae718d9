/**
 * A number cell (no `t`, or `t="n"`) whose `<v>` is not a number at all (52-infinity-nan.xlsx's "abc") holds text:
 * the finding quotes the text (shortened when long), never "无法表示的数值"; a real NaN, and a number too large for a
 * double (1E+309, INF), are named as such. Generated over every sample: its first table's amount cells rewritten.
 */
import { promises as fs } from "fs";
import { unzipSync } from "fflate";
import { SAMPLES, loadSample, samplePath } from "../helpers";
import { mutateXlsx, numberCells } from "../fixtures/mutate";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { parseAmount } from "../../src/core/grid/amount";

const LONG = "此处应填写金额但填写了一段很长的说明文字共计超过二十个字";
/** Raw `<v>` text → what the finding must say of it. */
const KINDS: Array<[string, RegExp]> = [
  ["abc", /内容是文本“abc”，不是金额/],
  ["12abc", /内容是文本“12abc”，不是金额/],
  [LONG, new RegExp(`内容是文本“${LONG.slice(0, 20)}…”，不是金额`)],
  ["NaN", /内容是无法表示的数值（不是有限数）/],
  ["1E+309", /内容是超出可表示范围的数值（数值溢出，不是有限数）/],
  ["INF", /内容是超出可表示范围的数值（数值溢出，不是有限数）/],
  ["-INF", /内容是超出可表示范围的数值（数值溢出，不是有限数）/],
];

test("the core names NaN and an overflowing number apart, in Chinese only", () => {
  expect(parseAmount(NaN, "", "General")?.invalid).toBe("无法表示的数值（不是有限数）");
  expect(parseAmount(Infinity, "", "General")?.invalid).toBe(
    "超出可表示范围的数值（数值溢出，不是有限数）"
  );
  expect(parseAmount(-Infinity, "", "0.00")?.invalid).toMatch(/^[^A-Za-z]*$/);
});

describe.each(SAMPLES.map((s) => [s]))("%s", (name) => {
  test("number cells holding text, NaN, 1E+309 and ±INF: each finding says what the cell holds", async () => {
    const { report } = await loadSample(name);
    const files = unzipSync(new Uint8Array(await fs.readFile(samplePath(name))));
    // The first table with three amount columns of at least six numbers each: one text per column (a column of
    // more words than figures is a text column, not amounts — importer/header.ts textColumns), the rest spread.
    const pick = report.tables
      .map((t) => {
        const stored = new Set(numberCells(files, t.sheet));
        const byCol = new Map<string, string[]>();
        for (const a of t.rows.flatMap((r) => Object.values(r.amounts))) {
          const a1 = a.cell.slice(a.cell.lastIndexOf("!") + 1);
          if (!stored.has(a1)) continue;
          const col = a1.replace(/\d+$/, "");
          if (!byCol.has(col)) byCol.set(col, []);
          if (!byCol.get(col)!.includes(a1)) byCol.get(col)!.push(a1);
        }
        return { t, cols: [...byCol.values()].filter((cs) => cs.length >= 6).slice(0, 3) };
      })
      .find((x) => x.cols.length === 3)!;
    expect(pick).toBeDefined();
    // One text per column, each on its own row and never the first body row (a row of words reads as a header);
    // NaN / overflows further down (numbers, not words): every column keeps more figures than words.
    const at = KINDS.map((_, i) =>
      i < 3 ? pick.cols[i][i + 1] : pick.cols[(i - 3) % 3][4 + Math.floor((i - 3) / 3)]
    );
    const cells = Object.fromEntries(KINDS.map(([raw], i) => [at[i], raw]));
    const bytes = await mutateXlsx(samplePath(name), {
      numberText: { sheet: pick.t.sheet, cells },
    });
    const { grids } = await readXlsxBuffer(bytes);
    const result = checkReport(importWorkbook(grids), { localize: false });
    const said = (a1: string) =>
      result.findings
        .filter(
          (f) => f.rule === "input.unreadable-amount" && f.cells.some((c) => c.endsWith(`!${a1}`))
        )
        .map((f) => f.details?.[f.cells.findIndex((c) => c.endsWith(`!${a1}`))] ?? f.message);
    KINDS.forEach(([raw, expected], i) => {
      const msgs = said(at[i]);
      expect({ raw, msgs }).toEqual({ raw, msgs: [expect.stringMatching(expected)] });
      expect(msgs[0]).not.toMatch(/Infinity|NaN/);
    });
  });
});
