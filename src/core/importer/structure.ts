/**
 * Levels of rows that print no codes: 类 / 款 / 项 from the standard names (政府收支分类科目) and, where names do not
 * tell, from the sums themselves (a 款 is complete when its 项 add up to it); unit-grouped tables (部门 → 单位 → 项目)
 * from the structure — each group row equals the sum of the rows under it.
 */
import type { Amount, Row, Table } from "../model/schema";
import { labelKey, norm, ordinalLevel } from "../grid/text";
import { FUNCTIONAL_KUAN, functionalName } from "../classification/functional";
import { TOTAL_KEYS } from "./aliases";

/** Amount vector of a row in cents-free units of its last printed decimal, blank = 0. */
function vec(r: Row, keys: string[]): number[] {
  return keys.map((k) => {
    const a = r.amounts[k];
    return a && !a.blank && a.value !== null ? a.value : 0;
  });
}

/** Half a unit of the coarsest printed decimal among the amounts. */
function grain(rows: Row[], keys: string[]): number {
  let d = 0;
  for (const r of rows)
    for (const k of keys) {
      const a: Amount | undefined = r.amounts[k];
      if (a && !a.blank) d = Math.max(d, a.decimals);
    }
  return 0.5 * Math.pow(10, -d);
}

function near(a: number[], b: number[], slack: number): boolean {
  return a.every((x, i) => Math.abs(x - b[i]) <= slack + 1e-9);
}

const isTotal = (r: Row) =>
  !!r.key && (TOTAL_KEYS.has(r.key) || r.key === "section_total" || r.key.startsWith("carryover"));

/** Names equal but for brackets and their width (维修（护）费 = 维修(护)费). */
function sameName(a: string, b: string): boolean {
  const k = (x: string) => norm(x).replace(/[()（）]/g, "");
  return k(a) === k(b);
}

/** The 款 code under a 类 whose standard name is the printed name. */
function kuanByName(cls: string, label: string): string | undefined {
  const k = labelKey(label);
  for (const [code, name] of Object.entries(FUNCTIONAL_KUAN))
    if (code.startsWith(cls) && sameName(k, name)) return code;
  return undefined;
}

function xiangByName(kuan: string, label: string): string | undefined {
  const k = labelKey(label);
  for (let i = 1; i <= 99; i++) {
    const code = kuan + String(i).padStart(2, "0");
    const name = functionalName(code);
    if (name && sameName(k, name)) return code;
  }
  return undefined;
}

/**
 * Functional tables without printed codes whose 类 rows were found by name: the rows under a 类 are 款 (a known 款
 * name of that 类, or the first row after the 类, or the row after a complete 款) or 项 (the rest). Codes are set
 * where the standard names tell them, so tables pair by code as if printed.
 */
export function functionalNameLevels(rows: Row[], amountKeys: string[]): void {
  if (rows.some((r) => r.code && !r.codeFromName)) return;
  if (!rows.some((r) => r.codeFromName)) return;
  const slackOf = grain(rows, amountKeys);
  let cls: string | undefined;
  let kuan: { row: Row; items: number[] | undefined; n: number } | undefined;
  let above: Row | undefined;
  for (const r of rows) {
    if (isTotal(r) || r.partial) {
      if (isTotal(r)) cls = undefined;
      // A 其中 line details the line above it, at the level that line is now given.
      if (r.partial && above) r.level = above.level + 1;
      continue;
    }
    above = r;
    // A 类 is printed once: a line named like the 类 it is under (229 其他支出 › 22999 其他支出 › 2299999 其他支出) is
    // its 款 or 项, read on below with the code its name gave it taken back.
    if (r.codeFromName && r.code?.length === 3 && r.code === cls) {
      r.code = undefined;
      r.codeFromName = undefined;
      r.codeSystem = undefined;
    }
    if (r.codeFromName && r.code?.length === 3) {
      cls = r.code;
      kuan = undefined;
      r.level = 1;
      continue;
    }
    if (!cls) continue;
    // A numbered line (二十四、对附属单位补助支出) is a sibling of the numbered 类, not one of its 款.
    if (ordinalLevel(r.label) !== undefined) {
      cls = undefined;
      continue;
    }
    // 其他社会保障和就业支出 is both 款 20899 and its 项 2089999: the line of that name right under the 款 is its 项.
    const ownItem = kuan && !kuan.items && sameName(labelKey(kuan.row.label), labelKey(r.label));
    const known = ownItem ? undefined : kuanByName(cls, r.label);
    const complete =
      kuan && kuan.items && near(kuan.items, vec(kuan.row, amountKeys), slackOf * (kuan.n + 1));
    if (!kuan || (!ownItem && (known || complete))) {
      r.level = 2;
      if (known) {
        r.code = known;
        r.codeSystem = "functional";
        r.codeFromName = true;
      }
      kuan = { row: r, items: undefined, n: 0 };
    } else {
      r.level = 3;
      const v = vec(r, amountKeys);
      kuan.items = kuan.items ? kuan.items.map((x, i) => x + v[i]) : v;
      kuan.n++;
      if (kuan.row.code?.length === 5) {
        const x = xiangByName(kuan.row.code, r.label);
        if (x) {
          r.code = x;
          r.codeSystem = "functional";
          r.codeFromName = true;
        }
      }
    }
  }
}

/**
 * Names-only functional tables: a 款 or 项 whose printed name is not the standard 政府收支分类科目 name (专项统计业务
 * where the list has no name for 2010505) gets no code from its name, and so pairs with no line of the tables that
 * print codes. It takes the code those tables print for the same name under the same 类 / 款 (the parent's code) —
 * when exactly one code is printed so; a name printed nowhere, or under two codes, leaves the line without a code.
 * Work: one pass over the coded lines of the workbook, one lookup per uncoded line of a names-only table.
 */
export function codesFromCodedTables(tables: Table[]): void {
  const namesOnly = tables.filter(
    (t) =>
      t.rows.some((r) => r.codeFromName) &&
      !t.rows.some((r) => (r.code && !r.codeFromName) || r.side)
  );
  if (!namesOnly.some((t) => t.rows.some((r) => !r.code && r.level >= 2))) return;
  // parent code + name → the codes printed for it.
  const printed = new Map<string, Set<string>>();
  for (const t of tables)
    for (const r of t.rows) {
      if (!r.code || r.codeFromName || r.codeSystem !== "functional" || r.code.length < 5) continue;
      const k = `${r.code.slice(0, -2)} ${nameKey(r.label)}`;
      const codes = printed.get(k) ?? new Set<string>();
      codes.add(r.code);
      printed.set(k, codes);
    }
  if (!printed.size) return;
  for (const t of namesOnly) {
    // The code of the last line at each level above the current one (undefined when that line has none).
    const above: Array<string | undefined> = [];
    for (const r of t.rows) {
      if (r.level <= 0 || r.partial) continue;
      const parent = above[r.level - 1];
      if (!r.code && r.level >= 2 && parent && parent.length === 2 * r.level - 1) {
        const codes = printed.get(`${parent} ${nameKey(r.label)}`);
        if (codes?.size === 1) {
          r.code = [...codes][0];
          r.codeSystem = "functional";
          r.codeFromName = true;
        }
      }
      above.length = r.level;
      above[r.level] = r.code;
    }
  }
}

/** A line's name as compared across tables: its label key, brackets of either width dropped. */
const nameKey = (label: string) => norm(labelKey(label)).replace(/[()（）]/g, "");

/** The lines directly under line i (the shallowest level of the lines below it that are deeper than it); [] for a leaf. */
function kidsOf(levels: number[], i: number): number[] {
  let k = i + 1;
  let lvl = Infinity;
  for (; k < levels.length && levels[k] > levels[i]; k++) lvl = Math.min(lvl, levels[k]);
  const kids: number[] = [];
  for (let j = i + 1; j < k; j++) if (levels[j] === lvl) kids.push(j);
  return kids;
}

/** Is every parent the sum of its children (and the total the sum of the first level), within rounding? */
export function levelsAddUp(rows: Row[], amountKeys: string[]): boolean {
  const slackOf = grain(rows, amountKeys);
  const body = rows.filter((r) => !r.partial);
  const levels = body.map((r) => r.level);
  for (let i = 0; i < body.length; i++) {
    const p = body[i];
    const kids =
      p.level === 0 && p.key === "total"
        ? body.filter((r) => r.level === 1)
        : kidsOf(levels, i).map((k) => body[k]);
    if (!kids.length) continue;
    const sum = kids.reduce(
      (acc, r) => acc.map((x, j) => x + vec(r, amountKeys)[j]),
      amountKeys.map(() => 0)
    );
    if (!near(sum, vec(p, amountKeys), slackOf * (kids.length + 1))) return false;
  }
  return true;
}

/**
 * Levels from the sums alone: reads the rows as a tree in which every group row equals the sum of the rows directly
 * under it and the first-level rows add up to the total. Tries each row as a leaf before trying it as a group; rows
 * without any amount are leaves. Returns the levels (1 = first level) or undefined when no tree fits (or the search
 * is too long).
 */
export function structuralLevels(
  rows: Row[],
  total: Row | undefined,
  amountKeys: string[]
): number[] | undefined {
  const n = rows.length;
  if (n === 0 || n > 400) return undefined;
  const v = rows.map((r) => vec(r, amountKeys));
  const slackOf = grain([...rows, ...(total ? [total] : [])], amountKeys);
  const zero = v.map((x) => x.every((y) => y === 0));
  const levels = new Array<number>(n).fill(1);
  let steps = 0;
  const LIMIT = 200000;
  const positive = v.every((x) => x.every((y) => y >= 0));
  // Runs of siblings already found not to add up (from i to end, to what is left of the target): a line read as a
  // leaf or as a group ends at the same place with the same sum, so without this the search repeats the rest for each
  // reading of every line before it (a 部门 › 单位 › 项目 list of 30 lines ran past LIMIT).
  const failed = new Set<string>();
  // Siblings from i to end at `level`, adding up to target.
  const seq = (i: number, end: number, target: number[], level: number, count: number): boolean => {
    if (++steps > LIMIT) return false;
    if (i === end)
      return (
        count > 0 &&
        near(
          target,
          target.map(() => 0),
          slackOf * (count + 1)
        )
      );
    if (positive && target.some((t) => t < -slackOf * (count + 2))) return false;
    const memo = `${i} ${end} ${count} ${target.map((t) => Math.round(t * 1e6)).join(" ")}`;
    if (failed.has(memo)) return false;
    if (run(i, end, target, level, count)) return true;
    failed.add(memo);
    return false;
  };
  const run = (i: number, end: number, target: number[], level: number, count: number): boolean => {
    levels[i] = level;
    const rest = target.map((t, j) => t - v[i][j]);
    if (seq(i + 1, end, rest, level, count + 1)) return true;
    if (zero[i]) return false;
    // As a group: its children are i+1 … k-1.
    for (let k = i + 2; k <= end; k++) {
      if (seq(i + 1, k, v[i], level + 1, 0) && seq(k, end, rest, level, count + 1)) {
        levels[i] = level;
        return true;
      }
      if (steps > LIMIT) return false;
    }
    return false;
  };
  const target = total ? vec(total, amountKeys) : undefined;
  if (!target) return undefined;
  return seq(0, n, target, 1, 0) ? [...levels] : undefined;
}

/** A group line named as one: 小计, 本级小计, XX单位小计 (the line above its items). */
const SUBTOTAL = /小计$/;

/**
 * How many (group, column) sums hold when `levels` are the rows' levels and the total sums the first level, and the
 * most that fail in any one column. A column whose group and items are all blank says nothing and is not counted
 * (else every grouping would score in it).
 */
function sumsHolding(
  v: number[][],
  levels: number[],
  total: number[],
  slack: number
): { held: number; worst: number } {
  let held = 0;
  const failed = total.map(() => 0);
  const count = (parent: number[], kids: number[]) =>
    parent.forEach((p, j) => {
      if (p === 0 && kids.every((k) => v[k][j] === 0)) return;
      if (Math.abs(kids.reduce((s, k) => s + v[k][j], 0) - p) <= slack * (kids.length + 1) + 1e-9)
        held++;
      else failed[j]++;
    });
  count(
    total,
    levels.flatMap((l, i) => (l === 1 ? [i] : []))
  );
  levels.forEach((_l, i) => {
    const kids = kidsOf(levels, i);
    if (kids.length) count(v[i], kids);
  });
  return { held, worst: Math.max(0, ...failed) };
}

/** Each line named …小计 heads the lines under it up to the next one; undefined when no line is so named. */
function subtotalCue(rows: Row[]): number[] | undefined {
  return headsCue(rows.map((r) => SUBTOTAL.test(labelKey(r.label))));
}

/** 采购类别 lines of a 政府采购预算表 (货物类 / 工程类 / 服务类, 货物采购 …), numbered or not. */
const PROCUREMENT_CLASS = /^(货物|工程|服务)(类)?(采购)?(小计)?$/;

/**
 * Group lines named by their printing, not their sums (tester34 T34-13: 一、货物类 | 小计 over its purchases, 二、服务类 …):
 * lines numbered at one ordinal level (一、 / （一）) above unnumbered ones, or named as a 采购类别, each head the lines
 * under them up to the next. Undefined when no line, or every line, is such a head.
 */
function groupCue(rows: Row[]): number[] | undefined {
  const ord = rows.map((r) => ordinalLevel(r.label));
  const levels = new Set(ord.filter((x) => x !== undefined));
  const numbered =
    levels.size === 1 && ord[0] !== undefined ? ord.map((x) => x !== undefined) : undefined;
  const named = rows.map((r) => PROCUREMENT_CLASS.test(labelKey(r.label)));
  return (numbered && headsCue(numbered)) ?? (named[0] ? headsCue(named) : undefined);
}

/** Levels from head lines: each head at level 1, the lines after it at 2 (lines before the first head at 1). */
function headsCue(heads: boolean[]): number[] | undefined {
  const first = heads.indexOf(true);
  if (first < 0 || first === heads.length - 1 || heads.every(Boolean)) return undefined;
  return heads.map((head, i) => (head || i < first ? 1 : 2));
}

/**
 * Levels when no tree of sums fits — one wrong figure breaks every tree over all the columns: the tree all columns
 * but one fit, or one column alone fits (the wrong figure is in another column), or the …小计 lines heading the lines
 * under them; of these, the one under which most sums hold, taken only when more hold than under the levels the rows
 * have (groupCue: the group lines by their numbering or 采购类别 name). A wrong figure then breaks its own group, not every line of the table (which, read flat, would be reported in
 * every column). Up to 2n + 1 searches for n columns, each within structuralLevels' step limit; only when no tree fits.
 */
export function bestFitLevels(rows: Row[], total: Row, amountKeys: string[]): number[] | undefined {
  const slack = grain([...rows, total], amountKeys);
  const v = rows.map((r) => vec(r, amountKeys));
  const t = vec(total, amountKeys);
  let best: number[] | undefined;
  let most = sumsHolding(
    v,
    rows.map((r) => Math.max(1, r.level)),
    t,
    slack
  ).held;
  // The tree every column but one fits (the wrong figure's), before the tree of one column alone: one column's sums
  // rarely decide the tree where it is blank on most lines (a 政府性基金 or 事业收入 column: its zeros fit anywhere).
  const allButOne =
    amountKeys.length > 2
      ? amountKeys.map((k) =>
          structuralLevels(
            rows,
            total,
            amountKeys.filter((x) => x !== k)
          )
        )
      : [];
  const candidates = [
    subtotalCue(rows),
    groupCue(rows),
    ...allButOne,
    ...(amountKeys.length > 1 ? amountKeys.map((k) => structuralLevels(rows, total, [k])) : []),
  ];
  for (const levels of candidates) {
    if (!levels) continue;
    const { held, worst } = sumsHolding(v, levels, t, slack);
    // A wrong figure breaks its group's sum in its column, and the group above when it is a group's own figure: a
    // tree under which more sums fail in one column is not the table's (projects chained by one equal column, each
    // "the group" of the next, fit that column and fail the others line after line).
    if (worst > 2) continue;
    if (held > most) [best, most] = [levels, held];
  }
  return best;
}

/**
 * Rows without printed codes whose levels (from numbering, indentation or the department's name) do not add up:
 * read the levels from the sums (部门 = Σ 单位, 单位 = Σ 项目 …). Without a 合计 row, a first row that equals the sum of
 * the others is the total (labelled with the unit's name). `keys`: the amount columns to sum (no rates, no prior years).
 */
export function structureRows(rows: Row[], keys: string[]) {
  if (!keys.length || rows.some((r) => r.code || r.side)) return;
  const data = rows.filter((r) => !(r.level === 0 && r.key && TOTAL_KEYS.has(r.key)) && !r.partial);
  const total = rows.find((r) => r.level === 0 && r.key === "total");
  if (total) {
    if (levelsAddUp(rows, keys)) return;
    const lv = structuralLevels(data, total, keys) ?? bestFitLevels(data, total, keys);
    if (lv) data.forEach((r, i) => (r.level = lv[i]));
    return;
  }
  if (data.length < 2 || rows.some((r) => r.level === 0)) return;
  const lv = structuralLevels(data.slice(1), data[0], keys);
  if (!lv) return;
  data[0].level = 0;
  data[0].key = "total";
  data.slice(1).forEach((r, i) => (r.level = lv[i]));
}
