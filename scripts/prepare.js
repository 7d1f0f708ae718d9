/**
 * npm's prepare step: builds the CLI (dist-cli) when the TypeScript compiler is installed. A production-only
 * install (npm ci --omit=dev) has no compiler: it is told to use the CLI package instead (README: 只安装命令行).
 */
"use strict";
const { spawnSync } = require("child_process");
try {
  require.resolve("typescript");
} catch {
  console.warn(
    "budget-review：未安装开发依赖，命令行未编译。只需要命令行时，请在开发机上运行 npm pack，再在目标机器上 npm install -g budget-review-<版本>.tgz（见 README）。"
  );
  process.exit(0);
}
const r = spawnSync("npm", ["run", "build:cli"], {
  stdio: "inherit",
  shell: process.platform === "win32",
});
process.exit(r.status ?? 1);
