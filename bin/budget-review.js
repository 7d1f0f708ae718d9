#!/usr/bin/env node
// Entry of the budget-review CLI; the compiled TypeScript lives in dist-cli (npm run build:cli).
const path = require("path");
const fs = require("fs");
const main = path.join(__dirname, "..", "dist-cli", "src", "cli", "main.js");
if (!fs.existsSync(main)) {
  process.stderr.write(
    "budget-review：尚未编译。在源码目录中请运行 npm run build:cli（需要开发依赖）；只需要命令行时，请安装 npm pack 生成的 budget-review-<版本>.tgz（见 README）\n"
  );
  process.exit(2);
}
// V8's tier-up threshold for batch work, before the engine loads (see src/cli/v8-tiering.ts).
require(path.join(__dirname, "..", "dist-cli", "src", "cli", "v8-tiering.js")).tuneV8Tiering();
require(main)
  .main(process.argv.slice(2))
  .then((code) => {
    // exitCode, not exit(): a piped stdout must flush the whole JSON document first.
    process.exitCode = code;
  });
