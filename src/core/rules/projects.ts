/** 项目: 项目支出表 ↔ 项目绩效目标表 — coverage, names, amounts, and each form's money block. */
import type { Amount, Report, Row, Table } from "../model/schema";
import { defineRule, type Finding, type Outcome } from "./rule";
import {
  byCode,
  columnTerms,
  firstOf,
  hasValue,
  na,
  repeatedCodes,
  rowName,
  sumOutcome,
  tableName,
  term,
  totalRow,
} from "./helpers";
import { projectKey, withoutProjectCode } from "../grid/text";
import { holdsWithinIntervals, identityOf, type Identity } from "./identity";
import { fmt, printedValue, type Term } from "./interval";
import { examples, groupedByTable } from "./flood";

export interface ProjectLine {
  name: string;
  table: Table;
  row: Row;
}

/**
 * Leaf rows of the project tables (not the department / unit subtotal rows). A 其中 line (Row.partial, as the
 * hierarchy reads it: a memo item of its line, 其中：政府采购) is never a project, nor does it make its line a parent
 * (tester29 T29-12).
 */
export function projectLines(report: Report): ProjectLine[] {
  const out: ProjectLine[] = [];
  for (const t of report.tables) {
    if (t.kind !== "project_expenditure" && t.kind !== "project_carryover") continue;
    const rows = t.rows;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      // A line without any amount (a watermark, page debris) is not a project.
      if (r.level === 0 || r.key === "total" || r.partial || !r.label.trim() || allBlank(r))
        continue;
      let j = i + 1;
      while (j < rows.length && rows[j].partial) j++;
      const next = rows[j];
      if (next && next.level > r.level) continue;
      out.push({ name: r.label.trim(), table: t, row: r });
    }
  }
  return out;
}

/**
 * projectLines of the engine's per-check copy of the report, read once: three rules ask (the pairing, the coverage
 * and the 一览表's amounts). The list is shared: its readers do not change it.
 */
export function checkedProjectLines(report: Report): ProjectLine[] {
  let out = PROJECT_LINES.get(report);
  if (!out) PROJECT_LINES.set(report, (out = projectLines(report)));
  return out;
}
const PROJECT_LINES = new WeakMap<Report, ProjectLine[]>();

function allBlank(r: Row): boolean {
  for (const k in r.amounts) if (!r.amounts[k].blank) return false;
  return true;
}

/** The DP row of lcs, reused (names are short; grown when one is not). */
let LCS_ROW = new Uint16Array(256);

function lcs(a: string, b: string): number {
  if (LCS_ROW.length < b.length + 1) LCS_ROW = new Uint16Array(2 * (b.length + 1));
  const dp = LCS_ROW;
  dp.fill(0, 0, b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    let prev = 0;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j];
      dp[j] = a[i - 1] === b[j - 1] ? prev + 1 : Math.max(dp[j], dp[j - 1]);
      prev = tmp;
    }
  }
  return dp[b.length];
}

/** Similarity of two normalised names, 0…1 (Dice over the longest common subsequence). */
export function nameSimilarity(a: string, b: string): number {
  return keySimilarity(projectKey(a), projectKey(b));
}

/** nameSimilarity of two names already normalised by projectKey. */
function keySimilarity(x: string, y: string): number {
  if (!x || !y) return 0;
  return (2 * lcs(x, y)) / (x.length + y.length);
}

/** The most keySimilarity can be for keys of these lengths (the common subsequence is at most the shorter key). */
const similarityBound = (x: string, y: string) =>
  x && y ? (2 * Math.min(x.length, y.length)) / (x.length + y.length) : 0;

/**
 * Words a project's name may carry or drop between the 项目支出表 and its 绩效目标表 without naming another project
 * (“农作物病虫害监测防控” / “农作物病虫害监测防控项目”): reviewers accept them (tester33 T33-13). Longest first.
 */
const GENERIC_SUFFIXES = ["专项资金", "专项经费", "工作经费", "项目", "专项", "资金", "经费"];

/**
 * The generic suffix by which one normalised name (projectKey) is the other plus that suffix, or undefined. The
 * shorter name keeps at least two characters (“项目” alone names nothing).
 */
export function genericSuffix(x: string, y: string): string | undefined {
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length < 2 || !long.startsWith(short)) return undefined;
  const rest = long.slice(short.length);
  return GENERIC_SUFFIXES.includes(rest) ? rest : undefined;
}

export interface Pairing {
  pairs: Array<{ line: ProjectLine[]; form: Table; exact: boolean }>;
  linesWithoutForm: ProjectLine[];
  formsWithoutLine: Table[];
}

const PAIRINGS = new WeakMap<Report, Pairing>();

/**
 * Exact matches (after normalising punctuation, quotes, spaces, dashes) first; then near matches among the rest.
 * Three rules ask for the pairing of the same report object (the engine's per-check copy): computed once.
 */
export function pairProjects(report: Report): Pairing {
  let p = PAIRINGS.get(report);
  if (!p) PAIRINGS.set(report, (p = pairingOf(report)));
  return p;
}

function pairingOf(report: Report): Pairing {
  const lines = checkedProjectLines(report);
  const forms = report.tables.filter((t) => t.kind === "performance_target" && t.form);
  const byKey = new Map<string, ProjectLine[]>();
  for (const l of lines) {
    const k = projectKey(l.name);
    const same = byKey.get(k);
    if (same) same.push(l);
    else byKey.set(k, [l]);
  }
  const pairs: Pairing["pairs"] = [];
  const usedKeys = new Set<string>();
  const leftForms: Array<[Table, string]> = [];
  for (const f of forms) {
    const k = projectKey(f.form!.project);
    const hit = byKey.get(k);
    if (hit) {
      pairs.push({ line: hit, form: f, exact: true });
      usedKeys.add(k);
    } else leftForms.push([f, k]);
  }
  const leftLines = [...byKey.entries()].filter(([k]) => !usedKeys.has(k));
  const formsWithoutLine: Table[] = [];
  for (const [f, k] of leftForms) {
    let best: [string, ProjectLine[]] | undefined;
    let score = 0;
    for (const entry of leftLines) {
      // A line whose key length alone keeps it from beating the best so far, or from the 0.8 a match needs, is
      // not compared letter by letter (forms × lines comparisons on a workbook of hundreds of projects).
      // A name that differs only by a generic suffix is the same project, however short the name.
      if (genericSuffix(k, entry[0])) {
        if (score < 1) [best, score] = [entry, 1];
        continue;
      }
      const bound = similarityBound(k, entry[0]);
      if (bound <= score || bound < 0.8) continue;
      const s = keySimilarity(k, entry[0]);
      if (s > score) [best, score] = [entry, s];
    }
    if (best && score >= 0.8 && !usedKeys.has(best[0])) {
      pairs.push({ line: best[1], form: f, exact: false });
      usedKeys.add(best[0]);
    } else formsWithoutLine.push(f);
  }
  const linesWithoutForm = leftLines.filter(([k]) => !usedKeys.has(k)).flatMap(([, ls]) => ls);
  return { pairs, linesWithoutForm, formsWithoutLine };
}

/** "项目支出表中有 2000 个项目（合计 1234.50万元）没有对应的绩效目标表：“甲”、“乙”… 等 2000 个" — in the table's unit. */
function missingFormsSummary(t: Table, lines: ProjectLine[]): string {
  const sum = lines.reduce(
    (s, l) => s + (l.row.amounts.total ? printedValue(l.row.amounts.total) : 0),
    0
  );
  const decimals = lines.reduce((d, l) => Math.max(d, l.row.amounts.total?.decimals ?? 0), 0);
  return `${tableName(t)}中有 ${lines.length} 个项目（合计 ${fmt(sum, decimals)}${t.unit}）没有对应的绩效目标表：${examples(lines.map((l) => `“${l.name}”`))}（每个项目见所标单元格的批注）`;
}

const hasForms = (report: Report) => report.tables.some((t) => t.kind === "performance_target");
const finding = (
  rule: string,
  severity: "error" | "warning" | "info",
  message: string,
  cells: string[],
  expected: number | null = null,
  actual: number | null = null,
  difference: number | null = null
): Outcome => ({
  status: "fail",
  finding: { rule, severity, message, cells, expected, actual, difference },
});

export const coverage = defineRule({
  id: "projects.performance-coverage",
  category: "projects",
  title: "每个项目都有绩效目标表",
  description:
    "项目支出表（本年预算）中的每个项目都应附绩效目标表；每张绩效目标表都应对应项目支出表（本年或上年结转）中的一个项目。绩效目标以项目绩效目标一览表列示时，项目支出表的每个本年项目都应在一览表中有一行（一览表注明只列重点项目、或列示的项目不到一半时不逐项核对）。",
  severity: "error",
  source: {
    basis: "national",
    ref: "财政部关于项目支出绩效目标随部门预算公开的要求（各地绩效目标公开办法）",
  },
  check: (report) => {
    if (!hasForms(report)) {
      // A 绩效 table the importer could not read is not a missing one: say so instead of "没有绩效目标表" per project.
      const unread = report.unrecognized.find((u) => u.kind === "performance_target");
      if (unread)
        return [
          na(
            `绩效目标表未能识别（${unread.sheet}!${unread.range}：${unread.reason}），未核对各项目是否有绩效目标表`
          ),
        ];
      // A 项目绩效目标一览表 (one line per project) is the 绩效目标表 of this template: its amounts are projects.performance-list's.
      const lists = report.tables.filter((t) => t.kind === "performance_list" && !t.empty);
      if (lists.length) return listCoverage(report, lists);
      if (report.tables.some((t) => t.kind === "performance_list"))
        return [
          na(
            "绩效目标以项目绩效目标一览表列示，不是逐项目的绩效目标表（其金额由“项目绩效目标一览表金额 ↔ 项目支出表”核对）"
          ),
        ];
      return [na("工作簿未附项目绩效目标表")];
    }
    if (!checkedProjectLines(report).length) return [na("没有项目支出表")];
    // Only empty 绩效 tables (a blank form, nothing read): no project can be paired, and that is no finding per project.
    if (!report.tables.some((t) => t.kind === "performance_target" && t.form))
      return [na("绩效目标表为空表，没有读出任何项目的绩效目标，未逐项核对")];
    const p = pairProjects(report);
    const out: Outcome[] = p.pairs.map(() => ({ status: "pass" }));
    // 上年结转 projects were assessed when first budgeted: a form is demanded only for 本年 projects.
    // A line marked （结转） is last year's money of a project whose form covers it.
    const missing = p.linesWithoutForm.filter(
      (x) =>
        x.table.kind === "project_expenditure" && !/[(（]结转[)）]$/.test(x.name.normalize("NFKC"))
    );
    // Per table: a few projects are named one by one; a list of hundreds pasted without its forms is one finding (flood.ts).
    for (const t of [...new Set(missing.map((l) => l.table))]) {
      const lines = missing.filter((l) => l.table === t);
      const rows = lines.map((l): Finding => ({
        rule: "projects.performance-coverage",
        severity: "error",
        message: `${tableName(t)}中的项目“${l.name}”（${l.row.amounts.total?.text ?? ""}${t.unit}）没有对应的绩效目标表`,
        cells: [l.row.labelCell],
        expected: null,
        actual: null,
        difference: null,
      }));
      for (const f of groupedByTable(rows, () => missingFormsSummary(t, lines)))
        out.push({ status: "fail", finding: f });
    }
    for (const f of p.formsWithoutLine)
      out.push(
        finding(
          "projects.performance-coverage",
          "warning",
          `${tableName(f)}在项目支出表中找不到对应项目`,
          [f.form!.projectCell]
        )
      );
    return out;
  },
});

/** A list of some projects only, by its title: 重点项目绩效目标表, 部分项目…, 500万元以上项目…. */
const PARTIAL_LIST = /重点|部分|主要|以上|典型/;

/**
 * projects.performance-coverage for a 项目绩效目标一览表 (单位 | 项目名称 | 金额 | 绩效目标, one line per project):
 * each 本年 project of the 项目支出表 has a line in a list (the same name, or a near one as pairProjects allows). A list
 * that names itself partial (重点项目…), or that has fewer than half of the projects, lists a selection: not checked.
 */
function listCoverage(report: Report, lists: Table[]): Outcome[] {
  const lines = checkedProjectLines(report).filter(
    (x) =>
      x.table.kind === "project_expenditure" && !/[(（]结转[)）]$/.test(x.name.normalize("NFKC"))
  );
  if (!lines.length) return [na("没有项目支出表")];
  if (lists.some((t) => PARTIAL_LIST.test(t.title)))
    return [na("项目绩效目标一览表只列示部分（重点）项目，未逐项核对")];
  const listed = [
    ...new Set(
      lists.flatMap((t) =>
        t.rows
          .filter((r) => r.level > 0 && r.key !== "total" && r.label.trim())
          .map((r) => projectKey(r.label))
      )
    ),
  ];
  const has = (name: string) => {
    const k = projectKey(name);
    return listed.some(
      (x) => x === k || (similarityBound(k, x) >= 0.8 && keySimilarity(k, x) >= 0.8)
    );
  };
  const missing = lines.filter((l) => !has(l.name));
  if (missing.length * 2 > lines.length)
    return [na("项目绩效目标一览表列示的项目不到项目支出表的一半（只列示部分项目），未逐项核对")];
  const out: Outcome[] = lines.filter((l) => !missing.includes(l)).map(() => ({ status: "pass" }));
  const list = tableName(lists[0]);
  for (const t of [...new Set(missing.map((l) => l.table))]) {
    const own = missing.filter((l) => l.table === t);
    const rows = own.map((l): Finding => ({
      rule: "projects.performance-coverage",
      severity: "error",
      message: `${tableName(t)}中的项目“${l.name}”（${l.row.amounts.total?.text ?? ""}${t.unit}）在${list}中没有绩效目标`,
      cells: [l.row.labelCell],
      expected: null,
      actual: null,
      difference: null,
    }));
    for (const f of groupedByTable(rows, () => missingFormsSummary(t, own)))
      out.push({ status: "fail", finding: f });
  }
  return out;
}

export const nameMismatch = defineRule({
  id: "projects.name-mismatch",
  category: "projects",
  title: "项目名称一致",
  description:
    "绩效目标表的项目名称应与项目支出表一字不差（名称前印的项目编码不计）；只在标点、括号、引号或个别字上不同的，按近似匹配配对并警告；只差“项目”“专项”“资金”“经费”等后缀的，视为同一项目，只作提示。",
  severity: "warning",
  source: { basis: "practice", ref: "同一项目在项目支出表与绩效目标表中名称应一致" },
  check: (report) => {
    if (!hasForms(report)) return [na("工作簿未附项目绩效目标表")];
    const p = pairProjects(report);
    return p.pairs.map((pair): Outcome => {
      const a = pair.line[0].name.replace(/^[\s\u3000]+/, "");
      const b = pair.form.form!.project;
      // A project code printed before the name in one table only is not part of the name.
      const bare = (x: string) => withoutProjectCode(x.normalize("NFKC").replace(/\s/g, ""));
      const same = bare(a) === bare(b);
      if (same) return { status: "pass" };
      // “XX” / “XX项目”: the same project in the words reviewers accept — said, not warned (T33-13).
      const suffix = genericSuffix(projectKey(a), projectKey(b));
      if (suffix)
        return finding(
          "projects.name-mismatch",
          "info",
          `项目名称只差后缀“${suffix}”（视为同一项目）：${tableName(pair.line[0].table)}为“${a}”，绩效目标表为“${b}”`,
          [pair.line[0].row.labelCell, pair.form.form!.projectCell]
        );
      return finding(
        "projects.name-mismatch",
        "warning",
        `项目名称不一致：${tableName(pair.line[0].table)}为“${a}”，绩效目标表为“${b}”`,
        [pair.line[0].row.labelCell, pair.form.form!.projectCell]
      );
    });
  },
});

/** A project line's 上年结转 figure (its 上年结转 小计 column); none when blank. */
function carryoverParts(row: Row): Amount[] {
  const all = row.amounts.carryover;
  return hasValue(all) ? [all!] : [];
}

export const annualAmount = defineRule({
  id: "projects.annual-amount",
  category: "projects",
  title: "年度资金总额 = 项目支出表金额",
  description:
    "绩效目标表的年度资金总额（元或万元，换算后按较粗的精度比较）等于项目支出表中该项目的合计；项目含上年结转（上年结转栏或上年结转项目支出表）时，也可以只等于本年部分（绩效目标按本年安排设定）。",
  severity: "error",
  source: { basis: "identity", ref: "绩效目标表表样：年度资金总额为该项目当年预算" },
  check: (report) => {
    if (!hasForms(report)) return [na("工作簿未附项目绩效目标表")];
    const out: Outcome[] = [];
    for (const pair of pairProjects(report).pairs) {
      const f = pair.form;
      const annual = f.rows.find((r) => r.key === "total")?.amounts.annual;
      const lines = pair.line.filter((l) => l.row.amounts.total);
      if (!annual || !lines.length) continue;
      // The project's 上年结转 money: a 上年结转 column of its line, or its line in a 项目支出表（上年结转）.
      const carried = lines.flatMap((l) =>
        l.table.kind === "project_carryover"
          ? [term(l.table, l.row.amounts.total)]
          : carryoverParts(l.row).map((a) => term(l.table, a))
      );
      // A form set for this year's 安排 only (年度资金总额 = the project's 本年 part, its 上年结转 money targeted the year it
      // was budgeted, as projects.performance-coverage reads 上年结转 projects): consistent.
      if (
        carried.length &&
        holdsWithinIntervals(
          identityOf(
            "projects.annual-amount",
            "eq",
            [term(f, annual), ...carried],
            lines.map((l) => term(l.table, l.row.amounts.total)),
            "violated"
          )
        )
      ) {
        out.push({ status: "pass" });
        continue;
      }
      out.push(
        sumOutcome({
          rule: "projects.annual-amount",
          severity: "error",
          total: term(f, annual),
          parts: lines.map((l) => term(l.table, l.row.amounts.total)),
          // Words made only for a failing comparison (most pairs agree).
          subject: () => `${tableName(f)}「年度资金总额」`,
          // In the form's unit, one line: the figure is said once ("≠ 项目支出表中该项目金额 285.87万元"); else each
          // line as printed, then their sum in the form's unit (折合 across units).
          against: () => {
            const where = `${lines.map((l) => tableName(l.table)).join(" + ")}中该项目金额`;
            const same = lines.every((l) => l.table.unit === f.unit);
            if (same && lines.length === 1 && !carried.length) return where;
            return `${where}（${lines.map((l) => `${l.row.amounts.total.text.trim()}${l.table.unit}`).join(" + ")}${carried.length ? `，其中上年结转 ${carried.map((c) => c.amount.text.trim()).join(" + ")}，本年部分也不相符` : ""}）${same ? "计" : "折合"}`;
          },
          againstPrinted: true,
        })
      );
    }
    return out.length ? out : [na("没有可配对的项目")];
  },
});

/** The soft identity 实施期 = 年度 of one line of a form (Identity.soft: it corroborates, never a finding). */
function yearTwin(f: Table, r: Row): Identity {
  // Built as "violated" (no tolerance: only the printed intervals), then given its status.
  const id = identityOf(
    "projects.form-sources",
    "eq",
    [term(f, r.amounts.period)],
    [term(f, r.amounts.annual)],
    "violated"
  );
  id.status = holdsWithinIntervals(id) ? "holds" : "violated";
  id.soft = true;
  return id;
}

/** Does one of the rows print a figure in column `key`? */
function someIn(rows: Row[], key: string): boolean {
  for (let i = 0; i < rows.length; i++) if (rows[i].amounts[key]) return true;
  return false;
}

/** A form's two totals: 实施期资金总额, 年度资金总额. */
const FORM_TOTALS = ["period", "annual"] as const;

export const formSources = defineRule({
  id: "projects.form-sources",
  category: "projects",
  title: "绩效目标表资金总额 = 各来源之和",
  description:
    "绩效目标表的实施期资金总额、年度资金总额分别等于中央、省级、市县、自筹、其他资金之和。",
  severity: "error",
  source: { basis: "identity", ref: "绩效目标表表样：资金总额 = 各资金来源之和" },
  check: (report) => {
    const forms = report.tables.filter((t) => t.kind === "performance_target");
    if (!forms.length) return [na("工作簿未附项目绩效目标表")];
    const out: Outcome[] = [];
    // Indexed loops, the rows read in one pass: a workbook may hold a hundred forms (see engine.ts on loops).
    for (let fi = 0; fi < forms.length; fi++) {
      const f = forms[fi];
      let total: Row | undefined;
      const parts: Row[] = [];
      for (let i = 0; i < f.rows.length; i++) {
        const r = f.rows[i];
        if (r.key !== "total") parts.push(r);
        else total ??= r;
      }
      if (!total) continue;
      const checked: Outcome[] = [];
      for (let c = 0; c < FORM_TOTALS.length; c++) {
        const col = FORM_TOTALS[c];
        const a = total.amounts[col];
        // A form printing its total alone (no source lines) has no sum to check.
        if (!a || !someIn(parts, col)) continue;
        checked.push(
          sumOutcome({
            rule: "projects.form-sources",
            severity: "error",
            total: term(f, a),
            parts: columnTerms(f, parts, col),
            subject: () => `${tableName(f)}「${col === "period" ? "实施期" : "年度"}资金总额」`,
            against: "各资金来源之和",
          })
        );
      }
      // Most projects spend within the year: a source's 实施期 and 年度 amounts usually agree (soft: only corroboration).
      const first = checked[0];
      if (first && first.status !== "na") {
        const twins: Identity[] = [];
        if (total.amounts.period && total.amounts.annual) twins.push(yearTwin(f, total));
        for (let i = 0; i < parts.length; i++)
          if (parts[i].amounts.period && parts[i].amounts.annual) twins.push(yearTwin(f, parts[i]));
        if (twins.length) first.also = first.also ? first.also.concat(twins) : twins;
      }
      for (let c = 0; c < checked.length; c++) out.push(checked[c]);
    }
    return out;
  },
});

const ONE_YEAR = /^1年|^一年|一次性|1年结束/;

export const oneYearPeriod = defineRule({
  id: "projects.one-year-period",
  category: "projects",
  title: "一年期项目的实施期资金 = 年度资金",
  description:
    "项目期为 1 年或一次性项目的，实施期资金总额应等于年度资金总额（警告）；表上未列项目期时，两者不等仅作提示。",
  severity: "warning",
  source: { basis: "practice", ref: "一年期或一次性项目的实施期即预算年度" },
  check: (report) => {
    const forms = report.tables.filter((t) => t.kind === "performance_target" && t.form);
    if (!forms.length) return [na("工作簿未附项目绩效目标表")];
    return forms.map((f): Outcome => {
      const total = f.rows.find((r) => r.key === "total");
      const p = total?.amounts.period;
      const a = total?.amounts.annual;
      // As printed: 50 (General) and 50.00 are one figure, a stored 49.999 under 0.00 is 50.00 (fixT29a).
      if (!p || !a || p.blank || a.blank || printedValue(p) === printedValue(a))
        return { status: "pass" };
      const period = [f.form!.period, f.form!.attribute].filter(Boolean).join(" ");
      const oneYear = ONE_YEAR.test(period.replace(/\s/g, ""));
      const multi = period && !oneYear;
      if (multi) return { status: "pass" };
      const [pv, av] = [printedValue(p), printedValue(a)];
      const diff = Number((pv - av).toFixed(Math.max(p.decimals, a.decimals, 0)));
      return finding(
        "projects.one-year-period",
        oneYear ? "warning" : "info",
        oneYear
          ? `${tableName(f)}项目期为“${period}”，但实施期资金总额 ${p.text} ≠ 年度资金总额 ${a.text}`
          : `${tableName(f)}实施期资金总额 ${p.text} ≠ 年度资金总额 ${a.text}（表上未列项目期，若为一年期或一次性项目则不应不同）`,
        [p.cell, a.cell],
        av,
        pv,
        diff
      );
    });
  },
});

const LEVEL_WORDS: ReadonlyArray<readonly [string, RegExp]> = [
  ["central", /中央(财政)?(预算)?补助|中央财政|中央资金/],
  ["provincial", /省级补助|省财政|省级资金|省级专项/],
];

export const sourceByName = defineRule({
  id: "projects.source-by-name",
  category: "projects",
  title: "资金来源与项目名称相符",
  description:
    "项目名称写明“中央补助”“省财政补助”等，而对应来源为 0、金额列在其他来源下时提示可能归错来源。",
  severity: "warning",
  source: { basis: "practice", ref: "项目名称写明的资金级次应与资金来源一致" },
  check: (report) => {
    const forms = report.tables.filter((t) => t.kind === "performance_target" && t.form);
    if (!forms.length) return [na("工作簿未附项目绩效目标表")];
    const out: Outcome[] = [];
    for (const f of forms) {
      const hit = LEVEL_WORDS.find(([, re]) => re.test(f.form!.project));
      if (!hit) continue;
      const named = f.rows.find((r) => r.key === hit[0]);
      const total = f.rows.find((r) => r.key === "total");
      const a = named?.amounts.annual ?? named?.amounts.period;
      const t = total?.amounts.annual ?? total?.amounts.period;
      if (!t || !hasValue(t)) continue;
      if (a && hasValue(a)) {
        out.push({ status: "pass" });
        continue;
      }
      const elsewhere = f.rows.filter(
        (r) =>
          r.key !== "total" && r.key !== hit[0] && hasValue(r.amounts.annual ?? r.amounts.period)
      );
      out.push(
        finding(
          "projects.source-by-name",
          "warning",
          `${tableName(f)}的名称表明是${hit[0] === "central" ? "中央" : "省级"}资金，但${hit[0] === "central" ? "中央财政资金" : "省级财政资金"}为 0，金额列在${elsewhere.map((r) => r.label).join("、") || "其他来源"}下`,
          [a?.cell ?? t.cell, ...elsewhere.map((r) => (r.amounts.annual ?? r.amounts.period).cell)]
        )
      );
    }
    return out.length ? out : [na("没有名称写明资金级次的项目")];
  },
});

/**
 * The tables whose 项目支出 by 功能科目 a 项目支出表 column adds up to: the 支出总表 (all sources) from the 合计
 * column, the 一般公共预算支出表 from the 一般公共预算 column. Each compared only when the two tables' totals agree
 * (the 项目支出表 is then the whole of that 项目支出; a 上年结转 part listed apart or a narrower table is
 * cross.basic-project's finding, not a 科目's).
 */
const SUBJECT_TABLES: ReadonlyArray<{
  kind: "expenditure_summary" | "general_budget_expenditure";
  col: string;
}> = [
  { kind: "expenditure_summary", col: "total" },
  { kind: "general_budget_expenditure", col: "general" },
];

/** Where a 科目's project money is compared in a table printing `codes`: the code, or its 款 / 类 printed without lines under it. */
function anchorOf(code: string, codes: ReadonlySet<string>): string | undefined {
  for (const n of [7, 5, 3]) {
    const c = code.slice(0, n);
    if (!codes.has(c)) continue;
    // The table breaks this 款 / 类 down further elsewhere: the 科目 itself should have been printed.
    if (n < 7 && [...codes].some((x) => x.length > n && x.startsWith(c))) return undefined;
    return c;
  }
  return undefined;
}

/** A project whose 功能科目 code, changed from `from` (undefined: a code the table does not list) to `to`, makes both 科目 agree. */
interface SubjectMove {
  project: Row;
  from: string | undefined;
  to: string;
  /** The compared table's 项目支出 cells of the two 科目 (one when `from` is not listed). */
  totals: string[];
}

/** Projects of the 项目支出表 (not its 类 / 款 / 项 lines), with the 项 each is listed under. */
function projectsUnder(t12: Table, printed: ReadonlyArray<Row>): Row[] {
  const heads = new Set(printed);
  return t12.rows.filter((r) => !heads.has(r) && !r.code && !r.partial && !!r.subjectCode);
}

const fails = (o: Outcome | undefined): boolean =>
  o?.status === "fail" && o.finding.severity === "error";
const holds = (o: Outcome): boolean =>
  o.status === "pass" || (o.status === "fail" && o.finding.severity === "rounding");

/**
 * The projects one code change would put right: for each failing 科目 X and project P listed under it, a failing 科目
 * Y such that X without P and Y with P both hold (within their printed rounding); for a project whose code no line
 * lists, a failing 科目 Y that holds with it. Only projects with a figure; each (X, Y) pair is used once, for all the
 * projects that fit it (the reviewer is told of each).
 */
function subjectMoves(opts: {
  t12: Table;
  col: string;
  lines: ReadonlyArray<Row>;
  missing: ReadonlyArray<Row>;
  bySubject: ReadonlyMap<string, Outcome>;
  compareSubject: (code: string, extra: Term[]) => Outcome;
  codeOf: (r: Row) => string;
}): SubjectMove[] {
  const { t12, col, bySubject, compareSubject } = opts;
  const failing = [...bySubject.keys()].filter((c) => fails(bySubject.get(c)));
  if (!failing.length) return [];
  const cellOfTotal = (code: string) => {
    const o = bySubject.get(code)!;
    return o.status === "fail" ? o.finding.cells[0] : undefined;
  };
  const out: SubjectMove[] = [];
  const used = new Set<string>();
  const tryMove = (p: Row, from: string | undefined) => {
    const a = p.amounts[col];
    if (!hasValue(a) || !a.value) return;
    for (const to of failing) {
      if (to === from || used.has(to)) continue;
      if (!holds(compareSubject(to, [term(t12, a)]))) continue;
      if (from && !holds(compareSubject(from, [term(t12, a, -1)]))) continue;
      out.push({
        project: p,
        from,
        to,
        totals: [from && cellOfTotal(from), cellOfTotal(to)].filter((x): x is string => !!x),
      });
      return to;
    }
    return undefined;
  };
  for (const from of failing) {
    if (used.has(from)) continue;
    for (const p of opts.lines) {
      if (opts.codeOf(p) !== from) continue;
      const to = tryMove(p, from);
      if (to) {
        used.add(from).add(to);
        break;
      }
    }
  }
  for (const p of opts.missing) {
    const to = tryMove(p, undefined);
    if (to) used.add(to);
  }
  return out;
}

/** "表十一「A项目」的功能科目 2010699 疑为 2010602（该项目 50.00万元 计入 2010602 后，表三两科目的项目支出均相符）". */
function moveMessage(m: SubjectMove, t: Table, t12: Table, col: string): string {
  const a = m.project.amounts[col];
  const figure = `${a.text || fmt(a.value ?? 0, 2)}${t12.unit}`;
  const code = m.from ?? m.project.subjectCode ?? m.project.code ?? "";
  const after = m.from
    ? `${tableName(t)}「${m.from}」「${m.to}」两科目的项目支出均与之相符`
    : `${tableName(t)}「${m.to}」的项目支出与之相符（${code} 不在${tableName(t)}中）`;
  return `${tableName(t12)}「${m.project.label.trim()}」的功能科目 ${code} 疑为 ${m.to}（该项目 ${figure} 计入 ${m.to} 后，${after}）`;
}

export const subjectTotals = defineRule({
  id: "projects.subject-totals",
  category: "projects",
  title: "项目支出表按功能科目 ↔ 支出总表 / 一般公共预算支出表项目支出",
  description:
    "项目支出表列出各项目的功能科目（功能科目编码栏，或项目所在的类、款、项行）时：每个项目的科目应出现在支出总表中（一般公共预算资金的也应出现在一般公共预算支出表中）；项目支出表合计与支出总表项目支出合计相等时，同一科目下各项目之和 = 支出总表该科目的项目支出（一般公共预算列合计与一般公共预算支出表项目支出合计相等时，同一科目下各项目一般公共预算之和 = 该表该科目的项目支出）。两表合计不等时不按科目比较（由“基本支出 / 项目支出”核对报告）。某一项目的功能科目编码改为另一科目即可使两个科目都相符时（两科目差额方向相反、恰为该项目金额），只报一条：该项目的功能科目疑误。",
  severity: "error",
  source: {
    basis: "identity",
    ref: "部门预算公开表样各栏、各行的定义（同一笔资金在各表中列示相同；项目支出按功能科目列示）",
  },
  check: (report) => {
    const t12 = firstOf(report, "project_expenditure");
    if (!t12) return [na("没有项目支出表")];
    // The 项 lines the table prints over its projects carry the 科目's figure; else its projects, each with its code.
    const printed = t12.rows.filter(
      (r) => r.codeSystem === "functional" && r.code?.length === 7 && !r.partial
    );
    const lines = printed.length
      ? printed
      : checkedProjectLines(report)
          .filter((x) => x.table === t12 && x.row.subjectCode)
          .map((x) => x.row);
    if (!lines.length) return [na("项目支出表没有列出项目的功能科目")];
    const codeOf = (r: Row) => (r.codeSystem === "functional" ? r.code! : r.subjectCode!);
    const cellOf = (r: Row) => (r.codeSystem === "functional" ? r.codeCell : r.subjectCodeCell);
    const top12 = totalRow(t12) ?? t12.rows.find((r) => r.level === 0);
    const out: Outcome[] = [];
    let compared = false;
    const recoded = new Map<string, Finding>();
    // A project said to be missing from one table and recoded by the other: the recoding says it (see below).
    const missingOf = new Map<Outcome, Row>();
    const movedRows = new Set<Row>();
    for (const { kind, col } of SUBJECT_TABLES) {
      const t = firstOf(report, kind);
      const rows = t ? byCode(t) : undefined;
      if (!t || !rows?.size || t.empty) continue;
      const tot = totalRow(t);
      if (!tot?.amounts.project || !top12?.amounts[col]) continue;
      // A line whose code is unreadable (2.01E+06, a name not in the 政府收支分类科目) may be any 科目: no 科目 of that
      // table is then known to be missing, nor its figure to be the whole of it.
      if (t.rows.some((r) => r.level > 0 && !r.partial && !r.code && !r.key)) continue;
      // A 科目 listed twice (naming.repeated-subject): which line is which is not known.
      if (repeatedCodes(t).length) continue;
      compared = true;
      const codes = new Set(rows.keys());
      const groups = new Map<string, Row[]>();
      const missing: Row[] = [];
      for (const r of lines) {
        if (!hasValue(r.amounts[col])) continue;
        const anchor = anchorOf(codeOf(r), codes);
        if (anchor) groups.set(anchor, [...(groups.get(anchor) ?? []), r]);
        else missing.push(r);
      }
      // Per 科目 only when the 项目支出表 is the whole of the table's 项目支出 (equal totals, within rounding).
      const whole = sumOutcome({
        rule: "projects.subject-totals",
        severity: "error",
        total: term(t, tot.amounts.project),
        parts: [term(t12, top12.amounts[col])],
        subject: "",
        against: "",
      });
      const perSubject = whole.status !== "fail" || whole.finding.severity === "rounding";
      // Every 科目 the table gives 项目支出 at the depth it prints, with or without projects of the 项目支出表.
      const anchors = new Set(perSubject ? groups.keys() : []);
      if (perSubject)
        for (const [code, r] of rows)
          if (
            hasValue(r.amounts.project) &&
            anchorOf(code, codes) === code &&
            ![...codes].some((x) => x.length > code.length && x.startsWith(code))
          )
            anchors.add(code);
      const bySubject = new Map<string, Outcome>();
      const compareSubject = (code: string, extra: Term[] = []) => {
        const r = rows.get(code)!;
        const mine = groups.get(code) ?? [];
        return sumOutcome({
          rule: "projects.subject-totals",
          severity: "error",
          total: term(t, r.amounts.project),
          parts: [...columnTerms(t12, mine, col), ...extra],
          subject: `${tableName(t)}「${rowName(r)}」项目支出`,
          against: () =>
            mine.length
              ? `${tableName(t12)}功能科目为 ${code} 的${printed.length ? "行" : "各项目"}${col === "total" ? "" : "一般公共预算"}之和`
              : `${tableName(t12)}功能科目为 ${code} 的项目（没有）`,
          extraCells: mine.map(cellOf).filter((x): x is string => !!x),
        });
      };
      for (const code of anchors)
        if (rows.get(code)?.amounts.project) bySubject.set(code, compareSubject(code));
      // A project booked to the wrong 科目 (tester29 T29-14): two 科目 off by its amount, in opposite directions, or a
      // 科目 short by a project whose code the table does not list. Its code cell is the one figure to change; said
      // once, in place of the two 科目's findings, and kept from the localizer (which can only change amounts and
      // would blame correct ones).
      const moves = perSubject
        ? subjectMoves({
            t12,
            col,
            lines: printed.length ? projectsUnder(t12, printed) : lines,
            missing,
            bySubject,
            compareSubject,
            codeOf,
          })
        : [];
      const moved = new Set<Row>();
      for (const m of moves) {
        moved.add(m.project);
        for (const code of [m.from, m.to]) if (code) bySubject.delete(code);
        const key = `${m.project.label}|${cellOf(m.project)}|${m.to}`;
        const said = recoded.get(key);
        const cells = [cellOf(m.project), m.project.amounts[col]?.cell, ...m.totals].filter(
          (x): x is string => !!x
        );
        if (said) {
          // The 一般公共预算支出表 tells the same: one finding citing both tables.
          said.cells.push(...cells.filter((c) => !said.cells.includes(c)));
          said.message = said.message.replace(/）$/, `；${tableName(t)}同）`);
          continue;
        }
        const finding: Finding = {
          rule: "projects.subject-totals",
          severity: "error",
          message: moveMessage(m, t, t12, col),
          cells,
          expected: null,
          actual: null,
          difference: null,
        };
        recoded.set(key, finding);
        out.push({ status: "fail", finding });
      }
      for (const r of missing)
        if (!moved.has(r)) {
          const o: Outcome = {
            status: "fail",
            finding: {
              rule: "projects.subject-totals",
              severity: "error",
              message: `${tableName(t12)}「${r.label.trim()}」的功能科目 ${codeOf(r)} 不在${tableName(t)}中（${tableName(t)}未列此科目，该项目 ${r.amounts[col].text || r.amounts[col].value}${t12.unit}无处可对）`,
              cells: [cellOf(r), r.amounts[col].cell].filter((x): x is string => !!x),
              expected: null,
              actual: null,
              difference: null,
            },
          };
          missingOf.set(o, r);
          out.push(o);
        }
      for (const r of moved) movedRows.add(r);
      out.push(...bySubject.values());
    }
    if (!compared) return [na("缺少按功能科目列示项目支出的支出总表或一般公共预算支出表")];
    const kept = out.filter((o) => !movedRows.has(missingOf.get(o)!));
    return kept.length ? kept : [{ status: "pass" }];
  },
});

export const PROJECT_RULES = [
  coverage,
  nameMismatch,
  annualAmount,
  formSources,
  oneYearPeriod,
  sourceByName,
  subjectTotals,
];
