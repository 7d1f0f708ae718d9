/** 完整性: the tables every department publishes (and when a missing one is only noted), and empty tables that say so. */
import { figureWord } from "../model/quantities";
import type { Amount, Report, Table, TableKind } from "../model/schema";
import { KIND_NAMES } from "../model/names";
import { defineRule, type Outcome } from "./rule";
import { firstOf, hasValue, rowName, tableName } from "./helpers";
import { fmt, printedValue, printsZero, UNIT_FACTOR } from "./interval";
import { norm } from "../grid/text";
import { quoteSheet } from "../grid/address";

/**
 * The tables of a 部门预算公开 and the rule that requires each. A fund table (政府性基金, 国有资本经营) may be left
 * out of a province's set when the department has no such money: then its absence is only noted (提示).
 */
export const REQUIRED_TABLES: ReadonlyArray<{
  kind: TableKind;
  requiredBy: string;
  fund?: "gov_fund" | "state_capital";
}> = [
  { kind: "income_expenditure_summary", requiredBy: "财预〔2016〕143号《地方预决算公开操作规程》" },
  { kind: "income_summary", requiredBy: "财预〔2016〕143号《地方预决算公开操作规程》" },
  { kind: "expenditure_summary", requiredBy: "财预〔2016〕143号《地方预决算公开操作规程》" },
  {
    kind: "fiscal_appropriation_summary",
    requiredBy: "财预〔2016〕143号《地方预决算公开操作规程》",
  },
  { kind: "general_budget_expenditure", requiredBy: "财预〔2016〕143号《地方预决算公开操作规程》" },
  {
    kind: "basic_expenditure_economic",
    requiredBy: "财预〔2016〕143号《地方预决算公开操作规程》（一般公共预算基本支出表）",
  },
  {
    kind: "three_public",
    requiredBy: "财预〔2016〕143号《地方预决算公开操作规程》（一般公共预算“三公”经费支出表）",
  },
  {
    kind: "gov_fund_expenditure",
    requiredBy: "财预〔2016〕143号《地方预决算公开操作规程》（没有数据也应公开空表并说明）",
    fund: "gov_fund",
  },
  {
    kind: "state_capital",
    requiredBy: "财政部部门预算公开表样（国有资本经营预算支出表，后于 143 号文增列，各地表套不一）",
    fund: "state_capital",
  },
];
export const REQUIRED_KINDS: ReadonlyArray<TableKind> = REQUIRED_TABLES.map((r) => r.kind);

const FUND_NAMES = { gov_fund: "政府性基金预算", state_capital: "国有资本经营预算" } as const;
const NONE_SAID = {
  gov_fund: /(没有|无|未安排|不涉及)[^，。；]{0,12}政府性基金/,
  state_capital: /(没有|无|未安排|不涉及)[^，。；]{0,12}国有资本经营/,
} as const;

/** What the other tables say of a fund: money (the first figure found), none, or nothing to tell. */
function fundMoney(
  report: Report,
  fund: "gov_fund" | "state_capital"
): { money?: [Table, Amount]; known: boolean; said: boolean } {
  const figures: Array<[Table, Amount | undefined]> = [];
  for (const t of report.tables) {
    if (t.kind === "income_expenditure_summary" || t.kind === "fiscal_appropriation_summary") {
      figures.push(
        ...t.rows
          .filter((r) => r.key === `src_${fund}`)
          .map((r): [Table, Amount] => [t, r.amounts.total])
      );
      const cur = t.rows.find(
        (r) => r.key === "current_expenditure_total" && r.side === "expenditure"
      );
      figures.push([t, cur?.amounts[fund]]);
    }
    if (t.kind === "income_summary" || t.kind === "project_expenditure")
      figures.push(
        ...t.rows
          .filter((r) => r.level === 0)
          .map((r): [Table, Amount | undefined] => [t, r.amounts[fund]])
      );
  }
  const present = figures.filter((f): f is [Table, Amount] => !!f[1]);
  const said = report.tables.some((t) => t.notes.some((n) => NONE_SAID[fund].test(n)));
  return { money: present.find(([, a]) => hasValue(a)), known: present.length > 0, said };
}

/** Whether the report prints a table of the kind (a 政府性基金收支合并表 counts as the 支出表). */
const prints = (report: Report, k: TableKind) =>
  report.tables.some(
    (t) =>
      t.kind === k ||
      (k === "gov_fund_expenditure" && t.kind === "gov_fund_income" && /支出/.test(t.title))
  );

export const requiredTables = defineRule({
  id: "completeness.required-tables",
  category: "completeness",
  title: "必须公开的表齐全",
  description:
    "收支总表、收入总表、支出总表、财政拨款收支总表、一般公共预算支出表、一般公共预算基本支出表、“三公”经费支出表缺一即错误（有该表标题而表头无法读取时，指出标题所在单元格和未能读取的原因，而不说“缺少”）；政府性基金预算支出表、国有资本经营预算支出表缺失时，其他表显示部门有该项资金为错误，显示没有（或表注说明没有）只作提示（应公开空表并说明），无从判断为警告。工作簿按单位分套公开时只按部门的一套判断；单位印了自己的整套表（至少印了部门表套中四分之三、且不少于 5 种表）却缺部门表套中有的表时为警告（缺的只是本单位其他表显示没有该项资金的基金表时为提示），只印几张表的单位不判断。",
  severity: "error",
  source: {
    basis: "national",
    ref: "财预〔2016〕143号《地方预决算公开操作规程》列出部门预算公开的收支总表、收入总表、支出总表、财政拨款收支总表、一般公共预算支出表、一般公共预算基本支出表、“三公”经费支出表、政府性基金预算支出表；国有资本经营预算支出表为此后公开表样增列（各地表套不一）",
  },
  check: (report) => {
    const fin = report.tables.filter((t) => t.kind !== "performance_target");
    if (fin.length === 0) return [{ status: "na", reason: "工作簿中没有识别到任何预算表" }];
    return REQUIRED_TABLES.map(({ kind: k, requiredBy, fund }): Outcome => {
      if (prints(report, k)) return { status: "pass" };
      const fail = (
        severity: "error" | "warning" | "info",
        message: string,
        cells: string[] = []
      ): Outcome => ({
        status: "fail",
        finding: {
          rule: "completeness.required-tables",
          severity,
          message,
          cells,
          expected: null,
          actual: null,
          difference: null,
        },
      });
      // Printed but not readable (a header overwritten or moved): not "missing" — say where, and why it was not read.
      const unread = report.unrecognized.find((u) => u.kind === k && u.cell);
      if (unread)
        return fail(
          fund ? "warning" : "error",
          `${KIND_NAMES[k]}未能读取，未参与审核：工作表“${unread.sheet}”的 ${unread.range}（标题“${unread.text}”在 ${unread.cell}）${unread.reason.replace(/^“[^”]*”下/, "")}，请检查表头是否被覆盖、删除或移动`,
          [unread.cell!]
        );
      if (!fund)
        return fail(
          "error",
          `缺少必须公开的${KIND_NAMES[k]}（${requiredBy}；没有数据也应公开空表并注明）`
        );
      const m = fundMoney(report, fund);
      if (m.money)
        return fail(
          "error",
          `未公开${KIND_NAMES[k]}，但${tableName(m.money[0])}显示有${FUND_NAMES[fund]}资金 ${m.money[1].text.trim()}（${requiredBy}）`,
          [m.money[1].cell]
        );
      if (m.known || m.said)
        return fail(
          "info",
          `未公开${KIND_NAMES[k]}；${m.said ? "表注说明" : "其他表显示"}部门没有${FUND_NAMES[fund]}资金，按要求仍宜公开空表并说明（${requiredBy}）`
        );
      return fail(
        "warning",
        `未公开${KIND_NAMES[k]}，其他表也无从判断部门有无${FUND_NAMES[fund]}资金（${requiredBy}）`
      );
    });
  },
});

/**
 * Tables no set is judged by: 绩效目标 forms (one per project, a 单位 may have none), tables of no known kind, and the
 * 部门's tables by 单位 (a 单位 prints its own line only in its other tables).
 */
const UNCOUNTED: ReadonlySet<TableKind> = new Set<TableKind>([
  "performance_target",
  "other",
  "basic_expenditure_unit",
]);

/**
 * What makes a 单位's set its full 单位预算 rather than a part (its 收支总表 and 支出总表, or a few tables, printed
 * beside the 部门's: tester32 T32-1): it prints at least this share of the kinds of table the 部门's set prints …
 */
export const FULL_SET_SHARE = 3 / 4;
/** … and at least this many kinds (a 部门 printing only a few tables makes no part of them a full set). */
export const FULL_SET_MIN_KINDS = 5;

/**
 * A 单位's set (model/sets.ts) against its 部门's: a set printing the 部门's tables but one or two (FULL_SET_SHARE,
 * FULL_SET_MIN_KINDS) is the 单位's full 单位预算 and a table it lacks was most likely left out — a 警告 naming them
 * (tester33 T33-19: 101002 printed 10 of the 部门's 11 tables, its 三公 table missing, and nothing was said); only a
 * 提示 when the missing tables are fund tables the 单位's own tables show it has no money of. A part-set is not judged.
 */
export function unitSetGaps(department: Report, unit: Report): Outcome[] {
  const kindsOf = (r: Report) =>
    REQUIRED_KINDS.concat(r.tables.map((t) => t.kind)).filter(
      (k, i, all) => all.indexOf(k) === i && !UNCOUNTED.has(k) && prints(r, k)
    );
  const own = kindsOf(department);
  const printed = own.filter((k) => prints(unit, k));
  const missing = own.filter((k) => !printed.includes(k));
  if (printed.length < FULL_SET_MIN_KINDS || printed.length < own.length * FULL_SET_SHARE)
    return [];
  if (!missing.length) return [{ status: "pass" }];
  const counted = unit.tables.filter((t) => !UNCOUNTED.has(t.kind));
  const n = counted.length + (unit.tables.some((t) => t.kind === "performance_target") ? 1 : 0);
  // A fund table the 单位's own tables show it has no money of: only noted, as for the 部门.
  const noMoney = (k: TableKind) => {
    const fund = REQUIRED_TABLES.find((x) => x.kind === k)?.fund;
    if (!fund) return false;
    const m = fundMoney(unit, fund);
    return !m.money && (m.known || m.said);
  };
  const quiet = missing.every(noMoney);
  const names = missing.map((k) => KIND_NAMES[k]).join("、");
  const at = (t: Table) => `${quoteSheet(t.sheet)}!${t.range.split(":")[0]}`;
  return [
    {
      status: "fail",
      finding: {
        rule: "completeness.required-tables",
        severity: quiet ? "info" : "warning",
        message: quiet
          ? `公开了 ${n} 张表，缺${names}（部门表套中有）；其他表显示本单位没有该项资金，按要求仍宜公开空表并说明`
          : `公开了 ${n} 张表，缺${names}（部门表套中有）：本单位的表套已公开部门表套中的其他表，疑漏了${missing.length > 1 ? "这几张表" : "这张表"}；没有数据也应公开空表并注明`,
        cells: [
          ...(counted[0] ? [at(counted[0])] : []),
          ...missing.flatMap((k) => {
            const t = department.tables.find((x) => x.kind === k);
            return t ? [at(t)] : [];
          }),
        ],
        expected: null,
        actual: null,
        difference: null,
      },
    },
  ];
}

/** Zeros printed in the table (0.00 on its 合计 line, or in every cell): a statement that there is no money, as 无 is. */
const printsZeros = (t: Table) =>
  t.rows.some((r) =>
    Object.values(r.amounts).some((a) => a.value !== null && !a.blank && printsZero(a))
  );

export const emptyMarked = defineRule({
  id: "completeness.empty-table",
  category: "completeness",
  title: "空表注明一致",
  description:
    "注明“本表无数据”的表不应有金额；没有任何金额的表应注明为空表（印着 0.00 的表已说明没有金额，不再提示）。",
  severity: "error",
  source: { basis: "national", ref: "财预〔2016〕143号：没有数据的表格也应列示空表并说明" },
  check: (report) => {
    const out: Outcome[] = [];
    for (const t of report.tables.filter((x) => x.kind !== "performance_target")) {
      // The figures are gathered only for a table that says it has none (the rest are told apart by t.empty).
      const amounts = t.markedEmpty
        ? t.rows.flatMap((r) => Object.values(r.amounts)).filter(hasValue)
        : [];
      if (amounts.length) {
        out.push({
          status: "fail",
          finding: {
            rule: "completeness.empty-table",
            severity: "error",
            message: `${tableName(t)}注明“本表无数据”，但表中有 ${amounts.length} 个${figureWord(t)}`,
            cells: amounts.slice(0, 20).map((a) => a.cell),
            expected: null,
            actual: null,
            difference: null,
          },
        });
      } else if (!t.markedEmpty && t.empty && t.rows.length > 0 && !printsZeros(t)) {
        out.push({
          status: "fail",
          finding: {
            rule: "completeness.empty-table",
            severity: "info",
            message: `${tableName(t)}没有任何${figureWord(t)}，但未注明“本表无数据”`,
            cells: [t.rows[0].labelCell],
            expected: null,
            actual: null,
            difference: null,
          },
        });
      } else out.push({ status: "pass" });
    }
    return out.length ? out : [{ status: "na", reason: "没有识别到预算表" }];
  },
});

/**
 * What makes two tables' titles the same table: the title without its years (上年 copy: 2024年 → 2025年), spaces and
 * the marks a copied sheet's name or title gets ((2), 副本, 复制).
 */
const sameTableKey = (t: Table) =>
  `${t.kind}|${norm(t.title)
    .replace(/(19|20)\d{2}年?(度)?/g, "")
    .replace(/[(（]\d+[)）]|副本|复制/g, "")}`;

/**
 * The figures two copies of one table print differently: lines matched by side and code (else name), columns by key,
 * compared as printed in 元. Each: the line's name, both figures as printed, the two cells (the used copy's first).
 */
function differences(
  a: Table,
  b: Table
): Array<{ line: string; a: string; b: string; cells: [string, string] }> {
  const keyOf = (r: Table["rows"][number]) => `${r.side ?? ""}|${r.code ?? norm(r.label)}`;
  const rowsB = new Map(b.rows.map((r) => [keyOf(r), r]));
  const out: Array<{ line: string; a: string; b: string; cells: [string, string] }> = [];
  const shown = (x: Amount) => (x.blank ? "空" : fmt(printedValue(x), x.decimals));
  for (const r of a.rows) {
    const rb = rowsB.get(keyOf(r));
    if (!rb) continue;
    for (const k in r.amounts) {
      const x = r.amounts[k];
      const y = rb.amounts[k];
      if (!y || (x.blank && y.blank)) continue;
      const vx = printedValue(x) * UNIT_FACTOR[a.unit];
      const vy = printedValue(y) * UNIT_FACTOR[b.unit];
      if (Math.abs(vx - vy) > 1e-6)
        out.push({ line: rowName(r), a: shown(x), b: shown(y), cells: [x.cell, y.cell] });
    }
  }
  return out;
}

export const duplicateTables = defineRule({
  id: "completeness.duplicate-tables",
  category: "completeness",
  title: "同一张表不重复公开",
  description:
    "同一套表中有两张标题相同（或只是年度不同）的同类表——常见于复制工作表后留下的副本（“9.三公经费支出表 (2)”）或沿用的上年旧表——时提示：跨表核对和预算汇总只用其中一张（可见工作表上有数字的第一张），另一张只做表内核对，公开时读者也不知以哪张为准；两张的金额有不同时指出不同之处，副本在可见工作表上时为警告（在隐藏工作表上的草稿由“隐藏的工作表”规则警告）。按单位分套公开的，每套分别判断。",
  severity: "info",
  source: {
    basis: "practice",
    ref: "部门预算公开表样每张表只列一次；多余的副本或上年旧表应在公开前删除",
  },
  check: (report) => {
    const groups = new Map<string, Table[]>();
    for (const t of report.tables) {
      if (t.kind === "performance_target") continue;
      const k = sameTableKey(t);
      groups.set(k, [...(groups.get(k) ?? []), t]);
    }
    const twice = [...groups.values()].filter((g) => g.length > 1);
    if (!twice.length) return [{ status: "na", reason: "没有重复的表", nothingToCheck: true }];
    return twice.map((g): Outcome => {
      // The one the cross-table rules use (firstOf: a visible one before a hidden one — tester31 T31-30).
      const picked = firstOf(report, g[0].kind);
      const used = picked && g.includes(picked) ? picked : g[0];
      const others = g.filter((t) => t !== used);
      const differ = others.flatMap((t) => differences(used, t));
      // A differing copy on a hidden sheet is a draft input.hidden-sheets already warns of: said here, not warned twice.
      const shown = others.some((t) => !report.hiddenSheets.includes(t.sheet));
      const years = new Set(g.map((t) => t.year)).size > 1;
      const first = differ[0];
      const said = first
        ? `；两张表有 ${differ.length} 个金额不同（如「${first.line}」${first.a} / ${first.b}），公开前须确认以哪张为准`
        : "，数字相同";
      return {
        status: "fail",
        finding: {
          rule: "completeness.duplicate-tables",
          // Two versions with different figures: a reader cannot tell which is published (tester31 T31-23).
          severity: differ.length && shown ? "warning" : "info",
          message: `工作簿中有 ${g.length} 张${KIND_NAMES[g[0].kind]}（${g.map((t) => `工作表“${t.sheet}”`).join("、")}），标题相同${years ? `、年度不同（${g.map((t) => (t.year ? `${t.year} 年` : "未印年度")).join("、")}）` : ""}${said}：跨表核对和预算汇总只用工作表“${used.sheet}”的一张，其余只做表内核对；如是多余的副本或上年的旧表，请在公开前删除`,
          cells: [
            ...g.map((t) => `${quoteSheet(t.sheet)}!${t.range.split(":")[0]}`),
            ...differ.slice(0, 20).flatMap((d) => d.cells),
          ],
          expected: null,
          actual: null,
          difference: null,
        },
      };
    });
  },
});

export const COMPLETENESS_RULES = [requiredTables, emptyMarked, duplicateTables];
