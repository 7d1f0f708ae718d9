/** The catalog guards itself: stable, prefixed, unique ids; Chinese titles; valid severities; documented. */
import { promises as fs } from "fs";
import path from "path";
import { CATALOG } from "../../src/core/rules/catalog";
import {
  BASIS_NAMES,
  BasisSchema,
  CategorySchema,
  SeveritySchema,
} from "../../src/core/rules/rule";
import { checkReport } from "../../src/core/rules/engine";
import { loadSample } from "../helpers";

test("ids are unique, category-prefixed kebab-case", () => {
  const ids = CATALOG.map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const r of CATALOG) {
    expect(r.id).toMatch(/^[a-z]+\.[a-z0-9-]+$/);
    expect(r.id.split(".")[0]).toBe(r.category);
    expect(CategorySchema.parse(r.category)).toBe(r.category);
    expect(SeveritySchema.parse(r.severity)).toBe(r.severity);
    expect(r.title).toMatch(/[\u4e00-\u9fff]/);
    expect(r.description).toMatch(/[\u4e00-\u9fff]/);
    expect(BasisSchema.parse(r.source.basis)).toBe(r.source.basis);
    expect(r.source.ref).toMatch(/[\u4e00-\u9fff]{4}/);
  }
});

test("a rule's reference does not repeat its basis (docs and `rules` print 依据：reference)", () => {
  for (const r of CATALOG)
    expect(`${r.id} ${r.source.ref}`).not.toMatch(
      new RegExp(`^\\S+ (${Object.values(BASIS_NAMES).join("|")})[：:]`)
    );
});

test("every category of the issue is covered", () => {
  expect(new Set(CATALOG.map((r) => r.category))).toEqual(new Set(CategorySchema.options));
});

test("docs/rules.md lists every rule id", async () => {
  const doc = await fs.readFile(path.join(__dirname, "..", "..", "docs", "rules.md"), "utf8");
  for (const r of CATALOG) expect(doc).toContain(`\`${r.id}\``);
});

test("every rule either runs or says why not; findings name a rule of the catalog", async () => {
  const { report } = await loadSample("jishan-2024");
  const res = checkReport(report);
  const ids = new Set(CATALOG.map((r) => r.id));
  expect(res.perRule.map((r) => r.id)).toEqual(CATALOG.map((r) => r.id));
  for (const r of res.perRule) expect(r.checked + r.notApplicable).toBeGreaterThan(0);
  for (const r of res.perRule.filter((x) => x.notApplicable > 0))
    expect(r.reasons.length).toBeGreaterThan(0);
  for (const f of res.findings) {
    expect(ids.has(f.rule)).toBe(true);
    for (const c of f.cells) expect(c).toMatch(/^('([^']|'')+'|[^'!]+)![A-Z]+\d+$/);
  }
  expect(res.rules.checked).toBe(res.rules.passed + res.rules.failed);
});

test("an empty report: every rule is not applicable, nothing passes by default", () => {
  const res = checkReport({ tables: [], unrecognized: [], hiddenSheets: [] });
  expect(res.rules.passed).toBe(0);
  // Nothing unchecked reads as passed: the one finding says that no table was recognized.
  expect(res.findings.map((f) => [f.rule, f.severity])).toEqual([["input.no-tables", "error"]]);
  expect(res.rules.notApplicable).toBeGreaterThanOrEqual(CATALOG.length - 1);
});

import { rulesMarkdown } from "../../src/core/rules/docs";
test("docs/rules.md is the generated catalog (run npm run docs after changing a rule)", async () => {
  const doc = await fs.readFile(path.join(__dirname, "..", "..", "docs", "rules.md"), "utf8");
  expect(doc).toBe(rulesMarkdown());
});

import { STYLES, buildVariant } from "../fixtures/variants";
import { importWorkbook } from "../../src/core/importer/importer";
import { SAMPLES } from "../helpers";
test("no rule throws on the samples or the generated variants (a crash would read as 'not applicable')", async () => {
  const reports = [
    ...(await Promise.all(SAMPLES.map(async (s) => (await loadSample(s)).report))),
    ...STYLES.map((s) => importWorkbook(buildVariant(s).grids)),
  ];
  for (const r of reports) {
    const crashed = checkReport(r).perRule.filter((x) =>
      x.reasons.some((m) => m.startsWith("规则执行出错"))
    );
    expect(crashed).toEqual([]);
  }
});
