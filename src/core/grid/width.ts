/**
 * Column widths and the width a number needs: Excel (and LibreOffice, and the PDF either exports) prints a number
 * with a number format that does not fit its column as ####, so the published table shows no figure there.
 *
 * Units: Excel's 列宽, characters of the normal font's widest digit (ECMA-376 Part 1, 18.3.1.13 col/@width: the file
 * stores Truncate((chars × digit width + 5 px padding) / digit width × 256) / 256, so 8.43 shown = 9.140625 stored).
 */

/** Excel's default column width as shown (64 px with an 11-point normal font: 8.43 characters). */
export const DEFAULT_COLUMN_WIDTH = 8.43;

/** The 5-pixel cell padding in characters of a 7-pixel digit. */
const PADDING = 5 / 7;

/** A width as a file stores it (col/@width, sheetFormatPr/@defaultColWidth, BIFF COLINFO / 256) → as Excel shows it. */
export function widthFromStored(stored: number): number {
  return Math.max(0, stored - PADDING);
}

/**
 * Characters of the widest digit that `text` needs, printed in the normal font: digits 1 each; thousands separators
 * and the decimal point are narrow (about 0.45 of a digit in Calibri, 等线 and 宋体), signs and brackets about 0.6.
 */
export function printedWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    if (ch >= "0" && ch <= "9") w += 1;
    else if (ch === "," || ch === "." || ch === " ") w += 0.45;
    else if (ch === "-" || ch === "(" || ch === ")" || ch === "+") w += 0.6;
    else if (ch.charCodeAt(0) > 0x2e7f)
      w += 2; // a CJK character is two digits wide
    else w += 1;
  }
  return w;
}

/**
 * Whether a formatted number printed as `text` shows as #### in a column `width` characters wide (the sum of the
 * columns of a merged cell). The text may use the padding's 5 px less about 2 px of margin; a quarter digit more is
 * allowed before saying so, since fonts differ a little (a false "####" would send the reviewer to widen a column for
 * nothing, a missed one only costs what the printout shows).
 */
export function printsAsHashes(text: string, width: number): boolean {
  return printedWidth(text) > width + PADDING - 0.3 + 0.25;
}

/**
 * Whether a cell's number format prints a number as it is or as ####: General (常规) shortens a number to fit
 * instead (fewer decimals, then 1.2E+07), and text (@) formats hold text; every other number format prints ####.
 */
export function hashesWhenNarrow(numberFormat: string): boolean {
  const f = numberFormat.trim();
  return f !== "" && !/^general$/i.test(f) && f !== "@" && /[0#?]/.test(f);
}
