/**
 * 国有资产占用情况表: its figures are quantities (车辆 辆, 设备 台（套）, 房屋 平方米), not money (model/quantities.ts).
 * Its own sums are checked as counts — exactly, in the unit each column counts, never scaled by the table's unit line
 * and never compared with a money table. They are not stated as identities: identities are money in 分 (identity.ts),
 * which the error localizer weighs against the money tables; a count's finding cites its cells for the marks.
 */
import type { Amount, Report, Row, Table } from "../model/schema";
import { QUANTITY_TOTAL, isQuantityTable, quantityClassOf } from "../model/quantities";
import { defineRule, type Outcome } from "./rule";
import { na, rowName, tableName } from "./helpers";
import { printedValue } from "./interval";

type Col = Table["columns"][number];

/** One class of a table that prints its 合计 beside its items: 车辆合计 | 主要领导干部用车 | … | 其他用车. */
interface QuantityClass {
  name: string;
  unit: string;
  total: Col;
  items: Col[];
  /** The items are 其中 items (some kinds picked out, no 其他): together at most the 合计. */
  partial: boolean;
}

const leafOf = (c: Col) => c.label.split("/").pop() ?? c.label;
/** A caption without its unit in brackets: 车辆合计（辆） → 车辆合计. */
const bare = (s: string) => s.replace(/\s/g, "").replace(/[(（][^()（）]*[)）]$/, "");

/** The class a column belongs to (by its caption path) and the unit it counts in. */
const classOf = (c: Col) => quantityClassOf(c.label);

const CLASSES = new WeakMap<Table, QuantityClass[]>();

/**
 * The classes of a table printed as 合计 and items: consecutive columns of one class (QUANTITY_CLASSES), the first
 * whose leaf is a total (QUANTITY_TOTAL) over the others. A class of one column (单价50万元以上通用设备) has no sum.
 */
function classesOf(t: Table): QuantityClass[] {
  let out = CLASSES.get(t);
  if (out) return out;
  out = [];
  let run: Col[] = [];
  let name: string | undefined;
  const close = () => {
    const total = run.find((c) => QUANTITY_TOTAL.test(bare(leafOf(c))));
    const items = run.filter((c) => c !== total);
    if (total && items.length) {
      const leaves = items.map((c) => bare(leafOf(c)));
      out!.push({
        name: name!,
        unit: classOf(total)!.unit,
        total,
        items,
        partial:
          leaves.some((l) => /^其中/.test(l)) && !leaves.some((l) => /^(其中[:：]?)?其他/.test(l)),
      });
    }
    run = [];
  };
  for (const c of t.columns) {
    const k = classOf(c);
    if (!k || k.name !== name) close();
    name = k?.name;
    if (k) run.push(c);
  }
  close();
  CLASSES.set(t, out);
  return out;
}

/** A count as printed: 3, or 1200.50 when the table prints decimals. */
function show(v: number, decimals: number): string {
  return decimals > 0 ? v.toFixed(decimals) : String(v);
}

/**
 * total = Σ parts (or total ≥ Σ parts for 其中 items), exactly; figures printed with decimals (areas) may differ by
 * their rounding (Σ ½·10^−d): a 尾差 then. Blank total and blank parts: nothing stated.
 */
function countOutcome(
  total: Amount,
  parts: Amount[],
  partial: boolean,
  unit: string,
  subject: () => string,
  against: () => string
): Outcome | undefined {
  const stated = parts.filter((p) => !p.blank && p.value !== null);
  if ((total.blank || total.value === null) && !stated.length) return undefined;
  // Counts as printed (an area stored 1200.504 under 0.00 is the 1200.50 the reviewer adds up).
  const t = printedValue(total);
  const s = stated.reduce((a, p) => a + printedValue(p), 0);
  const all = [total, ...stated];
  const decimals = Math.max(...all.map((a) => (a.blank ? 0 : a.decimals)));
  const slack = all.reduce((a, x) => a + (x.blank || !x.decimals ? 0 : 0.5 * 10 ** -x.decimals), 0);
  const diff = Math.round((t - s) * 10 ** decimals) / 10 ** decimals;
  if (diff === 0 || (partial && diff > 0)) return { status: "pass" };
  const within = Math.abs(t - s) <= slack + 1e-9;
  const u = unit ? ` ${unit}` : "";
  const cells = [total.cell, ...parts.map((p) => p.cell)];
  const message =
    total.blank && !partial
      ? `${subject()}为空，但${against()}为 ${show(s, decimals)}${u}`
      : partial
        ? `${subject()} ${show(t, decimals)}${u} 小于其中各项之和 ${show(s, decimals)}${u}`
        : `${subject()} ${show(t, decimals)} ≠ ${against()} ${show(s, decimals)}（差 ${show(diff, decimals)}${u}${within ? `，在四舍五入允许的 ±${show(slack, decimals + 1)}${u} 之内，属尾差` : ""}）`;
  return {
    status: "fail",
    finding: {
      rule: "within.quantity-sums",
      severity: within && !partial ? "rounding" : "error",
      message,
      cells,
      expected: s,
      actual: total.blank ? null : t,
      difference: total.blank ? null : diff,
    },
  };
}

/**
 * The lines right under a line: for the 合计 line (level 0, first or last), every line of the first level below it;
 * for another, the next lines one level deeper, up to the next line at its level or above.
 */
function childrenOf(rows: Row[], i: number): Row[] {
  const level = rows[i].level;
  if (level === 0) {
    const top = Math.min(...rows.filter((r) => r.level > 0).map((r) => r.level));
    return rows.filter((r) => r.level === top);
  }
  const out: Row[] = [];
  for (let j = i + 1; j < rows.length && rows[j].level > level; j++)
    if (rows[j].level === level + 1) out.push(rows[j]);
  return out;
}

const quantitySums = defineRule({
  id: "within.quantity-sums",
  category: "within",
  title: "资产数量：合计 = 各项之和",
  description:
    "国有资产占用情况表印的是数量（车辆“辆”、设备“台（套）”、房屋“平方米”），不是金额。某类列示合计栏与各项栏时（车辆合计 | 主要领导干部用车 | … | 其他用车；房屋：合计 | 办公用房 | 业务用房 | 其他用房），每一行的合计等于各项之和（只列“其中”几项时不超过合计）；列示合计行时，合计行（及各上级行）的每一栏等于其下各单位行之和。数量按印出的数精确核对（印有小数的面积按四舍五入允许尾差），不按表头的金额单位换算，也不与任何金额表比较。",
  severity: "error",
  source: {
    basis: "identity",
    ref: "部门预算公开 国有资产占用情况表表样（合计 = 各类之和；合计行 = 各单位之和）",
  },
  check: (report: Report) => {
    const out: Outcome[] = [];
    const tables = report.tables.filter(isQuantityTable);
    for (const t of tables) {
      // Across: each class's 合计 = its items, on every line.
      for (const k of classesOf(t))
        for (const r of t.rows) {
          const total = r.amounts[k.total.key];
          if (!total) continue;
          const o = countOutcome(
            total,
            k.items.map((c) => r.amounts[c.key]).filter((a): a is Amount => !!a),
            k.partial,
            k.unit,
            () => `${tableName(t)}「${rowName(r)}」行「${leafOf(k.total)}」`,
            () => `${k.items.map(leafOf).join(" + ")} 之和`
          );
          if (o) out.push(o);
        }
      // Down: a 合计 line (or a unit's line over its own lines) = the lines under it, in every column.
      const units = new Map(t.columns.map((c) => [c.key, classOf(c)?.unit ?? ""]));
      t.rows.forEach((p, i) => {
        const kids = childrenOf(t.rows, i);
        if (!kids.length) return;
        const addends = kids.filter((k) => !k.partial);
        const memo = kids.filter((k) => k.partial);
        for (const c of t.columns) {
          const total = p.amounts[c.key];
          if (!total) continue;
          for (const [rows, partial] of [
            [addends, false],
            [memo, true],
          ] as const) {
            if (!rows.length) continue;
            const o = countOutcome(
              total,
              rows.map((k) => k.amounts[c.key]).filter((a): a is Amount => !!a),
              partial,
              units.get(c.key) ?? "",
              () => `${tableName(t)}「${rowName(p)}」行「${leafOf(c)}」`,
              () => (p.level === 0 ? "各行之和" : "下级各行之和")
            );
            if (o) out.push(o);
          }
        }
      });
    }
    if (out.length) return out;
    return [
      na(
        tables.length ? "国有资产占用情况表没有同时列示合计与各项的数量" : "没有国有资产占用情况表"
      ),
    ];
  },
});

export const QUANTITY_RULES = [quantitySums];
