import { isMarkFormula, markFormula, ReviewPlanSchema } from "../../src/core/review/plan";

describe("review plan schema", () => {
  it("recognizes its own mark formulas and nothing else", () => {
    for (const sev of ["error", "warning", "rounding", "info"] as const)
      for (const st of ["strong", "light"] as const) {
        expect(isMarkFormula(markFormula(sev, st))).toBe(true);
        expect(isMarkFormula("=" + markFormula(sev, st))).toBe(true);
      }
    expect(isMarkFormula("$C$6>100")).toBe(false);
    expect(isMarkFormula('N("other")=0')).toBe(false);
  });
  it("rejects a sheet name over Excel's 31 characters and a colour not #RRGGBB", () => {
    const base = {
      version: 1,
      product: "p",
      productVersion: "1",
      catalogVersion: "1",
      reviewedAt: "2026-11-29T00:00:00Z",
      file: "a.xlsx",
      marks: [],
      styles: {},
    };
    const sheet = {
      name: "审核结果",
      columns: [],
      cells: [],
      merges: [],
      conditionalFormats: [],
      frozen: { rows: 0, cols: 0 },
    };
    expect(ReviewPlanSchema.safeParse({ ...base, sheets: [sheet] }).success).toBe(true);
    expect(
      ReviewPlanSchema.safeParse({ ...base, sheets: [{ ...sheet, name: "x".repeat(32) }] }).success
    ).toBe(false);
    expect(
      ReviewPlanSchema.safeParse({ ...base, sheets: [{ ...sheet, tabColor: "red" }] }).success
    ).toBe(false);
  });
});
