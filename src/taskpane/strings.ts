/** UI strings: Chinese first, English when Office runs in English. */
export const STRINGS = {
  "zh-CN": {
    title: "预算审核",
    subtitle: "部门预算公开表审核",
    read: "读取工作簿",
    reading: "正在读取……",
    check: "开始审核",
    checking: "正在审核……",
    tables: (n: number) => `识别到 ${n} 张表`,
    unrecognized: "未识别的内容",
    noTables: "没有识别到预算表。请确认打开的是部门预算公开工作簿。",
    findings: (e: number, w: number, r: number, i: number) => `错误 ${e} · 警告 ${w} · 尾差 ${r} · 提示 ${i}`,
    noFindings: "未发现问题。",
    nothingChecked: "没有执行任何检查，不能视为审核通过。",
    rules: (c: number, p: number, f: number, n: number) => `检查 ${c} 项，通过 ${p}，不通过 ${f}，不适用 ${n}`,
    clickToSelect: "点击一条结果，Excel 将选中相应单元格。",
    readFailed: "读取工作簿失败：",
    selectFailed: "无法选中单元格：",
    hidden: "（隐藏）",
    rows: "行",
    empty: "空表",
    readOnlyNote: "本加载项只读取数据，不修改任何单元格的值或公式。",
  },
  "en-US": {
    title: "Budget Review",
    subtitle: "Department budget disclosure review",
    read: "Read workbook",
    reading: "Reading…",
    check: "Check",
    checking: "Checking…",
    tables: (n: number) => `${n} tables recognised`,
    unrecognized: "Not recognised",
    noTables: "No budget table was recognised in this workbook.",
    findings: (e: number, w: number, r: number, i: number) => `${e} errors · ${w} warnings · ${r} rounding · ${i} notes`,
    noFindings: "No findings.",
    nothingChecked: "Nothing was checked; this is not a pass.",
    rules: (c: number, p: number, f: number, n: number) => `${c} checked, ${p} passed, ${f} failed, ${n} not applicable`,
    clickToSelect: "Click a finding to select its cell in Excel.",
    readFailed: "Could not read the workbook: ",
    selectFailed: "Could not select the cell: ",
    hidden: " (hidden)",
    rows: "rows",
    empty: "empty",
    readOnlyNote: "This add-in only reads; it never changes a value or formula.",
  },
};
export type Strings = (typeof STRINGS)["zh-CN"];

export function stringsFor(language: string | undefined): Strings {
  return language && /^en/i.test(language) ? (STRINGS["en-US"] as unknown as Strings) : STRINGS["zh-CN"];
}
