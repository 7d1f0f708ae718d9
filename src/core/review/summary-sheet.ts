/**
 * The 预算汇总 sheet, from the model: 收入 by source; 支出 by functional 类 with 基本 / 项目 and share of the total;
 * 基本支出 by economic class with 人员经费 / 公用经费; "三公" by item; 机关运行经费; project count, total and the ten
 * largest projects; the review status linked to 审核结果. From the 部门's own set of tables when the workbook prints
 * each 单位's set after it (model/sets.ts). Every figure taken from a source cell is a live formula
 * referring to it (see source.ts), shares are formulas with data bars, all amounts in the report's unit.
 */
import { notApplicableText } from "./verdict";
import {
  THREE_PUBLIC_ITEM_OF,
  type Report,
  type Row,
  type Table,
  type Unit,
} from "../model/schema";
import { SEVERITY_NAMES, type CheckResult, type Severity } from "../rules/rule";
import {
  basicPartLines,
  basicTables,
  firstOf,
  hasValue,
  rowByKey,
  tableName,
  totalRow,
  type BasicPartLines,
} from "../rules/helpers";
import { projectLines } from "../rules/projects";
import { firstSet } from "../model/sets";
import { rangeA1 } from "../grid/address";
import type { SheetGrid } from "../grid/grid";
import { labelKey } from "../grid/text";
import { REVIEW_SHEET_NAMES, SHEET_TAG, type PlanSheet } from "./plan";
import { SheetBuilder } from "./sheet";
import { SourceCells, quoted, sourceTerm, sumTerm, type SourceTerm } from "./source";
import { RESULTS_SHEET, severityCounts } from "./results-sheet";

export const SUMMARY_SHEET = REVIEW_SHEET_NAMES[1];
const LAST_COL = 5;
const BAR_COLOR = "#5B9BD5";

interface Line {
  label: string;
  /** Columns B, C, D: 合计 and up to two parts. */
  terms: Array<SourceTerm | undefined>;
  total?: boolean;
}

class Summary {
  readonly s = new SheetBuilder(SUMMARY_SHEET, [36, 16, 16, 16, 11, 24], "#2F75B5");
  readonly cells: SourceCells;
  constructor(
    readonly report: Report,
    grids: SheetGrid[],
    readonly unit: Unit
  ) {
    this.cells = new SourceCells(grids);
  }
  /** The figure of `row` in column `key`, as a source term; undefined without one (or without an amount column). */
  term(t: Table, row: Row | undefined, key: string | undefined): SourceTerm | undefined {
    const a = key === undefined ? undefined : row?.amounts[key];
    return a ? sourceTerm(this.cells, t, a, this.unit) : undefined;
  }
  section(title: string, from: Table | string | undefined, headers: string[]): void {
    this.s.row++;
    const r = this.s.line([title], "section");
    this.s.merge(r, 0, r, 3);
    const src = typeof from === "string" ? from : from ? `来源：${tableName(from)}` : "";
    if (src) this.s.set(r, 4, src, "note");
    this.s.line(headers, "header");
  }
  /** Writes lines; shares of column B against the line marked total (or `denominator`), with data bars. */
  lines(lines: Line[], opts: { share: boolean }): void {
    const first = this.s.row;
    const totalIdx = lines.findIndex((l) => l.total);
    const totalRow = totalIdx >= 0 ? first + totalIdx : -1;
    for (const l of lines) {
      const r = this.s.row++;
      this.s.set(r, 0, l.label, l.total ? "labelTotal" : "cell");
      l.terms.forEach((t, k) => {
        const style = l.total ? "amountTotal" : "amount";
        if (!t) return this.s.set(r, 1 + k, null, "cell");
        this.s.set(r, 1 + k, t.value, style, t.formula ? { formula: t.formula } : {});
      });
      for (let k = l.terms.length; k < 3; k++) this.s.set(r, 1 + k, null, "cell");
      const t0 = l.terms[0];
      if (opts.share && totalRow >= 0 && t0) {
        const den = lines[totalIdx].terms[0];
        const b = `B${r + 1}`;
        const d = `$B$${totalRow + 1}`;
        const value = den && den.value !== 0 ? t0.value / den.value : 0;
        this.s.set(r, 4, value, "share", { formula: `IF(${d}=0,0,${b}/${d})` });
      } else this.s.set(r, 4, null, "cell");
      if (t0?.source)
        this.s.set(r, 5, `${t0.source.sheet}!${t0.source.cell}`, "link", { hyperlink: t0.source });
      else this.s.set(r, 5, null, "cell");
    }
    const barRows = lines.map((l, i) => (l.total ? -1 : first + i)).filter((r) => r >= 0);
    if (opts.share && totalRow >= 0 && barRows.length)
      this.s.format({
        type: "dataBar",
        range: rangeA1(barRows[0], 4, barRows[barRows.length - 1], 4),
        color: BAR_COLOR,
        min: 0,
        max: 1,
      });
  }
  empty(text: string): void {
    const r = this.s.line([text], "note");
    this.s.merge(r, 0, r, LAST_COL);
  }
}

const col = (t: Table, key: string) => t.columns.find((c) => c.key === key);
/**
 * The column a table's single figure is read from: 合计, else its first amount column; undefined for a table read
 * without any amount column (a title row typed into every cell cut it into pieces): its lines then stay empty.
 */
const amountKey = (t: Table): string | undefined =>
  col(t, "total") ? "total" : (t.columns[0] as Table["columns"][number] | undefined)?.key;

function income(m: Summary): void {
  const { report } = m;
  const t = firstOf(report, "income_expenditure_summary");
  const srcRows = t ? t.rows.filter((r) => r.side === "income" && r.key?.startsWith("src_")) : [];
  if (t && srcRows.length) {
    m.section("一、收入（按来源）", t, ["项目", "金额", "", "", "占收入总计", "来源单元格"]);
    const key = col(t, "total") ? "total" : Object.keys(srcRows[0].amounts)[0];
    const lines: Line[] = srcRows.map((r) => ({
      label: r.label.trim(),
      terms: [m.term(t, r, key)],
    }));
    for (const [k, total] of [
      ["current_income_total", false],
      ["balance_use_in", false],
      ["carryover_in", false],
      ["income_grand_total", true],
    ] as const) {
      const r = rowByKey(t, k, "income");
      if (r) lines.push({ label: r.label.trim(), terms: [m.term(t, r, key)], total });
    }
    m.lines(lines, { share: true });
    return;
  }
  const inc = firstOf(report, "income_summary");
  const tr = inc && totalRow(inc);
  if (!inc || !tr) {
    m.section("一、收入（按来源）", "", ["项目", "金额", "", "", "占比", "来源单元格"]);
    return m.empty("未识别到收支总表或收入总表，收入未汇总。");
  }
  m.section("一、收入（按来源）", inc, ["项目", "金额", "", "", "占收入合计", "来源单元格"]);
  const lines: Line[] = inc.columns
    .filter((c) => c.key !== "total")
    .map((c) => ({ label: c.label.split("/").pop() ?? c.key, terms: [m.term(inc, tr, c.key)] }));
  if (col(inc, "total"))
    lines.push({ label: "合计", terms: [m.term(inc, tr, "total")], total: true });
  m.lines(lines, { share: true });
}

function expenditure(m: Summary): void {
  const t = [
    firstOf(m.report, "expenditure_summary"),
    firstOf(m.report, "general_budget_expenditure"),
  ].find((x) => x && x.rows.some((r) => r.level === 1 && r.codeSystem === "functional"));
  m.section("二、支出（按功能分类·类）", t, [
    "科目",
    "合计",
    "基本支出",
    "项目支出",
    "占支出合计",
    "来源单元格",
  ]);
  if (!t) return m.empty("未识别到按功能分类列示的支出总表或一般公共预算支出表，支出未汇总。");
  const key = amountKey(t);
  // 基本支出 as printed, or — a table printing 人员经费 | 公用经费 instead (西安 表5) — their sum.
  const basic = (r: Row) => {
    const own = m.term(t, r, "basic");
    if (own || col(t, "basic")) return own;
    const parts = [m.term(t, r, "personnel"), m.term(t, r, "public")].filter(
      (x): x is SourceTerm => !!x
    );
    return parts.length ? sumTerm(parts) : undefined;
  };
  const lines: Line[] = t.rows
    .filter((r) => r.level === 1 && r.codeSystem === "functional" && !r.partial)
    .map((r) => ({
      label: r.code && !r.label.includes(r.code) ? `${r.code} ${r.label.trim()}` : r.label.trim(),
      terms: [m.term(t, r, key), basic(r), m.term(t, r, "project")],
    }));
  const tr = totalRow(t);
  if (tr)
    lines.push({
      label: "合计",
      terms: [m.term(t, tr, key), basic(tr), m.term(t, tr, "project")],
      total: true,
    });
  m.lines(lines, { share: true });
}

function basicEconomic(m: Summary): void {
  const { whole, parts } = basicTables(m.report);
  const split = basicPartLines(m.report);
  const t = whole ?? parts.personnel ?? parts.public;
  // Printed as two tables: both are the source.
  const from =
    !whole && split.length > 1 ? `来源：${split.map((p) => tableName(p.table)).join("、")}` : t;
  m.section("三、基本支出（按经济分类）", from, [
    "经济分类",
    "合计",
    "人员经费",
    "公用经费",
    "占基本支出",
    "来源单元格",
  ]);
  if (!t) return m.empty("未识别到基本支出经济分类表，基本支出未汇总。");
  if (split.length) return basicByParts(m, whole, split);
  const key = amountKey(t);
  const lines: Line[] = t.rows
    .filter((r) => r.level === 1 && !r.partial)
    .map((r) => ({
      label: r.label.trim(),
      terms: [m.term(t, r, key), m.term(t, r, "personnel"), m.term(t, r, "public")],
    }));
  const tr = totalRow(t);
  if (tr)
    lines.push({
      label: "合计",
      terms: [m.term(t, tr, key), m.term(t, tr, "personnel"), m.term(t, tr, "public")],
      total: true,
    });
  m.lines(lines, { share: true });
}

/**
 * 基本支出 by economic class when its parts are printed apart (two tables 人员经费 / 公用经费, or two blocks side by
 * side): each class once, its 合计 the sum of its lines in the parts, its 人员经费 / 公用经费 the line of that part
 * (blank where that part has none); the 合计 line: the whole table's 合计 when printed, else the parts' totals added.
 */
function basicByParts(m: Summary, whole: Table | undefined, split: BasicPartLines[]): void {
  const classes = new Map<string, { label: string; terms: Partial<Record<string, SourceTerm>> }>();
  for (const p of split) {
    const own = p.rows.filter((r) => !r.partial);
    // The part's classes: its shallowest lines (301 under 人员经费合计, or a part table's lines under its 合计).
    const top = Math.min(...own.map((r) => r.level));
    for (const r of own.filter((x) => x.level === top)) {
      const name = r.label.trim();
      const at = r.code ?? labelKey(name);
      const line = classes.get(at) ?? { label: name, terms: {} };
      const x = m.term(p.table, r, amountKey(p.table));
      if (x) line.terms[p.key] = line.terms[p.key] ? sumTerm([line.terms[p.key]!, x]) : x;
      classes.set(at, line);
    }
  }
  const both = (terms: Partial<Record<string, SourceTerm>>) => {
    const xs = [terms.personnel, terms.public].filter((x): x is SourceTerm => !!x);
    return xs.length === 1 ? xs[0] : xs.length ? sumTerm(xs) : undefined;
  };
  // In code order (301, 302, 303 as one table prints them) when every class has its code.
  const order = [...classes.keys()];
  if (order.every((k) => /^\d+$/.test(k))) order.sort();
  const lines: Line[] = order
    .map((k) => classes.get(k)!)
    .map((c) => ({
      label: c.label,
      terms: [both(c.terms), c.terms.personnel, c.terms.public],
    }));
  const totals: Partial<Record<string, SourceTerm>> = {};
  for (const p of split) {
    const x = p.total && m.term(p.table, p.total, amountKey(p.table));
    if (x) totals[p.key] = x;
  }
  const tr = whole && totalRow(whole);
  const all = tr
    ? m.term(whole, tr, amountKey(whole))
    : totals.personnel && totals.public
      ? both(totals)
      : undefined;
  lines.push({ label: "合计", terms: [all, totals.personnel, totals.public], total: true });
  m.lines(lines, { share: true });
}

/** The 三公 lines in their order: each item, then its parts (THREE_PUBLIC_PARTS) under it. */
const THREE_PUBLIC: ReadonlyArray<[string, string]> = [
  ["abroad", "因公出国（境）费"],
  ["vehicle", "公务用车购置及运行费"],
  ["vehicle_purchase", "公务用车购置费"],
  ["vehicle_operation", "公务用车运行维护费"],
  ["reception", "公务接待费"],
  ["reception_domestic", "国内接待费"],
  ["reception_foreign", "外事接待费"],
];
/** The three items whose sum is the “三公” total. */
const THREE_PUBLIC_ITEMS = ["abroad", "vehicle", "reception"] as const;
/** An item's word a part's own caption may leave out (购置费 | 运行费 under the 公务用车 band). */
const ITEM_WORDS: Readonly<Record<string, RegExp>> = { vehicle: /公务用车|公车|车辆|公务车/ };
const ITEM_WORD: Readonly<Record<string, string>> = { vehicle: "公务用车" };
/**
 * A part's line as the table words it (运行费, 公务用车运行维护费: the table's own label, without 其中： or numbering),
 * with its item's word when the caption leaves it out (运行费 → 公务用车运行费); every part indented alike under its item.
 */
function partLabel(r: Row, item: string, fallback: string): string {
  const own = labelKey(r.label).replace(/^其中[:：]?/, "") || fallback;
  const word = ITEM_WORDS[item];
  return `\u3000\u3000${word && !word.test(own) ? ITEM_WORD[item] : ""}${own}`;
}
/**
 * Printed beside the 三公 by some templates (西安's 表13: 三公经费及会议费、培训费): listed when the table's 合计 takes
 * them in, so the lines shown add up to the 合计 shown; left out when the 合计 is the 三公 alone.
 */
const THREE_PUBLIC_EXTRAS: ReadonlyArray<[string, string]> = [
  ["meeting", "会议费"],
  ["training", "培训费"],
];
/** Their lines carry no row key in a 三公 table laid down (the keys are the columns' when laid across): found by label. */
const EXTRA_LABELS = new Map(THREE_PUBLIC_EXTRAS);

function threePublic(m: Summary): void {
  const t = firstOf(m.report, "three_public");
  m.section("四、“三公”经费", t, ["项目", "金额", "", "", "占合计", "来源单元格"]);
  if (!t) return m.empty("未识别到“三公”经费表，未汇总。");
  const key = amountKey(t);
  const tr = totalRow(t);
  // The 三公's own total when the table prints it as a line beside other figures: 广州's 表8 (行政经费 above it, no
  // 合计), 西安's 表13 (its 合计 takes 会议费 / 培训费 in).
  const own = rowByKey(t, "three_public");
  const rowOf = (k: string) =>
    rowByKey(t, k) ??
    (EXTRA_LABELS.has(k)
      ? t.rows.find((r) => labelKey(r.label) === EXTRA_LABELS.get(k))
      : undefined);
  const value = (k: string) => (key && rowOf(k)?.amounts[key]?.value) || 0;
  const items = value("abroad") + value("vehicle") + value("reception");
  const extras = THREE_PUBLIC_EXTRAS.reduce((sum, [k]) => sum + value(k), 0);
  // The 合计 takes the extras in when it is nearer the items with them than without (figures as printed, one unit).
  const total = (key && tr?.amounts[key]?.value) || 0;
  const withExtras =
    !!tr && extras !== 0 && Math.abs(total - items - extras) < Math.abs(total - items);
  const line = ([k, label]: [string, string]): Line[] => {
    const r = rowOf(k);
    const item = THREE_PUBLIC_ITEM_OF.get(k);
    return r
      ? [{ label: item ? partLabel(r, item, label) : label, terms: [m.term(t, r, key)] }]
      : [];
  };
  const lines = THREE_PUBLIC.flatMap(line);
  // The 三公 total, shares against it: the table's line for it, else its 合计 when that is the 三公 alone, else the
  // items' sum (a formula over their cells) — never a 合计 that takes other spending in.
  const itemTerms = THREE_PUBLIC_ITEMS.map((k) => m.term(t, rowOf(k), key)).filter(
    (x): x is SourceTerm => !!x
  );
  const threeTotal = own
    ? m.term(t, own, key)
    : tr && !withExtras
      ? m.term(t, tr, key)
      : itemTerms.length
        ? sumTerm(itemTerms)
        : undefined;
  if (threeTotal)
    lines.push({ label: withExtras ? "“三公”经费合计" : "合计", terms: [threeTotal], total: true });
  m.lines(lines, { share: true });
  // 会议费 / 培训费 and the 合计 that takes them in, after the 三公's own total: listed so the lines add up to it.
  if (withExtras && tr)
    m.lines(
      [
        ...THREE_PUBLIC_EXTRAS.flatMap(line),
        { label: "合计（含会议费、培训费）", terms: [m.term(t, tr, key)], total: true },
      ],
      { share: false }
    );
}

function operatingFunds(m: Summary): void {
  const own = firstOf(m.report, "operating_funds");
  // Templates without a 机关运行经费表 print the figure as a line (or column) of the “三公” table: taken from there, as
  // cross.operating-public takes it.
  const three = own ? undefined : firstOf(m.report, "three_public");
  const inThree = three?.rows.find((r) => r.key === "operating_funds" && hasValue(r.amounts.total));
  const t = own ?? (inThree ? three : undefined);
  m.section("五、机关运行经费", t, ["项目", "金额", "", "", "", "来源单元格"]);
  const tr = inThree ?? (t && (totalRow(t) ?? t.rows.find((r) => r.level === 0) ?? t.rows[0]));
  // Many templates state 机关运行经费 only in the text of the 说明: the workbook holds no figure to sum.
  if (!t || !tr)
    return m.empty(
      "本工作簿的表中未列示机关运行经费（没有机关运行经费表，“三公”经费表中也没有该栏），未汇总；如在文字说明中公开，请对照说明。"
    );
  const key = amountKey(t);
  m.lines([{ label: "机关运行经费合计", terms: [m.term(t, tr, key)], total: true }], {
    share: false,
  });
}

function projects(m: Summary): void {
  const all = projectLines(m.report);
  const current = all.filter((p) => p.table.kind === "project_expenditure");
  const lines0 = current.length ? current : all;
  m.section("六、项目支出", lines0[0]?.table, ["项目", "金额", "", "", "占项目合计", "来源单元格"]);
  if (!lines0.length) return m.empty("未识别到项目支出表中的项目，未汇总。");
  const terms = lines0
    .map((p) => ({ name: p.name, term: m.term(p.table, p.row, amountKey(p.table)) }))
    .filter((x): x is { name: string; term: SourceTerm } => !!x.term);
  m.s.line(["项目个数", terms.length], ["cell", "count"]);
  // Beyond Excel's formula length the total is the model's value (marked so), never a silently truncated formula.
  const sum = sumTerm(terms.map((x) => x.term));
  const top = [...terms].sort((a, b) => b.term.value - a.term.value).slice(0, 10);
  const lines: Line[] = top.map((x, i) => ({ label: `${i + 1}. ${x.name}`, terms: [x.term] }));
  lines.push(
    sum
      ? { label: "项目合计（各项目之和）", terms: [sum], total: true }
      : {
          label: "项目合计（各项目之和；项目过多，为数值）",
          terms: [{ value: terms.reduce((s, x) => s + x.term.value, 0) }],
          total: true,
        }
  );
  m.s.line([`金额最大的 ${top.length} 个项目及全部项目合计：`], "note");
  m.lines(lines, { share: true });
}

/**
 * The counts per severity, as COUNTIF over the 级别 cells of 审核结果's findings rows (`levels`, e.g. "B14:B46"):
 * only those rows, so a block below them that also names 级别 (the pane's 审核意见, listing dismissed findings) is not
 * counted again. No findings: plain zeros.
 */
function status(m: Summary, result: CheckResult, levels: string | undefined): void {
  m.section("七、审核状态", `详见“${RESULTS_SHEET}”`, ["级别", "问题数", "", "", "", "查看"]);
  const counts = severityCounts(result);
  const range = levels && `${quoted(RESULTS_SHEET)}!${levels}`;
  for (const sev of ["error", "warning", "rounding", "info"] as Severity[]) {
    const r = m.s.row++;
    m.s.set(r, 0, SEVERITY_NAMES[sev], `sev_${sev}`);
    m.s.set(
      r,
      1,
      counts[sev],
      "count",
      range ? { formula: `COUNTIF(${range},"${SEVERITY_NAMES[sev]}")` } : {}
    );
    m.s.set(r, 5, `查看${RESULTS_SHEET}`, "link", {
      hyperlink: { sheet: RESULTS_SHEET, cell: "A1" },
    });
  }
  const r = m.s.line(
    [
      `规则：检查 ${result.rules.checked} 项，通过 ${result.rules.passed}，不通过 ${result.rules.failed}，${notApplicableText(result.rules.notApplicable, result.perRule.filter((x) => x.notApplicable > 0).length)}（不适用的规则未检查，不视为通过）`,
    ],
    "note"
  );
  m.s.merge(r, 0, r, LAST_COL);
}

/** Builds the 预算汇总 sheet; `grids` tell which source cells hold text amounts; `levels`: see `status`. */
export function buildSummarySheet(
  workbook: Report,
  result: CheckResult,
  grids: SheetGrid[],
  levels?: string
): PlanSheet {
  // A workbook holding the 部门's tables and each 单位's again (model/sets.ts) is summed up from the 部门's set, the
  // first: never from a 单位's table nor over the sets (each project counted once). The review status is the workbook's.
  const report = firstSet(workbook);
  const unit: Unit = report.unit ?? "万元";
  const m = new Summary(report, grids, unit);
  m.s.print = { orientation: "portrait", fitToWidth: true };
  const title = m.s.line([`${SHEET_TAG} · 预算汇总`], "title");
  m.s.merge(title, 0, title, LAST_COL);
  m.s.height(title, 24);
  const sub = m.s.line(
    [
      `${report.department ?? "（部门未识别）"}\u3000${report.year ? `${report.year} 年度` : ""}\u3000单位：${unit}。各数为公式，取自原表单元格（原表改正后自动更新）。`,
    ],
    "note"
  );
  m.s.merge(sub, 0, sub, LAST_COL);
  m.s.frozen = { rows: 2, cols: 0 };
  income(m);
  expenditure(m);
  basicEconomic(m);
  threePublic(m);
  operatingFunds(m);
  projects(m);
  status(m, result, levels);
  return m.s.build();
}
