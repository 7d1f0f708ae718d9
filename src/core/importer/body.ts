/** Body rows → model rows: label, code, level, side and amounts tied to cells. */
import {
  THREE_PUBLIC_ITEM_OF,
  UNIT_FACTOR,
  isPrior,
  isRateOrChange,
  type Amount,
  type Row,
  type Side,
  type TableKind,
} from "../model/schema";
import { indentDepth, joinLines, labelKey, norm, ordinalLevel } from "../grid/text";
import { classCodeByName, functionalName } from "../classification/functional";
import {
  ECONOMIC_GROUPS,
  ECONOMIC_ITEMS,
  economicName,
  isEconomicGroupName,
} from "../classification/economic";
import {
  SCIENTIFIC_CODE_TEXT,
  WELL_FORMED_CODE,
  decimalCode,
  looksLikeCode,
  QUOTE_BEFORE_CODE,
  quotedCode,
  readCode,
  scientificCode,
  ownDigitsCode,
  repairFunctionalCode,
  type CodeContext,
} from "../classification/codes";
import { GridView } from "./view";
import type { Block } from "./header";
import {
  OWN_NAME_TOTALS,
  ROW_PARTS,
  SIDE_TOTALS,
  TOTAL_KEYS,
  VIEW_HEADING,
  ECONOMIC_BLOCK_HEADING,
  rowKey,
} from "./aliases";
import { bestFitLevels, functionalNameLevels, structuralLevels } from "./structure";
import { nestUnitBlocks } from "./unit-blocks";
import { isProjectCategory, rootUnitCode } from "./project-groups";
import { percentText, unreadableText } from "../grid/amount";

/** Excel's error value of a division by zero (#DIV/0!), as a rate column prints it where last year's figure is 0. */
const DIVISION_BY_ZERO = /^#DIV\/0!?$/i;

/** Code and name in one cell: 201 一般公共服务支出, [2010501]行政运行, 【201】…, (201)…, 2014001-行政运行, 30101：基本工资. */
const CODE_IN_LABEL =
  /^[[【(（]?(\d{3}(?:\d{2}){0,2})[\]】)）]?[-－—:：、.．\s]*(?=[^\d\s\-－—:：、.．])(.*)$/;

/** Kinds whose code columns describe something else (the project's 功能科目, the purchase's 经济科目): not the row's level. */
const CODES_AS_ATTRIBUTES: ReadonlySet<TableKind> = new Set([
  "procurement",
  "purchase_services",
  "project_expenditure",
  "project_carryover",
  "performance_list",
  "department_performance",
  "assets",
]);

/** Project lists: their memo lines (其中 / 含) detail a project or a unit, and their names are no 收支 lines. */
const PROJECT_KINDS: ReadonlySet<TableKind> = new Set(["project_expenditure", "project_carryover"]);

/**
 * A memo line's label (normalised): 其中… anywhere; in a project list also 含：XX项目 / 含 alone (tester29b T29B-13),
 * never 含山县… (a place name: 含 without its colon only alone).
 */
const isMemoLabel = (kind: TableKind, label: string): boolean =>
  /^其中/.test(label) || (PROJECT_KINDS.has(kind) && /^含(?:[:：]|$)/.test(label));
/** A memo label alone, its items on the lines below (其中： / 含：). */
const BARE_MEMO = /^(?:其中|含)[:：]?$/;

/** Kinds classified by 部门经济分类 (3-digit 类, 5-digit 款, 7-digit sub-items). */
const ECONOMIC_KINDS: ReadonlySet<TableKind> = new Set([
  "basic_expenditure_economic",
  "general_budget_economic",
  "expenditure_economic",
  "project_expenditure_economic",
]);
/** "201-06-99 其他财政事务支出": 类, 款 and 项 separated (the label is normalised, spaces gone). */
const SEPARATED_CODE_IN_LABEL = /^(\d{3}(?:[-－.．]\d{2}){1,2})(?=[^\d\-－.．])(.*)$/;

/**
 * "[2010699]名称" and "2010699-名称" (also with a malformed code inside): the code written right before the name, so
 * one reading (well-formed, separated or malformed) serves every spelling.
 */
function codeBeforeName(label: string): string {
  const n = norm(label).replace(QUOTE_BEFORE_CODE, "");
  const bracketed = /^[[【(（]([0-9OoIl][0-9OoIl\-－.．]{2,13})[\]】)）](.+)$/.exec(n);
  if (bracketed) return bracketed[1] + bracketed[2];
  const dashed =
    /^([0-9OoIl]*\d[0-9OoIl]*(?:[-－.．][0-9OoIl]+)*)[-－—:：、](?=[^\d\s\-－—:：、.．])(.+)$/.exec(
      n
    );
  if (dashed && dashed[1].replace(/[^0-9OoIl]/g, "").length >= 3) return dashed[1] + dashed[2];
  // The code after the name, in brackets: 行政运行（2010801）, 一般公共服务支出(201) — a 类 / 款 / 项 code.
  const after = /^(.*[^\d\s])\s*[[【(（](\d{3}(?:\d{2}){0,2})[\]】)）]$/.exec(n);
  if (after) return after[2] + after[1];
  return QUOTE_BEFORE_CODE.test(norm(label)) ? n : label;
}

export function amountAt(v: GridView, r: number, c: number): Amount {
  const p = v.amount(r, c);
  const text = v.text(r, c);
  const value = p ? p.value : null;
  const a: Amount = {
    value,
    cell: v.ref(r, c),
    text,
    blank: value === null,
    decimals: p?.decimals ?? 0,
  };
  if (p?.invalid) a.invalid = p.invalid;
  if (p?.suffix) a.suffix = p.suffix;
  if (p?.mark) a.mark = p.mark;
  if (p?.dated) a.dated = true;
  if (p?.fromText && p.value !== null && !p.invalid) a.textCell = true;
  if (p?.implicit) implicitPrecision.add(a);
  return a;
}

/** Amounts whose precision is not printed (General, date formats): they take their table's precision. */
const implicitPrecision = new WeakSet<Amount>();

/**
 * A rate's figure (增减率 / 增长率 5.50% as text, 0.055 under a % format, 0.055 or 5.50 in a rate column): its decimals
 * are a percent's or a fraction's, never the precision of the table's amounts (tester26b T26B-2: a text rate's 4
 * decimals made a 0.01万元 尾差 an 错误 ±0.00015万元).
 */
function isRateFigure(key: string, a: Amount): boolean {
  return (
    key.startsWith("ratio") || (/[%％]/.test(a.text) && percentText(a.text.trim()) !== undefined)
  );
}

/**
 * The printed precision of a table's figures: the decimals of its explicit number formats (or typed text), else the
 * most decimals any of its General figures shows. General displays a value exactly; it never says "rounded to 0 or
 * 1 decimals", so a General 20 next to 388.14 is read at 2 decimals like its neighbours. Amounts and rates settle
 * apart: a rate's decimals never set an amount's, nor the other way round.
 */
export function settlePrecision(rows: Row[]) {
  const amounts: Amount[] = [];
  const rates: Amount[] = [];
  for (const row of rows)
    for (const k in row.amounts) {
      const a = row.amounts[k];
      if (!a.blank) (isRateFigure(k, a) ? rates : amounts).push(a);
    }
  settleAmong(amounts);
  settleAmong(rates);
}

/** The implicit figures of `all` at the most decimals of its explicit ones (of all, when none is explicit). */
function settleAmong(all: Amount[]) {
  const explicit = all.filter((a) => !implicitPrecision.has(a));
  const pool = explicit.length ? explicit : all;
  const d = pool.reduce((m, a) => Math.max(m, a.decimals), 0);
  for (const a of all) if (implicitPrecision.has(a)) a.decimals = d;
}

/**
 * The precision of tables printed wholly in General (every amount's decimals implicit: PDF conversions, XML 2003 and
 * HTML exports, scripts): a table of whole figures beside tables of the same unit showing cents is read at their
 * precision — General shows a value exactly, so 3 is 3.00, not “rounded to whole 万元” with ±0.5 a figure (newcomer13
 * NC13-1: a 1.00万元 difference passed as 尾差 ±2) — of the tables printed in General and of those with explicit number
 * formats alike (tester29 T29-1: an unstyled 三公 table of whole 万元 beside tables printed 0.00 kept ±0.5 a figure, so
 * 7 ≠ 6 was 尾差). Tables with explicit number formats are left as settlePrecision read them: one printed in whole
 * numbers under a "0" format says so and keeps ±½ of its last digit. Rates (isRateFigure) are no amounts here: they
 * neither make a table explicit nor set or take the precision.
 * `takers` take the precision the same way but give none: 绩效目标表 forms (tester29b T29B-9: a form printed in General
 * with whole 万元 — 50 — beside tables printing 0.00 was compared at ±0.505, so 50 against a project's 49.60 passed as
 * 尾差). A form's few figures say nothing of the workbook's precision; one in 元 beside 万元 tables takes none.
 */
export function settleWorkbookPrecision(
  tables: ReadonlyArray<{ unit: string; rows: Row[] }>,
  takers: ReadonlyArray<{ unit: string; rows: Row[] }> = []
) {
  const implicitOnly = [...tables, ...takers].filter((t) => {
    let any = false;
    for (const r of t.rows)
      for (const k in r.amounts) {
        const a = r.amounts[k];
        if (a.blank || isRateFigure(k, a)) continue;
        if (!implicitPrecision.has(a)) return false;
        any = true;
      }
    return any;
  });
  const most = new Map<string, number>();
  const only = new Set(implicitOnly);
  for (const t of tables)
    for (const r of t.rows)
      for (const k in r.amounts) {
        const a = r.amounts[k];
        // Another table's figures count by their printed formats only (its General ones took its precision).
        if (a.blank || isRateFigure(k, a) || (!only.has(t) && implicitPrecision.has(a))) continue;
        most.set(t.unit, Math.max(most.get(t.unit) ?? 0, a.decimals));
      }
  for (const t of implicitOnly) {
    const d = most.get(t.unit) ?? 0;
    const own = printedDecimals(t);
    if (own <= 1 && d > own && !takers.includes(t) && roundedElsewhere(t, tables, own)) continue;
    for (const r of t.rows)
      for (const k in r.amounts) {
        const a = r.amounts[k];
        if (!a.blank && !isRateFigure(k, a) && a.decimals < d) a.decimals = d;
      }
  }
  exactWhereUnrounded(tables, takers, only);
}

/**
 * Whole figures in General throughout a unit's tables read exactly when the figures show no rounding (tester33 T33-5,
 * tester32 T32-16: every table of a workbook typed in whole 万元 without number formats gave each figure ±0.5, so a
 * 项 1 万元 over its 款 and a 类 1 万元 apart between two tables passed as 尾差 while every other sum added exactly).
 * General prints a figure as it is (3 is 3.00); only the sums can say the figures were rounded before they were
 * typed: a rounded table's 类 / 款 / 项 sums miss by a unit here and there all over it. So where every money table of
 * the unit is such a table (no number format says “rounded to whole units”, no table prints finer), the figures keep
 * ±½ of a unit only when the workbook shows rounding (showsRounding); otherwise they are read to the cent, and a gap
 * of one unit is an 错误. Tables retyped to whole units beside tables printing decimals (T32-10 / T33-4) are not
 * concerned: their unit has finer figures, which they were rounded from.
 */
function exactWhereUnrounded(
  tables: ReadonlyArray<{ unit: string; rows: Row[] }>,
  takers: ReadonlyArray<{ unit: string; rows: Row[] }>,
  implicitOnly: ReadonlySet<{ unit: string; rows: Row[] }>
) {
  for (const unit of new Set(tables.map((t) => t.unit))) {
    // Whole 元 are the finest figures printed, often 分 dropped: a 1 元 slip stays a 尾差 (tester26b T26B-2).
    if (unit === "元") continue;
    // The unit's tables that print figures (an empty one says nothing).
    const mine = tables.filter((t) => t.unit === unit && hasFigures(t));
    if (!mine.every((t) => implicitOnly.has(t) && printedDecimals(t) === 0)) continue;
    // Tables of a finer unit printing figures that are no whole units of this one (a 单位's 6,512,000 元 beside the
    // 部门's 651 万元, tester32's fujian-multiunit): the whole figures may be theirs rounded.
    if (finerFigures(tables, unit)) continue;
    if (showsRounding(mine)) continue;
    for (const t of [...mine, ...takers.filter((x) => x.unit === unit && implicitOnly.has(x))])
      for (const r of t.rows)
        for (const k in r.amounts) {
          const a = r.amounts[k];
          if (!a.blank && !isRateFigure(k, a) && a.decimals === 0) a.decimals = 2;
        }
  }
}

/**
 * Whether whole figures show that they were rounded. The evidence: their 类 = Σ款, 款 = Σ项 sums (two parts or more,
 * by column) holding exactly or missing by no more than rounding allows (½ a unit a figure), and their coded lines
 * printed in two tables (合计 by code). A figure rounded before it was typed is the same in every table that prints
 * it, so a line that differs between two tables is a wrong figure, not rounding — as are the sums through such a line
 * (the localizer names that one cell for them all). The sums that miss with none of their lines so explained are the
 * rounding: shown when they need two lines or more, or when the exact sums are too few (under 10) to call a single
 * one an error; lines differing between tables that take more than 3 lines to explain are rounding too (tables that
 * rounded their totals apart). Too few sums to tell (under 6 exact): rounding kept.
 */
function showsRounding(tables: ReadonlyArray<{ unit: string; rows: Row[] }>): boolean {
  let exact = 0;
  // The sums that miss, each as the lines (table index : sheet row) whose figures it involves; the lines differing
  // between tables, in pairs.
  const gaps: string[][] = [];
  const twins: string[][] = [];
  const byCode = new Map<string, Array<{ line: string; value: number }>>();
  tables.forEach((t, ti) => {
    const coded = t.rows.filter((r) => r.code && !r.partial);
    const groups = new Map<string, Row[]>();
    // A line's place: its side, its 单位 and its code (a code printed twice there is no parent to sum).
    const place = (r: Row) => `${r.side ?? ""}|${r.ofUnit ?? ""}|${r.codeSystem ?? ""}|${r.code}`;
    for (const r of coded) {
      const key = place(r);
      const same = groups.get(key);
      if (same) same.push(r);
      else groups.set(key, [r]);
      const total = r.amounts.total;
      if (
        !r.ofUnit &&
        r.codeSystem !== "economic" &&
        total &&
        !total.blank &&
        total.value !== null
      ) {
        const k = r.code!;
        const list = byCode.get(k) ?? [];
        list.push({ line: `${ti}:${r.row}`, value: total.value });
        byCode.set(k, list);
      }
    }
    for (const parent of coded) {
      const code = parent.code!;
      if (code.length !== 3 && code.length !== 5) continue;
      const children = coded.filter(
        (r) =>
          r.code!.length === code.length + 2 &&
          r.code!.startsWith(code) &&
          r.side === parent.side &&
          r.ofUnit === parent.ofUnit &&
          r.codeSystem === parent.codeSystem
      );
      if (children.length < 2 || groups.get(place(parent))!.length > 1) continue;
      for (const k in parent.amounts) {
        const p = parent.amounts[k];
        if (p.blank || p.value === null || isRateFigure(k, p)) continue;
        const parts = children
          .map((c) => c.amounts[k])
          .filter((a) => a && !a.blank && a.value !== null);
        if (parts.length < 2) continue;
        const gap = Math.abs(p.value - parts.reduce((s, a) => s + a.value!, 0));
        if (gap < 1e-6) exact++;
        else if (gap <= 0.5 * (parts.length + 1) * (isRateOrChange(k) ? 2 : 1) + 1e-6)
          gaps.push([parent, ...children].map((r) => `${ti}:${r.row}`));
      }
    }
  });
  for (const list of byCode.values())
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const gap = Math.abs(list[i].value - list[j].value);
        if (gap > 1e-6 && gap <= 1 + 1e-6) twins.push([list[i].line, list[j].line]);
      }
  if (exact < 6) return true;
  const mismatched = cover(twins);
  if (mismatched === undefined) return true;
  const left = gaps.filter((g) => !g.some((l) => mismatched.has(l)));
  const lines = cover(left)?.size;
  return lines === undefined || lines >= 2 || (lines === 1 && exact < 10);
}

/**
 * The fewest lines (greedy) that every one of `gaps` involves, when 3 or fewer do: a few lines, each wrong; more is
 * rounding all over (undefined).
 */
function cover(gaps: string[][]): Set<string> | undefined {
  const chosen = new Set<string>();
  let left = gaps;
  while (left.length) {
    if (chosen.size === 3) return undefined;
    const count = new Map<string, number>();
    for (const g of left) for (const l of new Set(g)) count.set(l, (count.get(l) ?? 0) + 1);
    const best = [...count.entries()].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
    chosen.add(best);
    left = left.filter((g) => !g.includes(best));
  }
  return chosen;
}

/** Whether a table of a finer unit than `unit` prints an amount that is no whole number of `unit` (rates aside). */
function finerFigures(tables: ReadonlyArray<{ unit: string; rows: Row[] }>, unit: string): boolean {
  const factor = (u: string) => UNIT_FACTOR[u as keyof typeof UNIT_FACTOR] ?? 1;
  return tables.some(
    (t) =>
      factor(t.unit) < factor(unit) &&
      t.rows.some((r) =>
        Object.entries(r.amounts).some(([k, a]) => {
          if (a.blank || a.value === null || isRateFigure(k, a)) return false;
          const v = (a.value * factor(t.unit)) / factor(unit);
          return Math.abs(v - Math.round(v)) > 1e-6;
        })
      )
  );
}

/** Whether a table prints an amount (rates aside). */
function hasFigures(t: { rows: Row[] }): boolean {
  return t.rows.some((r) =>
    Object.entries(r.amounts).some(([k, a]) => !a.blank && !isRateFigure(k, a))
  );
}

/** The most decimals of a table's amounts (rates aside): a table printed wholly in General shows them all alike. */
function printedDecimals(t: { rows: Row[] }): number {
  let d = 0;
  for (const r of t.rows)
    for (const k in r.amounts) {
      const a = r.amounts[k];
      if (!a.blank && !isRateFigure(k, a)) d = Math.max(d, a.decimals);
    }
  return d;
}

/**
 * Whether a table in General whose figures have at most `places` decimals (0 or 1) is printed to that precision
 * (tester32 T32-10: a 收支总表 retyped from a PDF as 627 / 68 / 525 beside tables printing 627.10 / 68.40 / 524.50;
 * tester33 T33-4: one retyped to 0.1万元, 8104.5 / 318.6 beside 8104.46 / 318.62): at least 3 of its figures of 10 or
 * more are found nowhere else as such but lie within ½ of its last digit of a figure printing more decimals in another
 * table of its unit, and more of them than are found elsewhere exactly. A table of figures that are exact (3 = 3.00)
 * finds them elsewhere as they are; small figures (三公 2 / 3) are not counted, as a nearby figure is likely by chance.
 */
function roundedElsewhere(
  t: { unit: string; rows: Row[] },
  tables: ReadonlyArray<{ unit: string; rows: Row[] }>,
  places: number
): boolean {
  const scale = 10 ** places;
  const within = (v: number) => Math.abs(v * scale - Math.round(v * scale)) < 1e-6;
  const others: number[] = [];
  for (const o of tables)
    if (o !== t && o.unit === t.unit)
      for (const r of o.rows)
        for (const k in r.amounts) {
          const a = r.amounts[k];
          if (!a.blank && a.value !== null && !isRateFigure(k, a)) others.push(a.value);
        }
  const exactly = new Set(others);
  const finer = others.filter((v) => !within(v));
  let exact = 0;
  let near = 0;
  for (const r of t.rows)
    for (const k in r.amounts) {
      const a = r.amounts[k];
      if (a.blank || a.value === null || isRateFigure(k, a)) continue;
      if (!within(a.value)) return false;
      if (Math.abs(a.value) < 10) continue;
      if (exactly.has(a.value)) exact++;
      else if (finer.some((v) => Math.abs(v - a.value!) < 0.5 / scale + 1e-9)) near++;
    }
  return near >= 3 && near > exact;
}

/**
 * A code cell's text: a number cell's value when it is a whole code (2010801 under 0.00E+00 shows "2.01E+06", under
 * 0.0 "2010801.0" — the stored value keeps every digit), else the text as displayed.
 */
function codeText(v: GridView, r: number, c: number): string {
  const raw = v.raw(r, c);
  if (typeof raw === "number" && Number.isInteger(raw) && WELL_FORMED_CODE.test(String(raw)))
    return String(raw);
  return v.text(r, c);
}

/**
 * A code column's own digits (款 08 under 类 201): a number cell 1–9 there is two digits whose leading 0 a converter
 * dropped when it made the cell a number (08 → 8, newcomer11 NC11-5); text keeps what was printed.
 */
function ownDigitsText(v: GridView, r: number, c: number): string {
  const t = norm(v.text(r, c));
  return /^[1-9]$/.test(t) && typeof v.raw(r, c) === "number" ? `0${t}` : t;
}

function cleanCode(s: string): string | undefined {
  return readCode(s);
}

interface CodeState {
  lei?: string;
  kuan?: string;
}

/** 类/款/项 in separate columns: "201 | 32 | 01" or "201 | 20132 | 2013201", inheriting blanks from the rows above. */
function codeFromParts(
  v: GridView,
  r: number,
  parts: Block["codeParts"],
  st: CodeState
): string | undefined {
  const get = (p: "类" | "款" | "项") => {
    const cell = parts.find((x) => x.part === p);
    const t = cell ? norm(codeText(v, r, cell.c)) : "";
    return decimalCode(t) ?? t;
  };
  const lei = get("类");
  const kuan = get("款");
  const xiang = get("项");
  if (!/^\d*$/.test(lei + kuan + xiang) || lei + kuan + xiang === "") return undefined;
  if (lei) st.lei = lei.slice(0, 3);
  let code = st.lei ?? "";
  if (kuan) {
    code = kuan.length >= 5 ? kuan.slice(0, 5) : code + kuan.padStart(2, "0");
    st.kuan = code;
  } else if (xiang) code = st.kuan ?? code;
  else st.kuan = undefined;
  if (xiang) code = xiang.length >= 7 ? xiang : code + xiang.padStart(2, "0");
  return /^\d{3}(\d{2}){0,2}$/.test(code) ? code : undefined;
}

/** Kinds printed with an income side and an expenditure side (side by side, or one after the other). */
export const SIDED_KINDS: ReadonlySet<TableKind> = new Set([
  "income_expenditure_summary",
  "fiscal_appropriation_summary",
]);
/** A band line that opens a side in a one-sided table (收入 rows, then 支出 rows under one 项目 | 预算数 header). */
const INCOME_BAND = /^(收入|收入项目|收入部分|本年收入)$/;
const EXPENDITURE_BAND = /^(支出|支出项目|支出部分|本年支出)$/;

/**
 * The side of each line of a 收支总表 printed one-sided (收入 lines, then 支出 lines, in one label / amount pair): the
 * income side ends after 收入总计, at a 支出 band line or at the first line classified as a 支出 (a 功能 code or class
 * name, 本年支出合计, 支出总计).
 */
function oneSidedTurn(label: string, key: string | undefined, code: string | undefined): boolean {
  const k = labelKey(label);
  // An income line by its key (一般公共预算, 国有资本经营预算 …) never turns the side, whatever class its words name.
  if (
    key &&
    (key.startsWith("src_") ||
      key === "carryover_in" ||
      key === "balance_use_in" ||
      key === "current_income_total" ||
      key === "income_grand_total")
  )
    return false;
  return (
    EXPENDITURE_BAND.test(k) ||
    key === "current_expenditure_total" ||
    key === "expenditure_grand_total" ||
    key === "carryover_out" ||
    (!!code && /^2/.test(code)) ||
    !!classCodeByName(k)
  );
}

/** A 其中 line opening a list: its level and side, its label's indentation and the numbering of its first item. */
interface MemoList {
  level: number;
  side: Side | undefined;
  depth: number;
  ordinal: number | undefined;
  /**
   * For a list under the table's total (the 其中 line at level 1), or under a line printing a 功能 / 经济 code (a 类,
   * 款 or economic class: `coded`): that line's amounts (by column key) less the list's items so far — what later unindented
   * lines may still take (a list's items are parts of the line it details).
   */
  room?: Map<string, number>;
  /**
   * The list details a line printing its code: a later line with no code of its own (none printed, none by its name)
   * cannot be one of that table's 款 / 项 / economic lines, whatever level its missing code leaves it at.
   */
  coded?: boolean;
  /**
   * A project list's 其中 (tester29b T29B-2 / T29B-13): its items are told by indentation only under a bare 其中： /
   * 含： line (deeper than it, all at the first item's depth, `itemDepth`); a 其中 line printing its own item takes
   * more only by numbering (an unnumbered line there is the next project, however indented).
   */
  project?: { bare: boolean; itemDepth?: number };
}

/**
 * A 其中 list directly under the table's total whose later items lost their indent (a PDF converted to Excel keeps
 * indentation as position, not text: 机关运行经费 188.59 / 其中：公务接待费 2 / 公务用车运行维护费 8.2 at the left edge).
 * Such a line, unnumbered like the list's first item and not shallower than it, is one more item while the items
 * so far with it stay within the total in every column: a line that would take the list past the total is a line
 * of its own (合计 / 其中：财政拨款 150 / 工资福利支出 100 / 商品和服务支出 88). The same under a coded line
 * (newcomer11 NC11-8: 201 一般公共服务支出 / 其中：办公费 / 印刷费, 302 商品和服务支出 / 其中：办公费 / 印刷费): the list is a
 * part of that line, never lines beside it that its 类 or the 合计 would add.
 */
function withinMemoRoom(memo: MemoList, amounts: Record<string, Amount>): boolean {
  if (!memo.room) return false;
  let some = false;
  for (const [k, left] of memo.room) {
    const x = amounts[k]?.value;
    if (x === undefined || x === null) continue;
    if (x < 0 || x > left + 0.005) return false;
    some = true;
  }
  return some;
}

function takeMemoRoom(memo: MemoList, amounts: Record<string, Amount>): void {
  for (const [k, left] of memo.room ?? []) {
    const x = amounts[k]?.value;
    if (typeof x === "number") memo.room!.set(k, left - x);
  }
}

/** Lines that end a 其中 list besides the totals: a side's 上年结转 and 结转下年 lines. */
const LIST_ENDS = new Set(["carryover_in", "balance_use_in", "carryover_out", "section_total"]);

/**
 * Does this line continue the 其中 list above it? Chinese tables print the list's later items under the first item's
 * text: numbered like it (其中：1.一般公共预算 / 2.政府性基金预算, 其中：（1）… / （2）…), or, when the first is
 * unnumbered, unnumbered and indented deeper than the 其中 line (其中：一般公共预算 / U+3000×3 政府性基金预算). A code, a
 * total, 上年结转 or another numbering ends the list.
 */
function continuesMemoList(
  memo: MemoList,
  labelRaw: string,
  label: string,
  key: string | undefined,
  side: Side | undefined,
  code: string | undefined,
  within: boolean
): boolean {
  // A project list names no 收支 lines: its 上年结转 is a memo item like any other.
  const ends = (k: string) => TOTAL_KEYS.has(k) || (!memo.project && LIST_ENDS.has(k));
  if (side !== memo.side || code || (key && ends(key))) return false;
  const own = ordinalLevel(label);
  if (memo.ordinal !== undefined) return own === memo.ordinal;
  if (own !== undefined) return false;
  if (memo.project) {
    const d = indentDepth(labelRaw);
    if (!memo.project.bare || d <= memo.depth) return within;
    if (memo.project.itemDepth === undefined) memo.project.itemDepth = d;
    return d === memo.project.itemDepth;
  }
  return indentDepth(labelRaw) > memo.depth || (indentDepth(labelRaw) === memo.depth && within);
}

export function parseBody(
  v: GridView,
  kind: TableKind,
  bodyRows: number[],
  blockList: Block[]
): Row[] {
  const rows: Row[] = [];
  const oneSided = blockList.length === 1 && SIDED_KINDS.has(kind);
  let sequenceSide: Side = "income";
  const economic = ECONOMIC_KINDS.has(kind);
  const codesAreAttributes = CODES_AS_ATTRIBUTES.has(kind);
  // Column groups of one list (header.ts stackedGroups): each group's lines follow the previous group's, no side.
  const stacked = blockList.length > 1 && blockList.every((b) => b.stacked);
  const blockOf = new Map<Row, Block>();
  const ownTotal = OWN_NAME_TOTALS[kind];
  // The heading and lines of a side's second view (VIEW_HEADING): level 1 once the side's levels are settled.
  const viewLines = new Set<Row>();
  // The parts of a view's numbered line (工资福利支出 … under 一、基本支出): one level under it.
  const viewParts = new Set<Row>();
  for (const b of blockList) {
    const st: CodeState = {};
    let afterCarryover = false;
    // The 类 / 款 of the coded rows so far, to read a malformed code by its place.
    const ctx: CodeContext = {};
    let lastCodedLevel: number | undefined;
    let lastCodeLength: number | undefined;
    // The economic class (301) of the coded rows so far, to place an economic code shown as 3.01E+04.
    let econClass: string | undefined;
    // The 其中 line whose list the next lines may continue.
    let memo: MemoList | undefined;
    // The side whose second view (VIEW_HEADING) the lines are in.
    /** The second view of a side opened by its heading; economic when the heading says 按经济分类 (or 支出按经济分类 …). */
    let view: { side: Side | undefined; economic: boolean; head?: number } | undefined;
    // The columns left of this block's figures that are its own (after the previous block's figures, if any).
    const firstAmount = Math.min(...b.amounts.map((a) => a.c));
    const ownFrom =
      Math.max(
        -1,
        ...blockList.flatMap((o) => o.amounts.map((a) => a.c)).filter((c) => c < firstAmount)
      ) + 1;
    // The grid row of the line pushed last in this block (a name wrapped onto the next line continues it).
    let lineRow: number | undefined;
    for (const r of bodyRows) {
      let labelRaw = b.label !== undefined ? v.text(r, b.label) : "";
      let label = labelRaw.trim();
      let code: string | undefined;
      let codeCell: string | undefined;
      let printedCode: string | undefined;
      // The first code column is the row's code (a second one is the 政府经济科目 beside the 部门经济科目).
      let scientific: { length: number; code?: string } | undefined;
      for (const c of b.codes) {
        const t = codeText(v, r, c);
        const decimal = codesAreAttributes ? undefined : decimalCode(t);
        const quoted = codesAreAttributes || decimal ? undefined : quotedCode(t);
        const cc = codesAreAttributes ? undefined : (cleanCode(t) ?? decimal ?? quoted);
        if (cc) {
          if (!code) {
            code = cc;
            codeCell = v.ref(r, c);
            // Kept for the one 提示 that the codes were read without their ".0" or stray quote mark.
            if (decimal || quoted) printedCode = t.trim();
          }
        } else if (!codesAreAttributes && !code && SCIENTIFIC_CODE_TEXT.test(norm(t))) {
          // "2.01E+06": the code's digits are lost; the row keeps the level its length gives, never a code rebuilt from them.
          printedCode = t.trim();
          codeCell = v.ref(r, c);
          scientific = { length: 0 };
        } else if (!codesAreAttributes && !code && looksLikeCode(t)) {
          printedCode = t.trim();
          codeCell = v.ref(r, c);
        } else if (norm(t) && !label && !/^\d+$/.test(norm(t))) label = t.trim();
      }
      // Two lines a converter merged into one row that merged-lines.ts could not split (its cells disagree on their
      // count: a figure printed on one line only): the code cell holds one code per line. Which figure is whose is
      // unknown — the row is placed under its 款 as a memo line (partial: never an addend, no suspect computed from it).
      const mergedCodes =
        code || codesAreAttributes
          ? undefined
          : b.codes
              .map((c) =>
                v
                  .text(r, c)
                  .split(/\r\n|\r|\n/)
                  .map((x) => x.trim())
                  .filter(Boolean)
              )
              .find((ls) => ls.length >= 2 && ls.every((l) => cleanCode(l)))
              ?.map((l) => cleanCode(l)!);
      if (mergedCodes) {
        printedCode = undefined;
        label = labelRaw = label
          .split(/\r\n|\r|\n/)
          .map((x) => x.trim())
          .filter(Boolean)
          .join("／");
      }
      // A code column printing each level's own digits (201, then 08, then 01): the 款 / 项 under the 类 / 款 above.
      if (!code && !printedCode && !mergedCodes && !codesAreAttributes && !economic && ctx.lei)
        for (const c of b.codes) {
          const own = ownDigitsCode(ownDigitsText(v, r, c), label, ctx, lastCodeLength);
          if (own) {
            code = own;
            codeCell = v.ref(r, c);
            break;
          }
        }
      // 单位名称 beside the 项目名称, 合计 in the 单位编码 column.
      if (!norm(label) && b.unitLabel !== undefined) label = v.text(r, b.unitLabel).trim();
      // A unit's 小计 line printed as 小计 beside the unit's name: named for its unit.
      else if (
        b.unitLabel !== undefined &&
        /^小计$/.test(labelKey(label)) &&
        norm(v.text(r, b.unitLabel))
      )
        label = labelRaw = `${v.text(r, b.unitLabel).trim()}小计`;
      if (!norm(label))
        for (const c of b.unitCodes ?? [])
          if (norm(v.text(r, c)) && !/^\d+$/.test(norm(v.text(r, c)))) label = v.text(r, c).trim();
      if (codesAreAttributes && !norm(label))
        label =
          b.codeParts.map((p) => v.text(r, p.c).trim()).find((t) => t && !/^\d+$/.test(norm(t))) ??
          label;
      if (!code && b.codeParts.length && !codesAreAttributes) {
        const before = { ...st };
        code = codeFromParts(v, r, b.codeParts, st);
        if (code) codeCell = v.ref(r, b.codeParts[0].c);
        else {
          // A typo in one of the 类 / 款 / 项 cells (项 "999"): the digits with the 类 / 款 above, read like a printed code.
          const part = (p: "类" | "款" | "项") => b.codeParts.find((x) => x.part === p);
          const text = (p: "类" | "款" | "项") => (part(p) ? norm(v.text(r, part(p)!.c)) : "");
          const [lei, kuan, xiang] = [text("类"), text("款"), text("项")];
          const raw =
            xiang && !kuan && !lei
              ? `${before.kuan ?? ""}${xiang}`
              : kuan && !lei
                ? `${before.lei ?? ""}${kuan}${xiang}`
                : `${lei}${kuan}${xiang}`;
          if ((lei || kuan || xiang) && looksLikeCode(raw)) {
            printedCode = [lei, kuan, xiang].filter(Boolean).join(" ");
            codeCell = v.ref(r, b.codeParts.find((x) => norm(v.text(r, x.c)))!.c);
            if (!economic) code = repairFunctionalCode(raw, label, ctx);
          }
        }
        // The 合计 label of a split-code table sits in the 类 column.
        if (!code && !norm(label))
          label =
            b.codeParts
              .map((p) => v.text(r, p.c).trim())
              .find((t) => t && !/^\d+$/.test(norm(t))) ?? label;
      }
      // 合计 printed in a column that is not the name column (序号, 一级项目, an uncaptioned column left of the names):
      // the total line still, whichever column left of the figures holds it.
      if (!norm(label) && !code) {
        const total = v
          .cells(r)
          .find(([c, t]) => c >= ownFrom && c < firstAmount && TOTAL_KEYS.has(rowKey(t) ?? ""));
        if (total) label = total[1].trim();
      }
      let labelFromCode = false;
      if (!code && !codesAreAttributes) {
        label = codeBeforeName(label);
        const m = SEPARATED_CODE_IN_LABEL.exec(norm(label)) ?? CODE_IN_LABEL.exec(norm(label));
        if (m && m[2]) {
          code = readCode(m[1]);
          label = m[2];
          labelFromCode = true;
        } else if (!printedCode) {
          // "20313999 其他社会工作事务支出" in one cell: a malformed code before the name.
          const bad = /^([0-9OoIl][0-9OoIl\-－.．]{3,11})([^0-9OoIl年月日号%.．\-－].*)$/.exec(
            norm(label)
          );
          if (bad && looksLikeCode(bad[1])) {
            printedCode = bad[1];
            label = bad[2];
            labelFromCode = true;
          }
        }
      }
      if (scientific) {
        // An economic code (3.01E+04) is placed under the economic class above, by the economic names.
        const econ = economic || /^[35]/.test(norm(printedCode!));
        scientific =
          scientificCode(
            printedCode!,
            label,
            econ ? { lei: econClass } : ctx,
            econ ? economicName : functionalName
          ) ?? scientific;
        code = scientific.code;
      } else if (!code && printedCode && !economic)
        code = repairFunctionalCode(printedCode, label, ctx);
      const amounts: Record<string, Amount> = {};
      let any = false;
      for (const a of b.amounts) {
        const amt = amountAt(v, r, a.c);
        // Text that is not a number in an amount cell is named, never read as blank.
        if (amt.blank && !amt.invalid && norm(amt.text) && v.amount(r, a.c) === undefined)
          amt.invalid = unreadableText(amt.text);
        // A rate printed as text (-15.00%) in a 增减率 column is that rate, never an unreadable amount.
        const rate = amt.invalid && a.key.startsWith("ratio") ? percentText(amt.text) : undefined;
        if (rate) {
          Object.assign(amt, { value: rate.value, decimals: rate.decimals, blank: false });
          delete amt.invalid;
        }
        amounts[a.key] = amt;
        if (!amt.blank) any = true;
      }
      // A rate of a line without last year's figure (a line new this year) divides by 0: #DIV/0! states no rate, it is
      // no unreadable amount (with a last-year figure printed, it stays one).
      for (const k in amounts)
        if (
          k.startsWith("ratio") &&
          amounts[k].invalid &&
          DIVISION_BY_ZERO.test(norm(amounts[k].text))
        )
          if (!Object.keys(amounts).some((p) => isPrior(p) && (amounts[p].value ?? 0) !== 0)) {
            amounts[k] = { ...amounts[k], value: null, blank: true };
            delete amounts[k].invalid;
          }
      if (!norm(label) && !code && !any) continue;
      let key = rowKey(label);
      // A long name wrapped over two lines with the figures (centred in the cell) on its second: the coded line prints
      // no figure (the code alone, or the name's start), the next prints none of a code and the rest of the name with
      // the figures. One line: the code of the first, the name joined, the figures of the second.
      const above = rows[rows.length - 1];
      if (
        above &&
        lineRow === r - 1 &&
        any &&
        !code &&
        !printedCode &&
        norm(label) &&
        !/^其中/.test(norm(label)) &&
        ordinalLevel(label) === undefined &&
        !(key && (TOTAL_KEYS.has(key) || isSummaryKey(key))) &&
        (above.code || above.printedCode) &&
        // A class named in full without a code (一般公共服务支出 over 财政事务 in a template printing names only) is a
        // whole line, its figures left blank (a heading): no name's start.
        !above.codeFromName &&
        !above.partial &&
        Object.values(above.amounts).every((a) => a.blank && !a.invalid)
      ) {
        above.label = `${above.label}${label}`;
        above.amounts = amounts;
        above.key ??= rowKey(above.label);
        lineRow = undefined;
        continue;
      }
      if (b.side === "expenditure_use" && labelKey(label) === "预备费") key = "use_reserve";
      if (oneSided) {
        if (sequenceSide === "income" && oneSidedTurn(label, key, code))
          sequenceSide = "expenditure";
        // The band lines themselves (收入 / 支出 over their lines) carry no figure.
        if (!any && (INCOME_BAND.test(labelKey(label)) || EXPENDITURE_BAND.test(labelKey(label))))
          continue;
      }
      const side: Side | undefined = oneSided
        ? sequenceSide
        : blockList.length > 1 && !stacked
          ? b.side
          : undefined;
      if (
        ownTotal &&
        key !== "total" &&
        ownTotal.test(labelKey(label)) &&
        !rows.some((x) => x.key === "total")
      )
        key = "total";
      // 合计 printed in each column group on one line (人员经费 ‖ 公用经费, tester29b T29B-12): each group's own total,
      // as 人员经费合计 | 公用经费合计 would be; a 合计 in the first group alone is the whole list's.
      if (
        stacked &&
        b.part &&
        key === "total" &&
        blockList.some((o) => o !== b && isTotalAt(v, r, o))
      )
        key = b.part;
      if (side && key === "total")
        key = SIDE_TOTALS.find(([re]) => re.test(labelKey(label)))?.[1][side] ?? key;
      if (side === "income") {
        if (key === "carryover_in") afterCarryover = true;
        else if ((key && TOTAL_KEYS.has(key)) || key === "balance_use_in") afterCarryover = false;
        else if (afterCarryover && key?.startsWith("src_")) key = `carryover_${key}`;
      }
      let level: number;
      let codeSystem: Row["codeSystem"];
      let codeFromName: boolean | undefined;
      if (code) {
        codeSystem = economic || /^[35]/.test(code) ? "economic" : "functional";
        level = (code.length - 1) / 2;
        if (codeSystem === "functional") {
          ctx.lei = code.slice(0, 3);
          ctx.kuan = code.length >= 5 ? code.slice(0, 5) : undefined;
        }
        lastCodedLevel = level;
        lastCodeLength = code.length;
        if (codeSystem === "economic" && code.length === 3) econClass = code;
      } else if (scientific?.length) level = (scientific.length - 1) / 2;
      else if (printedCode && lastCodedLevel !== undefined)
        level = lastCodedLevel; // an unreadable code: a sibling of the row above
      else if (key && TOTAL_KEYS.has(key)) level = 0;
      else if (key?.startsWith("carryover_src_")) level = 2;
      else if (key === "carryover_in" || key === "balance_use_in" || key === "carryover_out")
        level = 1;
      else if (
        side &&
        side !== "income" &&
        (key?.startsWith("src_") || /^(部门预算|财政拨款)$/.test(labelKey(label)))
      ) {
        // The head of an expenditure pair (一、部门预算 / 一、财政拨款 above the classes): that pair's total.
        level = 0;
        key = "section_total";
      } else {
        const cls =
          (side === undefined || side === "expenditure") &&
          !CODES_AS_ATTRIBUTES.has(kind) &&
          kind !== "operating_funds" &&
          kind !== "basic_expenditure_unit"
            ? classCodeByName(labelKey(label))
            : undefined;
        // A line of a 按经济分类 view names an economic class (其他支出 is 399 there, not 功能 229 其他支出).
        const economicView = view?.economic && view.side === side && !isSummaryKey(key);
        if (cls && !economic && !economicView) {
          code = cls;
          codeSystem = "functional";
          codeFromName = true;
          level = 1;
        } else if (kind === "basic_expenditure_unit") level = isEconomicGroupName(label) ? 2 : 1;
        else if (economic) level = isEconomicGroupName(label) ? 1 : 2;
        else level = ordinalLevel(label) ?? 1;
      }
      const itemOf = kind === "three_public" && key ? THREE_PUBLIC_ITEM_OF.get(key) : undefined;
      if (itemOf) {
        // Under its item's line (公务用车购置及运行费, 公务接待费) when the table prints one, else under the 三公 total.
        const item = [...rows].reverse().find((x) => x.key === itemOf && x.side === side);
        level = item ? item.level + 1 : 2;
      }
      // 其中： rows detail the row above (whatever their own numbering); outside the 三公 items' parts (购置费 | 运行费,
      // 国内 | 外事接待费: all of their item) they are partial.
      let partial: boolean | undefined;
      if (isMemoLabel(kind, norm(label)) && !code) {
        const above = [...rows].reverse().find((x) => x.side === side && !x.partial);
        if (above) level = above.level + 1;
        if (!itemOf) partial = true;
      } else if (
        memo &&
        continuesMemoList(
          memo,
          labelRaw,
          label,
          key,
          side,
          code ?? printedCode,
          (level === 1 || !!memo.coded) && withinMemoRoom(memo, amounts)
        )
      ) {
        // The next items of a 其中 list (其中：A / U+3000×3 B / U+3000×3 C, 其中：1.A / 2.B): 其中 items too.
        level = memo.level;
        partial = true;
        takeMemoRoom(memo, amounts);
      } else memo = undefined;
      if (mergedCodes) {
        level = (mergedCodes[0].length - 1) / 2;
        partial = true;
      }
      // A heading without figures opening a second view of the side (按经济分类 after the 功能 classes) and that view's
      // lines, up to the next total: beside the classes, never more classes, nor children of the line above.
      // In a table by 功能 class, a block by economic class (ECONOMIC_BLOCK_HEADING) is such a view too.
      const heading = SIDED_KINDS.has(kind)
        ? VIEW_HEADING
        : economic || CODES_AS_ATTRIBUTES.has(kind)
          ? undefined
          : ECONOMIC_BLOCK_HEADING;
      if (heading && !code && !any && heading.test(labelKey(label))) {
        if (SIDED_KINDS.has(kind) && opensClasses(labelKey(label), rows, side)) {
          // tester35 T35-5: （一）按支出功能分类 over the 功能 classes, or a heading above the side's first class line:
          // it opens the classes themselves, a heading without figures (never a second view that would leave
          // 本年支出合计 no class line to add up).
          view = undefined;
          level = 1;
          partial = true;
        } else {
          view = { side, economic: /经济/.test(labelKey(label)) };
          key = "expenditure_view";
        }
      } else if (view && (view.side !== side || isSummaryKey(key))) view = undefined;
      else if (
        !view &&
        SIDED_KINDS.has(kind) &&
        !code &&
        (key === "use_basic" || key === "use_project") &&
        ordinalLevel(label) !== undefined &&
        rows.some((x) => x.side === side && x.codeSystem === "functional" && !x.partial)
      )
        // 一、基本支出 / 二、项目支出 numbered afresh after the 功能 classes (tester31 T31-20, no 按经济分类 line): the same
        // 支出 again by use, a view of its own — never more classes added into 本年支出合计.
        view = { side, economic: true };
      else if (
        !view &&
        SIDED_KINDS.has(kind) &&
        side !== "income" &&
        startsEconomicView(label, code, codeSystem, codeFromName) &&
        [...rows].reverse().find((x) => x.side === side && !x.partial)?.codeSystem === "functional"
      )
        // A 部门预算经济分类 class (工资福利支出 / 商品和服务支出 / 对个人和家庭的补助 / 资本性支出 …, or coded 301 …) right
        // after the 功能 classes, no 按经济分类 line above it (tester31 T31-20 d): never a 款 of the 功能 class above
        // (229 其他支出), the same 支出 again by economic class — a view of its own, never added into the class.
        view = { side, economic: true };
      if (view) partial = true;
      // A view's numbered line (一、基本支出) is the parent of the deeper-indented lines under it (工资福利支出 …): they
      // add up to it (hierarchy), and the view's own lines (within.expenditure-view) are its numbered ones.
      if (view && key !== "expenditure_view") {
        const depth = indentDepth(labelRaw);
        if (ordinalLevel(label) !== undefined) view.head = depth;
        else if (view.head !== undefined && depth > view.head) {
          level = 2;
          partial = false;
        }
      }
      const altLabel =
        b.altLabel !== undefined ? v.text(r, b.altLabel).trim() || undefined : undefined;
      if (economic && level === 2 && !code && isEconomicGroupName(label) && !altLabel) level = 1;
      rows.push({
        // A name wrapped in its cell (农业生产 ⏎ 发展) is one name (tester35 T35-12); its indent is kept.
        label:
          norm(label) === ""
            ? ""
            : labelFromCode
              ? joinLines(label)
              : joinLines(labelRaw).replace(/\s+$/, "") || joinLines(label),
        key,
        code,
        codeSystem,
        codeFromName,
        codeCell,
        printedCode,
        level,
        side,
        partial,
        altLabel,
        row: v.sheetRow(r),
        labelCell: v.ref(r, b.label ?? b.codes[0] ?? b.amounts[0]?.c ?? 0),
        amounts,
      });
      if (partial && isMemoLabel(kind, norm(label))) {
        const total = level === 1 ? rows[rows.length - 2] : undefined;
        const underTotal = !!total && total.level === 0 && total.side === side;
        // The line the list details, when it prints a 功能 / 经济 code: its table's lines are coded, so an uncoded line
        // is none of them. Not a code read from a name (a names-only table's 款 / 项 are coded only later, by
        // structure.ts: an uncoded line there may be one).
        let detailed: Row | undefined;
        for (let i = rows.length - 2; i >= 0 && !detailed; i--)
          if (rows[i].side === side && !rows[i].partial) detailed = rows[i];
        const coded =
          !underTotal &&
          !codesAreAttributes &&
          !!detailed?.code &&
          !!detailed.codeSystem &&
          !detailed.codeFromName;
        const whole = underTotal ? total : coded ? detailed : undefined;
        memo = {
          level,
          side,
          depth: indentDepth(labelRaw),
          ordinal: ordinalLevel(norm(label).replace(/^其中[:：]?/, "")),
          room: whole
            ? new Map(
                Object.entries(whole.amounts)
                  .filter(([k, a]) => typeof a.value === "number" && !isRateOrChange(k))
                  .map(([k, a]) => [k, a.value! - (amounts[k]?.value ?? 0)])
              )
            : undefined,
          coded,
          ...(PROJECT_KINDS.has(kind) ? { project: { bare: BARE_MEMO.test(norm(label)) } } : {}),
        };
      }
      lineRow = r;
      if (view) (partial ? viewLines : viewParts).add(rows[rows.length - 1]);
      if (stacked) blockOf.set(rows[rows.length - 1], b);
      if (oneSided && key === "income_grand_total") sequenceSide = "expenditure";
    }
  }
  if (stacked) rows.splice(0, rows.length, ...stackedOrder(rows, blockList, blockOf));
  for (const b of blockList) {
    const sides = oneSided
      ? (["income", "expenditure"] as const)
      : [blockList.length > 1 ? b.side : undefined];
    for (const side of sides) {
      const mine = rows.filter((r) => r.side === side && (!stacked || blockOf.get(r) === b));
      if (side === "income") nestUnnumbered(mine);
      if (SIDED_KINDS.has(kind)) nestNamedParts(mine);
      if (SIDED_KINDS.has(kind) && side !== "income") nestEconomicItems(mine);
      if (economic) nestUnderFundsGroups(mine);
      functionalNameLevels(
        mine,
        b.amounts.map((a) => a.key)
      );
      shiftLevels(mine);
      if (!economic && !CODES_AS_ATTRIBUTES.has(kind)) nestUnitBlocks(mine);
    }
  }
  for (const r of viewLines) r.level = 1;
  for (const r of viewParts) r.level = 2;
  if (SIDED_KINDS.has(kind)) economicOtherLines(rows);
  sideTotalsLast(rows);
  // A one-sided table's 本年支出合计 / 支出合计 line is its 合计 (the 收支总表's summary lines keep their keys).
  if ((blockList.length === 1 || stacked) && !oneSided && !rows.some((r) => r.key === "total")) {
    const head = rows.find(
      (r) =>
        r.level === 0 && (r.key === "current_income_total" || r.key === "current_expenditure_total")
    );
    if (head) head.key = "total";
  }
  settlePrecision(rows);
  return rows;
}

/**
 * The lines of a list printed in column groups, in reading order: each group's lines after the previous group's; a
 * group's 人员经费合计 / 公用经费合计 line printed at its foot heads its lines (as 人员经费 heads them in the one-column
 * template, so nestUnderFundsGroups makes it their group); the 合计 printed at the foot of the first group closes the
 * whole list.
 */
/**
 * A side of a 收支总表 whose 收入合计 / 支出合计 line comes below its 上年结转 / 结转下年 line, no 收入总计 / 支出总计 line
 * printed (newcomer7): that line adds everything above it — the side's 总计, not 本年's. The income side does so with a
 * 收入总计 below it as well when the 上年结转 line stands in the list right above the 收入合计 (only its own 其中 lines
 * between: bands9): that 收入合计 is the same 总计 printed twice (both lines keyed the side's 总计, each checked against
 * the sources + 上年结转); a 上年结转 line further up (上年结转 first, the sources, then 收入合计) leaves 收入合计 本年's.
 */
const TOTALS_AFTER_CARRYOVER: ReadonlyArray<{ current: string; carry: string; grand: string }> = [
  { current: "current_income_total", carry: "carryover_in", grand: "income_grand_total" },
  {
    current: "current_expenditure_total",
    carry: "carryover_out",
    grand: "expenditure_grand_total",
  },
];
function sideTotalsLast(rows: Row[]) {
  for (const side of new Set(rows.map((r) => r.side))) {
    if (!side) continue;
    const mine = rows.filter((r) => r.side === side);
    for (const { current, carry, grand } of TOTALS_AFTER_CARRYOVER) {
      const after = mine.findIndex((r) => r.key === carry);
      const at = after < 0 ? -1 : mine.findIndex((r, i) => i > after && r.key === current);
      if (at < 0) continue;
      const line = mine[at];
      // 本年收入合计 says it is this year's alone, wherever it is printed.
      if (/^本年/.test(labelKey(line.label))) continue;
      const printed = mine.findIndex((r) => r.key === grand);
      // With a 总计 line: the income side only, the 总计 below the line, nothing but 上年结转 (and its 其中) between.
      const repeated =
        side === "income" &&
        printed > at &&
        mine.slice(after + 1, at).every((r) => r.key === carry || r.level > 1 || r.partial);
      if (printed < 0 || repeated) line.key = grand;
    }
  }
}

function stackedOrder(rows: Row[], blockList: Block[], blockOf: Map<Row, Block>): Row[] {
  const isFundsGroup = (r: Row) => !r.code && (r.key === "personnel" || r.key === "public");
  const groups = blockList.map((b) => rows.filter((r) => blockOf.get(r) === b));
  const first = groups[0];
  const lastBody = Math.max(...first.filter((r) => !isSummaryKey(r.key)).map((r) => r.row));
  const foot = first.filter((r) => r.level === 0 && isSummaryKey(r.key) && r.row > lastBody);
  return [
    ...groups.flatMap((g) => {
      const lines = g.filter((r) => !foot.includes(r));
      const last = lines[lines.length - 1];
      return last &&
        lines.length > 1 &&
        isFundsGroup(last) &&
        lines.every((r) => r === last || r.row < last.row)
        ? [last, ...lines.slice(0, -1)]
        : lines;
    }),
    ...foot,
  ];
}

/** Does block b print a 合计 / 总计 on grid row r, in its name or code column (合计 often stands under 科目编码)? */
const isTotalAt = (v: GridView, r: number, b: Block) =>
  [b.label, ...b.codes, ...b.codeParts.map((p) => p.c)].some(
    (c) => c !== undefined && rowKey(v.text(r, c)) === "total"
  );

const isSummaryKey = (k?: string) =>
  !!k && (TOTAL_KEYS.has(k) || k === "section_total" || k.startsWith("carryover"));

/**
 * An income side that numbers its lines (一、财政拨款 …) and prints unnumbered lines under one (一般公共预算 /
 * 政府性基金预算 under 一、财政拨款): the unnumbered lines are parts of the numbered line above them.
 */
function nestUnnumbered(rows: Row[]) {
  if (!rows.some((r) => ordinalLevel(r.label) !== undefined && !isSummaryKey(r.key))) return;
  let head: Row | undefined;
  for (const r of rows) {
    if (isSummaryKey(r.key) || r.code) {
      head = undefined;
      continue;
    }
    if (r.partial) continue;
    if (ordinalLevel(r.label) !== undefined) head = r;
    else if (head) r.level = head.level + 1;
  }
}

/**
 * A line is a named part of `head` (ROW_PARTS): one of its part keys (no code), or an economic class where the
 * parts may be classes — by name (no code, no key) or by economic code (301) — unless numbered as head's sibling
 * (一、基本支出 then 二、工资福利支出 is a list of its own).
 */
function isNamedPart(r: Row, head: Row, parts: (typeof ROW_PARTS)[string]): boolean {
  if (!r.code && r.key) return parts.keys.includes(r.key);
  if (!parts.economicClasses) return false;
  const ordinal = ordinalLevel(r.label);
  if (ordinal !== undefined && ordinal === ordinalLevel(head.label)) return false;
  return r.code ? r.codeSystem === "economic" && r.code.length === 3 : isEconomicGroupName(r.label);
}

/**
 * Named parts of a 收支总表 line printed right under it (ROW_PARTS: 一、基本支出 / 人员经费 / 公用经费, tester27 T27-5):
 * parts of that line, one level below it, whatever their indent — unnumbered or numbered alike. A part already nested
 * (（一）人员经费, 其中：人员经费) keeps its level; the 其中 lines under a part move down with it.
 */
function nestNamedParts(rows: Row[]) {
  let head: Row | undefined;
  let shift = 0;
  for (const r of rows) {
    const parts = head?.key ? ROW_PARTS[head.key] : undefined;
    if (r.partial) {
      if (shift) r.level += shift; // a 其中 line detailing the part above it
      continue;
    }
    shift = 0;
    if (head && parts && isNamedPart(r, head, parts)) {
      if (r.level <= head.level) {
        shift = head.level + 1 - r.level;
        r.level += shift;
      }
      continue; // the next part may follow
    }
    head = r.key && ROW_PARTS[r.key] ? r : undefined;
  }
}

/** 部门预算支出经济分类 款 by name (基本工资, 办公费 …) → its class (301, 302 …). */
const ITEM_CLASS = new Map(
  Object.entries(ECONOMIC_ITEMS).map(([c, n]) => [labelKey(n), c.slice(0, 3)])
);
/** An economic class by name → its codes (对个人和家庭的补助: 303 and the 政府预算 509). */
const CLASS_BY_NAME = new Map<string, string[]>();
for (const [c, n] of Object.entries(ECONOMIC_GROUPS))
  CLASS_BY_NAME.set(labelKey(n), [...(CLASS_BY_NAME.get(labelKey(n)) ?? []), c]);

/**
 * tester35 T35-11: a 收支总表 支出 side by 经济分类 (一、工资福利支出 / 二、商品和服务支出 …, uncoded) printing each
 * class's 款 under it by name (基本工资 / 津贴补贴 … under 工资福利支出): an uncoded line after a class line, indented
 * deeper than it or named as a 款 of that class (部门预算支出经济分类), is its child, one level under it — never one
 * more class added into 本年支出合计. The lines of a view (partial) and coded lines are left as they are.
 */
function nestEconomicItems(rows: Row[]) {
  const classOf = (r: Row) =>
    !r.partial && !r.code && !r.key ? CLASS_BY_NAME.get(labelKey(r.label)) : undefined;
  if (rows.filter(classOf).length < 2) return;
  let head: { row: Row; codes: string[] } | undefined;
  for (const r of rows) {
    const c = classOf(r);
    if (c) head = { row: r, codes: c };
    else if (!head || r.partial || r.code || isSummaryKey(r.key) || r.level !== head.row.level)
      head = r.partial ? head : undefined;
    else if (
      indentDepth(r.label) > indentDepth(head.row.label) ||
      head.codes.includes(ITEM_CLASS.get(labelKey(r.label)) ?? "")
    )
      r.level = head.row.level + 1;
    else head = undefined;
  }
}

/**
 * 基本支出 lines grouped under 人员经费 / 公用经费 lines (no code) in an economic table: each such line is the group of
 * the lines after it (up to the next group or 合计), one level above the shallowest of them. One printed after its
 * lines, with nothing under it, is a 其中 line (partial), never a part of the 合计.
 */
function nestUnderFundsGroups(rows: Row[]) {
  const isGroup = (r: Row) => !r.code && (r.key === "personnel" || r.key === "public");
  if (!rows.some(isGroup)) return;
  for (let i = 0; i < rows.length; i++) {
    if (!isGroup(rows[i])) continue;
    const kids: Row[] = [];
    for (let k = i + 1; k < rows.length && !isGroup(rows[k]) && !isSummaryKey(rows[k].key); k++)
      kids.push(rows[k]);
    rows[i].level = 1;
    if (!kids.length) {
      rows[i].partial = true;
      continue;
    }
    const shift = 2 - Math.min(...kids.map((r) => r.level));
    for (const r of kids) r.level += shift;
  }
}

/** Numbered lines that start below 一、 (1、 / (1) only): the shallowest line is the first level. */
function shiftLevels(rows: Row[]) {
  const body = rows.filter((r) => r.level > 0 && !isSummaryKey(r.key));
  if (!body.length || body.some((r) => r.code && !r.codeFromName)) return;
  const min = Math.min(...body.map((r) => r.level));
  if (min > 1) for (const r of body) r.level -= min - 1;
}

/**
 * Each 其中 line (partial) under the line it details, the last other line above it: at the level of that line's own
 * lines when they follow (beside them, as a 款's 其中 beside its 项, never heading them), else one level under it.
 */
function memoUnderTheirLines(rows: Row[]): void {
  let above: Row | undefined;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!r.partial) {
      above = r;
      continue;
    }
    if (!above) continue;
    let j = i + 1;
    while (j < rows.length && rows[j].partial) j++;
    const next = rows[j];
    r.level = next && next.level > above.level ? next.level : above.level + 1;
  }
}

/**
 * Project tables: levels from indentation (部门 → 单位 → 项目). Without indentation, the leading rows that
 * repeat the department's name (部门 row, then 单位 row) are the subtotals and the rest are projects. A 合计 line,
 * first or last, is the total; the 部门 lines are then level 1 (several 部门 may be listed), never a second total.
 * 其中 / 含 lines (partial) detail the line above whatever their indentation (tester29b T29B-2): they take no part in
 * the reading and are placed under their line after it (memoUnderTheirLines).
 * `depthOf`: a line's indentation (grid/text.ts indentDepth of its name cell).
 */
export function applyIndentLevels(rows: Row[], depthOf: (row: Row) => number, department?: string) {
  indentLevels(rows, depthOf, department);
  memoUnderTheirLines(rows);
}

function indentLevels(rows: Row[], depthOf: (row: Row) => number, department?: string) {
  const isTotal = (row: Row) => !!row.key && TOTAL_KEYS.has(row.key);
  const body = rows.filter((row) => !isTotal(row) && !row.partial);
  const hasTotal = rows.some(isTotal);
  // Levels under a printed 合计 start at 1; without one, the first line is the total (level 0).
  const base = hasTotal ? 1 : 0;
  const depths = body.map(depthOf);
  const maxDepth = Math.max(0, ...depths);
  if (maxDepth === 0) {
    const dept = department ? norm(department) : undefined;
    let k = 0;
    while (
      k < body.length &&
      ((dept && norm(body[k].label) === dept) ||
        (k > 0 && norm(body[k].label) === norm(body[0].label)))
    )
      k++;
    if (k === 0 && !hasTotal) return;
    for (const row of rows) if (isTotal(row)) row.level = 0;
    body.forEach((row, i) => {
      row.level = base + (i < k ? i : k);
      if (i === 0 && !hasTotal) row.key = row.key ?? "total";
    });
    return;
  }
  // Unindented rows after the list has begun are projects typed without indentation, not totals (only the leading
  // rows, 合计 and a repeat of the first row's name are totals) — unless indented lines follow: then the row heads
  // them (审计业务（一级项目） over its 二级项目), whether or not its figure is their sum (a wrong one is then reported on
  // that group, not read as a flat list whose 合计 is off by the whole group).
  const firstIndented = depths.findIndex((d) => d > 0);
  const first = norm(body[0]?.label ?? "");
  body.forEach((row, i) => {
    const heads = (depths[i + 1] ?? 0) > 0;
    const later = depths[i] === 0 && i > firstIndented && norm(row.label) !== first;
    const project = later && !heads;
    // A later heading is a first-level line, below the total even when the first line is the total (no 合计).
    row.level = later && heads ? Math.max(1, base) : base + (project ? maxDepth : depths[i]);
    if (depths[i] === 0 && !later && !hasTotal) row.key = row.key ?? "total";
  });
}

/**
 * tester35 T35-5: a 收支总表 heading without figures (VIEW_HEADING) that opens the side's classes, not a second view:
 * one naming the 功能分类 (（一）按支出功能分类, 按功能分类科目 — the 功能 classes are the ones 本年支出合计 adds up), or
 * any heading printed above the side's first line (its summary lines — 本年支出合计 printed first, 一、部门预算 — aside).
 */
function opensClasses(key: string, rows: Row[], side: Side | undefined): boolean {
  if (/功能/.test(key)) return true;
  return !rows.some((x) => x.side === side && !x.partial && !isSummaryKey(x.key));
}

/**
 * A 收支总表 支出 line that can only be a 部门预算 / 政府预算经济分类 class: one named so (工资福利支出, 商品和服务支出,
 * 对个人和家庭的补助, 资本性支出 …) without a code, or coded 301 / 302 … / 501 …. Not 其他支出: its name is the 功能 class
 * 229 as well (classCodeByName codes it so), and it ends the 功能 classes as often as it ends the economic ones.
 */
function startsEconomicView(
  label: string,
  code: string | undefined,
  codeSystem: Row["codeSystem"],
  codeFromName: boolean | undefined
): boolean {
  if (code) return !codeFromName && codeSystem === "economic" && code.length === 3;
  return isEconomicGroupName(label);
}

/**
 * A 收支总表 支出 side printed by 部门预算支出经济分类 (一、工资福利支出 / 二、商品和服务支出 / … / 五、其他支出, no 功能
 * class among them): its 其他支出 is the economic class 399, not the 功能 class 229 其他支出 its name alone gives
 * (classCodeByName). Two economic class names on the side, and no 功能 class read from a name but 其他支出, decide it.
 */
function economicOtherLines(rows: Row[]): void {
  for (const side of new Set(rows.map((r) => r.side))) {
    if (side === "income") continue;
    const mine = rows.filter((r) => r.side === side);
    if (mine.filter((r) => !r.code && isEconomicGroupName(r.label)).length < 2) continue;
    const named = mine.filter((r) => r.codeFromName && r.codeSystem === "functional");
    if (!named.length || named.some((r) => r.code !== "229")) continue;
    for (const r of named) {
      r.code = undefined;
      r.codeSystem = undefined;
      r.codeFromName = undefined;
    }
  }
}

/** A 支出功能分类 code — 类 201, 款 20108, 项 2010804 (the 支出 classes are 2xx; 单位 / 项目 codes are longer). */
const FUNCTIONAL_EXPENDITURE_CODE = /^2\d{2}(?:\d{2}){0,2}$/;
/** A 单位编码 (117001, 301001001): digits only. */
const UNIT_CODE = /^\d{3,}$/;

/**
 * 项目支出表 code columns, read after the lines (parseBody keeps a project table's codes out of the rows' levels):
 * - 功能科目 类 / 款 / 项 lines (201 / 20108 / 2010804 in the code column) over uncoded project lines (the 湖南 /
 *   河南 habit): the coded lines are group lines at the level their code's length gives, each uncoded line a project
 *   one level below the last group line, charged to its 项 (subjectCode) — whether or not the figures add up, so one
 *   wrong project is its 项's 错误 (差 = the typo), not a flat list off by whole groups. A 7-digit line repeating the
 *   open 项's code is a project of that 项. With 7-digit codes only, the coded lines head only when each is followed
 *   by an uncoded line and there are no fewer uncoded lines than coded (one project whose code is missing is not a
 *   group's project).
 * - 单位编码 lines (117001 北京市审计局（本级）, the 预算一体化 export) over lines without one: each 单位 line heads the
 *   lines down to the next 单位 (or 功能) line; a code extending the open one nests under it (101 › 101001 ›
 *   101001001). Without a 合计 line, a first code every other extends (101 部门) is the total.
 * - 项目类别 lines (一类项目, 专项业务类, 部门项目 …: project-groups.ts) head the uncoded lines down to the next 类别,
 *   单位 or 功能 line, one level under the 单位 / 功能 line they stand in.
 * - otherwise a 7-digit 功能科目 code printed on a project's own line is its subjectCode; the levels are left alone.
 * Returns true when the levels were set here: the table's sums must not re-level them (structureRows is skipped).
 */
export function applyProjectCodes(
  rows: Row[],
  v: GridView,
  b: Block,
  amountKeys: readonly string[]
): boolean {
  const isTotal = (row: Row) => !!row.key && TOTAL_KEYS.has(row.key);
  const body = rows.filter((row) => !isTotal(row) && !row.partial);
  const at = (row: Row, cols: readonly number[] | undefined, test: RegExp) => {
    const r = v.gridRow(row.row);
    for (const c of cols ?? []) {
      const t = norm(codeText(v, r, c));
      if (test.test(t)) return { code: t, cell: v.ref(r, c) };
    }
    return undefined;
  };
  const fn = body.map((row) => at(row, b.codes, FUNCTIONAL_EXPENDITURE_CODE));
  const unit = body.map((row) => at(row, b.unitCodes, UNIT_CODE));
  const n = body.length;
  const seven = fn.filter((x) => x?.code.length === 7).length;
  const uncoded = fn.filter((x) => !x).length;
  // Only under a printed 合计 (the levels then start at 1), or under the 部门 line whose 单位编码 every other extends.
  const printedTotal = rows.find((row) => isTotal(row) && row.key === "total");
  const root = !printedTotal && !fn[0] && rootUnitCode(unit.map((u) => u?.code));
  const total = printedTotal ?? (root ? body[0] : undefined);
  const fnHeads =
    !!total &&
    (fn.some((x) => x && x.code.length < 7) ||
      (seven > 0 && uncoded >= seven && fn.every((x, i) => !x || (i + 1 < n && !fn[i + 1]))));
  const unitHeads = !!total && unit.some((u, i) => !!u && i + 1 < n && !unit[i + 1]);
  // 项目类别 lines heading projects (not a list of 类别 alone): uncoded lines under one of them at least, and none
  // heading 单位 lines (a 类别 over its 单位 would stand beside them: those levels are left to the sums).
  const category = body.map((row, i) => !fn[i] && !unit[i] && isProjectCategory(row.label));
  const categoryHeads =
    !!total &&
    category.some((c, i) => c && i + 1 < n && !category[i + 1] && !unit[i + 1]) &&
    !category.some((c, i) => c && i + 1 < n && !!unit[i + 1]);
  if (!fnHeads && !unitHeads && !categoryHeads) {
    fn.forEach((x, i) => {
      if (x?.code.length !== 7) return;
      body[i].subjectCode = x.code;
      body[i].subjectCodeCell = x.cell;
    });
    return false;
  }
  for (const row of rows) if (isTotal(row)) row.level = 0;
  if (root) {
    // The 部门 line is the table's total (as structureRows would make a first line adding up the others).
    total!.level = 0;
    total!.key = total!.key ?? "total";
  }
  const depths = body.map((row) =>
    b.label === undefined ? 0 : indentDepth(v.text(v.gridRow(row.row), b.label))
  );
  let fnLevel = 0;
  // The open 单位 lines, outermost first (117 西安市审计局 over 117001 …本级: a code extending the open one nests).
  const units: Array<{ code: string; level: number }> = [];
  // The level of the 单位 / 功能 line a 项目类别 line stands under (0: the total).
  let base = 0;
  let xiang: { code: string; cell: string } | undefined;
  let parent: Row = total!;
  // The uncoded lines since the last head: levelled together under it (levelRun).
  let run: Row[] = [];
  let runDepths: number[] = [];
  const levelRun = () => {
    if (run.length) levelUnder(parent, run, runDepths, amountKeys);
    run = [];
    runDepths = [];
  };
  body.forEach((row, i) => {
    const f = fn[i];
    const u = unit[i];
    if (root && i === 0) {
      units.push({ code: u!.code, level: 0 });
      return;
    }
    if (fnHeads && f && !(f.code.length === 7 && xiang?.code === f.code)) {
      levelRun();
      row.code = f.code;
      row.codeSystem = "functional";
      row.codeCell = f.cell;
      row.level = base = fnLevel = (f.code.length - 1) / 2;
      units.length = 0;
      xiang = f.code.length === 7 ? f : undefined;
      parent = row;
      return;
    }
    if (categoryHeads && category[i]) {
      levelRun();
      row.level = base + 1;
      parent = row;
      return;
    }
    if (unitHeads && u) {
      levelRun();
      while (
        units.length &&
        !(
          u.code.startsWith(units[units.length - 1].code) &&
          u.code.length > units[units.length - 1].code.length
        )
      )
        units.pop();
      row.level = base = (units.length ? units[units.length - 1].level : fnLevel) + 1;
      units.push({ code: u.code, level: row.level });
      parent = row;
      return;
    }
    run.push(row);
    runDepths.push(depths[i]);
    const subject = f?.code.length === 7 ? f : fnHeads ? xiang : undefined;
    if (subject) {
      row.subjectCode = subject.code;
      row.subjectCodeCell = subject.cell;
    }
  });
  levelRun();
  return true;
}

/**
 * Tables by unit other than the 项目支出表 (收入总表 / 支出总表 / “三公” by 部门 › 单位, 单位编码 | 单位名称: 117 ›
 * 117001): where the 单位编码 nest — a code extending an earlier one —, each line stands one level under the open line
 * whose code it extends (a 合计 line, or a first 部门 code every other extends, is the total), whether or not the
 * figures add up: the sums are checked against these levels, never used to guess them (tester26b T26B-3). Applies
 * when every line but the 合计 and 其中 lines prints a 单位编码 and none a 功能 / 经济 code. Returns true when the
 * levels were set here (structureRows is then skipped). O(rows × depth).
 */
export function applyUnitCodes(rows: Row[], v: GridView, b: Block): boolean {
  if (!b.unitCodes?.length || rows.some((r) => r.code || r.printedCode || r.side)) return false;
  const isTotal = (row: Row) => !!row.key && TOTAL_KEYS.has(row.key);
  const body = rows.filter((row) => !isTotal(row) && !row.partial);
  const codes = body.map((row) => {
    const r = v.gridRow(row.row);
    return b.unitCodes!.map((c) => norm(codeText(v, r, c))).find((t) => UNIT_CODE.test(t));
  });
  if (!body.length || codes.some((c) => !c)) return false;
  const under = (c: string, p: string) => c.length > p.length && c.startsWith(p);
  // Listed in order, a 单位 with 单位 under it is followed by the first of them.
  if (!codes.some((c, i) => i > 0 && under(c!, codes[i - 1]!))) return false;
  const printedTotal = rows.some((row) => isTotal(row) && row.key === "total");
  const root = !printedTotal && rootUnitCode(codes);
  if (!printedTotal && !root) return false;
  for (const row of rows) if (isTotal(row)) row.level = 0;
  // The open lines' codes, outermost first.
  const open: Array<{ code: string; level: number }> = [];
  body.forEach((row, i) => {
    const code = codes[i]!;
    if (root && i === 0) {
      row.level = 0;
      row.key = row.key ?? "total";
      open.push({ code, level: 0 });
      return;
    }
    while (open.length && !under(code, open[open.length - 1].code)) open.pop();
    row.level = (open.length ? open[open.length - 1].level : 0) + 1;
    open.push({ code, level: row.level });
  });
  return true;
}

/**
 * The uncoded lines right under a head line (or the 合计): nested by their indentation when they are indented
 * unevenly; else by their sums when they form a tree under the head (一级项目 over 二级项目, 通用项目 over its
 * projects) or when one wrong figure leaves most sums holding (bestFitLevels); else a flat list of the head's projects.
 */
function levelUnder(head: Row, run: Row[], depths: number[], amountKeys: readonly string[]) {
  const min = Math.min(...depths);
  if (Math.max(...depths) > min) {
    run.forEach((row, i) => (row.level = head.level + 1 + depths[i] - min));
    return;
  }
  run.forEach((row) => (row.level = 1));
  const keys = [...amountKeys];
  const lv =
    head.level > 0 && run.length > 1
      ? (structuralLevels(run, head, keys) ?? bestFitLevels(run, head, keys))
      : undefined;
  run.forEach((row, i) => (row.level = head.level + (lv ? lv[i] : 1)));
}
