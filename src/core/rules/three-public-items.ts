/**
 * Which 三公 item (or 会议费 / 培训费 printed beside them) an economic line is booked to. By its code and by its name;
 * when the two disagree — a name typed wrong on its code (30217 印成“公务用车运行维护费”) or a code typed wrong on its
 * name, which naming.economic-code reports once — the code when it sits in its place among its neighbours' codes
 * (30216 < 30217 < 30228), else the name: the amount then counts once, as the item it is, and the mismatch does not
 * turn into a 错误 on a correct “三公” figure (newcomer15 NC15-1).
 * Source: 部门预算支出经济分类科目 (30212 / 30217 / 30231 / 31013, 30215 / 30216) and 政府预算支出经济分类科目
 * (50207 / 50206 / 50208 / 50303, 50202 / 50203).
 */
import {
  BESIDE_THREE_PUBLIC_ECONOMIC_ITEMS,
  ECONOMIC_ITEMS,
  THREE_PUBLIC_ECONOMIC_ITEMS,
} from "../classification/economic";
import { labelKey } from "../grid/text";
import type { Row, Table } from "../model/schema";

/** The economic lines of each item, 部门预算 and 政府预算 classification. */
export const THREE_PUBLIC_ITEM_CODES: Readonly<Record<string, readonly string[]>> = {
  abroad: ["30212", "50207"],
  reception: ["30217", "50206"],
  vehicle_operation: ["30231", "50208"],
  vehicle_purchase: ["31013", "50303"],
  meeting: ["30215", "50202"],
  training: ["30216", "50203"],
};
const ITEM_OF_CODE = new Map(
  Object.entries(THREE_PUBLIC_ITEM_CODES).flatMap(([k, cs]) => cs.map((c) => [c, k] as const))
);
const ITEM_NAMES = [...THREE_PUBLIC_ECONOMIC_ITEMS, ...BESIDE_THREE_PUBLIC_ECONOMIC_ITEMS];

/** An item key, null for a line that is none of them. */
type Item = string | null;

function byName(r: Row): Item {
  const key = labelKey(r.label);
  return ITEM_NAMES.find(([, re]) => re.test(key))?.[0] ?? null;
}

/** The item the code names; null for another known 款; undefined for no code or one the tables here do not know. */
function byCode(r: Row): Item | undefined {
  if (r.codeSystem !== "economic" || r.code?.length !== 5) return undefined;
  return ITEM_OF_CODE.get(r.code) ?? (r.code in ECONOMIC_ITEMS ? null : undefined);
}

/** Is the row's code between the codes of the coded 款 lines printed before and after it? */
function inPlace(rows: readonly Row[], i: number): boolean {
  const code = rows[i].code!;
  const coded = (r: Row) => r.codeSystem === "economic" && r.code?.length === 5;
  let before: Row | undefined;
  for (let j = i - 1; j >= 0 && !before; j--) if (coded(rows[j])) before = rows[j];
  let after: Row | undefined;
  for (let j = i + 1; j < rows.length && !after; j++) if (coded(rows[j])) after = rows[j];
  return (!before || before.code! < code) && (!after || code < after.code!);
}

const ITEMS = new WeakMap<Table, Map<Row, Item>>();

/** The item each line of an economic table is booked to (see the module's comment); memoized per table. */
export function threePublicItemOf(t: Table, r: Row): Item {
  let items = ITEMS.get(t);
  if (!items) {
    items = new Map();
    t.rows.forEach((x, i) => {
      const name = byName(x);
      const code = byCode(x);
      items!.set(x, code === undefined || code === name ? name : inPlace(t.rows, i) ? code : name);
    });
    ITEMS.set(t, items);
  }
  return items.get(r) ?? null;
}
