/**
 * A real spreadsheet engine recomputes 预算汇总: the reviewed workbook is written with no cached results in the review
 * sheets, LibreOffice (headless, recalculating on load) opens and converts it, and every formula's value must equal the
 * model's. The written parts are well-formed XML (xmllint).
 */
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { execFileSync } from "child_process";
import JSZip from "jszip";
import { SAMPLES, samplePath } from "../helpers";
import { STYLES, buildVariant } from "../fixtures/variants";
import { writeXlsx } from "../../src/hosts/xlsx/write";
import { libreofficeConvert, reviewBytes } from "./helpers";
import { cellA1 } from "../../src/core/grid/address";
import type { ReviewPlan } from "../../src/core/review/plan";

jest.setTimeout(180000);
const REVIEW = ["审核结果", "预算汇总"];
let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "review-lo-"));
});

/** Formula cells of the review sheets are written without cached results, so only a recalculation can fill them. */
function stripResults(plan: ReviewPlan): ReviewPlan {
  return {
    ...plan,
    sheets: plan.sheets.map((s) => ({
      ...s,
      cells: s.cells.map((c) => (c.formula ? { ...c, value: null } : c)),
    })),
  };
}

/** Cached values of one sheet of a file LibreOffice wrote, read from its XML (exceljs drops a cached 0). */
async function cachedValues(file: string, sheet: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const wbXml = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const rid = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(wbXml)![1];
  const target =
    new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels) ??
    new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels);
  const xml = await zip.file(`xl/${target![1].replace(/^\/?xl\//, "")}`)!.async("string");
  const out = new Map<string, string>();
  for (const m of xml.matchAll(
    /<c r="([A-Z]+\d+)"[^>]*>(?:<f[^>]*>[^<]*<\/f>|<f[^>]*\/>)?<v>([^<]*)<\/v>/g
  ))
    out.set(m[1], m[2]);
  return out;
}

async function recalculated(
  name: string,
  bytes: Uint8Array
): Promise<{ plan: ReviewPlan; values: Map<string, Map<string, string>>; stderr: string }> {
  const r = await reviewBytes(bytes, { written: stripResults });
  const file = path.join(dir, `${name}.reviewed.xlsx`);
  await fs.writeFile(file, r.bytes);
  const outDir = path.join(dir, `${name}-lo`);
  await fs.mkdir(outDir, { recursive: true });
  const { out, stderr } = await libreofficeConvert(file, "xlsx", outDir);
  const values = new Map<string, Map<string, string>>();
  for (const s of REVIEW) values.set(s, await cachedValues(out, s));
  return { plan: r.plan, values, stderr };
}

function checkValues(plan: ReviewPlan, values: Map<string, Map<string, string>>): number {
  let n = 0;
  for (const s of plan.sheets)
    for (const c of s.cells) {
      if (!c.formula || typeof c.value !== "number") continue;
      const at = cellA1(c.row, c.col);
      const got = values.get(s.name)!.get(at);
      expect({
        cell: `${s.name}!${at}`,
        formula: c.formula,
        v: got === undefined ? undefined : Number(got),
      }).toEqual({ cell: `${s.name}!${at}`, formula: c.formula, v: expect.closeTo(c.value, 9) });
      n++;
    }
  return n;
}

test.each(SAMPLES.map((s) => [s]))(
  "%s: LibreOffice opens the reviewed file and computes every 预算汇总 formula as the model does",
  async (name) => {
    const { plan, values, stderr } = await recalculated(name, await fs.readFile(samplePath(name)));
    expect(stderr).not.toMatch(/error/i);
    expect(checkValues(plan, values)).toBeGreaterThan(30);
  }
);

test.each(STYLES.map((s) => [s.name, s] as const))(
  "variant %s: formulas over text amounts and other units compute as the model does",
  async (n, style) => {
    const v = buildVariant(style);
    const bytes = await writeXlsx(v.grids.map((grid) => ({ grid })));
    const { plan, values } = await recalculated(`variant-${STYLES.indexOf(style)}`, bytes);
    expect(checkValues(plan, values)).toBeGreaterThan(15);
    void n;
  }
);

test("every XML part of a reviewed workbook is well-formed (xmllint)", async () => {
  const r = await reviewBytes(await fs.readFile(samplePath("jishan-2024")));
  const zip = await JSZip.loadAsync(r.bytes);
  const names = Object.keys(zip.files).filter((n) => /\.(xml|rels|vml)$/.test(n));
  expect(names).toEqual(expect.arrayContaining(["xl/workbook.xml", "xl/styles.xml"]));
  for (const n of names) {
    const xml = await zip.file(n)!.async("nodebuffer");
    expect(() =>
      execFileSync("xmllint", ["--noout", "-"], { input: xml, stdio: ["pipe", "pipe", "pipe"] })
    ).not.toThrow();
  }
});
