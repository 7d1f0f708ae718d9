/**
 * Identities as data: every comparison of figures yields its linear relation, passing or failing, and the
 * relation read on its own (Σ coefficient·value against the rounding intervals) agrees with the rule's verdict.
 */
import { loadSample, SAMPLES } from "../helpers";
import { checkReport } from "../../src/core/rules/engine";
import {
  exactlyBalanced,
  holdsWithinIntervals,
  identityOf,
  IdentitySchema,
  plainIdentity,
} from "../../src/core/rules/identity";
import type { Term } from "../../src/core/rules/interval";
import type { Amount } from "../../src/core/model/schema";
import { cellsOf } from "../../src/core/localize/problem";
import { STYLES, buildVariant } from "../fixtures/variants";
import { importWorkbook } from "../../src/core/importer/importer";
import type { CheckResult } from "../../src/core/rules/rule";

/** Rules that compare figures; each of their findings must come with an identity. */
const COMPARING =
  /^(within\.|hierarchy\.|cross\.(?!code-sets)|projects\.(annual-amount|form-sources))/;

function expectConsistent(result: CheckResult) {
  expect(result.identities.length).toBeGreaterThan(50);
  for (const id of result.identities) {
    IdentitySchema.parse(id);
    expect({ rule: id.rule, status: id.status, reads: holdsWithinIntervals(id) }).toEqual({
      rule: id.rule,
      status: id.status,
      reads: id.status !== "violated",
    });
    for (const i of id.findings) {
      const f = result.findings[i];
      expect(f).toBeDefined();
      expect(f.severity === "rounding").toBe(id.status === "rounding");
      // The finding's first cell (the checked figure) is a term of the identity, unless the rule merged a second comparison into it.
      if (id.rule === f.rule) expect(id.terms.map((t) => t.cell)).toContain(f.cells[0]);
    }
  }
  const explained = new Set(result.identities.flatMap((x) => x.findings));
  const unexplained = result.findings.filter((f, i) => COMPARING.test(f.rule) && !explained.has(i));
  expect(unexplained).toEqual([]);
  // Passing identities are kept too: a correction must not break them.
  expect(result.identities.filter((x) => x.status === "holds").length).toBeGreaterThan(
    result.identities.filter((x) => x.status === "violated").length
  );
}

test.each(SAMPLES.map((s) => [s]))(
  "%s: every comparison yields an identity that agrees with its verdict",
  async (name) => {
    const { report } = await loadSample(name);
    expectConsistent(checkReport(report));
  }
);

test.each(STYLES.map((s) => [s.name, s] as const))(
  "variant %s: identities agree with the verdicts",
  (_n, style) => {
    expectConsistent(checkReport(importWorkbook(buildVariant(style).grids)));
  }
);

test("jishan: 表5 合计 vs 表2 一般公共预算 is the relation C6 − D6 = 0 in 分, violated", async () => {
  const { report } = await loadSample("jishan-2024");
  const r = checkReport(report);
  const id = r.identities.find(
    (x) => x.rule === "cross.general-budget" && x.terms[0]?.cell === "预算公开表5!C6"
  )!;
  expect(id).toMatchObject({ relation: "eq", status: "violated" });
  expect(id.terms.map((t) => [t.cell, t.coefficient, t.value, t.halfWidth])).toEqual([
    ["预算公开表5!C6", 1, 234120000, 5000],
    ["预算公开表2!D6", -1, 450050000, 5000],
  ]);
});

describe("identityOf's identities are data wherever they go (their terms are made on first read)", () => {
  const amount = (cell: string, value: number) =>
    ({ cell, value, blank: false, text: String(value), decimals: 2 }) as unknown as Amount;
  const t = (cell: string, value: number, weight?: number): Term => ({
    amount: amount(cell, value),
    unit: "万元",
    weight,
  });

  test("JSON and copies carry the terms and the tolerance", () => {
    const id = identityOf(
      "within.row-sources",
      "eq",
      [t("S!C5", 10)],
      [t("S!D5", 4), t("S!E5", 6)],
      "holds"
    );
    const json = JSON.parse(JSON.stringify(id));
    expect(json).toEqual({
      rule: "within.row-sources",
      relation: "eq",
      status: "holds",
      tolerance: 0,
      terms: id.terms.map((x) => ({ ...x })),
    });
    expect(
      json.terms.map((x: { cell: string; coefficient: number }) => [x.cell, x.coefficient])
    ).toEqual([
      ["S!C5", 1],
      ["S!D5", -1],
      ["S!E5", -1],
    ]);
    expect(plainIdentity(id)).toEqual(json);
    IdentitySchema.parse(plainIdentity(id));
  });

  test("a cell listed on both sides with cancelling weights is no term, and the localizer's index leaves it out", () => {
    const id = identityOf(
      "hierarchy.total",
      "eq",
      [t("S!C5", 10), t("S!C6", 3)],
      [t("S!C6", 3), t("S!C7", 10)],
      "holds"
    );
    expect(id.terms.map((x) => x.cell)).toEqual(["S!C5", "S!C7"]);
    const cells = cellsOf([{ ...plainIdentity(id), findings: [] }]);
    const lazy = cellsOf([Object.assign(id, { findings: [] })]);
    for (const index of [cells, lazy]) {
      expect(index.get("S!C6")).toBeUndefined();
      expect(index.get("S!C5")?.identities).toEqual([0]);
    }
  });

  test("the exact-balance shortcut agrees with the terms: a repeated cell or a weight 0 is not taken for balanced", () => {
    expect(
      exactlyBalanced(identityOf("r", "eq", [t("S!C5", 10)], [t("S!D5", 4), t("S!E5", 6)], "holds"))
    ).toBe(true);
    expect(
      exactlyBalanced(identityOf("r", "eq", [t("S!C5", 10)], [t("S!D5", 4), t("S!E5", 5)], "holds"))
    ).toBe(false);
    expect(
      exactlyBalanced(identityOf("r", "eq", [t("S!C5", 10)], [t("S!D5", 5), t("S!D5", 5)], "holds"))
    ).toBe(false);
    expect(
      exactlyBalanced(
        identityOf("r", "eq", [t("S!C5", 10)], [t("S!D5", 10), t("S!E5", 7, 0)], "holds")
      )
    ).toBe(false);
  });
});
