/** Error lines of the command line: one Chinese sentence per cause; internal detail only with --debug. */
import { WorkbookReadError } from "../hosts/xlsx/errors";

/** The folders of `check --out`: no workbook found in the inputs, or an output folder that cannot be made or written; the message is the reviewer's sentence. */
export class FolderError extends Error {
  constructor(
    message: string,
    readonly detail?: unknown
  ) {
    super(message);
  }
}

/** One Chinese line for an error; the internal detail (stack, cause) only with --debug. */
export function errorLine(e: unknown, debug: boolean, file?: string): string {
  const prefix = file ? `错误：${file}：` : "错误：";
  const known = e instanceof WorkbookReadError || e instanceof FolderError;
  const msg = known ? e.message : "处理时发生内部错误，请加 --debug 重新运行并把输出交给开发者";
  if (!debug) return prefix + msg;
  const cause = known ? e.detail : e;
  const detail =
    cause instanceof Error
      ? (cause.stack ?? cause.message)
      : cause !== undefined
        ? String(cause)
        : "";
  return prefix + msg + (detail ? `\n[debug] ${detail}` : "");
}

/** A file-system error on writing into the output folder → one Chinese sentence (undefined for anything else). */
export function writeError(outDir: string, e: unknown): string | undefined {
  const code = (e as NodeJS.ErrnoException)?.code;
  const byCode: Record<string, string> = {
    EACCES: `没有写入输出文件夹“${outDir}”的权限，请换一个有写入权限的文件夹（--out）`,
    EPERM: `没有写入输出文件夹“${outDir}”的权限，请换一个有写入权限的文件夹（--out）`,
    EROFS: `输出文件夹“${outDir}”在只读的磁盘上，请换一个文件夹（--out）`,
    ENOSPC: `输出文件夹“${outDir}”所在磁盘已满，请清理后重试或换一个文件夹（--out）`,
    ENOTDIR: `“${outDir}”不是文件夹（已有同名文件），请换一个输出文件夹（--out）`,
    EEXIST: `“${outDir}”不是文件夹（已有同名文件），请换一个输出文件夹（--out）`,
    ENAMETOOLONG: `输出路径过长，请换一个较短的输出文件夹（--out）`,
  };
  return code ? byCode[code] : undefined;
}
