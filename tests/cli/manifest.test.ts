/** manifest.xml validates offline against the add-in manifest XSDs (xmllint), and names the pane, icons and ExcelApi 1.9. */
import { execFileSync } from "child_process";
import { readFileSync } from "fs";
import path from "path";

const ROOT = path.join(__dirname, "..", "..");
const hasXmllint = (() => {
  try {
    execFileSync("xmllint", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();
if (!hasXmllint && process.env.CI) throw new Error("xmllint missing (apt-get install libxml2-utils)");

(hasXmllint ? test : test.skip)("manifest.xml is valid against OfficeAppManifestV1_1.xsd", () => {
  const out = execFileSync("xmllint", ["--noout", "--schema", path.join(ROOT, "tests", "office-schemas", "OfficeAppManifestV1_1.xsd"), path.join(ROOT, "manifest.xml")], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  expect(out).toBe("");
});

test("the manifest asks for ExcelApi 1.9, shows a 审核预算表 button on the Home tab and names existing icons", () => {
  const xml = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  expect(xml).toContain('<Set Name="ExcelApi" MinVersion="1.9"/>');
  expect(xml).toContain('<OfficeTab id="TabHome">');
  expect(xml).toContain('DefaultValue="审核预算表"');
  for (const m of xml.matchAll(/assets\/(icon-\d+\.png)/g)) expect(() => readFileSync(path.join(ROOT, "assets", m[1]))).not.toThrow();
});
