/**
 * The 收入总计 / 支出总计 of a workbook's 审核汇总 row: the 部门's 收支总表 (its own set's, never a 单位's: model/sets.ts),
 * its 收入总计 and 支出总计 lines. A side printing no 总计 line — ending in 本年收入合计 / 收入合计 / 本年支出合计 … as
 * many templates do — gives that line's figure, and the row's 说明 says which line it is (tester32 T32-18: the two
 * columns were blank for such workbooks, where a reviewer compares the departments' sizes).
 */
import type { Report, Row } from "../model/schema";
import { firstSet } from "../model/sets";
import { firstOf, rowByKey } from "../rules/helpers";

export interface BatchTotals {
  income: number | null;
  expenditure: number | null;
  /** Which lines stand for a 总计 the 收支总表 does not print (null when both are its 总计 lines, or none was read). */
  note: string | null;
}

const SIDES = [
  {
    side: "income",
    grand: "income_grand_total",
    current: "current_income_total",
    word: "收入总计",
  },
  {
    side: "expenditure",
    grand: "expenditure_grand_total",
    current: "current_expenditure_total",
    word: "支出总计",
  },
] as const;

/** The line's figure: its 合计, else its first (a side printing one 预算数 column). */
function figure(r: Row): number | null {
  const a = r.amounts.total ?? Object.values(r.amounts)[0];
  return a?.value ?? null;
}

export function batchTotals(report: Report): BatchTotals {
  const t = firstOf(firstSet(report), "income_expenditure_summary");
  if (!t) return { income: null, expenditure: null, note: null };
  const [income, expenditure] = SIDES.map(({ side, grand, current, word }) => {
    const g = rowByKey(t, grand, side) ?? rowByKey(t, grand);
    if (g) return { value: figure(g), word, line: undefined };
    const c = rowByKey(t, current, side) ?? rowByKey(t, current);
    const value = c ? figure(c) : null;
    // The line as printed, without its letter-spacing (本 年 收 入 合 计 → 本年收入合计).
    return {
      value,
      word,
      line: c && value !== null ? c.label.replace(/[\s\u3000]/g, "") : undefined,
    };
  });
  const instead = [income, expenditure].filter((x) => x.line);
  const words = instead.map((x) => x.word).join("、");
  const note = instead.length
    ? `${words}栏为收支总表${instead.map((x) => `「${x.line}」`).join("")}行的数（该表未列${words}行）`
    : null;
  return { income: income.value, expenditure: expenditure.value, note };
}
