/**
 * Control characters in a user's text — an ANSI escape in the 部门 cell (32c-ansi-escape-in-label.xlsx), C0 / C1
 * controls, bidi overrides, lone surrogates, in a label or a file name — are shown by one function of the core
 * (`printable`) wherever the product shows that text: the terminal, 审核结果, 预算汇总, 审核汇总, the notes. They never
 * recolour or move a terminal, never make the written XML invalid, and the user's own cells keep them.
 */
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { execFileSync } from "child_process";
import { unzipSync, strFromU8 } from "fflate";
import { printable } from "../../src/core/grid/printable";
import { SAMPLES, loadSample, runMain } from "../helpers";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { buildReviewPlan } from "../../src/core/review/build";
import { buildBatchSheet } from "../../src/core/review/batch-sheet";

/* eslint-disable no-control-regex -- the pattern exists to find control characters */
const UNSAFE =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/* eslint-enable no-control-regex */
const ESCAPES = "\u001b[2J\u001b[41m";
const RESET = "\u001b[0m";

describe("printable", () => {
  test.each([
    ["an ANSI colour and clear-screen", `${ESCAPES}财政局${RESET}`, "␛[2J␛[41m财政局␛[0m"],
    ["C0 controls (BEL, BS, CR)", "a\u0007b\u0008c\rd", "a␇b␈c␍d"],
    ["DEL and C1 controls (CSI as one character)", "a\u007fb\u009b31mc", "a␡b\ufffd31mc"],
    ["bidi overrides", "abc\u202edef\u2066", "abc\ufffddef\ufffd"],
    ["lone surrogates (a pair is kept)", "a\ud800b\udc00c😀", "a\ufffdb\ufffdc😀"],
    ["tab and newline kept, CR LF as a newline", "a\tb\nc\r\nd", "a\tb\nc\nd"],
    ["plain Chinese text unchanged", "中共稷山县委组织部（本级）", "中共稷山县委组织部（本级）"],
  ])("%s", (_what, input, shown) => {
    expect(printable(input)).toBe(shown);
    expect(printable(input)).not.toMatch(UNSAFE);
  });
});

/** Every sample with escapes, controls and a lone surrogate around its department name wherever the sheets print it. */
async function withDirtyDepartment(name: (typeof SAMPLES)[number]) {
  const { grids, report } = await loadSample(name);
  const dept = report.department!;
  const dirty = `${ESCAPES}${dept}${RESET}\u0007\u202e\ud800`;
  let touched = 0;
  const copy = grids.map((g) => ({
    ...g,
    values: g.values.map((r) =>
      r.map((v) =>
        typeof v === "string" && v.includes(dept) ? (touched++, v.replace(dept, dirty)) : v
      )
    ),
    text: g.text.map((r) => r.map((v) => (v.includes(dept) ? v.replace(dept, dirty) : v))),
  }));
  expect(touched).toBeGreaterThan(0);
  return {
    grids: copy,
    report: importWorkbook(copy, { fileName: `${name}\u001b[31m.xlsx` }),
    dirty,
  };
}

describe.each(SAMPLES.map((s) => [s]))("%s with an escape-laden 部门", (name) => {
  test("审核结果, 预算汇总 and every note show the text with visible stand-ins, never a control character", async () => {
    const { grids, report, dirty } = await withDirtyDepartment(name);
    expect(report.department).toContain("\u001b");
    const result = checkReport(report, { localize: false });
    const plan = buildReviewPlan({
      report,
      result,
      grids,
      file: `${name}\u001b[31m.xlsx`,
      reviewedAt: "2026-11-30T04:00:00Z",
      productVersion: "9.9.9",
    });
    const texts = plan.sheets
      .flatMap((s) => s.cells.map((c) => c.value))
      .filter((v): v is string => typeof v === "string");
    for (const t of texts) expect(t).not.toMatch(UNSAFE);
    for (const m of plan.marks) expect(m.note).not.toMatch(UNSAFE);
    // Invisible format characters (U+202E) are not part of a name (grid/text.ts UNSEEN): gone, the rest made visible.
    expect(texts).toContain(printable(dirty.replace(/\p{Cf}/gu, "")));
    expect(texts.some((t) => t.includes("␛[31m.xlsx"))).toBe(true);
    // The links still name the user's sheets as they are.
    const links = plan.sheets.flatMap((s) =>
      s.cells.flatMap((c) => (c.hyperlink && "sheet" in c.hyperlink ? [c.hyperlink.sheet] : []))
    );
    for (const l of links)
      expect([...grids.map((g) => g.sheet), ...plan.sheets.map((s) => s.name)]).toContain(l);
  });

  test("审核汇总 shows the department and the file name with visible stand-ins", async () => {
    const { report } = await withDirtyDepartment(name);
    const sheet = buildBatchSheet(
      [
        {
          file: `${name}\u001b[31m.xlsx`,
          department: report.department ?? null,
          year: report.year ?? null,
          unit: report.unit ?? null,
          income: null,
          expenditure: null,
          counts: { error: 1, warning: 0, rounding: 0, info: 0 },
          status: "已审核",
          output: `${name}.reviewed.xlsx`,
          reason: null,
        },
      ],
      { reviewedAt: "2026-11-30T04:00:00Z", productVersion: "9.9.9" }
    );
    const texts = sheet.cells.map((c) => c.value).filter((v): v is string => typeof v === "string");
    for (const t of texts) expect(t).not.toMatch(UNSAFE);
    expect(texts.some((t) => t.includes("␛[2J␛[41m"))).toBe(true);
  });
});

const run = runMain;

test("32c with --out: the terminal, the reviewed copy's 审核结果 and 审核汇总 show ␛[2J; the XML is valid; the user's cell keeps its escapes", async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "printable-"));
  try {
    const file = path.join(
      __dirname,
      "..",
      "fixtures",
      "bad-inputs",
      "32c-ansi-escape-in-label.xlsx"
    );
    const r = await run(["check", file, "--out", dir]);
    expect(r.out + r.err).not.toMatch(UNSAFE);
    const copy = unzipSync(
      new Uint8Array(await fs.readFile(path.join(dir, "32c-ansi-escape-in-label.reviewed.xlsx")))
    );
    const summary = unzipSync(new Uint8Array(await fs.readFile(path.join(dir, "审核汇总.xlsx"))));
    for (const [files, where] of [
      [copy, "copy"],
      [summary, "summary"],
    ] as const)
      for (const [part, bytes] of Object.entries(files)) {
        if (!/\.(xml|rels)$/.test(part)) continue;
        const xml = path.join(dir, `${where}-${part.replace(/\//g, "_")}`);
        await fs.writeFile(xml, bytes);
        expect(() => execFileSync("xmllint", ["--noout", xml], { stdio: "pipe" })).not.toThrow();
      }
    const text = (files: Record<string, Uint8Array>) =>
      Object.entries(files)
        .filter(([p]) => /\.xml$/.test(p))
        .map(([, b]) => strFromU8(b))
        .join("\n");
    // Our sheets (inline strings) say ␛[2J; the user's shared string still holds the escape (_x001B_) as it was.
    expect(text(copy)).toContain("␛[2J␛[41m");
    expect(strFromU8(copy["xl/sharedStrings.xml"])).toContain("_x001B_[2J_x001B_[41m");
    expect(text(summary)).toContain("␛[2J␛[41m");
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
