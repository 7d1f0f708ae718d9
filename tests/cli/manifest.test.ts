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
if (!hasXmllint && process.env.CI)
  throw new Error("xmllint missing (apt-get install libxml2-utils)");

(hasXmllint ? test : test.skip)("manifest.xml is valid against OfficeAppManifestV1_1.xsd", () => {
  const out = execFileSync(
    "xmllint",
    [
      "--noout",
      "--schema",
      path.join(ROOT, "tests", "office-schemas", "OfficeAppManifestV1_1.xsd"),
      path.join(ROOT, "manifest.xml"),
    ],
    { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }
  );
  expect(out).toBe("");
});

test("the ribbon: a 预算审核 group on the Home tab with 审核面板, 一键审核, 清除标记; icons at 16–80 px exist; en-US overrides; ExcelApi 1.9", () => {
  const xml = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  expect(xml).toContain('<Set Name="ExcelApi" MinVersion="1.9"/>');
  const group = xml.slice(xml.indexOf('<OfficeTab id="TabHome">'), xml.indexOf("</OfficeTab>"));
  const controls = [
    ...group.matchAll(
      /<Control xsi:type="Button" id="([^"]+)">[\s\S]*?<Action xsi:type="(\w+)">(?:\s*<FunctionName>(\w+)<\/FunctionName>)?/g
    ),
  ].map((m) => [m[1], m[2], m[3] ?? ""]);
  expect(controls).toEqual([
    ["BudgetReview.Open", "ShowTaskpane", ""],
    ["BudgetReview.Run", "ExecuteFunction", "runReview"],
    ["BudgetReview.Clear", "ExecuteFunction", "clearMarks"],
  ]);
  const labels = Object.fromEntries(
    [
      ...xml.matchAll(
        /<bt:String id="([^"]+)" DefaultValue="([^"]+)">\s*<bt:Override Locale="en-US" Value="([^"]+)"\/>/g
      ),
    ].map((m) => [m[1], [m[2], m[3]]])
  );
  expect(labels["Group.Label"]).toEqual(["预算审核", "Budget Review"]);
  expect(labels["Open.Label"][0]).toBe("审核面板");
  expect(labels["Run.Label"][0]).toBe("一键审核");
  expect(labels["Clear.Label"][0]).toBe("清除标记");
  for (const id of ["Open", "Run", "Clear"]) expect(labels[`${id}.Tooltip`]).toBeDefined();
  // every control names icons at every ribbon size, and every named icon file exists at its size
  for (const c of group.split("<Control").slice(1))
    expect([...c.matchAll(/<bt:Image size="(\d+)"/g)].map((m) => Number(m[1]))).toEqual([
      16, 20, 24, 32, 40, 48, 64, 80,
    ]);
  for (const m of xml.matchAll(/assets\/((\w+)-(\d+)\.png)/g)) {
    const png = readFileSync(path.join(ROOT, "assets", m[1]));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Number(m[3]), Number(m[3])]);
  }
});

test("the function file defines the ExecuteFunction names the manifest uses", () => {
  const xml = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  const src = readFileSync(path.join(ROOT, "src", "commands", "commands.ts"), "utf8");
  for (const m of xml.matchAll(/<FunctionName>(\w+)<\/FunctionName>/g))
    expect(src).toContain(`Office.actions.associate("${m[1]}"`);
});
