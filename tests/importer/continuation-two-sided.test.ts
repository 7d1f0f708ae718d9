/**
 * tester29b T29B-5, second half: a 支出总表's last lines (a one-sided functional list: 科目 | 合计 | 基本支出 | 项目支出)
 * on a header-less sheet named the continuation of the two-sided 收支总表 (表1(续), 四川's numbering) were read through
 * the 收支总表's header and joined to it: its 收入 side took the 科目 and figures, 15 false 错误. A part whose lines do
 * not fill both sides of a two-sided table (a label and a figure on the 收入 side and on the 支出 side) is not that
 * table's: not joined, and said so. For every template printing a two-sided 收支总表 on a sheet of its own.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import type { SheetGrid } from "../../src/core/grid/grid";
import type { Report } from "../../src/core/model/schema";
import { STYLES, buildVariant } from "../fixtures/variants";

const lines = (report: Report) =>
  report.tables
    .find((t) => t.kind === "income_expenditure_summary")!
    .rows.map((r) => `${r.side ?? ""} ${r.level} ${r.label.replace(/\s/g, "")}`);
const isCont = (g: SheetGrid) => /续/.test(g.sheet);

describe.each(STYLES.filter((s) => !s.stacked && !s.oneSided).map((s) => [s.name, s] as const))(
  "%s",
  (_n, style) => {
    const plain = importWorkbook(buildVariant(style).grids);
    const summary = plain.tables.find((t) => t.kind === "income_expenditure_summary")!;

    test.each([
      ["right after the 收支总表", false],
      ["appended at the end", true],
    ])(
      "the 支出总表's lines on a sheet named 表1(续), %s, are not joined to the 收支总表",
      (_w, atEnd) => {
        const v = buildVariant(style, {
          continued: { kinds: ["expenditure_summary"], named: true, bare: true },
        });
        const cont = v.grids.find(isCont)!;
        const name = `${summary.label ?? summary.sheet}(续)`;
        const others = v.grids.filter((g) => g !== cont);
        const at = others.findIndex((g) => g.sheet === summary.sheet) + 1;
        const moved = { ...cont, sheet: name };
        const grids = atEnd
          ? [...others, moved]
          : [...others.slice(0, at), moved, ...others.slice(at)];
        const report = importWorkbook(grids);
        expect(
          report.tables.find((t) => t.kind === "income_expenditure_summary")!.continued ?? []
        ).toEqual([]);
        expect(lines(report)).toEqual(lines(plain));
        expect(report.unrecognized.find((u) => u.sheet === name)?.reason).toMatch(
          /续表.*(两侧|超出该表的栏).*未合并核对/
        );
      }
    );
  }
);
