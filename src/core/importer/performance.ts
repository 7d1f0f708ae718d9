/** 项目绩效目标表: a form, not a grid. Reads 项目名称, 项目期/属性 and the money block (实施期 / 年度 × sources). */
import type { Amount, Column, PerformanceForm, Row, Table, Unit } from "../model/schema";
import { labelKey, norm } from "../grid/text";
import { parseAmount } from "../grid/amount";
import { GridView } from "./view";
import { amountAt } from "./body";
import { unitInCaption } from "./meta";
import { columnLetter } from "../grid/address";
import type { Region } from "./region";

/** The 实施期 total's caption: 实施期资金总额, or 中期资金总额 (财政部 / 中央部门 forms). */
const PERIOD_TOTAL = /^(实施期|中期)资金总额/;
/**
 * Other captions of a form's one money line, when it prints neither 实施期 nor 年度资金总额 (tester29 T29-11: 四川-like
 * 资金总额 | 合计 | 50, 预算金额 | 50): the year's total — taken only when a figure follows (after a 合计 sub-label). A
 * caption printing its unit (预算金额（万元）) gives the form's unit too. 项目资金 heading 年度资金总额 (北京) is not it:
 * the 年度 caption wins.
 */
const ANNUAL_ALIASES =
  /^(资金总额|预算金额|项目资金|预算数|资金金额|项目金额|预算资金|年度预算(数|金额)?)\s*([(（][^)）]*[)）])?[:：]?/;

/** The money block's total line when its captions head columns (资金总额 | 285.87 | | 285.87). */
const TOTAL_LINE = /^(资金总额|合计|总计|小计)$/;

const SOURCES: ReadonlyArray<readonly [string, RegExp]> = [
  ["central", /中央/],
  ["provincial", /省级|省财政|省本级/],
  ["local", /市县|市[(（]区[)）]|县[(（]区[)）]|市级|县级|区级|市区|本级财政|地方财政/],
  ["self", /自筹/],
  ["other", /^其他资金|^其他$|^其他收入[:：]?$/],
  // 财政支出绩效目标申报表 (广西 / 陕西): by fund.
  ["general", /^一般公共预算(拨款|资金)?(收入)?[:：]?$/],
  ["gov_fund", /^政府性基金(预算)?(拨款|资金)?(收入)?[:：]?$/],
  ["special_account", /^(纳入)?财政专户(管理)?的?(资金|收入|拨款)?[:：]?$/],
  // Forms that split by 财政拨款 / 上级补助 instead of by level of government.
  ["fiscal", /^(其中[:：]?)?财政(拨款|资金)$/],
  ["superior", /上级补助/],
];
export const SOURCE_LABELS: Readonly<Record<string, string>> = {
  total: "资金总额",
  central: "中央财政资金",
  provincial: "省级财政资金",
  local: "市县（区）财政资金",
  self: "单位自筹",
  other: "其他资金",
  fiscal: "财政拨款",
  superior: "上级补助",
  general: "一般公共预算拨款",
  gov_fund: "政府性基金预算拨款",
  special_account: "纳入财政专户管理的收入",
};

/** A parsed form: the model's form fields plus the table parts it fills. */
export type ParsedForm = PerformanceForm &
  Pick<Table, "columns" | "rows"> & {
    /** The unit its money caption prints (项目资金（万元）); undefined when the caption prints none (the importer then reads the form's unit line). */
    unit?: Unit;
  };

/** Value of a caption cell: text after the colon in the same cell, else the next non-empty cell to the right. */
function valueRight(
  v: GridView,
  r: number,
  c: number,
  re: RegExp,
  c1: number
): { text: string; c: number } | undefined {
  const own = norm(v.text(r, c))
    .replace(re, "")
    .replace(/^[:：]/, "");
  if (own) return { text: own, c };
  for (let k = c + 1; k <= c1; k++)
    if (!v.isEmpty(r, k)) return { text: v.text(r, k).trim(), c: k };
  return undefined;
}

/**
 * The amount of a caption: inside the caption cell, else the first non-empty cell to its right before the next caption
 * (spacer columns skipped). A sub-label naming the line's total between caption and figure (四川: 年度资金总额 | 合计 |
 * 50 | 财政拨款 | 50, tester29 T29-10) is passed over: the figure after it is the amount, and the limit moves with it.
 * `at` (optional) receives the column the amount was read from.
 */
function amountRight(
  v: GridView,
  r: number,
  c: number,
  labelRe: RegExp,
  limit = c + 3,
  at?: { c: number }
): Amount {
  const own = norm(v.text(r, c))
    .replace(labelRe, "")
    .replace(/^[:：]/, "");
  const p = own ? parseAmount(own, own, undefined) : undefined;
  if (p && p.value !== null) {
    if (at) at.c = c;
    return { value: p.value, cell: v.ref(r, c), text: own, blank: false, decimals: p.decimals };
  }
  let first = c + 1;
  for (let k = c + 1; k <= Math.min(limit, v.cols - 1); k++) {
    if (v.isEmpty(r, k) || v.isMergedSlave(r, k)) continue;
    if (k === first && !v.amount(r, k) && SUB_TOTAL.test(labelKey(v.text(r, k)))) {
      first = k + 1;
      limit++;
      continue;
    }
    const col = v.amount(r, k) ? k : first;
    if (at) at.c = col;
    return amountAt(v, r, col);
  }
  if (at) at.c = first;
  return amountAt(v, r, first);
}
/** A sub-label naming the total line between a money caption and its figure (合计 / 小计 / 总计 / 资金总额 / 金额). */
const SUB_TOTAL = /^(合计|小计|总计|资金总额|金额)[:：]?$/;

export function parseForm(
  v: GridView,
  r0: number,
  r1: number,
  c0: number,
  c1: number
): ParsedForm | undefined {
  let project: { text: string; cell: string } | undefined;
  let period: string | undefined;
  let attribute: string | undefined;
  let department: string | undefined;
  let unit: Unit | undefined;
  let moneyRow = -1;
  let periodCol = -1;
  let annualCol = -1;
  let annualRe = /^(年度)?资金总额/;
  /** The first caption of ANNUAL_ALIASES with a figure after it. */
  let alias: { r: number; c: number } | undefined;
  for (let r = r0; r <= r1; r++) {
    for (let c = c0; c <= c1; c++) {
      const t = v.norm(r, c);
      if (!t) continue;
      if (!project && /^项目名称[:：]?/.test(t)) {
        const val = valueRight(v, r, c, /^项目名称/, c1);
        if (val) project = { text: val.text, cell: v.ref(r, val.c) };
      } else if (!period && /^项目期(限)?/.test(t))
        period = valueRight(v, r, c, /^项目期(限)?/, c1)?.text;
      else if (!attribute && /^项目属性/.test(t))
        attribute = valueRight(v, r, c, /^项目属性/, c1)?.text;
      else if (!department && /^(主管部门|实施单位)/.test(t))
        department = valueRight(v, r, c, /^(主管部门(及代码)?|实施单位)/, c1)?.text;
      // 资金总额： alone (广西 / 陕西 财政支出绩效目标申报表: one year's application, no 实施期 / 年度 captions) is the
      // year's total.
      else if (
        /^资金总额[:：]?$/.test(t) &&
        annualCol < 0 &&
        periodCol < 0 &&
        v.isNumber(r, c + 1)
      ) {
        moneyRow = r;
        annualCol = c;
      } else if (ANNUAL_ALIASES.test(t)) {
        unit = unitInCaption(t) ?? unit;
        if (!alias && !amountRight(v, r, c, ANNUAL_ALIASES).blank) alias = { r, c };
      } else if (PERIOD_TOTAL.test(t) && periodCol < 0) {
        moneyRow = r;
        periodCol = c;
      } else if (/^年度资金总额/.test(t) && annualCol < 0) {
        moneyRow = moneyRow < 0 ? r : moneyRow;
        annualCol = c;
      }
    }
  }
  if (moneyRow < 0 && alias) {
    moneyRow = alias.r;
    annualCol = alias.c;
    annualRe = ANNUAL_ALIASES;
  }
  // A "project" that is a column's caption (项目名称 | 年度资金总额 | …: a list's header, tester34 T34-7) is no form's.
  if (!project || moneyRow < 0 || captionNotName(project.text)) return undefined;
  const cells: Record<string, { period?: Amount; annual?: Amount }> = { total: {} };
  // Captions heading columns (实施期资金总额 | | 年度资金总额 over 资金总额 / 其中：财政拨款 / 其他资金 lines): each line's
  // figures stand under the captions, nothing right of them.
  const heads = [periodCol, annualCol].filter((c) => c >= 0);
  const headed =
    heads.length > 0 &&
    heads.every((c) => !v.amount(moneyRow, c + 1) || v.isEmpty(moneyRow, c + 1)) &&
    heads.some((c) => v.isNumber(moneyRow + 1, c));
  if (headed) readHeaded(v, cells, { moneyRow, periodCol, annualCol, c0, r1 });
  else readBeside();
  function readBeside() {
    if (periodCol >= 0)
      cells.total.period = amountRight(
        v,
        moneyRow,
        periodCol,
        PERIOD_TOTAL,
        annualCol > periodCol ? annualCol - 1 : undefined
      );
    const read = { c: -1 };
    if (annualCol >= 0)
      cells.total.annual = amountRight(v, moneyRow, annualCol, annualRe, undefined, read);
    const split = annualCol >= 0 ? annualCol : Infinity;
    let misses = 0;
    // The source lines below the total's; on the total's own line, the sources printed right of its figure (四川:
    // 年度资金总额 | 合计 | 50 | 财政拨款 | 50).
    for (let r = read.c >= 0 ? moneyRow : moneyRow + 1; r <= r1 && misses < 2; r++) {
      let found = false;
      for (let c = r === moneyRow ? read.c + 1 : c0; c <= c1; c++) {
        const k = labelKey(v.text(r, c));
        if (!k || v.isNumber(r, c)) continue;
        const src = SOURCES.find(([, re]) => re.test(k));
        if (!src) continue;
        found = true;
        const slot = c < split ? "period" : "annual";
        const entry = (cells[src[0]] ??= {});
        if (!entry[slot])
          entry[slot] = amountRight(
            v,
            r,
            c,
            new RegExp(`^${k.replace(/[()（）]/g, ".")}`),
            slot === "period" && Number.isFinite(split) ? split - 1 : undefined
          );
      }
      if (r > moneyRow) misses = found ? 0 : misses + 1;
    }
  }
  // The figures' column: under a heading caption, else right of a caption beside its figure.
  const valueCol = (c: number) => columnLetter(v.sheetCol(headed ? c : c + 1));
  const columns: Column[] = [];
  if (periodCol >= 0)
    columns.push({
      key: "period",
      label: "实施期资金总额",
      col: valueCol(periodCol),
    });
  if (annualCol >= 0)
    columns.push({
      key: "annual",
      label: "年度资金总额",
      col: valueCol(annualCol),
    });
  const rows: Row[] = Object.entries(cells).map(([key, slots]) => {
    const first = slots.period ?? slots.annual!;
    const amounts: Record<string, Amount> = {};
    if (slots.period) amounts.period = slots.period;
    if (slots.annual) amounts.annual = slots.annual;
    const sheetRow = Number(/(\d+)$/.exec(first.cell)![1]);
    return {
      label: SOURCE_LABELS[key],
      key,
      level: key === "total" ? 0 : 1,
      row: sheetRow,
      labelCell: first.cell,
      amounts,
    };
  });
  return {
    project: project.text,
    projectCell: project.cell,
    period,
    attribute,
    department,
    unit,
    columns,
    rows,
  };
}

/**
 * The money block with its captions heading columns: the total line (资金总额 / 合计 left of the figures, else the
 * first line under the captions) and each source line, their figures under the 实施期 and 年度 captions.
 */
function readHeaded(
  v: GridView,
  cells: Record<string, { period?: Amount; annual?: Amount }>,
  at: { moneyRow: number; periodCol: number; annualCol: number; c0: number; r1: number }
): void {
  const { moneyRow, periodCol, annualCol, c0, r1 } = at;
  const left = Math.min(...[periodCol, annualCol].filter((c) => c >= 0));
  const labelOf = (r: number) => {
    for (let c = c0; c < left; c++) {
      const k = labelKey(v.text(r, c));
      if (k && !v.isNumber(r, c)) return k;
    }
    return "";
  };
  const put = (key: string, r: number) => {
    const entry = (cells[key] ??= {});
    if (periodCol >= 0) entry.period ??= amountAt(v, r, periodCol);
    if (annualCol >= 0) entry.annual ??= amountAt(v, r, annualCol);
  };
  let total = moneyRow + 1;
  for (let r = moneyRow + 1; r <= Math.min(r1, moneyRow + 4); r++)
    if (TOTAL_LINE.test(labelOf(r))) {
      total = r;
      break;
    }
  put("total", total);
  let misses = 0;
  for (let r = moneyRow + 1; r <= r1 && misses < 2; r++) {
    if (r === total) continue;
    const k = labelOf(r);
    const src = k ? SOURCES.find(([, re]) => re.test(k)) : undefined;
    if (!src) {
      misses++;
      continue;
    }
    misses = 0;
    put(src[0], r);
  }
}

/**
 * A list's column caption beside 项目名称 (项目金额, 绩效目标, 预算金额（万元）): it ends with a caption word. A project
 * name only containing one (预算评审经费, 资金监管项目) is a form's name.
 */
const LIST_CAPTION = /(名称|金额|资金|总额|预算数?|目标|指标|编码|代码)\s*([(（][^)）]*[)）])?$/;

/**
 * A caption word alone (项目金额, 年度绩效目标, 预算数（万元）): a list's column even when no other caption follows it.
 * A name that only ends with a caption word (就业补助资金, 农业生产发展资金) is a form's name unless the row goes on
 * with more captions, as a list's header does.
 */
const CAPTION_WORD =
  /^(项目|预算|年度|资金|整体|财政拨款)?(绩效)?(名称|金额|资金|资金总额|总额|预算数?|目标|指标|编码|代码)\s*([(（][^)）]*[)）])?$/;

/** ANNUAL_ALIASES as a whole cell's text (资金总额, 预算金额（万元）…), built once. */
const ANNUAL_CAPTION = new RegExp(`${ANNUAL_ALIASES.source}$`);

/** A money or list caption where a project's name belongs (年度资金总额, 实施期资金总额, 资金, 预算金额（万元）). */
function captionNotName(text: string): boolean {
  const t = norm(text);
  return (
    CAPTION_WORD.test(t) ||
    PERIOD_TOTAL.test(t) ||
    /^年度资金总额/.test(t) ||
    ANNUAL_CAPTION.test(t)
  );
}

/** True when the cells beside 项目名称 (from index i + 1 on) head a list's columns, not a form's name. */
function listCaptions(cells: Array<[number, string]>, i: number): boolean {
  const beside = norm(cells[i + 1]?.[1] ?? "");
  if (!LIST_CAPTION.test(beside)) return false;
  if (CAPTION_WORD.test(beside)) return true;
  return cells.slice(i + 2).some(([, t]) => LIST_CAPTION.test(norm(t)));
}

/** A list's money column by its caption: 年度资金总额, 资金, 金额（万元）, 预算数 … (not 资金性质, a text column). */
const LIST_MONEY = /(资金|金额|总额|预算数?)\s*([(（][^)）]*[)）])?$/;

/**
 * A 项目绩效目标一览表 whose money column is not read as the 合计 (`total`: what projects.performance-list and the
 * coverage compare): captioned 年度资金总额 (read as `annual`) or 资金 (no alias), the project's amount all the same —
 * the first money column becomes `total`. Unchanged when a total is read or no column's caption names money.
 */
export function listTotal(rows: Row[], columns: Column[]): { rows: Row[]; columns: Column[] } {
  if (columns.some((c) => c.key === "total")) return { rows, columns };
  const money = columns.find(
    (c) => (c.key === "annual" || /^col_/.test(c.key)) && LIST_MONEY.test(labelKey(c.label))
  );
  if (!money) return { rows, columns };
  const key = money.key;
  return {
    columns: columns.map((c) => (c === money ? { ...c, key: "total" } : c)),
    rows: rows.map((r) => {
      if (!(key in r.amounts)) return r;
      const { [key]: a, ...rest } = r.amounts;
      return { ...r, amounts: { total: a, ...rest } };
    }),
  };
}

/** A caption ending in 目标 / 指标 (年度绩效目标, 一级指标, 产出指标 …). */
const TARGET_CAPTION = /(目标|指标)\s*([(（][^)）]*[)）])?$/;
/**
 * The other captions of an indicator column (lists printing 一级 | 二级 | 三级 | 指标值, or 指标名称 | 指标值 | 度量单位,
 * 绩效标准, 权重 / 分值): words of a 绩效 indicator, no other table's.
 */
const INDICATOR_CAPTION =
  /^(指标(值|名称|内容|性质|方向|解释|说明|类型)|(度量|计量)单位|(绩效|评分|评价|计分)标准|权重|分值|预期(效果|产出|效益)|绩效(内容|要求))\s*([(（][^)）]*[)）])?$/;

/**
 * Captions beside 项目名称 that make a 绩效 list: a 目标 / 指标 caption, an indicator's other captions
 * (INDICATOR_CAPTION), or a project's two money lines as a 绩效 form prints them — 年度资金总额 and 实施期 (中期) 资金总额
 * (note34 list34 leftover: 项目名称 | 年度资金总额 | 实施期资金总额, one line per project).
 */
function performanceCaptions(cells: Array<[number, string]>, i: number): boolean {
  const after = cells.slice(i + 1).map(([, t]) => norm(t));
  return (
    after.some((t) => TARGET_CAPTION.test(t) || INDICATOR_CAPTION.test(t)) ||
    (after.some((t) => /^年度资金总额/.test(t)) && after.some((t) => PERIOD_TOTAL.test(t)))
  );
}

/**
 * The header row of a 项目支出绩效目标表 printed as one list (四川 表4-1, 重庆, 广东 省直: 项目名称 | 年度资金总额 |
 * 年度绩效目标 | 一级指标 | 二级指标 | 三级指标 | 指标值, one block of indicator lines per project): 项目名称 alone in
 * its cell, list captions beside it (listCaptions), and 绩效 captions on the same row (performanceCaptions) — a form
 * prints its 项目名称 beside the project's name, its indicators' captions on a row of their own. Undefined when there
 * is none. Asked only of a table whose title names it a 绩效 table.
 */
export function listHeaderRow(v: GridView, r0: number, r1: number): number | undefined {
  for (let r = r0; r <= r1; r++) {
    const cells = v.cells(r);
    const i = cells.findIndex(([, t]) => /^项目名称[:：]?$/.test(norm(t)));
    if (i < 0 || !listCaptions(cells, i)) continue;
    if (performanceCaptions(cells, i)) return r;
  }
  return undefined;
}

/**
 * 项目绩效目标表 forms stacked on one sheet under one title (each form starts at its 项目名称 line, no title of its
 * own): one region per form, so each is read as its own — not the first form over the whole sheet. A 项目名称 line is
 * a form's when a name stands beside the caption (a list prints 项目名称 once, as a column caption).
 */
export function splitStackedForms(v: GridView, reg: Region): Region[] {
  if (reg.kind !== "performance_target") return [reg];
  const starts: number[] = [];
  for (let r = reg.titleRow + 1; r <= reg.r1; r++) {
    const cells = v.cells(r);
    const i = cells.findIndex(([, t]) => /^项目名称[:：]?/.test(norm(t)));
    if (i < 0) continue;
    const own = norm(cells[i][1]).replace(/^项目名称[:：]?/, "");
    const beside = cells[i + 1]?.[1];
    if (own || (beside && !listCaptions(cells, i))) starts.push(r);
  }
  if (starts.length < 2) return [reg];
  return starts.map((r, k) => ({
    ...reg,
    // The first form keeps the title and the lines above its 项目名称; the others start at theirs.
    r0: k === 0 ? reg.r0 : r,
    titleRow: k === 0 ? reg.titleRow : r - 1,
    r1: k + 1 < starts.length ? starts[k + 1] - 1 : reg.r1,
  }));
}
