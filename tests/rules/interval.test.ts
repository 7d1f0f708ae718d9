/** The Calculations 1.1 interval rule, as one table of cases (Arelle's test style). */
import {
  compare,
  exceeds,
  fenValue,
  roundingAllowance,
  verdictOf,
} from "../../src/core/rules/interval";
import type { Amount, Unit } from "../../src/core/model/schema";

const a = (v: number | null, decimals = 2): Amount => ({
  value: v,
  cell: "S!A1",
  text: v === null ? "" : v.toFixed(decimals),
  blank: v === null,
  decimals,
});
const t = (v: number | null, unit: Unit = "万元", decimals = 2) => ({
  amount: a(v, decimals),
  unit,
});

test.each([
  // total, parts, verdict, difference, slack
  [450.05, [388.14, 28.88, 11.75, 21.29], "rounding", -0.01, 0.025],
  [450.06, [388.14, 28.88, 11.75, 21.29], "equal", 0, 0.025],
  [450.1, [388.14, 28.88, 11.75, 21.29], "error", 0.04, 0.025],
  // 18 parts: the rounding allowance is 5σ of the sum of 19 rounding errors (0.063), not their worst case 19 × 0.005.
  [1534.75, [...Array(17).fill(85.26), 85.34], "rounding", -0.01, 0.063],
  // 79 projects under one unit (xingxian 表12, one project raised by 0.30): a 3,000 元 difference is no 尾差.
  [8709.32, [...Array(78).fill(110.25), 8709.32 - 78 * 110.25 + 0.3], "error", -0.3, 0.129],
  [8709.32, [...Array(78).fill(110.25), 8709.32 - 78 * 110.25 + 0.03], "rounding", -0.03, 0.129],
  [10, [4.99, 5], "rounding", 0.01, 0.015],
  [10, [4.98, 5], "error", 0.02, 0.015],
  [0, [0.5], "error", -0.5, 0.01],
  [null, [1.1], "blankTotal", null, null],
])("%p = Σ %p → %s", (total, parts, verdict, difference, slack) => {
  const c = compare(
    t(total as number | null),
    (parts as number[]).map((p) => t(Math.round(p * 100) / 100))
  );
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

test("a figure is its printed value: stored decimals beyond the printed ones are rounded off (tester29 T29-3)", () => {
  // 万元 stored as 元 ÷ 10000 under 0.00: 493.6547 prints 493.65; 312.465 (stored 312.46499999999997) prints 312.47.
  expect(fenValue(t(493.6547))).toBe(493650000);
  expect(fenValue(t(312.465))).toBe(312470000);
  expect(fenValue(t(-0.005))).toBe(-10000);
  expect(fenValue(t(1234.56, "元", 0))).toBe(123500);
  expect(fenValue(t(0.123456, "万元", 6))).toBe(123456);
  // Printed 493.65 against 493.64: a 尾差 (before, the stored 493.6547 made it an 错误 "差 0.01，超出 ±0.01").
  const c = compare(t(493.6547), [t(408.6498), t(85.0049)]);
  expect([c.verdict, c.actual, c.expected, c.difference]).toEqual(["equal", 493.65, 493.65, 0]);
  const x = compare(t(493.6547), [t(493.64)]);
  expect([x.verdict, x.difference]).toEqual(["rounding", 0.01]);
  // Equal printed figures are equal, whatever is stored (before: 尾差 "312.46 ≠ 312.46（差 0.00）").
  expect(compare(t(312.4649), [t(312.4551)]).verdict).toBe("equal");
});

test("a comparison's difference is shown with the decimals that tell it (never 差 0.00, never 超出 within)", () => {
  // Parts printed to 4 decimals under a total printed to 2: the difference 0.0004 is shown as such.
  const c = compare(t(10), [t(5.0002, "万元", 4), t(5.0002, "万元", 4)]);
  expect(c.verdict).toBe("rounding");
  expect(c.difference).toBeCloseTo(-0.0004, 9);
  expect(c.decimals).toBe(4);
  const e = compare(t(10), [t(4.9897, "万元", 4), t(5, "万元", 4)]);
  expect(e.verdict).toBe("error");
  expect(Math.abs(e.difference)).toBeGreaterThan(e.slack);
});

test("the rounding allowance is the worst case for up to 8 figures, 5σ beyond", () => {
  expect(roundingAllowance(8 * 50, 8 * 50 * 50)).toBe(8 * 50);
  expect(roundingAllowance(9 * 50, 9 * 50 * 50)).toBeCloseTo(5 * 50 * Math.sqrt(3), 9);
  expect(roundingAllowance(2000 * 50, 2000 * 50 * 50)).toBeCloseTo(5 * 50 * Math.sqrt(2000 / 3), 6);
  // ≤ with many parts: 60 items of 1.00 under a printed 59.80 exceed it (0.20 > 5σ ≈ 0.11), 59.95 does not.
  const items = Array.from({ length: 60 }, () => t(1));
  expect(exceeds(items, [t(59.8)]).exceeds).toBe(true);
  expect(exceeds(items, [t(59.95)]).exceeds).toBe(false);
});

test("verdictOf is compare's verdict: every case of every verdict, units, decimals and weights mixed", () => {
  // A fixed pseudo-random walk (no Math.random: the same cases every run) over totals and parts near each other.
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const units: Unit[] = ["元", "万元", "千元"];
  const seen = new Set<string>();
  for (let i = 0; i < 4000; i++) {
    const unit = units[Math.floor(next() * units.length)];
    const decimals = Math.floor(next() * 3);
    const n = 1 + Math.floor(next() * 4);
    const parts = Array.from({ length: n }, () => ({
      ...t(
        next() < 0.1 ? null : Math.round(next() * 10000) / 100,
        units[Math.floor(next() * 3)],
        decimals
      ),
      weight: next() < 0.2 ? 10000 : next() < 0.1 ? -1 : undefined,
    }));
    const sum = parts.reduce((s, p) => s + (p.amount.value ?? 0) * (p.weight ?? 1), 0);
    const drift = [0, 0.01, -0.01, 0.02, 1][Math.floor(next() * 5)];
    const total = t(next() < 0.05 ? null : Math.round((sum + drift) * 100) / 100, unit, decimals);
    const v = compare(total, parts).verdict;
    seen.add(v);
    expect(verdictOf(total, parts)).toBe(v);
  }
  expect([...seen].sort()).toEqual(["blankTotal", "equal", "error", "rounding"]);
});

test("a ≤ b only fails outside both intervals", () => {
  expect(exceeds([t(1.3)], [t(1.1)]).exceeds).toBe(true);
  expect(exceeds([t(1.11)], [t(1.1)]).exceeds).toBe(false);
  expect(exceeds([t(1), t(0.3)], [t(1.3)]).exceeds).toBe(false);
});

import { classCodeByName, functionalName } from "../../src/core/classification/functional";
test.each([
  ["一、一般公共服务支出", "201"],
  ["一般公共服务", "201"],
  ["二十、住房保障支出", "221"],
  ["十、医疗卫生与计划生育支出", "210"],
  ["二十九、债务发行费用支出", "233"],
  ["一、一般公共预算", undefined],
])("class name %s → %s", (label, code) => expect(classCodeByName(label)).toBe(code));
test.each([
  ["2013299", "其他组织事务支出"],
  ["2013699", "其他共产党事务支出"],
  ["2010601", "行政运行"],
  ["2080505", "机关事业单位基本养老保险缴费支出"],
  ["2040101", undefined],
])("code %s → %s", (code, name) => expect(functionalName(code)).toBe(name));
