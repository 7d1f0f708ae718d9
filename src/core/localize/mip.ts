/**
 * Clusters that no one or two changed cells explain: Fellegi–Holt as a mixed-integer model, solved by HiGHS
 * (the npm package `highs`, WebAssembly; the host loads it and passes it in, so the core stays free of loaders).
 *
 *   minimise Σ wᵢ·zᵢ  subject to  every identity over the cluster's cells and their neighbours (but the violated
 *   identities of other clusters, which other causes explain),
 *   xᵢ = printedᵢ + dᵢ,  |dᵢ| ≤ halfWidthᵢ + M·zᵢ,  zᵢ ∈ {0, 1}
 *
 * Free to change: the cells of the cluster's violated identities and the cells sharing an identity with them;
 * farther cells stay inside their printed intervals. Figures are scaled to the cluster's coarsest printed step.
 * Ties: the best set is excluded by a cut (Σ_{i∈S} zᵢ ≤ |S| − 1) and the model solved again; a set of the same
 * weight is an alternative (at most 3). A cell counts as changed when its deviation leaves its interval, whatever
 * the solver's z says.
 */
import type { CheckedIdentity } from "../rules/rule";
import { EPS, grainOf, type CellIndex, type CellInfo } from "./problem";
import { MIP_MAX_NODES, MIP_MAX_VARS } from "./work";

/** The part of HiGHS's `solve` the localizer uses (CPLEX LP text in, columns out). */
export interface MipSolver {
  solve(
    lp: string,
    options?: Record<string, string | number | boolean>
  ): { Status: string; ObjectiveValue?: number; Columns: Record<string, { Primal?: number }> };
}

/** weight: the changed cells' trust weights; cost: what the model minimised (weight and BLANK_COST per blank filled). */
type Solution = { cells: string[]; values: number[]; weight: number; cost: number };

/**
 * Extra cost of putting a figure into a blank cell: of two explanations of as many cells equally trusted, the one that
 * corrects printed figures wins over one that invents amounts where the table printed none (tester31 T31-6: 0.18 万元
 * of 项目支出 put on 住房公积金). Small enough that a set of fewer cells always costs less (weights stay below 2).
 */
const BLANK_COST = 0.1;
const costOf = (c: CellInfo) => c.weight + (c.blank ? BLANK_COST : 0);

const num = (x: number) => (Math.abs(x) < 1e-12 ? "0" : String(Number(x.toPrecision(15))));

/** Cells reachable from `seed` through at most `hops` identities. */
function around(
  seed: Set<string>,
  hops: number,
  identities: ReadonlyArray<CheckedIdentity>,
  cells: CellIndex
): Set<string> {
  const out = new Set(seed);
  let edge = [...seed];
  for (let h = 0; h < hops; h++) {
    const next: string[] = [];
    for (const ref of edge)
      for (const i of cells.get(ref)!.identities)
        for (const t of identities[i].terms)
          if (!out.has(t.cell)) (out.add(t.cell), next.push(t.cell));
    edge = next;
  }
  return out;
}

interface Model {
  vars: CellInfo[];
  scale: number;
  lines: string[];
  objective: string;
  bounds: string;
  binaries: string;
}

function modelOf(
  free: Set<string>,
  identities: ReadonlyArray<CheckedIdentity>,
  cells: CellIndex,
  others: Set<number>
): Model {
  const vars = [...free].map((r) => cells.get(r)!);
  const index = new Map(vars.map((c, k) => [c.ref, k]));
  const scale = Math.max(...vars.map(grainOf));
  // Another cause's disagreements are not this model's to settle (tester31 T31-9: the “三公” 合计, explained by a
  // cause of its own, made the model change a 三公 cell beside the 基本支出 table's).
  const rows = [...new Set(vars.flatMap((c) => c.identities))]
    .filter((i) => !others.has(i))
    .sort((a, b) => a - b);
  const lines: string[] = [];
  let bigM = 0;
  rows.forEach((i, k) => {
    const id = identities[i];
    let r = 0;
    let s = id.tolerance;
    const lhs: string[] = [];
    for (const t of id.terms) {
      const j = index.get(t.cell);
      r += t.coefficient * t.value;
      if (j === undefined) s += Math.abs(t.coefficient) * t.halfWidth;
      else lhs.push(`${t.coefficient >= 0 ? "+" : "-"} ${num(Math.abs(t.coefficient))} d${j}`);
    }
    bigM = Math.max(bigM, Math.abs(r));
    // Σ c·(v + d) + fixed ∈ [−s, s]  ⇔  Σ c·d ∈ [−s − r, s − r]   (r = Σ c·v over all terms, fixed ones at their printed value)
    lines.push(` u${k}: ${lhs.join(" ")} <= ${num((s - r) / scale)}`);
    if (id.relation === "eq") lines.push(` l${k}: ${lhs.join(" ")} >= ${num((-s - r) / scale)}`);
  });
  const M = (2 * bigM + Math.max(...vars.map((c) => Math.abs(c.value)))) / scale + 10;
  // A figure that is money arranged stays ≥ 0: v + d ≥ 0.
  vars.forEach((c, j) => {
    if (c.nonNegative) lines.push(` b${j}: - 1 d${j} <= ${num(c.value / scale)}`);
  });
  vars.forEach((c, j) => {
    lines.push(` p${j}: d${j} - ${num(M)} z${j} <= ${num(c.halfWidth / scale)}`);
    lines.push(` n${j}: d${j} + ${num(M)} z${j} >= ${num(-c.halfWidth / scale)}`);
  });
  return {
    vars,
    scale,
    lines,
    objective: vars.map((c, j) => `+ ${num(costOf(c))} z${j}`).join(" "),
    bounds: vars.map((_c, j) => ` d${j} free`).join("\n"),
    binaries: vars.map((_c, j) => `z${j}`).join(" "),
  };
}

function run(
  m: Model,
  extra: string[],
  solver: MipSolver,
  seconds: number
): Solution | "infeasible" | undefined {
  const lp = `Minimize\n obj: ${m.objective}\nSubject To\n${[...m.lines, ...extra].join("\n")}\nBounds\n${m.bounds}\nBinary\n ${m.binaries}\nEnd\n`;
  let res;
  try {
    res = solver.solve(lp, {
      time_limit: seconds,
      mip_max_nodes: MIP_MAX_NODES,
      mip_feasibility_tolerance: 1e-9,
      primal_feasibility_tolerance: 1e-9,
      output_flag: false,
    });
  } catch {
    return undefined;
  }
  if (res.Status === "Infeasible") return "infeasible";
  if (res.Status !== "Optimal") return undefined;
  let cols = res.Columns;
  const changed0 = m.vars
    .map((c, j) => ({ j, d: (cols[`d${j}`]?.Primal ?? 0) * m.scale }))
    .filter((x) => Math.abs(x.d) > m.vars[x.j].halfWidth + EPS * m.scale);
  // The solver stops at a vertex (an end of some rounding interval); with every unchanged cell held at its printed
  // value the changed cells usually take the exact figures the other tables print (133,900 元, not 133,850).
  const held = m.vars
    .map((_c, j) => j)
    .filter((j) => !changed0.some((x) => x.j === j))
    .map((j) => ` h${j}: d${j} = 0`);
  try {
    const exact = solver.solve(
      `Minimize\n obj: ${m.objective}\nSubject To\n${[...m.lines, ...extra, ...held].join("\n")}\nBounds\n${m.bounds}\nBinary\n ${m.binaries}\nEnd\n`,
      { time_limit: Math.max(seconds, 0.1), mip_max_nodes: MIP_MAX_NODES, output_flag: false }
    );
    if (exact.Status === "Optimal") cols = exact.Columns;
  } catch {
    // keep the vertex
  }
  const changed = m.vars
    .map((c, j) => ({ c, d: (cols[`d${j}`]?.Primal ?? 0) * m.scale }))
    .filter((x) => Math.abs(x.d) > x.c.halfWidth + EPS * m.scale);
  return {
    cells: changed.map((x) => x.c.ref),
    values: snap(
      changed.map((x) => ({ c: x.c, v: x.c.value + x.d })),
      m
    ),
    weight: changed.reduce((s, x) => s + x.c.weight, 0),
    cost: changed.reduce((s, x) => s + costOf(x.c), 0),
  };
}

/**
 * The solver returns a vertex (an end of a rounding interval: 133,850 元 for 13.39 万元); the values said to the
 * reviewer are the printed-step values nearest to it when they still satisfy the model's rows, else the vertex.
 */
function snap(changed: Array<{ c: CellInfo; v: number }>, m: Model): number[] {
  const snapped = changed.map((x) => Math.round(x.v / grainOf(x.c)) * grainOf(x.c));
  const d = new Map(m.vars.map((c, j) => [`d${j}`, 0]));
  changed.forEach((x, k) => d.set(`d${m.vars.indexOf(x.c)}`, (snapped[k] - x.c.value) / m.scale));
  const ok = m.lines.every((line) => {
    const mm = /^ [ulb]\d+: (.*) (<=|>=) (\S+)$/.exec(line);
    if (!mm) return true;
    const lhs = [...mm[1].matchAll(/([+-]) (\S+) (d\d+)/g)].reduce(
      (s, t) => s + (t[1] === "-" ? -1 : 1) * Number(t[2]) * (d.get(t[3]) ?? 0),
      0
    );
    return mm[2] === "<=" ? lhs <= Number(mm[3]) + 1e-9 : lhs >= Number(mm[3]) - 1e-9;
  });
  return ok ? snapped : changed.map((x) => x.v);
}

/**
 * One model over all the clusters left (they may share neighbours): free cells start as the violated identities'
 * cells and their neighbours, and grow by one identity at a time (up to 4) while the model is infeasible; once it is
 * feasible, once more (when that model is not too large): a typo carried down a 类 / 款 / 项 chain in several columns
 * is only undone together with the 项 line's cells two identities away, and without them the nearest feasible set
 * changes figures that are right (tester31 T31-6: the 合计 row lowered, 项目支出 invented for the blank cells). Returns
 * the best set of changed cells and, when a second solve with that set cut off finds one of the same cost, that one
 * too (a tie).
 */
export function solveClusters(
  clusters: number[][],
  identities: ReadonlyArray<CheckedIdentity>,
  cells: CellIndex,
  solver: MipSolver,
  msLeft: number
): Solution[] {
  const start = Date.now();
  const seconds = () => (msLeft - (Date.now() - start)) / 1000;
  const core = new Set(clusters.flat().flatMap((i) => identities[i].terms.map((t) => t.cell)));
  const mine = new Set(clusters.flat());
  const others = new Set<number>();
  identities.forEach((x, i) => {
    if (x.status === "violated" && !x.soft && !mine.has(i)) others.add(i);
  });
  let found: { m: Model; best: Solution } | undefined;
  for (let hops = 1; hops <= 4 && seconds() > 0; hops++) {
    const free = around(core, hops, identities, cells);
    if (free.size > MIP_MAX_VARS) break;
    const m = modelOf(free, identities, cells, others);
    const best = run(m, [], solver, seconds());
    if (best === "infeasible") continue;
    if (!best || !best.cells.length) break;
    // The wider model relaxes the narrower one (its optimum costs no more); at equal cost it is kept, so that the
    // second solve sees the alternatives farther out too.
    const wider = found !== undefined;
    if (!found || best.cost <= found.best.cost + 1e-9) found = { m, best };
    if (wider) break;
  }
  if (!found) return [];
  const { m, best } = found;
  const index = new Map(m.vars.map((c, j) => [c.ref, j]));
  const cut = ` cut: ${best.cells.map((r) => `+ z${index.get(r)}`).join(" ")} <= ${best.cells.length - 1}`;
  const second = seconds() > 0 ? run(m, [cut], solver, seconds()) : undefined;
  return second && second !== "infeasible" && second.cost <= best.cost + 1e-9
    ? [best, second]
    : [best];
}
