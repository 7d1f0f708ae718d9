/**
 * 续表: a table whose lines go on on the next sheet (表6 → 表6（续）) or further down, its header printed again. The
 * continuation is read as a table of its own first; here it is joined to the table it continues, so the identities
 * (合计 = Σ 类, 302 = Σ its 款) hold over both parts and cite cells on both sheets.
 */
import type { Row, Table } from "../model/schema";
import { TOTAL_KEYS } from "./aliases";
import { functionalNameLevels } from "./structure";

/** A title, sheet name or label that says it continues a table: 表6（续）, 续表, 表6续, 续表1. */
const CONTINUED = /[(（]续[表\d一二三四五六七八九十]*[)）]|续表|续\d*$/;

const isTotal = (r: Row) => r.level === 0 && !!r.key && TOTAL_KEYS.has(r.key);
const keysOf = (t: Table) => t.columns.map((c) => `${c.side ?? ""}:${c.key}`);

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
 * Without a 续 printed anywhere: the parts are one table when exactly one of them has a 合计 line, and that 合计 equals
 * the shallowest lines of both parts together but not those of its own part (the figures say so, not the layout).
 */
function sumsJoin(a: Table, b: Table): boolean {
  const ta = a.rows.find(isTotal);
  const tb = b.rows.find(isTotal);
  if (!ta === !tb || a.rows.some((r) => r.side) || b.rows.some((r) => r.side)) return false;
  const total = (ta ?? tb)!;
  const key = total.amounts.total ? "total" : a.columns[0]?.key;
  const value = key ? total.amounts[key]?.value : null;
  if (!key || value === null || value === undefined) return false;
  const own = topSum((ta ? a : b).rows, key);
  const both = topSum(joinedRows(a, b), key);
  const slack = (n: number, d: number) => 0.5 * Math.pow(10, -d) * (n + 1) + 1e-9;
  return (
    Math.abs(both.sum - value) <= slack(both.n, both.decimals) &&
    Math.abs(own.sum - value) > slack(own.n, own.decimals)
  );
}

/**
 * Joins each continuation to the table before it (same kind and unit): named as a continuation (title, sheet name or
 * label with 续) without a second 合计 line, or — unnamed — its columns among that table's and tied by the sums
 * (`sumsJoin`). The joined table keeps the first part's id, sheet and range; `continued` lists the other parts. A part
 * named a continuation that cannot be joined safely keeps its own table, with `continues` saying why.
 * Names-only functional tables get their 类 / 款 / 项 read again over the joined lines (a part may start inside a 类).
 */
export function joinContinuations(tables: Table[]): Table[] {
  const out: Table[] = [];
  for (const t of tables) {
    const prev = out[out.length - 1];
    const part = prev ? withoutRepeatedTotal(prev, t) : t;
    const how = prev ? continues(prev, part) : false;
    if (how !== true) {
      // Named a continuation but not safely one table: kept apart, and said (input.continued-table).
      out.push(how ? { ...t, continues: { id: prev.id, reason: how.reason } } : t);
      continue;
    }
    const rows = joinedRows(prev, part);
    const keys = new Set(keysOf(prev));
    out[out.length - 1] = {
      ...prev,
      rows,
      // A column only the continuation prints (its header captions read otherwise) stays its own.
      columns: [...prev.columns, ...t.columns.filter((c) => !keys.has(`${c.side ?? ""}:${c.key}`))],
      notes: [...prev.notes, ...t.notes],
      empty: prev.empty && t.empty,
      continued: [...(prev.continued ?? []), { sheet: t.sheet, range: t.range, title: t.title }],
    };
  }
  return out;
}

/**
 * The continuation without the 合计 line it repeats (printed again on every page with the header, as print titles do):
 * a 合计 line whose every figure is the first part's 合计's.
 */
function withoutRepeatedTotal(a: Table, b: Table): Table {
  const ta = a.rows.find(isTotal);
  if (!ta) return b;
  const same = (r: Row) =>
    isTotal(r) &&
    r.side === ta.side &&
    Object.entries(ta.amounts).every(([k, x]) => (r.amounts[k]?.value ?? null) === x.value) &&
    Object.keys(r.amounts).every((k) => k in ta.amounts);
  return b.rows.some(same) ? { ...b, rows: b.rows.filter((r) => !same(r)) } : b;
}

/** The lines of both parts in order (copies); a names-only functional table's 类 / 款 / 项 read again over all of them. */
function joinedRows(a: Table, b: Table): Row[] {
  const rows = [...a.rows, ...b.rows].map((r) => ({ ...r }));
  if (rows.some((r) => r.codeFromName) && !rows.some((r) => r.code && !r.codeFromName))
    functionalNameLevels(
      rows,
      a.columns.map((c) => c.key)
    );
  return rows;
}

/**
 * true: b continues a (joined); false: it does not; { reason }: b is named a continuation of a, but joining is not
 * safe (another unit, a 合计 line in each part).
 */
function continues(a: Table, b: Table): boolean | { reason: string } {
  if (a.kind !== b.kind || a.kind === "performance_target" || a.form || b.form || !b.rows.length)
    return false;
  const named = [b.title, b.sheet, b.label ?? ""].some((s) => CONTINUED.test(s));
  if (named) {
    if (a.unit !== b.unit) return { reason: `两部分金额单位不同（${a.unit}、${b.unit}）` };
    if (a.rows.some(isTotal) && b.rows.some(isTotal)) return { reason: "两部分各有合计行" };
    return true;
  }
  const keys = new Set(keysOf(a));
  if (a.unit !== b.unit || !keysOf(b).length || !keysOf(b).every((k) => keys.has(k))) return false;
  return sumsJoin(a, b);
}
