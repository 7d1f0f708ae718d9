/**
 * Mutation: change any single amount of any table of any sample and the checker reports a new finding that
 * cites that cell. Every amount of jishan and jincheng is tried; xingxian (1,300+ amounts) by a seeded sample.
 */
import { loadSample, SAMPLES, type SampleName } from "../helpers";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { mulberry32, mutate } from "../../bench/localization";
import type { Finding } from "../../src/core/rules/rule";

const key = (f: Finding) =>
  `${f.rule}|${f.cells.join(",")}|${f.actual}|${f.expected}|${f.severity}`;

const LIMIT: Record<SampleName, number> = {
  "jishan-2024": Infinity,
  "jincheng-chengqu-2025": Infinity,
  "xingxian-2023": 150,
};

test.each(SAMPLES.map((s) => [s]))(
  "%s: every mutated amount is cited by a new finding",
  async (name) => {
    const { grids, report } = await loadSample(name);
    const base = new Set(checkReport(report).findings.map(key));
    const cells = report.tables
      .flatMap((t) => t.rows.flatMap((r) => Object.values(r.amounts)))
      .filter((a) => !a.blank)
      .map((a) => a.cell);
    const rnd = mulberry32(20261121);
    const picked =
      LIMIT[name] >= cells.length ? cells : cells.filter(() => rnd() < LIMIT[name] / cells.length);
    expect(picked.length).toBeGreaterThan(Math.min(100, cells.length / 2));
    const missed: string[] = [];
    for (const cell of picked) {
      const delta = Math.round((1 + rnd() * 98) * 100) / 100 + 0.37;
      const after = checkReport(importWorkbook(mutate(grids, cell, delta))).findings;
      if (!after.some((f) => !base.has(key(f)) && f.cells.includes(cell))) missed.push(cell);
    }
    expect(missed).toEqual([]);
  }
);

import { STYLES, buildVariant, type VariantOptions } from "../fixtures/variants";

const OPTIONS: Array<[string, VariantOptions]> = [
  ["", {}],
  [" with 政府性基金 money", { govFund: { amount: 30 } }],
];
test.each(STYLES.flatMap((s) => OPTIONS.map(([what, o]) => [s.name + what, s, o] as const)))(
  "variant %s: every mutated amount is cited by a new finding",
  (_n, style, opts) => {
    const { grids } = buildVariant(style, opts);
    const report = importWorkbook(grids);
    const base = new Set(checkReport(report).findings.map(key));
    // 机关运行经费 printed only once (beside the 三公 items, no 机关运行经费表) has no second figure to disagree with.
    const single = new Set(
      report.tables
        .flatMap((t) =>
          t.rows.filter((r) => r.key === "operating_funds" && t.kind === "three_public")
        )
        .map((r) => r.amounts.total.cell)
    );
    const cells = report.tables
      .flatMap((t) => t.rows.flatMap((r) => Object.values(r.amounts)))
      .filter((a) => !a.blank && !single.has(a.cell))
      .map((a) => a.cell);
    const missed = cells.filter(
      (cell) =>
        !checkReport(importWorkbook(mutate(grids, cell, 13.37))).findings.some(
          (f) => !base.has(key(f)) && f.cells.includes(cell)
        )
    );
    expect(missed).toEqual([]);
  }
);
