/**
 * A table titled in the sheet's print header (页眉) rather than in its cells (NC14-11): &L表1&C2025年部门收支总表&R单位：万元
 * over cells that start with the column header. The header's lines are read as a title's lines are — the title by
 * classifyTitle, a line holding only a 表号 as the label, 单位 / 部门名称 / 预算年度 lines by lineMeta — for a sheet whose
 * cells hold no title; the region is then parsed as any titled one (importer.ts parseRegion). A sheet whose cells hold
 * the title takes the header's 表号 and 单位 when its cells print none (pageHeaderAdds).
 */
import type { Meta } from "./meta";
import { lineMeta } from "./meta";
import { classifyTitle, TABLE_LABEL } from "./kinds";
import type { Region } from "./region";
import type { GridView } from "./view";
import { pageHeaderLines, type PageHeader } from "../grid/page-header";
import type { TableKind } from "../model/schema";
import { norm } from "../grid/text";

/** What a page header prints, read as a title's lines: the title it names, a line of only a 表号, and its meta lines. */
function readPageHeader(h: PageHeader): {
  hit: ReturnType<typeof classifyTitle>;
  label?: string;
  meta: Meta;
} {
  const lines = pageHeaderLines(h);
  let hit: ReturnType<typeof classifyTitle>;
  let label: string | undefined;
  for (const line of lines) {
    const t = norm(line);
    if (TABLE_LABEL.exec(t)?.[0] === t) label ??= t;
    else hit ??= classifyTitle(line);
  }
  const meta: Meta = {};
  for (const { meta: m } of lineMeta(
    lines.map((l, i): [number, string] => [i, l]),
    true
  )) {
    meta.department ??= m.department;
    if (m.unit && !meta.unit) {
      meta.unit = m.unit;
      meta.unitText = m.unitText;
    }
    meta.year ??= m.year;
  }
  return { hit, label, meta };
}

/**
 * The whole sheet as one region titled by its page header, or undefined when the header names no table (a header of
 * the 部门's name, a page number, a date is no title). `pageMeta`: the unit, 部门 and year the header prints (the unit
 * has no cell: findings about it cite the table).
 */
export function pageHeaderRegion(v: GridView): Region | undefined {
  const h = v.grid.pageHeader;
  if (!h) return undefined;
  const { hit, label, meta } = readPageHeader(h);
  if (!hit) return undefined;
  return {
    r0: 0,
    r1: v.rows - 1,
    kind: hit.kind,
    title: hit.title,
    label: hit.label ?? label,
    titleRow: -1,
    pageMeta: meta,
  };
}

/**
 * What the page header of a sheet whose cells hold the title adds to its table (fix29c): the 表号 (表3: a line of only
 * the label, or the label of a title it prints again) and the 单位 (单位：万元), for a table whose cells print none — the
 * importer takes them after the cells' (the cells win: importer.ts parseRegion). A header naming another kind of
 * table than the cells' title (`kind`) adds nothing: it is not this table's. `unitText` as printed, the unit has no
 * cell (findings about it cite the table). Undefined when the header prints neither.
 */
export function pageHeaderAdds(
  v: GridView,
  kind: TableKind
): { label?: string; unit?: Meta } | undefined {
  const h = v.grid.pageHeader;
  if (!h) return undefined;
  const { hit, label, meta } = readPageHeader(h);
  if (hit && hit.kind !== kind) return undefined;
  const out = {
    label: hit?.label ?? label,
    unit: meta.unit ? { unit: meta.unit, unitText: meta.unitText } : undefined,
  };
  return out.label || out.unit ? out : undefined;
}
