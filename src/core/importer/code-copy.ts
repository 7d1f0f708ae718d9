/**
 * A column repeating each row's 科目编码 as a number beside the table — a lookup key for VLOOKUP, often hidden
 * (辅助列): its figures are codes, never amounts. Told by its figures, whatever its caption: at least three, and each
 * the code of its row (as the importer read it: a code column, 类 | 款 | 项 parts, or the code a name stands for).
 */
import type { Row } from "../model/schema";
import type { Block } from "./header";

const MIN_FIGURES = 3;

/** The blocks without their code-copy columns, and the rows without those amounts (both changed in place). */
export function dropCodeCopies(blocks: Block[], rows: Row[]): void {
  for (const b of blocks)
    b.amounts = b.amounts.filter(({ key }) => {
      const figures = rows.filter((r) => r.amounts[key] && r.amounts[key].value !== null);
      const copy =
        figures.length >= MIN_FIGURES &&
        figures.every(
          (r) => !!r.code && /^\d+$/.test(r.code) && Number(r.code) === r.amounts[key].value
        );
      if (copy) for (const r of rows) delete r.amounts[key];
      return !copy;
    });
}
