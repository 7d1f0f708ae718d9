/**
 * 明细表: the same money broken down another way — 一般公共预算 by economic class, 基本支出 by function or by unit ×
 * class, 项目支出 by economic class, the 部门整体绩效目标表's tasks, a project performance list — equals the figure it
 * breaks down. Each comparison goes through `sumOutcome`, so its identity feeds the localizer and the marks.
 */
import { ECONOMIC_CLASS_COLUMNS, type Amount, type Row, type Table } from "../model/schema";
import { defineRule, type Outcome } from "./rule";
import {
  basicClassLines,
  basicOf,
  basicTotal,
  byCode,
  columnName,
  defined,
  firstOf,
  hasValue,
  na,
  rowByKey,
  rowName,
  sumOutcome,
  tableName,
  term,
  totalRow,
} from "./helpers";
import { labelKey, projectKey } from "../grid/text";
import { economicName } from "../classification/economic";
import { checkedProjectLines } from "./projects";
import {
  fundRelation,
  scopedCmp,
  scopedOutcome,
  scopeRelation,
  tableScope,
  type CmpArgs,
} from "./scope";

const has = (t: Table, key: string) => t.columns.some((c) => c.key === key);
/** Columns that split 基本支出: 人员经费 / 公用经费, or its economic classes. */
const SPLIT_KEYS: ReadonlyArray<string> = ["personnel", "public", ...ECONOMIC_CLASS_COLUMNS];

/** figure = Σ parts (other tables), or undefined when a figure is missing: scopedCmp for the same money. */
const cmp = (rule: string, ...args: CmpArgs) =>
  args[3].some(([, x]) => !x) ? undefined : scopedCmp(rule, "=", ...args);

/** A column captioned by a 功能科目 code (201一般公共服务支出, 2010801 行政运行): [amount key, code], in order. */
function functionalColumns(t: Table): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const c of t.columns) {
    const m = c.key === "total" ? null : /^\s*(2\d{2}(?:\d{2}){0,2})(?!\d)\s*\S/.exec(c.label);
    if (m && !c.side) out.push([c.key, m[1]]);
  }
  return out;
}

export const breakdownTotals = defineRule({
  id: "cross.breakdown-totals",
  category: "cross",
  title: "分经济分类 / 分功能 / 分单位的明细表 ↔ 一般公共预算支出表",
  description:
    "一般公共预算支出经济分类表各列合计等于一般公共预算支出表同列合计；基本支出功能分类表每个科目等于一般公共预算支出表该科目的基本支出，两表都分列的人员经费、公用经费（或各经济分类栏）也逐个科目相等；项目支出经济分类表合计等于一般公共预算支出表（或支出总表）的项目支出；按单位列示的基本支出表合计及各经济分类大类之和等于基本支出经济分类表（分人员经费、公用经费两块并列或两张表列示时，合计为两部分合计之和，各大类取所在部分的行，两部分都列的相加）；按经济分类行 × 功能科目列列示的基本支出表，每个功能科目列的合计等于一般公共预算支出表该科目的基本支出（口径较宽或较窄时不超过 / 不少于）。",
  severity: "error",
  source: { basis: "identity", ref: "部门预算公开表样：同一笔资金按不同口径分列时各表合计相等" },
  check: (report) => {
    const out: Array<Outcome | undefined> = [];
    const id = "cross.breakdown-totals";
    const t5 = firstOf(report, "general_budget_expenditure");
    const tot5 = t5 && totalRow(t5);
    for (const t of report.tables.filter((x) => x.kind === "general_budget_economic" && !x.empty)) {
      const tot = totalRow(t);
      if (!t5 || !tot5 || !tot) continue;
      // A 财政拨款支出表（经济分类） covers 政府性基金 money too: ≥ the 一般公共预算支出表 when the department has some.
      const rel = tableScope(t) === tableScope(t5) ? "=" : scopeRelation(report, t, t5);
      if (!rel) continue;
      for (const k of ["total", "basic", "personnel", "public", "project"].filter(
        (k) => has(t, k) && has(t5, k)
      )) {
        const [a, b] = [tot.amounts[k], tot5.amounts[k]];
        if (!a || !b) continue;
        out.push(
          scopedOutcome(
            id,
            rel,
            term(t, a),
            [term(t5, b)],
            `${tableName(t)}「合计」${columnName(t, k)}`,
            `${tableName(t5)}「合计」${columnName(t5, k)}`
          )
        );
      }
    }
    for (const t of report.tables.filter(
      (x) => x.kind === "basic_expenditure_functional" && !x.empty
    )) {
      const tot = totalRow(t);
      if (!t5 || !tot5 || !tot) continue;
      const b = basicOf(t5, tot5);
      if (b)
        out.push(cmp(id, t, tot.amounts.total, "「合计」", b, `${tableName(t5)}「合计」基本支出`));
      const c5 = byCode(t5);
      // The 基本支出's split (人员经费 / 公用经费, economic-class columns) that both tables print, code by code too: a
      // split printed the other way round keeps every 基本支出 and 合计.
      const splits = [...SPLIT_KEYS].filter((k) => has(t, k) && has(t5, k));
      for (const [code, r] of byCode(t)) {
        const r5 = c5.get(code);
        const parts = r5 && basicOf(t5, r5);
        if (parts)
          out.push(
            cmp(
              id,
              t,
              r.amounts.total,
              `「${rowName(r)}」`,
              parts,
              `${tableName(t5)}「${rowName(r5!)}」基本支出`
            )
          );
        if (r5)
          for (const k of splits)
            if (hasValue(r.amounts[k]) || hasValue(r5.amounts[k]))
              out.push(
                cmp(
                  id,
                  t,
                  r.amounts[k],
                  `「${rowName(r)}」${columnName(t, k)}`,
                  [[t5, r5.amounts[k]]],
                  `${tableName(t5)}「${rowName(r5)}」${columnName(t5, k)}`
                )
              );
      }
    }
    // A 基本支出表 by 经济分类 rows × 功能科目 columns (newcomer12's NC12-18: 合计 | 201 一般公共服务支出 | 205 … or 项
    // columns 2010801 行政运行 | …): each 功能 column's 合计 is the 一般公共预算支出表's 基本支出 of that 科目 (≤ / ≥ when
    // the two tables' fund scopes differ here: scope.ts fundRelation).
    for (const t of report.tables.filter(
      (x) => x.kind === "basic_expenditure_economic" && !x.empty
    )) {
      const tot = totalRow(t);
      const cols = functionalColumns(t);
      if (!t5 || !tot5 || !tot || !cols.length) continue;
      const rel = fundRelation(report, t, t5);
      if (!rel) continue;
      const c5 = byCode(t5);
      for (const [key, code] of cols) {
        const a = tot.amounts[key];
        const r5 = c5.get(code);
        const parts = r5 && basicOf(t5, r5)?.filter((p): p is [Table, Amount] => !!p[1]);
        if (!a || !r5 || !parts?.length || (!hasValue(a) && !parts.some(([, x]) => hasValue(x))))
          continue;
        out.push(
          scopedOutcome(
            id,
            rel,
            term(t, a),
            parts.map(([x, y]) => term(x, y)),
            `${tableName(t)}「合计」${columnName(t, key)}`,
            `${tableName(t5)}「${rowName(r5)}」基本支出`
          )
        );
      }
    }
    for (const t of report.tables.filter(
      (x) => x.kind === "project_expenditure_economic" && !x.empty
    )) {
      const tot = totalRow(t);
      if (!tot) continue;
      // A 一般公共预算 (财政拨款) table against the 一般公共预算支出表; an all-funds one against the 支出总表.
      const fiscal = /一般公共预算|财政拨款/.test(t.title);
      const src = fiscal ? t5 : firstOf(report, "expenditure_summary");
      const srcTot = src && totalRow(src);
      if (src && srcTot)
        out.push(
          cmp(
            id,
            t,
            tot.amounts.total,
            "「合计」",
            [[src, srcTot.amounts.project]],
            `${tableName(src)}「合计」项目支出`
          )
        );
    }
    // The whole 基本支出 as the 基本支出经济分类表(s) print it: its 合计, else 人员经费合计 + 公用经费合计 (two blocks side
    // by side, or two part tables — never one part alone); its class lines, a class in both parts summed.
    const base = basicTotal(report);
    const classes = new Map<string, Array<{ table: Table; row: Row }>>();
    if (base)
      for (const line of basicClassLines(report)) {
        const r6 = line.row;
        const name = labelKey(r6.code && economicName(r6.code) ? economicName(r6.code)! : r6.label);
        classes.set(name, [...(classes.get(name) ?? []), line]);
      }
    for (const t of report.tables.filter((x) => x.kind === "basic_expenditure_unit" && !x.empty)) {
      const tot = totalRow(t);
      if (!base || !tot) continue;
      // The 经济分类表 is 一般公共预算: compare its own column when the unit table prints one.
      const k = has(t, "general") ? "general" : "total";
      out.push(cmp(id, t, tot.amounts[k], `「合计」${columnName(t, k)}`, base.figures, base.words));
      // Σ over the units of each 经济分类大类 = that class in the 经济分类表 (in both parts: the first = Σ less the other).
      for (const [name, lines] of classes) {
        const mine = t.rows.filter(
          (r) => r.level > 1 && labelKey(r.label) === name && r.amounts[k]
        );
        if (!mine.length || lines.some((x) => !x.row.amounts.total)) continue;
        const [first, ...others] = lines;
        out.push(
          sumOutcome({
            rule: id,
            severity: "error",
            total: term(first.table, first.row.amounts.total),
            parts: [
              ...mine.map((r) => term(t, r.amounts[k])),
              ...others.map((x) => term(x.table, x.row.amounts.total, -1)),
            ],
            subject: `${tableName(first.table)}「${rowName(first.row)}」`,
            against: () =>
              `${tableName(t)}各单位「${name}」之和` +
              others.map((x) => ` − ${tableName(x.table)}「${rowName(x.row)}」`).join(""),
          })
        );
      }
    }
    const res = out.filter(defined);
    return res.length ? res : [na("没有分口径列示的明细表")];
  },
});

/**
 * The year's spending of a 收支总表 / 财政拨款收支总表 (万元 or 元, the table's unit): its 本年支出合计 line, else — a
 * table printing 支出总计 but no 本年支出合计 (北京's and the 财政部 template's 财政拨款收支总表) — its 支出总计 when it
 * shows no 结转下年 amount (then 支出总计 = 本年支出合计). Undefined when neither can be read.
 */
function yearSpending(t: Table): { amounts: Row["amounts"]; words: string } | undefined {
  const cur = rowByKey(t, "current_expenditure_total", "expenditure");
  if (cur) return { amounts: cur.amounts, words: "本年支出合计" };
  const grand = rowByKey(t, "expenditure_grand_total", "expenditure");
  const out = rowByKey(t, "carryover_out", "expenditure");
  if (!grand || (out && Object.values(out.amounts).some(hasValue))) return undefined;
  return { amounts: grand.amounts, words: "支出总计" };
}

export const departmentPerformance = defineRule({
  id: "cross.department-performance",
  category: "cross",
  title: "部门整体绩效目标表预算金额 ↔ 收支总表 / 财政拨款收支总表",
  description:
    "部门整体绩效目标表的金额合计等于收支总表本年支出合计，其中财政拨款（或一般公共预算 + 政府性基金）等于财政拨款收支总表本年支出合计，基本支出、项目支出等于支出总表合计行（元与万元按较粗精度比较）；表中没有本年支出合计行、也没有结转下年金额时，以支出总计比较。",
  severity: "error",
  source: {
    basis: "practice",
    ref: "部门整体支出绩效目标覆盖部门全部预算资金，与部门预算总表一致",
  },
  check: (report) => {
    const out: Array<Outcome | undefined> = [];
    const id = "cross.department-performance";
    for (const t of report.tables.filter((x) => x.kind === "department_performance" && !x.empty)) {
      const tot = totalRow(t);
      if (!tot) continue;
      const t1 = firstOf(report, "income_expenditure_summary");
      const cur1 = t1 && yearSpending(t1);
      if (t1 && cur1)
        out.push(
          cmp(
            id,
            t,
            tot.amounts.total,
            "「金额合计」",
            [[t1, cur1.amounts.total]],
            `${tableName(t1)}「${cur1.words}」`
          )
        );
      const t4 = firstOf(report, "fiscal_appropriation_summary");
      const cur4 = t4 && yearSpending(t4);
      const fiscal = tot.amounts.fiscal;
      if (t4 && cur4 && fiscal)
        out.push(
          cmp(
            id,
            t,
            fiscal,
            "「金额合计」财政拨款",
            [[t4, cur4.amounts.total]],
            `${tableName(t4)}「${cur4.words}」`
          )
        );
      // 财政部's 申报表 prints 财政拨款 as its sources (一般公共预算 | 政府性基金): their sum is the 财政拨款 (when the
      // 财政拨款收支总表 has no 国有资本经营预算 money, which the form has no column for).
      const general = tot.amounts.general;
      const state = t4?.rows.some((x) => hasValue(x.amounts.state_capital));
      if (t4 && cur4 && !tot.amounts.fiscal && general && !state)
        out.push(
          cmp(
            id,
            t4,
            cur4.amounts.total,
            `「${cur4.words}」`,
            [
              [t, general],
              ...(tot.amounts.gov_fund ? [[t, tot.amounts.gov_fund] as const] : []),
            ] as Array<[Table, Amount]>,
            `${tableName(t)}一般公共预算 + 政府性基金`
          )
        );
      // 基本支出 | 项目支出 (申报表: 按支出性质分) = the 支出总表's 合计行.
      const t3 = firstOf(report, "expenditure_summary");
      const tot3 = t3 && totalRow(t3);
      if (t3 && tot3)
        for (const [key, word] of [
          ["basic", "基本支出"],
          ["project", "项目支出"],
        ] as const)
          if (tot.amounts[key] && tot3.amounts[key])
            out.push(
              cmp(
                id,
                t,
                tot.amounts[key],
                `「金额合计」${word}`,
                [[t3, tot3.amounts[key]]],
                `${tableName(t3)}合计行「${word}」`
              )
            );
    }
    const res = out.filter(defined);
    if (res.length) return res;
    return [
      na(
        report.tables.some((x) => x.kind === "department_performance" && !x.empty)
          ? "部门整体绩效目标表没有可比较的金额合计（或收支总表、财政拨款收支总表没有本年支出合计）"
          : "没有部门整体绩效目标表"
      ),
    ];
  },
});

export const performanceList = defineRule({
  id: "projects.performance-list",
  category: "projects",
  title: "项目绩效目标一览表金额 ↔ 项目支出表",
  description:
    "以列表列示的项目绩效目标（项目、金额、绩效目标），每个项目的金额等于项目支出表中同名项目的金额（同名项目分列几行时为其和）。",
  severity: "error",
  source: { basis: "practice", ref: "项目绩效目标随部门预算公开，所列金额即该项目的预算数" },
  check: (report) => {
    const lists = report.tables.filter((t) => t.kind === "performance_list" && !t.empty);
    if (!lists.length) return [na("没有项目绩效目标一览表")];
    const byName = new Map<string, ReturnType<typeof checkedProjectLines>>();
    for (const l of checkedProjectLines(report)) {
      const k = projectKey(l.name);
      const same = byName.get(k);
      if (same) same.push(l);
      else byName.set(k, [l]);
    }
    const out: Outcome[] = [];
    for (const t of lists) {
      const rows = t.rows.filter((x) => x.level > 0 && x.amounts.total);
      const listed = new Map<string, number>();
      for (const r of rows)
        listed.set(projectKey(r.label), (listed.get(projectKey(r.label)) ?? 0) + 1);
      for (const r of rows) {
        const k = projectKey(r.label);
        const lines = byName.get(k)?.filter((l) => l.row.amounts.total);
        // A project printed on several 项目支出表 lines (one per 功能科目, or 本年 and 上年结转) is listed once at their
        // sum, as the per-project form is (projects.annual-amount); a name the list repeats as well (one project per
        // 单位 under the same name) cannot be paired line by line and is left.
        if (!lines?.length || (lines.length > 1 && listed.get(k) !== 1)) continue;
        out.push(
          sumOutcome({
            rule: "projects.performance-list",
            severity: "error",
            total: term(t, r.amounts.total),
            parts: lines.map((l) => term(l.table, l.row.amounts.total)),
            subject: `${tableName(t)}「${rowName(r)}」`,
            against: `${tableName(lines[0].table)}同名项目${lines.length > 1 ? `（${lines.length} 行之和）` : ""}`,
          })
        );
      }
    }
    return out.length ? out : [na("一览表中的项目在项目支出表中找不到同名项目")];
  },
});

export const BREAKDOWN_RULES = [breakdownTotals, departmentPerformance];
export const PERFORMANCE_LIST_RULES = [performanceList];
