/**
 * A “三公” table whose name column is captioned by the table's subject, “三公”经费 | 预算数 (云南, tester31 T31-13),
 * alone or with the 机关运行经费 block beside it (“三公”经费 | 预算数 | | 机关运行经费 | 预算数). “三公”经费 is also an
 * amount caption (“三公”经费合计 over a laid-across table's first figure), so the column was an amount column read as
 * words: every line lost its name (label "", labelCell in the amount column), and the table got a false
 * “合计 ≠ 各一级行之和 0.00” and “只列示了合计”; 机关运行经费's 预算数 became a second 三公 column. Now the words left of
 * the amounts are the names whatever their caption says, and a worded column the title names starts a block of its own.
 */
import { promises as fs } from "fs";
import path from "path";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Report, Table } from "../../src/core/model/schema";
import { STYLES, buildVariant, type VariantOptions } from "../fixtures/variants";
import { serious } from "../helpers";

type Header = NonNullable<VariantOptions["threePublicColumn"]>["header"];
const table = (r: Report): Table => r.tables.find((t) => t.kind === "three_public")!;
const read = (style: (typeof STYLES)[number], header: Header, wrong?: number) =>
  importWorkbook(
    buildVariant(style, {
      threePublicColumn: { header, ...(wrong ? { wrong: { line: "total", by: wrong } } : {}) },
    }).grids
  );
const col = (cell: string) => cell.replace(/^.*!/, "").replace(/\d+$/, "");

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  describe.each(["subject", "subjectBeside"] as const)("header %s", (header) => {
    test("every line named from the name column; one amount key; no finding", () => {
      const report = read(style, header);
      const t = table(report);
      expect(t).toBeDefined();
      const three = t.rows.filter((r) => r.key !== "operating_funds");
      expect(three.map((r) => r.key)).toEqual(
        expect.arrayContaining(["total", "abroad", "vehicle", "vehicle_operation", "reception"])
      );
      for (const r of t.rows) {
        expect(r.label).not.toBe("");
        const amountCols = Object.values(r.amounts).map((a) => col(a.cell));
        expect(amountCols).not.toContain(col(r.labelCell));
      }
      expect(t.columns.map((c) => c.key)).toEqual(["total"]);
      if (header === "subjectBeside") {
        const of = t.rows.find((r) => r.key === "operating_funds");
        expect(of?.label).toBe("机关运行经费");
      }
      const findings = checkReport(report, { localize: false }).findings;
      expect(serious(findings)).toEqual([]);
      expect(findings.filter((f) => f.rule === "completeness.three-public-items")).toEqual([]);
    });

    test("a 合计 printed 7 万元 high: 错误 at the 合计", () => {
      const t = table(read(style, header, 7));
      const cell = Object.values(t.rows.find((r) => r.key === "total")!.amounts)[0].cell;
      const found = serious(checkReport(read(style, header, 7), { localize: false }).findings);
      expect(
        found.some(
          (f) => f.severity === "error" && f.rule.startsWith("hierarchy") && f.cells.includes(cell)
        )
      ).toBe(true);
    });
  });
});

describe("tester31's 云南 county (表七: “三公”经费 | 预算数, 机关运行经费 beside)", () => {
  const load = async (file: string) =>
    importWorkbook(
      (await readXlsxBuffer(await fs.readFile(path.join(__dirname, "../fixtures/tester31", file))))
        .grids
    );
  test.each(["yunnan-county.xlsx", "yunnan-county-c.xlsx"])(
    "%s: the 三公 lines named, no false 合计 or 只列示了合计",
    async (file) => {
      const report = await load(file);
      const t = table(report);
      expect(t.rows.map((r) => r.label).slice(0, 6)).toEqual([
        "合计",
        "因公出国（境）费",
        "公务用车购置及运行费",
        "其中：公务用车购置费",
        "　　　公务用车运行费",
        "公务接待费",
      ]);
      expect(t.rows.every((r) => col(r.labelCell) === "B" || r.key === "operating_funds")).toBe(
        true
      );
      expect(t.columns.map((c) => c.key)).toEqual(["total"]);
      const findings = checkReport(report, { localize: false }).findings.filter((f) =>
        f.cells.some((c) => c.startsWith("表七!"))
      );
      expect(findings).toEqual([]);
      if (file === "yunnan-county.xlsx")
        expect(t.rows.find((r) => r.key === "operating_funds")?.labelCell).toBe("表七!E5");
    }
  );
});
