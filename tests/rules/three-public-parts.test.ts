/**
 * “三公” items printed with their parts: 公务接待费 split into 国内接待费 | 外事接待费, laid across as a band (小计 | 国内
 * | 外事, like the 公务用车 band 小计 | 购置费 | 运行费) or as rows under its line, in every generated template. The
 * band was dropped (its 小计 read as a second 合计, its parts unread): a false 错误 on the 合计 of a correct table, and a
 * 小计 ≠ 国内 + 外事 never reported (newcomer6 h06 / h07).
 */
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Finding } from "../../src/core/rules/rule";
import { STYLES, buildVariant } from "../fixtures/variants";
import { serious } from "../helpers";

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const plain = checkReport(importWorkbook(buildVariant(style).grids), { localize: false });
  const kinds = (fs: Finding[]) => fs.map((f) => `${f.rule} ${f.severity}`).sort();

  test("公务接待费 with 国内 / 外事 parts: read as its parts, nothing to report beyond the plain workbook's", () => {
    const report = importWorkbook(buildVariant(style, { receptionSplit: {} }).grids);
    const t = report.tables.find((x) => x.kind === "three_public")!;
    const keys = t.rows.map((r) => r.key);
    expect(keys).toEqual(
      expect.arrayContaining(["reception", "reception_domestic", "reception_foreign"])
    );
    const reception = t.rows.find((r) => r.key === "reception")!;
    for (const k of ["reception_domestic", "reception_foreign"])
      expect(t.rows.find((r) => r.key === k)!.level).toBe(reception.level + 1);
    const result = checkReport(report, { localize: false });
    expect(serious(result.findings)).toEqual([]);
    expect(kinds(result.findings)).toEqual(kinds(plain.findings));
    // The parts are summed: more identities than the plain workbook's.
    expect(result.identities.length).toBeGreaterThan(plain.identities.length);
  });

  test("外事接待费 off by 3: one 错误, 公务接待费 ≠ 国内 + 外事, naming the item, citing its cells", () => {
    const report = importWorkbook(buildVariant(style, { receptionSplit: { foreign: 4 } }).grids);
    const t = report.tables.find((x) => x.kind === "three_public")!;
    const cell = (k: string) => t.rows.find((r) => r.key === k)!.amounts.total.cell;
    const result = checkReport(report, { localize: false });
    const errors = serious(result.findings);
    expect(errors.map((f) => f.rule)).toEqual(["hierarchy.parent-children"]);
    expect(errors[0].message).toMatch(/「公务接待费」/);
    expect(errors[0].message).not.toMatch(/「小计」/);
    expect(errors[0].cells).toEqual(
      expect.arrayContaining([
        cell("reception"),
        cell("reception_domestic"),
        cell("reception_foreign"),
      ])
    );
  });
});
