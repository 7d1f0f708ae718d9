/**
 * Chromium loader: builds the bench for the browser, serves the built task pane on 127.0.0.1, and routes the
 * CDN office.js to Microsoft's runtime + the bench; every other outside request is aborted.
 */
import fs from "fs";
import http from "http";
import path from "path";
import webpack from "webpack";
import type { AddressInfo } from "net";
import type { Browser, Page } from "playwright-core";
import { RUNTIME_FILE } from "./runtime";
import type { SheetGrid } from "../../src/core/grid/grid";

const ROOT = path.join(__dirname, "..", "..");
export const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) =>
  fs.existsSync(p)
);

function compile(config: webpack.Configuration): Promise<void> {
  return new Promise((resolve, reject) =>
    webpack(config, (err, stats) => {
      if (err || stats?.hasErrors())
        reject(err ?? new Error(stats!.toString({ all: false, errors: true })));
      else resolve();
    })
  );
}

/** The browser bundle of the bench backend (tests/office-bench/browser.ts). */
export async function benchBundle(): Promise<string> {
  const out = path.join(ROOT, "dist-bench");
  await compile({
    mode: "development",
    devtool: false,
    entry: path.join(__dirname, "browser.ts"),
    output: { path: out, filename: "bench.js" },
    // The .xlsx host's slimming of huge sheet parts streams through Node's zlib; the bench's workbooks are small, so
    // in the browser it is never reached (and would fall back to reading the package as it is).
    // The .xlsx host loads exceljs's Workbook module alone (src/hosts/xlsx/exceljs.ts); a bundle takes the package's
    // browser build instead.
    // Its patch of exceljs's cell parser (the Node sources' cell-xform) comes along; their file helpers need no fs here.
    resolve: {
      extensions: [".ts", ".js"],
      fallback: { zlib: false, fs: false },
      alias: { "exceljs/lib/doc/workbook$": path.join(__dirname, "exceljs-workbook.js") },
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          loader: "ts-loader",
          options: {
            transpileOnly: true,
            compilerOptions: { module: "esnext", moduleResolution: "bundler" },
          },
        },
      ],
    },
  });
  return fs.readFileSync(path.join(out, "bench.js"), "utf8");
}

/** The production task pane (npm run build); built here when absent. */
export async function ensurePaneBuilt(): Promise<string> {
  const dist = path.join(ROOT, "dist");
  const built = path.join(dist, "taskpane.html");
  // A build older than any source (a checkout that moved since `npm run build`) would test yesterday's pane.
  if (!fs.existsSync(built) || newestSource() > fs.statSync(built).mtimeMs) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const factory = require(path.join(ROOT, "webpack.config.js"));
    await compile(await factory({}, { mode: "production" }));
  }
  return dist;
}

/** The newest modification time (ms) of the pane's inputs: src/, assets/, manifest.xml, webpack.config.js, docs/manual.md. */
function newestSource(): number {
  let newest = 0;
  const visit = (p: string): void => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) for (const name of fs.readdirSync(p)) visit(path.join(p, name));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of [
    "src",
    "assets",
    "manifest.xml",
    "webpack.config.js",
    "docs/manual.md",
    "package.json",
  ])
    visit(path.join(ROOT, p));
  return newest;
}

export function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const types: Record<string, string> = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".png": "image/png",
    ".xml": "application/xml",
  };
  const server = http.createServer((req, res) => {
    const file = path.join(dir, decodeURIComponent((req.url ?? "/").split("?")[0]));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise((r) => server.close(() => r())),
      });
    })
  );
}

export async function launch(): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** A page whose office.js is the runtime + bench, holding `grids`; anything not on 127.0.0.1 is aborted. */
export async function benchPage(
  browser: Browser,
  grids: SheetGrid[],
  bench: string,
  opts: { maxExcelApi?: string; width?: number; height?: number; language?: string } = {}
): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width: opts.width ?? 380, height: opts.height ?? 900 },
    deviceScaleFactor: 1,
    acceptDownloads: true,
  });
  const harness = `${fs.readFileSync(RUNTIME_FILE, "utf8")}\n;\n${bench}`;
  // Playwright runs route handlers last-registered first: the catch-all goes in before the office.js route.
  await page.route(
    (url) => !/^http:\/\/127\.0\.0\.1[:/]/.test(url.toString()),
    (route) => route.abort()
  );
  await page.route("**/office.js", (route) =>
    route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: harness })
  );
  await page.addInitScript(
    (json) => {
      const o = JSON.parse(json);
      Object.assign(window, {
        __BENCH_WORKBOOK__: o.grids,
        __BENCH_MAX_EXCELAPI__: o.maxExcelApi,
        __BENCH_LANGUAGE__: o.language,
      });
    },
    JSON.stringify({
      grids,
      maxExcelApi: opts.maxExcelApi ?? "1.13",
      language: opts.language ?? "zh-CN",
    })
  );
  return page;
}
