/**
 * Field cases (tests/fixtures/field-cases/*.md, copied from the shared set): the problem a careful reviewer expects,
 * at the expected cells with an acceptable severity — and nothing on the clean twins.
 */
import { promises as fs } from "fs";
import path from "path";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Finding } from "../../src/core/rules/rule";
import { serious } from "../helpers";

const dir = path.join(__dirname, "..", "fixtures", "field-cases");
async function findings(file: string): Promise<Finding[]> {
  const { grids } = await readXlsxBuffer(await fs.readFile(path.join(dir, file)));
  return checkReport(importWorkbook(grids)).findings;
}
const summary = (fs: Finding[]) => fs.map((f) => `${f.rule} ${f.severity} ${f.cells[0]}`);

describe.each([
  "01-car-split-missing",
  "02-func-not-item-level",
  "04-govfund-table-vs-fiscal",
  "05-code-typo-2031-39-99",
])("%s", (name) => {
  test("the clean twin: no finding at all", async () => {
    expect(summary(await findings(`${name}.clean.xlsx`))).toEqual([]);
  });
});

test("01: the combined 公务用车购置及运行费 line without 购置费 / 运行维护费 is one warning at that line", async () => {
  const fs = await findings("01-car-split-missing.xlsx");
  expect(summary(fs)).toEqual(["completeness.vehicle-split warning 预算公开表10!A8"]);
  expect(fs[0].message).toMatch(/公务用车购置费/);
  expect(fs[0].message).toMatch(/运行/);
});

test("02: functional tables cut at 款: one warning per table naming the 款 rows without 项", async () => {
  const fs = await findings("02-func-not-item-level.xlsx");
  expect(summary(fs)).toEqual(
    ["预算公开表2", "预算公开表3", "预算公开表5"].map(
      (s) => `completeness.functional-depth warning ${s}!A8`
    )
  );
  const t5 = fs.find((f) => f.cells[0] === "预算公开表5!A8")!;
  expect(t5.cells).toEqual([
    "预算公开表5!A8",
    "预算公开表5!A10",
    "预算公开表5!A12",
    "预算公开表5!A14",
  ]);
  for (const code of ["20103", "20805", "21011", "22102"]) expect(t5.message).toContain(code);
});

test("04: the 政府性基金预算支出表 disagrees with 表4, 表2, 表7 — errors at its cells, the total citing every counterpart", async () => {
  const fs = await findings("04-govfund-table-vs-fiscal.xlsx");
  expect(
    serious(fs).every(
      (f) =>
        f.severity === "error" &&
        f.rule.startsWith("cross.gov-fund") &&
        f.cells[0].startsWith("预算公开表8!")
    )
  ).toBe(true);
  const total = fs.find((f) => f.cells[0] === "预算公开表8!C5")!;
  expect(total).toMatchObject({
    rule: "cross.gov-fund",
    severity: "error",
    actual: 25,
    expected: 30,
    difference: -5,
  });
  for (const c of ["预算公开表4!F38", "预算公开表2!E6", "预算公开表7!C6"])
    expect(total.cells).toContain(c);
  expect(fs.find((f) => f.cells[0] === "预算公开表8!C8")!.cells).toContain("预算公开表2!E22");
});

test.each([
  ["05-code-typo-2031-39-99.xlsx", "20313999"],
  ["05-code-typo-2031-39-99.b.xlsx", "201399"],
  ["05-code-typo-2031-39-99.c.xlsx", "2O13999"],
])(
  "05: %s — one naming warning at the code cell, no arithmetic error blamed on the totals",
  async (file, printed) => {
    const fs = await findings(file);
    expect(summary(fs)).toEqual(["naming.code-format warning 预算公开表5!A11"]);
    expect(fs[0].message).toContain(printed);
    expect(fs[0].message).toContain("2013999");
  }
);
