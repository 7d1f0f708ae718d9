/**
 * Huge used ranges of every kind (tests/fixtures/huge-variants.ts) on field case 12's clean twin and on every sample:
 * the sheet part is slimmed before exceljs reads it, and the grids and findings are exactly the twin's — the same
 * workbook without what holds nothing. Also the slimmer itself: chunk boundaries anywhere give the same bytes, and
 * what it keeps is what holds something.
 */
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { reviewFile } from "../../src/cli/review-file";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { SheetSlimmer, stripEmptyCells } from "../../src/hosts/xlsx/slim";
import type { Finding } from "../../src/core/rules/rule";
import { samplePath, SAMPLES } from "../helpers";
import { hideRows } from "../fixtures/xlsx-parts";
import {
  contentOf,
  HUGE_VARIANTS,
  hugeWorkbooks,
  type HugeVariant,
} from "../fixtures/huge-variants";
import { strFromU8, strToU8, unzipSync } from "fflate";

jest.setTimeout(120_000);

const key = (f: Finding) => `${f.rule}|${f.severity}|${f.cells.join(",")}|${f.message}`;
async function review(bytes: Uint8Array) {
  const read = await readXlsxBuffer(bytes);
  const report = importWorkbook(read.grids);
  return {
    grids: read.grids,
    slimmed: read.slimmed,
    tables: report.tables.map((t) => [t.kind, t.sheet, t.range]),
    findings: checkReport(report).findings.map(key),
  };
}

async function expectTwin(bytes: Uint8Array, sheet: string, v: HugeVariant) {
  const { huge, twin } = hugeWorkbooks(bytes, sheet, v);
  const a = await review(huge);
  const b = await review(twin);
  expect(a.slimmed).toBe(true);
  expect(b.slimmed).toBe(false);
  expect(a.grids).toEqual(b.grids);
  expect(a.tables).toEqual(b.tables);
  expect(a.findings).toEqual(b.findings);
  return { a, b };
}

describe("field case 12's clean twin, 预算公开表3", () => {
  let clean: Uint8Array;
  beforeAll(async () => {
    clean = await fs.readFile(
      path.join(__dirname, "..", "fixtures", "field-cases", "12-huge-used-range.clean.xlsx")
    );
  });

  test.each(HUGE_VARIANTS.map((v) => [v.name, v] as const))(
    "%s: the twin's grids and findings",
    async (_name, v) => {
      const { a } = await expectTwin(clean, "预算公开表3", v);
      // A value at the bottom after a million styled rows is still named where it stands; nothing else is found.
      const stray = a.findings.filter((f) =>
        f.startsWith("printed.stray-content|info|预算公开表3!A1048576|")
      );
      expect(stray).toHaveLength(/A1048576/.test(v.name) ? 1 : 0);
      // The variant that prints the table a second time further down says so once (completeness.duplicate-tables).
      const twice = a.findings.filter((f) => f.startsWith("completeness.duplicate-tables|info|"));
      expect(twice).toHaveLength(/between two tables/.test(v.name) ? 1 : 0);
      expect(a.findings.length).toBe(stray.length + twice.length);
    }
  );

  test("check --out: the reviewed workbook is the user's package, its huge sheet part as it was (the slimmed copy is only read)", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "huge-out-"));
    try {
      const file = path.join(dir, "12a.xlsx");
      const huge = hugeWorkbooks(clean, "预算公开表3", HUGE_VARIANTS[0]).huge;
      await fs.writeFile(file, huge);
      const row = await reviewFile({
        file,
        outDir: dir,
        productVersion: "test",
        reviewedAt: "2026-11-29T00:00:00Z",
        reviewedName: "12a.reviewed.xlsx",
        reviewOnlyName: "12a.审核结果.xlsx",
      });
      expect(row.status).toBe("已审核");
      expect(row.counts).toEqual({ error: 0, warning: 0, rounding: 0, info: 0 });
      const part = "xl/worksheets/sheet3.xml";
      const before = unzipSync(huge, { filter: (f) => f.name === part })[part];
      const after = unzipSync(await fs.readFile(path.join(dir, "12a.reviewed.xlsx")), {
        filter: (f) => f.name === part,
      })[part];
      expect(before.length).toBeGreaterThan(40 << 20);
      expect(Buffer.from(after).equals(Buffer.from(before))).toBe(true);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  test("a hidden row with amounts inside a sheet of a million styled rows: the same hidden-row finding", async () => {
    const hide = (xml: string) => hideRows(xml, [contentOf(xml).lastRow - 1]);
    const tail = HUGE_VARIANTS[0];
    const { a } = await expectTwin(clean, "预算公开表3", {
      name: "hidden",
      huge: (xml) => tail.huge(hide(xml)),
      twin: hide,
    });
    expect(a.findings.some((f) => f.startsWith("printed.hidden-amounts|"))).toBe(true);
  });
});

describe.each(SAMPLES.map((s) => [s]))("%s", (name) => {
  test.each(HUGE_VARIANTS.filter((_v, i) => i < 3).map((v) => [v.name, v] as const))(
    "first table sheet, %s: the twin's grids and findings",
    async (_n, v) => {
      const bytes = await fs.readFile(samplePath(name));
      const sheet = (await readXlsxBuffer(bytes)).grids.find((g) => g.values.length > 5)!.sheet;
      await expectTwin(bytes, sheet, v);
    }
  );
});

describe("the slimmer on the bytes", () => {
  /** A seeded generator (mulberry32): the same cases on every run. */
  function rng(seed: number) {
    return () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  /** Sheet XML from random rows; returns it with what the slimmer must keep (both without whitespace between tags). */
  function sheet(rand: () => number, p: string, pretty: boolean) {
    const ws = (n: number) => (pretty ? `\n${" ".repeat(n)}` : "");
    const rows: string[] = [];
    const kept: string[] = [];
    for (let r = 1; r <= 60; r++) {
      const attrs = [
        ` r="${r}"`,
        rand() < 0.3 ? ' ht="20" customHeight="1"' : "",
        rand() < 0.2 ? ' hidden="1"' : "",
        rand() < 0.2 ? ' outlineLevel="1"' : "",
        rand() < 0.2 ? ' s="2" customFormat="1"' : "",
      ].join("");
      if (rand() < 0.15) {
        rows.push(`${ws(2)}<${p}row${attrs}/>`);
        continue;
      }
      const cells: string[] = [];
      const keptCells: string[] = [];
      const n = Math.floor(rand() * 6);
      for (let c = 0; c < n; c++) {
        const ref = `${String.fromCharCode(65 + c)}${r}`;
        const k = rand();
        const cell =
          k < 0.35
            ? [`<${p}c r="${ref}" s="1"/>`, false]
            : k < 0.5
              ? [`<${p}c r="${ref}" s="1">${ws(4)}</${p}c>`, false]
              : k < 0.7
                ? [`<${p}c r="${ref}" s="1" t="s"><${p}v>${c}</${p}v></${p}c>`, true]
                : k < 0.8
                  ? [`<${p}c r="${ref}"><${p}f>SUM(A1:A2)</${p}f><${p}v>3</${p}v></${p}c>`, true]
                  : k < 0.9
                    ? [`<${p}c r="${ref}"><${p}f t="shared" si="0"/></${p}c>`, true]
                    : [
                        `<${p}c r="${ref}" t="inlineStr"><${p}is><${p}t xml:space="preserve"> 附注 &lt;x&gt; </${p}t></${p}is></${p}c>`,
                        true,
                      ];
        cells.push(`${ws(4)}${cell[0] as string}`);
        if (cell[1]) keptCells.push(cell[0] as string);
      }
      rows.push(`${ws(2)}<${p}row${attrs}>${cells.join("")}${ws(2)}</${p}row>`);
      if (keptCells.length) kept.push(`<${p}row${attrs}>${keptCells.join("")}</${p}row>`);
    }
    const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${ws(0)}<${p}worksheet xmlns${p ? `:${p.slice(0, -1)}` : ""}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${p}dimension ref="A1:XFD1048576"/><${p}sheetData>`;
    const tail = `${ws(0)}</${p}sheetData><${p}mergeCells count="1"><${p}mergeCell ref="A1:E1"/></${p}mergeCells><${p}rowBreaks count="1" manualBreakCount="1"><${p}brk id="5" max="16383" man="1"/></${p}rowBreaks></${p}worksheet>`;
    return { xml: head + rows.join("") + tail, kept: head + kept.join("") + tail };
  }
  const squeeze = (s: string) => s.replace(/>\s+</g, "><");

  test.each([
    ["compact", "", false],
    ["pretty-printed", "", true],
    ["x:-prefixed", "x:", false],
    ["x:-prefixed, pretty-printed", "x:", true],
  ])(
    "%s: cells with a value, formula or inline string and their rows are kept, the rest dropped, whatever the chunk boundaries",
    (_n, p, pretty) => {
      const rand = rng(pretty ? 7 : 3);
      for (let round = 0; round < 40; round++) {
        const { xml, kept } = sheet(rand, p as string, pretty as boolean);
        const whole = stripEmptyCells(xml);
        expect(squeeze(whole)).toBe(squeeze(kept));
        const bytes = strToU8(xml);
        const s = new SheetSlimmer();
        for (let at = 0; at < bytes.length;) {
          const n = 1 + Math.floor(rand() * 40);
          s.push(bytes.subarray(at, at + n), false);
          at += n;
        }
        s.push(new Uint8Array(0), true);
        // Whitespace between dropped rows may go or stay, depending on where a run of them was skipped at once.
        expect(squeeze(strFromU8(s.result()))).toBe(squeeze(whole));
      }
    }
  );

  test("a row that never ends (a damaged part) is kept as it is", () => {
    const xml = `<sheetData><row r="1"><c r="A1" s="1"/>${'<c r="B1" s="1"/>'.repeat(10)}`;
    expect(stripEmptyCells(xml)).toBe(xml);
  });
});
