/**
 * The kinds of problem of the field cases, on every generated layout (tests/fixtures/variants.ts): each variant
 * changes one thing in a consistent workbook, and the rule says that thing at its cells — nothing else.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Finding } from "../../src/core/rules/rule";
import type { SheetGrid } from "../../src/core/grid/grid";
import { STYLES, buildVariant, type Style, type VariantOptions } from "../fixtures/variants";

const run = (style: Style, opts: VariantOptions) => {
  const report = importWorkbook(buildVariant(style, opts).grids);
  return { report, findings: checkReport(report).findings };
};
const ids = (fs: Finding[]) => [...new Set(serious(fs).map((f) => f.rule))].sort();

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  test("政府性基金 money in every table, consistently: no finding, and the fund rules ran", () => {
    const { report, findings } = run(style, { govFund: { amount: 30 } });
    expect(serious(findings)).toEqual([]);
    const res = checkReport(report);
    for (const id of ["cross.gov-fund", "cross.gov-fund-project", "cross.gov-fund-codes"])
      expect({ id, checked: res.perRule.find((r) => r.id === id)!.checked > 0 }).toEqual({
        id,
        checked: true,
      });
  });

  test("the 政府性基金预算支出表 prints another figure: errors at its cells only, the total citing 财政拨款收支总表 and 收入总表", () => {
    const { report, findings } = run(style, { govFund: { amount: 30, printed: 25 } });
    const t8 = table(report, "gov_fund_expenditure");
    expect(ids(findings)).toEqual(["cross.gov-fund", "cross.gov-fund-project"]);
    const sheet8 = t8.sheet;
    for (const f of serious(findings))
      expect(f.cells[0].startsWith(`${sheet8}!`) || f.cells[0].startsWith(`'${sheet8}'!`)).toBe(
        true
      );
    const total = t8.rows.find((r) => r.key === "total")!.amounts.total.cell;
    const f = findings.find((x) => x.cells[0] === total)!;
    expect(f).toMatchObject({ rule: "cross.gov-fund", severity: "error" });
    const t4 = table(report, "fiscal_appropriation_summary");
    const t2 = table(report, "income_summary");
    expect(f.cells).toContain(
      t4.rows.find((r) => r.key === "current_expenditure_total" && r.side === "expenditure")!
        .amounts.gov_fund.cell
    );
    expect(f.cells).toContain(t2.rows.find((r) => r.key === "total")!.amounts.gov_fund.cell);
  });

  test("the 三公 table without 购置费 / 运行费: one warning at the combined line", () => {
    const { report, findings } = run(style, { noVehicleSplit: true });
    expect(ids(findings)).toEqual(["completeness.vehicle-split"]);
    const vehicle = table(report, "three_public").rows.find((r) => r.key === "vehicle")!;
    expect(serious(findings).map((f) => f.cells)).toEqual([[vehicle.labelCell]]);
  });

  test.each([5, 3] as const)(
    "functional tables cut at %i digits: one warning per functional table, at the shallow rows",
    (depth) => {
      const { report, findings } = run(style, { functionalDepth: depth });
      expect(ids(findings)).toEqual(["completeness.functional-depth"]);
      const kinds = serious(findings).map(
        (f) =>
          report.tables.find((t) => t.rows.some((r) => (r.codeCell ?? r.labelCell) === f.cells[0]))
            ?.kind
      );
      expect(kinds.sort()).toEqual([
        "expenditure_summary",
        "general_budget_expenditure",
        "income_summary",
      ]);
      for (const f of serious(findings)) expect(f.message).toMatch(depth === 5 ? /20106/ : /201 /);
    }
  );

  test("the 基本支出 table prints only classes: one warning naming them", () => {
    const { findings } = run(style, { economicClassesOnly: true });
    expect(ids(findings)).toEqual(["completeness.economic-depth"]);
    expect(serious(findings)[0].message).toMatch(/工资福利支出/);
  });

  test.each(["20106999", "201069", "2O10699", "201-06-999"])(
    "a malformed code %s: one naming warning at the code, no arithmetic error",
    (printed) => {
      // 类/款/项 columns: the typo is in the 项 cell (an extra digit, a stray 0).
      const p =
        style.codeLayout === "split"
          ? { "20106999": "999", "201069": "099", "2O10699": "99 9", "201-06-999": "９99" }[
              printed
            ]!
          : printed;
      const { report, findings } = run(style, { badCode: { code: "2010699", printed: p } });
      if (style.codeLayout === "names") return expect(serious(findings)).toEqual([]); // names only: no code printed
      const row = table(report, "general_budget_expenditure").rows.find((r) => r.printedCode)!;
      expect(row.code).toBe("2010699");
      expect(serious(findings).map((f) => `${f.rule} ${f.cells[0]}`)).toEqual([
        `naming.code-format ${row.codeCell ?? row.labelCell}`,
      ]);
    }
  );

  test("a code printed with separators (201-06-99) is a code, not a finding", () => {
    if (style.codeLayout === "split") return;
    const { report, findings } = run(style, { badCode: { code: "2010699", printed: "201-06-99" } });
    expect(serious(findings)).toEqual([]);
    if (style.codeLayout === "column")
      expect(
        table(report, "general_budget_expenditure").rows.some((r) => r.code === "2010699")
      ).toBe(true);
  });
});

describe.each(STYLES.map((s) => [s.name, s] as const))(
  "variant %s: names by the report's year",
  (_n, style) => {
    const dated = style.yearInTitle || style.metaYearLine || style.partTitle; // a part title prints the year too
    const renamed = { "210": "医疗卫生与计划生育支出" };
    const findingsFor = (year: number) => serious(run(style, { year, names: renamed }).findings);

    test("a name valid in the report's year or the year before is not a finding", () => {
      expect(findingsFor(2019)).toEqual([]); // compiled in 2018, when 210 was still 医疗卫生与计划生育支出
      expect(findingsFor(2018)).toEqual([]);
    });

    test("a name out of force for two years is a warning at each printed class name, saying its years and today's name", () => {
      const fs = findingsFor(2021);
      if (!dated) return expect(fs).toEqual([]); // no year printed: any year's name is accepted (an info note says so)
      expect(ids(fs)).toEqual(["naming.functional-code"]);
      for (const f of fs) expect(f.message).toMatch(/2014—2018 年.*卫生健康支出/);
    });

    test("today's name in a year before the rename is a warning too", () => {
      const fs = serious(run(style, { year: 2017 }).findings);
      if (!dated) return expect(fs).toEqual([]);
      expect(ids(fs)).toEqual(["naming.functional-code"]);
      for (const f of fs)
        expect(f.message).toMatch(/卫生健康支出.*2019 年起.*医疗卫生与计划生育支出/);
    });
  }
);

describe.each(STYLES.map((s) => [s.name, s] as const))(
  "variant %s: a printed unit every magnitude contradicts",
  (_n, style) => {
    test.each([
      "general_budget_expenditure",
      "expenditure_summary",
      "income_summary",
      "basic_expenditure_economic",
      "three_public",
    ] as const)(
      "%s prints the other unit: one warning at its unit cell, no amount error",
      (kind) => {
        const { report, findings } = run(style, { wrongUnit: kind });
        const t = table(report, kind);
        expect(t.unitCell).toBeDefined();
        expect(serious(findings).map((f) => `${f.rule} ${f.cells[0]}`)).toEqual([
          `naming.unit-magnitude ${t.unitCell}`,
        ]);
      }
    );
  }
);

describe.each(STYLES.map((s) => [s.name, s] as const))(
  "variant %s: a table printing no unit",
  (_n, style) => {
    test.each(["general_budget_expenditure", "three_public"] as const)(
      "%s without a unit line: read in the workbook's unit; a magnitude that contradicts it says the table prints none",
      (kind) => {
        const { report, findings } = run(style, { noUnitLine: kind });
        const t = table(report, kind);
        expect(t.unitText).toBeUndefined();
        // Figures in the workbook's printed unit: nothing to say. In the other unit (三公 in 万元 among 元 tables): one warning.
        const other = kind === "three_public" && style.threePublicUnit !== style.unit;
        expect(serious(findings).map((f) => f.rule)).toEqual(
          other ? ["naming.unit-magnitude"] : []
        );
        if (other)
          expect(serious(findings)[0].message).toMatch(
            new RegExp(
              `^.*三公.*未印金额单位（按其他表印的“${style.unit}”读），但.*金额实际以“${style.threePublicUnit}”为单位`
            )
          );
      }
    );
  }
);

/** Every cell whose text contains `from` gets it replaced (value and displayed text): a template leftover put back. */
function replaceText(grids: SheetGrid[], from: string, to: string): SheetGrid[] {
  const sub = (x: unknown) =>
    typeof x === "string" && x.includes(from) ? x.split(from).join(to) : x;
  return grids.map((g) => ({
    ...g,
    values: g.values.map((r) => r.map(sub)) as SheetGrid["values"],
    text: g.text.map((r) => r.map((x) => sub(x) as string)),
  }));
}

describe.each(STYLES.map((s) => [s.name, s] as const))(
  "variant %s: template leftovers",
  (_n, style) => {
    test.each([
      ["the department line", "清河县财政局", "XX单位"],
      ["a title", "项目支出预算表", "××项目支出预算表"],
      ["a project name", "预算评审经费", "待填写"],
      ["a column caption", "基本支出", "{单位}基本支出"],
      ["a row name", "住房改革支出", "某某支出"],
    ])("%s: warnings naming the leftover, nothing else", (_w, from, to) => {
      const grids = replaceText(buildVariant(style).grids, from, to);
      const report = importWorkbook(grids);
      const fs = serious(checkReport(report).findings);
      // A names-only template has no code for the name to contradict.
      expect(ids(fs)).toEqual(
        from === "住房改革支出" && style.codeLayout !== "names"
          ? ["naming.functional-code", "naming.placeholder"]
          : ["naming.placeholder"]
      );
      for (const f of fs.filter((x) => x.rule === "naming.placeholder"))
        expect(f.message).toContain(to.match(/XX|××|待填写|\{单位\}|某某/)![0]);
      // The department's finding cites the 部门 lines (tester31 T31-2: it cited the 表号 label in A1). A title's or
      // a caption's leftover is still cited at the table's first cell (the model keeps no title / caption cell).
      for (const f of fs.filter(
        (x) => x.rule === "naming.placeholder" && /部门名称/.test(x.message)
      ))
        for (const ref of f.cells) {
          const p = parseRef(ref);
          const g = grids.find((x) => x.sheet === p.sheet)!;
          expect(`${ref} ${g.text[p.r0]?.[p.c0]}`).toContain(to);
        }
    });
  }
);

describe.each(STYLES.map((s) => [s.name, s] as const))(
  "variant %s: required tables",
  (_n, style) => {
    const required = (fs: Finding[]) =>
      fs.filter((f) => f.rule === "completeness.required-tables").map((f) => f.severity);

    test("a set without the 国有资本经营 table, and no such money anywhere: only noted (提示)", () => {
      const { findings } = run(style, { omit: ["state_capital"] });
      expect(required(findings)).toEqual(["info"]);
      expect(serious(findings)).toEqual([]);
    });

    test("the 政府性基金 table left out while other tables show 政府性基金 money: an error citing that money", () => {
      const { report, findings } = run(style, {
        omit: ["gov_fund_expenditure"],
        govFund: { amount: 30 },
      });
      const f = findings.filter((x) => x.rule === "completeness.required-tables");
      expect(f.map((x) => x.severity)).toEqual(["error"]);
      const cell = f[0].cells[0];
      expect(
        report.tables.some((t) =>
          t.rows.some((r) =>
            Object.values(r.amounts).some((a) => a.cell === cell && a.value !== null)
          )
        )
      ).toBe(true);
    });

    test.each([
      "general_budget_expenditure",
      "three_public",
      "basic_expenditure_economic",
    ] as const)("%s left out: an error naming the rule that requires it", (kind) => {
      const { findings } = run(style, { omit: [kind] });
      const f = findings.filter((x) => x.rule === "completeness.required-tables");
      expect(f.map((x) => x.severity)).toEqual(["error"]);
      expect(f[0].message).toMatch(/财预〔2016〕143号/);
    });
  }
);

describe.each(STYLES.map((s) => [s.name, s] as const))(
  "variant %s: 三公 tables with subtotals, 其中 rows and items beside them",
  (_n, style) => {
    test.each([
      ["会议费 / 培训费 outside the 三公 合计", { meeting: 3, training: 4, inTotal: false }],
      ["会议费 / 培训费 inside the 合计", { meeting: 3, training: 4, inTotal: true }],
      [
        "numbered items, vehicle parts without 其中",
        { meeting: 3, training: 4, inTotal: false, numbered: true },
      ],
    ])("%s: no finding (a subtotal is never added to its own parts)", (_w, extras) => {
      const { findings } = run(style, { threePublicExtras: extras });
      expect(serious(findings)).toEqual([]);
    });

    test("a wrong 三公 合计 is still an error at the 合计", () => {
      const { report, findings } = run(style, {
        threePublicExtras: { meeting: 3, training: 4, inTotal: false },
      });
      const t = table(report, "three_public");
      const cell = t.rows.find((r) => r.key === "total")!.amounts.total.cell;
      const grids = buildVariant(style, {
        threePublicExtras: { meeting: 3, training: 4, inTotal: false },
      }).grids;
      expect(serious(findings)).toEqual([]);
      const bad = importWorkbook(mutateCell(grids, cell, 13.37));
      const fs = serious(checkReport(bad).findings).filter((f) => f.cells[0] === cell);
      expect(fs.map((f) => f.rule)).toEqual(["hierarchy.total"]);
    });
  }
);

import { parseRef } from "../../src/core/grid/address";
import { serious, table } from "../helpers";
/** The grid with `delta` added to one amount (value and text), as a typo would. */
function mutateCell(grids: SheetGrid[], cell: string, delta: number): SheetGrid[] {
  const p = parseRef(cell);
  return grids.map((g) => {
    if (g.sheet !== p.sheet) return g;
    const values = g.values.map((r) => r.slice());
    const text = g.text.map((r) => r.slice());
    const old = values[p.r0][p.c0];
    const n = (typeof old === "number" ? old : Number(String(old).replace(/[,\s]/g, ""))) + delta;
    values[p.r0][p.c0] = n;
    text[p.r0][p.c0] = n.toFixed(2);
    return { ...g, values, text };
  });
}
