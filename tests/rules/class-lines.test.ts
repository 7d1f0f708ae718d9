/**
 * A 支出总表 printing no 类 lines (only its 项, or only its 款): the 收支总表's 类 figures are compared with the sum of
 * the lines under each 类's code (cross.summary-expenditure), never with 0 as if the 类 were missing. Every generated
 * template that prints codes; and the newcomer's 北京 workbook listing only 项 lines (items-only).
 */
import { promises as fs } from "fs";
import path from "path";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import type { Finding } from "../../src/core/rules/rule";
import { STYLES, buildVariant } from "../fixtures/variants";
import { mutate } from "../../bench/localization";

const serious = (fs: Finding[]) =>
  fs
    .filter((f) => f.severity === "error" || f.severity === "warning")
    .map((f) => `${f.rule} ${f.message}`);
const CODED = STYLES.filter((s) => s.codeLayout !== "names");

describe.each(CODED.flatMap((s) => [[s.name, 7, s] as const, [s.name, 5, s] as const]))(
  "variant %s, only the %s-digit lines",
  (_n, level, style) => {
    const { grids } = buildVariant(style, { onlyLevel: level });
    const report = importWorkbook(grids);
    const t1 = report.tables.find((t) => t.kind === "income_expenditure_summary")!;
    const t3 = report.tables.find((t) => t.kind === "expenditure_summary")!;
    const base = checkReport(report);

    test("no finding; each 类 of the 收支总表 is compared with its lines in the 支出总表", () => {
      expect(t3.rows.filter((r) => r.code).every((r) => r.code!.length === level)).toBe(true);
      // 款 lines alone are rightly 没有细化到项级 (completeness.functional-depth); nothing else.
      expect(
        serious(
          base.findings.filter((f) => level === 7 || f.rule !== "completeness.functional-depth")
        )
      ).toEqual([]);
      const classCell = t1.rows.find((r) => r.side === "expenditure" && r.code === "201")!.amounts
        .total.cell;
      const lines = t3.rows
        .filter((r) => r.code?.startsWith("201"))
        .map((r) => r.amounts.total.cell);
      const id = base.identities.find(
        (i) => i.rule === "cross.summary-expenditure" && i.terms.some((x) => x.cell === classCell)
      );
      expect(id?.terms.map((x) => x.cell).sort()).toEqual([classCell, ...lines].sort());
    });

    test("a wrong 类 figure in the 收支总表 is found against the sum of its lines", () => {
      const classCell = t1.rows.find((r) => r.side === "expenditure" && r.code === "208")!.amounts
        .total.cell;
      const after = checkReport(importWorkbook(mutate(grids, classCell, 10)));
      const f = after.findings.filter(
        (x) => x.rule === "cross.summary-expenditure" && x.cells[0] === classCell
      );
      expect(f).toHaveLength(1);
      expect(f[0].message).toMatch(
        level === 7 ? /该类各项之和（未列类行）/ : /该类各款之和（未列类行）/
      );
      expect(f[0].difference).toBeCloseTo(10, 2);
    });
  }
);

test("北京 workbook whose 收入总表 / 支出总表 list only 项 lines (newcomer's items-only): no error", async () => {
  const file = path.join(__dirname, "..", "fixtures", "newcomer4", "items-only.xlsx");
  const { grids } = await readXlsxBuffer(await fs.readFile(file));
  const res = checkReport(importWorkbook(grids));
  expect(res.findings.filter((f) => f.severity === "error")).toEqual([]);
});
