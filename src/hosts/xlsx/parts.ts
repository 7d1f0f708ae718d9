/** Package part names (OPC, ECMA-376 Part 2): relationships and the relative targets between parts. */

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
