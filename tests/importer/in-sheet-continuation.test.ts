/**
 * A table going on further down its own sheet under a 续 line and its header printed again, with no title (四川:
 * 表1-2（续） over the repeated two-row header, tester31 T31-19). Before, the 续 line 表1-2（续） was read as a line of the
 * table (a level-1 line without figures), and the not-checked list said “续表已合并核对：没有续表”. The 续 line is the
 * mark of a continuation, never a line: the table's lines are the plain workbook's, and input.continued-table says the
 * table goes on on the same sheet. Every generated template, the marker as the label with 续 or as a 续表 line alone;
 * then tester31's 四川 county file.
 */
import { promises as fs } from "fs";
import path from "path";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import type { Report, TableKind } from "../../src/core/model/schema";
import { STYLES, buildVariant } from "../fixtures/variants";
import { serious } from "../helpers";

const CONTINUED: TableKind[] = ["general_budget_expenditure", "basic_expenditure_economic"];
const lines = (r: Report, kind: TableKind) =>
  r.tables
    .find((t) => t.kind === kind)!
    .rows.map((x) => `${x.level} ${x.code ?? ""} ${x.label.trim()}${x.partial ? " 其中" : ""}`);
const kinds = (r: ReturnType<typeof checkReport>) =>
  r.findings
    .filter((f) => f.rule !== "input.continued-table")
    .map((f) => `${f.severity} ${f.rule}`)
    .sort();

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const plainReport = importWorkbook(buildVariant(style).grids);
  const plain = checkReport(plainReport);
  test.each(["{label}（续）", "{label}续表", "（续表一）", "续表"])(
    "the header printed again under a line %s (no title): one table, the 续 line no line of it, said continued on its sheet",
    (marker) => {
      const v = buildVariant(style, {
        continued: { kinds: CONTINUED, named: false, marker, headerOnly: true },
      });
      const report = importWorkbook(v.grids);
      expect(report.tables.map((t) => t.kind)).toEqual(v.expected.map((e) => e.kind));
      for (const kind of CONTINUED) {
        expect(lines(report, kind)).toEqual(lines(plainReport, kind));
        const t = report.tables.find((x) => x.kind === kind)!;
        expect(t.continued?.map((c) => c.sheet)).toEqual([t.sheet]);
      }
      const res = checkReport(report);
      expect(serious(res.findings)).toEqual([]);
      expect(kinds(res)).toEqual(kinds(plain));
      const said = res.findings.filter((f) => f.rule === "input.continued-table");
      expect(said.map((f) => f.message)).toEqual(
        CONTINUED.map(() =>
          expect.stringMatching(/续接在同一工作表的 [A-Z]+\d+:[A-Z]+\d+，已合并为一张表核对$/)
        )
      );
    }
  );
});

test("tester31's sichuan-county.xlsx: 表1-2（续） is no line of 表1-2, which is said continued on its sheet", async () => {
  const { grids } = await readXlsxBuffer(
    await fs.readFile(path.join(__dirname, "../fixtures/tester31/sichuan-county.xlsx"))
  );
  const report = importWorkbook(grids);
  const t = report.tables.find((x) => x.sheet === "表1-2")!;
  expect(t.rows.filter((r) => /续/.test(r.label))).toEqual([]);
  expect(t.rows.filter((r) => r.level === 1).map((r) => r.code)).toEqual([
    "201",
    "208",
    "210",
    "221",
    "229",
  ]);
  const res = checkReport(report, { localize: false });
  expect(res.findings.filter((f) => f.rule === "input.continued-table")).toEqual([
    expect.objectContaining({
      message: "表1-2（支出总表）续接在同一工作表的 A17:I29，已合并为一张表核对",
      cells: ["'表1-2'!A17"],
    }),
  ]);
});
