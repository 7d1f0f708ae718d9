/** Package part names (OPC, ECMA-376 Part 2): relationships, the targets between parts, and XML text read from them. */

/** One `<Relationship>` of a .rels part. */
export interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** The folder of a part, with its trailing slash ("" at the package root): xl/worksheets/sheet1.xml → xl/worksheets/. */
export function dirOf(part: string): string {
  const i = part.lastIndexOf("/");
  return i < 0 ? "" : part.slice(0, i + 1);
}

/** The target that reaches part `to` from a part in folder `fromDir`: ("xl/worksheets/", "xl/comments1.xml") → ../comments1.xml. */
export function relativeTarget(fromDir: string, to: string): string {
  const a = fromDir.split("/").filter(Boolean);
  const b = to.split("/");
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => ".."), ...b.slice(i)].join("/");
}

/** The part a relationship target names, from the part the relationship belongs to (absolute targets start at the root). */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const out: string[] = [];
  for (const s of (dirOf(fromPart) + target).split("/")) {
    if (s === "..") out.pop();
    else if (s !== ".") out.push(s);
  }
  return out.join("/");
}

/** XML character and entity references → text. */
export const unescapeXml = (s: string) =>
  s.replace(
    /&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi,
    (m, e: string) =>
      (({ lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" }) as Record<string, string>)[
        e.toLowerCase()
      ] ??
      String.fromCodePoint(
        e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
      )
  );
