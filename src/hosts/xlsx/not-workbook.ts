/**
 * What a file that is neither a zip nor a Compound File is, told by its content (its extension may lie): PDF, a
 * picture, an archive, RTF, a web page or XML, JSON, CSV / tab-separated / plain text — and what the reviewer should do.
 * The reader calls `describeNotWorkbook` only after the workbook formats it accepts (.xlsx/.xlsm, .xls, .ods, .xlsb)
 * were ruled out, so the sentence never says "not .xlsx" of a format the tool reads.
 */
import { WorkbookReadError } from "./errors";

const SAVE_AS = "请在 Excel 或 WPS 中打开后另存为“Excel 工作簿（.xlsx）”再审核";

/** Leading bytes of common non-workbook files (ASCII signatures; `\x..` for the binary ones). */
const SIGNATURES: ReadonlyArray<readonly [string, string]> = [
  [
    "%PDF-",
    "是 PDF 文件，不是工作簿：PDF 中的表格无法核对，请向编制单位索取公开表的 Excel 原文件（或用 WPS/Excel 把 PDF 转为工作簿并核对转换结果后另存为 .xlsx）再审核",
  ],
  ["\x89PNG", "是 PNG 图片，不是工作簿：请改用公开表的 Excel 原文件审核"],
  ["\xff\xd8\xff", "是 JPEG 图片，不是工作簿：请改用公开表的 Excel 原文件审核"],
  ["GIF8", "是 GIF 图片，不是工作簿：请改用公开表的 Excel 原文件审核"],
  ["BM", ""], // BMP: checked with its header size below (two letters alone are too common in text)
  ["{\\rtf", `是 RTF 格式的文字文档，不是工作簿：${SAVE_AS}`],
  ["Rar!\x1a\x07", "是 RAR 压缩包，不是工作簿：请先解压，再审核其中的工作簿"],
  ["7z\xbc\xaf\x27\x1c", "是 7z 压缩包，不是工作簿：请先解压，再审核其中的工作簿"],
  ["\x1f\x8b", "是 gzip 压缩文件，不是工作簿：请先解压，再审核其中的工作簿"],
];

function startsWith(b: Uint8Array, sig: string): boolean {
  if (b.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[i] !== sig.charCodeAt(i)) return false;
  return true;
}

/** The first 4 KiB as text when they look like text: UTF-16 with a BOM, or bytes without NUL and with few controls (UTF-8 or GBK alike). */
function asText(b: Uint8Array): string | undefined {
  const head = b.subarray(0, 4096);
  if (
    head.length >= 2 &&
    ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))
  )
    return new TextDecoder(head[0] === 0xff ? "utf-16le" : "utf-16be").decode(head.subarray(2));
  let controls = 0;
  for (const x of head) {
    if (x === 0) return undefined;
    if (x < 0x20 && x !== 9 && x !== 10 && x !== 13 && x !== 0x1b && x !== 0x0c) controls++;
  }
  if (controls > head.length / 100) return undefined;
  // Non-UTF-8 bytes (GBK, as Chinese Excel saves CSV) decode to U+FFFD: the separators and digits still show.
  return new TextDecoder("utf-8", { fatal: false }).decode(head).replace(/^\ufeff/, "");
}

/** CSV / tab-separated when at least 60 % of the first 20 non-blank lines hold the separator (quoted fields vary the count). */
function separated(text: string, sep: string): boolean {
  const lines = text
    .split(/\r?\n/)
    .slice(0, 20)
    .filter((l) => l.trim());
  return (
    lines.length > 0 && lines.filter((l) => l.includes(sep)).length >= Math.ceil(lines.length * 0.6)
  );
}

/** The whole file parses as JSON (UTF-8, a BOM allowed). */
function isJson(b: Uint8Array): boolean {
  try {
    JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(b).replace(/^\ufeff/, ""));
    return true;
  } catch {
    return false;
  }
}

/**
 * The error for bytes that are no zip and no Compound File: one Chinese sentence saying what the file is and what to
 * do. Shapes: `WorkbookReadError` with code "not_xlsx" (never thrown here; the caller throws it).
 */
export function describeNotWorkbook(input: Uint8Array): WorkbookReadError {
  for (const [sig, message] of SIGNATURES) {
    if (!startsWith(input, sig)) continue;
    if (sig === "BM") {
      // A BMP's header gives the file size at bytes 2..5 (little-endian).
      const size =
        input.length >= 6 ? input[2] | (input[3] << 8) | (input[4] << 16) | (input[5] << 24) : -1;
      if (size === input.length)
        return new WorkbookReadError(
          "not_xlsx",
          "是 BMP 图片，不是工作簿：请改用公开表的 Excel 原文件审核"
        );
      continue;
    }
    return new WorkbookReadError("not_xlsx", message);
  }
  const text = asText(input);
  if (text === undefined)
    return new WorkbookReadError(
      "not_xlsx",
      `不是工作簿文件：内容不是 Excel（.xlsx、.xlsm、.xls、.xlsb）或 .ods 电子表格，可能已损坏或是其他程序的文件；${SAVE_AS}`
    );
  const head = text.trimStart();
  // 财政 systems' “导出 Excel” often writes HTML: from <html>, a <table> or a <meta> line first, after a comment …
  const markup = head
    .slice(0, 4096)
    .replace(/<!--[\s\S]*?-->|<\?xml[^>]*>/g, "")
    .trimStart();
  if (/^<(!doctype html|html|head|body|table|meta|style|title)\b/i.test(markup))
    return new WorkbookReadError(
      "not_xlsx",
      `是网页（HTML）文本，不是工作簿（可能由系统导出为网页后改成了 Excel 扩展名）：${SAVE_AS}`
    );
  if (/^<\?xml/i.test(head) || /^<[A-Za-z]/.test(head))
    return new WorkbookReadError(
      "not_xlsx",
      `是 XML 文本，不是工作簿（可能是“XML 电子表格 2003”或由系统导出后改了扩展名）：${SAVE_AS}`
    );
  // JSON (an extraction, an export of a 预算一体化 system's API): its commas would read as CSV (tester31 T31-27), and
  // Excel cannot turn it into the published tables.
  if (/^[{[]/.test(head) && isJson(input))
    return new WorkbookReadError(
      "not_xlsx",
      "是 JSON 数据文件，不是工作簿（没有表样、单位和格式，无法按公开表审核）：请改用公开表的 Excel 原文件审核"
    );
  if (separated(text, "\t"))
    return new WorkbookReadError(
      "not_xlsx",
      `是制表符分隔的文本文件，不是工作簿（没有表样、单位和格式，无法按公开表审核）：${SAVE_AS}`
    );
  if (separated(text, ",") || separated(text, ";"))
    return new WorkbookReadError(
      "not_xlsx",
      `是 CSV 文本文件（逗号分隔的文字），不是工作簿（没有表样、单位和格式，无法按公开表审核）：${SAVE_AS}`
    );
  return new WorkbookReadError("not_xlsx", `是纯文本文件，不是工作簿：${SAVE_AS}`);
}
