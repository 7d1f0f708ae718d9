/**
 * exceljs's Workbook (exceljs 4.4.0, pinned in package.json) without the rest of the package's entry point: its
 * streaming reader and writer (unzipper, archiver and their polyfills) are never used by the hosts, and loading them
 * cost every process and every `--jobs` worker about a tenth of a second at start (`npm run bench`, cold CLI table).
 */
import type ExcelJS from "exceljs";

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const Workbook = require("exceljs/lib/doc/workbook") as typeof ExcelJS.Workbook;

/**
 * A number cell's `<v>` as the OOXML schema defines it (xsd:double): a decimal or exponent number, INF, -INF or NaN.
 * exceljs 4.4.0 reads every number cell with `parseFloat`, so `<v>abc</v>` became NaN (reported as a non-finite
 * number), `<v>12abc</v>` silently 12 and `<v>INF</v>` NaN.
 */
const XSD_DOUBLE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$|^[+-]?INF$|^NaN$/;

interface CellXformLike {
  t?: string;
  model: { value?: unknown; formula?: string; shareType?: string; type?: number; result?: unknown };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const CellXform = require("exceljs/lib/xlsx/xform/sheet/cell-xform") as {
  prototype: { parseClose(this: CellXformLike, name: string): boolean };
};
const ValueType = // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require("exceljs/lib/doc/enums") as { ValueType: { String: number; Date: number } }).ValueType;

/**
 * `t="d"`: the ISO 8601 date (and time) text of a date cell (ECMA-376 §18.18.11). Without a zone it is the wall-clock
 * date, read as UTC like every date exceljs makes from a serial number. Anything else → undefined.
 */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|[+-]\d{2}:\d{2})?$/;
function isoDate(text: string): Date | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const ms = Date.parse(m[1] || text.length === 10 ? text : `${text}Z`);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

/**
 * A number cell (no `t`, or `t="n"`) whose `<v>` is not a number at all is read as the text it holds — what the
 * review names (文本“abc”, not a non-finite number); INF / -INF are read as the infinities they are. A formula's stored
 * result is read the same way. Patched once, on exceljs's cell parser, for every workbook this process reads.
 */
const parseClose = CellXform.prototype.parseClose;
CellXform.prototype.parseClose = function (this: CellXformLike, name: string): boolean {
  const raw = this.model?.value;
  if (name === "c" && this.t === "d" && typeof raw === "string") {
    // exceljs parseFloat()s it ("2024-01-01" → 2024): the cell is the date it holds — as Excel loads it (a date
    // serial with the cell's format; read.ts shows it as the date), or its text when it is no ISO date.
    const out = parseClose.call(this, name);
    const date = isoDate(raw.trim());
    if (this.model.formula || this.model.shareType) this.model.result = raw;
    else if (date) {
      this.model.type = ValueType.Date;
      this.model.value = date;
    } else {
      this.model.type = ValueType.String;
      this.model.value = raw;
    }
    return out;
  }
  const numeric =
    name === "c" && (this.t === undefined || this.t === "n") && typeof raw === "string";
  const out = parseClose.call(this, name);
  if (!numeric) return out;
  const text = raw.trim();
  const formula = !!(this.model.formula || this.model.shareType);
  if (!XSD_DOUBLE.test(text)) {
    if (formula) this.model.result = raw;
    else {
      this.model.type = ValueType.String;
      this.model.value = raw;
    }
  } else if (/INF$/.test(text)) {
    const inf = text.startsWith("-") ? -Infinity : Infinity;
    if (formula) this.model.result = inf;
    else this.model.value = inf;
  }
  return out;
};

interface RowXformLike {
  parser?: unknown;
  model?: { height?: number; hidden?: boolean };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const RowXform = require("exceljs/lib/xlsx/xform/sheet/row-xform") as {
  prototype: { parseOpen(this: RowXformLike, node: { name: string }): boolean };
};

/**
 * A row of height 0 (`ht="0"`, with customHeight: a border dragged to the top, some exporters) shows and prints
 * nothing, as a hidden row does (tester35b T35b-1); exceljs 4.4.0 drops a height of 0 when it builds the row. Read
 * as hidden, here where the height is still known.
 */
const parseRowOpen = RowXform.prototype.parseOpen;
RowXform.prototype.parseOpen = function (this: RowXformLike, node: { name: string }): boolean {
  const out = parseRowOpen.call(this, node);
  if (node.name === "row" && !this.parser && this.model?.height === 0) this.model.hidden = true;
  return out;
};
