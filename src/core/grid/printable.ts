/**
 * User text (cell labels, 部门, table titles, sheet and file names) as shown to a reviewer: on a terminal, in the
 * inserted sheets (审核结果, 预算汇总, 审核汇总), in cell notes and in the pane. A control character in a cell must not
 * recolour, clear or move the reviewer's terminal (an ANSI escape such as ESC[31m), reorder what is read (the bidi
 * overrides) or make the written XML invalid (C0 controls, lone surrogates). Each is replaced by a visible stand-in,
 * so the reviewer still sees that the cell holds one: C0 controls by their Control Pictures (ESC → ␛, so ESC[31m shows
 * as ␛[31m), DEL by ␡, C1 controls, bidi controls and lone surrogates by U+FFFD. Tab and newline are kept; CR LF
 * becomes a newline. The user's workbook itself is never changed: this is for display only.
 */

/* eslint-disable no-control-regex -- these patterns exist to find control characters */
const UNSAFE =
  /\r\n|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const ANY_UNSAFE =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/;
/* eslint-enable no-control-regex */

/** The text with every unsafe character replaced by its visible stand-in (the same text when there is none). */
export function printable(s: string): string {
  if (!ANY_UNSAFE.test(s)) return s;
  return s.replace(UNSAFE, (ch) => {
    if (ch === "\r\n") return "\n";
    const c = ch.charCodeAt(0);
    if (c < 0x20) return String.fromCharCode(0x2400 + c);
    if (c === 0x7f) return "\u2421";
    return "\ufffd";
  });
}
