/**
 * A table that agrees with itself but not with the others is named as what happened to it (tester30 T30-6, T30-3),
 * "整表…可能用错了表" kept for a table whose many figures disagree: two lines' amounts exchanged (两行金额疑对调),
 * two figures of one line exchanged (两数疑互换), one 项 line raised with its 款, 类 and 合计 following it (one mistake,
 * its line named, the sums over it said to follow). Generated variants of every template that prints its tables on
 * sheets of their own, and a published workbook (兴县 2023) changed alike.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Row, Table } from "../../src/core/model/schema";
import type { SheetGrid } from "../../src/core/grid/grid";
import type { Cause } from "../../src/core/localize/cause";
import { mutate } from "../../bench/localization";
import { STYLES, buildVariant } from "../fixtures/variants";
import { loadSample, table } from "../helpers";

/** A cell reference without its sheet, as the causes cite a table's cells after its name. */
const at = (ref: string) => ref.slice(ref.lastIndexOf("!") + 1);
const sheetOf = (ref: string) => ref.slice(0, ref.lastIndexOf("!"));
const rowOf = (ref: string) => Number(/\d+$/.exec(ref)![0]);
const cellsOf = (c: Cause) => c.suspects.map((s) => s.cell);

/** The grids with the figures of lines a and b exchanged in every amount column both print. */
function exchangeLines(grids: SheetGrid[], a: Row, b: Row): SheetGrid[] {
  let g = grids;
  for (const k of Object.keys(a.amounts)) {
    const [x, y] = [a.amounts[k], b.amounts[k]];
    if (!x || !y) continue;
    const d = (y.value ?? 0) - (x.value ?? 0);
    if (d) g = mutate(mutate(g, x.cell, d), y.cell, -d);
  }
  return g;
}

/** A 项 line raised by `delta` in its 合计 and 基本支出 columns, with its 款, 类 and the 合计 line raised alike. */
function raiseLine(grids: SheetGrid[], t: Table, delta: number) {
  const rows = t.rows;
  const k = rows.findIndex(
    (r) => r.level === 3 && r.amounts.total?.value && r.amounts.basic?.value
  );
  const item = rows[k];
  const above = [
    rows
      .slice(0, k)
      .reverse()
      .find((r) => r.level === 2)!,
    rows
      .slice(0, k)
      .reverse()
      .find((r) => r.level === 1)!,
    rows.find((r) => r.level === 0)!,
  ];
  let g = grids;
  for (const r of [item, ...above])
    for (const key of ["total", "basic"]) g = mutate(g, r.amounts[key].cell, delta);
  return { grids: g, item, above };
}

/** The cause citing this cell. */
const causeAt = (causes: Cause[], cell: string) =>
  causes.find((c) => c.suspects.some((s) => s.cell === cell))!;

// One sheet holding every table (多表同页) has no table to name apart from the others.
describe.each(STYLES.filter((s) => !s.stacked).map((s) => [s.name, s] as const))(
  "%s",
  (_n, style) => {
    const { grids } = buildVariant(style);
    const t = table(importWorkbook(grids), "general_budget_expenditure");

    test("T30-6: two 项 lines' amounts exchanged: 两行金额疑对调 at those lines, not 整表", () => {
      const i = t.rows.findIndex(
        (r, k) =>
          r.level === 3 &&
          t.rows[k + 1]?.level === 3 &&
          r.amounts.total.value !== t.rows[k + 1].amounts.total.value
      );
      const [a, b] = [t.rows[i], t.rows[i + 1]];
      const res = checkReport(importWorkbook(exchangeLines(grids, a, b)));
      const c = causeAt(res.causes, a.amounts.total.cell);
      expect(c.method).toBe("table");
      // Not suspected as a whole: 审核结果 says "N 个单元格", not "整张表".
      expect(c.sheet).toBeUndefined();
      expect(c.message).not.toMatch(/整表/);
      expect(c.message).toContain(`${at(a.amounts.total.cell)} 与 ${at(b.amounts.total.cell)}`);
      expect(c.message).toMatch(/两行金额疑对调（表内合计不变，但与其他表不一致）/);
      expect(cellsOf(c)).toEqual(
        expect.arrayContaining([a.amounts.total.cell, b.amounts.total.cell])
      );
      expect(
        cellsOf(c).every((x) =>
          [rowOf(a.amounts.total.cell), rowOf(b.amounts.total.cell)].includes(rowOf(x))
        )
      ).toBe(true);
    });

    test("T30-3: one 项 line raised with its 款, 类 and 合计: that line named, the sums over it following", () => {
      const { grids: g, item, above } = raiseLine(grids, t, 5);
      const res = checkReport(importWorkbook(g));
      const c = causeAt(res.causes, item.amounts.total.cell);
      expect(c.message).not.toMatch(/整表|用错了表/);
      expect(c.sheet).toBeUndefined();
      const sheet = sheetOf(item.amounts.total.cell);
      const head = new RegExp(
        `^${sheet.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} ([A-Z]+\\d+(?:、[A-Z]+\\d+)*) 疑各?多 5\\.00${style.unit}，其上级合计 `
      );
      const m = head.exec(c.message);
      expect(m).not.toBeNull();
      // The line's figures are the cause; the 款, 类 and 合计 follow it.
      const origin = m![1].split("、");
      expect(origin).toContain(at(item.amounts.total.cell));
      expect(origin.every((x) => rowOf(x) === rowOf(item.amounts.total.cell))).toBe(true);
      // The 项目支出 totals still agree: the 基本支出 lines are compared too (cross.basic-project), the line's 基本支出
      // named with its 合计 (not where the 支出总表 holds other money: its lines are not the same money).
      if (!style.mixedFunds) {
        expect(
          res.findings.some(
            (f) => f.rule === "cross.basic-project" && f.cells.includes(item.amounts.basic.cell)
          )
        ).toBe(true);
        expect(origin).toContain(at(item.amounts.basic.cell));
      }
      expect(c.message).toMatch(/随之多计（一处错误：表内自洽，但与其他表不一致）/);
      expect(cellsOf(c)).toEqual(
        expect.arrayContaining([item, ...above].map((r) => r.amounts.total.cell))
      );
      expect(c.suspects[0].cell).toBe(item.amounts.total.cell);
    });
  }
);

describe.each(STYLES.map((s) => [s.name, s] as const))("%s", (_n, style) => {
  test("T30-6: one line's 基本支出 and 项目支出 exchanged: 两数疑互换, the two cells cited", () => {
    const { grids } = buildVariant(style);
    const t = table(importWorkbook(grids), "general_budget_expenditure");
    const leaf = t.rows.find(
      (r) =>
        r.level === 3 &&
        r.amounts.basic &&
        r.amounts.project &&
        (r.amounts.basic.value ?? 0) !== (r.amounts.project.value ?? 0)
    )!;
    const [b, p] = [leaf.amounts.basic, leaf.amounts.project];
    const d = (p.value ?? 0) - (b.value ?? 0);
    const res = checkReport(importWorkbook(mutate(mutate(grids, b.cell, d), p.cell, -d)));
    const c = causeAt(res.causes, b.cell);
    expect(c.alternatives).toEqual([]);
    expect(c.message).toContain(`${sheetOf(b.cell)} ${at(b.cell)} 与 ${at(p.cell)} 两数疑互换：`);
  });
});

describe("兴县 2023 (published, consistent) changed alike", () => {
  test("T30-3: 2013201 raised by 5 万元 with 20132, 201 and 合计: C9 named, C8, C7, C6 following; its 基本支出 D9 beside it, D8, D7, D6 following (T33-18)", async () => {
    const { grids, report } = await loadSample("xingxian-2023");
    const { grids: g } = raiseLine(grids, table(report, "general_budget_expenditure"), 5);
    const res = checkReport(importWorkbook(g));
    expect(res.causes.map((c) => c.message)).toContain(
      "预算公开表5 C9 疑多 5.00万元，其上级合计 C8、C7、C6 随之多计；同行 D9 亦多 5.00万元，其上级合计 D8、D7、D6 随之多计（一处错误：表内自洽，但与其他表不一致）：预算公开表5!C9（现为 237.43，应为 232.43万元）、预算公开表5!D9（现为 237.43，应为 232.43万元），可解释 6 条不一致"
    );
  });

  test("T30-6: 2080505 and 2080599 exchanged: 两行金额疑对调", async () => {
    const { grids, report } = await loadSample("xingxian-2023");
    const t = table(report, "general_budget_expenditure");
    const [a, b] = ["2080505", "2080599"].map((code) => t.rows.find((r) => r.code === code)!);
    const res = checkReport(importWorkbook(exchangeLines(grids, a, b)));
    const c = causeAt(res.causes, "预算公开表5!C14");
    expect(c.message).toMatch(
      /^预算公开表5 C14 与 C15(、D14 与 D15)? 两行金额疑对调（表内合计不变，但与其他表不一致）：/
    );
  });
});
