/**
 * Notes (comments) kept in a folder of their own with absolute targets, as openpyxl writes them
 * (xl/comments/comment1.xml, /xl/drawings/commentsDrawing1.vml; newcomer8 w16 / w17): exceljs 4.4.0 cannot match them to
 * their sheet and refused the whole workbook as "已损坏". Read now (cells only, the notes left to the package writer),
 * the same grids as without the notes, and the reviewed copy keeps the user's note.
 */
import { promises as fs } from "fs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { samplePath, SAMPLES } from "../helpers";
import { reviewBytes } from "../review/helpers";

/** The sample with a note on the first cell of every sheet, laid out as openpyxl writes notes. */
function withOpenpyxlNotes(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const sheets = Object.keys(files)
    .filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p))
    .sort();
  let types = strFromU8(files["[Content_Types].xml"]);
  sheets.forEach((part, i) => {
    const n = i + 1;
    files[`xl/comments/comment${n}.xml`] = strToU8(
      `<?xml version="1.0" encoding="utf-8"?><comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>审核</author></authors><commentList><comment ref="A1" authorId="0"><text><t>请按财政局要求填列</t></text></comment></commentList></comments>`
    );
    files[`xl/drawings/commentsDrawing${n}.vml`] = strToU8(
      `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shape type="#_x0000_t202" style="visibility:hidden"><x:ClientData ObjectType="Note"><x:Row>0</x:Row><x:Column>0</x:Column></x:ClientData></v:shape></xml>`
    );
    const rels = `xl/worksheets/_rels/${part.split("/").pop()}.rels`;
    const own = files[rels]
      ? strFromU8(files[rels]).replace(/<\/Relationships>\s*$/, "")
      : `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`;
    files[rels] = strToU8(
      `${own}<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="/xl/comments/comment${n}.xml" Id="comments" /><Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing" Target="/xl/drawings/commentsDrawing${n}.vml" Id="anysvml" /></Relationships>`
    );
    files[part] = strToU8(
      strFromU8(files[part]).replace(
        /<\/worksheet>\s*$/,
        '<legacyDrawing r:id="anysvml"/></worksheet>'
      )
    );
    types = types.replace(
      "</Types>",
      `<Override PartName="/xl/comments/comment${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/></Types>`
    );
  });
  if (!/Extension="vml"/.test(types))
    types = types.replace(
      "</Types>",
      `<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/></Types>`
    );
  files["[Content_Types].xml"] = strToU8(types);
  return zipSync(files);
}

test.each(SAMPLES.map((s) => [s]))(
  "%s with openpyxl-style notes: read, and the notes kept",
  async (name) => {
    const plain = new Uint8Array(await fs.readFile(samplePath(name)));
    const noted = withOpenpyxlNotes(plain);
    const a = await readXlsxBuffer(plain);
    const b = await readXlsxBuffer(noted);
    expect(b.grids.map((g) => g.values)).toEqual(a.grids.map((g) => g.values));
    const reviewed = await reviewBytes(noted);
    const out = unzipSync(reviewed.bytes);
    expect(strFromU8(out["xl/comments/comment1.xml"])).toContain("请按财政局要求填列");
  }
);
