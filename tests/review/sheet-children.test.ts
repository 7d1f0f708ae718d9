/**
 * What the reviewed copy adds to a worksheet (marks' <conditionalFormatting>, a <legacyDrawing> for the notes) goes
 * among the worksheet's own children, in their schema order (ECMA-376 §18.3.1.99 CT_Worksheet) — never inside a
 * child that holds elements of the same names (newcomer10 NC10-2: an <extLst> inside the user's data-bar <cfRule>,
 * which Excel 2010+ writes for every data bar and icon set; the <pageMargins> … of a <customSheetView>). Either made
 * the sheet invalid and Excel repair the copy.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { promises as fs } from "fs";
import { SaxesParser } from "saxes";
import { samplePath } from "../helpers";
import { insertBefore } from "../../src/hosts/xlsx/package-review";
import { reviewBytes } from "./helpers";

/** CT_Worksheet's children in order. */
const ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/** The worksheet's children (local names) and every legacyDrawing's / conditionalFormatting's depth. */
function children(xml: string): { top: string[]; nested: string[] } {
  const top: string[] = [];
  const nested: string[] = [];
  let depth = 0;
  const p = new SaxesParser({ xmlns: false });
  p.on("opentag", (t) => {
    const local = t.name.replace(/^.*:/, "");
    if (depth === 1) top.push(local);
    else if (
      depth > 1 &&
      (local === "legacyDrawing" || local === "conditionalFormatting") &&
      !t.name.includes(":")
    )
      nested.push(`${local}@${depth}`);
    depth++;
  });
  p.on("closetag", () => depth--);
  p.write(xml).close();
  return { top, nested };
}

const DATA_BAR =
  '<conditionalFormatting sqref="C5:E9"><cfRule type="dataBar" priority="1"><dataBar><cfvo type="min"/><cfvo type="max"/>' +
  '<color rgb="FF638EC6"/></dataBar><extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" ' +
  'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:id>{00000000-0001-0002-0003-000000000004}</x14:id>' +
  "</ext></extLst></cfRule></conditionalFormatting>";
const CUSTOM_VIEW =
  '<customSheetViews><customSheetView guid="{11111111-2222-3333-4444-555555555555}"><pageMargins left="0.7" right="0.7" ' +
  'top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup orientation="landscape"/></customSheetView></customSheetViews>';

/** Each worksheet of the sample given the user's data bar, or a custom view, after its sheetData. */
async function withUserParts(part: string): Promise<Uint8Array> {
  const files = unzipSync(await fs.readFile(samplePath("jishan-2024")));
  for (const name of Object.keys(files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const xml = strFromU8(files[name]);
    const cut = xml.indexOf("</sheetData>") + "</sheetData>".length;
    const mergeAt = xml.indexOf("<mergeCells", cut);
    // Custom views go before mergeCells; a data bar after mergeCells (schema order).
    const at =
      part === CUSTOM_VIEW
        ? mergeAt >= 0
          ? mergeAt
          : cut
        : xml.indexOf("<", mergeAt >= 0 ? xml.indexOf("</mergeCells>", mergeAt) + 13 : cut);
    files[name] = strToU8(xml.slice(0, at) + part + xml.slice(at));
  }
  return zipSync(files);
}

test("insertBefore places a block before the worksheet's own child, not a nested one of the same name", () => {
  const sheet = `<worksheet><sheetData/>${DATA_BAR}<pageMargins/><extLst><ext uri="x"/></extLst></worksheet>`;
  const out = insertBefore(sheet, ["legacyDrawingHF", "extLst"], "<legacyDrawing/>");
  expect(out).toBe(
    `<worksheet><sheetData/>${DATA_BAR}<pageMargins/><legacyDrawing/><extLst><ext uri="x"/></extLst></worksheet>`
  );
  const view = `<worksheet><sheetData></sheetData>${CUSTOM_VIEW}<mergeCells/></worksheet>`;
  expect(insertBefore(view, ["dataValidations", "pageMargins", "extLst"], "<x/>")).toBe(
    `${view.slice(0, -12)}<x/></worksheet>`
  );
});

test.each([
  ["a data bar with its extLst (Excel 2010+)", DATA_BAR],
  ["a custom view", CUSTOM_VIEW],
])(
  "with %s on every sheet, the reviewed sheets keep the schema's order of children",
  async (_w, part) => {
    const r = await reviewBytes(await withUserParts(part));
    const files = unzipSync(r.bytes);
    const sheets = Object.keys(files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    let marked = 0;
    for (const name of sheets) {
      const xml = strFromU8(files[name]);
      const { top, nested } = children(xml);
      expect([name, nested]).toEqual([name, []]);
      const ranks = top.map((c) => ORDER.indexOf(c));
      expect([name, ranks.every((k, i) => k >= 0 && (i === 0 || k >= ranks[i - 1]))]).toEqual([
        name,
        true,
      ]);
      if (top.includes("legacyDrawing")) marked++;
    }
    expect(marked).toBeGreaterThan(0);
  }
);
