/** Text as Excel displays a value under the number formats budget workbooks use (the bench's Range.text). */
import { displayText } from "../../src/core/grid/display";
import { formatDecimals } from "../../src/core/grid/amount";

test.each([
  [450.05, "0.00", "450.05"],
  [211.6, "0.00", "211.60"],
  [40, "0.00", "40.00"],
  [1705.54, "#,##0.00", "1,705.54"],
  [603840, "#,##0", "603,840"],
  [3983000, "#,##0", "3,983,000"],
  [1, "0", "1"],
  [0.0349, "0.00%", "3.49%"],
  [0.5, "0%", "50%"],
  [-12.5, "#,##0.00;-#,##0.00", "-12.50"],
  [-12.5, "#,##0.00;[Red](#,##0.00)", "(12.50)"],
  [450.05, "General", "450.05"],
  [40, "General", "40"],
  [0.1 + 0.2, "General", "0.3"],
  ["1,148.53", "@", "1,148.53"],
  ["", "0.00", ""],
  [true, "General", "TRUE"],
  // Scientific formats on 科目编码 cells (NC11-6): Excel's mantissa 1 ≤ m < 10, never "201.00E+00".
  [201, "0.00E+00", "2.01E+02"],
  [20108, "0.00E+00", "2.01E+04"],
  [2010801, "0.00E+00", "2.01E+06"],
  [2296002, "0.00E+00", "2.30E+06"],
  [0.00123, "0.00E+00", "1.23E-03"],
  [99999, "0.0E+0", "1.0E+5"],
  [12345, "##0.0E+0", "12.3E+3"],
])("%p in %s shows %s", (v, fmt, shown) => {
  expect(displayText(v, fmt)).toBe(shown);
});

test.each([
  ["0.00", 2],
  ["#,##0.00", 2],
  ["#,##0", 0],
  ["0.0%", 1],
  // Optional decimals (tester29b T29B-16): the printing step is still 0.01 / 0.01 / 0.001.
  ["#,##0.##", 2],
  ["0.0#", 2],
  ["#.00", 2],
  ["0.??0", 3],
  ["General", undefined],
  ["@", undefined],
])("format %s prints %p decimals", (fmt, d) => {
  expect(formatDecimals(fmt)).toBe(d);
});
