/**
 * A table declared empty (本部门无“三公”经费 / 本部门无财政拨款收支，此表为空。) while other tables print the money it
 * would hold (newcomer9's NC9-7): its figures are zeros against those tables, as a blank 合计 line is. In every
 * generated template, printed as the statement alone or under the table's header: the 三公 table against the 基本支出
 * 经济分类表's 30217 公务接待费 / 30231 公务用车运行维护费 (cross.three-public-economic), the 财政拨款收支总表 against the
 * 收支总表's 财政拨款 sources (cross.fiscal-summary): an 错误 citing the other table's cell and the statement's cell.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Report } from "../../src/core/model/schema";
import type { Finding } from "../../src/core/rules/rule";
import { STYLES, YEAR, buildVariant } from "../fixtures/variants";
import { table } from "../helpers";

const errors = (fs: Finding[], rule: string) =>
  fs.filter((f) => f.severity === "error" && f.rule === rule);
/** The cell of the 基本支出经济分类表 line whose label carries these words. */
const economicCell = (r: Report, words: RegExp) =>
  table(r, "basic_expenditure_economic").rows.find((x) => words.test(x.label))!.amounts.total.cell;

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  test.each([false, true])(
    "a “三公” table saying 本部门无“三公”经费预算 (header printed: %s) beside 30217 公务接待费 5.00: an 错误",
    (header) => {
      const report = importWorkbook(
        buildVariant(style, {
          statementOnly: {
            kind: "three_public",
            text: `本部门${YEAR}年无“三公”经费预算。`,
            header,
          },
        }).grids
      );
      const t = table(report, "three_public");
      expect(t.markedEmpty).toBe(true);
      expect(t.emptyNoteCell).toBeDefined();
      const result = checkReport(report, { localize: false });
      const found = errors(result.findings, "cross.three-public-economic");
      const reception = economicCell(report, /公务接待费/);
      const vehicle = economicCell(report, /公务用车运行维护费/);
      expect(found.map((f) => f.cells)).toEqual([
        [reception, t.emptyNoteCell],
        [vehicle, t.emptyNoteCell],
      ]);
      expect(found[0].message).toMatch(/注明.*为空.*公务接待费/);
    }
  );

  test.each([false, true])(
    "a 财政拨款收支总表 saying 本部门无财政拨款收支 (header printed: %s) beside a 收支总表 with 一般公共预算: an 错误",
    (header) => {
      const report = importWorkbook(
        buildVariant(style, {
          statementOnly: {
            kind: "fiscal_appropriation_summary",
            text: "注：本部门无财政拨款收支，此表为空。",
            header,
          },
        }).grids
      );
      const t = table(report, "fiscal_appropriation_summary");
      expect(t.markedEmpty).toBe(true);
      const t1 = table(report, "income_expenditure_summary");
      const general = t1.rows.find((r) => r.key === "src_general" && r.side === "income")!;
      const result = checkReport(report, { localize: false });
      const found = errors(result.findings, "cross.fiscal-summary");
      expect(found.map((f) => f.cells)).toContainEqual([
        general.amounts.total.cell,
        t.emptyNoteCell,
      ]);
    }
  );
});

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const base = checkReport(importWorkbook(buildVariant(style).grids), { localize: false });
  const serious = (fs: Finding[]) =>
    fs.filter((f) => f.severity === "error" || f.severity === "warning").map((f) => f.rule);

  test.each([`注：本部门无因公出国（境）费预算。`, `注：本部门${YEAR}年无因公出国（境）费预算。`])(
    "a “三公” table with its figures and the note “%s” (one item absent): not declared empty, no finding",
    (text) => {
      const report = importWorkbook(
        buildVariant(style, { footNote: { kind: "three_public", text } }).grids
      );
      expect(table(report, "three_public").markedEmpty).toBe(false);
      const result = checkReport(report, { localize: false });
      expect(serious(result.findings)).toEqual(serious(base.findings));
    }
  );

  test("a 收入总表 with its figures and the note 本部门无国有资本经营预算收入 (one column empty): no finding", () => {
    const report = importWorkbook(
      buildVariant(style, {
        footNote: { kind: "income_summary", text: "注：本部门无国有资本经营预算收入。" },
      }).grids
    );
    expect(table(report, "income_summary").markedEmpty).toBe(false);
    const result = checkReport(report, { localize: false });
    expect(serious(result.findings)).toEqual(serious(base.findings));
  });

  test("a “三公” table with its figures and the note 本部门无“三公”经费，此表为空: declared empty, an 错误", () => {
    const report = importWorkbook(
      buildVariant(style, {
        footNote: { kind: "three_public", text: "注：本部门无“三公”经费，此表为空。" },
      }).grids
    );
    expect(table(report, "three_public").markedEmpty).toBe(true);
    const result = checkReport(report, { localize: false });
    expect(errors(result.findings, "completeness.empty-table").length).toBe(1);
  });
});
