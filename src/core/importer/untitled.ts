/**
 * Tables printed without a title on sheets whose names say nothing (表1…表10, Sheet3; the title in a text box or the
 * page header): the kind comes from the header's words, which several tables share — the 支出总表, 一般公共预算支出表,
 * 政府性基金 and 国有资本经营 tables all print 科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出, and a 财政拨款收支总表
 * prints 收入 | 支出 like the 收支总表. Told apart here by what the header shows and by the order of the 部门预算公开
 * tables (财政部 表样: 收支总表, 收入总表, 支出总表, 财政拨款收支总表, 一般公共预算支出表 …, 政府性基金, 国有资本经营),
 * which every template keeps.
 */
import { UNIT_FACTOR, type Table, type TableKind } from "../model/schema";
import { labelKey, norm } from "../grid/text";
import { isEconomicGroupName } from "../classification/economic";
import { classCodeByName } from "../classification/functional";
import type { GridView } from "./view";
import type { Region } from "./region";
import { isColumnNumberRow, isHeaderRow, isMetaRow } from "./header";
import { KIND_BY_HEADER } from "./kinds";
import { KIND_NAMES } from "../model/names";
import { CONTINUATION_LINE } from "./continuation";

/**
 * The kind of a header-only table, refined by its header lines (cells' texts, first lines of the sheet) and its body
 * (`body`: every line's cell texts): a 收支 table whose 支出 splits into fund columns (一般公共预算 | 政府性基金 … on
 * one line, no 单位资金 / 事业收入) is the 财政拨款收支总表; a 支出 table of 合计 | 基本支出 (or 人员经费 | 公用经费) |
 * 项目支出 whose lines are 经济分类 科目 is the 支出经济分类总表 (economicBody), not the 支出总表 (功能分类) nor the
 * 基本支出经济分类表 (no 项目支出 column); whose lines are 功能分类 科目 (201 …, 一般公共服务支出), a 支出 table by
 * function (支出总表 or, by order, 一般公共预算支出表) even when it prints 人员经费 | 公用经费 (bodyClassification).
 */
export function headerKind(kind: TableKind, lines: string[][], body: string[][] = []): TableKind {
  if (kind === "expenditure_summary" || kind === "basic_expenditure_economic") {
    const head = lines.flat().map(norm).join(" ");
    const uses =
      /项目支出/.test(head) &&
      (/基本支出/.test(head) || (/人员经费/.test(head) && /公用经费/.test(head)));
    if (!uses) return kind;
    const named = bodyClassification(body);
    // 合计 | 人员经费 | 公用经费 | 项目支出 by 功能分类 科目 (201 …, 一般公共服务支出): a 支出总表 (fix29b leftover).
    return named === "economic"
      ? "expenditure_economic"
      : named === "functional"
        ? "expenditure_summary"
        : kind;
  }
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

/**
 * 支出经济分类 科目 codes at a cell's start (301 / 30101, or "30101 基本工资", "30101-基本工资"): 部门预算支出经济分类
 * 301…399 and 政府预算支出经济分类 501…599 (财政部《政府收支分类科目》支出经济分类, two sets); 支出功能分类 类 / 款 / 项
 * are 2xx / 2xxxx / 2xxxxxx.
 */
const LEADING_CODE = /^(\d{3}|\d{5}|\d{7})(?![\d.,，])/;
/** A code printed in brackets before its name ([2130101]行政运行, 【301】工资福利支出, （30101）基本工资): the code. */
const BRACKETED_CODE = /^[[【（(]\s*(\d{3}|\d{5}|\d{7})\s*[\]】）)]\s*/;
/** A whole figure shaped like a code (3, 5 or 7 digits). */
const CODE_SHAPED = /^(\d{3}|\d{5}|\d{7})$/;

/**
 * The cells of lines `a`…`b` that may name a 科目 (bodyClassification's input), amounts left out: a whole 千元 or 元
 * figure (355, 524, 30000) is shaped like an economic code. Left out: a cell of an amount column (one of the lines'
 * figures there, 栏次 rows aside, is not shaped like a code: 2900, 15802.5, 0), and a figure right of a line's text (codes come before
 * their names; a code column stored as numbers is the line's first cell).
 */
export function labelLines(v: GridView, a: number, b: number): string[][] {
  const rows = Array.from({ length: Math.max(0, b - a + 1) }, (_, k) => a + k);
  const amountCols = new Set<number>();
  for (const r of rows.filter((r) => !isColumnNumberRow(v, r)))
    for (const [c, t] of v.cells(r))
      if (v.isNumber(r, c) && !CODE_SHAPED.test(t)) amountCols.add(c);
  return rows.map((r) => {
    let text = false;
    return v
      .cells(r)
      .filter(([c]) => {
        const figure = v.isNumber(r, c);
        const keep = !amountCols.has(c) && !(figure && text);
        if (!figure) text = true;
        return keep;
      })
      .map(([, t]) => t);
  });
}
const ECONOMIC_FIRST = /^[35]/;
const FUNCTIONAL_FIRST = /^2/;

/**
 * Whether a body's lines are 经济分类 科目: more lines open with an economic code (3xx / 5xx, 3 or 5 digits) or name an
 * economic class (工资福利支出, 机关商品和服务支出 … for a template without codes) than with a 功能分类 code or class
 * name, and at least two. A line counts once, by the first of its first three cells that says either (the 编码 and
 * 名称 columns come first; an amount such as 301.50 is no code; a code in brackets, [301]工资福利支出, is its code).
 */
export function economicBody(body: string[][]): boolean {
  return bodyClassification(body) === "economic";
}

/**
 * Which 科目 a body's lines name: "economic" (经济分类, as economicBody counts them) or "functional" (功能分类: more
 * lines open with a 2xx code or name a 功能 class), at least two lines of it; undefined when neither (项目 names, 收入
 * sources, a tie).
 */
export function bodyClassification(body: string[][]): "economic" | "functional" | undefined {
  let economic = 0;
  let functional = 0;
  for (const cells of body)
    for (const raw of cells.filter((c) => norm(c)).slice(0, 3)) {
      const t = norm(raw).replace(BRACKETED_CODE, "$1 ");
      const code = LEADING_CODE.exec(t)?.[1];
      const name = labelKey(t.replace(/^\d+\s*[-－.、]?\s*/, ""));
      if (
        (code && ECONOMIC_FIRST.test(code) && code.length <= 5) ||
        (!code && isEconomicGroupName(name))
      ) {
        economic++;
        break;
      }
      if ((code && FUNCTIONAL_FIRST.test(code)) || (!code && name && classCodeByName(name))) {
        functional++;
        break;
      }
    }
  return economic >= 2 && economic > functional
    ? "economic"
    : functional >= 2 && functional > economic
      ? "functional"
      : undefined;
}

/**
 * A region holding, below its table, an untitled one (tester29b T29B-18: a 支出经济分类总表 printed under 表11 on the same
 * sheet, its title in a text box): after the table's own lines of figures, a header row that is not the table's own
 * printed again — a caption the table's header lacks —, with KIND_BY_HEADER's words in its lines, whose body names
 * other 科目 than the table's lines above it (bodyClassification: 经济分类 under a 项目支出表, a 三公 table or a 功能分类
 * table). The table ends above that block (its meta lines with it); the block is a region of its own, kind by its
 * header and body (headerKind, byHeader). Never cut: a page head printed again (its title, a 续表 / 续上表 line, the
 * header repeated, whole or wrapped), a header before the table's first line of figures (a header printed with empty
 * lines between its rows), a body of the same 科目. The region itself when nothing cuts it.
 */
export function untitledBelow(v: GridView, reg: Region): Region[] {
  const texts = (r: number) => v.cells(r).map(([, t]) => t);
  const lines = (a: number, b: number) =>
    Array.from({ length: Math.max(0, b - a + 1) }, (_, k) => texts(a + k));
  const caption = (t: string) => labelKey(t).replace(/\s+/g, "");
  const figures = (r: number) =>
    !isColumnNumberRow(v, r) && v.cells(r).some(([c]) => v.isNumber(r, c));
  // The table's header: every header row down to its first line of figures (rows apart, wrapped, with 栏次).
  const own = new Set<string>();
  const captions = new Set<string>();
  let first = Math.max(reg.r0, reg.titleRow + 1);
  for (; first <= reg.r1 && !figures(first); first++)
    if (isHeaderRow(v, first) && !isMetaRow(v, first)) {
      own.add(texts(first).join("|"));
      for (const t of texts(first)) captions.add(caption(t));
    }
  // No header read, or its first line of figures a header row (a caption overwritten by a number): left as read.
  if (!own.size || first > reg.r1 || isHeaderRow(v, first)) return [reg];
  const title = caption(reg.title);
  // A line of the page head printed again: the table's title, a 续表 line, its label.
  const pageHead = (r: number) =>
    texts(r).some((t) => CONTINUATION_LINE.test(caption(t)) || (!!title && caption(t) === title));
  for (let k = first + 1; k <= reg.r1; k++) {
    if (v.cells(k).length < 3 || figures(k) || !isHeaderRow(v, k)) continue;
    if (own.has(texts(k).join("|")) || texts(k).every((t) => captions.has(caption(t)))) continue;
    // The block starts at its meta lines (单位：万元) right above its header.
    let top = k;
    while (top - 1 > first && v.cells(top - 1).length > 0 && isMetaRow(v, top - 1)) top--;
    // Lines since the last line of figures: a page head printed again there is the same table going on.
    let last = k - 1;
    while (last > first && !figures(last)) last--;
    let again = false;
    for (let j = last + 1; j < k && !again; j++) again = pageHead(j);
    if (again) continue;
    const head = lines(top, Math.min(reg.r1, top + 7));
    const hit = KIND_BY_HEADER.find(([, test]) => test(head.map((l) => l.join(" ")).join(" ")));
    if (!hit) continue;
    const below = labelLines(v, k + 1, reg.r1);
    const theirs = bodyClassification(below);
    if (!theirs || theirs === bodyClassification(labelLines(v, first, top - 1))) continue;
    const kind = headerKind(hit[0], head, below);
    const rest: Region = {
      r0: top,
      r1: reg.r1,
      kind,
      // Named for its kind: the sheet's name is the table's above (a 财政拨款… name would scope it).
      title: KIND_NAMES[kind],
      titleRow: top - 1,
      byHeader: true,
      ...(reg.cols ? { cols: reg.cols } : {}),
    };
    return [{ ...reg, r1: top - 1 }, ...untitledBelow(v, rest)];
  }
  return [reg];
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
  economicTables(tables, byHeader);
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

/** A table's 合计 line's 合计 in 元 (undefined when it prints none). */
function grandTotal(t: Table | undefined): number | undefined {
  const a = t?.rows.find((r) => r.key === "total" && r.level === 0)?.amounts.total;
  return a && a.value !== null ? a.value * UNIT_FACTOR[t!.unit] : undefined;
}

/**
 * An untitled 经济分类 table of 合计 | 基本支出 | 项目支出 (headerKind) prints either the department's whole spending
 * (支出经济分类总表, all funds: its 合计 is the 支出总表's) or the 一般公共预算's (一般公共预算支出经济分类表: the
 * 一般公共预算支出表's) — the header and the codes are the same, the title that says which is not there. Its 合计 tells
 * (to the cent, in 元): the 一般公共预算支出表's and not the 支出总表's makes it the 一般公共预算 table; the 支出总表's,
 * or both the same (a department of 一般公共预算 money alone), the 总表. Else its money is not known (`scopeUnknown`:
 * rules/scope.ts compares it only where the department has 一般公共预算 money alone) — never compared as the wrong
 * money, which would be a false 错误.
 */
function economicTables(tables: Table[], byHeader: ReadonlySet<Table>): void {
  // The 支出总表 and 一般公共预算支出表 as read (untitled ones told apart by order first: expenditureTables).
  const first = (k: TableKind) => tables.find((t) => t.kind === k);
  const all = grandTotal(first("expenditure_summary"));
  const general = grandTotal(first("general_budget_expenditure"));
  const near = (a: number | undefined, b: number | undefined) =>
    a !== undefined && b !== undefined && Math.abs(a - b) < 0.005;
  for (const t of tables) {
    if (!byHeader.has(t) || t.kind !== "expenditure_economic") continue;
    const own = grandTotal(t);
    if (near(own, general) && !near(own, all))
      (t as { kind: TableKind }).kind = "general_budget_economic";
    else if (!near(own, all)) (t as { scopeUnknown?: boolean }).scopeUnknown = true;
  }
}
