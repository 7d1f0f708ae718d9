import { loadSample, SAMPLES } from "../helpers";
import { mutationFigures, amountCells, sampleCells } from "../../bench/localization";
import { STYLES, buildVariant } from "../fixtures/variants";
import { importWorkbook } from "../../src/core/importer/importer";
test("probe", async () => {
  for (const s of SAMPLES) {
    const { grids, report } = await loadSample(s);
    const t = Date.now();
    const f = mutationFigures(grids, sampleCells(amountCells(report), 100));
    console.log(s, Date.now() - t, "ms", JSON.stringify({ ...f, shared: f.shared.slice(0, 30) }));
  }
  for (const st of STYLES) {
    const { grids } = buildVariant(st);
    const t = Date.now();
    const f = mutationFigures(grids, amountCells(importWorkbook(grids)));
    console.log(st.name, Date.now() - t, "ms", JSON.stringify({ ...f, shared: f.shared.slice(0, 30) }));
  }
}, 600000);
