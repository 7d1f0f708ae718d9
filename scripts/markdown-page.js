/**
 * docs/*.md → a standalone HTML page for the add-in's server (the pane's 帮助 links to manual.html): UTF-8, the
 * pane's font, links to other docs pointing at their .html pages. Used by webpack.config.js (marked, MIT).
 */
"use strict";
const fs = require("fs");
const path = require("path");

/**
 * marked's UMD build, evaluated as CommonJS: the package is "type": "module" and exports only its ES module, which
 * neither Jest's CommonJS loader (the pane's tests load this config) nor a plain require can load everywhere.
 */
let cached;
function marked() {
  if (!cached) {
    const file = path.join(
      path.dirname(require.resolve("marked/package.json")),
      "lib",
      "marked.umd.js"
    );
    const mod = { exports: {} };
    new Function("module", "exports", fs.readFileSync(file, "utf8"))(mod, mod.exports);
    cached = mod.exports;
  }
  return cached;
}

function markdownPage(md, title) {
  const body = marked()
    .parse(String(md))
    .replace(/href="([\w-]+)\.md(#[^"]*)?"/g, 'href="$1.html$2"')
    .replace(/href="([\w-]+)\.htmlundefined"/g, 'href="$1.html"');
  return `<!doctype html>
<html lang="zh-CN">
  <head><meta charset="UTF-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>${title}</title>
    <style>body{font-family:'Microsoft YaHei UI','Microsoft YaHei',sans-serif;max-width:820px;margin:24px auto;padding:0 16px;line-height:1.65}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top}code,pre{background:#f4f4f4}pre{padding:8px;overflow-x:auto}</style>
  </head>
  <body>
${body}
  </body>
</html>
`;
}

module.exports = { markdownPage };
