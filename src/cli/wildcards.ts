/**
 * File name wildcards for shells that pass them through: cmd.exe and PowerShell hand `samples\*.xlsx` to the program
 * as it was typed (a POSIX shell expands it before we see it). Only the last part of a path may hold `*` / `?`, as
 * in what the README and reviewers type; a name that exists as typed is never expanded.
 */
import { promises as fs } from "fs";
import path from "path";

const WILD = /[*?]/;

/** `*` any run of characters, `?` one, matched against whole names; case-insensitive where the file system is (Windows, macOS). */
function patternOf(name: string): RegExp {
  const body = [...name]
    .map((ch) => (ch === "*" ? ".*" : ch === "?" ? "." : ch.replace(/[\\^$.|+()[\]{}]/g, "\\$&")))
    .join("");
  return new RegExp(
    `^${body}$`,
    process.platform === "win32" || process.platform === "darwin" ? "i" : ""
  );
}

/**
 * The inputs with each wildcard argument replaced by the matching files and folders of its folder, sorted; an
 * argument that matches nothing (or whose folder is missing) is kept as typed, so it is reported as not found.
 */
export async function expandWildcards(inputs: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    const base = path.basename(input);
    if (
      !WILD.test(base) ||
      WILD.test(path.dirname(input)) ||
      (await fs.stat(input).catch(() => undefined))
    ) {
      out.push(input);
      continue;
    }
    const dir = path.dirname(input);
    const re = patternOf(base);
    const names = (await fs.readdir(dir).catch(() => [] as string[]))
      .filter((n) => re.test(n))
      .sort();
    if (names.length)
      out.push(
        ...names.map((n) => (dir === "." && !input.startsWith(".") ? n : path.join(dir, n)))
      );
    else out.push(input);
  }
  return out;
}
