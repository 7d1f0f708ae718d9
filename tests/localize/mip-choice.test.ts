/**
 * Which many-cell explanation the MIP step (HiGHS) gives (tester31 T31-6): a typo carried through a 项 line's 款 and 类
 * in every column that prints it (合计, 基本支出, 人员经费), the department's 合计 row right — the explanation is those
 * lines' cells, not one that lowers the right 合计 row and puts the difference into the blank 项目支出 cells beside
 * them (as many cells, but every figure it changes agrees with the rest of the workbook). The tester's 江苏 workbook,
 * whose 人员经费 column no other table checks (the nearest model could not reach its 项 line two identities away), and
 * generated variants of every template whose 支出总表 prints 基本支出 per line (a regression guard: those columns are
 * checked elsewhere, so the nearest model already reached them).
 */
import { promises as fs } from "fs";
import path from "path";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import { loadSolver } from "../../src/cli/solver";
import type { Row } from "../../src/core/model/schema";
import { mutate } from "../../bench/localization";
import { STYLES, buildVariant } from "../fixtures/variants";

/** The 支出总表's 住房公积金 chain (项, 款, 类 lines; the 合计 row left out) and its amount cells in the 基本支出 columns. */
function chain(rows: Row[]) {
  const k = rows.findIndex((r) => r.code === "2210201");
  if (k < 0) return undefined;
  const kuan = rows
    .slice(0, k)
    .reverse()
    .find((r) => r.level === 2);
  const lei = rows
    .slice(0, k)
    .reverse()
    .find((r) => r.level === 1);
  return kuan && lei ? [rows[k], kuan, lei] : undefined;
}

const styles = STYLES.filter((s) => {
  const t = importWorkbook(buildVariant(s).grids).tables.find(
    (x) => x.kind === "expenditure_summary"
  );
  const c = t && chain(t.rows);
  return c && c.every((r) => r.amounts.basic?.value && r.amounts.total?.value);
});

test("templates with a 支出总表 that prints 基本支出 per line", () => {
  expect(styles.length).toBeGreaterThan(3);
});

describe.each(styles.map((s) => [s.name, s] as const))("%s", (_n, style) => {
  test("T31-6: a typo carried through 项 / 款 / 类 in each column: those cells corrected, the 合计 row and the blank 项目支出 cells left", async () => {
    const { grids } = buildVariant(style);
    const t = importWorkbook(grids).tables.find((x) => x.kind === "expenditure_summary")!;
    const lines = chain(t.rows)!;
    const keys = ["total", "basic", "personnel"].filter((k) =>
      lines.every((r) => r.amounts[k]?.value)
    );
    const changed = lines.flatMap((r) => keys.map((k) => r.amounts[k].cell));
    const d = -0.18 * (style.unit === "元" ? 10000 : 1);
    const g = changed.reduce((x, c) => mutate(x, c, d), grids);
    const res = checkReport(importWorkbook(g), {
      localize: { solver: await loadSolver(), budgetMs: 60000 },
    });
    const named = res.causes.flatMap((c) => c.suspects.map((s) => s.cell));
    for (const c of changed) expect(named).toContain(c);
    const cause = res.causes.find((c) => c.suspects.some((s) => s.cell === changed[0]))!;
    // Nothing else on the 支出总表: not its 合计 row, not a 项目支出 cell put in.
    const sheet = changed[0].slice(0, changed[0].lastIndexOf("!"));
    expect(
      cause.suspects.map((s) => s.cell).filter((c) => c.startsWith(sheet) && !changed.includes(c))
    ).toEqual([]);
    for (const s of cause.suspects)
      if (changed.includes(s.cell)) expect(s.value).toBeCloseTo((s.printed ?? 0) - d, 6);
  });
});

test("T31-6 jiangsu-province: 2210201 / 22102 / 221 typed 34.02 in 合计, 基本支出, 人员经费: those 9 cells → 34.20, nothing else", async () => {
  const { grids } = await readXlsxBuffer(
    await fs.readFile(path.join(__dirname, "..", "fixtures", "tester31", "jiangsu-province.xlsx"))
  );
  const res = checkReport(importWorkbook(grids), {
    localize: { solver: await loadSolver(), budgetMs: 60000 },
  });
  const c = res.causes.find((x) => x.suspects.some((s) => s.cell === "'3 支出总表'!C22"))!;
  expect(c.suspects.map((s) => `${s.cell.replace(/.*!/, "")}=${s.value}`).sort()).toEqual(
    ["C22", "C23", "C24", "E22", "E23", "E24", "F22", "F23", "F24"].map((x) => `${x}=34.2`)
  );
  expect(c.alternatives).toEqual([]);
});
