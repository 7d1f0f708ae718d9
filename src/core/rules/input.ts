/**
 * 输入: what makes a review incomplete or the file differ from what a reader sees — no budget table recognized,
 * hidden sheets, cells that hold something other than an amount, and what the host noticed while reading the file.
 * Nothing unchecked reads as passed: these are findings, not silence.
 */
import type { Amount, Report, Table } from "../model/schema";
import { KIND_NAMES } from "../model/names";
import { defineRule, type Finding, type Outcome } from "./rule";
import { columnName, firstOf, tableName, rowName } from "./helpers";
import { examples, groupedByTable } from "./flood";
import { fmt, printedValue } from "./interval";

/** The tables the arithmetic rules check (绩效目标表 forms alone are not a budget). */
export function financialTables(report: Report): Table[] {
  return report.tables.filter((t) => t.kind !== "performance_target");
}

const finding = (
  rule: string,
  severity: Finding["severity"],
  message: string,
  cells: string[] = []
): Outcome => ({
  status: "fail",
  finding: { rule, severity, message, cells, expected: null, actual: null, difference: null },
});

export const noTables = defineRule({
  id: "input.no-tables",
  category: "input",
  title: "识别到预算表",
  description: "工作簿中至少要识别到一张预算表，否则没有做任何核对，结果不能当作“未发现问题”。",
  severity: "error",
  source: { basis: "practice", ref: "没有核对任何数字的结果不能当作审核通过" },
  check: (report) => {
    if (financialTables(report).length > 0) return [{ status: "pass" }];
    const sheets = [...new Set(report.unrecognized.map((u) => u.sheet))];
    // A 部门决算 workbook is recognised as such: said plainly, not as an unreadable budget.
    if (report.finalAccounts)
      return [
        finding(
          "input.no-tables",
          "warning",
          `这是部门决算公开表（${sheets.length} 张工作表），本工具目前只审核部门预算公开表，决算暂不支持，未做任何核对`
        ),
      ];
    const forms = report.tables.length;
    return [
      finding(
        "input.no-tables",
        "error",
        `没有识别到任何预算表（${sheets.length} 张工作表${forms ? `，仅有 ${forms} 张绩效目标表` : ""}），未做任何核对：请确认这是部门预算公开表，或用 inspect 命令查看各工作表未被识别的原因`
      ),
    ];
  },
});

export const hiddenSheets = defineRule({
  id: "input.hidden-sheets",
  category: "input",
  title: "隐藏的工作表",
  description:
    "隐藏的工作表照常审核，但按当前状态公开时读者看不到它；含预算表的隐藏工作表应取消隐藏。",
  severity: "warning",
  source: { basis: "practice", ref: "公开的是读者看到的工作表，隐藏的表不会被看到" },
  check: (report) => {
    if (!report.hiddenSheets.length)
      return [{ status: "na", reason: "没有隐藏的工作表", nothingToCheck: true }];
    return report.hiddenSheets.map((sheet) => {
      const held = report.tables.filter((t) => t.sheet === sheet);
      // A hidden copy of a table a visible sheet also holds (a draft, last year's): the checks between tables use the
      // visible one (firstOf), and the reviewer is told which.
      const shown = [...new Set(held.map((t) => t.kind))].flatMap((kind) => {
        const v = firstOf(report, kind);
        return v && v.sheet !== sheet && !report.hiddenSheets.includes(v.sheet)
          ? [
              `工作簿另有可见的${KIND_NAMES[kind]}（工作表“${v.sheet}”），表间核对用的是可见的那一张`,
            ]
          : [];
      });
      return held.length
        ? finding(
            "input.hidden-sheets",
            "warning",
            `工作表“${sheet}”被隐藏（其中的${[...new Set(held.map((t) => KIND_NAMES[t.kind]))].join("、")}已照常审核${shown.length ? `；${shown.join("；")}` : ""}），按此公开时读者看不到它`,
            held.map((t) => `${quoteSheet(sheet)}!${t.range.split(":")[0]}`)
          )
        : finding("input.hidden-sheets", "info", `工作表“${sheet}”被隐藏，其中没有识别到预算表`);
    });
  },
});

function quoteSheet(s: string): string {
  return /^[\p{L}\p{N}_.]+$/u.test(s) && !/^\d/.test(s) ? s : `'${s.replace(/'/g, "''")}'`;
}

/**
 * Every amount cell of the report that holds something other than an amount, with where it is (the same scan notes
 * the amounts typed with a unit, for input.amount-unit-text).
 */
export function invalidAmounts(
  report: Report
): Array<{ table: Table; row: string; column: string; amount: Amount }> {
  // The engine and input.unreadable-amount both ask, of the engine's per-check copy of the report: scanned once per check.
  let out = INVALID.get(report);
  if (out) return out;
  out = [];
  const otherUnit: Array<{ table: Table; row: string; column: string; amount: Amount }> = [];
  const marked: Array<{ table: Table; row: string; column: string; amount: Amount }> = [];
  const dated: Array<{ table: Table; row: string; column: string; amount: Amount }> = [];
  const textCells: Array<{ table: Table; row: string; column: string; amount: Amount }> = [];
  const financial = new Set(financialTables(report));
  let sameUnit = 0;
  const seen = new Set<string>();
  const tables = report.tables;
  for (let i = 0; i < tables.length; i++) {
    const t = tables[i];
    const rows = t.rows;
    for (let j = 0; j < rows.length; j++) {
      const r = rows[j];
      for (const k in r.amounts) {
        const a = r.amounts[k];
        if (a.invalid && !seen.has(a.cell)) {
          seen.add(a.cell);
          out.push({ table: t, row: rowName(r), column: columnName(t, k, r.side), amount: a });
        }
        if (a.suffix && a.suffix !== t.unit) {
          if (!seen.has(`u${a.cell}`)) {
            seen.add(`u${a.cell}`);
            otherUnit.push({
              table: t,
              row: rowName(r),
              column: columnName(t, k, r.side),
              amount: a,
            });
          }
        } else if (a.suffix) sameUnit++;
        if (a.mark && !seen.has(`m${a.cell}`)) {
          seen.add(`m${a.cell}`);
          marked.push({ table: t, row: rowName(r), column: columnName(t, k, r.side), amount: a });
        }
        if (a.dated && a.value !== null && !seen.has(`d${a.cell}`)) {
          seen.add(`d${a.cell}`);
          dated.push({ table: t, row: rowName(r), column: columnName(t, k, r.side), amount: a });
        }
        if (
          a.textCell &&
          a.value !== null &&
          !a.mark &&
          !(a.suffix && a.suffix !== t.unit) &&
          !k.startsWith("ratio") &&
          !/[%％]/.test(a.text) &&
          financial.has(t) &&
          !seen.has(`t${a.cell}`)
        ) {
          seen.add(`t${a.cell}`);
          textCells.push({
            table: t,
            row: rowName(r),
            column: columnName(t, k, r.side),
            amount: a,
          });
        }
      }
    }
  }
  INVALID.set(report, out);
  UNIT_TEXT.set(report, { other: otherUnit, same: sameUnit });
  NOTE_MARKS.set(report, marked);
  DATED.set(report, dated);
  TEXT_CELLS.set(report, textCells);
  return out;
}
/** Amounts printed with a note mark after the number (50①): read without it, named by input.note-marks. */
const NOTE_MARKS = new WeakMap<
  Report,
  Array<{ table: Table; row: string; column: string; amount: Amount }>
>();
/** Numbers in cells with a date format (printed as dates): read as numbers, named by input.date-formatted-amounts. */
const DATED = new WeakMap<
  Report,
  Array<{ table: Table; row: string; column: string; amount: Amount }>
>();
const INVALID = new WeakMap<
  Report,
  Array<{ table: Table; row: string; column: string; amount: Amount }>
>();
/**
 * Amounts stored as text that print a figure (1,234.50, " 88 ", full-width digits, 12.00万 in a 万元 table), read as
 * that figure: named by input.text-amounts — but not those another input rule already names (another unit's word,
 * a note mark) nor rates (a 增长率 “5.50%” is summed by nobody).
 */
const TEXT_CELLS = new WeakMap<
  Report,
  Array<{ table: Table; row: string; column: string; amount: Amount }>
>();
/** Amounts typed as text with a unit (2338.24万元): those whose unit is not their table's, and how many agree. */
const UNIT_TEXT = new WeakMap<
  Report,
  { other: Array<{ table: Table; row: string; column: string; amount: Amount }>; same: number }
>();

export const unreadableAmounts = defineRule({
  id: "input.unreadable-amount",
  category: "input",
  title: "金额单元格可读",
  description:
    "金额单元格应是数字或空白；错误值（#REF! 等）、TRUE/FALSE、带亿元 / 千元等单位或无法识别的文本、没有计算结果的公式都不是金额（带元 / 万元的文本按数字读取），涉及它们的核对不进行。",
  severity: "error",
  source: { basis: "identity", ref: "金额栏填列数字（空白或 0 表示没有）" },
  check: (report) => {
    const bad = invalidAmounts(report);
    if (!bad.length)
      return financialTables(report).length
        ? [{ status: "pass" }]
        : [{ status: "na", reason: "没有识别到预算表" }];
    // Per table: a column of amounts typed as text (12.3万 down a list of thousands) is one finding past FLOOD_LIMIT.
    const out: Outcome[] = [];
    for (const table of [...new Set(bad.map((b) => b.table))]) {
      const here = bad.filter((b) => b.table === table);
      // Row and column: two bad cells of one row (合计 overflowing, 一般公共预算 NaN) read as two places.
      const where = (row: string, column: string) => `「${row}」「${column}」`;
      const rows = here.map(({ row, column, amount }): Finding => ({
        rule: "input.unreadable-amount",
        severity: "error",
        message: `${tableName(table)}${where(row, column)}的金额单元格内容是${amount.invalid}，不是金额，涉及它的核对未进行`,
        cells: [amount.cell],
        expected: null,
        actual: null,
        difference: null,
      }));
      const summary = () =>
        `${tableName(table)}有 ${here.length} 个金额单元格的内容不是金额，涉及它们的核对未进行：${examples(
          here.map(({ row, column, amount }) => `${where(row, column)}${amount.invalid}`),
          "处"
        )}（每处见所标单元格的批注）`;
      for (const f of groupedByTable(rows, summary)) out.push({ status: "fail", finding: f });
    }
    return out;
  },
});

export const amountUnitText = defineRule({
  id: "input.amount-unit-text",
  category: "input",
  title: "金额文本所带单位与表的单位一致",
  description:
    "金额写成带单位的文本（如“2338.24万元”）时按数字读取；所带单位与表的单位（单位：元 / 万元）不同时，数字仍按表的单位核对，应核对是表头的单位还是金额写错。",
  severity: "warning",
  source: { basis: "practice", ref: "一张表只用一种金额单位，在表头注明（单位：万元 / 元）" },
  check: (report) => {
    invalidAmounts(report);
    const { other, same } = UNIT_TEXT.get(report)!;
    // Like unreadable-amount: a workbook without such text passes (it is not a rule that did not apply).
    if (!other.length)
      return same || financialTables(report).length
        ? [{ status: "pass" }]
        : [{ status: "na", reason: "没有识别到预算表" }];
    return [...new Set(other.map((b) => b.table))].map((table) => {
      const here = other.filter((b) => b.table === table);
      const { row, column, amount } = here[0];
      return finding(
        "input.amount-unit-text",
        "warning",
        `${tableName(table)}的单位为${table.unit}，但有 ${here.length} 个金额写成带“${amount.suffix}”的文本（如「${row}」「${column}」“${amount.text.trim()}”），已按表的单位读作 ${fmt(amount.value ?? 0, Math.max(0, amount.decimals))}${table.unit}：请核对是表头单位还是金额写错`,
        here.map((b) => b.amount.cell)
      );
    });
  },
});

export const textAmounts = defineRule({
  id: "input.text-amounts",
  category: "input",
  title: "金额单元格存的是数字而不是文本",
  description:
    "金额单元格存的是文本（如“1,234.50”“ 88 ”、全角数字、“12.00万”）时，按显示的数字核对；但 Excel 的 SUM 等公式不计文本单元格，合计会漏掉它们，文本金额也是元、万元混用的常见起因。每张表列出一次这些单元格，请改为数字。文本所带单位与表的单位不同的，由“金额文本所带单位与表的单位一致”指出；带注释符号的，由“金额后的注释符号”列出。",
  severity: "info",
  source: {
    basis: "practice",
    ref: "金额栏填列数字：Excel 的 SUM 等函数忽略文本单元格（显示为数字的文本也不计入）",
  },
  check: (report) => {
    invalidAmounts(report);
    const typed = TEXT_CELLS.get(report)!;
    // Like unreadable-amount: a workbook whose amounts are numbers passes.
    if (!typed.length)
      return financialTables(report).length
        ? [{ status: "pass" }]
        : [{ status: "na", reason: "没有识别到预算表" }];
    return [...new Set(typed.map((b) => b.table))].map((table) => {
      const here = typed.filter((b) => b.table === table);
      let figures = 0;
      for (const r of table.rows)
        for (const k in r.amounts) if (r.amounts[k].value !== null) figures++;
      const how =
        here.length >= figures
          ? `的金额全部是文本（共 ${here.length} 个）`
          : `有 ${here.length} 个金额是文本`;
      return finding(
        "input.text-amounts",
        "info",
        `${tableName(table)}${how}而不是数字：${examples(
          here.map(({ row, column, amount }) => `「${row}」「${column}」“${amount.text.trim()}”`),
          "处"
        )}。已按显示的数字核对，但 Excel 的合计公式（SUM）不计文本单元格，请改为数字`,
        here.map((b) => b.amount.cell)
      );
    });
  },
});

export const noteMarks = defineRule({
  id: "input.note-marks",
  category: "input",
  title: "金额后的注释符号",
  description:
    "金额后带有注释符号（①、⑴、¹、* 或 ＊、※、[注1] 等，PDF 转换的表格常把它们带进单元格）时，符号不是数字的一部分，按符号前的数字核对（“50①”按 50，而不是 501）；此处列出这些单元格，供对照注释内容。",
  severity: "info",
  source: { basis: "practice", ref: "表中注释符号指向表下的注释，不改变金额" },
  check: (report) => {
    invalidAmounts(report);
    const marked = NOTE_MARKS.get(report)!;
    if (!marked.length)
      return [{ status: "na", reason: "没有带注释符号的金额", nothingToCheck: true }];
    return [...new Set(marked.map((b) => b.table))].map((table) => {
      const here = marked.filter((b) => b.table === table);
      const { row, column, amount } = here[0];
      return finding(
        "input.note-marks",
        "info",
        `${tableName(table)}有 ${here.length} 个金额后带注释符号（如「${row}」「${column}」“${amount.text.trim()}”），已按符号前的数字 ${fmt(amount.value ?? 0, Math.max(0, amount.decimals))} 核对：请对照表下注释`,
        here.map((b) => b.amount.cell)
      );
    });
  },
});

export const datedAmounts = defineRule({
  id: "input.date-formatted-amounts",
  category: "input",
  title: "金额单元格不是日期格式",
  description:
    "金额单元格设成了日期格式时，单元格里存的是数字，打印和公开的表上却显示为日期（45690 显示为“2月2日”，234.12 显示为“1900/8/21”），读者看不到金额。按存的数字核对，并列出这些单元格，请改为数值格式（或重新输入金额）后再核对。",
  severity: "warning",
  source: {
    basis: "practice",
    ref: "公开的是打印或导出的表：Excel 按单元格的数字格式显示数值，日期格式把数值显示为日期",
  },
  check: (report) => {
    invalidAmounts(report);
    const dated = DATED.get(report)!;
    if (!dated.length)
      return [{ status: "na", reason: "没有设成日期格式的金额单元格", nothingToCheck: true }];
    return [...new Set(dated.map((b) => b.table))].map((table) => {
      const here = dated.filter((b) => b.table === table);
      const { row, column, amount } = here[0];
      const stored = fmt(amount.value ?? 0, Math.max(0, Math.min(amount.decimals, 4)));
      // The Office host gives the date Excel shows (2月2日); a file reader may give the number itself.
      const text = amount.text.trim();
      const shown =
        text && Number(text.replace(/,/g, "")) !== amount.value ? `显示为“${text}”，` : "";
      return finding(
        "input.date-formatted-amounts",
        "warning",
        `${tableName(table)}有 ${here.length} 个金额单元格设成了日期格式（如「${row}」「${column}」${shown}存的数是 ${stored}）：打印或公开的表上显示的是日期而不是金额，已按存的数核对；请改为数值格式并核对金额`,
        here.map((b) => b.amount.cell)
      );
    });
  },
});

/**
 * A formula's stored result as the rules read it: the cell, the stored figure and what the formula computes, both
 * as the table prints them — only where they differ at that precision (a difference past the printed digits is
 * nothing a reader sees).
 */
export interface StaleFormula {
  table: Table;
  amount: Amount;
  stored: string;
  computed: string;
}

/** The amounts whose formula computes another printed figure than the one stored (memoised per checked report). */
export function staleFormulas(report: Report): StaleFormula[] {
  let out = STALE.get(report);
  if (out) return out;
  out = [];
  const seen = new Set<string>();
  for (const t of report.tables)
    for (const r of t.rows)
      for (const k in r.amounts) {
        const a = r.amounts[k];
        if (a.formulaResult === undefined || a.value === null || seen.has(a.cell)) continue;
        seen.add(a.cell);
        const d = Math.max(0, Math.min(a.decimals, 6));
        const stored = printedValue(a);
        const computed = printedValue({ ...a, value: a.formulaResult, blank: false });
        if (stored === computed) continue;
        const w = Math.max(d, 2);
        out.push({ table: t, amount: a, stored: fmt(stored, w), computed: fmt(computed, w) });
      }
  STALE.set(report, out);
  return out;
}
const STALE = new WeakMap<Report, StaleFormula[]>();

/** "C5 的公式计算为 652.10，单元格存的是 653.10" — the cell with its sheet. */
export function staleWords(x: StaleFormula): string {
  return `${x.amount.cell} 的公式计算为 ${x.computed}，单元格存的是 ${x.stored}`;
}

export const staleFormula = defineRule({
  id: "input.stale-formula",
  category: "input",
  title: "公式结果已更新",
  description:
    "金额单元格是公式时，文件里存的计算结果应等于按公式用表中各数算出的数（按该表列示的位数比较）。不等时（程序改了数却没有重算，或设成了手动重算），Excel 显示、打印的是存的旧结果：指出该单元格、公式算出的数和存的数，请在 Excel 中重算（F9）后保存；涉及该单元格的其他核对在其说明后注明。无法计算的公式（不支持的函数、引用其他工作簿）不判断。",
  severity: "warning",
  source: {
    basis: "practice",
    ref: "Excel 只在重算时更新公式结果；由程序生成或修改、未重算就保存的工作簿，单元格显示的是旧结果",
  },
  check: (report) => {
    const stale = staleFormulas(report);
    if (!stale.length)
      return [{ status: "na", reason: "没有结果未更新的公式", nothingToCheck: true }];
    const out: Outcome[] = [];
    for (const table of new Set(stale.map((x) => x.table))) {
      const here = stale.filter((x) => x.table === table);
      const rows = here.map((x): Finding => ({
        rule: "input.stale-formula",
        severity: "warning",
        message: `公式结果未更新：${staleWords(x)}；请在 Excel 中重算（F9）后保存`,
        cells: [x.amount.cell],
        expected: Number(x.computed),
        actual: Number(x.stored),
        difference: Number((Number(x.stored) - Number(x.computed)).toFixed(6)),
      }));
      out.push(
        ...groupedByTable(
          rows,
          (fs) =>
            `${tableName(table)}有 ${fs.length} 个公式单元格存的结果与按公式计算的不同（公式结果未更新）：请在 Excel 中重算（F9）后保存（每格见所标单元格的批注）`
        ).map((finding): Outcome => ({ status: "fail", finding }))
      );
    }
    return out;
  },
});

export const readNotes = defineRule({
  id: "input.read-notes",
  category: "input",
  title: "文件读取提示",
  description:
    "读取文件时发现的情况（例如重名的工作表、没有计算结果的公式），它们可能影响审核结果。",
  severity: "warning",
  source: { basis: "practice", ref: "由程序生成或被修复的文件，审核前应在 Excel/WPS 中打开并保存" },
  check: (report) =>
    report.readNotes?.length
      ? report.readNotes.map((n) => finding("input.read-notes", n.severity, n.message))
      : [{ status: "na", reason: "读取文件时没有需要提示的情况", nothingToCheck: true }],
});

export const continuedTables = defineRule({
  id: "input.continued-table",
  category: "input",
  title: "续表已合并核对",
  description:
    "一张表分在两处或多处打印（另一工作表或同页下方，表头重复，标题、表号或工作表名写“续”或标题处只写“（续表一）”，或续表本身没有合计行而前表的合计只有加上各续表才相等、前表末行的科目只有加上续表的下级科目才相等）时，续表与前表合并为一张表核对，单元格引用两处都有；此处列出合并了哪些续表，供核对识别是否正确。标为续表却不能安全合并的（金额单位不同、两部分各有合计行）分别核对，并在此说明。",
  severity: "info",
  source: { basis: "practice", ref: "分页打印的续表是同一张表" },
  check: (report) => {
    const joined = report.tables.filter((t) => t.continued?.length);
    const apart = report.tables.filter((t) => t.continues);
    if (!joined.length && !apart.length)
      return [{ status: "na", reason: "没有续表", nothingToCheck: true }];
    const at = (sheet: string, range: string) => `${quoteSheet(sheet)}!${range.split(":")[0]}`;
    return [
      ...joined.map((t) => {
        // A part further down the table's own sheet (under a 续 line there: 表1-2（续）) is said so.
        const parts = t.continued!.map((c) =>
          c.sheet === t.sheet ? `同一工作表的 ${c.range}` : `${c.sheet}!${c.range}`
        );
        return finding(
          "input.continued-table",
          "info",
          `${tableName(t)}续接在${/^同一/.test(parts[0]) ? "" : " "}${parts.join("、")}，已合并为一张表核对`,
          t.continued!.map((c) => at(c.sheet, c.range))
        );
      }),
      ...apart.map((t) => {
        const first = report.tables.find((x) => x.id === t.continues!.id);
        const name = first ? `${tableName(first)}（${first.sheet}!${first.range}）` : "前表";
        return finding(
          "input.continued-table",
          "info",
          `${t.sheet}!${t.range} 标为续表，疑为${name}的续表，但${t.continues!.reason}，未合并，按两张表分别核对：两部分的合计与明细请对照核实`,
          [at(t.sheet, t.range)]
        );
      }),
    ];
  },
});

export const pageLines = defineRule({
  id: "input.page-lines",
  category: "input",
  title: "分页小计行未计入",
  description:
    "分页打印的长表（如项目支出表）在页间印“本页小计”“本页合计”“累计”“承上页”“过次页”等行，这些是分页记账行，不是表中的项目或科目，也不是下页各行的上级：不计入项目、不作上级核对，此处列出这些行，请人工核对其金额。",
  severity: "info",
  source: { basis: "practice", ref: "分页打印的表格页间小计行" },
  check: (report) => {
    const tables = report.tables.filter((t) => t.pageLines?.length);
    if (!tables.length)
      return [{ status: "na", reason: "没有本页小计、累计等分页行", nothingToCheck: true }];
    return tables.map((t) =>
      finding(
        "input.page-lines",
        "info",
        `${tableName(t)}的 ${t.pageLines!.length} 行分页记账行（${t.pageLines!.map((x) => x.replace(/^.*!/, "")).join("、")}）未作为表中的行核对，请人工核对其金额`,
        t.pageLines!.map((x) => x.replace(/「.*$/, ""))
      )
    );
  },
});

export const columnShift = defineRule({
  id: "input.column-shift",
  category: "input",
  title: "金额整体错列",
  description:
    "由 PDF 转换的表格中，某页的金额常被整体右移一列（转换时在合计栏前插入了空单元格，最后一栏的数落到表头之外）。从某行起合计栏为空、右边各数左移一列后每行都平（合计 = 其余各栏之和）时，这些行按左移一列读取并核对，单元格引用仍是数所在的格；此处指出这些行，请对照 PDF 在 Excel 中改正。",
  severity: "warning",
  source: { basis: "practice", ref: "PDF 转 Excel 的常见错列" },
  check: (report) => {
    const shifted = report.tables.filter((t) => t.columnShift?.rows.length);
    if (!shifted.length)
      return [{ status: "na", reason: "没有整体错列的金额", nothingToCheck: true }];
    return shifted.map((t) => {
      const { rows, cells } = t.columnShift!;
      const span =
        rows.length > 1 ? `第 ${rows[0]}–${rows[rows.length - 1]} 行` : `第 ${rows[0]} 行`;
      return finding(
        "input.column-shift",
        "warning",
        `${tableName(t)}${span}（共 ${rows.length} 行）的金额整体右移一列（合计栏为空，各数在右边一栏），疑为 PDF 转换错列：已按左移一列读取核对，请对照 PDF 改正`,
        cells
      );
    });
  },
});

export const INPUT_RULES = [
  noTables,
  unreadableAmounts,
  amountUnitText,
  textAmounts,
  datedAmounts,
  staleFormula,
  noteMarks,
  hiddenSheets,
  readNotes,
  continuedTables,
  pageLines,
  columnShift,
];
