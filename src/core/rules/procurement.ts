/**
 * 项目 — a 政府采购预算表 listing its purchases by project: what a project buys is paid out of that project's money, so
 * a named project's 采购金额 is at most its amount in the 项目支出表. A purchase under no project's name (台式计算机
 * bought from 基本支出, a 品目 list) is not compared: only names that are a project's are.
 */
import type { Amount, Report, Row, Table } from "../model/schema";
import { projectKey } from "../grid/text";
import { defineRule, type Outcome } from "./rule";
import { boundWords, na, notAbove, tableName, term } from "./helpers";
import { checkedProjectLines } from "./projects";

/** The purchase's amount: its 合计 column, else the table's first amount column. */
function purchaseAmount(t: Table, r: Row): Amount | undefined {
  if (r.amounts.total) return r.amounts.total;
  for (const c of t.columns) if (r.amounts[c.key]) return r.amounts[c.key];
  return undefined;
}

export const procurementByProject = defineRule({
  id: "projects.procurement-by-project",
  category: "projects",
  title: "项目的政府采购 ≤ 项目支出",
  description:
    "政府采购预算表按项目列示时，某项目的采购金额不应超过项目支出表中该项目的金额（采购资金出自该项目）。只比较名称与项目支出表中项目相同的行；按品目列示或名称不是项目的行不比较。",
  severity: "error",
  source: {
    basis: "identity",
    ref: "政府采购预算是部门预算的组成部分，项目的采购支出在该项目的预算内安排",
  },
  check: (report: Report) => {
    const tables = report.tables.filter((t) => t.kind === "procurement" && t.rows.length);
    if (!tables.length) return [na("没有政府采购预算表")];
    const byKey = new Map<string, ReturnType<typeof checkedProjectLines>>();
    for (const l of checkedProjectLines(report)) {
      const k = projectKey(l.name);
      byKey.set(k, [...(byKey.get(k) ?? []), l]);
    }
    if (!byKey.size) return [na("没有项目支出表，无从比较")];
    const out: Outcome[] = [];
    for (const t of tables)
      for (const r of t.rows) {
        if (r.key === "total" || r.level === 0) continue;
        const lines = byKey.get(projectKey(r.label.trim()))?.filter((l) => l.row.amounts.total);
        const a = purchaseAmount(t, r);
        if (!lines?.length || !a || a.value === null) continue;
        const lo = [term(t, a)];
        const hi = lines.map((l) => term(l.table, l.row.amounts.total));
        const e = notAbove("projects.procurement-by-project", lo, hi);
        if (!e.exceeds) {
          out.push({ status: "pass", identity: e.identity });
          continue;
        }
        // Tables in different units: both figures with their units, each as printed too (T29-9).
        const w = boundWords(lo, hi, e);
        out.push({
          status: "fail",
          finding: {
            rule: "projects.procurement-by-project",
            severity: "error",
            message: `${tableName(t)}「${r.label.trim()}」的采购金额 ${w.a} 超过${lines.map((l) => tableName(l.table)).join(" + ")}中该项目的金额 ${w.b}${w.unitAfter}`,
            cells: [a.cell, ...lines.map((l) => l.row.amounts.total.cell)],
            expected: e.b,
            actual: e.a,
            difference: Math.round((e.a - e.b) * 100) / 100,
            ...(w.mixed ? { unit: e.unit } : {}),
          },
          identity: e.identity,
        });
      }
    return out.length ? out : [na("政府采购预算表没有按项目列示（没有与项目支出表同名的行）")];
  },
});

export const PROCUREMENT_RULES = [procurementByProject];
