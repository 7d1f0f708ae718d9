/** 名称: code ↔ standard name, the department name across tables, table label series, income codes on income sides. */
import { defineRule, type Finding, type Outcome } from "./rule";
import { examples, groupedByTable } from "./flood";
import { functionalName, sameFunctionalName } from "../classification/functional";
import { economicName } from "../classification/economic";
import { judgeName, spanYears } from "../classification/history";
import { unitMagnitude } from "./units";
import { placeholders } from "./placeholders";
import { norm } from "../grid/text";
import { titleDepartmentOf } from "../model/department";
import { SCIENTIFIC_CODE_TEXT, decimalCode, quotedCode } from "../classification/codes";
import { PASS, repeatedCodes, rowName, tableName } from "./helpers";
import { quoteSheet } from "../grid/address";
import type { Report, Table } from "../model/schema";
import { LABEL_DASH } from "../importer/kinds";
import { carryReading, fundKeys, titleCarryover } from "./scope";
import { fenValue, fmt, UNIT_FACTOR, type Term } from "./interval";

/** The table's first cell (its label or title), for findings about the whole table. */
const tableCell = (t: Table) => `${quoteSheet(t.sheet)}!${t.range.split(":")[0]}`;

/** A table's per-row findings, as one finding past FLOOD_LIMIT: "表5有 40 个经济科目名称与标准名称不符：30101、… 等 40 个". */
function perTable(
  t: Table,
  rows: Array<{ finding: Finding; code: string }>,
  what: string
): Finding[] {
  // Asked for every table by every per-row naming rule; most tables have nothing to report.
  if (!rows.length) return [];
  const codes = new Map(rows.map((x) => [x.finding, x.code]));
  return groupedByTable(
    rows.map((x) => x.finding),
    (fs) =>
      `${tableName(t)}有 ${fs.length} 个${what}：${examples(fs.map((f) => codes.get(f)!))}（每行见所标单元格的批注）`
  );
}

/** One wrong name of one row: its finding (the table's sentence) and that sentence without the table's name. */
interface WrongName {
  finding: Finding;
  code: string;
  /** The message after the table's name: “功能科目 21305 名称为“…”，标准名称为“…””. */
  body: string;
}

/**
 * The per-row findings of every table, as a reviewer reads them (tester34 T34-9): one code printed with one wrong name
 * in several tables (表2, 表3, 表5 list the same 款) is one finding — “表2（…）、表3（…）、表5（…）的功能科目 21305 名称为…”
 * — citing the name cell of each, each cell's note its own table's sentence; a table past FLOOD_LIMIT keeps its one
 * finding for the table (flood.ts), its rows not merged with other tables'.
 */
function acrossTables(tables: Array<{ t: Table; wrong: WrongName[] }>, what: string): Outcome[] {
  const out: Outcome[] = [];
  const groups = new Map<string, { at: number; rows: Array<{ t: Table; x: WrongName }> }>();
  for (const { t, wrong } of tables) {
    const byFinding = new Map(wrong.map((x) => [x.finding, x]));
    for (const f of perTable(t, wrong, what)) {
      const x = byFinding.get(f);
      if (!x) {
        out.push({ status: "fail", finding: f });
        continue;
      }
      const key = `${f.severity}\u0000${x.code}\u0000${x.body}`;
      let g = groups.get(key);
      if (!g) {
        groups.set(key, (g = { at: out.length, rows: [] }));
        out.push({ status: "fail", finding: f });
      }
      g.rows.push({ t, x });
    }
  }
  for (const { at, rows } of groups.values()) {
    if (rows.length < 2) continue;
    const names = rows.map((r) => tableName(r.t)).filter((n, i, all) => all.indexOf(n) === i);
    const first = rows[0].x.finding;
    out[at] = {
      status: "fail",
      finding: {
        ...first,
        message: `${names.join("、")}的${rows[0].x.body}`,
        cells: rows.flatMap((r) => r.x.finding.cells),
        details: rows.flatMap((r) => r.x.finding.cells.map(() => r.x.finding.message)),
      },
    };
  }
  return out;
}

/** Every coded row of one classification system whose standard name is known: printed name ↔ standard name. */
function codeNames(
  report: Report,
  rule: string,
  system: "functional" | "economic",
  nameOf: (code: string) => string | undefined,
  what: string
): Outcome[] {
  const out: Outcome[] = [];
  const listed: Array<{ t: Table; wrong: WrongName[] }> = [];
  const tables = report.tables;
  for (let i = 0; i < tables.length; i++) {
    const t = tables[i];
    const wrong: WrongName[] = [];
    const rows = t.rows;
    for (let j = 0; j < rows.length; j++) {
      const r = rows[j];
      if (!r.code || r.codeSystem !== system) continue;
      const std = nameOf(r.code);
      if (!std) continue;
      const printed = r.label.replace(/^[一二三四五六七八九十]+、/, "").trim();
      if (sameFunctionalName(printed, std)) {
        out.push(PASS);
        continue;
      }
      const body = `${what} ${r.code} 名称为“${printed}”，标准名称为“${std}”`;
      wrong.push({
        code: r.code,
        body,
        finding: {
          rule,
          severity: "warning",
          message: `${tableName(t)}${body}`,
          cells: [r.labelCell],
          expected: null,
          actual: null,
          difference: null,
        },
      });
    }
    if (wrong.length) listed.push({ t, wrong });
  }
  out.push(...acrossTables(listed, `${what}名称与标准名称不符`));
  return out.length ? out : [{ status: "na", reason: `没有带编码的${what}` }];
}

/** Functional codes: the printed name against the names valid in the report's year or the year before (history.ts). */
function functionalCodeNames(report: Report): Outcome[] {
  const out: Outcome[] = [];
  const rule = "naming.functional-code";
  // The same code and name recur in every table that lists functional codes: each judged once per check, looked up
  // by year, code and the label cell's own string in turn (no key string made per row; the printed name is derived
  // once per label).
  const judged = new Map<
    number | undefined,
    Map<string, Map<string, { printed: string; v?: ReturnType<typeof judgeName> }>>
  >();
  const listed: Array<{ t: Table; wrong: WrongName[] }> = [];
  const tables = report.tables;
  for (let i = 0; i < tables.length; i++) {
    const t = tables[i];
    const wrong: WrongName[] = [];
    const rows = t.rows;
    for (let j = 0; j < rows.length; j++) {
      const r = rows[j];
      if (!r.code || r.codeSystem !== "functional" || r.code.charCodeAt(0) !== 50 /* 2 */) continue;
      const year = t.year ?? report.year;
      let byCode = judged.get(year);
      if (!byCode) judged.set(year, (byCode = new Map()));
      let byLabel = byCode.get(r.code);
      if (!byLabel) byCode.set(r.code, (byLabel = new Map()));
      let seen = byLabel.get(r.label);
      if (!seen) {
        const printed = r.label.replace(/^[一二三四五六七八九十]+、/, "").trim();
        // A code without a known standard name, or a name cell without a name (blank, a count), is not judged.
        const current = functionalName(r.code);
        seen = {
          printed,
          v:
            current && /[\u3400-\u9fff]/.test(printed)
              ? judgeName(r.code, printed, year, current, sameFunctionalName)
              : undefined,
        };
        byLabel.set(r.label, seen);
      }
      const { printed, v } = seen;
      if (!v) continue;
      if (v.ok) {
        out.push(PASS);
        continue;
      }
      const code = r.code;
      const fail = (severity: "warning" | "info", body: string) =>
        wrong.push({
          code,
          body,
          finding: {
            rule,
            severity,
            message: `${tableName(t)}${body}`,
            cells: [r.labelCell],
            expected: null,
            actual: null,
            difference: null,
          },
        });
      if (v.why === "mismatch")
        fail(
          "warning",
          `功能科目 ${r.code} 名称为“${printed}”，${year ? `${year} 年` : ""}标准名称为“${v.standard}”`
        );
      else if (year === undefined)
        fail(
          "info",
          `功能科目 ${r.code} 名称“${printed}”适用于 ${spanYears(v.span)}（${v.span.source}）；未能识别报告年度，请核对`
        );
      else
        fail(
          "warning",
          `功能科目 ${r.code} 名称“${printed}”适用于 ${spanYears(v.span)}，${year} 年度（及编制预算的 ${year - 1} 年）应为“${v.standard}”（${v.span.source}）`
        );
    }
    if (wrong.length) listed.push({ t, wrong });
  }
  out.push(...acrossTables(listed, "功能科目名称与报告年度的标准名称不符"));
  return out.length ? out : [{ status: "na", reason: "没有带编码的功能科目" }];
}

export const functionalNames = defineRule({
  id: "naming.functional-code",
  category: "naming",
  title: "功能科目编码与名称相符（按报告年度）",
  description:
    "功能分类科目的编码与名称应与《政府收支分类科目》一致（内置类、常见款项）；科目更名的，报告年度或上一年度（编制预算时）适用的名称都不算错，更早或更晚年度的名称指出其适用年度。",
  severity: "warning",
  source: {
    basis: "national",
    ref: "财政部《政府收支分类科目》支出功能分类（每年修订，编制预算时可沿用上一年的科目名称）",
  },
  check: functionalCodeNames,
});

export const codeFormat = defineRule({
  id: "naming.code-format",
  category: "naming",
  title: "科目编码格式正确",
  description:
    "功能分类科目编码为类 3 位、款 5 位、项 7 位数字（经济分类 3 / 5 位）；多一位、少一位或把字母 O 当作 0 的编码，按名称和所在位置指出应为的编码（金额按该编码参与合计，不另报合计错误）。以科学计数法显示的编码（“2.01E+06”，PDF 转 Excel 或列宽不足所致）数字已丢失，不据其数字推断编码：每表报一次，各行按名称和所在位置读取，读不出的不参与按科目的核对。带“.0”的编码（“2010801.0”）按 2010801 读取，全工作簿提示一次；编码前多余的撇号或引号（“'2080505”“’2080505”，脚本写入文本或输入法自动替换所致）去掉后读取，全工作簿提示一次并列出这些单元格。",
  severity: "warning",
  source: {
    basis: "national",
    ref: "财政部《政府收支分类科目》：支出功能分类科目编码类 3 位、款 2 位、项 2 位",
  },
  check: (report) => {
    const out: Outcome[] = [];
    let coded = 0;
    // Codes read without the ".0" a converter added: one 提示 for the workbook.
    const decimals: Array<{ printed: string; code: string; cell: string }> = [];
    // Codes read without a stray quote mark before the digits ('2080505): one 提示 citing each.
    const quoted: Array<{ printed: string; code: string; cell: string }> = [];
    const tables = report.tables;
    for (let i = 0; i < tables.length; i++) {
      const t = tables[i];
      const wrong: Array<{ finding: Finding; code: string }> = [];
      // Codes shown in scientific notation: one 警告 for the table (the digits are lost, not a typo per row).
      const lost: Array<{ printed: string; code?: string; cell: string }> = [];
      const rows = t.rows;
      for (let j = 0; j < rows.length; j++) {
        const r = rows[j];
        if (r.code) coded++;
        if (!r.printedCode) continue;
        if (r.code && decimalCode(r.printedCode) === r.code) {
          decimals.push({ printed: r.printedCode, code: r.code, cell: r.codeCell ?? r.labelCell });
          continue;
        }
        if (r.code && quotedCode(r.printedCode) === r.code) {
          quoted.push({ printed: r.printedCode, code: r.code, cell: r.codeCell ?? r.labelCell });
          continue;
        }
        if (SCIENTIFIC_CODE_TEXT.test(norm(r.printedCode))) {
          lost.push({ printed: r.printedCode, code: r.code, cell: r.codeCell ?? r.labelCell });
          continue;
        }
        const name = r.label.replace(/^[一二三四五六七八九十]+、/, "").trim();
        const std = r.code ? (functionalName(r.code) ?? economicName(r.code)) : undefined;
        const reading = r.code
          ? `；按名称“${name}”及所在位置应为 ${r.code}${std ? `（${std}）` : ""}，金额已按 ${r.code} 核对`
          : "；无法从名称和位置确定正确编码，该行未参与按科目的核对";
        wrong.push({
          code: `“${r.printedCode}”`,
          finding: {
            rule: "naming.code-format",
            severity: "warning",
            message: `${tableName(t)}编码“${r.printedCode}”不是有效的科目编码（类 3 位、款 5 位、项 7 位数字）${reading}`,
            cells: [r.codeCell ?? r.labelCell],
            expected: null,
            actual: null,
            difference: null,
          },
        });
      }
      for (const finding of perTable(
        t,
        wrong,
        "编码不是有效的科目编码（类 3 位、款 5 位、项 7 位数字）"
      ))
        out.push({ status: "fail", finding });
      if (lost.length) {
        const placed = lost.filter((x) => x.code).length;
        const how = [
          placed ? `${placed} 行按名称和所在位置读取` : "",
          lost.length - placed ? `${lost.length - placed} 行未参与按科目的核对` : "",
        ]
          .filter(Boolean)
          .join("，");
        out.push({
          status: "fail",
          finding: {
            rule: "naming.code-format",
            severity: "warning",
            message: `${tableName(t)}有 ${lost.length} 个编码以科学计数法显示（如“${lost[0].printed}”），原编码的数字已丢失（${how}）；请向编制单位索取原表或把编码列设为文本后重新导出`,
            cells: lost.map((x) => x.cell),
            expected: null,
            actual: null,
            difference: null,
          },
        });
      }
    }
    if (decimals.length)
      out.push({
        status: "fail",
        finding: {
          rule: "naming.code-format",
          severity: "info",
          message: `有 ${decimals.length} 个编码带有“.0”（如“${decimals[0].printed}”，疑为转换所致），已按 ${decimals[0].code} 等编码读取`,
          cells: decimals.slice(0, 1).map((x) => x.cell),
          expected: null,
          actual: null,
          difference: null,
        },
      });
    if (quoted.length)
      out.push({
        status: "fail",
        finding: {
          rule: "naming.code-format",
          severity: "info",
          message: `有 ${quoted.length} 个编码前带有多余的撇号或引号（如“${quoted[0].printed}”），已按 ${quoted[0].code} 等编码读取；公开前宜删去`,
          cells: quoted.map((x) => x.cell),
          expected: null,
          actual: null,
          difference: null,
        },
      });
    if (!out.length && coded) out.push({ status: "pass" });
    return out.length ? out : [{ status: "na", reason: "没有带编码的科目行" }];
  },
});

export const economicNames = defineRule({
  id: "naming.economic-code",
  category: "naming",
  title: "经济科目编码与名称相符",
  description: "部门预算支出经济分类科目（301 工资福利支出、30201 办公费……）的编码与名称应一致。",
  severity: "warning",
  source: { basis: "national", ref: "财政部《政府收支分类科目》部门预算支出经济分类" },
  check: (report) =>
    codeNames(report, "naming.economic-code", "economic", economicName, "经济科目"),
});

/** A scope qualifier printed after a department's name: its consolidated set or its own office's. */
const SCOPE_QUALIFIER = /[(（](?:部门|单位)?(?:汇总|本级|合并)[)）]$/;
const unqualified = (name: string) => norm(name).replace(SCOPE_QUALIFIER, "");

export const departmentName = defineRule({
  id: "naming.department",
  category: "naming",
  title: "各表部门名称一致",
  description:
    "各表表头的部门（单位）名称应一致。表头没有部门名称行的表（中央部门表样：部门只印在标题里），比较标题中年度前的部门名称；标题中的名称可以是全称的一部分（简称）。名称后的范围说明（“（汇总）”“（本级）”“（部门汇总）”）不算另一名称，带范围说明的名称也可省去前面的地名（“某县教育局（本级）”属“福建省某县教育局”）。",
  severity: "warning",
  source: { basis: "practice", ref: "同一部门的公开表，表头部门名称一致" },
  check: (report) => {
    // Each table's 部门: its 部门名称 line, else the name its title prints before the year.
    const named = report.tables
      .filter((t) => t.kind !== "performance_target")
      .map((t) => ({ t, line: t.department, title: titleDepartmentOf(t.title) }))
      .filter((d) => d.line || d.title);
    if (named.length < 2 || !report.department)
      return [{ status: "na", reason: "表头和标题都没有部门名称" }];
    // A scope qualifier after the name — （汇总） / （本级） / （部门汇总） — is the same department's consolidated or
    // own-office set, not another department (tester32 T32-4 / T32-20).
    const main = unqualified(report.department);
    // The name quoted as a table prints it (full-width brackets kept), else the normalized one.
    const shown = (t: Table) => t.departmentText ?? t.department;
    const mainShown =
      report.tables.find((t) => t.department && norm(t.department) === norm(report.department!))
        ?.departmentText ?? report.department;
    return named.map(({ t, line, title }): Outcome => {
      // A title may shorten the name (市审计局 for 北京市审计局), or the 部门 may shorten it.
      // A qualified name may also drop the leading place (某县教育局（本级） in 福建省某县教育局's set: T32-4).
      const own = line && unqualified(line);
      const same = own
        ? own === main || (own !== norm(line) && own.length >= 3 && main.endsWith(own))
        : main.includes(unqualified(title!)) || unqualified(title!).includes(main);
      return same
        ? { status: "pass" }
        : {
            status: "fail",
            finding: {
              rule: "naming.department",
              severity: "warning",
              message: line
                ? `${tableName(t)}部门名称为“${shown(t)}”，其他表为“${mainShown}”`
                : `${tableName(t)}标题中的部门为“${title}”，其他表为“${mainShown}”`,
              // The cell printing the name (its 部门 line), else the table's.
              cells: [(line && t.departmentCell) || tableCell(t)],
              expected: null,
              actual: null,
              difference: null,
            },
          };
    });
  },
});

export const tableYear = defineRule({
  id: "naming.year",
  category: "naming",
  title: "各表年度一致",
  description:
    "各表标题或表头印的预算年度应一致；个别表印了另一年度（如沿用上年的表样未改年份）时警告，指出该表和两个年度。表头各金额栏只印了较早的一个年度（如标题为 2025 年、表头为“2024年合计 | 2024年基本支出”，沿用上年表样只改了标题）时，这些栏按本年数核对，并警告表头年度与标题不一致。只比较印有年度的表（年度只印在分部标题或封面时不比较）；表内的上年数栏不影响。",
  severity: "warning",
  source: {
    basis: "practice",
    ref: "同一套部门预算公开表为同一预算年度；沿用上年表格未改年度是预算公开检查的常见问题",
  },
  check: (report) => {
    // A header left at an earlier year under the table's own year (importer.ts staleHeaderYear): the columns were read
    // as this year's; the header still says otherwise.
    const staleHeaders = report.tables.flatMap((t): Outcome[] => {
      const own = t.year ?? report.year;
      if (!t.headerYear || own === undefined || own === t.headerYear.year) return [];
      return [
        {
          status: "fail",
          finding: {
            rule: "naming.year",
            severity: "warning",
            message: `${tableName(t)}表头年度为 ${t.headerYear.year}，${t.year ? "标题" : "其他表"}为 ${own}（按 ${own} 年数核对）`,
            cells: [t.headerYear.cell],
            expected: own,
            actual: t.headerYear.year,
            difference: null,
          },
        },
      ];
    });
    const dated = report.tables.filter((t) => t.year !== undefined);
    if (dated.length < 2 || report.year === undefined)
      return staleHeaders.length
        ? staleHeaders
        : [{ status: "na", reason: "印有年度的表少于两张" }];
    return [
      ...staleHeaders,
      ...dated.map((t): Outcome =>
        t.year === report.year
          ? { status: "pass" }
          : {
              status: "fail",
              finding: {
                rule: "naming.year",
                severity: "warning",
                message: `${tableName(t)}印的年度为 ${t.year} 年，其他表为 ${report.year} 年`,
                // The title (or 预算年度 line) printing the year, not the table's first cell (a 表6 label: T32-25).
                cells: [t.yearCell ?? tableCell(t)],
                expected: report.year!,
                actual: t.year!,
                difference: null,
              },
            }
      ),
    ];
  },
});

/** A label's (last) number, with the number before it after any LABEL_DASH (表1-3, 表1—3: the 3; 预算公开表N's N). */
const NUMBER_AT_END = new RegExp(
  `[0-9一二三四五六七八九十]+(${LABEL_DASH}[0-9]+)?(?=[^0-9一二三四五六七八九十]*$)`
);

export const tableLabels = defineRule({
  id: "naming.table-labels",
  category: "naming",
  title: "表号体例一致",
  description:
    "表号应使用同一体例（如“预算公开表1…13”），个别表写成其他前缀（如“部门公开表9”）时提示。",
  severity: "info",
  source: { basis: "practice", ref: "同一套公开表使用一种表号体例" },
  check: (report) => {
    const labelled = report.tables.filter((t) => t.label);
    if (labelled.length < 3) return [{ status: "na", reason: "印有表号的表少于三张" }];
    // The style: the label with its (last) number as N — 预算公开表N, 公开N表 (公开01表 … 公开10表), 表N.
    const prefix = (l: string) => l.replace(NUMBER_AT_END, "N");
    const counts = new Map<string, number>();
    for (const t of labelled) counts.set(prefix(t.label!), (counts.get(prefix(t.label!)) ?? 0) + 1);
    const [main] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    return labelled.map((t): Outcome => {
      const p = prefix(t.label!);
      // "表二" beside "预算公开表1" is a shorter style, not a different series.
      if (p === main || main.endsWith(p) || p.endsWith(main) || p.replace("N", "").length < 3)
        return { status: "pass" };
      return {
        status: "fail",
        finding: {
          rule: "naming.table-labels",
          severity: "info",
          message: `表号“${t.label}”与其他表的“${main}”体例不一致`,
          cells: [tableCell(t)],
          expected: null,
          actual: null,
          difference: null,
        },
      };
    });
  },
});

export const pageHeader = defineRule({
  id: "naming.page-header",
  category: "naming",
  title: "页眉与表内的表号、单位一致",
  description:
    "表题印在单元格里、表号或金额单位印在页眉（页面设置的页眉）里的表，表内未印的表号、单位按页眉读；表内和页眉都印了而两者不同（如表内“单位：元”、页眉“单位：万元”）时按表内的读，并提示核对：打印出来两者同在一页上。",
  severity: "info",
  source: {
    basis: "practice",
    ref: "打印的每一页上表号、金额单位只有一种说法；部门预算公开表在表头注明表号和金额单位",
  },
  check: (report) => {
    const withHeader = report.tables.filter((t) => t.pageHeaderDiffers);
    if (!withHeader.length)
      return [{ status: "na", reason: "没有页眉与表内表号、单位不同的表", nothingToCheck: true }];
    return withHeader.map((t): Outcome => {
      const d = t.pageHeaderDiffers!;
      // As printed on both: 表内印“表2”“单位：元”，页眉印“表3”“单位：万元”.
      const q = (x: string[]) => x.map((w) => `“${w}”`).join("");
      const cells = q([
        ...(d.label ? [t.label ?? ""] : []),
        ...(d.unit ? [t.unitText ?? t.unit] : []),
      ]);
      const header = q([...(d.label ? [d.label] : []), ...(d.unit ? [d.unitText ?? d.unit] : [])]);
      return {
        status: "fail",
        finding: {
          rule: "naming.page-header",
          severity: "info",
          message: `${tableName(t)}表内印${cells}，页眉印${header}：已按表内的读，请核对改正其一（打印时两者同在一页上）`,
          cells: [d.unit && t.unitCell ? t.unitCell : tableCell(t)],
          expected: null,
          actual: null,
          difference: null,
        },
      };
    });
  },
});

/** How naming.form-unit says the unit a form printing none was read in (Table.unitAssumed). */
const ASSUMED_UNIT: Record<NonNullable<Table["unitAssumed"]>, (u: string) => string> = {
  tables: (u) => `已按其他表印的“${u}”读`,
  magnitude: (u) =>
    `其他表印的是“${u}”，但其年度资金总额按“元”读才与项目支出表中的项目金额相符，已按“元”读`,
  default: () => "工作簿中的表也都未印金额单位，已按“元”读",
};

export const formUnit = defineRule({
  id: "naming.form-unit",
  category: "naming",
  title: "绩效目标表注明金额单位",
  description:
    "项目绩效目标表应注明金额单位（“单位：万元”行，或资金栏如“年度资金总额（万元）”）。都未印时，按工作簿中其他表印的单位读（其年度资金总额按元读才与项目支出表相符时按元读；各表都未印单位时按元读），并提示所按的单位。",
  severity: "info",
  source: {
    basis: "practice",
    ref: "部门预算公开表在表头注明金额单位；绩效目标表的资金与项目支出表中该项目的金额为同一笔资金",
  },
  check: (report) => {
    const forms = report.tables.filter((t) => t.form && t.unitAssumed);
    if (!forms.length)
      return [{ status: "na", reason: "没有未印金额单位的绩效目标表", nothingToCheck: true }];
    // One 提示 for the forms of a workbook (they are read alike; a hundred forms are one finding), each form cited.
    const how = forms[0].unitAssumed!;
    const shown = forms.slice(0, 5).map((f) => `《${f.form!.project}》`);
    const names =
      forms.length > 1
        ? `${forms.length} 张绩效目标表（${shown.join("、")}${forms.length > 5 ? " 等" : ""}）`
        : tableName(forms[0]);
    const cell = (f: Table) =>
      f.rows.find((r) => r.key === "total")?.amounts.annual?.cell ?? tableCell(f);
    // The unit the tables print (the forms were read in it, or weighed against it): the one most of them print.
    const printed = new Map<string, number>();
    for (const t of report.tables)
      if (!t.form && t.unitText) {
        const u = t.unitContradicted?.printed ?? t.unit;
        printed.set(u, (printed.get(u) ?? 0) + 1);
      }
    const other = [...printed].sort((a, b) => b[1] - a[1])[0]?.[0] ?? forms[0].unit;
    return [
      {
        status: "fail",
        finding: {
          rule: "naming.form-unit",
          severity: "info",
          message: `${names}未印金额单位（没有“单位：”行，资金栏也未注明），${ASSUMED_UNIT[how](other)}：请核对并在表上注明单位`,
          cells: forms.map(cell),
          expected: null,
          actual: null,
          difference: null,
        },
      },
    ];
  },
});

export const incomeSideCodes = defineRule({
  id: "naming.income-side-codes",
  category: "naming",
  title: "收入方使用收入科目",
  description:
    "政府性基金收入、国有资本经营预算收入应使用收入分类科目（1 开头），不应填列支出功能科目（2 开头）。",
  severity: "warning",
  source: {
    basis: "national",
    ref: "财政部《政府收支分类科目》：收入分类科目以 1 开头，支出功能分类以 2 开头",
  },
  check: (report) => {
    const out: Outcome[] = [];
    for (const t of report.tables.filter(
      (x) => x.kind === "state_capital" || x.kind === "gov_fund_income"
    )) {
      const rows = t.rows.filter(
        (r) => r.code && (r.side === "income" || t.kind === "gov_fund_income")
      );
      const wrong = rows.filter((r) => r.code!.startsWith("2"));
      if (!rows.length) continue;
      out.push(
        wrong.length
          ? {
              status: "fail",
              finding: {
                rule: "naming.income-side-codes",
                severity: "warning",
                message: `${tableName(t)}收入方列示了 ${wrong.length} 个支出功能科目（如 ${rowName(wrong[0])}），应为收入分类科目`,
                cells: wrong.map((r) => r.labelCell),
                expected: null,
                actual: null,
                difference: null,
              },
            }
          : { status: "pass" }
      );
    }
    return out.length ? out : [{ status: "na", reason: "收入方没有科目编码" }];
  },
});

export const repeatedSubject = defineRule({
  id: "naming.repeated-subject",
  category: "naming",
  title: "同一功能科目在一张表中只列示一次",
  description:
    "一张表（同一方）中同一功能科目只应列示一行（分单位列示的各单位行、“其中”行除外）。两行读作同一科目时（印有相同编码，或不印编码的表中两行同名），其中一行的名称或编码可能有误；该表不再按科目与他表逐一核对（无从确定各行的科目）。",
  severity: "warning",
  source: {
    basis: "identity",
    ref: "财政部《政府收支分类科目》：每个功能科目在按科目列示的表中只有一行",
  },
  check: (report) => {
    const out: Outcome[] = [];
    for (const t of report.tables) {
      if (!t.rows.some((r) => r.codeSystem === "functional")) continue;
      const repeated = repeatedCodes(t);
      if (!repeated.length) {
        out.push(PASS);
        continue;
      }
      for (const { code, rows } of repeated)
        out.push({
          status: "fail",
          finding: {
            rule: "naming.repeated-subject",
            severity: "warning",
            message: `${tableName(t)}有 ${rows.length} 行都读作功能科目 ${code}（${rows.map((r) => `“${r.label.trim()}”`).join("、")}）：同一科目不应重复列示，其中一行的名称或编码可能有误（该表不按科目与其他表逐一核对）`,
            cells: rows.map((r) => r.labelCell),
            expected: null,
            actual: null,
            difference: null,
          },
        });
    }
    return out.length ? out : [{ status: "na", reason: "没有按功能科目列示的表" }];
  },
});

/** Σ terms in table t's unit, to its printed decimals. */
function termsIn(terms: Term[], t: Table, decimals: number): string {
  const fen = terms.reduce((s, x) => s + (x.weight ?? 1) * fenValue(x), 0);
  return fmt(fen / (UNIT_FACTOR[t.unit] * 100), decimals);
}

export const carryoverTitle = defineRule({
  id: "naming.carryover-title",
  category: "naming",
  title: "标题所写的上年结转口径与表中数字相符",
  description:
    "一般公共预算支出表标题写明不含上年结转，合计却恰等于本年一般公共预算加上年结转（收入总表，或财政拨款收支总表）、而不等于本年一般公共预算时，表中含上年结转或标题有误：说一次，各数按含上年结转与其他表核对（不再逐行报与其他表相差上年结转）；标题写明含上年结转、合计却恰等于本年一般公共预算而不含结转时同样。部门没有上年结转、或两种读法都不相符时不判断。",
  severity: "error",
  source: {
    basis: "identity",
    ref: "部门预算公开表样：表的标题说明其口径（不含上年结转 / 含上年结转），表中各数按该口径列示",
  },
  check: (report) => {
    const t5 = report.tables.find((t) => t.kind === "general_budget_expenditure" && !t.empty);
    const says = t5 && titleCarryover(t5);
    if (!t5 || !says)
      return [{ status: "na", reason: "一般公共预算支出表标题未说明是否含上年结转" }];
    const r = carryReading(report, t5);
    if (!r?.reading) return [{ status: "na", reason: "部门没有上年结转，或无法据合计判断口径" }];
    if ((says === "without") === (r.reading === "current")) return [PASS];
    // As the comparisons print figures: two decimals, more where the table prints more.
    const d = Math.max(2, Math.min(r.total.amount.decimals, 4));
    const fund = fundKeys(report, t5).length > 1 ? "财政拨款" : "一般公共预算";
    const total = termsIn([r.total], t5, d);
    const current = termsIn(r.current, t5, d);
    const carry = termsIn(r.carry, t5, d);
    // What the title says the 合计 should be: this year's money, or that with the 结转.
    const titled = says === "without" ? current : termsIn([...r.current, ...r.carry], t5, d);
    const from = tableName(r.currentFrom);
    const carryFrom =
      r.carryFrom && r.carryFrom !== r.currentFrom ? `（${tableName(r.carryFrom)}）` : "";
    const message =
      says === "without"
        ? `${tableName(t5)}标题写明不含上年结转，但「合计」 ${total} 比${from}本年${fund} ${current} 多出上年结转${fund} ${carry}${carryFrom}${t5.unit}：表中含上年结转，或标题有误（各数已按含上年结转与其他表核对）`
        : `${tableName(t5)}标题写明含上年结转，但「合计」 ${total} 等于${from}本年${fund} ${current}，未含上年结转${fund} ${carry}${carryFrom}${t5.unit}：表中不含上年结转，或标题有误（各数已按不含上年结转与其他表核对）`;
    const cells = [
      tableCell(t5),
      r.total.amount.cell,
      ...r.current.map((x) => x.amount.cell),
      ...r.carry.map((x) => x.amount.cell),
    ];
    return [
      {
        status: "fail",
        finding: {
          rule: "naming.carryover-title",
          severity: "error",
          message,
          cells: [...new Set(cells)],
          expected: Number(titled),
          actual: Number(total),
          difference: Number((Number(total) - Number(titled)).toFixed(d)),
        },
      },
    ];
  },
});

export const NAMING_RULES = [
  codeFormat,
  unitMagnitude,
  placeholders,
  functionalNames,
  repeatedSubject,
  economicNames,
  departmentName,
  tableYear,
  carryoverTitle,
  tableLabels,
  pageHeader,
  formUnit,
  incomeSideCodes,
];
