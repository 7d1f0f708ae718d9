/**
 * The production manifest: every localhost origin of the development manifest (SourceLocation, icons, help and
 * command URLs, AppDomain) rewritten to ADDIN_URL, which must be an absolute https:// URL (Office loads add-ins only
 * over HTTPS). Used by webpack.config.js; tested in tests/cli/deploy.test.ts.
 */
"use strict";
const { URL } = require("url");

const DEV_ORIGIN = /https?:\/\/(?:localhost|127\.0\.0\.1)(?::\d+)?(\/[^"'<>\s]*)?/g;

/** ADDIN_URL → { base (ends with /), origin }; throws an Error with a clear bilingual message when malformed. */
function parseAddinUrl(raw) {
  const hint =
    "ADDIN_URL 应为加载项所在 HTTPS 文件夹的完整地址，如 https://intranet.example.gov.cn/budget-review/ (an absolute https:// URL of the folder that serves dist/)";
  let u;
  try {
    u = new URL(String(raw).trim());
  } catch {
    throw new Error(`ADDIN_URL 无效：“${raw}” 不是完整的网址。${hint}`);
  }
  if (u.protocol !== "https:")
    throw new Error(
      `ADDIN_URL 无效：“${raw}” 不是 https:// 地址（Office 只从 HTTPS 加载加载项）。${hint}`
    );
  if (u.username || u.password) throw new Error(`ADDIN_URL 无效：“${raw}” 含用户名或密码。${hint}`);
  if (u.search || u.hash) throw new Error(`ADDIN_URL 无效：“${raw}” 含查询参数或 #。${hint}`);
  if (/^(localhost|127\.0\.0\.1|\[::1\])$/i.test(u.hostname))
    throw new Error(`ADDIN_URL 无效：“${raw}” 指向本机，审核人员的电脑无法访问。${hint}`);
  const base = u.href.endsWith("/") ? u.href : `${u.href}/`;
  return { base, origin: u.origin };
}

/** Rewrites every localhost origin in the manifest: URLs with a path onto base, bare origins (AppDomain) to origin. */
function rewriteManifest(xml, raw) {
  const { base, origin } = parseAddinUrl(raw);
  const out = xml.replace(DEV_ORIGIN, (_m, p) =>
    p && p !== "/" ? base + p.replace(/^\//, "") : p === "/" ? base : origin
  );
  const left = out.match(/localhost|127\.0\.0\.1/);
  if (left) throw new Error(`manifest: a localhost reference is left after rewriting (${left[0]})`);
  return out;
}

module.exports = { parseAddinUrl, rewriteManifest };
