/**
 * 续表: a table whose lines go on on the next sheet (表6 → 表6（续）) or further down, its header printed again. The
 * continuation is read as a table of its own first; here it is joined to the table it continues, so the identities
 * (合计 = Σ 类, 302 = Σ its 款) hold over both parts and cite cells on both sheets.
 */
import { isPrior, isRateOrChange, type Row, type Table, type TableKind } from "../model/schema";
import { indentDepth } from "../grid/text";
import { rowKey, TOTAL_KEYS } from "./aliases";
import { TABLE_LABEL } from "./kinds";
import { applyIndentLevels } from "./body";
import { nestClosingSubtotals } from "./closing-subtotals";
import { functionalNameLevels, structureRows } from "./structure";

/** A title, sheet name or label that says it continues a table: 表6（续）, 续表, 表6续, 续表1. */
const CONTINUED = /[(（]续[表\d一二三四五六七八九十]*[)）]|续表|续\d*$/;

/**
 * A line (normalised: NFKC, no spaces) that says only that the table before goes on here — （续表一）, （续表）, 续表2,
 * 续上表, 接上表 — printed in place of a title above a repeated header.
 */
export const CONTINUATION_LINE = /^\(?(续表?[\d一二三四五六七八九十]*|续上表|接上表)\)?$/;

/**
 * A line (normalised) naming a table's label with a 续 mark — 表1-2（续）, 表3续, 表3续表, 续表1-2, （续表3-1） — printed in
 * place of a title above a repeated header: that label's table goes on (tester31 T31-19).
 */
export function labelledContinuation(line: string): boolean {
  const t = line.replace(/^\((.*)\)$/, "$1");
  const m = TABLE_LABEL.exec(t);
  if (m) return CONTINUATION_LINE.test(t.slice(m[0].length));
  const rest = /^续表?/.exec(t) ? t.replace(/^续/, "") : "";
  return rest !== "" && TABLE_LABEL.exec(rest)?.[0] === rest;
}

/** Its title, sheet name or label says the table continues one before it (表6（续）, 续表, 支出总表（续）). */
export const namedContinuation = (t: Table) =>
  t.kind !== "performance_target" &&
  [t.title, t.sheet, t.label ?? ""].some((s) => CONTINUED.test(s));

/** A line printed as the table's total (合计, 总计), not taken for one by its place. */
const printedTotal = (r: Row) => TOTAL_KEYS.has(rowKey(r.label) ?? "");

const isTotal = (r: Row) => r.level === 0 && !!r.key && TOTAL_KEYS.has(r.key);
const keysOf = (t: Table) => t.columns.map((c) => `${c.side ?? ""}:${c.key}`);

/** How far a sum of n figures printed to d decimals may be off its printed total by rounding alone. */
const slack = (n: number, d: number) => 0.5 * Math.pow(10, -d) * (n + 1) + 1e-9;

/** Σ of the shallowest body rows' figures in column `key` (blank = 0), and how many figures were summed. */
function topSum(rows: Row[], key: string): { sum: number; n: number; decimals: number } {
  const body = rows.filter((r) => r.level > 0 && !r.partial && !r.side);
  const top = body.reduce((m, r) => Math.min(m, r.level), Infinity);
  let sum = 0;
  let n = 0;
  let decimals = 0;
  for (const r of body) {
    const a = r.amounts[key];
    if (r.level !== top || !a || a.value === null) continue;
    sum += a.value;
    n++;
    decimals = Math.max(decimals, a.decimals);
  }
  return { sum, n, decimals };
}

/**
 * Without a 续 printed anywhere: consecutive parts (two, or more when a table is printed over three pages or sheets)
 * are one table when exactly one of them has a 合计 line, the first or the last, and that 合计 equals the shallowest
 * lines of all the parts together but not those of its own part (the figures say so, not the layout).
 */
export function sumsJoin(parts: Table[]): boolean {
  const withTotal = parts.filter((p) => p.rows.some(isTotal));
  if (withTotal.length !== 1 || parts.some((p) => p.rows.some((r) => r.side))) return false;
  const own = withTotal[0];
  if (own !== parts[0] && own !== parts[parts.length - 1]) return false;
  const total = own.rows.find(isTotal)!;
  const key = total.amounts.total ? "total" : parts[0].columns[0]?.key;
  const value = key ? total.amounts[key]?.value : null;
  if (!key || value === null || value === undefined) return false;
  const mine = topSum(own.rows, key);
  const all = topSum(joinedRows(parts), key);
  return (
    Math.abs(all.sum - value) <= slack(all.n, all.decimals) &&
    Math.abs(mine.sum - value) > slack(mine.n, mine.decimals)
  );
}

/** How many of `rows`' sums do not hold in column `key`: the 合计 against its shallowest lines, each line against its
 * lines one level deeper right under it (a line or 合计 without a figure, or without lines under it, checks nothing). */
function brokenSums(rows: Row[], key: string): number {
  let broken = 0;
  const total = rows.find(isTotal);
  const value = total?.amounts[key]?.value;
  if (total && value !== null && value !== undefined) {
    const top = topSum(rows, key);
    if (top.n && Math.abs(top.sum - value) > slack(top.n, top.decimals)) broken++;
  }
  rows.forEach((r, i) => {
    const v = r.amounts[key]?.value;
    if (r.level <= 0 || r.partial || r.side || v === null || v === undefined) return;
    let sum = 0;
    let n = 0;
    let decimals = 0;
    for (let k = i + 1; k < rows.length && rows[k].level > r.level; k++) {
      const x = rows[k].amounts[key];
      if (rows[k].level !== r.level + 1 || rows[k].partial || !x || x.value === null) continue;
      sum += x.value;
      n++;
      decimals = Math.max(decimals, x.decimals);
    }
    if (n && Math.abs(sum - v) > slack(n, decimals)) broken++;
  });
  return broken;
}

/**
 * The parts of a table read so far add up (its 合计 and every line over the lines under it), and with `part` joined
 * they no longer do: it is no further part of that table (the table is complete without it).
 */
export function addsUpWithout(parts: Table[], part: Table): boolean {
  if ([...parts, part].some((p) => p.rows.some((r) => r.side))) return false;
  const key = parts[0].columns.some((c) => c.key === "total") ? "total" : parts[0].columns[0]?.key;
  if (!key) return false;
  const mine = parts.length > 1 ? joinedRows(parts) : parts[0].rows;
  return brokenSums(mine, key) === 0 && brokenSums(joinedRows([...parts, part]), key) > 0;
}

/**
 * Without a 续 printed anywhere, the part after a page break that falls inside the last 类 (or 款): b prints only
 * lines deeper than a's shallowest — the rest of a line's 款 / 项 — and they complete that line: the last line of a
 * one level up is the sum of its lines in a and b at b's shallowest level, and not of those in a alone.
 */
function completesParent(a: Table, b: Table): boolean {
  if (b.rows.some(isTotal) || a.rows.some((r) => r.side) || b.rows.some((r) => r.side))
    return false;
  // The levels as read over both parts (a names-only table's are read again over all its lines).
  const rows = joinedRows([a, b]);
  const mineRows = rows.slice(0, a.rows.length);
  const theirs = rows.slice(a.rows.length);
  const level = (rs: Row[]) =>
    rs.reduce((m, r) => (r.level > 0 && !r.partial ? Math.min(m, r.level) : m), Infinity);
  const L = level(theirs);
  if (!Number.isFinite(L) || L < 2 || L <= level(mineRows)) return false;
  let at = mineRows.length - 1;
  while (at >= 0 && (mineRows[at].level >= L || mineRows[at].partial)) at--;
  const parent = mineRows[at];
  if (!parent || parent.level !== L - 1) return false;
  const key = parent.amounts.total ? "total" : a.columns[0]?.key;
  const value = key ? parent.amounts[key]?.value : null;
  if (!key || value === null || value === undefined) return false;
  const sum = (rs: Row[]) => {
    let total = 0;
    let n = 0;
    let decimals = 0;
    for (const r of rs) {
      const x = r.amounts[key];
      if (r.level !== L || r.partial || !x || x.value === null) continue;
      total += x.value;
      n++;
      decimals = Math.max(decimals, x.decimals);
    }
    return { total, n, decimals };
  };
  const mine = sum(mineRows.slice(at + 1));
  const both = sum([...mineRows.slice(at + 1), ...theirs]);
  return (
    Math.abs(both.total - value) <= slack(both.n, both.decimals) &&
    Math.abs(mine.total - value) > slack(mine.n, mine.decimals)
  );
}

/** How many parts a chain may hold: a table printed over this many pages or sheets at most. */
const MAX_PARTS = 40;

/**
 * Joins each continuation to the table before it (same kind and unit): named as a continuation (title, sheet name or
 * label with 续) without a second 合计 line, or — unnamed — its columns among that table's and tied by the sums
 * (`sumsJoin`): the next table alone, else the shortest run of next tables that ties (a table printed over three or
 * more pages, its title and header repeated on each, none saying 续); or the next table completing the last line of
 * that table (`completesParent`: a page break inside a 类). The joined table keeps the first part's id,
 * sheet and range; `continued` lists the other parts. A part named a continuation that cannot be joined safely keeps
 * its own table, with `continues` saying why.
 * Names-only functional tables get their 类 / 款 / 项 read again over the joined lines (a part may start inside a 类).
 */
export function joinContinuations(tables: Table[]): Table[] {
  const out: Table[] = [];
  for (let i = 0; i < tables.length; i++) {
    const t = tables[i];
    const prev = out[out.length - 1];
    const part = prev ? withoutRepeatedTotal(prev, t) : t;
    const how = prev ? continues(prev, part) : false;
    if (how === true) {
      out[out.length - 1] = joined(prev, [t], [part]);
      continue;
    }
    const run = how === false && prev ? chainBySums(prev, tables, i) : undefined;
    if (run) {
      out[out.length - 1] = joined(prev, run.originals, run.parts);
      i += run.parts.length - 1;
      continue;
    }
    // Named a continuation but not safely one table: kept apart, and said (input.continued-table).
    out.push(how ? { ...t, continues: { id: prev.id, reason: how.reason } } : t);
  }
  return out;
}

/** `first` with the `parts` after it as one table (`originals`: the parts as read, for their columns and notes). */
function joined(first: Table, originals: Table[], parts: Table[]): Table {
  const keys = new Set(keysOf(first));
  const columns = [...first.columns];
  for (const t of originals)
    for (const c of t.columns) {
      // A column only a continuation prints (its header captions read otherwise) stays its own.
      const k = `${c.side ?? ""}:${c.key}`;
      if (!keys.has(k)) columns.push(c);
      keys.add(k);
    }
  return {
    ...first,
    rows: joinedRows([first, ...parts]),
    columns,
    notes: [...first.notes, ...originals.flatMap((t) => t.notes)],
    empty: first.empty && originals.every((t) => t.empty),
    continued: [
      ...(first.continued ?? []),
      ...originals.map((t) => ({ sheet: t.sheet, range: t.range, title: t.title })),
    ],
  };
}

/**
 * An unnamed continuation over three or more parts: from tables[i] on, the run of tables that could each continue
 * `first` (`mayContinue`) — stopped at the first that cannot — and the shortest run of two or more of them that ties
 * with `first` by the sums. Undefined when none does.
 */
function chainBySums(
  first: Table,
  tables: Table[],
  i: number
): { originals: Table[]; parts: Table[] } | undefined {
  const originals: Table[] = [];
  const parts: Table[] = [];
  for (let j = i; j < tables.length && parts.length < MAX_PARTS; j++) {
    const part = withoutRepeatedTotal(first, tables[j]);
    if (!mayContinue(first, part)) break;
    originals.push(tables[j]);
    parts.push(part);
    if (parts.length >= 2 && sumsJoin([first, ...parts])) return { originals, parts };
  }
  return undefined;
}

/**
 * The continuation without the 合计 line it repeats (printed again on every page with the header, as print titles do):
 * a 合计 line whose every figure is the first part's 合计's. That 合计 prints a figure (and, in a 项目支出表, is named
 * 合计 / 总计): a unit's heading line a part starts with, taken for its total by its place and printing none, repeats
 * nothing — nor is the next part's heading a repeat of it.
 */
function withoutRepeatedTotal(a: Table, b: Table): Table {
  const ta = a.rows.find(isTotal);
  if (
    !ta ||
    !Object.values(ta.amounts).some((x) => x.value !== null) ||
    (PROJECT_KINDS.has(a.kind) && !printedTotal(ta))
  )
    return b;
  const same = (r: Row) =>
    isTotal(r) &&
    r.side === ta.side &&
    Object.entries(ta.amounts).every(([k, x]) => (r.amounts[k]?.value ?? null) === x.value) &&
    Object.keys(r.amounts).every((k) => k in ta.amounts);
  return b.rows.some(same) ? { ...b, rows: b.rows.filter((r) => !same(r)) } : b;
}

/**
 * A 项目支出表's lines as read before their levels were set (the 小计 lines that closing-subtotals.ts folds into their
 * headings still among them), each with its level, key and figures then: by the rows array the table was read with.
 * A part alone cannot tell its lines' levels (it may start or end inside a unit's group): the joined lines are
 * levelled again from these.
 */
const asRead = new WeakMap<
  Row[],
  Array<{ row: Row; level: number; key?: string; amounts: Row["amounts"] }>
>();

/** Keeps `rows` (a 项目支出表's, before their levels are set) as read, for `joinedRows`. */
export function keepAsRead(rows: Row[]): void {
  asRead.set(
    rows,
    rows.map((row) => ({ row, level: row.level, key: row.key, amounts: row.amounts }))
  );
}

/**
 * The lines of all parts in order (copies), their levels read again over all of them where a part alone cannot tell
 * them: a names-only functional table's 类 / 款 / 项, and a 项目支出表 without codes — its projects' indentation under
 * the 部门 / 单位 lines, 小计 lines closing their groups, else the sums (tester29b T29B-10 / T29B-17: a part may start
 * inside a unit's group, its 小计 or 合计 in the other part).
 */
function joinedRows(parts: Table[]): Row[] {
  const project = parts.length > 1 && PROJECT_KINDS.has(parts[0].kind);
  const read = project ? parts.map((p) => asRead.get(p.rows)) : [];
  if (project && read.every((x) => x)) {
    const lines = read.flatMap((x) => x!);
    const rows: Row[] = lines.map(({ row, level, key, amounts }) => {
      const copy: Row = { ...row, level, amounts };
      if (key === undefined) delete copy.key;
      else copy.key = key;
      return copy;
    });
    if (!rows.some((r) => (r.code && !r.codeFromName) || r.side || r.subjectCode)) {
      for (const r of rows) if (r.key && TOTAL_KEYS.has(r.key) && !printedTotal(r)) delete r.key;
      // A line's name keeps its indentation (the name cell's, where a part under a borrowed header cannot tell it).
      applyIndentLevels(rows, (r) => indentDepth(r.label), parts[0].department);
      if (!nestClosingSubtotals(rows)) structureRows(rows, sumKeys(parts[0]));
      // The joined lines as read, for a further part joined to them (表（续2）: levelled again over all three).
      asRead.set(rows, lines);
      return rows;
    }
  }
  const rows = parts.flatMap((p) => p.rows).map((r) => ({ ...r }));
  const printsCodes = rows.some((r) => r.code && !r.codeFromName);
  const keys = parts[0].columns.map((c) => c.key);
  if (rows.some((r) => r.codeFromName) && !printsCodes) functionalNameLevels(rows, keys);
  if (
    parts.length > 1 &&
    PROJECT_KINDS.has(parts[0].kind) &&
    !printsCodes &&
    !rows.some((r) => r.side || r.subjectCode)
  ) {
    // A part's first unindented lines were taken for its total by their place (部门 line, a 小计 the part starts
    // with): over the whole table only a printed 合计 is.
    for (const r of rows) if (r.key && TOTAL_KEYS.has(r.key) && !printedTotal(r)) delete r.key;
    applyIndentLevels(rows, (r) => indentDepth(r.label), parts[0].department);
    if (!nestClosingSubtotals(rows)) structureRows(rows, sumKeys(parts[0]));
  }
  return rows;
}

/** The columns a table's lines sum in (no rates, changes or last year's figures). */
const sumKeys = (t: Table) =>
  t.columns.map((c) => c.key).filter((k) => !isRateOrChange(k) && !isPrior(k));

const PROJECT_KINDS: ReadonlySet<TableKind> = new Set(["project_expenditure", "project_carryover"]);

/** b could go on from a (unnamed): same kind and unit, a table of lines (not a 绩效 form), its columns among a's. */
export function mayContinue(a: Table, b: Table): boolean {
  if (a.kind !== b.kind || a.kind === "performance_target" || a.form || b.form || !b.rows.length)
    return false;
  const keys = new Set(keysOf(a));
  return a.unit === b.unit && keysOf(b).length > 0 && keysOf(b).every((k) => keys.has(k));
}

/**
 * true: b continues a (joined); false: it does not; { reason }: b is named a continuation of a, but joining is not
 * safe (another unit, a 合计 line in each part).
 */
function continues(a: Table, b: Table): boolean | { reason: string } {
  if (a.kind !== b.kind || a.kind === "performance_target" || a.form || b.form || !b.rows.length)
    return false;
  const named = namedContinuation(b);
  // A part that prints no unit (a 续表 page without its 单位 line: tester33 T33-9) is in the unit of the table it
  // goes on from; only two printed units can differ.
  if (!b.unitText || !a.unitText) b = { ...b, unit: a.unit };
  // A page without a header read through a's (bare-pages.ts): a's next page as much as one named 续.
  if (named || b.borrowsHeader) {
    if (a.unit !== b.unit) return { reason: `两部分金额单位不同（${a.unit}、${b.unit}）` };
    // A 项目支出表 without codes takes a part's first unindented line (a 小计) for its total by its place alone.
    const total = PROJECT_KINDS.has(a.kind) ? (r: Row) => isTotal(r) && printedTotal(r) : isTotal;
    if (a.rows.some(total) && b.rows.some(total)) return { reason: "两部分各有合计行" };
    return true;
  }
  return mayContinue(a, b) && (sumsJoin([a, b]) || completesParent(a, b));
}
