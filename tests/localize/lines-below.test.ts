/**
 * A 项目支出表 (or any table with a tree of sums) where one line is raised with every sum over it: the table agrees
 * with itself and only its 合计 line is compared with other tables. The cause must go down the tree to the line that
 * is off (tester34 T34-5: "表11 C5、D5 疑各多 50000元" named the 合计 alone): the line itself when only it can be off by
 * so much (a figure kept ≥ 0 is not raised by more than it prints), else the lines that can, under their sums. And the
 * column that moved with it (tester33 T33-18: 合计 and 基本支出 of a 支出总表 line raised, the 基本支出 compared by no
 * other table where the department has 政府性基金): named beside it, its sums following. Generated variants of every
 * style printing its tables on sheets of their own, in 元 and 万元, by 项目类别 and by 单位.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Row, Table } from "../../src/core/model/schema";
import type { SheetGrid } from "../../src/core/grid/grid";
import type { Cause } from "../../src/core/localize/cause";
import { mutate } from "../../bench/localization";
import { STYLES, buildVariant } from "../fixtures/variants";

const at = (ref: string) => ref.slice(ref.lastIndexOf("!") + 1);
const sheetOf = (ref: string) => ref.slice(0, ref.lastIndexOf("!"));
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The line and every line over it (its sums, up to the 合计), each raised by `delta` in every figure it prints. */
function raise(grids: SheetGrid[], t: Table, line: Row, delta: number) {
  const k = t.rows.indexOf(line);
  const over: Row[] = [];
  let level = line.level;
  for (let j = k - 1; j >= 0 && level > 0; j--)
    if (t.rows[j].level < level) {
      over.push(t.rows[j]);
      level = t.rows[j].level;
    }
  let g = grids;
  for (const r of [line, ...over])
    for (const a of Object.values(r.amounts)) if (a.value) g = mutate(g, a.cell, delta);
  return { grids: g, over };
}

const causeOn = (causes: Cause[], cells: string[]) =>
  causes.find((c) => c.suspects.some((s) => cells.includes(s.cell)));

const CASES = STYLES.filter((s) => !s.stacked).flatMap((s, i) =>
  (["categories", "units2"] as const).map(
    (layout) => [`${s.name} ${layout}`, s, i, layout] as const
  )
);

describe.each(CASES)("%s", (_n, style, i, layout) => {
  const { grids } = buildVariant(style, { projectTree: { layout, names: i } });
  const t = importWorkbook(grids).tables.find((x) => x.kind === "project_expenditure")!;
  const projects = t.rows.filter((r) => /期）$/.test(r.label));
  const amount = (r: Row) => r.amounts.total.value ?? 0;
  const factor = style.unit === "元" ? 10000 : 1;

  test("a line raised by less than its siblings print: the lines that may be off named under their sums, not the 合计 alone", () => {
    const line = projects[projects.length - 1];
    const delta = 5 * factor;
    const { grids: g, over } = raise(grids, t, line, delta);
    const res = checkReport(importWorkbook(g));
    const c = causeOn(
      res.causes,
      [line, ...over].map((r) => r.amounts.total.cell)
    )!;
    expect(c).toBeDefined();
    const sheet = sheetOf(line.amounts.total.cell);
    // The line is among those named, with the sum over it; the 合计 follows.
    const group = over[0].amounts.total.cell;
    expect(c.message).toMatch(
      new RegExp(
        `^${esc(sheet)} .*${at(line.amounts.total.cell)}[^（]* 中某行（上级合计 ${at(group)}）`
      )
    );
    expect(c.message).toMatch(/随之多计（一处错误：各级合计表内自洽，但与其他表不一致）/);
    expect(c.message).not.toMatch(/整表/);
  });

  test("a line raised by more than any other line prints: that line named, its sums following", () => {
    const line = [...projects].sort((a, b) => amount(b) - amount(a))[0];
    const second = Math.max(...projects.filter((r) => r !== line).map(amount));
    // Above every other line's figure (in the table's unit), below the line's own.
    const delta = Math.round((second + (amount(line) - second) / 2) * 100) / 100;
    const { grids: g, over } = raise(grids, t, line, delta);
    const res = checkReport(importWorkbook(g));
    const cell = line.amounts.total.cell;
    const c = causeOn(
      res.causes,
      [line, ...over].map((r) => r.amounts.total.cell)
    )!;
    expect(c).toBeDefined();
    expect(c.message).toMatch(
      new RegExp(`^${esc(sheetOf(cell))} ${at(cell)}(、[A-Z]+\\d+)* 疑各?多 `)
    );
    expect(c.message).toMatch(/，其上级合计 .* 随之多计（一处错误：表内自洽，但与其他表不一致）/);
    expect(c.suspects[0].cell).toBe(cell);
    expect(c.suspects[0].value).toBeCloseTo(amount(line), 2);
    expect(c.suspects.map((s) => s.cell)).toEqual(
      expect.arrayContaining(over.map((r) => r.amounts.total.cell))
    );
  });
});

describe.each(STYLES.filter((s) => !s.stacked).map((s) => [s.name, s] as const))(
  "%s, with 政府性基金",
  (_n, style) => {
    const { grids } = buildVariant(style, { govFund: { amount: 80 } });
    const t = importWorkbook(grids).tables.find((x) => x.kind === "expenditure_summary")!;

    test("a 项 line's 合计 and 基本支出 raised with the sums over them: both columns named, each with its sums", () => {
      const line = t.rows.find(
        (r) => r.level === 3 && r.amounts.total?.value && r.amounts.basic?.value
      )!;
      const delta = style.unit === "元" ? 50000 : 5;
      const k = t.rows.indexOf(line);
      const over: Row[] = [];
      let level = line.level;
      for (let j = k - 1; j >= 0 && level > 0; j--)
        if (t.rows[j].level < level) {
          over.push(t.rows[j]);
          level = t.rows[j].level;
        }
      // The 合计 line (printed first or last).
      const total = t.rows.find((r) => r.level === 0)!;
      if (!over.includes(total)) over.push(total);
      let g = grids;
      for (const r of [line, ...over])
        for (const key of ["total", "basic"]) g = mutate(g, r.amounts[key].cell, delta);
      const res = checkReport(importWorkbook(g));
      const [tc, bc] = [line.amounts.total.cell, line.amounts.basic.cell];
      const c = causeOn(res.causes, [tc])!;
      expect(c).toBeDefined();
      expect(c.message).toMatch(new RegExp(`^${esc(sheetOf(tc))} ${at(tc)}`));
      // The 基本支出 named on the line (with the 合计, or beside it: 同行 … 亦多), its 应为 listed.
      expect(c.message).toMatch(new RegExp(`(${at(tc)}、${at(bc)} 疑各多|；同行 ${at(bc)} 亦多) `));
      expect(c.message).toContain(`${bc}（现为 `);
      expect(c.suspects.map((s) => s.cell)).toEqual(
        expect.arrayContaining(
          [line, ...over].flatMap((r) => [r.amounts.total.cell, r.amounts.basic.cell])
        )
      );
    });
  }
);
