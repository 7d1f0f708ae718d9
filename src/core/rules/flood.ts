/**
 * One finding per row is right for a few rows and useless for a list of thousands: 2,000 rows of the same sentence
 * (a project list without its 绩效目标表, a column of amounts typed with 万) in 审核结果, the terminal and the pane hide
 * everything else. Above `FLOOD_LIMIT` findings of one rule and severity in one table, the rule reports one finding
 * for the table — how many, the first `EXAMPLES` named — citing every row's cell, each cell's own sentence kept in
 * `details` for that cell's note. Below it the per-row findings stay as they are.
 */
import type { Finding } from "./rule";
import {
  UNIT_FACTOR,
  type Amount,
  type Report,
  type Row,
  type Table,
  type Unit,
} from "../model/schema";
import { columnName, rowName, tableName } from "./helpers";

/**
 * Ten rows of one sentence still fit a screen of 审核结果 and are checked one by one; past that a reviewer reads them as
 * one problem of the table (a list pasted without its forms, a column typed as text) and needs the count, not the rows.
 */
export const FLOOD_LIMIT = 10;
/** How many of the grouped rows the message names (the rest are in the cited cells and their notes). */
export const EXAMPLES = 5;

/** "“甲”、“乙”、“丙” 等 2000 个" — the first EXAMPLES items, and the count when there are more. */
export function examples(items: string[], unit = "个", n = EXAMPLES): string {
  const shown = items.slice(0, n).join("、");
  return items.length > n ? `${shown} 等 ${items.length} ${unit}` : shown;
}

const SEVERITIES = ["error", "warning", "rounding", "info"] as const;

/**
 * The findings of one rule in one table, as a reviewer reads them. `rows`: one per row, one cell each (the row's
 * cell first), all of one rule; above FLOOD_LIMIT of one severity they become one finding of that severity whose
 * message is `summary(rows)`, citing every row's cells in order, with each row's message in `details` (one per cited
 * cell). Figures (expected / actual / difference) of per-row findings are not summed: grouped findings carry none.
 */
export function groupedByTable(rows: Finding[], summary: (rows: Finding[]) => string): Finding[] {
  const out: Finding[] = [];
  // Asked for every table by the per-row rules, and most tables have no such finding.
  if (!rows.length) return out;
  for (let s = 0; s < SEVERITIES.length; s++) {
    const severity = SEVERITIES[s];
    const same = rows.filter((f) => f.severity === severity);
    if (same.length <= FLOOD_LIMIT) {
      out.push(...same);
      continue;
    }
    const cells: string[] = [];
    const details: string[] = [];
    for (const f of same)
      for (const c of f.cells) {
        cells.push(c);
        details.push(f.message);
      }
    out.push({
      rule: same[0].rule,
      severity,
      message: summary(same),
      cells,
      expected: null,
      actual: null,
      difference: null,
      details,
    });
  }
  return out;
}

/** A cited cell as the tables hold it: its table, row, column and printed figure. */
interface Held {
  table: Table;
  row: Row;
  key: string;
  amount: Amount;
}

/** A printed figure's last digit in 分 (1,000,000 for whole 万元, 100 for 0.01 万元 or whole 元). */
function grainOf(a: Amount, unit: Unit): number {
  return Math.pow(10, -a.decimals) * UNIT_FACTOR[unit] * 100;
}

/** "整数万元", " 0.01万元": the last digit a table prints, as a reviewer says it (after 列示到). */
function stepWords(decimals: number, unit: Unit): string {
  return decimals <= 0 ? `整数${unit}` : ` ${Math.pow(10, -decimals).toFixed(decimals)}${unit}`;
}

/** "0.5万元", "0.005万元": half of a last printed digit, in the table's unit. */
function halfWords(decimals: number, unit: Unit): string {
  return `${(0.5 * Math.pow(10, -decimals)).toFixed(Math.max(decimals, 0) + 1)}${unit}`;
}

/**
 * The cited figures of the table whose coarser printed precision explains a cross-table 尾差, or undefined: every
 * figure the finding cites in that table prints one last digit, no figure it cites in the other tables a coarser one
 * and some a finer one (a 收入总表 at 0.01 万元 whose small 上年结转 figures print whole), and the difference is within
 * ½ of the last digit of every cited figure (the tables' worst-case rounding). A 尾差 between tables printing the
 * same digit (0.01 against 0.01) is no such 尾差.
 */
function coarserTable(f: Finding, held: Map<string, Held>): Held[] | undefined {
  if (f.difference === null) return undefined;
  const cited: Held[] = [];
  for (const c of f.cells) {
    const h = held.get(c);
    if (!h) return undefined;
    if (!h.amount.blank && h.amount.value !== null) cited.push(h);
  }
  const grain = (h: Held) => grainOf(h.amount, h.table.unit);
  let coarse: Table | undefined;
  for (const t of new Set(cited.map((h) => h.table))) {
    const own = cited.filter((h) => h.table === t);
    const g = grain(own[0]);
    if (
      own.every((h) => grain(h) === g) &&
      cited.every((h) => h.table === t || grain(h) <= g) &&
      cited.some((h) => h.table !== t && grain(h) < g)
    ) {
      coarse = t;
      break;
    }
  }
  if (!coarse) return undefined;
  const unit = f.unit ?? held.get(f.cells[0])?.table.unit ?? coarse.unit;
  const diff = Math.abs(f.difference) * UNIT_FACTOR[unit] * 100;
  const allowed = cited.reduce((s, h) => s + grain(h) / 2, 0);
  if (diff > allowed + 1e-6) return undefined;
  return cited.filter((h) => h.table === coarse);
}

/**
 * A table printed to a coarser digit than the tables it is compared with (a 支出总表 in whole 万元 beside tables in
 * 0.01 万元) differs from them on nearly every line it shares, each time within the rounding of its own last digit:
 * dozens of 尾差 of one cause that bury the real findings. The cross-table 尾差 (rules `cross.*`) that the table's
 * precision explains (coarserTable) become one 尾差 for the table — its digit, the others', how many and the first
 * EXAMPLES of its figures named — citing every cell of them, each cell's own sentences kept in `details`. A table
 * with one such 尾差 keeps it as it is; 错误 (differences beyond the rounding) are never grouped. Returns the
 * findings (a grouped finding in the place of its first) and, for each finding grouped, the one now reporting it.
 */
export function groupedByPrecision(
  findings: Finding[],
  report: Report
): { findings: Finding[]; into: Map<Finding, Finding> } {
  const into = new Map<Finding, Finding>();
  const candidates = findings.filter(
    (f) => f.severity === "rounding" && f.rule.startsWith("cross.")
  );
  if (candidates.length < 2) return { findings, into };
  const held = new Map<string, Held>();
  for (const table of report.tables)
    for (const row of table.rows)
      for (const key in row.amounts) {
        const amount = row.amounts[key];
        if (amount.cell && !held.has(amount.cell))
          held.set(amount.cell, { table, row, key, amount });
      }
  const byTable = new Map<Table, Array<{ f: Finding; own: Held[] }>>();
  for (const f of candidates) {
    const own = coarserTable(f, held);
    if (!own) continue;
    const list = byTable.get(own[0].table) ?? [];
    list.push({ f, own });
    byTable.set(own[0].table, list);
  }
  for (const [table, list] of byTable) {
    if (list.length < 2) continue;
    const d = list[0].own[0].amount.decimals;
    // The finer last digits of the other tables (most often one: 0.01 万元).
    const g = grainOf(list[0].own[0].amount, table.unit);
    const others = new Set<string>();
    for (const { f } of list)
      for (const c of f.cells) {
        const h = held.get(c)!;
        if (h.table !== table && !h.amount.blank && grainOf(h.amount, h.table.unit) < g)
          others.add(stepWords(h.amount.decimals, h.table.unit));
      }
    const figures: string[] = [];
    const cells: string[] = [];
    const sentences = new Map<string, string[]>();
    for (const { f, own } of list) {
      for (const h of own) {
        const name = `「${rowName(h.row)}」${columnName(table, h.key, h.row.side)}`;
        if (!figures.includes(name)) figures.push(name);
      }
      // The table's own figures first (the rounded ones), then those they were compared with.
      for (const c of [...own.map((h) => h.amount.cell), ...f.cells]) {
        let s = sentences.get(c);
        if (!s) {
          sentences.set(c, (s = []));
          cells.push(c);
        }
        if (!s.includes(f.message)) s.push(f.message);
      }
    }
    const otherWords = others.size === 1 ? [...others][0] : "更细的位数";
    // A workbook of several sets names the set (【单位】) before each finding of a set's table: the grouped one too.
    const set = /^【[^】]*】/.exec(list[0].f.message)?.[0] ?? "";
    const grouped: Finding = {
      rule: list[0].f.rule,
      severity: "rounding",
      message:
        `${set}${tableName(table)}的金额列示到${stepWords(d, table.unit)}，与之比较的表列示到${otherWords}：` +
        `${list.length} 处比较不等，涉及本表 ${figures.length} 个数（${examples(figures)}），差额都在两表末位` +
        `四舍五入之内（本表每个数 ±${halfWords(d, table.unit)}，加对方末位的一半），属本表取整造成的尾差，` +
        `合为一条；每处的比较见所引单元格的批注`,
      cells,
      expected: null,
      actual: null,
      difference: null,
      details: cells.map((c) => sentences.get(c)!.join("；")),
    };
    for (const { f } of list) into.set(f, grouped);
  }
  if (!into.size) return { findings, into };
  const out: Finding[] = [];
  const placed = new Set<Finding>();
  for (const f of findings) {
    const g = into.get(f);
    if (!g) out.push(f);
    else if (!placed.has(g)) {
      placed.add(g);
      out.push(g);
    }
  }
  return { findings: out, into };
}
