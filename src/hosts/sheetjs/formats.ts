/** The legacy formats SheetJS reads for the hosts (and the markup that systems export as .xls: markup.ts), and how each is named to the reviewer — apart from the reader, which loads SheetJS (a tenth of a second) only when such a file comes. */
export type SheetjsFormat = "xls" | "ods" | "xlsb" | "html" | "xml2003";

/** How each format is named to the reviewer (.xlsx: only when SheetJS reads one, as `npm run bench` does). */
export const FORMAT_NAMES: Record<SheetjsFormat | "xlsx", string> = {
  xlsx: ".xlsx",
  xls: ".xls（Excel 97-2003）",
  ods: ".ods（OpenDocument 电子表格）",
  xlsb: ".xlsb（Excel 二进制工作簿）",
  html: "网页（HTML）",
  xml2003: "XML 电子表格 2003",
};

/** A format's name inside a Chinese sentence: a space before a Latin one (这是 .xls（…）格式), none before 网页（HTML）. */
export const formatInText = (format: SheetjsFormat | "xlsx"): string =>
  /^[\x21-\x7e]/.test(FORMAT_NAMES[format]) ? ` ${FORMAT_NAMES[format]}` : FORMAT_NAMES[format];
