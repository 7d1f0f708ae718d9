/**
 * 符号: amounts that are non-negative by nature. A budget table's 收入 / 支出 figures, the “三公” items and the
 * 机关运行经费 are money arranged, never below zero; a negative one is a typing or sign slip. Columns of changes,
 * ratios and the prior year (增减, 增长率, 上年数) and lines that reduce (调减, 减：…, 冲减, 差额) may be negative and are
 * never judged.
 */
import { isQuantityTable } from "../model/quantities";
import {
  isPrior,
  isRateOrChange,
  type Amount,
  type Report,
  type Row,
  type Table,
} from "../model/schema";
import { defineRule, type Outcome } from "./rule";
import { notAbove, PASS, rowName, tableName, term } from "./helpers";
import { fmt, printedValue } from "./interval";
import { labelKey } from "../grid/text";

/** Captions and line names that say a figure reduces or compares: 调减, 减：, 冲减, 抵减, 核减, 扣除, 差额, 增减, 变动. */
const SIGNED_WORDS = /调减|调整|^减[:：]?|冲减|抵减|核减|扣除|减少|差额|增减|变动|弥补/;
/** 三公 items and 机关运行经费, as row or column keys: a negative one is an error (they are reported amounts of spending). */
const SPENDING_KEYS = new Set([
  "abroad",
  "vehicle",
  "vehicle_purchase",
  "vehicle_operation",
  "reception",
  "three_public",
  "operating_funds",
]);
const SPENDING_TABLES = new Set<Table["kind"]>(["three_public", "operating_funds"]);

/** Per table, whether each column key is signed (asked for every cell: judged once per column, not per row). */
const SIGNED = new WeakMap<Table, Map<string, boolean>>();
/** The table's judgements so far (one lookup per table, not per cell). */
function signedColumns(t: Table): Map<string, boolean> {
  let known = SIGNED.get(t);
  if (!known) SIGNED.set(t, (known = new Map()));
  return known;
}
function signedColumn(t: Table, known: Map<string, boolean>, key: string): boolean {
  let v = known.get(key);
  if (v === undefined) {
    const col = t.columns.find((c) => c.key === key);
    known.set(
      key,
      (v = isRateOrChange(key) || isPrior(key) || (!!col && SIGNED_WORDS.test(labelKey(col.label))))
    );
  }
  return v;
}

/**
 * One outcome per row with amounts: fail when any judged amount is below zero (its identity 0 ≤ amount, for the
 * localizer). A passing row's cells are added to the table's `bounds` (see check) and its outcome is PASS.
 */
function rowOutcome(
  t: Table,
  signed: Map<string, boolean>,
  r: Row,
  bounds: string[]
): Outcome | undefined {
  if (SIGNED_WORDS.test(labelKey(r.label))) return undefined;
  // Passing, each cell (blank ones too) still bounds the localizer: no correction may make it negative — project
  // lists too (a pair of project cells "应为 -20万元" is no help). Cells, not identities: 58b's 2,000 project rows
  // cost a list of strings, where a bound identity per cell cost +50 % check time.
  const start = bounds.length;
  let judged = false;
  let negative: Array<[string, Amount]> | undefined;
  // One pass over the row (most rows pass: no list of entries per row).
  for (const k in r.amounts) {
    const a = r.amounts[k];
    if (a.invalid) continue;
    // The table's judgement of the column, looked up in place (every cell asks; judged on the first).
    const s = signed.get(k);
    if (s === undefined ? signedColumn(t, signed, k) : s) continue;
    judged = true;
    if (a.cell) bounds.push(a.cell);
    // As printed: a stored −0.004 under 0.00 prints 0.00, no negative (the stored sign is asked first: most are not).
    if (a.value !== null && !a.blank && a.value < 0 && printedValue(a) < 0)
      (negative ??= []).push([k, a]);
  }
  if (!judged) return undefined;
  if (!negative) return PASS;
  // A failing row bounds nothing (its cells are the ones to correct).
  bounds.length = start;
  return negativeOutcome(t, r, negative);
}

/**
 * The failing outcome of a row with negative figures. Apart from rowOutcome so that its closures (which read `t`) do
 * not make every passing row's call allocate a context for them.
 */
function negativeOutcome(t: Table, r: Row, negative: Array<[string, Amount]>): Outcome {
  const error =
    SPENDING_TABLES.has(t.kind) ||
    SPENDING_KEYS.has(r.key ?? "") ||
    negative.some(([k]) => SPENDING_KEYS.has(k));
  const [k0] = negative[0];
  // 0 ≤ amount, one identity per negative cell: the localizer's fix for it is the cell itself, never another cell made negative.
  const [e, ...more] = negative.map(
    ([, a]) => notAbove("within.non-negative", [], [term(t, a)]).identity
  );
  const cols = negative
    .map(
      ([k, a]) =>
        `「${(t.columns.find((c) => c.key === k)?.label ?? k).split("/").pop()}」${fmt(printedValue(a))}`
    )
    .join("、");
  return {
    status: "fail",
    finding: {
      rule: "within.non-negative",
      severity: error ? "error" : "warning",
      message: `${tableName(t)}「${rowName(r)}」${cols} 为负数（${t.unit}）：${error ? "“三公”经费、机关运行经费" : "预算收入、支出金额"}不应小于零，疑为录入或符号错误`,
      cells: negative.map(([, a]) => a.cell),
      expected: 0,
      actual: printedValue(r.amounts[k0]),
      difference: printedValue(r.amounts[k0]),
    },
    identity: e,
    also: more.length ? more : undefined,
  };
}

export const nonNegative = defineRule({
  id: "within.non-negative",
  category: "within",
  title: "收支金额不为负数",
  description:
    "预算收入、支出金额（含“三公”经费各项、机关运行经费）不应小于零；“三公”经费、机关运行经费为负数是错误，其他收支金额为负数是警告。增减、增长率、上年数等栏，以及调减、减：、冲减、差额等行不在此列。",
  severity: "warning",
  source: {
    basis: "practice",
    ref: "部门预算收支金额为安排的资金数，不会小于零；“三公”经费、机关运行经费按实际安排数公开",
  },
  check: (report: Report) => {
    const out: Outcome[] = [];
    const tables = report.tables;
    for (let i = 0; i < tables.length; i++) {
      const t = tables[i];
      // Counts are no money (国有资产占用情况表: rules/quantities.ts).
      if ((t.kind === "performance_target" && !t.rows.length) || isQuantityTable(t)) continue;
      const signed = signedColumns(t);
      const rows = t.rows;
      // The passing rows' cells, in order, as one list per table: the table's last passing outcome carries it (the
      // engine gathers every passing outcome's bounds in order, so the result is the same as one list per row, without
      // a list and an outcome object made per row).
      const bounds: string[] = [];
      let last = -1;
      for (let j = 0; j < rows.length; j++) {
        const o = rowOutcome(t, signed, rows[j], bounds);
        if (!o) continue;
        if (o === PASS) last = out.length;
        out.push(o);
      }
      if (last >= 0) out[last] = { status: "pass", bounds };
    }
    return out.length ? out : [{ status: "na", reason: "没有金额" }];
  },
});
