/** Wildcards as cmd.exe and PowerShell pass them (unexpanded): `check 各部门\*.xlsx` reviews the matching files. */
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { expandWildcards } from "../../src/cli/wildcards";

test("a wildcard in the last part of a path becomes the matching names, sorted; no match stays as typed", async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "wild-"));
  for (const n of ["b 财政局.xlsx", "a.xlsx", "a.xls", "notes.txt", "x*.xlsx"])
    await fs.writeFile(path.join(dir, n), "");
  await fs.mkdir(path.join(dir, "sub.xlsx.d"));
  expect(await expandWildcards([path.join(dir, "*.xlsx")])).toEqual(
    ["a.xlsx", "b 财政局.xlsx", "x*.xlsx"].map((n) => path.join(dir, n))
  );
  expect(await expandWildcards([path.join(dir, "?.xls*")])).toEqual(
    ["a.xls", "a.xlsx"].map((n) => path.join(dir, n))
  );
  expect(await expandWildcards([path.join(dir, "*.d")])).toEqual([path.join(dir, "sub.xlsx.d")]);
  // A name that exists as typed is itself, even with a star in it (possible on Linux); no match is left for "not found".
  expect(await expandWildcards([path.join(dir, "x*.xlsx")])).toEqual([path.join(dir, "x*.xlsx")]);
  expect(
    await expandWildcards([path.join(dir, "*.ods"), path.join(dir, "missing", "*.xlsx")])
  ).toEqual([path.join(dir, "*.ods"), path.join(dir, "missing", "*.xlsx")]);
  // Regular-expression characters in names are literal.
  await fs.writeFile(path.join(dir, "(1)+[2].xlsx"), "");
  expect(await expandWildcards([path.join(dir, "(1)+[2]*")])).toEqual([
    path.join(dir, "(1)+[2].xlsx"),
  ]);
  await fs.rm(dir, { recursive: true, force: true });
});
