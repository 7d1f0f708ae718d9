/**
 * What the pane and the ribbon commands do, phase by phase (读取 → 识别 → 审核 → 标记), over the Office host:
 * every review reads the workbook afresh; the reviewer's corrections and decisions come from the workbook's
 * settings in the same first round trip; the review plan is built by the core and applied by the Office host.
 * Messages for the reviewer are Chinese sentences (`ReviewProblem`), never Office's own text.
 */
import type { SheetGrid } from "../core/grid/grid";
import { cellAreas, parseRef } from "../core/grid/address";
import { importWorkbook } from "../core/importer/importer";
import type { Report } from "../core/model/schema";
import { applyCorrections, parseCorrections, type Correction } from "../core/model/corrections";
import { checkReport } from "../core/rules/engine";
import type { CheckResult } from "../core/rules/rule";
import { REVIEW_SHEET_NAMES, SHEET_TAG, type ReviewPlan } from "../core/review/plan";
import type { PlanInput } from "../core/review/build";
import {
  addDecisionsToPlan,
  parseDecisions,
  withDecisions,
  type DecidedFinding,
  type Decision,
} from "../core/decisions/decisions";
import { arithmeticOf, type Arithmetic } from "../core/findings/arithmetic";
import { readWorkbookGrids } from "../hosts/office/read";
import {
  applyPlan,
  clearReview,
  noteKind,
  type ApplyResult,
  type ClearResult,
} from "../hosts/office/apply";
import { queueSettings, saveSetting } from "../hosts/office/settings";

export type Phase = "read" | "recognise" | "check" | "mark";
export const PHASES: Phase[] = ["read", "recognise", "check", "mark"];
export const PHASE_NAMES: Record<Phase, string> = {
  read: "读取",
  recognise: "识别",
  check: "审核",
  mark: "标记",
};

/** Above this many used cells the pane declines (Excel's 5M-cell read limit; budget workbooks hold < 100k). */
export const MAX_CELLS = 2_000_000;

export type { PlanInput };
export type PlanBuilder = (input: PlanInput) => ReviewPlan;

export interface ReviewOutcome {
  grids: SheetGrid[];
  report: Report;
  result: CheckResult;
  decided: DecidedFinding[];
  arithmetic: Map<number, Arithmetic>;
  corrections: Correction[];
  decisions: Decision[];
  catalogVersion: string;
  applied?: ApplyResult;
  /** When the read finished (ms since epoch). */
  readAt: number;
}

/** A condition the reviewer must be told about, in Chinese. */
export class ReviewProblem extends Error {
  constructor(
    readonly kind:
      "too-old" | "no-tables" | "too-large" | "changed" | "protected" | "name-taken" | "office",
    message: string
  ) {
    super(message);
  }
}

export function supports(version: string): boolean {
  return !!Office.context?.requirements?.isSetSupported?.("ExcelApi", version);
}

export function requireExcel(): void {
  if (!supports("1.9"))
    throw new ReviewProblem(
      "too-old",
      "当前 Excel 版本过旧：预算审核需要 ExcelApi 1.9（Office 2021、Office 2024 或 Microsoft 365）。Office 2016 / 2019 无法使用本加载项，可改用命令行工具审核文件。"
    );
}

export interface ReviewOptions {
  build: PlanBuilder;
  catalogVersion: string;
  productVersion: string;
  onPhase?: (p: Phase) => void;
  /** marks: marks only (sheets replaced only where they exist); all: marks and both sheets; none: read and check only. */
  write: "marks" | "all" | "none";
  activate?: string;
  /** Used cells above which the review declines (default MAX_CELLS). */
  maxCells?: number;
}

/** 开始审核 / 插入汇总表 / 一键审核: read afresh, recognise, check, and (unless write is none) mark. */
export async function review(opts: ReviewOptions): Promise<ReviewOutcome> {
  requireExcel();
  opts.onPhase?.("read");
  let settings!: ReturnType<ReturnType<typeof queueSettings>["read"]>;
  const { grids: all } = await Excel.run(async (ctx) => {
    const queued = queueSettings(ctx); // loaded in the read's first sync
    const read = await readWorkbookGrids(ctx, { mergedAreas: supports("1.13") });
    settings = queued.read();
    return read;
  });
  const readAt = Date.now();
  const grids = all.filter((g) => !isReviewSheet(g));
  const cells = grids.reduce((n, g) => n + g.values.length * (g.values[0]?.length ?? 0), 0);
  const limit = opts.maxCells ?? MAX_CELLS;
  if (cells > limit)
    throw new ReviewProblem(
      "too-large",
      `工作簿过大：已使用 ${cells.toLocaleString("zh-CN")} 个单元格，超过 ${limit.toLocaleString("zh-CN")} 个的上限。请删去与预算公开无关的工作表后再审核，或用命令行工具审核文件。`
    );

  opts.onPhase?.("recognise");
  await tick();
  const corrections = parseCorrections(settings.corrections);
  const decisions = parseDecisions(settings.decisions);
  const report = applyCorrections(importWorkbook(grids), corrections).report;
  if (!report.tables.length)
    throw new ReviewProblem(
      "no-tables",
      "没有识别到预算表。请确认打开的是部门预算公开工作簿（收支总表、支出总表、一般公共预算支出表等），或在表格标题中写明表名。"
    );

  opts.onPhase?.("check");
  await tick();
  const result = checkReport(report);
  const { findings: decided, kept } = withDecisions(result, decisions, opts.catalogVersion);
  const outcome: ReviewOutcome = {
    grids,
    report,
    result,
    decided,
    arithmetic: arithmeticOf(report, result),
    corrections,
    decisions,
    catalogVersion: opts.catalogVersion,
    readAt,
  };
  if (opts.write === "none") return outcome;

  opts.onPhase?.("mark");
  await tick();
  let plan = opts.build({
    report,
    result: kept,
    grids,
    file: fileName(),
    reviewedAt: new Date(readAt).toISOString(),
    productVersion: opts.productVersion,
  });
  plan = addDecisionsToPlan(plan, decided);
  const expectValues = citedValues(grids, result);
  const applied = await Excel.run((ctx) =>
    applyPlan(ctx, plan, {
      notes: noteKind(ctx, supports),
      sheets: opts.write === "all" ? "all" : "existing",
      activate: opts.activate,
      expectValues,
    })
  );
  outcome.applied = applied;
  if (applied.changed.length)
    throw new ReviewProblem(
      "changed",
      `审核期间工作簿被修改（${applied.changed.slice(0, 3).join("、")}${applied.changed.length > 3 ? " 等" : ""}），未做任何标记。请重新审核。`
    );
  return outcome;
}

/** 清除标记. */
export async function clear(): Promise<ClearResult> {
  requireExcel();
  return Excel.run((ctx) => clearReview(ctx, { notes: noteKind(ctx, supports) }));
}

/** Saves the reviewer's decisions or corrections in the workbook. */
export async function save(
  name: "decisions" | "corrections",
  value: Decision[] | Correction[]
): Promise<void> {
  await Excel.run((ctx) => saveSetting(ctx, name, value));
}

/**
 * Selects the checked figure and its parts: all of them at once where Excel can select several areas (RangeAreas.select,
 * ExcelApi 1.18), else the checked figure. Excel scrolls to the selection. Cells on other sheets than the first are left
 * out of a multi-area selection (one selection lives on one sheet).
 */
export async function selectCells(refs: string[]): Promise<{ selected: number; total: number }> {
  const parsed = refs.map((r) => parseRef(r));
  const total = new Set(refs).size;
  const sheet = parsed[0]?.sheet;
  if (!sheet) return { selected: 0, total };
  // Consecutive rows of a column as one area (a grouped finding cites a whole project list), and no longer an address
  // than Excel takes for a reference (255 characters): the first areas that fit.
  const all = cellAreas(parsed.filter((p) => p.sheet === sheet));
  const here: typeof all = [];
  let length = -2;
  for (const a of all) {
    if (here.length && length + 2 + a.area.length > MAX_ADDRESS) break;
    here.push(a);
    length += 2 + a.area.length;
  }
  const areas = supports("1.18") && here.length > 1;
  await Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    ws.activate();
    if (areas) ws.getRanges(here.map((a) => a.area).join(", ")).select();
    else ws.getRange(here[0].area).select();
    await ctx.sync();
  });
  return { selected: areas ? here.reduce((n, a) => n + a.cells, 0) : here[0].cells, total };
}
/** Excel's longest reference text (a defined name's or a formula's reference is at most 255 characters). */
const MAX_ADDRESS = 255;

/** The selected range's address and the current values of the given cells (one round trip): for 选中单元格 and staleness. */
export async function selectionAndValues(
  refs: string[]
): Promise<{ address: string; values: Map<string, unknown> }> {
  return Excel.run(async (ctx) => {
    const sel = ctx.workbook.getSelectedRange().load("address");
    const reads = refs.map((ref) => {
      const p = parseRef(ref);
      return {
        ref,
        range: ctx.workbook.worksheets
          .getItemOrNullObject(p.sheet ?? "")
          .getRangeByIndexes(p.r0, p.c0, 1, 1)
          .load("values"),
      };
    });
    await ctx.sync();
    return {
      address: sel.address,
      values: new Map(reads.map((r) => [r.ref, r.range.values?.[0]?.[0]])),
    };
  });
}

/** 'Sheet'!A1 → the value the review read, for every cell the findings cite. */
export function citedValues(grids: SheetGrid[], result: CheckResult): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const bySheet = new Map(grids.map((g) => [g.sheet, g]));
  for (const f of result.findings)
    for (const ref of f.cells) {
      const m = /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]+)\$?(\d+)$/.exec(ref);
      if (!m) continue;
      const g = bySheet.get(m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]);
      if (!g) continue;
      let col = 0;
      for (const ch of m[3]) col = col * 26 + ch.charCodeAt(0) - 64;
      const r = Number(m[4]) - 1 - g.origin.row;
      const c = col - 1 - g.origin.col;
      out[ref] = g.values[r]?.[c] ?? "";
    }
  return out;
}

/** A sheet the product inserted (审核结果 / 预算汇总 with the tag in A1): never reviewed as the user's data. */
export function isReviewSheet(g: SheetGrid): boolean {
  if (!(REVIEW_SHEET_NAMES as readonly string[]).includes(g.sheet)) return false;
  const a1 = g.origin.row === 0 && g.origin.col === 0 ? g.values[0]?.[0] : "";
  return String(a1 ?? "").startsWith(SHEET_TAG);
}

function fileName(): string {
  const url = (Office.context as unknown as { document?: { url?: string } })?.document?.url ?? "";
  return decodeURIComponent(url.split(/[\\/]/).pop() ?? "") || "当前工作簿";
}

/** Lets React paint the phase before the CPU-bound step runs. */
const tick = () => new Promise((r) => setTimeout(r, 0));

/** A Chinese sentence for an Office error (codes are stable; Office's messages are not meant for users). */
export function problemText(e: unknown): string {
  if (e instanceof ReviewProblem) return e.message;
  const code = (e as { code?: string })?.code;
  const known: Record<string, string> = {
    ItemNotFound: "找不到对应的工作表或单元格（可能已被删除或改名）。",
    AccessDenied: "工作表受保护，无法执行该操作。",
    InvalidArgument: "参数无效。",
    RequestPayloadSizeLimitExceeded: "工作簿过大，超出 Excel 单次读取上限。",
    ApiNotFound: "当前 Excel 版本不支持该功能。",
    GeneralException: "Excel 内部错误，请稍后重试。",
  };
  return (code && known[code]) || `出错了：${e instanceof Error ? e.message : String(e)}`;
}
