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
  expect(parseAmount(Infinity, "", "General")?.invalid).toBe("超出可表示范围的数值（数值溢出，不是有限数）");
  expect(parseAmount(-Infinity, "", "0.00")?.invalid).toMatch(/^[^A-Za-z]*$/);
});

describe.each(SAMPLES.map((s) => [s]))("%s", (name) => {
  test("number cells holding text, NaN, 1E+309 and ±INF: each finding says what the cell holds", async () => {
    const { report } = await loadSample(name);
    const files = unzipSync(new Uint8Array(await fs.readFile(samplePath(name))));
    // The first table with enough amount cells stored as numbers.
    const pick = report.tables
      .map((t) => {
        const stored = new Set(numberCells(files, t.sheet));
        const cells = t.rows.flatMap((r) => Object.values(r.amounts)).map((a) => a.cell.slice(a.cell.lastIndexOf("!") + 1)).filter((c) => stored.has(c));
        return { t, cells: [...new Set(cells)] };
      })
      .find((x) => x.cells.length >= KINDS.length)!;
    expect(pick).toBeDefined();
    const cells = Object.fromEntries(KINDS.map(([raw], i) => [pick.cells[i], raw]));
    const bytes = await mutateXlsx(samplePath(name), { numberText: { sheet: pick.t.sheet, cells } });
    const { grids } = await readXlsxBuffer(bytes);
    const result = checkReport(importWorkbook(grids), { localize: false });
    const said = (a1: string) => result.findings.filter((f) => f.rule === "input.unreadable-amount" && f.cells.some((c) => c.endsWith(`!${a1}`))).map((f) => f.details?.[f.cells.findIndex((c) => c.endsWith(`!${a1}`))] ?? f.message);
    KINDS.forEach(([raw, expected], i) => {
      const msgs = said(pick.cells[i]);
      expect({ raw, msgs }).toEqual({ raw, msgs: [expect.stringMatching(expected)] });
      expect(msgs[0]).not.toMatch(/Infinity|NaN/);
    });
  });
});
