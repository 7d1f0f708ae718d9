/** Why a file cannot be reviewed: a stable code (for `check --json`) and one Chinese sentence naming the cause. */
export type WorkbookReadErrorCode =
  | "not_found"
  | "not_regular"
  | "permission"
  | "io"
  | "not_xlsx"
  | "opendocument"
  | "legacy_xls"
  | "encrypted"
  | "truncated"
  | "corrupt"
  | "sheet_missing"
  | "xml_broken";

export class WorkbookReadError extends Error {
  /** The internal error behind it (shown only with --debug). */
  readonly detail: unknown;
  constructor(
    readonly code: WorkbookReadErrorCode,
    message: string,
    detail?: unknown
  ) {
    super(message);
    this.detail = detail;
  }
}
