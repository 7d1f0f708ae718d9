/** 表内: identities inside one table — row identities across columns and the summary lines of 收支总表-like tables. */
import {
  EXPENDITURE_SIDES,
  isRateOrChange,
  type Amount,
  type Report,
  type Row,
  type Table,
} from "../model/schema";
import { labelKey } from "../grid/text";
import { fmt, printedValue, printsZero, UNIT_FACTOR } from "./interval";
import { defineRule, type Outcome } from "./rule";
import { BY_UNIT, ECONOMIC_CLASS_COLUMNS, INCOME_SOURCE_COLUMNS } from "../model/schema";
import {
  bandCounterparts,
  bandedName,
  changeRate,
  changeTriples,
  differenceColumns,
  printedRate,
  rateMisform,
  rateScale,
  rateTriples,
  reversedChangeColumns,
  rateVerdict,
  summable,
  unstatedChange,
} from "./bands";
import { nonNegative } from "./signs";
import { childrenOf, throughHeadings } from "./hierarchy";
import { personnelPublicClasses } from "./basic-parts";
import {
  captionName,
  columnName,
  columnTerms,
  na,
  hasValue,
  notAbove,
  rowByKey,
  rowName,
  rowTerms,
  sidesOf,
  sumOutcome,
  tableName,
  term,
  totalExcludesCarryover,
} from "./helpers";

/** The row sums' descriptions: the 上年 band (with or without a 增减 band) and the 增减 band are summed as this year's (rowIdentity, bands.ts). */
const BANDS_TOO =
  "分栏列示上年、本年（有无增减栏均可）时，上年栏的各行同样核对；增减栏（本年 − 上年）也同样核对。";
const SOURCE_KEYS: readonly string[] = [...INCOME_SOURCE_COLUMNS, "balance_use"];
const USE_KEYS = ["basic", "project", "reserve", "upper_remit", "operating_exp", "subsidiary"];

/** `key` is `k` or one of its numbered repeats `k_2`, `k_3` … (asked for every column of every table: no strings made). */
function sameOrNumbered(key: string, k: string): boolean {
  if (key === k) return true;
  if (key.length < k.length + 2 || key.charCodeAt(k.length) !== 95 || !key.startsWith(k))
    return false;
  for (let i = k.length + 1; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * An amount column the importer could not name (key col_E …: a wording no alias knows), on this side, with a figure in
 * it. Its money may be one of the parts: a sum of the named parts would then miss it on every row. A 其中 column is a
 * part of another column, never one more part.
 */
function unnamedAmountColumn(
  t: Table,
  side: string | undefined
): Table["columns"][number] | undefined {
  for (const c of t.columns) {
    if (
      !c.key.startsWith("col_") ||
      c.side !== side ||
      /^其中/.test(c.label.split("/").pop() ?? "") ||
      isProcurementPart(t, c)
    )
      continue;
    if (t.rows.some((r) => r.side === side && hasValue(r.amounts[c.key]))) return c;
  }
  return undefined;
}

/** A column whose own caption (the last of its path) starts with 其中; asked of every column of every table, read in place. */
const isMemoColumn = (c: Table["columns"][number]) =>
  c.label.startsWith("其中", c.label.lastIndexOf("/") + 1);
/** A 政府采购 column beside the sources (项目支出表: 合计 | sources | 政府采购预算): the part of the 合计 bought so. */
const PROCUREMENT_PART = /^(其中[:：]?)?政府采购(预算|金额|资金)?(数)?$/;
const isProcurementPart = (t: Table, c: Table["columns"][number]) =>
  c.key.startsWith("col_") &&
  PROCUREMENT_PART.test((c.label.split("/").pop() ?? "").replace(/\s/g, "")) &&
  t.columns.some((x) => x.key === "total" && x.side === c.side);

/**
 * The columns that are part of another on every row: a 其中 column of the column it details (the nearest column left
 * of it that is no 其中 column: 一般公共预算 | 其中：上年结转), and a 政府采购 column of the 合计.
 */
function memoColumnPairs(
  t: Table,
  side: string | undefined
): Array<{ part: Table["columns"][number]; whole: Table["columns"][number] }> {
  const cols = t.columns.filter((c) => c.side === side);
  const out: Array<{ part: Table["columns"][number]; whole: Table["columns"][number] }> = [];
  // Indexed (every column of every table, most of them neither: see engine.ts on loops before V8 optimizes).
  for (let i = 0; i < cols.length; i++) {
    const c = cols[i];
    if (isRateOrChange(c.key)) continue;
    if (isProcurementPart(t, c)) {
      out.push({ part: c, whole: cols.find((x) => x.key === "total")! });
      continue;
    }
    if (!isMemoColumn(c)) continue;
    let j = i - 1;
    while (j >= 0 && isMemoColumn(cols[j])) j--;
    if (j >= 0 && !isRateOrChange(cols[j].key)) out.push({ part: c, whole: cols[j] });
  }
  return out;
}

/**
 * Is the column `key` a 其中 column detailing one of the parts (财政拨款: 一般公共预算 | 其中：上年结转 | 政府性基金预算)?
 * Then it is part of that column, never one more term of the total. A 其中 column right after the total (合计 |
 * 其中：一般公共预算 | 政府性基金预算) opens the list of the total's parts, and stays one.
 */
function detailsAPart(t: Table, side: string | undefined, key: string, tk: string): boolean {
  const cols = t.columns.filter((c) => c.side === side);
  let i = cols.findIndex((c) => c.key === key);
  if (i <= 0 || !isMemoColumn(cols[i])) return false;
  while (i > 0 && isMemoColumn(cols[i])) i--;
  return !isMemoColumn(cols[i]) && cols[i].key !== tk;
}

/**
 * total = Σ parts in every row of every table that has these columns. `complete`: the parts are the whole of the total
 * (`complete` names them: 资金来源, 支出用途), so a table with an unnamed amount column (unnamedAmountColumn) is not checked: that column may be
 * one of them (a false 错误 on every row otherwise); the rule says so instead.
 */
function rowIdentity(
  id: string,
  report: Report,
  parts: (t: Table) => string[] | undefined,
  totalKey: (t: Table) => string,
  what: string,
  complete?: string,
  within?: (t: Table, side: string | undefined) => BandSubtotal[]
): Outcome[] {
  const out: Outcome[] = [];
  let applicable = false;
  for (const t of report.tables) {
    if (t.kind === "performance_target") continue;
    // Tables without the columns are left before their rows are looked at (every row rule asks every table).
    const wanted = parts(t);
    if (!wanted) continue;
    const tk = totalKey(t);
    const sides = sidesOf(t);
    for (let si = 0; si < sides.length; si++) {
      const side = sides[si];
      // A part printed in several columns (财政专户拨款: 教育收费 | 其他专户收入拨款) counts each column: key, key_2 ….
      let keys = wanted
        .flatMap((k) =>
          t.columns.filter((c) => c.side === side && sameOrNumbered(c.key, k)).map((c) => c.key)
        )
        .filter((k, i, a) => a.indexOf(k) === i);
      keys = keys.filter((k) => !detailsAPart(t, side, k, tk));
      // A band's parts are in its 小计 (单位资金: 小计 | 事业收入 | …): the 小计 counts, its parts are its own identity.
      let bands = within ? within(t, side) : NO_BANDS;
      if (bands.length) bands = bands.filter((b) => b.total !== tk);
      if (bands.length) {
        const inBand = new Set(bands.flatMap((b) => b.parts));
        keys = keys.filter((k) => !inBand.has(k));
        // The 上年结转 band's 小计 counts only where the 合计 takes the carry-over in (it is among the parts wanted);
        // a band's 小计 that is a part of another band's (财政拨款小计 in the 本年收入 band) counts in that one only.
        for (const b of bands)
          if (
            !keys.includes(b.total) &&
            !inBand.has(b.total) &&
            (b.total !== "carryover" || wanted.includes(b.total))
          )
            keys.push(b.total);
        // In the order printed (本年收入小计 + 上年结转小计).
        const at = (k: string) => t.columns.findIndex((c) => c.key === k && c.side === side);
        keys.sort((a, b) => at(a) - at(b));
      }
      if (keys.length < 1 || !t.columns.some((c) => c.key === tk && c.side === side)) continue;
      if (keys.length === 1 && tk === "total" && id !== "within.row-sources") continue;
      applicable = true;
      const unnamed = complete ? unnamedAmountColumn(t, side) : undefined;
      if (unnamed) {
        out.push(
          na(
            `${tableName(t)}有未能识别的金额列「${unnamed.label}」（${unnamed.col} 列），它可能是${complete}之一，各行合计未按${complete}核对`
          )
        );
        continue;
      }
      const sums = (tk: string, keys: string[], name: (k: string) => string) => {
        // In the 增减 band, a line leaving a change unstated (blank, 上年 ≠ 本年: a new line) is not summed.
        const changes = tk.startsWith("change") ? [tk, ...keys] : undefined;
        // The same words for every row (made only for a failing one): one closure, not one per row.
        const against = () => keys.map(name).join(" + ");
        const rows = t.rows;
        for (let i = 0; i < rows.length; i++) {
          const r = rows[i];
          const total = r.side === side ? r.amounts[tk] : undefined;
          if (!total || changes?.some((k) => unstatedChange(t, r, k))) continue;
          out.push(
            sumOutcome({
              rule: id,
              severity: "error",
              total: term(t, total),
              parts: rowTerms(t, r, keys),
              subject: () => `${tableName(t)}「${rowName(r)}」行「${name(tk)}」`,
              against,
            })
          );
        }
      };
      sums(tk, keys, (k) => bandName(bands, k) ?? columnName(t, k, side));
      // Each source band's 小计 = its source columns (the 财政拨款 小计 = its three sources: within.row-fiscal).
      for (const b of bands)
        if (b.total !== "fiscal")
          sums(b.total, b.parts, (k) => (k === b.total ? b.name : columnName(t, k, side)));
      // The same sum in the 上年 band and in the 增减 band (when it prints differences), when the band prints every
      // column of it: 上年合计 = 上年基本 + 上年项目, 增减合计 = 增减基本 + 增减项目.
      for (const keyOf of bandCounterparts(t, side)) {
        const btk = keyOf.get(tk);
        const bkeys = keys.map((k) => keyOf.get(k));
        const named = (k: string) =>
          bandedName(
            t,
            t.columns.find((c) => c.key === k && c.side === side)!
          );
        if (btk && bkeys.every((k) => k)) sums(btk, bkeys as string[], named);
        // Each source band's 小计 in that band too (上年 单位资金小计 = 上年 事业收入 + …), when it prints them all.
        for (const b of bands) {
          const bt = b.total !== "fiscal" ? keyOf.get(b.total) : undefined;
          const bp = b.parts.map((k) => keyOf.get(k));
          if (bt && bp.every((k) => k)) sums(bt, bp as string[], named);
        }
      }
    }
  }
  return applicable ? out : [na(`没有同时列示${what}的表`)];
}

/** A band's 小计 column (its key) over the band's other amount columns (their keys), named 单位资金小计. */
interface BandSubtotal {
  total: string;
  parts: string[];
  name: string;
}
const NO_BANDS: BandSubtotal[] = [];

const isSource = (k: string) => SOURCE_KEYS.some((s) => sameOrNumbered(k, s));
const isUse = (k: string) => USE_KEYS.some((s) => sameOrNumbered(k, s));
/**
 * What a band's 小计 adds up, by the 小计's key: a source band (单位资金, 财政拨款) its source columns, the 本年收入 band
 * its sources and the 本年支出 band its uses (基本支出 | 项目支出); the 上年结转 band its carried-over sources or uses
 * (carryover_general …, carryover_basic …).
 */
const BAND_PARTS: Readonly<Record<string, (key: string) => boolean>> = {
  ...Object.fromEntries([...SOURCE_KEYS, "fiscal"].map((k) => [k, isSource])),
  current: (k) => isSource(k) || isUse(k),
  carryover: (k) => k.startsWith("carryover_"),
};
/** The carried-over money's uses a 支出总表 prints under its 上年结转 band (上年结转: 小计 | 基本支出 | 项目支出). */
const CARRYOVER_USE_KEYS = ["carryover_basic", "carryover_project"];

/**
 * A 支出总表's 本年支出 and 上年结转 bands (本年支出: 小计 | 基本支出 | 项目支出; 上年结转: 小计 | 基本支出 | 项目支出): its
 * 合计 is the two 小计, each 小计 its band's uses. Source bands are within.row-sources'.
 */
function useBands(t: Table, side: string | undefined): BandSubtotal[] {
  const bands = sourceBands(t, side);
  if (!bands.length) return bands;
  const out = bands.filter(
    (b) =>
      (b.total === "current" && b.parts.every(isUse)) ||
      (b.total === "carryover" && b.parts.every((k) => CARRYOVER_USE_KEYS.includes(k)))
  );
  return out.length ? out : NO_BANDS;
}

/**
 * The source bands of a table side that print their own 小计 / 合计 (单位资金: 小计 | 事业收入 | 事业单位经营收入 | 其他收入;
 * 财政拨款: 小计 | 一般公共预算 | …; 本年收入: 小计 | the sources; 上年结转: 小计 | 一般公共预算 | 政府性基金): the 小计
 * column keyed by its band (aliases.ts BAND_SUBTOTALS) and the columns printed under the same band that it adds up
 * (BAND_PARTS). Read from the column captions only (no rows).
 */
function sourceBands(t: Table, side: string | undefined): BandSubtotal[] {
  let out: BandSubtotal[] | undefined;
  // Each band's caption (本年收入/, 本年收入/财政拨款/), by its 小计's key: a band nested in another is one of its parts.
  const captions = new Map<string, string>();
  for (const c of t.columns) {
    // Most columns end otherwise: the caption is looked at only when it ends in 计 (小计, 合计, 小 计).
    const partOf = c.label.endsWith("计") ? BAND_PARTS[c.key] : undefined;
    if (c.side !== side || !partOf) continue;
    const cut = c.label.lastIndexOf("/");
    if (cut < 0 || !/^(小计|合计)$/.test(c.label.slice(cut + 1).replace(/\s/g, ""))) continue;
    const cols = t.columns.filter((x) => x.side === side);
    const band = c.label.slice(0, cut + 1);
    // Only sources are the band's parts: 一般公共预算: 小计 | 基本支出 splits the source by use (maybe in part).
    const parts = cols
      .filter(
        (x) =>
          x !== c &&
          x.label.startsWith(band) &&
          !/^其中/.test(x.label.slice(band.length)) &&
          partOf(x.key)
      )
      .map((x) => x.key);
    if (parts.length) {
      captions.set(c.key, band);
      (out ??= []).push({
        total: c.key,
        parts,
        name: `${band.slice(0, -1).split("/").pop()}${c.label.slice(cut + 1)}`,
      });
    }
  }
  if (out && out.length > 1) out = nestBands(t, side, out, captions);
  const one = currentIncomeCaption(t, side, out ?? NO_BANDS);
  if (one) (out ??= []).push(one);
  return out ?? NO_BANDS;
}

/**
 * A band printed inside another (本年收入: 小计 | 财政拨款 (小计 | 一般公共预算 | 政府性基金) | 事业收入 | 其他收入: the
 * 财政拨款 band's captions start with 本年收入/, tester34 T34-10): the outer 小计 adds the inner band's 小计 and the
 * outer band's other columns, not the inner band's columns (they are the inner 小计's own identity). So the inner 小计
 * is a part of the outer one, not a second part of the 合计 beside it.
 */
function nestBands(
  t: Table,
  side: string | undefined,
  bands: BandSubtotal[],
  captions: Map<string, string>
): BandSubtotal[] {
  const at = (k: string) => t.columns.findIndex((c) => c.key === k && c.side === side);
  return bands.map((b) => {
    const outer = captions.get(b.total)!;
    const inner = bands.filter((x) => {
      const band = captions.get(x.total)!;
      return x !== b && band.length > outer.length && band.startsWith(outer);
    });
    // Only the bands directly inside (not one inside an inner band).
    const within = (x: BandSubtotal, y: BandSubtotal) => {
      const a = captions.get(x.total)!;
      const b = captions.get(y.total)!;
      return a.length > b.length && a.startsWith(b);
    };
    const direct = inner.filter((x) => !inner.some((y) => y !== x && within(x, y)));
    if (!direct.length) return b;
    const held = new Set(direct.flatMap((x) => x.parts));
    const parts = [...b.parts.filter((k) => !held.has(k)), ...direct.map((x) => x.total)]
      .filter((k, i, a) => a.indexOf(k) === i && k !== b.total)
      .sort((x, y) => at(x) - at(y));
    return { ...b, parts };
  });
}

/**
 * 本年收入合计 / 本年收入小计 captioned in one cell beside the table's 合计 (合计 | 本年收入合计 | 一般公共预算 | … | 上年结转,
 * tester27 T27-4; keyed `current` by header.ts after importer/aliases.ts CURRENT_CAPTION): the 本年收入 band's 小计
 * without the band's caption. Its parts are the side's source columns not under a 上年结转 band (those are keyed
 * carryover_…) nor a part of another band's 小计 (`bands`: 单位资金: 小计 | 事业收入 | …, whose 小计 counts instead), and
 * not captioned 其中. Only income: a one-cell 本年支出合计 (uses) is not read as a band.
 */
function currentIncomeCaption(
  t: Table,
  side: string | undefined,
  bands: BandSubtotal[]
): BandSubtotal | undefined {
  const c = t.columns.find((x) => x.key === "current" && x.side === side);
  if (!c || c.label.includes("/") || !CURRENT_INCOME_CAPTION.test(labelKey(c.label)))
    return undefined;
  const inBand = new Set(bands.flatMap((b) => b.parts));
  const parts = t.columns
    .filter(
      (x) =>
        x !== c &&
        x.side === side &&
        isSource(x.key) &&
        !inBand.has(x.key) &&
        !/^其中/.test(x.label.slice(x.label.lastIndexOf("/") + 1))
    )
    .map((x) => x.key);
  return parts.length ? { total: "current", parts, name: labelKey(c.label) } : undefined;
}
/** A one-cell caption of this year's income (本年收入合计, 当年收入小计): importer/aliases.ts CURRENT_CAPTION's income half. */
const CURRENT_INCOME_CAPTION = /^(本年|当年)收入(合计|小计)$/;
/** A column caption that is a band's 小计 / 合计 (本年收入/小计). */
const BAND_SUBTOTAL_CAPTION = /\/\s*(小\s*计|合\s*计)\s*$/;
const bandName = (bands: BandSubtotal[], key: string) => bands.find((b) => b.total === key)?.name;

export const rowSources = defineRule({
  id: "within.row-sources",
  category: "within",
  title: "合计 = 各资金来源之和",
  description:
    "每一行的合计（或小计）等于一般公共预算、政府性基金、国有资本经营、财政专户、单位资金等来源之和；合计含上年结转时一并计入。来源分栏并列示本栏小计时（单位资金：小计 | 事业收入 | 事业单位经营收入 | 其他收入；本年收入：小计 | 各来源；上年结转：小计 | 一般公共预算 | 政府性基金预算），合计按小计计，小计等于本栏各列之和；财政拨款栏列在本年收入栏之内（本年收入：小计 | 财政拨款（小计 | 一般公共预算 | 政府性基金预算）| 事业收入 | 其他收入）时，财政拨款小计是本年收入小计的一部分，本年收入小计 = 财政拨款小计 + 本栏其余各列；合计旁单列一格“本年收入合计”（或本年收入小计：合计 | 本年收入合计 | 各来源 | 上年结转）时同样，合计 = 本年收入合计 + 上年结转，本年收入合计等于各来源之和。“其中”栏（一般公共预算 | 其中：上年结转）是前一栏的一部分，不另计入。以后年度的计划数（2026年计划数、中期财政规划）不是本年的资金来源，不计入。" +
    BANDS_TOO,
  severity: "error",
  source: {
    basis: "identity",
    ref: "部门预算公开表样各栏、各行的定义（合计 = 各组成部分之和；同一笔资金在各表中列示相同）",
  },
  check: (report) =>
    rowIdentity(
      "within.row-sources",
      report,
      (t) => {
        const present = t.columns.map((c) => c.key);
        // With a 财政拨款 小计 band (上海), the 小计 stands for its three parts.
        const keys = present.includes("fiscal")
          ? [
              "fiscal",
              ...SOURCE_KEYS.filter((k) => !["general", "gov_fund", "state_capital"].includes(k)),
            ]
          : SOURCE_KEYS.filter((k) => present.includes(k));
        if (keys.length === 0) return undefined;
        if (
          present.includes("carryover") &&
          !totalExcludesCarryover(t) &&
          t.kind !== "income_expenditure_summary"
        )
          keys.push("carryover");
        return keys;
      },
      () => "total",
      "合计与资金来源",
      "资金来源",
      sourceBands
    ),
});

export const rowMemoColumns = defineRule({
  id: "within.row-memo-columns",
  category: "within",
  title: "其中栏不超过所属栏",
  description:
    "“其中”栏（如一般公共预算 | 其中：上年结转）是前一栏的一部分，每一行都不超过该栏；项目支出表的政府采购栏（其中：政府采购、政府采购预算）是该行合计的一部分，不超过合计。",
  severity: "error",
  source: {
    basis: "identity",
    ref: "部门预算公开表样各栏的定义：“其中”数是所属数的一部分；政府采购预算是项目预算中按《政府采购法》采购的部分",
  },
  check: (report) => {
    const out: Outcome[] = [];
    const tables = report.tables;
    for (let ti = 0; ti < tables.length; ti++) {
      const t = tables[ti];
      // Most tables print no 其中 column at all: left after one look at their captions.
      if (!t.columns.some((c) => isMemoColumn(c) || c.key.startsWith("col_"))) continue;
      const sides = sidesOf(t);
      for (let si = 0; si < sides.length; si++) {
        const side = sides[si];
        const pairs = memoColumnPairs(t, side);
        for (let pi = 0; pi < pairs.length; pi++) {
          const { part, whole } = pairs[pi];
          const rows = t.rows;
          for (let ri = 0; ri < rows.length; ri++) {
            const r = rows[ri];
            if (r.side !== side) continue;
            const a = r.amounts[part.key];
            const b = r.amounts[whole.key];
            if (!a || !b || printsZero(a)) continue;
            const e = notAbove("within.row-memo-columns", [term(t, a)], [term(t, b)]);
            out.push(
              e.exceeds
                ? {
                    status: "fail",
                    finding: {
                      rule: "within.row-memo-columns",
                      severity: "error",
                      message: `${tableName(t)}「${rowName(r)}」「${bandedName(t, part)}」${fmt(e.a)} 超过「${bandedName(t, whole)}」${fmt(e.b)}${e.unit}`,
                      cells: [a.cell, b.cell],
                      expected: e.b,
                      actual: e.a,
                      difference: Math.round((e.a - e.b) * 100) / 100,
                    },
                    identity: e.identity,
                  }
                : { status: "pass", identity: e.identity }
            );
          }
        }
      }
    }
    return out.length ? out : [na("没有“其中”栏或政府采购栏")];
  },
});

export const rowFiscal = defineRule({
  id: "within.row-fiscal",
  category: "within",
  title: "财政拨款小计 = 一般公共预算 + 政府性基金 + 国有资本经营预算",
  description: "列示“财政拨款（小计）”的表，每一行的小计等于三项财政拨款之和。" + BANDS_TOO,
  severity: "error",
  source: {
    basis: "identity",
    ref: "部门预算公开表样各栏、各行的定义（合计 = 各组成部分之和；同一笔资金在各表中列示相同）",
  },
  check: (report) =>
    rowIdentity(
      "within.row-fiscal",
      report,
      (t) =>
        t.columns.some((c) => c.key === "fiscal")
          ? ["general", "gov_fund", "state_capital"]
          : undefined,
      () => "fiscal",
      "财政拨款小计"
    ),
});

const has = (t: Table, key: string) => t.columns.some((c) => c.key === key);
/** The band a column is printed under, as its caption's start (人员经费/ for 人员经费/工资福利支出; "" for none). */
const bandOf = (c: Table["columns"][number]) => c.label.slice(0, c.label.lastIndexOf("/") + 1);

/**
 * An amount column the importer could not name (col_…, a class no alias knows), with a figure, printed in the band of
 * one of these columns: the named classes are then not the whole band, and a sum of them would miss it on every row.
 */
function unnamedInBand(t: Table, keys: readonly string[]): boolean {
  const bands = new Set(t.columns.filter((c) => keys.includes(c.key)).map(bandOf));
  return t.columns.some(
    (c) =>
      c.key.startsWith("col_") &&
      bands.has(bandOf(c)) &&
      !isMemoColumn(c) &&
      t.rows.some((r) => hasValue(r.amounts[c.key]))
  );
}

/** The parts of 基本支出 a class column may be printed under (人员经费: 小计 | 工资福利支出 | 对个人和家庭的补助). */
const BASIC_PART_BANDS: ReadonlyArray<readonly ["personnel" | "public", RegExp]> = [
  ["personnel", /^人员经费\/$/],
  ["public", /^公用经费\/$/],
];
const basicPartOf = (t: Table, key: string) => {
  const c = t.columns.find((x) => x.key === key);
  return c ? BASIC_PART_BANDS.find(([, re]) => re.test(bandOf(c)))?.[0] : undefined;
};
/** The class columns printed under the band of one part of 基本支出 (人员经费 / 公用经费). */
function partClasses(t: Table, part: "personnel" | "public"): string[] {
  return ECONOMIC_CLASS_COLUMNS.filter((k) => has(t, k) && basicPartOf(t, k) === part);
}

/**
 * The 基本支出 economic-class columns a table prints (工资福利支出 | 商品和服务支出 | …), when it prints at least two and
 * none is captioned 其中 (then they are some classes picked out, not the whole 基本支出). Classes printed under a 人员经费
 * / 公用经费 band (人员经费: 小计 | 工资福利支出 | 对个人和家庭的补助 | 公用经费, tester35 T35-6) are that part's: its
 * own column (the band's 小计) counts instead of them, and a part printed as one column (公用经费) counts too; with
 * both parts as columns 基本支出 = 人员经费 + 公用经费 is within.row-personnel-public's. Not when the classes' band holds
 * an amount column no alias names (unnamedInBand).
 */
function economicClasses(t: Table): string[] | undefined {
  const keys = ECONOMIC_CLASS_COLUMNS.filter((k) => has(t, k));
  if (
    !keys.length ||
    t.columns.some((c) => (keys as string[]).includes(c.key) && /其中/.test(c.label)) ||
    unnamedInBand(t, keys)
  )
    return undefined;
  if (!keys.some((k) => basicPartOf(t, k))) return keys.length >= 2 ? keys : undefined;
  const parts: string[] = [];
  for (const k of keys) {
    const p = basicPartOf(t, k);
    const key = p && has(t, p) ? p : k;
    if (!parts.includes(key)) parts.push(key);
  }
  for (const p of ["personnel", "public"]) if (has(t, p) && !parts.includes(p)) parts.push(p);
  if (parts.length === 2 && parts.includes("personnel") && parts.includes("public"))
    return undefined;
  const at = (k: string) => t.columns.findIndex((c) => c.key === k);
  return parts.length >= 2 ? parts.sort((a, b) => at(a) - at(b)) : undefined;
}
const NON_BASIC_USES = USE_KEYS.filter((k) => k !== "basic");

/** A 上年结转 column beside a 本年支出 band holding this year's uses (本年支出: 小计 | 基本支出 | 项目支出). */
function carryoverBesideCurrent(t: Table): boolean {
  return (
    has(t, "carryover") &&
    has(t, "current") &&
    useBands(t, undefined).some((b) => b.total === "current")
  );
}

export const rowBasicProject = defineRule({
  id: "within.row-basic-project",
  category: "within",
  title: "合计 = 基本支出 + 项目支出",
  description:
    "支出类表格每一行的合计等于基本支出、项目支出（及预留机动经费等其他支出用途）之和；基本支出只分列人员经费、公用经费（或工资福利支出、商品和服务支出等经济分类）时以它们代替。支出总表分“本年支出”“上年结转”两栏并各列小计（小计 | 基本支出 | 项目支出）时，合计 = 本年支出小计 + 上年结转小计，各小计等于本栏基本支出与项目支出之和；两栏各印在一个单元格里（本年支出合计 | 基本支出 | 项目支出 | 上年结转合计 …，或上年结转只印一栏）时同样核对。" +
    BANDS_TOO,
  severity: "error",
  source: {
    basis: "identity",
    ref: "部门预算公开表样各栏、各行的定义（合计 = 各组成部分之和；同一笔资金在各表中列示相同）",
  },
  check: (report) =>
    rowIdentity(
      "within.row-basic-project",
      report,
      (t) => {
        if (!has(t, "project")) return undefined;
        // With a 上年结转 band of uses (支出总表), the 合计 takes it in: its 小计, else its uses. So it does a 上年结转
        // printed without uses beside a 本年支出 band of its own (合计 | 本年支出合计 | 基本支出 | 项目支出 | 上年结转):
        // 合计 = 本年支出小计 + 上年结转, never this year's uses alone.
        if (has(t, "basic"))
          return CARRYOVER_USE_KEYS.some((k) => has(t, k)) || carryoverBesideCurrent(t)
            ? [...USE_KEYS, ...CARRYOVER_USE_KEYS, "carryover"]
            : USE_KEYS;
        if (has(t, "personnel")) return ["personnel", "public", ...NON_BASIC_USES];
        const econ = economicClasses(t);
        return econ ? [...econ, ...NON_BASIC_USES] : undefined;
      },
      () => "total",
      "基本支出与项目支出",
      "支出用途",
      useBands
    ),
});

/** 政府采购 by 采购类别: 货物, 工程, 服务 (the 政府采购品目分类目录's three classes). */
const PROCUREMENT_KEYS = ["procurement_goods", "procurement_works", "procurement_services"];

export const rowProcurementCategories = defineRule({
  id: "within.row-procurement-categories",
  category: "within",
  title: "合计 = 货物 + 工程 + 服务",
  description:
    "政府采购预算表按采购类别分列时，每一行的合计等于货物类、工程类、服务类之和（按《政府采购品目分类目录》三大类）。" +
    BANDS_TOO,
  severity: "error",
  source: {
    basis: "identity",
    ref: "财政部《政府采购品目分类目录》（财库〔2022〕31号）：货物、工程、服务三类；部门预算公开政府采购预算表各栏之和",
  },
  check: (report) =>
    rowIdentity(
      "within.row-procurement-categories",
      report,
      (t) => {
        const keys = PROCUREMENT_KEYS.filter((k) => has(t, k));
        return keys.length >= 2 ? keys : undefined;
      },
      () => "total",
      "采购类别",
      "采购类别"
    ),
});

export const rowPersonnelPublic = defineRule({
  id: "within.row-personnel-public",
  category: "within",
  title: "基本支出 = 人员经费 + 公用经费",
  description:
    "每一行的基本支出（或只列基本支出的表的合计）等于人员经费与公用经费之和。" + BANDS_TOO,
  severity: "error",
  source: {
    basis: "identity",
    ref: "部门预算公开表样各栏、各行的定义（合计 = 各组成部分之和；同一笔资金在各表中列示相同）",
  },
  check: (report) =>
    rowIdentity(
      "within.row-personnel-public",
      report,
      (t) =>
        has(t, "personnel") && (has(t, "basic") || !has(t, "project"))
          ? ["personnel", "public"]
          : undefined,
      (t) => (has(t, "basic") ? "basic" : "total"),
      "人员经费与公用经费"
    ),
});

export const rowEconomicClasses = defineRule({
  id: "within.row-economic-classes",
  category: "within",
  title: "基本支出 = 各经济分类之和",
  description:
    "基本支出按部门预算支出经济分类分栏列示（工资福利支出、商品和服务支出、对个人和家庭的补助、资本性支出等）的表，每一行的基本支出（或只列基本支出的表的合计）等于各经济分类栏之和；项目支出也按经济分类分栏时（功能分类 × 经济分类表），项目支出等于项目支出栏下各经济分类之和，两栏的经济分类互不相加；经济分类列在人员经费（公用经费）栏下时（人员经费：小计 | 工资福利支出 | 对个人和家庭的补助），该栏小计等于其下各经济分类之和；某栏另有未能识别的金额列时，该栏不按经济分类核对。" +
    BANDS_TOO,
  severity: "error",
  source: {
    basis: "identity",
    ref: "部门预算公开表样各栏的定义：基本支出按经济分类分栏时各栏之和即基本支出（《政府收支分类科目》部门预算支出经济分类的类级科目）",
  },
  check: (report) => {
    const basic = rowIdentity(
      "within.row-economic-classes",
      report,
      (t) => (has(t, "basic") || !has(t, "project") ? economicClasses(t) : undefined),
      (t) => (has(t, "basic") ? "basic" : "total"),
      "基本支出的各经济分类栏"
    );
    const project = rowIdentity(
      "within.row-economic-classes",
      report,
      projectClasses,
      () => "project",
      "项目支出的各经济分类栏"
    );
    // 人员经费 (公用经费) = the classes printed under its band, beside its 小计 (人员经费: 小计 | 工资福利支出 | …).
    const parts = (["personnel", "public"] as const).map((p) =>
      rowIdentity(
        "within.row-economic-classes",
        report,
        (t) => {
          const keys = partClasses(t, p);
          return has(t, p) && keys.length && !unnamedInBand(t, keys) ? keys : undefined;
        },
        () => p,
        "基本支出的各经济分类栏"
      )
    );
    // Each alone says "not applicable" when no table has its columns: one such line when neither applies.
    const notApplicable = (o: Outcome[]) => o.length === 1 && o[0].status === "na";
    const all = [basic, project, ...parts].filter((o) => !notApplicable(o));
    return all.length ? all.flat() : basic;
  },
});

/**
 * The 项目支出 band's economic-class columns (project_wages, project_goods_services … beside a 项目支出 小计), when
 * none is captioned 其中 and the band holds no amount column no alias names (unnamedInBand: its classes are then not
 * the whole 项目支出, tester35 T35-10).
 */
function projectClasses(t: Table): string[] | undefined {
  if (!has(t, "project")) return undefined;
  const keys = ECONOMIC_CLASS_COLUMNS.map((k) => `project_${k}`).filter((k) => has(t, k));
  if (
    !keys.length ||
    t.columns.some((c) => keys.includes(c.key) && /其中/.test(c.label)) ||
    unnamedInBand(t, keys)
  )
    return undefined;
  return keys;
}

export const rowCurrentCarryover = defineRule({
  id: "within.row-current-carryover",
  category: "within",
  title: "合计 = 当年预算安排 + 上年结转安排",
  description: "收支总表支出方每一行的合计等于当年预算安排与上年结转安排之和。" + BANDS_TOO,
  severity: "error",
  source: {
    basis: "identity",
    ref: "部门预算公开表样各栏、各行的定义（合计 = 各组成部分之和；同一笔资金在各表中列示相同）",
  },
  check: (report) =>
    rowIdentity(
      "within.row-current-carryover",
      report,
      // A 本年收入 band's 小计 (收入总表: 本年收入 | 上年结转 bands), or the one-cell 本年收入合计 beside 合计 with the
      // sources after it, is summed with the sources: within.row-sources (合计 = 本年收入合计 + 上年结转 there).
      (t) =>
        t.columns.some(
          (c) =>
            c.key === "current" &&
            !BAND_SUBTOTAL_CAPTION.test(c.label) &&
            !currentIncomeCaption(t, c.side, NO_BANDS)
        )
          ? ["current", "carryover"]
          : undefined,
      () => "total",
      "当年预算安排与上年结转安排"
    ),
});

export const rowUnits = defineRule({
  id: "within.row-units",
  category: "within",
  title: "合计 = 各单位之和",
  description:
    "按单位逐行列示的“三公”经费表，每一项（因公出国（境）费、公务用车购置及运行费、公务接待费等）的合计等于各部门（单位）该项之和；部门行下列有所属单位行的，部门行等于其各单位之和（只有一个单位时两行相等）。同时列示上年、增减（本年 − 上年）栏的，上年栏和增减栏同样逐单位核对。",
  severity: "error",
  source: {
    basis: "identity",
    ref: "部门预算公开表样各栏、各行的定义（合计 = 各组成部分之和；同一笔资金在各表中列示相同）",
  },
  check: (report) => {
    const out: Outcome[] = [];
    for (const t of report.tables) {
      if (!t.columns.some((c) => c.key.startsWith(`${BY_UNIT}_`))) continue;
      // 合计 over the 部门 columns (byunit_N), each 部门 over its 单位 columns (byunit_N_M), one row (三公 item) at a
      // time; the same in the 上年 band (prior over prior_byunit_N …) and in the 增减 band when it prints differences.
      for (const band of UNIT_BANDS) {
        const units = t.columns.filter((c) => c.key.startsWith(`${band.prefix}_`));
        if (!units.length) continue;
        const unitName = (k: string) =>
          k === "total" ? "合计" : k === band.total ? `${columnName(t, k)}合计` : columnName(t, k);
        for (const parent of [
          { key: band.total, prefix: band.prefix },
          ...units.map((c) => ({ key: c.key, prefix: c.key })),
        ]) {
          const kids = units.filter((c) => isChildKey(c.key, parent.prefix)).map((c) => c.key);
          if (!kids.length || !summable(t, parent.key) || !kids.every((k) => summable(t, k)))
            continue;
          for (const r of t.rows) {
            const total = r.amounts[parent.key];
            if (
              !total ||
              (band.total === "change" &&
                [parent.key, ...kids].some((k) => unstatedChange(t, r, k)))
            )
              continue;
            out.push(
              sumOutcome({
                rule: "within.row-units",
                severity: "error",
                total: term(t, total),
                parts: rowTerms(t, r, kids),
                // Named as printed: the unit is the line (the 合计 line for the band's total), the item the column.
                subject: () => `${tableName(t)}「${unitName(parent.key)}」行「${rowName(r)}」`,
                against: () => kids.map(unitName).join(" + "),
              })
            );
          }
        }
      }
    }
    return out.length ? out : [na("没有同时列示各单位数的表")];
  },
});

/** The bands of a “三公” table by unit: this year's (total, byunit_N …), last year's (prior, prior_byunit_N …), the changes. */
const UNIT_BANDS = [
  { total: "total", prefix: BY_UNIT },
  { total: "prior", prefix: `prior_${BY_UNIT}` },
  { total: "change", prefix: `change_${BY_UNIT}` },
];

/** `key` is `prefix_N` (N digits only): a unit column directly under the column `prefix` names. */
function isChildKey(key: string, prefix: string): boolean {
  return (
    key.length > prefix.length + 1 &&
    key.startsWith(prefix) &&
    key.charCodeAt(prefix.length) === 95 &&
    /^\d+$/.test(key.slice(prefix.length + 1))
  );
}

export const rowChange = defineRule({
  id: "within.row-change",
  category: "within",
  title: "增减额 = 本年数 − 上年数",
  description:
    "同时列示上年预算数、本年预算数和增减额的表（“三公”经费表、一般公共预算支出表、收支总表等），每一行的本年数等于上年数加增减额；分栏（合计、基本支出、项目支出）各列上年、本年、增减时每一栏都核对（增减栏留空的行不核对）。增减栏各行都等于上年数 − 本年数（公式写反）时，对该栏报一个错误；其他多数行都不符合这一关系的增减栏（实为未标 % 的增减率），不核对。",
  severity: "error",
  source: {
    basis: "identity",
    ref: "部门预算公开表样各栏的定义（增减 = 本年预算数 − 上年预算数）",
  },
  check: (report) => {
    const out: Outcome[] = [];
    for (const t of report.tables) {
      // Only the columns decide: a table without a 上年 column is left before its rows are looked at.
      if (!t.columns.some((c) => c.key === "prior")) continue;
      const differences = differenceColumns(t);
      // A column printing 上年 − 本年 on every line: one finding for the column (its lines all follow the one formula).
      for (const x of reversedChangeColumns(t)) out.push(reversedChange(t, x));
      for (const { side, prior, current, change } of changeTriples(t)) {
        // A 增减 column that disagrees on most lines is a rate printed without %, not the difference.
        if (!differences.has(change.key)) continue;
        const [p, cur, chg] = [prior.key, current.key, change.key];
        const rows = t.rows;
        for (let i = 0; i < rows.length; i++) {
          const r = rows[i];
          // A 增减 cell left blank (a new line, an unchanged one) states nothing to check.
          if (
            r.side === side &&
            r.amounts[p] &&
            r.amounts[cur] &&
            r.amounts[chg] &&
            !r.amounts[chg].blank
          )
            out.push(
              sumOutcome({
                rule: "within.row-change",
                severity: "error",
                total: term(t, r.amounts[cur]),
                parts: [term(t, r.amounts[p]), { ...term(t, r.amounts[chg]), single: true }],
                subject: () =>
                  `${tableName(t)}「${rowName(r)}」${t.across ? "栏" : "行"}「${bandedName(t, current)}」`,
                against: () => `${bandedName(t, prior)} + ${bandedName(t, change)}`,
              })
            );
        }
      }
    }
    return out.length ? out : [na("没有同时列示上年数、本年数和增减额的表")];
  },
});

export const rowChangeRate = defineRule({
  id: "within.row-change-rate",
  category: "within",
  title: "增减率 = （本年数 − 上年数）÷ 上年数",
  description:
    "同时列示上年数、本年数和增减率（增长率、增幅、幅度）的表，每一行的增减率等于（本年数 − 上年数）÷ 上年数；按百分数（12.50%、12.5）或小数（0.1250）列示均可，各数按列示位数四舍五入的差异不算错，增减率末位差一位左右属尾差。上年数为 0 或空的行（增减率空、“-”、“—”、#DIV/0! 或 0 均可）不核对；增减率栏各行都等于本年数 ÷ 上年数（未减 1）或都与（本年 − 上年）÷ 上年符号相反时，对该栏报一个错误；其他多数行都不符合这一关系的增减率栏（另有口径），不核对。",
  severity: "error",
  source: {
    basis: "identity",
    ref: "部门预算公开表样各栏的定义（增减率 = 增减额 ÷ 上年预算数 × 100%，增减额 = 本年预算数 − 上年预算数）",
  },
  check: (report) => {
    const out: Outcome[] = [];
    for (const t of report.tables) {
      // Only the columns decide: a table without a 上年 column is left before its rows are looked at.
      if (!t.columns.some((c) => c.key === "prior")) continue;
      for (const x of rateTriples(t)) {
        const scale = rateScale(t, x);
        const misform = scale ? undefined : rateMisform(t, x);
        if (misform) {
          out.push(misformedRate(t, x, misform));
          continue;
        }
        if (!scale) {
          out.push(
            na(`${tableName(t)}「${captionName(x.rate.label)}」栏多数行不等于（本年 − 上年）÷ 上年`)
          );
          continue;
        }
        for (const r of t.rows) {
          if (r.side !== x.side) continue;
          const [p, c, a] = [
            r.amounts[x.prior.key],
            r.amounts[x.current.key],
            r.amounts[x.rate.key],
          ];
          const printed = a && printedRate(a, scale);
          const computed = p && c && changeRate(p, c);
          if (!printed || !computed) continue;
          const verdict = rateVerdict(printed, computed);
          if (verdict === "equal") {
            out.push({ status: "pass" });
            continue;
          }
          // In the rate's own terms: percents (with % or on the percent scale), else a fraction.
          const pct = printed.sign || scale === "percent";
          const f = pct ? 100 : 1;
          const d = Math.max(0, Math.round(-Math.log10(2 * printed.h * f)));
          const show = (v: number) => `${(v * f).toFixed(d)}${printed.sign ? "%" : ""}`;
          const subject = `${tableName(t)}「${rowName(r)}」${t.across ? "栏" : "行"}「${captionName(x.rate.label)}」`;
          const figures = `本年 ${c.text.trim() || "空"}，上年 ${p.text.trim()}`;
          out.push({
            status: "fail",
            finding: {
              rule: "within.row-change-rate",
              severity: verdict === "rounding" ? "rounding" : "error",
              message:
                verdict === "rounding"
                  ? `${subject} ${show(printed.v)} ≠（本年 − 上年）÷ 上年 ${show(computed.mid)}（${figures}；末位相差，属尾差）`
                  : `${subject} ${show(printed.v)} ≠（本年 − 上年）÷ 上年 ${show(computed.mid)}（${figures}）`,
              cells: [a.cell, c.cell, p.cell].filter((z) => z),
              expected: Number((computed.mid * f).toFixed(d)),
              actual: Number((printed.v * f).toFixed(d)),
              difference: Number(((printed.v - computed.mid) * f).toFixed(d)),
            },
          });
        }
      }
    }
    return out.length ? out : [na("没有同时列示上年数、本年数和增减率的表")];
  },
});

/** The line a whole-column finding quotes: the 合计 line when it prints all three figures, else the first that moved. */
function quotedLine(
  t: Table,
  side: string | undefined,
  keys: string[],
  moved: (r: Row) => boolean
): Row | undefined {
  const lines = t.rows.filter(
    (r) => r.side === side && keys.every((k) => r.amounts[k] && !r.amounts[k].blank)
  );
  return lines.find((r) => r.key === "total" && moved(r)) ?? lines.find(moved);
}

/**
 * within.row-change for a 增减 column that prints 上年 − 本年 on every line (bands.ts reversedChangeColumns): one 错误
 * for the column, quoting its 合计 line (应为 本年 − 上年, 现为 the printed figure), at every cell of the column.
 */
function reversedChange(t: Table, x: ReturnType<typeof changeTriples>[number]): Outcome {
  const [p, cur, chg] = [x.prior.key, x.current.key, x.change.key];
  const r = quotedLine(
    t,
    x.side,
    [p, cur, chg],
    (z) => z.amounts[chg].blank || hasValue(z.amounts[chg])
  )!;
  const d = Math.max(r.amounts[chg].decimals, 0);
  // The figures as printed (fixT29a): a stored 0.004 under 0.00 is the 0.00 the reviewer reads.
  const expected = Number((printedValue(r.amounts[cur]) - printedValue(r.amounts[p])).toFixed(d));
  const actual = printedValue(r.amounts[chg]);
  const cells = t.rows
    .filter((z) => z.side === x.side && z.amounts[chg] && !z.amounts[chg].blank)
    .map((z) => z.amounts[chg].cell)
    .filter((c) => c);
  return {
    status: "fail",
    finding: {
      rule: "within.row-change",
      severity: "error",
      message: `${tableName(t)}「${bandedName(t, x.change)}」栏各行都等于 ${bandedName(t, x.prior)} − ${bandedName(t, x.current)}，方向相反：增减额应为 本年 − 上年（「${rowName(r)}」行应为 ${fmt(expected, d)}，现为 ${fmt(actual, d)}${t.unit}）`,
      cells: [r.amounts[chg].cell, ...cells.filter((c) => c !== r.amounts[chg].cell)],
      expected,
      actual,
      difference: Number((actual - expected).toFixed(d)),
    },
  };
}

/**
 * within.row-change-rate for a 增减率 column computed another way on every line (bands.ts rateMisform: 本年 ÷ 上年, or
 * the sign reversed): one 错误 for the column, quoting its 合计 line.
 */
function misformedRate(
  t: Table,
  x: ReturnType<typeof rateTriples>[number],
  m: NonNullable<ReturnType<typeof rateMisform>>
): Outcome {
  const rate = (z: Row) => {
    const [p, c, a] = [z.amounts[x.prior.key], z.amounts[x.current.key], z.amounts[x.rate.key]];
    const printed = a && printedRate(a, m.scale);
    const computed = p && c && changeRate(p, c);
    return printed && computed ? { printed, computed, a } : undefined;
  };
  const r = quotedLine(t, x.side, [x.prior.key, x.current.key, x.rate.key], (z) => {
    const q = rate(z);
    return !!q && rateVerdict(q.printed, q.computed) === "error";
  })!;
  const q = rate(r)!;
  const pct = q.printed.sign || m.scale === "percent";
  const f = pct ? 100 : 1;
  const d = Math.max(0, Math.round(-Math.log10(2 * q.printed.h * f)));
  const show = (v: number) => `${(v * f).toFixed(d)}${q.printed.sign ? "%" : ""}`;
  const how =
    m.form === "ratio"
      ? "各行都等于 本年 ÷ 上年（未减 1）"
      : "各行都等于 −（本年 − 上年）÷ 上年（符号相反）";
  const cells = t.rows
    .filter((z) => z.side === x.side && rate(z))
    .map((z) => z.amounts[x.rate.key].cell)
    .filter((c) => c);
  return {
    status: "fail",
    finding: {
      rule: "within.row-change-rate",
      severity: "error",
      message: `${tableName(t)}「${captionName(x.rate.label)}」栏${how}：增减率应为（本年 − 上年）÷ 上年（「${rowName(r)}」行应为 ${show(q.computed.mid)}，现为 ${show(q.printed.v)}）`,
      cells: [q.a.cell, ...cells.filter((c) => c !== q.a.cell)],
      expected: Number((q.computed.mid * f).toFixed(d)),
      actual: Number((q.printed.v * f).toFixed(d)),
      difference: Number(((q.printed.v - q.computed.mid) * f).toFixed(d)),
    },
  };
}

/**
 * The columns of a 收支总表 line that add up down its side: not a rate (增减率 beside 上年预算数 | 增减额 is summed nowhere),
 * nor a 增减 column that does not print differences (bands.ts summable).
 */
function summedKeys(t: Table, r: Row): string[] {
  return Object.keys(r.amounts).filter((k) => summable(t, k));
}

/** The summary lines of two-sided tables (收支总表, 财政拨款收支总表). */
function summaryLines(report: Report, id: string, build: (t: Table) => Outcome[]): Outcome[] {
  const two = twoSided(report);
  if (!two.length) return [na("没有收支两方并列的表")];
  return two.flatMap(build);
}

/** The two-sided tables of a report: five rules ask, of the engine's per-check copy (each read every row of every table). */
const TWO_SIDED = new WeakMap<Report, Table[]>();
function twoSided(report: Report): Table[] {
  let two = TWO_SIDED.get(report);
  if (!two) TWO_SIDED.set(report, (two = report.tables.filter((t) => t.rows.some((r) => r.side))));
  return two;
}

function levelOneRows(t: Table, side: string, filter: (r: Row) => boolean): Row[] {
  const rows = t.rows.filter((r) => r.side === side);
  const first = rows.findIndex(
    (r) => r.key === "current_income_total" || r.key === "current_expenditure_total"
  );
  const lineOf = (r: Row) => r.level === 1 && !r.partial && filter(r);
  // A heading (一、本年收入 printed blank over its （一）（二）（三）) counts by its lines.
  const lines = (span: Row[]) =>
    throughHeadings(rows, span.filter(lineOf), (i) => childrenOf(rows, i));
  // 本年支出合计 printed first (一、本年支出合计 above the classes): its lines are the ones below it.
  if (first >= 0 && !rows.slice(0, first).some(lineOf)) {
    const after = rows.slice(first + 1);
    const next = after.findIndex(
      (r) =>
        !!r.key && (r.key.startsWith("carryover") || r.key === "balance_use_in" || r.level === 0)
    );
    return lines(after.slice(0, next < 0 ? after.length : next));
  }
  return lines(rows.slice(0, first < 0 ? rows.length : first));
}

export const currentIncome = defineRule({
  id: "within.current-income",
  category: "within",
  title: "本年收入合计 = 各项收入之和",
  description:
    "收支总表、财政拨款收支总表的本年收入合计等于其上方各项收入之和；整行没有数字的收入标题行（如留空的“一、本年收入”）按其下各项收入计。",
  severity: "error",
  source: {
    basis: "identity",
    ref: "部门预算公开表样各栏、各行的定义（合计 = 各组成部分之和；同一笔资金在各表中列示相同）",
  },
  check: (report) =>
    summaryLines(report, "within.current-income", (t) => {
      const total = rowByKey(t, "current_income_total", "income");
      if (!total) return [];
      const parts = levelOneRows(t, "income", (r) => !r.key?.startsWith("carryover"));
      return summedKeys(t, total).map((k) =>
        sumOutcome({
          rule: "within.current-income",
          severity: "error",
          total: term(t, total.amounts[k]),
          parts: columnTerms(t, parts, k),
          subject: `${tableName(t)}「本年收入合计」`,
          against: "各项收入之和",
        })
      );
    }),
});

export const currentExpenditure = defineRule({
  id: "within.current-expenditure",
  category: "within",
  title: "本年支出合计 = 各功能分类支出之和",
  description:
    "收支总表、财政拨款收支总表的本年支出合计在每一列都等于各类支出之和；未列本年支出合计、也未列年终结转时，支出总计即本年支出合计，照此核对；支出方没有一行类别（各行都属另列的分类）时不核对；合计多出的差额恰为支出总表（或一般公共预算支出表）中本表未列的某一类时，指出疑漏列该类。",
  severity: "error",
  source: {
    basis: "identity",
    ref: "部门预算公开表样各栏、各行的定义（合计 = 各组成部分之和；同一笔资金在各表中列示相同）",
  },
  check: (report) =>
    summaryLines(report, "within.current-expenditure", (t) =>
      EXPENDITURE_SIDES.flatMap((side) => {
        const total = rowByKey(t, "current_expenditure_total", side) ?? grandAsCurrent(t, side);
        if (!total) return [];
        const parts = levelOneRows(
          t,
          side,
          (r) => !r.key?.startsWith("carryover") && r.key !== "expenditure_grand_total"
        );
        // tester35 T35-5: no class line at all (every line another view's, or none printed) — nothing to add up; a
        // total is never compared with the 0.00 of an empty list.
        if (!parts.length) return [];
        // The line printed: 本年支出合计 (支出合计 …), or the 支出总计 standing for it.
        const line = total.key === "expenditure_grand_total" ? lineName(total) : "本年支出合计";
        return summedKeys(t, total).map((k) => {
          const o = sumOutcome({
            rule: "within.current-expenditure",
            severity: "error",
            total: term(t, total.amounts[k]),
            parts: columnTerms(t, parts, k),
            // Words made only for a failing comparison (columnName searches the columns).
            subject: () => `${tableName(t)}「${line}」「${columnName(t, k, side)}」`,
            against: side === "expenditure" ? "各类支出之和" : "各支出用途之和",
          });
          if (o.status === "fail" && o.finding.severity === "error" && k === "total")
            o.finding.message += missingClass(report, t, parts, total.amounts[k], o.finding);
          return o;
        });
      })
    ),
});

/**
 * tester32 T32-5: a side printing neither 本年支出合计 nor a 年终结转 line (many small templates: the classes, then
 * 支出总计) — its 支出总计 is this year's total, checked against the classes as 本年支出合计 would be. With 结转 lines,
 * within.expenditure-grand-total compares it with the classes + 结转.
 */
function grandAsCurrent(t: Table, side: string): Row | undefined {
  const g = rowByKey(t, "expenditure_grand_total", side);
  if (!g || t.rows.some((r) => r.side === side && r.key === "carryover_out")) return undefined;
  return g;
}

/** A total line's name as printed, without its letter-spacing (支 出 总 计 → 支出总计). */
function lineName(r: Row): string {
  return r.label.replace(/[\s\u3000]/g, "") || rowName(r);
}

/**
 * "；差额恰为表3（支出总表）「221 住房保障支出」34.20，本表未列该类：疑漏列" — when a 收支总表's 本年支出合计 exceeds its
 * classes by exactly one 类 that the 支出总表 (or the 一般公共预算支出表) prints and this side does not list (tester31
 * T31-14: a vertical 收支总表 leaving out 住房保障支出). One such class only; else nothing is added. Compared in 元,
 * within half the total's last printed digit.
 */
function missingClass(
  report: Report,
  t: Table,
  parts: Row[],
  total: Amount,
  f: { difference: number | null }
): string {
  if (f.difference === null || f.difference <= 0) return "";
  const listed = new Set(parts.map((r) => r.code).filter((c) => c));
  const gap = f.difference * UNIT_FACTOR[t.unit];
  const slack = 0.5 * Math.pow(10, -total.decimals) * UNIT_FACTOR[t.unit] + 1e-6;
  const found: string[] = [];
  for (const kind of ["expenditure_summary", "general_budget_expenditure"] as const) {
    const other = report.tables.find((x) => x.kind === kind && !x.empty);
    if (!other) continue;
    for (const r of other.rows) {
      const a = r.amounts.total;
      if (r.level !== 1 || r.codeSystem !== "functional" || r.code?.length !== 3 || !a) continue;
      if (listed.has(r.code) || a.blank) continue;
      if (Math.abs(printedValue(a) * UNIT_FACTOR[other.unit] - gap) <= slack)
        found.push(
          `${tableName(other)}「${rowName(r)}」${fmt(printedValue(a), a.decimals)}${other.unit}`
        );
    }
    if (found.length) break;
  }
  return found.length === 1 ? `；差额恰为${found[0]}，本表未列该类：疑漏列` : "";
}

/**
 * A second view of the 支出 (按经济分类 after the 功能 classes, importer VIEW_HEADING): its heading row (key
 * expenditure_view) and the memo lines under it, up to the next line that is not one.
 */
function viewLines(rows: Row[], i: number): Row[] {
  const out: Row[] = [];
  for (let k = i + 1; k < rows.length; k++) {
    const r = rows[k];
    if (r.key === "expenditure_view") break;
    if (r.partial && r.level === 1) out.push(r);
    // The parts of a view's numbered line (一、基本支出 over 工资福利支出 …): in it already, not added again.
    else if (!(out.length && r.level > 1 && !r.partial)) break;
  }
  return out;
}

/**
 * A view printed with no heading (stop-32 leftover): the importer opens one at an economic class (工资福利支出 …) or at
 * 一、基本支出 numbered afresh right after the 功能 classes (tester31 T31-20 / T31-20 d), its lines partial at level 1.
 * Its lines from the first such line that follows a 功能 line directly and is no 其中 item; undefined when none.
 */
function headlessView(rows: Row[]): Row[] | undefined {
  for (let i = 1; i < rows.length; i++) {
    const [before, r] = [rows[i - 1], rows[i]];
    if (!r.partial || r.level !== 1 || /^[\s\u3000]*其中/.test(r.label)) continue;
    if (before.partial || before.codeSystem !== "functional" || !before.code) continue;
    const lines = viewLines(rows, i - 1);
    return lines.length ? lines : undefined;
  }
  return undefined;
}

export const expenditureView = defineRule({
  id: "within.expenditure-view",
  category: "within",
  title: "另列分类的各行之和 = 本年支出合计",
  description:
    "收支总表、财政拨款收支总表支出方在功能分类之后另列“按经济分类”等小标题及其各行（同一笔支出的另一种分类），或不列小标题、紧接功能分类另列经济分类各类（工资福利支出等）或重新编号的基本支出、项目支出时，这些行之和在每一列都等于本年支出合计（未列本年支出合计和年终结转时为支出总计）；它们不计入各类支出之和。",
  severity: "error",
  source: {
    basis: "identity",
    ref: "部门预算公开表样各栏、各行的定义（合计 = 各组成部分之和；同一笔资金在各表中列示相同）",
  },
  check: (report) => {
    const out: Outcome[] = [];
    for (const t of report.tables) {
      if (t.kind !== "income_expenditure_summary" && t.kind !== "fiscal_appropriation_summary")
        continue;
      for (const side of EXPENDITURE_SIDES) {
        const rows = t.rows.filter((r) => r.side === side);
        // 本年支出合计, or the 支出总计 standing for it (no 本年支出合计, no 结转 line: tester32 T32-5).
        const total = rowByKey(t, "current_expenditure_total", side) ?? grandAsCurrent(t, side);
        if (!total) continue;
        const line = total.key === "expenditure_grand_total" ? lineName(total) : "本年支出合计";
        const views: Array<{ lines: Row[]; against: () => string }> = [];
        rows.forEach((h, i) => {
          if (h.key !== "expenditure_view") return;
          const lines = viewLines(rows, i);
          if (lines.length) views.push({ lines, against: () => `「${rowName(h)}」下各行之和` });
        });
        const bare = headlessView(rows);
        if (bare)
          views.push({
            lines: bare,
            against: () =>
              bare.length > 1
                ? `其后另列的「${rowName(bare[0])}」至「${rowName(bare[bare.length - 1])}」各行之和`
                : `其后另列的「${rowName(bare[0])}」`,
          });
        for (const v of views)
          for (const k of summedKeys(t, total))
            out.push(
              sumOutcome({
                rule: "within.expenditure-view",
                severity: "error",
                total: term(t, total.amounts[k]),
                parts: columnTerms(t, v.lines, k),
                // Words made only for a failing comparison (columnName searches the columns).
                subject: () => `${tableName(t)}「${line}」「${columnName(t, k, side)}」`,
                against: v.against,
              })
            );
      }
    }
    return out.length ? out : [na("收支总表支出方没有另列分类（如按经济分类）")];
  },
});

export const incomeGrandTotal = defineRule({
  id: "within.income-grand-total",
  category: "within",
  title: "收入总计 = 本年收入合计 + 上年结转",
  description:
    "收入总计等于本年收入合计加上年结转（结余）；本年收入合计之后另列使用非财政拨款结余（用事业基金弥补收支差额）时一并计入；未列本年收入合计（上年结转之下的收入合计即收入总计）时，等于各项收入之和加上年结转；这样的收入合计之下另列收入总计时，两行都核对。",
  severity: "error",
  source: {
    basis: "identity",
    ref: "部门预算公开表样各栏、各行的定义（合计 = 各组成部分之和；同一笔资金在各表中列示相同）",
  },
  check: (report) =>
    summaryLines(report, "within.income-grand-total", (t) =>
      // 收入合计 printed below the 上年结转 line and 收入总计 below it (importer sideTotalsLast): both are the 总计.
      t.rows
        .filter((g) => g.side === "income" && g.key === "income_grand_total")
        .flatMap((g) => incomeGrandTotalOf(t, g))
    ),
});

/** within.income-grand-total on one 收入总计 line `g` of a two-sided table. */
function incomeGrandTotalOf(t: Table, g: Row): Outcome[] {
  const cur = rowByKey(t, "current_income_total", "income");
  // 使用非财政拨款结余 after 本年收入合计 is added like 上年结转 (in the list above it, it is one of the year's income).
  const after = cur ? t.rows.indexOf(cur) : -1;
  const income = t.rows.filter((r) => r.side === "income");
  // A 上年结转 line printed blank over its sources (上年财政拨款结转 ⏎ 一般公共预算) counts by its lines (a heading).
  const carry = throughHeadings(
    income,
    t.rows.filter(
      (r, i) =>
        r.side === "income" &&
        (r.key === "carryover_in" || (r.key === "balance_use_in" && i > after))
    ),
    (i) => childrenOf(income, i)
  );
  // No 本年收入合计 printed (sources, 上年结转, then 收入合计 as the side's 总计): the sources stand for it.
  const sources = cur
    ? [cur]
    : levelOneRows(t, "income", (r) => !carry.includes(r) && r.key !== "income_grand_total");
  if (!cur && !sources.length) return [];
  return summedKeys(t, g).map((k) =>
    sumOutcome({
      rule: "within.income-grand-total",
      severity: "error",
      total: term(t, g.amounts[k]),
      parts: columnTerms(t, [...sources, ...carry], k),
      subject: `${tableName(t)}「${cur ? "收入总计" : rowName(g)}」`,
      against: cur ? "本年收入合计 + 上年结转" : "各项收入之和 + 上年结转",
    })
  );
}

export const expenditureGrandTotal = defineRule({
  id: "within.expenditure-grand-total",
  category: "within",
  title: "支出总计 = 本年支出合计 + 年终结转",
  description:
    "支出总计等于本年支出合计加年终结转（结余）；未列本年支出合计而列年终结转时，等于各类支出之和加年终结转。",
  severity: "error",
  source: {
    basis: "identity",
    ref: "部门预算公开表样各栏、各行的定义（合计 = 各组成部分之和；同一笔资金在各表中列示相同）",
  },
  check: (report) =>
    summaryLines(report, "within.expenditure-grand-total", (t) =>
      EXPENDITURE_SIDES.flatMap((side) => {
        const g = rowByKey(t, "expenditure_grand_total", side);
        const cur = rowByKey(t, "current_expenditure_total", side);
        const carry = t.rows.filter((r) => r.side === side && r.key === "carryover_out");
        // No 本年支出合计 and no 结转 line: the 支出总计 is this year's total (within.current-expenditure checks it).
        if (!g || (!cur && !carry.length)) return [];
        // No 本年支出合计 printed (the classes, 年终结转, then 支出总计, tester32 T32-5): the classes stand for it.
        const parts = cur
          ? [cur]
          : levelOneRows(
              t,
              side,
              (r) => !r.key?.startsWith("carryover") && r.key !== "expenditure_grand_total"
            );
        if (!parts.length) return [];
        return summedKeys(t, g).map((k) =>
          sumOutcome({
            rule: "within.expenditure-grand-total",
            severity: "error",
            total: term(t, g.amounts[k]),
            parts: columnTerms(t, [...parts, ...carry], k),
            subject: () =>
              `${tableName(t)}「${cur ? "支出总计" : lineName(g)}」「${columnName(t, k, side)}」`,
            against: cur ? "本年支出合计 + 年终结转" : "各类支出之和 + 年终结转",
          })
        );
      })
    ),
});

/**
 * The keys of a 支出总计 line printed by source only (一般公共预算 | 政府性基金预算 …, two or more, no 合计, no 财政拨款小计,
 * nothing else of this year): what adds up to its 支出总计. Otherwise undefined.
 */
function sourcesOnly(r: Row): string[] | undefined {
  const keys = Object.keys(r.amounts).filter((k) => !/^(prior|change|ratio|later)/.test(k));
  return keys.length >= 2 && keys.every(isSource) ? keys : undefined;
}

export const balance = defineRule({
  id: "within.balance",
  category: "within",
  title: "收入总计 = 支出总计",
  description:
    "收支总表、财政拨款收支总表收支平衡：收入总计等于支出总计。支出栏只分列资金来源（一般公共预算 | 政府性基金预算 | 国有资本经营预算）、不列合计时，支出总计为各来源之和。",
  severity: "error",
  source: {
    basis: "identity",
    ref: "部门预算公开表样各栏、各行的定义（合计 = 各组成部分之和；同一笔资金在各表中列示相同）",
  },
  check: (report) =>
    summaryLines(report, "within.balance", (t) => {
      const inc = rowByKey(t, "income_grand_total", "income");
      const outs = EXPENDITURE_SIDES.map((s) => rowByKey(t, "expenditure_grand_total", s)).filter(
        (r): r is Row => !!r
      );
      // This year's figures: the 合计, else the first column that is not last year's, a change or a rate.
      const thisYear = (r: Row) =>
        r.amounts.total
          ? "total"
          : Object.keys(r.amounts).find((k) => !/^(prior|change|ratio)/.test(k));
      const ik = inc && thisYear(inc);
      if (!inc || !ik) return [];
      return outs.map((o) => {
        // A side printing its sources without a 合计 (财政拨款收支总表: 一般公共预算 | 政府性基金预算 | 国有资本经营预算):
        // its 支出总计 is their sum, never the first source alone.
        const sources = o.amounts.total ? undefined : sourcesOnly(o);
        if (sources)
          return sumOutcome({
            rule: "within.balance",
            severity: "error",
            total: term(t, inc.amounts[ik]),
            parts: sources.map((k) => term(t, o.amounts[k])),
            subject: `${tableName(t)}「收入总计」`,
            against: () =>
              `「支出总计」${sources.map((k) => columnName(t, k, o.side)).join(" + ")}`,
          });
        const ok = thisYear(o) ?? Object.keys(o.amounts)[0];
        return sumOutcome({
          rule: "within.balance",
          severity: "error",
          total: term(t, o.amounts[ok]),
          parts: [term(t, inc.amounts[ik])],
          subject: `${tableName(t)}「支出总计」`,
          against: "「收入总计」",
        });
      });
    }),
});

/** The 财政拨款 funds a 财政拨款收支总表 prints by column on its 支出 side: column key and name. */
const FISCAL_FUNDS = [
  ["general", "一般公共预算"],
  ["gov_fund", "政府性基金预算"],
  ["state_capital", "国有资本经营预算"],
] as const;

/** This year's figure of an income line: its 合计 (预算数), else its figure in the fund's column (one-sided tables). */
function lineFigure(r: Row, key: string): Amount | undefined {
  return r.amounts.total ?? r.amounts[key];
}

/**
 * within.fund-balance on one 财政拨款收支总表: per fund column of its 支出 side, that fund's 本年收入 line plus its 上年结转
 * line = the 支出总计's figure in the column (本年支出合计 + 年终结转 when the 支出总计 prints none). A reason string
 * when the table cannot be checked (no fund columns, income or 上年结转 not split by fund).
 */
function fundBalanceOf(t: Table): Outcome[] | string {
  const name = tableName(t);
  const side = EXPENDITURE_SIDES.find((s) =>
    t.rows.some(
      (r) =>
        r.side === s &&
        (r.key === "expenditure_grand_total" || r.key === "current_expenditure_total")
    )
  );
  if (!side) return `${name}没有支出总计行`;
  const grand = rowByKey(t, "expenditure_grand_total", side);
  const cur = rowByKey(t, "current_expenditure_total", side);
  const carryOut = t.rows.filter((r) => r.side === side && r.key === "carryover_out");
  const funds = FISCAL_FUNDS.filter(([k]) => grand?.amounts[k] ?? cur?.amounts[k]);
  if (!funds.length) return `${name}支出方未按资金来源（一般公共预算、政府性基金预算等）分列`;
  const income = t.rows.filter((r) => r.side === "income");
  if (!income.some((r) => r.key?.startsWith("src_")))
    return `${name}收入方未按资金来源分列本年收入`;
  // The 上年结转 by fund: its lines (（一）一般公共预算 …) when they add up to the 上年结转 line; none when there is none.
  const carryIn = income.find((r) => r.key === "carryover_in");
  const carryTotal = carryIn && lineFigure(carryIn, "total");
  const split = income.filter((r) => r.key?.startsWith("carryover_src_"));
  if (hasValue(carryTotal)) {
    if (!split.length) return `${name}上年结转未按资金来源分列`;
    const sum = split.reduce((s, r) => s + fenOf(lineFigure(r, r.key!.slice(14))), 0);
    if (sum !== fenOf(carryTotal))
      return `${name}上年结转各资金来源之和与上年结转不符，无法按来源核对`;
  }
  // One fund holding all the money: its balance is the table's own (收入总计 = 支出总计, 本年收入合计 + 上年结转 …),
  // which the other 表内 rules check already — the same gap would be reported twice (xingxian-2023's 尾差).
  const withMoney = FISCAL_FUNDS.filter(([k]) =>
    [
      grand?.amounts[k],
      cur?.amounts[k],
      ...["src_", "carryover_src_"].map((p) => {
        const r = rowByKey(t, `${p}${k}`, "income");
        return r && lineFigure(r, k);
      }),
    ].some((a) => hasValue(a))
  );
  if (withMoney.length <= 1)
    return `${name}只有${withMoney[0]?.[1] ?? "一种"}资金，按来源的收支即全表收支（收入总计 = 支出总计等规则已核对）`;
  const out: Outcome[] = [];
  for (const [k] of funds) {
    const src = rowByKey(t, `src_${k}`, "income");
    const inc = src && lineFigure(src, k);
    if (!inc) continue;
    const carry = rowByKey(t, `carryover_src_${k}`, "income");
    const carryAmount = carry && lineFigure(carry, k);
    const parts = [term(t, inc), ...(carryAmount ? [term(t, carryAmount)] : [])];
    const g = grand?.amounts[k];
    const total = g ?? cur?.amounts[k];
    if (!total) continue;
    // No 支出总计 figure of the fund: 本年支出合计 + 年终结转 of the fund (the 结转 moved to the income side, negated).
    const outs = g
      ? []
      : carryOut.map((r) => r.amounts[k]).filter((a): a is Amount => !!a && hasValue(a));
    out.push(
      sumOutcome({
        rule: "within.fund-balance",
        severity: "error",
        total: term(t, total),
        parts: [...parts, ...outs.map((a) => term(t, a, -1))],
        subject: () =>
          `${name}「${g ? lineName(grand!) : "本年支出合计"}」「${columnName(t, k, side)}」`,
        against: () =>
          `本年收入「${rowName(src)}」${carry ? ` + 上年结转「${rowName(carry)}」` : ""}${outs.length ? ` − 年终结转「${columnName(t, k, side)}」` : ""}`,
      })
    );
  }
  return out.length ? out : `${name}收入方未列支出方各资金来源的本年收入`;
}

/** An amount in fen (0 for none or blank), for adding up a table's own lines. */
function fenOf(a: Amount | undefined): number {
  return a && !a.blank && a.value !== null ? Math.round(printedValue(a) * 100) : 0;
}

export const fundBalance = defineRule({
  id: "within.fund-balance",
  category: "within",
  title: "财政拨款收支总表各资金来源：本年收入 + 上年结转 = 支出",
  description:
    "财政拨款收支总表支出方按资金来源（一般公共预算、政府性基金预算、国有资本经营预算）分列时，每一资金来源的本年收入加该来源的上年结转，等于支出总计该来源列（支出总计未列该来源数时，等于本年支出合计该来源数加年终结转该来源数）。只有一种资金有数时（即全表的收入总计 = 支出总计，已由其他表内规则核对）、上年结转不为零而未按资金来源分列（或各来源之和与上年结转不符）、收入方或支出方未按资金来源分列时不适用。",
  severity: "error",
  source: {
    basis: "identity",
    ref: "部门预算公开表样各栏、各行的定义（合计 = 各组成部分之和；同一笔资金在各表中列示相同）",
  },
  check: (report) => {
    const tables = report.tables.filter(
      (t) => t.kind === "fiscal_appropriation_summary" && !t.empty
    );
    if (!tables.length) return [na("没有财政拨款收支总表")];
    const out: Outcome[] = [];
    const reasons: string[] = [];
    for (const t of tables) {
      const r = fundBalanceOf(t);
      if (typeof r === "string") reasons.push(r);
      else out.push(...r);
    }
    return out.length ? out : [na(reasons.join("；"))];
  },
});

export const WITHIN_RULES = [
  nonNegative,
  rowSources,
  rowFiscal,
  rowBasicProject,
  rowProcurementCategories,
  rowMemoColumns,
  rowPersonnelPublic,
  personnelPublicClasses,
  rowEconomicClasses,
  rowCurrentCarryover,
  rowUnits,
  rowChange,
  rowChangeRate,
  currentIncome,
  currentExpenditure,
  expenditureView,
  incomeGrandTotal,
  expenditureGrandTotal,
  balance,
  fundBalance,
];
