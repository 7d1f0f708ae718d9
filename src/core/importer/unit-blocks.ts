/**
 * 单位预算汇总 layout: a table by 单位 in which each 单位 line (本级, 下属单位 — a name, its 单位编码 dropped, with or
 * without the 单位's figures) is followed by that 单位's own 类 / 款 / 项 lines (湖南 / 陕西 部门（单位）/ 科目 tables,
 * 西安's 117 / 117001 lines). Read flat, the 单位 lines and their 类 lines are all first-level lines (合计 summed twice)
 * and the first 单位's 201 is taken for the department's. This module nests each block under its 单位 line and marks its
 * lines as that 单位's (`Row.ofUnit`), so by-code cross checks (rules/helpers.ts `byCode`) never take one 单位's 201
 * for the department's: the department's figures are the 合计 line (and the 部门 line over its 单位, 部门 = Σ 单位).
 */
import type { Row } from "../model/schema";
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
 * Rows: the model rows of one side, levels already read (类 1, 款 2, 项 3). O(rows).
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
  const many = units.length >= 2;
  let base = 0; // depth of the 部门 line the 单位 lines stand under (0: none, or one without figures)
  let shift = 0; // how far the current block's 类 / 款 / 项 lines move down
  let unit: string | undefined;
  for (let i = 0; i < body.length; i++) {
    const r = body[i];
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
      continue;
    }
    r.level += shift;
    if (unit) r.ofUnit = unit;
  }
}
