/** Grid → report model: find the tables on every sheet, read their headers and rows, keep every amount's cell. */
import { WELL_FORMED_CODE } from "../classification/codes";
import type { SheetGrid } from "../grid/grid";
import {
  BY_UNIT,
  isPrior,
  isRateOrChange,
  THREE_PUBLIC_ITEM_OF,
  THREE_PUBLIC_PARTS,
  type Amount,
  type Column,
  type Report,
  type Row,
  type Table,
  type TableKind,
  type Unit,
  type Unrecognized,
} from "../model/schema";
import { columnLetter } from "../grid/address";
import { markedFigure } from "../grid/amount";
import { indentDepth, labelKey, norm } from "../grid/text";
import { ORGAN_END, titleDepartmentOf } from "../model/department";
import { GridView } from "./view";
import { splitMergedLines } from "./merged-lines";
import {
  sameLines,
  whyNotContinues,
  underBorrowedHeader,
  type BorrowableHeader,
} from "./bare-pages";
import { findRegions, sheetLabel, type Region } from "./region";
import { pageHeaderAdds, pageHeaderRegion } from "./page-title";
import {
  blocks,
  columnRoles,
  headerPaths,
  isColumnNumberRow,
  isHeaderRow,
  headerAfterGap,
  isMetaRow,
  textColumns,
  codeColumns,
  type ColumnRole,
} from "./header";
import {
  amountAt,
  applyIndentLevels,
  applyProjectCodes,
  applyUnitCodes,
  parseBody,
  settleWorkbookPrecision,
} from "./body";
import { nestClosingSubtotals } from "./closing-subtotals";
import { dropCodeCopies } from "./code-copy";
import { loneFigureBlock, loneFigureCaption } from "./lone-figure";
import { bodyPageNumbers } from "./page-numbers";
import { ShiftedView, shiftedRun } from "./column-shift";
import { headerKind, labelLines, tellApartByOrder, untitledBelow } from "./untitled";
import { listHeaderRow, listTotal, parseForm, splitStackedForms } from "./performance";
import {
  lineMeta,
  nameWrapped,
  readMeta,
  titleExcludesCarryover,
  unitInCaption,
  yearOfTitle,
  type Meta,
} from "./meta";
import { classifyTitle, FINAL_ACCOUNTS_TITLE, KIND_BY_HEADER, TABLE_LABEL } from "./kinds";
import {
  EMPTY_NOTE,
  LABEL_HEADER,
  PERFORMANCE_TARGET_HEADER,
  pageBookkeeping,
  TASK_HEADER,
  TOTAL_KEYS,
  YEAR_CAPTION,
} from "./aliases";
import { codesFromCodedTables, structureRows } from "./structure";
import { markHidden, markOutsidePrintArea } from "./hidden";
import { markHashes } from "./column-width";
import { markStaleFormulas } from "./stale-formulas";
import { applyEmptyDeclarations, emptyDeclarations, type EmptyDeclaration } from "./contents";
import { clipRegionsAtGaps, strayColumns } from "./strays";
import {
  CONTINUATION_LINE,
  labelledContinuation,
  joinContinuations,
  keepAsRead,
  addsUpWithout,
  mayContinue,
  namedContinuation,
  sumsJoin,
} from "./continuation";
import { isQuantityTable } from "../model/quantities";
import { formUnits } from "./form-units";

export interface ImportResult {
  report: Report;
}

const NOTE = /^[(（]?(注|说明|备注|附注)[:：\d]/;
/** A note saying the table as a whole is empty (本表无数据, 此表为空, 空表), not that one of its items is absent. */
const WHOLE_TABLE_EMPTY = /本表无数据|本表为空|此表为空|空表|无数据/;
/** Sign-off lines under a table: not rows. */
const FOOTER =
  /^(单位负责人|部门负责人|财务负责人|主管会计|制表人|填报人|审核人|复核人|联系电话|联系人|填报日期|制表日期|负责人)[:：]/;

function columnSpan(v: GridView, r0: number, r1: number): [number, number] {
  let c0 = Infinity;
  let c1 = -1;
  for (let r = r0; r <= r1; r++)
    for (const [c] of v.cells(r)) {
      c0 = Math.min(c0, c);
      c1 = Math.max(c1, c);
    }
  return c1 < 0 ? [0, 0] : [c0, c1];
}

function lastContentRow(v: GridView, r0: number, r1: number): number {
  for (let r = r1; r >= r0; r--) if (v.cells(r).length) return r;
  return r0;
}

/** The first cell from row r0 to the title row printing the year (a title broken over two lines prints it on one). */
function titleYearCell(
  v: GridView,
  r0: number,
  titleRow: number,
  year: number
): string | undefined {
  for (let r = Math.max(0, r0); r <= titleRow; r++)
    for (const [c, t] of v.cells(r)) if (t.includes(String(year))) return v.ref(r, c);
  return undefined;
}

function mergeMeta(into: Meta, m: Meta, cell?: string) {
  if (m.unit && !into.unit) into.unitCell = cell;
  if (m.department && !into.department && cell) into.departmentCell = cell;
  if (m.year && !into.year && cell) into.yearCell = cell;
  if (m.department && !into.department) into.departmentText = m.departmentText;
  into.department ??= m.department;
  into.unit ??= m.unit;
  into.unitText ??= m.unitText;
  into.year ??= m.year;
}

/**
 * Parses one region into a table, or explains why it could not. `sheetUnit`: the unit line a 绩效 form printing none
 * of its own takes (forms stacked on one sheet under one unit line: above the first title, or the first form's).
 */
function parseRegion(
  v: GridView,
  reg: Region,
  index: number,
  sheetUnit?: Meta,
  heads?: { rows: number[]; cols: [number, number] }
): Table | Unrecognized {
  const end = lastContentRow(v, reg.r0, reg.r1);
  const [c0, c1] = columnSpan(v, reg.r0, end);
  const range = v.range(reg.r0, c0, end, c1);
  // A titled table that cannot be read: which table its title names, and where (completeness cites it for "missing").
  const titleCol = reg.titleRow >= 0 ? v.cells(reg.titleRow)[0]?.[0] : undefined;
  const unread = (reason: string): Unrecognized => ({
    sheet: v.grid.sheet,
    range,
    reason,
    kind: reg.kind,
    cell: v.ref(reg.titleRow >= 0 ? reg.titleRow : reg.r0, titleCol ?? c0),
    text: reg.title,
  });
  // The page header's lines stand above every cell: read first, as lines at or above a title are.
  const meta: Meta = { ...reg.pageMeta };
  const base = {
    id: `${v.grid.sheet}#${index + 1}`,
    kind: reg.kind,
    sheet: v.grid.sheet,
    range,
    title: reg.title,
    label: reg.label ?? reg.pageLabel,
    excludesCarryover: titleExcludesCarryover(reg.title),
    notes: [] as string[],
  };
  if (reg.kind === "performance_target") {
    for (let r = reg.r0; r <= end; r++)
      for (const [c] of v.cells(r)) mergeMeta(meta, readMeta(v.text(r, c)), v.ref(r, c));
    // A list's header (项目名称 | 年度资金总额 | 年度绩效目标 | 一级指标 …, tester34 T34-7) is no form: its 项目名称's
    // "value" would be the caption beside it.
    const form =
      listHeaderRow(v, reg.titleRow + 1, end) === undefined
        ? parseForm(v, reg.titleRow + 1, end, c0, c1)
        : undefined;
    if (form) {
      const empty = form.rows.every((row) => Object.values(row.amounts).every((a) => a.blank));
      // The unit its money caption prints (项目资金（万元）), else the form's unit line (单位：万元 / 金额单位：万元, read
      // by readMeta as every table's is), else 元 (what a form printing no unit states its money in).
      // A form printing neither takes the sheet's unit line (sheetUnit), when the forms print one line for all.
      // A form printing neither takes the unit its sheet's page header prints (reg.pageUnit), else none (元).
      const line = meta.unit
        ? meta
        : sheetUnit?.unit
          ? sheetUnit
          : reg.pageUnit?.unit
            ? reg.pageUnit
            : undefined;
      const lineUnit = form.unit ? undefined : line?.unit;
      return {
        ...base,
        year: meta.year ?? yearOfTitle(reg.title),
        department: form.department?.replace(/^\d+[-－]/, ""),
        unit: form.unit ?? lineUnit ?? "元",
        // Printing no unit anywhere: 元 for now; the workbook's tables may tell another (formUnits).
        ...(form.unit || lineUnit ? {} : { unitAssumed: "default" as const }),
        unitText: lineUnit ? line!.unitText : undefined,
        unitCell: lineUnit ? line!.unitCell : undefined,
        markedEmpty: false,
        empty,
        columns: form.columns,
        rows: form.rows,
        form: {
          project: form.project,
          projectCell: form.projectCell,
          period: form.period,
          attribute: form.attribute,
          department: form.department,
        },
      };
    }
    // A list of projects with their 绩效目标 as a column (a caption row holding the 绩效目标 caption beside a name
    // caption: 项目名称 | 预算金额 | 年度绩效目标) is read as a table; a form left blank (no figure) is an empty form;
    // anything else is a 绩效 table that could not be read — never an empty one (every project would lack its form).
    if (!performanceListHeader(v, reg.titleRow + 1, end)) {
      if (!findRow(v, reg.titleRow + 1, end, (t) => /^项目名称/.test(t)))
        return unread("绩效目标表缺少项目名称或资金总额");
      if (hasFigure(v, reg.titleRow + 1, end))
        return unread(
          "绩效目标表未能读出：既不是逐项目的绩效目标表（项目名称、年度资金总额），也没有可识别的绩效目标列"
        );
      return {
        ...base,
        year: meta.year ?? yearOfTitle(reg.title),
        unit: "万元" as const,
        markedEmpty: false,
        empty: true,
        columns: [],
        rows: [],
      };
    }
    base.kind = "performance_list";
  }
  let start = reg.titleRow + 1;
  let stop = end;
  if (reg.kind === "department_performance") {
    // 部门整体绩效目标表: the money block is the grid under 任务名称 … 预算金额, down to its 金额合计.
    for (let r = reg.r0; r <= end; r++)
      for (const [c] of v.cells(r)) mergeMeta(meta, readMeta(v.text(r, c)));
    const dept = findRow(v, reg.titleRow + 1, end, (t) =>
      /^部门[(（]?单位[)）]?名称$|^(部门|单位)名称$/.test(t)
    );
    if (dept) meta.department ??= v.cells(dept.r).find(([c]) => c > dept.c)?.[1];
    const head = findRow(v, reg.titleRow + 1, end, (t) => TASK_HEADER.test(labelKey(t)));
    if (!head) {
      // No tasks: one 预算 line (年度预算申请 | 资金总额 | 财政拨款 | 其他资金 over its figures) is the form's money.
      const budget = departmentBudgetLine(v, reg.titleRow + 1, end);
      if (!budget)
        return unread(
          "部门整体绩效目标表格式未能识别（未审核）：未找到任务名称与预算金额，也未找到资金总额"
        );
      if (budget.unit && !meta.unit)
        Object.assign(meta, {
          unit: budget.unit.unit,
          unitText: budget.unit.text,
          unitCell: budget.unit.cell,
        });
      return {
        ...base,
        ...metaFields(meta, reg.title, reg),
        markedEmpty: false,
        empty: Object.values(budget.row.amounts).every((a) => a.blank || !a.value),
        columns: budget.columns,
        rows: [budget.row],
      };
    }
    start = head.r;
    // The 金额合计 line: a line with figures (预算金额's sub-caption 合计 | 财政拨款 | 其他资金 is a header line). Printed
    // before the tasks, the tasks follow it down to the form's next caption (年度总体目标, 年度绩效指标 …).
    const figures = (k: number) => v.cells(k).some(([c]) => v.isNumber(k, c));
    for (let k = head.r + 1; k <= end; k++)
      if (v.cells(k).some(([, t]) => /^(金额合计|合计|总计)$/.test(labelKey(t))) && figures(k)) {
        stop = k;
        let first = true;
        for (let j = head.r + 1; j < k; j++) if (figures(j)) first = false;
        if (first)
          for (let j = k + 1; j <= end; j++)
            if (
              !figures(j) &&
              v.cells(j).some(([, t]) => /^(年度)?(总体)?(绩效)?(目标|指标)/.test(labelKey(t)))
            ) {
              stop = j - 1;
              break;
            }
        break;
      }
  }
  // Meta lines and header rows after the title; the body follows.
  let r = start;
  // Each line of a cell on its own: a converter's one cell for the page head holds the title, 部门名称 and 单位 lines.
  const metaOf = (k: number, bareYear: boolean) =>
    lineMeta(
      v.cells(k).flatMap(([c]) =>
        nameWrapped(
          v
            .text(k, c)
            .split(/\r?\n/)
            .filter((l) => l.trim() !== "")
        ).map((l): [number, string] => [c, l])
      ),
      bareYear
    );
  for (let k = reg.r0; k <= reg.titleRow; k++)
    for (const { c, meta: m } of metaOf(k, false)) mergeMeta(meta, m, v.ref(k, c));
  // One line of text between the title (with its meta lines) and the header — a subtitle （按支出功能分类科目）, 编制日期：…,
  // 说明：…, a 续表 / 续上表 line under a page head printed again mid-sheet — is no part of the table: skipped when a
  // header row follows it (its words are not read as meta: a 编制日期 year is not the budget's).
  const oneText = (k: number) => {
    const cells = v.cells(k);
    return cells.length === 1 && !v.isDatum(k, cells[0][0]) && !isHeaderRow(v, k);
  };
  const asideLine = (k: number) => {
    if (!oneText(k)) return false;
    // The header within the next few lines, past meta lines and other such lines.
    for (let n = k + 1; n <= Math.min(stop, k + 4); n++) {
      if (v.cells(n).length === 0 || isMetaRow(v, n)) continue;
      if (isHeaderRow(v, n)) return true;
      if (!oneText(n)) return false;
    }
    return false;
  };
  for (; r <= stop; r++) {
    if (v.cells(r).length === 0) continue;
    if (isMetaRow(v, r))
      for (const { c, meta: m } of metaOf(r, true)) mergeMeta(meta, m, v.ref(r, c));
    else if (!asideLine(r)) break;
  }
  const headerRows: number[] = [];
  while (r <= stop && headerRows.length < 6) {
    if (isHeaderRow(v, r)) {
      headerRows.push(r);
      for (const [c] of v.cells(r)) mergeMeta(meta, readMeta(v.text(r, c)), v.ref(r, c));
      r++;
      continue;
    }
    const next = headerAfterGap(v, headerRows, r, stop, c0, c1);
    if (next === undefined) break;
    r = next;
  }
  // A 机关运行经费表 of one figure under one caption naming it (机关运行经费 / 金额 / 合计 over 2050): that caption is the
  // header, the figure the body (tester33 T33-17).
  const lone = headerRows.length === 0 ? loneFigureCaption(v, reg.kind, r, stop) : undefined;
  if (lone) {
    headerRows.push(lone.caption);
    r = lone.figure;
  }
  if (headerRows.length === 0) {
    // Only a statement that the table is empty under the title (本部门无…，此表为空。): the empty table, so stated.
    const said = statementOnly(v, r, end);
    if (!said) return unread(`“${reg.title}”下未找到表头行`);
    return {
      ...base,
      ...metaFields(meta, reg.title, reg),
      markedEmpty: true,
      empty: true,
      notes: said.lines,
      emptyNoteCell: said.cell,
      columns: [],
      rows: [],
    };
  }
  if (heads) {
    heads.rows = headerRows;
    heads.cols = [c0, c1];
  }
  const year = meta.year ?? yearOfTitle(reg.title);
  const paths = headerPaths(v, headerRows, c0, c1);
  let roles = columnRoles(paths, c0, year);
  // A header left at last year's (2024年合计 | 2024年基本支出 under a 2025 title): its columns are the table's figures.
  const staleYear = staleHeaderYear(roles, year);
  let headerYear: { year: number; cell: string } | undefined;
  if (staleYear) {
    // Read without the stale year (2024年合计 → 合计, 2023年预算数 → 预算数), each column keeping its printed caption;
    // without a year of the table's own, only when the year kept a column from being named.
    const stale = new RegExp(`${staleYear}年度?`, "g");
    if (year || roles.some((r) => r.role === "amount" && r.key.startsWith("col_")))
      roles = columnRoles(
        // A caption that is the year alone (2024年 over nothing) is that year's 预算数.
        paths.map((p) => p.map((x) => x.replace(stale, "").trim() || "预算数")),
        c0,
        year
      ).map((r) => ({ ...r, path: paths[r.c - c0] }));
    const at = headerRows
      .flatMap((h) => v.cells(h).map(([c, t]) => ({ h, c, t })))
      .find(({ t }) => norm(t).includes(String(staleYear)));
    if (at) headerYear = { year: staleYear, cell: v.ref(at.h, at.c) };
  }
  const headerSig = new Set(
    headerRows.map((h) =>
      v
        .cells(h)
        .map(([, t]) => t)
        .join("|")
    )
  );
  const bodyRows: number[] = [];
  // The lines inside the body saying the table goes on (（续表一）, 表1-2（续）): where each next part starts.
  const goesOn: Array<{ row: number; text: string }> = [];
  const pageLines: string[] = [];
  const notes: string[] = [];
  // The first line declaring the table empty (注：本表无数据 / 本部门无…): its cell stands for the table's zeros.
  let emptyNoteCell: string | undefined;
  const note = (k: number, cells: Array<[number, string]>) => {
    const text = cells.map(([, t]) => t).join(" ");
    notes.push(text);
    if (!emptyNoteCell && EMPTY_NOTE.test(text)) emptyNoteCell = v.ref(k, cells[0][0]);
  };
  for (; r <= stop; r++) {
    const cells = v.cells(r);
    if (cells.length === 0) continue;
    const first = cells[0][1];
    const numeric = cells.some(([c]) => v.isNumber(r, c)) && !isColumnNumberRow(v, r);
    if (!numeric && cells.some(([, t]) => FOOTER.test(t))) continue;
    // A 注 / 说明 / 备注 line is a footnote even when it prints a figure (备注：上年结转 981827.50): never a body row.
    if (NOTE.test(first) || (!numeric && cells.length === 1 && EMPTY_NOTE.test(first))) {
      note(r, cells);
      continue;
    }
    // Header rows repeated after a page break inside the table.
    if (headerSig.has(cells.map(([, t]) => t).join("|")) || isColumnNumberRow(v, r)) continue;
    // …or a header row repeated there wrapped over two or three lines (科目 / 编码): skipped as the one-line repeat is.
    const wrapped = wrappedHeaderRepeat(v, r, stop, headerRows);
    if (wrapped) {
      r += wrapped - 1;
      continue;
    }
    // The rest of a page head printed again there without its title: its label line (表 4) and a line saying only
    // （续表一） in the title's place, or the label with its 续 (表1-2（续）, tester31 T31-19) — never a line of the table
    // (its meta line is skipped below). A 续 there says the table goes on on the same sheet (input.continued-table).
    if (!numeric && v.lineCells(r).length === 1) {
      const marked = CONTINUATION_LINE.test(first) || labelledContinuation(first);
      if (marked || TABLE_LABEL.exec(first)?.[0] === first) {
        if (marked && bodyRows.length) goesOn.push({ row: r, text: v.text(r, cells[0][0]).trim() });
        continue;
      }
    }
    if (!numeric && cells.length <= 2 && isMetaRow(v, r)) continue;
    // 本页小计 / 累计 / 承上页 / 过次页 between pages: page bookkeeping, not a line of the table (listed in a 提示).
    const bookkeeping = cells.find(([c, t]) => !v.isNumber(r, c) && pageBookkeeping(t));
    if (bookkeeping) {
      pageLines.push(`${v.ref(r, bookkeeping[0])}「${bookkeeping[1].trim()}」`);
      continue;
    }
    bodyRows.push(r);
  }
  // A bare page number (a PDF's footer “2” on a row of its own, under an amount column): no line of the table.
  const pageNumbers = bodyPageNumbers(
    v,
    bodyRows,
    new Set(roles.filter((x) => x.role === "amount").map((x) => x.c))
  );
  if (pageNumbers.size)
    bodyRows.splice(0, bodyRows.length, ...bodyRows.filter((br) => !pageNumbers.has(br)));
  // A column no alias names whose figures are all years (2024 | 2025 | 2026, printed without decimals: 起始年度 under
  // another caption): an attribute of the line, never an amount (tester35 T35-7).
  roles = roles.map((x) =>
    x.role === "amount" && x.key.startsWith("col_") && yearColumn(v, bodyRows, x.c)
      ? { role: "text", c: x.c, path: x.path }
      : x
  );
  // A page whose amounts a converter moved one column right: its lines read one column left, and said (NC11-9).
  const amountRoles = roles.filter(
    (x): x is Extract<ColumnRole, { role: "amount" }> => x.role === "amount"
  );
  const shift = shiftedRun(
    v,
    bodyRows,
    amountRoles.map((x) => x.c),
    new Set(roles.map((x) => x.c)),
    amountRoles.find((x) => x.key === "total")?.c
  );
  if (shift) v = new ShiftedView(v, shift);
  const columnShift = shift && {
    rows: shift.rows.map((br) => v.sheetRow(br)),
    cells: shift.rows.map((br) => v.ref(br, shift.from)),
  };
  for (; r <= end; r++) {
    const cells = v.cells(r);
    if (
      cells.length &&
      (NOTE.test(cells[0][1]) ||
        (!cells.some(([c]) => v.isNumber(r, c)) && EMPTY_NOTE.test(cells[0][1])))
    )
      note(r, cells);
  }
  // Row names per column: distinct texts (not counting 合计 / 小计 lines: a 单位 column repeats its units beside the 项目),
  // then all texts, as distinct × 1000 + all.
  const bodyTexts = (c: number) => {
    const texts = bodyRows
      .filter((br) => v.norm(br, c) !== "" && !v.isNumber(br, c))
      .map((br) => v.norm(br, c));
    return new Set(texts.filter((t) => !/(合计|小计|总计)$/.test(t))).size * 1000 + texts.length;
  };
  // Plain text (not a figure, a dash or an error value) in the body rows. A figure with a mark the reader does not know
  // (11.20a, 11.20注1) is no remark: the lone line of a 三公 table laid across keeps its 合计 column (NC13-6).
  const plainTexts = (c: number) =>
    bodyRows.filter(
      (br) => v.norm(br, c) !== "" && v.amount(br, c) === undefined && !markedFigure(v.text(br, c))
    ).length;
  const figures = (c: number) => bodyRows.filter((br) => v.isNumber(br, c)).length;
  // Figures under no caption (a caption lost in a PDF conversion): a column the table prints but no role names.
  const unnamedColumns = paths
    .map((p, i) => (p.length === 0 && figures(c0 + i) > 0 ? columnLetter(v.sheetCol(c0 + i)) : ""))
    .filter((x) => x);
  const captioned = new Set(roles.filter((x) => x.role === "amount").map((x) => x.c));
  roles = textColumns(roles, plainTexts, figures);
  const filled = (c: number) => bodyRows.filter((br) => v.norm(br, c) !== "").length;
  const codesIn = (c: number) =>
    bodyRows.filter((br) => WELL_FORMED_CODE.test(v.norm(br, c))).length;
  roles = codeColumns(roles, codesIn, filled);
  // Captioned like amounts, printed as words (“三公”经费 over 合计 / 因公出国（境）费 / …): names under the table's subject.
  const worded = new Set(
    roles.filter((x) => x.role === "text" && captioned.has(x.c)).map((x) => x.c)
  );
  roles = uncaptionedLabel(roles, paths, c0, bodyTexts, worded, reg.title);
  const blockList = blocks(roles, reg.kind, bodyTexts);
  // 基本支出 by unit × class (a 单位 label column, class rows under unit rows): not the 经济分类表 itself.
  if (
    reg.kind === "basic_expenditure_economic" &&
    blockList.length === 1 &&
    blockList[0].label !== undefined
  ) {
    const labelPath = roles.find((x) => x.c === blockList[0].label)?.path.join("/") ?? "";
    if (/单位/.test(norm(labelPath))) base.kind = "basic_expenditure_unit";
  }
  const kind = base.kind;
  const oneFigure = loneFigureBlock(v, kind, blockList, bodyRows);
  let rows = parseBody(v, kind, bodyRows, blockList);
  oneFigure?.(rows);
  dropCodeCopies(blockList, rows);
  // Column groups of one list (Block.stacked) repeat the first group's amounts: one column per key (the first group's),
  // the other groups' letters of that key in groupCols.
  const stacked = blockList.some((b) => b.stacked);
  const amountBlocks = stacked ? blockList.slice(0, 1) : blockList;
  let columns: Column[] = amountBlocks.flatMap((b) =>
    b.amounts.map((a) => {
      const also = stacked
        ? blockList
            .slice(1)
            .flatMap((g) => g.amounts.filter((x) => x.key === a.key))
            .map((x) => columnLetter(v.sheetCol(x.c)))
        : [];
      // The caption's cell: the lowest header line printing text in the column (a merged caption's top-left).
      const caption = [...headerRows].reverse().find((h) => v.text(h, a.c).trim() !== "");
      return {
        key: a.key,
        label: a.label,
        side: blockList.length > 1 ? b.side : undefined,
        col: columnLetter(v.sheetCol(a.c)),
        ...(caption !== undefined ? { cell: v.ref(caption, a.c) } : {}),
        ...(also.length ? { groupCols: also } : {}),
      };
    })
  );
  // A 收支总表 printed one-sided: its label / amount pair serves both sides.
  if (blockList.length === 1 && rows.some((x) => x.side))
    columns = (["income", "expenditure"] as const).flatMap((side) =>
      columns.map((c) => ({ ...c, side }))
    );
  // Levels a project table's 功能科目 / 单位编码 / 项目类别 lines give (applyProjectCodes), or another table's nesting
  // 单位编码 (applyUnitCodes), stand whether or not the sums hold.
  let codedLevels = false;
  if (kind === "project_expenditure" || kind === "project_carryover") {
    codedLevels =
      blockList.length === 1 &&
      applyProjectCodes(
        rows,
        v,
        blockList[0],
        blockList[0].amounts.map((a) => a.key).filter((k) => !isRateOrChange(k) && !isPrior(k))
      );
    const labelCol = blockList[0].label;
    if (!codedLevels && labelCol !== undefined) {
      const depthOf = (row: Row) => indentDepth(v.text(v.gridRow(row.row), labelCol));
      // As read, before the levels: a continuation joined to this table is levelled again with it.
      if (blockList.length === 1) keepAsRead(rows);
      applyIndentLevels(rows, depthOf, meta.department);
    }
  } else if (blockList.length === 1) codedLevels = applyUnitCodes(rows, v, blockList[0]);
  // Groups closed by a 小计 below their lines (tester29 T29-13 / T29-15): each nested under its 小计's figures.
  if (blockList.length === 1 && !codedLevels && kind !== "three_public")
    codedLevels = nestClosingSubtotals(rows);
  if (kind === "three_public") threePublicOwnTotal(rows);
  if (blockList.length === 1 && !codedLevels)
    structureRows(
      rows,
      blockList[0].amounts.map((a) => a.key).filter((k) => !isRateOrChange(k) && !isPrior(k))
    );
  // A 三公 table printed across: its items are the sheet's columns (Table.across: the messages say 栏).
  const across =
    kind === "three_public" &&
    blockList[0].amounts.some((a) => a.key === "abroad" || a.key === "reception");
  if (across) ({ rows, columns } = transposeThreePublic(rows, blockList[0].amounts));
  if (kind === "three_public") markLoneParts(rows);
  // A 绩效目标 list's money column captioned 年度资金总额 or 资金 is its projects' amount (tester34 T34-7).
  if (kind === "performance_list") ({ rows, columns } = listTotal(rows, columns));
  const amountUnit = blockList.flatMap((b) => b.amounts.map((a) => a.unit)).find((u) => u);
  // The unit the cells print (a meta line, else a caption's 金额（万元）), else the page header's (reg.pageUnit).
  const page = meta.unit || amountUnit || !reg.pageUnit?.unit ? undefined : reg.pageUnit;
  const unit: Unit = meta.unit ?? amountUnit ?? page?.unit ?? "万元";
  const unitPrinted = !!(meta.unit ?? amountUnit ?? page);
  // Zeros printed in every cell (0.00 in an empty table) are no amount either.
  const empty = rows.every((row) =>
    Object.values(row.amounts).every((a) => a.blank || a.value === 0)
  );
  // 注：本部门无因公出国（境）费预算 under a 三公 table with figures (本部门无国有资本经营预算收入 under a 收入总表) is about
  // one of its lines or columns: a note naming a line or column of a table that prints figures (other than its total)
  // declares that one empty, not the table, unless it says so (此表为空 …).
  const named = (l: string, k: string) => l.length >= 3 && k.includes(l);
  const namesAPart = (n: string) => {
    const k = labelKey(n);
    return (
      rows.some((row) => row.key !== "total" && named(labelKey(row.label), k)) ||
      // A column's label is its header path (本年收入/国有资本经营预算): its own caption is the last part.
      columns.some((c) => c.key !== "total" && named(labelKey(c.label.split("/").pop()), k))
    );
  };
  // A title saying it of itself (…支出表（本部门无此项支出）) declares an empty table empty too (tester34 T34-12).
  const titleNote = reg.title.match(/[(（]([^()（）]*)[)）]\s*$/)?.[1];
  const markedEmpty =
    notes.some(
      (n) => EMPTY_NOTE.test(n) && (empty || WHOLE_TABLE_EMPTY.test(n) || !namesAPart(n))
    ) ||
    (empty && !!titleNote && EMPTY_NOTE.test(titleNote));
  if (markedEmpty && !emptyNoteCell && titleNote && reg.titleRow >= 0) {
    const titleCell = v.cells(reg.titleRow)[0];
    if (titleCell) emptyNoteCell = v.ref(reg.titleRow, titleCell[0]);
  }
  return {
    ...base,
    year,
    yearCell: meta.year
      ? meta.yearCell
      : year
        ? titleYearCell(v, reg.r0, reg.titleRow, year)
        : undefined,
    ...(headerYear ? { headerYear } : {}),
    ...(unnamedColumns.length ? { unnamedColumns } : {}),
    department: meta.department,
    departmentText: meta.department ? meta.departmentText : undefined,
    departmentCell: meta.department ? meta.departmentCell : undefined,
    unit,
    unitText: unitPrinted ? (meta.unitText ?? amountUnit ?? page?.unitText) : undefined,
    unitCell: meta.unit ? meta.unitCell : undefined,
    ...pageHeaderDiffers(reg, meta.unit ?? amountUnit),
    ...(across ? { across: true } : {}),
    markedEmpty,
    ...(markedEmpty && emptyNoteCell ? { emptyNoteCell } : {}),
    empty,
    notes,
    columns,
    rows,
    ...(columnShift ? { columnShift } : {}),
    ...(pageLines.length ? { pageLines } : {}),
    // The parts after in-sheet 续 lines: 续表 on the same sheet, read with their table already.
    ...(goesOn.length && rows.some((x) => x.row > v.sheetRow(goesOn[0].row))
      ? {
          continued: goesOn.map((g, k) => ({
            sheet: v.grid.sheet,
            range: v.range(g.row, c0, k + 1 < goesOn.length ? goesOn[k + 1].row - 1 : end, c1),
            title: g.text,
          })),
        }
      : {}),
  };
}

/**
 * A header naming no name column (nothing over the names: a “三公” table as lines under 2026年预算数 alone, beside a
 * 序号 column or not): the uncaptioned column left of the first amount column holding the most row names is the label.
 * So is a `worded` column there (captioned like amounts, its body words: “三公”经费 over 合计 / 因公出国（境）费 / …,
 * tester31 T31-13): a header naming the table's subject captions its names. Further right, a worded column whose
 * caption the title names (机关运行经费 in a “三公”经费及机关运行经费预算表) starts a block of its own, with the amount
 * columns after it. `bodyTexts`: distinct names × 1000 + all texts of a column. Roles unchanged when one is a label,
 * when there is no amount column, or when none qualifies.
 */
function uncaptionedLabel(
  roles: ColumnRole[],
  paths: string[][],
  c0: number,
  bodyTexts: (c: number) => number,
  worded: ReadonlySet<number> = new Set(),
  title = ""
): ColumnRole[] {
  if (roles.some((x) => x.role === "label")) return roles;
  const firstAmount = Math.min(...roles.filter((x) => x.role === "amount").map((x) => x.c));
  // No amount column at all (a title over a lone caption): there is nothing for names to stand beside.
  if (!Number.isFinite(firstAmount)) return roles;
  let best: number | undefined;
  for (let c = c0; c < firstAmount; c++)
    if (
      (paths[c - c0].length === 0 || worded.has(c)) &&
      bodyTexts(c) >= 1000 &&
      (best === undefined || bodyTexts(c) > bodyTexts(best))
    )
      best = c;
  if (best === undefined) return roles;
  const labels = new Set([best]);
  if (worded.has(best)) {
    const named = norm(title).replace(/["“”]/g, "");
    for (const c of worded) {
      const caption = norm(paths[c - c0].join("")).replace(/["“”]/g, "");
      if (
        c > best &&
        caption.length >= 2 &&
        named.includes(caption) &&
        bodyTexts(c) >= 1000 &&
        roles.some((x) => x.role === "amount" && x.c > c)
      )
        labels.add(c);
    }
  }
  return [
    ...roles.filter((x) => !labels.has(x.c)),
    ...[...labels].map((c) => ({ role: "label" as const, c, path: paths[c - c0] })),
  ].sort((a, b) => a.c - b.c);
}

/**
 * The one earlier year a header prints when none of its amount columns is this year's (2024年合计 | 2024年基本支出 |
 * 2024年项目支出, or 2023年预算数 alone, under a title of the year after): last year's sheet copied and its title
 * updated, the figures being this year's — the columns are the only figures the table has. Without a year of the
 * table's own: the one year every figure column prints (naming.year compares it with the workbook's; the columns are
 * read again only when the year kept one from being named: 2024年合计 → col_G). Undefined when any column is this
 * year's, when the columns name two years or none, or name a year's outturn or plan (执行 / 决算 / 实际 / 计划).
 */
function staleHeaderYear(roles: ColumnRole[], year: number | undefined): number | undefined {
  const amounts = roles.filter(
    (r): r is Extract<ColumnRole, { role: "amount" }> => r.role === "amount"
  );
  const prior = year
    ? amounts.filter((r) => isPrior(r.key))
    : amounts.filter((r) => !isRateOrChange(r.key));
  if (!prior.length || amounts.some((r) => !prior.includes(r) && !isRateOrChange(r.key))) return;
  const years = new Set<number>();
  for (const r of prior) {
    const p = norm(r.path.join("/"));
    if (/执行|决算|实际|上年|计划|规划/.test(p)) return;
    const ys = [...p.matchAll(/(20\d{2})/g)].map((m) => Number(m[1]));
    if (!ys.length) return;
    ys.forEach((y) => years.add(y));
  }
  const [only] = [...years];
  return years.size === 1 && (!year || only < year) ? only : undefined;
}

/** The 三公 columns a transposed table keeps as its rows (last year's band and the changes become columns of them). */
const THREE_PUBLIC_KEYS = new Set([
  "total",
  "three_public",
  "abroad",
  "vehicle",
  "vehicle_purchase",
  "vehicle_operation",
  "reception",
  "reception_domestic",
  "reception_foreign",
  "operating_funds",
  "meeting",
  "training",
]);

/**
 * "三公" items laid across one row (合计 | 因公出国 | 公务用车… | 公务接待 [| 机关运行经费]): one model row per item. When
 * the row also prints 会议费 / 培训费 beside a "三公" 小计, the 合计 is their sum and the 三公 items sit under the 小计.
 */
function transposeThreePublic(
  rows: Row[],
  amounts: Array<{ key: string; label: string; c: number }>
): { rows: Row[]; columns: Column[] } {
  // One line per year (2024年预算数 | 2025年预算数, 上年 | 本年, and a 增减 line): this year's is the figures, the
  // others its 上年 / 增减 bands. Else the 合计 line wherever it is printed (first or last), else the first line with
  // a figure.
  const years = yearLines(rows);
  const data =
    years?.current ??
    rows.find((row) => row.key === "total" && row.level === 0) ??
    rows.find((row) => Object.values(row.amounts).some((a) => !a.blank)) ??
    rows[0];
  if (!data) return { rows: [], columns: [] };
  const banded = amounts.some((a) => a.key === "three_public");
  const item = banded ? 2 : 1;
  // 机关运行经费 printed beside the 三公 items is not one of them: level 0 keeps it out of the 三公 sum (so are 会议费 /
  // 培训费 when no 三公 小计 says what the 合计 adds up).
  const levels: Record<string, number> = {
    total: 0,
    operating_funds: 0,
    three_public: 1,
    meeting: banded ? 1 : 0,
    training: banded ? 1 : 0,
    // An item's parts (购置费 | 运行费, 国内 | 外事接待费) one level under it; printed without the item (its band has
    // no 小计 column), they stand for it: the item is their sum.
    ...Object.fromEntries(
      [...THREE_PUBLIC_ITEM_OF].map(([k, of]) => [
        k,
        amounts.some((a) => a.key === of) ? item + 1 : item,
      ])
    ),
  };
  const units =
    data.key === "total" && data.level === 0
      ? unitColumns(
          rows.filter(
            (r) =>
              r !== data &&
              r.level >= 1 &&
              !r.partial &&
              Object.values(r.amounts).some((a) => !a.blank)
          )
        )
      : [];
  const current = amounts.filter((a) => data.amounts[a.key] && THREE_PUBLIC_KEYS.has(a.key));
  const bands = priorAndChangeBands(amounts, current);
  // The other years' lines, as the bands a table laid across prints in columns.
  const lineBands = (["prior", "change"] as const).flatMap((band) => {
    const line = years?.[band];
    return line ? [{ band, caption: line.label.trim(), line }] : [];
  });
  // Each band's figures of an item on the 合计 line and on every unit line: prior, prior_byunit_1 … (change …).
  const bandAmounts = (a: { key: string }) =>
    Object.fromEntries(
      bands.flatMap((b) => {
        const k = b.keyOf.get(a.key);
        return k
          ? [
              [b.band, data.amounts[k]],
              ...units.map((u) => [`${b.band}_${u.key}`, u.row.amounts[k]]),
            ].filter(([, x]) => x)
          : [];
      })
    );
  const out: Row[] = current.map((a) => ({
    label: a.key === "total" ? (a.label.split("/").pop() ?? a.label) : itemLabel(a.label),
    key: a.key,
    level: levels[a.key] ?? item,
    row: data.row,
    labelCell: data.amounts[a.key].cell,
    amounts: {
      total: data.amounts[a.key],
      ...Object.fromEntries(units.map((u) => [u.key, u.row.amounts[a.key]])),
      ...bandAmounts(a),
      ...Object.fromEntries(
        lineBands.flatMap((b) => (b.line.amounts[a.key] ? [[b.band, b.line.amounts[a.key]]] : []))
      ),
    },
  }));
  const col = /([A-Z]+)\d+$/.exec(data.labelCell)?.[1] ?? "A";
  const bandColumns = [...bands, ...lineBands].flatMap((b) => [
    { key: b.band, label: b.caption, col },
    ...units.map((u) => ({ key: `${b.band}_${u.key}`, label: `${u.label}（${b.caption}）`, col })),
  ]);
  return {
    rows: out,
    columns: [
      { key: "total", label: "预算数", col },
      ...units.map((u) => ({ key: u.key, label: u.label, col })),
      ...bandColumns,
    ],
  };
}

/**
 * The lines of a “三公” table laid across that are one per year, when every line with a figure names its year (or
 * the change): this year's (the latest year, or 本年 / 当年), the year before's and the change; undefined otherwise.
 */
function yearLines(rows: Row[]): { current: Row; prior?: Row; change?: Row } | undefined {
  const lines = rows.filter((r) => Object.values(r.amounts).some((a) => !a.blank));
  if (lines.length < 2) return undefined;
  const read = lines.map((r) => ({ r, m: YEAR_CAPTION.exec(labelKey(r.label)) }));
  if (read.some((x) => !x.m)) return undefined;
  const latest = Math.max(...read.map((x) => Number(x.m![1] ?? 0)));
  const kind = (m: RegExpExecArray) =>
    m[3]
      ? "change"
      : m[2]
        ? /^(本年|当年|今年)$/.test(m[2])
          ? "current"
          : "prior"
        : Number(m[1]) === latest
          ? "current"
          : "prior";
  const by = new Map(read.map((x) => [kind(x.m!), x.r] as const));
  if (by.size !== read.length || !by.get("current")) return undefined;
  return { current: by.get("current")!, prior: by.get("prior"), change: by.get("change") };
}

/**
 * A 三公 item printed with only some of its parts (公务接待费 with 其中：外事接待费 alone) details it without
 * adding up to it: those parts are memo items (partial), never addends. With every part printed they are its addends.
 */
/**
 * A “三公” table listing its items under (or over) a line worded “三公”经费合计 / 总计 and no 合计 line: that line is
 * its 合计 (level 0), printed first or last — as the same words captioning a column are when the table is laid across.
 * Read so whether or not its figure adds up (a wrong 合计 is reported as the 合计's, not read as one more line).
 */
function threePublicOwnTotal(rows: Row[]) {
  if (rows.some((r) => r.key && TOTAL_KEYS.has(r.key))) return;
  // The 机关运行经费 line (beside the 三公 block, read after its lines, or under them) is none of its ends.
  const lines = rows.filter((r) => r.key !== "operating_funds");
  const ends = [lines[0], lines[lines.length - 1]].filter((r) => r && !r.partial && !r.side);
  const own = ends.filter(
    (r) => r.key === "three_public" && /(合计|总计)$/.test(labelKey(r.label))
  );
  if (own.length !== 1 || rows.filter((r) => r.key === "three_public").length !== 1) return;
  own[0].key = "total";
  own[0].level = 0;
  // The items one level under it, whatever their numbering made them (1. is a third-level ordinal).
  const rest = rows.filter((r) => r !== own[0]);
  const shift = Math.min(...rest.map((r) => r.level)) - 1;
  for (const r of rest) r.level = Math.max(1, r.level - shift);
}

function markLoneParts(rows: Row[]) {
  for (const [item, parts] of Object.entries(THREE_PUBLIC_PARTS)) {
    if (!rows.some((r) => r.key === item)) continue;
    const printed = rows.filter((r) => r.key && THREE_PUBLIC_ITEM_OF.get(r.key) === item);
    if (printed.length && printed.length < parts.length) printed.forEach((r) => (r.partial = true));
  }
}

/**
 * A 三公 column's caption as a line's name: its last caption, or its band's when that is the band's 小计 (公务用车购置及
 * 运行费/小计 → 公务用车购置及运行费, so a message never names a bare 「小计」); the 合计 keeps its own (当年/合计: 合计).
 */
function itemLabel(path: string): string {
  const parts = path.split("/");
  const leaf = parts[parts.length - 1];
  return /^(小计|合计)$/.test(norm(leaf)) && parts.length > 1 ? parts[parts.length - 2] : leaf;
}

/**
 * The 上年 and 增减 bands of a “三公” table laid across (上年 | 当年 | 增减, each over 合计 | 小计 | 因公出国 … | 会议费 |
 * 培训费: Xi'an 表13): per band, its caption (上年, 2025年预算数, 增减变化情况) and, for each of this year's columns,
 * the band's column printing the same caption under the band (a band printing one column only, 上年预算数 or 增减, is
 * the 合计's). Bands that pair with no column of this year's are left out.
 */
function priorAndChangeBands(
  amounts: Array<{ key: string; label: string }>,
  current: Array<{ key: string; label: string }>
): Array<{ band: "prior" | "change"; caption: string; keyOf: Map<string, string> }> {
  const under = (a: { label: string }) => a.label.split("/").slice(1).join("/");
  const out: Array<{ band: "prior" | "change"; caption: string; keyOf: Map<string, string> }> = [];
  for (const band of ["prior", "change"] as const) {
    const cols = amounts.filter((a) =>
      band === "prior" ? isPrior(a.key) : a.key.startsWith("change")
    );
    if (!cols.length) continue;
    const keyOf = new Map<string, string>();
    for (const c of current) {
      const twin =
        cols.find((b) => under(b) !== "" && under(b) === under(c)) ??
        (c.key === "total" && cols.length === 1 ? cols[0] : undefined);
      if (twin) keyOf.set(c.key, twin.key);
    }
    if (keyOf.size) out.push({ band, caption: cols[0].label.split("/")[0], keyOf });
  }
  return out;
}

/**
 * The unit lines under a 三公 table's 合计 line as columns: a 部门 line is byunit_1, byunit_2 …, the 单位 lines under
 * it (one level deeper) byunit_1_1, byunit_1_2 …, so 合计 = Σ 部门 and 部门 = Σ its 单位 are both checked
 * (within.row-units). A 单位 named like its 部门 (the 部门's own office, 本级) is labelled so.
 */
function unitColumns(lines: Row[]): Array<{ key: string; label: string; row: Row }> {
  const out: Array<{ key: string; label: string; row: Row }> = [];
  // The open ancestors, shallowest first: their level, key, name and how many children they have so far.
  const open: Array<{ level: number; key: string; name: string; kids: number }> = [
    { level: 0, key: BY_UNIT, name: "", kids: 0 },
  ];
  for (const r of lines) {
    while (open.length > 1 && open[open.length - 1].level >= r.level) open.pop();
    const parent = open[open.length - 1];
    const key = `${parent.key}_${++parent.kids}`;
    const name = r.label.trim();
    out.push({
      key,
      label: open.some((o) => o.name && norm(o.name) === norm(name)) ? `${name}（本级）` : name,
      row: r,
    });
    open.push({ level: r.level, key, name, kids: 0 });
  }
  return out;
}

/**
 * The lines r0…r1 when they are only a statement that the table is empty (EMPTY_NOTE: 本部门无…，此表为空。 / 本表无数据),
 * with meta lines and footnotes around it and no figure; else undefined.
 */
function statementOnly(
  v: GridView,
  r0: number,
  r1: number
): { lines: string[]; cell: string } | undefined {
  const said: string[] = [];
  let cell: string | undefined;
  for (let r = r0; r <= r1; r++) {
    const cells = v.cells(r);
    if (cells.length === 0 || isMetaRow(v, r)) continue;
    if (cells.some(([c]) => v.isNumber(r, c))) return undefined;
    const text = cells.map(([, t]) => t).join(" ");
    const empty = EMPTY_NOTE.test(norm(text));
    if (!empty && !NOTE.test(cells[0][1])) return undefined;
    said.push(text);
    if (empty) cell ??= v.ref(r, cells[0][0]);
  }
  return cell ? { lines: said, cell } : undefined;
}

/** The first cell in rows r0…r1 whose normalised text passes the test. */
function findRow(
  v: GridView,
  r0: number,
  r1: number,
  test: (t: string) => boolean
): { r: number; c: number } | undefined {
  for (let r = r0; r <= r1; r++) for (const [c, t] of v.cells(r)) if (test(t)) return { r, c };
  return undefined;
}

/**
 * The caption row of a 项目绩效目标一览表: a 绩效目标 caption (PERFORMANCE_TARGET_HEADER: 绩效目标, 年度绩效目标 …) on a
 * row that also names the projects (项目 / 项目名称 / …名称), or a cell starting with 绩效目标 anywhere (as before), or
 * a 项目支出绩效目标表 printed as one list (listHeaderRow: 项目名称 | 年度资金总额 | 一级指标 | … | 指标值).
 */
function performanceListHeader(v: GridView, r0: number, r1: number): boolean {
  // 项目名称 | 年度资金总额 | 一级指标 | 二级指标 | 三级指标 | 指标值: the indicators as columns, no 绩效目标 one.
  if (listHeaderRow(v, r0, r1) !== undefined) return true;
  for (let r = r0; r <= r1; r++) {
    const cells = v.cells(r);
    if (cells.some(([, t]) => /^绩效目标/.test(t))) return true;
    if (
      cells.some(([, t]) => PERFORMANCE_TARGET_HEADER.test(labelKey(t))) &&
      cells.some(([, t]) => LABEL_HEADER.test(labelKey(t)) || /名称$/.test(labelKey(t)))
    )
      return true;
  }
  return false;
}

/** Does any cell of rows r0…r1 hold a figure other than 0 (a blank form may print 0.00)? */
function hasFigure(v: GridView, r0: number, r1: number): boolean {
  for (let r = r0; r <= r1; r++)
    for (const [c] of v.cells(r)) if (v.isNumber(r, c) && v.raw(r, c) !== 0) return true;
  return false;
}

/** The money captions of a 项目绩效目标表 form in the sheet's first lines (项目名称 … 年度资金总额). */
function formCaptions(v: GridView): boolean {
  const text = Array.from({ length: Math.min(12, v.rows) }, (_, r) =>
    v
      .cells(r)
      .map(([, t]) => t)
      .join(" ")
  ).join(" ");
  return /项目名称/.test(text) && /(实施期|中期|年度)资金总额/.test(text);
}

/**
 * A 部门整体绩效目标表's one 预算 line: a caption line holding 资金总额 (beside 财政拨款 / 其他资金), its figures on the
 * line under it — or under a second caption line: 财政部's 部门整体支出绩效目标申报表 prints 年度预算申请（万元）| 资金总额 |
 * 按收入性质分 over 一般公共预算 | 政府性基金 | 其他资金 | 按支出性质分 over 基本支出 | 项目支出, one line of figures.
 * Keys: total, fiscal, general, gov_fund, other, basic, project (those printed).
 */
const DEPARTMENT_BUDGET_KEYS: ReadonlyArray<readonly [string, RegExp]> = [
  ["total", /^(资金总额|预算总额|合计)$/],
  ["fiscal", /^财政拨款(资金)?$/],
  ["general", /^一般公共预算(资金|拨款)?$/],
  ["gov_fund", /^政府性?基金(预算)?(资金|拨款)?$/],
  ["other", /^其他资金$/],
  ["basic", /^基本支出$/],
  ["project", /^项目支出$/],
];
function departmentBudgetLine(
  v: GridView,
  from: number,
  to: number
): { row: Row; columns: Column[]; unit?: { unit: Unit; text: string; cell: string } } | undefined {
  const hasFigure = (k: number) => v.cells(k).some(([c]) => v.isNumber(k, c));
  const captionsOf = (k: number) =>
    v
      .cells(k)
      .map(
        ([c, t]) => [c, DEPARTMENT_BUDGET_KEYS.find(([, re]) => re.test(labelKey(t)))?.[0]] as const
      )
      .filter((x): x is readonly [number, string] => !!x[1]);
  for (let r = from; r < to; r++) {
    if (!captionsOf(r).some(([, k]) => k === "total")) continue;
    // The figures: the first line with figures under the captions (at most one more caption line between).
    let f = r + 1;
    if (f < to && !hasFigure(f) && hasFigure(f + 1)) f++;
    const caps: Array<readonly [number, string, number]> = [];
    for (let k = r; k < f; k++)
      for (const [c, key] of captionsOf(k))
        if (!caps.some(([, x]) => x === key)) caps.push([c, key, k]);
    if (!caps.some(([c]) => v.isNumber(f, c))) continue;
    const amounts: Record<string, Amount> = {};
    const columns: Column[] = [];
    for (const [c, key, k] of caps) {
      amounts[key] = amountAt(v, f, c);
      columns.push({ key, label: v.text(k, c).trim(), col: columnLetter(v.sheetCol(c)) });
    }
    // 年度预算申请（万元）: the unit in the line's caption.
    let unit: { unit: Unit; text: string; cell: string } | undefined;
    for (let k = r; k < f && !unit; k++)
      for (const [c, t] of v.cells(k)) {
        const u = unitInCaption(t);
        if (u) {
          unit = { unit: u, text: v.text(k, c).trim(), cell: v.ref(k, c) };
          break;
        }
      }
    const first = Math.min(...caps.map(([c]) => c));
    return {
      unit,
      columns,
      row: {
        label: "金额合计",
        key: "total",
        level: 0,
        row: v.sheetRow(f) + 1,
        labelCell: v.ref(f, first),
        amounts,
      },
    };
  }
  return budgetLinesBeside(v, from, to);
}

/**
 * The 部门整体支出绩效目标表's money printed down the form, each figure beside its caption (tester34 T34-12b:
 * 年度预算申请 | 资金总额 | 3908.30, then | 其中：一般公共预算 | 3908.30, | 政府性基金预算 | 0): the 资金总额 line and
 * the captioned lines right under it, as one 预算 line. Undefined when no 资金总额 caption has a figure beside it.
 */
function budgetLinesBeside(
  v: GridView,
  from: number,
  to: number
): { row: Row; columns: Column[]; unit?: { unit: Unit; text: string; cell: string } } | undefined {
  // The caption's key and the first figure right of it on its line.
  const beside = (k: number) => {
    const cells = v.cells(k);
    for (let i = 0; i < cells.length; i++) {
      const [c, t] = cells[i];
      const key = DEPARTMENT_BUDGET_KEYS.find(([, re]) =>
        re.test(labelKey(t).replace(/^其中[:：]?/, ""))
      )?.[0];
      if (!key) continue;
      const fig = cells.slice(i + 1).find(([x]) => v.isNumber(k, x));
      if (fig) return { key, c, fig: fig[0], label: t.trim() };
    }
    return undefined;
  };
  for (let r = from; r <= to; r++) {
    const head = beside(r);
    if (head?.key !== "total") continue;
    const amounts: Record<string, Amount> = {};
    const columns: Column[] = [];
    for (let k = r; k <= to; k++) {
      const line = k === r ? head : beside(k);
      if (!line || amounts[line.key]) break;
      amounts[line.key] = amountAt(v, k, line.fig);
      columns.push({ key: line.key, label: line.label, col: columnLetter(v.sheetCol(line.fig)) });
    }
    // 其中 lines naming only part of the money (一般公共预算 and 政府性基金 of a department with 单位资金 too) are no
    // breakdown of the 资金总额: only the total is read then.
    const parts = columns.slice(1).reduce((sum, c) => sum + (amounts[c.key].value ?? 0), 0);
    if (Math.round((parts - (amounts.total.value ?? 0)) * 100) !== 0)
      for (const c of columns.splice(1)) delete amounts[c.key];
    let unit: { unit: Unit; text: string; cell: string } | undefined;
    for (const [c, t] of v.cells(r)) {
      const u = unitInCaption(t);
      if (u) {
        unit = { unit: u, text: t.trim(), cell: v.ref(r, c) };
        break;
      }
    }
    return {
      unit,
      columns,
      row: {
        label: "金额合计",
        key: "total",
        level: 0,
        row: v.sheetRow(r) + 1,
        labelCell: v.ref(r, head.c),
        amounts,
      },
    };
  }
  return undefined;
}

/** A table's year, department and unit as its meta lines print them (万元 when none prints a unit). */
function metaFields(cells: Meta, title: string, reg?: Region) {
  const meta = pageUnitAfter(cells, reg?.pageUnit);
  return {
    ...(reg ? pageHeaderDiffers(reg, cells.unit) : {}),
    year: meta.year ?? yearOfTitle(title),
    department: meta.department,
    departmentText: meta.department ? meta.departmentText : undefined,
    departmentCell: meta.department ? meta.departmentCell : undefined,
    unit: meta.unit ?? ("万元" as const),
    unitText: meta.unit ? meta.unitText : undefined,
    unitCell: meta.unit ? meta.unitCell : undefined,
  };
}

/**
 * What a titled sheet's page header prints against its cells' own (`cellUnit`: the unit the cells print), when the
 * two differ: the cells' are read, naming.page-header says so. A 表号 differs when neither ends with the other
 * (表3 beside 预算公开表3 is one number in two styles).
 */
function pageHeaderDiffers(
  reg: Region,
  cellUnit: Unit | undefined
): { pageHeaderDiffers?: Table["pageHeaderDiffers"] } {
  const a = reg.label && norm(reg.label);
  const b = reg.pageLabel && norm(reg.pageLabel);
  const label = a && b && !a.endsWith(b) && !b.endsWith(a) ? reg.pageLabel : undefined;
  const u = reg.pageUnit;
  const unit = cellUnit && u?.unit && u.unit !== cellUnit ? u : undefined;
  if (!label && !unit) return {};
  return {
    pageHeaderDiffers: {
      ...(label ? { label } : {}),
      ...(unit ? { unit: unit.unit, unitText: unit.unitText } : {}),
    },
  };
}

/**
 * The unit the cells print (`cells`), else the one a titled sheet's page header prints (`page`, page-title.ts
 * pageHeaderAdds: no cell — findings about it cite the table).
 */
function pageUnitAfter(cells: Meta, page?: Meta): Meta {
  if (cells.unit || !page?.unit) return cells;
  return { ...cells, unit: page.unit, unitText: page.unitText, unitCell: undefined };
}

/**
 * A region that has no header of its own (its title printed again as a page head, a sheet of data lines only) read as
 * the next page of the table read just before it, through that table's header: same kind, its lines within the
 * header's columns, its codes continuing the table's order (`dataOnly`: a sheet with nothing naming it — no title, no
 * telling sheet name — must print codes that do, or, neither part printing codes, tie by the sums). Undefined when it
 * is not one.
 */
function bareContinuation(
  v: GridView,
  reg: Region,
  index: number,
  head: BorrowableHeader,
  dataOnly: boolean
): Table | string {
  if (reg.kind !== head.table.kind) return "表的种类不同";
  const under = underBorrowedHeader(v, reg, lastContentRow(v, reg.r0, reg.r1), head);
  if (!under) return "各行超出该表的栏";
  const t = parseRegion(under.view, under.region, index);
  if (!("id" in t) || !t.rows.length) return "没有可读的数据行";
  // Neither part printing codes, a sheet nothing names is tied by the figures: the table's 合计 is the sum of the
  // shallowest lines of both parts, not of its own (continuation.ts sumsJoin).
  const coded = (x: Table) => x.rows.some((r) => r.code && !r.codeFromName);
  const bySums =
    dataOnly && !head.table.borrowsHeader && !coded(head.table) && !coded(t)
      ? sumsJoin([head.table, t])
      : false;
  const why = whyNotContinues(head.table, t, dataOnly && !bySums);
  if (why) return why;
  return {
    ...t,
    range: under.range,
    year: t.year ?? head.table.year,
    department: t.department ?? head.table.department,
    departmentText: t.department ? t.departmentText : head.table.departmentText,
    departmentCell: t.department ? t.departmentCell : head.table.departmentCell,
    unit: head.table.unit,
    unitText: head.table.unitText,
    unitCell: undefined,
    borrowsHeader: head.table.id,
  };
}

/**
 * The header to read a sheet of data lines only through when its name says it continues a table read before
 * (预算公开表3(续), 表3续, 表3-续, 表3（续表）, 支出总表（续）): the name without its 续 is that table's sheet name,
 * 表号 or title (without its year), else a title naming one kind of table (支出总表) that exactly one table read
 * before is (NFKC, no spaces; tester29b T29B-4). The header is that table's latest part's (`headOf`, by the chain's
 * first table's id). Undefined when the name says no 续, or names no one table read before.
 */
function namedHead(
  sheet: string,
  tables: Table[],
  headOf: Map<string, BorrowableHeader>
): BorrowableHeader | undefined {
  const n = norm(sheet);
  const base = n.replace(CONTINUED_NAME, "");
  if (!base || base === n) return undefined;
  const roots = tables.filter((t) => headOf.has(t.id));
  const untilYear = (s: string) => norm(s).replace(/^\d{4}年度?/, "");
  const exact = roots.filter((t) =>
    [t.sheet, t.label ?? "", t.title].some((s) => s && (norm(s) === base || untilYear(s) === base))
  );
  const kind = classifyTitle(base)?.kind;
  const hits = exact.length ? exact : kind ? roots.filter((t) => t.kind === kind) : [];
  return hits.length === 1 ? headOf.get(hits[0].id) : undefined;
}

/** A sheet name's 续 suffix (normalised: NFKC, no spaces): (续), (续表), (续2), 续, 续表, -续. */
const CONTINUED_NAME = /[-_—–·]?(\(续表?[\d一二三四五六七八九十]*\)|续表?\d*)$/;

/** A sheet named only 续表 (续表1, （续）, 续2): a continuation that names no table. */
const continuedOnly = (sheet: string) => {
  const n = norm(sheet);
  return !!n && !n.replace(CONTINUED_NAME, "");
};

/**
 * Which of the tables read before a part that names none goes on: a sheet named only 续表 / 续表1 (no title, no
 * header: its lines), or a part titled only by a 续表 line over its own header — appended at the end of the workbook,
 * far from its table, or after another table. `heads`: the tables read before (each chain's latest part), the one just
 * before first; `read`: the part read as that table's next part, or why it is not one (its columns not among the
 * table's, codes not going on, the other classification); `chain`: that table's parts read so far. None whose parts
 * already add up to its 合计 (`addsUpWithout`). The table just before when the part fits it; else the one other whose codes or names are the part's (`sameLines`) or whose 合计
 * is the sum of its parts and this one's (sumsJoin), else the one other whose columns it fits — several, the one the
 * sums tie —; else why it cannot be told (none fits, or several).
 */
function placeContinuation(
  heads: BorrowableHeader[],
  read: (h: BorrowableHeader) => Table | string,
  chain: (h: BorrowableHeader) => Table[],
  near = true
): { head: BorrowableHeader; table: Table } | { reason: string } {
  const fits: Array<{ head: BorrowableHeader; table: Table }> = [];
  for (const [k, head] of heads.entries()) {
    // A table printed empty, or whose parts already add up to its 合计, has no further part.
    if (head.table.empty || head.table.markedEmpty) continue;
    const t = read(head);
    if (typeof t === "string" || addsUpWithout(chain(head), t)) continue;
    if (k === 0 && near) return { head, table: t };
    // Away from its table, fitting its columns is not enough: its codes or names, or the sums, say so.
    if (sameLines(head.table, t) || sumsJoin([...chain(head), t])) fits.push({ head, table: t });
  }
  const best = fits;
  const tied = best.length > 1 ? best.filter((f) => sumsJoin([...chain(f.head), f.table])) : best;
  if (tied.length === 1) return tied[0];
  if (!best.length) return { reason: "各行接不上前面任何一张表（栏、编码或科目不符）" };
  const names = (tied.length ? tied : best).map((f) => `「${f.head.table.title}」`).join("");
  return { reason: `各行可以接在${names}中任一张之后` };
}

/** The reason a part that names no table is not joined: `what` names it only as a continuation, `why` not placed. */
const unplaced = (what: string, why: string) =>
  `${what}，看不出是哪张表的续表：${why}；未合并核对，请在工作表名称或标题中写明所续的表名`;

/**
 * A part read through a table's header of its own kind (a 续表 line above its own header) fits that table: its
 * columns among the table's, the unit the same when it prints one, and nothing saying otherwise (codes going on, the
 * same classification: bare-pages.ts whyNotContinues).
 */
function fitsTable(a: Table, b: Table): boolean {
  if (a.kind !== b.kind || !b.rows.length) return false;
  // A two-sided table (收入 | 支出) takes a part with both sides only.
  if (a.rows.some((r) => r.side) !== b.rows.some((r) => r.side)) return false;
  if (!mayContinue(a, { ...b, unit: b.unitText ? b.unit : a.unit })) return false;
  return !whyNotContinues(a, b, false);
}

/**
 * The tables in sheet order, but a part read through another table's header (`borrowsHeader`) moved right after
 * that table (after the parts already behind it), so joinContinuations joins it: a sheet 表3(续) appended at the end.
 * So is a part with its own header named a continuation (支出总表（续）, 表3-续) that does not follow a table of its
 * kind: moved after the one table of that kind read before it and the parts behind that (tester29b T29B-4).
 */
function besideTheirTables(tables: Table[]): Table[] {
  const out: Table[] = [];
  for (const t of tables) {
    let at = t.borrowsHeader ? out.findIndex((x) => x.id === t.borrowsHeader) : -1;
    if (at < 0 && namedContinuation(t) && out[out.length - 1]?.kind !== t.kind) {
      const own = out.filter((x) => x.kind === t.kind && !namedContinuation(x) && !x.borrowsHeader);
      at = own.length === 1 ? out.indexOf(own[0]) : -1;
      while (at >= 0 && out[at + 1]?.kind === t.kind) at++;
    }
    if (at < 0 || at === out.length - 1) out.push(t);
    else out.splice(at + 1, 0, t);
  }
  return out;
}

/**
 * How many lines from r (2 or 3, else 0) print one of the header rows again with each caption wrapped over them — a
 * page's repeated header that a PDF converter split into lines (科目 | 合计 over 编码 | ): each column's pieces read top
 * to bottom are that header row's caption in that column, in the same columns (two captions at least).
 */
function wrappedHeaderRepeat(v: GridView, r: number, stop: number, headerRows: number[]): number {
  for (let n = 2; n <= 3 && r + n - 1 <= stop; n++) {
    const lines = Array.from({ length: n }, (_, k) => r + k);
    // Each line holds a piece (a caption cut after its digits, 20 / 25年预算数, reads as a figure: the match decides).
    if (lines.some((k) => v.cells(k).length === 0)) return 0;
    const cols = [...new Set(lines.flatMap((k) => v.cells(k).map(([c]) => c)))].sort(
      (a, b) => a - b
    );
    const joined = cols.map((c) => lines.map((k) => v.norm(k, c)).join(""));
    const same = headerRows.some((h) => {
      const hc = v.cells(h);
      return (
        hc.length === cols.length &&
        hc.length >= 2 &&
        hc.every(([c, t], i) => c === cols[i] && t === joined[i])
      );
    });
    if (same) return n;
  }
  return 0;
}

/**
 * A sheet without any title: a line saying only （续表一） / 续表 / 续上表 above its header makes it the table read
 * before it going on (`before`: that table's kind; the line is its title, so the part is named a continuation and
 * joined); else take the title its page header prints (page-title.ts), else classify it by its name, else by its
 * header words.
 */
function headerlessRegion(v: GridView, before?: TableKind): Region | undefined {
  // The 续 line first: a further sheet keeps its first sheet's name with (2) / -2 (表4一般公共预算支出表 (2)).
  const marker = before && before !== "performance_target" ? continuationLine(v) : undefined;
  if (marker !== undefined)
    return { r0: 0, r1: v.rows - 1, kind: before!, title: marker, titleRow: -1, afterMarker: true };
  // A title printed in the page header (页眉) rather than in a cell: read as the cells' title would be.
  const paged = pageHeaderRegion(v);
  if (paged) return paged;
  const named = classifyTitle(v.grid.sheet) ?? classifyTitle(`${v.grid.sheet}表`);
  // A 绩效目标 form on a sheet named for its project (审计事务项目): the form's captions say what it is.
  const byName = named?.kind === "project_expenditure" && formCaptions(v) ? undefined : named;
  if (byName)
    return {
      r0: 0,
      r1: v.rows - 1,
      kind: byName.kind,
      title: v.grid.sheet,
      label: byName.label,
      titleRow: -1,
    };
  const head = Array.from({ length: Math.min(8, v.rows) }, (_, r) =>
    v
      .cells(r)
      .map(([, t]) => t)
      .join(" ")
  ).join(" ");
  const hit = KIND_BY_HEADER.find(([, test]) => test(head));
  if (!hit) return undefined;
  const lines = Array.from({ length: Math.min(8, v.rows) }, (_, r) => v.cells(r).map(([, t]) => t));
  const body = labelLines(v, 0, v.rows - 1);
  return {
    r0: 0,
    r1: v.rows - 1,
    kind: headerKind(hit[0] as TableKind, lines, body),
    title: v.grid.sheet,
    titleRow: -1,
    byHeader: true,
  };
}

/**
 * The text of a line among a sheet's first lines (before any header row) that says only that a table goes on
 * (CONTINUATION_LINE; typed once, merged or into every cell of its line).
 */
function continuationLine(v: GridView): string | undefined {
  for (let r = 0, seen = 0; r < v.rows && seen < 3; r++) {
    const cells = v.lineCells(r);
    if (!cells.length) continue;
    if (isHeaderRow(v, r)) return undefined;
    seen++;
    if (cells.length === 1 && CONTINUATION_LINE.test(cells[0][1]))
      return v.text(r, cells[0][0]).trim();
  }
  return undefined;
}

function mode<T>(xs: Array<T | undefined>): T | undefined {
  const counts = new Map<T, number>();
  for (const x of xs) if (x !== undefined) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best: T | undefined;
  let n = 0;
  for (const [k, c] of counts) if (c > n) [best, n] = [k, c];
  return best;
}

/** A part title or cover line: 第二部分 2026年部门预算表, 广州市统计局2026年部门预算, 2026年度部门综合预算公开. */
const COVER_LINE = /(?:^|[^\d])(20\d{2})年度?(?:部门|单位)?(?:综合)?(?:预算|决算)/;

/** A part title of the disclosure without a year: 第二部分 部门预算表, 第三部分 名词解释. */
const PART_TITLE = /^第[一二三四五六七八九十]+部分/;

/** Year and department from lines that are not tables (part titles, a cover sheet). */
function coverMeta(v: GridView, r0: number, r1: number, into: Meta) {
  for (let r = r0; r <= r1; r++)
    for (const [c, t] of v.cells(r)) {
      mergeMeta(into, readMeta(v.text(r, c)));
      const m = COVER_LINE.exec(t);
      if (!m) continue;
      into.year ??= Number(m[1]);
      const before = t
        .slice(0, m.index + (m[0].startsWith(m[1]) ? 0 : 1))
        .replace(/^第[一二三四五六七八九十]+部分/, "");
      if (before.length >= 3 && ORGAN_END.test(before)) into.department ??= before;
    }
}

/**
 * The 部门 the tables' titles begin with (北京市审计局2025年部门收支总表), when two or more titles print the same name
 * before the year — for a workbook without any 部门名称 line (converted from a PDF, its page heads cut off).
 */
function titleDepartment(tables: Table[]): string | undefined {
  const names = tables.map((t) => titleDepartmentOf(t.title));
  const name = mode(names);
  return name && names.filter((n) => n === name).length >= 2 ? name : undefined;
}

export interface ImportOptions {
  /** The workbook's file name, for the year and department when no table or cover prints them. */
  fileName?: string;
}

/**
 * Every figure of column c in these rows a whole year 1900–2099 printed as one (2024, not 2,024.00), two at least:
 * years, not money. Text cells other than blank marks make it no such column.
 */
function yearColumn(v: GridView, rows: number[], c: number): boolean {
  let years = 0;
  for (const r of rows) {
    if (v.isEmpty(r, c) || v.isBlankMark(r, c)) continue;
    const a = v.amount(r, c);
    if (!a || a.value === null || !Number.isInteger(a.value) || a.value < 1900 || a.value > 2099)
      return false;
    if (v.norm(r, c) !== String(a.value)) return false;
    years++;
  }
  return years >= 2;
}

export function importWorkbook(grids: SheetGrid[], opts: ImportOptions = {}): Report {
  const tables: Table[] = [];
  const byHeader = new Set<Table>();
  const unrecognized: Unrecognized[] = [];
  const contents: string[] = [];
  const declaredEmpty: EmptyDeclaration[] = [];
  const cover: Meta = {};
  const hiddenSheets = grids.filter((g) => g.visibility !== "visible").map((g) => g.sheet);
  // The header of the table read last, for a page after it printed without one (bare-pages.ts).
  let lastHead: BorrowableHeader | undefined;
  // Every table's header as it was last borrowed (its latest part), by the id of the chain's first table: a sheet
  // named the continuation of one (表3(续)) may stand anywhere after it — appended at the end of the workbook.
  const headOf = new Map<string, BorrowableHeader>();
  const rootOf = new Map<string, string>();
  for (const printed of grids) {
    // Lines a PDF converter merged into one row (each cell "2010801\n2010804"): read as the lines they are.
    const g = splitMergedLines(printed);
    const v = new GridView(g);
    const used = v.rows ? v.range(0, 0, Math.max(0, v.rows - 1), Math.max(0, v.cols - 1)) : "A1";
    if (
      v.rows === 0 ||
      Array.from({ length: v.rows }, (_, r) => v.cells(r).length).every((n) => n === 0)
    ) {
      unrecognized.push({ sheet: g.sheet, range: used, reason: "工作表为空" });
      continue;
    }
    unrecognized.push(...strayColumns(v));
    const found = findRegions(v);
    let { regions, leading } = found;
    for (const toc of found.contents) {
      contents.push(...toc.titles);
      declaredEmpty.push(...emptyDeclarations(v, toc.r0, toc.r1));
      const [c0, c1] = columnSpan(v, toc.r0, toc.r1);
      unrecognized.push({
        sheet: g.sheet,
        range: v.range(toc.r0, c0, toc.r1, c1),
        reason: "目录（列出各表名称），不是预算表",
      });
    }
    const tocOnly = found.contents.length > 0 && regions.length === 0;
    if (regions.length === 0 && !tocOnly) {
      const h = headerlessRegion(v, tables[tables.length - 1]?.kind);
      if (h) regions = [h];
      leading = undefined;
      // Titled by its page header, the lines above the header are under the title: a part title there (第二部分
      // 2025年部门预算表) is no table's line, but says the year as it would above a title in a cell.
      if (h?.pageMeta) {
        let head = 0;
        while (head < v.rows && !isHeaderRow(v, head)) head++;
        if (head < v.rows) coverMeta(v, 0, head - 1, cover);
      }
    }
    const clipped = clipRegionsAtGaps(v, regions);
    regions = clipped.regions.flatMap((reg) => splitStackedForms(v, reg));
    unrecognized.push(...clipped.strays);
    // A sheet of data lines only (no title, no header, no telling name): the next page of the table read before it —
    // or, its sheet named that table's continuation (预算公开表3(续)), of the table it names wherever it stands.
    let dataOnly: Region | undefined;
    const named = tocOnly ? undefined : namedHead(g.sheet, tables, headOf);
    // The tables read before (each chain's latest part), the one just before first: a part that names none (a sheet
    // named only 续表, a 续表 line over a header) may go on any of them.
    const before = [...new Set([lastHead, ...headOf.values()])].filter(
      (h): h is BorrowableHeader => !!h
    );
    const chainOf = (h: BorrowableHeader) => {
      const root = [...headOf].find(([, x]) => x === h)?.[0] ?? h.table.id;
      return tables.filter((x) => (rootOf.get(x.id) ?? x.id) === root);
    };
    const onlyContinued = !tocOnly && !named && continuedOnly(g.sheet);
    const borrow = named ?? lastHead ?? (onlyContinued ? before[0] : undefined);
    if (regions.length === 0 && !tocOnly && borrow)
      regions = [
        (dataOnly = {
          r0: 0,
          r1: v.rows - 1,
          kind: borrow.table.kind,
          title: g.sheet,
          titleRow: -1,
        }),
      ];
    if (regions.length === 0) {
      coverMeta(v, 0, v.rows - 1, cover);
      if (!tocOnly)
        unrecognized.push({
          sheet: g.sheet,
          range: used,
          reason: "未找到可识别的预算表标题或表头",
        });
      continue;
    }
    if (leading && leading.r1 - leading.r0 >= 0) {
      const inToc = found.contents.some((t) => leading!.r0 >= t.r0 && leading!.r1 <= t.r1);
      coverMeta(v, leading.r0, leading.r1, cover);
      const [c0, c1] = columnSpan(v, leading.r0, leading.r1);
      // Lines that are the sheet's own name (or number) printed above its title, as a 表1 label is, or a part title or
      // cover line (第二部分 2026年部门预算表; read for its year and 部门 just now): nothing left unread (广州's 表1!A1
      // was listed under 未识别).
      let coverOnly = true;
      for (let r = leading.r0; r <= leading.r1 && coverOnly; r++)
        coverOnly =
          sheetLabel(v, r) ||
          v.cells(r).every(([, t]) => COVER_LINE.test(t) || PART_TITLE.test(norm(t)));
      if (!inToc && !coverOnly)
        unrecognized.push({
          sheet: g.sheet,
          range: v.range(leading.r0, c0, leading.r1, c1),
          reason: "表格标题之前的内容，不是预算表",
        });
    }
    // Tables side by side: each read through its band of columns.
    const bands = new Map<string, GridView>();
    const viewOf = (reg: Region) => {
      if (!reg.cols) return v;
      const key = reg.cols.join(":");
      if (!bands.has(key)) bands.set(key, v.band(reg.cols[0], reg.cols[1]));
      return bands.get(key)!;
    };
    // An untitled table printed under a titled one on the sheet (its body of other 科目): a table of its own.
    regions = regions.flatMap((reg) =>
      reg === dataOnly ? [reg] : untitledBelow(viewOf(reg), reg)
    );
    // 绩效 forms stacked on one sheet may print one unit line for all: above the first title, or in the first form
    // (单位：万元 once). A form without a unit of its own takes the last one printed above it on the sheet.
    let sheetUnit: Meta | undefined;
    if (leading)
      for (let r = leading.r0; r <= leading.r1; r++)
        for (const [c] of v.cells(r)) {
          const m = readMeta(v.text(r, c));
          if (m.unit) sheetUnit = { unit: m.unit, unitText: m.unitText, unitCell: v.ref(r, c) };
        }
    // A sheet whose cells title its tables may print the 表号 and the 单位 only in its page header (fix29c): the
    // table takes them where its cells print none (the cells win). The 表号 is one table's: on a sheet of several,
    // the first (the header is the first page's, over the top of the sheet) of the kind the header titles, if it
    // names one; none when a table of the sheet prints that 表号 in its cells (the header repeats its label).
    if (g.pageHeader) {
      const own = regions.filter((r) => r !== dataOnly && !r.pageMeta);
      const labelled = (reg: Region, label: string) => {
        const [a, b] = [norm(reg.label ?? ""), norm(label)];
        return !!a && (a.endsWith(b) || b.endsWith(a));
      };
      const holder = own.find((reg) => pageHeaderAdds(v, reg.kind)?.label);
      const headerLabel = holder && pageHeaderAdds(v, holder.kind)!.label!;
      const printed = own.some((reg) => reg !== holder && labelled(reg, headerLabel!));
      regions = regions.map((reg) => {
        const adds = own.includes(reg) ? pageHeaderAdds(v, reg.kind) : undefined;
        if (!adds) return reg;
        const label = reg === holder && !printed ? adds.label : undefined;
        return {
          ...reg,
          ...(label ? { pageLabel: label } : {}),
          ...(adds.unit ? { pageUnit: adds.unit } : {}),
        };
      });
    }
    regions.forEach((reg, i) => {
      try {
        const heads = { rows: [] as number[], cols: [0, 0] as [number, number] };
        // A sheet nothing names is read only as a page of data lines (it has no header, or it is not that).
        const unnamed: Unrecognized = {
          sheet: g.sheet,
          range: used,
          reason: "未找到可识别的预算表标题或表头",
        };
        let t = reg === dataOnly ? unnamed : parseRegion(viewOf(reg), reg, i, sheetUnit, heads);
        // Named the continuation of a table: its codes, when both print them, must go on from that table's.
        let from = named ?? lastHead;
        const bare =
          !("id" in t) && from
            ? bareContinuation(viewOf(reg), reg, i, from, reg === dataOnly && !named)
            : undefined;
        if (typeof bare === "object") t = bare;
        // A sheet named only 续表 (续表1) of lines only, not the next page of the table just before (appended at the
        // end of the workbook): the page of the one table read before its lines go on, else said why not.
        if (!("id" in t) && reg === dataOnly && onlyContinued) {
          const placed = placeContinuation(
            before,
            (h) => bareContinuation(viewOf(reg), { ...reg, kind: h.table.kind }, i, h, false),
            chainOf,
            false
          );
          if ("table" in placed) [t, from] = [placed.table, placed.head];
          else
            t = {
              ...unnamed,
              reason: unplaced(`工作表名称只写了「${g.sheet}」，没有标题和表头`, placed.reason),
            };
        }
        // A part titled only by a 续表 line over its own header took the kind of the table read just before: it must
        // fit that table, else the one table read before it fits (its sheet appended at the end of the workbook).
        if ("id" in t && reg.afterMarker && !named) {
          const parsed = t;
          const own = { rows: [] as number[], cols: [0, 0] as [number, number] };
          const placed = placeContinuation(
            before.filter((h) => h.table.kind !== "performance_target"),
            (h) => {
              const x =
                h.table.kind === parsed.kind
                  ? parsed
                  : parseRegion(viewOf(reg), { ...reg, kind: h.table.kind }, i, sheetUnit, own);
              return "id" in x && fitsTable(h.table, x) ? x : "接不上";
            },
            chainOf
          );
          if (!("table" in placed))
            t = {
              sheet: g.sheet,
              range: parsed.range,
              reason: unplaced(`标题只写了「${reg.title}」`, placed.reason),
            };
          else if (placed.table !== parsed) {
            t = placed.table;
            heads.rows = own.rows;
            heads.cols = own.cols;
          }
        }
        if (t === unnamed) coverMeta(v, 0, v.rows - 1, cover);
        // Named a table's continuation but not its lines: said as such, with why (the table may be read short), not
        // “no header”.
        if (!("id" in t) && named && /表头/.test(t.reason))
          t = {
            ...t,
            reason: `工作表名称表明是「${named.table.sheet}」的续表，但没有表头，各行也接不上该表（${bare ?? "超出该表的栏"}），未合并核对：该表可能只核对了前一部分`,
          };
        lastHead =
          "id" in t && heads.rows.length && !t.form && t.kind !== "performance_target"
            ? { grid: viewOf(reg).grid, rows: heads.rows, cols: heads.cols, table: t }
            : "id" in t && t.borrowsHeader && from
              ? { ...from, table: t }
              : undefined;
        if ("id" in t && lastHead) {
          const root = (t.borrowsHeader && rootOf.get(t.borrowsHeader)) || t.id;
          rootOf.set(t.id, root);
          headOf.set(root, lastHead);
        }
        if ("id" in t && t.kind === "performance_target" && t.form && t.unitText && t.unitCell)
          sheetUnit = { unit: t.unit, unitText: t.unitText, unitCell: t.unitCell };
        if ("id" in t) tables.push(t);
        else unrecognized.push(t);
        if ("id" in t && reg.byHeader) byHeader.add(t);
      } catch {
        unrecognized.push({
          sheet: g.sheet,
          range: v.range(reg.r0, 0, reg.r1, Math.max(0, v.cols - 1)),
          reason: "解析这张表时发生内部错误，未能识别（请把文件交给开发者排查）",
        });
      }
    });
  }
  tellApartByOrder(tables, byHeader);
  codesFromCodedTables(tables);
  markHidden(tables, grids);
  markOutsidePrintArea(tables, grids);
  markHashes(tables, grids);
  markStaleFormulas(tables, grids);
  applyEmptyDeclarations(tables, declaredEmpty);
  tables.splice(0, tables.length, ...joinContinuations(besideTheirTables(tables)));
  const perSheet = new Map<string, number>();
  for (const t of tables) perSheet.set(t.sheet, (perSheet.get(t.sheet) ?? 0) + 1);
  for (const t of tables) if (perSheet.get(t.sheet)! > 1) t.sharedSheet = true;
  const financial = tables.filter((t) => t.kind !== "performance_target");
  // A table that prints no unit takes the unit the workbook's other tables print (万元 when none does).
  const printedUnit = mode(financial.filter((t) => t.unitText).map((t) => t.unit));
  if (printedUnit) for (const t of financial) if (!t.unitText) t.unit = printedUnit;
  formUnits(tables, printedUnit);
  // A 增减额 is the difference of two rounded figures: summed, it carries both their rounding (tester33 T33-14).
  for (const t of financial)
    if (!isQuantityTable(t))
      for (const r of t.rows)
        for (const k in r.amounts)
          if (k.startsWith("change") && !r.amounts[k].blank) r.amounts[k].difference = true;
  // Money only: a 资产表's counts (辆, 台, 平方米) neither take nor give the precision of the 万元 tables.
  // 绩效目标表 forms printed in General take the precision of the money tables of their unit, and give none.
  settleWorkbookPrecision(
    financial.filter((t) => !isQuantityTable(t)),
    tables.filter((t) => t.kind === "performance_target" && t.form)
  );
  let department =
    mode(financial.map((t) => t.department && norm(t.department))) ??
    mode(tables.map((t) => t.department));
  let year = mode(tables.map((t) => t.year));
  let metaSource: string | undefined;
  if ((!year && cover.year) || (!department && cover.department)) metaSource = "分部标题或封面";
  year ??= cover.year;
  department ??= cover.department;
  if (!department) {
    department = titleDepartment(financial);
    if (department) metaSource = "表标题";
  }
  if ((!year || !department) && opts.fileName) {
    const fromName: Meta = {};
    coverMeta(
      new GridView({
        sheet: "",
        values: [[opts.fileName.replace(/\.[^.]+$/, "")]],
        text: [[]],
        numberFormat: [[]],
        merges: [],
        origin: { row: 0, col: 0 },
        visibility: "visible",
      }),
      0,
      0,
      fromName
    );
    const y = /(20\d{2})/.exec(opts.fileName);
    if (!year && (fromName.year ?? y)) {
      year = fromName.year ?? Number(y![1]);
      metaSource = "文件名";
    }
    if (!department && fromName.department) {
      department = fromName.department;
      metaSource = "文件名";
    }
  }
  // A 部门决算 workbook: most titles say 决算. Its identities are not a budget's: recognised, not checked.
  const finalAccounts =
    tables.length > 0 &&
    tables.filter((t) => FINAL_ACCOUNTS_TITLE.test(t.title)).length * 2 > tables.length;
  return {
    department,
    year,
    metaSource,
    contents: contents.length ? contents : undefined,
    finalAccounts: finalAccounts || undefined,
    unit: mode(financial.map((t) => t.unit)),
    tables: finalAccounts ? [] : tables,
    unrecognized: finalAccounts
      ? [
          ...unrecognized,
          ...tables.map((t) => ({
            sheet: t.sheet,
            range: t.range,
            reason: `部门决算表“${t.title}”：决算审核暂不支持`,
          })),
        ]
      : unrecognized,
    hiddenSheets,
  };
}
