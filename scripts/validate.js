/**
 * npm run validate: Microsoft's online manifest validation (office-addin-manifest), failing — exit 1 — unless the
 * service actually said the manifest is valid. The tool itself exits 0 when it cannot reach the service; offline
 * (an intranet), use npm run validate:offline (the XSDs in tests/office-schemas, xmllint).
 */
"use strict";
const { spawnSync } = require("child_process");
const path = require("path");

const manifest = process.argv[2] || "manifest.xml";
const bin = path.join(
  __dirname,
  "..",
  "node_modules",
  ".bin",
  process.platform === "win32" ? "office-addin-manifest.cmd" : "office-addin-manifest"
);
const r = spawnSync(bin, ["validate", manifest], {
  encoding: "utf8",
  shell: process.platform === "win32",
});
const out = `${r.stdout || ""}${r.stderr || ""}`;
process.stdout.write(out);
if (r.error) {
  console.error(`无法运行 office-addin-manifest（${r.error.message}）：请先 npm ci`);
  process.exit(1);
}
if (
  /The manifest is valid/.test(out) &&
  !/not valid|Error/i.test(out.replace(/The manifest is valid\.?/, ""))
)
  process.exit(0);
if (/Unable to contact|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|FetchError/i.test(out))
  console.error(
    "未能验证：无法连接微软的清单验证服务（需要访问互联网）。离线时请运行 npm run validate:offline。"
  );
else console.error("清单未通过验证（见上面的输出）。");
process.exit(1);
