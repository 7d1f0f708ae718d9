/**
 * The pane's workflow on Microsoft's runtime in Node (Excel and Office from the bench as globals): phases, the
 * reviewer's settings read with the workbook, and the Chinese messages for the cases a reviewer must be told about.
 */
import { bench, type Bench } from "../office-bench/runtime";
import { clear, review, ReviewProblem, save, type Phase } from "../../src/taskpane/workflow";
import { fixturePlan } from "../office/plan-fixture";
import { isMarkFormula } from "../../src/core/review/plan";
import { gridFromRows } from "../../src/core/grid/grid";
import { loadSample } from "../helpers";
import { decide } from "../../src/core/decisions/decisions";

function install(b: Bench) {
  Object.assign(globalThis, { Excel: b.Excel, Office: b.Office });
}
const build = ({ result }: { result: Parameters<typeof fixturePlan>[0] }) => fixturePlan(result);
const opts = { build, catalogVersion: "v1", productVersion: "test" };
const marks = (b: Bench) =>
  b.wb.sheets.flatMap((s) =>
    s.conditionalFormats.filter((c) => c.formula && isMarkFormula(c.formula))
  );

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Excel;
  delete (globalThis as Record<string, unknown>).Office;
});

test("phases in order; read 2 + mark 3 round trips; a second review reads afresh (a corrected cell is no longer reported)", async () => {
  const { grids } = await loadSample("jishan-2024");
  const b = bench(grids);
  install(b);
  const phases: Phase[] = [];
  const out = await review({ ...opts, write: "marks", onPhase: (p) => phases.push(p) });
  expect(phases).toEqual(["read", "recognise", "check", "mark"]);
  expect(b.executor.roundTrips).toBe(5);
  expect(marks(b).length).toBeGreaterThan(0);
  // The reviewer corrects the first error's figure to what it should be; the next review must not report it.
  const f = out.result.findings.find(
    (x) => x.severity === "error" && x.expected !== null && x.cells.length === 2
  )!;
  const [sheet, a1] = f.cells[0].split("!");
  const s = b.wb.sheets.find((x) => x.name === sheet.replace(/'/g, ""))!;
  const col = a1.charCodeAt(0) - 65;
  const row = Number(a1.slice(1)) - 1;
  b.wb.cellForWrite(s, row, col).value = f.expected!;
  const again = await review({ ...opts, write: "none" });
  expect(again.result.findings.some((x) => x.rule === f.rule && x.cells[0] === f.cells[0])).toBe(
    false
  );
});

test("the workbook changed while reviewing: nothing is marked, the message names the cell", async () => {
  const { grids } = await loadSample("jishan-2024");
  const b = bench(grids);
  install(b);
  const p = review({
    ...opts,
    write: "marks",
    onPhase: (ph) => {
      if (ph !== "check") return;
      const s = b.wb.sheets.find((x) => x.name === "预算公开表5")!;
      b.wb.cellForWrite(s, 5, 2).value = 999; // C6, cited by a finding
    },
  });
  await expect(p).rejects.toMatchObject({
    kind: "changed",
    message: expect.stringContaining("审核期间工作簿被修改"),
  });
  expect(marks(b)).toEqual([]);
});

test("clear Chinese messages: Excel too old, no budget table, too large", async () => {
  const { grids } = await loadSample("jishan-2024");
  install(bench(grids, { maxExcelApi: "1.8" }));
  await expect(review({ ...opts, write: "marks" })).rejects.toMatchObject({
    kind: "too-old",
    message: expect.stringContaining("ExcelApi 1.9"),
  });
  install(bench([gridFromRows("Sheet1", [["你好"]])]));
  await expect(review({ ...opts, write: "marks" })).rejects.toMatchObject({
    kind: "no-tables",
    message: expect.stringContaining("没有识别到预算表"),
  });
  install(bench(grids));
  const e = await review({ ...opts, write: "marks", maxCells: 1000 }).catch((x) => x);
  expect(e).toBeInstanceOf(ReviewProblem);
  expect(e.message).toMatch(/^工作簿过大：已使用 [\d,]+ 个单元格，超过 1,000 个的上限/);
});

test("decisions saved in the workbook are read with it: a dismissed finding is not marked; clear removes every mark", async () => {
  const { grids } = await loadSample("jishan-2024");
  const b = bench(grids);
  install(b);
  const first = await review({ ...opts, write: "marks" });
  const f = first.result.findings[0];
  await save("decisions", decide([], f, "dismissed", "口径不同", "v1", "2026-11-29T00:00:00Z"));
  const trips = b.executor.roundTrips;
  const second = await review({ ...opts, write: "all" });
  expect(b.executor.roundTrips - trips).toBe(6); // read 2 + mark 4 (ours to look at now)
  expect(second.decided[0].decision).toMatchObject({ status: "dismissed", reason: "口径不同" });
  const citedElsewhere = second.result.findings
    .filter((_, i) => i !== 0)
    .some((x) => x.cells.includes(f.cells[0]));
  const [fs, fa] = f.cells[0].replace(/'/g, "").split("!");
  const onSheet = b.wb.sheets
    .find((x) => x.name === fs)!
    .conditionalFormats.filter((c) => c.formula && isMarkFormula(c.formula));
  if (!citedElsewhere) expect(onSheet.some((c) => c.address.split(", ").includes(fa))).toBe(false);
  const res = b.wb.sheets.find((s) => s.name === "审核结果")!;
  expect([...res.cells.values()].map((c) => c.value)).toContain("口径不同");
  const cleared = await clear();
  expect(cleared.sheets.sort()).toEqual(["审核结果", "预算汇总"].sort());
  expect(marks(b)).toEqual([]);
});
