/**
 * Figures of one line printed in two tables are compared line by line, not only by their totals, in every generated
 * template: the 基本支出经济分类表 against a 一般公共预算支出经济分类表 科目 by 科目 (cross.basic-economic), the
 * 一般公共预算支出表 against the 财政拨款收支总表 / 收支总表 类 by 类 — two-sided, one-sided or in four label / amount
 * pairs — (cross.general-budget), its 人员经费 / 公用经费 against the 基本支出功能分类表 code by code
 * (cross.breakdown-totals); = where both tables cover the same money, ≤ where one's scope is narrower (scope.ts).
 * A move between two lines that keeps every total is found, and the localizer names the table that moved. The
 * published workbooks raise nothing new (jishan's 表5 / 表6 are another department's tables: audit 000, c1–c3), and
 * newcomer 3's Xi'an files (m03, m43, m44) are found as such.
 */
import { promises as fs } from "fs";
import path from "path";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { SheetGrid } from "../../src/core/grid/grid";
import type { Report, Row, Table } from "../../src/core/model/schema";
import type { CheckResult, Finding } from "../../src/core/rules/rule";
import { scopeRelation } from "../../src/core/rules/scope";
import { STYLES, buildVariant, type Style, type VariantOptions } from "../fixtures/variants";
import { mutate } from "../../bench/localization";
import { realInputs } from "./real-inputs";
import { table } from "../helpers";

const LINE_RULES = ["cross.general-budget", "cross.basic-economic", "cross.breakdown-totals"];
const serious = (fs: Finding[]) =>
  fs
    .filter((f) => f.severity === "error" || f.severity === "warning")
    .map((f) => `${f.rule} ${f.message}`);
const line = (t: Table, code: string) => t.rows.find((r) => r.code === code)!;
const sheetOf = (ref: string) => ref.slice(0, ref.lastIndexOf("!"));
const scaleOf = (st: Style) => (st.unit === "元" ? 10000 : 1);

/** The grids with `delta` moved from line a to line b in the given columns (each line's cells of those keys). */
function move(
  grids: SheetGrid[],
  from: Row[],
  to: Row[],
  keys: string[],
  delta: number
): SheetGrid[] {
  let g = grids;
  for (const r of from)
    for (const k of keys) if (r.amounts[k]) g = mutate(g, r.amounts[k].cell, -delta);
  for (const r of to)
    for (const k of keys) if (r.amounts[k]) g = mutate(g, r.amounts[k].cell, delta);
  return g;
}

/** The column letters of a cell reference with its sheet. */
const colOf = (ref: string) => ref.slice(ref.lastIndexOf("!") + 1).replace(/\d+$/, "");

/** The cause explaining most findings (the first the reviewer reads). */
const topCause = (res: CheckResult) => res.causes[0];

test.each(realInputs())(
  "%s: the line-by-line comparisons fail only on jishan's 表5 / 表6 (another department's tables)",
  async (name, file) => {
    const { grids } = await readXlsxBuffer(await fs.readFile(file));
    const res = checkReport(importWorkbook(grids), { localize: false });
    const violated = res.identities.filter(
      (i) => i.status === "violated" && LINE_RULES.includes(i.rule)
    );
    const known = /jishan/.test(name) ? /^预算公开表[56]!/ : /$^/;
    expect(
      violated
        .filter((i) => !i.terms.some((t) => known.test(t.cell)))
        .map((i) => i.terms.map((t) => t.cell).join(" "))
    ).toEqual([]);
  }
);

describe.each(
  STYLES.flatMap((s) =>
    (["split", "basic"] as const).map((m) => [`${s.name} (${m})`, s, m] as const)
  )
)("基本支出经济分类表 ↔ 一般公共预算支出经济分类表 per 科目: %s", (_n, style, mode) => {
  const opts: VariantOptions = { generalEconomic: mode };
  const { grids } = buildVariant(style, opts);
  const report = importWorkbook(grids);
  const base = checkReport(report);
  const t8 = table(report, "basic_expenditure_economic");
  const t6 = table(report, "general_budget_economic");

  test("both tables are read and agree line by line", () => {
    expect(serious(base.findings)).toEqual([]);
    const cell = line(t8, "30102").amounts[mode === "split" ? "personnel" : "total"].cell;
    expect(
      base.identities.some(
        (i) =>
          i.rule === "cross.basic-economic" &&
          i.status === "holds" &&
          i.terms.some((t) => t.cell === cell) &&
          i.terms.some(
            (t) => sheetOf(t.cell) === sheetOf(t6.rows[0].amounts.total.cell) && t.cell !== cell
          )
      )
    ).toBe(true);
  });

  test("an amount moved from 30101 to 30102 in the 基本支出 table (totals kept) is found at both lines", () => {
    const moved = move(
      grids,
      [line(t8, "30101")],
      [line(t8, "30102")],
      ["total", "personnel"],
      1.37 * scaleOf(style)
    );
    const found = checkReport(importWorkbook(moved)).findings.filter(
      (f) => f.rule === "cross.basic-economic" && f.severity === "error"
    );
    const key = mode === "split" ? "personnel" : "total";
    expect(found.map((f) => f.cells[0]).sort()).toEqual(
      [line(t8, "30101").amounts[key].cell, line(t8, "30102").amounts[key].cell].sort()
    );
  });
});

describe.each(
  STYLES.flatMap((s) =>
    [false, true].map((four) => [`${s.name}${four ? " (four pairs)" : ""}`, s, four] as const)
  )
)("一般公共预算支出表 ↔ 财政拨款收支总表 / 收支总表 per 类: %s", (_n, style, fourPairs) => {
  // Without a 收入总表 by code (Xi'an prints it by unit), nothing else compares the 一般公共预算支出表 类 by 类.
  const opts: VariantOptions = { fourPairs, omit: ["income_summary"] };
  const { grids } = buildVariant(style, opts);
  const report = importWorkbook(grids);
  const base = checkReport(report);
  const t5 = table(report, "general_budget_expenditure");
  const s5 = sheetOf(t5.rows[0].amounts.total.cell);

  test("every 类 of the 一般公共预算支出表 is compared with both summary tables, and agrees", () => {
    // The 收入总表 left out is reported missing, nothing else.
    expect(
      serious(base.findings).filter((f) => !f.startsWith("completeness.required-tables"))
    ).toEqual([]);
    for (const code of ["201", "208", "210", "221"]) {
      const cell = line(t5, code).amounts.total.cell;
      const against = base.identities
        .filter((i) => i.rule === "cross.general-budget" && i.terms.some((t) => t.cell === cell))
        .map((i) => i.terms.find((t) => t.cell !== cell)!.cell);
      const kinds = against.map(
        (c) =>
          report.tables.find((t) =>
            t.rows.some((r) => Object.values(r.amounts).some((a) => a?.cell === c))
          )!.kind
      );
      // Where the 支出总表 holds more money (a style with other funds), each line is also kept within its line.
      expect(kinds.filter((k) => k !== "expenditure_summary").sort()).toEqual([
        "fiscal_appropriation_summary",
        "income_expenditure_summary",
      ]);
    }
  });

  test("an amount moved from 201 to 208 (类, 款, 项 and 基本支出 alike, totals kept) is found against the summary tables, and 表5 is named", () => {
    const from = ["201", "20106", "2010601"].map((c) => line(t5, c));
    const to = ["208", "20805", "2080505"].map((c) => line(t5, c));
    const res = checkReport(
      importWorkbook(move(grids, from, to, ["total", "basic"], 1.37 * scaleOf(style)))
    );
    const found = res.findings
      .filter((f) => f.rule === "cross.general-budget" && f.severity === "error")
      .map((f) => f.cells[0]);
    // The 单位资金 / 上年结转 template compares ≤ (its 一般公共预算支出表 leaves 上年结转 out): only the class that grew exceeds.
    expect(found).toContain(line(t5, "208").amounts.total.cell);
    if (!style.mixedFunds) expect(found).toContain(line(t5, "201").amounts.total.cell);
    // One sheet holding every table (stacked) has no table to blame apart from the others.
    if (!style.stacked)
      expect(topCause(res).suspects.every((s) => sheetOf(s.cell) === s5)).toBe(true);
  });
});

describe.each(STYLES.map((s) => [s.name, s] as const))(
  "人员经费 / 公用经费 per code, 一般公共预算支出表 ↔ 基本支出功能分类表: %s",
  (_n, style) => {
    const opts: VariantOptions = { personnelPublic: true, basicFunctional: true };
    const { grids } = buildVariant(style, opts);
    const report = importWorkbook(grids);
    const t5 = table(report, "general_budget_expenditure");
    const s5 = sheetOf(t5.rows[0].amounts.total.cell);

    test("the two tables agree code by code", () => {
      const base = checkReport(report);
      expect(serious(base.findings)).toEqual([]);
      const cell = line(t5, "2010601").amounts.personnel.cell;
      expect(
        base.identities.some(
          (i) =>
            i.rule === "cross.breakdown-totals" &&
            i.terms.length === 2 &&
            i.terms.some((t) => t.cell === cell)
        )
      ).toBe(true);
    });

    test("人员经费 and 公用经费 swapped in every row of the 一般公共预算支出表 (headers kept) are found row by row, and 表5 is named", () => {
      let g = grids;
      for (const r of t5.rows) {
        const [p, u] = [r.amounts.personnel, r.amounts.public];
        const d = (u.value ?? 0) - (p.value ?? 0);
        if (!d) continue;
        g = mutate(mutate(g, p.cell, d), u.cell, -d);
      }
      const res = checkReport(importWorkbook(g));
      const found = res.findings.filter((f) => f.severity === "error").map((f) => f.cells);
      expect(
        found.some((cells) => cells.includes(line(t5, "2010601").amounts.personnel.cell))
      ).toBe(true);
      if (!style.stacked) {
        expect(topCause(res).suspects.every((s) => sheetOf(s.cell) === s5)).toBe(true);
        const [p, u] = [
          colOf(line(t5, "2010601").amounts.personnel.cell),
          colOf(line(t5, "2010601").amounts.public.cell),
        ];
        expect(topCause(res).message).toContain(`${p} 列与 ${u} 列的数疑整列互换`);
      }
    });
  }
);

describe("scopeRelation: = for the same money, ≤ / ≥ when one table's scope is narrower", () => {
  const rel = (opts: VariantOptions, a: Table["kind"], b: Table["kind"], style = STYLES[0]) => {
    const r = importWorkbook(buildVariant(style, opts).grids);
    return scopeRelation(r, table(r, a), table(r, b));
  };
  test("一般公共预算 and 财政拨款 are the same money without 政府性基金; not with it", () => {
    expect(rel({}, "general_budget_expenditure", "fiscal_appropriation_summary")).toBe("=");
    expect(
      rel(
        { govFund: { amount: 12.5 } },
        "general_budget_expenditure",
        "fiscal_appropriation_summary"
      )
    ).toBe("≤");
    expect(
      rel(
        { govFund: { amount: 12.5 } },
        "fiscal_appropriation_summary",
        "general_budget_expenditure"
      )
    ).toBe("≥");
  });
  test("a table leaving 上年结转 out is narrower where the department has 上年结转", () => {
    const mixed = STYLES.find((s) => s.mixedFunds)!;
    expect(rel({}, "general_budget_expenditure", "fiscal_appropriation_summary", mixed)).toBe("≤");
    expect(rel({}, "income_expenditure_summary", "general_budget_expenditure", mixed)).toBe("≥");
  });
});

describe("newcomer 3's Xi'an files (real workbooks, one change each)", () => {
  const check = async (name: string) => {
    const { grids } = await readXlsxBuffer(
      await fs.readFile(path.join(__dirname, "..", "fixtures", "newcomer3", `${name}.xlsx`))
    );
    return checkReport(importWorkbook(grids));
  };

  test("m43: 27 元 moved from 30103 to 30107 in 表8 (totals kept) is found against 表6 at both lines", async () => {
    const res = await check("m43-xian-t8-move27-between-codes");
    expect(
      res.findings
        .filter((f) => f.severity === "error")
        .map((f) => `${f.rule} ${f.cells.join(" ")}`)
    ).toEqual(["cross.basic-economic 表8!F9 表6!F9", "cross.basic-economic 表8!F10 表6!F10"]);
  });

  test("m44: 1000 元 moved from 类 201 to 210 in 表5 is found against 表4's four-pair 支出 lines, and 表5 is blamed, not 表7", async () => {
    const res = await check("m44-xian-t5-move1000-between-classes");
    const gb = res.findings
      .filter((f) => f.rule === "cross.general-budget")
      .map((f) => f.cells.join(" "));
    expect(gb).toEqual(expect.arrayContaining(["表5!C6 表4!D7", "表5!C20 表4!D16"]));
    expect(topCause(res)).toMatchObject({ method: "table", sheet: "表5" });
  });

  test("m03: 表5's 人员 / 公用 data swapped in every row: found row by row against 表7, and 表5 is blamed (not 表6, which 表8 agrees with)", async () => {
    const res = await check("m03-xian-t5-swapDE-data-only");
    const cells = res.findings
      .filter((f) => f.rule === "cross.breakdown-totals")
      .flatMap((f) => f.cells);
    expect(cells).toEqual(expect.arrayContaining(["表5!D8", "表5!E8", "表5!D13", "表5!E13"]));
    expect(res.causes).toHaveLength(1);
    expect(topCause(res)).toMatchObject({ method: "table", sheet: "表5" });
    expect(topCause(res).message).toMatch(/^表5 D 列与 E 列的数疑整列互换/);
  });
});

/** Every row's figures of keys a and b of table t exchanged (headers kept). */
function swapColumns(grids: SheetGrid[], t: Table, a: string, b: string): SheetGrid[] {
  let g = grids;
  for (const r of t.rows) {
    const [x, y] = [r.amounts[a], r.amounts[b]];
    if (!x || !y) continue;
    const d = (y.value ?? 0) - (x.value ?? 0);
    if (d) g = mutate(mutate(g, x.cell, d), y.cell, -d);
  }
  return g;
}

describe.each(STYLES.filter((s) => !s.stacked).map((s) => [s.name, s] as const))(
  "two whole columns exchanged, headers kept, where other tables check only some rows: %s",
  (_n, style) => {
    test("基本支出 ↔ 项目支出 of the 一般公共预算支出表: the cause names the two columns", () => {
      const { grids } = buildVariant(style);
      const t = table(importWorkbook(grids), "general_budget_expenditure");
      const total = t.rows.find((r) => r.level === 0)!;
      const res = checkReport(importWorkbook(swapColumns(grids, t, "basic", "project")));
      expect(res.findings.some((f) => f.severity === "error")).toBe(true);
      const [b, p] = [colOf(total.amounts.basic.cell), colOf(total.amounts.project.cell)];
      expect(topCause(res).message).toContain(`${b} 列与 ${p} 列的数疑整列互换`);
    });

    test("一般公共预算 ↔ 政府性基金 of the 收入总表: the cause names the two columns", () => {
      const { grids } = buildVariant(style, { govFund: { amount: 12.5 } });
      const t = table(importWorkbook(grids), "income_summary");
      const total = t.rows.find((r) => r.level === 0)!;
      const keys = Object.keys(total.amounts);
      const gf = keys.find((k) => /gov_fund|fund/.test(k) && k !== "total");
      if (!gf || !total.amounts.general) return; // a 收入总表 without the two columns
      const res = checkReport(importWorkbook(swapColumns(grids, t, "general", gf)));
      expect(res.findings.some((f) => f.severity === "error")).toBe(true);
      const [g, f] = [colOf(total.amounts.general.cell), colOf(total.amounts[gf].cell)];
      expect(topCause(res).message).toContain(`${g} 列与 ${f} 列的数疑整列互换`);
    });
  }
);

// Not where the 支出总表 holds other money (单位资金, 上年结转): the two tables' lines are not the same money there.
describe.each(STYLES.filter((s) => !s.mixedFunds).map((s) => [s.name, s] as const))(
  "one line's 基本支出 and 项目支出 exchanged in the 一般公共预算支出表 (every total kept): %s",
  (_n, style) => {
    /** The grids with a 项-level line's 基本 / 项目 exchanged (a line spending both ways differently), its two cells. */
    const exchanged = (grids: SheetGrid[], report: Report) => {
      const t = table(report, "general_budget_expenditure");
      const leaf = t.rows.find(
        (r) =>
          r.code?.length === 7 &&
          r.amounts.basic &&
          r.amounts.project &&
          (r.amounts.basic.value ?? 0) !== (r.amounts.project.value ?? 0)
      )!;
      const [b, p] = [leaf.amounts.basic, leaf.amounts.project];
      const d = (p.value ?? 0) - (b.value ?? 0);
      return { grids: mutate(mutate(grids, b.cell, d), p.cell, -d), b, p };
    };

    test("compared line by line with the 支出总表, the cause is that pair alone", () => {
      const v = buildVariant(style);
      const { grids, b, p } = exchanged(v.grids, importWorkbook(v.grids));
      const res = checkReport(importWorkbook(grids));
      expect(
        res.findings.filter((f) => f.rule === "cross.basic-project").map((f) => f.cells[0])
      ).toEqual(expect.arrayContaining([b.cell, p.cell]));
      expect(
        topCause(res)
          .suspects.map((s) => s.cell)
          .sort()
      ).toEqual([b.cell, p.cell].sort());
      expect(topCause(res).alternatives).toEqual([]);
    });

    // tester29b T29B-1: the totals a 尾差 apart (the 支出总表's 合计 基本支出 one printed step off) are still the same
    // money: the exchange is found line by line.
    test("with the 基本支出 totals a 尾差 apart, the exchange is still found at its two cells", () => {
      const v = buildVariant(style);
      const report = importWorkbook(v.grids);
      const { grids, b, p } = exchanged(v.grids, report);
      const tb = table(report, "expenditure_summary").rows.find((r) => r.level === 0)!.amounts
        .basic;
      const g = mutate(grids, tb.cell, 10 ** -(tb.decimals ?? 2));
      const res = checkReport(importWorkbook(g));
      const total = res.findings.find(
        (f) => f.rule === "cross.basic-project" && f.cells.includes(tb.cell)
      );
      expect(total?.severity).toBe("rounding");
      expect(
        res.findings
          .filter((f) => f.rule === "cross.basic-project" && f.severity === "error")
          .map((f) => f.cells[0])
      ).toEqual(expect.arrayContaining([b.cell, p.cell]));
    });
  }
);
