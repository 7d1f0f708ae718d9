/**
 * A 单位's sub-set against the 部门's lines of that 单位: a workbook printing the 部门's set, whose 收入总表 / 支出总表
 * print one line per 单位 (某县第二中学 | 651.00 | …), then each 单位's own 收支总表 and 支出总表 (tester32 T32-3). The
 * same money twice: the 单位's 收入 (each source, 本年收入合计) against its line of the 部门's 收入总表, its 支出总表's
 * 合计 line (合计, 基本支出, 项目支出) against its line of the 部门's 支出总表 by 单位 — in each table's unit (元 ↔ 万元).
 * Besides the finding, these are votes for the localizer (a 单位 table that disagrees with its own sub-set and with the
 * 部门's line is the one to blame) and the anchors that tell which of a 单位's two tables prints the wrong unit
 * (units.ts: a 1-to-1 tie, T32-2).
 */
import { norm } from "../grid/text";
import { tableSets, type TableSet } from "../model/sets";
import {
  INCOME_SOURCE_COLUMNS,
  type Amount,
  type Report,
  type Row,
  type Table,
} from "../model/schema";
import {
  columnName,
  hasValue,
  na,
  rowByKey,
  rowName,
  sumOutcome,
  tableName,
  term,
  totalRow,
} from "./helpers";
import { defineRule, type Outcome } from "./rule";

/** One figure of a 单位's table and the 部门's figure of that 单位 for the same money. */
export interface UnitLink {
  unit: Table;
  a: Amount;
  /** The 单位 figure's words after its table's name: 「本年收入合计」, 合计行「基本支出」. */
  what: string;
  dept: Table;
  b: Amount;
  /** The 部门 figure's words after its table's name: 「某县第二中学」行「合计」. */
  deptWhat: string;
}

/** The names a 单位's set goes by: the set's name and the 单位 its tables print. */
function namesOf(set: TableSet): Set<string> {
  const out = new Set<string>([norm(set.name)]);
  for (const t of set.tables) {
    if (t.department) out.add(norm(t.department));
    if (t.departmentText) out.add(norm(t.departmentText));
  }
  out.delete("");
  return out;
}

/** The 部门 table's line of the 单位 (a line without a code whose name is the 单位's), when it prints one. */
function lineOf(t: Table, names: Set<string>): Row | undefined {
  return t.rows.find((r) => r.level > 0 && !r.code && !r.key && names.has(norm(r.label)));
}

/**
 * The figures of a 单位's set (its tables `set.tables`) that the 部门's tables `dept` print on a line of that 单位:
 * none when the 部门 prints no such line.
 */
export function unitLinks(dept: ReadonlyArray<Table>, set: TableSet): UnitLink[] {
  const names = namesOf(set);
  const out: UnitLink[] = [];
  const link = (
    unit: Table,
    a: Amount | undefined,
    what: string,
    d: Table,
    line: Row,
    key: string
  ) => {
    const b = line.amounts[key];
    if (!a || !b || !(hasValue(a) || hasValue(b))) return;
    out.push({
      unit,
      a,
      what,
      dept: d,
      b,
      deptWhat: `「${rowName(line)}」行「${columnName(d, key)}」`,
    });
  };
  const own = (kind: Table["kind"]) => set.tables.find((t) => t.kind === kind && !t.empty);
  const t1 = own("income_expenditure_summary");
  const t2 = own("income_summary");
  const t3 = own("expenditure_summary");
  for (const d of dept) {
    if (d.empty || (d.kind !== "income_summary" && d.kind !== "expenditure_summary")) continue;
    const line = lineOf(d, names);
    if (!line) continue;
    if (d.kind === "income_summary") {
      const carry = Object.keys(line.amounts).some(
        (k) => k.startsWith("carryover") && hasValue(line.amounts[k])
      );
      if (t1) {
        for (const k of INCOME_SOURCE_COLUMNS) {
          const r = rowByKey(t1, `src_${k}`, "income");
          if (r) link(t1, r.amounts.total, `「${rowName(r)}」`, d, line, k);
        }
        const cur = rowByKey(t1, "current_income_total", "income");
        const grand = rowByKey(t1, "income_grand_total", "income");
        const r = carry ? grand : (cur ?? grand);
        if (r) link(t1, r.amounts.total, `「${rowName(r)}」`, d, line, "total");
      }
      const tot2 = t2 && totalRow(t2);
      if (t2 && tot2)
        for (const k of ["total", ...INCOME_SOURCE_COLUMNS])
          link(t2, tot2.amounts[k], `合计行「${columnName(t2, k)}」`, d, line, k);
    } else {
      const tot3 = t3 && totalRow(t3);
      if (t3 && tot3)
        for (const k of ["total", "basic", "project"])
          link(t3, tot3.amounts[k], `合计行「${columnName(t3, k)}」`, d, line, k);
      else if (t1) {
        const r = rowByKey(t1, "current_expenditure_total", "expenditure");
        if (r) link(t1, r.amounts.total, `「${rowName(r)}」`, d, line, "total");
      }
    }
  }
  return out;
}

/** The 单位's sets (after the 部门's, the first) and, for each, its links to the 部门's lines of it. */
export function setLinks(
  report: Report,
  sets: TableSet[] = tableSets(report)
): Array<{ set: TableSet; links: UnitLink[] }> {
  if (sets.length < 2) return [];
  return sets.slice(1).map((set) => ({ set, links: unitLinks(sets[0].tables, set) }));
}

export const unitRows = defineRule({
  id: "cross.unit-rows",
  category: "cross",
  title: "下属单位的表 ↔ 部门表中该单位的行",
  description:
    "工作簿在部门的整套表之后又列出各下属单位的收支总表、支出总表等，而部门的收入总表、支出总表按单位逐行列示时：单位收支总表的各项收入、本年收入合计与部门收入总表中该单位一行的对应列一致，单位支出总表合计行的合计、基本支出、项目支出与部门支出总表中该单位一行一致（两表单位不同时换算后比较）。",
  severity: "error",
  source: {
    basis: "identity",
    ref: "同一笔资金在各表中列示相同：部门收入总表、支出总表中某单位的一行，与该单位自己的收支总表、支出总表是同一笔收支",
  },
  check: (report) => {
    const all = setLinks(report);
    if (!all.some((x) => x.links.length))
      return [na("工作簿没有下属单位的表，或部门的收入总表、支出总表未按单位列示")];
    const out: Outcome[] = [];
    for (const { set, links } of all)
      for (const l of links)
        out.push(
          sumOutcome({
            rule: "cross.unit-rows",
            severity: "error",
            total: term(l.unit, l.a),
            parts: [term(l.dept, l.b)],
            subject: () => `【${set.name}】${tableName(l.unit)}${l.what}`,
            against: () => `部门${tableName(l.dept)}${l.deptWhat}`,
          })
        );
    return out;
  },
});
