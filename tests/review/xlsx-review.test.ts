/** The .xlsx host applies the review plan (package-review.ts): original sheets untouched, marks come off exactly, re-review replaces, other parts kept byte for byte. */
import { promises as fs } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { SAMPLES, samplePath } from "../helpers";
import { unzipSync } from "fflate";
import { isMarkFormula, NOTE_TAG } from "../../src/core/review/plan";
import { clearedBytes, load, noteText, reviewBytes, snapshot } from "./helpers";
import { cellA1, parseRef } from "../../src/core/grid/address";

const REVIEW = ["审核结果", "预算汇总"];
type CFs = Array<{
  ref: string;
  rules: Array<{
    type: string;
    formulae?: string[];
    style?: { fill?: { bgColor?: { argb?: string } } };
  }>;
}>;
const cfsOf = (ws: ExcelJS.Worksheet) =>
  (ws as unknown as { conditionalFormattings: CFs }).conditionalFormattings;

/** The snapshot without what a review adds on the user's sheets (our notes, our rules) — what must never change. */
function contentOnly(snap: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const [name, s] of Object.entries(
    snap as Record<
      string,
      { cells: Record<string, { note?: unknown }>; cf: Array<{ f: unknown[][] }> }
    >
  )) {
    const cells = Object.fromEntries(
      Object.entries(s.cells).map(([k, c]) => [
        k,
        {
          ...c,
          note: typeof c.note === "string" && c.note.startsWith(NOTE_TAG) ? undefined : c.note,
        },
      ])
    );
    out[name] = {
      ...s,
      cells,
      cf: s.cf.filter((x) => !x.f.flat().every((f) => isMarkFormula(String(f)))),
    };
  }
  return out;
}

describe.each(SAMPLES.map((s) => [s]))("%s", (name) => {
  let original: Uint8Array;
  let reviewed: Awaited<ReturnType<typeof reviewBytes>>;
  beforeAll(async () => {
    original = new Uint8Array(await fs.readFile(samplePath(name)));
    reviewed = await reviewBytes(original);
  });

  test("the review sheets come first; every original sheet keeps its values, formulas and formats cell by cell", async () => {
    const wb = await load(reviewed.bytes);
    expect(wb.worksheets.map((w) => w.name).slice(0, 2)).toEqual(REVIEW);
    const before = snapshot(await load(original));
    const after = snapshot(wb, { skipSheets: REVIEW });
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(contentOnly(after)).toEqual(contentOnly(before));
  });

  test("marks are conditional formats with the product's tag in the plan's colours, and each marked cell has our note", async () => {
    const wb = await load(reviewed.bytes);
    const marked = new Map<string, string>();
    for (const ws of wb.worksheets)
      for (const cf of cfsOf(ws))
        for (const r of cf.rules)
          if (r.type === "expression" && r.formulae?.every((f) => isMarkFormula(f)))
            for (const a of cf.ref.split(" "))
              marked.set(`${ws.name}!${a}`, r.style!.fill!.bgColor!.argb!);
    expect(marked.size).toBe(reviewed.plan.marks.length);
    for (const m of reviewed.plan.marks) {
      expect(marked.get(`${m.sheet}!${m.cell}`)).toBe(`FF${m.fill.slice(1)}`);
      expect(noteText(wb.getWorksheet(m.sheet)!.getCell(m.cell).note)).toBe(m.note);
    }
  });

  test("clearing the review restores the original sheets exactly, part for part", async () => {
    const c = clearedBytes(reviewed.bytes);
    expect(c.cleared.sheets).toBe(2);
    expect(c.cleared.notes).toBe(reviewed.plan.marks.length);
    expect(snapshot(await load(c.bytes))).toEqual(snapshot(await load(original)));
    // Every part but the styles (which keep the review's unused formats) is byte-identical to the original's.
    const before = unzipSync(original);
    const after = unzipSync(c.bytes);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const [name, data] of Object.entries(before))
      if (name !== "xl/styles.xml")
        expect({ name, same: Buffer.from(after[name]).equals(Buffer.from(data)) }).toEqual({
          name,
          same: true,
        });
  });

  test("re-reviewing a reviewed workbook replaces the review: same sheets, same marks, nothing stacked", async () => {
    const again = await reviewBytes(reviewed.bytes);
    const a = await load(reviewed.bytes);
    const b = await load(again.bytes);
    expect(b.worksheets.map((w) => w.name)).toEqual(a.worksheets.map((w) => w.name));
    expect(again.result.findings).toEqual(reviewed.result.findings);
    expect(snapshot(b)).toEqual(snapshot(a));
  });
});

test("a cell that already holds the user's note keeps it; the user's own conditional formats stay", async () => {
  const wb = await load(new Uint8Array(await fs.readFile(samplePath("jishan-2024"))));
  const first = await reviewBytes(new Uint8Array(await fs.readFile(samplePath("jishan-2024"))));
  const target = first.plan.marks[0];
  const ws = wb.getWorksheet(target.sheet)!;
  ws.getCell(target.cell).note = "用户自己的批注";
  ws.addConditionalFormatting({
    ref: "A1:B3",
    rules: [
      {
        type: "expression",
        priority: 1,
        formulae: ["$B$2>0"],
        style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FF00FF00" } } },
      },
    ],
  });
  const withNote = new Uint8Array(await wb.xlsx.writeBuffer());
  const reviewed = await reviewBytes(withNote);
  expect(reviewed.notesKept).toBe(1);
  const out = await load(reviewed.bytes);
  expect(out.getWorksheet(target.sheet)!.getCell(target.cell).note).toBe("用户自己的批注");
  const user = cfsOf(out.getWorksheet(target.sheet)!).filter((c) =>
    c.rules.some((r) => r.formulae?.includes("$B$2>0"))
  );
  expect(user).toHaveLength(1);
  expect(snapshot(await load(clearedBytes(reviewed.bytes).bytes))).toEqual(
    snapshot(await load(withNote))
  );
});

test("findings link to their cells from 审核结果", async () => {
  const r = await reviewBytes(new Uint8Array(await fs.readFile(samplePath("jishan-2024"))));
  const wb = await load(r.bytes);
  const ws = wb.getWorksheet("审核结果")!;
  const links: string[] = [];
  ws.eachRow((row) =>
    row.eachCell((c) => {
      const v = c.value as ExcelJS.CellFormulaValue;
      if (v && typeof v === "object" && "formula" in v && v.formula.startsWith("HYPERLINK("))
        links.push(v.formula);
    })
  );
  // One per finding, then one per suspected error the localizer found.
  expect(links.length).toBe(
    r.result.findings.filter((f) => f.cells.length).length +
      r.result.causes.filter((c) => c.suspects.length).length
  );
  const f0 = parseRef(r.result.findings[0].cells[0]);
  expect(links[0]).toContain(`!${cellA1(f0.r0, f0.c0)}"`);
});

test("charts, pictures, macros and pivot tables are carried over byte for byte", async () => {
  const zip = await JSZip.loadAsync(await fs.readFile(samplePath("jishan-2024")));
  const extra: Record<string, string> = {
    "xl/charts/chart1.xml":
      '<?xml version="1.0"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>',
    "xl/media/image1.png": "\u0089PNG not really",
    "xl/vbaProject.bin": "macro bytes",
    "xl/pivotTables/pivotTable1.xml": "<pivotTableDefinition/>",
  };
  for (const [n, v] of Object.entries(extra)) zip.file(n, v);
  const input = await zip.generateAsync({ type: "uint8array" });
  const reviewed = await reviewBytes(input);
  const parts = unzipSync(reviewed.bytes);
  for (const n of Object.keys(extra))
    expect(Buffer.from(parts[n]).equals(Buffer.from(unzipSync(input)[n]))).toBe(true);
  expect((await load(reviewed.bytes)).worksheets.map((w) => w.name).slice(0, 2)).toEqual(REVIEW);
});

test("a workbook with a chart sheet (bad input 17c) is reviewed in place, its chart kept", async () => {
  const input = new Uint8Array(
    await fs.readFile(
      path.join(__dirname, "..", "fixtures", "bad-inputs", "17c-sample-plus-chartsheet.xlsx")
    )
  );
  const reviewed = await reviewBytes(input);
  const before = unzipSync(input);
  const after = unzipSync(reviewed.bytes);
  const charts = Object.keys(before).filter((n) => /chart/i.test(n) && !n.endsWith(".rels"));
  expect(charts.length).toBeGreaterThan(0);
  for (const n of charts) expect(Buffer.from(after[n]).equals(Buffer.from(before[n]))).toBe(true);
  expect(reviewed.plan.marks.length).toBeGreaterThan(0);
  const wbXml = Buffer.from(after["xl/workbook.xml"]).toString("utf8");
  expect(wbXml.indexOf('name="审核结果"')).toBeLessThan(
    wbXml.indexOf("<sheet ", wbXml.indexOf('name="预算汇总"'))
  );
});

test("a large sheet (20,000 styled empty rows) is edited around its cell data, which is carried over byte for byte", async () => {
  const zip = await JSZip.loadAsync(await fs.readFile(samplePath("jishan-2024")));
  const part = "xl/worksheets/sheet2.xml";
  const xml = await zip.file(part)!.async("string");
  const last = Number([...xml.matchAll(/<row r="(\d+)"/g)].pop()![1]);
  const rows = Array.from(
    { length: 20000 },
    (_, i) => `<row r="${last + 1 + i}"><c r="A${last + 1 + i}" s="1"/></row>`
  ).join("");
  zip.file(part, xml.replace("</sheetData>", `${rows}</sheetData>`));
  const input = await zip.generateAsync({ type: "uint8array" });
  const reviewed = await reviewBytes(input);
  const data = (b: Uint8Array) => {
    const s = Buffer.from(b).toString("utf8");
    return s.slice(s.indexOf("<sheetData"), s.indexOf("</sheetData>"));
  };
  expect(data(unzipSync(reviewed.bytes)[part])).toBe(data(unzipSync(input)[part]));
  const sheetName = (await load(input)).worksheets[1].name;
  const marks = reviewed.plan.marks.filter((m) => m.sheet === sheetName);
  expect(marks.length).toBeGreaterThan(0);
  expect(Buffer.from(unzipSync(reviewed.bytes)[part]).toString("utf8")).toContain(
    `sqref="${marks
      .filter((m) => m.severity === marks[0].severity && m.strength === marks[0].strength)
      .map((m) => m.cell)
      .join(" ")}"`
  );
});
