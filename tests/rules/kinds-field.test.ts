/**
 * The field workbooks of three more templates (tests/fixtures/field, with their audits' expected findings): the
 * fund-path, detail, code, name-by-year and unit rules stay quiet where the audits find nothing of their kind —
 * unit codes (117001), 款 / 项 printed by name without codes, name cells holding counts.
 */
import { promises as fs } from "fs";
import path from "path";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";

const KINDS =
  /^(cross\.(gov-fund|state-capital)|completeness\.(vehicle-split|functional-depth|economic-depth)|naming\.(code-format|unit-magnitude|functional-code))/;

test.each(["guangzhou-tongjiju-2026", "hangzhou-qixiangju-2026", "xian-shenjiju-2026"])(
  "%s: none of these rules fires",
  async (name) => {
    const dir = path.join(__dirname, "..", "fixtures", "field");
    const expected = JSON.parse(await fs.readFile(path.join(dir, `${name}.expected.json`), "utf8"));
    // The audits list no problem of these kinds (a change of the audit would have to be looked at here).
    expect(JSON.stringify(expected)).not.toMatch(/细化|项级|购置费|单位.*量级|编码.*笔误/);
    const { grids } = await readXlsxBuffer(await fs.readFile(path.join(dir, `${name}.xlsx`)));
    const res = checkReport(importWorkbook(grids));
    expect(
      res.findings.filter((f) => KINDS.test(f.rule)).map((f) => `${f.rule} ${f.cells[0]}`)
    ).toEqual([]);
  }
);
