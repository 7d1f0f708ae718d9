/**
 * The “三公” table's 公务用车 printed as its parts only (newcomer7, stop 22), in every generated template: laid across,
 * the band 公务用车购置及运行费 over 购置费 | 运行费 without a 小计 column (the parts' header line was not read as one:
 * 购置费 was taken for the item and 运行费 lost — a false 错误 on the 合计 and a false 警告 that the vehicle money is
 * not split); as rows, the 公务用车购置及运行费 line without a figure over its parts. 公务用车购置及运行费 is 购置费 +
 * 运行费: nothing to report, and a wrong 运行费 is still found.
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { STYLES, buildVariant } from "../fixtures/variants";
import { mutate } from "../../bench/localization";
import { serious, kinds } from "../helpers";

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  test("公务用车 as 购置费 | 运行费 without its 小计: both read, nothing to report; 运行费 +7 found on its cell", () => {
    const plain = checkReport(importWorkbook(buildVariant(style).grids), { localize: false });
    const { grids } = buildVariant(style, { vehicleNoSubtotal: true });
    const report = importWorkbook(grids);
    const t = report.tables.find((x) => x.kind === "three_public")!;
    const op = t.rows.find((r) => r.key === "vehicle_operation")!;
    expect(op.amounts.total.value).toBe(style.threePublicUnit === "元" ? 150000 : 15);
    const result = checkReport(report, { localize: false });
    expect(serious(result.findings).map((f) => f.message)).toEqual([]);
    expect(kinds(result)).toEqual(kinds(plain));
    const cell = op.amounts.total.cell;
    const wrong = checkReport(
      importWorkbook(mutate(grids, cell, style.threePublicUnit === "元" ? 70000 : 7)),
      { localize: false }
    );
    expect(serious(wrong.findings).some((f) => f.cells.includes(cell))).toBe(true);
  });
});
