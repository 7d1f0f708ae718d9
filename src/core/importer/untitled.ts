/**
 * Tables printed without a title on sheets whose names say nothing (表1…表10, Sheet3; the title in a text box or the
 * page header): the kind comes from the header's words, which several tables share — the 支出总表, 一般公共预算支出表,
 * 政府性基金 and 国有资本经营 tables all print 科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出, and a 财政拨款收支总表
 * prints 收入 | 支出 like the 收支总表. Told apart here by what the header shows and by the order of the 部门预算公开
 * tables (财政部 表样: 收支总表, 收入总表, 支出总表, 财政拨款收支总表, 一般公共预算支出表 …, 政府性基金, 国有资本经营),
 * which every template keeps.
 */
import type { Table, TableKind } from "../model/schema";
import { norm } from "../grid/text";

/**
 * The kind of a header-only table, refined by its header lines (cells' texts, first lines of the sheet): a 收支 table
 * whose 支出 splits into fund columns (一般公共预算 | 政府性基金 … on one line, no 单位资金 / 事业收入) is the
 * 财政拨款收支总表.
 */
export function headerKind(kind: TableKind, lines: string[][]): TableKind {
  if (kind !== "income_expenditure_summary") return kind;
  const fundColumns = lines.some((cells) => {
    const t = cells.map((c) => norm(c));
    return (
      t.some((c) => /^一般公共预算/.test(c)) &&
      t.some((c) => /^政府性基金/.test(c)) &&
      !t.some((c) => /单位资金|事业收入|财政专户/.test(c))
    );
  });
  return fundColumns ? "fiscal_appropriation_summary" : kind;
}

/** After the 支出总表, header-alike tables in the order the 表样 prints them: figures first, then empty ones. */
const EXPENDITURE_ORDER: ReadonlyArray<TableKind> = [
  "general_budget_expenditure",
  "gov_fund_expenditure",
  "state_capital",
];

/**
 * Header-only tables that share a header with others (changed in place). Several read as 支出总表: the first stays the 支出总表 (unless a titled one is
 * there), the next take the kinds the workbook still lacks in the 表样's order — 一般公共预算支出表, 政府性基金预算支出表,
 * 国有资本经营预算支出表 — a table without figures only a fund's (an empty 一般公共预算支出表 is not published).
 */
export function tellApartByOrder(tables: Table[], byHeader: ReadonlySet<Table>): void {
  expenditureTables(tables, byHeader);
  // A second 项目支出表 by its header: the 项目支出表（上年结转） the 表样 prints after it.
  const projects = tables.filter((t) => t.kind === "project_expenditure");
  if (
    projects.length === 2 &&
    byHeader.has(projects[1]) &&
    !tables.some((t) => t.kind === "project_carryover")
  )
    (projects[1] as { kind: TableKind }).kind = "project_carryover";
}

function expenditureTables(tables: Table[], byHeader: ReadonlySet<Table>): void {
  const alike = tables.filter((t) => byHeader.has(t) && t.kind === "expenditure_summary");
  if (alike.length < 2 && !tables.some((t) => !byHeader.has(t) && t.kind === "expenditure_summary"))
    return;
  const have = new Set(tables.filter((t) => !alike.includes(t)).map((t) => t.kind));
  const rest = have.has("expenditure_summary") ? alike : alike.slice(1);
  for (const t of rest) {
    const empty = t.rows.every((r) => Object.values(r.amounts).every((a) => a.blank || !a.value));
    const kind = EXPENDITURE_ORDER.find(
      (k) => !have.has(k) && !(empty && k === "general_budget_expenditure")
    );
    if (!kind) continue;
    (t as { kind: TableKind }).kind = kind;
    have.add(kind);
  }
}
