/** The output folder, made before any file is reviewed (`check --out <dir>`). */
import { promises as fs } from "fs";
import path from "path";

/**
 * mkdir -p by hand: Node 20's `fs.mkdir(dir, { recursive: true })` never returns for some paths — /proc/x on Linux
 * gets EEXIST from mkdir("/proc") again and again (100 % CPU, no error). Walks up to the nearest folder that exists,
 * then makes each missing one. Throws the system error (EACCES, ENOTDIR, EROFS, ENOENT …) for errors.ts to say.
 */
export async function makeOutDir(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let d = path.resolve(dir); ;) {
    const st = await fs
      .stat(d)
      .catch((e: NodeJS.ErrnoException) =>
        e.code === "ENOENT" || e.code === "ENOTDIR" ? undefined : Promise.reject(e)
      );
    if (st) {
      if (!st.isDirectory())
        throw Object.assign(new Error(`ENOTDIR: ${d}`), { code: "ENOTDIR", path: d });
      break;
    }
    missing.push(d);
    const up = path.dirname(d);
    if (up === d) break;
    d = up;
  }
  for (const d of missing.reverse())
    await fs
      .mkdir(d)
      .catch((e: NodeJS.ErrnoException) => (e.code === "EEXIST" ? undefined : Promise.reject(e)));
}
