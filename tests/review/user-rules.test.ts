/**
 * The user's own conditional formats against our marks (tester T26A-1: a green fill of the user's for amounts > 0,
 * priority 1 and stopIfTrue, hid the 错误 mark, which came after it). Over every style of the variants, with a
 * 政府性基金 figure printed wrong (错误 marks) and the user's rules on every sheet — an expression rule with
 * stopIfTrue (priority 1), a data bar (2), a cellIs rule (5) — and a note of the user's on every sheet, through the
 * three writers: the .xlsx package (check --out), exceljs (bench/review.ts) and Office.js (the add-in, on the bench).
 * After the review our rules come first — 错误 strong before the rest, the user's after them in their order — and
 * taking the review off (re-review with nothing to mark, 清除标记) gives back exactly the sheets the user had:
 * the sheet, comments and drawing parts byte for byte, the same rules in the same order with the same priorities,
 * the same notes and authors.
 */
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { STYLES, buildVariant, type Style } from "../fixtures/variants";
import { writeXlsx } from "../../src/hosts/xlsx/write";
import { applyReviewPlan, clearReview, writeWorkbook } from "../../src/hosts/xlsx/review";
import { applyPlan, clearReview as clearOffice } from "../../src/hosts/office/apply";
import {
  isMarkFormula,
  priorityWithoutMarks,
  type Mark,
  type ReviewPlan,
} from "../../src/core/review/plan";
import { cellA1, parseRef } from "../../src/core/grid/address";
import { bench } from "../office-bench/runtime";
import { loadXlsx } from "../office-bench/xlsx";
import { clearedBytes, load, reviewBytes } from "./helpers";

const USER_NOTE = "用户自己的批注";

/**
 * The variant as the user keeps it: every sheet with three rules of its own over its whole used range and a note on
 * its first cell. exceljs writes the rules (priorities 1, 2, 5); stopIfTrue, which it does not model, is put on the
 * first rule in the XML.
 */
async function userWorkbook(style: Style): Promise<Uint8Array> {
  const v = buildVariant(style, { govFund: { amount: 30, printed: 40 } });
  const wb = await load(
    await writeXlsx(
      v.grids.map((grid) => ({
        grid,
        notes: [{ row: grid.origin.row, col: grid.origin.col, text: USER_NOTE }],
      }))
    )
  );
  v.grids.forEach((g) => {
    const ws = wb.getWorksheet(g.sheet)!;
    const rows = g.origin.row + Math.max(1, g.values.length) - 1;
    const cols = g.origin.col + Math.max(1, ...g.values.map((r) => r.length)) - 1;
    const all = `A1:${cellA1(rows, cols)}`;
    ws.addConditionalFormatting({
      ref: all,
      rules: [
        {
          type: "expression",
          priority: 1,
          formulae: ["ISNUMBER(A1)"],
          style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FF00B050" } } },
        },
      ],
    });
    ws.addConditionalFormatting({
      ref: `B2:${cellA1(rows, cols)}`,
      rules: [
        {
          type: "dataBar",
          priority: 2,
          cfvo: [{ type: "min" }, { type: "max" }],
          color: { argb: "FF638EC6" },
        } as unknown as ExcelJS.ConditionalFormattingRule,
      ],
    });
    ws.addConditionalFormatting({
      ref: all,
      rules: [
        {
          type: "cellIs",
          operator: "greaterThan",
          priority: 5,
          formulae: ["0"],
          style: { font: { color: { argb: "FFFF0000" } } },
        },
      ],
    });
  });
  const parts = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
  for (const name of Object.keys(parts))
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name))
      parts[name] = strToU8(
        strFromU8(parts[name])
          .replace(/(<cfRule type="expression"[^>]*priority="1")/, '$1 stopIfTrue="1"')
          // The first sheet's tab selected, as Excel saves it (exceljs writes no sheet view here).
          .replace(
            /(<dimension\b[^>]*\/>)/,
            name === "xl/worksheets/sheet1.xml"
              ? '$1<sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews>'
              : "$1"
          )
      );
  return zipSync(parts);
}

/** The plan as reviewed, with a 警告 (strong) and a 提示 (light) mark beside the 错误 ones on the first 错误 sheet. */
function withOtherSeverities(plan: ReviewPlan): ReviewPlan {
  const error = plan.marks.find((m) => m.severity === "error" && m.strength === "strong")!;
  const extra: Mark[] = [
    { ...error, cell: "AA1", severity: "info", strength: "light", fill: "#DDEBF7", findings: [] },
    {
      ...error,
      cell: "AB1",
      severity: "warning",
      strength: "strong",
      fill: "#FFC000",
      findings: [],
    },
  ];
  return { ...plan, marks: [...plan.marks, ...extra] };
}

/** A rule as the tests compare them: where it applies, whether it is ours, its priority (1 = first). */
interface Rule {
  sqref: string;
  ours: string | undefined;
  priority: number;
}

const covers = (sqref: string, cell: string) => {
  const c = parseRef(cell);
  return sqref.split(/[\s,]+/).some((a) => {
    const p = parseRef(a);
    return p.r0 <= c.r0 && c.r0 <= p.r1 && p.c0 <= c.c0 && c.c0 <= p.c1;
  });
};

/**
 * What the reviewer sees: on every cell of a 错误 mark, the first rule (by priority) over the cell is our 错误 rule;
 * ours come first on the sheet in rank order (错误 strong, 警告 strong, 错误 light, 提示 light); the user's come
 * after all of ours, in the order they had.
 */
function expectOursFirst(rules: Rule[], marks: Mark[], userOrder: string[]) {
  for (const m of marks.filter((x) => x.severity === "error")) {
    const over = rules.filter((r) => covers(r.sqref, m.cell));
    const first = over.reduce((a, b) => (b.priority < a.priority ? b : a));
    expect({ cell: m.cell, first: first.ours }).toEqual({
      cell: m.cell,
      first: `${m.severity}:${m.strength}`,
    });
    expect(over.filter((r) => r.priority === first.priority)).toHaveLength(1);
  }
  const ours = rules.filter((r) => r.ours).sort((a, b) => a.priority - b.priority);
  const theirs = rules.filter((r) => !r.ours).sort((a, b) => a.priority - b.priority);
  const severities = ["error", "warning", "rounding", "info"];
  const order = ["strong", "light"].flatMap((st) => severities.map((sv) => `${sv}:${st}`));
  const rank = (s: string) => order.indexOf(s);
  // A group of more than AREAS_PER_RANGES cells (the add-in) is several rules of the same tag, one after the other.
  expect(ours.map((r) => r.ours).filter((t, i, a) => i === 0 || t !== a[i - 1])).toEqual(
    [...new Set(marks.map((m) => `${m.severity}:${m.strength}`))].sort((a, b) => rank(a) - rank(b))
  );
  expect(Math.max(...ours.map((r) => r.priority))).toBeLessThan(
    Math.min(...theirs.map((r) => r.priority))
  );
  expect(theirs.map((r) => r.sqref)).toEqual(userOrder);
}

const tagOf = (formula: string | undefined) =>
  formula && isMarkFormula(formula) ? /预算审核:([a-z]+:[a-z]+)/.exec(formula)![1] : undefined;

// ---------------------------------------------------------------------------------------------------------------
// The package writer: sheet XML read as text.

function packageRules(sheetXml: string): Rule[] {
  return [
    ...sheetXml.matchAll(
      /<conditionalFormatting\b[^>]*sqref="([^"]*)"[^>]*>([\s\S]*?)<\/conditionalFormatting>/g
    ),
  ].flatMap((b) =>
    [...b[2].matchAll(/<cfRule\b[^>]*priority="(\d+)"[^>]*>([\s\S]*?)<\/cfRule>/g)].map((r) => ({
      sqref: b[1],
      ours: tagOf(/<formula>([\s\S]*?)<\/formula>/.exec(r[2])?.[1].replace(/&quot;/g, '"')),
      priority: Number(r[1]),
    }))
  );
}

/** Sheet name → its worksheet part's text. */
function sheetParts(bytes: Uint8Array): Map<string, string> {
  const parts = unzipSync(bytes);
  const wb = strFromU8(parts["xl/workbook.xml"]);
  const rels = strFromU8(parts["xl/_rels/workbook.xml.rels"]);
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<sheet\b[^>]*name="([^"]*)"[^>]*r:id="([^"]*)"/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]*)"`).exec(rels)![1];
    out.set(m[1], strFromU8(parts[`xl/${target.replace(/^\/?xl\//, "")}`]));
  }
  return out;
}

/** Every part of the package but the styles (which keep the review's formats for a later review) as text. */
function partsBut(bytes: Uint8Array, skip: RegExp): Record<string, string> {
  return Object.fromEntries(
    Object.entries(unzipSync(bytes))
      .filter(([n]) => !skip.test(n))
      .map(([n, b]) => [n, strFromU8(b)])
  );
}

// ---------------------------------------------------------------------------------------------------------------
// exceljs: the model's conditionalFormattings.

type ExcelCF = Array<{
  ref: string;
  rules: Array<{ type: string; priority?: number; formulae?: string[]; [k: string]: unknown }>;
}>;
const excelRules = (ws: ExcelJS.Worksheet) =>
  (ws as unknown as { conditionalFormattings: ExcelCF }).conditionalFormattings;

function exceljsRules(ws: ExcelJS.Worksheet): Rule[] {
  return excelRules(ws).flatMap((cf) =>
    cf.rules.map((r) => ({
      sqref: cf.ref,
      ours: tagOf(r.formulae?.[0]),
      priority: r.priority ?? Infinity,
    }))
  );
}

/** What a sheet holds as exceljs reads it: cells (value, format, note), and every rule with its priority. */
function exceljsSheets(wb: ExcelJS.Workbook) {
  return wb.worksheets.map((ws) => {
    const cells: Record<string, unknown> = {};
    ws.eachRow({ includeEmpty: true }, (row, r) =>
      row.eachCell({ includeEmpty: true }, (c, k) => {
        cells[`${r}:${k}`] = { v: c.value, f: c.numFmt, fill: c.fill, font: c.font, note: c.note };
      })
    );
    // exceljs draws a new x14 id for a data bar on every write: not the user's content.
    const cf = excelRules(ws).map((x) => ({
      ...x,
      rules: x.rules.map((r) => ({ ...r, x14Id: r.x14Id === undefined ? undefined : "x14" })),
    }));
    return { name: ws.name, cells, cf };
  });
}

// ---------------------------------------------------------------------------------------------------------------

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  let input: Uint8Array;
  let plan: ReviewPlan;
  /** The first sheet with a 错误 mark, and its marks. */
  let sheet: string;
  let marks: Mark[];
  beforeAll(async () => {
    input = await userWorkbook(style);
    const reviewed = await reviewBytes(input, { written: withOtherSeverities });
    plan = withOtherSeverities(reviewed.plan);
    sheet = plan.marks.find((m) => m.severity === "error" && m.strength === "strong")!.sheet;
    marks = plan.marks.filter((m) => m.sheet === sheet);
  });

  describe(".xlsx package (check --out)", () => {
    test("our 错误 rule is the first over its cells; the user's rules follow in their order", async () => {
      const { bytes } = await reviewBytes(input, { written: withOtherSeverities });
      const before = packageRules(sheetParts(input).get(sheet)!);
      const after = packageRules(sheetParts(bytes).get(sheet)!);
      expectOursFirst(
        after,
        marks,
        before.sort((a, b) => a.priority - b.priority).map((r) => r.sqref)
      );
      // The user's keep their numbers' order and gaps, shifted past ours (1, 2, 5 → k+1, k+2, k+5).
      const k = after.filter((r) => r.ours).length;
      expect(after.filter((r) => !r.ours).map((r) => r.priority)).toEqual(
        before.map((r) => r.priority + k)
      );
    });

    test("re-review and clearing give back the user's sheets byte for byte (rules, priorities, notes, authors)", async () => {
      const once = await reviewBytes(input, { written: withOtherSeverities });
      const twice = await reviewBytes(once.bytes, { written: withOtherSeverities });
      // Re-review replaces our rules: the same sheets as one review, no drift of the user's priorities.
      expect(sheetParts(twice.bytes)).toEqual(sheetParts(once.bytes));
      const cleared = clearedBytes(twice.bytes);
      expect(cleared.cleared.rules).toBeGreaterThan(0);
      expect(cleared.cleared.notes).toBeGreaterThan(0);
      const skip = /^xl\/styles\.xml$/;
      expect(partsBut(cleared.bytes, skip)).toEqual(partsBut(input, skip));
    });
  });

  describe("exceljs (bench/review.ts)", () => {
    test("our 错误 rule is the first over its cells; the user's rules follow in their order", async () => {
      const before = exceljsRules((await load(input)).getWorksheet(sheet)!);
      const wb = await load(input);
      applyReviewPlan(wb, plan);
      const after = exceljsRules((await load(await writeWorkbook(wb))).getWorksheet(sheet)!);
      expectOursFirst(
        after,
        marks,
        before.sort((a, b) => a.priority - b.priority).map((r) => r.sqref)
      );
    });

    test("clearing gives back the same cells, notes, rules and priorities", async () => {
      const wb = await load(input);
      applyReviewPlan(wb, plan);
      const reopened = await load(await writeWorkbook(wb));
      applyReviewPlan(reopened, plan);
      expect(clearReview(reopened).rules).toBeGreaterThan(0);
      const cleared = await load(await writeWorkbook(reopened));
      expect(exceljsSheets(cleared)).toEqual(exceljsSheets(await load(input)));
    });
  });

  describe("Office.js (the add-in)", () => {
    /** The user's workbook open in Excel: what the bench reads of the file, stopIfTrue on the first rule, a third rule. */
    async function opened() {
      const wb = await loadXlsx(input);
      for (const s of wb.sheets) {
        s.conditionalFormats[0].stopIfTrue = true;
        s.conditionalFormats.push({
          id: `{user-font-${s.id}}`,
          type: "Custom",
          address: "A1:B3",
          formula: "=A1<0",
          fontColor: "#FF0000",
        });
      }
      return wb;
    }
    const officeRules = (cfs: Array<{ address: string; formula?: string }>): Rule[] =>
      cfs.map((cf, i) => ({
        sqref: cf.address,
        ours: tagOf(cf.formula),
        priority: i,
      }));

    test("our 错误 rule is the first over its cells; the user's rules follow in their order", async () => {
      const wb = await opened();
      const s = wb.sheets.find((x) => x.name === sheet)!;
      const before = s.conditionalFormats.map((cf) => cf.address);
      const b = bench(wb);
      await b.Excel.run((ctx) => applyPlan(ctx, plan, { notes: "comments" }));
      expectOursFirst(officeRules(s.conditionalFormats), marks, before);
      // What Office.js reports: our 错误 rule at priority 0, the user's stopIfTrue kept.
      const read = await b.Excel.run(async (ctx) => {
        const cfs = ctx.workbook.worksheets
          .getItem(sheet)
          .getRange()
          .conditionalFormats.load("items/priority,items/stopIfTrue,items/type");
        await ctx.sync();
        return cfs.items.map((cf) => ({ p: cf.priority, stop: cf.stopIfTrue, type: cf.type }));
      });
      expect(read.map((r) => r.p)).toEqual(read.map((_r, i) => i));
      const k = s.conditionalFormats.filter((cf) => tagOf(cf.formula)).length;
      expect(read.slice(k).map((r) => r.stop)).toEqual([true, null, false]);
    });

    test("清除标记 gives back the same rules in the same order with the same priorities, the same notes", async () => {
      const wb = await opened();
      const snapshot = () =>
        JSON.stringify({
          sheets: wb.sheets.map((s) => ({
            name: s.name,
            cells: [...s.cells],
            cf: s.conditionalFormats,
          })),
          notes: wb.notes,
          comments: wb.comments,
        });
      const before = snapshot();
      const b = bench(wb);
      await b.Excel.run((ctx) => applyPlan(ctx, plan, { notes: "comments" }));
      await b.Excel.run((ctx) => applyPlan(ctx, plan, { notes: "comments" }));
      await b.Excel.run((ctx) => clearOffice(ctx, { notes: "comments" }));
      expect(snapshot()).toBe(before);
    });
  });
});

test("a rule's priority once ours are off: one less per rule of ours ahead of it", () => {
  // Ours 1…3 ahead of the user's 1, 2, 5 (shifted to 4, 5, 8): the user's numbers come back.
  expect([4, 5, 8].map((p) => priorityWithoutMarks(p, [1, 2, 3]))).toEqual([1, 2, 5]);
  // A review of an older version left ours behind the user's: theirs keep their numbers.
  expect([1, 2, 5].map((p) => priorityWithoutMarks(p, [6, 7]))).toEqual([1, 2, 5]);
  // The user put a rule ahead of ours since (Excel renumbered): it stays first, the rest close the gap.
  expect([1, 4, 5].map((p) => priorityWithoutMarks(p, [2, 3]))).toEqual([1, 2, 3]);
});
