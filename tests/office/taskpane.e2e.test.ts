/**
 * End to end: the built task pane and function file in Debian's chromium, office.js replaced by Microsoft's runtime
 * + the bench holding a sample. Drives the pane as a reviewer would and asserts on the workbook behind it; saves a
 * screenshot of each state (test-results/, and the README's in docs/).
 */
import fs from "fs";
import path from "path";
import type { Browser, Page } from "playwright-core";
import {
  CHROMIUM,
  benchBundle,
  benchPage,
  ensurePaneBuilt,
  launch,
  serve,
} from "../office-bench/chromium";
import { userCells } from "../office-bench/xlsx";
import { loadSample } from "../helpers";
import type { SheetGrid } from "../../src/core/grid/grid";

const ROOT = path.join(__dirname, "..", "..");
const OUT = path.join(ROOT, "test-results");
const DOCS = path.join(ROOT, "docs", "screenshots");
const run = CHROMIUM ? describe : describe.skip;
if (!CHROMIUM) {
  if (process.env.CI)
    throw new Error(
      "chromium is not installed (apt-get install chromium): the task-pane tests cannot run in CI"
    );
  console.warn("task-pane tests skipped: /usr/bin/chromium not found (apt-get install chromium)");
}

type BenchApi = {
  roundTrips(): number;
  resetCounters(): void;
  writes(): Array<{ sheet: string; property: string }>;
  selection():
    | {
        sheet: string;
        r0: number;
        c0: number;
        r1: number;
        c1: number;
        areas?: Array<{ r0: number; c0: number; r1: number; c1: number }>;
      }
    | undefined;
  sheets(): Array<{ name: string; conditionalFormats: number; charts: number; protected: boolean }>;
  select(sheet: string, r0: number, c0: number, r1?: number, c1?: number): void;
  edit(sheet: string, r: number, c: number, v: string | number): void;
  protect(sheet: string): void;
  saveAndReopen(): Promise<void>;
  xlsx(): Promise<number[]>;
  invoke(name: string): Promise<void>;
  actions(): string[];
  dialogs(): string[];
  setDelay(ms: number): void;
};
const api = <T>(page: Page, f: (b: BenchApi) => T | Promise<T>): Promise<T> =>
  page.evaluate(`(${f.toString()})(window.__bench)`) as Promise<T>;

run("task pane in chromium", () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };
  let bench: string;
  let jishan: SheetGrid[];
  beforeAll(async () => {
    fs.mkdirSync(OUT, { recursive: true });
    fs.mkdirSync(DOCS, { recursive: true });
    const [dist, b, sample] = await Promise.all([
      ensurePaneBuilt(),
      benchBundle(),
      loadSample("jishan-2024"),
    ]);
    bench = b;
    jishan = sample.grids;
    server = await serve(dist);
    browser = await launch();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(
    grids: SheetGrid[],
    opts: { maxExcelApi?: string; width?: number; page?: string } = {}
  ) {
    const page = await benchPage(browser, grids, bench, opts);
    const errors: string[] = [];
    const dialogs: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("dialog", (d) => (dialogs.push(d.message()), void d.dismiss()));
    await page.goto(`${server.url}/${opts.page ?? "taskpane.html"}`);
    return { page, errors, dialogs };
  }
  const shot = (page: Page, name: string, docs = false) =>
    Promise.all([
      page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: false }),
      docs ? page.screenshot({ path: path.join(DOCS, `${name}.png`), fullPage: false }) : undefined,
    ]);

  test("开始审核: phases 读取 → 识别 → 审核 → 标记, then findings grouped by severity and table with counts; marks on the sheet; round trips 2 + 3", async () => {
    const { page, errors } = await open(jishan, { width: 450 });
    await api(page, (b) => b.setDelay(600));
    await page.getByRole("button", { name: "开始审核" }).click();
    await page.locator('[data-phase="read"][data-state="active"]').waitFor();
    await shot(page, "pane-progress", true);
    await page.locator('[data-phase="mark"][data-state="active"]').waitFor();
    await page.getByText(/错误 \d+ · 警告 \d+ · 尾差 \d+ · 提示 \d+/).waitFor();
    expect(await page.evaluate(() => document.body.dataset.phases)).toBe(
      "read,recognise,check,mark"
    );
    expect(await api(page, (b) => b.roundTrips())).toBe(5);
    const groups = await page
      .locator("[data-group]")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-group")));
    expect(groups[0]).toBe("error");
    expect(await page.locator("[data-table]").count()).toBeGreaterThan(1);
    // The localizer's causes come first, each with the findings it explains.
    const causes = page.locator("[data-cause]");
    if (await causes.count()) {
      expect(await causes.first().innerText()).toMatch(/疑|应为/);
      await causes
        .first()
        .locator("button[aria-expanded]")
        .first()
        .click()
        .catch(() => undefined);
    }
    expect(await page.locator('[aria-label="arithmetic"]').count()).toBeGreaterThan(0);
    const marked = await api(page, (b) =>
      b
        .sheets()
        .filter((s) => s.conditionalFormats > 0)
        .map((s) => s.name)
    );
    expect(marked.length).toBeGreaterThan(0);
    // 开始审核 marks; it inserts no sheet (插入汇总表 does).
    expect((await api(page, (b) => b.sheets())).map((s) => s.name)).toEqual(
      jishan.map((g) => g.sheet)
    );
    await page.getByText(/已标记 \d+ 个单元格/).waitFor();
    await shot(page, "pane-findings-450", true);
    expect(errors).toEqual([]);
  }, 90_000);

  test("定位 selects the checked figure and its parts together (RangeAreas, ExcelApi 1.18) and the arithmetic lists them", async () => {
    const { page } = await open(jishan, { maxExcelApi: "1.18", width: 450 });
    await page.getByRole("button", { name: "开始审核" }).click();
    await page.locator("[data-finding]").first().waitFor();
    // A finding whose figure and parts are all on one sheet (a within-table sum; 尾差 here, collapsed by default).
    await page.locator('[data-group="rounding"] button[aria-expanded]').first().click();
    const cards = page.locator("[data-finding]");
    let card = cards.first();
    let refs: string[] = [];
    for (let i = 0; i < (await cards.count()); i++) {
      const spans = (
        await cards.nth(i).locator('[aria-label="arithmetic"] span').allInnerTexts()
      ).filter((x) => /!/.test(x));
      if (spans.length > 2 && new Set(spans.map((x) => x.split("!")[0])).size === 1) {
        card = cards.nth(i);
        refs = spans;
        break;
      }
    }
    expect(refs.length).toBeGreaterThan(2);
    await card.getByRole("button", { name: "定位" }).click();
    await page.getByText("已在 Excel 中选中核对的数字及其组成单元格").waitFor();
    const sel = await api(page, (b) => b.selection());
    const sheet = refs[0].split("!")[0].replace(/'/g, "");
    const onSheet = refs.filter((r) => r.replace(/'/g, "").startsWith(`${sheet}!`)).length;
    expect(sel?.sheet).toBe(sheet);
    expect(sel?.areas?.length).toBe(new Set(refs).size);
    expect(onSheet).toBeGreaterThan(0);
    await shot(page, "pane-locate");
  }, 90_000);

  test("Excel 2021 (ExcelApi 1.13): 定位 selects the checked figure", async () => {
    const { page } = await open(jishan);
    await page.getByRole("button", { name: "开始审核" }).click();
    const first = page.locator("[data-finding]").first();
    await first.waitFor();
    const cell = (await first.getAttribute("data-cell"))!;
    await first.getByRole("button", { name: "定位" }).click();
    await page.getByText("已选中核对的数字").waitFor();
    const m = /^'?(.+?)'?!([A-Z]+)(\d+)$/.exec(cell)!;
    expect(await api(page, (b) => b.selection())).toMatchObject({
      sheet: m[1],
      r0: Number(m[3]) - 1,
      r1: Number(m[3]) - 1,
    });
  }, 90_000);

  test("selecting a cell in Excel shows the findings citing it; a later edit marks them stale", async () => {
    const { page } = await open(jishan, { width: 450 });
    await page.getByRole("button", { name: "开始审核" }).click();
    const first = page.locator("[data-finding]").first();
    await first.waitFor();
    const cell = (await first.getAttribute("data-cell"))!;
    const m = /^'?(.+?)'?!([A-Z]+)(\d+)$/.exec(cell)!;
    const [sheet, col, row] = [m[1], m[2].charCodeAt(0) - 65, Number(m[3]) - 1];
    await page.evaluate(
      ([s, r, c]) =>
        (window as unknown as { __bench: BenchApi }).__bench.select(
          s as string,
          r as number,
          c as number
        ),
      [sheet, row, col]
    );
    await page.getByText(/条结果引用该区域/).waitFor();
    expect(await page.locator('[aria-label="selection"] [data-finding]').count()).toBeGreaterThan(
      0
    );
    await page.evaluate(
      ([s, r, c]) => {
        const b = (window as unknown as { __bench: BenchApi }).__bench;
        b.edit(s as string, r as number, c as number, 1);
        b.select(s as string, r as number, c as number);
      },
      [sheet, row, col]
    );
    await page.getByText(/工作簿在审核后被修改/).waitFor();
    expect(await page.getByText("单元格已修改，结果可能已过期").count()).toBeGreaterThan(0);
    await shot(page, "pane-selection-stale", true);
    // 重新审核 reads afresh: the stale banner goes.
    await page.getByRole("button", { name: "重新审核" }).first().click();
    await page.getByText(/已标记 \d+ 个单元格/).waitFor();
    expect(await page.getByText(/工作簿在审核后被修改/).count()).toBe(0);
  }, 90_000);

  test("插入汇总表 twice → one 审核结果 and one 预算汇总 (with a chart); 清除标记 → every user cell as before", async () => {
    const { page } = await open(jishan, { width: 450 });
    const before = Buffer.from(await api(page, (b) => b.xlsx()));
    await page.getByRole("button", { name: "插入汇总表" }).click();
    await page.getByText(/已插入或更新：审核结果、预算汇总/).waitFor();
    await page.getByRole("button", { name: "插入汇总表" }).click();
    await page.waitForFunction(() => !document.querySelector('[aria-label="progress"]'));
    const sheets = await api(page, (b) => b.sheets());
    expect(sheets.filter((s) => s.name === "审核结果")).toHaveLength(1);
    expect(sheets.filter((s) => s.name === "预算汇总")).toHaveLength(1);
    expect(sheets.slice(0, 2).map((s) => s.name)).toEqual(["审核结果", "预算汇总"]);
    expect(sheets.find((s) => s.name === "预算汇总")!.charts).toBe(1);
    await shot(page, "pane-inserted");
    await api(page, (b) => b.saveAndReopen());
    await page.getByRole("button", { name: "清除标记" }).click();
    await page.getByText(/已清除 \d+ 处标记/).waitFor();
    const after = Buffer.from(await api(page, (b) => b.xlsx()));
    expect((await api(page, (b) => b.sheets())).map((s) => s.name)).toEqual(
      jishan.map((g) => g.sheet)
    );
    expect(await userCells(after)).toEqual(await userCells(before));
    expect((await api(page, (b) => b.sheets())).every((s) => s.conditionalFormats === 0)).toBe(
      true
    );
    await shot(page, "pane-cleared");
  }, 120_000);

  test("filter, search, hide 尾差/提示, export; 忽略 with a reason is saved and not marked on the next review", async () => {
    const { page } = await open(jishan, { width: 450 });
    await page.getByRole("button", { name: "开始审核" }).click();
    await page.locator("[data-finding]").first().waitFor();
    const total = await page.locator("[data-finding]").count();
    await page.getByRole("switch", { name: "隐藏尾差和提示" }).click();
    expect(await page.locator('[data-severity="rounding"], [data-severity="info"]').count()).toBe(
      0
    );
    await page.getByRole("switch", { name: "隐藏尾差和提示" }).click();
    expect(await page.locator("[data-finding]").count()).toBe(total);
    const errorsToggle = page
      .getByRole("group", { name: "级别" })
      .getByRole("button", { name: /^错误 \d+$/ });
    await errorsToggle.click();
    expect(await page.locator('[data-severity="error"]').count()).toBe(0);
    await errorsToggle.click();
    await page.getByRole("searchbox").fill("一般公共服务");
    const hits = await page.locator("[data-finding]").allInnerTexts();
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((x) => x.includes("一般公共服务"))).toBe(true);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "导出" }).click(),
    ]);
    const csv = fs.readFileSync((await download.path())!, "utf8");
    expect(csv.split("\r\n")[0]).toBe(
      "\ufeff序号,级别,规则,表,单元格,说明,应为,实为,差额,意见,理由,规则编号"
    );
    expect(csv.trim().split("\r\n")).toHaveLength(hits.length + 1);
    await page.getByRole("searchbox").fill("");

    const card = page.locator('[data-severity="error"]').first();
    const key = await card.getAttribute("data-cell");
    await card.getByRole("button", { name: "忽略" }).click();
    await card
      .getByRole("textbox", { name: "忽略理由（必填）" })
      .fill("已与批复核对，此为口径差异");
    await card.getByRole("button", { name: "保存" }).click();
    await page.getByText(/忽略：已与批复核对/).waitFor();
    await page.getByRole("button", { name: "插入汇总表" }).click();
    await page.getByText(/已插入或更新/).waitFor();
    const state = await page.evaluate(() => {
      const b = (
        window as unknown as {
          __bench: {
            workbook(): {
              settings: Map<string, string>;
              sheets: Array<{ name: string; cells: Map<string, { value: unknown }> }>;
            };
          };
        }
      ).__bench;
      const wb = b.workbook();
      const res = wb.sheets.find((s) => s.name === "审核结果")!;
      return {
        decisions: wb.settings.get("budgetReview.decisions"),
        texts: [...res.cells.values()].map((c) => String(c.value)),
      };
    });
    expect(JSON.parse(state.decisions!)).toMatchObject([
      { status: "dismissed", reason: "已与批复核对，此为口径差异", cell: key },
    ]);
    expect(state.texts).toContain("已与批复核对，此为口径差异");
    await shot(page, "pane-decision");
  }, 120_000);

  test("识别的表: kind and unit can be corrected; the correction is saved in the workbook and used by the next review", async () => {
    const { page } = await open(jishan, { width: 320 });
    await page.getByRole("button", { name: "开始审核" }).click();
    await page.locator("[data-finding]").first().waitFor();
    await page.getByRole("tab", { name: /识别的表/ }).click();
    await shot(page, "pane-tables-320", true);
    const table = page.locator("[data-table-id]").nth(4);
    await table.getByRole("combobox", { name: "单位" }).click();
    await page.getByRole("option", { name: "元", exact: true }).click();
    await page.getByText("更正已保存在工作簿中").waitFor();
    const saved = await page.evaluate(() =>
      (window as unknown as { __bench: { workbook(): { settings: Map<string, string> } } }).__bench
        .workbook()
        .settings.get("budgetReview.corrections")
    );
    expect(JSON.parse(saved!)).toMatchObject([{ unit: "元" }]);
    await page.getByRole("button", { name: "重新审核" }).click();
    await page.getByText(/已标记/).waitFor();
    await page.getByRole("tab", { name: /识别的表/ }).click();
    expect(await page.locator("[data-table-id]").nth(4).innerText()).toContain("已更正");
  }, 120_000);

  test("readable at 320 px: no horizontal scrolling", async () => {
    const { page } = await open(jishan, { width: 320 });
    await page.getByRole("button", { name: "开始审核" }).click();
    await page.locator("[data-finding]").first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      320
    );
    await shot(page, "pane-findings-320", true);
  }, 90_000);

  test("a sheet or project named <img src=x onerror=alert(1)> shows as text and never runs", async () => {
    const evil = "<img src=x onerror=alert(1)>";
    const grids = jishan.map((g) => (g.sheet === "预算公开表5" ? { ...g, sheet: evil } : g));
    const { page, errors, dialogs } = await open(grids, { width: 450 });
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.getByRole("button", { name: "开始审核" }).click();
    await page.locator("[data-finding]").first().waitFor();
    await page.getByRole("tab", { name: /识别的表/ }).click();
    await page.locator(`[data-sheet="${evil}"]`).waitFor();
    expect(await page.locator(`[data-sheet="${evil}"]`).innerText()).toContain(evil);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(requests.filter((u) => /\/x$/.test(u))).toEqual([]);
    expect(errors).toEqual([]);
  }, 90_000);

  test("clear Chinese messages: no budget table; Excel too old; protected sheets named", async () => {
    const blank = [
      {
        sheet: "Sheet1",
        origin: { row: 0, col: 0 },
        values: [["hello"]],
        text: [["hello"]],
        numberFormat: [["General"]],
        merges: [],
        visibility: "visible" as const,
      },
    ];
    let { page } = await open(blank);
    await page.getByRole("button", { name: "开始审核" }).click();
    await page.getByText("没有识别到预算表").waitFor();
    ({ page } = await open(jishan, { maxExcelApi: "1.8" }));
    await page.getByRole("button", { name: "开始审核" }).click();
    await page.getByText(/当前 Excel 版本过旧/).waitFor();
    await shot(page, "pane-too-old");
    ({ page } = await open(jishan, { width: 450 }));
    await api(page, (b) => b.protect("预算公开表5"));
    await page.getByRole("button", { name: "开始审核" }).click();
    await page.getByText(/以下工作表受保护，未能标记：预算公开表5/).waitFor();
    expect(
      (await api(page, (b) => b.sheets())).find((s) => s.name === "预算公开表5")!.conditionalFormats
    ).toBe(0);
    await shot(page, "pane-protected");
  }, 120_000);

  test("ribbon: 一键审核 and 清除标记 run through the function file (ExecuteFunction), without the pane", async () => {
    const { page, errors } = await open(jishan, { page: "commands.html" });
    await page.waitForFunction(
      () => (window as unknown as { __bench: BenchApi }).__bench.actions().length === 2
    );
    expect((await api(page, (b) => b.actions())).sort()).toEqual(["clearMarks", "runReview"]);
    const before = Buffer.from(await api(page, (b) => b.xlsx()));
    await api(page, (b) => b.invoke("runReview"));
    const sheets = await api(page, (b) => b.sheets());
    expect(sheets.slice(0, 2).map((s) => s.name)).toEqual(["审核结果", "预算汇总"]);
    expect(sheets.some((s) => s.conditionalFormats > 0 && s.name !== "预算汇总")).toBe(true);
    const active = await page.evaluate(() => {
      const wb = (
        window as unknown as {
          __bench: {
            workbook(): { activeSheetId: string; sheets: Array<{ id: string; name: string }> };
          };
        }
      ).__bench.workbook();
      return wb.sheets.find((s) => s.id === wb.activeSheetId)?.name;
    });
    expect(active).toBe("审核结果");
    await api(page, (b) => b.invoke("runReview"));
    expect((await api(page, (b) => b.sheets())).filter((s) => s.name === "审核结果")).toHaveLength(
      1
    );
    await api(page, (b) => b.invoke("clearMarks"));
    expect(await userCells(Buffer.from(await api(page, (b) => b.xlsx())))).toEqual(
      await userCells(before)
    );
    expect(await api(page, (b) => b.dialogs())).toHaveLength(1); // 清除标记 says what it removed
    expect(errors).toEqual([]);
  }, 120_000);
});
