/**
 * `check --out --jobs N` starts its worker threads before this thread loads the engine (issue 10, two jobs against
 * one): the modules the command loads up to the pool — main, options, check-out, batch — reach neither zod nor the
 * rule catalog (each worker loads its own, at the same time). Before jobs30 main loaded the catalog for --skip and
 * options / check-out / batch loaded zod, ~140 modules of 190, all before the first worker started.
 */
const LATE = ["zod", "../../src/core/rules/catalog", "../../src/core/rules/rule"];

test("the command's own modules, up to the worker pool, load without zod or the rule engine", async () => {
  const loaded: string[] = [];
  await jest.isolateModulesAsync(async () => {
    for (const m of LATE)
      jest.doMock(m, () => {
        loaded.push(m);
        return jest.requireActual(m);
      });
    await import("../../src/cli/main");
    await import("../../src/cli/check-out");
    await import("../../src/cli/batch");
  });
  expect(loaded).toEqual([]);
});

test("--skip still checks its ids against the rule catalog (loaded only then)", async () => {
  const { main } = await import("../../src/cli/main");
  const err = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
  try {
    expect(await main(["check", "x.xlsx", "--skip", "no-such-rule"])).toBe(2);
    expect(err.mock.calls.map((c) => String(c[0])).join("")).toContain(
      "--skip 中的“no-such-rule”不是规则编号或类别编号"
    );
  } finally {
    err.mockRestore();
  }
});
