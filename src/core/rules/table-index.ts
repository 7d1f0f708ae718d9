/**
 * What many rules ask of one table — does it print a column of this key, which rows and columns are on this side —
 * read once per table object instead of once per rule (a table is not changed once read; the engine checks the
 * tables of one import once, so the index lives as long as the check that made it).
 */
import type { Row, Table } from "../model/schema";

type Col = Table["columns"][number];

interface SideIndex {
  rows: Row[];
  columns: Col[];
}

interface TableIndex {
  keys: Set<string>;
  sides: Map<string | undefined, SideIndex>;
}

const INDEX = new WeakMap<Table, TableIndex>();

function indexOf(t: Table): TableIndex {
  let x = INDEX.get(t);
  if (!x) {
    const keys = new Set<string>();
    for (let i = 0; i < t.columns.length; i++) keys.add(t.columns[i].key);
    INDEX.set(t, (x = { keys, sides: new Map() }));
  }
  return x;
}

/** Whether the table prints a column keyed `key` (on any side). */
export function hasColumn(t: Table, key: string): boolean {
  return indexOf(t).keys.has(key);
}

function sideOf(t: Table, side: string | undefined): SideIndex {
  const sides = indexOf(t).sides;
  let s = sides.get(side);
  if (!s) {
    const rows = t.rows.filter((r) => r.side === side);
    const columns = t.columns.filter((c) => c.side === side);
    // A one-sided table (most): its own lists, not copies of them.
    sides.set(
      side,
      (s = {
        rows: rows.length === t.rows.length ? t.rows : rows,
        columns: columns.length === t.columns.length ? t.columns : columns,
      })
    );
  }
  return s;
}

/** The table's rows on `side` (undefined: the rows of no side), in order. Shared: never change it. */
export function sideRows(t: Table, side: string | undefined): Row[] {
  return sideOf(t, side).rows;
}

/** The table's columns on `side` (undefined: the columns of no side), in order. Shared: never change it. */
export function sideColumns(t: Table, side: string | undefined): Col[] {
  return sideOf(t, side).columns;
}
