/** The report model (zod): the single source of the report's types. */
import { z } from "zod";

export const TABLE_KINDS = [
  "income_expenditure_summary",
  "income_summary",
  "expenditure_summary",
  "fiscal_appropriation_summary",
  "general_budget_expenditure",
  "general_budget_economic",
  "expenditure_economic",
  "basic_expenditure_economic",
  "basic_expenditure_functional",
  "basic_expenditure_unit",
  "gov_fund_income",
  "gov_fund_expenditure",
  "state_capital",
  "special_account",
  "three_public",
  "operating_funds",
  "project_expenditure",
  "project_expenditure_economic",
  "project_carryover",
  "purchase_services",
  "performance_target",
  "performance_list",
  "department_performance",
  "procurement",
  "assets",
  "other",
] as const;
export const TableKindSchema = z.enum(TABLE_KINDS);

/**
 * Column keys byunit_1, byunit_2 …: one column per unit of a table printed by unit (a “三公” table across, a line per
 * unit); the 单位 lines under a 部门 line are byunit_1_1, byunit_1_2 … (the 部门 column's key, _N).
 */
export const BY_UNIT = "byunit";

/** Columns of rates and changes (增长率, 增减; their repeats ratio_2, change_2 …): not amounts, never summed, may be negative. */
export const isRateOrChange = (key: string): boolean =>
  key.startsWith("ratio") || key.startsWith("change");
/** Last year's figures (上年数; prior, prior_2 …): summed within their table, compared with nothing, may be negative. */
export const isPrior = (key: string): boolean => key.startsWith("prior");
/*
 * Later years' plans (2026年计划数, 中期财政规划 / 以后年度; later, later_2 …: aliases.ts LATER_YEARS): summed down their
 * table, never one of this year's sources.
 */
export type TableKind = z.infer<typeof TableKindSchema>;

/**
 * Column keys of a 收入总表's income sources (一般公共预算 … 其他收入), in the order templates print them; the 收支总表's
 * line of each is `src_<key>`. 用事业基金弥补收支差额 (`balance_use`) and 上年结转 are not this year's sources.
 */
export const INCOME_SOURCE_COLUMNS = [
  "general",
  "gov_fund",
  "state_capital",
  "special_account",
  "unit_funds",
  "business",
  "operating",
  "superior",
  "affiliated",
  "other",
] as const;

/**
 * Column keys of 基本支出 printed by 部门预算支出经济分类 class (工资福利支出 301, 商品和服务支出 302, 对个人和家庭的补助
 * 303, 债务利息及费用支出 307, 资本性支出（基本建设）309, 资本性支出 310, 对企业补助（基本建设）311, 对企业补助 312,
 * 对社会保障基金补助 313, 其他支出 399) beside or instead of 人员经费 / 公用经费: together they are the line's 基本支出.
 */
export const ECONOMIC_CLASS_COLUMNS = [
  "wages",
  "goods_services",
  "household_subsidies",
  "debt_interest",
  "capital_construction",
  "capital",
  "enterprise_construction",
  "enterprise_subsidies",
  "social_security_fund",
  "other_expenditure",
] as const;
/** The 部门预算支出经济分类 class code of each economic-class column. */
export const ECONOMIC_CLASS_CODES: Readonly<
  Record<(typeof ECONOMIC_CLASS_COLUMNS)[number], string>
> = {
  wages: "301",
  goods_services: "302",
  household_subsidies: "303",
  debt_interest: "307",
  capital_construction: "309",
  capital: "310",
  enterprise_construction: "311",
  enterprise_subsidies: "312",
  social_security_fund: "313",
  other_expenditure: "399",
};

/**
 * The 三公 items printed with their parts (a band 小计 | parts laid across, or the parts' lines under the item's line):
 * 公务用车购置及运行费 = 购置费 + 运行费, 公务接待费 = 国内接待费 + 外事接待费. The item is one of the 三公, its parts are
 * not (they sit one level under it).
 */
export const THREE_PUBLIC_PARTS: Readonly<Record<string, readonly string[]>> = {
  vehicle: ["vehicle_purchase", "vehicle_operation"],
  reception: ["reception_domestic", "reception_foreign"],
};
/** Part key → its item's key (vehicle_purchase → vehicle, reception_foreign → reception). */
export const THREE_PUBLIC_ITEM_OF: ReadonlyMap<string, string> = new Map(
  Object.entries(THREE_PUBLIC_PARTS).flatMap(([item, parts]) => parts.map((p) => [p, item]))
);

export const UnitSchema = z.enum(["元", "万元", "千元", "亿元"]);
export type Unit = z.infer<typeof UnitSchema>;
/** 元 per unit: a figure in `unit` times UNIT_FACTOR[unit] is in 元. */
export const UNIT_FACTOR: Readonly<Record<Unit, number>> = {
  元: 1,
  千元: 1000,
  万元: 10000,
  亿元: 100000000,
};

/** One printed amount, tied to its cell. Blank and zero differ: blank has value null. */
export const AmountSchema = z.object({
  value: z.number().nullable(),
  /** Single-cell A1 reference with the sheet, e.g. '预算公开表3'!C6. */
  cell: z.string(),
  /** As printed (the displayed text). */
  text: z.string(),
  blank: z.boolean(),
  /** Printed decimals, for the rounding interval. */
  decimals: z.number().int(),
  /** The cell's row or column is hidden: stored in the workbook but not printed or published. */
  hidden: z.boolean().optional(),
  /** The cell lies outside the sheet's print area (打印区域): stored, but not printed or published. */
  outsidePrintArea: z.boolean().optional(),
  /** The cell holds something that is not an amount (错误值 #REF!, 逻辑值 TRUE, 文本“…”): value is null, blank is true, and a finding names it. */
  invalid: z.string().optional(),
  /** The unit typed after the number in a text cell (2338.24万元): the value is the number as printed. */
  suffix: z.enum(["元", "万元"]).optional(),
  /** A note mark printed after the number (50①, 21.00¹, 834.05*, as PDFs print them): not part of the value. */
  mark: z.string().optional(),
  /** A number in a cell with a date format: read as the number, printed as a date (`text`: 2月2日). */
  dated: z.boolean().optional(),
  /**
   * The cell stores text that prints a figure (“1,234.50”, “ 88 ”, full-width digits, “12.00万”): read as that figure,
   * but Excel's SUM leaves it out (input.text-amounts).
   */
  textCell: z.boolean().optional(),
  /** A formatted number wider than its column: Excel prints (and exports) it as ####. */
  hashes: z.boolean().optional(),
  /**
   * The cell is a formula whose stored result (`value`) is not what the formula computes from the stored figures: the
   * computed number (grid.staleFormulas). Excel shows the stored result until it recalculates (F9).
   */
  formulaResult: z.number().optional(),
  /**
   * A 增减额 figure (本年 − 上年, a column keyed change…): the difference of two printed figures carries both their
   * rounding, so summed with others (款 = Σ项 of the 增减 column) it stands for ±one whole last digit, not half
   * (tester33 T33-14). Against its own 本年 and 上年 (本年 = 上年 + 增减) it is one figure (Term.single).
   */
  difference: z.boolean().optional(),
});
export type Amount = z.infer<typeof AmountSchema>;

/**
 * Sides of a table printed as label / amount pairs side by side: income, expenditure by function, expenditure by use
 * (or by 部门预算经济分类), and a fourth pair by 政府预算经济分类 (Xi'an prints all four in one row band).
 */
export const SideSchema = z.enum([
  "income",
  "expenditure",
  "expenditure_use",
  "expenditure_gov_economic",
]);
/** The expenditure sides, in printed order. */
export const EXPENDITURE_SIDES = [
  "expenditure",
  "expenditure_use",
  "expenditure_gov_economic",
] as const;
export type Side = z.infer<typeof SideSchema>;

/** A column of amounts; key is semantic (total, general, basic, …), label is the header path as printed. */
export const ColumnSchema = z.object({
  key: z.string(),
  label: z.string(),
  side: SideSchema.optional(),
  /** Column letter in the sheet. */
  col: z.string(),
  /** The cell of the column's caption (its lowest header line that prints one), e.g. '表6'!F6. */
  cell: z.string().optional(),
  /**
   * The letters of the same column printed again in the table's other column groups (a list printed as groups side by
   * side: 人员经费 科目 | 金额 beside 公用经费 科目 | 金额 — one key, one column per group). Each row's amount cites its
   * own cell; absent for a table of one group.
   */
  groupCols: z.array(z.string()).optional(),
  /** The sheet column is hidden (every group's, when it has groupCols): not printed or published. */
  hidden: z.boolean().optional(),
});
export type Column = z.infer<typeof ColumnSchema>;

export const RowSchema = z.object({
  label: z.string(),
  /** Canonical meaning of the row when it has one (total, current_income_total, carryover_in, src_general, abroad …). */
  key: z.string().optional(),
  /** Functional (类/款/项) or economic classification code, digits only. */
  code: z.string().optional(),
  codeSystem: z.enum(["functional", "economic"]).optional(),
  /** The table prints no code: this one comes from the standard name (政府收支分类科目). */
  codeFromName: z.boolean().optional(),
  /** The code's own cell when the code is printed apart from the name (a code column, or the 类 of 类/款/项 columns). */
  codeCell: z.string().optional(),
  /**
   * The printed code when it is not a well-formed 3/5/7-digit code (20313999, 201399, 2O13999): `code` is then the
   * reading the row's name and place support, or absent when nothing decides it.
   */
  printedCode: z.string().optional(),
  /** Hierarchy level: 0 = a total row, 1 = 类 / top-level, 2 = 款, 3 = 项 … */
  level: z.number().int(),
  side: SideSchema.optional(),
  /** A 其中 row: part of the row above it, not a full breakdown (the parts may sum to less). */
  partial: z.boolean().optional(),
  /**
   * The 单位 whose block the line belongs to, in a table printed by 单位 with each 单位 line followed by its own 类 /
   * 款 / 项 lines (importer/unit-blocks.ts): a figure of that 单位, never the department's line of that code.
   */
  ofUnit: z.string().optional(),
  /**
   * 项目支出表: the 功能科目 (7-digit 项 code) the project is charged to — printed in the project's own 功能科目编码
   * column (an attribute, not the row's level) or given by the 项 line it is listed under. Absent elsewhere.
   */
  subjectCode: z.string().optional(),
  /** The cell printing subjectCode (the project's own code cell, or the 项 line's). */
  subjectCodeCell: z.string().optional(),
  /** Second name column (e.g. the 政府预算经济科目 in the 经济分类表). */
  altLabel: z.string().optional(),
  /** Sheet row, 1-based; the label's cell. */
  row: z.number().int(),
  labelCell: z.string(),
  /** The sheet row is hidden (by hand, a filter or a collapsed outline): not printed or published. */
  hidden: z.boolean().optional(),
  /** The sheet row lies outside the sheet's print area (打印区域): not printed or published. */
  outsidePrintArea: z.boolean().optional(),
  amounts: z.record(z.string(), AmountSchema),
});
export type Row = z.infer<typeof RowSchema>;

/** The form part of a 项目绩效目标表; its money block (实施期 / 年度 × sources) is in the table's rows. */
export const PerformanceFormSchema = z.object({
  project: z.string(),
  projectCell: z.string(),
  /** As printed: 1年, 一次性项目（1年结束）, 经常性项目 … when the form carries it. */
  period: z.string().optional(),
  attribute: z.string().optional(),
  department: z.string().optional(),
});
export type PerformanceForm = z.infer<typeof PerformanceFormSchema>;

export const TableSchema = z.object({
  id: z.string(),
  kind: TableKindSchema,
  sheet: z.string(),
  /** The region the table occupies, A1 without the sheet. */
  range: z.string(),
  title: z.string(),
  /** Printed table label: 预算公开表1, 表一, 部门公开表9 … */
  label: z.string().optional(),
  /**
   * The sheet holds other tables too (one-sheet exports, HTML pages named by their file): the sheet's name does not
   * name this table, so findings name it by its label or kind only (rules/helpers.ts tableName).
   */
  sharedSheet: z.boolean().optional(),
  /** The print area (打印区域) its sheet defines, as A1 ranges joined by “,”, when part of the table lies outside it. */
  printArea: z.string().optional(),
  year: z.number().int().optional(),
  /** The cell (with the sheet) printing that year: the meta line's, else the title's. naming.year cites it. */
  yearCell: z.string().optional(),
  /**
   * The earlier year a header still prints when no column is this year's (2024年合计 … under a 2025 title: importer.ts
   * staleHeaderYear), and its caption cell (with the sheet). The columns are read as this year's; naming.year warns.
   */
  headerYear: z.object({ year: z.number().int(), cell: z.string() }).optional(),
  /** Letters of columns printing figures under no caption (a caption lost in a PDF conversion): not read. */
  unnamedColumns: z.array(z.string()).optional(),
  department: z.string().optional(),
  /** The department as its cell prints it (full-width brackets kept), for quoting; `department` is normalized. */
  departmentText: z.string().optional(),
  /** The cell (with the sheet) its 部门 line prints the department in, when a meta line does. */
  departmentCell: z.string().optional(),
  unit: UnitSchema,
  unitText: z.string().optional(),
  /** The cell that prints the unit (单位：万元), when a meta line does. */
  unitCell: z.string().optional(),
  /**
   * A 绩效目标表 form printing no unit anywhere (no caption, unit line, sheet line or page header): how its unit was
   * chosen (importer/form-units.ts) — "tables": the unit the workbook's tables print, its figures agreeing with its
   * projects' in it; "magnitude": 元, the tables printing another unit but the forms' figures agreeing in 元;
   * "default": 元, no table printing a unit. naming.form-unit says so as a 提示.
   */
  unitAssumed: z.enum(["tables", "magnitude", "default"]).optional(),
  /**
   * Titled in its cells, what the sheet's page header (页眉) prints against the cells' own when the two differ: its 表号
   * (label), its 单位 (unit as read, unitText as printed). The cells' are read (importer.ts, page-title.ts
   * pageHeaderAdds); naming.page-header tells the reviewer.
   */
  pageHeaderDiffers: z
    .object({
      label: z.string().optional(),
      unit: UnitSchema.optional(),
      unitText: z.string().optional(),
    })
    .optional(),
  /**
   * Set by the engine (rules/units.ts) when every figure that has a counterpart elsewhere is exactly 10,000 times
   * (or a 10,000th of) it: the unit the figures are in, and the printed one. Rules compare in `unit`.
   */
  unitContradicted: z
    .object({
      printed: UnitSchema,
      pairs: z.number().int(),
      cells: z.array(z.string()),
      /**
       * Printing no unit, its figures equal those of the table at this range ('sheet'!A1:F30) once that one is re-read:
       * the re-reading carried along (reported with that table's).
       */
      via: z.string().optional(),
      /**
       * No figure of the table has a counterpart elsewhere (a “三公” table beside an economic table without 30217 /
       * 30231): inferred from magnitude — `figure` (its largest, as printed, at `cell`) is more than the department's
       * whole spending `bound` (`what`, at `boundCell`, in `boundUnit`), and within it at 1 / 10,000 (tester33 T33-20).
       */
      magnitude: z
        .object({
          figure: z.number(),
          cell: z.string(),
          what: z.string(),
          bound: z.number(),
          boundUnit: UnitSchema,
          boundCell: z.string(),
        })
        .optional(),
      /**
       * No item of a “三公” table has an economic line of its own: `items` (at `cells`), together `figure` as printed,
       * are exactly 10,000 times (or a 10,000th of) the line that holds them, `line` (“表6「30299 其他商品和服务支出」”,
       * `lineFigure` in `lineUnit` at `lineCell`) — rules/units.ts sumSlip.
       */
      sum: z
        .object({
          items: z.array(z.string()),
          cells: z.array(z.string()),
          figure: z.number(),
          line: z.string(),
          lineFigure: z.number(),
          lineUnit: UnitSchema,
          lineCell: z.string(),
        })
        .optional(),
    })
    .optional(),
  /** Scope notes read from the title, e.g. 不含上年结转. */
  excludesCarryover: z.boolean(),
  /**
   * Read without a title, and neither its kind nor its figures tell which money it covers (an untitled 经济分类 table
   * of 基本支出 | 项目支出: all funds or 一般公共预算; importer/untitled.ts): rules/scope.ts gives it no scope.
   */
  scopeUnknown: z.boolean().optional(),
  /**
   * A “三公” table printed across (its items as columns: one line, or one line per year — importer.ts
   * transposeThreePublic): each model row is a column of the sheet and each model column a line, so messages say
   * 栏 for a row (tester33 T33-16, tester34 T34-0).
   */
  across: z.boolean().optional(),
  /** Marked 注：本表无数据 / 空表 (whatever the body holds). */
  markedEmpty: z.boolean(),
  /**
   * The cell (with its sheet) of the note that declares the table empty (注：本表无数据 / 本部门无…，此表为空。), when
   * the table prints one: cited for the table's zeros when another table prints the money (rules/cross.ts).
   */
  emptyNoteCell: z.string().optional(),
  /** No amount in the body. */
  empty: z.boolean(),
  notes: z.array(z.string()),
  columns: z.array(ColumnSchema),
  rows: z.array(RowSchema),
  form: PerformanceFormSchema.optional(),
  /** 续表: the parts after the first (another sheet, or further down), joined into this table (importer/continuation.ts). */
  continued: z
    .array(z.object({ sheet: z.string(), range: z.string(), title: z.string() }))
    .optional(),
  /**
   * A page printed without a header of its own (a PDF page converted onto a sheet of its own, or under its title
   * printed again: data lines only), read through the header of the table `id` read just before it; joined to that
   * table (importer/bare-pages.ts, continuation.ts).
   */
  borrowsHeader: z.string().optional(),
  /** Named a 续表 of the table `id` (title, label or sheet with 续) but not joined to it, and why (another unit …). */
  continues: z.object({ id: z.string(), reason: z.string() }).optional(),
  /**
   * Lines printed one column right of the header (a PDF converter's inserted empty cell before 合计), read one column
   * left (importer/column-shift.ts): their 1-based sheet rows, and the cell each line's 合计 was read from.
   */
  columnShift: z.object({ rows: z.array(z.number().int()), cells: z.array(z.string()) }).optional(),
  /** Page bookkeeping lines skipped (本页小计 / 累计 / 承上页 / 过次页): each its cell (with the sheet) and its text. */
  pageLines: z.array(z.string()).optional(),
});
export type Table = z.infer<typeof TableSchema>;

export const UnrecognizedSchema = z.object({
  sheet: z.string(),
  range: z.string(),
  reason: z.string(),
  /** Content far from every table (past a long empty run), e.g. a lone value at A1048576. */
  stray: z.boolean().optional(),
  /** For stray content: the first cell and its text as displayed; for a titled table that could not be read: its title cell (with the sheet) and title. */
  cell: z.string().optional(),
  text: z.string().optional(),
  /** A titled table that could not be read (no header row …): the kind its title names. */
  kind: TableKindSchema.optional(),
});
export type Unrecognized = z.infer<typeof UnrecognizedSchema>;

/** One Chinese sentence from the host about the file as read, with how much it matters. */
export const ReadNoteSchema = z.object({
  severity: z.enum(["warning", "info"]),
  message: z.string(),
});
export type ReadNote = z.infer<typeof ReadNoteSchema>;

export const ReportSchema = z.object({
  department: z.string().optional(),
  year: z.number().int().optional(),
  /** Where year / department came from when no table prints them: a part title, a cover sheet, the file name, the tables' titles. */
  metaSource: z.string().optional(),
  /** Table titles listed in a 目录 (table of contents) sheet, when the workbook has one: what this template publishes. */
  contents: z.array(z.string()).optional(),
  /** A 部门决算 workbook (决算 titles, 预算数 / 决算数 pairs): recognised, not checked as a budget. */
  finalAccounts: z.boolean().optional(),
  /** The unit most tables use. */
  unit: UnitSchema.optional(),
  tables: z.array(TableSchema),
  unrecognized: z.array(UnrecognizedSchema),
  hiddenSheets: z.array(z.string()),
  /** What the host noticed while reading the file (repaired sheet names, formulas without a stored result …). */
  readNotes: z.array(ReadNoteSchema).optional(),
});
export type Report = z.infer<typeof ReportSchema>;
