/**
 * Tables of quantities, not money: the 国有资产占用情况表 counts cars (辆) and equipment (台、套) and measures buildings
 * (平方米). Its figures are never amounts — no money rule sums, scales (万元 × 10000) or compares them, whatever unit
 * line the template prints (北京 prints 单位：万元 over it, for the 单价50万元 in its captions) — and its own sums are
 * checked as counts (rules/quantities.ts).
 */
import type { Table, TableKind } from "./schema";

/** Kinds whose figures are quantities. */
export const QUANTITY_KINDS: ReadonlySet<TableKind> = new Set<TableKind>(["assets"]);

export const isQuantityTable = (t: Table): boolean => QUANTITY_KINDS.has(t.kind);

/**
 * The classes a 国有资产占用情况表 prints, matched on a column's caption path (bands and leaf; first match wins), with
 * the unit a class is counted in when its captions name none. A class prints one column (单价50万元以上通用设备（台）)
 * or its 合计 and its items (车辆合计（辆） | 主要领导干部用车 | … | 其他用车; a 房屋（平方米） band over 合计 | 办公用房 |
 * 业务用房 | 其他用房). Source: 部门预算公开 国有资产占用情况表 表样 (北京 and others).
 */
export const QUANTITY_CLASSES: ReadonlyArray<{ name: string; caption: RegExp; unit: string }> = [
  { name: "车辆", caption: /车辆|用车|公务车/, unit: "辆" },
  { name: "房屋", caption: /房屋|用房|土地/, unit: "平方米" },
  { name: "通用设备", caption: /通用设备/, unit: "台（套）" },
  { name: "专用设备", caption: /专用设备/, unit: "台（套）" },
];

/** A class's total column by its leaf: 合计, 小计, 车辆合计, 车辆总数, or the class word alone (车辆, 房屋). */
export const QUANTITY_TOTAL =
  /^(合计|小计|总计|总数|数量合计)$|(合计|总数|小计)$|^(车辆|房屋|用房|设备)(数量|面积)?$/;

/** The unit a caption names in brackets: （辆）, （台、套）, (平方米). */
export const QUANTITY_UNIT = /[(（](辆|台|套|台[、,，/]?套|平方米|㎡|m2|处|个|件)[)）]/;

/** What a table's figures are called in a message: 数量 in a quantity table, 金额 in any other. */
export const figureWord = (t: Table): "数量" | "金额" => (isQuantityTable(t) ? "数量" : "金额");

/**
 * The class of a quantity column by its caption path (车辆合计（辆）, 房屋/办公用房) and the unit it counts in: the
 * unit its captions name in brackets, else the class's (QUANTITY_CLASSES); undefined for a column of no class.
 */
export function quantityClassOf(label: string): { name: string; unit: string } | undefined {
  const path = label.replace(/\s/g, "");
  const k = QUANTITY_CLASSES.find((x) => x.caption.test(path));
  if (!k) return undefined;
  return { name: k.name, unit: QUANTITY_UNIT.exec(path)?.[1] ?? k.unit };
}
