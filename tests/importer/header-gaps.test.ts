/**
 * A blank row between two header lines (newcomer11 NC11-18: PDF-to-Excel converters put an empty row where the PDF
 * draws a thick rule or leaves space — 收入 | 支出 ⏎ (blank) ⏎ 项目 | 预算数). Before, the header stopped at the blank row:
 * both 收支总表 read as EMPTY (空表) and every check on them was skipped (a wrong figure gave 未发现问题), a 项目支出表
 * lost its 2nd header line (政府性基金 not seen), a 2-line “三公” header its 小计 / 购置费 / 运行费 (false 警告
 * completeness.vehicle-split). For every generated template: every table reads as without the blank rows, nothing more
 * is reported, and a wrong figure in a 收支总表 is found at its cell.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { parseRef } from "../../src/core/grid/address";
import type { TableKind } from "../../src/core/model/schema";
import { STYLES, buildVariant, type VariantOptions } from "../fixtures/variants";
import { bump } from "../fixtures/grid-edit";
import { kinds, serious } from "../helpers";

const shape = (rep: ReturnType<typeof importWorkbook>) =>
  rep.tables.map((t) => ({
    kind: t.kind,
    empty: t.empty,
    columns: t.columns.map((c) => `${c.side ?? ""} ${c.key}`),
    rows: t.rows.map((r) => `${r.level} ${r.code ?? ""} ${r.label.trim()} ${r.key ?? ""}`),
  }));

const SUMMARIES: TableKind[] = ["income_expenditure_summary", "fiscal_appropriation_summary"];
const OPTS: Array<[string, VariantOptions]> = [
  ["plain", {}],
  ["政府性基金 in the projects", { govFund: { amount: 50 } }],
];

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  test.each(OPTS)(
    "%s: every table reads as without the blank rows; nothing more is reported",
    (_, o) => {
      const plain = importWorkbook(buildVariant(style, o).grids);
      const gaps = importWorkbook(buildVariant(style, { ...o, headerGaps: true }).grids);
      expect(shape(gaps)).toEqual(shape(plain));
      expect(gaps.unrecognized.map((u) => u.reason)).toEqual(
        plain.unrecognized.map((u) => u.reason)
      );
      expect(kinds(checkReport(gaps))).toEqual(kinds(checkReport(plain)));
    }
  );

  test.each(SUMMARIES)("a wrong figure in the %s is found at its cell", (kind) => {
    const plainV = buildVariant(style, { govFund: { amount: 50 } });
    const v = buildVariant(style, { govFund: { amount: 50 }, headerGaps: true });
    const at = (x: typeof v) => parseRef(x.expected.find((e) => e.kind === kind)!.totalCell!).r0;
    const shift = at(v) - at(plainV);
    // An income line with a figure, other than a total: its cell in the gapped sheet.
    const line = importWorkbook(plainV.grids)
      .tables.find((t) => t.kind === kind)!
      .rows.find(
        (r) => r.side === "income" && !r.key?.includes("total") && r.amounts.total?.value
      )!;
    const cell = line.amounts.total.cell.replace(/(\d+)$/, (n) => String(Number(n) + shift));
    bump(v.grids, cell);
    const found = serious(checkReport(importWorkbook(v.grids)).findings);
    expect(found.some((f) => f.severity === "error" && f.cells.includes(cell))).toBe(true);
  });
});
