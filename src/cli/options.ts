/**
 * The command line's commands and options as data: the parser (Node's strict `util.parseArgs`), the help text and the
 * checks of option values all read these tables. A new option is one entry here (plus its use in the command).
 */
import { CATEGORIES, CATEGORY_NAMES, SEVERITIES, SEVERITY_NAMES } from "../core/rules/names";

export interface OptionSpec {
  /** Long name without the dashes: --fail-on → "fail-on". */
  name: string;
  type: "boolean" | "string";
  short?: string;
  /** Placeholder in the help text, for string options. */
  valueName?: string;
  /** Allowed values (string options); anything else is a usage error naming the option. */
  choices?: readonly string[];
  /** Given more than once: every value is kept (--skip a --skip b). */
  multiple?: boolean;
  /** Chinese help line. */
  help: string;
}

export interface CommandSpec {
  name: string;
  /** Positional arguments in the help text. */
  args: string;
  /** At least this many / at most this many positionals (undefined: no upper bound). */
  minArgs: number;
  maxArgs?: number;
  help: string;
  /** Option names this command accepts (global options are added to every command). */
  options: string[];
}

export const OPTIONS: OptionSpec[] = [
  { name: "json", type: "boolean", help: "输出一个 JSON 文档（格式见 docs/check-json.md）" },
  {
    name: "fail-on",
    type: "string",
    valueName: "error|warning",
    choices: ["error", "warning"],
    help: "有该级别（或更严重）的问题时退出码为 1，供持续集成使用",
  },
  {
    name: "min-severity",
    type: "string",
    valueName: "error|warning|rounding|info",
    choices: SEVERITIES,
    help: "只列出该级别及更严重的问题（计数仍含全部；高于 info 时不适用的规则只列条数）",
  },
  {
    name: "skip",
    type: "string",
    valueName: "规则或类别,…",
    multiple: true,
    help: "不执行这些规则（编号）或整类规则（类别编号），逗号分隔，可重复",
  },
  {
    name: "out",
    type: "string",
    valueName: "目录",
    help: "写出审核后的工作簿 <目录>/<名称>.reviewed.xlsx 和批量汇总 <目录>/审核汇总.xlsx；参数可为文件夹",
  },
  {
    name: "jobs",
    type: "string",
    valueName: "N",
    help: "与 --out 同用：同时审核的工作簿数（工作线程），默认为全部 CPU 核数",
  },
  { name: "debug", type: "boolean", help: "出错时附带内部细节（供开发者排查）" },
  { name: "help", type: "boolean", short: "h", help: "显示本帮助" },
  { name: "version", type: "boolean", short: "V", help: "显示版本号" },
];

/** Accepted by every command. */
export const GLOBAL_OPTIONS = ["debug", "help", "version"];

export const COMMANDS: CommandSpec[] = [
  {
    name: "inspect",
    args: "<文件.xlsx>",
    minArgs: 1,
    maxArgs: 1,
    help: "列出识别到的表格和未识别的内容",
    options: ["json"],
  },
  {
    name: "check",
    args: "<文件或文件夹 …>",
    minArgs: 1,
    help: "审核一个或多个工作簿（加 --out 时写出审核后的工作簿）",
    options: ["json", "fail-on", "min-severity", "skip", "out", "jobs"],
  },
  {
    name: "clear",
    args: "<文件或文件夹 …>",
    minArgs: 1,
    help: "去掉本工具加的标记、批注和审核表，写出 <目录>/<名称>.cleared.xlsx（须加 --out；原文件不改动）",
    options: ["out"],
  },
  {
    name: "rules",
    args: "",
    minArgs: 0,
    maxArgs: 0,
    help: "列出全部审核规则（Markdown）",
    options: [],
  },
];

/** Exit codes, as documented in the help text and the README. */
export const EXIT = {
  ok: 0,
  /** --fail-on tripped. */
  failOn: 1,
  /** A usage error, an unusable input, or an input in which no budget table was recognized (nothing was checked). */
  unusable: 2,
} as const;

export function optionsOf(cmd: CommandSpec | undefined): OptionSpec[] {
  const names = new Set([...(cmd?.options ?? []), ...GLOBAL_OPTIONS]);
  return OPTIONS.filter((o) => names.has(o.name));
}

export function usageText(): string {
  const lines = ["用法："];
  for (const c of COMMANDS)
    lines.push(
      `  budget-review ${c.name}${c.args ? " " + c.args : ""}${optionsOf(c)
        .filter((o) => !GLOBAL_OPTIONS.includes(o.name))
        .map((o) => ` [--${o.name}${o.valueName ? " " + o.valueName : ""}]`)
        .join("")}`,
      `      ${c.help}`
    );
  lines.push("", "选项（--选项 值 与 --选项=值 均可）：");
  for (const o of OPTIONS) {
    const left = `  ${o.short ? `-${o.short}, ` : "    "}--${o.name}${o.valueName ? " " + o.valueName : ""}`;
    // Aligned by display width (a CJK character takes two columns), at least two spaces before the help text.
    const width = [...left].reduce(
      (w, ch) => w + (/[\u1100-\uffff]/.test(ch) && !/[…]/.test(ch) ? 2 : 1),
      0
    );
    lines.push(left + " ".repeat(Math.max(2, 46 - width)) + o.help);
  }
  lines.push("", "问题级别：" + SEVERITIES.map((s) => `${s}（${SEVERITY_NAMES[s]}）`).join("、"));
  lines.push(
    "规则类别（可用于 --skip）：" +
      CATEGORIES.map((c) => `${c}（${CATEGORY_NAMES[c]}）`).join("、") +
      "；规则编号见 budget-review rules"
  );
  lines.push(
    "",
    "退出码：0 审核完成；1 有达到 --fail-on 级别的问题；2 用法错误、文件无法读取或未识别到任何预算表（未做审核）"
  );
  return lines.join("\n");
}
