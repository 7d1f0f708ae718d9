/**
 * The “三公” table printed as one line of figures under a header without a name column (北京's template, newcomer9's
 * NC9-3): 合计 | 因公出国（境）费 | 公务用车购置及运行费 (小计 | 购置费 | 运行费) | 公务接待费, the first column captioned
 * 合计, 总计 or 共计. In every generated template: the table is read (its one line the table's total), the workbook
 * raises what the template's usual 三公 table raises, and a changed 运行费 is found at the vehicle 小计.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Table } from "../../src/core/model/schema";
import type { Finding } from "../../src/core/rules/rule";
import type { SheetGrid } from "../../src/core/grid/grid";
import { STYLES, buildVariant } from "../fixtures/variants";
import { mutate } from "../../bench/localization";
import { serious } from "../helpers";

const lines = (fs: Finding[]) => serious(fs).map((f) => `${f.rule} ${f.message}`);
const check = (grids: SheetGrid[]) => checkReport(importWorkbook(grids), { localize: false });

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const plain = importWorkbook(buildVariant(style).grids);
  const base = checkReport(plain, { localize: false });
  const unread = (r: typeof plain) => r.unrecognized.filter((u) => !u.stray).map((u) => u.reason);

  test.each(["合计", "总计", "共计"])(
    "a one-line “三公” table whose first column is captioned %s: read, checked, a changed 运行费 found",
    (first) => {
      const { grids } = buildVariant(style, { threePublicOneRow: { first } });
      const report = importWorkbook(grids);
      expect(unread(report)).toEqual(unread(plain));
      const t: Table = report.tables.find((x) => x.kind === "three_public")!;
      expect(t).toBeDefined();
      // Its items as the rows of the table (the line laid across is read down), the first column its total.
      const item = (k: string) => t.rows.find((r) => r.key === k)!;
      const wan = (k: string) =>
        (Object.values(item(k)?.amounts ?? {})[0]?.value ?? 0) / (t.unit === "元" ? 10000 : 1);
      expect(["total", "vehicle", "vehicle_operation", "reception"].map(wan)).toEqual([
        20, 15, 15, 5,
      ]);
      const result = checkReport(report, { localize: false });
      expect(lines(result.findings)).toEqual(lines(base.findings));
      // 运行费 10 万元 more: the vehicle 小计 no longer equals 购置费 + 运行费 (whole 万元 figures: ±1 is 尾差).
      const cellOf = (k: string) => Object.values(item(k).amounts)[0].cell;
      const cell = cellOf("vehicle_operation");
      const changed = check(mutate(grids, cell, t.unit === "元" ? 100000 : 10));
      expect(
        serious(changed.findings).some(
          (f) => f.severity === "error" && f.cells.includes(cellOf("vehicle"))
        )
      ).toBe(true);
    }
  );
});

/**
 * The one line's 合计 printed with a note mark (newcomer13 NC13-6): a converter keeps the PDF's mark in the cell. The
 * full-width asterisk is a note mark like *: the figure read, 提示 input.note-marks, a wrong 合计 still found. A mark
 * the reader does not know (a, 注1, #) makes the cell no amount: 错误 input.unreadable-amount at it — never the 合计
 * column taken for a remark and dropped (it was: “未发现问题” on a wrong 合计).
 */
describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s, marked 合计", (_n, style) => {
  const oneRow = (o: { total?: number; mark?: string }) =>
    check(buildVariant(style, { threePublicOneRow: { first: "合计", ...o } }).grids);
  const base = oneRow({});
  // The 合计 figure's cell, from the unmarked table.
  const plain = importWorkbook(
    buildVariant(style, { threePublicOneRow: { first: "合计" } }).grids
  ).tables.find((t) => t.kind === "three_public")!;
  const totalOf = plain.rows.find((r) => r.key === "total")!.amounts.total.cell;
  const wrong = oneRow({ total: 30 });
  const totalCell = (r: ReturnType<typeof check>) =>
    r.findings.find((f) => f.rule === "input.note-marks")?.cells[0];

  test.each(["＊", "﹡", "∗"])(
    "20.00%s: read as 20.00 with a 提示; 30.00 so marked: the 错误 found",
    (mark) => {
      const marked = oneRow({ mark });
      expect(lines(marked.findings)).toEqual(lines(base.findings));
      expect(totalCell(marked)).toBe(totalOf);
      expect(serious(wrong.findings).some((f) => f.severity === "error")).toBe(true);
      // The same 错误 at the same cells (the 尾差 band may differ: the text prints its 2 decimals).
      const at = (fs: Finding[]) =>
        serious(fs).map((f) => `${f.rule} ${f.severity} ${f.cells.join()}`);
      expect(at(oneRow({ total: 30, mark }).findings)).toEqual(at(wrong.findings));
    }
  );

  test.each(["a", "注1", "#", "(a)"])(
    "20.00%s: 错误 input.unreadable-amount at the 合计",
    (mark) => {
      const r = oneRow({ mark });
      const unread = r.findings.filter((f) => f.rule === "input.unreadable-amount");
      expect(unread).toHaveLength(1);
      expect(unread[0].severity).toBe("error");
      expect(unread[0].message).toContain(mark);
      expect(unread[0].cells).toEqual([totalOf]);
    }
  );
});
