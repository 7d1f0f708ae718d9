/**
 * Printed functional codes that are not well formed (类 3, 款 5, 项 7 digits): an extra or missing digit, the
 * letter O for 0. The code a reviewer would read is the one the row's name and its place (under which 类 / 款)
 * point to; the printed text stays on the row so a naming rule can say what is wrong.
 */
import { norm } from "../grid/text";
import { functionalName, sameFunctionalName } from "./functional";

export const WELL_FORMED_CODE = /^\d{3}(\d{2}){0,2}$/;

/** A well-formed code, also when printed with separators between 类, 款 and 项 (201-06-99, 201.06.99). */
export function readCode(text: string): string | undefined {
  const t = norm(text);
  if (WELL_FORMED_CODE.test(t)) return t;
  const m = /^(\d{3})(?:[-－.．](\d{2}))?(?:[-－.．](\d{2}))?$/.exec(t);
  return m && (m[2] || !m[3]) ? m.slice(1).filter(Boolean).join("") : undefined;
}

/**
 * A code cell's text that is an attempt at a code but not a readable one: at least three digits, no Chinese, at
 * most three other characters, beginning like an expenditure code (20313999, 201399, 2O13999, 201-06-999).
 */
export function looksLikeCode(text: string): boolean {
  const t = norm(text);
  if (!t || t.length > 12 || readCode(t) || /[\u3400-\u9fff]/.test(t)) return false;
  const digits = t.match(/\d/g)?.length ?? 0;
  // Expenditure codes begin 2 (功能分类) or 3 / 5 (经济分类); 1… are income codes or unit codes (117001), not judged here.
  return digits >= 3 && t.length - digits <= 3 && /^[235]/.test(t.replace(/^[Oo]/, "0"));
}

function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0];
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j];
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length];
}

export interface CodeContext {
  /** The 类 and 款 of the coded rows above (the row sits under them or beside them). */
  lei?: string;
  kuan?: string;
}

/**
 * The well-formed code a malformed printed code stands for, or undefined when neither its digits nor the row's
 * name and place decide it. Letters read as digits (O → 0) first; else the codes under the current 款 / 类 whose
 * standard name is the row's name and that are one or two edits away from the printed digits.
 */
export function repairFunctionalCode(
  printed: string,
  name: string,
  ctx: CodeContext
): string | undefined {
  const t = norm(printed)
    .replace(/[Oo]/g, "0")
    .replace(/[Il]/g, "1")
    .replace(/[^0-9]/g, "");
  if (WELL_FORMED_CODE.test(t)) return t;
  const candidates: string[] = [];
  if (ctx.lei && !/^2/.test(ctx.lei)) return undefined;
  for (let n = 1; n <= 99; n++) {
    const nn = String(n).padStart(2, "0");
    if (ctx.kuan) candidates.push(ctx.kuan + nn);
    if (ctx.lei) candidates.push(ctx.lei + nn);
  }
  const label = norm(name).replace(/^[一二三四五六七八九十]+[、.．]/, "");
  const scored = candidates
    .map((c) => {
      const std = functionalName(c);
      const nameScore =
        !std || !label ? 0 : norm(std) === label ? 2 : sameFunctionalName(label, std) ? 1 : 0;
      return { c, nameScore, dist: editDistance(t, c) };
    })
    .filter((x) => (x.nameScore > 0 && x.dist <= 2) || x.dist <= 1)
    .sort((a, b) => b.nameScore - a.nameScore || a.dist - b.dist);
  if (!scored.length) return undefined;
  const [best, next] = scored;
  // Two equally good readings: the printed code does not decide, so none is chosen.
  if (next && next.nameScore === best.nameScore && next.dist === best.dist) return undefined;
  return best.c;
}

/**
 * A functional code printed as its level's own digits in one code column (类 201, then 款 08, then 项 01 — the full
 * code is the 类's and 款's above with these digits): the 款 (类 + digits) or the 项 (款 + digits). The standard
 * names decide where they tell (one candidate's name is the row's); else the place: under a 类 line a 款, under a 款
 * or 项 line a 项. `previous` is the length of the code of the coded line above (3, 5 or 7). Undefined without a 类
 * above.
 */
export function ownDigitsCode(
  digits: string,
  name: string,
  ctx: CodeContext,
  previous: number | undefined
): string | undefined {
  if (!/^\d{2}$/.test(digits) || !ctx.lei) return undefined;
  const kuan = ctx.lei + digits;
  const xiang = ctx.kuan ? ctx.kuan + digits : undefined;
  const label = norm(name).replace(/^[一二三四五六七八九十]+[、.．]/, "");
  const named = (c: string | undefined) => {
    const std = c && functionalName(c);
    return !!std && !!label && sameFunctionalName(label, std);
  };
  if (named(kuan) !== named(xiang)) return named(kuan) ? kuan : xiang;
  return xiang && previous !== undefined && previous >= 5 ? xiang : kuan;
}

/**
 * A code cell's text as a PDF converter or a narrow column leaves it: "2010801.0" / "2010801.00" (a number turned text
 * with its format's decimals) is the code 2010801.
 */
export function decimalCode(text: string): string | undefined {
  const m = /^(\d{3}(?:\d{2}){0,2})\.0+$/.exec(norm(text));
  return m ? m[1] : undefined;
}

/**
 * A stray quote mark before a code's digits ('2080505, ’2080505, `2010301): a script that wrote "'" + code to keep the
 * cell text, or an IME's autocorrect (tester35b T35b-2). Excel shows the mark; the code is the digits after it.
 */
export const QUOTE_BEFORE_CODE = /^['‘’`´]+(?=\d)/;

/** The well-formed code after a stray quote mark (QUOTE_BEFORE_CODE), or undefined. */
export function quotedCode(text: string): string | undefined {
  const t = norm(text);
  return QUOTE_BEFORE_CODE.test(t) ? readCode(t.replace(QUOTE_BEFORE_CODE, "")) : undefined;
}

/** "2.01E+06": a code shown in scientific notation (text, as a converter copies it from a narrow column). */
export const SCIENTIFIC_CODE_TEXT = /^\d(?:\.\d+)?E\+?\d{1,2}$/i;
const SCIENTIFIC_CODE = /^(\d)(?:\.(\d+))?E\+?(\d{1,2})$/i;

/**
 * A code printed in scientific notation ("2.01E+06", "2.30E+06", 经济分类 "3.01E+04" — the text a converter copies from a
 * narrow column):
 * its digits are lost, only its length (exponent + 1) and first digits remain, so it is never rebuilt from them.
 * `length`: 3, 5 or 7 (the level it stands at). `code`: the one code under the 款 / 类 above whose standard name is
 * the row's name and whose leading digits are the printed ones (the row placed by its name and place), else none.
 * Undefined when the text is not a code in scientific notation.
 */
export function scientificCode(
  text: string,
  name: string,
  ctx: CodeContext,
  /** The standard names of the classification the code belongs to (functionalName, or economicName with the class as `lei`). */
  nameOf: (code: string) => string | undefined = functionalName
): { length: number; code?: string } | undefined {
  const m = SCIENTIFIC_CODE.exec(norm(text));
  if (!m) return undefined;
  const length = Number(m[3]) + 1;
  if (length !== 3 && length !== 5 && length !== 7) return undefined;
  const decimals = (m[2] ?? "").length;
  const shown = `${m[1]}${m[2] ?? ""}`;
  const parent = length === 7 ? ctx.kuan : length === 5 ? ctx.lei : undefined;
  const label = norm(name).replace(/^[一二三四五六七八九十]+[、.．]/, "");
  if (!parent || !label) return { length };
  const named: string[] = [];
  for (let n = 1; n <= 99; n++) {
    const c = parent + String(n).padStart(2, "0");
    const std = nameOf(c);
    // The candidate as the same scientific format would show it: its leading digits rounded like the printed ones.
    const mantissa = Number(c).toExponential(decimals).split("e")[0].replace(".", "");
    if (std && norm(std) === label && mantissa === shown) named.push(c);
  }
  return named.length === 1 ? { length, code: named[0] } : { length };
}
