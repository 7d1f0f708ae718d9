/**
 * The text report's verdict over a workbook whose findings are none but one titled table went unread (tester33
 * T33-17: a 机关运行经费表 — not a required table, so no completeness finding speaks for it): never a bare 未发现问题,
 * but what 审核结果 says (noFindingsVerdict) — the tables read hold no problem, one table was not read. The JSON's
 * `unrecognized` entries carry the kind the unread table's title names, so the text report (built from the JSON) knows.
 * Every generated style whose clean workbook has no finding at all (the verdict line is printed only then), with its
 * 机关运行经费表's header damaged (a figure pasted over its last caption).
 */
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { STYLES, buildVariant } from "../fixtures/variants";
import { toXlsx } from "../fixtures/formulas";
import { runMain } from "../helpers";

let dir = "";
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "unread-verdict-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const QUIET = STYLES.filter(
  (s) =>
    !s.threePublicAcross &&
    checkReport(importWorkbook(buildVariant(s).grids), { localize: false }).findings.length === 0
);

test("some styles print nothing to find", () => {
  expect(QUIET.length).toBeGreaterThan(1);
});

describe.each(QUIET.map((s, i) => [s.name, i, s] as const))(
  "variant %s, 机关运行经费表 header damaged",
  (_n, i, style) => {
    test("text and JSON say one table was not read, not 未发现问题", async () => {
      const { grids } = buildVariant(style, { damagedHeader: "operating_funds" });
      const report = importWorkbook(grids);
      expect(report.unrecognized.filter((u) => u.kind === "operating_funds")).toHaveLength(1);
      const file = path.join(dir, `v${i}.xlsx`);
      await fs.writeFile(file, await toXlsx(grids, new Map()));
      const text = await runMain(["check", file]);
      expect(text.out).toContain(
        "已读出的表未发现问题；另有 1 处表格未能读出、未审核（见“未识别”），不能视为整本通过。"
      );
      expect(text.out).not.toContain("未发现问题。\n");
      const json = JSON.parse((await runMain(["check", file, "--json"])).out);
      expect(
        json.files[0].unrecognized.filter((u: { kind?: string }) => u.kind === "operating_funds")
      ).toHaveLength(1);
    });
  }
);
