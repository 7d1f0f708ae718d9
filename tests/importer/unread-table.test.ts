/**
 * A table whose header cannot be read (a figure pasted over a caption, the header moved away) is not "missing":
 * completeness.required-tables cites its title cell and says why it was not read, and the CLI's text report lists the
 * region as 审核结果's 未识别 section does. Every generated template with its 支出总表 header damaged; and the
 * newcomer's 北京 workbooks (x-m03: captions overwritten by numbers, x-m17: the header row moved to the bottom).
 */
import { promises as fs } from "fs";
import path from "path";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { buildReviewPlan } from "../../src/core/review/build";
import { STYLES, buildVariant } from "../fixtures/variants";
import { runMain } from "../helpers";

describe.each(STYLES.map((s) => [s.name, s] as const))(
  "variant %s, 支出总表 header damaged",
  (_n, style) => {
    const v = buildVariant(style, { damagedHeader: "expenditure_summary" });
    const report = importWorkbook(v.grids);
    const sheet = v.expected.find((e) => e.kind === "expenditure_summary")!.sheet;

    test("not read, and the finding names where it is and why — never 缺少", () => {
      expect(report.tables.some((t) => t.kind === "expenditure_summary")).toBe(false);
      const u = report.unrecognized.find((x) => x.kind === "expenditure_summary")!;
      expect(u).toMatchObject({ sheet, reason: expect.stringContaining("未找到表头行") });
      const f = checkReport(report).findings.filter(
        (x) => x.rule === "completeness.required-tables"
      );
      expect(f).toHaveLength(1);
      expect(f[0].severity).toBe("error");
      expect(f[0].cells).toEqual([u.cell]);
      expect(f[0].cells[0]).toMatch(
        new RegExp(`^'?${sheet.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}'?!A\\d+$`)
      );
      expect(f[0].message).toMatch(/^支出总表未能读取，未参与审核：.*未找到表头行/);
      expect(f[0].message).not.toContain("缺少");
    });
  }
);

const fixture = (f: string) => path.join(__dirname, "..", "fixtures", "newcomer4", f);

test.each([
  ["x-m03-header-overwritten-by-numbers.xlsx"],
  ["x-m17-header-row-moved-to-bottom.xlsx"],
])(
  "%s: check's text lists the region 审核结果 lists, and the finding cites the title",
  async (file) => {
    const { grids } = await readXlsxBuffer(await fs.readFile(fixture(file)));
    const report = importWorkbook(grids);
    const result = checkReport(report);
    const f = result.findings.filter((x) => x.rule === "completeness.required-tables");
    expect(f.map((x) => [x.severity, x.cells])).toEqual([["error", ["'3.支出总表'!A1"]]]);
    const { out } = await runMain(["check", fixture(file)]);
    expect(out).toContain("未识别的工作表或区域（未审核）1 处：");
    expect(out).toContain("[未识别] 3.支出总表!A1:");
    // 审核结果's 未识别 section: the same sheet, range and reason.
    const plan = buildReviewPlan({
      report,
      result,
      grids,
      file,
      reviewedAt: "2026-11-30T04:00:00Z",
      productVersion: "9.9.9",
    });
    const u = report.unrecognized[0];
    const texts = plan.sheets[0].cells.map((c) => c.value);
    expect(texts).toEqual(expect.arrayContaining([u.sheet, u.range, u.reason]));
    expect(out).toContain(`[未识别] ${u.sheet}!${u.range}  ${u.reason}`);
    const { out: json } = await runMain(["check", fixture(file), "--json"]);
    // …and the kind its title names (the text verdict's “另有 N 处表格未能读出” counts these).
    expect(JSON.parse(json).files[0].unrecognized).toEqual([
      { sheet: u.sheet, range: u.range, reason: u.reason, kind: "expenditure_summary" },
    ]);
  }
);
