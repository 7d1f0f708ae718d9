/** The Calculations 1.1 interval rule, as one table of cases (Arelle's test style). */
import { compare, exceeds } from "../../src/core/rules/interval";
import type { Amount, Unit } from "../../src/core/model/schema";

const a = (v: number | null, decimals = 2): Amount => ({ value: v, cell: "S!A1", text: v === null ? "" : v.toFixed(decimals), blank: v === null, decimals });
const t = (v: number | null, unit: Unit = "万元", decimals = 2) => ({ amount: a(v, decimals), unit });

test.each([
  // total, parts, verdict, difference, slack
  [450.05, [388.14, 28.88, 11.75, 21.29], "rounding", -0.01, 0.025],
  [450.06, [388.14, 28.88, 11.75, 21.29], "equal", 0, 0.025],
  [450.1, [388.14, 28.88, 11.75, 21.29], "error", 0.04, 0.025],
  [1534.75, [...Array(17).fill(85.26), 85.34], "rounding", -0.01, 0.095],
  [10, [4.99, 5], "rounding", 0.01, 0.015],
  [10, [4.98, 5], "error", 0.02, 0.015],
  [0, [0.5], "error", -0.5, 0.01],
  [null, [1.1], "blankTotal", null, null],
])("%p = Σ %p → %s", (total, parts, verdict, difference, slack) => {
  const c = compare(t(total as number | null), (parts as number[]).map((p) => t(Math.round(p * 100) / 100)));
  expect(c.verdict).toBe(verdict);
  if (difference !== null) expect(c.difference).toBeCloseTo(difference as number, 6);
  if (slack !== null) expect(c.slack).toBeCloseTo(slack as number, 6);
});

test("元 and 万元 are compared at the coarser table's precision", () => {
  expect(compare(t(603840, "元", 0), [t(60.38)]).verdict).toBe("equal");
  expect(compare(t(603850, "元", 0), [t(60.38)]).verdict).toBe("rounding");
  expect(compare(t(603870, "元", 0), [t(60.38)]).verdict).toBe("error");
  expect(compare(t(613840, "元", 0), [t(60.38)]).verdict).toBe("error");
  expect(compare(t(1.1), [t(11000, "元", 0)]).verdict).toBe("equal");
});

test("a ≤ b only fails outside both intervals", () => {
  expect(exceeds([t(1.3)], [t(1.1)]).exceeds).toBe(true);
  expect(exceeds([t(1.11)], [t(1.1)]).exceeds).toBe(false);
  expect(exceeds([t(1), t(0.3)], [t(1.3)]).exceeds).toBe(false);
});
