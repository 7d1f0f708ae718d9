/** Error lines of the command line: one Chinese sentence per cause; internal detail only with --debug. */
import { WorkbookReadError } from "../hosts/xlsx/read";

/** One Chinese line for an error; the internal detail (stack, cause) only with --debug. */
export function errorLine(e: unknown, debug: boolean, file?: string): string {
  const prefix = file ? `错误：${file}：` : "错误：";
  const msg = e instanceof WorkbookReadError ? e.message : "处理时发生内部错误，请加 --debug 重新运行并把输出交给开发者";
  if (!debug) return prefix + msg;
  const cause = e instanceof WorkbookReadError ? e.detail : e;
  const detail = cause instanceof Error ? cause.stack ?? cause.message : cause !== undefined ? String(cause) : "";
  return prefix + msg + (detail ? `\n[debug] ${detail}` : "");
}
