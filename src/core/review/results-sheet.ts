/**
 * The 审核结果 sheet: a header block (file, 部门, 年度, 单位, time, versions, rule counts, counts per severity); the
 * 疑似出错的单元格 (the localizer's causes: the fewest cells whose correction explains the findings), read first; one
 * row per finding (序号, 级别, 规则 in Chinese, 表, 单元格 linked to the cell, 说明, 应为, 实为, 差额, 相关单元格, 规则编号 —
 * the rule's id, for the catalog and `--skip`) sorted by severity then table order, with an AutoFilter and a frozen
 * header (see FROZEN_MAX_HEIGHT); then what was not checked: unrecognized sheets or regions and rules that did not
 * apply, with the reasons (nothing unchecked may read as passed).
 */
import type { Report, Unit } from "../model/schema";
import { elsewhereText, locatedElsewhere } from "./located";
import { KIND_NAMES } from "../model/names";
import { SEVERITY_NAMES, type CheckResult, type Finding, type Severity } from "../rules/rule";
import { tableName } from "../rules/helpers";
import { parseRef, rangeA1 } from "../grid/address";
import { REVIEW_SHEET_NAMES, SHEET_TAG, type PlanSheet } from "./plan";
import { reviewTime, SheetBuilder } from "./sheet";
import { ruleTitle, splitRef } from "./marks";
import { SEVERITY_ORDER } from "./styles";
import { noFindingsVerdict, notApplicableText } from "./verdict";
import { firstSet } from "../model/sets";

export interface ReviewMeta {
  file: string;
  reviewedAt: string;
  product: string;
  productVersion: string;
  catalogVersion: string;
}

export const RESULTS_SHEET = REVIEW_SHEET_NAMES[0];
/** What 审核结果's 未识别 section (and the CLI's text report) says of a hidden sheet. */
export const HIDDEN_SHEET_NOTE = "隐藏的工作表：已读取，请确认其内容是否应公开";
/** Columns of the findings table; the 级别 column (B) is what 预算汇总 counts. */
export const FINDING_HEADERS = [
  "序号",
  "级别",
  "规则",
  "表",
  "单元格",
  "说明",
  "应为",
  "实为",
  "差额",
  "相关单元格",
  "规则编号",
] as const;
export const LEVEL_COLUMN = "B";

/** The 级别 cells of the findings rows ("B14:B46"), from the sheet's AutoFilter over the findings table; none without findings. */
export function levelRange(sheet: PlanSheet): string | undefined {
  const m = /^A(\d+):[A-Z]+(\d+)$/.exec(sheet.autoFilter ?? "");
  return m && Number(m[2]) > Number(m[1])
    ? `${LEVEL_COLUMN}${Number(m[1]) + 1}:${LEVEL_COLUMN}${m[2]}`
    : undefined;
}
/**
 * Rows above the findings table (header block, causes, the findings header) are frozen only up to this height in
 * points: about a third of a 1366×768 laptop's grid at 100 %. Taller (many causes), nothing is frozen — frozen rows
 * taller than the window would leave no finding reachable — and the AutoFilter still works.
 */
export const FROZEN_MAX_HEIGHT = 240;

/** Does the table's region (or one of its 续表 parts) hold this sheet row (0-based)? */
function holdsRow(t: Report["tables"][number], sheet: string | undefined, r0: number): boolean {
  return [{ sheet: t.sheet, range: t.range }, ...(t.continued ?? [])].some((part) => {
    if (part.sheet !== sheet) return false;
    const r = parseRef(part.range);
    return r0 >= r.r0 && r0 <= r.r1;
  });
}

/** Where a finding sits in the workbook: its table's order, then sheet row and column of the checked cell. */
function position(report: Report, f: Finding): [number, number, number] {
  const ref = f.cells[0];
  if (!ref) return [Number.MAX_SAFE_INTEGER, 0, 0];
  try {
    const p = parseRef(ref);
    const idx = report.tables.findIndex((t) => holdsRow(t, p.sheet, p.r0));
    const sheetIdx = report.tables.findIndex((t) => t.sheet === p.sheet);
    return [idx >= 0 ? idx : sheetIdx >= 0 ? sheetIdx : Number.MAX_SAFE_INTEGER, p.r0, p.c0];
  } catch {
    return [Number.MAX_SAFE_INTEGER, 0, 0];
  }
}

/**
 * The table a finding's checked cell is in, as the 表 column names it. A finding's 应为 / 实为 / 差额 are in that
 * table's unit, or in `Finding.unit` when it compares tables printed in different units (a 三公 table in 万元 against
 * a 元 one: the figures may be in the other table's unit): when that is not the workbook's (a 绩效目标表 in 元 beside
 * tables in 万元), or not the table's own, the name says the unit, so that 603,840 is never read as 万元 under the
 * header's 单位 (tester29 T29-9).
 */
function tableOf(report: Report, ref: string | undefined, unit?: Unit): string {
  if (!ref) return "";
  const p = splitRef(ref);
  if (!p) return "";
  const { r0 } = parseRef(p.cell);
  const t =
    report.tables.find((x) => holdsRow(x, p.sheet, r0)) ??
    report.tables.find((x) => x.sheet === p.sheet);
  const u = unit ?? t?.unit;
  const name = t ? tableName(t) : p.sheet;
  return u && ((report.unit && u !== report.unit) || (t && u !== t.unit))
    ? `${name}（金额单位：${u}）`
    : name;
}

/** Findings in the sheet's order: severity, then the order of the tables in the workbook, then row and column. */
export function orderedFindings(
  report: Report,
  result: CheckResult
): Array<{ finding: Finding; index: number }> {
  return result.findings
    .map((finding, index) => ({ finding, index, pos: position(report, finding) }))
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.finding.severity] - SEVERITY_ORDER[b.finding.severity] ||
        a.pos[0] - b.pos[0] ||
        a.pos[1] - b.pos[1] ||
        a.pos[2] - b.pos[2] ||
        a.index - b.index
    )
    .map(({ finding, index }) => ({ finding, index }));
}

/** More cited cells than 相关单元格 lists: the 单元格 column says how many in all. */
const CITED_SHOWN = 12;

/**
 * The 单元格 column's text: the checked cell (the link's target); for a finding grouping a table's rows (flood.ts)
 * or citing more cells than 相关单元格 lists, "预算公开表12!A10 等 2001 处" — the link still goes to the first.
 */
function firstCellText(f: Finding, target: { sheet: string; cell: string }): string {
  const ref = `${target.sheet}!${target.cell}`;
  return f.cells.length > 1 && (f.details || f.cells.length > CITED_SHOWN + 1)
    ? `${ref} 等 ${f.cells.length} 处`
    : ref;
}

/** The other cited cells, without the sheet name when it is the checked cell's sheet; at most 12 then "等 N 个". */
function cited(f: Finding, sheet: string | undefined): string {
  const refs = f.cells.slice(1).map((c) => {
    const p = splitRef(c);
    return p ? (p.sheet === sheet ? p.cell : `${p.sheet}!${p.cell}`) : c;
  });
  return refs.length > CITED_SHOWN
    ? `${refs.slice(0, CITED_SHOWN).join("、")} 等 ${refs.length} 个`
    : refs.join("、");
}

export function severityCounts(result: CheckResult): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, rounding: 0, info: 0 };
  for (const f of result.findings) c[f.severity]++;
  return c;
}

export function buildResultsSheet(
  workbook: Report,
  result: CheckResult,
  meta: ReviewMeta
): PlanSheet {
  // The header's 单位 is the 部门's set's, as 预算汇总's (a 部门 in 万元 whose 8 单位 tables in 元 outnumber its own 4:
  // tester32 T32-8); a finding's table in another unit says its unit in the 表 column (tableOf).
  const report: Report = { ...workbook, unit: firstSet(workbook).unit ?? workbook.unit };
  // 规则编号 (last) is as wide as the longest rule id (within.row-procurement-categories, 33 characters): an id split
  // over two lines cannot be copied for --skip, and printed over the next row where the row kept one line's height.
  const s = new SheetBuilder(RESULTS_SHEET, [6, 7, 30, 24, 18, 62, 14, 14, 14, 34, 36], "#C00000");
  const last = FINDING_HEADERS.length - 1;
  s.print = { orientation: "landscape", fitToWidth: true };
  const title = s.line([`${SHEET_TAG}结果`], "title");
  s.merge(title, 0, title, last);
  s.height(title, 24);
  const counts = severityCounts(result);
  const pair = (a: string, av: string | number, b: string, bv: string | number) => {
    const r = s.line([a, av], ["label", "text"]);
    s.merge(r, 1, r, 5);
    s.set(r, 6, b, "label");
    s.set(r, 7, bv, "text");
    s.merge(r, 7, r, last);
  };
  pair("文件", meta.file, "审核时间", reviewTime(meta.reviewedAt));
  pair(
    "部门",
    report.department ?? "（未识别）",
    "年度",
    report.year ? String(report.year) : "（未识别）"
  );
  pair("单位", report.unit ?? "—", "产品版本", `${meta.product} ${meta.productVersion}`);
  pair(
    "规则",
    `检查 ${result.rules.checked} 项：通过 ${result.rules.passed}，不通过 ${result.rules.failed}，${notApplicableText(result.rules.notApplicable, result.perRule.filter((r) => r.notApplicable > 0).length)}`,
    "规则目录",
    meta.catalogVersion
  );
  pair(
    "问题",
    (["error", "warning", "rounding", "info"] as Severity[])
      .map((k) => `${SEVERITY_NAMES[k]} ${counts[k]}`)
      .join("，"),
    "识别表格",
    `${report.tables.length} 张`
  );
  s.row++;
  // The causes first: a reviewer reads where the errors probably are before the findings they explain.
  if (result.causes.length) {
    const t = s.line(
      ["疑似出错的单元格（错误定位：改动最少的单元格即可使全部勾稽关系成立）"],
      "section"
    );
    s.merge(t, 0, t, last);
    // The 说明 spans 说明 … 相关单元格 of the findings below: the causes block stays a few lines high.
    const h = s.line(
      ["序号", "", "", "", "单元格", "说明", "", "", "", "", "可解释问题数"],
      "header"
    );
    s.merge(h, 1, h, 3);
    s.merge(h, 5, h, 9);
    result.causes.forEach((c, i) => {
      const r = s.row++;
      const first = c.suspects[0] ? splitRef(c.suspects[0].cell) : undefined;
      s.set(r, 0, i + 1, "cellCenter");
      s.set(
        r,
        1,
        c.method === "table" && c.sheet
          ? `整张表：${c.sheet}`
          : c.suspects.length > 1
            ? `${c.suspects.length} 个单元格`
            : "",
        "cell"
      );
      s.merge(r, 1, r, 3);
      if (first) s.set(r, 4, `${first.sheet}!${first.cell}`, "link", { hyperlink: first });
      else s.set(r, 4, null, "cell");
      s.set(r, 5, c.message, "cell");
      s.merge(r, 5, r, 9);
      s.set(r, 10, c.explains.length, "count");
      s.fitHeight(r, [5]);
    });
  }
  if (result.localization.status === "budget")
    s.line(["错误定位超出计算限度，未全部完成：其余问题未定位，按下表逐条核对。"], "note");
  if (result.causes.length || result.localization.status === "budget") s.row++;
  const header = s.line([...FINDING_HEADERS], "header");
  s.height(header, 20);
  // The header stays in view while the findings scroll, unless the causes above it would take most of a laptop's window.
  if (s.heightOf(0, header) <= FROZEN_MAX_HEIGHT) s.frozen = { rows: header + 1, cols: 0 };
  const ordered = orderedFindings(report, result);
  const elsewhere = locatedElsewhere(result);
  ordered.forEach(({ finding: f, index }, i) => {
    const away = elsewhere.get(index);
    const r = s.row++;
    const first = f.cells[0];
    const target = first ? splitRef(first) : undefined;
    s.set(r, 0, i + 1, "cellCenter");
    s.set(r, 1, SEVERITY_NAMES[f.severity], `sev_${f.severity}`);
    s.set(r, 2, ruleTitle(f.rule), "cell");
    s.set(r, 3, tableOf(report, first, f.unit), "cell");
    if (target) s.set(r, 4, firstCellText(f, target), "link", { hyperlink: target });
    else s.set(r, 4, null, "cell");
    s.set(r, 5, away ? f.message + elsewhereText(away) : f.message, "cell");
    s.set(r, 6, away ? null : f.expected, "amount");
    s.set(r, 7, f.actual, "amount");
    s.set(r, 8, f.difference, "amount");
    s.set(r, 9, cited(f, target?.sheet), "cell");
    s.set(r, 10, f.rule, "code");
    s.fitHeight(r, [2, 3, 4, 5, 9, 10]);
  });
  if (ordered.length) s.autoFilter = rangeA1(header, 0, s.row - 1, last);
  else {
    const r = s.line(
      [
        result.rules.checked > 0
          ? noFindingsVerdict(result.rules.checked, report.unrecognized)
          : "没有可检查的规则（未识别到预算表），不能视为通过。",
      ],
      "note"
    );
    s.merge(r, 0, r, last);
  }

  s.row++;
  const notRead = s.line(["未识别的工作表或区域（未审核）"], "section");
  s.merge(notRead, 0, notRead, last);
  const unrec = report.unrecognized;
  const hidden = report.hiddenSheets;
  if (!unrec.length && !hidden.length)
    s.line([undefined, "无：每张工作表都已识别。"], [undefined, "note"]);
  else {
    const h = s.line(["", "工作表", "", "区域", "原因"], "header");
    s.merge(h, 1, h, 2);
    s.merge(h, 4, h, last);
    for (const u of unrec) {
      const r = s.line(["", u.sheet, "", u.range, u.reason], "cell");
      s.merge(r, 1, r, 2);
      s.merge(r, 4, r, last);
      s.fitHeight(r, [1, 4]);
    }
    for (const name of hidden) {
      const r = s.line(["", name, "", "", HIDDEN_SHEET_NOTE], "cell");
      s.merge(r, 1, r, 2);
      s.merge(r, 4, r, last);
    }
  }

  s.row++;
  const naTitle = s.line(["不适用的规则（未检查）"], "section");
  s.merge(naTitle, 0, naTitle, last);
  const na = result.perRule.filter((r) => r.notApplicable > 0);
  // Rules that looked and found no case (no hidden sheet, no 续表) ran: they are named in one note below the rules
  // that could not be checked, so the list a reviewer must read is the one of what was not checked (tester34 T34-0).
  const unchecked = na.filter((r) => !r.nothingToCheck);
  const noCase = na.filter((r) => r.nothingToCheck);
  if (!unchecked.length) s.line([undefined, "无：每条规则都已检查。"], [undefined, "note"]);
  else {
    const h = s.line(["", "规则", "", "范围", "原因"], "header");
    s.merge(h, 1, h, 2);
    s.merge(h, 4, h, last - 1);
    s.set(h, last, "规则编号", "header");
    // Rules that did not apply for the same reasons, to the same extent, share a row (the five 绩效 rules of a workbook
    // without 绩效目标表): one title and one id per line.
    const groups = new Map<string, { scope: string; reasons: string; ids: string[] }>();
    for (const r of unchecked) {
      const scope =
        r.checked > 0 ? `${r.notApplicable} 处不适用（另检查 ${r.checked} 处）` : "整条规则未检查";
      const reasons = r.reasons.join("；");
      const key = `${scope}|${reasons}`;
      const g = groups.get(key) ?? { scope, reasons, ids: [] };
      g.ids.push(r.id);
      groups.set(key, g);
    }
    for (const g of groups.values()) {
      const titles = g.ids.map(ruleTitle).join("\n");
      const row = s.line(["", titles, "", g.scope, g.reasons], "cell");
      s.merge(row, 1, row, 2);
      s.merge(row, 4, row, last - 1);
      s.set(row, last, g.ids.join("\n"), "code");
      s.fitHeight(row, [1, 4, last]);
    }
  }
  if (noCase.length) {
    const row = s.line(
      [
        `另有 ${noCase.length} 条规则已检查，工作簿中没有其所查的情形：` +
          noCase.map((r) => `${r.reasons.join("；")}（${r.id}）`).join("；"),
      ],
      "noteBlock"
    );
    s.merge(row, 0, row, last);
    s.fitHeight(row, [0]);
  }
  s.row++;
  s.line(
    [
      `表格种类：${[...new Set(report.tables.map((t) => KIND_NAMES[t.kind]))].join("、") || "（无）"}`,
    ],
    "note"
  );
  return s.build();
}
