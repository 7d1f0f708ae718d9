/**
 * The reviewer's decisions on findings (已核实 confirmed / 忽略 dismissed with a reason), kept with the workbook
 * (the Office host stores them in the workbook's settings) and used on every later review:
 * - a dismissed finding is left out of the marks and listed, with its reason, in 审核结果's 审核意见 block;
 * - a decision made under another rule-catalog version is flagged for a second look (the rule may have changed).
 * A finding is matched by its rule and the cells it cites (not its message or figures), so a decision survives a
 * corrected figure elsewhere but not a change of what the rule compares.
 */
import { z } from "zod";
import type { CheckResult, Finding } from "../rules/rule";
import { SEVERITY_NAMES } from "../rules/rule";
import { plainIdentity } from "../rules/identity";
import type { PlanSheet, ReviewPlan } from "../review/plan";
import { ruleTitle } from "../review/marks";

export const DecisionSchema = z.object({
  /** findingKey of the finding decided on. */
  key: z.string(),
  rule: z.string(),
  /** The checked figure ('Sheet'!A1), for the 审核意见 block. */
  cell: z.string(),
  status: z.enum(["confirmed", "dismissed"]),
  /** Required for dismissed. */
  reason: z.string().default(""),
  /** The rule catalog's version when the decision was made. */
  catalogVersion: z.string(),
  /** ISO 8601. */
  decidedAt: z.string(),
});
export type Decision = z.infer<typeof DecisionSchema>;
export const DecisionsSchema = z.array(DecisionSchema);

export const DECISION_NAMES = { confirmed: "已核实", dismissed: "忽略" } as const;

/** Rule id and cited cells: stable across reviews while the rule compares the same cells. */
export function findingKey(f: Pick<Finding, "rule" | "cells">): string {
  return `${f.rule}|${f.cells.join(",")}`;
}

/** Parses stored decisions; anything unreadable (another version, hand-edited) reads as none rather than failing. */
export function parseDecisions(json: unknown): Decision[] {
  try {
    const r = DecisionsSchema.safeParse(typeof json === "string" ? JSON.parse(json) : json);
    return r.success ? r.data : [];
  } catch {
    return [];
  }
}

/** Sets (or, with status undefined, withdraws) the decision on one finding. */
export function decide(
  decisions: Decision[],
  f: Finding,
  status: Decision["status"] | undefined,
  reason: string,
  catalogVersion: string,
  decidedAt: string
): Decision[] {
  const key = findingKey(f);
  const rest = decisions.filter((d) => d.key !== key);
  if (!status) return rest;
  if (status === "dismissed" && !reason.trim()) throw new Error("忽略一条结果时必须填写理由");
  return [
    ...rest,
    {
      key,
      rule: f.rule,
      cell: f.cells[0] ?? "",
      status,
      reason: reason.trim(),
      catalogVersion,
      decidedAt,
    },
  ];
}

export interface DecidedFinding {
  index: number;
  finding: Finding;
  decision?: Decision;
  /** The decision was made under another catalog version: look again. */
  outdated: boolean;
}

/** Every finding with its decision; `kept` is the check result without the dismissed findings (what gets marked). */
export function withDecisions(
  result: CheckResult,
  decisions: Decision[],
  catalogVersion: string
): { findings: DecidedFinding[]; kept: CheckResult } {
  const byKey = new Map(decisions.map((d) => [d.key, d]));
  const findings = result.findings.map((finding, index) => {
    const decision = byKey.get(findingKey(finding));
    return {
      index,
      finding,
      decision,
      outdated: !!decision && decision.catalogVersion !== catalogVersion,
    };
  });
  // A dismissed finding whose decision is outdated is marked again until the reviewer looks at it once more.
  const dropped = new Set(
    findings.filter((x) => x.decision?.status === "dismissed" && !x.outdated).map((x) => x.index)
  );
  const remap = new Map<number, number>();
  const keptFindings = result.findings.filter((_, i) => {
    if (dropped.has(i)) return false;
    remap.set(i, remap.size);
    return true;
  });
  const renumber = (ids: number[]) => ids.filter((i) => remap.has(i)).map((i) => remap.get(i)!);
  const identities = (result.identities ?? []).map((id) => ({
    ...plainIdentity(id),
    findings: renumber(id.findings),
  }));
  const kept: CheckResult = { ...result, findings: keptFindings, identities };
  // The localizer's causes (when present) explain findings by index: renumbered, and a cause left with none dropped.
  const causes = (result as { causes?: Array<{ explains: number[] }> }).causes;
  if (Array.isArray(causes))
    Object.assign(kept, {
      causes: causes
        .map((c) => ({ ...c, explains: renumber(c.explains) }))
        .filter((c) => c.explains.length),
    });
  return { findings, kept };
}

/**
 * Appends the 审核意见 block (every decision: 级别, 规则, 单元格, 意见, 理由, 日期, and 需复核 when outdated) below the
 * content of the plan's 审核结果 sheet. Pure: returns a new plan.
 */
export function addDecisionsToPlan(
  plan: ReviewPlan,
  decided: DecidedFinding[],
  sheetName = "审核结果"
): ReviewPlan {
  const rows = decided.filter((d) => d.decision);
  const sheet = plan.sheets.find((s) => s.name === sheetName);
  if (!sheet || !rows.length) return plan;
  const start = Math.max(-1, ...sheet.cells.map((c) => c.row)) + 2;
  // 规则 in Chinese as the findings above; the id last, in 规则编号 as there.
  const header = [
    "序号",
    "级别",
    "规则",
    "单元格",
    "意见",
    "理由",
    "日期",
    "说明",
    "",
    "",
    "规则编号",
  ];
  const cells: PlanSheet["cells"] = [
    { row: start, col: 0, value: `审核意见（${rows.length} 条）`, style: "decisionTitle" },
  ];
  header.forEach(
    (h, col) => h && cells.push({ row: start + 1, col, value: h, style: "decisionHeader" })
  );
  rows.forEach((d, i) => {
    const r = start + 2 + i;
    const dec = d.decision!;
    const values = [
      i + 1,
      SEVERITY_NAMES[d.finding.severity],
      ruleTitle(d.finding.rule),
      dec.cell,
      DECISION_NAMES[dec.status],
      dec.reason,
      dec.decidedAt.slice(0, 10),
      d.outdated ? `规则目录已更新（原 ${dec.catalogVersion}），需复核` : "",
      undefined,
      undefined,
      d.finding.rule,
    ];
    values.forEach(
      (value, col) =>
        value !== undefined && cells.push({ row: r, col, value, style: "decisionBody" })
    );
  });
  const styles = {
    ...plan.styles,
    decisionTitle: { font: { bold: true, size: 12 } },
    decisionHeader: {
      font: { bold: true },
      fill: "#E7E6E6",
      border: {
        top: "thin" as const,
        bottom: "thin" as const,
        left: "thin" as const,
        right: "thin" as const,
        color: "#BFBFBF",
      },
    },
    decisionBody: {
      alignment: { vertical: "top" as const, wrapText: true },
      border: { bottom: "thin" as const, color: "#D9D9D9" },
    },
  };
  return {
    ...plan,
    styles,
    sheets: plan.sheets.map((s) => (s === sheet ? { ...s, cells: [...s.cells, ...cells] } : s)),
  };
}
