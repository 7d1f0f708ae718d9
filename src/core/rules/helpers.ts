/** Shared pieces for rules: naming tables and rows as a reviewer does, and turning a comparison into an outcome. */
import {
  ECONOMIC_CLASS_COLUMNS,
  type Amount,
  type Report,
  type Row,
  type Table,
  type TableKind,
  type Unit,
} from "../model/schema";
import { KIND_NAMES } from "../model/names";
import { norm } from "../grid/text";
import {
  compare,
  exceeds,
  fenValue,
  fmt,
  printsZero,
  UNIT_FACTOR,
  type Term,
  type Verdict,
} from "./interval";
import {
  exactlyBalanced,
  identityOf,
  residual,
  wordsIn,
  type Identity,
  type IdentityStatus,
} from "./identity";
import type { Outcome, Severity } from "./rule";

/** Rule messages name a table many times per check: computed once per table object. */
const TABLE_NAMES = new WeakMap<Table, string>();

export function tableName(t: Table): string {
  let name = TABLE_NAMES.get(t);
  if (name === undefined) TABLE_NAMES.set(t, (name = tableNameOf(t)));
  return name;
}

/**
 * A 一般公共预算支出表 by kind whose title says 财政拨款 (财政拨款支出（预算）表（按功能科目）, kinds.ts) is named as printed:
 * its figures may hold 政府性基金 money too (scope.ts fundKeys).
 */
const FISCAL_TITLE = /财政拨款/;

function tableNameOf(t: Table): string {
  const kind =
    t.kind === "general_budget_expenditure" &&
    FISCAL_TITLE.test(t.title) &&
    !/一般公共预算/.test(t.title)
      ? "财政拨款支出表"
      : KIND_NAMES[t.kind];
  const label =
    t.label ?? (!t.sharedSheet && norm(t.sheet) !== norm(t.title) ? t.sheet : undefined);
  if (t.kind === "performance_target" && t.form) return `绩效目标表《${t.form.project}》`;
  // A label that names the kind (「8 政府性基金预算支出表」) adds nothing to it (tester31 T31-25: it was repeated in brackets).
  if (!label || sameName(label, kind)) return kind;
  // 「6 一般公共预算基本支出表」: a label starting with a digit would read as a number after 超过 / 小于 (T31-25).
  const shown = /^[0-9A-Za-z]/.test(label.trim()) ? `「${label.trim()}」` : label;
  return `${shown}（${kind}）`;
}

/** Words a sheet label adds to a kind's name without naming another table: 预算 / 支出, spaces, quotes. */
const FILLER = /预算|支出|[“”"'‘’]/g;

/** Does the label name the kind (up to 预算 / 支出 and a 表号 before it)? */
function sameName(label: string, kind: string): boolean {
  return norm(label).replace(FILLER, "").includes(norm(kind).replace(FILLER, ""));
}

/** A row as a reviewer names it: 201 一般公共服务支出; a 单位's own line of a table by 单位 with its 单位 first. */
export function rowName(r: Row): string {
  const label = r.label.trim();
  const name =
    r.code && !norm(label).startsWith(r.code) ? `${r.code} ${label}` : label || "（无名称行）";
  return r.ofUnit ? `${r.ofUnit} ${name}` : name;
}

export function columnName(t: Table, key: string, side?: string): string {
  const col =
    t.columns.find((c) => c.key === key && (side === undefined || c.side === side)) ??
    t.columns.find((c) => c.key === key);
  return col ? captionName(col.label, col.key) : key;
}

/**
 * A column's name from its caption path (本年收入/一般公共预算): the last caption, with its band's when that is the
 * band's 小计 / 合计 (上年结转/小计 → 上年结转小计, 基本支出/小计 → 基本支出小计: never a bare 「小计」). The table's own
 * 合计 column (key `total`) printed under a band (2025年预算数/合计, 金额/小计) stays 「合计」 / 「小计」.
 */
export function captionName(path: string, key?: string): string {
  const parts = path.split("/");
  const leaf = parts[parts.length - 1];
  const bare = leaf.replace(/\s/g, "");
  return parts.length > 1 && (bare === "小计" || bare === "合计") && key !== "total"
    ? `${parts[parts.length - 2]}${bare}`
    : leaf;
}

/**
 * The table that stands for a kind in cross-table checks: the first with figures, else the first. A table on a hidden
 * sheet (a draft, last year's copy) stands for its kind only when no visible sheet holds one: what is published is
 * what readers see, and a hidden copy is checked on its own (input.hidden-sheets says so) wherever it sits.
 */
export function firstOf(
  report: Report,
  kind: TableKind,
  /** Only tables this accepts (basicTables: not a table of one part). */
  also?: (t: Table) => boolean
): Table | undefined {
  // One indexed pass, no closure (some eighty calls per check, over every table of the workbook): the first visible
  // table of the kind with figures, else the first visible one, else the same among all tables.
  const tables = report.tables;
  const hidden = report.hiddenSheets;
  const anyHidden = hidden.length > 0;
  let full: Table | undefined;
  let any: Table | undefined;
  let shownAny: Table | undefined;
  for (let i = 0; i < tables.length; i++) {
    const t = tables[i];
    if (t.kind !== kind || (also && !also(t))) continue;
    const shown = anyHidden && !hidden.includes(t.sheet);
    if (!t.empty) {
      if (!anyHidden || shown) return t;
      full ??= t;
    }
    any ??= t;
    if (shown) shownAny ??= t;
  }
  return shownAny ?? full ?? any;
}

export function term(t: Table, a: Amount, weight?: number): Term {
  return { amount: a, unit: t.unit, weight };
}

/**
 * Terms of the rows' figures in column `key`, rows printing none left out — one list, no filtered copy (asked for
 * every parent and column of every table).
 */
export function columnTerms(t: Table, rows: ReadonlyArray<Row>, key: string): Term[] {
  const out: Term[] = [];
  for (let i = 0; i < rows.length; i++) {
    const a = rows[i].amounts[key];
    if (a) out.push(term(t, a));
  }
  return out;
}

/** Terms of one row's figures in the columns `keys`, columns it prints nothing in left out (see columnTerms). */
export function rowTerms(t: Table, r: Row, keys: ReadonlyArray<string>): Term[] {
  const out: Term[] = [];
  for (let i = 0; i < keys.length; i++) {
    const a = r.amounts[keys[i]];
    if (a) out.push(term(t, a));
  }
  return out;
}

/** A figure that prints other than zero (a stored 0.004 under 0.00 prints 0.00: none). */
export function hasValue(a: Amount | undefined): boolean {
  return !!a && !printsZero(a);
}

const STATUS: Readonly<Record<Verdict, IdentityStatus>> = {
  equal: "holds",
  rounding: "rounding",
  error: "violated",
  blankTotal: "violated",
};

/** An identity as identityOf would have built it with another status (a violated one gets no extra tolerance). */
function withStatus(identity: Identity, status: IdentityStatus): Identity {
  identity.status = status;
  if (status === "violated") identity.tolerance = 0;
  return identity;
}

/** The identity "total = Σ weight·parts" (total − Σ parts = 0) with the status of the rule's comparison. */
export function sumIdentity(rule: string, total: Term, parts: Term[], verdict: Verdict): Identity {
  return identityOf(rule, "eq", [total], parts, STATUS[verdict]);
}

/**
 * "Σ a ≤ Σ b" with rounding (violated only when a's lower bound exceeds b's upper bound), with its identity
 * Σ a − Σ b ≤ 0. Figures a, b are returned in b's unit (元 / 万元), 2 decimals.
 */
export function notAbove(
  rule: string,
  a: Term[],
  b: Term[]
): { exceeds: boolean; a: number; b: number; unit: Unit; identity: Identity } {
  const e = exceeds(a, b);
  // Built as "violated" (no extra tolerance: the ≤ test uses exactly the printed intervals), then given its status.
  const identity = identityOf(rule, "le", a, b, "violated");
  const over = residual(identity) > 0;
  identity.status = e.exceeds ? "violated" : over ? "rounding" : "holds";
  return { ...e, identity };
}

/**
 * Whether the figures of a comparison are printed in more than one unit (a 元 table against a 万元 one, a 绩效目标表
 * in 元 against a 项目支出表 in 万元): its message then names the units (sideWords). The terms' units are their
 * tables' (`Table.unit`: the unit the figures are in, rules/units.ts).
 */
export function mixedUnits(...sides: ReadonlyArray<ReadonlyArray<Term>>): boolean {
  let unit: Unit | undefined;
  for (const side of sides)
    for (const t of side) {
      if (unit === undefined) unit = t.unit;
      else if (t.unit !== unit) return true;
    }
  return false;
}

/** The unit every figure of `terms` is printed in; undefined when they mix units (or there are none). */
function printedUnit(terms: ReadonlyArray<Term>): Unit | undefined {
  const u = terms[0]?.unit;
  return u && terms.every((t) => t.unit === u) ? u : undefined;
}

/**
 * One side of a comparison as a message prints it: `value` (Σ weight·figure of `terms`, already in `unit`, `d`
 * decimals). When every figure of the comparison is printed in one unit (`mixed` false) the bare figure, as ever
 * ("6.00"); else with its unit and, when the side's own figures are printed in another unit, first as printed — the
 * figure a reviewer finds in the cells — then converted (tester29 T29-9): "60000.00元（合 6.00万元）", "5.00万元".
 */
export function sideWords(
  terms: ReadonlyArray<Term>,
  value: number,
  unit: Unit,
  mixed: boolean,
  d = 2
): string {
  if (!mixed) return fmt(value, d);
  const u = printedUnit(terms);
  if (!u || u === unit) return `${fmt(value, d)}${unit}`;
  let fen = 0;
  let pd = 2;
  for (const t of terms) {
    fen += (t.weight ?? 1) * fenValue(t);
    if (!t.amount.blank) pd = Math.max(pd, Math.min(t.amount.decimals, 6));
  }
  return `${fmt(fen / (UNIT_FACTOR[u] * 100), pd)}${u}（合 ${fmt(value, d)}${unit}）`;
}

/**
 * The two sides of a failing notAbove(rule, a, b) for its message (sideWords: bare figures when all are in one
 * unit), and the unit to write after a figure of b's side: "" when the words already say it.
 */
export function boundWords(
  a: ReadonlyArray<Term>,
  b: ReadonlyArray<Term>,
  e: { a: number; b: number; unit: Unit }
): { a: string; b: string; mixed: boolean; unitAfter: string } {
  const mixed = mixedUnits(a, b);
  return {
    a: sideWords(a, e.a, e.unit, mixed),
    b: sideWords(b, e.b, e.unit, mixed),
    mixed,
    unitAfter: mixed ? "" : e.unit,
  };
}

/**
 * A fund's figure of one 功能科目 (`part`, in `table`'s line `row`) within the 支出总表's 合计 of the same 科目
 * (`whole`, in `t3`): the 支出总表 prints every fund of the department, so a fund's line can never exceed it — what
 * catches two lines exchanged in the fund's table when nothing else compares them line by line. The 错误 cites
 * the part first; figures in the whole's unit (元 / 万元), both units named when the tables differ (T29-9).
 */
export function partNotAbove(
  rule: string,
  table: Table,
  row: Row,
  part: Amount,
  t3: Table,
  whole: Amount,
  fundName: string
): Outcome {
  const lo = [term(table, part)];
  const hi = [term(t3, whole)];
  const e = notAbove(rule, lo, hi);
  if (!e.exceeds) return { status: "pass", identity: e.identity };
  const w = boundWords(lo, hi, e);
  return {
    status: "fail",
    finding: {
      rule,
      severity: "error",
      message: `${tableName(table)}「${rowName(row)}」${w.a} 超过${tableName(t3)}同一科目的合计 ${w.b}（${fundName}只是该科目支出的一部分）`,
      cells: [part.cell, whole.cell],
      expected: e.b,
      actual: e.a,
      difference: Math.round((e.a - e.b) * 100) / 100,
      ...(w.mixed ? { unit: e.unit } : {}),
    },
    identity: e.identity,
  };
}

/**
 * One figure exactly 10,000 times the other at `d` decimals (288000 against 28.80): a figure typed in 万元 in a 元
 * table, or in 元 in a 万元 one — the cell-sized twin of units.ts's whole-table ×10,000. The smaller must print two
 * digits or more (0.01 against 100 says nothing).
 */
function tenThousandfold(a: number, b: number, d: number): boolean {
  if (a === 0 || b === 0 || Math.sign(a) !== Math.sign(b)) return false;
  const [small, big] = Math.abs(a) < Math.abs(b) ? [a, b] : [b, a];
  const p = Math.pow(10, d);
  const s = Math.round(small * p);
  return Math.abs(s) >= 10 && Math.round((big / 10000) * p) === s;
}

/** Builds the outcome of "figure = Σ parts": pass when equal, 尾差 inside the rounding interval, else the rule's severity. */
export function sumOutcome(opts: {
  rule: string;
  severity: Severity;
  total: Term;
  parts: Term[];
  /** "预算公开表3（支出总表）「合计」行「基本支出」列"; a function is called only when the comparison fails (most pass). */
  subject: string | (() => string);
  /**
   * "各类之和" / "表二 收入总表 201 一般公共服务支出" (or a function, as subject: it is given the decimals the
   * comparison's figures are shown with, so that figures it prints itself read in the same format).
   */
  against: string | ((decimals: number) => string);
  extraCells?: string[];
  /**
   * `against` already prints the parts' figures as printed, with their unit ("…中该项目金额（13.39万元）折合"): across
   * units the message gives their sum converted only (with its unit), not as printed a second time.
   */
  againstPrinted?: boolean;
}): Outcome {
  const { total, parts } = opts;
  // One pass over the parts (every row of every table comes here): all blank? all in cells of the total's unit?
  let allBlank = total.amount.blank;
  let plain = !!total.amount.cell;
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k];
    if (!p.amount.blank) allBlank = false;
    // (Most parts have no weight: Number.isInteger is asked only of one that has.)
    const w = p.weight;
    if (plain && (!p.amount.cell || p.unit !== total.unit || (w != null && !Number.isInteger(w))))
      plain = false;
  }
  if (allBlank) return { status: "pass", identity: sumIdentity(opts.rule, total, parts, "equal") };
  // Most comparisons hold exactly: when every figure has its own cell in one unit with a whole weight, the
  // identity's residual is compare()'s difference, and a zero one is a pass without the comparison's figures.
  let built: Identity | undefined;
  if (plain) {
    built = sumIdentity(opts.rule, total, parts, "equal");
    if (exactlyBalanced(built)) return { status: "pass", identity: built };
  }
  const c = compare(total, parts);
  // The identity built for the fast path serves: only its status (and, when violated, its tolerance: none) differ.
  const identity = built
    ? withStatus(built, STATUS[c.verdict])
    : sumIdentity(opts.rule, total, parts, c.verdict);
  if (c.verdict === "equal") return { status: "pass", identity };
  const cells = [
    ...new Set([total.amount.cell, ...parts.map((p) => p.amount.cell), ...(opts.extraCells ?? [])]),
  ].filter((x) => x);
  const d = c.decimals;
  const unit = c.unit;
  const subject = typeof opts.subject === "function" ? opts.subject() : opts.subject;
  const against = typeof opts.against === "function" ? opts.against(d) : opts.against;
  let message: string;
  let severity = opts.severity;
  // Tables in different units: each side with its unit, the other side's figure as printed too (sideWords).
  const mixed = mixedUnits([total], parts);
  // `against` printing the parts with their unit ("…（49.60万元）折合"): both figures say theirs, one unit or two
  // (tester29b T29B-9: "50.00 ≠ …（49.60万元）折合 49.60" left the reader to guess what 49.60 was in).
  const actual = sideWords([total], c.actual, unit, mixed || !!opts.againstPrinted, d);
  const expected = opts.againstPrinted
    ? `${fmt(c.expected, d)}${unit}`
    : sideWords(parts, c.expected, unit, mixed, d);
  if (c.verdict === "blankTotal") {
    // A cell holding text (a sub-label read where the figure was expected) is not 空: say what it holds.
    const words = wordsIn(total.amount);
    message = `${subject}${words ? `为文字“${words}”，不是金额` : "为空"}，但${against}为 ${expected}${mixed || opts.againstPrinted ? "" : unit}`;
  } else if (c.verdict === "rounding") {
    severity = "rounding";
    message = `${subject} ${actual} ≠ ${against} ${expected}（差 ${fmt(c.difference, d)}${unit}，在四舍五入允许的 ±${c.tolerance}${unit} 之内，属尾差）`;
  } else
    message = `${subject} ${actual} ≠ ${against} ${expected}（差 ${fmt(c.difference, d)}${unit}${c.tolerance > 0 ? `，超出尾差允许的 ±${c.tolerance}${unit}` : ""}${tenThousandfold(c.actual, c.expected, d) ? "；两数恰好相差 10000 倍，疑为元与万元混填" : ""}）`;
  return {
    status: "fail",
    finding: {
      rule: opts.rule,
      severity,
      message,
      cells,
      expected: c.expected,
      actual: c.verdict === "blankTotal" ? null : c.actual,
      difference: c.verdict === "blankTotal" ? null : c.difference,
      ...(mixed ? { unit } : {}),
    },
    identity,
  };
}

/**
 * A passing check that states no identity (a name, a presence, a row with no figure below zero): one shared object,
 * read only by the engine — rules that judge every row (naming.functional-code, within.non-negative) would otherwise
 * make one per row.
 */
export const PASS: Outcome = Object.freeze({ status: "pass" as const });

export function na(reason: string): Outcome {
  return { status: "na", reason };
}

/** Not applicable because the workbook has no case of what the rule looks for (Outcome `nothingToCheck`). */
export function noCase(reason: string): Outcome {
  return { status: "na", reason, nothingToCheck: true };
}

/** An outcome that was made (comparisons that could not be made give undefined): for `.filter(defined)`. */
export const defined = (o: Outcome | undefined): o is Outcome => !!o;

/** The sides a table's rows print, in order ([undefined] for a one-sided table): read once per table (several rules ask). */
export function sidesOf(t: Table): ReadonlyArray<string | undefined> {
  let s = SIDES.get(t);
  if (!s) {
    const seen = new Set<string | undefined>();
    for (let i = 0; i < t.rows.length; i++) seen.add(t.rows[i].side);
    SIDES.set(t, (s = seen.size ? [...seen] : [undefined]));
  }
  return s;
}
const SIDES = new WeakMap<Table, ReadonlyArray<string | undefined>>();
// rowByKey and totalRow: indexed loops, no closure per call (cross-table rules ask hundreds of times per check).
export function rowByKey(t: Table, key: string, side?: string): Row | undefined {
  const rows = t.rows;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.key === key && (side === undefined || r.side === side)) return r;
  }
  return undefined;
}
export function totalRow(t: Table): Row | undefined {
  const rows = t.rows;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.key === "total" && r.level === 0) return r;
  }
  return undefined;
}
/**
 * Rows by functional code (the first row with the code): the department's lines — a 单位's own line of a table printed
 * by 单位 (`Row.ofUnit`) is not the department's figure for its code.
 */
export function byCode(t: Table, side?: string): Map<string, Row> {
  // A dozen cross-table rules ask for the same tables (a table is not changed once read): made once per table and side.
  let sides = BY_CODE.get(t);
  if (!sides) BY_CODE.set(t, (sides = new Map()));
  let m = sides.get(side);
  if (!m) sides.set(side, (m = byCodeOf(t, side)));
  return m;
}
/** byCode per table and side; the maps are shared, their readers do not change them. */
const BY_CODE = new WeakMap<Table, Map<string | undefined, Map<string, Row>>>();

function byCodeOf(t: Table, side: string | undefined): Map<string, Row> {
  const m = new Map<string, Row>();
  for (const r of t.rows)
    if (
      r.code &&
      !r.ofUnit &&
      r.codeSystem === "functional" &&
      (side === undefined || r.side === side) &&
      !m.has(r.code) &&
      !codedHeading(t, r)
    )
      m.set(r.code, r);
  return m;
}

/** Every figure of the line blank (none unreadable: text in an amount cell is a figure gone wrong, not a caption). */
export function printsNoFigure(r: Row): boolean {
  for (const k in r.amounts) {
    const a = r.amounts[k];
    if (!a.blank || a.invalid) return false;
  }
  return true;
}

/**
 * A coded line printed as a heading (hierarchy.ts isHeading): no figure at all, lines of its code below it with
 * figures. Its code is read as not printed, so the tables compare its lines (as where a table prints 项 without their
 * 类: cross.ts linesUnderClass), never its blanks.
 */
function codedHeading(t: Table, r: Row): boolean {
  if (r.level < 1 || r.partial || !printsNoFigure(r)) return false;
  const code = r.code!;
  return t.rows.some(
    (x) =>
      x !== r &&
      x.side === r.side &&
      x.codeSystem === "functional" &&
      !x.ofUnit &&
      x.code !== undefined &&
      x.code.length > code.length &&
      x.code.startsWith(code) &&
      !printsNoFigure(x)
  );
}
/**
 * Functional 科目 a table lists on two or more lines of one side (a 单位's own lines and 其中 lines aside): each
 * repeated code with its lines, in table order. Names-only tables read the code from the name, so a line mis-named
 * after its neighbour repeats the neighbour's code (tester30 T30-4); by-code comparisons of such a table are unsafe.
 */
export function repeatedCodes(t: Table): Array<{ code: string; rows: Row[] }> {
  let found = REPEATED.get(t);
  if (found) return found;
  const seen = new Map<string, Row[]>();
  for (const r of t.rows) {
    if (!r.code || r.codeSystem !== "functional" || r.ofUnit || r.partial || r.level < 1) continue;
    const key = `${r.side ?? ""}|${r.code}`;
    const list = seen.get(key);
    if (list) list.push(r);
    else seen.set(key, [r]);
  }
  found = [];
  for (const rows of seen.values())
    if (rows.length > 1 && rows.filter((r) => !printsNoFigure(r)).length > 1)
      found.push({ code: rows[0].code!, rows });
  REPEATED.set(t, found);
  return found;
}
const REPEATED = new WeakMap<Table, Array<{ code: string; rows: Row[] }>>();

/**
 * The functional codes a table prints on any line, a 单位's own lines included (`Row.ofUnit`): a code one 单位 prints
 * is a code of the department. For comparing the sets of 科目 two tables list, not their figures.
 */
export function codeSet(t: Table, side?: string): Set<string> {
  const s = new Set<string>();
  for (const r of t.rows)
    if (r.code && r.codeSystem === "functional" && (side === undefined || r.side === side))
      s.add(r.code);
  return s;
}
/**
 * Does a table printing the functional codes `codes` account for `code`? It prints it, or a line under it (a 项
 * implies its 款 and 类: a table may print 类 and 项 without 款, or only 项), or it stops above it — its 款 or 类
 * printed with nothing under it (a table not broken down to 项 there: completeness.functional-depth's 警告, never a
 * missing 科目). Built once per set, O(codes); the returned test is O(1).
 */
export function coverOf(codes: Set<string>): (code: string) => boolean {
  const under = new Set<string>(); // codes with a printed line under them
  for (const c of codes) {
    if (c.length > 3) under.add(c.slice(0, 3));
    if (c.length > 5) under.add(c.slice(0, 5));
  }
  const leaf = (p: string) => codes.has(p) && !under.has(p);
  return (code) =>
    codes.has(code) ||
    under.has(code) ||
    (code.length > 5 && leaf(code.slice(0, 5))) ||
    (code.length > 3 && leaf(code.slice(0, 3)));
}
/** True when the table's own 合计 column excludes 上年结转 (it sits under 本年收入 / 本年). */
export function totalExcludesCarryover(t: Table): boolean {
  const col = t.columns.find((c) => c.key === "total");
  return !!col && /本年/.test(col.label);
}

/**
 * The 基本支出 of a row as a table prints it: its 基本支出 column, else 人员经费 + 公用经费, else Σ its economic-class
 * columns (工资福利支出 | 商品和服务支出 | …, not when captioned 其中: those are some classes picked out). Undefined when
 * the table prints none of these.
 */
export function basicOf(t: Table, r: Row): Array<[Table, Amount | undefined]> | undefined {
  const has = (k: string) => t.columns.some((c) => c.key === k);
  if (has("basic")) return [[t, r.amounts.basic]];
  if (has("personnel") && has("public"))
    return [
      [t, r.amounts.personnel],
      [t, r.amounts.public],
    ];
  const econ: string[] = ECONOMIC_CLASS_COLUMNS.filter(has);
  if (econ.length >= 2 && !t.columns.some((c) => econ.includes(c.key) && /其中/.test(c.label)))
    return econ
      .filter((k) => r.amounts[k])
      .map((k): [Table, Amount | undefined] => [t, r.amounts[k]]);
  return undefined;
}

/**
 * Title words that say a 基本支出经济分类表 prints one part of the 基本支出 only: the table published as two, 人员经费
 * and 公用经费 (“…一般公共预算基本支出表（人员经费）” / “（公用经费）”, “…基本支出人员经费表” / “…公用经费表”).
 */
const BASIC_PART_WORDS: ReadonlyArray<readonly [RegExp, "personnel" | "public"]> = [
  [/人员经费/, "personnel"],
  [/公用经费/, "public"],
];

/**
 * The part of the 基本支出 a 基本支出经济分类表 covers when its title names exactly one (人员经费 or 公用经费) and it
 * prints no 人员经费 / 公用经费 column of its own; undefined for a table of the whole 基本支出 (or another kind).
 */
export function basicPart(t: Table): "personnel" | "public" | undefined {
  if (t.kind !== "basic_expenditure_economic") return undefined;
  if (t.columns.some((c) => c.key === "personnel" || c.key === "public")) return undefined;
  const named = BASIC_PART_WORDS.filter(([re]) => re.test(t.title));
  return named.length === 1 ? named[0][1] : undefined;
}

/**
 * The 基本支出经济分类表 that stands for the whole 基本支出 (firstOf's choice among the tables no title limits to one
 * part), and the part tables (人员经费 / 公用经费) beside or instead of it.
 */
export function basicTables(report: Report): {
  whole?: Table;
  parts: Partial<Record<"personnel" | "public", Table>>;
} {
  const parts: Partial<Record<"personnel" | "public", Table>> = {};
  for (const t of report.tables) {
    const k = basicPart(t);
    if (k && !t.empty && !parts[k] && !report.hiddenSheets.includes(t.sheet)) parts[k] = t;
  }
  return { whole: firstOf(report, "basic_expenditure_economic", (t) => !basicPart(t)), parts };
}

/**
 * The 基本支出 total of the 基本支出 as the 基本支出经济分类表(s) print it, as figures to add: the whole table's 合计
 * line; else its 人员经费合计 and 公用经费合计 lines (the table printed as two blocks side by side, 人员经费 ‖ 公用经费,
 * whose last line is 人员经费合计 | x | 公用经费合计 | y, without a 合计: the 财政部 template); else the 合计s of the
 * two part tables (人员经费表 + 公用经费表). `words` names them for a message; undefined when none of these is printed.
 */
export function basicTotal(
  report: Report
): { figures: Array<[Table, Amount]>; words: string } | undefined {
  const { whole, parts } = basicTables(report);
  if (whole) {
    const tot = totalRow(whole)?.amounts.total;
    if (tot) return { figures: [[whole, tot]], words: `${tableName(whole)}「合计」` };
    const lines = (["personnel", "public"] as const).map((k) =>
      whole.rows.find((r) => r.key === k && !r.code && r.level <= 1 && r.amounts.total)
    );
    if (lines[0] && lines[1])
      return {
        figures: [
          [whole, lines[0].amounts.total],
          [whole, lines[1].amounts.total],
        ],
        words: `${tableName(whole)}「${rowName(lines[0])}」+「${rowName(lines[1])}」`,
      };
    return undefined;
  }
  const p = parts.personnel && totalRow(parts.personnel)?.amounts.total;
  const q = parts.public && totalRow(parts.public)?.amounts.total;
  if (!p || !q || !parts.personnel || !parts.public) return undefined;
  return {
    figures: [
      [parts.personnel, p],
      [parts.public, q],
    ],
    words: `${tableName(parts.personnel)}「合计」+ ${tableName(parts.public)}「合计」`,
  };
}

/**
 * A 基本支出经济分类表's 人员经费 or 公用经费 total (its table's unit): the 合计 line's 人员经费 / 公用经费 column, else
 * — the split printed as ROWS (一、人员经费 over 301 + 303, 二、公用经费 over 302 + 310: newcomer12's NC12-5), or as
 * two blocks side by side whose lines are 人员经费合计 | 公用经费合计 — that line's figure. `words` names it for a message.
 */
export function basicSplit(
  t6: Table,
  k: "personnel" | "public"
): { amount: Amount; words: string } | undefined {
  const col = totalRow(t6)?.amounts[k];
  if (col) return { amount: col, words: `「合计」${columnName(t6, k)}` };
  const row = splitLine(t6, k);
  return row ? { amount: row.amounts.total, words: `「${rowName(row)}」` } : undefined;
}

/** The whole table's 人员经费 / 公用经费 line (uncoded, with a figure): the split printed as rows or side by side. */
const splitLine = (t6: Table, k: "personnel" | "public"): Row | undefined =>
  t6.rows.find((r) => r.key === k && !r.code && r.amounts.total);

/**
 * The 基本支出's 人员经费 or 公用经费 total wherever it is printed (its table's unit): the whole 基本支出经济分类表's
 * (basicSplit), else the 合计 of the part table of that name (…基本支出表（公用经费）). `table` holds the figure,
 * `words` names it after the table's name; undefined when neither prints it.
 */
export function basicShare(
  report: Report,
  k: "personnel" | "public"
): { table: Table; amount: Amount; words: string } | undefined {
  const { whole, parts } = basicTables(report);
  const split = whole && basicSplit(whole, k);
  if (whole && split) return { table: whole, ...split };
  const part = parts[k];
  const tot = part && totalRow(part)?.amounts.total;
  return part && tot ? { table: part, amount: tot, words: "「合计」" } : undefined;
}

/** The tables that print the 基本支出's economic lines: the whole table, else the part tables (人员经费, 公用经费). */
export function basicHeld(report: Report): Table[] {
  const { whole, parts } = basicTables(report);
  return whole ? [whole] : [parts.personnel, parts.public].filter((x): x is Table => !!x);
}

/**
 * One part of the 基本支出 (人员经费 or 公用经费) printed apart from the other: its table, its total (a part table's
 * 合计, or the whole table's 人员经费合计 / 公用经费合计 line) and the economic lines under that total.
 */
export interface BasicPartLines {
  key: "personnel" | "public";
  table: Table;
  total: Row | undefined;
  rows: Row[];
}

/**
 * The 基本支出 as its parts print it, when they are printed apart rather than as columns: the two part tables
 * (basicTables), or the whole table's 人员经费合计 / 公用经费合计 lines with the lines after each, deeper than it (two
 * blocks side by side — the importer reads the left block, then the right — or the split printed as rows). Empty
 * for a whole table printing 人员经费 | 公用经费 columns, or no split at all.
 */
export function basicPartLines(report: Report): BasicPartLines[] {
  const { whole, parts } = basicTables(report);
  const keys = ["personnel", "public"] as const;
  if (!whole)
    return keys.flatMap((key) => {
      const table = parts[key];
      if (!table) return [];
      const total = totalRow(table);
      return [{ key, table, total, rows: table.rows.filter((r) => r !== total && r.level > 0) }];
    });
  if (whole.columns.some((c) => c.key === "personnel" || c.key === "public")) return [];
  return keys.flatMap((key) => {
    const total = splitLine(whole, key);
    if (!total) return [];
    const at = whole.rows.indexOf(total);
    const end = whole.rows.findIndex((r, i) => i > at && r.level <= total.level);
    const rows = whole.rows.slice(at + 1, end < 0 ? undefined : end);
    return [{ key, table: whole, total, rows }];
  });
}

/** The two parts of the 基本支出 as messages name them. */
export const BASIC_PART_NAMES = { personnel: "人员经费", public: "公用经费" } as const;

/**
 * One economic class's lines in the parts of the 基本支出 printed apart (basicPartLines: two tables, or two blocks side
 * by side): each part's top line with that code, with the part's key (a class paid from both parts, 302 with 30229
 * 福利费 counted as 人员经费, has a line in each — its 基本支出 is their sum). Empty when the parts are not printed apart
 * (a whole table's line is its own: a code printed twice there is a typo, said by naming.economic-code) or only one is.
 */
export function basicPartClassLines(
  report: Report,
  code: string
): Array<{ key: "personnel" | "public"; table: Table; row: Row }> {
  const split = basicPartLines(report);
  if (split.length < 2) return [];
  return split.flatMap(({ key, table, rows }) => {
    const top = Math.min(...rows.map((r) => r.level));
    const row = rows.find(
      (r) => r.level === top && r.code === code && r.codeSystem === "economic" && r.amounts.total
    );
    return row ? [{ key, table, row }] : [];
  });
}

/**
 * The 基本支出's economic class lines (301 工资福利支出, 302 商品和服务支出 …; the table's unit) wherever they are
 * printed: the top lines of each part printed apart (basicPartLines: the 人员经费 / 公用经费 tables, or the whole
 * table's 人员经费合计 / 公用经费合计 lines and the lines under each), else the whole table's level-1 lines. A class
 * paid from both parts has a line in each: its 基本支出 is their sum. Empty when no 基本支出经济分类表 is read, or
 * only one part is printed apart (a class's other share unseen).
 */
export function basicClassLines(report: Report): Array<{ table: Table; row: Row }> {
  const split = basicPartLines(report);
  if (split.length === 1) return [];
  if (split.length)
    return split.flatMap(({ table, rows }) => {
      const top = Math.min(...rows.map((r) => r.level));
      return rows.filter((r) => r.level === top).map((row) => ({ table, row }));
    });
  const { whole } = basicTables(report);
  return whole ? whole.rows.filter((r) => r.level === 1).map((row) => ({ table: whole, row })) : [];
}

/**
 * The money that could pay for a 三公 item: its own 基本支出 line (表6, 一般公共预算 basic by economic class) plus all the
 * department's spending outside 表6 (项目支出, other funds' 基本支出, 上年结转). Returns the department's figure: the
 * 收支总表 支出总计 (else 本年支出合计), else the 支出总表 合计 — the largest total printed, so the bound stays sound
 * whatever scope the 三公 table has (财政拨款 or all funds).
 */
export function departmentSpending(
  report: Report
): { t: Table; a: Amount; what: string } | undefined {
  const t1 = firstOf(report, "income_expenditure_summary");
  for (const key of ["expenditure_grand_total", "current_expenditure_total"]) {
    const r = t1 && rowByKey(t1, key, "expenditure");
    if (t1 && r && hasValue(r.amounts.total))
      return { t: t1, a: r.amounts.total, what: `${tableName(t1)}「${rowName(r)}」` };
  }
  const t3 = firstOf(report, "expenditure_summary");
  const tot3 = t3 && totalRow(t3);
  if (t3 && tot3 && hasValue(tot3.amounts.total))
    return { t: t3, a: tot3.amounts.total, what: `${tableName(t3)}「合计」` };
  return undefined;
}
