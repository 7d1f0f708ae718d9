/** Runs the catalog over a report: outcomes per rule, counts, and findings grouped so one cause reads once. */
import type { Report } from "../model/schema";
import { CATALOG } from "./catalog";
import { correctUnits } from "./units";
import { unitLinks } from "./unit-rows";
import type {
  Category,
  CheckedIdentity,
  CheckResult,
  Finding,
  Outcome,
  RuleDef,
  Severity,
} from "./rule";
import { invalidAmounts, staleFormulas, staleWords } from "./input";
import { groupedByPrecision } from "./flood";
import type { Identity } from "./identity";
import { localize, type LocalizeOptions } from "../localize/localize";
import { setReport, tableSets } from "../model/sets";
import { unitSetGaps } from "./completeness";
import { checkedForm } from "./printed";

export interface CheckOptions {
  /** Rule ids or categories to skip. */
  skip?: string[];
  rules?: ReadonlyArray<RuleDef>;
  /** Error localization options (time budget, MIP solver); false to leave the findings unlocalized. */
  localize?: LocalizeOptions | false;
}

/** The findings of an identity that explains none (most hold): one frozen list shared by all of them. */
const NO_FINDINGS = Object.freeze([]) as unknown as number[];

/** Rules about the workbook as read (hidden sheets, unreadable cells, stray content): run once, never per set. */
const WORKBOOK_CATEGORIES: ReadonlySet<Category> = new Set<Category>(["input", "printed"]);
/**
 * Rules judged for the 部门's own set only when a workbook holds several (the 单位's sets are often parts); a 单位's set
 * is judged against the 部门's by the function given (a full set lacking a table the 部门's prints, completeness.ts).
 */
const ONCE_FOR_DEPARTMENT: ReadonlyMap<string, (department: Report, unit: Report) => Outcome[]> =
  new Map([["completeness.required-tables", unitSetGaps]]);
/** Rules comparing one set with another (a 单位's tables against the 部门's lines of it): run once on the whole workbook. */
const ACROSS_SETS: ReadonlySet<string> = new Set(["cross.unit-rows"]);

/** The sets' tables (as each set's check sees them: units corrected) in the workbook's order. */
function inOrder(report: Report, sets: ReturnType<typeof tableSets>, parts: Report[]) {
  const of = new Map<Report["tables"][number], Report["tables"][number]>();
  sets.forEach((s, i) => s.tables.forEach((t, k) => of.set(t, parts[i].tables[k])));
  return report.tables.map((t) => of.get(t) ?? t);
}

/** A rule's outcomes on a report; a rule that throws is not applicable, with the reason. */
function runRule(rule: RuleDef, report: Report): ReadonlyArray<Outcome> {
  try {
    return rule.check(report);
  } catch {
    return [
      {
        status: "na" as const,
        reason: "规则执行时发生内部错误，未检查（请把文件交给开发者排查）",
      },
    ];
  }
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, rounding: 2, info: 3 };

/**
 * One cross-table finding per figure: when several comparisons fail on the same checked cell (the first cell
 * cited), keep the first (the catalog lists the most direct comparison first).
 */
function findingKey(f: Finding): string {
  return f.rule.startsWith("cross.") && f.cells[0]
    ? `cross|${f.cells[0]}`
    : `${f.rule}|${f.cells.join(",")}|${f.message}`;
}
/** The findings without repeats, and per key the finding kept for it. */
function groupFindings(findings: Finding[]): { kept: Finding[]; byKey: Map<string, Finding> } {
  const byKey = new Map<string, Finding>();
  const kept: Finding[] = [];
  for (const f of findings) {
    const key = findingKey(f);
    if (byKey.has(key)) continue;
    byKey.set(key, f);
    kept.push(f);
  }
  return { kept, byKey };
}

export function checkReport(report: Report, opts: CheckOptions = {}): CheckResult {
  const rules = (opts.rules ?? CATALOG).filter(
    (r) => !opts.skip?.includes(r.id) && !opts.skip?.includes(r.category)
  );
  const all: Finding[] = [];
  // Parallel lists (no wrapper object per checked identity): the identity and the finding of its outcome.
  const checked: Identity[] = [];
  const checkedFinding: Array<Finding | undefined> = [];
  const bounds: string[] = [];
  const perRule: CheckResult["perRule"] = [];
  // A workbook holding the 部门's set of tables and each 单位's (model/sets.ts) is checked set by set: each set within
  // itself and across its own tables, as a one-set workbook; the 输入 and 打印 rules read the workbook as a whole.
  // A unit every magnitude contradicts is read as the unit the figures are in (one finding, naming.unit-magnitude),
  // within its set. A fresh object per check and set: rules memoize what several of them derive (units, project
  // pairing, unreadable amounts) on it, never across checks.
  const sets = tableSets(report);
  // The 部门's set first: its lines of each 单位 (its 收入总表 / 支出总表 by 单位, unit-rows.ts), in the units its own
  // check reads them, settle which of a 单位's tables prints the wrong unit when the 单位's two tables only contradict
  // each other (tester32 T32-2).
  const parts: Report[] = [];
  for (let si = 0; si < sets.length; si++)
    parts.push(
      correctUnits(
        { ...setReport(report, sets[si]) },
        si ? unitLinks(parts[0].tables, sets[si]) : undefined
      )
    );
  const effective =
    sets.length === 1 ? parts[0] : { ...report, tables: inOrder(report, sets, parts) };
  // The sum and cross-table rules check each set as printed where a hidden row or column is not part of its totals
  // (last year's line left in, a column of old figures: printed.ts checkedForm); the 输入 and 打印 rules read the
  // workbook as stored (printed.hidden-amounts names the hidden figures).
  const checked0 = parts.map(checkedForm);
  const checkedAll =
    sets.length === 1 ? checked0[0] : { ...report, tables: inOrder(report, sets, checked0) };
  // Each set's findings name its 单位 when there are several (the cited sheets may not).
  const prefixes = sets.map((s) => `【${s.name}】`);
  // A comparison that involves a cell holding no amount (#REF!, TRUE, text …) is not made: input.unreadable-amount names the cell.
  const invalid = new Set(invalidAmounts(effective).map((x) => x.amount.cell));
  // Indexed loops here and in the rules' row loops: until V8 optimizes a function (the command tiers up late, see
  // src/cli/v8-tiering.ts), a for-of over an array makes an iterator and one result object per element.
  for (let ri = 0; ri < rules.length; ri++) {
    const rule = rules[ri];
    let outcomes: ReadonlyArray<Outcome>;
    if (WORKBOOK_CATEGORIES.has(rule.category)) outcomes = runRule(rule, effective);
    else if (sets.length === 1 || ACROSS_SETS.has(rule.id)) outcomes = runRule(rule, checkedAll);
    else {
      const all: Outcome[] = [];
      // The tables a 部门 must publish are judged once, for its own set (the first): a 单位's set is often a part
      // (its 收支总表 and 支出总表 only, tester32 T32-1) and is checked within itself and across its own tables.
      // A 单位's full set (its own 单位预算) lacking a table the 部门's prints is still said (tester33 T33-19).
      const against = ONCE_FOR_DEPARTMENT.get(rule.id);
      for (let si = 0; si < parts.length; si++) {
        const got =
          si && against ? against(checked0[0], checked0[si]) : runRule(rule, checked0[si]);
        for (let k = 0; k < got.length; k++) {
          const o = got[k];
          all.push(
            o.status === "fail"
              ? { ...o, finding: { ...o.finding, message: prefixes[si] + o.finding.message } }
              : o
          );
        }
      }
      outcomes = all;
    }
    const stat = {
      id: rule.id,
      checked: 0,
      passed: 0,
      failed: 0,
      notApplicable: 0,
      reasons: [] as string[],
      nothingToCheck: true,
    };
    // Outcomes come in many shapes (pass, fail, with identity, also, bounds): each field is read once.
    for (let k = 0; k < outcomes.length; k++) {
      const o = outcomes[k];
      const status = o.status;
      if (status === "na") {
        stat.notApplicable++;
        if (!o.nothingToCheck) stat.nothingToCheck = false;
        if (!stat.reasons.includes(o.reason)) stat.reasons.push(o.reason);
        continue;
      }
      const finding = status === "fail" ? o.finding : undefined;
      if (
        finding &&
        finding.rule.startsWith("input.") === false &&
        finding.cells.some((c) => invalid.has(c))
      ) {
        stat.notApplicable++;
        stat.nothingToCheck = false;
        const reason = "涉及不是金额的单元格";
        if (!stat.reasons.includes(reason)) stat.reasons.push(reason);
        continue;
      }
      stat.checked++;
      if (finding) {
        stat.failed++;
        all.push(finding);
      } else stat.passed++;
      const identity = o.identity;
      if (identity) {
        checked.push(identity);
        checkedFinding.push(finding && !identity.soft ? finding : undefined);
      }
      const also = o.also;
      if (also)
        for (let j = 0; j < also.length; j++) {
          const x = also[j];
          checked.push(x);
          checkedFinding.push(finding && !x.soft ? finding : undefined);
        }
      const cells = o.status === "pass" ? o.bounds : undefined;
      if (cells) for (let j = 0; j < cells.length; j++) bounds.push(cells[j]);
    }
    // Said only of a rule that checked nothing and found no case anywhere (the 审核结果 lists those apart).
    const { nothingToCheck, ...counts } = stat;
    perRule.push(nothingToCheck && !stat.checked && stat.notApplicable ? stat : counts);
  }
  // A figure whose formula's stored result is out of date (input.stale-formula): the comparisons citing it say so — a
  // recalculation, not an edit, may be all they need.
  const stale = staleFormulas(effective);
  if (stale.length) {
    const byCell = new Map(stale.map((x) => [x.amount.cell, x]));
    for (const f of all) {
      if (f.rule === "input.stale-formula" || f.severity === "info") continue;
      const xs = [...new Set(f.cells)].flatMap((c) => byCell.get(c) ?? []);
      if (xs.length)
        f.message += `；其中 ${xs.map(staleWords).join("；")}：公式结果未更新，请在 Excel 中重算（F9）后再核对`;
    }
  }
  const grouped = groupFindings(all);
  // The 尾差 of a table printed coarser than the tables it is compared with: one finding for the table (flood.ts).
  const rounded = groupedByPrecision(grouped.kept, effective);
  const findings = rounded.findings.sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]
  );
  // A finding dropped as a repeat of the same figure is reported by the one kept for that figure; a 尾差 grouped for
  // its table, by the table's finding.
  const kept = new Map<Finding, number>(findings.map((f, i) => [f, i]));
  for (const [f, g] of rounded.into) kept.set(f, kept.get(g)!);
  // Identities are made afresh by each rule run: they take their finding index in place (no copy of thousands of
  // them, and no callback per identity: an indexed loop, see above).
  const identities = checked as CheckedIdentity[];
  for (let k = 0; k < identities.length; k++) {
    const finding = checkedFinding[k];
    const i = finding
      ? (kept.get(finding) ?? kept.get(grouped.byKey.get(findingKey(finding))!))
      : undefined;
    identities[k].findings = i === undefined ? NO_FINDINGS : [i];
  }
  const sum = (k: "checked" | "passed" | "failed" | "notApplicable") =>
    perRule.reduce((s, r) => s + r[k], 0);
  // A 续表 on another sheet is one table with its first part (the localizer's whole-table causes group by table).
  // (Indexed, no list made per table: most tables continue nowhere.)
  const joined: Array<{ sheet: string; range: string; table: string }> = [];
  for (let ti = 0; ti < effective.tables.length; ti++) {
    const t = effective.tables[ti];
    const parts = t.continued;
    if (parts)
      for (let j = 0; j < parts.length; j++)
        if (parts[j].sheet !== t.sheet)
          joined.push({ sheet: parts[j].sheet, range: parts[j].range, table: t.sheet });
  }
  const base = {
    findings,
    identities,
    bounds,
    ...(joined.length ? { joined } : {}),
    causes: [],
    localization: { status: "skipped" as const, unexplained: [] },
  };
  return {
    ...(opts.localize === false ? base : withCauses(base, opts.localize)),
    rules: {
      checked: sum("checked"),
      passed: sum("passed"),
      failed: sum("failed"),
      notApplicable: sum("notApplicable"),
    },
    perRule,
  };
}

/**
 * The result with its causes (re)computed — e.g. again with the MIP solver once it is loaded, when the first pass
 * left findings unexplained. Causes are ordered by the number of findings they explain.
 */
export function withCauses<
  R extends Pick<
    CheckResult,
    "findings" | "identities" | "bounds" | "joined" | "causes" | "localization"
  >,
>(result: R, opts: LocalizeOptions = {}): R {
  const loc = localize(
    result.identities,
    result.findings,
    result.joined ? { ...opts, joined: result.joined } : opts,
    result.bounds
  );
  const causes = loc.causes.sort(
    (a, b) => b.explains.length - a.explains.length || a.explains[0] - b.explains[0]
  );
  return { ...result, causes, localization: { status: loc.status, unexplained: loc.unexplained } };
}
