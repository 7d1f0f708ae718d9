/**
 * The 财政专户管理资金支出表 (cross.special-account, -project, -codes): tied to the 收入总表's 财政专户管理资金
 * column, the 收支总表's 财政专户管理资金收入 and the 项目支出表's column like the other funds' tables — but never to
 * the 财政拨款收支总表 (it is not 财政拨款). Every generated template with the money is clean; a wrong figure on
 * either side is found at its cell; the published workbooks (none prints such a table) are not applicable.
 */
import { promises as fs } from "fs";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Report, Table } from "../../src/core/model/schema";
import type { Finding } from "../../src/core/rules/rule";
import { totalRow } from "../../src/core/rules/helpers";
import { STYLES, buildVariant } from "../fixtures/variants";
import { mutate } from "../../bench/localization";
import { realInputs } from "./real-inputs";

const serious = (fs: Finding[]) =>
  fs
    .filter((f) => f.severity === "error" || f.severity === "warning")
    .map((f) => `${f.rule} ${f.cells[0]}`);
const ours = (fs: Finding[]) => fs.filter((f) => f.rule.startsWith("cross.special-account"));
const kind = (r: Report, k: Table["kind"]) => r.tables.find((t) => t.kind === k && !t.empty)!;
const per = (fs: ReturnType<typeof checkReport>, id: string) =>
  fs.perRule.find((p) => p.id === id)!;

test.each(realInputs())(
  "%s: no 财政专户管理资金支出表, the rules are not applicable and report nothing",
  async (_n, file) => {
    const { grids } = await readXlsxBuffer(await fs.readFile(file));
    const res = checkReport(importWorkbook(grids));
    expect(ours(res.findings)).toEqual([]);
    expect(per(res, "cross.special-account").notApplicable).toBe(1);
  }
);

describe.each(STYLES.map((s) => [s.name, s] as const))(
  "variant %s with 财政专户管理资金",
  (_n, style) => {
    const { grids } = buildVariant(style, { specialAccount: { amount: 36.4 } });
    const report = importWorkbook(grids);
    const base = checkReport(report);
    const scale = style.unit === "元" ? 10000 : 1;

    test("recognised, compared and clean; the 财政拨款收支总表 is left out of it", () => {
      expect(serious(base.findings)).toEqual([]);
      expect(per(base, "cross.special-account").passed).toBeGreaterThan(0);
      expect(per(base, "cross.special-account-project").passed).toBe(1);
      expect(per(base, "cross.special-account-codes").passed).toBe(1);
      const t4 = new Set(
        kind(report, "fiscal_appropriation_summary").rows.flatMap((r) =>
          Object.values(r.amounts).map((a) => a.cell)
        )
      );
      expect(
        base.identities
          .filter((i) => i.rule === "cross.special-account")
          .some((i) => i.terms.some((x) => t4.has(x.cell)))
      ).toBe(false);
    });

    test("the table printing 38.40 instead of 36.40: an error at its 合计", () => {
      const wrong = importWorkbook(
        buildVariant(style, { specialAccount: { amount: 36.4, printed: 38.4 } }).grids
      );
      const cell = totalRow(kind(wrong, "special_account"))!.amounts.total.cell;
      const found = ours(checkReport(wrong).findings);
      expect(
        found.some(
          (f) => f.rule === "cross.special-account" && f.cells[0] === cell && f.severity === "error"
        )
      ).toBe(true);
    });

    test("the 收入总表's 财政专户管理资金 合计 changed: the comparison cites it", () => {
      const t2 = kind(report, "income_summary");
      const cell = totalRow(t2)!.amounts.special_account.cell;
      const found = ours(checkReport(importWorkbook(mutate(grids, cell, 2 * scale))).findings);
      expect(found.some((f) => f.rule === "cross.special-account" && f.cells.includes(cell))).toBe(
        true
      );
    });

    test("the 项目支出表's 财政专户管理资金 合计 changed: cross.special-account-project cites it", () => {
      const t12 = kind(report, "project_expenditure");
      const cell = (totalRow(t12) ?? t12.rows.find((r) => r.level === 0))!.amounts.special_account
        .cell;
      const found = ours(checkReport(importWorkbook(mutate(grids, cell, 2 * scale))).findings);
      expect(
        found.some((f) => f.rule === "cross.special-account-project" && f.cells.includes(cell))
      ).toBe(true);
    });
  }
);
