/**
 * A “三公” table laid across (合计 | 因公出国（境）费 | 公务用车… | 公务接待费) printing one line per year — 2024年预算数 /
 * 2025年预算数, 上年 / 本年, with or without a 增减 line (newcomer7 e18–e20). Before, the first line with figures was
 * the table's: the year before's figures were checked and compared, this year's never (a wrong 2025 合计 went
 * unreported). Now this year's line is the table's figures and the others its 上年 / 增减 bands. Every generated
 * template that lays the 三公 table across; both orders; three wordings.
 */
import { parseRef } from "../../src/core/grid/address";
import type { CellValue, SheetGrid } from "../../src/core/grid/grid";
import { importWorkbook } from "../../src/core/importer/importer";
import type { Table } from "../../src/core/model/schema";
import { checkReport } from "../../src/core/rules/engine";
import { STYLES, buildVariant } from "../fixtures/variants";
import { serious } from "../helpers";

const WORDINGS: Array<[string, string]> = [
  ["2024年预算数", "2025年预算数"],
  ["上年预算数", "本年预算数"],
  ["2024年", "2025年"],
];

/** The grids with the 三公 line relabelled as this year's and a line for the year before (and the change) beside it. */
function withYears(
  grids: SheetGrid[],
  t: Table,
  [prior, current]: [string, string],
  opts: { priorFirst: boolean; change: boolean; bump?: number }
): SheetGrid[] {
  const at = parseRef(t.rows[0].labelCell);
  return grids.map((g) => {
    if (g.sheet !== at.sheet) return g;
    const r = at.r0 - g.origin.row;
    const line = g.values[r];
    const first = line.findIndex((v) => typeof v === "number" || /^\d/.test(String(v)));
    const cur: CellValue[] = line.map((v, c) =>
      c === first - 1 ? current : c === first && opts.bump ? Number(v) + opts.bump : v
    );
    // The year before: each figure 10 % less (one decimal), so its own sums hold.
    const less = (v: CellValue) =>
      typeof v === "number" || /^\d/.test(String(v)) ? Math.round(Number(v) * 9) / 10 : v;
    const pri: CellValue[] = line.map((v, c) =>
      c === first - 1 ? prior : c < first ? "" : less(v)
    );
    const chg: CellValue[] = line.map((v, c) =>
      c === first - 1
        ? "增减"
        : c < first
          ? ""
          : typeof less(v) === "number"
            ? Number(v) - Number(less(v))
            : v
    );
    const lines = opts.priorFirst ? [pri, cur] : [cur, pri];
    if (opts.change) lines.push(chg);
    const shift = lines.length - 1;
    const insert = <T>(rows: T[][], make: (k: number) => T[]) => [
      ...rows.slice(0, r),
      ...lines.map((_l, k) => make(k)),
      ...rows.slice(r + 1),
    ];
    return {
      ...g,
      values: insert(g.values, (k) => lines[k]),
      text: insert(g.text, (k) => lines[k].map((v) => String(v))),
      numberFormat: insert(g.numberFormat, () => g.numberFormat[r].slice()),
      merges: g.merges.map((m) => (m.r0 > r ? { ...m, r0: m.r0 + shift, r1: m.r1 + shift } : m)),
    };
  });
}

const across = STYLES.filter((st) => {
  const t = importWorkbook(buildVariant(st).grids).tables.find((x) => x.kind === "three_public")!;
  return new Set(t.rows.map((r) => r.row)).size === 1;
});

test("some templates lay the 三公 table across", () => expect(across.length).toBeGreaterThan(0));

describe.each(across.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const { grids } = buildVariant(style);
  const plain = importWorkbook(grids);
  const t = plain.tables.find((x) => x.kind === "three_public")!;
  const plainFound = serious(checkReport(plain, { localize: false }).findings).map((f) => f.rule);

  describe.each(WORDINGS.map((w) => [w.join(" / "), w] as const))("%s", (_w, wording) => {
    test.each([
      [true, false],
      [false, false],
      [true, true],
    ])(
      "prior first %s, 增减 line %s: this year's figures are the table's",
      (priorFirst, change) => {
        const report = importWorkbook(withYears(grids, t, wording, { priorFirst, change }));
        const t9 = report.tables.find((x) => x.kind === "three_public")!;
        expect(t9.rows.map((r) => r.amounts.total?.value)).toEqual(
          t.rows.map((r) => r.amounts.total?.value)
        );
        expect(t9.columns.map((c) => c.key)).toEqual([
          "total",
          "prior",
          ...(change ? ["change"] : []),
        ]);
        expect(
          serious(checkReport(report, { localize: false }).findings).map((f) => f.rule)
        ).toEqual(plainFound);
      }
    );

    test("this year's 合计 +7: a 错误 citing it", () => {
      const delta = t.unit === "元" ? 70000 : 7;
      const report = importWorkbook(
        withYears(grids, t, wording, { priorFirst: true, change: false, bump: delta })
      );
      const cell = report.tables.find((x) => x.kind === "three_public")!.rows[0].amounts.total!
        .cell;
      const found = serious(checkReport(report, { localize: false }).findings);
      expect(found.some((f) => f.severity === "error" && f.cells[0] === cell)).toBe(true);
    });
  });
});
