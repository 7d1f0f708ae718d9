/**
 * Output file names in the output folder that never overwrite a file of the user's and fit the file system. A name
 * is free when no file has it, or when the file there is one this product wrote (review sheets with its tag: a
 * previous run's reviewed copy, replaced as a re-run should); any other file keeps its name and ours takes (2), (3) ….
 * Names are compared case-insensitively (Windows and macOS file systems are), and an input is never an output.
 */
import { existsSync, readFileSync } from "fs";
import path from "path";

/** The longest file name: 255 UTF-16 units on NTFS, 255 bytes of UTF-8 on ext4. */
const NAME_MAX = 255;

const fits = (name: string) =>
  name.length <= NAME_MAX && Buffer.byteLength(name, "utf8") <= NAME_MAX;

/** `<stem><suffix>` cut to fit the file system: the stem is shortened (by whole characters) and ends with "…". */
export function fitName(stem: string, suffix: string): string {
  if (fits(stem + suffix)) return stem + suffix;
  const chars = [...stem];
  while (chars.length && !fits(chars.join("") + "…" + suffix)) chars.pop();
  return chars.join("") + "…" + suffix;
}

export interface OutputNamer {
  /** A free name for `<stem><suffix>` (see the module comment), reserved for this run. */
  name(stem: string, suffix: string): string;
}

/**
 * Names for one run into `outDir`. `isOurs` tells a file this product wrote (by its content); `inputs` are the
 * files under review (absolute or relative paths).
 */
export function outputNamer(
  outDir: string,
  inputs: string[],
  isOurs: (bytes: Uint8Array) => boolean
): OutputNamer {
  const used = new Set<string>(inputs.map((f) => path.resolve(f).toLowerCase()));
  const blocked = (name: string) => {
    const p = path.resolve(outDir, name);
    if (used.has(p.toLowerCase())) return true;
    if (!existsSync(p)) return false;
    try {
      return !isOurs(readFileSync(p));
    } catch {
      return true; // a folder of that name, or a file we cannot read: never ours to replace
    }
  };
  return {
    name(stem, suffix) {
      let name = fitName(stem, suffix);
      for (let i = 2; blocked(name); i++) name = fitName(stem, `(${i})${suffix}`);
      used.add(path.resolve(outDir, name).toLowerCase());
      return name;
    },
  };
}
