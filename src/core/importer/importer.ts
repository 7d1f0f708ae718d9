/** Grid → report model: find the tables on every sheet, read their headers and rows, keep every amount's cell. */
import type { SheetGrid } from "../grid/grid";
import type { Column, Report, Row, Table, TableKind, Unit, Unrecognized } from "../model/schema";
import { columnLetter } from "../grid/address";
import { norm } from "../grid/text";
import { GridView } from "./view";
import { findRegions, type Region } from "./region";
import { blocks, columnRoles, headerPaths, isColumnNumberRow, isHeaderRow, isMetaRow } from "./header";
import { applyIndentLevels, parseBody } from "./body";
import { parseForm } from "./performance";
import { readMeta, titleExcludesCarryover, yearOfTitle, type Meta } from "./meta";
import { classifyTitle, KIND_BY_HEADER } from "./kinds";
import { EMPTY_NOTE } from "./aliases";
import { markHidden } from "./hidden";
import { clipRegionsAtGaps, strayColumns } from "./strays";

export interface ImportResult {
  report: Report;
}

const NOTE = /^(注|说明|备注|附注)[:：\d]/;
/** Sign-off lines under a table: not rows. */
const FOOTER = /^(单位负责人|部门负责人|财务负责人|主管会计|制表人|填报人|审核人|复核人|联系电话|联系人|填报日期|制表日期|负责人)[:：]/;

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

function mergeMeta(into: Meta, m: Meta, cell?: string) {
  if (m.unit && !into.unit) into.unitCell = cell;
  into.department ??= m.department;
  into.unit ??= m.unit;
  into.unitText ??= m.unitText;
  into.year ??= m.year;
}

/** Parses one region into a table, or explains why it could not. */
function parseRegion(v: GridView, reg: Region, index: number): Table | Unrecognized {
  const end = lastContentRow(v, reg.r0, reg.r1);
  const [c0, c1] = columnSpan(v, reg.r0, end);
  const range = v.range(reg.r0, c0, end, c1);
  const meta: Meta = {};
  const base = {
    id: `${v.grid.sheet}#${index + 1}`,
    kind: reg.kind,
    sheet: v.grid.sheet,
    range,
    title: reg.title,
    label: reg.label,
    excludesCarryover: titleExcludesCarryover(reg.title),
    notes: [] as string[],
  };
  if (reg.kind === "performance_target") {
    for (let r = reg.r0; r <= end; r++) for (const [c] of v.cells(r)) mergeMeta(meta, readMeta(v.text(r, c)), v.ref(r, c));
    const form = parseForm(v, reg.titleRow + 1, end, c0, c1);
    if (!form) return { sheet: v.grid.sheet, range, reason: "绩效目标表缺少项目名称或资金总额" };
    const empty = form.rows.every((row) => Object.values(row.amounts).every((a) => a.blank));
    return {
      ...base,
      year: meta.year ?? yearOfTitle(reg.title),
      department: form.department?.replace(/^\d+[-－]/, ""),
      unit: form.unit,
      markedEmpty: false,
      empty,
      columns: form.columns,
      rows: form.rows,
      form: { project: form.project, projectCell: form.projectCell, period: form.period, attribute: form.attribute, department: form.department },
    };
  }
  // Meta lines and header rows after the title; the body follows.
  let r = reg.titleRow + 1;
  for (let k = reg.r0; k <= reg.titleRow; k++) for (const [c] of v.cells(k)) mergeMeta(meta, readMeta(v.text(k, c)), v.ref(k, c));
  while (r <= end && (v.cells(r).length === 0 || isMetaRow(v, r))) {
    for (const [c] of v.cells(r)) mergeMeta(meta, readMeta(v.text(r, c)), v.ref(r, c));
    r++;
  }
  const headerRows: number[] = [];
  while (r <= end && headerRows.length < 6 && isHeaderRow(v, r)) {
    headerRows.push(r);
    for (const [c] of v.cells(r)) mergeMeta(meta, readMeta(v.text(r, c)), v.ref(r, c));
    r++;
  }
  if (headerRows.length === 0) return { sheet: v.grid.sheet, range, reason: `“${reg.title}”下未找到表头行` };
  const year = meta.year ?? yearOfTitle(reg.title);
  const paths = headerPaths(v, headerRows, c0, c1);
  const roles = columnRoles(paths, c0, year);
  const blockList = blocks(roles);
  const headerSig = new Set(headerRows.map((h) => v.cells(h).map(([, t]) => t).join("|")));
  const bodyRows: number[] = [];
  const notes: string[] = [];
  for (; r <= end; r++) {
    const cells = v.cells(r);
    if (cells.length === 0) continue;
    const first = cells[0][1];
    const numeric = cells.some(([c]) => v.isNumber(r, c)) && !isColumnNumberRow(v, r);
    if (!numeric && cells.some(([, t]) => FOOTER.test(t))) continue;
    if (!numeric && (NOTE.test(first) || (cells.length === 1 && EMPTY_NOTE.test(first)))) {
      notes.push(cells.map(([, t]) => t).join(" "));
      continue;
    }
    if (headerSig.has(cells.map(([, t]) => t).join("|")) || isColumnNumberRow(v, r)) continue;
    if (!numeric && cells.length <= 2 && isMetaRow(v, r)) continue;
    bodyRows.push(r);
  }
  let rows = parseBody(v, reg.kind, bodyRows, blockList);
  let columns: Column[] = blockList.flatMap((b) => b.amounts.map((a) => ({ key: a.key, label: a.label, side: blockList.length > 1 ? b.side : undefined, col: columnLetter(v.sheetCol(a.c)) })));
  if (reg.kind === "project_expenditure" || reg.kind === "project_carryover") applyIndentLevels(rows, v, blockList[0].label, meta.department);
  if (reg.kind === "three_public" && blockList[0].amounts.some((a) => a.key === "abroad" || a.key === "reception")) {
    ({ rows, columns } = transposeThreePublic(rows, blockList[0].amounts));
  }
  const amountUnit = blockList.flatMap((b) => b.amounts.map((a) => a.unit)).find((u) => u);
  const unit: Unit = meta.unit ?? amountUnit ?? "万元";
  const unitPrinted = !!(meta.unit ?? amountUnit);
  const markedEmpty = notes.some((n) => EMPTY_NOTE.test(n));
  const empty = rows.every((row) => Object.values(row.amounts).every((a) => a.blank));
  return { ...base, year, department: meta.department, unit, unitText: unitPrinted ? meta.unitText ?? amountUnit : undefined, unitCell: meta.unit ? meta.unitCell : undefined, markedEmpty, empty, notes, columns, rows };
}

/** "三公" items laid across one row (合计 | 因公出国 | 公务用车… | 公务接待 [| 机关运行经费]): one model row per item. */
function transposeThreePublic(rows: Row[], amounts: Array<{ key: string; label: string; c: number }>): { rows: Row[]; columns: Column[] } {
  const data = rows.find((row) => Object.values(row.amounts).some((a) => !a.blank)) ?? rows[0];
  if (!data) return { rows: [], columns: [] };
  // 机关运行经费 printed beside the 三公 items is not one of them: level 0 keeps it out of the 三公 sum.
  const levels: Record<string, number> = { total: 0, operating_funds: 0, vehicle_purchase: 2, vehicle_operation: 2 };
  const out: Row[] = amounts
    .filter((a) => data.amounts[a.key])
    .map((a) => ({
      label: a.label.split("/").pop() ?? a.label,
      key: a.key,
      level: levels[a.key] ?? 1,
      row: data.row,
      labelCell: data.amounts[a.key].cell,
      amounts: { total: data.amounts[a.key] },
    }));
  const col = /([A-Z]+)\d+$/.exec(data.labelCell)?.[1] ?? "A";
  return { rows: out, columns: [{ key: "total", label: "预算数", col }] };
}

/** A sheet without any title: classify it by its name, else by its header words. */
function headerlessRegion(v: GridView): Region | undefined {
  const byName = classifyTitle(v.grid.sheet) ?? classifyTitle(`${v.grid.sheet}表`);
  if (byName) return { r0: 0, r1: v.rows - 1, kind: byName.kind, title: v.grid.sheet, label: byName.label, titleRow: -1 };
  const head = Array.from({ length: Math.min(8, v.rows) }, (_, r) => v.cells(r).map(([, t]) => t).join(" ")).join(" ");
  const hit = KIND_BY_HEADER.find(([, test]) => test(head));
  return hit ? { r0: 0, r1: v.rows - 1, kind: hit[0] as TableKind, title: v.grid.sheet, titleRow: -1 } : undefined;
}

function mode<T>(xs: Array<T | undefined>): T | undefined {
  const counts = new Map<T, number>();
  for (const x of xs) if (x !== undefined) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best: T | undefined;
  let n = 0;
  for (const [k, c] of counts) if (c > n) [best, n] = [k, c];
  return best;
}

export function importWorkbook(grids: SheetGrid[]): Report {
  const tables: Table[] = [];
  const unrecognized: Unrecognized[] = [];
  const hiddenSheets = grids.filter((g) => g.visibility !== "visible").map((g) => g.sheet);
  for (const g of grids) {
    const v = new GridView(g);
    const used = v.rows ? v.range(0, 0, Math.max(0, v.rows - 1), Math.max(0, v.cols - 1)) : "A1";
    if (v.rows === 0 || Array.from({ length: v.rows }, (_, r) => v.cells(r).length).every((n) => n === 0)) {
      unrecognized.push({ sheet: g.sheet, range: used, reason: "工作表为空" });
      continue;
    }
    unrecognized.push(...strayColumns(v));
    let { regions, leading } = findRegions(v);
    if (regions.length === 0) {
      const h = headerlessRegion(v);
      if (h) regions = [h];
      leading = undefined;
    }
    const clipped = clipRegionsAtGaps(v, regions);
    regions = clipped.regions;
    unrecognized.push(...clipped.strays);
    if (regions.length === 0) {
      unrecognized.push({ sheet: g.sheet, range: used, reason: "未找到可识别的预算表标题或表头" });
      continue;
    }
    if (leading && leading.r1 - leading.r0 >= 0) {
      const [c0, c1] = columnSpan(v, leading.r0, leading.r1);
      unrecognized.push({ sheet: g.sheet, range: v.range(leading.r0, c0, leading.r1, c1), reason: "表格标题之前的内容，不是预算表" });
    }
    regions.forEach((reg, i) => {
      try {
        const t = parseRegion(v, reg, i);
        if ("kind" in t) tables.push(t);
        else unrecognized.push(t);
      } catch {
        unrecognized.push({ sheet: g.sheet, range: v.range(reg.r0, 0, reg.r1, Math.max(0, v.cols - 1)), reason: "解析这张表时发生内部错误，未能识别（请把文件交给开发者排查）" });
      }
    });
  }
  markHidden(tables, grids);
  const financial = tables.filter((t) => t.kind !== "performance_target");
  // A table that prints no unit takes the unit the workbook's other tables print (万元 when none does).
  const printedUnit = mode(financial.filter((t) => t.unitText).map((t) => t.unit));
  if (printedUnit) for (const t of financial) if (!t.unitText) t.unit = printedUnit;
  return {
    department: mode(financial.map((t) => t.department && norm(t.department))) ?? mode(tables.map((t) => t.department)),
    year: mode(tables.map((t) => t.year)),
    unit: mode(financial.map((t) => t.unit)),
    tables,
    unrecognized,
    hiddenSheets,
  };
}

