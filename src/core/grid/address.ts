/** A1 addresses, sheet-name quoting and ranges, as Excel writes them. */

export function columnLetter(col0: number): string {
  let n = col0 + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * Excel writes a sheet name bare when it is made of letters (any script, so 预算公开表1), digits, _ and .,
 * does not start with a digit and cannot be read as a cell reference (A1, R1C1); otherwise it quotes it.
 */
export function quoteSheet(name: string): string {
  const plain =
    /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) &&
    !/^[A-Za-z]{1,3}[0-9]+$/.test(name) &&
    !/^[Rr][0-9]*[Cc]?[0-9]*$/.test(name) &&
    !/^[Cc][0-9]*$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function cellA1(row0: number, col0: number): string {
  return `${columnLetter(col0)}${row0 + 1}`;
}

export function cellRef(sheet: string, row0: number, col0: number): string {
  return `${quoteSheet(sheet)}!${cellA1(row0, col0)}`;
}

export function rangeA1(r0: number, c0: number, r1: number, c1: number): string {
  const a = cellA1(r0, c0);
  const b = cellA1(r1, c1);
  return a === b ? a : `${a}:${b}`;
}

/** Parses "Sheet!B3", "'a b'!B3:C4" or "B3" into parts (0-based). */
export function parseRef(ref: string): {
  sheet?: string;
  r0: number;
  c0: number;
  r1: number;
  c1: number;
} {
  const m =
    /^(?:(?:'((?:[^']|'')+)'|([^!]+))!)?\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(
      ref.trim()
    );
  if (!m) throw new Error(`invalid reference: ${ref}`);
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const c0 = columnIndex(m[3]);
  const r0 = Number(m[4]) - 1;
  const c1 = m[5] ? columnIndex(m[5]) : c0;
  const r1 = m[6] ? Number(m[6]) - 1 : r0;
  return { sheet, r0, c0, r1, c1 };
}

/** True when cell `at` (0-based, as parseRef gives) lies inside `area` (sheets not compared). */
export function inArea(
  area: { r0: number; c0: number; r1: number; c1: number },
  at: { r0: number; c0: number }
): boolean {
  return at.r0 >= area.r0 && at.r0 <= area.r1 && at.c0 >= area.c0 && at.c0 <= area.c1;
}

/**
 * Cells (0-based row / column) as few A1 areas: runs of consecutive rows in one column become "A15:A2014", in the
 * order of first appearance. A finding citing a table's 2,000 project rows is selected as a handful of areas.
 */
export function cellAreas(
  cells: ReadonlyArray<{ r0: number; c0: number }>
): Array<{ area: string; cells: number }> {
  const byCol = new Map<number, number[]>();
  for (const c of cells) {
    const rows = byCol.get(c.c0);
    if (rows) rows.push(c.r0);
    else byCol.set(c.c0, [c.r0]);
  }
  const out: Array<{ area: string; cells: number }> = [];
  for (const [col, rows] of byCol) {
    const sorted = [...new Set(rows)].sort((a, b) => a - b);
    for (let i = 0; i < sorted.length;) {
      let j = i;
      while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
      out.push({ area: rangeA1(sorted[i], col, sorted[j], col), cells: j - i + 1 });
      i = j + 1;
    }
  }
  return out;
}

/**
 * One print area as the hosts give it ("'表 1'!$A$1:$E$20", "$A:$E", "1:20") → "A1:E20" / "A:E" / "1:20" (no sheet,
 * no "$"); undefined for anything else (a name, an ODF or R1C1 reference): the shape SheetGrid.printArea holds.
 */
export function printAreaA1(ref: string): string | undefined {
  const a = ref.replace(/^.*!/, "").replace(/\$/g, "").trim();
  return /^([A-Z]+\d+(:[A-Z]+\d+)?|[A-Z]+:[A-Z]+|\d+:\d+)$/i.test(a) ? a : undefined;
}

/** A sheet's print areas (printAreaA1 each), all or none: a sheet whose area cannot all be placed says nothing of it. */
export function printAreasA1(refs: string[]): string[] | undefined {
  const areas = refs.filter((r) => r.trim()).map(printAreaA1);
  return areas.length && areas.every((a) => a) ? (areas as string[]) : undefined;
}
