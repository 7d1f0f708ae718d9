/**
 * Findings the localizer places elsewhere. A finding's 应为 is the figure its checked cell (the first it cites) would
 * need for the identity to hold: the 合计 of a row whose 基本支出 was mistyped "应为" the wrong sum. When a cause
 * explains the finding and suspects other cells — never the checked one — that 应为 is the wrong fix, and a reviewer
 * who reads the findings table rather than the causes above it corrects a right figure (tester31 T31-3 / T31-7: three
 * templates). Such rows and notes leave 应为 out and say where the localizer points instead.
 */
import type { CheckResult } from "../rules/rule";
import { cellA1, parseRef } from "../grid/address";

export interface Elsewhere {
  /** The cause's number as the 疑似出错 block lists it (1-based). */
  cause: number;
  /** The suspected cells of that cause, sheet!A1. */
  cells: string[];
}

/** A reference as sheet!A1 (the localizer and the rules may quote sheet names differently). */
function a1(ref: string): string {
  try {
    const p = parseRef(ref);
    return `${p.sheet ?? ""}!${cellA1(p.r0, p.c0)}`;
  } catch {
    return ref;
  }
}

/** Finding index → the first cause explaining it whose suspects and alternatives all leave its checked cell alone. */
export function locatedElsewhere(result: CheckResult): Map<number, Elsewhere> {
  const named = new Map<number, Elsewhere>();
  const onChecked = new Set<number>();
  result.causes.forEach((c, n) => {
    const cells = new Set([c.suspects, ...c.alternatives].flat().map((s) => a1(s.cell)));
    for (const i of c.explains) {
      const checked = result.findings[i]?.cells[0];
      if (checked === undefined) continue;
      if (cells.has(a1(checked))) onChecked.add(i);
      else if (!named.has(i))
        named.set(i, { cause: n + 1, cells: c.suspects.map((s) => a1(s.cell)) });
    }
  });
  for (const i of onChecked) named.delete(i);
  return named;
}

/** "（错误定位：疑为 表3!G9 有误，见“疑似出错”第 1 条；本格未必有误，不列应为）" — appended to such a finding. */
export function elsewhereText(e: Elsewhere): string {
  const shown =
    e.cells.slice(0, 3).join("、") + (e.cells.length > 3 ? ` 等 ${e.cells.length} 处` : "");
  return `（错误定位：疑为 ${shown} 有误，见“疑似出错”第 ${e.cause} 条；本格未必有误，不列应为）`;
}
