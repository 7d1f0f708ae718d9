/**
 * End to end: the built task pane in Debian's chromium, office.js replaced by Microsoft's runtime + the bench
 * holding a sample; a click on 读取工作簿 reads it through the real Office.js code path. Saves screenshots.
 */
import fs from "fs";
import path from "path";
import type { Browser } from "playwright-core";
import { CHROMIUM, benchBundle, benchPage, ensurePaneBuilt, launch, serve } from "../office-bench/chromium";
import { loadSample } from "../helpers";

const OUT = path.join(__dirname, "..", "..", "test-results");
const run = CHROMIUM ? describe : describe.skip;
if (!CHROMIUM) {
  if (process.env.CI) throw new Error("chromium is not installed (apt-get install chromium): the task-pane tests cannot run in CI");
  console.warn("task-pane tests skipped: /usr/bin/chromium not found (apt-get install chromium)");
}

run("task pane in chromium", () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };
  let bench: string;
  beforeAll(async () => {
    fs.mkdirSync(OUT, { recursive: true });
    const [dist, b] = await Promise.all([ensurePaneBuilt(), benchBundle()]);
    bench = b;
    server = await serve(dist);
    browser = await launch();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("读取工作簿 lists the recognised tables per sheet, read in two round trips", async () => {
    const { grids } = await loadSample("jishan-2024");
    const page = await benchPage(browser, grids, bench);
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByRole("button", { name: "读取工作簿" }).click();
    await page.getByText("识别到 18 张表").waitFor();
    expect(await page.evaluate(() => (window as unknown as { __bench: { roundTrips(): number } }).__bench.roundTrips())).toBe(2);
    for (const sheet of ["预算公开表1", "预算公开表12", "项目支出绩效目标表"]) expect(await page.locator(`[data-sheet="${sheet}"]`).count()).toBe(1);
    await expect(page.locator('[data-sheet="预算公开表5"]').innerText()).resolves.toContain("一般公共预算支出表");
    await page.screenshot({ path: path.join(OUT, "taskpane-read.png"), fullPage: true });
    expect(errors).toEqual([]);
  }, 60_000);

  test("开始审核 lists findings; clicking one selects its cell; the user's cells are never written", async () => {
    const { grids } = await loadSample("jishan-2024");
    const page = await benchPage(browser, grids, bench);
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByRole("button", { name: "开始审核" }).click();
    await page.getByText(/错误 \d+ · 警告 \d+ · 尾差 \d+ · 提示 \d+/).waitFor();
    const first = page.locator("button[data-cell]").first();
    const cell = await first.getAttribute("data-cell");
    expect(cell).toBe("预算公开表5!C6");
    await first.click();
    await page.waitForFunction(() => !!(window as unknown as { __bench: { selection(): unknown } }).__bench.selection());
    const sel = await page.evaluate(() => (window as unknown as { __bench: { selection(): unknown } }).__bench.selection());
    expect(sel).toMatchObject({ sheet: "预算公开表5", r0: 5, c0: 2, r1: 5, c1: 2 });
    expect(await page.evaluate(() => (window as unknown as { __bench: { writes(): unknown[] } }).__bench.writes())).toEqual([]);
    await page.screenshot({ path: path.join(OUT, "taskpane-check.png"), fullPage: false });
  }, 60_000);

  test("a workbook with no budget table gets a clear Chinese message", async () => {
    const page = await benchPage(browser, [{ sheet: "Sheet1", origin: { row: 0, col: 0 }, values: [["hello"]], text: [["hello"]], numberFormat: [["General"]], merges: [], visibility: "visible" }], bench);
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByRole("button", { name: "读取工作簿" }).click();
    await page.getByText("没有识别到预算表").waitFor();
  }, 60_000);
});
