/** The 部门 / 单位 a title names before its year (北京市审计局2025年部门收支总表, 审计署2026年部门收支总表). */
import { norm } from "../grid/text";

/**
 * How the name of a 部门 or 单位 ends: …局, …委员会, …中心, …人民政府, and the 中央部门 / 基层 forms — 审计署, 中国人民
 * 银行, 全国妇联, 中国科协, 共青团中央, 中央广播电视总台, …镇 / …乡 / …街道, …公园 / …幼儿园, …中学 / …大学, …林场.
 */
export const ORGAN_END =
  /(局|委|办|院|厅|部|会|中心|所|站|馆|队|处|室|团|社|校|政府|署|行|联|协|中央|台|镇|乡|街道|园|学|场)$/;

/** The name a title prints before its year, when it reads as a 部门 / 单位 (3 characters or more, ORGAN_END). */
export function titleDepartmentOf(title: string): string | undefined {
  const m = /^(.+?)20\d{2}年/.exec(norm(title));
  return m && m[1].length >= 3 && ORGAN_END.test(m[1]) ? m[1] : undefined;
}
