/**
 * Invisible format characters pasted in with labels and amounts (newcomer10 NC10-8: text copied from web pages, PDFs
 * and other systems) — zero-width space / non-joiner, left-to-right mark, word joiner, byte-order mark, soft hyphen.
 * Before, only U+200B was dropped, and only from labels: a column of amounts carrying one read as an empty table (a
 * wrong workbook looked clean), one cell as an unreadable amount, labels lost their codes (false 错误). Every generated
 * template: each label and amount given one, the findings are the plain workbook's and a wrong figure is found.
 */
import type { SheetGrid } from "../../src/core/grid/grid";
import { importWorkbook } from "../../src/core/importer/importer";
import { checkReport } from "../../src/core/rules/engine";
import type { Finding } from "../../src/core/rules/rule";
import { mutate } from "../../bench/localization";
import { STYLES, buildVariant } from "../fixtures/variants";

const INVISIBLE = ["\u200b", "\u200c", "\u200e", "\u2060", "\ufeff", "\u00ad"];
const serious = (fs: Finding[]) =>
  fs
    .filter((f) => f.severity === "error" || f.severity === "warning")
    .map((f) => `${f.rule} ${f.cells.join(",")}`)
    .sort();

/** Every non-empty cell's text with `ch` at its start (labels) or end (figures, then as text). */
function withInvisible(grids: SheetGrid[], ch: string): SheetGrid[] {
  return grids.map((g) => {
    const values = g.values.map((row, r) =>
      row.map((v, c) =>
        v === "" || v === null ? v : typeof v === "number" ? `${g.text[r][c]}${ch}` : `${ch}${v}`
      )
    );
    return { ...g, values, text: values.map((row) => row.map((v) => String(v ?? ""))) };
  });
}

describe.each(STYLES.map((s) => [s.name, s] as const))("variant %s", (_n, style) => {
  const { grids } = buildVariant(style);
  const plain = checkReport(importWorkbook(grids), { localize: false });
  const t5 = importWorkbook(grids).tables.find((t) => t.kind === "general_budget_expenditure")!;
  const cell = t5.rows.find((r) => r.code?.length === 7 && r.amounts.total?.value)!.amounts.total!
    .cell;

  test.each(INVISIBLE.map((c) => [`U+${c.charCodeAt(0).toString(16).toUpperCase()}`, c]))(
    "%s in every label and amount: the same tables and findings; a wrong figure is found",
    (_u, ch) => {
      const odd = withInvisible(grids, ch);
      const report = importWorkbook(odd);
      expect(report.tables.map((t) => `${t.kind} ${t.rows.length}`)).toEqual(
        importWorkbook(grids).tables.map((t) => `${t.kind} ${t.rows.length}`)
      );
      expect(serious(checkReport(report, { localize: false }).findings)).toEqual(
        serious(plain.findings)
      );
      const delta = t5.unit === "元" ? 70000 : 7;
      const wrong = importWorkbook(withInvisible(mutate(grids, cell, delta), ch));
      const found = checkReport(wrong, { localize: false }).findings;
      expect(found.some((f) => f.severity === "error" && f.cells.includes(cell))).toBe(true);
      // Beside the text-amount template's own 提示 (its amounts are text with or without the character).
      expect(
        found.some((f) => f.rule.startsWith("input.") && f.rule !== "input.text-amounts")
      ).toBe(false);
    }
  );
});
