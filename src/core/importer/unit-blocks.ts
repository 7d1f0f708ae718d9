/**
 * 单位预算汇总 layout: a table by 单位 in which each 单位 line (本级, 下属单位 — a name, its 单位编码 dropped, with or
 * without the 单位's figures) is followed by that 单位's own 类 / 款 / 项 lines (湖南 / 陕西 部门（单位）/ 科目 tables,
 * 西安's 117 / 117001 lines). Read flat, the 单位 lines and their 类 lines are all first-level lines (合计 summed twice)
 * and the first 单位's 201 is taken for the department's. This module nests each block under its 单位 line and marks its
 * lines as that 单位's (`Row.ofUnit`), so by-code cross checks (rules/helpers.ts `byCode`) never take one 单位's 201
 * for the department's: the department's figures are the 合计 line (and the 部门 line over its 单位, 部门 = Σ 单位).
 */
import { isRateOrChange, type Row } from "../model/schema";
import { TOTAL_KEYS } from "./aliases";

/** A 单位 (or 部门) line: no code, no meaning of its own (not 合计, 其中, a source …), below the total. */
const isHead = (r: Row): boolean =>
  r.level >= 1 && !r.code && !r.printedCode && !r.key && !r.partial && r.label.trim() !== "";

const isClass = (r: Row | undefined): boolean =>
  !!r && r.codeSystem === "functional" && r.code?.length === 3;

const hasFigure = (r: Row): boolean => Object.values(r.amounts).some((a) => !a.blank);

/**
 * Nests the 单位 blocks of one side's rows in place. Applies when the first line under the total is a 单位 line and
 * every 单位 line is followed by a 类 line or by another 单位 line (then the first is a 部门 line over the 单位 lines
 * after it, up to the next 部门 line), and the 类 lines appear only inside blocks. A 单位 line printing figures becomes
 * the parent of its 类 lines (its 类 = Σ, 合计 = Σ 单位, 部门 = Σ 单位); a caption without figures stays beside its 类
 * lines (they are summed where it stands). With two or more 单位 blocks, every line of a block gets `ofUnit`.
 * A 部门汇总 block first (its line and the department's own 类 / 款 / 项 lines, = Σ the 单位 blocks: `summaryFirst`)
 * keeps its lines as the department's (no `ofUnit`: the by-code cross checks compare them); its line with figures is a
 * memo of the 合计 (`partial`) over its 类 lines, and the 合计 = Σ 单位; without figures its 类 lines are the 合计's and
 * each 单位 block is the memo (its line, or its 类 lines when it prints none).
 * Rows: the model rows of one side, levels already read (类 1, 款 2, 项 3). O(rows × columns).
 */
export function nestUnitBlocks(rows: Row[]): void {
  const body = rows.filter((r) => !(r.level === 0 && r.key && TOTAL_KEYS.has(r.key)));
  if (!body.length || !isHead(body[0]) || !body.some(isClass)) return;
  const heads = body.filter(isHead);
  // Every head opens a block (a 类 follows) or a 部门 (another head follows); no stray uncoded line elsewhere.
  for (let i = 0; i < body.length; i++) {
    if (!isHead(body[i])) continue;
    const next = body[i + 1];
    if (!next || !(isClass(next) || isHead(next))) return;
  }
  if (body.some((r) => !isHead(r) && r.codeSystem !== "functional")) return;
  const units = heads.filter((h) => isClass(body[body.indexOf(h) + 1]));
  // A 部门汇总 block first (the department's line and its own 类 / 款 / 项 lines, = Σ the 单位 blocks after it).
  const summary = units.length === heads.length && summaryFirst(body);
  const many = units.length - (summary ? 1 : 0) >= 2 || summary;
  let base = 0; // depth of the 部门 line the 单位 lines stand under (0: none, or one without figures)
  let shift = 0; // how far the current block's 类 / 款 / 项 lines move down
  let unit: string | undefined;
  // Under a 部门汇总 line without figures (its 类 lines are the 合计's), each 单位 block is a memo: its line, or its 类
  // lines when it prints none.
  const memo = summary && !hasFigure(body[0]);
  let inSummary = summary; // in the 部门汇总 block (until the first 单位 line)
  for (let i = 0; i < body.length; i++) {
    const r = body[i];
    if (inSummary && i > 0 && isHead(r)) inSummary = false;
    if (summary && i === 0) {
      // The department's own lines: its line is the 合计 again (a memo of it, = Σ its 类), its lines the department's.
      r.level = 1;
      if (hasFigure(r)) {
        r.partial = true;
        shift = 1;
      }
      continue;
    }
    if (isHead(r)) {
      if (isHead(body[i + 1])) {
        // A 部门 line over its 单位 lines.
        r.level = 1;
        base = hasFigure(r) ? 1 : 0;
        shift = 0;
        unit = undefined;
        continue;
      }
      r.level = base + 1;
      shift = hasFigure(r) ? base + 1 : base;
      unit = many ? r.label.trim() : undefined;
      if (memo && hasFigure(r)) r.partial = true;
      continue;
    }
    r.level += shift;
    if (unit) r.ofUnit = unit;
    if (memo && !inSummary && r.level === 1) r.partial = true;
  }
}

/**
 * Is the first block a 部门汇总 (the department's line and its own lines) rather than a 单位? Yes when its figures (its
 * line's, else the sum of its 类 lines) equal the sum of the other blocks' in every column with a figure, or in all but
 * one when at least two agree (one misprinted figure leaves the layout as it is). `body`: the side's rows below the
 * total, every line a block head or a functional line (nestUnitBlocks' checks). O(rows × columns).
 */
function summaryFirst(body: Row[]): boolean {
  const blocks: Row[][] = [];
  for (const r of body)
    if (isHead(r)) blocks.push([r]);
    else blocks[blocks.length - 1].push(r);
  if (blocks.length < 2) return false;
  const figures = (block: Row[]): Map<string, number> => {
    const out = new Map<string, number>();
    const from = hasFigure(block[0]) ? [block[0]] : block.filter(isClass);
    for (const r of from)
      for (const [k, a] of Object.entries(r.amounts))
        if (!isRateOrChange(k)) out.set(k, (out.get(k) ?? 0) + (a.value ?? 0));
    return out;
  };
  const first = figures(blocks[0]);
  const rest = new Map<string, number>();
  for (const b of blocks.slice(1))
    for (const [k, v] of figures(b)) rest.set(k, (rest.get(k) ?? 0) + v);
  let agree = 0;
  let differ = 0;
  for (const k of new Set([...first.keys(), ...rest.keys()])) {
    const [a, b] = [first.get(k) ?? 0, rest.get(k) ?? 0];
    if (a === 0 && b === 0) continue;
    // Rounded figures: up to half a unit of the last printed digit each; 1e-5 of the figure for whole-元 prints.
    if (Math.abs(a - b) <= 0.01 * blocks.length + 1e-5 * Math.max(Math.abs(a), Math.abs(b)))
      agree++;
    else differ++;
  }
  return agree >= 1 && (differ === 0 || (differ === 1 && agree >= 2));
}
