/**
 * 打印: what is printed and published, not only what is stored. Excel prints (and exports to PDF) only visible
 * rows and columns, so a hidden row or column that holds amounts makes the published table differ from the
 * workbook: the table identities are checked again on the printed form, and what breaks there is said in the
 * hidden row's finding. Content far from every table is named too (it stretches the printed area). Hidden sheets
 * are named by input.hidden-sheets.
 */
import { figureWord, isQuantityTable, quantityClassOf } from "../model/quantities";
import type { Report, Row, Table } from "../model/schema";
import { parseRef } from "../grid/address";
import { defineRule, type Finding, type Outcome, type RuleDef } from "./rule";
import { hasValue, noCase, rowName, tableName } from "./helpers";
import { fmt } from "./interval";
import { WITHIN_RULES } from "./within";
import { HIERARCHY_RULES } from "./hierarchy";

/** The identities that say whether one printed table adds up (表内 and 层级). */
const TABLE_RULES: ReadonlyArray<RuleDef> = [...WITHIN_RULES, ...HIERARCHY_RULES];

/** The report as printed: hidden rows, hidden columns and the amounts in them left out. */
export function printedReport(report: Report): Report {
  return {
    ...report,
    tables: report.tables.map((t) => ({
      ...t,
      columns: t.columns.filter((c) => !c.hidden),
      rows: t.rows
        .filter((r) => !r.hidden)
        .map((r) => ({
          ...r,
          amounts: Object.fromEntries(Object.entries(r.amounts).filter(([, a]) => !a.hidden)),
        })),
    })),
  };
}

/** Asked of every table by two rules (most have nothing hidden): read without a list of each row's amounts. */
function hasHidden(t: Table): boolean {
  if (t.columns.some((c) => c.hidden)) return true;
  const rows = t.rows;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.hidden) return true;
    for (const k in r.amounts) if (r.amounts[k].hidden) return true;
  }
  return false;
}

function failures(report: Report): Finding[] {
  return TABLE_RULES.flatMap((rule) =>
    rule.check(report).flatMap((o) => (o.status === "fail" ? [o.finding] : []))
  );
}

/** Table identities that hold in the workbook but fail on the printed form, per table id. */
function printedOnlyFailures(report: Report): Map<string, Finding[]> {
  const touched = report.tables.filter(hasHidden);
  const only = { ...report, tables: touched };
  const stored = new Set(failures(only).map((f) => `${f.rule}|${f.cells[0]}`));
  const out = new Map<string, Finding[]>();
  for (const f of failures(printedReport(only))) {
    if (stored.has(`${f.rule}|${f.cells[0]}`)) continue;
    const p = f.cells[0] ? parseRef(f.cells[0]) : undefined;
    const t = touched.find(
      (x) =>
        x.sheet === p?.sheet &&
        x.rows.some(
          (r) => r.row === p.r0 + 1 || Object.values(r.amounts).some((a) => a.cell === f.cells[0])
        )
    );
    if (!t) continue;
    out.set(t.id, [...(out.get(t.id) ?? []), f]);
  }
  return out;
}

/** One table with some hidden rows (indexes into its rows) and hidden columns left out, as the printed form leaves them. */
function withoutHidden(
  t: Table,
  rows: ReadonlySet<number>,
  cols: ReadonlySet<Table["columns"][number]>
): Table {
  const letters = new Set([...cols].flatMap((c) => [c.col, ...(c.groupCols ?? [])]));
  return {
    ...t,
    columns: cols.size ? t.columns.filter((c) => !cols.has(c)) : t.columns,
    rows: t.rows
      .filter((_, i) => !rows.has(i))
      .map((r) =>
        letters.size
          ? {
              ...r,
              amounts: Object.fromEntries(
                Object.entries(r.amounts).filter(
                  ([, a]) => !(a.hidden && letters.has(columnOf(a.cell)))
                )
              ),
            }
          : r
      ),
  };
}

/** Of the hidden column letters given, those some identity of the table rules relates to a figure in another column. */
function tiedLetters(report: Report, hidden: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const rule of TABLE_RULES)
    for (const o of rule.check(report)) {
      if (o.status === "na") continue;
      for (const id of [...(o.identity ? [o.identity] : []), ...(o.also ?? [])]) {
        const letters = id.terms.map((x) => columnOf(x.cell));
        if (letters.some((x) => !hidden.has(x)))
          for (const x of letters) if (hidden.has(x)) out.add(x);
      }
    }
  return out;
}

/** Hidden parts of a table tried one by one (a filtered list hides many runs): beyond this, the table stays as stored. */
const MAX_HIDDEN_PARTS = 12;

/**
 * The report the sum and cross-table rules check: each hidden row run or hidden column that the visible figures do
 * not include is left out, as on the printed form — last year's 项 line left in under a 款 that adds up without it
 * (tester35 T35-1), a hidden column of old figures (T35-2). A hidden part counts as left out when leaving it out
 * closes some gap of its table's identities and breaks none that holds with it; when a total includes it (field
 * case 13: the printed 款 no longer adds up) it stays, and printed.hidden-amounts says what the printed form lacks. Either way that warning
 * names the hidden figures; only it, the 输入 and the 打印 rules read the workbook as stored.
 */
export function checkedForm(report: Report): Report {
  let changed = false;
  const tables = report.tables.map((t) => {
    if (!hasHidden(t)) return t;
    const runs: number[][] = [];
    t.rows.forEach((r, i) => {
      if (!r.hidden) return;
      const last = runs[runs.length - 1];
      if (last && last[last.length - 1] === i - 1) last.push(i);
      else runs.push([i]);
    });
    const cols = t.columns.filter((c) => c.hidden);
    if (runs.length + cols.length > MAX_HIDDEN_PARTS) return t;
    const one = (x: Table) => ({ ...report, tables: [x] });
    const before = failures(one(t));
    const stored = new Set(before.map((f) => `${f.rule}|${f.cells[0]}`));
    const gap = (fs: Finding[]) => fs.reduce((s, f) => s + Math.abs(f.difference ?? 0), 0);
    // Left out only when that closes some gap of the stored form (a 款 that counted the hidden line: 993.40 ≠ 1026.70)
    // and opens no identity that held: a hidden part nothing disagrees with stays as stored.
    const leftOut = (x: Table) => {
      const after = failures(one(x));
      return (
        gap(after) < gap(before) - 1e-9 && after.every((f) => stored.has(`${f.rule}|${f.cells[0]}`))
      );
    };
    const noRows = new Set<number>();
    const noCols = new Set<Table["columns"][number]>();
    const dropRows = new Set(
      runs.filter((g) => leftOut(withoutHidden(t, new Set(g), noCols))).flat()
    );
    // A hidden column the table's row identities tie to its printed columns (合计 = 基本支出 + 项目支出 with 项目支出
    // hidden) is part of the table: it stays, whatever its printed form says.
    const tied = tiedLetters(one(t), new Set(cols.flatMap((c) => [c.col, ...(c.groupCols ?? [])])));
    const dropCols = new Set(
      cols.filter(
        (c) =>
          ![c.col, ...(c.groupCols ?? [])].some((x) => tied.has(x)) &&
          leftOut(withoutHidden(t, noRows, new Set([c])))
      )
    );
    if (!dropRows.size && !dropCols.size) return t;
    changed = true;
    return withoutHidden(t, dropRows, dropCols);
  });
  return changed ? { ...report, tables } : report;
}

/** Sheet rows of the rows a row's amounts add up into: its parents up the levels, and the total rows of its side. */
function ancestorRows(rows: Row[], i: number): Set<number> {
  const out = new Set<number>();
  let level = rows[i].level;
  for (let k = i - 1; k >= 0 && level > 0; k--)
    if (rows[k].side === rows[i].side && rows[k].level < level) {
      out.add(rows[k].row);
      level = rows[k].level;
    }
  for (const r of rows) if (r.level === 0 && r.side === rows[i].side) out.add(r.row);
  return out;
}

function amountText(t: Table, r: Row): string {
  const a =
    r.amounts.total && hasValue(r.amounts.total)
      ? r.amounts.total
      : Object.values(r.amounts).find(hasValue);
  return a && a.value !== null
    ? `${fmt(a.value, Math.max(0, a.decimals))}${unitOf(t, a.cell)}`
    : "";
}

/** The column letters of a single-cell reference with its sheet ('表5'!C8 → C; "" when it is none). */
function columnOf(cell: string): string {
  return /!\$?([A-Z]+)\$?\d+$/.exec(cell)?.[1] ?? "";
}

/** The unit of the figure in `cell`: the table's money unit, or in a quantity table its column's (辆, 平方米). */
function unitOf(t: Table, cell: string): string {
  if (!isQuantityTable(t)) return t.unit;
  const col = columnOf(cell);
  const c = t.columns.find((x) => x.col === col || x.groupCols?.includes(col));
  return (c && quantityClassOf(c.label)?.unit) ?? "";
}

function consequence(fs: Finding[]): string {
  if (!fs.length) return "";
  return `；按打印出的表核对：${fs[0].message}${fs.length > 1 ? `，等 ${fs.length} 处不再相等` : ""}`;
}

export const hiddenAmounts = defineRule({
  id: "printed.hidden-amounts",
  category: "printed",
  title: "隐藏的行、列中没有金额",
  description:
    "Excel 打印和导出 PDF 时不显示隐藏的行和列（含筛选掉、分级折叠的行）：隐藏行列中的金额不会公开，公开的表就与工作簿不一致。隐藏的行或列中有非零金额即提示，并按打印出的表（去掉隐藏行列）重新核对表内和层级关系，说明哪里不再相等。",
  severity: "warning",
  source: {
    basis: "practice",
    ref: "公开的是打印或导出的表（PDF）：Excel 不打印隐藏的行和列，隐藏或筛选掉的行中的金额不会出现在公开文本中",
  },
  check: (report) => {
    const tables = report.tables.filter(hasHidden);
    if (!tables.length) return [noCase("没有隐藏的行或列")];
    const printed = printedOnlyFailures(report);
    const out: Outcome[] = [];
    for (const t of tables) {
      let rest = printed.get(t.id) ?? [];
      const take = (pred: (f: Finding) => boolean) => {
        const hit = rest.filter(pred);
        rest = rest.filter((f) => !pred(f));
        return hit;
      };
      // Consecutive hidden rows with amounts read as one finding (a filtered or collapsed block).
      const groups: number[][] = [];
      t.rows.forEach((r, i) => {
        if (!r.hidden) return;
        const last = groups[groups.length - 1];
        if (last && last[last.length - 1] === i - 1) last.push(i);
        else groups.push([i]);
      });
      const rowFindings: Array<{ group: Row[]; fs: Finding[] }> = [];
      for (const g of groups) {
        const rows = g.map((i) => t.rows[i]).filter((r) => Object.values(r.amounts).some(hasValue));
        if (!rows.length) {
          out.push({ status: "pass" });
          continue;
        }
        const anc = new Set(g.flatMap((i) => [...ancestorRows(t.rows, i)]));
        const fs = take((f) => anc.has(parseRef(f.cells[0]).r0 + 1));
        rowFindings.push({ group: rows, fs });
      }
      // Hidden columns: amounts hidden in rows that are not (grouped by the column they stand in).
      const byCol = new Map<
        string,
        Array<{ row: Row; cell: string; value: number | null; decimals: number }>
      >();
      for (const r of t.rows) {
        if (r.hidden) continue;
        for (const a of Object.values(r.amounts)) {
          if (!a.hidden) continue;
          const col = columnOf(a.cell);
          if (!byCol.has(col)) byCol.set(col, []);
          if (hasValue(a))
            byCol.get(col)!.push({ row: r, cell: a.cell, value: a.value, decimals: a.decimals });
        }
      }
      const colFindings = [...byCol].flatMap(([col, cells]) => {
        if (!cells.length) out.push({ status: "pass" });
        return cells.length ? [{ col, cells, fs: [] as Finding[] }] : [];
      });
      // What broke on the printed form and is not under a hidden row goes with the hidden columns, else the first row finding.
      const leftover = take(() => true);
      if (colFindings.length) colFindings[0].fs.push(...leftover);
      else if (rowFindings.length) rowFindings[0].fs.push(...leftover);
      for (const { group, fs } of rowFindings) {
        const first = group[0];
        const where =
          group.length === 1
            ? `第 ${first.row} 行「${rowName(first)}」`
            : `第 ${first.row}–${group[group.length - 1].row} 行（${group.length} 行有${figureWord(t)}，如「${rowName(first)}」）`;
        // The row's first cell in the table (a hidden row is a whole row): A11 rather than the label's B11.
        const rowCell = first.labelCell.replace(
          /[A-Z]+(\d+)$/,
          `${/^\$?([A-Z]+)/.exec(t.range)?.[1] ?? "A"}$1`
        );
        const cells = [
          rowCell,
          ...group.flatMap((r) =>
            Object.values(r.amounts)
              .filter(hasValue)
              .map((a) => a.cell)
          ),
          ...fs.map((f) => f.cells[0]),
        ];
        out.push({
          status: "fail",
          finding: {
            rule: "printed.hidden-amounts",
            severity: "warning",
            message: `${tableName(t)}${where}已隐藏，但有${figureWord(t)} ${amountText(t, first)}：打印或公开的表中看不到${group.length === 1 ? "这一行" : "这些行"}${consequence(fs)}`,
            cells: cells.filter((c, i) => cells.indexOf(c) === i),
            expected: null,
            actual:
              first.amounts.total?.value ??
              Object.values(first.amounts).find(hasValue)?.value ??
              null,
            difference: null,
          },
        });
      }
      for (const { col, cells: hit, fs } of colFindings) {
        const first = hit[0];
        const label = t.columns
          .find((c) => c.col === col || c.groupCols?.includes(col))
          ?.label.split("/")
          .pop();
        const cells = [...hit.map((h) => h.cell), ...fs.map((f) => f.cells[0])];
        out.push({
          status: "fail",
          finding: {
            rule: "printed.hidden-amounts",
            severity: "warning",
            message: `${tableName(t)}${label ? `「${label}」列（${col} 列）` : `${col} 列`}已隐藏，但有 ${hit.length} 个${figureWord(t)}（如「${rowName(first.row)}」${fmt(first.value ?? 0, Math.max(0, first.decimals))}${unitOf(t, first.cell)}）：打印或公开的表中看不到这一列${consequence(fs)}`,
            cells: cells.filter((c, i) => cells.indexOf(c) === i),
            expected: null,
            actual: first.value,
            difference: null,
          },
        });
      }
    }
    return out;
  },
});

export const strayContent = defineRule({
  id: "printed.stray-content",
  category: "printed",
  title: "表格以外没有零散内容",
  description:
    "与表格相隔很远的单元格（如 A1048576 或 XFD1 上的一个值）不属于任何表，不参与审核；Excel 打印时会把打印范围延伸到它，多出大量空白页。每处提示一次，请确认后删除。",
  severity: "info",
  source: { basis: "practice", ref: "Excel 的打印范围和已用区域延伸到最后一个有内容的单元格" },
  check: (report) => {
    const strays = report.unrecognized.filter((u) => u.stray);
    if (!strays.length) return [noCase("没有远离表格的零散内容")];
    return strays.map((u) => ({
      status: "fail",
      finding: {
        rule: "printed.stray-content",
        severity: "info",
        message: `工作表“${u.sheet}”的 ${u.range} 有远离表格的内容「${(u.text ?? "").slice(0, 40)}」：不属于任何表，未参与审核；打印时会把打印范围延伸到这里，请确认后删除`,
        cells: u.cell ? [u.cell] : [],
        expected: null,
        actual: null,
        difference: null,
      },
    }));
  },
});

/** Row spans "第 21–34 行" of consecutive rows (by table order), the sheet rows as printed in the workbook. */
function rowSpans(rows: Row[]): string {
  const spans: Array<[number, number]> = [];
  for (const r of rows) {
    const last = spans[spans.length - 1];
    if (last && r.row <= last[1] + 2) last[1] = r.row;
    else spans.push([r.row, r.row]);
  }
  return spans.map(([a, b]) => (a === b ? `第 ${a} 行` : `第 ${a}–${b} 行`)).join("、");
}

export const printArea = defineRule({
  id: "printed.print-area",
  category: "printed",
  title: "表格都在打印区域内",
  description:
    "工作表设置了打印区域（页面布局 › 打印区域）时，Excel 打印和导出 PDF 只输出打印区域内的单元格：表中落在打印区域以外的行或列（常见于沿用上年表格、表格加长后未重设打印区域）不会公开，公开的表就不完整。表中有金额的行或列在打印区域以外即提示，说明是哪些行、列。",
  severity: "warning",
  source: {
    basis: "practice",
    ref: "公开的是打印或导出的表（PDF）：设置了打印区域的工作表，Excel 只打印和导出打印区域内的单元格",
  },
  check: (report) => {
    const tables = report.tables.filter((t) => t.printArea);
    if (!tables.length) return [noCase("没有表格超出所在工作表的打印区域（或未设置打印区域）")];
    return tables.map((t): Outcome => {
      const rows = t.rows.filter(
        (r) => r.outsidePrintArea && Object.values(r.amounts).some(hasValue)
      );
      const cols = new Map<string, string[]>();
      for (const r of t.rows) {
        if (r.outsidePrintArea) continue;
        for (const a of Object.values(r.amounts))
          if (a.outsidePrintArea && hasValue(a)) {
            const col = columnOf(a.cell);
            cols.set(col, [...(cols.get(col) ?? []), a.cell]);
          }
      }
      if (!rows.length && !cols.size) return { status: "pass" };
      const parts = [
        rows.length
          ? `${rowSpans(rows)}（${rows.length} 行有${figureWord(t)}，如「${rowName(rows[0])}」${amountText(t, rows[0])}）`
          : "",
        cols.size
          ? `${[...cols.keys()].map((c) => `${c} 列`).join("、")}（${[...cols.values()].reduce((n, x) => n + x.length, 0)} 个${figureWord(t)}）`
          : "",
      ].filter(Boolean);
      const cells = [
        ...(rows.length ? [rows[0].labelCell] : []),
        ...rows.flatMap((r) =>
          Object.values(r.amounts)
            .filter(hasValue)
            .map((a) => a.cell)
        ),
        ...[...cols.values()].flat(),
      ];
      return {
        status: "fail",
        finding: {
          rule: "printed.print-area",
          severity: "warning",
          message: `${tableName(t)}所在工作表的打印区域为 ${t.printArea}，表的${parts.join("和")}不在其中：打印或导出 PDF 时不会出现，公开的表不完整；请重设打印区域（页面布局 › 打印区域）`,
          cells: cells.filter((c, i) => cells.indexOf(c) === i),
          expected: null,
          actual: null,
          difference: null,
        },
      };
    });
  },
});

export const columnWidth = defineRule({
  id: "printed.column-width",
  category: "printed",
  title: "金额列的宽度能显示出数字",
  description:
    "设了数字格式（如 #,##0.00）的金额比所在列宽时，Excel、WPS 和 LibreOffice 都把它显示为 ####，打印或导出 PDF 后公开的表里看不到这个数（常见于把列调窄以适应纸张，或改用元为单位后数字变长）。按列宽和数字打印出的宽度估算，确实放不下才提示，每张表一次，说明是哪些列、哪些数。",
  severity: "warning",
  source: {
    basis: "practice",
    ref: "Excel 对放不下的已设格式数字显示 ####（ECMA-376 第 1 部分 18.3.1.13 列宽单位：正常字体最宽数字的字符数）",
  },
  check: (report) => {
    const tables = report.tables.filter((t) =>
      t.rows.some((r) => Object.values(r.amounts).some((a) => a.hashes))
    );
    if (!tables.length) return [noCase("没有金额因列宽不足而显示为 ####（或文件未记录列宽）")];
    return tables.map((t): Outcome => {
      const cells = t.rows.flatMap((r) =>
        Object.values(r.amounts)
          .filter((a) => a.hashes)
          .map((a) => a.cell)
      );
      const first = t.rows.flatMap((r) => Object.values(r.amounts)).find((a) => a.hashes)!;
      const cols = [...new Set(cells.map(columnOf))];
      const at = first.cell.slice(first.cell.lastIndexOf("!") + 1).replace(/\$/g, "");
      return {
        status: "fail",
        finding: {
          rule: "printed.column-width",
          severity: "warning",
          message: `${tableName(t)}的 ${cols.map((c) => `${c} 列`).join("、")}太窄：${cells.length} 个${figureWord(t)}（如 ${at} 的 ${first.text}）放不下，显示和打印为 ####，公开的表里看不到这些数；请加宽这些列（或缩小字号）`,
          cells,
          expected: null,
          actual: null,
          difference: null,
        },
      };
    });
  },
});

export const PRINTED_RULES = [hiddenAmounts, printArea, columnWidth, strayContent];
