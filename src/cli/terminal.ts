/**
 * Text from cells reaches a terminal: control characters (C0, DEL, C1 — ESC starts terminal escape codes), the
 * bidirectional overrides that reorder what a reader sees and lone surrogates are replaced before printing, by the
 * core's `printable` (the same stand-ins as in 审核结果 and 审核汇总).
 */
import { printable } from "../core/grid/printable";

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Printable form of a text for a terminal: C0 controls as their Control Pictures (␛ for ESC), the others as U+FFFD. Newlines are kept. */
export const terminalSafe = printable;

/** JSON text with every such character escaped (\u001b …): the data is kept, the terminal is safe. */
export function jsonText(doc: unknown): string {
  return JSON.stringify(doc).replace(
    UNSAFE,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`
  );
}
