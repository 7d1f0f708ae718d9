/******/ (() => { // webpackBootstrap
/******/ 	"use strict";
/******/ 	var __webpack_modules__ = ({

/***/ "./src/core/grid/address.ts"
/*!**********************************!*\
  !*** ./src/core/grid/address.ts ***!
  \**********************************/
(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cellA1: () => (/* binding */ cellA1),
/* harmony export */   cellRef: () => (/* binding */ cellRef),
/* harmony export */   columnIndex: () => (/* binding */ columnIndex),
/* harmony export */   columnLetter: () => (/* binding */ columnLetter),
/* harmony export */   parseRef: () => (/* binding */ parseRef),
/* harmony export */   quoteSheet: () => (/* binding */ quoteSheet),
/* harmony export */   rangeA1: () => (/* binding */ rangeA1)
/* harmony export */ });
/** A1 addresses, sheet-name quoting and ranges, as Excel writes them. */
function columnLetter(col0) {
    let n = col0 + 1;
    let s = "";
    while (n > 0) {
        const m = (n - 1) % 26;
        s = String.fromCharCode(65 + m) + s;
        n = Math.floor((n - 1) / 26);
    }
    return s;
}
function columnIndex(letters) {
    let n = 0;
    for (const ch of letters.toUpperCase())
        n = n * 26 + (ch.charCodeAt(0) - 64);
    return n - 1;
}
/**
 * Excel writes a sheet name bare when it is made of letters (any script, so 预算公开表1), digits, _ and .,
 * does not start with a digit and cannot be read as a cell reference (A1, R1C1); otherwise it quotes it.
 */
function quoteSheet(name) {
    const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name) && !/^[Rr][0-9]*[Cc]?[0-9]*$/.test(name) && !/^[Cc][0-9]*$/.test(name);
    return plain ? name : `'${name.replace(/'/g, "''")}'`;
}
function cellA1(row0, col0) {
    return `${columnLetter(col0)}${row0 + 1}`;
}
function cellRef(sheet, row0, col0) {
    return `${quoteSheet(sheet)}!${cellA1(row0, col0)}`;
}
function rangeA1(r0, c0, r1, c1) {
    const a = cellA1(r0, c0);
    const b = cellA1(r1, c1);
    return a === b ? a : `${a}:${b}`;
}
/** Parses "Sheet!B3", "'a b'!B3:C4" or "B3" into parts (0-based). */
function parseRef(ref) {
    const m = /^(?:(?:'((?:[^']|'')+)'|([^!]+))!)?\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(ref.trim());
    if (!m)
        throw new Error(`invalid reference: ${ref}`);
    const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
    const c0 = columnIndex(m[3]);
    const r0 = Number(m[4]) - 1;
    const c1 = m[5] ? columnIndex(m[5]) : c0;
    const r1 = m[6] ? Number(m[6]) - 1 : r0;
    return { sheet, r0, c0, r1, c1 };
}


/***/ },

/***/ "./src/core/grid/display.ts"
/*!**********************************!*\
  !*** ./src/core/grid/display.ts ***!
  \**********************************/
(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   displayText: () => (/* binding */ displayText)
/* harmony export */ });
function groupThousands(intPart) {
    return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
function formatNumber(n, section) {
    const pct = section.includes("%");
    const x = pct ? n * 100 : n;
    const m = /0\.(0+)/.exec(section);
    const decimals = m ? m[1].length : 0;
    const fixed = Math.abs(x).toFixed(decimals);
    const [i, f] = fixed.split(".");
    const grouped = /#,##0|,0/.test(section) ? groupThousands(i) : i;
    const body = f !== undefined ? `${grouped}.${f}` : grouped;
    return `${x < 0 && Number(fixed) !== 0 ? "-" : ""}${body}${pct ? "%" : ""}`;
}
/** General: up to 11 significant characters, no trailing zeros (what Excel shows in a normal-width cell). */
function general(n) {
    if (Number.isInteger(n) && Math.abs(n) < 1e11)
        return String(n);
    const s = String(Number(n.toPrecision(10)));
    return s.length > 11 && Math.abs(n) >= 1e11 ? n.toExponential(5).replace("e+", "E+") : s;
}
/** Literal parts of a format section as printed: "text" unquoted, \x as x, _x as a space, *x dropped. */
function literal(part) {
    return part.replace(/"([^"]*)"|\\(.)|_.|\*./g, (m, q, e) => (q !== undefined ? q : e !== undefined ? e : m[0] === "_" ? " " : ""));
}
function displayText(value, fmt) {
    if (value === null || value === "")
        return "";
    if (typeof value === "boolean")
        return value ? "TRUE" : "FALSE";
    if (typeof value === "string")
        return value;
    const f = (fmt || "General").trim();
    if (/^general$/i.test(f) || f === "@")
        return general(value);
    const sections = f.split(";");
    // With a negative section Excel prints the absolute value through it (its own "-" or parentheses).
    const negSection = value < 0 && sections[1] !== undefined;
    const section = (negSection ? sections[1] : value === 0 && sections[2] !== undefined ? sections[2] : sections[0]).replace(/\[[^\]]*\]/g, "");
    const core = /[#0?][#0?,]*(?:\.[#0?]+)?%?/.exec(section.replace(/"[^"]*"/g, (m) => "\u0000".repeat(m.length)));
    if (!core)
        return general(value);
    const number = formatNumber(negSection ? -value : value, core[0]);
    return literal(section.slice(0, core.index)) + number + literal(section.slice(core.index + core[0].length));
}


/***/ },

/***/ "./tests/office-bench/executor.ts"
/*!****************************************!*\
  !*** ./tests/office-bench/executor.ts ***!
  \****************************************/
(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Executor: () => (/* binding */ Executor),
/* harmony export */   OfficeError: () => (/* binding */ OfficeError)
/* harmony export */ });
/* harmony import */ var _src_core_grid_address__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(/*! ../../src/core/grid/address */ "./src/core/grid/address.ts");
/* harmony import */ var _workbook__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(/*! ./workbook */ "./tests/office-bench/workbook.ts");
/**
 * Executes the Office.js runtime's requests ({Actions, ObjectPaths}) against a MemoryWorkbook, for the API
 * subset the add-in uses, and answers as Excel does: PascalCase results, null objects, Office error codes.
 * Every call is a round trip (counted); every write is recorded.
 */


class OfficeError extends Error {
    constructor(code, message) {
        super(message);
        this.code = code;
    }
}
const MESSAGES = {
    ItemNotFound: "The requested resource doesn't exist.",
    ItemAlreadyExists: "A resource with the same name or identifier already exists.",
    InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
    InvalidReference: "This reference isn't valid for the current operation.",
    AccessDenied: "You cannot perform the requested operation.",
    ApiNotFound: "The API you are trying to use could not be found.",
    RequestPayloadSizeLimitExceeded: "The request payload size has exceeded the limit.",
    GeneralException: "An internal error has occurred.",
};
const fail = (code, detail) => {
    throw new OfficeError(code, MESSAGES[code] + (detail ? ` (${detail})` : ""));
};
const cells = (r) => (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1);
const addr = (s, r) => `${(0,_src_core_grid_address__WEBPACK_IMPORTED_MODULE_0__.quoteSheet)(s.name)}!${(0,_src_core_grid_address__WEBPACK_IMPORTED_MODULE_0__.rangeA1)(r.r0, r.c0, r.r1, r.c1)}`;
function grid(r, f) {
    const out = [];
    for (let i = r.r0; i <= r.r1; i++) {
        const row = [];
        for (let j = r.c0; j <= r.c1; j++)
            row.push(f(i, j));
        out.push(row);
    }
    return out;
}
/** A uniform value over the range, or null when the cells differ (as Office reports mixed formats). */
function uniform(r, f) {
    let first;
    for (let i = r.r0; i <= r.r1; i++)
        for (let j = r.c0; j <= r.c1; j++) {
            const v = f(i, j);
            if (first === undefined)
                first = v;
            else if (v !== first)
                return null;
        }
    return first !== null && first !== void 0 ? first : null;
}
const pascal = (s) => (s.startsWith("_") ? s : s[0].toUpperCase() + s.slice(1));
class Executor {
    constructor(wb, opts = {}) {
        this.wb = wb;
        this.opts = opts;
        this.roundTrips = 0;
        this.writes = [];
        this.requests = [];
    }
    /** The executor the runtime calls ({HttpStatusCode, Headers, Body} in, same out). */
    execute(body) {
        this.roundTrips++;
        this.requests.push(body);
        const resolved = new Map();
        const results = [];
        try {
            for (const a of body.Actions) {
                const value = this.action(a, body.ObjectPaths, resolved);
                if (value !== undefined)
                    results.push({ ActionId: a.Id, Value: value });
            }
        }
        catch (e) {
            if (e instanceof OfficeError)
                return { HttpStatusCode: 400, ErrorCode: e.code, ErrorMessage: e.message, Headers: {}, Body: null };
            return { HttpStatusCode: 500, ErrorCode: "GeneralException", ErrorMessage: `${MESSAGES.GeneralException} ${e.message}`, Headers: {}, Body: null };
        }
        const response = { HttpStatusCode: 200, Headers: {}, Body: { Results: results } };
        if (this.opts.maxResponseChars && JSON.stringify(response).length > this.opts.maxResponseChars)
            return { HttpStatusCode: 400, ErrorCode: "RequestPayloadSizeLimitExceeded", ErrorMessage: MESSAGES.RequestPayloadSizeLimitExceeded, Headers: {}, Body: null };
        return response;
    }
    path(id, paths, resolved) {
        var _a, _b;
        if (resolved.has(id))
            return resolved.get(id);
        const p = paths[String(id)];
        if (!p)
            fail("InvalidArgument", `object path ${id}`);
        const type = p.ObjectPathType;
        const args = ((_b = (_a = p.ArgumentInfo) === null || _a === void 0 ? void 0 : _a.Arguments) !== null && _b !== void 0 ? _b : []);
        let h;
        if (type === 1)
            h = { t: "Workbook" };
        else {
            const parent = this.path(p.ParentObjectPathId, paths, resolved);
            if (parent === null)
                h = null;
            else if (type === 4)
                h = this.nav(parent, p.Name);
            else if (type === 5)
                h = this.indexer(parent, args[0]);
            else if (type === 3)
                h = this.method(parent, p.Name, args, true);
            else
                h = fail("InvalidArgument", `path type ${type}`);
        }
        resolved.set(id, h);
        return h;
    }
    action(a, paths, resolved) {
        var _a, _b, _c;
        const h = this.path(a.ObjectPathId, paths, resolved);
        const args = ((_b = (_a = a.ArgumentInfo) === null || _a === void 0 ? void 0 : _a.Arguments) !== null && _b !== void 0 ? _b : []);
        switch (a.ActionType) {
            case 1: // instantiate
                return h === null ? null : this.identity(h);
            case 2: // query
                return h === null ? null : this.query(h, (_c = a.QueryInfo) !== null && _c !== void 0 ? _c : {});
            case 3: // method
                if (a.Name.startsWith("_"))
                    return null; // _KeepReference, _RemoveReference and other bookkeeping
                if (h === null)
                    return null;
                return this.method(h, a.Name, args, false);
            case 4: // set property
                if (h !== null)
                    this.set(h, a.Name, args[0]);
                return undefined;
            default:
                return undefined; // trace and other bookkeeping actions
        }
    }
    identity(h) {
        if (h.t === "Worksheet")
            return { Id: h.s.id };
        if (h.t === "ConditionalFormat")
            return { Id: h.cf.id };
        if (h.t === "Comment")
            return { Id: h.id };
        if (h.t === "Setting")
            return { Key: h.key };
        return {};
    }
    sheetById(x) {
        var _a;
        const k = String(x);
        return (_a = this.wb.sheets.find((s) => s.id === k)) !== null && _a !== void 0 ? _a : this.wb.sheets.find((s) => s.name.toLowerCase() === k.toLowerCase());
    }
    rangeOf(s, address) {
        let a = address;
        if (a.includes("!")) {
            const p = (0,_src_core_grid_address__WEBPACK_IMPORTED_MODULE_0__.parseRef)(a);
            if (p.sheet && p.sheet !== s.name)
                fail("InvalidArgument", a);
            return { r0: p.r0, c0: p.c0, r1: p.r1, c1: p.c1 };
        }
        a = a.replace(/\$/g, "");
        if (!/^[A-Z]+\d+(:[A-Z]+\d+)?$/i.test(a))
            fail("InvalidArgument", address);
        const p = (0,_src_core_grid_address__WEBPACK_IMPORTED_MODULE_0__.parseRef)(a);
        return { r0: Math.min(p.r0, p.r1), c0: Math.min(p.c0, p.c1), r1: Math.max(p.r0, p.r1), c1: Math.max(p.c0, p.c1) };
    }
    nav(h, name) {
        switch (`${h.t}.${name}`) {
            case "Workbook.Worksheets":
                return { t: "WorksheetCollection" };
            case "Workbook.Settings":
                return { t: "SettingCollection" };
            case "Workbook.Comments":
                return { t: "CommentCollection" };
            case "Worksheet.Protection":
                return { t: "WorksheetProtection", s: h.s };
            case "Range.Format":
                return { t: "RangeFormat", s: h.s, r: h.r };
            case "RangeFormat.Fill":
                return { t: "RangeFill", s: h.s, r: h.r };
            case "RangeFormat.Font":
                return { t: "RangeFont", s: h.s, r: h.r };
            case "Range.ConditionalFormats":
                return { t: "ConditionalFormatCollection", s: h.s, r: h.r };
            case "Range.Worksheet":
                return { t: "Worksheet", s: h.s };
            case "ConditionalFormat.Custom":
                return { t: "CustomConditionalFormat", s: h.s, cf: h.cf };
            case "CustomConditionalFormat.Rule":
                return { t: "ConditionalFormatRule", s: h.s, cf: h.cf };
            case "CustomConditionalFormat.Format":
                return { t: "ConditionalRangeFormat", s: h.s, cf: h.cf };
            case "ConditionalRangeFormat.Fill":
                return { t: "ConditionalRangeFill", s: h.s, cf: h.cf };
            case "ConditionalRangeFormat.Font":
                return { t: "ConditionalRangeFont", s: h.s, cf: h.cf };
        }
        return fail("ApiNotFound", `${h.t}.${name}`);
    }
    indexer(h, key) {
        var _a, _b;
        if (h.t === "WorksheetCollection")
            return { t: "Worksheet", s: (_a = this.sheetById(key)) !== null && _a !== void 0 ? _a : fail("ItemNotFound", String(key)) };
        if (h.t === "SettingCollection")
            return this.wb.settings.has(String(key)) ? { t: "Setting", key: String(key) } : fail("ItemNotFound", String(key));
        if (h.t === "ConditionalFormatCollection") {
            const cf = (_b = h.s.conditionalFormats.find((x) => x.id === key)) !== null && _b !== void 0 ? _b : fail("ItemNotFound", String(key));
            return { t: "ConditionalFormat", s: h.s, cf };
        }
        if (h.t === "CommentCollection")
            return this.wb.comments.some((c) => c.id === key) ? { t: "Comment", id: String(key) } : fail("ItemNotFound");
        return fail("ApiNotFound", `${h.t}[]`);
    }
    guardWrite(s) {
        if (s.protected)
            fail("AccessDenied", `${s.name} is protected`);
    }
    record(s, r, property, value) {
        this.writes.push({ sheet: s.name, address: (0,_src_core_grid_address__WEBPACK_IMPORTED_MODULE_0__.rangeA1)(r.r0, r.c0, r.r1, r.c1), property, value });
    }
    method(h, name, args, asPath) {
        var _a, _b, _c, _d;
        const wb = this.wb;
        switch (h.t) {
            case "Workbook":
                if (name === "GetSelectedRange") {
                    const sel = wb.selection;
                    const s = sel ? wb.sheets.find((x) => x.id === sel.sheetId) : wb.sheets[0];
                    return { t: "Range", s, r: sel !== null && sel !== void 0 ? sel : { r0: 0, c0: 0, r1: 0, c1: 0 } };
                }
                break;
            case "WorksheetCollection":
                if (name === "GetItem")
                    return { t: "Worksheet", s: (_a = this.sheetById(args[0])) !== null && _a !== void 0 ? _a : fail("ItemNotFound", String(args[0])) };
                if (name === "GetItemOrNullObject") {
                    const s = this.sheetById(args[0]);
                    return s ? { t: "Worksheet", s } : null;
                }
                if (name === "GetActiveWorksheet")
                    return { t: "Worksheet", s: (_b = wb.sheets.find((s) => s.id === wb.activeSheetId)) !== null && _b !== void 0 ? _b : wb.sheets[0] };
                if (name === "GetCount")
                    return wb.sheets.filter((s) => s.visibility === "Visible" || args[0] !== true).length;
                if (name === "Add") {
                    let n = args[0];
                    if (n === undefined || n === null || n === "") {
                        let i = wb.sheets.length + 1;
                        while (this.sheetById(`Sheet${i}`))
                            i++;
                        n = `Sheet${i}`;
                    }
                    if (n.length > 31 || /[\\/?*[\]:]/.test(n) || /^'|'$/.test(n) || n.trim() === "")
                        fail("InvalidArgument", `sheet name ${n}`);
                    if (wb.sheets.some((s) => s.name.toLowerCase() === n.toLowerCase()))
                        fail("ItemAlreadyExists", n);
                    const s = wb.addSheet(n);
                    this.writes.push({ sheet: n, address: "", property: "worksheets.add", value: n });
                    return { t: "Worksheet", s };
                }
                break;
            case "Worksheet": {
                const s = h.s;
                if (name === "GetRange")
                    return { t: "Range", s, r: args[0] === undefined || args[0] === "" ? this.usedOrA1(s, false) : this.rangeOf(s, String(args[0])) };
                if (name === "GetRangeByIndexes") {
                    const [r, c, rc, cc] = args;
                    if (r < 0 || c < 0 || rc < 1 || cc < 1)
                        fail("InvalidArgument", "getRangeByIndexes");
                    return { t: "Range", s, r: { r0: r, c0: c, r1: r + rc - 1, c1: c + cc - 1 } };
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
                    if (wb.sheets.filter((x) => x.visibility === "Visible").length <= 1 && s.visibility === "Visible")
                        fail("InvalidArgument", "the last visible sheet");
                    wb.sheets = wb.sheets.filter((x) => x !== s);
                    this.writes.push({ sheet: s.name, address: "", property: "worksheet.delete", value: null });
                    return null;
                }
                break;
            }
            case "WorksheetProtection":
                if (name === "Protect")
                    h.s.protected = true;
                else if (name === "Unprotect")
                    h.s.protected = false;
                else
                    break;
                return null;
            case "Range": {
                const { s, r } = h;
                if (name === "Select") {
                    wb.selection = { sheetId: s.id, ...r };
                    wb.activeSheetId = s.id;
                    return null;
                }
                if (name === "GetCell")
                    return { t: "Range", s, r: { r0: r.r0 + args[0], c0: r.c0 + args[1], r1: r.r0 + args[0], c1: r.c0 + args[1] } };
                if (name === "GetOffsetRange")
                    return { t: "Range", s, r: { r0: r.r0 + args[0], c0: r.c0 + args[1], r1: r.r1 + args[0], c1: r.c1 + args[1] } };
                if (name === "GetResizedRange")
                    return { t: "Range", s, r: { ...r, r1: r.r1 + args[0], c1: r.c1 + args[1] } };
                if (name === "GetMergedAreasOrNullObject") {
                    const hit = s.merges.filter((m) => m.r0 <= r.r1 && m.r1 >= r.r0 && m.c0 <= r.c1 && m.c1 >= r.c0);
                    return hit.length ? { t: "RangeAreas", s, areas: hit } : null;
                }
                if (name === "GetCellProperties")
                    return this.cellProperties(s, r, args[0]);
                if (name === "SetCellProperties") {
                    this.guardWrite(s);
                    const data = args[0];
                    data.forEach((row, i) => row.forEach((p, j) => {
                        var _a, _b, _c, _d, _e;
                        const x = wb.cellForWrite(s, r.r0 + i, r.c0 + j);
                        if (((_a = p.format) === null || _a === void 0 ? void 0 : _a.fill) && "color" in p.format.fill)
                            x.fill = p.format.fill.color || undefined;
                        if (((_c = (_b = p.format) === null || _b === void 0 ? void 0 : _b.font) === null || _c === void 0 ? void 0 : _c.color) !== undefined)
                            x.fontColor = p.format.font.color;
                        if (((_e = (_d = p.format) === null || _d === void 0 ? void 0 : _d.font) === null || _e === void 0 ? void 0 : _e.bold) !== undefined)
                            x.fontBold = p.format.font.bold;
                    }));
                    this.record(s, r, "setCellProperties", data);
                    return null;
                }
                if (name === "Clear") {
                    this.guardWrite(s);
                    const applyTo = (_c = args[0]) !== null && _c !== void 0 ? _c : "All";
                    for (let i = r.r0; i <= r.r1; i++)
                        for (let j = r.c0; j <= r.c1; j++) {
                            const x = wb.cell(s, i, j);
                            if (!x)
                                continue;
                            if (applyTo === "All" || applyTo === "Contents")
                                (x.value = ""), delete x.formula;
                            if (applyTo === "All" || applyTo === "Formats")
                                (x.numberFormat = "General"), delete x.fill, delete x.fontColor, delete x.fontBold;
                        }
                    this.record(s, r, "clear", applyTo);
                    return null;
                }
                break;
            }
            case "RangeFill":
                if (name === "Clear") {
                    this.guardWrite(h.s);
                    for (let i = h.r.r0; i <= h.r.r1; i++)
                        for (let j = h.r.c0; j <= h.r.c1; j++)
                            delete wb.cellForWrite(h.s, i, j).fill;
                    this.record(h.s, h.r, "format.fill.clear", null);
                    return null;
                }
                break;
            case "ConditionalFormatCollection":
                if (name === "Add") {
                    this.guardWrite(h.s);
                    const cf = { id: (0,_workbook__WEBPACK_IMPORTED_MODULE_1__.newId)("cf"), type: String(args[0]), address: (0,_src_core_grid_address__WEBPACK_IMPORTED_MODULE_0__.rangeA1)(h.r.r0, h.r.c0, h.r.r1, h.r.c1) };
                    h.s.conditionalFormats.unshift(cf);
                    this.record(h.s, h.r, "conditionalFormats.add", cf.type);
                    return { t: "ConditionalFormat", s: h.s, cf };
                }
                if (name === "ClearAll") {
                    this.guardWrite(h.s);
                    const inside = (cf) => {
                        const p = (0,_src_core_grid_address__WEBPACK_IMPORTED_MODULE_0__.parseRef)(cf.address);
                        return p.r0 <= h.r.r1 && p.r1 >= h.r.r0 && p.c0 <= h.r.c1 && p.c1 >= h.r.c0;
                    };
                    h.s.conditionalFormats = h.s.conditionalFormats.filter((cf) => !inside(cf));
                    this.record(h.s, h.r, "conditionalFormats.clearAll", null);
                    return null;
                }
                if (name === "GetCount")
                    return h.s.conditionalFormats.length;
                if (name === "GetItemOrNullObject") {
                    const cf = h.s.conditionalFormats.find((x) => x.id === args[0]);
                    return cf ? { t: "ConditionalFormat", s: h.s, cf } : null;
                }
                break;
            case "ConditionalFormat":
                if (name === "Delete") {
                    h.s.conditionalFormats = h.s.conditionalFormats.filter((x) => x !== h.cf);
                    return null;
                }
                break;
            case "SettingCollection":
                if (name === "Add") {
                    wb.settings.set(String(args[0]), args[1]);
                    this.writes.push({ sheet: "", address: "", property: `settings.${String(args[0])}`, value: args[1] });
                    return { t: "Setting", key: String(args[0]) };
                }
                if (name === "GetItemOrNullObject")
                    return wb.settings.has(String(args[0])) ? { t: "Setting", key: String(args[0]) } : null;
                if (name === "GetCount")
                    return wb.settings.size;
                break;
            case "Setting":
                if (name === "Delete") {
                    wb.settings.delete(h.key);
                    return null;
                }
                break;
            case "CommentCollection":
                if (name === "Add") {
                    const ref = (0,_src_core_grid_address__WEBPACK_IMPORTED_MODULE_0__.parseRef)(String(args[0]));
                    const s = (_d = (ref.sheet ? this.sheetById(ref.sheet) : undefined)) !== null && _d !== void 0 ? _d : fail("InvalidArgument", String(args[0]));
                    if (ref.r0 !== ref.r1 || ref.c0 !== ref.c1)
                        fail("InvalidArgument", "comment on more than one cell");
                    const c = { id: (0,_workbook__WEBPACK_IMPORTED_MODULE_1__.newId)("c"), sheetId: s.id, row: ref.r0, col: ref.c0, content: String(args[1]), authorName: "预算审核", resolved: false };
                    wb.comments.push(c);
                    this.record(s, ref, "comments.add", c.content);
                    return { t: "Comment", id: c.id };
                }
                if (name === "GetCount")
                    return wb.comments.length;
                break;
            case "Comment":
                if (name === "Delete") {
                    wb.comments = wb.comments.filter((c) => c.id !== h.id);
                    return null;
                }
                break;
        }
        return fail("ApiNotFound", `${h.t}.${name}${asPath ? " (path)" : ""}`);
    }
    usedOrA1(s, valuesOnly) {
        var _a;
        return (_a = this.wb.usedBounds(s, valuesOnly)) !== null && _a !== void 0 ? _a : { r0: 0, c0: 0, r1: 0, c1: 0 };
    }
    cellProperties(s, r, opts) {
        var _a;
        const fmt = ((_a = opts.format) !== null && _a !== void 0 ? _a : {});
        return grid(r, (i, j) => {
            var _a, _b, _c;
            const x = this.wb.cell(s, i, j);
            const out = {};
            if (opts.address)
                out.address = `${(0,_src_core_grid_address__WEBPACK_IMPORTED_MODULE_0__.quoteSheet)(s.name)}!${(0,_src_core_grid_address__WEBPACK_IMPORTED_MODULE_0__.cellA1)(i, j)}`;
            const f = {};
            if ((_a = fmt.fill) === null || _a === void 0 ? void 0 : _a.color)
                f.fill = { color: (_b = x === null || x === void 0 ? void 0 : x.fill) !== null && _b !== void 0 ? _b : "#FFFFFF" };
            if (fmt.font)
                f.font = { ...(fmt.font.color ? { color: (_c = x === null || x === void 0 ? void 0 : x.fontColor) !== null && _c !== void 0 ? _c : "#000000" } : {}), ...(fmt.font.bold ? { bold: !!(x === null || x === void 0 ? void 0 : x.fontBold) } : {}) };
            if (Object.keys(f).length)
                out.format = f;
            return out;
        });
    }
    set(h, name, v) {
        const wb = this.wb;
        switch (`${h.t}.${name}`) {
            case "Worksheet.Name": {
                const s = h.s;
                const n = String(v);
                if (wb.sheets.some((x) => x !== s && x.name.toLowerCase() === n.toLowerCase()))
                    fail("ItemAlreadyExists", n);
                if (n.length > 31 || /[\\/?*[\]:]/.test(n))
                    fail("InvalidArgument", n);
                s.name = n;
                return;
            }
            case "Worksheet.Position": {
                const s = h.s;
                const i = Number(v);
                if (i < 0 || i >= wb.sheets.length)
                    fail("InvalidArgument", "position");
                wb.sheets = wb.sheets.filter((x) => x !== s);
                wb.sheets.splice(i, 0, s);
                return;
            }
            case "Worksheet.Visibility":
                h.s.visibility = v;
                return;
            case "Worksheet.TabColor":
                h.s.tabColor = String(v);
                return;
            case "Range.Values":
            case "Range.NumberFormat":
            case "Range.Formulas": {
                const { s, r } = h;
                this.guardWrite(s);
                const rows = r.r1 - r.r0 + 1;
                const cols = r.c1 - r.c0 + 1;
                const data = Array.isArray(v) ? v : [[v]];
                const scalar = !Array.isArray(v);
                if (!scalar && (data.length !== rows || data.some((row) => !Array.isArray(row) || row.length !== cols)))
                    fail("InvalidArgument", `${name} must be ${rows}×${cols}`);
                for (let i = 0; i < rows; i++)
                    for (let j = 0; j < cols; j++) {
                        const x = scalar ? data[0][0] : data[i][j];
                        if (x === null || x === undefined)
                            continue; // null leaves the cell unchanged
                        const c = wb.cellForWrite(s, r.r0 + i, r.c0 + j);
                        if (name === "NumberFormat")
                            c.numberFormat = x === "" ? "General" : String(x);
                        else if (typeof x === "string" && x.startsWith("="))
                            (c.formula = x), (c.value = x);
                        else
                            (c.value = x), delete c.formula;
                    }
                this.record(s, r, name.toLowerCase(), v);
                return;
            }
            case "RangeFill.Color": {
                const { s, r } = h;
                this.guardWrite(s);
                for (let i = r.r0; i <= r.r1; i++)
                    for (let j = r.c0; j <= r.c1; j++)
                        wb.cellForWrite(s, i, j).fill = String(v);
                this.record(s, r, "format.fill.color", v);
                return;
            }
            case "RangeFont.Color":
            case "RangeFont.Bold": {
                const { s, r } = h;
                this.guardWrite(s);
                for (let i = r.r0; i <= r.r1; i++)
                    for (let j = r.c0; j <= r.c1; j++) {
                        const c = wb.cellForWrite(s, i, j);
                        if (name === "Color")
                            c.fontColor = String(v);
                        else
                            c.fontBold = !!v;
                    }
                this.record(s, r, `format.font.${name.toLowerCase()}`, v);
                return;
            }
            case "ConditionalFormatRule.Formula":
                h.cf.formula = String(v);
                return;
            case "ConditionalRangeFill.Color":
                h.cf.fill = String(v);
                return;
            case "ConditionalRangeFont.Color":
                h.cf.fontColor = String(v);
                return;
            case "Setting.Value":
                wb.settings.set(h.key, v);
                return;
        }
        fail("ApiNotFound", `set ${h.t}.${name}`);
    }
    /** Scalar properties per type; a query selects among them (all when Select is absent). */
    props(h) {
        const wb = this.wb;
        switch (h.t) {
            case "Worksheet": {
                const s = h.s;
                return { Id: () => s.id, Name: () => s.name, Position: () => wb.sheets.indexOf(s), Visibility: () => s.visibility, TabColor: () => s.tabColor };
            }
            case "WorksheetProtection":
                return { Protected: () => h.s.protected };
            case "Range": {
                const { s, r } = h;
                const big = () => { var _a; return cells(r) > ((_a = this.opts.maxReadCells) !== null && _a !== void 0 ? _a : 5000000); };
                return {
                    Address: () => addr(s, r),
                    AddressLocal: () => addr(s, r),
                    RowIndex: () => r.r0,
                    ColumnIndex: () => r.c0,
                    RowCount: () => r.r1 - r.r0 + 1,
                    ColumnCount: () => r.c1 - r.c0 + 1,
                    CellCount: () => cells(r),
                    Values: () => (big() ? null : grid(r, (i, j) => { var _a, _b; return (_b = (_a = wb.cell(s, i, j)) === null || _a === void 0 ? void 0 : _a.value) !== null && _b !== void 0 ? _b : ""; })),
                    Text: () => (big() ? null : grid(r, (i, j) => wb.text(s, i, j))),
                    NumberFormat: () => (big() ? null : grid(r, (i, j) => { var _a, _b; return (_b = (_a = wb.cell(s, i, j)) === null || _a === void 0 ? void 0 : _a.numberFormat) !== null && _b !== void 0 ? _b : "General"; })),
                    Formulas: () => (big() ? null : grid(r, (i, j) => { var _a, _b, _c, _d; return (_d = (_b = (_a = wb.cell(s, i, j)) === null || _a === void 0 ? void 0 : _a.formula) !== null && _b !== void 0 ? _b : (_c = wb.cell(s, i, j)) === null || _c === void 0 ? void 0 : _c.value) !== null && _d !== void 0 ? _d : ""; })),
                    ValueTypes: () => grid(r, (i, j) => {
                        var _a;
                        const v = (_a = wb.cell(s, i, j)) === null || _a === void 0 ? void 0 : _a.value;
                        return v === "" || v === undefined || v === null ? "Empty" : typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : /^#/.test(String(v)) ? "Error" : "String";
                    }),
                };
            }
            case "RangeAreas":
                return { Address: () => h.areas.map((a) => addr(h.s, a)).join(", "), AreaCount: () => h.areas.length };
            case "RangeFill":
                return { Color: () => uniform(h.r, (i, j) => { var _a, _b; return (_b = (_a = this.wb.cell(h.s, i, j)) === null || _a === void 0 ? void 0 : _a.fill) !== null && _b !== void 0 ? _b : "#FFFFFF"; }) };
            case "RangeFont":
                return { Color: () => uniform(h.r, (i, j) => { var _a, _b; return (_b = (_a = this.wb.cell(h.s, i, j)) === null || _a === void 0 ? void 0 : _a.fontColor) !== null && _b !== void 0 ? _b : "#000000"; }), Bold: () => uniform(h.r, (i, j) => { var _a; return !!((_a = this.wb.cell(h.s, i, j)) === null || _a === void 0 ? void 0 : _a.fontBold); }) };
            case "ConditionalFormat":
                return { Id: () => h.cf.id, Type: () => h.cf.type };
            case "Setting":
                return { Key: () => h.key, Value: () => wb.settings.get(h.key) };
            case "Comment": {
                const c = wb.comments.find((x) => x.id === h.id);
                return { Id: () => c.id, Content: () => c.content, AuthorName: () => c.authorName, Resolved: () => c.resolved };
            }
            default:
                return {};
        }
    }
    items(h) {
        if (h.t === "WorksheetCollection")
            return this.wb.sheets.map((s) => ({ t: "Worksheet", s }));
        if (h.t === "SettingCollection")
            return [...this.wb.settings.keys()].map((key) => ({ t: "Setting", key }));
        if (h.t === "CommentCollection")
            return this.wb.comments.map((c) => ({ t: "Comment", id: c.id }));
        if (h.t === "ConditionalFormatCollection")
            return h.s.conditionalFormats.map((cf) => ({ t: "ConditionalFormat", s: h.s, cf }));
        return undefined;
    }
    query(h, q) {
        const items = this.items(h);
        if (items)
            return { _Items: items.map((it) => ({ ...this.identity(it), ...this.select(it, q.Select) })) };
        return this.select(h, q.Select);
    }
    select(h, select) {
        var _a;
        const props = this.props(h);
        const out = {};
        const wanted = select && select.length ? select : Object.keys(props).map((k) => k[0].toLowerCase() + k.slice(1));
        for (const w of wanted) {
            const [head, ...rest] = w.split("/");
            const P = pascal(head);
            if (rest.length) {
                const child = this.nav(h, P);
                if (child)
                    out[P] = { ...((_a = out[P]) !== null && _a !== void 0 ? _a : {}), ...this.select(child, [rest.join("/")]) };
            }
            else if (props[P])
                out[P] = props[P]();
            else if (P !== "_ReferenceId" && P !== "IsNullObject")
                fail("InvalidArgument", `property ${h.t}.${head}`);
        }
        return out;
    }
}


/***/ },

/***/ "./tests/office-bench/requirements.ts"
/*!********************************************!*\
  !*** ./tests/office-bench/requirements.ts ***!
  \********************************************/
(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   requirementChecker: () => (/* binding */ requirementChecker)
/* harmony export */ });
/** ExcelApi versions the fake host reports (compared as "major.minor" strings: "1.10" > "1.9"). */
function requirementChecker(maxExcelApi = "1.13") {
    const v = (s) => s.split(".").map(Number);
    return (name, version = "1.1") => {
        if (name !== "ExcelApi")
            return false;
        const [a, b] = v(version);
        const [x, y] = v(maxExcelApi);
        return a < x || (a === x && b <= y);
    };
}


/***/ },

/***/ "./tests/office-bench/workbook.ts"
/*!****************************************!*\
  !*** ./tests/office-bench/workbook.ts ***!
  \****************************************/
(__unused_webpack_module, __webpack_exports__, __webpack_require__) {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MemoryWorkbook: () => (/* binding */ MemoryWorkbook),
/* harmony export */   newId: () => (/* binding */ newId)
/* harmony export */ });
/* harmony import */ var _src_core_grid_display__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(/*! ../../src/core/grid/display */ "./src/core/grid/display.ts");

const key = (r, c) => `${r},${c}`;
let idSeq = 0;
const newId = (prefix = "") => `{${prefix}${(++idSeq).toString(16).padStart(8, "0")}-0000-4000-8000-000000000000}`;
class MemoryWorkbook {
    constructor() {
        this.sheets = [];
        this.settings = new Map();
        this.comments = [];
    }
    static fromGrids(grids) {
        var _a;
        const wb = new MemoryWorkbook();
        for (const g of grids) {
            const s = wb.addSheet(g.sheet);
            s.visibility = g.visibility === "hidden" ? "Hidden" : g.visibility === "veryHidden" ? "VeryHidden" : "Visible";
            g.values.forEach((row, r) => row.forEach((v, c) => {
                var _a, _b;
                const fmt = (_b = (_a = g.numberFormat[r]) === null || _a === void 0 ? void 0 : _a[c]) !== null && _b !== void 0 ? _b : "General";
                if ((v !== "" && v !== null) || fmt !== "General")
                    s.cells.set(key(r + g.origin.row, c + g.origin.col), { value: v !== null && v !== void 0 ? v : "", numberFormat: fmt });
            }));
            s.merges = g.merges.map((m) => ({ r0: m.r0 + g.origin.row, c0: m.c0 + g.origin.col, r1: m.r1 + g.origin.row, c1: m.c1 + g.origin.col }));
        }
        wb.activeSheetId = (_a = wb.sheets[0]) === null || _a === void 0 ? void 0 : _a.id;
        return wb;
    }
    addSheet(name) {
        const s = { id: newId(), name, visibility: "Visible", tabColor: "", protected: false, cells: new Map(), merges: [], conditionalFormats: [] };
        this.sheets.push(s);
        return s;
    }
    cell(s, r, c) {
        return s.cells.get(key(r, c));
    }
    /** The cell, created when absent (for writes). */
    cellForWrite(s, r, c) {
        let x = s.cells.get(key(r, c));
        if (!x) {
            x = { value: "", numberFormat: "General" };
            s.cells.set(key(r, c), x);
        }
        return x;
    }
    text(s, r, c) {
        const x = this.cell(s, r, c);
        return x ? (0,_src_core_grid_display__WEBPACK_IMPORTED_MODULE_0__.displayText)(x.value, x.numberFormat) : "";
    }
    /** Bounding box of cells with values (valuesOnly) or with values or formatting. */
    usedBounds(s, valuesOnly) {
        let b;
        for (const [k, x] of s.cells) {
            const has = (x.value !== "" && x.value !== null) || x.formula || (!valuesOnly && (x.numberFormat !== "General" || x.fill || x.fontColor || x.fontBold));
            if (!has)
                continue;
            const [r, c] = k.split(",").map(Number);
            b = b ? { r0: Math.min(b.r0, r), c0: Math.min(b.c0, c), r1: Math.max(b.r1, r), c1: Math.max(b.c1, c) } : { r0: r, c0: c, r1: r, c1: c };
        }
        return b;
    }
    /** Back to grids (the same shape the hosts produce), e.g. to save or to compare. */
    toGrids() {
        return this.sheets.map((s) => {
            var _a;
            const b = this.usedBounds(s, true);
            if (!b)
                return { sheet: s.name, origin: { row: 0, col: 0 }, values: [], text: [], numberFormat: [], merges: [], visibility: "visible" };
            const rows = b.r1 - b.r0 + 1;
            const cols = b.c1 - b.c0 + 1;
            const values = [];
            const text = [];
            const numberFormat = [];
            for (let r = 0; r < rows; r++) {
                values.push([]);
                text.push([]);
                numberFormat.push([]);
                for (let c = 0; c < cols; c++) {
                    const x = this.cell(s, r + b.r0, c + b.c0);
                    values[r].push(x ? x.value : "");
                    text[r].push(this.text(s, r + b.r0, c + b.c0));
                    numberFormat[r].push((_a = x === null || x === void 0 ? void 0 : x.numberFormat) !== null && _a !== void 0 ? _a : "General");
                }
            }
            const merges = s.merges.map((m) => ({ r0: m.r0 - b.r0, c0: m.c0 - b.c0, r1: m.r1 - b.r0, c1: m.c1 - b.c0 }));
            return { sheet: s.name, origin: { row: b.r0, col: b.c0 }, values, text, numberFormat, merges, visibility: s.visibility === "Hidden" ? "hidden" : s.visibility === "VeryHidden" ? "veryHidden" : "visible" };
        });
    }
}


/***/ }

/******/ 	});
/************************************************************************/
/******/ 	// The module cache
/******/ 	const __webpack_module_cache__ = {};
/******/ 	
/******/ 	// The require function
/******/ 	function __webpack_require__(moduleId) {
/******/ 		// Check if module is in cache
/******/ 		const cachedModule = __webpack_module_cache__[moduleId];
/******/ 		if (cachedModule !== undefined) {
/******/ 			return cachedModule.exports;
/******/ 		}
/******/ 		// Create a new module (and put it into the cache)
/******/ 		const module = __webpack_module_cache__[moduleId] = {
/******/ 			// no module.id needed
/******/ 			// no module.loaded needed
/******/ 			exports: {}
/******/ 		};
/******/ 	
/******/ 		// Execute the module function
/******/ 		if (!(moduleId in __webpack_modules__)) {
/******/ 			delete __webpack_module_cache__[moduleId];
/******/ 			const e = new Error("Cannot find module '" + moduleId + "'");
/******/ 			e.code = 'MODULE_NOT_FOUND';
/******/ 			throw e;
/******/ 		}
/******/ 		__webpack_modules__[moduleId](module, module.exports, __webpack_require__);
/******/ 	
/******/ 		// Return the exports of the module
/******/ 		return module.exports;
/******/ 	}
/******/ 	
/************************************************************************/
/******/ 	/* webpack/runtime/define property getters */
/******/ 	// define getter/value functions for harmony exports
/******/ 	__webpack_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__webpack_require__.o(definition, key) && !__webpack_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ 	
/******/ 	/* webpack/runtime/hasOwnProperty shorthand */
/******/ 	__webpack_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop));
/******/ 	
/******/ 	/* webpack/runtime/make namespace object */
/******/ 	// define __esModule on exports
/******/ 	__webpack_require__.r = (exports) => {
/******/ 		Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ 	
/************************************************************************/
let __webpack_exports__ = {};
// This entry needs to be wrapped in an IIFE because it needs to be isolated against other modules in the chunk.
(() => {
/*!***************************************!*\
  !*** ./tests/office-bench/browser.ts ***!
  \***************************************/
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _workbook__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(/*! ./workbook */ "./tests/office-bench/workbook.ts");
/* harmony import */ var _executor__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(/*! ./executor */ "./tests/office-bench/executor.ts");
/* harmony import */ var _requirements__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(/*! ./requirements */ "./tests/office-bench/requirements.ts");
var _a, _b, _d, _e;



const w = window;
if (!((_a = w.OfficeExtension) === null || _a === void 0 ? void 0 : _a.SessionBase))
    throw new Error("office bench: the runtime bundle did not define OfficeExtension.SessionBase (transport hook changed)");
const wb = _workbook__WEBPACK_IMPORTED_MODULE_0__.MemoryWorkbook.fromGrids((_b = w.__BENCH_WORKBOOK__) !== null && _b !== void 0 ? _b : []);
const executor = new _executor__WEBPACK_IMPORTED_MODULE_1__.Executor(wb);
w.OfficeExtension.SessionBase._overrideSession = {
    _resolveRequestUrlAndHeaderInfo: () => Promise.resolve({ url: "https://bench.invalid", headers: {} }),
    _createRequestExecutorOrNull: () => ({
        executeAsync: (_c, _f, message) => Promise.resolve(JSON.parse(JSON.stringify(executor.execute(JSON.parse(JSON.stringify(message.Body)))))),
    }),
};
// The bundle's Office.context is not configurable: a derived object carries the host's context and onReady.
const office = Object.create((_d = w.Office) !== null && _d !== void 0 ? _d : {});
const info = { host: "Excel", platform: "PC" };
Object.defineProperty(office, "context", { value: { requirements: { isSetSupported: (0,_requirements__WEBPACK_IMPORTED_MODULE_2__.requirementChecker)((_e = w.__BENCH_MAX_EXCELAPI__) !== null && _e !== void 0 ? _e : "1.13") }, displayLanguage: "zh-CN" } });
Object.defineProperty(office, "onReady", { value: (cb) => Promise.resolve().then(() => (cb === null || cb === void 0 ? void 0 : cb(info), info)) });
// `var Office` in the bundle makes the global writable but not configurable: assign, do not redefine.
w.Office = office;
w.__bench = {
    roundTrips: () => executor.roundTrips,
    writes: () => executor.writes,
    selection: () => { var _a; return wb.selection && { sheet: (_a = wb.sheets.find((s) => s.id === wb.selection.sheetId)) === null || _a === void 0 ? void 0 : _a.name, ...wb.selection }; },
    resetCounters: () => {
        executor.roundTrips = 0;
        executor.writes = [];
    },
};

})();

/******/ })()
;