/**
 * The published workbooks a new identity must stay quiet on: the three samples, the field workbooks and the field
 * cases' clean twins (as [name, absolute path] for test.each). A rule that fires on any of them is a false alarm.
 */
import { readdirSync } from "fs";
import path from "path";

export function realInputs(): Array<[string, string]> {
  const root = path.join(__dirname, "..", "..");
  const from = (dir: string, keep: (f: string) => boolean) =>
    readdirSync(path.join(root, dir))
      .filter(keep)
      .sort()
      .map((f): [string, string] => [`${dir}/${f}`, path.join(root, dir, f)]);
  return [
    ...from("samples", (f) => f.endsWith(".xlsx")),
    ...from("tests/fixtures/field", (f) => f.endsWith(".xlsx")),
    ...from("tests/fixtures/field-cases", (f) => f.endsWith(".clean.xlsx")),
  ];
}
