/**
 * Split code columns 类 | 款 | 项 under a caption naming the classification (newcomer14 NC14-5, the 中央部门 form:
 * 支出功能分类科目 / 功能分类科目 / 科目 / 项目 / 部门预算支出经济分类科目 over 类 | 款 | 项) were read as AMOUNT columns —
 * a 类 / 款 / 项 leaf counted as a code part only under a …编码 band or in a one-row header: 21 false 错误 on a correct
 * 一般公共预算支出表. And 科目编码 merged over the code columns with no 类 | 款 | 项 line under it read the first
 * column's 类 as every row's code (301 × 12: false hierarchy 错误). Every generated style, its functional tables with
 * split codes: the same tables, rows and findings as under 科目编码 over 类 | 款 | 项. A 科目编码 merged over the code
 * and its name, with no 科目名称 column (湖北: 科目编码 over 201 | 一般公共服务支出), stays a code column and a name:
 * newcomer14's q-hubei / r-qinghai files (snap), not reproduced by a generated variant.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { SheetGrid } from "../../src/core/grid/grid";
import { STYLES, bandCodeParts, buildVariant } from "../fixtures/variants";

const BANDS = [
  "支出功能分类科目",
  "功能分类科目",
  "科目",
  "项目",
  "部门预算支出经济分类科目",
  "经济分类科目",
];

const shape = (grids: SheetGrid[]) => {
  const rep = importWorkbook(grids);
  const r = checkReport(rep, { localize: false });
  return {
    rows: rep.tables.map((t) => t.rows.map((x) => `${x.level} ${x.code ?? ""} ${x.key ?? ""}`)),
    columns: rep.tables.map((t) => t.columns.map((c) => c.key).join()),
    findings: r.findings
      .filter((f) => f.severity !== "info")
      .map((f) => `${f.severity} ${f.rule} ${f.cells.join(",")}`)
      .sort(),
  };
};

describe.each(STYLES.map((s) => [s.name, { ...s, codeLayout: "split" as const }] as const))(
  "类 | 款 | 项 under a band, %s",
  (_n, style) => {
    const { grids } = buildVariant(style);
    const plain = shape(grids);
    test.each(BANDS.flatMap((b) => [[b, "parts"] as const, [b, "pair"] as const]))(
      "%s (%s): the same rows, columns and findings",
      (band, how) => {
        const g = bandCodeParts(grids, band, how);
        expect(JSON.stringify(g)).toContain(band);
        expect(shape(g)).toEqual(plain);
      }
    );
  }
);
