/**
 * A package whose shared-string part (xl/sharedStrings.xml) is missing (tester30 T30-5): every text cell indexes
 * into nothing, so every label is gone. Before, the file read as "not a budget" (input.no-tables); it is a damaged
 * file, said as such in one Chinese sentence. A package that needs no shared strings (inline strings only) reads.
 */
import { promises as fs } from "fs";
import path from "path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { readWorkbookBuffer } from "../../src/hosts/read-any";
import { WorkbookReadError } from "../../src/hosts/xlsx/errors";

const SAMPLES = ["jishan-2024", "jincheng-chengqu-2025", "xingxian-2023"];
const load = async (name: string) =>
  unzipSync(
    new Uint8Array(await fs.readFile(path.join(__dirname, "../../samples", `${name}.xlsx`)))
  );
const RELS = "xl/_rels/workbook.xml.rels";
const withoutRel = (files: Record<string, Uint8Array>) =>
  strToU8(strFromU8(files[RELS]).replace(/<Relationship\b[^>]*sharedStrings[^>]*\/>/, ""));

async function readError(files: Record<string, Uint8Array>): Promise<WorkbookReadError> {
  try {
    await readWorkbookBuffer(zipSync(files));
  } catch (e) {
    return e as WorkbookReadError;
  }
  throw new Error("read without error");
}

/** The shared strings written into each text cell (t="inlineStr"), the part and its relationship removed. */
function inlined(files: Record<string, Uint8Array>): Record<string, Uint8Array> {
  const items = [...strFromU8(files["xl/sharedStrings.xml"]).matchAll(/<si>([\s\S]*?)<\/si>/g)].map(
    (m) => [...m[1].matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join("")
  );
  const out: Record<string, Uint8Array> = {};
  for (const [name, bytes] of Object.entries(files)) {
    if (name === "xl/sharedStrings.xml") continue;
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) {
      out[name] = name === RELS ? withoutRel(files) : bytes;
      continue;
    }
    out[name] = strToU8(
      strFromU8(bytes).replace(
        /<c\b([^>]*?)\bt="s"([^>]*)><v>(\d+)<\/v><\/c>/g,
        (_m, a: string, b: string, i: string) =>
          `<c${a}t="inlineStr"${b}><is><t xml:space="preserve">${items[Number(i)]}</t></is></c>`
      )
    );
  }
  return out;
}

describe.each(SAMPLES)("%s", (name) => {
  test("the part removed, its relationship kept: 共享字符串部件缺失, 文件已损坏", async () => {
    const files = await load(name);
    delete files["xl/sharedStrings.xml"];
    const e = await readError(files);
    expect(e).toBeInstanceOf(WorkbookReadError);
    expect(e.code).toBe("sheet_missing");
    expect(e.message).toMatch(
      /^共享字符串部件（xl\/sharedStrings\.xml）在文件中缺失，.*文件已损坏/
    );
  });

  test("the part and its relationship removed: the same sentence, without the part's name", async () => {
    const files = await load(name);
    delete files["xl/sharedStrings.xml"];
    files[RELS] = withoutRel(files);
    const e = await readError(files);
    expect(e.code).toBe("sheet_missing");
    expect(e.message).toMatch(/^共享字符串部件在文件中缺失，/);
  });

  test("inline strings and no shared-string part: read, with the same labels", async () => {
    const files = await load(name);
    const plain = await readWorkbookBuffer(zipSync(files));
    const inline = await readWorkbookBuffer(zipSync(inlined(files)));
    expect(inline.grids.map((g) => g.values)).toEqual(plain.grids.map((g) => g.values));
  });
});
