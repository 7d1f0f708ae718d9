/**
 * One rule must not flood a review: a project list of hundreds without its 绩效目标表 (58b-2k-project-rows.xlsx), a
 * column of amounts typed with 亿 — below FLOOD_LIMIT per table the findings stay one per row; above it they are one
 * finding for the table that counts them, names the first few, cites every row's cell and keeps each row's sentence
 * for that cell's note — readable in 审核结果, the terminal and the JSON. Generated over every sample's template.
 */
import path from "path";
import { SAMPLES, loadSample } from "../helpers";
import { withMoreProjects, addedProject } from "../fixtures/projects";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { buildReviewPlan } from "../../src/core/review/build";
import { FLOOD_LIMIT, EXAMPLES } from "../../src/core/rules/flood";
import { FINDING_HEADERS } from "../../src/core/review/results-sheet";
import { main } from "../../src/cli/main";
import type { Finding } from "../../src/core/rules/rule";
import { cellAreas, parseRef } from "../../src/core/grid/address";

const COVERAGE = "projects.performance-coverage";

async function reviewWith(name: (typeof SAMPLES)[number], n: number, amounts?: "text") {
  const { grids, report } = await loadSample(name);
  const v = withMoreProjects(grids, report, n, { amounts });
  const after = importWorkbook(v.grids);
  const result = checkReport(after, { localize: false });
  return { ...v, report: after, result };
}

describe.each(SAMPLES.map((s) => [s]))("%s", (name) => {
  test(`up to ${FLOOD_LIMIT} projects without a form: one finding per project, as before`, async () => {
    const { cells, result } = await reviewWith(name, 3);
    for (const [k, cell] of cells.entries()) {
      const hit = result.findings.filter((f) => f.rule === COVERAGE && f.cells.includes(cell));
      expect(hit).toHaveLength(1);
      expect(hit[0]).toMatchObject({ severity: "error", cells: [cell] });
      expect(hit[0].message).toContain(addedProject(k));
      expect(hit[0].details).toBeUndefined();
    }
  });

  test("40 more projects without a form: one finding for the table — count, first names, total, every cell", async () => {
    const { cells, result, report, grids } = await reviewWith(name, 40);
    const cov = result.findings.filter((f) => f.rule === COVERAGE && f.severity === "error");
    expect(cov).toHaveLength(1);
    const f = cov[0];
    for (const c of cells) expect(f.cells).toContain(c);
    const n = f.cells.length;
    expect(n).toBeGreaterThanOrEqual(40);
    expect(f.message).toContain(`有 ${n} 个项目`);
    // Each cell keeps its own sentence; the summary's total is theirs, in the table's unit.
    expect(f.details).toHaveLength(n);
    f.details!.forEach((d) =>
      expect(d).toMatch(/^.*中的项目“.+”（[\d,.]+(万元|元)）没有对应的绩效目标表$/)
    );
    const amounts = f.details!.map((d) => /（([\d,.]+)(万元|元)）没有/.exec(d)!);
    const total = amounts.reduce((s, m) => s + Number(m[1].replace(/,/g, "")), 0);
    expect(f.message).toContain(`合计 ${total.toFixed(2)}${amounts[0][2]}`);
    const named = [...f.message.matchAll(/“([^”]+)”/g)].map((m) => m[1]);
    expect(named).toHaveLength(EXAMPLES);
    expect(f.message).toContain(`等 ${n} 个`);

    // Every cited cell is marked strong, its note naming its own project.
    const plan = buildReviewPlan({
      report,
      result,
      grids,
      file: "x.xlsx",
      reviewedAt: "2026-11-30T04:00:00Z",
      productVersion: "9.9.9",
    });
    const index = result.findings.indexOf(f);
    for (const [k, cell] of cells.entries()) {
      const [sheet, a1] = [
        cell.slice(0, cell.lastIndexOf("!")).replace(/^'|'$/g, ""),
        cell.slice(cell.lastIndexOf("!") + 1),
      ];
      const mark = plan.marks.find((m) => m.sheet === sheet && m.cell === a1)!;
      expect(mark).toMatchObject({ severity: "error", strength: "strong" });
      expect(mark.findings).toContain(index);
      expect(mark.note).toContain(`“${addedProject(k)}”`);
      expect(mark.note).not.toContain(`有 ${n} 个项目`);
    }
    // 审核结果: one row; 单元格 links the first cell and says how many.
    const sheet = plan.sheets[0];
    const rowsWith = (text: string) =>
      sheet.cells.filter((c) => typeof c.value === "string" && c.value.includes(text));
    const msg = rowsWith(`有 ${n} 个项目`);
    expect(msg).toHaveLength(1);
    const col = FINDING_HEADERS.indexOf("单元格");
    const link = sheet.cells.find((c) => c.row === msg[0].row && c.col === col)!;
    expect(link.value).toMatch(new RegExp(`等 ${n} 处$`));
    expect(link.hyperlink).toEqual({
      sheet: f.cells[0].slice(0, f.cells[0].lastIndexOf("!")).replace(/^'|'$/g, ""),
      cell: f.cells[0].slice(f.cells[0].lastIndexOf("!") + 1),
    });
  });

  test("40 more projects whose amounts are text with 亿: one unreadable-amount finding for the table", async () => {
    const { amountCells, result } = await reviewWith(name, 40, "text");
    const bad = result.findings.filter(
      (f) => f.rule === "input.unreadable-amount" && f.cells.some((c) => amountCells.includes(c))
    );
    expect(bad).toHaveLength(1);
    expect(bad[0].severity).toBe("error");
    for (const c of amountCells) expect(bad[0].cells).toContain(c);
    expect(bad[0].message).toContain(`有 ${bad[0].cells.length} 个金额单元格`);
    expect(bad[0].details!.every((d) => /带单位的文本“[\d.]+亿”/.test(d))).toBe(true);
  });
});

async function run(args: string[]) {
  let out = "";
  const o = jest
    .spyOn(process.stdout, "write")
    .mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  const e = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
  try {
    return { code: await main(args), out };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

test("58b: 2,000 extra projects read as one finding in the terminal and the JSON", async () => {
  const file = path.join(__dirname, "..", "fixtures", "bad-inputs", "58b-2k-project-rows.xlsx");
  const text = await run(["check", file]);
  const lines = text.out
    .split("\n")
    .filter((l) => l.includes(COVERAGE) || l.includes("没有对应的绩效目标表"));
  expect(lines).toHaveLength(2);
  for (const l of lines) expect(l.length).toBeLessThan(400);
  expect(lines[0]).toMatch(
    /中有 2001 个项目（合计 [\d.]+万元）没有对应的绩效目标表：“党员干部教育培训经费”、“测试项目0”/
  );
  expect(lines[1]).toMatch(/等 2001 个单元格$/);
  const json = await run(["check", file, "--json"]);
  const doc = JSON.parse(json.out).files[0];
  const cov = doc.findings.filter((f: Finding) => f.rule === COVERAGE);
  expect(cov).toHaveLength(1);
  expect(cov[0].cells).toHaveLength(2001);
  expect(cov[0].details).toHaveLength(2001);
  expect(doc.findings.length).toBeLessThan(60);
});

test("the pane selects a grouped finding's cells as few areas: consecutive rows of a column are one", () => {
  const cells = ["A10", "A15", "A16", "A17", "B3", "A18", "A30"].map((c) => parseRef(c));
  expect(cellAreas(cells)).toEqual([
    { area: "A10", cells: 1 },
    { area: "A15:A18", cells: 4 },
    { area: "A30", cells: 1 },
    { area: "B3", cells: 1 },
  ]);
});
