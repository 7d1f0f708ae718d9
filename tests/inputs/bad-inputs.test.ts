/**
 * Every kind of bad or unusual input (tests/fixtures/bad-inputs, copied from the field reports; README there) gives
 * what a careful user expects — plus generated variants of each kind over all three samples, since more files of
 * the same kinds are kept back.
 */
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { CheckJsonSchema, type CheckFileJson } from "../../src/core/findings/json";
import { SAMPLES, samplePath, runMain } from "../helpers";
import { mutateXlsx } from "../fixtures/mutate";

const bad = (f: string) => path.join(__dirname, "..", "fixtures", "bad-inputs", f);
const fieldCase = (f: string) => path.join(__dirname, "..", "fixtures", "field-cases", f);

const run = runMain;

async function checkJson(file: string, extra: string[] = []) {
  const r = await run(["check", file, "--json", ...extra]);
  return { ...r, doc: CheckJsonSchema.parse(JSON.parse(r.out)).files[0] };
}
function reviewed(f: unknown): CheckFileJson {
  if (f && typeof f === "object" && "error" in f) throw new Error(JSON.stringify(f));
  return f as CheckFileJson;
}
/** What a review says about the budget itself: the findings of every rule outside the input category. */
const budgetFindings = (d: CheckFileJson) =>
  d.findings
    .filter((f) => !f.rule.startsWith("input."))
    .map((f) => `${f.severity} ${f.rule} ${f.cells.join(",")}`)
    .sort();

/** No English internal text: only the product's own words may be Latin (file names and part paths aside). */
function chineseOnly(line: string, file: string) {
  const rest = line
    .replace(file, "")
    .replace(/[\w./-]*\.(xml|rels|xlsx|xls|ods)\b/g, "")
    .replace(
      /\b(Excel|WPS|LibreOffice|XML|OpenDocument|Word|PowerPoint|Office|inspect|budget-review|help|debug)\b/g,
      ""
    );
  expect(rest).not.toMatch(/[A-Za-z]{3,}/);
  expect(rest).toMatch(/[\u4e00-\u9fff]/);
}

let sample: CheckFileJson;
let dir: string;
beforeAll(async () => {
  sample = reviewed((await checkJson(samplePath("jishan-2024"))).doc);
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "bad-inputs-"));
});

describe("files that are not usable: one Chinese sentence naming the cause, exit 2, listed in --json", () => {
  test.each([
    ["09-not-ooxml.xlsx", "not_xlsx", /不是 Excel 工作簿/],
    ["10-trunc-1000.xlsx", "truncated", /文件不完整/],
    [
      "13-invalid-xml-sheet.xlsx",
      "xml_broken",
      /工作表“预算公开表2”的数据（xl\/worksheets\/sheet2\.xml）不是有效的 XML/,
    ],
    [
      "14b-missing-sheet-part.xlsx",
      "sheet_missing",
      /工作表“预算公开表5”的数据部件.*缺失，文件已损坏/,
    ],
  ])("%s", async (name, code, msg) => {
    const file = bad(name);
    const r = await run(["check", file]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toMatch(msg);
    chineseOnly(r.err, file);
    const j = await checkJson(file);
    expect(j.code).toBe(2);
    expect(j.doc).toEqual({ file, error: { code, message: expect.stringMatching(msg) } });
    // --debug adds the internal detail, and only then.
    expect((await run(["check", file, "--debug"])).err.split("\n").length).toBeGreaterThanOrEqual(
      r.err.trim().split("\n").length
    );
  });
});

// 06 is the sample saved as OpenDocument: read (SheetJS, src/hosts/sheetjs) rather than refused.
describe("the sample with something Excel opens: the sample's result", () => {
  test.each([
    "06-sample.ods",
    "14f-general-number-format.xlsx",
    "17c-sample-plus-chartsheet.xlsx",
    "29-dates-in-amounts.xlsx",
    "48-prefixed-namespace.xlsx",
    "66-utf16-sheet.xlsx",
  ])("%s", async (name) => {
    const { code, doc } = await checkJson(bad(name));
    expect(code).toBe(0);
    const d = reviewed(doc);
    expect(d.tables).toEqual(sample.tables);
    expect(budgetFindings(d)).toEqual(budgetFindings(sample));
  });
});

test("70: a workbook with no budget table is not a pass — a finding, exit 2 even without --fail-on", async () => {
  const r = await run(["check", bad("70-not-a-budget.xlsx")]);
  expect(r.code).toBe(2);
  expect(r.out).not.toContain("未发现问题");
  expect(r.out).toContain("没有识别到任何预算表");
  expect((await run(["check", bad("70-not-a-budget.xlsx"), "--fail-on", "error"])).code).not.toBe(
    0
  );
  const d = reviewed((await checkJson(bad("70-not-a-budget.xlsx"))).doc);
  expect(d.findings.map((f) => [f.rule, f.severity])).toEqual([["input.no-tables", "error"]]);
});

test("25b and field case 08: formulas without a stored result are evaluated — no 为空 / 0.00 finding, one note", async () => {
  for (const [file, clean] of [
    [bad("25b-openpyxl-sum-formulas.xlsx"), samplePath("jishan-2024")],
    [
      fieldCase("08-formulas-without-cached-values.xlsx"),
      fieldCase("08-formulas-without-cached-values.clean.xlsx"),
    ],
  ]) {
    const d = reviewed((await checkJson(file)).doc);
    const c = reviewed((await checkJson(clean)).doc);
    expect(d.findings.filter((f) => /为空|0\.00（/.test(f.message))).toEqual([]);
    expect(d.findings.filter((f) => f.rule === "input.read-notes").map((f) => f.message)).toEqual([
      expect.stringMatching(/^\d+ 个公式单元格在文件中没有保存计算结果/),
    ]);
    // The same arithmetic as the file Excel saved (25b's totals are the exact sums, a cent off the sample's printed ones).
    expect(
      d.findings.filter((f) => f.severity === "error" && !f.rule.startsWith("input.")).length
    ).toBe(c.findings.filter((f) => f.severity === "error").length);
  }
  const clean08 = reviewed(
    (await checkJson(fieldCase("08-formulas-without-cached-values.clean.xlsx"))).doc
  );
  const bad08 = reviewed(
    (await checkJson(fieldCase("08-formulas-without-cached-values.xlsx"))).doc
  );
  expect(budgetFindings(bad08)).toEqual(budgetFindings(clean08));
  // The clean twin's formulas carry their results (zeros included: <v>0</v>), so it gets nothing at all.
  expect(clean08.findings).toEqual([]);
});

test("28: one finding per error value naming it, never 为空 or 0.00 for those cells", async () => {
  const d = reviewed((await checkJson(bad("28-error-values.xlsx"))).doc);
  const named = d.findings.filter((f) => f.rule === "input.unreadable-amount");
  expect(named.map((f) => /错误值 (#\S+?)，/.exec(f.message)?.[1]).sort()).toEqual(
    expect.arrayContaining(["#DIV/0!", "#N/A", "#REF!"])
  );
  const cells = new Set(named.flatMap((f) => f.cells));
  for (const f of d.findings.filter((x) => !x.rule.startsWith("input.")))
    expect(f.cells.some((c) => cells.has(c))).toBe(false);
  expect(
    d.findings.filter((f) => /为空/.test(f.message) && f.cells.some((c) => cells.has(c)))
  ).toEqual([]);
});

test("52: non-finite numbers are named; no Infinity / NaN anywhere in the text", async () => {
  const r = await run(["check", bad("52-infinity-nan.xlsx")]);
  expect(r.out).not.toMatch(/Infinity|NaN/);
  expect(r.out).toContain("无法表示的数值");
  // C7 is a number cell holding "abc": text, said as such (not a non-finite number); C6's 1E+309 overflows.
  expect(r.out).toContain("「201 一般公共服务支出」「合计」的金额单元格内容是文本“abc”，不是金额");
  // Row 6: C6 (1E+309) and D6 (NaN) name their columns, so the two lines of one row are told apart.
  expect(r.out).toContain("「合计」「合计」的金额单元格内容是超出可表示范围的数值");
  expect(r.out).toContain("「合计」「一般公共预算」的金额单元格内容是无法表示的数值");
});

test("28: error values name row and column: two cells of one row give two different lines", async () => {
  const d = reviewed((await checkJson(bad("28-error-values.xlsx"))).doc);
  const lines = d.findings
    .filter((f) => f.rule === "input.unreadable-amount")
    .map((f) => f.message);
  expect(lines).toEqual(
    expect.arrayContaining([
      expect.stringContaining("「20132 组织事务」「合计」的金额单元格内容是错误值 #N/A"),
      expect.stringContaining("「20132 组织事务」「一般公共预算」的金额单元格内容是错误值 #VALUE!"),
    ])
  );
  expect(new Set(lines.map((m) => m.replace(/内容是.*/, ""))).size).toBe(lines.length);
});

test("54: (388.14) is negative, ¥12.3, full-width digits and 388.14万 (the table's unit) are read, none silently blank", async () => {
  const r = await run(["inspect", bad("54-text-amounts-variants.xlsx"), "--json"]);
  const t = JSON.parse(r.out).model.tables.find(
    (x: { kind: string }) => x.kind === "income_summary"
  );
  const cell = (ref: string) =>
    t.rows
      .flatMap((row: { amounts: Record<string, { cell: string }> }) => Object.values(row.amounts))
      .find((a: { cell: string }) => a.cell === `预算公开表2!${ref}`);
  expect(cell("D7")).toMatchObject({ value: -388.14, blank: false });
  expect(cell("D10")).toMatchObject({ value: 12.3, blank: false });
  expect(cell("D9")).toMatchObject({ value: null, blank: true });
  expect(cell("C8")).toMatchObject({ value: 388.14, blank: false, suffix: "万元" });
  // Read in the table's own unit (万元): no unit finding, and the figure takes part in the checks (20132 ≠ Σ 项 here).
  // Being text, it is listed (with the table's other text amounts) in the one 提示 input.text-amounts.
  const d = reviewed((await checkJson(bad("54-text-amounts-variants.xlsx"))).doc);
  expect(
    d.findings.filter(
      (f) =>
        f.rule.startsWith("input.") &&
        f.rule !== "input.text-amounts" &&
        f.message.includes("388.14万")
    )
  ).toEqual([]);
  const typed = d.findings.filter((f) => f.rule === "input.text-amounts");
  expect(typed.map((f) => f.severity)).toEqual(["info"]);
  expect(typed[0].cells).toEqual(expect.arrayContaining(["预算公开表2!C7", "预算公开表2!C8"]));
  expect(
    d.findings.some(
      (f) => f.rule === "hierarchy.parent-children" && f.cells[0] === "预算公开表2!C8"
    )
  ).toBe(true);
});

test("51: duplicate sheet names are reviewed, the repair is named", async () => {
  const { code, doc } = await checkJson(bad("51-duplicate-sheet-names.xlsx"));
  expect(code).toBe(0);
  const d = reviewed(doc);
  expect(d.findings.find((f) => f.rule === "input.read-notes")?.message).toMatch(
    /两张名为“预算公开表2”的工作表/
  );
});

test("19b: a hidden sheet is reviewed and mentioned", async () => {
  const d = reviewed((await checkJson(bad("19b-one-hidden.xlsx"))).doc);
  expect(d.tables).toEqual(sample.tables);
  expect(d.findings.filter((f) => f.rule === "input.hidden-sheets").map((f) => f.message)).toEqual([
    expect.stringMatching(/工作表“预算公开表2”被隐藏（其中的收入总表已照常审核）/),
  ]);
});

test("32c: terminal escape codes in a label are printed harmlessly, the JSON keeps them escaped", async () => {
  const r = await run(["check", bad("32c-ansi-escape-in-label.xlsx")]);
  // eslint-disable-next-line no-control-regex
  expect(r.out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  expect(r.out).toContain("␛[2J");
  const j = await run(["check", bad("32c-ansi-escape-in-label.xlsx"), "--json"]);
  expect(j.out).not.toContain("\u001b");
  expect(JSON.stringify(JSON.parse(j.out))).toContain("\\u001b[2J");
});

// Generated variants of each kind, over every sample.
describe.each(SAMPLES.map((s) => [s]))("variants of %s", (name) => {
  let base: CheckFileJson;
  beforeAll(async () => {
    base = reviewed((await checkJson(samplePath(name))).doc);
  });
  const write = async (tag: string, bytes: Uint8Array) => {
    const file = path.join(dir, `${name}-${tag}.xlsx`);
    await fs.writeFile(file, bytes);
    return file;
  };
  const same = async (tag: string, mut: Parameters<typeof mutateXlsx>[1]) => {
    const file = await write(tag, await mutateXlsx(samplePath(name), mut));
    const d = reviewed((await checkJson(file)).doc);
    expect(d.tables).toEqual(base.tables);
    expect(budgetFindings(d)).toEqual(budgetFindings(base));
  };
  test("every part prefixed (ns0:, as some SDKs write)", () => same("prefixed", { prefix: "ns0" }));
  test("every sheet part in UTF-16 big-endian", () => same("utf16be", { utf16: "be" }));
  test("a chart sheet and absolute targets", () => same("chartsheet", { chartSheet: true }));
  test("General everywhere", () => same("general", { general: true }));

  test("truncated at several lengths: truncated or damaged, one sentence", async () => {
    const bytes = await fs.readFile(samplePath(name));
    for (const n of [100, Math.floor(bytes.length / 2), bytes.length - 10]) {
      const file = await write(`trunc-${n}`, bytes.subarray(0, n));
      const r = await run(["check", file]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/文件不完整|已损坏/);
      chineseOnly(r.err, file);
    }
  });
  test("the last sheet's XML broken, the third sheet's part missing: named", async () => {
    const broken = await write("xml", await mutateXlsx(samplePath(name), { breakXml: -1 }));
    expect((await run(["check", broken])).err).toMatch(
      /工作表“[^”]+”的数据（xl\/worksheets\/[^）]+）不是有效的 XML/
    );
    const missing = await write(
      "missing",
      await mutateXlsx(samplePath(name), { dropSheetPart: 2 })
    );
    expect((await run(["check", missing])).err).toMatch(/数据部件.*缺失，文件已损坏/);
  });
  test("duplicate names and a hidden sheet: reviewed, both mentioned", async () => {
    const file = await write(
      "dup",
      await mutateXlsx(samplePath(name), { duplicateName: 1, hide: 2 })
    );
    const d = reviewed((await checkJson(file)).doc);
    expect(d.tables.length).toBe(base.tables.length);
    expect(
      d.findings.some((f) => f.rule === "input.read-notes" && /两张名为/.test(f.message))
    ).toBe(true);
    expect(d.findings.some((f) => f.rule === "input.hidden-sheets")).toBe(true);
  });
});

test("a damaged .xls, an encrypted workbook and a Word file are told apart", async () => {
  const CFB = await import("cfb");
  const make = (streams: string[]) => {
    const c = CFB.utils.cfb_new();
    for (const s of streams) CFB.utils.cfb_add(c, `/${s}`, Buffer.from("x".repeat(4096)));
    return CFB.write(c, { type: "buffer" }) as Buffer;
  };
  for (const [streams, msg] of [
    // A Workbook stream is read as .xls (src/hosts/read-any.ts); this one holds no BIFF records.
    [["Workbook"], /\.xls（Excel 97-2003）格式的工作簿，但其中没有工作表/],
    [["EncryptionInfo", "EncryptedPackage"], /设置了打开密码/],
    [["WordDocument"], /Word 文档/],
  ] as const) {
    const file = path.join(dir, `${streams[0]}.xlsx`);
    await fs.writeFile(file, make([...streams]));
    const r = await run(["check", file]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(msg);
  }
});

import { loadSample } from "../helpers";
import { importWorkbook } from "../../src/core/importer/importer";
test("58b: 2,000 unindented project rows are projects, not 2,000 totals", async () => {
  const r = await run(["inspect", bad("58b-2k-project-rows.xlsx"), "--json"]);
  const t = JSON.parse(r.out).model.tables.find(
    (x: { kind: string }) => x.kind === "project_expenditure"
  );
  const rows = t.rows as Array<{ label: string; level: number; key?: string }>;
  expect(rows.length).toBeGreaterThan(2000);
  expect(rows.filter((x) => x.key === "total")).toHaveLength(1);
  expect(
    rows
      .filter((x) => x.label.startsWith("测试项目"))
      .every((x) => x.level === Math.max(...rows.map((y) => y.level)))
  ).toBe(true);
});

test.each(SAMPLES.map((s) => [s]))(
  "%s with 300 unindented project rows appended: every one a project row",
  async (name) => {
    const { grids, report } = await loadSample(name);
    const sheets = new Set(
      report.tables.filter((t) => t.kind === "project_expenditure").map((t) => t.sheet)
    );
    const more = grids.map((g) => {
      if (!sheets.has(g.sheet)) return g;
      const width = g.values[0].length;
      const extra = Array.from({ length: 300 }, (_, i) =>
        Array.from({ length: width }, (_, c) => (c === 0 ? `追加项目${i}` : ""))
      );
      return {
        ...g,
        values: [...g.values, ...extra],
        text: [...g.text, ...extra],
        numberFormat: [...g.numberFormat, ...extra.map((x) => x.map(() => "General"))],
      };
    });
    const after = importWorkbook(more);
    for (const t of after.tables.filter((x) => x.kind === "project_expenditure")) {
      const added = t.rows.filter((x) => x.label.includes("追加项目"));
      const before = report.tables.find((x) => x.sheet === t.sheet && x.kind === t.kind)!;
      expect(t.rows.filter((x) => x.key === "total").length).toBe(
        before.rows.filter((x) => x.key === "total").length
      );
      for (const a of added) expect(a.key).not.toBe("total");
    }
  }
);

import { parseRef } from "../../src/core/grid/address";
test.each(SAMPLES.map((s) => [s]))(
  "%s: a first body row printed with dashes (—) stays a body row, the header is unchanged",
  async (name) => {
    const { grids, report } = await loadSample(name);
    const copy = grids.map((g) => ({
      ...g,
      values: g.values.map((r) => [...r]),
      text: g.text.map((r) => [...r]),
    }));
    const touched: string[] = [];
    for (const t of report.tables.filter(
      (x) => x.kind !== "performance_target" && x.rows.length > 1
    )) {
      const g = copy.find((x) => x.sheet === t.sheet)!;
      for (const a of Object.values(t.rows[0].amounts)) {
        const p = parseRef(a.cell);
        const r = p.r0 - g.origin.row;
        const c = p.c0 - g.origin.col;
        g.values[r][c] = "—";
        g.text[r][c] = "—";
      }
      touched.push(t.id);
    }
    const after = importWorkbook(copy);
    for (const id of touched) {
      const before = report.tables.find((x) => x.id === id)!;
      const now = after.tables.find((x) => x.id === id)!;
      expect(now.columns).toEqual(before.columns);
      expect(now.rows.length).toBe(before.rows.length);
      expect(Object.values(now.rows[0].amounts).every((a) => a.blank && !a.invalid)).toBe(true);
    }
  }
);
