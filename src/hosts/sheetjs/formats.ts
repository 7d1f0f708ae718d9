/** The legacy formats SheetJS reads for the hosts, and how each is named to the reviewer — apart from the reader, which loads SheetJS (a tenth of a second) only when such a file comes. */
export type SheetjsFormat = "xls" | "ods" | "xlsb";

/** How each format is named to the reviewer (.xlsx: only when SheetJS reads one, as `npm run bench` does). */
export const FORMAT_NAMES: Record<SheetjsFormat | "xlsx", string> = {
  xlsx: ".xlsx",
  xls: ".xls（Excel 97-2003）",
  ods: ".ods（OpenDocument 电子表格）",
  xlsb: ".xlsb（Excel 二进制工作簿）",
};
