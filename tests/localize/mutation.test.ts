/**
 * Localization mutation bench (thresholds; `npm run bench` prints the full figures): change one printed amount of a
 * sample or a generated province variant and the localizer must name that cell — the unique top suspect in ≥ 90 %
 * of the changes the checker sees, among the suspects in ≥ 98 %. Seeded subsets keep the suite short.
 */
import { loadSample, SAMPLES } from "../helpers";
import {
  amountCells,
  mutationFigures,
  sampleCells,
  type MutationFigures,
} from "../../bench/localization";
import { STYLES, buildVariant } from "../fixtures/variants";
import { importWorkbook } from "../../src/core/importer/importer";

function add(a: MutationFigures, b: MutationFigures): MutationFigures {
  return {
    cases: a.cases + b.cases,
    unseen: a.unseen + b.unseen,
    uniqueTop: a.uniqueTop + b.uniqueTop,
    among: a.among + b.among,
    missed: [...a.missed, ...b.missed],
    shared: [...a.shared, ...b.shared],
  };
}
const none: MutationFigures = {
  cases: 0,
  unseen: 0,
  uniqueTop: 0,
  among: 0,
  missed: [],
  shared: [],
};

function expectRates(f: MutationFigures) {
  expect(f.cases).toBeGreaterThan(100);
  expect({
    uniqueTop: f.uniqueTop / f.cases >= 0.9,
    among: f.among / f.cases >= 0.98,
    f: { ...f, shared: f.shared.length },
  }).toMatchObject({ uniqueTop: true, among: true });
}

test("samples: a changed amount is the unique top suspect (≥ 90 %) and among the suspects (≥ 98 %)", async () => {
  let total = none;
  for (const name of SAMPLES) {
    const { grids, report } = await loadSample(name);
    total = add(total, mutationFigures(grids, sampleCells(amountCells(report), 50)));
  }
  expectRates(total);
}, 300000);

test("province variants: a changed amount is the unique top suspect (≥ 90 %) and among the suspects (≥ 98 %)", () => {
  let total = none;
  for (const style of STYLES) {
    const { grids } = buildVariant(style);
    total = add(total, mutationFigures(grids, sampleCells(amountCells(importWorkbook(grids)), 40)));
  }
  expectRates(total);
}, 300000);
