/** 层级: totals and parents equal the sum of their children — 合计 = Σ 类, 类 = Σ 款, 款 = Σ 项, group = Σ items, unit = Σ projects. */
import {
  isPrior,
  isRateOrChange,
  THREE_PUBLIC_ITEM_OF,
  type Report,
  type Row,
  type Table,
} from "../model/schema";
import { defineRule, type Outcome } from "./rule";
import { isQuantityTable } from "../model/quantities";
import {
  columnTerms,
  na,
  notAbove,
  printsNoFigure,
  rowName,
  sidesOf,
  sumOutcome,
  tableName,
  term,
} from "./helpers";
import { fmt, verdictOf } from "./interval";
import { labelKey, ordinalLevel } from "../grid/text";
import { columnWords, summable, unstatedChange } from "./bands";

/** Direct children: the following rows one level down (the shallowest level present) until the next row at or above the parent's level. */
export function childrenOf(rows: Row[], i: number): Row[] {
  const level = rows[i].level;
  // The span below the parent and its shallowest level, then that level's rows (no copy of the span).
  let end = i + 1;
  let lvl = Infinity;
  for (; end < rows.length && rows[end].level > level; end++) lvl = Math.min(lvl, rows[end].level);
  const out: Row[] = [];
  for (let k = i + 1; k < end; k++) if (rows[k].level === lvl) out.push(rows[k]);
  return out;
}

/** A row's printed 功能 / 经济 code (codes read from names follow the rows' order, never move them). */
const printed = (r: Row): boolean => !!r.code && !!r.codeSystem && !r.codeFromName;

/**
 * Direct children of each row of one side, by code where the rows print codes: a 项 belongs to the 款 whose code
 * prefixes it (an 款 to its 类, 30101 to 301), wherever it is printed — a row printed out of code order (2010804 after
 * the 20139 lines) is its own 款's child, not the one above it. Rows without a code, and every row of a side printing
 * one code twice (a table by unit repeats its 科目 under each unit), keep the order's reading (`childrenOf`). The
 * order decides unless some coded row's code-parent is not the row its place puts it under; then those rows move.
 * O(rows) per side: one pass with a stack, one map of codes. Returns a lookup by row index.
 */
export function childrenByCode(rows: Row[]): (i: number) => Row[] {
  const byPosition = (i: number) => childrenOf(rows, i);
  const byCode = { functional: new Map<string, Row>(), economic: new Map<string, Row>() };
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!printed(r)) continue;
    const m = byCode[r.codeSystem!];
    if (m.has(r.code!)) return byPosition;
    m.set(r.code!, r);
  }
  // The nearest printed row whose code is a proper prefix of r's (longest first: 2010804 → 20108 → 201).
  const codeParent = (r: Row): Row | undefined => {
    const m = byCode[r.codeSystem!];
    for (let n = r.code!.length - 2; n >= 3; n -= 2) {
      const p = m.get(r.code!.slice(0, n));
      if (p) return p;
    }
    return undefined;
  };
  // The row each row's place puts it under: the nearest row above at a shallower level.
  const moved = new Map<Row, Row>();
  const stack: Row[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    while (stack.length && stack[stack.length - 1].level >= r.level) stack.pop();
    const placed = stack[stack.length - 1];
    // Placed right under the code one level up (the usual case): nothing to look up.
    const inPlace =
      placed &&
      printed(placed) &&
      placed.codeSystem === r.codeSystem &&
      placed.code!.length === (r.code?.length ?? 0) - 2 &&
      r.code!.startsWith(placed.code!);
    if (printed(r) && !inPlace && r.code!.length > 3) {
      const owner = codeParent(r);
      if (owner && owner !== placed) moved.set(r, owner);
    }
    stack.push(r);
  }
  if (!moved.size) return byPosition;
  const adopted = new Map<Row, Row[]>();
  for (const [r, owner] of moved) adopted.set(owner, [...(adopted.get(owner) ?? []), r]);
  return (i) => {
    const own = childrenOf(rows, i).filter((k) => !moved.has(k));
    const more = adopted.get(rows[i]) ?? [];
    return more.length ? [...own, ...more].sort((a, b) => rows.indexOf(a) - rows.indexOf(b)) : own;
  };
}

/**
 * A heading: a line below the 合计 that prints no figure at all over children that print some — 一、本年收入 left
 * blank above its （一）（二）（三）, a 类 printed as a caption over its 款 (tester26b T26B-6). Its children are its
 * figures: the sums above it take them in its place (throughHeadings), and it is no sum itself (a line printing some
 * figures and leaving one cell blank still is: 「…」「一般公共预算」为空，但各款之和为 …).
 */
export function isHeading(r: Row, kids: Row[]): boolean {
  return (
    r.level >= 1 &&
    !r.partial &&
    printsNoFigure(r) &&
    kids.some((k) => !k.partial && !printsNoFigure(k))
  );
}

/**
 * `list` (rows of `rows`) with each heading replaced by its addends, a heading among those by its own: the lines that
 * carry the figures a sum over `list` adds. `kidsOf` gives a row's children by its index in `rows`. The list itself
 * when it holds no heading (no copy).
 */
export function throughHeadings(rows: Row[], list: Row[], kidsOf: (i: number) => Row[]): Row[] {
  let out: Row[] | undefined;
  for (let j = 0; j < list.length; j++) {
    const r = list[j];
    // Only a line without figures is looked up (most lines print some): no search of `rows` for them.
    const kids = r.level >= 1 && !r.partial && printsNoFigure(r) ? kidsOf(rows.indexOf(r)) : [];
    if (!kids.length || !isHeading(r, kids)) {
      out?.push(r);
      continue;
    }
    out ??= list.slice(0, j);
    out.push(
      ...throughHeadings(
        rows,
        kids.filter((k) => !k.partial),
        kidsOf
      )
    );
  }
  return out ?? list;
}

/** The one 提示 of a heading (isHeading): it prints no total, its children are checked in its place. */
function headingNote(t: Table, p: Row, kids: Row[], id: string): Outcome {
  const first = kids.find((k) => !k.partial && !printsNoFigure(k))!;
  return {
    status: "fail",
    finding: {
      rule: id,
      severity: "info",
      message: `${tableName(t)}「${rowName(p)}」行没有数字，其下级各行有数（如「${rowName(first)}」）：按标题行读，由下级各行参与合计的核对；该行如应列合计，请补填`,
      cells: [p.labelCell],
      expected: null,
      actual: null,
      difference: null,
    },
  };
}

const SKIP = new Set(["performance_target"]);
// Rates never add up the hierarchy; last year's figures do — the 上年 column of a table is summed like this year's — and
// so do the changes where the 增减 column prints 本年 − 上年 (bands.ts summable), except where a parent's children
// print no prior figure (no change) at all (上年数 for the lines above only).

/** The three 三公 items; items printed beside them that are not 三公 (by their names). Items' parts: THREE_PUBLIC_PARTS. */
const THREE_PUBLIC_ITEMS = new Set(["abroad", "reception", "vehicle"]);
const BESIDE_THREE_PUBLIC = /^(会议费|培训费|(一般)?行政经费|机关运行经费)(支出)?$/;

/**
 * A 三公 table read by what its rows are, not by their printed numbering: the items (an item printed only by its parts
 * — 购置费 and 运行费 without the vehicle line — counts by its parts), each printed item's parts (公务用车购置及运行费:
 * 购置费 + 运行费; 公务接待费: 国内 + 外事接待费), and the rows beside them (会议费, 培训费, 行政经费, 机关运行经费)
 * that a 合计 may or may not include. Undefined when the rows are not 三公 items (a table by unit).
 */
export function threePublicStructure(
  rows: Row[]
): { items: Row[]; partsOf: Map<Row, Row[]>; beside: Row[] } | undefined {
  const keyed = rows.filter((r) => r.level > 0 || r.key !== "total");
  if (
    !keyed.some((r) => r.key && (THREE_PUBLIC_ITEMS.has(r.key) || THREE_PUBLIC_ITEM_OF.has(r.key)))
  )
    return undefined;
  const items = keyed.filter((r) => r.key && THREE_PUBLIC_ITEMS.has(r.key));
  const partsOf = new Map<Row, Row[]>();
  const orphans: Row[] = [];
  for (const r of keyed) {
    const of = r.key ? THREE_PUBLIC_ITEM_OF.get(r.key) : undefined;
    if (!of) continue;
    const item = items.find((i) => i.key === of);
    // A part printed alone (其中：外事接待费) is a memo item (partial) of its item: checked not to exceed it.
    if (item) partsOf.set(item, [...(partsOf.get(item) ?? []), r]);
    else if (!r.partial) orphans.push(r);
  }
  return {
    items: [...items, ...orphans],
    partsOf,
    beside: keyed.filter(
      (r) => r.key === "operating_funds" || BESIDE_THREE_PUBLIC.test(labelKey(r.label))
    ),
  };
}

/** threePublicStructure of a side's rows (a list made afresh by each hierarchyOutcomes call), asked for every row. */
const STRUCTURES = new WeakMap<Row[], ReturnType<typeof threePublicStructure>>();
function structureOf(rows: Row[]): ReturnType<typeof threePublicStructure> {
  if (!STRUCTURES.has(rows)) STRUCTURES.set(rows, threePublicStructure(rows));
  return STRUCTURES.get(rows);
}

/**
 * What the 合计 sums: the 三公 items and the rows beside them it includes — the set under which most of its columns add
 * up, the smallest of those (the items alone first). Most, not all: one wrong figure breaks its own column, and must not
 * turn the reading of every other column (a 合计 that includes 会议费 / 培训费 read as the items alone is reported in
 * every column).
 */
function totalParts(t: Table, total: Row, items: Row[], beside: Row[]): Row[] {
  let best = items;
  let most = columnsSummed(t, total, items);
  // The items alone add up in every column (a correct table): no set of lines beside them can add up in more.
  if (most === Object.keys(total.amounts).length) return best;
  const sets = Array.from({ length: 1 << Math.min(beside.length, 5) }, (_, m) =>
    beside.filter((_, i) => m & (1 << i))
  ).sort((a, b) => a.length - b.length);
  for (const set of sets) {
    if (!set.length) continue;
    const n = columnsSummed(t, total, [...items, ...set]);
    if (n > most) [best, most] = [[...items, ...set], n];
  }
  return best;
}

/** How many columns of `total` equal Σ rows (at the rounding interval). */
function columnsSummed(t: Table, total: Row, rows: Row[]): number {
  let n = 0;
  for (const [k, a] of Object.entries(total.amounts))
    if (verdictOf(term(t, a), columnTerms(t, rows, k)) !== "error") n++;
  return n;
}

/**
 * A 合计 captioned as the 三公 alone (“三公”经费合计, 三公经费总额): it holds the three items only, whatever stands beside
 * them — a caption naming 会议费 / 培训费 (…及会议费、培训费合计) or a bare 合计 may include those.
 * Source: 财政部 三公 口径 — 因公出国（境）费、公务用车购置及运行费、公务接待费.
 */
const THREE_PUBLIC_ONLY_TOTAL = (label: string) =>
  /三公/.test(label) &&
  !/会议|培训|行政经费|机关运行|及|和|与/.test(label.replace(/^[“"]?三公[”"]?/, ""));

/** A 其中 line that opens a numbered list of its siblings: 其中：（一）… beside （二）…, numbered alike. */
function opensList(k: Row, kids: Row[]): boolean {
  const n = ordinalLevel(k.label.replace(/^[\s\u3000]*其中[:：]?/, ""));
  return n !== undefined && kids.some((o) => o !== k && !o.partial && ordinalLevel(o.label) === n);
}

function hierarchyOutcomes(
  report: Report,
  id: string,
  pick: (t: Table, rows: Row[], i: number, kids: () => (i: number) => Row[]) => Row[] | undefined,
  describe: (p: Row, t: Table) => string
): Outcome[] {
  const out: Outcome[] = [];
  const tables = report.tables;
  // Indexed loops (rows × columns of every table, before V8 optimizes: see engine.ts).
  for (let ti = 0; ti < tables.length; ti++) {
    const t = tables[ti];
    // Counts (国有资产占用情况表) add up as counts, exactly: rules/quantities.ts.
    if (SKIP.has(t.kind) || isQuantityTable(t)) continue;
    const sides = sidesOf(t);
    for (let si = 0; si < sides.length; si++) {
      const side = sides[si];
      const rows = t.rows.filter((r) => r.side === side);
      const cols = t.columns.filter((c) => c.side === side && summable(t, c.key));
      // What each column is (上年, 增减), asked for every parent: read once per side.
      const dated: boolean[] = [];
      const changes: boolean[] = [];
      for (let ci = 0; ci < cols.length; ci++) {
        changes.push(isRateOrChange(cols[ci].key));
        dated.push(changes[ci] || isPrior(cols[ci].key));
      }
      let tree: ((i: number) => Row[]) | undefined;
      const lookup = () => (tree ??= childrenByCode(rows));
      for (let i = 0; i < rows.length; i++) {
        const p = rows[i];
        const picked = pick(t, rows, i, lookup);
        if (!picked || picked.length === 0) continue;
        // A heading over its lines is no sum: said once; a heading among the children stands for its own.
        if (isHeading(p, picked)) {
          out.push(headingNote(t, p, picked, id));
          continue;
        }
        const kids = throughHeadings(rows, picked, (k) =>
          t.kind === "three_public" ? (structureOf(rows)?.partsOf.get(rows[k]) ?? []) : lookup()(k)
        );
        // What the children are does not depend on the column: split once per parent, when a column needs it.
        let split: { memo: Row[]; addends: Row[] } | undefined;
        // The words of the parent's sums, made only for a failing one (one closure per parent, not per column).
        const against = () => describe(p, t);
        for (let ci = 0; ci < cols.length; ci++) {
          const col = cols[ci];
          const total = p.amounts[col.key];
          if (!total) continue;
          // 上年数 (增减) printed on this line but on none of its children: last year's figure is not broken down here.
          if (dated[ci] && kids.every((k) => !k.amounts[col.key] || k.amounts[col.key].blank))
            continue;
          // A 增减 left blank on a line whose 上年 and 本年 differ (a new line) states no change: nothing to add up.
          if (
            changes[ci] &&
            (unstatedChange(t, p, col.key) || kids.some((k) => unstatedChange(t, k, col.key)))
          )
            continue;
          split ??= splitChildren(kids);
          const { memo, addends } = split;
          if (memo.length) {
            const parts = columnTerms(t, memo, col.key);
            const e = notAbove(id, parts, [term(t, total)]);
            out.push(
              e.exceeds
                ? {
                    status: "fail",
                    finding: {
                      rule: id,
                      severity: "error",
                      message: `${tableName(t)}「${rowName(p)}」${columnWords(t, col)}${fmt(e.b)} 小于其中各项之和 ${fmt(e.a)}`,
                      cells: [
                        total.cell,
                        ...memo
                          .map((k) => k.amounts[col.key]?.cell)
                          .filter((c): c is string => !!c),
                      ],
                      expected: e.a,
                      actual: e.b,
                      difference: Math.round((e.b - e.a) * 100) / 100,
                    },
                    identity: e.identity,
                  }
                : { status: "pass", identity: e.identity }
            );
          }
          if (!addends.length) continue;
          out.push(
            sumOutcome({
              rule: id,
              severity: "error",
              total: term(t, total),
              parts: columnTerms(t, addends, col.key),
              subject: () =>
                `${tableName(t)}「${rowName(p)}」${t.across ? "栏" : ""}${columnWords(t, col)}`,
              against,
            })
          );
        }
      }
    }
  }
  return out;
}

/**
 * A parent's children as its sums read them. 其中 rows are memo items detailing the parent, not all of it — never
 * addends; together they may not exceed it. A 其中 that opens a numbered list of the parent's lines (其中：（一）…
 * （二）… （三）…, 广州's 三公) makes the whole list 其中 items, as printed: they may not exceed the parent, and are not
 * summed. The addends are the parent's own children (a 其中 line printed above its 项 lines is beside them, not one
 * of them).
 */
function splitChildren(kids: Row[]): { memo: Row[]; addends: Row[] } {
  const listed = kids.some((k) => k.partial && opensList(k, kids));
  return {
    memo: listed ? kids : kids.filter((k) => k.partial),
    addends: listed ? [] : kids.filter((k) => !k.partial),
  };
}

export const totalOfTopRows = defineRule({
  id: "hierarchy.total",
  category: "hierarchy",
  title: "合计 = 各一级行之和",
  description:
    "每一列的合计行等于各一级行（类、经济分类大类、单位等）之和，合计行在表首或表尾均可。“三公”经费表按行的含义而不按编号：合计 = 因公出国（境）费 + 公务用车购置及运行费（无该小计行时为购置费 + 运行费）+ 公务接待费（无该小计时为国内接待费 + 外事接待费），小计与其明细不相加；会议费、培训费、行政经费、机关运行经费等并列项只在合计确实包含它们时计入，但合计标为“三公”经费合计（不含会议费、培训费字样）时只含三项。整行没有数字的标题行由其下级各行代替。上年预算数栏同样逐级相加，增减栏（本年 − 上年）也逐级相加；增长率栏，以及多数行不等于本年 − 上年的增减栏（实为未标 % 的增减率），不相加。",
  severity: "error",
  source: { basis: "identity", ref: "《政府收支分类科目》的类—款—项层级与表样的合计行" },
  check: (report) => {
    const out = hierarchyOutcomes(
      report,
      "hierarchy.total",
      (t, rows, i) => {
        const p = rows[i];
        if (p.key !== "total" || p.level !== 0) return undefined;
        const tp = t.kind === "three_public" ? threePublicStructure(rows) : undefined;
        // 三公: the items, never a subtotal with its own parts; 会议费 / 培训费 … only when the 合计 includes them.
        if (tp)
          return THREE_PUBLIC_ONLY_TOTAL(labelKey(p.label))
            ? tp.items
            : totalParts(t, p, tp.items, tp.beside);
        const ones = rows.filter((r) => r.level === 1 && !r.partial);
        if (ones.length) return ones;
        const top = rows.reduce((m, x) => (x.level > 0 ? Math.min(m, x.level) : m), Infinity);
        return rows.filter((r) => r.level === top);
      },
      (p, t) =>
        p.key === "total" && THREE_PUBLIC_ONLY_TOTAL(labelKey(p.label))
          ? "“三公”经费各项之和（因公出国（境）费、公务用车购置及运行费、公务接待费，不含会议费、培训费等）"
          : t.across
            ? "各项之和" // a 三公 table printed across: its items are columns (tester33 T33-16)
            : "各一级行之和"
    );
    return out.length ? out : [na("没有带合计行的分级表")];
  },
});

export const parentChildren = defineRule({
  id: "hierarchy.parent-children",
  category: "hierarchy",
  title: "上级科目 = 下级科目之和",
  description:
    "功能分类类 = Σ款、款 = Σ项（按编码归属：某项印在别处也算在编码所属的款下）；经济分类大类 = Σ款；单位 = Σ项目；公务用车购置及运行费 = 购置费 + 运行维护费，公务接待费 = 国内接待费 + 外事接待费（只列其中一项时为其中项，不得超过公务接待费）；“三公”经费小计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费。上级某栏为空而下级有数也是错误；整行没有任何数字、下级各行有数的上级行（如财政拨款收支总表中留空的“一、本年收入”）是标题行：不作错误，只提示一次该行未列合计，其下级各行代替它参与上一级与合计的核对（按编码比较的表间核对也比较其下级各行）；“其中”行只是上级的部分（备忘项，与下级科目并列时也不计入上级之和），其和不得超过上级。上年预算数栏、增减栏（本年 − 上年）同样逐级相加（新增科目上年数留空即为 0；下级都未列上年数、增减数时不核对该上级）；增长率栏，以及多数行不等于本年 − 上年的增减栏（实为未标 % 的增减率），不相加。",
  severity: "error",
  source: {
    basis: "identity",
    ref: "《政府收支分类科目》的类—款—项层级；“三公”经费表中公务用车购置及运行费 = 购置费 + 运行费，公务接待费 = 国内接待费 + 外事接待费",
  },
  check: (report) => {
    const out = hierarchyOutcomes(
      report,
      "hierarchy.parent-children",
      (t, rows, i, kids) => {
        const tp = t.kind === "three_public" ? structureOf(rows) : undefined;
        // 三公: only an item has parts (购置费 + 运行费, 国内 + 外事接待费), and a “三公”经费 小计 beside 会议费 /
        // 培训费 its items, whatever the numbering says.
        if (tp) return rows[i].key === "three_public" ? tp.items : tp.partsOf.get(rows[i]);
        return rows[i].level >= 1 ? kids()(i) : undefined;
      },
      (p, t) =>
        t.across
          ? "所属各栏之和" // a 三公 table printed across: 购置费 | 运行费 are columns
          : p.code?.length === 3 && p.codeSystem === "functional"
            ? "各款之和"
            : p.code?.length === 5 && p.codeSystem === "functional"
              ? "各项之和"
              : "下级各行之和"
    );
    return out.length ? out : [na("没有分级的行")];
  },
});

export const HIERARCHY_RULES = [totalOfTopRows, parentChildren];
