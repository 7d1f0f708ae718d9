/**
 * Executes the Office.js runtime's requests ({Actions, ObjectPaths}) against a MemoryWorkbook, for the API
 * subset the add-in uses, and answers as Excel does: PascalCase results, null objects, Office error codes.
 * Every call is a round trip (counted); every write is recorded.
 */
import { cellA1, parseRef, quoteSheet, rangeA1 } from "../../src/core/grid/address";
import {
  MemoryWorkbook,
  newId,
  type Cell,
  type Chart,
  type ConditionalFormat,
  type HeaderPages,
  type HeaderSection,
  type Sheet,
} from "./workbook";

export class OfficeError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message);
  }
}
const MESSAGES: Record<string, string> = {
  ItemNotFound: "The requested resource doesn't exist.",
  ItemAlreadyExists: "A resource with the same name or identifier already exists.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  InvalidReference: "This reference isn't valid for the current operation.",
  AccessDenied: "You cannot perform the requested operation.",
  ApiNotFound: "The API you are trying to use could not be found.",
  RequestPayloadSizeLimitExceeded: "The request payload size has exceeded the limit.",
  GeneralException: "An internal error has occurred.",
};
const fail = (code: string, detail?: string): never => {
  throw new OfficeError(code, MESSAGES[code] + (detail ? ` (${detail})` : ""));
};

type Rect = { r0: number; c0: number; r1: number; c1: number };
type H =
  | { t: "Workbook" }
  | { t: "WorksheetCollection" }
  | { t: "Worksheet"; s: Sheet }
  | { t: "WorksheetProtection"; s: Sheet }
  | { t: "Range"; s: Sheet; r: Rect }
  | { t: "RangeAreas"; s: Sheet; areas: Rect[] }
  | { t: "RangeFormat"; s: Sheet; r: Rect }
  | { t: "RangeFill"; s: Sheet; r: Rect }
  | { t: "RangeFont"; s: Sheet; r: Rect }
  | { t: "RangeBorders"; s: Sheet; r: Rect }
  | { t: "RangeBorder"; s: Sheet; r: Rect; side: string }
  | { t: "ConditionalFormatCollection"; s: Sheet; r: Rect; areas: Rect[] }
  | { t: "ConditionalFormat"; s: Sheet; cf: ConditionalFormat }
  | {
      t:
        | "CustomConditionalFormat"
        | "ConditionalFormatRule"
        | "ConditionalRangeFormat"
        | "ConditionalRangeFill"
        | "ConditionalRangeFont"
        | "DataBarConditionalFormat"
        | "ConditionalDataBarPositiveFormat";
      s: Sheet;
      cf: ConditionalFormat;
    }
  | { t: "ChartCollection"; s: Sheet }
  | { t: "Chart"; s: Sheet; chart: Chart }
  | { t: "ChartTitle"; s: Sheet; chart: Chart }
  | { t: "ChartPart"; s: Sheet; chart: Chart }
  | { t: "WorksheetFreezePanes"; s: Sheet }
  | { t: "AutoFilter"; s: Sheet }
  | { t: "Application" }
  | { t: "PageLayout"; s: Sheet }
  | { t: "HeaderFooterGroup"; s: Sheet }
  | { t: "HeaderFooter"; s: Sheet; pages: HeaderPages }
  | { t: "SettingCollection" }
  | { t: "Setting"; key: string }
  | { t: "CommentCollection" }
  | { t: "Comment"; id: string }
  | null;

export interface WriteRecord {
  sheet: string;
  address: string;
  property: string;
  value: unknown;
}

export interface ExecutorOptions {
  /** Cells a single range read may return before values come back null (Excel: 5,000,000). */
  maxReadCells?: number;
  /** Response size (characters of JSON) above which the request fails (Excel on the web: 5 MB). */
  maxResponseChars?: number;
}

/** Excel's standard column width, in characters (Worksheet.standardWidth). */
const STANDARD_WIDTH = 8.43;
const cells = (r: Rect) => (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1);
const addr = (s: Sheet, r: Rect) => `${quoteSheet(s.name)}!${rangeA1(r.r0, r.c0, r.r1, r.c1)}`;
function grid<T>(r: Rect, f: (row: number, col: number) => T): T[][] {
  const out: T[][] = [];
  for (let i = r.r0; i <= r.r1; i++) {
    const row: T[] = [];
    for (let j = r.c0; j <= r.c1; j++) row.push(f(i, j));
    out.push(row);
  }
  return out;
}
/** A uniform value over the range, or null when the cells differ (as Office reports mixed formats). */
function uniform<T>(r: Rect, f: (row: number, col: number) => T): T | null {
  let first: T | undefined;
  for (let i = r.r0; i <= r.r1; i++)
    for (let j = r.c0; j <= r.c1; j++) {
      const v = f(i, j);
      if (first === undefined) first = v;
      else if (v !== first) return null;
    }
  return first ?? null;
}
const bounds = (areas: Rect[]): Rect => ({
  r0: Math.min(...areas.map((a) => a.r0)),
  c0: Math.min(...areas.map((a) => a.c0)),
  r1: Math.max(...areas.map((a) => a.r1)),
  c1: Math.max(...areas.map((a) => a.c1)),
});
/** Conditional-format types without stopIfTrue (Excel.ConditionalFormat.stopIfTrue is null on them). */
const NO_STOP = new Set(["DataBar", "IconSet", "ColorScale"]);
/** Does a conditional format (one or more areas, "A1, C3:D4") intersect any of these areas? */
function intersects(cf: ConditionalFormat, areas: Rect[]): boolean {
  return cf.address.split(/,\s*/).some((x) => {
    const p = parseRef(x);
    return areas.some((a) => p.r0 <= a.r1 && p.r1 >= a.r0 && p.c0 <= a.c1 && p.c1 >= a.c0);
  });
}
/** Cells → rectangles as Excel lists special cells: runs along each row, stacked when the next rows repeat them. */
function areasOf(hit: Array<[number, number]>): Rect[] {
  const byRow = new Map<number, number[]>();
  for (const [i, j] of hit) byRow.set(i, [...(byRow.get(i) ?? []), j]);
  const open = new Map<string, Rect>();
  const out: Rect[] = [];
  for (const i of [...byRow.keys()].sort((a, b) => a - b)) {
    const cols = byRow.get(i)!.sort((a, b) => a - b);
    const runs: Array<[number, number]> = [];
    for (const j of cols) {
      const last = runs[runs.length - 1];
      if (last && last[1] === j - 1) last[1] = j;
      else runs.push([j, j]);
    }
    const next = new Map<string, Rect>();
    for (const [c0, c1] of runs) {
      const k = `${c0},${c1}`;
      const prev = open.get(k);
      if (prev && prev.r1 === i - 1) {
        prev.r1 = i;
        next.set(k, prev);
      } else {
        const rect = { r0: i, c0, r1: i, c1 };
        out.push(rect);
        next.set(k, rect);
      }
    }
    open.clear();
    for (const [k, v] of next) open.set(k, v);
  }
  return out;
}
const pascal = (s: string) => (s.startsWith("_") ? s : s[0].toUpperCase() + s.slice(1));

export class Executor {
  roundTrips = 0;
  cleanupTrips = 0;
  private kept = new Set<number>();
  /** Every range whose values, text or number formats were loaded: the cells Excel had to produce. */
  reads: Array<{ sheet: string; address: string; cells: number }> = [];
  writes: WriteRecord[] = [];
  requests: unknown[] = [];
  /**
   * Ranges handed out by reference (Excel answers `_ReferenceId` for a range the runtime keeps with _KeepReference):
   * the runtime then names them by that id (path type 6), so a range made by a method stays usable after a sync.
   */
  private refs = new Map<string, Exclude<H, null>>();
  constructor(
    public wb: MemoryWorkbook,
    private opts: ExecutorOptions = {}
  ) {}

  /** The executor the runtime calls ({HttpStatusCode, Headers, Body} in, same out). */
  execute(body: {
    Actions: Array<Record<string, unknown>>;
    ObjectPaths: Record<string, Record<string, unknown>>;
  }) {
    // The runtime's clean-up after Excel.run (only _RemoveReference of kept ranges) is sent without waiting for it:
    // counted apart, so round trips are the requests the add-in waits for.
    if (
      body.Actions.length &&
      body.Actions.every((a) => a.Name === "_RemoveReference" || (a.ActionType === 1 && !a.Name))
    )
      this.cleanupTrips++;
    else this.roundTrips++;
    this.requests.push(body);
    this.kept = new Set(
      body.Actions.filter((a) => a.Name === "_KeepReference").map((a) => a.ObjectPathId as number)
    );
    const resolved = new Map<number, H>();
    const results: Array<{ ActionId: number; Value: unknown }> = [];
    try {
      for (const a of body.Actions) {
        const value = this.action(a, body.ObjectPaths, resolved);
        if (value !== undefined) results.push({ ActionId: a.Id as number, Value: value });
      }
    } catch (e) {
      if (e instanceof OfficeError)
        return {
          HttpStatusCode: 400,
          ErrorCode: e.code,
          ErrorMessage: e.message,
          Headers: {},
          Body: null,
        };
      return {
        HttpStatusCode: 500,
        ErrorCode: "GeneralException",
        ErrorMessage: `${MESSAGES.GeneralException} ${(e as Error).message}`,
        Headers: {},
        Body: null,
      };
    }
    const response = { HttpStatusCode: 200, Headers: {}, Body: { Results: results } };
    if (this.opts.maxResponseChars && JSON.stringify(response).length > this.opts.maxResponseChars)
      return {
        HttpStatusCode: 400,
        ErrorCode: "RequestPayloadSizeLimitExceeded",
        ErrorMessage: MESSAGES.RequestPayloadSizeLimitExceeded,
        Headers: {},
        Body: null,
      };
    return response;
  }

  private path(
    id: number,
    paths: Record<string, Record<string, unknown>>,
    resolved: Map<number, H>
  ): H {
    if (resolved.has(id)) return resolved.get(id)!;
    const p = paths[String(id)];
    if (!p) fail("InvalidArgument", `object path ${id}`);
    const type = p.ObjectPathType as number;
    const args = this.args(p.ArgumentInfo, paths, resolved);
    let h: H;
    if (type === 1) h = { t: "Workbook" };
    else if (type === 6)
      h = this.refs.get(String(p.Name)) ?? fail("InvalidReference", `reference ${String(p.Name)}`);
    else if (type === 7) h = null;
    else {
      const parent = this.path(p.ParentObjectPathId as number, paths, resolved);
      if (parent === null) h = null;
      else if (type === 4) h = this.nav(parent, p.Name as string);
      else if (type === 5) h = this.indexer(parent, args[0]);
      else if (type === 3) h = this.method(parent, p.Name as string, args, true) as H;
      else h = fail("InvalidArgument", `path type ${type}`);
    }
    resolved.set(id, h);
    return h;
  }

  /** Arguments, with object references (a Range passed to charts.add, …) resolved to their handles. */
  private args(
    info: unknown,
    paths: Record<string, Record<string, unknown>>,
    resolved: Map<number, H>
  ): unknown[] {
    const i = (info ?? {}) as { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
    return (i.Arguments ?? []).map((a, k) =>
      i.ReferencedObjectPathIds?.[k] ? this.path(i.ReferencedObjectPathIds[k], paths, resolved) : a
    );
  }

  private action(
    a: Record<string, unknown>,
    paths: Record<string, Record<string, unknown>>,
    resolved: Map<number, H>
  ): unknown {
    const h = this.path(a.ObjectPathId as number, paths, resolved);
    const args = this.args(a.ArgumentInfo, paths, resolved);
    switch (a.ActionType as number) {
      case 1: // instantiate
        if (h === null) return null;
        if ((h.t === "Range" || h.t === "RangeAreas") && this.kept.has(a.ObjectPathId as number)) {
          const id = `ref${this.refs.size + 1}`;
          this.refs.set(id, h);
          return { _ReferenceId: id };
        }
        return this.identity(h);
      case 2: // query
        return h === null ? null : this.query(h, (a.QueryInfo as { Select?: string[] }) ?? {});
      case 3: // method
        if ((a.Name as string).startsWith("_")) return null; // _KeepReference, _RemoveReference and other bookkeeping
        if (h === null) return null;
        return this.method(h, a.Name as string, args, false);
      case 4: // set property
        if (h !== null) this.set(h, a.Name as string, args[0]);
        return undefined;
      default:
        return undefined; // trace and other bookkeeping actions
    }
  }

  private identity(h: Exclude<H, null>): Record<string, unknown> {
    if (h.t === "Worksheet") return { Id: h.s.id };
    if (h.t === "ConditionalFormat") return { Id: h.cf.id };
    if (h.t === "Chart") return { Id: h.chart.id };
    if (h.t === "Comment") return { Id: h.id };
    if (h.t === "Setting") return { Key: h.key };
    return {};
  }

  private sheetById(x: unknown): Sheet | undefined {
    const k = String(x);
    return (
      this.wb.sheets.find((s) => s.id === k) ??
      this.wb.sheets.find((s) => s.name.toLowerCase() === k.toLowerCase())
    );
  }

  private rangeOf(s: Sheet, address: string): Rect {
    let a = address;
    if (a.includes("!")) {
      const p = parseRef(a);
      if (p.sheet && p.sheet !== s.name) fail("InvalidArgument", a);
      return { r0: p.r0, c0: p.c0, r1: p.r1, c1: p.c1 };
    }
    a = a.replace(/\$/g, "");
    if (!/^[A-Z]+\d+(:[A-Z]+\d+)?$/i.test(a)) fail("InvalidArgument", address);
    const p = parseRef(a);
    return {
      r0: Math.min(p.r0, p.r1),
      c0: Math.min(p.c0, p.c1),
      r1: Math.max(p.r0, p.r1),
      c1: Math.max(p.c0, p.c1),
    };
  }

  private nav(h: Exclude<H, null>, name: string): H {
    switch (`${h.t}.${name}`) {
      case "Workbook.Worksheets":
        return { t: "WorksheetCollection" };
      case "Workbook.Settings":
        return { t: "SettingCollection" };
      case "Workbook.Comments":
        return { t: "CommentCollection" };
      case "Workbook.Application":
        return { t: "Application" };
      case "Worksheet.Charts":
        return { t: "ChartCollection", s: (h as { s: Sheet }).s };
      case "Worksheet.FreezePanes":
        return { t: "WorksheetFreezePanes", s: (h as { s: Sheet }).s };
      case "Worksheet.PageLayout":
        return { t: "PageLayout", s: (h as { s: Sheet }).s };
      case "PageLayout.HeadersFooters":
        return { t: "HeaderFooterGroup", s: (h as { s: Sheet }).s };
      case "HeaderFooterGroup.DefaultForAllPages":
      case "HeaderFooterGroup.FirstPage":
      case "HeaderFooterGroup.OddPages":
      case "HeaderFooterGroup.EvenPages":
        return {
          t: "HeaderFooter",
          s: (h as { s: Sheet }).s,
          pages: (name[0].toLowerCase() + name.slice(1)) as HeaderPages,
        };
      case "Worksheet.AutoFilter":
        return { t: "AutoFilter", s: (h as { s: Sheet }).s };
      case "RangeFormat.Borders":
        return { t: "RangeBorders", s: (h as { s: Sheet }).s, r: (h as { r: Rect }).r };
      case "RangeAreas.ConditionalFormats": {
        const ra = h as { s: Sheet; areas: Rect[] };
        return { t: "ConditionalFormatCollection", s: ra.s, r: bounds(ra.areas), areas: ra.areas };
      }
      case "ConditionalFormat.DataBar":
        return {
          t: "DataBarConditionalFormat",
          s: (h as { s: Sheet }).s,
          cf: (h as { cf: ConditionalFormat }).cf,
        };
      case "DataBarConditionalFormat.PositiveFormat":
        return {
          t: "ConditionalDataBarPositiveFormat",
          s: (h as { s: Sheet }).s,
          cf: (h as { cf: ConditionalFormat }).cf,
        };
      case "ConditionalFormat.CustomOrNullObject": {
        const c = h as { s: Sheet; cf: ConditionalFormat };
        return c.cf.type === "Custom" ? { t: "CustomConditionalFormat", s: c.s, cf: c.cf } : null;
      }
      case "Chart.Title":
        return { t: "ChartTitle", s: (h as { s: Sheet }).s, chart: (h as { chart: Chart }).chart };
      case "Chart.Series":
      case "Chart.Legend":
      case "Chart.Axes":
      case "Chart.Format":
      case "Chart.DataLabels":
        return { t: "ChartPart", s: (h as { s: Sheet }).s, chart: (h as { chart: Chart }).chart };
      case "Worksheet.Protection":
        return { t: "WorksheetProtection", s: (h as { s: Sheet }).s };
      case "Range.Format":
        return { t: "RangeFormat", s: (h as { s: Sheet }).s, r: (h as { r: Rect }).r };
      case "RangeFormat.Fill":
        return { t: "RangeFill", s: (h as { s: Sheet }).s, r: (h as { r: Rect }).r };
      case "RangeFormat.Font":
        return { t: "RangeFont", s: (h as { s: Sheet }).s, r: (h as { r: Rect }).r };
      case "Range.ConditionalFormats":
        return {
          t: "ConditionalFormatCollection",
          s: (h as { s: Sheet }).s,
          r: (h as { r: Rect }).r,
          areas: [(h as { r: Rect }).r],
        };
      case "Range.Worksheet":
        return { t: "Worksheet", s: (h as { s: Sheet }).s };
      case "ConditionalFormat.Custom":
        return {
          t: "CustomConditionalFormat",
          s: (h as { s: Sheet }).s,
          cf: (h as { cf: ConditionalFormat }).cf,
        };
      case "CustomConditionalFormat.Rule":
        return {
          t: "ConditionalFormatRule",
          s: (h as { s: Sheet }).s,
          cf: (h as { cf: ConditionalFormat }).cf,
        };
      case "CustomConditionalFormat.Format":
        return {
          t: "ConditionalRangeFormat",
          s: (h as { s: Sheet }).s,
          cf: (h as { cf: ConditionalFormat }).cf,
        };
      case "ConditionalRangeFormat.Fill":
        return {
          t: "ConditionalRangeFill",
          s: (h as { s: Sheet }).s,
          cf: (h as { cf: ConditionalFormat }).cf,
        };
      case "ConditionalRangeFormat.Font":
        return {
          t: "ConditionalRangeFont",
          s: (h as { s: Sheet }).s,
          cf: (h as { cf: ConditionalFormat }).cf,
        };
    }
    // Chart sub-objects (axes, legend, …) are accepted and not modelled: the bench records that a chart exists.
    if (h.t === "ChartPart") return { t: "ChartPart", s: h.s, chart: h.chart };
    return fail("ApiNotFound", `${h.t}.${name}`);
  }

  private indexer(h: Exclude<H, null>, key: unknown): H {
    if (h.t === "WorksheetCollection")
      return { t: "Worksheet", s: this.sheetById(key) ?? fail("ItemNotFound", String(key)) };
    if (h.t === "SettingCollection")
      return this.wb.settings.has(String(key))
        ? { t: "Setting", key: String(key) }
        : fail("ItemNotFound", String(key));
    if (h.t === "ConditionalFormatCollection") {
      const cf =
        h.s.conditionalFormats.find((x) => x.id === key) ?? fail("ItemNotFound", String(key));
      return { t: "ConditionalFormat", s: h.s, cf };
    }
    if (h.t === "CommentCollection")
      return this.wb.comments.some((c) => c.id === key)
        ? { t: "Comment", id: String(key) }
        : fail("ItemNotFound");
    if (h.t === "RangeBorders") return { t: "RangeBorder", s: h.s, r: h.r, side: String(key) };
    if (h.t === "ChartCollection") {
      const chart =
        h.s.charts.find((c) => c.id === key || c.name === key) ?? fail("ItemNotFound", String(key));
      return { t: "Chart", s: h.s, chart };
    }
    return fail("ApiNotFound", `${h.t}[]`);
  }

  private read(s: Sheet, r: Rect) {
    this.reads.push({ sheet: s.name, address: rangeA1(r.r0, r.c0, r.r1, r.c1), cells: cells(r) });
  }

  private guardWrite(s: Sheet) {
    if (s.protected) fail("AccessDenied", `${s.name} is protected`);
  }
  private record(s: Sheet, r: Rect, property: string, value: unknown) {
    this.writes.push({ sheet: s.name, address: rangeA1(r.r0, r.c0, r.r1, r.c1), property, value });
  }

  private method(h: Exclude<H, null>, name: string, args: unknown[], asPath: boolean): unknown {
    const wb = this.wb;
    switch (h.t) {
      case "Workbook":
        if (name === "GetSelectedRange") {
          const sel = wb.selection;
          const s = sel ? wb.sheets.find((x) => x.id === sel.sheetId)! : wb.sheets[0];
          return {
            t: "Range",
            s,
            r: sel
              ? { r0: sel.r0, c0: sel.c0, r1: sel.r1, c1: sel.c1 }
              : { r0: 0, c0: 0, r1: 0, c1: 0 },
          };
        }
        if (name === "GetSelectedRanges") {
          const sel = wb.selection;
          const s = sel ? wb.sheets.find((x) => x.id === sel.sheetId)! : wb.sheets[0];
          return {
            t: "RangeAreas",
            s,
            areas: sel
              ? (sel.areas ?? [{ r0: sel.r0, c0: sel.c0, r1: sel.r1, c1: sel.c1 }])
              : [{ r0: 0, c0: 0, r1: 0, c1: 0 }],
          };
        }
        break;
      case "Application":
        if (
          name === "SuspendScreenUpdatingUntilNextSync" ||
          name === "SuspendApiCalculationUntilNextSync"
        )
          return null;
        break;
      case "WorksheetCollection":
        if (name === "GetItem")
          return {
            t: "Worksheet",
            s: this.sheetById(args[0]) ?? fail("ItemNotFound", String(args[0])),
          };
        if (name === "GetItemOrNullObject") {
          const s = this.sheetById(args[0]);
          return s ? { t: "Worksheet", s } : null;
        }
        if (name === "GetActiveWorksheet")
          return {
            t: "Worksheet",
            s: wb.sheets.find((s) => s.id === wb.activeSheetId) ?? wb.sheets[0],
          };
        if (name === "GetCount")
          return wb.sheets.filter((s) => s.visibility === "Visible" || args[0] !== true).length;
        if (name === "Add") {
          let n = args[0] as string | undefined;
          if (n === undefined || n === null || n === "") {
            let i = wb.sheets.length + 1;
            while (this.sheetById(`Sheet${i}`)) i++;
            n = `Sheet${i}`;
          }
          if (n.length > 31 || /[\\/?*[\]:]/.test(n) || /^'|'$/.test(n) || n.trim() === "")
            fail("InvalidArgument", `sheet name ${n}`);
          if (wb.sheets.some((s) => s.name.toLowerCase() === n!.toLowerCase()))
            fail("ItemAlreadyExists", n);
          const s = wb.addSheet(n);
          this.writes.push({ sheet: n, address: "", property: "worksheets.add", value: n });
          return { t: "Worksheet", s };
        }
        break;
      case "Worksheet": {
        const s = h.s;
        // getRange() without an address is the whole sheet (A1:XFD1048576).
        if (name === "GetRange")
          return {
            t: "Range",
            s,
            r:
              args[0] === undefined || args[0] === null || args[0] === ""
                ? { r0: 0, c0: 0, r1: 1048575, c1: 16383 }
                : this.rangeOf(s, String(args[0])),
          };
        if (name === "GetRangeByIndexes") {
          const [r, c, rc, cc] = args as number[];
          if (r < 0 || c < 0 || rc < 1 || cc < 1) fail("InvalidArgument", "getRangeByIndexes");
          return { t: "Range", s, r: { r0: r, c0: c, r1: r + rc - 1, c1: c + cc - 1 } };
        }
        if (name === "GetRanges") {
          const areas = String(args[0])
            .split(/\s*,\s*/)
            .map((a) => this.rangeOf(s, a));
          return { t: "RangeAreas", s, areas };
        }
        if (name === "GetUsedRange")
          return { t: "Range", s, r: this.usedOrA1(s, args[0] === true) };
        if (name === "GetUsedRangeOrNullObject") {
          const b = wb.usedBounds(s, args[0] === true);
          return b ? { t: "Range", s, r: b } : null;
        }
        if (name === "Activate") {
          wb.activeSheetId = s.id;
          return null;
        }
        if (name === "Delete") {
          if (
            wb.sheets.filter((x) => x.visibility === "Visible").length <= 1 &&
            s.visibility === "Visible"
          )
            fail("InvalidArgument", "the last visible sheet");
          wb.sheets = wb.sheets.filter((x) => x !== s);
          this.writes.push({
            sheet: s.name,
            address: "",
            property: "worksheet.delete",
            value: null,
          });
          return null;
        }
        break;
      }
      case "WorksheetProtection":
        if (name === "Protect") h.s.protected = true;
        else if (name === "Unprotect") h.s.protected = false;
        else break;
        return null;
      case "Range": {
        const { s, r } = h;
        if (name === "Select") {
          wb.selection = { sheetId: s.id, ...r };
          wb.activeSheetId = s.id;
          return null;
        }
        if (name === "Merge") {
          this.guardWrite(s);
          s.merges.push({ ...r });
          this.record(s, r, "merge", args[0] ?? false);
          return null;
        }
        if (name === "GetCell")
          return {
            t: "Range",
            s,
            r: {
              r0: r.r0 + (args[0] as number),
              c0: r.c0 + (args[1] as number),
              r1: r.r0 + (args[0] as number),
              c1: r.c0 + (args[1] as number),
            },
          };
        if (name === "GetOffsetRange")
          return {
            t: "Range",
            s,
            r: {
              r0: r.r0 + (args[0] as number),
              c0: r.c0 + (args[1] as number),
              r1: r.r1 + (args[0] as number),
              c1: r.c1 + (args[1] as number),
            },
          };
        if (name === "GetResizedRange")
          return {
            t: "Range",
            s,
            r: { ...r, r1: r.r1 + (args[0] as number), c1: r.c1 + (args[1] as number) },
          };
        if (name === "GetRow")
          return {
            t: "Range",
            s,
            r: { ...r, r0: r.r0 + (args[0] as number), r1: r.r0 + (args[0] as number) },
          };
        if (name === "GetColumn")
          return {
            t: "Range",
            s,
            r: { ...r, c0: r.c0 + (args[0] as number), c1: r.c0 + (args[0] as number) },
          };
        if (name === "GetUsedRangeOrNullObject") {
          const b = wb.usedBounds(s, args[0] === true, r);
          return b ? { t: "Range", s, r: b } : null;
        }
        if (name === "GetSpecialCellsOrNullObject") {
          // Constants: cells with a value and no formula; Formulas: cells with a formula (ExcelApi 1.9).
          const type = String(args[0]);
          const hit: Array<[number, number]> = [];
          for (const [k, x] of s.cells) {
            const [i, j] = k.split(",").map(Number);
            if (i < r.r0 || i > r.r1 || j < r.c0 || j > r.c1) continue;
            if (
              type === "Formulas" ? !!x.formula : !x.formula && x.value !== "" && x.value !== null
            )
              hit.push([i, j]);
          }
          if (type !== "Formulas" && type !== "Constants")
            fail("InvalidArgument", `special cell type ${type}`);
          return hit.length ? { t: "RangeAreas", s, areas: areasOf(hit) } : null;
        }
        if (name === "GetMergedAreasOrNullObject") {
          const hit = s.merges.filter(
            (m) => m.r0 <= r.r1 && m.r1 >= r.r0 && m.c0 <= r.c1 && m.c1 >= r.c0
          );
          return hit.length ? { t: "RangeAreas", s, areas: hit } : null;
        }
        if (name === "GetColumnProperties") {
          // ExcelApi 1.9: one entry per column, columnWidth in points (characters × 7 + 5 pixels, × 3/4).
          const want = (args[0] as { format?: { columnWidth?: boolean } } | undefined)?.format;
          return Array.from({ length: r.c1 - r.c0 + 1 }, (_, k) => ({
            columnIndex: r.c0 + k,
            ...(want?.columnWidth
              ? {
                  format: {
                    columnWidth:
                      (((s.columnWidths.get(r.c0 + k) ?? STANDARD_WIDTH) * 7 + 5) * 3) / 4,
                  },
                }
              : {}),
          }));
        }
        if (name === "GetCellProperties")
          return this.cellProperties(s, r, args[0] as Record<string, unknown>);
        if (name === "SetCellProperties") {
          this.guardWrite(s);
          const data = args[0] as Array<
            Array<{
              format?: { fill?: { color?: string }; font?: { color?: string; bold?: boolean } };
            }>
          >;
          data.forEach((row, i) =>
            row.forEach((p, j) => {
              const x = wb.cellForWrite(s, r.r0 + i, r.c0 + j);
              if (p.format?.fill && "color" in p.format.fill)
                x.fill = p.format.fill.color || undefined;
              if (p.format?.font?.color !== undefined) x.fontColor = p.format.font.color;
              if (p.format?.font?.bold !== undefined) x.fontBold = p.format.font.bold;
            })
          );
          this.record(s, r, "setCellProperties", data);
          return null;
        }
        if (name === "Clear") {
          this.guardWrite(s);
          const applyTo = (args[0] as string) ?? "All";
          for (let i = r.r0; i <= r.r1; i++)
            for (let j = r.c0; j <= r.c1; j++) {
              const x = wb.cell(s, i, j);
              if (!x) continue;
              if (applyTo === "All" || applyTo === "Contents") ((x.value = ""), delete x.formula);
              if (applyTo === "All" || applyTo === "Formats")
                ((x.numberFormat = "General"),
                  delete x.fill,
                  delete x.fontColor,
                  delete x.fontBold);
            }
          this.record(s, r, "clear", applyTo);
          return null;
        }
        break;
      }
      case "PageLayout":
        if (name === "GetPrintAreaOrNullObject") {
          const s = (h as { s: Sheet }).s;
          return s.printArea?.length
            ? { t: "RangeAreas", s, areas: s.printArea.map((a) => this.rangeOf(s, a)) }
            : null;
        }
        break;
      case "RangeAreas":
        if (name === "Select") {
          const a = h.areas[0];
          wb.selection = { sheetId: h.s.id, ...a, areas: h.areas };
          wb.activeSheetId = h.s.id;
          return null;
        }
        break;
      case "RangeFormat":
        if (name === "AutofitColumns" || name === "AutofitRows") return null;
        break;
      case "RangeBorders":
        if (name === "GetItem") return { t: "RangeBorder", s: h.s, r: h.r, side: String(args[0]) };
        break;
      case "WorksheetFreezePanes":
        if (name === "FreezeRows") {
          h.s.frozenRows = Number(args[0] ?? 1);
          return null;
        }
        if (name === "FreezeColumns") return null;
        if (name === "FreezeAt") {
          const a = args[0] as { r?: Rect };
          h.s.frozenRows = a?.r ? a.r.r1 + 1 : 0;
          return null;
        }
        if (name === "Unfreeze") {
          h.s.frozenRows = 0;
          return null;
        }
        break;
      case "AutoFilter":
        if (name === "Apply") {
          const r = args[0] as { t?: string; r?: Rect } | string;
          h.s.autoFilter =
            typeof r === "string" ? r : r?.r ? rangeA1(r.r.r0, r.r.c0, r.r.r1, r.r.c1) : undefined;
          return null;
        }
        break;
      case "ChartCollection":
        if (name === "Add") {
          this.guardWrite(h.s);
          const src = args[1] as { t?: string; r?: Rect } | string;
          const source =
            typeof src === "string"
              ? src
              : src?.r
                ? rangeA1(src.r.r0, src.r.c0, src.r.r1, src.r.c1)
                : fail("InvalidArgument", "chart source");
          const chart: Chart = {
            id: newId("ch"),
            name: `图表 ${h.s.charts.length + 1}`,
            type: String(args[0]),
            source,
            seriesBy: String(args[2] ?? "Auto"),
          };
          h.s.charts.push(chart);
          this.writes.push({
            sheet: h.s.name,
            address: source,
            property: "charts.add",
            value: chart.type,
          });
          return { t: "Chart", s: h.s, chart };
        }
        if (name === "GetCount") return h.s.charts.length;
        break;
      case "ChartPart":
        // series.getItemAt(i).delete() and other chart-part calls: accepted, not modelled (the chart's source is).
        if (name === "GetItemAt" || name === "GetItem")
          return { t: "ChartPart", s: h.s, chart: h.chart };
        if (name === "Delete" || name === "SetValues" || name === "SetXAxisValues") return null;
        break;
      case "Chart":
        if (name === "SetPosition") return null;
        if (name === "Delete") {
          h.s.charts = h.s.charts.filter((c) => c !== h.chart);
          return null;
        }
        break;
      case "RangeFill":
        if (name === "Clear") {
          this.guardWrite(h.s);
          for (let i = h.r.r0; i <= h.r.r1; i++)
            for (let j = h.r.c0; j <= h.r.c1; j++) delete wb.cellForWrite(h.s, i, j).fill;
          this.record(h.s, h.r, "format.fill.clear", null);
          return null;
        }
        break;
      case "ConditionalFormatCollection":
        if (name === "Add") {
          this.guardWrite(h.s);
          const cf: ConditionalFormat = {
            id: newId("cf"),
            type: String(args[0]),
            address: h.areas.map((a) => rangeA1(a.r0, a.c0, a.r1, a.c1)).join(", "),
          };
          h.s.conditionalFormats.unshift(cf);
          this.record(h.s, h.r, "conditionalFormats.add", cf.type);
          return { t: "ConditionalFormat", s: h.s, cf };
        }
        if (name === "ClearAll") {
          this.guardWrite(h.s);
          h.s.conditionalFormats = h.s.conditionalFormats.filter((cf) => !intersects(cf, h.areas));
          this.record(h.s, h.r, "conditionalFormats.clearAll", null);
          return null;
        }
        if (name === "GetCount")
          return h.s.conditionalFormats.filter((cf) => intersects(cf, h.areas)).length;
        if (name === "GetItemOrNullObject") {
          const cf = h.s.conditionalFormats.find((x) => x.id === args[0]);
          return cf ? { t: "ConditionalFormat", s: h.s, cf } : null;
        }
        break;
      case "ConditionalFormat":
        if (name === "GetRange" || name === "GetRangeOrNullObject" || name === "GetRanges") {
          const areas = h.cf.address.split(/,\s*/).map((a) => this.rangeOf(h.s, a));
          return name === "GetRanges"
            ? { t: "RangeAreas", s: h.s, areas }
            : { t: "Range", s: h.s, r: areas[0] };
        }
        if (name === "Delete") {
          this.guardWrite(h.s);
          h.s.conditionalFormats = h.s.conditionalFormats.filter((x) => x !== h.cf);
          return null;
        }
        break;
      case "SettingCollection":
        if (name === "Add") {
          wb.settings.set(String(args[0]), args[1]);
          this.writes.push({
            sheet: "",
            address: "",
            property: `settings.${String(args[0])}`,
            value: args[1],
          });
          return { t: "Setting", key: String(args[0]) };
        }
        if (name === "GetItemOrNullObject")
          return wb.settings.has(String(args[0])) ? { t: "Setting", key: String(args[0]) } : null;
        if (name === "GetCount") return wb.settings.size;
        break;
      case "Setting":
        if (name === "Delete") {
          wb.settings.delete(h.key);
          return null;
        }
        break;
      case "CommentCollection":
        if (name === "Add") {
          const ref = parseRef(String(args[0]));
          const s =
            (ref.sheet ? this.sheetById(ref.sheet) : undefined) ??
            fail("InvalidArgument", String(args[0]));
          if (ref.r0 !== ref.r1 || ref.c0 !== ref.c1)
            fail("InvalidArgument", "comment on more than one cell");
          this.guardWrite(s);
          if (wb.comments.some((c) => c.sheetId === s.id && c.row === ref.r0 && c.col === ref.c0))
            fail("InvalidArgument", "the cell already has a comment");
          const c = {
            id: newId("c"),
            sheetId: s.id,
            row: ref.r0,
            col: ref.c0,
            content: String(args[1]),
            authorName: "预算审核",
            resolved: false,
          };
          wb.comments.push(c);
          this.record(s, ref, "comments.add", c.content);
          return { t: "Comment", id: c.id };
        }
        if (name === "GetCount") return wb.comments.length;
        break;
      case "Comment":
        if (name === "GetLocation") {
          const c = wb.comments.find((x) => x.id === h.id)!;
          return {
            t: "Range",
            s: wb.sheets.find((x) => x.id === c.sheetId)!,
            r: { r0: c.row, c0: c.col, r1: c.row, c1: c.col },
          };
        }
        if (name === "Delete") {
          wb.comments = wb.comments.filter((c) => c.id !== h.id);
          return null;
        }
        break;
    }
    return fail("ApiNotFound", `${h.t}.${name}${asPath ? " (path)" : ""}`);
  }

  private usedOrA1(s: Sheet, valuesOnly: boolean): Rect {
    return this.wb.usedBounds(s, valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 };
  }

  private cellProperties(s: Sheet, r: Rect, opts: Record<string, unknown>) {
    const fmt = (opts.format ?? {}) as {
      fill?: { color?: boolean };
      font?: { color?: boolean; bold?: boolean };
    };
    return grid(r, (i, j) => {
      const x = this.wb.cell(s, i, j);
      const out: Record<string, unknown> = {};
      if (opts.address) out.address = `${quoteSheet(s.name)}!${cellA1(i, j)}`;
      const f: Record<string, unknown> = {};
      if (fmt.fill?.color) f.fill = { color: x?.fill ?? "#FFFFFF" };
      if (fmt.font)
        f.font = {
          ...(fmt.font.color ? { color: x?.fontColor ?? "#000000" } : {}),
          ...(fmt.font.bold ? { bold: !!x?.fontBold } : {}),
        };
      if (Object.keys(f).length) out.format = f;
      return out;
    });
  }

  private set(h: Exclude<H, null>, name: string, v: unknown) {
    const wb = this.wb;
    switch (`${h.t}.${name}`) {
      case "Worksheet.Name": {
        const s = (h as { s: Sheet }).s;
        const n = String(v);
        if (wb.sheets.some((x) => x !== s && x.name.toLowerCase() === n.toLowerCase()))
          fail("ItemAlreadyExists", n);
        if (n.length > 31 || /[\\/?*[\]:]/.test(n)) fail("InvalidArgument", n);
        s.name = n;
        return;
      }
      case "Worksheet.Position": {
        const s = (h as { s: Sheet }).s;
        const i = Number(v);
        if (i < 0 || i >= wb.sheets.length) fail("InvalidArgument", "position");
        wb.sheets = wb.sheets.filter((x) => x !== s);
        wb.sheets.splice(i, 0, s);
        return;
      }
      case "Worksheet.Visibility":
        (h as { s: Sheet }).s.visibility = v as Sheet["visibility"];
        return;
      case "Worksheet.TabColor":
        (h as { s: Sheet }).s.tabColor = String(v);
        return;
      case "Range.Values":
      case "Range.NumberFormat":
      case "Range.Formulas": {
        const { s, r } = h as { s: Sheet; r: Rect };
        this.guardWrite(s);
        const rows = r.r1 - r.r0 + 1;
        const cols = r.c1 - r.c0 + 1;
        const data = Array.isArray(v) ? (v as unknown[][]) : [[v]];
        const scalar = !Array.isArray(v);
        if (
          !scalar &&
          (data.length !== rows || data.some((row) => !Array.isArray(row) || row.length !== cols))
        )
          fail("InvalidArgument", `${name} must be ${rows}×${cols}`);
        for (let i = 0; i < rows; i++)
          for (let j = 0; j < cols; j++) {
            const x = scalar ? data[0][0] : data[i][j];
            if (x === null || x === undefined) continue; // null leaves the cell unchanged
            const c: Cell = wb.cellForWrite(s, r.r0 + i, r.c0 + j);
            if (name === "NumberFormat") c.numberFormat = x === "" ? "General" : String(x);
            else if (typeof x === "string" && x.startsWith("=")) ((c.formula = x), (c.value = x));
            else if (typeof x === "string" && x.startsWith("'"))
              ((c.value = x.slice(1)), delete c.formula); // a leading apostrophe makes text
            else ((c.value = x as Cell["value"]), delete c.formula);
          }
        this.record(s, r, name.toLowerCase(), v);
        return;
      }
      case "RangeFill.Color": {
        const { s, r } = h as { s: Sheet; r: Rect };
        this.guardWrite(s);
        for (let i = r.r0; i <= r.r1; i++)
          for (let j = r.c0; j <= r.c1; j++) wb.cellForWrite(s, i, j).fill = String(v);
        this.record(s, r, "format.fill.color", v);
        return;
      }
      case "RangeFont.Color":
      case "RangeFont.Bold": {
        const { s, r } = h as { s: Sheet; r: Rect };
        this.guardWrite(s);
        for (let i = r.r0; i <= r.r1; i++)
          for (let j = r.c0; j <= r.c1; j++) {
            const c = wb.cellForWrite(s, i, j);
            if (name === "Color") c.fontColor = String(v);
            else c.fontBold = !!v;
          }
        this.record(s, r, `format.font.${name.toLowerCase()}`, v);
        return;
      }
      case "Range.Hyperlink": {
        const { s, r } = h as { s: Sheet; r: Rect };
        this.guardWrite(s);
        const link = v as { address?: string; documentReference?: string; textToDisplay?: string };
        const c = wb.cellForWrite(s, r.r0, r.c0);
        c.hyperlink = link.documentReference ? `#${link.documentReference}` : link.address;
        if (link.textToDisplay !== undefined) c.value = link.textToDisplay;
        this.record(s, r, "hyperlink", v);
        return;
      }
      case "RangeFormat.ColumnWidth": {
        const { s, r } = h as { s: Sheet; r: Rect };
        for (let j = r.c0; j <= r.c1; j++) s.columnWidths.set(j, Number(v) / 7); // points → characters, roughly
        this.record(s, r, "format.columnWidth", v);
        return;
      }
      case "RangeFormat.WrapText":
      case "RangeFormat.IndentLevel":
      case "RangeFormat.HorizontalAlignment":
      case "RangeFormat.VerticalAlignment":
      case "RangeFormat.RowHeight":
      case "RangeFont.Size":
      case "RangeFont.Name":
      case "RangeFont.Italic": {
        // Layout and typography the bench does not model: accepted (as Excel does) and recorded.
        const { s, r } = h as { s: Sheet; r: Rect };
        this.guardWrite(s);
        this.record(s, r, `${h.t}.${name}`, v);
        return;
      }
      case "RangeBorder.Style":
      case "RangeBorder.Color":
      case "RangeBorder.Weight": {
        const { s, r, side } = h as { s: Sheet; r: Rect; side: string };
        this.guardWrite(s);
        for (let i = r.r0; i <= r.r1; i++)
          for (let j = r.c0; j <= r.c1; j++) {
            const c = wb.cellForWrite(s, i, j);
            const b = c.border ? JSON.parse(c.border) : {};
            const key =
              (
                {
                  EdgeTop: "top",
                  EdgeBottom: "bottom",
                  EdgeLeft: "left",
                  EdgeRight: "right",
                  InsideHorizontal: "bottom",
                  InsideVertical: "right",
                } as Record<string, string>
              )[side] ?? side;
            b[key] = {
              ...(b[key] ?? {}),
              ...(name === "Style"
                ? { style: v === "Continuous" ? "thin" : String(v).toLowerCase() }
                : name === "Color"
                  ? { color: { argb: `FF${String(v).replace("#", "").toUpperCase()}` } }
                  : {}),
            };
            c.border = JSON.stringify(b);
          }
        this.record(s, r, `border.${side}.${name}`, v);
        return;
      }
      case "PageLayout.Orientation":
      case "PageLayout.Zoom": {
        const sh = (h as { s: Sheet }).s;
        (sh.pageLayout ??= {})[name === "Orientation" ? "orientation" : "zoom"] = v;
        this.writes.push({ sheet: sh.name, address: "", property: `pageLayout.${name}`, value: v });
        return;
      }
      case "Chart.Name":
        (h as { chart: Chart }).chart.name = String(v);
        return;
      case "ChartTitle.Text":
        (h as { chart: Chart }).chart.title = String(v);
        return;
      case "ConditionalDataBarPositiveFormat.FillColor":
        (h as { cf: ConditionalFormat }).cf.barColor = String(v);
        return;
      case "ConditionalFormat.StopIfTrue": {
        // Excel: no stopIfTrue on data bars, icon sets and colour scales (it reads null there).
        const cf = (h as { cf: ConditionalFormat }).cf;
        if (NO_STOP.has(cf.type)) fail("InvalidArgument", "stopIfTrue");
        cf.stopIfTrue = !!v;
        return;
      }
      case "ConditionalFormat.Priority": {
        // The index in the sheet's list (0 = evaluated first); the others keep their order and stay contiguous.
        // Negative counts from the back; out of bounds is clamped (Office.js ConditionalFormat.priority).
        const { s: sh, cf } = h as { s: Sheet; cf: ConditionalFormat };
        const rest = sh.conditionalFormats.filter((x) => x !== cf);
        const n = Number(v);
        const at = Math.max(0, Math.min(rest.length, n < 0 ? rest.length + 1 + n : n));
        rest.splice(at, 0, cf);
        sh.conditionalFormats = rest;
        return;
      }
      case "ConditionalFormatRule.Formula":
        (h as { cf: ConditionalFormat }).cf.formula = String(v);
        return;
      case "ConditionalRangeFill.Color":
        (h as { cf: ConditionalFormat }).cf.fill = String(v);
        return;
      case "ConditionalRangeFont.Color":
        (h as { cf: ConditionalFormat }).cf.fontColor = String(v);
        return;
      case "Setting.Value":
        wb.settings.set((h as { key: string }).key, v);
        return;
    }
    // Chart layout (top, left, width, height, legend, axes …) is accepted and not modelled.
    if (
      h.t === "Chart" ||
      h.t === "ChartPart" ||
      h.t === "ChartTitle" ||
      h.t === "DataBarConditionalFormat"
    )
      return;
    fail("ApiNotFound", `set ${h.t}.${name}`);
  }

  /** Scalar properties per type; a query selects among them (all when Select is absent). */
  private props(h: Exclude<H, null>): Record<string, () => unknown> {
    const wb = this.wb;
    switch (h.t) {
      case "Worksheet": {
        const s = h.s;
        return {
          Id: () => s.id,
          Name: () => s.name,
          Position: () => wb.sheets.indexOf(s),
          Visibility: () => s.visibility,
          TabColor: () => s.tabColor,
          StandardWidth: () => STANDARD_WIDTH,
        };
      }
      case "WorksheetProtection":
        return { Protected: () => h.s.protected };
      case "Range": {
        const { s, r } = h;
        const big = () => cells(r) > (this.opts.maxReadCells ?? 5_000_000);
        return {
          Address: () => addr(s, r),
          AddressLocal: () => addr(s, r),
          RowIndex: () => r.r0,
          ColumnIndex: () => r.c0,
          RowCount: () => r.r1 - r.r0 + 1,
          ColumnCount: () => r.c1 - r.c0 + 1,
          CellCount: () => cells(r),
          RowHidden: () => uniform({ ...r, c1: r.c0 }, (i) => s.hiddenRows.has(i)),
          ColumnHidden: () => uniform({ ...r, r1: r.r0 }, (_i, j) => s.hiddenCols.has(j)),
          Values: () =>
            big() ? null : (this.read(s, r), grid(r, (i, j) => wb.cell(s, i, j)?.value ?? "")),
          Text: () => (big() ? null : grid(r, (i, j) => wb.text(s, i, j))),
          NumberFormat: () =>
            big() ? null : grid(r, (i, j) => wb.cell(s, i, j)?.numberFormat ?? "General"),
          Formulas: () =>
            big()
              ? null
              : grid(r, (i, j) => wb.cell(s, i, j)?.formula ?? wb.cell(s, i, j)?.value ?? ""),
          ValueTypes: () =>
            grid(r, (i, j) => {
              const v = wb.cell(s, i, j)?.value;
              return v === "" || v === undefined || v === null
                ? "Empty"
                : typeof v === "number"
                  ? "Double"
                  : typeof v === "boolean"
                    ? "Boolean"
                    : /^#/.test(String(v))
                      ? "Error"
                      : "String";
            }),
        };
      }
      case "RangeAreas":
        return {
          Address: () => h.areas.map((a) => addr(h.s, a)).join(", "),
          AreaCount: () => h.areas.length,
        };
      case "RangeFill":
        return { Color: () => uniform(h.r, (i, j) => this.wb.cell(h.s, i, j)?.fill ?? "#FFFFFF") };
      case "RangeFont":
        return {
          Color: () => uniform(h.r, (i, j) => this.wb.cell(h.s, i, j)?.fontColor ?? "#000000"),
          Bold: () => uniform(h.r, (i, j) => !!this.wb.cell(h.s, i, j)?.fontBold),
        };
      case "ConditionalFormat":
        return {
          Id: () => h.cf.id,
          Type: () => h.cf.type,
          Priority: () => h.s.conditionalFormats.indexOf(h.cf),
          StopIfTrue: () => (NO_STOP.has(h.cf.type) ? null : !!h.cf.stopIfTrue),
        };
      case "ConditionalFormatRule":
        return { Formula: () => h.cf.formula ?? null, FormulaLocal: () => h.cf.formula ?? null };
      case "ConditionalRangeFill":
        return { Color: () => h.cf.fill ?? null };
      case "Chart":
        return { Id: () => h.chart.id, Name: () => h.chart.name, ChartType: () => h.chart.type };
      case "ChartTitle":
        return { Text: () => h.chart.title ?? "" };
      case "HeaderFooterGroup":
        return {
          State: () => h.s.headersFooters?.state ?? "Default",
          UseSheetMargins: () => true,
          UseSheetScale: () => true,
        };
      case "HeaderFooter": {
        // Excel answers "" for a section nothing was written to.
        const page = h.s.headersFooters?.pages[h.pages] ?? {};
        const section = (k: HeaderSection) => () => page[k] ?? "";
        return {
          LeftHeader: section("leftHeader"),
          CenterHeader: section("centerHeader"),
          RightHeader: section("rightHeader"),
          LeftFooter: () => "",
          CenterFooter: () => "",
          RightFooter: () => "",
        };
      }
      case "Setting":
        return { Key: () => h.key, Value: () => wb.settings.get(h.key) };
      case "Comment": {
        const c = wb.comments.find((x) => x.id === h.id)!;
        return {
          Id: () => c.id,
          Content: () => c.content,
          AuthorName: () => c.authorName,
          Resolved: () => c.resolved,
        };
      }
      default:
        return {};
    }
  }

  private items(h: Exclude<H, null>): Exclude<H, null>[] | undefined {
    if (h.t === "WorksheetCollection")
      return this.wb.sheets.map((s) => ({ t: "Worksheet" as const, s }));
    if (h.t === "SettingCollection")
      return [...this.wb.settings.keys()].map((key) => ({ t: "Setting" as const, key }));
    if (h.t === "CommentCollection")
      return this.wb.comments.map((c) => ({ t: "Comment" as const, id: c.id }));
    if (h.t === "ConditionalFormatCollection")
      return h.s.conditionalFormats
        .filter((cf) => intersects(cf, h.areas))
        .map((cf) => ({ t: "ConditionalFormat" as const, s: h.s, cf }));
    if (h.t === "ChartCollection")
      return h.s.charts.map((chart) => ({ t: "Chart" as const, s: h.s, chart }));
    return undefined;
  }

  private query(h: Exclude<H, null>, q: { Select?: string[]; Expand?: string[] }): unknown {
    const items = this.items(h);
    if (items)
      return {
        _Items: items.map((it) => ({
          ...this.identity(it),
          ...(this.select(it, q.Select) as object),
        })),
      };
    return this.select(h, q.Select);
  }

  private select(h: Exclude<H, null>, select?: string[]): Record<string, unknown> {
    const props = this.props(h);
    const out: Record<string, unknown> = {};
    const wanted =
      select && select.length
        ? select
        : Object.keys(props).map((k) => k[0].toLowerCase() + k.slice(1));
    for (const w of wanted) {
      const [head, ...rest] = w.split("/");
      const P = pascal(head);
      if (rest.length) {
        const child = this.nav(h, P);
        if (child)
          out[P] = { ...((out[P] as object) ?? {}), ...this.select(child, [rest.join("/")]) };
      } else if (props[P]) out[P] = props[P]();
      else if (P !== "_ReferenceId" && P !== "IsNullObject")
        fail("InvalidArgument", `property ${h.t}.${head}`);
    }
    return out;
  }
}
