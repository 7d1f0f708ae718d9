/**
 * A table titled in the sheet's print header (页眉) rather than in its cells (NC14-11): &L表1&C2025年部门收支总表&R单位：万元
 * over cells that start with the column header. The header's lines are read as a title's lines are — the title by
 * classifyTitle, a line holding only a 表号 as the label, 单位 / 部门名称 / 预算年度 lines by lineMeta — for a sheet whose
 * cells hold no title; the region is then parsed as any titled one (importer.ts parseRegion).
 */
import type { Meta } from "./meta";
import { lineMeta } from "./meta";
import { classifyTitle, TABLE_LABEL } from "./kinds";
import type { Region } from "./region";
import type { GridView } from "./view";
import { pageHeaderLines } from "../grid/page-header";
import { norm } from "../grid/text";

/**
 * The whole sheet as one region titled by its page header, or undefined when the header names no table (a header of
 * the 部门's name, a page number, a date is no title). `pageMeta`: the unit, 部门 and year the header prints (the unit
 * has no cell: findings about it cite the table).
 */
export function pageHeaderRegion(v: GridView): Region | undefined {
  const h = v.grid.pageHeader;
  if (!h) return undefined;
  const lines = pageHeaderLines(h);
  let hit: ReturnType<typeof classifyTitle>;
  let label: string | undefined;
  for (const line of lines) {
    const t = norm(line);
    if (TABLE_LABEL.exec(t)?.[0] === t) label ??= t;
    else hit ??= classifyTitle(line);
  }
  if (!hit) return undefined;
  const pageMeta: Meta = {};
  for (const { meta } of lineMeta(
    lines.map((l, i): [number, string] => [i, l]),
    true
  )) {
    pageMeta.department ??= meta.department;
    if (meta.unit && !pageMeta.unit) {
      pageMeta.unit = meta.unit;
      pageMeta.unitText = meta.unitText;
    }
    pageMeta.year ??= meta.year;
  }
  return {
    r0: 0,
    r1: v.rows - 1,
    kind: hit.kind,
    title: hit.title,
    label: hit.label ?? label,
    titleRow: -1,
    pageMeta,
  };
}
