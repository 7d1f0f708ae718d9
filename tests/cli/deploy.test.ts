/**
 * Deployment where reviewers are: the production manifest (every localhost origin rewritten, AppDomain too; a
 * malformed ADDIN_URL refused), and the CLI package that installs without React, webpack or the Office toolchain.
 */
import { execFileSync, spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";

const ROOT = path.join(__dirname, "..", "..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseAddinUrl, rewriteManifest } = require("../../scripts/manifest-url.js") as {
  parseAddinUrl: (u: string) => { base: string; origin: string };
  rewriteManifest: (xml: string, u: string) => string;
};

test("ADDIN_URL rewrites every localhost origin of the manifest, AppDomain included", () => {
  const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  expect(xml).toMatch(/<AppDomain>https:\/\/localhost:3000<\/AppDomain>/);
  const out = rewriteManifest(xml, "https://intranet.example.gov.cn/budget-review");
  expect(out).not.toMatch(/localhost|127\.0\.0\.1/);
  expect(out).toContain("<AppDomain>https://intranet.example.gov.cn</AppDomain>");
  expect(out).toContain(
    '<SourceLocation DefaultValue="https://intranet.example.gov.cn/budget-review/taskpane.html"/>'
  );
  expect(out).toContain(
    'DefaultValue="https://intranet.example.gov.cn/budget-review/assets/icon-32.png"'
  );
  // Nothing else changes: the same elements, only the URLs differ.
  expect(out.replace(/https:\/\/intranet\.example\.gov\.cn(\/budget-review\/)?/g, "U")).toBe(
    xml.replace(/https:\/\/localhost:3000\/?/g, "U")
  );
});

test.each([
  ["intranet.example.gov.cn/budget-review/", "不是完整的网址"],
  ["http://intranet.example.gov.cn/", "不是 https://"],
  ["https://localhost:3000/", "指向本机"],
  ["https://user:pw@example.gov.cn/", "含用户名或密码"],
  ["https://example.gov.cn/?a=1", "含查询参数"],
  ["", "不是完整的网址"],
])("a malformed ADDIN_URL %j is refused with a clear message", (url, why) => {
  expect(() => parseAddinUrl(url)).toThrow(why);
  expect(() => parseAddinUrl(url)).toThrow(/https:\/\/intranet\.example\.gov\.cn\/budget-review\//);
});

test("the manifest asks for ReadWriteDocument (the add-in writes marks and summary sheets), and the README says why", () => {
  expect(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8")).toContain(
    "<Permissions>ReadWriteDocument</Permissions>"
  );
  expect(fs.readFileSync(path.join(ROOT, "README.md"), "utf8")).toMatch(/ReadWriteDocument/);
});

test("npm run validate fails (exit 1) when the validation service cannot be reached, naming the offline check", () => {
  const r = spawnSync(process.execPath, [path.join(ROOT, "scripts", "validate.js")], {
    encoding: "utf8",
    env: {
      ...process.env,
      HTTPS_PROXY: "http://127.0.0.1:9",
      https_proxy: "http://127.0.0.1:9",
      NO_PROXY: "",
    },
    timeout: 60_000,
  });
  if (/The manifest is valid/.test(r.stdout)) return; // online and valid: nothing to show
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/validate:offline|未通过验证/);
});

test("the CLI package: only bin, the compiled CLI and docs; it runs with the production dependencies alone", () => {
  const packed = JSON.parse(
    execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
      cwd: ROOT,
      encoding: "utf8",
    })
  )[0] as { files: Array<{ path: string }> };
  const files = packed.files.map((f) => f.path);
  expect(files).toContain("bin/budget-review.js");
  expect(files).toContain("dist-cli/src/cli/main.js");
  expect(files).toContain("docs/manual.md");
  // Every page the packed manual points the reviewer to is packed too (it named check-json.md, left out: NC13-11).
  const manual = fs.readFileSync(path.join(ROOT, "docs", "manual.md"), "utf8");
  const named = [...new Set([...manual.matchAll(/([\w-]+\.md)\b/g)].map((m) => `docs/${m[1]}`))];
  expect(named.filter((f) => !files.includes(f))).toEqual([]);
  expect(
    files.filter((f) => /^(src|tests|samples|node_modules|dist\/)|taskpane|webpack/.test(f))
  ).toEqual([]);

  // The package's files in a fresh folder with only the production dependencies beside them.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "budget-review-cli-"));
  try {
    for (const f of files) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.copyFileSync(path.join(ROOT, f), path.join(dir, f));
    }
    const prod = execFileSync("npm", ["ls", "--omit=dev", "--parseable"], {
      cwd: ROOT,
      encoding: "utf8",
    })
      .split("\n")
      .filter((p) => p.includes(`${path.sep}node_modules${path.sep}`));
    const dev = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"))
      .devDependencies as Record<string, string>;
    for (const p of prod) {
      const name = p.split(`${path.sep}node_modules${path.sep}`).pop()!;
      expect(Object.keys(dev)).not.toContain(name);
      fs.mkdirSync(path.dirname(path.join(dir, "node_modules", name)), { recursive: true });
      fs.symlinkSync(p, path.join(dir, "node_modules", name), "dir");
    }
    const r = spawnSync(
      process.execPath,
      [
        path.join(dir, "bin", "budget-review.js"),
        "check",
        path.join(ROOT, "samples", "jishan-2024.xlsx"),
      ],
      { cwd: dir, encoding: "utf8" }
    );
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("审核结果");
    expect([0, 1]).toContain(r.status);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
